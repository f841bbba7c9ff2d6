package org.editprofile.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) with a fresh profile, plus what the
 * journey checks on every page: a screenshot, axe-core, and the 375 px layout.
 */
public final class ChromiumBrowser implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path screenshots;

  /** axe-core's script, read once: it is injected into every page. */
  private final String axeScript;

  private int shot;

  public ChromiumBrowser(String name) throws IOException {
    this(name, List.of());
  }

  /**
   * @param extraArguments more Chromium switches, such as --ignore-certificate-errors-spki-list to
   *     trust one test key (and nothing else) without a system certificate store
   */
  public ChromiumBrowser(String name, List<String> extraArguments) throws IOException {
    this(name, extraArguments, "en-US,en");
  }

  /** A browser whose user prefers these languages (its Accept-Language, e.g. "es-ES,es"). */
  public static ChromiumBrowser preferring(String name, String languages) throws IOException {
    return new ChromiumBrowser(name, List.of(), languages);
  }

  private ChromiumBrowser(String name, List<String> extraArguments, String languages)
      throws IOException {
    Path profile =
        Files.createDirectories(Path.of("target", "chromium", name + "-" + System.nanoTime()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.addArguments(extraArguments);
    options.addArguments("--lang=" + languages.split(",")[0]);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    axeScript =
        Files.readString(
            Path.of(
                System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js")));
    driver = new ChromeDriver(service, options);
    screenshots =
        Files.createDirectories(
            Path.of(System.getProperty("screenshots.dir", "target/screenshots"), name));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves a PNG of the page as it is now. */
  public void screenshot(String page) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, page)), png);
  }

  /** The serious and critical axe-core violations on the current page, as "rule: target" lines. */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() {
    driver.executeScript(axeScript);
    Map<String, Object> result =
        (Map<String, Object>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done({passes: r.passes.length,"
                    + " violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
                    + " nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))}));");
    if (((Number) result.get("passes")).intValue() == 0) {
      throw new IllegalStateException("axe-core checked nothing on " + driver.getCurrentUrl());
    }
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
      Object impact = violation.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(violation.get("id") + " (" + impact + "): " + violation.get("nodes"));
      }
    }
    return serious;
  }

  /** Whether the page fits a 375 px wide phone screen without sideways scrolling. */
  boolean fitsNarrowScreen() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    try {
      Number scrollWidth =
          (Number) driver.executeScript("return document.documentElement.scrollWidth;");
      return scrollWidth.intValue() <= 375;
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
