package org.editprofile.tenant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The tenant's signing keys, one source for the whole app: the web app's ID-token check and the
 * edit profile service's bearer-token check both select keys here, so the JWKS is fetched, cached
 * and refreshed (on an unknown key id, rate-limited by Nimbus) once per tenant. The source follows
 * the discovery document's {@code jwks_uri} if it ever changes.
 */
public final class TenantKeys implements JWKSource<SecurityContext> {

  private final OidcMetadataProvider metadata;
  private final CloseableHttpClient http;
  private volatile Source current;

  private record Source(URI jwksUri, JWKSource<SecurityContext> keys) {}

  public TenantKeys(OidcMetadataProvider metadata, CloseableHttpClient http) {
    this.metadata = metadata;
    this.http = http;
  }

  /** Selects RS256 keys from this tenant's JWKS: the only algorithm Entra signs tokens with. */
  public JWSKeySelector<SecurityContext> rs256() {
    return new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, this);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    return source().get(selector, context);
  }

  private JWKSource<SecurityContext> source() {
    URI jwksUri = metadata.get().jwksUri();
    Source known = current;
    if (known != null && known.jwksUri().equals(jwksUri)) {
      return known.keys();
    }
    try {
      Source fresh =
          new Source(
              jwksUri,
              JWKSourceBuilder.create(jwksUri.toURL(), new HttpResourceRetriever(http)).build());
      current = fresh;
      return fresh.keys();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new TenantException("the tenant's jwks_uri is not a URL", e);
    }
  }
}
