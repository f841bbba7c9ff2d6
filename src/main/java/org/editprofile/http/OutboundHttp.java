package org.editprofile.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The app's pooled HTTP clients: this one for the tenant (through MSAL4J) and its keys, {@link
 * ApiHttp} for Graph and the edit profile service. Trust and proxies come from the standard JVM
 * settings (javax.net.ssl.trustStore, https.proxyHost...), so a private CA, a corporate proxy or
 * the local dev tenant are configured the way operators already know.
 */
public final class OutboundHttp {

  /** Larger bodies are never expected from the tenant, Graph or the service. */
  public static final int MAX_BODY_CHARS = 1_000_000;

  private OutboundHttp() {}

  public static CloseableHttpClient create(Duration connectTimeout, Duration readTimeout) {
    return client(
        pool(connectTimeout, readTimeout, 100),
        timeouts(connectTimeout),
        new ProxyPerHost(ProxySelector.getDefault()));
  }

  /**
   * The full client on a given pool: proxies, and every protocol feature switched off that a shared
   * client for JSON APIs must not use or does not need.
   */
  static CloseableHttpClient client(
      PoolingHttpClientConnectionManager pool, RequestConfig timeouts, ProxyPerHost proxies) {
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(timeouts)
        // Corporate egress: the JVM's standard proxy settings (https.proxyHost, https.proxyPort,
        // http.nonProxyHosts), asked once per host by ProxyPerHost.
        .setRoutePlanner(proxies)
        // Shared by every user: it must never carry one user's cookies into another's request.
        .disableCookieManagement()
        .disableRedirectHandling()
        // The tenant's and Graph's answers are small JSON: inflating them costs more CPU than the
        // bytes are worth.
        .disableContentCompression()
        .disableAutomaticRetries()
        .build();
  }

  static PoolingHttpClientConnectionManager pool(
      Duration connectTimeout, Duration readTimeout, int connectionsPerHost) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .build();
    return PoolingHttpClientConnectionManagerBuilder.create()
        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
        // One lock per host instead of one for the whole pool: every Graph page leases and
        // returns a connection, and under load the strict pool's single lock showed up in the
        // profile. The total becomes a soft limit, which 200 can afford.
        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
        .setDefaultConnectionConfig(connection)
        .setMaxConnTotal(200)
        .setMaxConnPerRoute(connectionsPerHost)
        .build();
  }

  /**
   * Waiting for a pooled connection is bounded like connecting. Waiting for an answer is bounded by
   * the connections' socket timeout (the read timeout), which the pool sets on every lease: a
   * response timeout here would only set the same value on the socket a second time per request.
   */
  static RequestConfig timeouts(Duration connectTimeout) {
    return RequestConfig.custom().setConnectionRequestTimeout(Timeout.of(connectTimeout)).build();
  }

  /** Reads a response body with a size bound; an empty string when there is none. */
  public static String body(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try {
      return EntityUtils.toString(entity, MAX_BODY_CHARS);
    } catch (ParseException e) {
      throw new IOException("unreadable response body", e);
    }
  }

  /** Reads a response body's bytes with the same bound; none when there is no body. */
  public static byte[] bytes(HttpEntity entity) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    byte[] bytes = EntityUtils.toByteArray(entity, MAX_BODY_CHARS);
    return bytes == null ? new byte[0] : bytes;
  }
}
