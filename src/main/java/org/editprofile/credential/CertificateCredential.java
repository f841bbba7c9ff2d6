package org.editprofile.credential;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A certificate credential (private_key_jwt) that follows its files: when a file is replaced, the
 * next token request signs with the new certificate, without a restart. A replacement that cannot
 * be used yet (a half-written file, a key that does not match) keeps the previous certificate in
 * use and is tried again, so a rotation never fails a request. A file that goes missing keeps the
 * certificate in use too, and is reported once it has been gone a moment (and hourly after that).
 */
public final class CertificateCredential implements ClientCredentialSource {

  private static final Logger LOG = LoggerFactory.getLogger(CertificateCredential.class);

  /** How often the files are looked at: a rotation takes effect within this time. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  /** An operator is warned when a certificate loaded (at start-up or replaced) expires sooner. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private final Path certificateFile;
  private final Optional<Path> keyFile;
  private final Optional<String> password;
  private final boolean sendChain;
  private final Clock clock;

  /** What is in use, replaced as a whole. */
  private volatile Loaded loaded;

  /** The last replacement's problem, logged once rather than at every check. */
  private String lastFailure;

  /**
   * A rotation may remove a file for a moment; one missing for longer than this is worth a warning.
   */
  static final Duration MISSING_GRACE = Duration.ofSeconds(10);

  /** While a file stays missing, the warning is repeated this often, not at every check. */
  static final Duration MISSING_WARNING_INTERVAL = Duration.ofHours(1);

  /** Since when a file has been missing (null while both are there), and when that was said. */
  private Instant missingSince;

  private Instant missingWarnedAt;

  private record Loaded(
      List<Object> fileVersions,
      CertificateAndKey certificate,
      IClientCredential credential,
      long nextCheckNanos) {}

  /**
   * Loads the certificate now.
   *
   * @throws CredentialException when it cannot be used
   */
  public CertificateCredential(
      Path certificateFile,
      Optional<Path> keyFile,
      Optional<String> password,
      boolean sendChain,
      Clock clock) {
    this.certificateFile = certificateFile;
    this.keyFile = keyFile;
    this.password = password;
    this.sendChain = sendChain;
    this.clock = clock;
    this.loaded = load(fileVersions());
  }

  @Override
  public IClientCredential current() {
    Loaded now = loaded;
    if (System.nanoTime() - now.nextCheckNanos() >= 0) {
      now = refresh(now);
    }
    return now.credential();
  }

  @Override
  public boolean sendCertificateChain() {
    return sendChain;
  }

  @Override
  public String description() {
    CertificateAndKey certificate = loaded.certificate();
    return "certificate "
        + certificate.thumbprint()
        + " from "
        + certificateFile
        + " (valid until "
        + certificate.notAfter()
        + ")";
  }

  /** The certificate in use. */
  public CertificateAndKey certificate() {
    return loaded.certificate();
  }

  private synchronized Loaded refresh(Loaded seen) {
    if (loaded != seen) {
      return loaded; // another request refreshed it meanwhile
    }
    long next = System.nanoTime() + CHECK_INTERVAL.toNanos();
    List<Object> versions;
    try {
      versions = fileVersions();
    } catch (CredentialException e) {
      // Mid-replacement the file may briefly not exist: keep what works, and say so if it stays
      // away (after a restart, the app would be "not configured").
      warnWhileMissing(e.getMessage(), seen.certificate());
      loaded = new Loaded(seen.fileVersions(), seen.certificate(), seen.credential(), next);
      return loaded;
    }
    missingSince = null;
    missingWarnedAt = null;
    if (versions.equals(seen.fileVersions())) {
      loaded = new Loaded(versions, seen.certificate(), seen.credential(), next);
      return loaded;
    }
    try {
      Loaded fresh = load(versions);
      lastFailure = null;
      LOG.info(
          "Client certificate replaced: {} (valid until {}) instead of {}",
          fresh.certificate().thumbprint(),
          fresh.certificate().notAfter(),
          seen.certificate().thumbprint());
      loaded = fresh;
    } catch (CredentialException e) {
      if (!e.getMessage().equals(lastFailure)) {
        LOG.warn(
            "The new client certificate cannot be used yet, still using {}: {}",
            seen.certificate().thumbprint(),
            e.getMessage());
      }
      lastFailure = e.getMessage();
      // The files are read again at the next check: one written in place may still be growing.
      loaded = new Loaded(seen.fileVersions(), seen.certificate(), seen.credential(), next);
    }
    return loaded;
  }

  private void warnWhileMissing(String problem, CertificateAndKey inUse) {
    Instant now = clock.instant();
    if (missingSince == null) {
      missingSince = now;
    }
    if (now.isBefore(missingSince.plus(MISSING_GRACE))
        || (missingWarnedAt != null
            && now.isBefore(missingWarnedAt.plus(MISSING_WARNING_INTERVAL)))) {
      return;
    }
    missingWarnedAt = now;
    LOG.warn(
        "Client certificate file missing since {} ({}): still using certificate {} loaded before;"
            + " a restart without the file leaves the app not configured",
        missingSince,
        problem,
        inUse.thumbprint());
  }

  private Loaded load(List<Object> versions) {
    Instant now = clock.instant();
    CertificateAndKey certificate = CertificateFiles.load(certificateFile, keyFile, password, now);
    if (certificate.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
      LOG.warn(
          "Client certificate {} expires at {}: register its successor and replace {}",
          certificate.thumbprint(),
          certificate.notAfter(),
          certificateFile);
    }
    IClientCredential credential =
        ClientCredentialFactory.createFromCertificateChain(certificate.key(), certificate.chain());
    return new Loaded(
        versions, certificate, credential, System.nanoTime() + CHECK_INTERVAL.toNanos());
  }

  /** Identity, size and time of each file: any replacement changes one of them. */
  private List<Object> fileVersions() {
    List<Object> versions = new ArrayList<>();
    versions.add(version(certificateFile));
    keyFile.ifPresent(k -> versions.add(version(k)));
    return versions;
  }

  private static Object version(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(
          Objects.toString(attributes.fileKey()), attributes.size(), attributes.lastModifiedTime());
    } catch (IOException e) {
      throw new CredentialException("cannot read " + file);
    }
  }
}
