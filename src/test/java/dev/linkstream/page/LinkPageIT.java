package dev.linkstream.page;

import static dev.linkstream.testing.ServerProcess.Runtime.PAYARA_MICRO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Documents;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.WebOrigin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The page in headless Chromium against the packaged WAR on Payara Micro, fetching from a loopback
 * origin. Screenshots of the desktop and the 360 px view go to {@code target/page-screenshots}.
 */
class LinkPageIT {

  private static final int HISTORY = 20;
  private static final String HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  private static final List<String> SETTINGS =
      List.of(
          "-Dlinkstream.fetch.retries=0",
          "-Dlinkstream.stream.retry=1s",
          "-Dlinkstream.stream.history=" + HISTORY);
  private static final AtomicInteger unique = new AtomicInteger();
  private static final AtomicBoolean flakyAnswers = new AtomicBoolean();
  private static final Semaphore held = new Semaphore(0);

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
            .route("/article", WebOrigin.page("text/html", article("An article worth keeping")))
            .route("/hostile", WebOrigin.page("text/html; charset=utf-8", hostilePage()))
            .route(
                "/report.pdf",
                WebOrigin.page("application/pdf", Documents.pdf("Quarterly report", null, 3)))
            .route(
                "/held",
                exchange -> {
                  // Answers once the test has seen the link pending.
                  boolean released = release(held);
                  WebOrigin.respond(
                      exchange,
                      released ? 200 : 503,
                      "text/html",
                      article("Held back a while").getBytes(StandardCharsets.UTF_8));
                })
            .route(
                "/flaky",
                exchange -> {
                  int status = flakyAnswers.get() ? 200 : 404;
                  WebOrigin.respond(
                      exchange,
                      status,
                      "text/html",
                      article("Back again").getBytes(StandardCharsets.UTF_8));
                });
    server =
        ServerProcess.start(PAYARA_MICRO, dir.resolve("data"), dir.resolve("server-1"), SETTINGS);
    // Its token is kept in the database, so it outlives the restart one test makes.
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
  void aLinkAddedInOneTabAppearsWithItsTitleInAnother() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page first = Page.open(browser, server.url);
    browser.switchTo().newWindow(WindowType.TAB);
    Page second = Page.open(browser, server.url);
    String url = article();

    first.focus().add(url);
    first.await(() -> first.field().getAttribute("value").isEmpty(), "the field to clear");

    WebElement row = second.focus().row(url, "fetched");
    WebElement title = row.findElement(By.cssSelector(".title"));
    assertEquals("An article worth keeping", title.getText());
    assertEquals("_blank", title.getAttribute("target"));
    assertEquals("noopener noreferrer", title.getAttribute("rel"));
    assertEquals("What it is about.", row.findElement(By.cssSelector(".description")).getText());
    assertEquals("127.0.0.1:" + origin.port(), row.findElement(By.cssSelector(".host")).getText());
    assertTrue(second.sameDocument(), "the second tab was reloaded");
    second.await(
        () ->
            second
                .script("return document.getElementById(\"announcer\").textContent")
                .toString()
                .contains("An article"),
        "the new title to be announced");
    first.focus().row(url, "fetched");
  }

  @Test
  void aLinkShowsThatItIsBeingFetchedUntilItsPageArrives() throws Exception {
    Page page = Page.open(browser(1280, 900), server.url);
    String url = origin.url("/held?n=" + unique.incrementAndGet());

    page.add(url);

    WebElement pending = page.row(url, "pending");
    assertEquals("Fetching…", pending.findElement(By.cssSelector(".chip")).getText());
    assertEquals(url, pending.findElement(By.cssSelector(".title")).getText());
    held.release();
    assertEquals(
        "Held back a while",
        page.row(url, "fetched").findElement(By.cssSelector(".title")).getText());
  }

  @Test
  void aFailedLinkShowsItsReasonAndRetryFetchesItAgain() throws Exception {
    Page page = Page.open(browser(1280, 900), server.url);
    String url = origin.url("/flaky?n=" + unique.incrementAndGet());
    flakyAnswers.set(false);

    page.add(url);

    WebElement failed = page.row(url, "failed");
    assertEquals("Failed", failed.findElement(By.cssSelector(".chip")).getText());
    assertEquals(
        "Could not fetch it: HTTP 404 Not Found",
        failed.findElement(By.cssSelector(".reason")).getText());
    flakyAnswers.set(true);
    failed.findElement(By.cssSelector("button.retry")).click();
    WebElement fetched = page.row(url, "fetched");
    assertEquals("Back again", fetched.findElement(By.cssSelector(".title")).getText());
    assertTrue(fetched.findElements(By.cssSelector(".reason, button.retry")).isEmpty());
  }

  @Test
  void aHostileTitleIsShownAsTextAndNoScriptRuns() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String url = origin.url("/hostile?n=" + unique.incrementAndGet());

    page.add(url);

    WebElement row = page.row(url, "fetched");
    assertEquals(HOSTILE, row.findElement(By.cssSelector(".title")).getText());
    assertEquals(
        "<b onmouseover=alert(3)>bold</b>",
        row.findElement(By.cssSelector(".description")).getText());
    new Actions(browser).moveToElement(row.findElement(By.cssSelector(".description"))).perform();
    assertTrue(
        browser.findElements(By.cssSelector("#links img, #links script, #links b")).isEmpty());
    assertNoDialog(browser);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page.open(browser, server.url);
    String origin = "http://127.0.0.1:" + server.port() + "/";
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            browser.executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name)");
    assertFalse(loaded.isEmpty());
    loaded.forEach(resource -> assertTrue(resource.startsWith(origin), resource));
  }

  @Test
  void invalidInputIsExplainedNextToTheFieldAndNothingIsLost() throws Exception {
    Page page = Page.open(browser(1280, 900), server.url);

    page.add("not a link at all");
    page.await(
        () -> page.message().startsWith("That is not a link"),
        () -> "the input to be refused, not: " + page.message());
    assertEquals("true", page.field().getAttribute("aria-invalid"));
    assertEquals("not a link at all", page.field().getAttribute("value"));

    page.add("ftp://example.org/file");
    page.await(
        () -> page.message().equals("Only http and https links can be added."),
        () -> "the scheme to be refused, not: " + page.message());

    page.add("http://user:secret@127.0.0.1/");
    page.await(
        () -> page.message().contains("user name"),
        () -> "the server's reason, not: " + page.message());
    assertEquals("http://user:secret@127.0.0.1/", page.field().getAttribute("value"));

    page.field().sendKeys("x");
    assertEquals(null, page.field().getAttribute("aria-invalid"));
  }

  @Test
  void aKeyboardAloneAddsDeletesAndUndoesADeletion() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String url = article();

    Actions keys = new Actions(browser);
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("url", browser.switchTo().activeElement().getAttribute("id"));
    assertNotEquals(
        "none", page.script("return getComputedStyle(document.activeElement).outlineStyle"));
    keys.sendKeys(url, Keys.ENTER).perform();
    page.row(url, "fetched");

    focusDeleteButton(browser, url);
    keys.sendKeys(Keys.ENTER).perform();
    page.awaitGone(url);
    assertEquals("undo-button", browser.switchTo().activeElement().getAttribute("id"));
    keys.sendKeys(Keys.ENTER).perform();
    page.row(url, "fetched");
    String stored = "api/links/" + idOf(page.rows(url).get(0));
    assertEquals(200, api.status(stored));

    focusDeleteButton(browser, url);
    keys.sendKeys(Keys.ENTER).perform();
    page.awaitGone(url);
    page.await(() -> api.status(stored) == 404, "the removal to reach the server");
  }

  @Test
  void aLinkIsReadArchivedAndBroughtBackWithClicksOrKeysAndTheUnreadCountFollows()
      throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String url = article();
    page.add(url);
    assertEquals("unread", state(page.row(url, "fetched")));
    page.await(() -> unread(page) == api.counts().getInt("unread"), "the unread count");
    int before = unread(page);

    page.rows(url).get(0).findElement(By.cssSelector("button.read")).click();
    page.await(() -> "read".equals(state(page.rows(url).get(0))), "the link to be read");
    page.await(() -> unread(page) == before - 1, "the unread count to go down");
    assertEquals(
        before == 1 ? "Linkstream" : "(" + (before - 1) + ") Linkstream", browser.getTitle());

    Actions keys = new Actions(browser);
    page.script(
        "arguments[0].focus()", page.rows(url).get(0).findElement(By.cssSelector(".title")));
    keys.sendKeys("u").perform();
    page.await(() -> "unread".equals(state(page.rows(url).get(0))), "u to mark it unread");
    keys.sendKeys("e").perform();
    page.awaitGone(url);
    assertEquals("archived", api.link(idOf(url)).getString("state"));

    browser.findElement(By.cssSelector("#views a[data-view=archived]")).click();
    page.row(url, "fetched");
    assertTrue(browser.getCurrentUrl().endsWith("?view=archived"), browser.getCurrentUrl());
    assertEquals("page", tab(browser, "archived").getAttribute("aria-current"));
    assertTrue(page.sameDocument(), "choosing a view reloaded the page");
    page.rows(url).get(0).findElement(By.cssSelector("button.inbox")).click();
    page.awaitGone(url);
    assertEquals("read", api.link(idOf(url)).getString("state"));

    // A view is an address: opened anew, the page shows that view.
    Page bookmarked = Page.load(browser, server.url + "?view=unread");
    bookmarked.awaitConnection("Live");
    assertEquals("page", tab(browser, "unread").getAttribute("aria-current"));
    bookmarked.awaitGone(url);
    browser.navigate().back();
    page.await(() -> tab(browser, "archived").getAttribute("aria-current") != null, "back");
  }

  @Test
  void aLinkIsRetitledAndNotedInPlaceWhileItsFetchEndsAndEveryPageShowsIt() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page first = Page.open(browser, server.url);
    browser.switchTo().newWindow(WindowType.TAB);
    Page second = Page.open(browser, server.url);
    String url = origin.url("/held?n=" + unique.incrementAndGet());
    first.focus().add(url);

    first.row(url, "pending").findElement(By.cssSelector("button.edit")).click();
    browser.switchTo().activeElement().sendKeys("My own title");
    held.release();
    second.focus().row(url, "fetched");
    first.focus();
    WebElement form = first.rows(url).get(0).findElement(By.cssSelector("form.editor"));
    assertEquals("My own title", form.findElement(By.name("title")).getAttribute("value"));
    form.findElement(By.name("note")).sendKeys("First <b>line</b>", Keys.ENTER, "second line");
    form.findElement(By.name("note")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

    for (Page page : List.of(first, second)) {
      page.focus()
          .await(
              () -> "My own title".equals(title(page.row(url, "fetched"))),
              "the person's title on every page");
      assertEquals(
          "First <b>line</b>\nsecond line",
          page.rows(url).get(0).findElement(By.cssSelector(".link-note")).getText());
    }
    first.focus();
    assertEquals("edit", browser.switchTo().activeElement().getAttribute("data-action"));

    first.rows(url).get(0).findElement(By.cssSelector("button.edit")).click();
    browser.switchTo().activeElement().sendKeys("Not saved", Keys.ESCAPE);
    first.await(() -> first.rows(url).get(0).findElements(By.cssSelector("form")).isEmpty(), "Esc");
    assertEquals("My own title", title(first.rows(url).get(0)));

    first.rows(url).get(0).findElement(By.cssSelector("button.edit")).click();
    WebElement field = browser.switchTo().activeElement();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
    first.await(
        () -> "Held back a while".equals(title(first.rows(url).get(0))),
        "the fetched title back once the person's is cleared");
  }

  @Test
  void tagsAreGivenInTheEditorWithSuggestionsAndATagShowsOnlyItsLinks() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String tag = "t" + unique.incrementAndGet() + "x";
    String tagged = article();
    String other = article();
    submit(other);
    page.add(tagged);
    page.row(other, "fetched");

    page.row(tagged, "fetched").findElement(By.cssSelector("button.edit")).click();
    page.rows(tagged).get(0).findElement(By.name("tags")).sendKeys("Reading, " + tag, Keys.ENTER);
    page.await(() -> tags(page.rows(tagged).get(0)).equals(List.of("reading", tag)), "the tags");

    page.rows(other).get(0).findElement(By.cssSelector("button.edit")).click();
    WebElement field = page.rows(other).get(0).findElement(By.name("tags"));
    field.sendKeys("java, " + tag.substring(0, 2));
    page.await(
        () ->
            !page.rows(other)
                .get(0)
                .findElements(By.cssSelector("datalist option[value=\"java, " + tag + "\"]"))
                .isEmpty(),
        "the tag in use to be suggested");
    field.sendKeys(Keys.ESCAPE);

    page.rows(tagged)
        .get(0)
        .findElement(By.cssSelector("button.tag[data-tag=\"" + tag + "\"]"))
        .click();
    page.awaitGone(other);
    assertEquals(1, page.rows(tagged).size());
    assertTrue(browser.getCurrentUrl().endsWith("?tag=" + tag), browser.getCurrentUrl());
    browser.findElement(By.cssSelector("#tag-filters button")).click();
    page.row(other, "fetched");
    assertFalse(page.shows("tag-filters"));
  }

  @Test
  void aSearchTypedAfterSlashFiltersTheListLiveAndCanBeBookmarked() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String word = "s" + unique.incrementAndGet() + "q";
    String found = article();
    String other = article();
    api.submit(found, word + "-café");
    long otherId = api.submit(other).getJsonNumber("id").longValue();
    page.row(found, "fetched");
    page.row(other, "fetched");

    browser.findElement(By.tagName("body")).sendKeys("/");
    WebElement box = browser.switchTo().activeElement();
    assertEquals("q", box.getAttribute("id"));
    box.sendKeys(word.toUpperCase(Locale.ROOT) + " CAFE");
    new Actions(browser).moveToElement(box).perform();
    page.awaitGone(other);
    assertEquals(1, page.rows(found).size());
    page.await(() -> browser.getCurrentUrl().contains("q="), "the search in the address");

    api.change(otherId, "note", "Also about " + word + " cafés");
    page.await(() -> page.rows(other).size() == 1, "a link that now matches to join the list");
    api.change(otherId, "note", "About something else");
    page.awaitGone(other);

    Page bookmarked = Page.open(browser, URI.create(browser.getCurrentUrl()).toURL());
    bookmarked.row(found, "fetched");
    assertTrue(bookmarked.rows(other).isEmpty(), "the bookmarked search lists only what it finds");
    assertEquals(word.toUpperCase(Locale.ROOT) + " CAFE", box(browser).getAttribute("value"));

    box(browser).sendKeys(Keys.ESCAPE);
    bookmarked.row(other, "fetched");
    assertFalse(browser.getCurrentUrl().contains("q="), browser.getCurrentUrl());
  }

  private static WebElement box(ChromeDriver browser) {
    return browser.findElement(By.id("q"));
  }

  @Test
  void aBookmarkFileIsImportedWithItsProgressShownAndItsLinksAppearLive() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    List<String> urls = List.of(article(), article(), article());
    Path file = dir.resolve("bookmarks-" + unique.incrementAndGet() + ".html");
    StringBuilder bookmarks = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
    urls.forEach(url -> bookmarks.append("<DT><A HREF=\"").append(url).append("\">B</A>\n"));
    bookmarks.append("<DT><A HREF=\"javascript:alert(1)\">Bookmarklet</A>\n</DL><p>\n");
    Files.writeString(file, bookmarks);

    page.choose("Import and export");
    browser.findElement(By.id("import-file")).sendKeys(file.toString());
    browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();

    page.await(
        () -> page.text("import-fetched-text").equals("Done: 3 fetched."), "the import to end");
    assertEquals(
        "4 of 4 entries: 3 added, 0 already here, 1 not links.", page.text("import-stored-text"));
    assertTrue(page.text("import-problems").startsWith("Bookmarklet (javascript:alert(1))"));
    assertTrue(
        browser
            .findElement(By.id("export-netscape"))
            .getAttribute("href")
            .endsWith("format=netscape"));
    browser.findElement(By.cssSelector("#bookmarks-dialog [data-close]")).click();
    urls.forEach(url -> page.row(url, "fetched"));
  }

  @Test
  void theBookmarkletAndTheShareTargetSaveAPageWithItsTitle() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    page.choose("Save from other pages");
    String bookmarklet =
        (String) page.script("return document.getElementById('bookmarklet').getAttribute('href')");
    assertTrue(bookmarklet.startsWith("javascript:"), bookmarklet);

    String elsewhere = article();
    browser.get(elsewhere);
    // Clicked on that page, the bookmarklet opens a window; here its address is kept instead.
    String opened =
        (String)
            browser.executeScript(
                "let opened; window.open = (address) => (opened = address);"
                    + bookmarklet.substring("javascript:".length())
                    + "; return opened;");
    browser.get(opened);
    page.await(() -> page.text("save-status").equals("Saved to your inbox."), "the save");
    assertEquals(1, api.linksTo(elsewhere).size());

    String shared = article();
    browser.get(
        server.url
            + "save.html?title=Shared&text="
            + URLEncoder.encode("Look: " + shared, StandardCharsets.UTF_8));
    page.await(
        () -> page.text("save-status").equals("Saved to your inbox."), "the shared link saved");
    assertEquals(1, api.linksTo(shared).size());
  }

  @Test
  void linksSelectedWithAClickAndAShiftClickAreArchivedAtOnce() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    List<String> urls = List.of(article(), article(), article());
    List<Long> ids = new ArrayList<>();
    for (String url : urls) {
      ids.add(submit(url).getJsonNumber("id").longValue());
      page.row(url, "fetched");
    }

    page.rows(urls.get(2)).get(0).findElement(By.cssSelector("input.select")).click();
    new Actions(browser)
        .keyDown(Keys.SHIFT)
        .click(page.rows(urls.get(0)).get(0).findElement(By.cssSelector("input.select")))
        .keyUp(Keys.SHIFT)
        .perform();
    assertEquals("3 selected", page.text("bulk-count"));
    browser.findElement(By.cssSelector("#bulk [data-state=archived]")).click();

    urls.forEach(page::awaitGone);
    assertFalse(page.shows("bulk"));
    for (long id : ids) {
      assertEquals("archived", api.link(id).getString("state"));
    }
  }

  @Test
  void aTagIsRenamedAndTakenOffEveryLinkInTheTagsPanel() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String tag = "t" + unique.incrementAndGet() + "y";
    String url = article();
    api.submit(url, tag);
    page.await(() -> tags(page.row(url, "fetched")).equals(List.of(tag)), "the tagged link");

    page.choose("Tags");
    panelRow(browser, tag).findElement(By.cssSelector("button.rename")).click();
    browser.switchTo().activeElement().sendKeys(tag + " Renamed", Keys.ENTER);
    String renamed = tag + " renamed";
    page.await(() -> tags(page.rows(url).get(0)).equals(List.of(renamed)), "the new name");
    page.await(() -> !browser.findElements(By.cssSelector("#tag-list li")).isEmpty(), "the list");

    panelRow(browser, renamed).findElement(By.cssSelector("button.remove")).click();
    panelRow(browser, renamed).findElement(By.cssSelector("button.danger")).click();
    page.await(() -> tags(page.rows(url).get(0)).isEmpty(), "the tag taken off the link");
    page.await(
        () ->
            browser
                .findElements(By.cssSelector("#tag-list li[data-tag=\"" + renamed + "\"]"))
                .isEmpty(),
        "the tag gone from the panel");
  }

  @Test
  void aChangeFromAnotherPageNeverMovesTheRowsUnderThePointer() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    String archived = article();
    String staying = article();
    long archivedId = submit(archived).getJsonNumber("id").longValue();
    submit(staying);
    page.row(archived, "fetched");
    page.row(staying, "fetched");

    new Actions(browser).moveToElement(page.rows(staying).get(0)).perform();
    api.mark(archivedId, "archived");
    page.await(
        () -> page.rows(archived).get(0).getAttribute("class").contains("leaving"),
        "the archived row to stay, dimmed, under the pointer");
    String added = article();
    submit(added);
    page.await(() -> page.shows("waiting"), "the new link to wait for the pointer");
    assertTrue(page.rows(added).isEmpty(), "a new row moved the rows under the pointer");
    assertEquals("Show 1 new link", page.text("waiting"));

    new Actions(browser).moveToElement(page.field()).perform();
    page.awaitGone(archived);
    page.await(() -> page.rows(added).size() == 1, "the new link once the pointer has left");
    assertFalse(page.shows("waiting"));
    assertEquals(1, page.rows(staying).size());
  }

  @Test
  void olderLinksLoadWhenTheListIsScrolledToItsEnd() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      urls.add(article());
      submit(urls.get(n));
    }
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    assertEquals(1, page.rows(urls.get(59)).size());
    assertTrue(page.rows(urls.get(0)).isEmpty(), "the first page held more than 50 links");

    page.await(
        () -> {
          page.script("window.scrollTo(0, document.body.scrollHeight)");
          return page.rows(urls.get(0)).size() == 1;
        },
        "the oldest of them after scrolling");
    List<Long> ids =
        browser.findElements(By.cssSelector("#links li")).stream().map(LinkPageIT::idOf).toList();
    assertEquals(ids.stream().distinct().sorted((a, b) -> Long.compare(b, a)).toList(), ids);
  }

  @Test
  void afterARestartThePageReconnectsByItselfAndShowsWhatWasAddedMeanwhile() throws Exception {
    Page page = Page.open(browser(1280, 900), server.url);
    String before = article();
    page.add(before);
    page.row(before, "fetched");

    int port = server.port();
    server.close();
    page.await(() -> !page.connection().equals("Live"), "the page to notice the stop");
    server =
        ServerProcess.start(
            PAYARA_MICRO, dir.resolve("data"), dir.resolve("server-2"), SETTINGS, port);
    String meanwhile = article();
    submit(meanwhile);

    page.row(meanwhile, "fetched");
    page.awaitConnection("Live");
    assertEquals(1, page.rows(before).size());
    assertTrue(page.sameDocument(), "the page was reloaded");
  }

  @Test
  void offlineIsShownAndAfterALongAbsenceThePageLoadsTheListAgain() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page page = Page.open(browser, server.url);
    browser.executeCdpCommand("Network.enable", Map.of());

    network(browser, false);
    page.awaitConnection("Offline");
    // The history is pruned every 100 events: 60 links, a pending and a fetched event each, are
    // sure to leave the page's last event out of it.
    List<String> missed = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      missed.add(article());
      submit(missed.get(n));
    }
    page.await(() -> noneIsPending(), "every missed link to be fetched");
    network(browser, true);

    page.awaitConnection("Live");
    // The list starts over with its first page, the newest 50.
    missed.subList(10, 60).forEach(url -> page.row(url, "fetched"));
    assertTrue(page.sameDocument(), "the page was reloaded");
    assertEquals(
        2L,
        page.script(
            "return performance.getEntriesByType('resource')"
                + ".filter(entry => new URL(entry.name).pathname.endsWith('/api/links')).length"),
        "the list was not loaded again after the reset");
  }

  @Test
  void desktopAndNarrowScreensShowEverythingInBothThemes() throws Exception {
    String pdf = origin.url("/report.pdf?n=" + unique.incrementAndGet());
    submit(pdf);
    flakyAnswers.set(false);
    submit(origin.url("/flaky?n=" + unique.incrementAndGet()));
    submit(article());
    Path shots = Files.createDirectories(Path.of("target", "page-screenshots"));

    for (var size :
        Map.of("desktop", new int[] {1280, 900}, "360px", new int[] {360, 780}).entrySet()) {
      ChromeDriver browser = browser(size.getValue()[0], size.getValue()[1]);
      Page page = Page.open(browser, server.url);
      WebElement row = page.row(pdf, "fetched");
      assertEquals("PDF · 3 pages", row.findElement(By.cssSelector(".badge")).getText());
      assertEquals(
          Boolean.TRUE,
          page.script("return document.documentElement.scrollWidth <= innerWidth"),
          "the page scrolls sideways at " + size.getKey());
      String light =
          page.script("return getComputedStyle(document.body).backgroundColor").toString();
      save(browser, shots.resolve(size.getKey() + "-light.png"));
      browser.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      String dark =
          page.script("return getComputedStyle(document.body).backgroundColor").toString();
      assertNotEquals(light, dark, "the dark theme looks like the light one");
      save(browser, shots.resolve(size.getKey() + "-dark.png"));
    }
  }

  @Test
  void relativeTimesReadNaturally() throws Exception {
    ChromeDriver browser = browser(1280, 900);
    Page.open(browser, server.url);
    Object said =
        browser.executeAsyncScript(
            "const done = arguments[0];"
                + "import('./js/times.js').then(({ ago }) => {"
                + "  const now = Date.parse('2026-11-25T12:00:00Z');"
                + "  done([10, 90, 3 * 3600, 26 * 3600, 40 * 86400]"
                + "    .map(s => ago(new Date(now - s * 1000).toISOString(), now)));"
                + "});");
    assertEquals(
        List.of("just now", "1 minute ago", "3 hours ago", "yesterday", "last month"), said);
  }

  private ChromeDriver browser(int width, int height) throws Exception {
    ChromeDriver browser =
        Chromium.start(dir.resolve("profile-" + unique.incrementAndGet()), width, height);
    browsers.add(browser);
    return browser;
  }

  private static void focusDeleteButton(ChromeDriver browser, String url) {
    Actions keys = new Actions(browser);
    for (int n = 0; n < 200; n++) {
      WebElement focused = browser.switchTo().activeElement();
      if ("delete".equals(focused.getAttribute("data-action"))
          && focused
                  .findElement(By.xpath("ancestor::li"))
                  .findElements(By.cssSelector("a.title[href=\"" + url + "\"]"))
                  .size()
              == 1) {
        return;
      }
      keys.sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached the delete button of " + url);
  }

  private static void network(ChromeDriver browser, boolean online) {
    browser.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static void assertNoDialog(ChromeDriver browser) {
    try {
      String text = browser.switchTo().alert().getText();
      throw new AssertionError("a script from the page ran and opened a dialog: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static boolean release(Semaphore semaphore) {
    try {
      // Within the fetch timeout (10 s), with room for a slow machine between add and release.
      return semaphore.tryAcquire(8, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void save(ChromeDriver browser, Path file) throws Exception {
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
  }

  private static String title(WebElement row) {
    return row.findElement(By.cssSelector(".title")).getText();
  }

  private static WebElement panelRow(ChromeDriver browser, String tag) {
    return browser.findElement(By.cssSelector("#tag-list li[data-tag=\"" + tag + "\"]"));
  }

  private static List<String> tags(WebElement row) {
    return row.findElements(By.cssSelector("button.tag")).stream()
        .map(chip -> chip.getAttribute("data-tag"))
        .toList();
  }

  private static String state(WebElement row) {
    return row.getAttribute("data-state");
  }

  private static int unread(Page page) {
    String count = page.text("unread-count");
    return count.isEmpty() ? 0 : Integer.parseInt(count);
  }

  private static WebElement tab(ChromeDriver browser, String view) {
    return browser.findElement(By.cssSelector("#views a[data-view=" + view + "]"));
  }

  private static long idOf(String url) throws Exception {
    return Json.createReader(new StringReader(api.get("api/links?limit=500").body()))
        .readArray()
        .stream()
        .map(link -> link.asJsonObject())
        .filter(link -> url.equals(link.getString("url")))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static long idOf(WebElement row) {
    return Long.parseLong(row.getAttribute("id").substring("link-".length()));
  }

  private static String article() {
    return origin.url("/article?n=" + unique.incrementAndGet());
  }

  private static String article(String title) {
    return "<!doctype html><html><head><title>"
        + title
        + "</title><meta name=description content=\"What it is about.\"></head><body></body></html>";
  }

  private static String hostilePage() {
    return "<!doctype html><html><head><title>"
        + HOSTILE.replace("<", "&lt;").replace(">", "&gt;")
        + "</title><meta name=description content=\"&lt;b onmouseover=alert(3)&gt;bold&lt;/b&gt;\">"
        + "</head><body></body></html>";
  }

  private static JsonObject submit(String url) throws Exception {
    return api.submit(url);
  }

  private static boolean noneIsPending() {
    try {
      return Json.createReader(new StringReader(api.get("api/links?limit=500").body()))
          .readArray()
          .stream()
          .noneMatch(link -> "pending".equals(link.asJsonObject().getString("status")));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
