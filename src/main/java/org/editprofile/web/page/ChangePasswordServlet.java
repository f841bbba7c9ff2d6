package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.editprofile.Routes;
import org.editprofile.flow.ChangePasswordFlow;
import org.editprofile.flow.PasswordOutcome;
import org.editprofile.i18n.Text;
import org.editprofile.profile.PasswordPolicy;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/**
 * {@code /users/changePassword} ({@link Routes#CHANGE_PASSWORD}): GET shows the form behind the
 * step-up, POST (CSRF-checked) changes the password; see {@link ChangePasswordFlow}. The form is
 * always shown empty.
 */
public final class ChangePasswordServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient ChangePasswordFlow flow;

  public ChangePasswordServlet(ChangePasswordFlow flow) {
    this.flow = flow;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    send(flow.openForm(HttpSessionStore.userSession(request, response)), request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    send(
        flow.change(
            HttpSessionStore.userSession(request, response),
            request.getParameter("currentPassword"),
            request.getParameter("newPassword"),
            request.getParameter("confirmPassword")),
        request,
        response);
  }

  private static void send(
      PasswordOutcome outcome, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (outcome instanceof PasswordOutcome.ShowForm form) {
      response.setStatus(form.status());
      form.notice()
          .ifPresent(notice -> request.setAttribute("notice", Views.text(request, notice)));
      Map<String, String> errors = new LinkedHashMap<>();
      form.errors().forEach((field, error) -> errors.put(field, Views.text(request, error)));
      request.setAttribute("errors", errors);
      request.setAttribute("minLength", PasswordPolicy.MIN_LENGTH);
      request.setAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
      request.setAttribute("kinds", PasswordPolicy.CHARACTER_KINDS);
      request.setAttribute(
          "kindsMessage",
          Views.text(request, Text.of("password.kinds", PasswordPolicy.CHARACTER_KINDS)));
      request.setAttribute("mismatchMessage", Views.text(request, Text.of("password.mismatch")));
      request.setAttribute(
          "rules",
          Views.text(
              request,
              Text.of(
                  "password.rules",
                  PasswordPolicy.MIN_LENGTH,
                  PasswordPolicy.MAX_LENGTH,
                  PasswordPolicy.CHARACTER_KINDS)));
      Views.render(request, response, View.CHANGE_PASSWORD);
    } else if (outcome instanceof PasswordOutcome.Changed) {
      Views.redirectInApp(request, response, Routes.SHOW_PROFILE);
    } else if (outcome instanceof PasswordOutcome.GoToTenant go) {
      Views.redirectToTenant(request, response, go.authorizeUrl());
    } else if (outcome instanceof PasswordOutcome.StepUpCapped) {
      FailurePages.stepUpCapped(request, response);
    } else if (outcome instanceof PasswordOutcome.Failed failed) {
      FailurePages.show(request, response, failed.failure());
    }
  }
}
