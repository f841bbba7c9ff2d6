package org.editprofile.session;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Text;

/**
 * Everything the app keeps in the HTTP session, behind one typed facade: attribute names and casts
 * exist only here. Each attribute is small and serializable and is written back whenever it
 * changes, so container session persistence and replication see every change.
 */
public final class UserSession {

  private static final String USER = "auth.user";
  private static final String TOKEN_CACHE = "auth.tokenCache";
  private static final String SIGNED_IN_AT = "auth.signedInAt";

  /** Each pending sign-in is the attribute {@code auth.pending.<state>}. */
  private static final String PENDING = "auth.pending.";

  /** Each spent state is {@code auth.spent.<state>}, holding when it was spent. */
  private static final String SPENT = "auth.spent.";

  private static final String STEP_UP_ATTEMPTS = "auth.stepUpAttempts";
  private static final String DRAFT = "profile.draft";
  private static final String FLASH = "profile.flash";
  private static final String CSRF_TOKEN = "web.csrf";

  private final SessionStore store;

  public UserSession(SessionStore store) {
    this.store = store;
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

  /** The session's pending sign-ins and spent states, as they are now. */
  public PendingSignIns pendingSignIns() {
    List<PendingSignIn> pending = new ArrayList<>();
    Map<String, Instant> spent = new HashMap<>();
    for (String name : store.names()) {
      if (name.startsWith(PENDING)) {
        get(name, PendingSignIn.class).ifPresent(pending::add);
      } else if (name.startsWith(SPENT)) {
        get(name, Instant.class).ifPresent(at -> spent.put(name.substring(SPENT.length()), at));
      }
    }
    return PendingSignIns.of(pending, spent);
  }

  /**
   * Remembers a new authorization request under an attribute of its own (never a rewrite of a value
   * other tabs share), then forgets the expired ones and the oldest beyond the bound.
   */
  public void addPendingSignIn(PendingSignIn pending, Instant now) {
    store.set(PENDING + pending.state(), pending);
    for (String state : pendingSignIns().toDropAfterAdding(pending, now)) {
      store.remove(PENDING + state);
    }
  }

  /**
   * Spends the pending sign-in with this state, if it is here and not expired: it is removed and
   * its state remembered as spent. Callers on one node must not spend one state twice at once (see
   * {@link org.editprofile.auth.SignInCallback}); across nodes, the tenant redeems each code once.
   */
  public Optional<PendingSignIn> spendPendingSignIn(String state, Instant now) {
    Optional<PendingSignIn> found = get(PENDING + state, PendingSignIn.class);
    if (found.isEmpty() || found.get().expiresAt().isBefore(now)) {
      // Nothing spent; and nothing written, so a stray callback creates no session.
      return Optional.empty();
    }
    store.remove(PENDING + state);
    store.set(SPENT + state, now);
    for (String old : pendingSignIns().spentToForget()) {
      store.remove(SPENT + old);
    }
    return found;
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
