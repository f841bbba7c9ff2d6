package org.editprofile.web.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.PendingSignInStore;
import org.editprofile.session.TokenCacheCipher;

/**
 * Pending sign-ins kept by the browser: one cookie per state, its value the sign-in (state, nonce,
 * PKCE verifier, return path, scopes, deadline) sealed with AES-256-GCM under the session keys
 * ({@link TokenCacheCipher}, content type {@value #CONTENT_TYPE}), so the browser can neither read
 * nor change it. A visitor who starts a sign-in therefore costs the server nothing, in memory or in
 * a shared store, and the session is first created at the callback.
 *
 * <p>The cookie is {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, and over https {@code
 * Secure} with the {@code __Host-} prefix (no sibling subdomain can plant one). Lax is enough: the
 * tenant's form_post is a cross-site POST that carries no Lax cookie, and {@link
 * SignInCallbackServlet} then posts the same fields again from this origin, which carries it. Each
 * lives as long as a sign-in may take and a minute, so a late return is told it took too long.
 *
 * <p>Bounded: at most {@link org.editprofile.session.PendingSignIns#MAX_PENDING} (the oldest go
 * first), a return path longer than {@link #MAX_RETURN_PATH} is kept as the home page, so the
 * cookies together stay far below the 8 KB request-header limit of Tomcat and Jetty.
 */
public final class PendingSignInCookies implements PendingSignInStore {

  static final String CONTENT_TYPE = "pending-sign-in";
  static final int MAX_RETURN_PATH = 256;

  /** Characters of the state in the cookie's name: enough to tell a handful apart. */
  private static final int NAME_STATE_CHARS = 16;

  private static final String ATTRIBUTE = PendingSignInCookies.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What every request's cookies need, set once at start-up.
   *
   * @param lifetime how long a cookie lives: the sign-in timeout and a minute of grace
   */
  public record Settings(TokenCacheCipher cipher, boolean secure, Duration lifetime) {
    String prefix() {
      return secure ? "__Host-signin-" : "signin-";
    }
  }

  /** The sealed form: short names, because every byte travels with each request for a while. */
  private record Sealed(String s, String n, String v, String r, List<String> c, long e) {}

  private final Settings settings;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /** This browser's pending cookies by name, as this request has left them. */
  private Map<String, String> jar;

  /** Each cookie value opened once per request (a sign-in lists, adds and drops in one go). */
  private final Map<String, Optional<PendingSignIn>> opened = new HashMap<>();

  private PendingSignInCookies(
      Settings settings, HttpServletRequest request, HttpServletResponse response) {
    this.settings = settings;
    this.request = request;
    this.response = response;
  }

  /** Makes every request of this web app keep its pending sign-ins in these cookies. */
  public static void install(ServletContext context, Settings settings) {
    context.setAttribute(ATTRIBUTE, settings);
  }

  /** This request's pending sign-ins; none, and none can be added, where no web app runs. */
  static PendingSignInStore of(HttpServletRequest request, HttpServletResponse response) {
    Object settings = request.getServletContext().getAttribute(ATTRIBUTE);
    return settings instanceof Settings s
        ? new PendingSignInCookies(s, request, response)
        : NoWebApp.INSTANCE;
  }

  @Override
  public List<PendingSignIn> all() {
    List<PendingSignIn> all = new ArrayList<>();
    for (String value : jar().values()) {
      open(value).ifPresent(all::add);
    }
    return all;
  }

  @Override
  public Optional<PendingSignIn> find(String state) {
    return Optional.ofNullable(jar().get(nameFor(state)))
        .flatMap(this::open)
        .filter(p -> p.state().equals(state));
  }

  @Override
  public void add(PendingSignIn pending) {
    String returnPath =
        pending.returnPath().length() > MAX_RETURN_PATH ? Routes.HOME : pending.returnPath();
    String value;
    try {
      value =
          settings
              .cipher()
              .seal(
                  CONTENT_TYPE,
                  JSON.writeValueAsString(
                      new Sealed(
                          pending.state(),
                          pending.nonce(),
                          pending.codeVerifier(),
                          returnPath,
                          pending.scopes(),
                          pending.expiresAt().getEpochSecond())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A pending sign-in could not be written", e);
    }
    forgetUnreadable();
    String name = nameFor(pending.state());
    jar().put(name, value);
    write(name, value, (int) settings.lifetime().toSeconds());
  }

  @Override
  public void remove(String state) {
    forgetUnreadable();
    String name = nameFor(state);
    if (jar().remove(name) != null) {
      write(name, "", 0);
    }
  }

  private void forgetUnreadable() {
    for (Map.Entry<String, String> cookie : List.copyOf(jar().entrySet())) {
      if (open(cookie.getValue()).isEmpty()) {
        jar().remove(cookie.getKey());
        write(cookie.getKey(), "", 0);
      }
    }
  }

  private Optional<PendingSignIn> open(String value) {
    return opened.computeIfAbsent(value, this::unseal);
  }

  private Optional<PendingSignIn> unseal(String value) {
    return settings
        .cipher()
        .open(CONTENT_TYPE, value)
        .flatMap(
            json -> {
              try {
                Sealed s = JSON.readValue(json, Sealed.class);
                return Optional.of(
                    new PendingSignIn(
                        s.s(),
                        s.n(),
                        s.v(),
                        s.r(),
                        List.copyOf(s.c()),
                        Instant.ofEpochSecond(s.e())));
              } catch (JsonProcessingException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  private Map<String, String> jar() {
    if (jar == null) {
      jar = new LinkedHashMap<>();
      Cookie[] cookies = request.getCookies();
      if (cookies != null) {
        for (Cookie cookie : cookies) {
          if (cookie.getName().startsWith(settings.prefix())) {
            jar.put(cookie.getName(), cookie.getValue());
          }
        }
      }
    }
    return jar;
  }

  private String nameFor(String state) {
    return settings.prefix() + state.substring(0, Math.min(NAME_STATE_CHARS, state.length()));
  }

  private void write(String name, String value, int maxAgeSeconds) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setHttpOnly(true);
    cookie.setSecure(settings.secure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** Where only the edit profile service runs: no sign-in ever starts. */
  private enum NoWebApp implements PendingSignInStore {
    INSTANCE;

    @Override
    public List<PendingSignIn> all() {
      return List.of();
    }

    @Override
    public Optional<PendingSignIn> find(String state) {
      return Optional.empty();
    }

    @Override
    public void add(PendingSignIn pending) {
      throw new IllegalStateException("no web app runs here to start a sign-in");
    }

    @Override
    public void remove(String state) {
      // nothing is kept
    }
  }
}
