package org.editprofile.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who is signed in, from the validated ID token. Small and serializable: it lives in the session.
 *
 * @param homeAccountId MSAL4J's account key ({@code <oid>.<tid>}) used to find cached tokens
 * @param claims the ID token's claims rendered as text, for the claims page
 * @param authContexts the authentication contexts the ID token's {@code acrs} claim says this
 *     sign-in satisfied
 */
public record SignedInUser(
    String homeAccountId,
    String objectId,
    String username,
    String displayName,
    TreeMap<String, String> claims,
    List<String> authContexts)
    implements Serializable {

  /** A sign-in that satisfied no authentication context. */
  public SignedInUser(
      String homeAccountId,
      String objectId,
      String username,
      String displayName,
      TreeMap<String, String> claims) {
    this(homeAccountId, objectId, username, displayName, claims, List.of());
  }

  /** A session written before contexts were kept holds none. */
  @Override
  public List<String> authContexts() {
    return authContexts == null ? List.of() : authContexts;
  }

  /** Whether this sign-in satisfied the authentication context. */
  public boolean satisfied(String authContext) {
    return authContexts().contains(authContext);
  }

  /**
   * When the user last entered their credentials: the ID token's {@code auth_time}, if it had one.
   */
  public Optional<Instant> authTime() {
    return new Claim("auth_time", claims.get("auth_time")).time();
  }

  /** What the home page greets: the name, else the sign-in name. */
  public String greetingName() {
    return displayName != null && !displayName.isBlank() ? displayName : username;
  }

  /**
   * The claims as rows for the claims page, in name order. Rows are a public class because EL reads
   * a map entry of a JDK-private class through a slower reflective path on every property.
   */
  public List<Claim> claimRows() {
    List<Claim> rows = new ArrayList<>(claims.size());
    claims.forEach((name, value) -> rows.add(new Claim(name, value)));
    return rows;
  }

  /** The claims that are instants (seconds since 1970, RFC 7519), shown as dates too. */
  private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

  /** One row of the claims page. */
  public static final class Claim {
    private final String name;
    private final String value;

    Claim(String name, String value) {
      this.name = name;
      this.value = value;
    }

    public String getName() {
      return name;
    }

    public String getValue() {
      return value;
    }

    /** For a time claim, its instant (the page shows it as a date too), else empty. */
    public Optional<Instant> time() {
      if (!TIME_CLAIMS.contains(name) || value == null || !EPOCH_SECONDS.matcher(value).matches()) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    }
  }

  // EL 6 (Tomcat 11) reads a record through its accessor methods, EL 5 (Tomcat 10.1) through
  // getters: the views' properties have both.

  public String getGreetingName() {
    return greetingName();
  }
}
