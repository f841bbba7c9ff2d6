package org.editprofile.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/** The JVM's proxy choice is asked once per host and then reused, with the same routes. */
class ProxyPerHostTest {

  /** Sends graph.microsoft.com through a proxy and everything else direct, counting questions. */
  private static final class CountingSelector extends ProxySelector {
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      asked.add(uri);
      return uri.getHost().equals("graph.microsoft.com")
          ? List.of(
              new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128)))
          : List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
  }

  @Test
  void asksTheSelectorOncePerHostAndKeepsItsAnswer() throws HttpException {
    CountingSelector selector = new CountingSelector();
    ProxyPerHost planner = new ProxyPerHost(selector);
    HttpHost graph = new HttpHost("https", "graph.microsoft.com", 443);
    HttpHost tenant = new HttpHost("https", "contoso.ciamlogin.com", 443);

    for (int i = 0; i < 3; i++) {
      HttpRoute viaProxy = planner.determineRoute(graph, HttpClientContext.create());
      assertEquals(new HttpHost("http", "proxy.corp", 3128), viaProxy.getProxyHost());
      HttpRoute direct = planner.determineRoute(tenant, HttpClientContext.create());
      assertNull(direct.getProxyHost());
    }

    assertEquals(2, selector.asked.size(), "one question per host: " + selector.asked);
  }
}
