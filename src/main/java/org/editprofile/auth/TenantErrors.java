package org.editprofile.auth;

import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the tenant's token endpoint errors mean for the app. MSAL4J turns only {@code invalid_grant}
 * into {@link MsalInteractionRequiredException}; Entra also answers {@code interaction_required}
 * (for example to an on-behalf-of request that needs MFA), {@code login_required} and {@code
 * consent_required}, which equally mean "send the user to the tenant". Throttling (429) and
 * unavailability (503) carry a Retry-After worth showing.
 */
public final class TenantErrors {

  /**
   * OpenID Connect's error codes that only the user, at the tenant, can resolve. (An {@code
   * invalid_grant} that MSAL4J did not map, such as a bad on-behalf-of assertion, is not one.)
   */
  private static final Set<String> NEEDS_USER =
      Set.of("interaction_required", "login_required", "consent_required");

  private TenantErrors() {}

  /**
   * The user must go to the tenant.
   *
   * @param errorCode the tenant's error, for the log
   * @param claims the claims to pass to authorize, if the tenant sent any
   */
  public record NeedsUser(String errorCode, Optional<String> claims) {}

  /** Whether this failure needs the user at the tenant, and with which claims. */
  public static Optional<NeedsUser> interactionRequired(Throwable failure) {
    if (failure instanceof MsalServiceException service
        && !(failure instanceof MsalThrottlingException)
        && (failure instanceof MsalInteractionRequiredException
            || NEEDS_USER.contains(service.errorCode()))) {
      return Optional.of(new NeedsUser(service.errorCode(), claims(service)));
    }
    return Optional.empty();
  }

  private static Optional<String> claims(MsalServiceException e) {
    return Optional.ofNullable(e.claims()).filter(c -> !c.isBlank());
  }

  /**
   * The tenant's failure as an {@link IdentityProviderException}, with how long to wait when the
   * tenant said (a 429's or 503's Retry-After, or MSAL4J's own throttling).
   */
  public static IdentityProviderException unavailable(String what, Throwable failure) {
    Optional<Duration> retryAfter = Optional.empty();
    if (failure instanceof MsalThrottlingException throttled) {
      retryAfter = Optional.of(Duration.ofMillis(Math.max(1000, throttled.retryInMs())));
    } else if (failure instanceof MsalServiceException service) {
      retryAfter = retryAfter(service.headers());
    }
    String code =
        failure instanceof MsalServiceException service ? " (" + service.errorCode() + ")" : "";
    return new IdentityProviderException(what + code, failure, retryAfter);
  }

  private static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(e -> "Retry-After".equalsIgnoreCase(e.getKey()))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            })
        .filter(d -> !d.isNegative() && d.toHours() < 24);
  }
}
