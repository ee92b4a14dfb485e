package io.cairn.node.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless through Debian's {@code /usr/bin/chromedriver} (Selenium never
 * looks for or downloads a driver or a browser). A test that needs it calls {@link #startOrSkip},
 * which skips the test with a message naming the packages when they are missing; {@code .ci/run}
 * installs them, so CI always runs these tests. Paths can be overridden with the system properties
 * {@code cairn.chromium} and {@code cairn.chromedriver}.
 */
public final class HeadlessChrome implements AutoCloseable {
  static final Path BROWSER = Path.of(System.getProperty("cairn.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("cairn.chromedriver", "/usr/bin/chromedriver"));

  /** Selenium warns on every start that it has no CDP bindings for this Chromium; the tests use none. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOG.setLevel(Level.SEVERE);
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private HeadlessChrome(ChromeDriverService service, ChromeDriver driver) {
    this.service = service;
    this.driver = driver;
  }

  /**
   * Starts a fresh headless browser with its profile in {@code profileDir} (which must be empty or
   * missing), or skips the calling test when Chromium or chromedriver is not installed.
   */
  public static HeadlessChrome startOrSkip(Path profileDir) {
    Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "Browser tests skipped: no " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
            + ". Install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; "
            + ".ci/run does this) to run them.");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1400,1000",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return new HeadlessChrome(service, driver);
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * The visible text of the element with this id, or "" when there is none (yet). The page
   * re-renders on every poll, so an element found a moment ago may be gone: that also reads as "".
   */
  public String text(String id) {
    try {
      return driver.findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse("");
    } catch (StaleElementReferenceException e) {
      return "";
    }
  }

  /**
   * Saves a PNG of the viewport as {@code target/screenshots/<name>.png} (relative to the module,
   * the working directory of Surefire and Failsafe) and returns its path.
   */
  public Path screenshot(String name) {
    Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the screenshot " + file, e);
    }
    return file;
  }

  /** Ends the browser and the driver process, also when the browser already died. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
