package org.editprofile.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.http.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the tenant's discovery document once and keeps it for a day. MSAL4J's oidcAuthority would
 * otherwise download it on every client build, i.e. on every request.
 *
 * <p>When the tenant is slow or down, requests must not queue for it: while one request refreshes a
 * stale copy, every other request gets the stale copy at once, and after a failed fetch nobody
 * tries again until a back-off (10 s, doubling up to 5 minutes) has passed. Without any copy yet,
 * concurrent first requests share one fetch, and its failure is answered from memory until the
 * back-off ends.
 */
public final class OidcMetadataProvider {

  private static final Logger LOG = LoggerFactory.getLogger(OidcMetadataProvider.class);
  private static final Duration REFRESH_AFTER = Duration.ofHours(24);
  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
  private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI discoveryUrl;
  private final ExpectedIssuer expectedIssuer;
  private final CloseableHttpClient http;
  private final Clock clock;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Cached cached;
  private volatile Failure failure;

  private record Cached(OidcMetadata metadata, Instant fetchedAt) {
    boolean freshAt(Instant now) {
      return fetchedAt.plus(REFRESH_AFTER).isAfter(now);
    }
  }

  /** The last failed fetch, and when the next one may be tried. */
  private record Failure(TenantException cause, Duration backOff, Instant retryAt) {
    Failure next(TenantException newCause, Instant now) {
      Duration doubled = backOff.multipliedBy(2);
      Duration wait = doubled.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : doubled;
      return new Failure(newCause, wait, now.plus(wait));
    }
  }

  /** A discovery document naming an issuer the authority does not imply: never used. */
  static final class WrongIssuer extends TenantException {
    private static final long serialVersionUID = 1L;

    WrongIssuer(String message) {
      super(message);
    }
  }

  public OidcMetadataProvider(
      URI discoveryUrl, ExpectedIssuer expectedIssuer, CloseableHttpClient http, Clock clock) {
    this.discoveryUrl = discoveryUrl;
    this.expectedIssuer = expectedIssuer;
    this.http = http;
    this.clock = clock;
  }

  public URI discoveryUrl() {
    return discoveryUrl;
  }

  /**
   * Fetches the document at start-up, so the first sign-in does not wait for it and an issuer the
   * authority does not imply stops the app before anyone signs in.
   *
   * @return the issuer problem, if the tenant answered with a document of the wrong issuer; empty
   *     when it is right or the tenant cannot be reached yet (then the first request tries again)
   */
  public Optional<String> checkAtStartUp() {
    try {
      get();
      return Optional.empty();
    } catch (WrongIssuer e) {
      return Optional.of(e.getMessage());
    } catch (TenantException e) {
      LOG.warn("The tenant's OpenID configuration is not available yet: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The copy in hand, if any, without ever waiting for the tenant. */
  public Optional<OidcMetadata> cachedCopy() {
    return Optional.ofNullable(cached).map(Cached::metadata);
  }

  /** The cached document; a stale copy is served while a refresh is under way or failing. */
  public OidcMetadata get() {
    Cached current = cached;
    Instant now = clock.instant();
    if (current == null) {
      return first();
    }
    if (current.freshAt(now) || backingOff(now) || !refreshing.compareAndSet(false, true)) {
      return current.metadata();
    }
    try {
      return fetchAndRemember().metadata();
    } catch (TenantException e) {
      LOG.warn(
          "Serving the tenant's cached OpenID configuration; refreshing it failed: {}",
          e.getMessage());
      return current.metadata();
    } finally {
      refreshing.set(false);
    }
  }

  /** Before any copy exists, callers wait for one shared fetch (at most one timeout). */
  private synchronized OidcMetadata first() {
    Cached current = cached;
    if (current != null) {
      return current.metadata();
    }
    Failure last = failure;
    if (last != null && backingOff(clock.instant())) {
      throw last.cause() instanceof WrongIssuer
          ? new WrongIssuer(last.cause().getMessage())
          : new TenantException(last.cause().getMessage(), last.cause());
    }
    return fetchAndRemember().metadata();
  }

  private boolean backingOff(Instant now) {
    Failure last = failure;
    return last != null && now.isBefore(last.retryAt());
  }

  private Cached fetchAndRemember() {
    try {
      Cached fresh = new Cached(fetch(), clock.instant());
      cached = fresh;
      failure = null;
      return fresh;
    } catch (TenantException e) {
      Failure last = failure;
      Instant now = clock.instant();
      failure =
          last == null
              ? new Failure(e, FIRST_BACK_OFF, now.plus(FIRST_BACK_OFF))
              : last.next(e, now);
      throw e;
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
      Optional<String> wrongIssuer = expectedIssuer.problem(issuer);
      if (wrongIssuer.isPresent()) {
        throw new WrongIssuer(wrongIssuer.get());
      }
      URI jwks = URI.create(text(doc, "jwks_uri"));
      Optional<URI> authorize = optionalUri(doc, "authorization_endpoint");
      Optional<URI> endSession = optionalUri(doc, "end_session_endpoint");
      return new OidcMetadata(body, issuer, jwks, authorize, endSession);
    } catch (IOException | IllegalArgumentException e) {
      throw new TenantException(
          "Could not read the tenant's OpenID configuration from " + discoveryUrl, e);
    }
  }

  private static Optional<URI> optionalUri(JsonNode doc, String field) {
    return Optional.ofNullable(doc.get(field))
        .map(JsonNode::asText)
        .filter(s -> !s.isBlank())
        .map(URI::create);
  }

  private static String text(JsonNode doc, String field) throws IOException {
    JsonNode node = doc.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IOException("discovery document has no " + field);
    }
    return node.asText();
  }
}
