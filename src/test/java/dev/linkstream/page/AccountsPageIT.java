package dev.linkstream.page;

import static dev.linkstream.testing.ServerProcess.Runtime.PAYARA_MICRO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.TestAdmin;
import dev.linkstream.testing.WebOrigin;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Signing in and out, the first run's setup link, API tokens and accounts: the page in headless
 * Chromium against the packaged WAR on Payara Micro, every request on loopback.
 */
class AccountsPageIT {

  private static final List<String> SETTINGS =
      List.of("-Dlinkstream.fetch.retries=0", "-Dlinkstream.stream.retry=1s");
  private static final Pattern SETUP_LINK = Pattern.compile("#setup=([A-Za-z0-9_-]+)");
  private static final Pattern TRY_AGAIN = Pattern.compile("(?i).*try again in \\d+.*");

  /**
   * Keeps every EventSource the page makes in {@code window.streams}; run before the page's own
   * scripts, so that a test can see whether the page left one open.
   */
  private static final String COUNT_STREAMS =
      "window.streams = [];"
          + "const Original = EventSource;"
          + "window.EventSource = class extends Original {"
          + "  constructor(...args) { super(...args); window.streams.push(this); }"
          + "};";

  private static final AtomicInteger unique = new AtomicInteger();
  private static final HttpClient anonymous = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static ServerProcess server;
  private static WebOrigin origin;
  private static Api api;
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    origin =
        new WebOrigin()
            .route(
                "/article",
                WebOrigin.page(
                    "text/html",
                    "<!doctype html><html><head><title>Worth keeping</title></head></html>"));
    server =
        ServerProcess.start(PAYARA_MICRO, dir.resolve("data"), dir.resolve("server"), SETTINGS);
    api = Api.signedIn(server.url);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  @AfterEach
  void closeBrowsersHavingSeenNoScriptErrorOrPolicyViolation() {
    try {
      for (ChromeDriver browser : browsers) {
        assertEquals(List.of(), Chromium.scriptErrors(browser));
      }
    } finally {
      browsers.forEach(ChromeDriver::quit);
    }
  }

  @Test
  void theSetupLinkCreatesTheAdminOnceAndIsOfNoUseAfterwards() throws Exception {
    List<String> noAccount = List.of("-Dlinkstream.admin.user=", "-Dlinkstream.admin.password=");
    try (ServerProcess fresh =
        ServerProcess.start(
            PAYARA_MICRO, dir.resolve("fresh-data"), dir.resolve("fresh"), noAccount)) {
      String link = "http://127.0.0.1:" + fresh.port() + "/#setup=" + setupCode(fresh);
      Page page = Page.load(browser(1280, 900), link);
      assertTrue(page.shows("setup-view"));
      assertFalse(page.shows("signin-view"));
      assertFalse(page.shows("inbox"));
      assertTrue(page.text("setup-password-hint").contains("At least 12 characters"));

      setUp(page, "owner", "too short");
      awaitMessage(page, "setup");
      assertEquals("The password needs at least 12 characters.", page.text("setup-message"));
      setUp(page, "owner", "owner-password-for-tests");
      page.awaitConnection("Live");
      assertEquals("", page.script("return location.hash"));
      assertEquals("owner", page.text("account-name"));
      Api.signedIn(fresh.url, "owner", "owner-password-for-tests");

      Page again = Page.load(browser(1280, 900), link);
      assertTrue(again.shows("setup-view"));
      setUp(again, "intruder", "intruder-password-for-tests");
      awaitMessage(again, "setup");
      assertTrue(
          again.text("setup-message").contains("no longer valid"), again.text("setup-message"));
      assertFalse(again.shows("inbox"));

      // What is left is signing in, and guessing there is soon stopped.
      again.browser.findElement(By.id("setup-sign-in")).click();
      again.await(() -> again.shows("signin-view"), "the sign-in form");
      assertEquals("", again.script("return location.hash"));
      for (int attempt = 0; !TRY_AGAIN.matcher(again.text("signin-message")).matches(); attempt++) {
        assertTrue(attempt < 50, "50 wrong passwords and still no pause asked for");
        again.signIn("owner", "guess number " + attempt);
        awaitMessage(again, "signin");
        assertFalse(again.shows("inbox"));
      }
    }
  }

  @Test
  void signedOutThePageShowsOnlyTheSignInFormAndAWrongPasswordIsExplained() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    countStreams(browser);
    Page page = Page.load(browser, server.url.toString());

    assertTrue(page.shows("signin-view"));
    assertFalse(page.shows("inbox"));
    assertFalse(page.shows("account"));
    assertEquals("signin-user", browser.switchTo().activeElement().getAttribute("id"));
    assertEquals(List.of("/api/session"), apiRequests(page), "asked while signed out");
    assertEquals(0L, page.script("return window.streams.length"), "opened the stream signed out");

    page.signIn(TestAdmin.USER, "not the password at all");
    awaitMessage(page, "signin");
    // The server's own words, whatever their capitals.
    assertTrue(
        page.text("signin-message")
            .toLowerCase(Locale.ROOT)
            .contains("user name or password is wrong"),
        page.text("signin-message"));
    assertEquals(
        "true", browser.findElement(By.id("signin-password")).getAttribute("aria-invalid"));
    assertFalse(page.shows("inbox"));

    page.signIn(TestAdmin.USER, TestAdmin.PASSWORD);
    page.awaitConnection("Live");
    assertFalse(page.shows("signin-view"));
    assertEquals(TestAdmin.USER, page.text("account-name"));
  }

  @Test
  void linksAddedBeforeAndAfterSigningInAppearWithoutAReload() throws Exception {
    String before = article();
    api.submit(before);
    Page page = Page.load(browser(1280, 900), server.url.toString());
    page.script("window.sameDocument = true");
    assertTrue(page.rows(before).isEmpty());

    page.signIn(TestAdmin.USER, TestAdmin.PASSWORD);
    page.awaitConnection("Live");
    page.row(before, "fetched");
    String after = article();
    api.submit(after);

    page.row(after, "fetched");
    assertTrue(page.sameDocument(), "the page was reloaded");
  }

  @Test
  void aTokenMadeInThePageWorksUntilItIsRevokedThere() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String name = "test script " + unique.incrementAndGet();
    assertEquals(401, withToken(null), "the API answers without a token");

    page.choose("API tokens");
    page.await(() -> page.shows("tokens-dialog"), "the tokens panel");
    assertEquals("token-name", browser.switchTo().activeElement().getAttribute("id"));
    browser.findElement(By.id("token-name")).sendKeys(name);
    new Select(browser.findElement(By.id("token-scope"))).selectByValue("write");
    browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();

    page.await(() -> !secret(page).isEmpty(), "the new token's secret");
    String token = secret(page);
    assertTrue(token.startsWith("lks_"), token);
    assertEquals("true", browser.findElement(By.id("token-secret-value")).getAttribute("readonly"));
    assertEquals("Copy it now: it will not be shown again.", page.text("token-secret-note"));
    browser.findElement(By.id("token-copy")).click();
    page.await(() -> !page.text("token-copy-message").isEmpty(), "the copy to be confirmed");
    WebElement row = tokenRow(page, name);
    assertTrue(row.getText().contains("write"), row.getText());
    assertTrue(row.getText().contains("last used never"), row.getText());
    assertEquals(200, withToken(token));

    // Shown once: the panel opened again has the list, not the secret.
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    page.await(() -> !page.shows("tokens-dialog"), "the panel to close");
    assertEquals("account-button", browser.switchTo().activeElement().getAttribute("id"));
    page.choose("API tokens");
    page.await(() -> page.shows("tokens-dialog"), "the tokens panel");
    assertFalse(page.shows("token-secret"));
    assertFalse(browser.getPageSource().contains(token), "the secret is still in the page");

    tokenRow(page, name).findElement(By.cssSelector("button.revoke")).click();
    page.await(() -> tokenRows(page, name).isEmpty(), "the revoked token to leave the list");
    assertEquals(401, withToken(token));
  }

  @Test
  void signingOutShowsTheSignInFormAndClosesTheStream() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    countStreams(browser);
    Page page = Page.open(browser, server.url);
    String url = article();
    page.add(url);
    page.row(url, "fetched");
    assertEquals(1L, openStreams(page));

    page.choose("Sign out");

    page.await(() -> page.shows("signin-view"), "the sign-in form");
    assertFalse(page.shows("inbox"));
    assertFalse(page.shows("account"));
    assertTrue(browser.findElements(By.cssSelector("#links li")).isEmpty(), "links left behind");
    assertEquals(0L, openStreams(page));
    assertEquals("Signed out.", page.text("signin-notice"));
    // Ended on the server as well: the page loaded again is not let in.
    assertTrue(Page.load(browser, server.url.toString()).shows("signin-view"));
  }

  @Test
  void aSessionEndedInAnotherTabSendsThePageBackToTheSignInForm() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    countStreams(browser);
    Page first = Page.open(browser, server.url);
    browser.switchTo().newWindow(WindowType.TAB);
    Page second = Page.open(browser, server.url);

    second.choose("Sign out");
    second.await(() -> second.shows("signin-view"), "the sign-in form in the second tab");

    first.focus();
    // Its stream fails, the page asks the server about the session, and stops reconnecting.
    first.await(() -> first.shows("signin-view"), "the first tab to notice");
    assertEquals("You were signed out.", first.text("signin-notice"));
    assertFalse(first.shows("inbox"));
    assertEquals(0L, openStreams(first));
  }

  @Test
  void anAdminManagesAccountsAndAMemberChangesTheirPassword() throws Exception {
    ChromeDriver adminBrowser = browser(1280, 900);
    Page admin = Page.open(adminBrowser, server.url);
    String name = "member-" + unique.incrementAndGet();
    admin.choose("Accounts");
    admin.await(() -> admin.shows("accounts-dialog"), "the accounts panel");
    admin.await(() -> accountRow(admin, TestAdmin.USER).isPresent(), "the admin's own account");

    // The only admin stays one, and the refusal is said next to the control.
    WebElement own = accountRow(admin, TestAdmin.USER).orElseThrow();
    new Select(own.findElement(By.cssSelector("select"))).selectByValue("member");
    admin.await(
        () -> !own.findElement(By.cssSelector(".message")).getText().isEmpty(),
        "the refusal next to the role");
    assertTrue(own.findElement(By.cssSelector(".message")).getAttribute("class").contains("error"));
    assertEquals(
        "admin",
        new Select(own.findElement(By.cssSelector("select")))
            .getFirstSelectedOption()
            .getAttribute("value"));

    adminBrowser.findElement(By.id("account-name-input")).sendKeys(name);
    new Select(adminBrowser.findElement(By.id("account-role-input"))).selectByValue("member");
    adminBrowser
        .findElement(By.id("account-password"))
        .sendKeys("first-password-of-member", Keys.ENTER);
    admin.await(() -> accountRow(admin, name).isPresent(), "the new account in the list");

    Page member = Page.open(browser(1280, 900), server.url, name, "first-password-of-member");
    member.browser.findElement(By.id("account-button")).click();
    assertFalse(member.shows("accounts-item"), "a member is offered the accounts");
    member.choose("Change password");
    member.await(() -> member.shows("password-dialog"), "the password panel");
    changePassword(member, "not-the-current-one", "second-password-of-member");
    awaitMessage(member, "password-form", "password-message");
    assertEquals(
        "true", member.browser.findElement(By.id("password-current")).getAttribute("aria-invalid"));
    changePassword(member, "first-password-of-member", "second-password-of-member");
    member.await(
        () -> member.text("password-message").startsWith("Password changed"),
        () -> "the change to be confirmed, not: " + member.text("password-message"));
    Api.signedIn(server.url, name, "second-password-of-member");
    new Actions(member.browser).sendKeys(Keys.ESCAPE).perform();

    // Removing takes two presses, the second on a button that names the account.
    WebElement row = accountRow(admin, name).orElseThrow();
    row.findElement(By.cssSelector("button.remove")).click();
    WebElement confirm = row.findElement(By.cssSelector("button.danger"));
    assertEquals("Remove " + name, confirm.getText());
    assertEquals(confirm, adminBrowser.switchTo().activeElement());
    assertTrue(accountRow(admin, name).isPresent());
    confirm.click();
    admin.await(() -> accountRow(admin, name).isEmpty(), "the account to leave the list");

    // The member's next request finds the session gone, unless their stream found out first.
    try {
      member.add(article());
    } catch (InvalidElementStateException signedOutAlready) {
      // the form is hidden: the page is back at the sign-in form
    }
    member.await(() -> member.shows("signin-view"), "the removed member to be signed out");
    assertEquals("You were signed out.", member.text("signin-notice"));
  }

  @Test
  void theAccountMenuWorksFromTheKeyboard() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    WebElement button = browser.findElement(By.id("account-button"));
    Actions keys = new Actions(browser);

    page.script("arguments[0].focus()", button);
    keys.sendKeys(Keys.ENTER).perform();
    assertEquals("true", button.getAttribute("aria-expanded"));
    assertEquals("Tags", browser.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ARROW_DOWN).perform();
    assertEquals("Import and export", browser.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ARROW_DOWN).perform();
    assertEquals("Save from other pages", browser.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ARROW_DOWN).perform();
    assertEquals("API tokens", browser.switchTo().activeElement().getText());
    assertNotEquals(
        "none", page.script("return getComputedStyle(document.activeElement).outlineStyle"));
    keys.sendKeys(Keys.ESCAPE).perform();
    assertEquals("false", button.getAttribute("aria-expanded"));
    assertFalse(page.shows("account-menu"));
    assertEquals(button, browser.switchTo().activeElement());

    keys.sendKeys(Keys.ENTER).perform();
    keys.sendKeys(Keys.ARROW_UP).perform();
    assertEquals("Sign out", browser.switchTo().activeElement().getText());
    keys.sendKeys(Keys.ENTER).perform();
    page.await(() -> page.shows("signin-view"), "the sign-in form");
  }

  @Test
  void theWaysInAndThePanelsFitNarrowScreensInBothThemes() throws Exception {
    Path shots = Files.createDirectories(Path.of("target", "page-screenshots"));
    ChromeDriver browser = browser(360, 780);
    Page page = Page.load(browser, server.url.toString());
    assertFitsAndSave(page, shots, "360px-signin");
    page.signIn(TestAdmin.USER, TestAdmin.PASSWORD);
    page.awaitConnection("Live");
    browser.findElement(By.id("account-button")).click();
    assertFitsAndSave(page, shots, "360px-menu");
    page.choose("API tokens");
    page.await(() -> page.shows("tokens-dialog"), "the tokens panel");
    browser
        .findElement(By.id("token-name"))
        .sendKeys("a script with a rather long name", Keys.ENTER);
    page.await(() -> !secret(page).isEmpty(), "the new token's secret");
    assertFitsAndSave(page, shots, "360px-tokens");
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    page.choose("Accounts");
    page.await(() -> accountRow(page, TestAdmin.USER).isPresent(), "the accounts panel");
    assertFitsAndSave(page, shots, "360px-accounts");
  }

  private ChromeDriver browser(int width, int height) throws Exception {
    ChromeDriver browser =
        Chromium.start(dir.resolve("profile-" + unique.incrementAndGet()), width, height);
    browsers.add(browser);
    return browser;
  }

  private static void countStreams(ChromeDriver browser) {
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_STREAMS));
  }

  private static long openStreams(Page page) {
    return (Long)
        page.script(
            "return window.streams.filter(s => s.readyState !== EventSource.CLOSED).length");
  }

  /** The API paths the page has asked for, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> apiRequests(Page page) {
    return (List<String>)
        page.script(
            "return performance.getEntriesByType('resource')"
                + ".map(entry => new URL(entry.name).pathname)"
                + ".filter(path => path.startsWith('/api/'))");
  }

  private static String setupCode(ServerProcess fresh) throws Exception {
    return Eventually.value(
        Duration.ofSeconds(30),
        () -> {
          Matcher link = SETUP_LINK.matcher(fresh.log());
          return link.find() ? Optional.of(link.group(1)) : Optional.empty();
        },
        () -> "no setup link in the log of a server without accounts");
  }

  private static void setUp(Page page, String user, String password) {
    WebElement name = page.browser.findElement(By.id("setup-user"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = page.browser.findElement(By.id("setup-password"));
    secret.clear();
    secret.sendKeys(password, Keys.ENTER);
  }

  private static void changePassword(Page page, String current, String next) {
    WebElement old = page.browser.findElement(By.id("password-current"));
    old.clear();
    old.sendKeys(current);
    WebElement fresh = page.browser.findElement(By.id("password-new"));
    fresh.clear();
    fresh.sendKeys(next, Keys.ENTER);
  }

  /** Waits until the form has had its answer, and shows it in {@code message}. */
  private static void awaitMessage(Page page, String form, String message) {
    page.await(
        () ->
            page.browser.findElement(By.id(form)).getAttribute("aria-busy") == null
                && !page.text(message).isEmpty(),
        "an answer next to the form " + form);
  }

  private static void awaitMessage(Page page, String form) {
    awaitMessage(page, form, form + "-message");
  }

  private static String secret(Page page) {
    return page.browser.findElement(By.id("token-secret-value")).getAttribute("value");
  }

  private static List<WebElement> tokenRows(Page page, String name) {
    return page.browser.findElements(By.cssSelector("#token-list li")).stream()
        .filter(row -> row.findElement(By.cssSelector(".name strong")).getText().equals(name))
        .toList();
  }

  private static WebElement tokenRow(Page page, String name) {
    page.await(() -> tokenRows(page, name).size() == 1, "one listed token named " + name);
    return tokenRows(page, name).get(0);
  }

  private static Optional<WebElement> accountRow(Page page, String name) {
    return page.browser.findElements(By.cssSelector("#account-list li")).stream()
        .filter(row -> name.equals(row.getAttribute("data-name")))
        .findFirst();
  }

  private static int withToken(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("api/links"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return anonymous.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void assertFitsAndSave(Page page, Path shots, String name) throws Exception {
    ChromeDriver browser = (ChromeDriver) page.browser;
    for (String scheme : List.of("light", "dark")) {
      browser.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
      assertEquals(
          Boolean.TRUE,
          page.script("return document.documentElement.scrollWidth <= innerWidth"),
          name + " scrolls sideways");
      Files.write(
          shots.resolve(name + "-" + scheme + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  private static String article() {
    return origin.url("/article?n=" + unique.incrementAndGet());
  }
}
