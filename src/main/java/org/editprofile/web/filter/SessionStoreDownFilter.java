package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.editprofile.Routes;
import org.editprofile.http.LogSafe;
import org.editprofile.http.Problem;
import org.editprofile.i18n.Text;
import org.editprofile.web.session.SharedSessions;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Right inside {@link SharedSessions}' filter: when the shared session store fails (down, or not
 * answering within its command timeout), the visitor gets a clear "temporarily unavailable" page
 * (503, Retry-After, the security headers of every page) at once instead of a 500, and keeps their
 * session cookie, so they carry on where they were once the store is back.
 */
public final class SessionStoreDownFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SessionStoreDownFilter.class);
  private static final String RETRY_SECONDS = "5";

  private final transient SecurityHeadersFilter securityHeaders;

  /**
   * @param securityHeaders what every response carries, put back after the reset below
   */
  public SessionStoreDownFilter(SecurityHeadersFilter securityHeaders) {
    this.securityHeaders = securityHeaders;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!causedByTheStore(e)) {
        throw e;
      }
      LOG.warn("The session store failed: {}", LogSafe.rootCause(e));
      if (response.isCommitted()) {
        return;
      }
      // Whatever the failed request had set goes (a half-written page, a cookie), except what every
      // response must carry.
      response.reset();
      securityHeaders.apply(request, response);
      response.setHeader("Retry-After", RETRY_SECONDS);
      if (Routes.isApi(request.getServletPath())) {
        new Problem(503, "Service unavailable", "Try again in a moment.").send(response);
        return;
      }
      // The page must not touch the session again: for it, there is none.
      Views.error(
          new WithoutSession(request),
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          Text.of("error.storeDown.title"),
          Text.of("error.storeDown.message"));
    }
  }

  private static boolean causedByTheStore(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException) {
        return true;
      }
    }
    return false;
  }

  /** The request as if it carried no session, for the one page rendered without the store. */
  private static final class WithoutSession extends HttpServletRequestWrapper {
    WithoutSession(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession(boolean create) {
      return null;
    }

    @Override
    public HttpSession getSession() {
      return null;
    }
  }
}
