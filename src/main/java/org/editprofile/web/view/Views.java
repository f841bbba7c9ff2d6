package org.editprofile.web.view;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.editprofile.Routes;
import org.editprofile.http.CorrelationId;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.editprofile.i18n.Text;
import org.editprofile.session.UserSession;
import org.editprofile.web.filter.CsrfFilter;
import org.editprofile.web.filter.LanguageFilter;
import org.editprofile.web.session.HttpSessionStore;

/**
 * Renders the JSP views in the request's language; every page gets the signed-in user and, for
 * them, the CSRF token, and the path the language switcher returns to.
 */
public final class Views {

  /** The servlet context attribute holding the shipped {@link Messages}. */
  public static final String MESSAGES = "org.editprofile.messages";

  /** Each language's own medium date and time style ("2 dic 2026, 4:33:20"), in UTC. */
  private static final Map<Language, DateTimeFormatter> DATE_TIME = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      DATE_TIME.put(language, mediumDateTime(language.locale()));
    }
  }

  private Views() {}

  /** The page's language, as {@link LanguageFilter} chose it. */
  public static Language language(HttpServletRequest request) {
    return request.getAttribute(LanguageFilter.ATTRIBUTE) instanceof Language language
        ? language
        : Language.DEFAULT;
  }

  /** An instant in the page's language's medium style, in UTC (without the zone's name). */
  public static String dateTime(HttpServletRequest request, Instant instant) {
    return DATE_TIME.get(language(request)).format(instant);
  }

  /**
   * The locale's medium date and time style as a fixed pattern. A localized formatter ({@code
   * ofLocalizedDateTime}) looks its pattern up again on every use, building a new cache key string
   * each time; the claims page formats several dates per request. The locale's data does not change
   * while the app runs, so its pattern is read once.
   */
  static DateTimeFormatter mediumDateTime(Locale locale) {
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.MEDIUM, FormatStyle.MEDIUM, IsoChronology.INSTANCE, locale);
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC);
  }

  /** A message in the page's language. */
  public static String text(HttpServletRequest request, Text text) {
    Messages messages = (Messages) request.getServletContext().getAttribute(MESSAGES);
    return messages.format(text, language(request));
  }

  /**
   * A redirect to the tenant's authorize URL, asking for its pages in this page's language ({@code
   * ui_locales}), so the sign-in and one-time-code pages speak the same language.
   */
  public static void redirectToTenant(
      HttpServletRequest request, HttpServletResponse response, URI authorizeUrl)
      throws IOException {
    // Appended to MSAL4J's URL as it is (re-encoding its query would turn its "+" into "%2B");
    // the tag is one of the shipped languages' own, so it needs no encoding.
    String url = authorizeUrl.toString();
    response.sendRedirect(
        url
            + (authorizeUrl.getRawQuery() == null ? "?" : "&")
            + "ui_locales="
            + language(request).tag());
  }

  public static void render(HttpServletRequest request, HttpServletResponse response, View view)
      throws ServletException, IOException {
    view.titleKey()
        .ifPresent(key -> request.setAttribute("pageTitle", text(request, Text.of(key))));
    UserSession session = HttpSessionStore.userSession(request, response);
    session
        .user()
        .ifPresent(
            user -> {
              request.setAttribute("user", user);
              // Formatted here, escaped whole by the view: one expression on every signed-in
              // page instead of a message tag, its parameter tag and an escaping function.
              request.setAttribute(
                  "greeting",
                  text(
                      request,
                      Text.of("nav.signedInAs", Objects.toString(user.greetingName(), ""))));
              request.setAttribute("csrfToken", CsrfFilter.tokenFor(session));
            });
    request.setAttribute("here", switcherReturnPath(request));
    // By name: the view's servlet declared in web.xml, compiled and loaded at deploy (a path would
    // reach the container's own JSP servlet, which loads its own copy on first use).
    RequestDispatcher named = request.getServletContext().getNamedDispatcher(view.servletName());
    if (named == null) {
      throw new ServletException("web.xml declares no servlet " + view.servletName());
    }
    named.forward(request, response);
  }

  /**
   * The one error page: a status, a title and a message that is safe to show, and a reference (the
   * request's correlation id and the UTC time) to quote to support, as Entra's pages do.
   */
  public static void error(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      Text title,
      Text message)
      throws ServletException, IOException {
    response.setStatus(status);
    String errorTitle = text(request, title);
    request.setAttribute("errorTitle", errorTitle);
    request.setAttribute("pageTitle", errorTitle);
    request.setAttribute("errorMessage", text(request, message));
    if (request.getAttribute(CorrelationId.KEY) instanceof String requestId) {
      String time = dateTime(request, Instant.now().truncatedTo(ChronoUnit.SECONDS)) + " UTC";
      request.setAttribute(
          "errorReference", text(request, Text.of("error.reference", requestId, time)));
    }
    render(request, response, View.ERROR);
  }

  /**
   * Where the language switcher comes back to: the page itself when it was a plain GET of a page,
   * else home (a form's POST or an error cannot be repeated by a redirect).
   */
  private static String switcherReturnPath(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
      return Routes.HOME;
    }
    String path = request.getServletPath();
    return request.getPathInfo() == null ? path : path + request.getPathInfo();
  }

  /** A redirect to a path inside this app. */
  public static void redirectInApp(
      HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    response.sendRedirect(request.getContextPath() + path);
  }
}
