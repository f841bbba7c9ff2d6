package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.Routes;
import org.editprofile.auth.CallbackOutcome;
import org.editprofile.auth.SignInCallback;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/**
 * {@code /auth/redirect} ({@link Routes#SIGN_IN_CALLBACK}): the tenant's answer, as a form_post
 * (POST) or in the query (GET). Always ends in a redirect or a page, so the code never stays in the
 * address bar longer than one hop. The logic is {@link SignInCallback}.
 */
public final class SignInCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String RELAYED = "relayed";
  private final transient SignInCallback callback;
  private final transient AppMetrics metrics;

  public SignInCallbackServlet(SignInCallback callback, AppMetrics metrics) {
    this.callback = callback;
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    handle(request, response);
  }

  /**
   * The tenant's form_post is a cross-site POST, so a browser sends none of our SameSite=Lax
   * cookies with it: neither the pending sign-in's nor the session's. When it arrives with neither,
   * the same fields are posted again from our own origin (a same-site request, which carries them)
   * exactly once.
   */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getParameter(RELAYED) == null
        && request.getSession(false) == null
        && HttpSessionStore.userSession(request, response).pendingSignIns().isEmpty()
        && request.getParameter("state") != null) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : List.of("state", "code", "error", "error_description")) {
        String value = request.getParameter(name);
        if (value != null) {
          fields.put(name, value);
        }
      }
      fields.put(RELAYED, "1");
      request.setAttribute("fields", fields);
      Views.render(request, response, View.FORM_POST_RELAY);
      return;
    }
    handle(request, response);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    CallbackOutcome outcome;
    try {
      outcome =
          callback.handle(
              HttpSessionStore.userSession(request, response),
              new SignInCallback.Response(
                  request.getParameter("state"), request.getParameter("code"),
                  request.getParameter("error"), request.getParameter("error_description")));
    } catch (RuntimeException e) {
      // The tenant unreachable or refusing the code: the error page says so.
      metrics.signIn("failed");
      throw e;
    }
    if (outcome instanceof CallbackOutcome.SignedIn signedIn) {
      metrics.signIn(signedIn.steppedUp() ? "stepped_up" : "signed_in");
      if (signedIn.steppedUp()) {
        metrics.stepUp("completed");
      }
      Views.redirectInApp(request, response, signedIn.returnPath());
    } else if (outcome instanceof CallbackOutcome.Restart) {
      metrics.signIn("restarted");
      Views.redirectInApp(request, response, Routes.SIGN_IN_RESTART);
    } else if (outcome instanceof CallbackOutcome.Rejected rejected) {
      metrics.signIn("rejected");
      Views.error(request, response, rejected.status(), rejected.title(), rejected.message());
    }
  }
}
