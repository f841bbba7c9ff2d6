package org.editprofile.devtenant.pages;

import org.editprofile.i18n.Language;

/** The dev tenant's pages: plain, escaped HTML, styled to look like a hosted sign-in page. */
final class Html {

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A whole page in one language.
   *
   * @param titleKey the key of the page's title in the tenant's texts
   * @param body HTML, its text already in {@code language}
   */
  static String page(PageTexts texts, Language language, String titleKey, String body) {
    return "<!DOCTYPE html><html lang=\""
        + language.tag()
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(texts.get(language, titleKey))
        + " - "
        + escape(texts.get(language, "tenant.name"))
        + "</title><style>"
        + "body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}"
        + "main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:4px;"
        + "box-shadow:0 2px 6px rgba(0,0,0,.2)}h1{font-size:1.5rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}"
        + "input{width:100%;padding:.5rem;font:inherit;border:1px solid #595959;box-sizing:border-box}"
        + "button{margin-top:1rem;background:#0067b8;color:#fff;border:0;padding:.6rem 1.4rem;font:inherit;cursor:pointer}"
        + ".error{color:#a4262c}.note{color:#444;font-size:.9rem}code{font-size:1.2rem}"
        + "</style></head><body><main><p class=\"note\">"
        + escape(texts.get(language, "tenant.note"))
        + "</p>"
        + body
        + "</main></body></html>";
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
  }
}
