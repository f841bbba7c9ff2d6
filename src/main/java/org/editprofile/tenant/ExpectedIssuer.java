package org.editprofile.tenant;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer the configured authority implies. The discovery document's {@code issuer} is what ID
 * tokens and the service's access tokens are checked against, so it is not taken as given: a proxy,
 * a mistyped authority or a document of another tenant would otherwise decide which tokens the app
 * trusts.
 *
 * <ul>
 *   <li>An authority on {@code *.ciamlogin.com} (the {@code TENANT_SUBDOMAIN} form, or one with a
 *       tenant id): Entra names the tenant by its id, {@code
 *       https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0}; when the authority names a tenant id,
 *       it must be that one.
 *   <li>Any other authority (a custom URL domain, the dev tenant): the issuer is the authority
 *       itself, which MSAL4J's {@code oidcAuthority} requires as well.
 * </ul>
 */
public final class ExpectedIssuer {

  private static final Pattern CIAM_ISSUER =
      Pattern.compile("https://([0-9a-f-]{36})\\.ciamlogin\\.com/\\1/v2\\.0");
  private static final Pattern TENANT_ID = Pattern.compile("[0-9a-f-]{36}");

  private final String authority;

  private ExpectedIssuer(String authority) {
    this.authority = authority;
  }

  /** For the authority MSAL4J is given (ending in '/'). */
  public static ExpectedIssuer forAuthority(String authority) {
    return new ExpectedIssuer(authority.endsWith("/") ? authority : authority + "/");
  }

  /** Why this issuer is not this tenant's, or empty when it is. */
  public Optional<String> problem(String issuer) {
    String withSlash = issuer.endsWith("/") ? issuer : issuer + "/";
    if (withSlash.equals(authority) || ciamIssuerOfThisTenant(issuer.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(
        "The tenant's discovery document names the issuer "
            + issuer
            + ", which the authority "
            + authority
            + " does not imply: check AUTHORITY or TENANT_SUBDOMAIN");
  }

  private boolean ciamIssuerOfThisTenant(String issuer) {
    URI configured = URI.create(authority);
    if (configured.getHost() == null || !configured.getHost().endsWith(".ciamlogin.com")) {
      return false;
    }
    Matcher matcher = CIAM_ISSUER.matcher(issuer);
    if (!matcher.matches()) {
      return false;
    }
    String[] segments = configured.getPath().split("/");
    String named = segments.length > 1 ? segments[1].toLowerCase(Locale.ROOT) : "";
    return !TENANT_ID.matcher(named).matches() || named.equals(matcher.group(1));
  }
}
