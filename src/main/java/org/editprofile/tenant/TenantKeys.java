package org.editprofile.tenant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's signing keys, one source for the whole app: the web app's ID-token check and the
 * edit profile service's bearer-token check both select keys here, so the JWKS is fetched, cached
 * and refreshed (on an unknown key id, rate-limited by Nimbus) once per tenant. The source follows
 * the discovery document's {@code jwks_uri} if it ever changes.
 *
 * <p>The key set is refreshed in the background shortly before its cached copy expires, so no
 * request waits for the tenant's keys once they are known. That refresh runs on threads this class
 * owns: a replaced source is closed at once and the current one when the app stops, so an undeploy
 * leaves no thread behind.
 */
public final class TenantKeys implements JWKSource<SecurityContext>, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(TenantKeys.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final OidcMetadataProvider metadata;
  private final CloseableHttpClient http;
  private volatile Source current;
  private volatile boolean closed;

  private record Source(URI jwksUri, JWKSource<SecurityContext> keys) {}

  public TenantKeys(OidcMetadataProvider metadata, CloseableHttpClient http) {
    this.metadata = metadata;
    this.http = http;
  }

  /** Selects RS256 keys from this tenant's JWKS: the only algorithm Entra signs tokens with. */
  public JWSKeySelector<SecurityContext> rs256() {
    return new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, this);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    return source().get(selector, context);
  }

  private JWKSource<SecurityContext> source() {
    URI jwksUri = metadata.get().jwksUri();
    Source known = current;
    if (known != null && known.jwksUri().equals(jwksUri)) {
      return known.keys();
    }
    synchronized (this) {
      if (closed) {
        // A request still running while the app stops must not start new refresh threads.
        throw new TenantException("the app is stopping");
      }
      known = current;
      if (known != null && known.jwksUri().equals(jwksUri)) {
        return known.keys();
      }
      Source fresh = new Source(jwksUri, build(jwksUri));
      current = fresh;
      if (known != null) {
        closeQuietly(known.keys());
      }
      return fresh.keys();
    }
  }

  private JWKSource<SecurityContext> build(URI jwksUri) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(
              jwksUri.toURL(), new HttpResourceRetriever(http))
          .refreshAheadCache(
              JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME,
              null,
              Executors.newSingleThreadExecutor(TenantKeys::thread),
              true,
              Executors.newSingleThreadScheduledExecutor(TenantKeys::thread),
              true)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new TenantException("the tenant's jwks_uri is not a URL", e);
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "edit-profile-tenant-keys-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Fetches the keys now (at start-up), so the first sign-in does not wait for them; a tenant that
   * cannot be reached yet is tried again on first use.
   *
   * @throws TenantException when the keys cannot be had yet
   */
  public void warmUp() {
    try {
      get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    } catch (KeySourceException e) {
      throw new TenantException("The signing keys could not be fetched: " + e.getMessage(), e);
    }
  }

  /** Stops the background refresh; called when the app stops. */
  @Override
  public synchronized void close() {
    closed = true;
    Source last = current;
    current = null;
    if (last != null) {
      closeQuietly(last.keys());
    }
  }

  private static void closeQuietly(JWKSource<SecurityContext> keys) {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.warn("Stopping the tenant key refresh failed", e);
      }
    }
  }
}
