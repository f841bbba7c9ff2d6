package org.editprofile.tenant;

import com.microsoft.aad.msal4j.AuthenticationErrorCode;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.editprofile.credential.CredentialException;

/**
 * The one place that waits for MSAL4J's futures and says what its exceptions mean for the app: a
 * result, the user needed at the tenant, a refusal, or (thrown) a {@link TenantException} when the
 * tenant is unreachable, slow or throttling. (MSAL4J runs on the calling thread here, so its cache
 * lookups complete at once.)
 *
 * <p>MSAL4J turns only {@code invalid_grant} into {@link MsalInteractionRequiredException}; Entra
 * also answers {@code interaction_required} (for example to an on-behalf-of request that needs
 * MFA), {@code login_required} and {@code consent_required}, which equally mean "send the user to
 * the tenant".
 */
public final class MsalCalls {

  /** Longer than the HTTP client's own timeouts, so those fire first with a clearer cause. */
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * OpenID Connect's error codes that only the user, at the tenant, can resolve. (An {@code
   * invalid_grant} that MSAL4J did not map, such as a bad on-behalf-of assertion, is not one.)
   */
  private static final Set<String> NEEDS_USER =
      Set.of("interaction_required", "login_required", "consent_required");

  /**
   * The tenant did not accept the app's own credential: OAuth 2.0's answer to failed client
   * authentication, and Entra's to a client it does not know.
   */
  private static final Set<String> CREDENTIAL_REFUSED =
      Set.of("invalid_client", "unauthorized_client");

  /**
   * Entra's "the user account does not exist in the directory" (its error code reference), what a
   * deleted user's refresh token or on-behalf-of assertion meets.
   */
  private static final String ACCOUNT_GONE = "AADSTS50034";

  private MsalCalls() {}

  /** What the tenant (or MSAL4J's cache) answered. */
  public sealed interface Answer<T> {

    /** The token result. */
    record Issued<T>(T result) implements Answer<T> {}

    /**
     * The user must go to the tenant: an interaction error, or no usable token in the cache.
     *
     * @param errorCode the tenant's (or MSAL4J's) error, for the log
     * @param claims the claims to pass to authorize, if the tenant sent any
     */
    record NeedsUser<T>(String errorCode, Optional<String> claims) implements Answer<T> {}

    /** The tenant refused the request for another reason (a used code, a bad assertion...). */
    record Refused<T>(MsalServiceException failure) implements Answer<T> {

      public String errorCode() {
        return failure.errorCode();
      }

      /** The refusal as the failure to report, when the caller has nothing better to show. */
      public TenantException asTenantException(String what) {
        return unavailable(what, failure);
      }
    }
  }

  /**
   * Waits for an MSAL4J call.
   *
   * @param what the call, for the message of a thrown {@link TenantException}
   * @throws TenantException when the tenant could not be reached or answered unusably
   */
  public static <T> Answer<T> await(CompletableFuture<T> call, String what) {
    try {
      return new Answer.Issued<>(call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      return classify(e.getCause(), what);
    } catch (TimeoutException e) {
      throw new TenantException("The sign-in service did not answer in time: " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TenantException("Interrupted: " + what, e);
    }
  }

  private static <T> Answer<T> classify(Throwable failure, String what) {
    Optional<CredentialException> credential = credentialFailure(failure);
    if (credential.isPresent()) {
      throw TenantException.appCredential(
          "The app's own credential cannot be used: "
              + what
              + " ("
              + credential.get().getMessage()
              + ")",
          credential.get());
    }
    if (failure instanceof MsalServiceException service
        && CREDENTIAL_REFUSED.contains(service.errorCode())) {
      throw TenantException.appCredential(
          "The tenant refused the app's credential: " + what + " (" + firstLine(service) + ")",
          null);
    }
    if (failure instanceof MsalServiceException service
        && String.valueOf(service.getMessage()).contains(ACCOUNT_GONE)) {
      throw TenantException.accountGone(
          "The tenant no longer knows the user: " + what + " (" + firstLine(service) + ")");
    }
    if (failure instanceof MsalServiceException service) {
      if (!(failure instanceof MsalThrottlingException)
          && (failure instanceof MsalInteractionRequiredException
              || NEEDS_USER.contains(service.errorCode()))) {
        return new Answer.NeedsUser<>(
            service.errorCode(), Optional.ofNullable(service.claims()).filter(c -> !c.isBlank()));
      }
      return new Answer.Refused<>(service);
    }
    if (failure instanceof MsalClientException client
        && AuthenticationErrorCode.CACHE_MISS.equals(client.errorCode())
        && !(client.getCause() instanceof IOException)) {
      // Nothing in the cache to refresh with: a new authorization request is the only way.
      return new Answer.NeedsUser<>(client.errorCode(), Optional.empty());
    }
    throw new TenantException(what, failure);
  }

  /** MSAL4J wraps what a credential callback throws; the cause says the credential failed. */
  private static Optional<CredentialException> credentialFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CredentialException credential) {
        return Optional.of(credential);
      }
    }
    return Optional.empty();
  }

  /** The tenant's own words (led by the AADSTS code), without its trace and correlation ids. */
  private static String firstLine(MsalServiceException failure) {
    String message = String.valueOf(failure.getMessage());
    int trace = message.indexOf(" Trace ID:");
    String line =
        (trace > 0 ? message.substring(0, trace) : message).lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** The account with this home account id in the client's cache (answered from memory). */
  public static Optional<IAccount> account(
      ConfidentialClientApplication app, String homeAccountId) {
    return app.getAccounts().join().stream()
        .filter(a -> a.homeAccountId().equals(homeAccountId))
        .findFirst();
  }

  /** Removes that account, and its tokens, from the client's cache. */
  public static void removeAccount(ConfidentialClientApplication app, String homeAccountId) {
    account(app, homeAccountId).ifPresent(a -> app.removeAccount(a).join());
  }

  /**
   * The tenant's failure as a {@link TenantException}, with how long to wait when the tenant said
   * (a 429's or 503's Retry-After, or MSAL4J's own throttling).
   */
  static TenantException unavailable(String what, MsalServiceException failure) {
    Optional<Duration> retryAfter;
    if (failure instanceof MsalThrottlingException throttled) {
      retryAfter = Optional.of(Duration.ofMillis(Math.max(1000, throttled.retryInMs())));
    } else {
      retryAfter = retryAfter(failure.headers());
    }
    return new TenantException(what + " (" + failure.errorCode() + ")", failure, retryAfter);
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
