package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import org.editprofile.config.WebAppSettings;
import org.editprofile.flow.DeleteAccountFlow;
import org.editprofile.flow.DeleteOutcome;
import org.editprofile.i18n.Text;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /users/deleteAccount} ({@link org.editprofile.Routes#DELETE_ACCOUNT}): GET shows what
 * deletion means and asks for the confirmation word of the page's language; POST (CSRF-checked)
 * deletes through the edit profile service ({@link DeleteAccountFlow}). Once the account is gone
 * the session ends here and at the tenant, and the home page says goodbye.
 */
public final class DeleteAccountServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DeleteAccountServlet.class);
  static final Text WORD = Text.of("delete.word");

  private final transient DeleteAccountFlow flow;
  private final transient TenantSignOut tenantSignOut;
  private final transient GoodbyeCookie goodbye;

  public DeleteAccountServlet(
      DeleteAccountFlow flow, OidcMetadataProvider metadata, WebAppSettings settings) {
    this.flow = flow;
    this.tenantSignOut = new TenantSignOut(metadata, settings);
    this.goodbye = new GoodbyeCookie(settings.servedOverHttps());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    send(flow.open(HttpSessionStore.userSession(request, response)), request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    UserSession session = HttpSessionStore.userSession(request, response);
    boolean confirmed =
        comparable(request.getParameter("confirmation"))
            .equals(comparable(Views.text(request, WORD)));
    DeleteOutcome outcome = flow.delete(session, confirmed);
    if (outcome instanceof DeleteOutcome.Deleted) {
      LOG.info("Account deleted at the customer's request; signing out");
      goodbye.write(response);
      tenantSignOut.signOut(session, response);
      return;
    }
    send(outcome, request, response);
  }

  /** The word as typed, compared without case, accents' encoding or surrounding spaces. */
  private static String comparable(String typed) {
    return typed == null
        ? ""
        : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static void send(
      DeleteOutcome outcome, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (outcome instanceof DeleteOutcome.ShowForm form) {
      response.setStatus(form.status());
      form.notice()
          .ifPresent(notice -> request.setAttribute("notice", Views.text(request, notice)));
      form.error().ifPresent(error -> request.setAttribute("error", Views.text(request, error)));
      request.setAttribute(
          "wordPrompt", Views.text(request, Text.of("delete.typeWord", Views.text(request, WORD))));
      Views.render(request, response, View.DELETE_ACCOUNT);
    } else if (outcome instanceof DeleteOutcome.GoToTenant go) {
      Views.redirectToTenant(request, response, go.authorizeUrl());
    } else if (outcome instanceof DeleteOutcome.StepUpCapped) {
      FailurePages.stepUpCapped(request, response);
    } else if (outcome instanceof DeleteOutcome.Failed failed) {
      FailurePages.show(request, response, failed.failure());
    }
  }
}
