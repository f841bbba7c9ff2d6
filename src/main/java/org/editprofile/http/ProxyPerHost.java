package org.editprofile.http;

import java.net.ProxySelector;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The JVM's proxy choice, asked once per host instead of on every request. The app talks to a
 * handful of hosts fixed by its settings (the tenant, Graph, the service), and the proxy settings
 * are system properties read at start-up, so the answer cannot change while the client lives;
 * asking the ProxySelector each time parsed the target into a URI and matched the non-proxy
 * patterns on every Graph call.
 */
final class ProxyPerHost extends SystemDefaultRoutePlanner {

  /** More hosts than any configuration names: past it, the selector is asked as before. */
  private static final int MAX_HOSTS = 64;

  private final Map<HttpHost, Optional<HttpHost>> proxies = new ConcurrentHashMap<>();

  ProxyPerHost(ProxySelector selector) {
    super(selector);
  }

  @Override
  protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
    Optional<HttpHost> known = proxies.get(target);
    if (known == null) {
      known = Optional.ofNullable(super.determineProxy(target, context));
      if (proxies.size() < MAX_HOSTS) {
        proxies.putIfAbsent(target, known);
      }
    }
    return known.orElse(null);
  }
}
