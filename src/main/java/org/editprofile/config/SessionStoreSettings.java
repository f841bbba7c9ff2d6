package org.editprofile.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where sessions are kept when every node shares them: a Redis server.
 *
 * @param url {@code redis://host:port[/db]}, or {@code rediss://} for TLS (Azure Cache for Redis)
 * @param password the store's password (or access key), if it needs one; never in the URL's logged
 *     form
 */
public record SessionStoreSettings(URI url, Optional<String> password) {

  public boolean tls() {
    return "rediss".equals(url.getScheme());
  }

  /** The database number: the URL's path ({@code /2}, or none for 0), checked when read. */
  public int database() {
    String number = url.getPath() == null ? "" : url.getPath().replace("/", "");
    return number.isEmpty() ? 0 : Integer.parseInt(number);
  }

  public int port() {
    return url.getPort() == -1 ? 6379 : url.getPort();
  }

  /** For logs and pages: host and port, never the password. */
  public String address() {
    return url.getScheme() + "://" + url.getHost() + ":" + port();
  }

  @Override
  public String toString() {
    return "SessionStoreSettings[" + address() + "]";
  }
}
