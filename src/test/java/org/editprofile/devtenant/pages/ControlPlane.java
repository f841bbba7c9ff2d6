package org.editprofile.devtenant.pages;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Exchange;
import org.editprofile.i18n.Language;

/**
 * The dev tenant's own pages and hooks, which Entra does not have: the mailbox where one-time codes
 * arrive (a page for people, {@code /_dev/mailbox/latest} for tests), the request counters, and the
 * faults a test plants.
 */
public final class ControlPlane {

  private final DevTenant tenant;
  private final PageTexts texts = new PageTexts();

  public ControlPlane(DevTenant tenant) {
    this.tenant = tenant;
  }

  /** The mailbox and the test hooks. */
  public void handle(Exchange ex, String path) throws IOException {
    switch (path) {
      case "/mailbox" -> mailboxPage(ex);
      case "/_dev/mailbox/latest" -> latestCode(ex);
      case "/_dev/counters" -> ex.json(200, tenant.requestCounts());
      case "/_dev/faults" -> faults(ex);
      default -> ex.json(404, Map.of("error", "not_found"));
    }
  }

  private void mailboxPage(Exchange ex) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (Mailbox.Message m : tenant.mailbox().recent()) {
      rows.insert(
          0,
          "<tr><td>"
              + Html.escape(m.to())
              + "</td><td><code>"
              + Html.escape(m.code())
              + "</code></td><td>"
              + m.sentAt()
              + "</td></tr>");
    }
    Language language = PageTexts.choose(null, ex.header("Accept-Language"));
    ex.html(
        200,
        Html.page(
            texts,
            language,
            "mailbox.title",
            "<h1>"
                + texts.html(language, "mailbox.title")
                + "</h1><p>"
                + texts.html(language, "mailbox.intro")
                + "</p><table><thead><tr><th>"
                + texts.html(language, "mailbox.to")
                + "</th><th>"
                + texts.html(language, "mailbox.code")
                + "</th><th>"
                + texts.html(language, "mailbox.sent")
                + "</th></tr></thead><tbody>"
                + rows
                + "</tbody></table>"));
  }

  private void latestCode(Exchange ex) throws IOException {
    Optional<String> code =
        tenant.mailbox().latestCode(Optional.ofNullable(ex.param("email")).orElse(""));
    if (code.isPresent()) {
      ex.json(200, Map.of("code", code.get()));
    } else {
      ex.json(404, Map.of("error", "no_message"));
    }
  }

  private void faults(Exchange ex) throws IOException {
    if (!"POST".equals(ex.method())) {
      ex.json(405, Map.of("error", "method_not_allowed"));
      return;
    }
    try {
      tenant.faults().fromParameters(ex.params());
    } catch (IllegalArgumentException e) {
      ex.json(400, Map.of("error", "unknown fault: " + e.getMessage()));
      return;
    }
    ex.json(200, Map.of("kind", ex.params().getOrDefault("kind", "CLEAR")));
  }
}
