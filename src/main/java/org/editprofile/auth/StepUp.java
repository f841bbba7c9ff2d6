package org.editprofile.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.StepUpAttempts;
import org.editprofile.session.UserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a token needs the user (MFA, consent, an expired session): the browser
 * goes to the tenant and comes back to the page afterwards, unless this session already started
 * {@link #MAX_ATTEMPTS} step-ups within {@link #WINDOW}, which ends on a page instead of a loop.
 * The count is one per session, across every route and scope.
 */
public final class StepUp {

  private static final Logger LOG = LoggerFactory.getLogger(StepUp.class);
  public static final int MAX_ATTEMPTS = 3;
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final SignInRequests signIns;
  private final Clock clock;
  private final AppMetrics metrics;

  public StepUp(SignInRequests signIns, Clock clock, AppMetrics metrics) {
    this.signIns = signIns;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Where a step-up leads. */
  public sealed interface Decision {

    /** Redirect the browser to this authorize URL; the redirect is the whole response. */
    record GoToTenant(URI authorizeUrl) implements Decision {}

    /** Too many step-ups in a short time: show "verification not completed". */
    record Capped() implements Decision {}
  }

  /**
   * @param scopes the one resource's scopes the token is for
   * @param claims the tenant's or the resource's claims challenge, passed on to authorize
   * @param returnPath the in-app page to come back to
   */
  public Decision begin(
      UserSession session, List<String> scopes, Optional<String> claims, String returnPath) {
    return begin(session, scopes, claims, returnPath, false);
  }

  /**
   * @param freshSignIn whether the tenant must ask for the credentials again ({@code
   *     prompt=login}), for a change that needs a recent sign-in
   */
  public Decision begin(
      UserSession session,
      List<String> scopes,
      Optional<String> claims,
      String returnPath,
      boolean freshSignIn) {
    Instant now = clock.instant();
    StepUpAttempts attempts =
        session
            .stepUpAttempts()
            .filter(a -> !a.windowStart().plus(WINDOW).isBefore(now))
            .orElse(new StepUpAttempts(0, now));
    if (attempts.count() >= MAX_ATTEMPTS) {
      LOG.warn("Step-up for {} asked {} times in {}; stopping", scopes, attempts.count(), WINDOW);
      session.clearStepUpAttempts();
      metrics.stepUp("capped");
      return new Decision.Capped();
    }
    session.setStepUpAttempts(new StepUpAttempts(attempts.count() + 1, attempts.windowStart()));
    String loginHint = session.user().map(SignedInUser::username).orElse(null);
    SignInRequests.Options options = SignInRequests.Options.stepUp(scopes, claims, loginHint);
    URI authorizeUrl =
        signIns.start(session, returnPath, freshSignIn ? options.freshSignIn() : options);
    metrics.stepUp("started");
    return new Decision.GoToTenant(authorizeUrl);
  }

  /**
   * The page was served with every token it needed: the step-ups (if any) are done. Called only
   * then, never when one token of the page came silently: a silent MFA token followed by a lasting
   * challenge on the next token must keep counting, or the cap would reset itself each round.
   */
  public void succeeded(UserSession session) {
    session.clearStepUpAttempts();
  }
}
