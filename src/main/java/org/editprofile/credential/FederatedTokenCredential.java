package org.editprofile.credential;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workload identity federation: the client assertion is a token the platform writes to a file and
 * renews (Kubernetes workload identity's {@code AZURE_FEDERATED_TOKEN_FILE}, rotated at 80% of its
 * lifetime). The file is read again when its token is about to expire, so a renewed token is used
 * before the old one lapses; the tenant checks the token against a federated credential of the
 * registration.
 */
public final class FederatedTokenCredential implements ClientCredentialSource {

  private static final Logger LOG = LoggerFactory.getLogger(FederatedTokenCredential.class);

  /** Read the file again this long before the token it held expires. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final Path file;
  private final Clock clock;
  private final IClientCredential credential;
  private volatile Token cached;

  private record Token(String value, Instant expiresAt) {}

  /**
   * Reads the token now, so a missing or unreadable file is reported at start-up.
   *
   * @throws CredentialException when it cannot be read or is not a JWT
   */
  public FederatedTokenCredential(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.cached = read();
    if (!cached.expiresAt().isAfter(clock.instant())) {
      // Not fatal: the platform renews the file, perhaps before the first sign-in.
      LOG.warn("The federated token in {} expired at {}", file, cached.expiresAt());
    }
    // MSAL4J asks for the assertion at every token request.
    this.credential = ClientCredentialFactory.createFromCallback(this::assertion);
  }

  @Override
  public IClientCredential current() {
    return credential;
  }

  @Override
  public String description() {
    return "a federated token from " + file;
  }

  /**
   * The token to send, read again from the file when the one held expires within {@link
   * #RENEW_BEFORE_EXPIRY}.
   *
   * @throws CredentialException when the file is gone or its token has expired
   */
  String assertion() {
    Token token = cached;
    Instant now = clock.instant();
    if (now.isAfter(token.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
      token = read();
      cached = token;
    }
    if (!token.expiresAt().isAfter(now)) {
      throw new CredentialException(
          "the federated token in "
              + file
              + " expired at "
              + token.expiresAt()
              + " and the platform has not renewed it");
    }
    return token.value();
  }

  private Token read() {
    String value;
    try {
      value = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CredentialException(
          "cannot read the federated token file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
    try {
      Date exp = JWTParser.parse(value).getJWTClaimsSet().getExpirationTime();
      if (exp == null) {
        throw new CredentialException("the federated token in " + file + " has no expiry");
      }
      return new Token(value, exp.toInstant());
    } catch (ParseException e) {
      throw new CredentialException("the federated token file " + file + " does not hold a JWT");
    }
  }
}
