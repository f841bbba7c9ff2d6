package org.editprofile.flow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.auth.StepUp;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Text;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.UserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account deletion page's logic: behind the MFA gate, a typed confirmation word, and a sign-in
 * of the last minutes (the tenant asks for the credentials again with {@code prompt=login}); then
 * the edit profile service deletes the account with its application permission. The service checks
 * the sign-in's age itself on the token it receives; this flow checks the ID token's {@code
 * auth_time} first, when it has one, to spare the customer a refused round trip.
 */
public final class DeleteAccountFlow {

  private static final Logger LOG = LoggerFactory.getLogger(DeleteAccountFlow.class);

  /**
   * How recent a sign-in this page accepts before calling the service: less than the service's five
   * minutes, so a sign-in that passes here still passes there.
   */
  static final Duration FRESH = Duration.ofMinutes(4);

  static final Text WRONG_WORD = Text.of("delete.wrongWord");
  static final Text SIGNED_IN_AGAIN = Text.of("delete.signedInAgain");
  static final Text VERIFY_FIRST = Text.of("delete.verifyFirst");
  static final Text THROTTLED = Text.of("delete.throttled");

  private final MfaGate gate;
  private final GraphClient graph;
  private final URI deleteUrl;
  private final Clock clock;

  /**
   * @param deleteUrl the edit profile service's deletion route
   */
  public DeleteAccountFlow(MfaGate gate, GraphClient graph, URI deleteUrl, Clock clock) {
    this.gate = gate;
    this.graph = graph;
    this.deleteUrl = deleteUrl;
    this.clock = clock;
  }

  /** {@code GET /users/deleteAccount}: the page, after MFA. */
  public DeleteOutcome open(UserSession session) {
    if (gate.check(session, Routes.DELETE_ACCOUNT) instanceof MfaGate.Result.Closed closed) {
      return outcome(closed.stepUp());
    }
    gate.succeeded(session);
    Optional<Text> notice =
        session.takeFlash().filter(f -> f.equals(SIGNED_IN_AGAIN) || f.equals(VERIFY_FIRST));
    return new DeleteOutcome.ShowForm(Optional.empty(), notice, 200);
  }

  /**
   * {@code POST /users/deleteAccount}.
   *
   * @param confirmed whether the customer typed the confirmation word of the page's language
   */
  public DeleteOutcome delete(UserSession session, boolean confirmed) {
    MfaGate.Result opened = gate.check(session, Routes.DELETE_ACCOUNT);
    if (opened instanceof MfaGate.Result.Closed closed) {
      session.setFlash(VERIFY_FIRST);
      return outcome(closed.stepUp());
    }
    if (!confirmed) {
      return new DeleteOutcome.ShowForm(Optional.of(WRONG_WORD), Optional.empty(), 400);
    }
    if (signedInLongAgo(session)) {
      return freshSignIn(session);
    }
    try {
      if (!graph.deleteThroughService(deleteUrl, ((MfaGate.Result.Open) opened).accessToken())) {
        LOG.info("The account was deleted already");
      }
      return new DeleteOutcome.Deleted();
    } catch (GraphException e) {
      if (e.reason() == Reason.STALE_SIGN_IN) {
        return freshSignIn(session);
      }
      if (e.reason() == Reason.CLAIMS_CHALLENGE) {
        session.setFlash(VERIFY_FIRST);
        return outcome(gate.stepUp(session, gate.scopes(), e.claims(), Routes.DELETE_ACCOUNT));
      }
      if (e.reason() == Reason.THROTTLED) {
        return new DeleteOutcome.ShowForm(Optional.empty(), Optional.of(THROTTLED), 429);
      }
      return new DeleteOutcome.Failed(e);
    }
  }

  /** The ID token says the sign-in is older than {@link #FRESH}; unknown counts as recent here. */
  private boolean signedInLongAgo(UserSession session) {
    Optional<Instant> authTime = session.user().flatMap(SignedInUser::authTime);
    return authTime.isPresent() && authTime.get().isBefore(clock.instant().minus(FRESH));
  }

  /** The credentials asked for again; back on the page, the customer confirms once more. */
  private DeleteOutcome freshSignIn(UserSession session) {
    session.setFlash(SIGNED_IN_AGAIN);
    return outcome(gate.freshSignIn(session, Routes.DELETE_ACCOUNT));
  }

  private static DeleteOutcome outcome(StepUp.Decision decision) {
    return decision instanceof StepUp.Decision.GoToTenant go
        ? new DeleteOutcome.GoToTenant(go.authorizeUrl())
        : new DeleteOutcome.StepUpCapped();
  }
}
