package org.editprofile.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.TenantLayout;
import org.junit.jupiter.api.Test;

/**
 * A second real client, written by another Microsoft team: msal-node, configured as Microsoft's
 * Node sample configures it (authority {@code https://devtenant.ciamlogin.com/}), drives the dev
 * tenant in Entra's layout through the code flow with PKCE, a silent refresh, the MFA step-up's
 * InteractionRequiredAuthError with claims, the step-up with the one-time code, the on-behalf-of
 * exchange (authority {@code https://devtenant.ciamlogin.com/<tenant-id>}) and Graph. An emulator
 * that both MSAL4J and msal-node accept is far more likely to be shaped like Entra.
 */
class MsalNodeIT {

  @Test
  void msalNodeSignsInRefreshesStepsUpAndExchangesOnBehalfOf() throws Exception {
    DevTenant tenant = ProductionTenant.tenant();
    String email = "node-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    String password = "Pw-" + UUID.randomUUID();
    String oid = tenant.directory().add(email, password, "Node User").oid();
    long obo = tenant.requests("token." + Faults.ON_BEHALF_OF);

    ProcessBuilder node =
        new ProcessBuilder(
                "node", Path.of("src", "test", "node", "msal-node-client.mjs").toString())
            .redirectErrorStream(false);
    Map<String, String> env = node.environment();
    env.put(
        "MSAL_NODE_DIR", Path.of(System.getProperty("msal-node.dir")).toAbsolutePath().toString());
    env.put(
        "NODE_EXTRA_CA_CERTS",
        tenant
            .writeCertificatePem(Path.of("target", "production", "tenant-tls.pem"))
            .toAbsolutePath()
            .toString());
    env.put("SUBDOMAIN", ProductionTenant.SUBDOMAIN);
    env.put("TENANT_ID", TenantLayout.TENANT_ID);
    String nodeClient = ProductionTenant.NODE_CLIENT_ID;
    env.put("NODE_CLIENT_ID", nodeClient);
    env.put(
        "NODE_CLIENT_SECRET",
        tenant.registrations().byClientId(nodeClient).orElseThrow().clientSecret());
    env.put("SERVICE_CLIENT_ID", tenant.serviceClientId());
    env.put("SERVICE_CLIENT_SECRET", tenant.serviceClientSecret());
    env.put("USER_EMAIL", email);
    env.put("USER_PASSWORD", password);
    Process process = node.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node finished");
    assertEquals(0, process.exitValue(), "msal-node run failed:\n" + out + "\n" + err);
    JsonNode result = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

    // msal-node discovers its endpoints (MSAL4J builds them from templates): the discovery
    // document names them by tenant id.
    assertEquals(
        "https://devtenant.ciamlogin.com/" + TenantLayout.TENANT_ID + "/oauth2/v2.0/authorize",
        result.path("authorizeEndpoint").asText(),
        out);
    assertEquals(oid + "." + TenantLayout.TENANT_ID, result.path("homeAccountId").asText());
    assertEquals(tenant.layout().issuerV2(), result.path("idTokenIssuer").asText());
    assertFalse(result.path("idTokenHasEmail").asBoolean(), "no email claim without the scope");
    assertTrue(result.path("refreshed").asBoolean(), out);
    assertEquals("InteractionRequiredAuthError", result.path("stepUpError").asText(), out);
    assertTrue(result.path("stepUpClaims").asText().contains("capolids"), out);
    assertTrue(result.path("askedForOneTimeCode").asBoolean(), out);
    assertEquals("1.0", result.path("apiTokenVersion").asText(), "the API takes Entra's default");
    assertEquals("api://" + tenant.serviceClientId(), result.path("apiTokenAudience").asText());
    assertEquals(
        "[\"cp1\"]",
        result.path("apiTokenClientCapabilities").toString(),
        "msal-node's clientCapabilities reach the API's token as xms_cc: " + out);
    assertEquals("[\"c1\"]", result.path("contextIdTokenAcrs").toString(), out);
    assertEquals("[\"c1\"]", result.path("contextAccessTokenAcrs").toString(), out);
    assertEquals(204, result.path("graphPatchStatus").asInt(), out);
    assertEquals(obo + 1, tenant.requests("token." + Faults.ON_BEHALF_OF));
    assertEquals(
        "Set through msal-node",
        tenant.directory().byOid(oid).orElseThrow().snapshot().get("jobTitle"));
    assertEquals(200, result.path("discoveryStatus").asInt());
    assertEquals(tenant.layout().issuerV2(), result.path("discoveryIssuer").asText());
    assertEquals(302, result.path("logoutStatus").asInt(), out);
    assertEquals("http://localhost:3000/", result.path("logoutLocation").asText());
  }
}
