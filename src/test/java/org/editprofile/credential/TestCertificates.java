package org.editprofile.credential;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed client certificates for tests, written in the forms an operator has them: PKCS#12,
 * PEM with key and certificate, or PEM certificate and key apart.
 */
public record TestCertificates(KeyPair keys, X509Certificate certificate) {

  /** An RSA certificate valid from an hour ago for a year. */
  public static TestCertificates valid(String commonName) {
    Instant now = Instant.now();
    return create(
        commonName, "RSA", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
  }

  public static TestCertificates create(
      String commonName, String algorithm, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize("RSA".equals(algorithm) ? 2048 : 256);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName);
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, new SecureRandom()),
              Date.from(notBefore),
              Date.from(notAfter),
              name,
              keys.getPublic());
      String signature = "RSA".equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSA";
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
      return new TestCertificates(keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same certificate with another key pair's private key. */
  public TestCertificates withKeyOf(TestCertificates other) {
    return new TestCertificates(
        new KeyPair(keys.getPublic(), other.keys().getPrivate()), certificate);
  }

  public Path writePkcs12(Path file, String password) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "client", keys.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
      return atomically(
          file,
          out -> {
            try {
              store.store(out, password.toCharArray());
            } catch (GeneralSecurityException e) {
              throw new IOException(e);
            }
          });
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** Key then certificate in one PEM file. */
  public Path writePem(Path file) throws IOException {
    return atomically(
        file, out -> out.write((keyPem() + certificatePem()).getBytes(StandardCharsets.US_ASCII)));
  }

  public Path writeCertificatePem(Path file) throws IOException {
    return atomically(file, out -> out.write(certificatePem().getBytes(StandardCharsets.US_ASCII)));
  }

  public Path writeKeyPem(Path file) throws IOException {
    return atomically(file, out -> out.write(keyPem().getBytes(StandardCharsets.US_ASCII)));
  }

  public String certificatePem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String keyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Written beside the target and moved over it, as a secret mount or a deploy script does. */
  private static Path atomically(Path file, Writer writer) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, ".cert", ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      writer.write(out);
    }
    return Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
