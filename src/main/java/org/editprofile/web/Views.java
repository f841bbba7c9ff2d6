package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.editprofile.session.UserSession;

/** Renders the JSP views; every page gets the signed-in user and, for them, the CSRF token. */
public final class Views {

  private static final DateTimeFormatter REFERENCE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Views() {}

  public static void render(HttpServletRequest request, HttpServletResponse response, String view)
      throws ServletException, IOException {
    UserSession session = HttpSessionStore.userSession(request);
    session
        .user()
        .ifPresent(
            user -> {
              request.setAttribute("user", user);
              request.setAttribute("csrfToken", CsrfFilter.tokenFor(session));
            });
    request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
  }

  /**
   * The one error page: a status, a title and a message that is safe to show, and a reference (the
   * request's correlation id and the UTC time) to quote to support, as Entra's pages do.
   */
  public static void error(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String message)
      throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("errorTitle", title);
    request.setAttribute("errorMessage", message);
    request.setAttribute(
        "errorTime", REFERENCE_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + " UTC");
    render(request, response, "error");
  }

  /** A redirect to a path inside this app. */
  public static void redirectInApp(
      HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    response.sendRedirect(request.getContextPath() + path);
  }
}
