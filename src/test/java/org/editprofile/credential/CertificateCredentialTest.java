package org.editprofile.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * The file in use deleted while running: the certificate stays in use, an operator is told once
   * the file has been gone a moment (not for a rotation's brief gap), and again hourly, not at
   * every check.
   */
  @Test
  void currentWhenTheFileVanishesThenKeepsTheCertificateAndWarnsHourly() throws Exception {
    Path file = TestCertificates.valid("vanishing").writePem(dir.resolve("web.pem"));
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    CertificateCredential credential =
        new CertificateCredential(file, Optional.empty(), Optional.empty(), false, clock);
    IClientCredential inUse = credential.current();
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(CertificateCredential.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      Files.delete(file);
      assertEquals(0, warningsWithin(credential, inUse, log), "a moment's gap is a rotation");

      now.set(now.get().plus(CertificateCredential.MISSING_GRACE).plusSeconds(1));
      assertEquals(1, warningsWithin(credential, inUse, log));
      String warning = log.list.get(0).getFormattedMessage();
      assertTrue(warning.contains(file.toString()), warning);
      assertTrue(warning.contains(credential.certificate().thumbprint()), warning);

      now.set(now.get().plus(Duration.ofMinutes(30)));
      assertEquals(1, warningsWithin(credential, inUse, log), "not again within the hour");
      now.set(now.get().plus(Duration.ofMinutes(31)));
      assertEquals(2, warningsWithin(credential, inUse, log), "again after an hour");
    } finally {
      logger.detachAppender(log);
    }
  }

  /** Asks for the credential over a few checks: it never changes; the warnings so far. */
  private static int warningsWithin(
      CertificateCredential credential,
      IClientCredential inUse,
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log)
      throws InterruptedException {
    long deadline = System.nanoTime() + 2 * CertificateCredential.CHECK_INTERVAL.toNanos();
    while (System.nanoTime() < deadline) {
      assertSame(inUse, credential.current());
      Thread.sleep(50);
    }
    return log.list.size();
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
