package org.editprofile.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A flood of sign-ins from clients that keep no cookies, as a bot would send them. */
final class CookielessSignIns {

  private static final int CLIENTS = 4;

  private CookielessSignIns() {}

  /**
   * Sends {@code total} {@code GET /auth/signin} spread over the given app addresses.
   *
   * @return how many were not a redirect to the tenant, or were given a session cookie
   */
  static int flood(List<String> apps, int total) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger wrong = new AtomicInteger();
    HttpClient cookieless =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < total / CLIENTS; i++) {
                    String app = apps.get((client + i) % apps.size());
                    HttpResponse<Void> response =
                        cookieless.send(
                            HttpRequest.newBuilder(URI.create(app + "/auth/signin")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    boolean session =
                        response.headers().allValues("Set-Cookie").stream()
                            .anyMatch(cookie -> cookie.contains("JSESSIONID"));
                    if (response.statusCode() != 302 || session) {
                      wrong.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
    return wrong.get();
  }
}
