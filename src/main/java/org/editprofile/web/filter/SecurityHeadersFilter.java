package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.editprofile.Routes;

/**
 * Headers on every response: a CSP without inline script, no MIME sniffing, no framing, no referrer
 * (so an authorization code in a callback URL never leaks), and no caching of pages, which show
 * profile data.
 *
 * <p>The CSP's {@code form-action} lets forms go to this app and on to the origins its form posts
 * redirect to (the tenant, for a step-up or a sign-out, and the post-logout page): browsers check
 * every redirect after a form submission against it. When the app is served over https, HSTS keeps
 * browsers from ever trying it over http again.
 */
public final class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String HSTS = "max-age=31536000";

  private final String self;
  private final transient Supplier<Collection<URI>> formTargets;
  private final boolean https;
  private transient volatile Csp csp;

  /** The policy for one set of form targets, kept until they change. */
  private record Csp(Collection<URI> targets, String header) {}

  private SecurityHeadersFilter(String self, Supplier<Collection<URI>> formTargets, boolean https) {
    this.self = self;
    this.formTargets = formTargets;
    this.https = https;
  }

  /**
   * @param publicAddress an address of the app as browsers see it (REDIRECT_URI): its scheme
   *     decides HSTS, its origin is 'self'
   * @param formTargets where a form post may end besides this app, asked again on each response
   *     (the tenant's endpoints become known from its discovery document)
   */
  public static SecurityHeadersFilter forWebApp(
      URI publicAddress, Supplier<Collection<URI>> formTargets) {
    return new SecurityHeadersFilter(
        origin(publicAddress), formTargets, "https".equals(publicAddress.getScheme()));
  }

  /** The service alone, or the not-configured page: forms, if any, stay on this app. */
  public static SecurityHeadersFilter withoutWebApp() {
    return new SecurityHeadersFilter("", List::of, false);
  }

  private String csp() {
    Collection<URI> targets = formTargets.get();
    Csp known = csp;
    if (known == null || !known.targets().equals(targets)) {
      known = new Csp(targets, policy(targets));
      csp = known;
    }
    return known.header();
  }

  private String policy(Collection<URI> targets) {
    StringBuilder formAction = new StringBuilder("'self'");
    targets.stream()
        .map(SecurityHeadersFilter::origin)
        .filter(origin -> !origin.equals(self))
        .distinct()
        .forEach(origin -> formAction.append(' ').append(origin));
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action "
        + formAction
        + "; frame-ancestors 'none'";
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /** Sets the headers; also for a page written after a {@code response.reset()}. */
  void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", csp());
    if (https) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!Routes.isStatic(request.getServletPath())) {
      response.setHeader("Cache-Control", "no-store");
    } else {
      response.setHeader("Cache-Control", "public, max-age=3600");
    }
  }
}
