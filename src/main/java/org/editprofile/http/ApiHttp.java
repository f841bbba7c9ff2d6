package org.editprofile.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for the calls pages make on every request: Microsoft Graph and the edit profile service.
 *
 * <p>A host the JVM's proxy settings send direct is called through HttpClient's minimal client,
 * which leases a pooled connection and exchanges the request without the full client's chain. That
 * chain (target authentication and its cache, which parses every request's path again, the protocol
 * interceptors, the redirect and retry steps) does nothing for a bearer-authenticated JSON call
 * with redirects and retries switched off, and in the flight recording it took about a tenth of the
 * profile page's samples. A host behind a proxy goes through the full client, which knows how to
 * tunnel. The two share one connection pool, and every request carries the same timeouts: the
 * minimal client has no defaults of its own, and would otherwise wait three minutes for a
 * connection from an exhausted pool.
 */
public final class ApiHttp implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHttp.class);

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient direct;
  private final CloseableHttpClient proxied;
  private final RequestConfig timeouts;
  private final ProxyPerHost proxies = new ProxyPerHost(ProxySelector.getDefault());

  ApiHttp(Duration connectTimeout, Duration readTimeout, int connectionsPerHost) {
    this.pool = OutboundHttp.pool(connectTimeout, readTimeout, connectionsPerHost);
    this.timeouts = OutboundHttp.timeouts(connectTimeout);
    this.direct = HttpClients.createMinimal(pool);
    // One answer per host for both the choice of client and the full client's own route.
    this.proxied = OutboundHttp.client(pool, timeouts, proxies);
  }

  public static ApiHttp create(Duration connectTimeout, Duration readTimeout) {
    return new ApiHttp(connectTimeout, readTimeout, 100);
  }

  /**
   * Sends the request; the handler reads the answer before its connection goes back to the pool.
   */
  public <T> T execute(HttpUriRequestBase request, HttpClientResponseHandler<? extends T> handler)
      throws IOException {
    request.setConfig(timeouts);
    HttpHost target = new HttpHost(request.getScheme(), request.getAuthority());
    return (goesDirect(target) ? direct : proxied).execute(target, request, handler);
  }

  /**
   * Opens a pooled connection to the URL's host, TLS handshake included, without sending a request:
   * started once, the app's first Graph call after a deploy finds its connection ready instead of
   * paying for it inside the first customer's page. Only for a host reached direct (a proxied
   * connection is a tunnel, built per request); a host that cannot be reached now is connected by
   * its first request instead.
   */
  public void connectAhead(URI url) {
    HttpHost target = new HttpHost(url.getScheme(), url.getHost(), url.getPort());
    // The route the minimal client leases for this host, so its first request finds this one.
    HttpRoute route =
        new HttpRoute(RoutingSupport.normalize(target, DefaultSchemePortResolver.INSTANCE));
    try {
      if (!goesDirect(target)) {
        return;
      }
      ConnectionEndpoint endpoint =
          pool.lease("connect-ahead", route, timeouts.getConnectionRequestTimeout(), null)
              .get(timeouts.getConnectionRequestTimeout());
      try {
        if (!endpoint.isConnected()) {
          pool.connect(endpoint, null, HttpClientContext.create());
        }
        pool.release(endpoint, null, TimeValue.NEG_ONE_MILLISECOND);
      } catch (IOException | RuntimeException e) {
        endpoint.close(CloseMode.IMMEDIATE);
        pool.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
        throw e;
      }
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      LOG.info("No connection ahead to {}: {}", target, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * True when the proxy settings send this host direct: the same answer the full client acts on.
   */
  boolean goesDirect(HttpHost target) throws IOException {
    try {
      return proxies.determineProxy(target, null) == null;
    } catch (HttpException e) {
      throw new IOException("no route to " + target, e);
    }
  }

  @Override
  public void close() throws IOException {
    // Each closes the pool they share; the second close finds it closed.
    proxied.close();
    direct.close();
  }
}
