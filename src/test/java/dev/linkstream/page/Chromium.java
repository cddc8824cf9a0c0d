package dev.linkstream.page;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, driven through its own chromedriver: nothing is downloaded, and Selenium
 * Manager is never asked for a browser. Every browser it starts has a fresh profile and can reach
 * loopback only. Public for the tests elsewhere that need a real browser's own behaviour.
 */
public final class Chromium {

  static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

  private Chromium() {}

  /**
   * Skips the calling test, saying why, where Chromium is not installed; on CI, where {@code
   * .ci/run} installs it, its absence fails the test instead.
   */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    if (!installed && System.getenv("CI") != null) {
      fail("CI must run the browser tests, but " + BROWSER + " or " + DRIVER + " is missing");
    }
    assumeTrue(
        installed,
        "Browser tests skipped: "
            + BROWSER
            + " or "
            + DRIVER
            + " is missing (apt-get install chromium chromium-driver)");
  }

  /**
   * What the browser's console reported of uncaught script errors and Content-Security-Policy
   * violations since the last call; failed requests, which some tests cause, are not among them.
   */
  static List<String> scriptErrors(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(
            message ->
                message.contains("Uncaught")
                    || message.contains("Content Security Policy")
                    || message.contains("Refused to"))
        .toList();
  }

  public static ChromeDriver start(Path profile, int width, int height) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-default-apps",
            "--disable-extensions",
            // Anything but loopback goes to a port where nothing listens: a test page cannot reach
            // the internet even by mistake (Chromium always connects to loopback directly).
            "--proxy-server=127.0.0.1:9",
            "--window-size=" + width + "," + height,
            "--user-data-dir=" + Files.createDirectories(profile)));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // Headless windows are at least 500 px wide: narrower views are emulated.
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
    return driver;
  }
}
