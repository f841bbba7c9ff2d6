package org.editprofile.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {

  private static final TestCertificates CLIENT = TestCertificates.valid("edit-profile-web");

  @TempDir Path dir;

  private static CertificateAndKey load(Path file, Optional<Path> key, Optional<String> password) {
    return CertificateFiles.load(file, key, password, Instant.now());
  }

  private static String refusal(Path file, Optional<Path> key, Optional<String> password) {
    return assertThrows(CredentialException.class, () -> load(file, key, password)).getMessage();
  }

  @Test
  void loadWhenPkcs12WithItsPasswordThenKeyAndCertificate() throws IOException {
    Path file = CLIENT.writePkcs12(dir.resolve("web.p12"), "s3cret-pw");
    CertificateAndKey loaded = load(file, Optional.empty(), Optional.of("s3cret-pw"));
    assertEquals(CLIENT.certificate(), loaded.certificate());
    assertEquals(CLIENT.keys().getPrivate(), loaded.key());
    assertTrue(loaded.thumbprint().matches("[0-9A-F]{40}"), "SHA-1 in hex, as the portal shows");
  }

  @Test
  void loadWhenPkcs12PasswordIsWrongThenSaysSoWithoutThePassword() throws IOException {
    Path file = CLIENT.writePkcs12(dir.resolve("web.p12"), "s3cret-pw");
    String message = refusal(file, Optional.empty(), Optional.of("guessed-pw"));
    assertTrue(message.contains("wrong password"), message);
    assertFalse(message.contains("guessed-pw") || message.contains("s3cret-pw"), message);
  }

  @Test
  void loadWhenPemHoldsKeyAndCertificateThenLoaded() throws IOException {
    Path file = CLIENT.writePem(dir.resolve("web.pem"));
    assertEquals(
        CLIENT.certificate(), load(file, Optional.empty(), Optional.empty()).certificate());
  }

  @Test
  void loadWhenKeyIsInItsOwnFileThenLoaded() throws IOException {
    Path cert = CLIENT.writeCertificatePem(dir.resolve("tls.crt"));
    Path key = CLIENT.writeKeyPem(dir.resolve("tls.key"));
    assertEquals(CLIENT.keys().getPrivate(), load(cert, Optional.of(key), Optional.empty()).key());
  }

  @Test
  void loadWhenPemHasNoKeyThenRefused() throws IOException {
    Path cert = CLIENT.writeCertificatePem(dir.resolve("web.crt"));
    assertTrue(refusal(cert, Optional.empty(), Optional.empty()).contains("no private key"));
  }

  @Test
  void loadWhenKeyBelongsToAnotherCertificateThenRefused() throws IOException {
    Path file =
        CLIENT.withKeyOf(TestCertificates.valid("other")).writePem(dir.resolve("mixed.pem"));
    assertTrue(
        refusal(file, Optional.empty(), Optional.empty())
            .contains("private key does not match the certificate"));
  }

  @Test
  void loadWhenCertificateExpiredThenRefusedWithItsDate() throws IOException {
    Instant expired = Instant.now().minus(Duration.ofDays(1));
    Path file =
        TestCertificates.create("old", "RSA", expired.minus(Duration.ofDays(365)), expired)
            .writePem(dir.resolve("old.pem"));
    String message = refusal(file, Optional.empty(), Optional.empty());
    assertTrue(message.contains("expired"), message);
  }

  @Test
  void loadWhenCertificateNotYetValidThenRefused() throws IOException {
    Instant later = Instant.now().plus(Duration.ofDays(2));
    Path file =
        TestCertificates.create("future", "RSA", later, later.plus(Duration.ofDays(365)))
            .writePem(dir.resolve("future.pem"));
    assertTrue(refusal(file, Optional.empty(), Optional.empty()).contains("not valid before"));
  }

  @Test
  void loadWhenKeyIsNotRsaThenRefused() throws IOException {
    Instant now = Instant.now();
    Path file =
        TestCertificates.create("ec", "EC", now.minusSeconds(60), now.plus(Duration.ofDays(9)))
            .writePem(dir.resolve("ec.pem"));
    assertTrue(refusal(file, Optional.empty(), Optional.empty()).contains("must be RSA"));
  }

  @Test
  void loadWhenPkcs1KeyThenSaysHowToConvertIt() throws IOException {
    Path file = dir.resolve("pkcs1.pem");
    Files.writeString(
        file,
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
            + CLIENT.certificatePem());
    assertTrue(refusal(file, Optional.empty(), Optional.empty()).contains("openssl pkcs8"));
  }

  @Test
  void loadWhenFileMissingThenNamesIt() {
    Path missing = dir.resolve("missing.p12");
    assertTrue(
        refusal(missing, Optional.empty(), Optional.empty()).contains("cannot read " + missing));
  }

  @Test
  void loadWhenFileIsNotACertificateThenRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("junk.p12"), "not a keystore");
    assertTrue(refusal(file, Optional.empty(), Optional.empty()).contains("cannot open"));
  }
}
