package org.editprofile.auth;

import org.editprofile.i18n.Text;

/** What the authorization response leads to; {@code /auth/redirect} turns it into HTTP. */
public sealed interface CallbackOutcome {

  /**
   * Signed in, or stepped up (a sign-in that asked for an MFA-protected resource's scopes): go to
   * the remembered in-app path.
   */
  record SignedIn(String returnPath, boolean steppedUp) implements CallbackOutcome {}

  /** The session holds no sign-in at all (expired, redeployed, bookmarked): start a new one. */
  record Restart() implements CallbackOutcome {}

  /** The response was refused; the message is safe to show. */
  record Rejected(int status, Text title, Text message) implements CallbackOutcome {}
}
