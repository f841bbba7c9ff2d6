package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.junit.jupiter.api.Test;

/** The production WAR carries the app and its libraries, and nothing of the dev tenant or tests. */
class WarContentsIT {

  @Test
  void warHasNoDevTenantTestCodeSecretsOrContainerLibraries() throws IOException {
    try (JarFile war = new JarFile(EmbeddedTomcat.builtWar().toFile())) {
      List<String> names = war.stream().map(e -> e.getName()).toList();
      assertTrue(names.contains("WEB-INF/classes/org/editprofile/EditProfileApp.class"));
      assertTrue(names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/msal4j-")));
      assertTrue(
          names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/jakarta.servlet.jsp.jstl-")),
          "JSTL bundled");
      assertFalse(names.stream().anyMatch(n -> n.contains("devtenant")), "no dev tenant");
      assertFalse(
          names.stream()
              .anyMatch(
                  n -> n.contains("/it/") || n.endsWith("IT.class") || n.endsWith("Test.class")));
      assertFalse(
          names.stream()
              .anyMatch(
                  n ->
                      n.matches(
                          "WEB-INF/lib/(tomcat|jakarta.servlet-api|jakarta.el|bcp|junit|mockito|jsoup).*")),
          "no container, test or dev libraries");
      assertFalse(
          names.stream()
              .anyMatch(n -> n.endsWith(".p12") || n.endsWith(".jks") || n.endsWith(".pem")));
    }
  }

  /**
   * Every view has its servlet in web.xml, loaded at deploy, which the app renders it through by
   * name: a view without one would be compiled and loaded by the first visitor who needs it.
   */
  @Test
  void everyViewIsDeclaredToLoadAtDeployUnderTheNameTheAppRendersItBy() throws IOException {
    try (JarFile war = new JarFile(EmbeddedTomcat.builtWar().toFile())) {
      String webXml =
          new String(
              war.getInputStream(war.getEntry("WEB-INF/web.xml")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      List<String> views =
          war.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith("WEB-INF/views/") && n.endsWith(".jsp"))
              .toList();
      assertTrue(views.size() >= 7, views.toString());
      for (String view : views) {
        String name = view.substring("WEB-INF/views/".length(), view.length() - ".jsp".length());
        java.util.regex.Matcher declared =
            java.util.regex.Pattern.compile(
                    "<servlet-name>view-"
                        + name
                        + "</servlet-name>\\s*<jsp-file>/"
                        + view
                        + "</jsp-file>(.*?)</servlet>",
                    java.util.regex.Pattern.DOTALL)
                .matcher(webXml);
        assertTrue(declared.find(), "no servlet view-" + name);
        assertTrue(declared.group(1).contains("<load-on-startup>"), name + " loads at deploy");
      }
    }
  }
}
