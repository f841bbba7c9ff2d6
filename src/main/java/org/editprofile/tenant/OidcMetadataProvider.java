package org.editprofile.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.http.OutboundHttp;

/**
 * Fetches the tenant's discovery document once and keeps it for a day. MSAL4J's oidcAuthority would
 * otherwise download it on every client build, i.e. on every request.
 */
public final class OidcMetadataProvider {

  private static final Duration REFRESH_AFTER = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI discoveryUrl;
  private final CloseableHttpClient http;
  private final Clock clock;
  private volatile Cached cached;

  private record Cached(OidcMetadata metadata, Instant fetchedAt) {}

  public OidcMetadataProvider(URI discoveryUrl, CloseableHttpClient http, Clock clock) {
    this.discoveryUrl = discoveryUrl;
    this.http = http;
    this.clock = clock;
  }

  public URI discoveryUrl() {
    return discoveryUrl;
  }

  /** The cached document; a stale copy is kept when a refresh fails. */
  public OidcMetadata get() {
    Cached current = cached;
    if (current != null && current.fetchedAt().plus(REFRESH_AFTER).isAfter(clock.instant())) {
      return current.metadata();
    }
    synchronized (this) {
      current = cached;
      if (current != null && current.fetchedAt().plus(REFRESH_AFTER).isAfter(clock.instant())) {
        return current.metadata();
      }
      try {
        OidcMetadata fresh = fetch();
        cached = new Cached(fresh, clock.instant());
        return fresh;
      } catch (TenantException e) {
        if (current != null) {
          return current.metadata();
        }
        throw e;
      }
    }
  }

  private OidcMetadata fetch() {
    try {
      String body =
          http.execute(
              new HttpGet(discoveryUrl),
              response -> {
                if (response.getCode() != 200) {
                  throw new IOException("discovery answered HTTP " + response.getCode());
                }
                return OutboundHttp.body(response.getEntity());
              });
      JsonNode doc = JSON.readTree(body);
      String issuer = text(doc, "issuer");
      URI jwks = URI.create(text(doc, "jwks_uri"));
      Optional<URI> endSession =
          Optional.ofNullable(doc.get("end_session_endpoint"))
              .map(JsonNode::asText)
              .filter(s -> !s.isBlank())
              .map(URI::create);
      return new OidcMetadata(body, issuer, jwks, endSession);
    } catch (IOException | IllegalArgumentException e) {
      throw new TenantException(
          "Could not read the tenant's OpenID configuration from " + discoveryUrl, e);
    }
  }

  private static String text(JsonNode doc, String field) throws IOException {
    JsonNode node = doc.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IOException("discovery document has no " + field);
    }
    return node.asText();
  }
}
