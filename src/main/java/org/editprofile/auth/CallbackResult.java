package org.editprofile.auth;

/** What {@code /auth/redirect} does with an authorization response. */
public sealed interface CallbackResult {

  /** Signed in (or stepped up): go to the remembered in-app path. */
  record SignedIn(String returnPath) implements CallbackResult {}

  /** The session holds no sign-in at all (expired, redeployed, bookmarked): start a new one. */
  record Restart() implements CallbackResult {}

  /** The response was refused; the message is safe to show. */
  record Rejected(int status, String title, String message) implements CallbackResult {}
}
