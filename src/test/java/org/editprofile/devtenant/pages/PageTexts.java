package org.editprofile.devtenant.pages;

import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.editprofile.i18n.Text;

/**
 * The words of the tenant's hosted pages (sign-in, sign-up, one-time code), in the languages the
 * app ships. As Entra's pages do, they follow the app's {@code ui_locales}, else the browser's
 * Accept-Language.
 */
final class PageTexts {

  private final Messages texts = Messages.load("org.editprofile.devtenant.pages");

  /** The language of the pages of one authorization request. */
  static Language choose(String uiLocales, String acceptLanguage) {
    // ui_locales is space-separated (OpenID Connect Core 3.1.2.1); as ranges they are a list.
    return Language.bestMatch(
            uiLocales == null ? null : String.join(",", uiLocales.trim().split("\\s+")))
        .orElseGet(() -> Language.negotiate(acceptLanguage));
  }

  String get(Language language, String key, String... args) {
    return texts.format(Text.of(key, (java.io.Serializable[]) args), language);
  }

  /** The text, HTML-escaped. */
  String html(Language language, String key) {
    return Html.escape(get(language, key));
  }
}
