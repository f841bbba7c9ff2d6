package org.editprofile.web.session;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.editprofile.config.SessionStoreSettings;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions every node shares, in Redis: Spring Session's {@link SessionRepositoryFilter} wraps each
 * request so that {@code HttpSession} is read from and written to its {@link
 * RedisSessionRepository} (one hash per session, only changed attributes written back, the access
 * time at most once a minute: {@link ThrottledTouchRepository}), on Tomcat and Jetty alike. The
 * cookie keeps the container's rules: same name, {@code HttpOnly}, {@code SameSite=Lax}, {@code
 * Secure} and {@code __Host-} over https.
 */
public final class SharedSessions implements AutoCloseable {

  /** A command waits at most this long: a store that does not answer fails the request, fast. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private static final String NAMESPACE = "edit-profile:session";

  private final LettuceConnectionFactory connections;
  private final Filter filter;

  private SharedSessions(LettuceConnectionFactory connections, Filter filter) {
    this.connections = connections;
    this.filter = filter;
  }

  /**
   * Connects and checks the store answers; a store that does not is the caller's configuration
   * problem.
   *
   * @param idleTimeout the container's session timeout, which the store's sessions keep
   * @throws IllegalStateException naming the store (never its password) when it does not answer
   */
  public static SharedSessions connect(
      SessionStoreSettings settings, Duration idleTimeout, boolean https) {
    RedisStandaloneConfiguration server =
        new RedisStandaloneConfiguration(settings.url().getHost(), settings.port());
    server.setDatabase(settings.database());
    settings.password().ifPresent(server::setPassword);
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
        LettuceClientConfiguration.builder()
            .commandTimeout(COMMAND_TIMEOUT)
            .clientOptions(
                ClientOptions.builder()
                    // While the store is away, commands fail at once instead of queueing.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                    .build());
    if (settings.tls()) {
      client.useSsl();
    }
    LettuceConnectionFactory connections = new LettuceConnectionFactory(server, client.build());
    connections.afterPropertiesSet();
    connections.start();
    try (RedisConnection connection = connections.getConnection()) {
      connection.ping();
    } catch (RuntimeException e) {
      connections.destroy();
      throw new IllegalStateException(
          "the session store at " + settings.address() + " could not be used: " + rootCause(e), e);
    }

    RedisTemplate<String, Object> redis = new RedisTemplate<>();
    redis.setConnectionFactory(connections);
    redis.setKeySerializer(new StringRedisSerializer());
    redis.setHashKeySerializer(new StringRedisSerializer());
    // The app's own session values, read back through a closed allow-list.
    RedisSerializer<Object> values = SessionValueSerializer.create();
    redis.setValueSerializer(values);
    redis.setHashValueSerializer(values);
    redis.afterPropertiesSet();
    RedisSessionRepository repository = new RedisSessionRepository(redis);
    repository.setDefaultMaxInactiveInterval(idleTimeout);
    repository.setRedisKeyNamespace(NAMESPACE);

    ThrottledTouchRepository throttled = new ThrottledTouchRepository(repository);
    SessionRepositoryFilter<?> sessions = new SessionRepositoryFilter<>(throttled);
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(https ? "__Host-JSESSIONID" : "JSESSIONID");
    cookie.setCookiePath("/");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    cookie.setUseSecureCookie(https);
    cookie.setUseBase64Encoding(false);
    CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
    ids.setCookieSerializer(cookie);
    sessions.setHttpSessionIdResolver(ids);
    Filter filter =
        (request, response, chain) -> {
          try {
            sessions.doFilter(request, response, chain);
          } finally {
            throttled.requestEnded();
          }
        };
    return new SharedSessions(connections, filter);
  }

  /** The filter that must wrap every request before anything reads the session. */
  public Filter filter() {
    return filter;
  }

  /** Whether the store answers now (readiness). */
  public boolean answers() {
    try (RedisConnection connection = connections.getConnection()) {
      return "PONG".equalsIgnoreCase(connection.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connections.destroy();
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
