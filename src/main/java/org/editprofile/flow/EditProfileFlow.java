package org.editprofile.flow;

import java.net.URI;
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
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.UserProfile;
import org.editprofile.session.ProfileDraft;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile pages' logic, without servlets: read the profile with a {@code User.Read} token
 * (retrying once with Graph's claims, stepping up when the tenant asks), gate the edit form and
 * every write behind MFA, validate, and write the allow-listed fields the user changed through the
 * edit profile service or straight to Graph. The form carries the values it was opened with, so a
 * save needs no read of the profile first. Whatever happens to a save, what the user typed is kept
 * for the form.
 *
 * <p>The MFA gate ({@link MfaGate}) is one of two {@link StepUpMode}s: a token for the service's
 * scope, which a Conditional Access policy on that API protects; or, in addition, an authentication
 * context the sign-in's ID token must name in {@code acrs}, which the app checks itself.
 */
public final class EditProfileFlow {

  private static final Logger LOG = LoggerFactory.getLogger(EditProfileFlow.class);

  static final Text VERIFY_FIRST = Text.of("notice.verifyFirst");
  static final Text KEPT = Text.of("notice.kept");
  static final Text NOT_SAVED_YET = Text.of("notice.notSavedYet");
  static final Text UPDATED = Text.of("flash.updated");
  static final Text NOTHING_CHANGED = Text.of("flash.nothingChanged");

  private final TokenService tokens;
  private final StepUp stepUp;
  private final GraphClient graph;
  private final Optional<URI> serviceUrl;
  private final MfaGate gate;
  private final CustomAttributes writable;

  /** The scopes of the token that opens the gate: the one every write uses. */
  private final List<String> gateScopes;

  /** How editing requires MFA. */
  public sealed interface StepUpMode {

    /**
     * A token for the edit profile service's scope, which a Conditional Access policy on its API
     * protects (the tenant asks for MFA before it issues one).
     */
    record ApiScope(String editProfileScope) implements StepUpMode {}

    /**
     * An ID token whose {@code acrs} names the context (a Conditional Access policy on the context
     * asks for MFA), and a token for the service's scope, or for Graph's {@code User.ReadWrite}
     * when the app edits without the service.
     *
     * @param editProfileScope the service's scope; empty without the service
     */
    record AuthContext(String context, Optional<String> editProfileScope) implements StepUpMode {}
  }

  /**
   * @param editProfileScope the MFA-protected scope (Conditional Access) that gates editing
   * @param serviceUrl the edit profile service; empty to PATCH Graph with the app's own token
   */
  public EditProfileFlow(
      TokenService tokens,
      StepUp stepUp,
      GraphClient graph,
      String editProfileScope,
      Optional<URI> serviceUrl) {
    this(tokens, stepUp, graph, new StepUpMode.ApiScope(editProfileScope), serviceUrl);
  }

  /**
   * @param serviceUrl the edit profile service; empty to PATCH Graph with the app's own token
   */
  public EditProfileFlow(
      TokenService tokens,
      StepUp stepUp,
      GraphClient graph,
      StepUpMode mode,
      Optional<URI> serviceUrl) {
    this(
        tokens,
        stepUp,
        graph,
        new MfaGate(tokens, stepUp, mode, serviceUrl.isPresent()),
        serviceUrl,
        CustomAttributes.NONE);
  }

  /**
   * @param gate the MFA gate every change to the account passes
   * @param serviceUrl the edit profile service; empty to PATCH Graph with the app's own token
   * @param writable the custom attributes the form may change: only through a service that holds
   *     the application permission to write them (Graph has no delegated write for them)
   */
  public EditProfileFlow(
      TokenService tokens,
      StepUp stepUp,
      GraphClient graph,
      MfaGate gate,
      Optional<URI> serviceUrl,
      CustomAttributes writable) {
    if (!writable.isEmpty() && serviceUrl.isEmpty()) {
      throw new IllegalArgumentException("custom attributes are written by the service only");
    }
    this.writable = writable;
    this.tokens = tokens;
    this.stepUp = stepUp;
    this.graph = graph;
    this.serviceUrl = serviceUrl;
    this.gate = gate;
    this.gateScopes = gate.scopes();
  }

  /** The custom attributes the edit form lets the customer change. */
  public CustomAttributes writableAttributes() {
    return writable;
  }

  /**
   * What the form's fields show: the built-in fields and the writable attributes, by Graph name.
   */
  private Map<String, String> formValues(UserProfile profile) {
    if (writable.isEmpty()) {
      return profile.getValues();
    }
    Map<String, String> values = new LinkedHashMap<>(profile.getValues());
    for (CustomAttributes.Value custom : profile.custom()) {
      if (writable.attributes().contains(custom.attribute())) {
        values.put(writable.graphName(custom.attribute()), custom.value());
      }
    }
    return values;
  }

  /** {@code GET /users/gatedUpdateProfile}: the profile, read-only. */
  public ProfileOutcome showProfile(UserSession session) {
    Read read = readProfile(session, Routes.SHOW_PROFILE, Optional.empty());
    if (read instanceof Read.Stopped stopped) {
      return stopped.outcome();
    }
    stepUp.succeeded(session);
    return new ProfileOutcome.ShowProfile(((Read.Found) read).profile(), session.takeFlash());
  }

  /** {@code GET /users/updateProfile}: the edit form, only after MFA; a kept draft pre-fills it. */
  public ProfileOutcome openForm(UserSession session) {
    if (gate.check(session, Routes.EDIT_PROFILE_FORM) instanceof MfaGate.Result.Closed closed) {
      return stepUpOutcome(closed.stepUp());
    }
    Read read = readProfile(session, Routes.EDIT_PROFILE_FORM, Optional.empty());
    if (read instanceof Read.Stopped stopped) {
      return stopped.outcome();
    }
    stepUp.succeeded(session);
    UserProfile profile = ((Read.Found) read).profile();
    Map<String, String> current = formValues(profile);
    Optional<ProfileDraft> draft = session.takeDraft();
    return new ProfileOutcome.ShowForm(
        profile,
        draft.<Map<String, String>>map(ProfileDraft::values).orElse(current),
        // A draft's form compares with what the user saw before the round trip, not with now.
        draft.flatMap(ProfileDraft::shownWhenKept).orElse(current),
        Map.of(),
        draft.map(ProfileDraft::notice),
        200,
        writable);
  }

  /**
   * {@code POST /users/update}: the MFA gate, validation, then the write of what the user changed.
   *
   * @param submitted the posted values of allow-listed fields, by Graph name
   * @param shown the values the form says it was opened with, by Graph name (see {@link
   *     ProfileChanges#validate}); only decides which fields are sent, so a forged one can at most
   *     send a field the user may change anyway
   * @throws TenantException when the tenant fails (the draft is kept first)
   */
  public ProfileOutcome save(
      UserSession session, Map<String, String> submitted, Map<String, String> shown) {
    try {
      return gatedSave(session, submitted, shown);
    } catch (TenantException e) {
      // The tenant failed (unreachable, throttling): the error page says so, the typed values wait.
      keepDraft(session, submitted, shown, NOT_SAVED_YET);
      throw e;
    }
  }

  private ProfileOutcome gatedSave(
      UserSession session, Map<String, String> submitted, Map<String, String> shown) {
    // The MFA gate: no write of any kind before it opens.
    MfaGate.Result opened = gate.check(session, Routes.EDIT_PROFILE_FORM);
    if (opened instanceof MfaGate.Result.Closed closed) {
      keepDraft(session, submitted, shown, VERIFY_FIRST);
      return stepUpOutcome(closed.stepUp());
    }
    String gateToken = ((MfaGate.Result.Open) opened).accessToken();

    // Checked after the gate, so that without MFA not even an error form is shown.
    ProfileChanges.Validation checked = ProfileChanges.validate(submitted, shown, writable);
    if (!checked.errors().isEmpty()) {
      return new ProfileOutcome.ShowForm(
          null, submitted, shown, checked.errors(), Optional.empty(), 400, writable);
    }
    ProfileChanges changes = checked.changes().orElseThrow();
    if (changes.isEmpty()) {
      stepUp.succeeded(session);
      session.setFlash(NOTHING_CHANGED);
      return new ProfileOutcome.BackToProfile();
    }
    try {
      if (serviceUrl.isPresent()) {
        graph.updateThroughService(serviceUrl.get(), gateToken, changes);
      } else if (gateScopes.equals(GraphClient.USER_READ_WRITE)) {
        // The direct path in auth-context mode: the gate's own token is the write's.
        graph.updateMe(gateToken, changes);
      } else {
        // The direct path: the app's own User.ReadWrite token, after the same MFA gate.
        TokenOutcome write = tokens.acquire(session, GraphClient.USER_READ_WRITE);
        if (write instanceof TokenOutcome.NeedsUser needsUser) {
          keepDraft(session, submitted, shown, KEPT);
          return stepUp(session, GraphClient.USER_READ_WRITE, needsUser.claims());
        }
        graph.updateMe(((TokenOutcome.Acquired) write).accessToken(), changes);
      }
    } catch (GraphException e) {
      return writeFailed(session, submitted, shown, e);
    }
    stepUp.succeeded(session);
    LOG.info("Profile updated: {}", changes.body().keySet());
    session.setFlash(UPDATED);
    return new ProfileOutcome.BackToProfile();
  }

  private ProfileOutcome writeFailed(
      UserSession session,
      Map<String, String> submitted,
      Map<String, String> shown,
      GraphException e) {
    if (e.reason() == Reason.INVALID_INPUT) {
      return new ProfileOutcome.ShowForm(
          null, submitted, shown, e.fieldErrors(), Optional.empty(), 400, writable);
    }
    if (e.reason() == Reason.CLAIMS_CHALLENGE) {
      keepDraft(session, submitted, shown, VERIFY_FIRST);
      return stepUp(
          session, serviceUrl.isPresent() ? gateScopes : GraphClient.USER_READ_WRITE, e.claims());
    }
    keepDraft(session, submitted, shown, NOT_SAVED_YET);
    return new ProfileOutcome.Failed(e);
  }

  /** The profile, or why the page stops before showing it. */
  private sealed interface Read {
    record Found(UserProfile profile) implements Read {}

    record Stopped(ProfileOutcome outcome) implements Read {}
  }

  private Read readProfile(UserSession session, String returnPath, Optional<String> claims) {
    TokenOutcome outcome = tokens.acquire(session, GraphClient.USER_READ, claims);
    if (outcome instanceof TokenOutcome.NeedsUser needsUser) {
      return new Read.Stopped(
          stepUp(session, GraphClient.USER_READ, needsUser.claims(), returnPath));
    }
    try {
      return new Read.Found(graph.me(((TokenOutcome.Acquired) outcome).accessToken()));
    } catch (GraphException e) {
      if (e.reason() == Reason.CLAIMS_CHALLENGE && claims.isEmpty()) {
        // Graph asked for fresh claims (continuous access evaluation): try silently once with them.
        return readProfile(session, returnPath, e.claims());
      }
      if (e.reason() == Reason.CLAIMS_CHALLENGE) {
        return new Read.Stopped(stepUp(session, GraphClient.USER_READ, e.claims(), returnPath));
      }
      return new Read.Stopped(new ProfileOutcome.Failed(e));
    }
  }

  /**
   * A step-up that returns to the edit form (every write and the form itself); in auth-context mode
   * it asks for the context too, with any challenge's claims.
   */
  private ProfileOutcome stepUp(UserSession session, List<String> scopes, Optional<String> claims) {
    return stepUpOutcome(gate.stepUp(session, scopes, claims, Routes.EDIT_PROFILE_FORM));
  }

  private ProfileOutcome stepUp(
      UserSession session, List<String> scopes, Optional<String> claims, String returnPath) {
    return stepUpOutcome(stepUp.begin(session, scopes, claims, returnPath));
  }

  private static ProfileOutcome stepUpOutcome(StepUp.Decision decision) {
    if (decision instanceof StepUp.Decision.GoToTenant go) {
      return new ProfileOutcome.GoToTenant(go.authorizeUrl());
    }
    return new ProfileOutcome.StepUpCapped();
  }

  private static void keepDraft(
      UserSession session, Map<String, String> submitted, Map<String, String> shown, Text notice) {
    session.keepDraft(ProfileDraft.of(submitted, shown, notice));
  }
}
