package org.editprofile.web.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.Routes;
import org.editprofile.http.LogSafe;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException;
import org.editprofile.i18n.Text;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /error}: the container sends every unhandled status and exception here (see web.xml), so a
 * visitor sees the one error page and never a stack trace; an API caller gets problem+json. The
 * exception goes to the log.
 */
public final class ErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorServlet.class);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = statusAttribute instanceof Integer code ? code : 404;
    RemoteServiceException remote = find(failure, RemoteServiceException.class);
    if (remote != null && !isApi(request)) {
      FailurePages.show(request, response, remote);
      return;
    }
    if (failure != null) {
      LOG.error(
          "Unhandled error on {}",
          LogSafe.clean(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
          failure);
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    if (isApi(request)) {
      apiProblem(status).send(response);
      return;
    }
    String page =
        switch (status) {
          case 404 -> "error.notFound";
          case 405 -> "error.notAllowed";
          case 400 -> "error.badRequest";
          default -> "error.unexpected";
        };
    Views.error(request, response, status, Text.of(page + ".title"), Text.of(page + ".message"));
  }

  private static Problem apiProblem(int status) {
    return switch (status) {
      case 404 -> new Problem(404, "Not found", "There is no such API route.");
      case 405 -> new Problem(405, "Method not allowed", "This route does not accept that method.");
      case 400 -> new Problem(400, "Bad request", "The request could not be understood.");
      default -> new Problem(status, "Internal error", "An unexpected error occurred.");
    };
  }

  /** Whether the failed request was for the bearer-token API. */
  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    String context = request.getContextPath();
    return path.startsWith(context) && Routes.isApi(path.substring(context.length()));
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
