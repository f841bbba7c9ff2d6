package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.tenant.TenantException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The service's writes of custom attributes: with its app-only token, for the user the validated
 * token names and no other, built-in fields and attributes in one PATCH; only declared attributes,
 * each of its type; none at all without the application permission.
 */
class CustomAttributeWritesTest {

  private static final String TOKEN = "caller-token";
  private static final UUID USER = UUID.fromString("0b7c5a8e-2f4d-4b61-8a1e-3c9d7e6f5a40");
  private static final UUID SOMEONE_ELSE = UUID.fromString("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a");
  private static final String APP = "00000000-1111-2222-3333-444455556666";
  private static final String LOYALTY = "extension_00000000111122223333444455556666_loyaltyNumber";
  private static final String NEWSLETTER = "extension_00000000111122223333444455556666_newsletter";
  private static final String SHOE_SIZE = "extension_00000000111122223333444455556666_shoeSize";
  private static final CustomAttributes DECLARED =
      new CustomAttributes(
          APP,
          List.of(
              attribute("loyaltyNumber", CustomAttributes.Type.STRING, Optional.empty()),
              attribute("newsletter", CustomAttributes.Type.BOOLEAN, Optional.empty()),
              attribute("shoeSize", CustomAttributes.Type.INTEGER, Optional.of(60L))));

  private final BearerTokenValidator tokens = mock(BearerTokenValidator.class);
  private final OnBehalfOfClient onBehalfOf = mock(OnBehalfOfClient.class);
  private final GraphClient graph = mock(GraphClient.class);
  private final AppOnlyGraphToken appOnly = mock(AppOnlyGraphToken.class);

  private static CustomAttributes.Attribute attribute(
      String name, CustomAttributes.Type type, Optional<Long> max) {
    return new CustomAttributes.Attribute(
        name, type, 20, max.map(m -> 15L), max, Map.of(Language.ENGLISH, name));
  }

  @BeforeEach
  void aValidCaller() {
    when(tokens.validate(TOKEN))
        .thenReturn(
            new BearerTokenValidator.Check.Accepted(
                new JWTClaimsSet.Builder().claim("oid", USER.toString()).build()));
    when(appOnly.acquire()).thenReturn("app-token");
  }

  private UpdateUserInfo service(boolean withPermission) {
    return new UpdateUserInfo(
        tokens,
        onBehalfOf,
        graph,
        Messages.load(),
        DECLARED,
        withPermission ? Optional.of(appOnly) : Optional.empty());
  }

  private UpdateUserInfo.Outcome save(UpdateUserInfo service, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return service.handle(
        new UpdateUserInfo.Request("Bearer " + TOKEN, "application/json", limit -> bytes));
  }

  private static Problem refused(UpdateUserInfo.Outcome answer, int status) {
    Problem problem = assertInstanceOf(UpdateUserInfo.Outcome.Refused.class, answer).problem();
    assertEquals(status, problem.status(), problem.toString());
    return problem;
  }

  @Test
  void builtInFieldsAndAttributesGoInOnePatchOfTheTokensUser() throws IOException {
    assertInstanceOf(
        UpdateUserInfo.Outcome.Updated.class,
        save(
            service(true),
            "{\"city\":\"Lyon\",\""
                + LOYALTY
                + "\":\"LN-1\",\""
                + NEWSLETTER
                + "\":true,\""
                + SHOE_SIZE
                + "\":42}"));
    ArgumentCaptor<ProfileChanges> changes = ArgumentCaptor.forClass(ProfileChanges.class);
    verify(graph).updateUser(eq("app-token"), eq(USER), changes.capture());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("city", "Lyon");
    expected.put(LOYALTY, "LN-1");
    expected.put(NEWSLETTER, true);
    expected.put(SHOE_SIZE, 42L);
    assertEquals(expected, changes.getValue().body());
    verify(graph, never()).updateMe(anyString(), any());
    verifyNoInteractions(onBehalfOf);
  }

  @Test
  void anObjectIdInTheBodyIsRefusedAndNeverDecidesTheAccount() throws IOException {
    Problem problem =
        refused(
            save(
                service(true),
                "{\"id\":\"" + SOMEONE_ELSE + "\",\"oid\":\"x\",\"" + LOYALTY + "\":\"LN-2\"}"),
            400);
    Map<?, ?> errors = (Map<?, ?>) problem.extra().get("errors");
    assertEquals(List.of("id", "oid"), List.copyOf(errors.keySet()));
    verifyNoInteractions(graph);

    save(service(true), "{\"" + LOYALTY + "\":\"LN-2\"}");
    verify(graph).updateUser(eq("app-token"), eq(USER), any());
    verify(graph, never()).updateUser(anyString(), eq(SOMEONE_ELSE), any());
  }

  @Test
  void onlyDeclaredAttributesOfTheirTypeAreAccepted() throws IOException {
    String undeclared = "extension_00000000111122223333444455556666_creditLimit";
    assertEquals(
        Map.of(undeclared, "This property cannot be changed here."),
        refused(save(service(true), "{\"" + undeclared + "\":\"9999\"}"), 400)
            .extra()
            .get("errors"));
    assertEquals(
        Map.of(SHOE_SIZE, "Must be a whole number or null."),
        refused(save(service(true), "{\"" + SHOE_SIZE + "\":\"42\"}"), 400).extra().get("errors"));
    assertEquals(
        Map.of(NEWSLETTER, "Must be true or false or null."),
        refused(save(service(true), "{\"" + NEWSLETTER + "\":\"yes\"}"), 400)
            .extra()
            .get("errors"));
    assertEquals(
        Map.of(SHOE_SIZE, "shoeSize must be a whole number from 15 to 60."),
        refused(save(service(true), "{\"" + SHOE_SIZE + "\":61}"), 400).extra().get("errors"));
    verifyNoInteractions(graph);
  }

  @Test
  void withoutTheApplicationPermissionAttributesAreRefusedAndNothingIsWritten() throws IOException {
    Problem problem =
        refused(save(service(false), "{\"city\":\"Lyon\",\"" + LOYALTY + "\":\"LN\"}"), 400);
    assertEquals(
        Map.of(LOYALTY, "Custom attributes need the service's application permission."),
        problem.extra().get("errors"));
    verifyNoInteractions(graph, onBehalfOf, appOnly);
  }

  @Test
  void graphRefusingTheAppTokenIsTheOperatorsToFixAndNothingChanged() throws IOException {
    doThrow(GraphException.of(Reason.FORBIDDEN, "not allowed"))
        .when(graph)
        .updateUser(anyString(), any(), any());
    assertEquals(
        "The edit profile service may not change accounts.",
        refused(save(service(true), "{\"" + LOYALTY + "\":\"LN\"}"), 503).detail());
  }

  @Test
  void aTenantThatIssuesNoAppTokenMeansNoWrite() throws IOException {
    when(appOnly.acquire()).thenThrow(new TenantException("unreachable"));
    refused(save(service(true), "{\"" + LOYALTY + "\":\"LN\"}"), 502);
    verify(graph, never()).updateUser(anyString(), any(), any());
  }

  @Test
  void aDeletedAccountIsNotFound() throws IOException {
    doThrow(GraphException.of(Reason.NOT_FOUND, "gone"))
        .when(graph)
        .updateUser(anyString(), any(), any());
    assertEquals(
        "The account no longer exists.",
        refused(save(service(true), "{\"" + LOYALTY + "\":\"LN\"}"), 404).detail());
  }
}
