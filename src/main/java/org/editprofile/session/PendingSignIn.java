package org.editprofile.session;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One authorization request the browser has not come back from yet. State, nonce and PKCE verifier
 * are each 256 bits from a CSPRNG (Nimbus's generators use SecureRandom).
 *
 * @param returnPath the in-app path to land on afterwards, already checked by {@link ReturnPath}
 * @param scopes the scopes asked for, redeemed with the code
 * @param expiresAt when the browser must be back by (the SIGN_IN_TIMEOUT_SECONDS setting)
 */
public record PendingSignIn(
    String state,
    String nonce,
    String codeVerifier,
    String returnPath,
    List<String> scopes,
    Instant expiresAt) {

  /**
   * Marks a state issued by an automatic restart, so a callback that again finds no pending state
   * shows a page instead of restarting forever (e.g. when the browser drops the session cookie).
   */
  static final String RESTART_MARK = ".r";

  public static PendingSignIn create(
      String returnPath, List<String> scopes, boolean restart, Instant now, Duration lifetime) {
    String state = new State().getValue() + (restart ? RESTART_MARK : "");
    return new PendingSignIn(
        state,
        new Nonce().getValue(),
        new CodeVerifier().getValue(),
        returnPath,
        List.copyOf(scopes),
        now.plus(lifetime));
  }

  public String codeChallenge() {
    return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(codeVerifier))
        .getValue();
  }

  public static boolean isRestartState(String state) {
    return state != null && state.endsWith(RESTART_MARK);
  }
}
