package org.editprofile.auth;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.editprofile.graph.GraphClient;
import org.editprofile.http.LogSafe;
import org.editprofile.i18n.Text;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.PendingSignIns;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.AuthContextClaims;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalCalls;
import org.editprofile.tenant.MsalCalls.Answer;
import org.editprofile.tenant.TenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a sign-in from the authorization response: the state is spent first, then the tenant's
 * error if any, then code redemption with the PKCE verifier, then our own ID token checks, then a
 * new session id. Knows nothing of servlets; {@code /auth/redirect} passes the response in.
 */
public final class SignInCallback {

  private static final Logger LOG = LoggerFactory.getLogger(SignInCallback.class);

  private final MsalApps apps;
  private final IdTokenVerifier idTokens;
  private final TokenCacheCipher cipher;
  private final TokenService tokens;
  private final URI redirectUri;

  /** The states being answered on this node right now. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  private final Clock clock;

  public SignInCallback(
      MsalApps apps,
      IdTokenVerifier idTokens,
      TokenCacheCipher cipher,
      TokenService tokens,
      URI redirectUri,
      Clock clock) {
    this.apps = apps;
    this.cipher = cipher;
    this.tokens = tokens;
    this.idTokens = idTokens;
    this.redirectUri = redirectUri;
    this.clock = clock;
  }

  /** The parameters of the authorization response, from the query or the form_post body. */
  public record Response(String state, String code, String error, String errorDescription) {}

  public CallbackOutcome handle(UserSession session, Response response) {
    if (blank(response.state())) {
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.notAccepted.title"), Text.of("signIn.incomplete.message"));
    }
    // Single use on this node: while one request handles a state, a second one with it is told
    // it was already used. (On two nodes at once both may find it; the tenant then redeems the
    // code for one of them only.)
    if (!inFlight.add(response.state())) {
      LOG.warn("A concurrent second authorization response with one state was refused");
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.replayed.title"), Text.of("signIn.replayed.message"));
    }
    try {
      Optional<PendingSignIn> found = session.spendPendingSignIn(response.state(), clock.instant());
      if (found.isEmpty()) {
        return unknownState(session, session.pendingSignIns(), response.state());
      }
      CallbackOutcome outcome = answer(session, found.get(), response);
      session.rememberSpent(response.state(), clock.instant());
      return outcome;
    } finally {
      inFlight.remove(response.state());
    }
  }

  private CallbackOutcome answer(UserSession session, PendingSignIn pending, Response response) {
    if (!blank(response.error())) {
      LOG.info("Sign-in returned an error from the tenant: {}", LogSafe.clean(response.error()));
      return tenantError(response);
    }
    if (blank(response.code())) {
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.notAccepted.title"), Text.of("signIn.noCode.message"));
    }
    return redeem(session, pending, response.code());
  }

  /**
   * The tenant's own answer, in words the user can act on for the errors with a known cause; the
   * tenant's code and first line otherwise (escaped by the view).
   */
  private static CallbackOutcome tenantError(Response response) {
    if ("consent_required".equals(response.error())) {
      // AADSTS65001: customers of an external tenant cannot consent; only an administrator can.
      return new CallbackOutcome.Rejected(
          403, Text.of("signIn.notSetUp.title"), Text.of("signIn.notSetUp.message"));
    }
    return new CallbackOutcome.Rejected(
        400,
        Text.of("signIn.notCompleted.title"),
        // The tenant's own code and first line, as it wrote them (the tenant localizes them
        // itself).
        Text.of(
            "signIn.tenantAnswered.message",
            response.error()
                + (blank(response.errorDescription())
                    ? ""
                    : " - " + firstLine(response.errorDescription()))));
  }

  private CallbackOutcome unknownState(UserSession session, PendingSignIns pending, String state) {
    if (pending.isSpent(state)) {
      LOG.warn("A replayed authorization response was refused");
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.replayed.title"), Text.of("signIn.replayed.message"));
    }
    if (pending.knows(state)) {
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.tooLong.title"), Text.of("signIn.tooLong.message"));
    }
    if (pending.isEmpty() && !PendingSignIn.isRestartState(state)) {
      LOG.info(
          "Authorization response without a pending sign-in in this session; restarting sign-in");
      return new CallbackOutcome.Restart();
    }
    LOG.warn("Authorization response with an unknown state was refused");
    return new CallbackOutcome.Rejected(
        400, Text.of("signIn.notAccepted.title"), Text.of("signIn.foreign.message"));
  }

  private CallbackOutcome redeem(UserSession session, PendingSignIn pending, String code) {
    // The cache is stored once, with the user, when the sign-in completes.
    SessionTokenCache cache = new SessionTokenCache(session.tokenCache(), cipher, changed -> {});
    ConfidentialClientApplication app = apps.newClient(cache);
    Optional<SignedInUser> previous = session.user();
    Answer<IAuthenticationResult> answer =
        MsalCalls.await(
            app.acquireToken(
                AuthorizationCodeParameters.builder(code, redirectUri)
                    .scopes(new LinkedHashSet<>(pending.scopes()))
                    .codeVerifier(pending.codeVerifier())
                    .build()),
            "redeeming the authorization code");
    if (!(answer instanceof Answer.Issued<IAuthenticationResult> issued)) {
      LOG.warn("The tenant refused the authorization code: {}", errorCode(answer));
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.notCompleted.title"), Text.of("signIn.refused.message"));
    }
    IAuthenticationResult result = issued.result();

    IdTokenVerifier.Check check = idTokens.verify(result.idToken(), pending.nonce());
    if (check instanceof IdTokenVerifier.Check.Rejected rejected) {
      LOG.warn("{}", LogSafe.clean(rejected.reason()));
      return new CallbackOutcome.Rejected(
          400, Text.of("signIn.notCompleted.title"), Text.of("signIn.unverified.message"));
    }
    IDTokenClaimsSet claims = ((IdTokenVerifier.Check.Verified) check).claims();
    IAccount account = result.account();
    if (account == null) {
      throw new TenantException("The tenant's token response had no client_info, so no account");
    }
    // A different person finishing the flow in this browser replaces the previous one entirely.
    previous
        .filter(p -> !p.homeAccountId().equals(account.homeAccountId()))
        .ifPresent(p -> MsalCalls.removeAccount(app, p.homeAccountId()));

    SignedInUser user = toUser(account, claims);
    String sealed = cache.latest().orElseGet(() -> cipher.seal(app.tokenCache().serialize()));
    session.signIn(user, sealed, clock.instant());
    // The page the user lands on reads Graph (or, after a step-up, calls the protected API) with
    // the token just issued, without asking MSAL4J for it again.
    tokens.rememberSignIn(sealed, user.homeAccountId(), GraphClient.USER_READ, result);
    if (!pending.scopes().isEmpty()) {
      tokens.rememberSignIn(sealed, user.homeAccountId(), pending.scopes(), result);
    }
    LOG.info("User {} signed in", user.objectId());
    return new CallbackOutcome.SignedIn(pending.returnPath(), !pending.scopes().isEmpty());
  }

  private SignedInUser toUser(IAccount account, IDTokenClaimsSet claims) {
    TreeMap<String, String> shown = new TreeMap<>();
    for (Map.Entry<String, Object> claim : claims.toJSONObject().entrySet()) {
      Object value = claim.getValue();
      shown.put(claim.getKey(), String.valueOf(value));
    }
    String oid = claims.getStringClaim("oid");
    return new SignedInUser(
        account.homeAccountId(),
        oid != null ? oid : claims.getSubject().getValue(),
        account.username(),
        claims.getStringClaim("name"),
        shown,
        AuthContextClaims.satisfied(claims.toJSONObject().get("acrs")));
  }

  private static String errorCode(Answer<?> answer) {
    if (answer instanceof Answer.NeedsUser<?> needsUser) {
      return needsUser.errorCode();
    }
    return answer instanceof Answer.Refused<?> refused ? refused.errorCode() : "";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
