package org.editprofile.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client the app uses for the tenant (through MSAL4J), Graph and the edit
 * profile service. Trust and proxies come from the standard JVM settings (javax.net.ssl.trustStore,
 * https.proxyHost...), so a private CA, a corporate proxy or the local dev tenant are configured
 * the way operators already know.
 */
public final class OutboundHttp {

  /** Larger bodies are never expected from the tenant, Graph or the service. */
  public static final int MAX_BODY_CHARS = 1_000_000;

  private OutboundHttp() {}

  public static CloseableHttpClient create(Duration connectTimeout, Duration readTimeout) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .build();
    RequestConfig request =
        RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            .setResponseTimeout(Timeout.of(readTimeout))
            .build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                // One lock per host instead of one for the whole pool: every Graph page leases
                // and returns a connection, and under load the strict pool's single lock showed
                // up in the profile. The total becomes a soft limit, which 200 can afford.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(connection)
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(100)
                .build())
        .setDefaultRequestConfig(request)
        // Corporate egress: the JVM's standard proxy settings (https.proxyHost, https.proxyPort,
        // http.nonProxyHosts), asked once per host by ProxyPerHost.
        .setRoutePlanner(new ProxyPerHost(ProxySelector.getDefault()))
        // Shared by every user: it must never carry one user's cookies into another's request.
        .disableCookieManagement()
        .disableRedirectHandling()
        // The tenant's and Graph's answers are small JSON: inflating them costs more CPU than the
        // bytes are worth.
        .disableContentCompression()
        .disableAutomaticRetries()
        .build();
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
}
