package org.editprofile.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token-call meter's labels come from fixed lists, whatever is posted or answered. */
class TokenCallsTest {

  @Test
  void grantIsNamedFromTheFormAndOnlyForTokenRequests() {
    assertEquals(
        Optional.of("authorization_code"),
        TokenCalls.grant("client_id=a&grant_type=authorization_code&code=x"));
    assertEquals(
        Optional.of("on_behalf_of"),
        TokenCalls.grant("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&a=b"));
    assertEquals(Optional.of("other"), TokenCalls.grant("grant_type=%3Cscript%3E"));
    assertEquals(Optional.empty(), TokenCalls.grant("client_id=a&scope=b"));
    assertEquals(Optional.empty(), TokenCalls.grant(null));
  }

  @Test
  void outcomeIsSuccessAKnownOauthErrorRefusedOrFailed() {
    assertEquals("success", TokenCalls.outcome(200, "{}"));
    assertEquals("invalid_grant", TokenCalls.outcome(400, "{\"error\":\"invalid_grant\"}"));
    assertEquals("refused", TokenCalls.outcome(400, "{\"error\":\"made_up_by_someone\"}"));
    assertEquals("refused", TokenCalls.outcome(401, "not json"));
    assertEquals("failed", TokenCalls.outcome(503, ""));
  }
}
