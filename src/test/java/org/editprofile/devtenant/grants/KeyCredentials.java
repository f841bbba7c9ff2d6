package org.editprofile.devtenant.grants;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * One entry of a registration's {@code keyCredentials}: as in Graph, {@code key} is the
 * certificate's base64 DER (what the admin center stores when a .cer is uploaded); a {@code path}
 * to a PEM or DER file, relative to the registrations file, may be given instead.
 */
public final class KeyCredentials {

  private KeyCredentials() {}

  public static X509Certificate read(JsonNode entry, Path baseDir) throws IOException {
    String type = entry.path("type").asText("AsymmetricX509Cert");
    if (!"AsymmetricX509Cert".equals(type)) {
      throw new IOException("keyCredentials: only AsymmetricX509Cert is supported, not " + type);
    }
    try {
      if (entry.hasNonNull("key")) {
        byte[] der = Base64.getMimeDecoder().decode(entry.get("key").asText());
        return parse(new ByteArrayInputStream(der));
      }
      if (entry.hasNonNull("path")) {
        try (InputStream in = Files.newInputStream(baseDir.resolve(entry.get("path").asText()))) {
          return parse(in);
        }
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new IOException("keyCredentials: not a certificate: " + e.getMessage(), e);
    }
    throw new IOException("keyCredentials: an entry needs a key (base64 DER) or a path");
  }

  /** PEM or DER: the JDK's factory reads both. */
  private static X509Certificate parse(InputStream in) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
  }
}
