package org.editprofile.auth;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.SilentParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.graph.GraphClient;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.MsalApps;
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
 * The per-request auth path, in isolation: a fresh MSAL4J client seeded from the session's
 * serialized token cache answering a silent call (what every Graph page does), and the Java
 * serialization of a signed-in session (what session persistence and replication do). The cache
 * comes from a real sign-in against the dev tenant. Run by bench/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenPathBenchmark {

  private DevTenantTokenCache signedIn;
  private MsalApps apps;
  private static final TokenCacheCipher CIPHER = TokenCacheCipher.ephemeral();
  private String tokenCache;
  private String sealedCache;
  private String homeAccountId;
  private ConfidentialClientApplication warmClient;
  private IAccount warmAccount;
  private HashMap<String, Serializable> session;
  private byte[] serializedSession;
  private UserSession user;
  private TokenService tokens;

  @Setup(Level.Trial)
  public void signIn() throws Exception {
    signedIn = DevTenantTokenCache.signIn("jmh-truststore.p12");
    apps = signedIn.apps;
    tokenCache = signedIn.tokenCache;
    sealedCache = CIPHER.seal(tokenCache);
    homeAccountId = signedIn.homeAccountId;

    warmClient = apps.newClient();
    warmClient.tokenCache().deserialize(tokenCache);
    warmAccount = warmClient.getAccounts().join().iterator().next();

    MapSessionStore store = new MapSessionStore();
    user = new UserSession(store, new MapPendingSignIns());
    user.signIn(
        new SignedInUser(
            homeAccountId,
            "oid",
            DevTenant.DEMO_EMAIL,
            "Demo User",
            new TreeMap<>(Map.of("name", "Demo User", "oid", "oid", "ver", "2.0"))),
        CIPHER.seal(tokenCache),
        java.time.Instant.now());
    user.addPendingSignIn(
        org.editprofile.session.PendingSignIn.create(
            "/",
            java.util.List.of(),
            false,
            java.time.Instant.now(),
            java.time.Duration.ofMinutes(10)),
        java.time.Instant.now());
    user.setCsrfToken("x".repeat(43));
    session = new HashMap<>(store.attributes());
    serializedSession = serialize();
    tokens = new TokenService(apps, CIPHER, Clock.systemUTC());
    tokens.acquire(user, GraphClient.USER_READ);
    System.out.printf(
        "%nSerialized token cache: %d chars; serialized session attributes: %d bytes%n",
        tokenCache.length(), serializedSession.length);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    signedIn.close();
  }

  /**
   * What each Graph page does: new client, cache from the session, find the account, silent call.
   */
  @Benchmark
  public String silentTokenFromSessionCache() throws Exception {
    ConfidentialClientApplication app =
        apps.newClient(new SessionTokenCache(Optional.of(sealedCache), CIPHER, changed -> {}));
    IAccount account =
        app.getAccounts().join().stream()
            .filter(a -> a.homeAccountId().equals(homeAccountId))
            .findFirst()
            .orElseThrow();
    return app.acquireTokenSilently(SilentParameters.builder(Set.of("User.Read"), account).build())
        .get()
        .accessToken();
  }

  /**
   * What a Graph page does now: the token MSAL4J gave for this very session cache, remembered on
   * this node.
   */
  @Benchmark
  public Object tokenServiceRememberedAnswer() {
    return tokens.acquire(user, GraphClient.USER_READ);
  }

  /** The floor: a silent call on a client whose cache is already in memory. */
  @Benchmark
  public String silentTokenOnWarmClient() throws Exception {
    return warmClient
        .acquireTokenSilently(SilentParameters.builder(Set.of("User.Read"), warmAccount).build())
        .get()
        .accessToken();
  }

  @Benchmark
  public byte[] serializeSession() throws Exception {
    return serialize();
  }

  @Benchmark
  public Object deserializeSession() throws Exception {
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(serializedSession))) {
      return in.readObject();
    }
  }

  private byte[] serialize() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(session);
    }
    return bytes.toByteArray();
  }
}
