package org.editprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the README and the documentation pages leads somewhere: the file exists,
 * and a {@code #fragment} names one of its headings (as GitHub makes anchors of them).
 */
class DocumentationLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
  private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

  @Test
  void everyRelativeLinkResolvesToAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      String text = FENCE.matcher(Files.readString(page)).replaceAll("");
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved =
            file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(page + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken);
    assertTrue(checked > 20, "links found: " + checked);
  }

  @Test
  void theReadmeStaysShort() throws IOException {
    long lines = Files.readAllLines(Path.of("README.md")).size();
    assertTrue(lines <= 250, "README.md has " + lines + " lines: move detail to docs/");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    for (String dir : List.of("docs", "bench")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      }
    }
    if (Files.exists(Path.of("CONTRIBUTING.md"))) {
      pages.add(Path.of("CONTRIBUTING.md"));
    }
    return pages;
  }

  /** The anchors GitHub gives a Markdown file's headings. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(file)).replaceAll(""));
    while (heading.find()) {
      String text =
          heading
              .group(1)
              .replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-');
      String anchor = text;
      for (int n = 1; !anchors.add(anchor); n++) {
        anchor = text + "-" + n;
      }
    }
    return anchors;
  }
}
