package org.editprofile.tenant;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.editprofile.http.OutboundHttp;

/**
 * Lets Nimbus fetch the tenant's JWKS over the app's shared HTTP client (timeouts, trust, pool).
 */
final class HttpResourceRetriever implements ResourceRetriever {

  private final CloseableHttpClient http;

  HttpResourceRetriever(CloseableHttpClient http) {
    this.http = http;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    try {
      return http.execute(
          new HttpGet(url.toURI()),
          response -> {
            if (response.getCode() != 200) {
              throw new IOException("HTTP " + response.getCode() + " from " + url);
            }
            ContentType type =
                ContentType.parseLenient(
                    response.getEntity() == null ? null : response.getEntity().getContentType());
            return new Resource(
                OutboundHttp.body(response.getEntity()), type == null ? null : type.getMimeType());
          });
    } catch (URISyntaxException e) {
      throw new IOException("bad URL " + url, e);
    }
  }
}
