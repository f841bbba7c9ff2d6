package org.editprofile.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;

/**
 * One dev tenant per test JVM (the JVM's trust store can only be set once), and the built WAR on
 * embedded Tomcat in the two configurations the app supports: edits through the edit profile
 * service, and edits sent straight to Graph.
 */
final class TestEnvironment {

  private static DevTenant tenant;
  private static Path trustStore;
  private static EmbeddedTomcat serviceApp;
  private static EmbeddedTomcat directApp;
  private static final Map<ServerDistribution.Kind, ServerDistribution> distributions =
      new java.util.EnumMap<>(ServerDistribution.Kind.class);

  private TestEnvironment() {}

  static synchronized DevTenant tenant() {
    if (tenant == null) {
      try {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        tenant = DevTenant.start(0, 0);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      trustStore = tenant.trustInThisJvm(Path.of("target", "dev-tenant", "it-truststore.p12"));
      Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::stopAll));
    }
    return tenant;
  }

  /** The trust store (the dev tenant's CA) that servers started in another JVM need. */
  static synchronized Path trustStore() {
    tenant();
    return trustStore;
  }

  /** The app with EDIT_PROFILE_API_URL set: edits go through the edit profile service (OBO). */
  static synchronized EmbeddedTomcat serviceApp() {
    if (serviceApp == null) {
      serviceApp = start(Map.of());
    }
    return serviceApp;
  }

  /** The app without EDIT_PROFILE_API_URL: it PATCHes Graph itself after the MFA step-up. */
  static synchronized EmbeddedTomcat directApp() {
    if (directApp == null) {
      directApp = start(Map.of("EDIT_PROFILE_API_URL", ""));
    }
    return directApp;
  }

  /**
   * The WAR on a real Tomcat or Jetty distribution, service path, addressed as localhost (so the
   * tenant's form_post is cross-site for a browser, as in production).
   */
  static synchronized ServerDistribution distribution(ServerDistribution.Kind kind) {
    return distributions.computeIfAbsent(
        kind,
        k -> {
          DevTenant t = tenant();
          try {
            int port = EmbeddedTomcat.freePort();
            String base = "http://localhost:" + port;
            t.registerWebApp(base + "/auth/redirect", base + "/");
            return ServerDistribution.start(
                k,
                EmbeddedTomcat.builtWar(),
                port,
                distributionSettings(t, base),
                trustStore,
                DevTenant.trustStorePassword());
          } catch (Exception e) {
            throw new IllegalStateException("could not start " + k, e);
          }
        });
  }

  /** A distribution runs with every part of the account page, as the README's run command does. */
  private static Map<String, String> distributionSettings(DevTenant t, String base) {
    Map<String, String> settings = EmbeddedTomcat.settingsFor(t, base);
    settings.putAll(EmbeddedTomcat.accountSettingsFor(t));
    return settings;
  }

  /** Starts another instance; an empty value removes that setting. */
  static EmbeddedTomcat start(Map<String, String> overrides) {
    return startAt("", overrides);
  }

  /** Starts another instance under a context path ("/edit"), not as the server's root. */
  static EmbeddedTomcat startAt(String contextPath, Map<String, String> overrides) {
    DevTenant t = tenant();
    try {
      int port = EmbeddedTomcat.freePort();
      String base = "http://127.0.0.1:" + port + contextPath;
      t.registerWebApp(base + "/auth/redirect", base + "/");
      Map<String, String> settings = EmbeddedTomcat.settingsFor(t, base);
      overrides.forEach(
          (k, v) -> {
            if (v.isEmpty()) {
              settings.remove(k);
            } else {
              settings.put(k, v);
            }
          });
      return EmbeddedTomcat.start(EmbeddedTomcat.builtWar(), port, contextPath, settings);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the app", e);
    }
  }

  /** A fresh customer in the dev tenant, so tests never share profile state. */
  static DevTenantUser newUser(String displayName) {
    String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    String password = "Pw-" + UUID.randomUUID();
    String oid = tenant().directory().add(email, password, displayName).oid();
    return new DevTenantUser(email, password, oid);
  }

  private static synchronized void stopAll() {
    for (EmbeddedTomcat app : new EmbeddedTomcat[] {serviceApp, directApp}) {
      if (app != null) {
        try {
          app.close();
        } catch (Exception e) {
          // JVM is exiting
        }
      }
    }
    distributions.values().forEach(ServerDistribution::close);
    if (tenant != null) {
      tenant.close();
    }
  }
}
