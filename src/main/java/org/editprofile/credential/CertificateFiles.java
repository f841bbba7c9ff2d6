package org.editprofile.credential;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client certificate and its private key, as an operator exports them: a PKCS#12 file
 * (.p12/.pfx, from keytool or the Azure portal) with its password, or PEM (a private key and its
 * certificate in one file, or in two as a Kubernetes TLS secret mounts them). Every way the pair
 * can be unusable is refused here with a message an operator can act on.
 */
public final class CertificateFiles {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateFiles() {}

  /**
   * @param certificate the PKCS#12 file, or the PEM file with the certificate (and the key, when
   *     {@code privateKey} is empty)
   * @param privateKey a separate PEM file with the private key
   * @param password the PKCS#12 password
   * @param now when the certificate must be valid
   * @throws CredentialException naming what is wrong
   */
  public static CertificateAndKey load(
      Path certificate, Optional<Path> privateKey, Optional<String> password, Instant now) {
    byte[] content = read(certificate);
    CertificateAndKey loaded =
        isPem(content)
            ? fromPem(certificate, content, privateKey.map(p -> read(p)))
            : fromPkcs12(certificate, content, password);
    return checked(certificate, loaded, now);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CredentialException(
          "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean isPem(byte[] content) {
    return new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN ");
  }

  private static CertificateAndKey fromPkcs12(
      Path file, byte[] content, Optional<String> password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      char[] secret = password.orElse("").toCharArray();
      store.load(new ByteArrayInputStream(content), secret);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, secret);
          List<X509Certificate> chain = new ArrayList<>();
          Certificate[] stored = store.getCertificateChain(alias);
          if (stored != null) {
            for (Certificate c : stored) {
              chain.add((X509Certificate) c);
            }
          }
          return new CertificateAndKey(key, chain);
        }
      }
      throw new CredentialException(file + " holds no private key (export it with its key)");
    } catch (IOException e) {
      boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
      throw new CredentialException(
          wrongPassword
              ? "cannot open " + file + ": wrong password"
              : "cannot open " + file + ": not a PKCS#12 file or wrong password");
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot open " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static CertificateAndKey fromPem(
      Path file, byte[] content, Optional<byte[]> separateKey) {
    List<X509Certificate> certificates = new ArrayList<>();
    List<PrivateKey> keys = new ArrayList<>();
    readPem(file, content, certificates, keys);
    if (separateKey.isPresent()) {
      keys.clear();
      readPem(file, separateKey.get(), new ArrayList<>(), keys);
    }
    if (certificates.isEmpty()) {
      throw new CredentialException(file + " holds no certificate");
    }
    if (keys.isEmpty()) {
      throw new CredentialException(
          file + " holds no private key (put the key in the same file or set its own path)");
    }
    return new CertificateAndKey(keys.get(0), certificates);
  }

  private static void readPem(
      Path file, byte[] content, List<X509Certificate> certificates, List<PrivateKey> keys) {
    Matcher block = PEM_BLOCK.matcher(new String(content, StandardCharsets.US_ASCII));
    while (block.find()) {
      String type = block.group(1);
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(block.group(2));
      } catch (IllegalArgumentException e) {
        throw new CredentialException(file + ": a " + type + " block is not valid base64");
      }
      switch (type) {
        case "CERTIFICATE" -> certificates.add(certificate(file, der));
        case "PRIVATE KEY" -> keys.add(pkcs8Key(file, der));
        case "RSA PRIVATE KEY" ->
            throw new CredentialException(
                file
                    + " holds a PKCS#1 key; convert it to PKCS#8 with: openssl pkcs8 -topk8"
                    + " -nocrypt -in key.pem -out key-pkcs8.pem");
        case "ENCRYPTED PRIVATE KEY" ->
            throw new CredentialException(
                file + " holds an encrypted PEM key; use a PKCS#12 file for a key with a password");
        default -> {
          // Other blocks (parameters, a CA's CRL) play no part in the client credential.
        }
      }
    }
  }

  private static X509Certificate certificate(Path file, byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CredentialException(file + ": a certificate block cannot be read");
    }
  }

  private static PrivateKey pkcs8Key(Path file, byte[] der) {
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new CredentialException(file + ": the private key cannot be read");
  }

  /** The key must be RSA, match a certificate of the chain (made first) and be valid now. */
  private static CertificateAndKey checked(Path file, CertificateAndKey loaded, Instant now) {
    if (!(loaded.key() instanceof RSAPrivateKey)) {
      throw new CredentialException(
          file + ": the key must be RSA (MSAL4J signs client assertions with RS256)");
    }
    X509Certificate leaf =
        loaded.chain().stream()
            .filter(c -> matches(loaded.key(), c.getPublicKey()))
            .findFirst()
            .orElseThrow(
                () ->
                    new CredentialException(
                        file + ": the private key does not match the certificate"));
    List<X509Certificate> chain = new ArrayList<>(loaded.chain());
    chain.remove(leaf);
    chain.add(0, leaf);
    try {
      leaf.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      throw new CredentialException(
          file + ": the certificate expired on " + leaf.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      throw new CredentialException(
          file + ": the certificate is not valid before " + leaf.getNotBefore().toInstant());
    }
    return new CertificateAndKey(loaded.key(), List.copyOf(chain));
  }

  /** Signs a random challenge and verifies it: true only for the two halves of one key pair. */
  private static boolean matches(PrivateKey key, PublicKey publicKey) {
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
