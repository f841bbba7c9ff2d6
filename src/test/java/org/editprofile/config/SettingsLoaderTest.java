package org.editprofile.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

  private static Map<String, String> complete() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("CLIENT_ID", "11111111-2222-3333-4444-555555555555");
    values.put("CLIENT_SECRET", "very-secret-value");
    values.put("REDIRECT_URI", "https://app.contoso.com/auth/redirect");
    values.put("EDIT_PROFILE_SCOPE", "api://svc/EditProfileService.ReadWrite");
    return values;
  }

  private static Configuration load(Map<String, String> values) {
    return SettingsLoader.load(name -> Optional.ofNullable(values.get(name)));
  }

  @Test
  void loadWhenSubdomainGivenThenCiamAuthorityWithoutDiscoveryPerBuild() {
    Configuration.Ready ready = (Configuration.Ready) load(complete());
    TenantSettings s = ready.tenant();
    assertEquals("https://contoso.ciamlogin.com/", s.authority());
    assertTrue(s.ciamAuthority());
    assertEquals(
        "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
        s.discoveryUrl().toString());
    assertEquals(
        "https://app.contoso.com/",
        ready.webApp().orElseThrow().postLogoutRedirectUri().toString(),
        "derived from REDIRECT_URI");
    assertEquals("https://graph.microsoft.com/v1.0/me", s.graphMeUrl().toString());
    assertFalse(ready.webApp().orElseThrow().usesEditProfileService());
    assertTrue(ready.service().isEmpty());
  }

  @Test
  void loadWhenOtherHttpsAuthorityThenOidcAuthority() {
    Map<String, String> values = complete();
    values.put("AUTHORITY", "https://login.contoso.com/tenant-id/v2.0");
    TenantSettings s = ((Configuration.Ready) load(values)).tenant();
    assertEquals("https://login.contoso.com/tenant-id/v2.0/", s.authority());
    assertFalse(s.ciamAuthority());
    assertEquals(
        "https://login.contoso.com/tenant-id/v2.0/.well-known/openid-configuration",
        s.discoveryUrl().toString());
  }

  @Test
  void loadWhenAuthorityNamesTheOnmicrosoftDomainThenRefusedNamingTenantSubdomain() {
    Map<String, String> values = complete();
    values.remove("TENANT_SUBDOMAIN");
    values.put("AUTHORITY", "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/");
    List<String> problems = ((Configuration.NotConfigured) load(values)).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("AUTHORITY must not name the tenant"), problems.get(0));
    assertTrue(problems.get(0).contains("Set TENANT_SUBDOMAIN instead"), problems.get(0));
  }

  @Test
  void loadWhenAuthorityNamesTheTenantIdOnCiamloginThenOidcAuthority() {
    Map<String, String> values = complete();
    values.put(
        "AUTHORITY", "https://contoso.ciamlogin.com/6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b/v2.0");
    TenantSettings s = ((Configuration.Ready) load(values)).tenant();
    assertFalse(s.ciamAuthority());
    assertEquals(
        "https://contoso.ciamlogin.com/6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b/v2.0/", s.authority());
  }

  @Test
  void loadWhenNothingSetThenEveryMissingSettingIsNamed() {
    Configuration c = load(Map.of());
    List<String> problems = assertInstanceOf(Configuration.NotConfigured.class, c).problems();
    for (String name :
        List.of(
            "TENANT_SUBDOMAIN",
            "CLIENT_ID",
            "CLIENT_SECRET",
            "REDIRECT_URI",
            "EDIT_PROFILE_SCOPE")) {
      assertTrue(problems.stream().anyMatch(p -> p.startsWith(name)), name + " in " + problems);
    }
  }

  @Test
  void loadWhenMalformedThenNamedWithoutTheirValues() {
    Map<String, String> values = complete();
    values.put("AUTHORITY", "http://login.contoso.com/t/");
    values.put("REDIRECT_URI", "http://app.contoso.com/auth/redirect");
    values.put("HTTP_READ_TIMEOUT_MS", "soon");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("CLIENT_SECRET", "s3cr3t-that-must-not-leak");
    List<String> problems = ((Configuration.NotConfigured) load(values)).problems();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("s3cr3t")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("AUTHORITY must be an https URL")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("REDIRECT_URI must use https")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("HTTP_READ_TIMEOUT_MS")));
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("EDIT_PROFILE_SERVICE_CLIENT_SECRET is missing")));
  }

  @Test
  void loadWhenLoopbackRedirectThenPlainHttpAllowed() {
    Map<String, String> values = complete();
    values.put("REDIRECT_URI", "http://localhost:8080/auth/redirect");
    assertInstanceOf(Configuration.Ready.class, load(values));
  }

  @Test
  void firstOfWhenEnvironmentBlankThenNextSourceWins() {
    SettingSource source =
        SettingSource.firstOf(name -> Optional.of("  "), name -> Optional.of("second"));
    assertEquals(Optional.of("second"), source.get("X"));
  }

  @Test
  void toStringNeverShowsTheSecret() {
    WebAppSettings s = ((Configuration.Ready) load(complete())).webApp().orElseThrow();
    assertFalse(s.toString().contains("very-secret-value"));
  }

  @Test
  void loadWhenOnlyTheServiceIsConfiguredThenTheServiceRunsAlone() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    Configuration.Ready ready = assertInstanceOf(Configuration.Ready.class, load(values));
    assertTrue(ready.webApp().isEmpty(), "no web app settings demanded");
    assertEquals("svc", ready.service().orElseThrow().clientId());
  }

  @Test
  void loadWhenServiceAndPartOfTheWebAppConfiguredThenTheWebAppsMissingSettingsAreNamed() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    values.put("CLIENT_ID", "web");
    List<String> problems =
        assertInstanceOf(Configuration.NotConfigured.class, load(values)).problems();
    assertTrue(problems.contains("CLIENT_SECRET is missing"), problems.toString());
    assertTrue(problems.contains("REDIRECT_URI is missing"), problems.toString());
  }
}
