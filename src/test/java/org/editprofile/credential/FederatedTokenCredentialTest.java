package org.editprofile.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.editprofile.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederatedTokenCredentialTest {

  private static final TestCertificates ISSUER = TestCertificates.valid("issuer");
  private final Instant start = Instant.parse("2026-11-23T10:00:00Z");
  private final MutableClock clock = new MutableClock(start);

  @TempDir Path dir;

  private static String token(Instant expiresAt) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader(JWSAlgorithm.RS256),
              new JWTClaimsSet.Builder()
                  .issuer("https://issuer.example")
                  .subject("system:serviceaccount:web:edit-profile")
                  .audience("api://AzureADTokenExchange")
                  .expirationTime(Date.from(expiresAt))
                  .build());
      jwt.sign(new RSASSASigner(ISSUER.keys().getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void assertionWhenTokenFarFromExpiryThenTheFileIsNotReadAgain() throws IOException {
    String first = token(start.plus(Duration.ofHours(1)));
    Path file = Files.writeString(dir.resolve("token"), first + "\n");
    FederatedTokenCredential credential = new FederatedTokenCredential(file, clock);
    Files.writeString(file, token(start.plus(Duration.ofHours(2))));
    clock.advance(Duration.ofMinutes(50));
    assertEquals(first, credential.assertion(), "newline dropped; 10 minutes left: kept");
  }

  @Test
  void assertionWhenTokenIsAboutToExpireThenTheRenewedOneIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), token(start.plus(Duration.ofHours(1))));
    FederatedTokenCredential credential = new FederatedTokenCredential(file, clock);
    String renewed = token(start.plus(Duration.ofHours(2)));
    Files.writeString(file, renewed);
    clock.advance(Duration.ofMinutes(56));
    assertEquals(renewed, credential.assertion());
  }

  @Test
  void assertionWhenThePlatformDidNotRenewThenRefusedNamingTheFile() throws IOException {
    String token = token(start.plus(Duration.ofMinutes(30)));
    Path file = Files.writeString(dir.resolve("token"), token);
    FederatedTokenCredential credential = new FederatedTokenCredential(file, clock);
    clock.advance(Duration.ofMinutes(31));
    String message = assertThrows(CredentialException.class, credential::assertion).getMessage();
    assertTrue(message.contains(file.toString()) && message.contains("expired"), message);
    assertTrue(!message.contains(token), "never the token");
  }

  @Test
  void constructorWhenFileIsNotAJwtThenRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "not-a-token");
    assertThrows(CredentialException.class, () -> new FederatedTokenCredential(file, clock));
  }

  @Test
  void constructorWhenFileIsMissingThenRefused() {
    assertThrows(
        CredentialException.class,
        () -> new FederatedTokenCredential(dir.resolve("missing"), clock));
  }
}
