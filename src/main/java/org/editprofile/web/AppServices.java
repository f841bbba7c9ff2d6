package org.editprofile.web;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.auth.AuthorizationCallback;
import org.editprofile.auth.IdTokenVerifier;
import org.editprofile.auth.MsalApps;
import org.editprofile.auth.MsalHttpClient;
import org.editprofile.auth.OidcMetadataProvider;
import org.editprofile.auth.SignInRequests;
import org.editprofile.auth.TokenService;
import org.editprofile.config.AppSettings;
import org.editprofile.config.ServiceSettings;
import org.editprofile.graph.GraphClient;
import org.editprofile.http.OutboundHttp;
import org.editprofile.service.BearerTokenValidator;
import org.editprofile.service.OnBehalfOfClient;

/**
 * The app's collaborators, built once at start-up from the settings and shared by every request.
 * Servlets look it up in the servlet context; nothing here is per-request.
 */
public final class AppServices implements AutoCloseable {

  static final String ATTRIBUTE = AppServices.class.getName();

  /** Graph scopes for reading and writing the user's own profile. */
  public static final List<String> GRAPH_READ = List.of("User.Read");

  public static final List<String> GRAPH_WRITE = List.of("User.ReadWrite");

  private final AppSettings settings;
  private final CloseableHttpClient http;
  private final OidcMetadataProvider metadata;
  private final SignInRequests signIns;
  private final AuthorizationCallback callback;
  private final TokenService tokens;
  private final GraphClient graph;
  private final Optional<EditProfileService> service;

  /** The service half, present when this WAR also serves the edit profile service. */
  public record EditProfileService(
      ServiceSettings settings, BearerTokenValidator tokens, OnBehalfOfClient onBehalfOf) {}

  public AppServices(AppSettings settings, Clock clock) {
    this.settings = settings;
    this.http = OutboundHttp.create(settings.connectTimeout(), settings.readTimeout());
    this.metadata = new OidcMetadataProvider(settings.discoveryUrl(), http, clock);
    MsalHttpClient msalHttp = new MsalHttpClient(http, metadata);
    MsalApps apps =
        new MsalApps(
            settings.clientId(),
            settings.clientSecret(),
            settings.authority(),
            settings.ciamAuthority(),
            msalHttp);
    this.signIns =
        new SignInRequests(apps, settings.redirectUri(), settings.signInTimeout(), clock);
    this.callback =
        new AuthorizationCallback(
            apps,
            new IdTokenVerifier(metadata, settings.clientId(), http),
            settings.redirectUri(),
            clock);
    this.tokens = new TokenService(apps);
    this.graph = new GraphClient(http, settings.graphMeUrl(), d -> Thread.sleep(d.toMillis()));
    this.service =
        settings
            .service()
            .map(
                s ->
                    new EditProfileService(
                        s,
                        new BearerTokenValidator(metadata, s, http),
                        new OnBehalfOfClient(
                            new MsalApps(
                                s.clientId(),
                                s.clientSecret(),
                                settings.authority(),
                                settings.ciamAuthority(),
                                msalHttp),
                            clock)));
  }

  public static AppServices from(ServletContext context) {
    return (AppServices) context.getAttribute(ATTRIBUTE);
  }

  public AppSettings settings() {
    return settings;
  }

  public OidcMetadataProvider metadata() {
    return metadata;
  }

  public SignInRequests signIns() {
    return signIns;
  }

  public AuthorizationCallback callback() {
    return callback;
  }

  public TokenService tokens() {
    return tokens;
  }

  public GraphClient graph() {
    return graph;
  }

  public Optional<EditProfileService> service() {
    return service;
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
