package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.editprofile.auth.SignInRequests;
import org.editprofile.auth.SignedInUser;
import org.editprofile.auth.UserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the browser back to the tenant when a token needs the user (MFA, consent, expired session),
 * and returns to the page afterwards. The redirect is the whole response. Repeated step-ups for the
 * same session in a short time end on a page instead of looping.
 */
final class StepUp {

  private static final Logger LOG = LoggerFactory.getLogger(StepUp.class);
  static final String ATTEMPTS = "web.stepUpAttempts";
  static final int MAX_ATTEMPTS = 3;
  static final Duration WINDOW = Duration.ofMinutes(5);

  private StepUp() {}

  /** Step-ups started within the current window. */
  record Attempts(int count, Instant windowStart) implements Serializable {}

  static void begin(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      List<String> scopes,
      Optional<String> claims,
      String returnPath)
      throws IOException, ServletException {
    UserSession session = UserSession.of(request);
    Instant now = Instant.now();
    Attempts attempts = (Attempts) session.attribute(ATTEMPTS);
    if (attempts == null || attempts.windowStart().plus(WINDOW).isBefore(now)) {
      attempts = new Attempts(0, now);
    }
    if (attempts.count() >= MAX_ATTEMPTS) {
      LOG.warn("Step-up for {} asked {} times in {}; stopping", scopes, attempts.count(), WINDOW);
      session.removeAttribute(ATTEMPTS);
      Views.error(
          request,
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Verification not completed",
          "The additional verification this page needs could not be completed. "
              + "Sign out, sign in again and retry; contact support if this keeps happening.");
      return;
    }
    session.setAttribute(ATTEMPTS, new Attempts(attempts.count() + 1, attempts.windowStart()));
    String loginHint = session.user().map(SignedInUser::username).orElse(null);
    response.sendRedirect(
        services
            .signIns()
            .start(request, returnPath, SignInRequests.Options.stepUp(scopes, claims, loginHint))
            .toString());
  }

  /** The token came silently: the step-up (if any) is done. */
  static void succeeded(HttpServletRequest request) {
    UserSession session = UserSession.of(request);
    if (session.attribute(ATTEMPTS) != null) {
      session.removeAttribute(ATTEMPTS);
    }
  }
}
