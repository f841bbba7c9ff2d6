package org.editprofile.it.production;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.editprofile.credential.TestCertificates;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Registrations;
import org.editprofile.devtenant.TenantLayout;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.ServerDistribution;

/**
 * The dev tenant in Entra's layout (devtenant.ciamlogin.com and friends, port 443) for the suites
 * of this package, which failsafe runs inside src/test/sh/in-tenant-namespace. Its app
 * registrations come from a file written here, with the edit profile service registered as the
 * admin center leaves it by default: no requestedAccessTokenVersion, so v1.0 access tokens.
 */
final class ProductionTenant {

  static final String SUBDOMAIN = "devtenant";
  static final String WEB_CLIENT_ID = "3c5e2f1a-7b9d-4e6f-8a1c-2d3e4f5a6b7c";
  static final String SERVICE_CLIENT_ID = "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968";
  static final String NODE_CLIENT_ID = "5b4a3928-1706-4f5e-8d7c-6b5a49382716";

  private static DevTenant tenant;
  private static Path trustStore;
  private static int[] appPorts;

  /** The two clients' certificates, declared in the registrations file. */
  private static final TestCertificates WEB_CERTIFICATE =
      TestCertificates.valid("edit-profile-web");

  private static final TestCertificates SERVICE_CERTIFICATE =
      TestCertificates.valid("edit-profile-service");

  private static final Path DIR = Path.of("target", "production").toAbsolutePath();

  private ProductionTenant() {}

  /** The tenant, started once per JVM after checking that this JVM is inside the namespace. */
  static synchronized DevTenant tenant() {
    if (tenant == null) {
      for (String name : TenantLayout.entraHostNames(SUBDOMAIN)) {
        assertTrue(
            resolvesToLoopback(name),
            name
                + " does not resolve to this machine: this suite must run inside"
                + " src/test/sh/in-tenant-namespace (failsafe's production-settings execution)");
      }
      try {
        appPorts = new int[] {EmbeddedTomcat.freePort(), EmbeddedTomcat.freePort()};
        Path file = writeRegistrations(Path.of("target", "production", "registrations.json"));
        tenant = DevTenant.start(DevTenant.Options.entra(SUBDOMAIN, Registrations.fromFile(file)));
      } catch (IOException e) {
        throw new IllegalStateException("could not start the dev tenant on port 443", e);
      }
      trustStore = tenant.trustInThisJvm(Path.of("target", "production", "truststore.p12"));
      Runtime.getRuntime().addShutdownHook(new Thread(tenant::close));
    }
    return tenant;
  }

  private static boolean resolvesToLoopback(String name) {
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** The app's base URL for the i-th app port (registered in the file as a redirect URI). */
  static String appBase(int index) {
    tenant();
    return "http://localhost:" + appPorts[index];
  }

  static int appPort(int index) {
    tenant();
    return appPorts[index];
  }

  /**
   * The WAR on a real server with exactly what a customer sets: TENANT_SUBDOMAIN, no AUTHORITY, no
   * GRAPH_API_ENDPOINT.
   */
  static ServerDistribution startApp(ServerDistribution.Kind kind, int index, boolean service) {
    DevTenant t = tenant();
    Map<String, String> settings = EmbeddedTomcat.settingsFor(t, appBase(index));
    assertTrue(
        settings.containsKey("TENANT_SUBDOMAIN")
            && !settings.containsKey("AUTHORITY")
            && !settings.containsKey("GRAPH_API_ENDPOINT"),
        "customer settings: " + settings.keySet());
    if (!service) {
      settings.remove("EDIT_PROFILE_API_URL");
    }
    if (service) {
      useCertificates(settings);
    }
    try {
      return ServerDistribution.start(
          kind,
          EmbeddedTomcat.builtWar(),
          appPorts[index],
          settings,
          trustStore,
          DevTenant.trustStorePassword());
    } catch (Exception e) {
      throw new IllegalStateException("could not start " + kind, e);
    }
  }

  /**
   * Both clients on certificates instead of secrets: the web app's as PKCS#12 with its password in
   * a file, the service's as PEM key and certificate apart (a Kubernetes TLS secret's shape).
   */
  private static void useCertificates(Map<String, String> settings) {
    try {
      settings.remove("CLIENT_SECRET");
      settings.remove("EDIT_PROFILE_SERVICE_CLIENT_SECRET");
      settings.put(
          "CLIENT_CERTIFICATE_PATH",
          WEB_CERTIFICATE.writePkcs12(DIR.resolve("web.p12"), "p12-password").toString());
      settings.put(
          "CLIENT_CERTIFICATE_PASSWORD_FILE",
          Files.writeString(DIR.resolve("web.p12.password"), "p12-password\n").toString());
      settings.put(
          "EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH",
          SERVICE_CERTIFICATE.writeCertificatePem(DIR.resolve("tls.crt")).toString());
      settings.put(
          "EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_KEY_PATH",
          SERVICE_CERTIFICATE.writeKeyPem(DIR.resolve("tls.key")).toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writeRegistrations(Path file) throws IOException {
    // The admin center's two ways to hold a certificate: an uploaded file, or Graph's base64 key.
    WEB_CERTIFICATE.writeCertificatePem(DIR.resolve("web-client.crt"));
    String serviceKey =
        java.util.Base64.getEncoder().encodeToString(certificateBytes(SERVICE_CERTIFICATE));
    StringBuilder redirects = new StringBuilder();
    StringBuilder postLogout = new StringBuilder();
    for (int port : appPorts) {
      String base = "http://localhost:" + port;
      redirects.append(redirects.length() == 0 ? "" : ", ");
      redirects.append('"').append(base).append("/auth/redirect\", \"").append(base).append("/\"");
      postLogout.append(postLogout.length() == 0 ? "" : ", ");
      postLogout.append('"').append(base).append("/\"");
    }
    String json =
        """
        {
          "applications": [
            {
              "name": "edit-profile-web",
              "clientId": "%s",
              "clientSecret": "web-secret-%s",
              "keyCredentials": [
                {"type": "AsymmetricX509Cert", "usage": "Verify", "path": "web-client.crt"}
              ],
              "redirectUris": [%s],
              "postLogoutRedirectUris": [%s]
            },
            {
              "name": "edit-profile-service",
              "clientId": "%s",
              "clientSecret": "service-secret-%s",
              "keyCredentials": [
                {"type": "AsymmetricX509Cert", "usage": "Verify", "key": "%s"}
              ],
              "api": {
                "identifierUri": "api://%s",
                "scopes": ["EditProfileService.ReadWrite"],
                "conditionalAccess": "mfa"
              },
              "optionalClaims": {"accessToken": [{"name": "acrs"}, {"name": "xms_cc"}]}
            },
            {
              "name": "msal-node-sample",
              "clientId": "%s",
              "clientSecret": "node-secret-%s",
              "redirectUris": ["http://localhost:3000/auth/redirect", "http://localhost:3000/"],
              "postLogoutRedirectUris": ["http://localhost:3000/"],
              "optionalClaims": {"idToken": [{"name": "acrs"}]}
            }
          ],
          "authenticationContexts": [{"id": "c1", "displayName": "Change your profile"}],
          "conditionalAccessPolicies": [
            {"displayName": "MFA to change the profile", "authenticationContext": "c1", "grant": "mfa"}
          ]
        }
        """
            .formatted(
                WEB_CLIENT_ID,
                java.util.UUID.randomUUID(),
                redirects,
                postLogout,
                SERVICE_CLIENT_ID,
                java.util.UUID.randomUUID(),
                serviceKey,
                SERVICE_CLIENT_ID,
                NODE_CLIENT_ID,
                java.util.UUID.randomUUID());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json);
    return file;
  }

  private static byte[] certificateBytes(TestCertificates certificates) {
    try {
      return certificates.certificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
