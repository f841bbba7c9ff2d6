package org.editprofile.session;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Text;

/**
 * Everything the app keeps about one browser, behind one typed facade: the HTTP session's attribute
 * names and casts exist only here, and so does the choice to keep pending sign-ins in the browser
 * instead. Each attribute is small and serializable and is written back whenever it changes, so
 * container session persistence and replication see every change.
 */
public final class UserSession {

  private static final String USER = "auth.user";
  private static final String TOKEN_CACHE = "auth.tokenCache";
  private static final String SIGNED_IN_AT = "auth.signedInAt";

  /** Each spent state is {@code auth.spent.<state>}, holding when it was spent. */
  private static final String SPENT = "auth.spent.";

  private static final String STEP_UP_ATTEMPTS = "auth.stepUpAttempts";
  private static final String DRAFT = "profile.draft";
  private static final String FLASH = "profile.flash";
  private static final String CSRF_TOKEN = "web.csrf";

  private final SessionStore store;
  private final PendingSignInStore pending;

  /**
   * @param store the server session
   * @param pending the authorization requests the browser has not come back from
   */
  public UserSession(SessionStore store, PendingSignInStore pending) {
    this.store = store;
    this.pending = pending;
  }

  public Optional<SignedInUser> user() {
    return get(USER, SignedInUser.class);
  }

  /** The MSAL token cache, serialized and sealed ({@link TokenCacheCipher}). */
  public Optional<String> tokenCache() {
    return get(TOKEN_CACHE, String.class);
  }

  /** Stores the sealed MSAL token cache, only when it changed. */
  public void saveTokenCache(String sealed) {
    if (!sealed.equals(store.get(TOKEN_CACHE))) {
      store.set(TOKEN_CACHE, sealed);
    }
  }

  /**
   * Completes a sign-in or step-up: a new session id (so a fixed or stolen pre-login id is
   * worthless), then the user and their tokens. Anyone but the user already signed in here (a new
   * sign-in, or another person on a shared device) starts from an empty session: no draft, flash or
   * step-up count of someone else's, and a fresh CSRF token. A step-up of the same user keeps them:
   * the draft waits for the form, and the count is what caps step-up loops.
   */
  public void signIn(SignedInUser user, String tokenCache, Instant now) {
    boolean sameUser =
        user().map(previous -> previous.homeAccountId().equals(user.homeAccountId())).orElse(false);
    store.renewId();
    if (!sameUser) {
      for (String perUser : List.of(DRAFT, FLASH, STEP_UP_ATTEMPTS, CSRF_TOKEN)) {
        if (store.get(perUser) != null) {
          store.remove(perUser);
        }
      }
      // The session's absolute lifetime counts from here; a step-up does not extend it.
      store.set(SIGNED_IN_AT, now);
    }
    store.set(USER, user);
    store.set(TOKEN_CACHE, tokenCache);
  }

  /**
   * True when someone is signed in here and the sign-in is older than {@code lifetime} (or of
   * unknown age): the session must end.
   */
  public boolean signInOutlived(Duration lifetime, Instant now) {
    if (store.get(USER) == null) {
      return false;
    }
    return get(SIGNED_IN_AT, Instant.class).map(at -> !at.plus(lifetime).isAfter(now)).orElse(true);
  }

  public void invalidate() {
    store.invalidate();
  }

  /** The browser's pending sign-ins, with the states this session already spent. */
  public PendingSignIns pendingSignIns() {
    return PendingSignIns.of(pending.all(), spentStates());
  }

  /** The states this session spent, with when. */
  private Map<String, Instant> spentStates() {
    Map<String, Instant> spent = new HashMap<>();
    for (String name : store.names()) {
      if (name.startsWith(SPENT)) {
        get(name, Instant.class).ifPresent(at -> spent.put(name.substring(SPENT.length()), at));
      }
    }
    return spent;
  }

  /**
   * Remembers a new authorization request in the browser (never in the session: a visitor has
   * none), then forgets the expired ones and the oldest beyond the bound.
   */
  public void addPendingSignIn(PendingSignIn added, Instant now) {
    pending.add(added);
    for (String state : PendingSignIns.of(pending.all(), Map.of()).toDropAfterAdding(added, now)) {
      pending.remove(state);
    }
  }

  /**
   * Spends the pending sign-in with this state, if the browser holds it and it has not expired: it
   * is forgotten. Nothing is written to the session (a visitor has none); see {@link
   * #rememberSpent}.
   */
  public Optional<PendingSignIn> spendPendingSignIn(String state, Instant now) {
    Optional<PendingSignIn> found = pending.find(state);
    if (found.isEmpty() || found.get().expiresAt().isBefore(now)) {
      return Optional.empty();
    }
    pending.remove(state);
    return found;
  }

  /**
   * Remembers in a signed-in session that this state was answered, so the same response coming back
   * (the Back button, a replay) is told "already used". A visitor's session is not created for it.
   */
  public void rememberSpent(String state, Instant now) {
    if (user().isEmpty()) {
      return;
    }
    store.set(SPENT + state, now);
    // Only the session's own states: the browser's cookies have nothing to do with it.
    for (String old : PendingSignIns.of(List.of(), spentStates()).spentToForget()) {
      store.remove(SPENT + old);
    }
  }

  public Optional<StepUpAttempts> stepUpAttempts() {
    return get(STEP_UP_ATTEMPTS, StepUpAttempts.class);
  }

  public void setStepUpAttempts(StepUpAttempts attempts) {
    store.set(STEP_UP_ATTEMPTS, attempts);
  }

  public void clearStepUpAttempts() {
    // Most requests have nothing to clear: no removal, so no session write to replicate.
    if (store.get(STEP_UP_ATTEMPTS) != null) {
      store.remove(STEP_UP_ATTEMPTS);
    }
  }

  /** Keeps what the user typed until the edit form is shown again. */
  public void keepDraft(ProfileDraft draft) {
    store.set(DRAFT, draft);
  }

  /** The kept draft, removed from the session: it is shown once. */
  public Optional<ProfileDraft> takeDraft() {
    return take(DRAFT, ProfileDraft.class);
  }

  /** A one-time message for the next profile page. */
  public void setFlash(Text message) {
    store.set(FLASH, message);
  }

  public Optional<Text> takeFlash() {
    return take(FLASH, Text.class);
  }

  /** The CSRF token, if the session has one; never creates a session. */
  public Optional<String> csrfToken() {
    return get(CSRF_TOKEN, String.class);
  }

  public void setCsrfToken(String token) {
    store.set(CSRF_TOKEN, token);
  }

  private <T extends Serializable> Optional<T> get(String name, Class<T> type) {
    Object value = store.get(name);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  private <T extends Serializable> Optional<T> take(String name, Class<T> type) {
    Optional<T> value = get(name, type);
    value.ifPresent(v -> store.remove(name));
    return value;
  }
}
