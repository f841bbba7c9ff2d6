package org.editprofile.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCredentialTest {

  @TempDir Path dir;

  @Test
  void currentWhenFileReplacedThenTheNewCertificateIsUsed() throws Exception {
    TestCertificates first = TestCertificates.valid("first");
    TestCertificates second = TestCertificates.valid("second");
    Path file = first.writePkcs12(dir.resolve("web.p12"), "pw");
    CertificateCredential credential =
        new CertificateCredential(
            file, Optional.empty(), Optional.of("pw"), false, Clock.systemUTC());
    IClientCredential before = credential.current();
    assertSame(before, credential.current(), "unchanged files: the same credential");

    second.writePkcs12(file, "pw");
    IClientCredential after = waitForChange(credential, before);
    assertNotEquals(before, after);
    assertEquals(second.certificate(), credential.certificate().certificate());
  }

  @Test
  void currentWhenReplacementIsBrokenThenKeepsThePreviousCertificate() throws Exception {
    TestCertificates first = TestCertificates.valid("first");
    Path file = first.writePem(dir.resolve("web.pem"));
    CertificateCredential credential =
        new CertificateCredential(
            file, Optional.empty(), Optional.empty(), false, Clock.systemUTC());
    IClientCredential before = credential.current();

    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nhalf a file"); // mid-write
    long deadline = System.nanoTime() + 3 * CertificateCredential.CHECK_INTERVAL.toNanos();
    while (System.nanoTime() < deadline) {
      assertSame(before, credential.current());
      Thread.sleep(50);
    }
    TestCertificates second = TestCertificates.valid("second");
    second.writePem(file); // the write completes
    waitForChange(credential, before);
    assertEquals(second.certificate(), credential.certificate().certificate());
  }

  @Test
  void sendCertificateChainFollowsTheSetting() throws IOException {
    Path file = TestCertificates.valid("x5c").writePem(dir.resolve("web.pem"));
    assertEquals(
        true,
        new CertificateCredential(file, Optional.empty(), Optional.empty(), true, Clock.systemUTC())
            .sendCertificateChain());
  }

  private static IClientCredential waitForChange(
      CertificateCredential credential, IClientCredential before) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      IClientCredential now = credential.current();
      if (now != before) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the replaced certificate was never picked up");
  }
}
