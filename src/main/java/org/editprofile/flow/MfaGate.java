package org.editprofile.flow;

import java.util.List;
import java.util.Optional;
import org.editprofile.auth.StepUp;
import org.editprofile.auth.TokenService;
import org.editprofile.graph.GraphClient;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.AuthContextClaims;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MFA gate in front of every change a customer makes to their account: the edit form and its
 * save, the password change. It opens with a token for its scopes (the tenant asks for MFA first
 * when a Conditional Access policy protects them) and, in auth-context mode, a sign-in whose ID
 * token named the context: a user who removed the claims request from the authorize URL signed in
 * without it, and steps up again.
 */
public final class MfaGate {

  private static final Logger LOG = LoggerFactory.getLogger(MfaGate.class);

  private final TokenService tokens;
  private final StepUp stepUp;
  private final List<String> scopes;
  private final Optional<String> authContext;

  /** Whether the change may go on, with the gate's token, or the step-up that comes first. */
  sealed interface Result {
    record Open(String accessToken) implements Result {}

    record Closed(StepUp.Decision stepUp) implements Result {}
  }

  /**
   * @param withService whether edits go through the edit profile service (whose scope the gate's
   *     token is then for, in either mode)
   */
  public MfaGate(
      TokenService tokens, StepUp stepUp, EditProfileFlow.StepUpMode mode, boolean withService) {
    this.tokens = tokens;
    this.stepUp = stepUp;
    if (mode instanceof EditProfileFlow.StepUpMode.AuthContext context) {
      this.authContext = Optional.of(context.context());
      this.scopes =
          withService
              ? List.of(context.editProfileScope().orElseThrow())
              : GraphClient.USER_READ_WRITE;
    } else {
      this.authContext = Optional.empty();
      this.scopes = List.of(((EditProfileFlow.StepUpMode.ApiScope) mode).editProfileScope());
    }
  }

  /** The scopes of the gate's token. */
  List<String> scopes() {
    return scopes;
  }

  /**
   * @param returnPath where the browser comes back after a step-up
   */
  Result check(UserSession session, String returnPath) {
    TokenOutcome token = tokens.acquire(session, scopes);
    if (token instanceof TokenOutcome.NeedsUser needsUser) {
      return new Result.Closed(stepUp(session, scopes, needsUser.claims(), returnPath));
    }
    if (authContext.isPresent()
        && !session.user().map(u -> u.satisfied(authContext.get())).orElse(false)) {
      LOG.info("The sign-in did not satisfy authentication context {}: step-up", authContext.get());
      return new Result.Closed(stepUp(session, scopes, Optional.empty(), returnPath));
    }
    return new Result.Open(((TokenOutcome.Acquired) token).accessToken());
  }

  /** The page was served with every token it needed: its step-ups are done. */
  void succeeded(UserSession session) {
    stepUp.succeeded(session);
  }

  /**
   * A step-up for a change: in auth-context mode it asks for the context too, with any challenge's
   * claims.
   */
  StepUp.Decision stepUp(
      UserSession session, List<String> forScopes, Optional<String> claims, String returnPath) {
    return stepUp(session, forScopes, claims, returnPath, false);
  }

  /**
   * The gate's step-up with the credentials asked for again ({@code prompt=login}): for a change
   * that needs a recent sign-in, whose tokens then carry a new {@code auth_time}.
   */
  StepUp.Decision freshSignIn(UserSession session, String returnPath) {
    return stepUp(session, scopes, Optional.empty(), returnPath, true);
  }

  private StepUp.Decision stepUp(
      UserSession session,
      List<String> forScopes,
      Optional<String> claims,
      String returnPath,
      boolean fresh) {
    Optional<String> asked =
        authContext.map(c -> AuthContextClaims.merge(AuthContextClaims.request(c), claims));
    Optional<String> sent = asked.isPresent() ? asked : claims;
    return fresh
        ? stepUp.begin(session, forScopes, sent, returnPath, true)
        : stepUp.begin(session, forScopes, sent, returnPath);
  }
}
