package dev.linkstream.fetching.control;

import static dev.linkstream.testing.WebOrigin.page;
import static dev.linkstream.testing.WebOrigin.redirect;
import static dev.linkstream.testing.WebOrigin.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.testing.Documents;
import dev.linkstream.testing.WebOrigin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole fetch, from URL to result, against origins on loopback. */
class TitleFetcherTest {

  private static final String HTML = "text/html; charset=utf-8";
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final WebOrigin origin = new WebOrigin();
  private final Map<String, String> headers = new ConcurrentHashMap<>();
  private TitleFetcher fetcher = fetcher(Optional.empty());

  TitleFetcherTest() throws IOException {}

  @AfterEach
  void close() {
    fetcher.stop();
    origin.close();
    timer.shutdownNow();
  }

  @Test
  void readsAPageAndIntroducesItself() throws Exception {
    origin.route(
        "/story",
        exchange -> {
          headers.put("agent", exchange.getRequestHeaders().getFirst("User-Agent"));
          headers.put("language", exchange.getRequestHeaders().getFirst("Accept-Language"));
          WebOrigin.respond(exchange, 200, HTML, storyPage());
        });
    FetchResult result = fetch("/story");
    assertEquals("The Story", result.title());
    assertEquals("text/html", result.contentType());
    assertEquals("A story.", result.details().description());
    assertEquals(origin.url("/icon.png"), result.details().iconUrl());
    assertEquals("TestAgent/1.0", headers.get("agent"));
    assertEquals("de;q=0.9", headers.get("language"));
  }

  @Test
  void readsAPdfsOwnTitleAndPageCount() throws Exception {
    origin.route("/paper.pdf", page("application/pdf", Documents.pdf("On Streams", "Intro", 3)));
    FetchResult result = fetch("/paper.pdf");
    assertEquals("On Streams", result.title());
    assertEquals("application/pdf", result.contentType());
    assertEquals(3, result.details().pageCount());
  }

  @Test
  void namesAnUntitledPdfByItsFirstLineThenByItsFileName() throws Exception {
    origin.route("/a.pdf", page("application/pdf", Documents.pdf(null, "A First Line", 1)));
    origin.route("/blank.pdf", page("application/pdf", Documents.pdf(null, null, 2)));
    origin.route("/broken.pdf", page("application/pdf", "%PDF-1.7 not really"));
    assertEquals("A First Line", fetch("/a.pdf").title());
    assertEquals("blank.pdf", fetch("/blank.pdf").title());
    assertEquals(2, fetch("/blank.pdf").details().pageCount());
    FetchResult broken = fetch("/broken.pdf");
    assertEquals("broken.pdf", broken.title());
    assertNull(broken.details().pageCount());
  }

  @Test
  void recognisesAPdfServedAsOctetStreamOrWithoutAType() throws Exception {
    byte[] pdf = Documents.pdf("Sniffed", null, 1);
    origin.route("/download", page("application/octet-stream", pdf));
    origin.route("/untyped", exchange -> WebOrigin.respond(exchange, 200, "", pdf));
    assertEquals("Sniffed", fetch("/download").title());
    assertEquals("application/pdf", fetch("/untyped").contentType());
  }

  @Test
  void namesAPdfTooLargeToReadByItsFileName() throws Exception {
    fetcher.stop();
    fetcher = fetcher(Optional.empty(), 1024);
    origin.route("/big.pdf", page("application/pdf", Documents.pdf("Big", "x", 40)));
    FetchResult result = fetch("/big.pdf");
    assertEquals("big.pdf", result.title());
    assertEquals("application/pdf", result.contentType());
  }

  @Test
  void neverParsesOtherTypesAsHtml() throws Exception {
    String markup = "<title>Not a title</title>";
    origin.route("/photo.png", page("image/png", markup));
    origin.route("/notes.txt", page("text/plain; charset=utf-8", "\n\n  Shopping list \nmilk"));
    origin.route("/clip.mp4", page("video/mp4", markup));
    origin.route("/data", exchange -> WebOrigin.respond(exchange, 200, "", new byte[] {1, 2, 3}));
    assertEquals(new Named("photo.png", "image/png"), named(fetch("/photo.png")));
    assertEquals(new Named("Shopping list", "text/plain"), named(fetch("/notes.txt")));
    assertEquals(new Named("clip.mp4", "video/mp4"), named(fetch("/clip.mp4")));
    assertEquals(new Named("data", "application/octet-stream"), named(fetch("/data")));
  }

  @Test
  void readsAnUntypedPageThatLooksLikeHtml() throws Exception {
    origin.route("/old", exchange -> WebOrigin.respond(exchange, 200, "", storyPage()));
    assertEquals(new Named("The Story", "text/html"), named(fetch("/old")));
  }

  @Test
  void followsRedirectsRelativeAndAbsolute() throws Exception {
    origin.route("/one", redirect(301, "two"));
    origin.route("/two", redirect(302, origin.url("/three")));
    origin.route("/three", redirect(308, "/story"));
    origin.route("/story", page(HTML, storyPage()));
    assertEquals("The Story", fetch("/one").title());
  }

  @Test
  void stopsAtARedirectLoopOrTooManyRedirects() throws Exception {
    origin.route("/ping", redirect(302, "/pong"));
    origin.route("/pong", redirect(302, "/ping"));
    for (int hop = 0; hop < 6; hop++) {
      origin.route("/hop" + hop, redirect(302, "/hop" + (hop + 1)));
    }
    origin.route("/hop6", page(HTML, storyPage()));
    assertEquals("redirect loop", failure("/ping").reason());
    assertEquals("more than 5 redirects", failure("/hop0").reason());
    assertEquals("The Story", fetch("/hop1").title());
  }

  @Test
  void vetsEveryRedirectLikeTheFirstUrl() throws Exception {
    try (WebOrigin inside = new WebOrigin("127.0.0.2")) {
      inside.route("/", page(HTML, storyPage()));
      origin.route("/out", redirect(302, "http://127.0.0.2:" + inside.port() + "/"));
      origin.route("/ftp", redirect(302, "ftp://files.test/x"));
      origin.route("/creds", redirect(302, "http://user:pw@127.0.0.1:" + origin.port() + "/"));
      assertEquals("address not allowed", failure("/out").reason());
      assertEquals(0, inside.requests());
      assertEquals("redirect to an invalid or unsupported URL", failure("/ftp").reason());
      assertEquals("redirect to an invalid or unsupported URL", failure("/creds").reason());
    }
  }

  @Test
  void refusesANameWithAnyForbiddenAddressBeforeConnecting() throws Exception {
    origin.route("/", page(HTML, storyPage()));
    FetchFailure failure = failureAt("http://mixed.test:" + origin.port() + "/");
    assertEquals("address not allowed", failure.reason());
    assertFalse(failure.isPassing());
    assertEquals(0, origin.requests());
    assertEquals(
        "The Story", fetcher.fetch(link("http://good.test:" + origin.port() + "/")).title());
  }

  @Test
  void ignoresProxySettings() throws Exception {
    origin.route("/story", page(HTML, storyPage()));
    try (WebOrigin proxy = new WebOrigin()) {
      proxy.route("/", page(HTML, "<title>via proxy</title>"));
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
      fetcher.stop();
      fetcher = fetcher(Optional.empty());
      assertEquals("The Story", fetch("/story").title());
      assertEquals(0, proxy.requests());
    } finally {
      System.clearProperty("http.proxyHost");
      System.clearProperty("http.proxyPort");
    }
  }

  @Test
  void fetchesOnlyFromAllowedPorts() throws Exception {
    fetcher.stop();
    fetcher = fetcher(Optional.of("80, 443"));
    origin.route("/", page(HTML, storyPage()));
    assertEquals("port " + origin.port() + " not allowed", failure("/").reason());
    assertEquals(0, origin.requests());
  }

  @Test
  void explainsHttpErrorsInItsOwnWords() throws Exception {
    origin.route("/gone", status(404));
    origin.route("/odd", status(599));
    assertEquals("HTTP 404 Not Found", failure("/gone").reason());
    assertFalse(failure("/gone").isPassing());
    assertEquals("HTTP 599", failure("/odd").reason());
  }

  @Test
  void marksBusyAndOverloadedOriginsAsWorthRetrying() throws Exception {
    origin.route(
        "/busy",
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "7");
          WebOrigin.respond(exchange, 429, HTML, new byte[0]);
        });
    origin.route("/down", status(503));
    origin.route("/gateway", status(504));
    FetchFailure busy = failure("/busy");
    assertEquals("HTTP 429 Too Many Requests", busy.reason());
    assertTrue(busy.isPassing());
    assertEquals(Optional.of(Duration.ofSeconds(7)), busy.retryAfter());
    assertTrue(failure("/down").isPassing());
    assertTrue(failure("/gateway").isPassing());
  }

  @Test
  void cutsOffAGzipBombAndRefusesAnOversizedPageBeforeReadingIt() throws Exception {
    origin.route("/bomb", WebOrigin.gzipBomb("text/html", 50 * 1024 * 1024));
    origin.route("/huge", page(HTML, "<html><head>" + " ".repeat(200_000)));
    assertEquals("larger than 64 KiB", failure("/bomb").reason());
    assertEquals("larger than 64 KiB", failure("/huge").reason());
  }

  @Test
  void stopsReadingAPageOnceItsHeadHasEnded() throws Exception {
    origin.route(
        "/endless",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", HTML);
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write("<head><title>Early</title></head><body>".getBytes());
          exchange.getResponseBody().flush();
          origin.silent().handle(exchange);
        });
    // The body never ends: reading on would end in a timeout, not a title.
    assertEquals("Early", fetch("/endless").title());
  }

  @Test
  void endsATricklingOrSilentOriginAtTheDeadline() throws Exception {
    origin.route("/trickle", origin.trickle());
    origin.route("/silent", origin.silent());
    for (String path : new String[] {"/trickle", "/silent"}) {
      Instant start = Instant.now();
      FetchFailure failure = failure(path);
      Duration took = Duration.between(start, Instant.now());
      assertEquals("timed out after 1 s", failure.reason());
      assertTrue(failure.isPassing());
      assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, path + " took " + took);
    }
  }

  @Test
  void explainsConnectionFailuresWithoutDetail() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    assertEquals("connection refused", failureAt("http://127.0.0.1:" + closedPort + "/").reason());
    assertEquals("host not found", failureAt("http://nowhere.test/").reason());
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      new Thread(
              () -> {
                try (var socket = plain.accept()) {
                  socket.getOutputStream().write("HTTP/1.1 400 Bad\r\n\r\n".getBytes());
                } catch (IOException e) {
                  // the test is over
                }
              })
          .start();
      String https = "https://127.0.0.1:" + plain.getLocalPort() + "/";
      assertEquals("TLS error", failureAt(https).reason());
    }
  }

  @Test
  void backsOffTwiceAsLongEachTimeUnlessTheOriginSaidHowLong() {
    Duration first = fetcher.backoff(1, Optional.empty());
    Duration second = fetcher.backoff(2, Optional.empty());
    assertTrue(
        first.compareTo(Duration.ofMillis(100)) >= 0
            && first.compareTo(Duration.ofMillis(125)) <= 0);
    assertTrue(
        second.compareTo(Duration.ofMillis(200)) >= 0
            && second.compareTo(Duration.ofMillis(250)) <= 0);
    assertEquals(Duration.ofSeconds(7), fetcher.backoff(1, Optional.of(Duration.ofSeconds(7))));
  }

  private record Named(String title, String contentType) {}

  private static Named named(FetchResult result) {
    return new Named(result.title(), result.contentType());
  }

  private FetchResult fetch(String path) throws FetchFailure {
    return fetcher.fetch(link(origin.url(path)));
  }

  private FetchFailure failure(String path) {
    return failureAt(origin.url(path));
  }

  private FetchFailure failureAt(String url) {
    return assertThrows(FetchFailure.class, () -> fetcher.fetch(link(url)));
  }

  private static Link link(String url) {
    return Link.pending(1, url, Instant.now());
  }

  private static byte[] storyPage() {
    return """
        <!doctype html><html><head><title>The Story | Site</title>
        <meta property="og:title" content="The Story">
        <meta name="description" content="A story.">
        <link rel="icon" href="/icon.png">
        </head><body><h1>Heading</h1></body></html>
        """
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private TitleFetcher fetcher(Optional<String> ports) {
    return fetcher(ports, 1024 * 1024);
  }

  private TitleFetcher fetcher(Optional<String> ports, int maxPdfBytes) {
    TitleFetcher fetcher = new TitleFetcher();
    fetcher.allowedNetworks = Optional.of("127.0.0.1/32");
    fetcher.allowedPorts = ports;
    fetcher.timeout = Duration.ofSeconds(1);
    fetcher.connectTimeout = Duration.ofSeconds(1);
    fetcher.maxBytes = 64 * 1024;
    fetcher.maxPdfBytes = maxPdfBytes;
    fetcher.retries = 2;
    fetcher.retryDelay = Duration.ofMillis(100);
    fetcher.userAgent = "TestAgent/1.0";
    fetcher.acceptLanguage = "de;q=0.9";
    fetcher.timer = timer;
    fetcher.lookup = TitleFetcherTest::lookUp;
    fetcher.start();
    return fetcher;
  }

  // Test names only: "good.test" is this machine, "mixed.test" also an address not allowed.
  private static InetAddress[] lookUp(String host) throws UnknownHostException {
    return switch (host) {
      case "good.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
      case "mixed.test" ->
          new InetAddress[] {
            InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")
          };
      default -> throw new UnknownHostException(host);
    };
  }
}
