package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.editprofile.session.UserSession;
import org.editprofile.web.session.HttpSessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a signed-in session a fixed time after sign-in, however active it is: the idle timeout alone
 * would let a session (and the refresh token in it) live for as long as something keeps using it,
 * for example a stolen cookie replayed by a script. The request then goes on as a visitor's, so a
 * page under /users/ sends the user to sign in again.
 */
public final class SessionLifetimeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SessionLifetimeFilter.class);

  private final Duration lifetime;
  private final transient Clock clock;

  public SessionLifetimeFilter(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getSession(false) != null) {
      UserSession session = HttpSessionStore.userSession(request, response);
      if (session.signInOutlived(lifetime, clock.instant())) {
        session.invalidate();
        LOG.info("A session reached its lifetime of {} and ended", lifetime);
      }
    }
    chain.doFilter(request, response);
  }
}
