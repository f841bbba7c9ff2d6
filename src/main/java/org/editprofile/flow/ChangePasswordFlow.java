package org.editprofile.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.auth.StepUp;
import org.editprofile.auth.TokenService;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Text;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.profile.PasswordPolicy;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password page's logic: behind the same MFA gate as the edit form, the tenant's password rules
 * checked here first, then Graph's {@code POST /me/changePassword} with a token for {@code
 * Directory.AccessAsUser.All}. The session stays signed in; the next sign-in needs the new
 * password. Passwords are never kept (not in the session across a step-up, not in a re-shown form,
 * not in a log line).
 */
public final class ChangePasswordFlow {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePasswordFlow.class);

  static final Text CHANGED = Text.of("flash.passwordChanged");
  static final Text VERIFY_THEN_AGAIN = Text.of("password.verifyFirst");

  private final TokenService tokens;
  private final MfaGate gate;
  private final GraphClient graph;
  private final AppMetrics metrics;

  /**
   * @param gate the MFA gate every change to the account passes (the edit form's)
   */
  public ChangePasswordFlow(
      TokenService tokens, MfaGate gate, GraphClient graph, AppMetrics metrics) {
    this.tokens = tokens;
    this.gate = gate;
    this.metrics = metrics;
    this.graph = graph;
  }

  /** {@code GET /users/changePassword}: the form, after MFA and with Graph's permission. */
  public PasswordOutcome openForm(UserSession session) {
    if (ready(session) instanceof Ready.Stopped stopped) {
      return stopped.outcome();
    }
    // After a step-up a post asked for, the form says why it is empty again.
    return new PasswordOutcome.ShowForm(
        Map.of(), session.takeFlash().filter(VERIFY_THEN_AGAIN::equals), 200);
  }

  /** {@code POST /users/changePassword}. */
  public PasswordOutcome change(
      UserSession session, String current, String proposed, String confirmation) {
    Ready ready = ready(session);
    if (ready instanceof Ready.Stopped stopped) {
      // Typed passwords do not wait in the session for the step-up: the form asks again.
      session.setFlash(VERIFY_THEN_AGAIN);
      return stopped.outcome();
    }
    Map<String, Text> errors = new LinkedHashMap<>();
    for (PasswordPolicy.FieldError error : PasswordPolicy.check(current, proposed, confirmation)) {
      errors.putIfAbsent(error.field(), error.message());
    }
    if (!errors.isEmpty()) {
      return new PasswordOutcome.ShowForm(errors, Optional.empty(), 400);
    }
    try {
      GraphClient.PasswordChange answer =
          graph.changePassword(((Ready.Go) ready).accessToken(), current, proposed);
      return switch (answer) {
        case CHANGED -> {
          gate.succeeded(session);
          LOG.info("Password changed");
          metrics.accountChange("password_changed");
          session.setFlash(CHANGED);
          yield new PasswordOutcome.Changed();
        }
        case WRONG_CURRENT -> refused("currentPassword", Text.of("password.wrongCurrent"));
        case TOO_WEAK -> refused("newPassword", Text.of("password.refused"));
      };
    } catch (GraphException e) {
      if (e.reason() == Reason.THROTTLED) {
        return new PasswordOutcome.ShowForm(
            Map.of(), Optional.of(Text.of("password.throttled")), 429);
      }
      if (e.reason() == Reason.CLAIMS_CHALLENGE) {
        session.setFlash(VERIFY_THEN_AGAIN);
        return stepUp(session, GraphClient.DIRECTORY_ACCESS, e.claims());
      }
      return new PasswordOutcome.Failed(e);
    }
  }

  private static PasswordOutcome refused(String field, Text message) {
    return new PasswordOutcome.ShowForm(Map.of(field, message), Optional.empty(), 400);
  }

  /** Past the gate with Graph's token for the change, or the step-up that comes first. */
  private sealed interface Ready {
    record Go(String accessToken) implements Ready {}

    record Stopped(PasswordOutcome outcome) implements Ready {}
  }

  /** The gate, then Graph's permission; a step-up when either needs the user. */
  private Ready ready(UserSession session) {
    if (gate.check(session, Routes.CHANGE_PASSWORD) instanceof MfaGate.Result.Closed closed) {
      return new Ready.Stopped(outcome(closed.stepUp()));
    }
    TokenOutcome token = tokens.acquire(session, GraphClient.DIRECTORY_ACCESS);
    if (token instanceof TokenOutcome.NeedsUser needsUser) {
      return new Ready.Stopped(stepUp(session, GraphClient.DIRECTORY_ACCESS, needsUser.claims()));
    }
    return new Ready.Go(((TokenOutcome.Acquired) token).accessToken());
  }

  private PasswordOutcome stepUp(
      UserSession session, List<String> scopes, Optional<String> claims) {
    return outcome(gate.stepUp(session, scopes, claims, Routes.CHANGE_PASSWORD));
  }

  private static PasswordOutcome outcome(StepUp.Decision decision) {
    return decision instanceof StepUp.Decision.GoToTenant go
        ? new PasswordOutcome.GoToTenant(go.authorizeUrl())
        : new PasswordOutcome.StepUpCapped();
  }
}
