package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.Routes;
import org.editprofile.http.Problem;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/**
 * Installed instead of the app while settings are missing or bad. The page is public, so it names
 * only the settings to fix and a reference; what is wrong with each (which may hold a host, an
 * address, a file path or a library's error text) goes to the log under that reference. The API
 * answers problem+json 503 with the same reference.
 */
public final class NotConfiguredFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** A candidate setting name: an upper-case word, digits and underscores allowed. */
  private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9_]+\\b");

  private final List<String> settings;
  private final String reference;

  /**
   * @param problems the problems as logged, each naming its setting
   * @param reference the reference the log line carries
   */
  public NotConfiguredFilter(List<String> problems, String reference) {
    this.settings = settingsNamedIn(problems);
    this.reference = reference;
  }

  /** The settings the problems name, once each, in order. */
  static List<String> settingsNamedIn(List<String> problems) {
    Set<String> names = new LinkedHashSet<>();
    for (String problem : problems) {
      Matcher word = WORD.matcher(problem);
      while (word.find()) {
        // Every setting but AUTHORITY has an underscore: CLIENT_ID, SESSION_STORE_URL...
        if (word.group().contains("_") || word.group().equals("AUTHORITY")) {
          names.add(word.group());
        }
      }
    }
    return List.copyOf(names);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (Routes.isStatic(path) || path.equals(Routes.HEALTH)) {
      chain.doFilter(request, response);
      return;
    }
    if (Routes.isApi(path)) {
      new Problem(
              HttpServletResponse.SC_SERVICE_UNAVAILABLE,
              "Not configured",
              "The service is not configured yet (reference " + reference + ").")
          .send(response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    request.setAttribute("settings", settings);
    request.setAttribute("reference", reference);
    Views.render(request, response, View.NOT_CONFIGURED);
  }
}
