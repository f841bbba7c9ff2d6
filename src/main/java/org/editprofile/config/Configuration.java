package org.editprofile.config;

import java.util.List;
import java.util.Optional;

/** The outcome of reading the settings: either usable settings or the list of what is wrong. */
public sealed interface Configuration {

  /**
   * What this server runs: the web app, the edit profile service, or both (at least one is
   * present). A server with only the service's settings runs only the service.
   *
   * @param metricsToken the bearer token a Prometheus scraper must present at /metrics; without
   *     one, /metrics does not exist
   * @param appOnly what the service does with Graph's application permission, and the web app
   *     offers
   */
  record Ready(
      TenantSettings tenant,
      Optional<WebAppSettings> webApp,
      Optional<ServiceSettings> service,
      Optional<String> metricsToken,
      AppOnlyAccess appOnly)
      implements Configuration {}

  /** Each problem names a setting and what is wrong with it, never its value. */
  record NotConfigured(List<String> problems) implements Configuration {}
}
