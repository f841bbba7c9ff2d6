package org.editprofile.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.http.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container sends every unhandled status and exception here (see web.xml), so a visitor sees
 * the one error page and never a stack trace. The exception goes to the log.
 */
@WebServlet("/error")
public final class ErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorServlet.class);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = statusAttribute instanceof Integer code ? code : 404;
    IdentityProviderException idp = find(failure, IdentityProviderException.class);
    if (idp != null) {
      LOG.warn("Sign-in service problem: {}", idp.getMessage(), idp.getCause());
      if (idp.retryAfter().isPresent()) {
        long seconds = Math.max(1, idp.retryAfter().get().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        Views.error(
            request,
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "Sign-in service busy",
            "The sign-in service is busy. Please try again in " + seconds + " seconds.");
        return;
      }
      Views.error(
          request,
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "Sign-in service unavailable",
          "The sign-in service could not be reached or gave an unexpected answer. Please try again in a moment.");
      return;
    }
    if (failure != null) {
      LOG.error(
          "Unhandled error on {}",
          LogSafe.clean(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
          failure);
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    switch (status) {
      case 404 ->
          Views.error(
              request, response, 404, "Page not found", "There is no page at this address.");
      case 405 ->
          Views.error(
              request,
              response,
              405,
              "Not allowed",
              "This address does not accept that kind of request.");
      case 400 ->
          Views.error(
              request, response, 400, "Bad request", "The request could not be understood.");
      default ->
          Views.error(
              request,
              response,
              status,
              "Something went wrong",
              "An unexpected error occurred. Please try again.");
    }
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
