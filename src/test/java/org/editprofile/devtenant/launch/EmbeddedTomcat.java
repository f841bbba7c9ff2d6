package org.editprofile.devtenant.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.editprofile.devtenant.DevTenant;

/** The built WAR on an embedded Tomcat bound to 127.0.0.1, configured by context parameters. */
public final class EmbeddedTomcat implements AutoCloseable {

  private final Tomcat tomcat;
  private final Context context;
  private final int port;
  private final String contextPath;

  private EmbeddedTomcat(Tomcat tomcat, Context context, int port, String contextPath) {
    this.tomcat = tomcat;
    this.context = context;
    this.port = port;
    this.contextPath = contextPath;
  }

  /** The idle timeout, in seconds, of each session the app holds now. */
  public java.util.List<Integer> sessionIdleTimeouts() {
    return java.util.Arrays.stream(context.getManager().findSessions())
        .filter(org.apache.catalina.Session::isValid)
        .map(org.apache.catalina.Session::getMaxInactiveInterval)
        .toList();
  }

  /** The WAR that `mvn package` built (the failsafe and run configurations pass its path). */
  public static Path builtWar() {
    String war = System.getProperty("edit-profile.war", "target/edit-profile.war");
    Path path = Path.of(war);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "Build the WAR first (./mvnw package): " + path.toAbsolutePath());
    }
    return path;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  public static EmbeddedTomcat start(Path war, int port, Map<String, String> contextParameters)
      throws LifecycleException, IOException {
    return start(war, port, "", contextParameters);
  }

  /** The WAR under a context path such as "/edit" ("" for the root). */
  public static EmbeddedTomcat start(
      Path war, int port, String contextPath, Map<String, String> contextParameters)
      throws LifecycleException, IOException {
    Path base =
        Files.createDirectories(Path.of("target", "tomcat"))
            .resolve("t" + port + "-" + System.nanoTime());
    Files.createDirectories(base.resolve("webapps"));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toAbsolutePath().toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    tomcat.getHost().setAppBase(base.resolve("webapps").toAbsolutePath().toString());
    Context context = tomcat.addWebapp(contextPath, war.toAbsolutePath().toString());
    ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
    context.setParentClassLoader(EmbeddedTomcat.class.getClassLoader());
    contextParameters.forEach(context::addParameter);
    tomcat.start();
    return new EmbeddedTomcat(tomcat, context, connector.getLocalPort(), contextPath);
  }

  public int port() {
    return port;
  }

  /** Where the app is: the host, port and context path. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + contextPath;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  /**
   * The settings that point the app at this dev tenant: in Entra's layout exactly what a customer
   * sets (TENANT_SUBDOMAIN, Graph's default endpoint); on a single host AUTHORITY and Graph's URL.
   */
  public static Map<String, String> settingsFor(DevTenant tenant, String appBaseUrl) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    if (tenant.layout().entra()) {
      settings.put("TENANT_SUBDOMAIN", tenant.layout().subdomain());
    } else {
      settings.put("AUTHORITY", tenant.authority());
      settings.put("GRAPH_API_ENDPOINT", tenant.graphEndpoint());
    }
    settings.putAll(
        Map.of(
            "CLIENT_ID", tenant.webClientId(),
            "CLIENT_SECRET", tenant.webClientSecret(),
            "REDIRECT_URI", appBaseUrl + "/auth/redirect",
            "POST_LOGOUT_REDIRECT_URI", appBaseUrl + "/",
            "EDIT_PROFILE_SCOPE", tenant.editProfileScope(),
            "EDIT_PROFILE_API_URL", appBaseUrl + "/api/updateUserInfo",
            "EDIT_PROFILE_SERVICE_CLIENT_ID", tenant.serviceClientId(),
            "EDIT_PROFILE_SERVICE_CLIENT_SECRET", tenant.serviceClientSecret()));
    return settings;
  }

  /** The dev tenant's custom attributes, as CUSTOM_ATTRIBUTES declares them. */
  public static final String DEV_CUSTOM_ATTRIBUTES =
      """
      [{"name": "loyaltyNumber", "type": "string", "maxLength": 20,
        "labels": {"en": "Loyalty number", "es": "Número de cliente", "de": "Kundennummer"}},
       {"name": "newsletter", "type": "boolean",
        "labels": {"en": "Newsletter", "es": "Boletín", "de": "Newsletter"}},
       {"name": "shoeSize", "type": "integer", "min": 15, "max": 60,
        "labels": {"en": "Shoe size", "es": "Talla de calzado", "de": "Schuhgröße"}}]
      """;

  /**
   * The account page's settings on top of {@link #settingsFor}: the dev tenant's custom attributes,
   * and the service's application permission (which the dev tenant's registrations consent to), so
   * attributes are editable and accounts can be deleted.
   */
  public static Map<String, String> accountSettingsFor(DevTenant tenant) {
    return Map.of(
        "CUSTOM_ATTRIBUTES",
        DEV_CUSTOM_ATTRIBUTES,
        "EXTENSIONS_APP_CLIENT_ID",
        tenant.extensionsAppClientId(),
        "EDIT_PROFILE_SERVICE_APP_ACCESS",
        "true");
  }
}
