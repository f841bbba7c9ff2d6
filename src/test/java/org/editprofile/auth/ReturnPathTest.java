package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/users/id",
        "/users/updateProfile",
        "/users/id?tab=2",
        "/a%20b",
        "/a..b/",
        "/.well-known",
        "/x;y=1",
        "/users/id?next=%2Fhome%5C"
      })
  void parseWhenInAppPathThenAccepted(String path) {
    assertEquals(Optional.of(path), ReturnPath.parse(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/users\r\nSet-Cookie: x=1",
        "/users\nLocation: //evil",
        "/../other-app",
        "/users/../../other",
        "/./x",
        "evil.example",
        "",
        " /users",
        "/users#frag",
        "/\tevil",
        "http:/evil",
        "/%2e%2e/other-app",
        "/%2E%2e/other-app",
        "/.%2e/x",
        "/%2e./x",
        "/%2e/x",
        "/users/%2e%2e",
        "/..;/other-app",
        "/users/.;x=1/y",
        "/%2e%2e;jsessionid=1/x",
        "/%2E%2E%2Fx",
        "/users%2fid",
        "/users%5Cid",
        "/a/%5c%5cevil.example"
      })
  void parseWhenAnythingElseThenRefused(String path) {
    assertTrue(ReturnPath.parse(path).isEmpty(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"//evil.example"})
  void orHomeWhenRefusedThenHome(String path) {
    assertEquals("/", ReturnPath.orHome(path));
    assertEquals("/", ReturnPath.orHome(null));
  }
}
