package org.editprofile.graph;

import java.time.Duration;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Status, the headers we act on, and the body of an HTTP answer. The body stays in bytes: JSON is
 * parsed from them directly, without decoding a string first.
 */
record HttpOutcome(
    int status, Optional<String> wwwAuthenticate, Optional<Duration> retryAfter, byte[] body) {

  static HttpOutcome of(ClassicHttpResponse response, byte[] body) {
    Header auth = response.getFirstHeader("WWW-Authenticate");
    Header retry = response.getFirstHeader("Retry-After");
    return new HttpOutcome(
        response.getCode(),
        Optional.ofNullable(auth).map(Header::getValue),
        Optional.ofNullable(retry).flatMap(h -> seconds(h.getValue())),
        body);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
