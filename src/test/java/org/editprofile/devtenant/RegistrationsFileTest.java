package org.editprofile.devtenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.editprofile.credential.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationsFileTest {

  @TempDir Path dir;

  @Test
  void fromFileReadsCertificatesAndFederatedCredentialsByGraphsNames() throws Exception {
    TestCertificates uploaded = TestCertificates.valid("uploaded");
    TestCertificates inline = TestCertificates.valid("inline");
    uploaded.writeCertificatePem(dir.resolve("web.crt"));
    Path file =
        Files.writeString(
            dir.resolve("registrations.json"),
            """
            {"applications": [{
              "clientId": "web",
              "keyCredentials": [
                {"type": "AsymmetricX509Cert", "usage": "Verify", "path": "web.crt"},
                {"type": "AsymmetricX509Cert", "usage": "Verify", "key": "%s"}
              ],
              "federatedIdentityCredentials": [
                {"name": "ci", "issuer": "https://issuer.example", "subject": "repo:shop:main"}
              ]
            }]}
            """
                .formatted(Base64.getEncoder().encodeToString(inline.certificate().getEncoded())));
    Registrations.App app = Registrations.fromFile(file).byClientId("web").orElseThrow();
    assertNull(app.clientSecret(), "no secret: certificates and a federated credential instead");
    assertEquals(List.of(uploaded.certificate(), inline.certificate()), app.certificates());
    Registrations.FederatedCredential fic = app.federatedCredentials().get(0);
    assertEquals("https://issuer.example", fic.issuer());
    assertEquals("repo:shop:main", fic.subject());
    assertEquals(Set.of("api://AzureADTokenExchange"), fic.audiences(), "the default audience");
  }

  /** The example the documentation points operators at is a file the dev tenant accepts. */
  @Test
  void fromFileReadsTheDocumentedExampleWithEachKindOfCredential() throws Exception {
    Registrations example =
        Registrations.fromFile(Path.of("docs/dev-tenant-registrations.example.json"));
    Registrations.App web =
        example.byClientId("3c5e2f1a-7b9d-4e6f-8a1c-2d3e4f5a6b7c").orElseThrow();
    assertTrue(web.clientSecret() != null, "a secret");
    assertEquals(1, web.certificates().size(), "a certificate");
    assertEquals(1, web.federatedCredentials().size(), "a federated credential");
    Registrations.App service =
        example.byClientId("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968").orElseThrow();
    assertEquals(Set.of("acrs"), web.optionalClaims().idToken());
    assertEquals(Set.of("acrs", "xms_cc"), service.optionalClaims().accessToken());
    assertTrue(example.contextRequiresMfa("c1"), "the policy on the context");
    assertEquals(
        java.util.Map.of(
            "extension_b2c0e1d23c4b4a5986879a8b7c6d5e4f_loyaltyNumber", "String",
            "extension_b2c0e1d23c4b4a5986879a8b7c6d5e4f_newsletter", "Boolean"),
        example.extensionProperties());
    assertEquals(
        List.of("User.ReadWrite.All"),
        example.grantedApplicationPermissions("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968"));
  }

  @Test
  void fromFileReadsContextsAndPoliciesOnContextsAndOnApis() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("registrations.yaml"),
            """
            applications:
              - clientId: api
                clientSecret: s
                api: {scopes: [Do.Things]}
            authenticationContexts:
              - {id: c2, displayName: Payments}
              - {id: c7}
            conditionalAccessPolicies:
              - {displayName: Payments need MFA, authenticationContext: c2, grant: mfa}
              - {displayName: The API needs MFA, application: api, grant: mfa}
            """);
    Registrations registrations = Registrations.fromFile(file);
    assertTrue(registrations.contextRequiresMfa("c2"));
    assertTrue(registrations.knowsAuthContext("c7"));
    assertEquals(
        Set.of("c7"),
        registrations.contextsMet(Set.of("c2", "c7", "c9"), false),
        "without MFA only the context no policy targets; an undeclared one never");
    assertEquals(Set.of("c2", "c7"), registrations.contextsMet(Set.of("c2", "c7", "c9"), true));
    assertTrue(
        registrations.resources().stream()
            .anyMatch(r -> r.clientId().equals("api") && r.requiresMfa()),
        "the policy on the API");
  }

  @Test
  void fromFileRefusesAPolicyOnAnUndeclaredContextOrAnotherGrant() throws IOException {
    Path undeclared =
        Files.writeString(
            dir.resolve("undeclared.yaml"),
            """
            applications: [{clientId: web, clientSecret: s}]
            conditionalAccessPolicies: [{authenticationContext: c3, grant: mfa}]
            """);
    assertTrue(
        assertThrows(IOException.class, () -> Registrations.fromFile(undeclared))
            .getMessage()
            .contains("c3 is not declared"));
    Path block =
        Files.writeString(
            dir.resolve("block.yaml"),
            """
            applications: [{clientId: web, clientSecret: s}]
            authenticationContexts: [{id: c3}]
            conditionalAccessPolicies: [{authenticationContext: c3, grant: block}]
            """);
    assertThrows(IOException.class, () -> Registrations.fromFile(block));
  }

  @Test
  void fromFileRefusesAnAppWithoutAnyCredential() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("registrations.yaml"), "applications:\n  - clientId: lonely\n");
    IOException refused = assertThrows(IOException.class, () -> Registrations.fromFile(file));
    assertTrue(refused.getMessage().contains("needs a clientSecret"), refused.getMessage());
  }
}
