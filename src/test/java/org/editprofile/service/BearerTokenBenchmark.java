package org.editprofile.service;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.editprofile.TestJwts;
import org.editprofile.config.ServiceSettings;
import org.editprofile.credential.ClientCredentialSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The edit profile service's check of a caller's bearer token (a 2048-bit RS256 token, as Entra's):
 * the first time this node sees it (parse, key selection, RSA signature, claims) and again while it
 * is remembered ({@link VerifiedBearers}). The first-time figure includes building the validator's
 * checks for the discovery document, which a running service does once. Run by bench/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BearerTokenBenchmark {

  private static final String TENANT = "5b1e7c2a-0000-4000-8000-00000000b2b2";
  private static final String SERVICE = "service-client";
  private static final String WEB_APP = "web-app-client";

  private LocalDiscovery discovery;
  private JWKSource<SecurityContext> keys;
  private ServiceSettings settings;
  private String token;
  private BearerTokenValidator remembering;

  @Setup(Level.Trial)
  public void start() throws Exception {
    discovery = new LocalDiscovery(TENANT);
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    JWKSet published = new JWKSet(key.toPublicJWK());
    keys = (selector, context) -> selector.select(published);
    settings =
        new ServiceSettings(
            SERVICE,
            ClientCredentialSource.secret("unused"),
            ServiceSettings.DEFAULT_SCOPE,
            Set.of(WEB_APP));
    Instant now = Instant.now();
    token =
        TestJwts.sign(
            discovery.accessTokenClaims(SERVICE, WEB_APP, now, Duration.ofHours(12)).build(), key);
    remembering = validator();
    if (!(remembering.validate(token) instanceof BearerTokenValidator.Check.Accepted)) {
      throw new IllegalStateException("the benchmark's token is refused");
    }
  }

  private BearerTokenValidator validator() {
    return new BearerTokenValidator(discovery.metadata(), keys, settings, Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    discovery.close();
  }

  @Benchmark
  public BearerTokenValidator.Check firstTime() {
    return validator().validate(token);
  }

  @Benchmark
  public BearerTokenValidator.Check remembered() {
    return remembering.validate(token);
  }
}
