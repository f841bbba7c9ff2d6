package org.editprofile.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.editprofile.profile.AccountFacts.SignInMethod;
import org.editprofile.profile.AccountFacts.SignInMethod.Kind;
import org.junit.jupiter.api.Test;

/** Graph's {@code identities} read as the ways a customer signs in. */
class AccountFactsTest {

  @Test
  void emailAndUserNameAccountsAreLocalTheUserPrincipalNameIsNoWayIn() {
    assertEquals(
        Optional.of(new SignInMethod(Kind.EMAIL, "ada@example.com")),
        SignInMethod.of("emailAddress", "contoso.onmicrosoft.com", "ada@example.com"));
    assertEquals(
        Optional.of(new SignInMethod(Kind.EMAIL, "ada@example.com")),
        SignInMethod.of("emailAddress1", "contoso.onmicrosoft.com", "ada@example.com"));
    assertEquals(
        Optional.of(new SignInMethod(Kind.USER_NAME, "ada")),
        SignInMethod.of("userName", "contoso.onmicrosoft.com", "ada"));
    assertEquals(
        Optional.empty(),
        SignInMethod.of("userPrincipalName", "contoso.onmicrosoft.com", "x@contoso.com"));
    assertEquals(Optional.empty(), SignInMethod.of(null, "contoso.onmicrosoft.com", "x"));
  }

  @Test
  void socialAccountsAreNamedByTheirProvider() {
    assertEquals(
        Optional.of(new SignInMethod(Kind.SOCIAL, "Google")),
        SignInMethod.of("federated", "google.com", "1234"));
    assertEquals(
        Optional.of(new SignInMethod(Kind.SOCIAL, "Facebook")),
        SignInMethod.of("federated", "facebook.com", "1234"));
    assertEquals(
        Optional.of(new SignInMethod(Kind.SOCIAL, "login.example.org")),
        SignInMethod.of("federated", "login.example.org", "1234"));
  }

  @Test
  void onlyALocalAccountHasAPasswordToChange() {
    SignInMethod google = new SignInMethod(Kind.SOCIAL, "Google");
    SignInMethod email = new SignInMethod(Kind.EMAIL, "ada@example.com");
    assertFalse(
        new AccountFacts(Optional.empty(), Optional.empty(), List.of(google)).hasLocalAccount());
    assertTrue(
        new AccountFacts(Optional.empty(), Optional.empty(), List.of(google, email))
            .hasLocalAccount());
    assertFalse(AccountFacts.UNKNOWN.hasLocalAccount());
  }
}
