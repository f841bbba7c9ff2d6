package org.editprofile.devtenant.launch;

import java.nio.file.Path;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;

/**
 * The run command's entry point: starts the local dev tenant and the built WAR on an embedded
 * Tomcat, wired together, and prints where to go and how to sign in. Stop with Ctrl+C.
 */
public final class DevServer {

  private DevServer() {}

  public static void main(String[] args) throws Exception {
    int appPort = Integer.getInteger("app.port", 8080);
    int httpsPort = Integer.getInteger("devtenant.https.port", 9443);
    int httpPort = Integer.getInteger("devtenant.http.port", 9080);
    DevTenant tenant = DevTenant.start(httpsPort, httpPort);
    // The app trusts the tenant's certificate through the standard JVM setting, set before any TLS
    // use.
    Path trustStore = tenant.trustInThisJvm(Path.of("target", "dev-tenant", "truststore.p12"));

    String appUrl = "http://localhost:" + appPort;
    tenant.registerWebApp(appUrl + "/auth/redirect", appUrl + "/");
    Map<String, String> settings = EmbeddedTomcat.settingsFor(tenant, appUrl);
    // Every part of the account page: custom attributes, and the service's app-only permission.
    settings.putAll(EmbeddedTomcat.accountSettingsFor(tenant));
    if (Boolean.getBoolean("direct")) {
      settings.remove("EDIT_PROFILE_API_URL");
    }
    EmbeddedTomcat app = EmbeddedTomcat.start(EmbeddedTomcat.builtWar(), appPort, settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.close();
                  } catch (Exception e) {
                    // shutting down anyway
                  }
                  tenant.close();
                }));
    System.out.println();
    System.out.println("  edit-profile is running on the local dev tenant");
    System.out.println("  App:              " + appUrl + "/");
    System.out.println(
        "  Demo user:        " + DevTenant.DEMO_EMAIL + " / " + DevTenant.DEMO_PASSWORD);
    System.out.println("  One-time codes:   " + tenant.httpBase() + "/mailbox");
    System.out.println(
        "  Edits go through: "
            + (settings.containsKey("EDIT_PROFILE_API_URL")
                ? "the edit profile service (" + settings.get("EDIT_PROFILE_API_URL") + ")"
                : "Graph directly"));
    System.out.println("  Stop with Ctrl+C");
    System.out.println();
    Thread.currentThread().join();
  }
}
