package org.editprofile.devtenant.launch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Registrations;

/**
 * The dev tenant on its own (the docker-compose "dev-tenant" service, or a local tenant for any
 * client), configured by environment variables so that apps can be given matching settings:
 *
 * <pre>
 * DEVTENANT_LAYOUT          single-host (default) or entra (Entra's host names on port 443: run it
 *                           inside src/test/sh/in-tenant-namespace)
 * DEVTENANT_SUBDOMAIN       devtenant: &lt;sub&gt;.ciamlogin.com, &lt;sub&gt;.onmicrosoft.com
 * DEVTENANT_REGISTRATIONS   a JSON or YAML file of app registrations (see
 *                           docs/dev-tenant-registrations.example.json); else the shorthand below
 * DEVTENANT_BIND            address to listen on (127.0.0.1; 0.0.0.0 in a container)
 * DEVTENANT_HOST            single host: the name in the issuer and the https URLs
 * DEVTENANT_HTTPS_PORT      9443          DEVTENANT_HTTP_PORT   9080
 * DEVTENANT_PUBLIC_URL      single host: browser-facing base of the pages (http://localhost:9080)
 * DEVTENANT_APP_URL         the app's base URL; registers its redirect and post-logout URIs
 *                           (several, comma-separated: the single app and the cluster's balancer)
 * DEVTENANT_WEB_CLIENT_ID / _SECRET, DEVTENANT_SERVICE_CLIENT_ID / _SECRET   the shorthand
 * DEVTENANT_TRUST_STORE     where to write the trust store for the app's JVM (and a .pem beside it)
 * DEVTENANT_ADVERTISE_CODE_CHALLENGE_METHODS   true: the discovery document names S256
 * </pre>
 */
public final class DevTenantMain {

  private DevTenantMain() {}

  public static void main(String[] args) throws Exception {
    Registrations registrations =
        env("DEVTENANT_REGISTRATIONS").isPresent()
            ? Registrations.fromFile(Path.of(env("DEVTENANT_REGISTRATIONS").get()))
            : Registrations.shorthand(
                env("DEVTENANT_WEB_CLIENT_ID").orElse(UUID.randomUUID().toString()),
                env("DEVTENANT_WEB_CLIENT_SECRET").orElse("dev-" + UUID.randomUUID()),
                env("DEVTENANT_SERVICE_CLIENT_ID").orElse(UUID.randomUUID().toString()),
                env("DEVTENANT_SERVICE_CLIENT_SECRET").orElse("dev-" + UUID.randomUUID()));
    String subdomain = env("DEVTENANT_SUBDOMAIN").orElse(DevTenant.DEFAULT_SUBDOMAIN);
    DevTenant.Options options =
        "entra".equals(env("DEVTENANT_LAYOUT").orElse("single-host"))
            ? DevTenant.Options.entra(subdomain, registrations)
            : new DevTenant.Options(
                env("DEVTENANT_BIND").orElse("127.0.0.1"),
                Integer.parseInt(env("DEVTENANT_HTTPS_PORT").orElse("9443")),
                Integer.parseInt(env("DEVTENANT_HTTP_PORT").orElse("9080")),
                env("DEVTENANT_HOST").orElse("127.0.0.1"),
                env("DEVTENANT_PUBLIC_URL").orElse(null),
                false,
                subdomain,
                registrations);
    DevTenant tenant = DevTenant.start(options);
    tenant.advertiseCodeChallengeMethods(
        Boolean.parseBoolean(env("DEVTENANT_ADVERTISE_CODE_CHALLENGE_METHODS").orElse("false")));
    Optional<String> app = env("DEVTENANT_APP_URL");
    if (app.isPresent() || env("DEVTENANT_REGISTRATIONS").isEmpty()) {
      for (String base : app.orElse("http://localhost:8080").split(",")) {
        tenant.registerWebApp(base.strip() + "/auth/redirect", base.strip() + "/");
      }
    }
    Path trust =
        tenant.writeTrustStore(
            Path.of(env("DEVTENANT_TRUST_STORE").orElse("target/dev-tenant/truststore.p12")));
    Path pem = tenant.writeCertificatePem(Path.of(trust + ".pem"));
    Runtime.getRuntime().addShutdownHook(new Thread(tenant::close));
    System.out.println();
    System.out.println("  Dev tenant running");
    if (tenant.layout().entra()) {
      System.out.println("  TENANT_SUBDOMAIN=" + subdomain);
    } else {
      System.out.println("  AUTHORITY=" + tenant.authority());
      System.out.println("  GRAPH_API_ENDPOINT=" + tenant.graphEndpoint());
    }
    for (Registrations.App registered : registrations.all()) {
      System.out.println("  " + registered.name() + ": client id " + registered.clientId());
    }
    System.out.println("  EDIT_PROFILE_SCOPE=" + tenant.editProfileScope());
    System.out.println(
        "  Trust store: "
            + trust.toAbsolutePath()
            + " (password "
            + DevTenant.trustStorePassword()
            + "); PEM: "
            + pem.toAbsolutePath());
    System.out.println("  Demo user: " + DevTenant.DEMO_EMAIL + " / " + DevTenant.DEMO_PASSWORD);
    System.out.println("  Mailbox: " + tenant.httpBase() + "/mailbox");
    System.out.println();
    Thread.currentThread().join();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
