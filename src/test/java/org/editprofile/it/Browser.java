package org.editprofile.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A scripted browser over real HTTP: its own cookie jar, redirects followed one hop at a time so
 * tests can look at each, forms filled and submitted as a user would. The tenant's auto-posting
 * form_post page is submitted the way its script would.
 */
public final class Browser {

  /** One response: status, headers, body, and where it came from. */
  public record Page(
      URI uri, int status, Map<String, java.util.List<String>> headers, String body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    /** The Set-Cookie header this response sends for the cookie of that name, if any. */
    public Optional<String> setCookie(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
          .flatMap(e -> e.getValue().stream())
          .filter(c -> c.startsWith(name + "="))
          .findFirst();
    }

    public String location() {
      return header("Location")
          .orElseThrow(() -> new AssertionError("no Location on " + status + " " + uri));
    }

    public Document doc() {
      return Jsoup.parse(body, uri.toString());
    }

    public boolean isRedirect() {
      return status >= 300 && status < 400;
    }

    public String text() {
      return doc().text();
    }
  }

  private final List<Page> history = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final Map<String, String> alwaysSent = new java.util.concurrent.ConcurrentHashMap<>();

  /** A header sent with every later request, as a proxy in front of the app would add it. */
  public Browser alwaysSend(String name, String value) {
    alwaysSent.put(name, value);
    return this;
  }

  public Page get(String url) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public Page post(String url, Map<String, String> form) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  public Page send(HttpRequest.Builder request) throws IOException {
    try {
      alwaysSent.forEach(request::setHeader);
      HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
      HttpResponse<String> response =
          http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Page page =
          new Page(built.uri(), response.statusCode(), response.headers().map(), response.body());
      history.add(page);
      return page;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Follows redirects and auto-posting forms until a page a user would look at. */
  public Page settle(Page page) throws IOException {
    for (int hops = 0; hops < 20; hops++) {
      if (page.isRedirect()) {
        page = get(page.uri().resolve(page.location()).toString());
      } else if (page.status() == 200 && autoSubmitForm(page).isPresent()) {
        page = submit(page, autoSubmitForm(page).get(), Map.of());
      } else {
        return page;
      }
    }
    throw new AssertionError("too many redirects, last at " + page.uri());
  }

  public Page open(String url) throws IOException {
    return settle(get(url));
  }

  /** The tenant's form_post page and the app's same-site relay submit themselves with script. */
  private static Optional<Element> autoSubmitForm(Page page) {
    Document doc = page.doc();
    return Optional.ofNullable(doc.selectFirst("form#response, form#form-post-relay"));
  }

  /** Submits a form with its current values plus the given ones (not following the answer). */
  public Page submit(Page page, Element form, Map<String, String> values) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name], textarea[name]")) {
      fields.put(
          input.attr("name"),
          input.tagName().equals("textarea") ? input.text() : input.attr("value"));
    }
    for (Element select : form.select("select[name]")) {
      Element chosen = select.selectFirst("option[selected]");
      if (chosen == null) {
        chosen = select.selectFirst("option");
      }
      fields.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
    }
    fields.putAll(values);
    String action =
        form.attr("action").isEmpty()
            ? page.uri().toString()
            : page.uri().resolve(form.attr("action")).toString();
    return post(action, fields);
  }

  public Page submit(Page page, String formSelector, Map<String, String> values)
      throws IOException {
    Element form = page.doc().selectFirst(formSelector);
    if (form == null) {
      throw new AssertionError(
          "no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
    }
    return submit(page, form, values);
  }

  /** Every response this browser received, in order. */
  public List<Page> history() {
    return history;
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Every cookie the browser holds now. */
  public List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  public void setCookie(String url, String name, String value) {
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(url), cookie);
  }

  public void clearCookie(String name) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(
            c ->
                cookies
                    .getCookieStore()
                    .getURIs()
                    .forEach(u -> cookies.getCookieStore().remove(u, c)));
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
