package org.editprofile.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound calls go through the JVM's standard proxy settings, as corporate egress needs. */
class OutboundHttpProxyTest {

  private ServerSocket proxy;
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              while (!proxy.isClosed()) {
                try (Socket client = proxy.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              client.getInputStream(), StandardCharsets.US_ASCII));
                  requestLines.add(in.readLine());
                  OutputStream out = client.getOutputStream();
                  out.write(
                      "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    System.setProperty("https.proxyHost", "127.0.0.1");
    System.setProperty("https.proxyPort", Integer.toString(proxy.getLocalPort()));
    System.setProperty("http.nonProxyHosts", "direct.example.invalid");
  }

  @AfterEach
  void stopProxy() throws IOException {
    System.clearProperty("https.proxyHost");
    System.clearProperty("https.proxyPort");
    System.clearProperty("http.nonProxyHosts");
    proxy.close();
  }

  @Test
  void httpsCallsTunnelThroughTheConfiguredProxy() throws IOException {
    try (CloseableHttpClient http =
        OutboundHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
      int status =
          http.execute(
              new HttpGet("https://contoso.ciamlogin.com/contoso.onmicrosoft.com/"),
              response -> response.getCode());
      assertEquals(502, status, "the proxy's refusal of the tunnel");
    }
    assertEquals(List.of("CONNECT contoso.ciamlogin.com:443 HTTP/1.1"), requestLines);
  }

  @Test
  void nonProxyHostsAreReachedDirectly() throws IOException {
    try (CloseableHttpClient http =
        OutboundHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
      IOException direct =
          assertThrows(
              IOException.class,
              () ->
                  http.execute(
                      new HttpGet("https://direct.example.invalid/"),
                      response -> response.getCode()));
      assertTrue(direct instanceof java.net.UnknownHostException, "resolved directly: " + direct);
    }
    assertTrue(requestLines.isEmpty(), "the proxy saw nothing: " + requestLines);
  }
}
