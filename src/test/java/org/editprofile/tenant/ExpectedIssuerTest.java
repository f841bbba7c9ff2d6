package org.editprofile.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which issuers a discovery document may name, for each form of authority the settings allow. */
class ExpectedIssuerTest {

  private static final String TID = "6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b";
  private static final String OTHER = "0a1b2c3d-0000-4000-8000-000000000001";

  @ParameterizedTest
  @CsvSource({
    // TENANT_SUBDOMAIN: Entra names the tenant by id on its own host.
    "https://contoso.ciamlogin.com/, https://" + TID + ".ciamlogin.com/" + TID + "/v2.0",
    // A tenant id in the authority: the same id.
    "https://contoso.ciamlogin.com/"
        + TID
        + "/v2.0/, https://"
        + TID
        + ".ciamlogin.com/"
        + TID
        + "/v2.0",
    // A custom URL domain, or any other authority: the authority itself.
    "https://login.contoso.com/" + TID + "/v2.0/, https://login.contoso.com/" + TID + "/v2.0",
    "https://login.contoso.com/" + TID + "/v2.0/, https://login.contoso.com/" + TID + "/v2.0/"
  })
  void problemWhenTheIssuerIsThisTenantsThenNone(String authority, String issuer) {
    assertEquals(Optional.empty(), ExpectedIssuer.forAuthority(authority).problem(issuer));
  }

  @ParameterizedTest
  @CsvSource({
    "https://contoso.ciamlogin.com/, https://evil.example/" + TID + "/v2.0",
    "https://contoso.ciamlogin.com/, https://" + TID + ".ciamlogin.com/" + OTHER + "/v2.0",
    "https://contoso.ciamlogin.com/, https://login.microsoftonline.com/" + TID + "/v2.0",
    "https://contoso.ciamlogin.com/, https://" + TID + ".ciamlogin.com/" + TID + "/v2.0/extra",
    "https://contoso.ciamlogin.com/"
        + TID
        + "/v2.0/, https://"
        + OTHER
        + ".ciamlogin.com/"
        + OTHER
        + "/v2.0",
    "https://login.contoso.com/" + TID + "/v2.0/, https://login.contoso.com/" + OTHER + "/v2.0",
    "https://login.contoso.com/"
        + TID
        + "/v2.0/, https://"
        + TID
        + ".ciamlogin.com/"
        + TID
        + "/v2.0",
    "https://127.0.0.1:8443/contoso.onmicrosoft.com/v2.0/, https://127.0.0.1:8443/" + TID + "/v2.0"
  })
  void problemWhenTheIssuerIsAnyOtherThenItIsNamed(String authority, String issuer) {
    Optional<String> problem = ExpectedIssuer.forAuthority(authority).problem(issuer);
    assertTrue(problem.isPresent(), issuer);
    assertTrue(problem.get().contains(issuer) && problem.get().contains(authority), problem.get());
  }
}
