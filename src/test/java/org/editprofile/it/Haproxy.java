package org.editprofile.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's haproxy in front of the app nodes: strict round robin (static-rr), nothing sticky, each
 * response naming the node that served it ({@code X-Served-By}). A node that stops answering
 * /health is taken out within two seconds, and a request that finds it gone is sent to the other.
 */
final class Haproxy implements AutoCloseable {

  private final int port;
  private final Process process;

  private Haproxy(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /**
   * @param port where it listens on 127.0.0.1
   * @param nodes node name to its port on 127.0.0.1
   */
  static Haproxy start(int port, Map<String, Integer> nodes)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(Path.of("target", "haproxy", "lb-" + port)).toAbsolutePath();
    StringBuilder servers = new StringBuilder();
    nodes.forEach(
        (name, nodePort) ->
            servers
                .append("  server ")
                .append(name)
                .append(" 127.0.0.1:")
                .append(nodePort)
                .append(" check\n"));
    String config =
        "global\n"
            + "  maxconn 1024\n"
            + "defaults\n"
            + "  mode http\n"
            + "  timeout connect 2s\n"
            + "  timeout client 60s\n"
            + "  timeout server 60s\n"
            + "  retries 3\n"
            + "  option redispatch\n"
            + "frontend app\n"
            + "  bind 127.0.0.1:"
            + port
            + "\n"
            + "  default_backend nodes\n"
            + "backend nodes\n"
            + "  balance static-rr\n"
            + "  option httpchk GET /health/live\n"
            + "  default-server inter 500ms fall 2 rise 1\n"
            + "  http-response set-header X-Served-By %s\n"
            + servers;
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, config);
    Process process =
        new ProcessBuilder(
                System.getProperty("haproxy.binary", "/usr/sbin/haproxy"),
                "-db",
                "-f",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    Haproxy haproxy = new Haproxy(port, process);
    HttpClient http = HttpClient.newHttpClient();
    Waits.forCondition(
        Duration.ofSeconds(30),
        () -> {
          try {
            return http.send(
                        HttpRequest.newBuilder(URI.create(haproxy.baseUrl() + "/health/live"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        "haproxy answering on " + port);
    return haproxy;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
