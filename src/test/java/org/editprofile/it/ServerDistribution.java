package org.editprofile.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Tomcat or Jetty distribution (unpacked from Maven Central by the build) running the built
 * WAR in its own JVM, bound to 127.0.0.1, configured the way operators do it: settings as
 * environment variables, the dev tenant's trust store as a JVM option. Stopped by its PID.
 */
public final class ServerDistribution implements AutoCloseable {

  public enum Kind {
    TOMCAT,
    JETTY,
    /** The oldest container the WAR supports (Servlet 6.0). */
    TOMCAT_10_1
  }

  private final Kind kind;
  private final Process process;
  private final int port;
  private final Path log;

  private ServerDistribution(Kind kind, Process process, int port, Path log) {
    this.kind = kind;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static ServerDistribution start(
      Kind kind,
      Path war,
      int port,
      Map<String, String> settings,
      Path trustStore,
      String trustStorePassword)
      throws IOException, InterruptedException {
    return start(kind, war, port, settings, trustStore, trustStorePassword, List.of());
  }

  /** As above, with extra options for the server's JVM (e.g. a flight recording). */
  public static ServerDistribution start(
      Kind kind,
      Path war,
      int port,
      Map<String, String> settings,
      Path trustStore,
      String trustStorePassword,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path base = Files.createDirectories(baseFor(kind, port));
    Path log = base.resolve("server.log");
    List<String> jvm =
        new ArrayList<>(
            List.of(
                javaBinary(),
                "-Xmx256m",
                "-Djava.io.tmpdir=" + Files.createDirectories(base.resolve("temp")),
                "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=" + trustStorePassword,
                "-Djavax.net.ssl.trustStoreType=PKCS12"));
    jvm.addAll(jvmOptions);
    List<String> command =
        switch (kind) {
          case TOMCAT -> tomcat(System.getProperty("tomcat.home"), base, war, port, jvm);
          case TOMCAT_10_1 -> tomcat(System.getProperty("tomcat10.home"), base, war, port, jvm);
          case JETTY -> jetty(base, war, port, jvm);
        };
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(base.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            k ->
                settings.containsKey(k) || k.startsWith("CLIENT_") || k.startsWith("EDIT_PROFILE"));
    env.putAll(settings);
    ServerDistribution server = new ServerDistribution(kind, builder.start(), port, log);
    server.awaitHealthy(Duration.ofSeconds(120));
    return server;
  }

  /**
   * The server's own directory (its configuration, web apps, logs): what is put there before {@link
   * #start} is kept, so a caller can deploy more next to the WAR.
   */
  public static Path baseFor(Kind kind, int port) {
    return Path.of("target", "containers", "run", kind.name().toLowerCase() + "-" + port)
        .toAbsolutePath();
  }

  private static List<String> tomcat(
      String distribution, Path base, Path war, int port, List<String> jvm) throws IOException {
    Path home = Path.of(distribution).toAbsolutePath();
    Path conf = Files.createDirectories(base.resolve("conf"));
    try (Stream<Path> files = Files.list(home.resolve("conf"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String serverXml =
        Files.readString(conf.resolve("server.xml"))
            .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
            .replace(
                "<Connector port=\"8080\"",
                "<Connector address=\"127.0.0.1\" port=\"" + port + "\"");
    Files.writeString(conf.resolve("server.xml"), serverXml);
    // Persist sessions on shutdown (Tomcat 11 no longer does by default): proves every session
    // attribute serializes, and lets the benchmark weigh them.
    Path context = conf.resolve("context.xml");
    Files.writeString(
        context,
        Files.readString(context)
            .replaceFirst("<Context>", "<Context><Manager pathname=\"SESSIONS.ser\" />"));
    for (String dir : List.of("webapps", "logs", "work", "temp")) {
      Files.createDirectories(base.resolve(dir));
    }
    Files.copy(
        war, base.resolve("webapps").resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>(jvm);
    command.addAll(
        List.of(
            "-Dcatalina.home=" + home,
            "-Dcatalina.base=" + base,
            "-Djava.util.logging.config.file=" + conf.resolve("logging.properties"),
            "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
            "-cp",
            home.resolve("bin/bootstrap.jar")
                + java.io.File.pathSeparator
                + home.resolve("bin/tomcat-juli.jar"),
            "org.apache.catalina.startup.Bootstrap",
            "start"));
    return command;
  }

  private static List<String> jetty(Path base, Path war, int port, List<String> jvm)
      throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("jetty.home")).toAbsolutePath();
    Files.createDirectories(base.resolve("webapps"));
    Process setup =
        new ProcessBuilder(
                javaBinary(),
                "-jar",
                home.resolve("start.jar").toString(),
                "jetty.home=" + home,
                "jetty.base=" + base,
                "--add-modules=http,ee10-deploy,ee10-jsp")
            .directory(base.toFile())
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("setup.log").toFile())
            .start();
    if (setup.waitFor() != 0) {
      throw new IOException("jetty module setup failed, see " + base.resolve("setup.log"));
    }
    Files.copy(
        war, base.resolve("webapps").resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>(jvm);
    command.addAll(
        List.of(
            "-jar",
            home.resolve("start.jar").toString(),
            "jetty.home=" + home,
            "jetty.base=" + base,
            "jetty.http.host=127.0.0.1",
            "jetty.http.port=" + port));
    return command;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(kind + " exited at start-up:\n" + tail());
      }
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl("127.0.0.1") + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    close();
    throw new IOException(kind + " did not become healthy in " + timeout + ":\n" + tail());
  }

  public Kind kind() {
    return kind;
  }

  /** The server's JVM, e.g. for jcmd. */
  public long pid() {
    return process.pid();
  }

  /** Its base directory (CATALINA_BASE or the Jetty base). */
  public Path base() {
    return log.getParent();
  }

  public int port() {
    return port;
  }

  public String baseUrl(String host) {
    return "http://" + host + ":" + port;
  }

  public Path log() {
    return log;
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
