package org.editprofile.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.PendingSignInStore;
import org.editprofile.session.PendingSignIns;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.junit.jupiter.api.Test;

class PendingSignInCookiesTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final List<String> STEP_UP_SCOPES =
      List.of("api://3f1c9a52-7d4e-4b8a-9c61-0e2f5d8b7a19/EditProfile.ReadWrite");

  private final TokenCacheCipher cipher = TokenCacheCipher.withKeys(List.of(key()));

  /** One browser's cookies, carried from response to request as a browser would. */
  private final Map<String, Cookie> browser = new LinkedHashMap<>();

  private final List<Cookie> lastResponse = new ArrayList<>();

  private PendingSignInStore request(boolean https) {
    ServletContext context = mock(ServletContext.class);
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getServletContext()).thenReturn(context);
    when(request.getCookies())
        .thenReturn(browser.isEmpty() ? null : browser.values().toArray(new Cookie[0]));
    HttpServletResponse response = mock(HttpServletResponse.class);
    lastResponse.clear();
    doAnswer(
            call -> {
              Cookie cookie = call.getArgument(0);
              lastResponse.add(cookie);
              if (cookie.getMaxAge() == 0) {
                browser.remove(cookie.getName());
              } else {
                browser.put(cookie.getName(), cookie);
              }
              return null;
            })
        .when(response)
        .addCookie(any());
    PendingSignInCookies.Settings settings =
        new PendingSignInCookies.Settings(cipher, https, TIMEOUT.plusMinutes(1));
    when(context.getAttribute(PendingSignInCookies.class.getName())).thenReturn(settings);
    return PendingSignInCookies.of(request, response);
  }

  private static PendingSignIn pending(String returnPath, Instant at) {
    return PendingSignIn.create(returnPath, STEP_UP_SCOPES, false, at, TIMEOUT);
  }

  @Test
  void addThenTheNextRequestFindsItWhole() {
    PendingSignIn p = pending("/users/gatedUpdateProfile?x=1", NOW);
    request(false).add(p);
    PendingSignInStore next = request(false);
    assertEquals(p, next.find(p.state()).orElseThrow());
    assertEquals(List.of(p), next.all());
  }

  @Test
  void addThenTheCookieIsSealedHttpOnlyLaxAndLivesAsLongAsASignInMay() {
    PendingSignIn p = pending("/users/id", NOW);
    request(false).add(p);
    Cookie cookie = lastResponse.get(0);
    assertTrue(cookie.getName().startsWith("signin-"), cookie.getName());
    assertTrue(cookie.isHttpOnly());
    assertEquals("Lax", cookie.getAttribute("SameSite"));
    assertEquals("/", cookie.getPath());
    assertEquals(660, cookie.getMaxAge());
    for (String secret : List.of(p.nonce(), p.codeVerifier(), "/users/id")) {
      assertFalse(cookie.getValue().contains(secret), "readable in the cookie: " + secret);
    }
  }

  @Test
  void addOverHttpsThenTheCookieIsAHostCookie() {
    request(true).add(pending("/", NOW));
    Cookie cookie = lastResponse.get(0);
    assertTrue(cookie.getName().startsWith("__Host-signin-"), cookie.getName());
    assertTrue(cookie.getSecure());
    assertEquals("/", cookie.getPath());
    assertEquals(null, cookie.getDomain());
  }

  @Test
  void removeThenTheBrowserIsToldToForgetIt() {
    PendingSignIn p = pending("/", NOW);
    request(false).add(p);
    request(false).remove(p.state());
    assertEquals(0, lastResponse.get(0).getMaxAge());
    assertTrue(request(false).find(p.state()).isEmpty());
  }

  @Test
  void findWhenTheCookieWasChangedThenNothingAndTheNextAddDropsIt() {
    PendingSignIn p = pending("/", NOW);
    request(false).add(p);
    Cookie cookie = browser.values().iterator().next();
    String value = cookie.getValue();
    cookie.setValue(value.substring(0, value.length() - 2) + (value.endsWith("A") ? "BB" : "AA"));
    assertTrue(request(false).find(p.state()).isEmpty());
    assertTrue(request(false).all().isEmpty());

    request(false).add(pending("/", NOW));
    assertFalse(browser.containsKey(cookie.getName()), "the unreadable cookie is expired");
  }

  @Test
  void findWhenTheValueIsAnotherKindOfSealedValueThenNothing() {
    PendingSignIn p = pending("/", NOW);
    request(false).add(p);
    Cookie cookie = browser.values().iterator().next();
    // A token cache sealed under the same key is never taken for a pending sign-in.
    cookie.setValue(cipher.seal("{\"s\":\"" + p.state() + "\"}"));
    assertTrue(request(false).find(p.state()).isEmpty());
    // Nor is a pending sign-in sealed under a key this app does not hold.
    cookie.setValue(
        TokenCacheCipher.withKeys(List.of(key()))
            .seal(PendingSignInCookies.CONTENT_TYPE, "{\"s\":\"" + p.state() + "\"}"));
    assertTrue(request(false).find(p.state()).isEmpty());
  }

  @Test
  void findWhenAnotherStateSharesTheCookieNamesPrefixThenNothing() {
    PendingSignIn p = pending("/", NOW);
    request(false).add(p);
    assertTrue(request(false).find(p.state() + "x").isEmpty());
  }

  @Test
  void addWhenTheReturnPathIsVeryLongThenHomeIsKept() {
    PendingSignIn p = pending("/users/id?q=" + "a".repeat(300), NOW);
    request(false).add(p);
    assertEquals("/", request(false).find(p.state()).orElseThrow().returnPath());
  }

  /**
   * Through {@link UserSession}, as the app uses it: a flood keeps the newest few, and the largest
   * pending sign-ins the app writes, all at once, stay far below the 8 KB request-header limit.
   */
  @Test
  void addWhenFloodedWithTheLargestSignInsThenBoundedInNumberAndSize() {
    List<PendingSignIn> added = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      PendingSignIn p =
          pending("/" + "p".repeat(PendingSignInCookies.MAX_RETURN_PATH - 1), NOW.plusSeconds(i));
      added.add(p);
      new UserSession(new org.editprofile.session.MapSessionStore(), request(true))
          .addPendingSignIn(p, NOW.plusSeconds(i));
    }
    assertEquals(PendingSignIns.MAX_PENDING, browser.size());
    PendingSignInStore last = request(true);
    for (int i = 0; i < added.size(); i++) {
      boolean newest = i >= added.size() - PendingSignIns.MAX_PENDING;
      assertEquals(newest, last.find(added.get(i).state()).isPresent(), "sign-in " + i);
    }
    int header = 0;
    for (Cookie cookie : browser.values()) {
      header += cookie.getName().length() + 1 + cookie.getValue().length() + 2;
    }
    assertTrue(header < 4096, "the pending sign-ins' Cookie header: " + header + " bytes");
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
