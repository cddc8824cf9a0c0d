package dev.linkstream.page;

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

  /** Opens the page in the browser's current tab and waits until its stream is live. */
  static Page open(WebDriver browser, URL server) {
    browser.get(server.toString());
    Page page = new Page(browser);
    page.awaitConnection("Live");
    // Gone after a reload, so a test can tell that the page kept itself current without one.
    page.script("window.sameDocument = true");
    return page;
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
