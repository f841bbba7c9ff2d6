package org.editprofile.devtenant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys made fresh at every start, never stored in the repository: a TLS certificate for
 * 127.0.0.1/localhost (MSAL4J only talks https to an authority), a trust store holding it for the
 * app's JVM, and the RSA key that signs ID and access tokens.
 */
final class DevTenantKeys {

  static final String TRUST_STORE_PASSWORD = "changeit";

  private final SSLContext serverTls;
  private final X509Certificate certificate;
  private final java.security.PrivateKey tlsKey;
  private final RSAKey signingKey;

  private DevTenantKeys(
      SSLContext serverTls,
      X509Certificate certificate,
      java.security.PrivateKey tlsKey,
      RSAKey signingKey) {
    this.serverTls = serverTls;
    this.certificate = certificate;
    this.tlsKey = tlsKey;
    this.signingKey = signingKey;
  }

  /** One TLS certificate per JVM: the JVM's default trust store can only be set once. */
  private static DevTenantKeys shared;

  /** The keys of this JVM; the certificate also names {@code hosts} besides localhost. */
  static synchronized DevTenantKeys generate(java.util.List<String> hosts) {
    if (shared == null) {
      shared = create(hosts);
    }
    return shared;
  }

  private static DevTenantKeys create(java.util.List<String> hosts) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair tlsKeys = generator.generateKeyPair();
      X509Certificate cert = selfSigned(tlsKeys, hosts);
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      char[] password = TRUST_STORE_PASSWORD.toCharArray();
      keyStore.setKeyEntry("tls", tlsKeys.getPrivate(), password, new X509Certificate[] {cert});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, password);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(), null, new SecureRandom());
      RSAKey signing =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .keyID(UUID.randomUUID().toString())
              .generate();
      return new DevTenantKeys(tls, cert, tlsKeys.getPrivate(), signing);
    } catch (GeneralSecurityException | IOException | OperatorCreationException | JOSEException e) {
      throw new IllegalStateException("could not generate the dev tenant's keys", e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keys, java.util.List<String> hosts)
      throws OperatorCreationException, GeneralSecurityException, IOException {
    X500Name name = new X500Name("CN=edit-profile dev tenant");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(2))),
            name,
            keys.getPublic());
    java.util.List<GeneralName> names =
        new java.util.ArrayList<>(
            java.util.List.of(
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")));
    for (String host : hosts) {
      if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
        names.add(new GeneralName(GeneralName.dNSName, host));
      }
    }
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(names.toArray(new GeneralName[0])));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  /**
   * The base64 SHA-256 of the certificate's public key: what Chromium's
   * --ignore-certificate-errors-spki-list takes to trust this one key and nothing else.
   */
  String spkiSha256() {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate as PEM, e.g. for Node's NODE_EXTRA_CA_CERTS. */
  Path writePem(Path file) {
    try {
      return writePem(file, "CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not write the certificate", e);
    }
  }

  /** The certificate's private key as PKCS#8 PEM, for a local server that serves it. */
  Path writeKeyPem(Path file) {
    return writePem(file, "PRIVATE KEY", tlsKey.getEncoded());
  }

  private static Path writePem(Path file, String type, byte[] der) {
    try {
      String pem =
          "-----BEGIN "
              + type
              + "-----\n"
              + java.util.Base64.getMimeEncoder(
                      64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                  .encodeToString(der)
              + "\n-----END "
              + type
              + "-----\n";
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, pem);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("could not write " + file, e);
    }
  }

  SSLContext serverTls() {
    return serverTls;
  }

  RSAKey signingKey() {
    return signingKey;
  }

  /**
   * Writes a PKCS12 trust store for javax.net.ssl.trustStore: the JDK's own CAs plus the dev
   * tenant's certificate, so the same JVM can still reach public https services.
   */
  Path writeTrustStore(Path file) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      Path jdkCas = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
      if (Files.isRegularFile(jdkCas)) {
        KeyStore cas = KeyStore.getInstance(KeyStore.getDefaultType());
        try (java.io.InputStream in = Files.newInputStream(jdkCas)) {
          cas.load(in, null);
        }
        for (String alias : java.util.Collections.list(cas.aliases())) {
          if (cas.isCertificateEntry(alias)) {
            trust.setCertificateEntry("jdk-" + alias, cas.getCertificate(alias));
          }
        }
      }
      trust.setCertificateEntry("edit-profile-dev-tenant", certificate);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
      }
      return file;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not write the trust store", e);
    }
  }
}
