package org.editprofile.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.editprofile.config.AppSettings;
import org.editprofile.config.Configuration;
import org.editprofile.config.SettingSource;
import org.editprofile.config.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the settings once (environment, then system properties, then context parameters) and builds
 * the app. With missing or bad settings the app still starts and every page explains what to fix,
 * listed once in the log as well.
 */
@WebListener
public final class AppContextListener implements ServletContextListener {

  private static final Logger LOG = LoggerFactory.getLogger(AppContextListener.class);
  static final String CONFIGURATION = Configuration.class.getName();

  /**
   * MSAL4J logs an INFO line whenever a response lacks its correlation id, which the discovery
   * document served from our cache always does: one useless line per request. Held here because
   * java.util.logging only keeps weak references to configured loggers.
   */
  private static final java.util.logging.Logger MSAL_HTTP_LOG =
      java.util.logging.Logger.getLogger("com.microsoft.aad.msal4j.HttpHelper");

  @Override
  public void contextInitialized(ServletContextEvent event) {
    MSAL_HTTP_LOG.setLevel(java.util.logging.Level.WARNING);
    ServletContext context = event.getServletContext();
    Configuration configuration =
        SettingsLoader.load(
            SettingSource.firstOf(
                SettingSource.environment(),
                SettingSource.systemProperties(),
                name -> Optional.ofNullable(context.getInitParameter(name))));
    context.setAttribute(CONFIGURATION, configuration);
    if (configuration instanceof Configuration.NotConfigured missing) {
      LOG.error(
          "edit-profile is not configured. Fix these settings and restart: {}",
          String.join("; ", missing.problems()));
      return;
    }
    AppSettings settings = ((Configuration.Ready) configuration).settings();
    if ("https".equals(settings.redirectUri().getScheme())) {
      // Served over https (perhaps behind a TLS-terminating proxy): the cookie must say so itself.
      context.getSessionCookieConfig().setSecure(true);
    }
    context.setAttribute(AppServices.ATTRIBUTE, new AppServices(settings, Clock.systemUTC()));
    LOG.info(
        "edit-profile started: authority {}, client {}, edits through {}",
        settings.authority(),
        settings.clientId(),
        settings.usesEditProfileService() ? "the edit profile service" : "Graph directly");
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    AppServices services = AppServices.from(event.getServletContext());
    if (services != null) {
      try {
        services.close();
      } catch (IOException e) {
        LOG.warn("Closing the HTTP client failed", e);
      }
    }
  }
}
