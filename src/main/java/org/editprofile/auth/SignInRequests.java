package org.editprofile.auth;

import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.ResponseMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.TenantException;

/**
 * Starts an authorization request: remembers it in the session as a {@link PendingSignIn} and
 * builds the authorize URL with MSAL4J (code flow, state, nonce, PKCE S256).
 */
public final class SignInRequests {

  private final MsalApps apps;
  private final String redirectUri;
  private final Clock clock;

  /** How long the browser may take to come back from the tenant. */
  private final Duration timeout;

  public SignInRequests(MsalApps apps, URI redirectUri, Duration timeout, Clock clock) {
    this.apps = apps;
    this.redirectUri = redirectUri.toString();
    this.clock = clock;
    this.timeout = timeout;
  }

  /** What a particular authorization request asks for beyond a plain sign-in. */
  /**
   * @param fresh {@code prompt=login}: the tenant asks for the credentials again, even within its
   *     session, and the tokens carry the new {@code auth_time}
   */
  public record Options(
      List<String> scopes,
      Optional<String> claims,
      Optional<String> loginHint,
      boolean restart,
      boolean fresh) {

    public static Options signIn() {
      return new Options(List.of(), Optional.empty(), Optional.empty(), false, false);
    }

    public static Options restartSignIn() {
      return new Options(List.of(), Optional.empty(), Optional.empty(), true, false);
    }

    /** A step-up for one resource's scopes, passing the tenant's claims challenge on. */
    public static Options stepUp(List<String> scopes, Optional<String> claims, String loginHint) {
      return new Options(scopes, claims, Optional.ofNullable(loginHint), false, false);
    }

    /** The same step-up with the credentials asked for again. */
    public Options freshSignIn() {
      return new Options(scopes, claims, loginHint, restart, true);
    }
  }

  /** Returns the authorize URL the browser must be redirected to. */
  public URI start(UserSession session, String returnPath, Options options) {
    PendingSignIn pending =
        PendingSignIn.create(
            ReturnPath.orHome(returnPath),
            options.scopes(),
            options.restart(),
            clock.instant(),
            timeout);
    session.addPendingSignIn(pending, clock.instant());
    return authorizeUrl(pending, options);
  }

  /**
   * Builds one authorize URL and forgets it (its state is stored nowhere, so it can never complete
   * a sign-in): MSAL4J's client classes load at start-up instead of in the first visitor's wait.
   */
  public void warmUp() {
    authorizeUrl(
        PendingSignIn.create("/", List.of(), false, clock.instant(), timeout), Options.signIn());
  }

  private URI authorizeUrl(PendingSignIn pending, Options options) {
    AuthorizationRequestUrlParameters.Builder params =
        AuthorizationRequestUrlParameters.builder(
                redirectUri, new LinkedHashSet<>(options.scopes()))
            // MSAL4J 1.26 always asks for form_post (it overrides QUERY); /auth/redirect takes
            // both.
            .responseMode(ResponseMode.FORM_POST)
            .state(pending.state())
            .nonce(pending.nonce())
            .codeChallenge(pending.codeChallenge())
            .codeChallengeMethod("S256");
    options.claims().ifPresent(params::claimsChallenge);
    options.loginHint().ifPresent(params::loginHint);
    if (options.fresh()) {
      params.prompt(Prompt.LOGIN);
    }
    try {
      return apps.newClient().getAuthorizationRequestUrl(params.build()).toURI();
    } catch (URISyntaxException e) {
      throw new TenantException("The tenant's authorization endpoint is not a valid URL", e);
    }
  }
}
