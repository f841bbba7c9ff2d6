package org.editprofile.tenant;

import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.editprofile.http.OutboundHttp;
import org.editprofile.metrics.AppMetrics;

/**
 * MSAL4J's HTTP calls over the shared pooled client. The discovery document is answered from {@link
 * OidcMetadataProvider}'s cache, so building an MSAL client per request costs no network call.
 */
public final class MsalHttpClient implements IHttpClient {

  private final CloseableHttpClient http;
  private final OidcMetadataProvider metadata;
  private final String discoveryUrl;
  private final AppMetrics metrics;

  public MsalHttpClient(
      CloseableHttpClient http, OidcMetadataProvider metadata, AppMetrics metrics) {
    this.http = http;
    this.metadata = metadata;
    this.metrics = metrics;
    this.discoveryUrl = metadata.discoveryUrl().toString();
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    if (request.httpMethod() == HttpMethod.GET && discoveryUrl.equals(request.url().toString())) {
      HttpResponse cached = new HttpResponse().statusCode(200).body(metadata.get().rawJson());
      // MSAL4J compares the correlation id it sent with the answer's, and logs each mismatch.
      String correlationId = request.headerValue("client-request-id");
      if (correlationId != null) {
        cached.addHeaders(Map.of("client-request-id", List.of(correlationId)));
      }
      return cached;
    }
    BasicClassicHttpRequest outbound =
        new BasicClassicHttpRequest(request.httpMethod().methodName, request.url().toURI());
    String contentType = null;
    if (request.headers() != null) {
      for (Map.Entry<String, String> header : request.headers().entrySet()) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.getKey())) {
          contentType = header.getValue();
        } else if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(header.getKey())) {
          outbound.addHeader(header.getKey(), header.getValue());
        }
      }
    }
    if (request.body() != null) {
      ContentType type =
          contentType == null
              ? ContentType.APPLICATION_FORM_URLENCODED
              : ContentType.parse(contentType);
      outbound.setEntity(new StringEntity(request.body(), type));
    }
    Optional<String> grant = TokenCalls.grant(request.body());
    if (grant.isEmpty()) {
      return execute(outbound);
    }
    long start = System.nanoTime();
    try {
      IHttpResponse response = execute(outbound);
      metrics.tenantTokenCall(
          grant.get(),
          TokenCalls.outcome(response.statusCode(), response.body()),
          System.nanoTime() - start);
      return response;
    } catch (IOException | RuntimeException e) {
      metrics.tenantTokenCall(grant.get(), TokenCalls.UNREACHABLE, System.nanoTime() - start);
      throw e;
    }
  }

  private IHttpResponse execute(BasicClassicHttpRequest outbound) throws IOException {
    return http.execute(
        outbound,
        response -> {
          HttpResponse result =
              new HttpResponse()
                  .statusCode(response.getCode())
                  .body(OutboundHttp.body(response.getEntity()));
          Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          for (Header header : response.getHeaders()) {
            headers
                .computeIfAbsent(header.getName(), k -> new ArrayList<>())
                .add(header.getValue());
          }
          result.addHeaders(headers);
          return result;
        });
  }
}
