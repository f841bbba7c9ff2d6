package org.editprofile.it;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;

/** Debian's redis-server as a process on 127.0.0.1, stopped by its PID; nothing saved to disk. */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private Process process;
  private boolean tls;
  private String password;

  public RedisServer() throws IOException {
    this.port = EmbeddedTomcat.freePort();
    this.dir =
        Files.createDirectories(Path.of("target", "redis", "redis-" + port)).toAbsolutePath();
  }

  /**
   * As Azure's Redis is reached: TLS only (with the dev tenant's certificate, which every test JVM
   * and app node trusts) and a password.
   */
  public RedisServer withTlsAndPassword(DevTenant tenant, String password) {
    tenant.writeTlsKeyPair(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    this.tls = true;
    this.password = password;
    return this;
  }

  public RedisServer start() throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                System.getProperty("redis.binary", "/usr/bin/redis-server"),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
    if (tls) {
      command.addAll(
          List.of(
              "--port",
              "0",
              "--tls-port",
              Integer.toString(port),
              "--tls-cert-file",
              dir.resolve("tls.crt").toString(),
              "--tls-key-file",
              dir.resolve("tls.key").toString(),
              "--tls-auth-clients",
              "no"));
    } else {
      command.addAll(List.of("--port", Integer.toString(port)));
    }
    if (password != null) {
      command.addAll(List.of("--requirepass", password));
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    Waits.forCondition(Duration.ofSeconds(30), this::answers, "redis-server answering on " + port);
    return this;
  }

  /** The store's address as the app's setting takes it: no password in it. */
  public String url() {
    return tls ? "rediss://localhost:" + port : "redis://127.0.0.1:" + port;
  }

  /** The address for this class's own clients, with the password. */
  private String clientUrl() {
    return password == null
        ? url()
        : (tls ? "rediss://" : "redis://")
            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
            + "@"
            + (tls ? "localhost:" : "127.0.0.1:")
            + port;
  }

  boolean answers() {
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      return "PONG".equals(connection.sync().ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Every value in the store, keys and hash fields with their values, as raw bytes. */
  List<byte[]> everything() {
    List<byte[]> all = new ArrayList<>();
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<byte[], byte[]> connection =
            client.connect(ByteArrayCodec.INSTANCE)) {
      for (byte[] key : connection.sync().keys("*".getBytes())) {
        all.add(key);
        String type = connection.sync().type(key);
        if ("hash".equals(type)) {
          for (Map.Entry<byte[], byte[]> field : connection.sync().hgetall(key).entrySet()) {
            all.add(field.getKey());
            all.add(field.getValue());
          }
        } else if ("string".equals(type)) {
          all.add(connection.sync().get(key));
        } else {
          all.add(connection.sync().dump(key));
        }
      }
    }
    return all;
  }

  /** Writes raw bytes into one field of a hash, as someone with access to the store could. */
  void plant(String key, String field, byte[] value) {
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<byte[], byte[]> connection =
            client.connect(ByteArrayCodec.INSTANCE)) {
      connection.sync().hset(key.getBytes(), field.getBytes(), value);
    }
  }

  /** How many keys the store holds (DBSIZE). */
  long keyCount() {
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().dbsize();
    }
  }

  /** Whether the key exists. */
  boolean exists(String key) {
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().exists(key) == 1;
    }
  }

  /**
   * The store's own counters (INFO): total_commands_processed, total_net_input_bytes,
   * total_net_output_bytes, and cmdstat_&lt;name&gt; calls per command.
   */
  public Map<String, Long> counters() {
    Map<String, Long> counters = new java.util.TreeMap<>();
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      for (String line : connection.sync().info("everything").split("\r?\n")) {
        String[] kv = line.split(":", 2);
        if (kv.length != 2) {
          continue;
        }
        if (kv[0].startsWith("cmdstat_")) {
          counters.put(kv[0], Long.parseLong(kv[1].replaceAll("^calls=(\\d+),.*$", "$1")));
        } else if (kv[0].startsWith("total_") || kv[0].equals("used_memory")) {
          try {
            counters.put(kv[0], Long.parseLong(kv[1].trim()));
          } catch (NumberFormatException notACount) {
            // some total_ fields are not counters
          }
        }
      }
    }
    return counters;
  }

  /**
   * For the hashes whose keys start with this prefix: their payload (key, field names and values,
   * in bytes), how many there are, and the server's own used_memory.
   */
  public long[] sizeOf(String prefix) {
    long bytes = 0;
    long keys = 0;
    try (RedisClient client = RedisClient.create(clientUrl());
        StatefulRedisConnection<byte[], byte[]> connection =
            client.connect(ByteArrayCodec.INSTANCE)) {
      for (byte[] key : connection.sync().keys((prefix + "*").getBytes())) {
        bytes += key.length;
        for (Map.Entry<byte[], byte[]> field : connection.sync().hgetall(key).entrySet()) {
          bytes += field.getKey().length + field.getValue().length;
        }
        keys++;
      }
    }
    return new long[] {bytes, keys, counters().getOrDefault("used_memory", 0L)};
  }

  /** Freezes the server (SIGSTOP): connected, but answering nothing, as a hung store would. */
  void freeze() throws IOException, InterruptedException {
    signal("-STOP");
  }

  void thaw() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
