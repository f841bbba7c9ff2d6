package org.editprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend one way, as docs/architecture.md draws them: {@code web} and {@code service}
 * on top and never each other, then {@code flow} → {@code auth} → {@code session}, everything on
 * {@code tenant}, {@code graph}, {@code config}, {@code http}; {@code graph} on the {@code profile}
 * domain, which imports only {@code i18n}; {@code credential} and the leaves import nothing of
 * ours. Only the composition root may import everything. {@code Routes}, the list of paths, is for
 * everyone.
 */
class LayeringTest {

  private static final Path MAIN = Path.of("src/main/java/org/editprofile");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?org\\.editprofile\\.([a-z0-9]+)\\.", Pattern.MULTILINE);

  /** What each package may import of ours, besides itself and Routes. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("credential", Set.of()),
          Map.entry("http", Set.of()),
          Map.entry("i18n", Set.of()),
          Map.entry("metrics", Set.of()),
          Map.entry("config", Set.of("credential", "profile", "i18n")),
          Map.entry("session", Set.of("i18n")),
          Map.entry("tenant", Set.of("credential", "http", "metrics")),
          Map.entry("profile", Set.of("i18n")),
          Map.entry("graph", Set.of("profile", "http", "i18n", "metrics")),
          Map.entry("auth", Set.of("session", "tenant", "graph", "http", "i18n", "metrics")),
          Map.entry(
              "flow",
              Set.of("auth", "session", "tenant", "graph", "profile", "http", "i18n", "metrics")),
          Map.entry(
              "service",
              Set.of(
                  "config", "credential", "tenant", "graph", "profile", "http", "i18n", "metrics")),
          Map.entry(
              "web",
              Set.of(
                  "flow",
                  "profile",
                  "auth",
                  "session",
                  "config",
                  "credential",
                  "tenant",
                  "graph",
                  "http",
                  "i18n",
                  "metrics")));

  @Test
  void everyPackageImportsOnlyWhatItsLayerMay() throws IOException {
    List<String> wrong = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(MAIN)) {
      for (Path file : all.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the composition root and Routes
        }
        files++;
        String own = relative.getName(0).toString();
        Set<String> allowed = ALLOWED.get(own);
        if (allowed == null) {
          wrong.add(own + " is a package this test does not know: give it a layer");
          continue;
        }
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          String other = imported.group(1);
          if (!other.equals(own) && !allowed.contains(other)) {
            wrong.add(relative + " imports " + other);
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(files > 50, "classes read: " + files);
  }
}
