package org.editprofile.session;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who is signed in, from the validated ID token. Small and serializable: it lives in the session.
 *
 * @param homeAccountId MSAL4J's account key ({@code <oid>.<tid>}) used to find cached tokens
 * @param claims the ID token's claims rendered as text, for the claims page
 */
public record SignedInUser(
    String homeAccountId,
    String objectId,
    String username,
    String displayName,
    TreeMap<String, String> claims)
    implements Serializable {

  /** What the home page greets: the name, else the sign-in name. */
  public String greetingName() {
    return displayName != null && !displayName.isBlank() ? displayName : username;
  }

  public Map<String, String> getClaims() {
    return claims;
  }

  public String getGreetingName() {
    return greetingName();
  }
}
