package org.editprofile.devtenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A thin layer over the JDK's HttpExchange: parameters, cookies and the answers we send. */
public final class Exchange {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private final HttpExchange http;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final String body;

  Exchange(HttpExchange http) throws IOException {
    this.http = http;
    parseInto(http.getRequestURI().getRawQuery(), params);
    try (InputStream in = http.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    String type = http.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      parseInto(body, params);
    }
  }

  private static void parseInto(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.putIfAbsent(key, value);
    }
  }

  public String method() {
    return http.getRequestMethod();
  }

  String path() {
    return http.getRequestURI().getPath();
  }

  public String param(String name) {
    return params.get(name);
  }

  public Map<String, String> params() {
    return params;
  }

  public String body() {
    return body;
  }

  public String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  public Optional<String> cookie(String name) {
    String header = header("Cookie");
    if (header == null) {
      return Optional.empty();
    }
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals(name)) {
        return Optional.of(kv[1]);
      }
    }
    return Optional.empty();
  }

  public void setHeader(String name, String value) {
    http.getResponseHeaders().set(name, value);
  }

  public void addCookie(String name, String value, boolean expire) {
    http.getResponseHeaders()
        .add(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; HttpOnly; SameSite=Lax"
                + (http instanceof com.sun.net.httpserver.HttpsExchange ? "; Secure" : "")
                + (expire ? "; Max-Age=0" : ""));
  }

  public void html(int status, String html) throws IOException {
    setHeader("Cache-Control", "no-store");
    setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'");
    send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public void json(int status, Object value) throws IOException {
    setHeader("Cache-Control", "no-store");
    send(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
  }

  public void redirect(String location) throws IOException {
    setHeader("Location", location);
    http.sendResponseHeaders(302, -1);
    http.close();
  }

  public void empty(int status) throws IOException {
    http.sendResponseHeaders(status, -1);
    http.close();
  }

  public void send(int status, String contentType, byte[] bytes) throws IOException {
    setHeader("Content-Type", contentType);
    http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }
}
