package org.editprofile.http;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id that ties one request's log lines, token calls and Graph calls together, and that a
 * customer reads off an error page. It is a GUID because Entra and Graph take {@code
 * client-request-id} only in that form. While a request runs it is in SLF4J's MDC, which is where
 * the outbound clients (MSAL4J, Graph, the edit profile service) pick it up.
 */
public final class CorrelationId {

  /** The MDC key, and the request attribute the error pages read. */
  public static final String KEY = "requestId";

  /** Sent back on every response, and honoured on the way in (load balancers set it). */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** Entra's and Graph's name for it, sent on every call to them and to the service. */
  public static final String CLIENT_REQUEST_ID_HEADER = "client-request-id";

  /** W3C Trace Context: a trace id from a tracing proxy becomes the GUID. */
  public static final String TRACEPARENT_HEADER = "traceparent";

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // version 00, a 32-hex trace id that is not all zeros, a 16-hex parent id, flags.
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private CorrelationId() {}

  /**
   * The id for an incoming request: a GUID given as X-Request-Id or client-request-id, else the
   * trace id of a valid traceparent, else a new one. Anything else offered is ignored, never
   * echoed, so a caller cannot put arbitrary text into our logs or the tenant's.
   */
  public static String forRequest(UnaryOperator<String> header) {
    for (String name : new String[] {REQUEST_ID_HEADER, CLIENT_REQUEST_ID_HEADER}) {
      String offered = header.apply(name);
      if (offered != null && GUID.matcher(offered.trim()).matches()) {
        return offered.trim().toLowerCase(java.util.Locale.ROOT);
      }
    }
    String traceparent = header.apply(TRACEPARENT_HEADER);
    if (traceparent != null) {
      var trace = TRACEPARENT.matcher(traceparent.trim());
      if (trace.matches()) {
        String hex = trace.group(1);
        return hex.substring(0, 8)
            + "-"
            + hex.substring(8, 12)
            + "-"
            + hex.substring(12, 16)
            + "-"
            + hex.substring(16, 20)
            + "-"
            + hex.substring(20);
      }
    }
    return newGuid();
  }

  /**
   * A new random GUID (version 4, the IETF variant). The id is no secret, it is shown on error
   * pages and sent to the tenant, so it comes from the thread's own generator: {@link
   * UUID#randomUUID} draws from one SecureRandom that every request thread would queue for.
   */
  static String newGuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** The id of the request this thread is serving, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(KEY));
  }
}
