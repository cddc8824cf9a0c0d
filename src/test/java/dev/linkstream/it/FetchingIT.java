package dev.linkstream.it;

import static dev.linkstream.it.LinkChanges.changesOf;
import static dev.linkstream.it.LinkChanges.fetchedAll;
import static dev.linkstream.it.LinkChanges.finishedAll;
import static dev.linkstream.it.LinkChanges.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import dev.linkstream.testing.Documents;
import dev.linkstream.testing.WebOrigin;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fetcher inside the deployed app, on origins that misbehave: every link ends fetched or failed
 * with a reason, retried while its failure may pass, and no origin holds up the others for longer
 * than the fetch deadline (3 s in these tests, at most 4 fetches at once).
 */
class FetchingIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void aPdfIsNamedByItsOwnTitleAndItsPagesAreCounted() throws Exception {
    origin.web.route(
        "/report.pdf",
        WebOrigin.page("application/pdf", Documents.pdf("Annual Report 2026", "x", 4)));
    origin.web.route(
        "/untitled.pdf", WebOrigin.page("application/pdf", Documents.pdf(null, "Findings", 1)));

    JsonObject report = fetched("/report.pdf");
    JsonObject untitled = fetched("/untitled.pdf");

    assertEquals("Annual Report 2026", report.getString("title"));
    assertEquals("application/pdf", report.getString("contentType"));
    assertEquals(4, report.getInt("pageCount"));
    assertEquals("Findings", untitled.getString("title"));
    assertEquals(1, untitled.getInt("pageCount"));
  }

  @Test
  void aPageBringsItsDetails() throws Exception {
    origin.web.route(
        "/article",
        WebOrigin.page(
            "text/html; charset=utf-8",
            """
            <html><head><title>Article | Site</title>
            <meta property="og:title" content="Article">
            <meta property="og:description" content="About &lt;things&gt;">
            <meta property="og:site_name" content="Site">
            <meta property="og:image" content="/cover.jpg">
            <link rel="canonical" href="/article">
            <link rel="icon" href="/favicon.ico">
            </head></html>
            """));

    JsonObject article = fetched("/article");

    assertEquals("Article", article.getString("title"));
    assertEquals("About <things>", article.getString("description"));
    assertEquals("Site", article.getString("siteName"));
    assertEquals(origin.url("/article"), article.getString("canonicalUrl"));
    assertEquals(origin.url("/cover.jpg"), article.getString("imageUrl"));
    assertEquals(origin.url("/favicon.ico"), article.getString("iconUrl"));
    assertTrue(article.isNull("pageCount"));
  }

  @Test
  void aPassingFailureIsRetriedAndTheLinkStaysPendingMeanwhile() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    origin.web.route(
        "/flaky",
        exchange -> {
          if (requests.incrementAndGet() < 3) {
            WebOrigin.respond(exchange, 503, "text/html", new byte[0]);
          } else {
            WebOrigin.respond(exchange, 200, "text/html", "<title>Third time</title>".getBytes());
          }
        });
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long id = api.submit(origin.url("/flaky")).getJsonNumber("id").longValue();

      List<Received> events = subscriber.await(finishedAll(List.of(id)), DEADLINE);

      List<String> states = changesOf(events, id).stream().map(l -> l.getString("status")).toList();
      assertEquals(List.of("pending", "fetched"), states);
      assertEquals("Third time", last(events, id).getString("title"));
      assertEquals(3, requests.get());
    }
  }

  @Test
  void aFailureThatLastsEndsFailedAfterTheRetries() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    origin.web.route(
        "/down",
        exchange -> {
          requests.incrementAndGet();
          WebOrigin.respond(exchange, 502, "text/html", new byte[0]);
        });
    JsonObject link = finished("/down");
    assertEquals("failed", link.getString("status"));
    assertEquals("HTTP 502 Bad Gateway", link.getString("error"));
    assertEquals(3, requests.get());
  }

  @Test
  void aRedirectToAnAddressNotAllowedFailsWithoutReachingIt() throws Exception {
    // ::1 is loopback, outside the 127.0.0.0/8 these tests allow: the fetch must not go there.
    origin.web.route("/escape", WebOrigin.redirect(302, "http://[::1]:" + origin.web.port() + "/"));
    origin.web.route("/loop", WebOrigin.redirect(302, "/loop"));

    assertEquals("address not allowed", finished("/escape").getString("error"));
    assertEquals("redirect loop", finished("/loop").getString("error"));
  }

  @Test
  void aGzipBombIsCutOff() throws Exception {
    origin.web.route("/bomb", WebOrigin.gzipBomb("text/html", 100 * 1024 * 1024));
    JsonObject link = finished("/bomb");
    assertEquals("failed", link.getString("status"));
    assertEquals("larger than 2 MiB", link.getString("error"));
  }

  @Test
  void aTricklingOriginTimesOut() throws Exception {
    origin.web.route("/trickle", origin.web.trickle());
    JsonObject link = finished("/trickle");
    assertEquals("timed out after 3 s", link.getString("error"));
  }

  @Test
  void hangingOriginsHoldTheFetchersOnlyUntilTheirDeadline() throws Exception {
    origin.web.route("/hanging/", origin.web.silent());
    origin.web.route("/quick", WebOrigin.page("text/html", "<title>Quick</title>"));
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      List<Long> hanging = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        hanging.add(api.submit(origin.url("/hanging/" + n)).getJsonNumber("id").longValue());
      }
      long start = System.nanoTime();
      long quick = api.submit(origin.url("/quick")).getJsonNumber("id").longValue();

      subscriber.await(fetchedAll(List.of(quick)), DEADLINE);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      // It waited its turn behind the four, which the deadline ended; then it went first.
      assertTrue(waited.compareTo(Duration.ofMillis(2500)) > 0, "waited only " + waited);
      assertTrue(waited.compareTo(Duration.ofSeconds(6)) < 0, "waited " + waited);
      subscriber.await(finishedAll(hanging), DEADLINE);
    }
  }

  @Test
  void fetchesReuseTheFetchersThreadsInsteadOfLeavingOneBehindEach() throws Exception {
    origin.web.route("/many/", WebOrigin.page("text/html", "<title>One of many</title>"));
    fetchAll("/many/warm-", 20);
    double before = threads();

    fetchAll("/many/", 40);

    // A thread per fetch, kept for good, was how Payara's managed executor used to end a day.
    double grown = threads() - before;
    assertTrue(grown < 20, "40 fetches left " + grown + " more threads behind");
  }

  private void fetchAll(String prefix, int count) throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      List<Long> ids = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        ids.add(api.submit(origin.url(prefix + n)).getJsonNumber("id").longValue());
      }
      subscriber.await(fetchedAll(ids), DEADLINE);
    }
  }

  private double threads() {
    return Metrics.read(api, "base").get("thread_count");
  }

  private JsonObject fetched(String path) throws Exception {
    JsonObject link = finished(path);
    assertEquals("fetched", link.getString("status"), link.toString());
    return link;
  }

  private JsonObject finished(String path) throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long id = api.submit(origin.url(path)).getJsonNumber("id").longValue();
      return last(subscriber.await(finishedAll(List.of(id)), DEADLINE), id);
    }
  }
}
