package dev.linkstream.page;

import dev.linkstream.testing.TestAdmin;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Linkstream page in one browser tab, as a person uses it. */
final class Page {

  static final Duration DEADLINE = Duration.ofSeconds(30);

  final WebDriver browser;
  private final String handle;

  private Page(WebDriver browser) {
    this.browser = browser;
    this.handle = browser.getWindowHandle();
  }

  /**
   * Opens the page in the browser's current tab, signs in as the test admin if it asks (a browser
   * signed in already, in another tab, does not), and waits until its stream is live.
   */
  static Page open(WebDriver browser, URL server) {
    return open(browser, server, TestAdmin.USER, TestAdmin.PASSWORD);
  }

  static Page open(WebDriver browser, URL server, String user, String password) {
    Page page = load(browser, server.toString());
    if (page.shows("signin-view")) {
      page.signIn(user, password);
    }
    page.awaitConnection("Live");
    // Gone after a reload, so a test can tell that the page kept itself current without one.
    page.script("window.sameDocument = true");
    return page;
  }

  /**
   * Opens {@code address} in the current tab, signing nobody in, and waits until the page has asked
   * the server who is signed in: until it shows the inbox or one of the ways in.
   */
  static Page load(WebDriver browser, String address) {
    browser.get(address);
    Page page = new Page(browser);
    page.await(
        () -> page.shows("inbox") || page.shows("signin-view") || page.shows("setup-view"),
        "the page to show the inbox or a way in");
    return page;
  }

  /** Whether the element with that id is there and shown. */
  boolean shows(String id) {
    List<WebElement> found = browser.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  /** Fills in the sign-in form and presses Enter, as a person does. */
  void signIn(String user, String password) {
    WebElement name = browser.findElement(By.id("signin-user"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = browser.findElement(By.id("signin-password"));
    secret.clear();
    secret.sendKeys(password, Keys.ENTER);
  }

  /** The text of the element with that id, as shown. */
  String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** Opens the account menu and chooses {@code item}, such as "API tokens". */
  void choose(String item) {
    WebElement button = browser.findElement(By.id("account-button"));
    if (!"true".equals(button.getAttribute("aria-expanded"))) {
      button.click();
    }
    WebElement choice =
        browser.findElement(
            By.xpath("//ul[@id='account-menu']//button[normalize-space()='" + item + "']"));
    choice.click();
  }

  Page focus() {
    browser.switchTo().window(handle);
    return this;
  }

  /** Types a link into the form and presses Enter. */
  void add(String url) {
    WebElement field = field();
    field.clear();
    field.sendKeys(url, Keys.ENTER);
  }

  WebElement field() {
    return browser.findElement(By.id("url"));
  }

  String message() {
    return browser.findElement(By.id("url-message")).getText();
  }

  String connection() {
    return browser.findElement(By.id("connection-text")).getText();
  }

  void awaitConnection(String state) {
    await(() -> state.equals(connection()), "the connection to be shown as " + state);
  }

  /** The list items whose title links to {@code url}. */
  List<WebElement> rows(String url) {
    return browser
        .findElements(By.cssSelector("#links li:not([hidden]) a.title[href=\"" + url + "\"]"))
        .stream()
        .map(title -> title.findElement(By.xpath("ancestor::li")))
        .toList();
  }

  /** The one list item for {@code url}, once it shows {@code status}. */
  WebElement row(String url, String status) {
    await(
        () -> {
          List<WebElement> rows = rows(url);
          return rows.size() == 1 && status.equals(rows.get(0).getAttribute("data-status"));
        },
        "one row for " + url + " with status " + status);
    return rows(url).get(0);
  }

  void awaitGone(String url) {
    await(() -> rows(url).isEmpty(), "no row for " + url);
  }

  boolean sameDocument() {
    return Boolean.TRUE.equals(script("return window.sameDocument === true"));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  void await(BooleanSupplier condition, String what) {
    await(condition, () -> what);
  }

  void await(BooleanSupplier condition, Supplier<String> what) {
    new WebDriverWait(browser, DEADLINE)
        // A row is drawn anew with each change, so one found a moment ago may be gone already.
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "waited for " + what.get())
        .until(ignored -> condition.getAsBoolean());
  }
}
