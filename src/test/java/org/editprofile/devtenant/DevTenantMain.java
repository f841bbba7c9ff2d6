package org.editprofile.devtenant;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The dev tenant on its own (the docker-compose "dev-tenant" service), configured by environment
 * variables so that the app container can be given matching settings:
 *
 * <pre>
 * DEVTENANT_BIND            address to listen on (127.0.0.1; 0.0.0.0 in a container)
 * DEVTENANT_HOST            host name the app uses for the back channel and the issuer
 * DEVTENANT_HTTPS_PORT      9443          DEVTENANT_HTTP_PORT   9080
 * DEVTENANT_PUBLIC_URL      browser-facing base of the sign-in pages (http://localhost:9080)
 * DEVTENANT_APP_URL         the app's base URL; registers its redirect and post-logout URIs
 * DEVTENANT_WEB_CLIENT_ID / _SECRET, DEVTENANT_SERVICE_CLIENT_ID / _SECRET   fixed registrations
 * DEVTENANT_TRUST_STORE     where to write the trust store for the app's JVM
 * </pre>
 */
public final class DevTenantMain {

  private DevTenantMain() {}

  public static void main(String[] args) throws Exception {
    int httpsPort = Integer.parseInt(env("DEVTENANT_HTTPS_PORT").orElse("9443"));
    int httpPort = Integer.parseInt(env("DEVTENANT_HTTP_PORT").orElse("9080"));
    DevTenant.Options options =
        new DevTenant.Options(
            env("DEVTENANT_BIND").orElse("127.0.0.1"),
            httpsPort,
            httpPort,
            env("DEVTENANT_HOST").orElse("127.0.0.1"),
            env("DEVTENANT_PUBLIC_URL").orElse(null),
            env("DEVTENANT_WEB_CLIENT_ID").orElse(UUID.randomUUID().toString()),
            env("DEVTENANT_WEB_CLIENT_SECRET").orElse("dev-" + UUID.randomUUID()),
            env("DEVTENANT_SERVICE_CLIENT_ID").orElse(UUID.randomUUID().toString()),
            env("DEVTENANT_SERVICE_CLIENT_SECRET").orElse("dev-" + UUID.randomUUID()));
    DevTenant tenant = DevTenant.start(options);
    String app = env("DEVTENANT_APP_URL").orElse("http://localhost:8080");
    tenant.registerWebApp(app + "/auth/redirect", app + "/");
    Path trust =
        tenant.writeTrustStore(
            Path.of(env("DEVTENANT_TRUST_STORE").orElse("target/dev-tenant/truststore.p12")));
    Runtime.getRuntime().addShutdownHook(new Thread(tenant::close));
    System.out.println();
    System.out.println("  Dev tenant running");
    System.out.println("  AUTHORITY=" + tenant.authority());
    System.out.println("  GRAPH_API_ENDPOINT=" + tenant.graphEndpoint());
    System.out.println("  CLIENT_ID=" + tenant.webClientId());
    System.out.println("  EDIT_PROFILE_SCOPE=" + tenant.editProfileScope());
    System.out.println("  EDIT_PROFILE_SERVICE_CLIENT_ID=" + tenant.serviceClientId());
    System.out.println(
        "  Trust store: "
            + trust.toAbsolutePath()
            + " (password "
            + DevTenant.trustStorePassword()
            + ")");
    System.out.println("  Demo user: " + DevTenant.DEMO_EMAIL + " / " + DevTenant.DEMO_PASSWORD);
    System.out.println("  Mailbox: " + tenant.httpBase() + "/mailbox");
    System.out.println();
    Thread.currentThread().join();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
