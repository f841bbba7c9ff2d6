package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.config.SettingsLoader;
import org.editprofile.devtenant.DevTenant;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked offline: Compose
 * itself validates it, and its settings must be the ones the app and the dev tenant really read.
 */
class ComposeFileIT {

  private static final Path FILE = Path.of("docker-compose.yml");
  private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:?-(.*)}");

  @Test
  void composeValidatesTheFile() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("docker-compose", "-f", FILE.toString(), "config", "-q")
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "docker-compose config: " + output);
  }

  @Test
  void appEnvironmentUsesOnlySettingsTheAppReadsAndPointsAtTheDevTenant() throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()).get("services");
    JsonNode app = services.get("app");
    JsonNode tenant = services.get("dev-tenant");

    Set<String> known = new HashSet<>(SettingsLoader.names());
    known.add("CATALINA_OPTS");
    for (Iterator<String> names = app.get("environment").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertTrue(known.contains(name), name + " is not a setting the app reads");
    }
    for (String required :
        new String[] {
          "CLIENT_ID", "CLIENT_SECRET_FILE", "REDIRECT_URI", "EDIT_PROFILE_SCOPE", "AUTHORITY"
        }) {
      assertTrue(app.get("environment").has(required), required);
    }

    JsonNode appEnv = app.get("environment");
    JsonNode tenantEnv = tenant.get("environment");
    assertEquals(tenantEnv.get("DEVTENANT_WEB_CLIENT_ID").asText(), defaultOf(appEnv, "CLIENT_ID"));
    assertEquals(
        tenantEnv.get("DEVTENANT_WEB_CLIENT_SECRET").asText(),
        secretFileContent(services, app, "CLIENT_SECRET_FILE"));
    assertEquals(
        tenantEnv.get("DEVTENANT_SERVICE_CLIENT_ID").asText(),
        defaultOf(appEnv, "EDIT_PROFILE_SERVICE_CLIENT_ID"));
    assertEquals(
        tenantEnv.get("DEVTENANT_SERVICE_CLIENT_SECRET").asText(),
        secretFileContent(services, app, "EDIT_PROFILE_SERVICE_CLIENT_SECRET_FILE"));
    assertTrue(
        !appEnv.has("CLIENT_SECRET") && !appEnv.has("EDIT_PROFILE_SERVICE_CLIENT_SECRET"),
        "secrets come from files, not the environment");
    assertEquals(
        "api://"
            + tenantEnv.get("DEVTENANT_SERVICE_CLIENT_ID").asText()
            + "/"
            + DevTenant.SERVICE_SCOPE_NAME,
        defaultOf(appEnv, "EDIT_PROFILE_SCOPE"));
    String tenantBase =
        "https://"
            + tenantEnv.get("DEVTENANT_HOST").asText()
            + ":"
            + tenantEnv.get("DEVTENANT_HTTPS_PORT").asText();
    assertEquals(tenantBase + "/" + DevTenant.TENANT_ID + "/v2.0/", defaultOf(appEnv, "AUTHORITY"));
    assertEquals(tenantBase + "/graph/", defaultOf(appEnv, "GRAPH_API_ENDPOINT"));
    assertEquals(
        tenantEnv.get("DEVTENANT_APP_URL").asText().split(",")[0] + "/auth/redirect",
        defaultOf(appEnv, "REDIRECT_URI"));
    assertTrue(
        defaultOf(appEnv, "CATALINA_OPTS")
            .contains(
                "-Djavax.net.ssl.trustStore=" + tenantEnv.get("DEVTENANT_TRUST_STORE").asText()));

    assertEquals("127.0.0.1:8080:8080", app.get("ports").get(0).asText());
    assertTrue(
        app.get("volumes")
            .get(0)
            .asText()
            .startsWith("./target/edit-profile.war:/usr/local/tomcat/webapps/ROOT.war"));
    assertTrue(app.get("healthcheck").get("test").toString().contains("GET /health"));
    assertEquals(
        "127.0.0.1:9080:" + tenantEnv.get("DEVTENANT_HTTP_PORT").asText(),
        tenant.get("ports").get(0).asText());
    assertTrue(tenantEnv.get("DEVTENANT_PUBLIC_URL").asText().endsWith(":9080"));
  }

  @Test
  void clusterProfileSharesOneStoreAndKeyBehindTheBalancerTheTenantKnows() throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()).get("services");
    Path dir = FILE.toAbsolutePath().getParent();
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("docker/cluster.env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    Set<String> known = new HashSet<>(SettingsLoader.names());
    for (String name : env.keySet()) {
      assertTrue(known.contains(name), name + " is not a setting the app reads");
    }
    assertEquals("rediss://redis:6380", env.get("SESSION_STORE_URL"));
    assertEquals("/run/secrets/session_store_password", env.get("SESSION_STORE_PASSWORD_FILE"));
    assertTrue(services.has("redis") && services.has("node-a") && services.has("node-b"));
    assertEquals("/run/secrets/session_encryption_key", env.get("SESSION_ENCRYPTION_KEY_FILE"));
    String key = Files.readString(dir.resolve("docker/secrets/dev-session-encryption-key")).strip();
    assertEquals(32, java.util.Base64.getDecoder().decode(key).length, "a 256-bit key");
    // The balancer's public address is the nodes' REDIRECT_URI, and the dev tenant knows it.
    String lbPort = services.get("lb").get("ports").get(0).asText().split(":")[2];
    String base = "http://localhost:" + lbPort;
    assertEquals(base + "/auth/redirect", env.get("REDIRECT_URI"));
    assertTrue(
        List.of(
                services
                    .get("dev-tenant")
                    .get("environment")
                    .get("DEVTENANT_APP_URL")
                    .asText()
                    .split(","))
            .contains(base));
    String haproxy = Files.readString(dir.resolve("docker/haproxy.cfg"));
    assertTrue(haproxy.contains("bind :" + lbPort), haproxy);
    assertTrue(haproxy.contains("balance roundrobin") && !haproxy.contains("cookie"), "not sticky");
    assertTrue(haproxy.contains("server node-a node-a:8080") && haproxy.contains("server node-b"));
    // Each node calls the service it runs itself, on its own loopback.
    assertEquals("http://localhost:8080/api/updateUserInfo", env.get("EDIT_PROFILE_API_URL"));
  }

  /**
   * Every app service's settings, as its container would see them (Compose's own resolution of the
   * file: env_file merged, defaults applied, anchors expanded; the secrets' default files), pass
   * the app's own settings check: a node that would start "not configured" fails here.
   */
  @Test
  void everyAppServicesSettingsPassTheAppsOwnCheck() throws Exception {
    ProcessBuilder compose =
        new ProcessBuilder(
            "docker-compose", "-f", FILE.toString(), "--profile", "cluster", "config");
    // Nothing from this machine's environment may fill a ${...} in: the file's defaults only.
    String path = System.getenv("PATH");
    compose.environment().clear();
    compose.environment().put("PATH", path);
    Process process = compose.start();
    String resolved = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), resolved);
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(resolved);

    List<String> checked = new java.util.ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> all = root.get("services").fields();
        all.hasNext(); ) {
      Map.Entry<String, JsonNode> service = all.next();
      if (!service.getValue().get("image").asText().startsWith("tomcat:")) {
        continue;
      }
      Map<String, String> env = new java.util.LinkedHashMap<>();
      service
          .getValue()
          .get("environment")
          .fields()
          .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      // A Docker secret's path, as the file Compose mounts there.
      env.replaceAll(
          (name, value) -> {
            if (!value.startsWith("/run/secrets/")) {
              return value;
            }
            JsonNode secret = root.get("secrets").get(value.substring("/run/secrets/".length()));
            assertTrue(secret != null, value + " is a declared secret");
            return secret.get("file").asText();
          });
      org.editprofile.config.Configuration loaded =
          SettingsLoader.load(
              org.editprofile.config.SettingSource.firstOf(
                  name -> java.util.Optional.ofNullable(env.get(name))),
              java.time.Clock.systemUTC(),
              java.time.Duration.ofMinutes(30));
      assertTrue(
          loaded instanceof org.editprofile.config.Configuration.Ready,
          service.getKey() + " would start not configured: " + loaded);
      checked.add(service.getKey());
    }
    assertEquals(List.of("app", "node-a", "node-b"), checked.stream().sorted().toList());
  }

  /**
   * The default content of the Docker secret that the setting's /run/secrets path mounts, as the
   * app reads it (trailing newline dropped).
   */
  private static String secretFileContent(JsonNode services, JsonNode app, String setting)
      throws IOException {
    String path = app.get("environment").get(setting).asText();
    assertTrue(path.startsWith("/run/secrets/"), setting + " is a Docker secret: " + path);
    String name = path.substring("/run/secrets/".length());
    boolean listed = false;
    for (JsonNode s : app.get("secrets")) {
      listed |= s.asText().equals(name);
    }
    assertTrue(listed, name + " is mounted into the app");
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    String file = defaultOf(root.get("secrets").get(name), "file");
    return Files.readString(FILE.toAbsolutePath().getParent().resolve(file)).strip();
  }

  private static String defaultOf(JsonNode env, String name) {
    Matcher m = DEFAULT.matcher(env.get(name).asText());
    assertTrue(m.matches(), name + " has a default: " + env.get(name).asText());
    return m.group(1);
  }
}
