package org.editprofile.devtenant;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An error of the token endpoint in Entra's shape, thrown by the grant handlers and written in one
 * place: {@code error}, {@code error_description} led by the AADSTS code, {@code error_codes},
 * {@code timestamp}, {@code trace_id}, {@code correlation_id} (the caller's {@code
 * client-request-id} when it sent one), {@code error_uri}, and extras such as {@code suberror} and
 * {@code claims}.
 *
 * @param aadsts the AADSTS code, or 0 where Microsoft documents none
 */
public record EntraError(
    int status, String error, int aadsts, String message, Map<String, String> extra) {

  // The AADSTS codes used by the dev tenant, each as Microsoft's "Microsoft Entra authentication
  // and authorization error codes" page lists it.

  /** AADSTS50076: MFA required by Conditional Access (invalid_grant, suberror basic_action). */
  static final int MFA_REQUIRED = 50076;

  /** AADSTS50079: the user must register for or perform MFA (interaction_required on OBO). */
  static final int MFA_REGISTRATION_REQUIRED = 50079;

  /** AADSTS700082: the refresh token expired due to inactivity. */
  public static final int REFRESH_TOKEN_EXPIRED = 700082;

  /** AADSTS50173: the grant expired because it was revoked (password reset, revoked sessions). */
  public static final int GRANT_REVOKED = 50173;

  /** AADSTS65001: the user or administrator has not consented to use the application. */
  public static final int CONSENT_REQUIRED = 65001;

  public static EntraError invalidGrant(int aadsts, String message) {
    return new EntraError(400, "invalid_grant", aadsts, message, Map.of());
  }

  public static EntraError invalidGrant(int aadsts, String message, Map<String, String> extra) {
    return new EntraError(400, "invalid_grant", aadsts, message, extra);
  }

  public static EntraError invalidRequest(int aadsts, String message) {
    return new EntraError(400, "invalid_request", aadsts, message, Map.of());
  }

  public static EntraError invalidScope() {
    return new EntraError(
        400,
        "invalid_scope",
        70011,
        "The provided value for the input parameter 'scope' is not valid.",
        Map.of());
  }

  /** AADSTS28000: Entra issues tokens for one resource per request. */
  public static EntraError moreThanOneResource() {
    return invalidRequest(
        28000,
        "Provided value for the input parameter scope is not valid because it contains more than"
            + " one resource.");
  }

  /**
   * Conditional Access asks for MFA, in the shape MSAL4J turns into
   * MsalInteractionRequiredException: invalid_grant, AADSTS50076, suberror basic_action, and the
   * claims to send to authorize.
   */
  public static EntraError mfaRequired(String resource) {
    return invalidGrant(
        MFA_REQUIRED,
        "Due to a configuration change made by your administrator, or because you moved to a new"
            + " location, you must use multi-factor authentication to access '"
            + resource
            + "'.",
        Map.of("suberror", "basic_action", "claims", mfaClaims()));
  }

  /**
   * A refresh whose claims request names an authentication context the sign-in has not met: the MFA
   * error, with the request's own claims as the challenge to take to authorize.
   */
  public static EntraError authContextRequired(String claims) {
    return invalidGrant(
        MFA_REQUIRED,
        "Due to a configuration change made by your administrator, or because you moved to a new"
            + " location, you must use multi-factor authentication to access this resource.",
        Map.of("suberror", "basic_action", "claims", claims));
  }

  /**
   * What an on-behalf-of request gets when the downstream API's policy wants MFA the incoming token
   * lacks: {@code interaction_required} with the claims (Microsoft's on-behalf-of flow page shows
   * this exact shape). MSAL4J does not map it to MsalInteractionRequiredException.
   */
  public static EntraError onBehalfOfNeedsMfa() {
    return new EntraError(
        400,
        "interaction_required",
        MFA_REGISTRATION_REQUIRED,
        "Due to a configuration change made by your administrator, or because you moved to a new"
            + " location, you must enroll in multi-factor authentication to access"
            + " 'https://graph.microsoft.com'.",
        Map.of("claims", mfaClaims()));
  }

  /** The claims challenge of the MFA policy: the policy id, as Entra sends it. */
  static String mfaClaims() {
    return "{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\""
        + MFA_POLICY_ID
        + "\"]}}}";
  }

  /**
   * The id of the dev tenant's one Conditional Access policy (MFA for the edit profile service).
   */
  static final String MFA_POLICY_ID = "8a6e9f4c-3b1d-4c2a-9e7f-5d4c3b2a1f0e";

  /** Writes the error; the caller's client-request-id becomes its correlation_id. */
  public void send(Exchange ex, Optional<java.time.Duration> retryAfter) throws IOException {
    String trace = UUID.randomUUID().toString();
    String correlation =
        Optional.ofNullable(ex.header("client-request-id")).orElse(UUID.randomUUID().toString());
    String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    String code = aadsts == 0 ? "" : "AADSTS" + aadsts + ": ";
    body.put(
        "error_description",
        code
            + message
            + " Trace ID: "
            + trace
            + " Correlation ID: "
            + correlation
            + " Timestamp: "
            + timestamp);
    body.put("error_codes", aadsts == 0 ? List.of() : List.of(aadsts));
    body.put("timestamp", timestamp);
    body.put("trace_id", trace);
    body.put("correlation_id", correlation);
    if (aadsts != 0) {
      body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
    }
    body.putAll(extra);
    retryAfter.ifPresent(d -> ex.setHeader("Retry-After", Long.toString(d.toSeconds())));
    ex.json(status, body);
  }

  /** Thrown by a grant handler: the request ends with this error. */
  public static final class Raised extends Exception {
    private static final long serialVersionUID = 1L;
    public final transient EntraError error;

    Raised(EntraError error) {
      super(error.error(), null, false, false);
      this.error = error;
    }
  }

  public Raised raise() {
    return new Raised(this);
  }
}
