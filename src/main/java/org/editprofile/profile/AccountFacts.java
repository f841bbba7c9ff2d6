package org.editprofile.profile;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Graph says about the account beside the profile: when it was created ({@code
 * createdDateTime}), when its password last changed ({@code lastPasswordChangeDateTime}) and how
 * the customer signs in ({@code identities}). Read-only: a customer changes none of it here.
 *
 * @param signInMethods the ways in, in Graph's order, without the user principal name Entra gives
 *     every account (nobody signs in with it in an external tenant)
 */
public record AccountFacts(
    Optional<Instant> createdAt,
    Optional<Instant> passwordChangedAt,
    List<SignInMethod> signInMethods) {

  public static final AccountFacts UNKNOWN =
      new AccountFacts(Optional.empty(), Optional.empty(), List.of());

  public AccountFacts {
    signInMethods = List.copyOf(signInMethods);
  }

  /** Whether the customer has an email (or user name) account of the tenant's own. */
  public boolean hasLocalAccount() {
    return signInMethods.stream().anyMatch(m -> m.kind() != SignInMethod.Kind.SOCIAL);
  }

  /**
   * One way to sign in. Graph's {@code identities} name an email account {@code emailAddress}
   * whether its customer signs in with a password or an email one-time passcode (Graph's
   * objectIdentity reference has no other type for either), so the two are one kind here.
   *
   * @param detail the address or user name, or the social provider's name
   */
  public record SignInMethod(Kind kind, String detail) {

    public enum Kind {
      EMAIL,
      USER_NAME,
      SOCIAL
    }

    /**
     * The method one Graph identity stands for; empty for the user principal name and for types the
     * app does not know.
     */
    public static Optional<SignInMethod> of(String signInType, String issuer, String id) {
      if (signInType == null) {
        return Optional.empty();
      }
      // Graph allows custom types that start with the standard name ("emailAddress1").
      if (signInType.startsWith("emailAddress") && id != null) {
        return Optional.of(new SignInMethod(Kind.EMAIL, id));
      }
      if (signInType.startsWith("userName") && id != null) {
        return Optional.of(new SignInMethod(Kind.USER_NAME, id));
      }
      if (signInType.equals("federated") && issuer != null) {
        return Optional.of(new SignInMethod(Kind.SOCIAL, provider(issuer)));
      }
      return Optional.empty();
    }

    /** The social providers External ID offers, by the issuer Graph names them with. */
    private static String provider(String issuer) {
      String host = issuer.toLowerCase(Locale.ROOT);
      if (host.contains("google")) {
        return "Google";
      }
      if (host.contains("facebook")) {
        return "Facebook";
      }
      if (host.contains("apple")) {
        return "Apple";
      }
      return issuer;
    }
  }
}
