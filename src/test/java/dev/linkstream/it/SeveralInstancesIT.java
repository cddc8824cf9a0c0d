package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.RawStream.Frame;
import dev.linkstream.it.Subscriber.Received;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.LoadBalancer;
import dev.linkstream.testing.Postgres;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.ServerProcess.Runtime;
import dev.linkstream.testing.TestAdmin;
import dev.linkstream.testing.TestTokens;
import dev.linkstream.testing.WebOrigin;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances on one PostgreSQL database: {@code a} on Payara Micro and {@code b} on Open
 * Liberty behind HAProxy, as docker/haproxy.cfg has it, and {@code c} on Payara Micro, addressed
 * directly, that neither sends nor listens for notifications and so learns of changes by polling.
 * Clients talk to each instance directly and through the load balancer. The last tests stop an
 * instance, and then kill it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration LEASE = Duration.ofSeconds(5);

  @TempDir static Path dir;

  static String database;
  static CountingOrigin origin;
  static ServerProcess a;
  static ServerProcess b;
  static ServerProcess c;
  static LoadBalancer balancer;
  static Api apiA;
  static Api apiB;
  static Api apiC;
  static Api apiBalanced;

  @BeforeAll
  static void start() throws Exception {
    database = Postgres.shared().createDatabase();
    origin = new CountingOrigin();
    ExecutorService starting = Executors.newFixedThreadPool(3);
    try {
      Future<ServerProcess> startA = starting.submit(() -> start(Runtime.PAYARA_MICRO, "a"));
      Future<ServerProcess> startB = starting.submit(() -> start(Runtime.OPEN_LIBERTY, "b"));
      Future<ServerProcess> startC =
          starting.submit(
              () ->
                  start(
                      Runtime.PAYARA_MICRO,
                      "c",
                      "-Dlinkstream.stream.doorbell=false",
                      "-Dlinkstream.stream.poll=500ms"));
      a = startA.get();
      b = startB.get();
      c = startC.get();
    } finally {
      starting.shutdown();
    }
    balancer = LoadBalancer.start(a, b);
    apiA = new Api(a.url);
    apiB = new Api(b.url);
    apiC = new Api(c.url);
    apiBalanced = new Api(balancer.url);
  }

  private static ServerProcess start(Runtime runtime, String name, String... more)
      throws Exception {
    List<String> options = new ArrayList<>();
    options.add("-Dlinkstream.db.url=" + database);
    options.add("-Dlinkstream.instance=" + name);
    options.add("-Dlinkstream.fetch.lease=" + LEASE.toSeconds() + "s");
    // A heartbeat also drains the history: far apart, only the doorbell and the poll carry an event
    // to another instance within a test's deadline.
    options.add("-Dlinkstream.stream.heartbeat=2m");
    options.addAll(List.of(more));
    return ServerProcess.start(runtime, dir.resolve(name + "-data"), dir.resolve(name), options);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable each : new AutoCloseable[] {apiA, apiB, apiC, apiBalanced, balancer}) {
      if (each != null) {
        each.close();
      }
    }
    for (ServerProcess server : new ServerProcess[] {a, b, c}) {
      if (server != null) {
        server.resume();
        server.close();
      }
    }
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  @Order(1)
  void aLinkSubmittedOnAnyInstanceReachesEverySubscriberOnEveryInstanceOnceInOrder()
      throws Exception {
    long from = lastEventId(apiA);
    List<Subscriber> subscribers = new ArrayList<>();
    for (Api api : List.of(apiA, apiB, apiC, apiBalanced, apiBalanced)) {
      subscribers.add(new Subscriber(api.stream().queryParam("lastEventId", from)));
    }
    try {
      List<Long> ids = new ArrayList<>();
      List<Api> submitters = List.of(apiA, apiB, apiC, apiBalanced);
      for (int i = 0; i < 24; i++) {
        ids.add(id(submitters.get(i % 4).submit(origin.titled("everywhere-" + i))));
      }

      // Each link: one event when submitted, one when fetched; nothing else happens meanwhile.
      List<Long> expected =
          LongStream.rangeClosed(from + 1, from + 2L * ids.size()).boxed().toList();
      for (Subscriber subscriber : subscribers) {
        List<Received> received = subscriber.await(events -> allFetched(events, ids), DEADLINE);
        assertEquals(expected, received.stream().map(Received::id).toList());
      }
    } finally {
      subscribers.forEach(Subscriber::close);
    }
  }

  @Test
  @Order(2)
  void aClientResumesOnAnotherInstanceWithExactlyTheEventsAfterItsLast() throws Exception {
    long seen = lastEventId(apiA);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(id(apiA.submit(origin.titled("resumed-" + i))));
    }
    for (long id : ids) {
      Eventually.holds(
          DEADLINE, () -> "fetched".equals(apiA.link(id).getString("status")), () -> "not fetched");
    }
    long last = lastEventId(apiB);
    assertEquals(seen + 6, last);

    // Twice through the load balancer: one of them lands on each instance.
    for (URL server : List.of(b.url, c.url, balancer.url, balancer.url)) {
      try (RawStream stream = resume(server, seen)) {
        for (long id = seen + 1; id <= last; id++) {
          assertEquals(String.valueOf(id), stream.nextEvent(DEADLINE).id(), "from " + server);
        }
        stream.awaitNoEvent(Duration.ofMillis(500));
      }
      try (RawStream stream = resume(server, last + 1_000)) {
        Frame reset = stream.nextEvent(DEADLINE);
        assertEquals("reset", reset.event(), "a Last-Event-ID newer than the history, " + server);
        assertEquals(String.valueOf(last), reset.id());
      }
    }
  }

  @Test
  @Order(3)
  void fiveHundredLinksSubmittedAcrossInstancesAreEachFetchedOnce() throws Exception {
    List<Api> submitters = List.of(apiA, apiB, apiC, apiBalanced);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      urls.add(origin.counted("/counted/" + i));
    }
    ExecutorService clients = Executors.newFixedThreadPool(submitters.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < submitters.size(); s++) {
        Api api = submitters.get(s);
        List<String> mine = new ArrayList<>();
        for (int i = s; i < urls.size(); i += submitters.size()) {
          mine.add(urls.get(i));
        }
        done.add(clients.submit(() -> mine.forEach(api::submit)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      clients.shutdown();
    }

    Eventually.holds(
        Duration.ofSeconds(60),
        () ->
            count("SELECT COUNT(*) FROM links WHERE url LIKE '%/counted/%' AND status = 'fetched'")
                == 500,
        () -> "not every link was fetched");
    for (String url : urls) {
      assertEquals(1, origin.hits(url), url + " was requested more than once, or never");
    }
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT link_id FROM link_events e JOIN links l ON l.id ="
                + " e.link_id WHERE l.url LIKE '%/counted/%' GROUP BY link_id HAVING COUNT(*) <> 2)"
                + " odd"),
        "a link was announced fetched twice");
  }

  @Test
  @Order(4)
  void aLostNotificationCostsAPollIntervalAndNoEvent() throws Exception {
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'a (listening)') ended"),
        "a's listening connection was not found");
    long from = lastEventId(apiA);
    try (Subscriber onA = new Subscriber(apiA.stream().queryParam("lastEventId", from));
        Subscriber onC = new Subscriber(apiC.stream().queryParam("lastEventId", from))) {
      long fromB = id(apiB.submit(origin.titled("while a was not listening")));
      onA.await(events -> has(events, fromB), DEADLINE);
      onC.await(events -> has(events, fromB), DEADLINE);
      long fromC = id(apiC.submit(origin.titled("from the instance that never rings")));
      onA.await(events -> has(events, fromC), DEADLINE);
    }
    Eventually.holds(
        DEADLINE,
        () ->
            count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'a (listening)'")
                == 1,
        () -> "a did not listen again");
    assertTrue(Metrics.read(apiA).get("linkstream_stream_doorbells_total") > 0);
    assertEquals(0, Metrics.read(apiC).get("linkstream_stream_doorbells_total"));
    assertTrue(Metrics.read(apiC).get("linkstream_stream_polls_found_total") > 0);
  }

  @Test
  @Order(5)
  void aSessionHoldsOnEveryInstanceAndSigningOutOnOneEndsItsStreamsOnAll() throws Exception {
    String session = TestTokens.signIn(a.url.toURI(), TestAdmin.USER, TestAdmin.PASSWORD);
    Map<String, String> cookie =
        Map.of("Authorization", "", "Cookie", TestTokens.COOKIE + "=" + session);
    try (RawStream onA = RawStream.open(stream(a.url), "127.0.0.1", cookie, 0);
        RawStream onB = RawStream.open(stream(b.url), "127.0.0.1", cookie, 0)) {
      assertEquals(200, onA.status);
      assertEquals(200, onB.status);

      try (Response signedOut =
          apiB.anonymousRoot
              .path("api/session")
              .request()
              .cookie(TestTokens.COOKIE, session)
              .header("Sec-Fetch-Site", "same-origin")
              .delete()) {
        assertEquals(204, signedOut.getStatus());
      }

      assertTrue(onB.ended(Duration.ofSeconds(10)), "the stream on b outlived its session");
      assertTrue(onA.ended(Duration.ofSeconds(10)), "the stream on a outlived its session");
    }
  }

  @Test
  @Order(6)
  void anInstanceThatStoodStillLosesItsClaimAndItsLateResultChangesNothing() throws Exception {
    String url = origin.held("/held/stood-still");
    long id = id(apiA.submit(url));
    Eventually.holds(DEADLINE, () -> origin.hits(url) == 1, () -> "the fetch did not start");
    String claimer = claimedBy(id);
    Api survivor = api(claimer.equals("c") ? "a" : "c");
    double fencedBefore = fenced(api(claimer));
    server(claimer).pause();
    try {
      Eventually.holds(
          DEADLINE,
          () -> "fetched".equals(survivor.link(id).getString("status")),
          () -> "no other instance took the fetch over");
      assertEquals(2, origin.hits(url));
    } finally {
      origin.release();
      server(claimer).resume();
    }
    Eventually.holds(
        DEADLINE,
        () -> fenced(api(claimer)) > fencedBefore,
        () -> "the late result was not fenced");
    JsonObject link = survivor.link(id);
    assertEquals("Taken over", link.getString("title"), link.toString());
    assertEquals(2, count("SELECT COUNT(*) FROM link_events WHERE link_id = " + id));
  }

  /**
   * The instance that claims the fetch is killed: a almost always, which submitted it, but another
   * may claim it first, in its sweep. Each has a subscriber of its own, and two more come through
   * the load balancer, one on a and one on b.
   */
  @Test
  @Order(7)
  void aKilledInstanceLosesNoLinkAndItsSubscribersResumeOnTheOthers() throws Exception {
    long from = lastEventId(apiA);
    Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    for (String name : List.of("a", "b", "c")) {
      subscribers.put(name, new Subscriber(api(name).stream().queryParam("lastEventId", from)));
    }
    for (String name : List.of("balanced-1", "balanced-2")) {
      subscribers.put(name, new Subscriber(apiBalanced.stream().queryParam("lastEventId", from)));
    }
    try {
      String url = origin.held("/held/killed");
      List<Long> ids = new ArrayList<>();
      ids.add(id(apiA.submit(url)));
      Eventually.holds(DEADLINE, () -> origin.hits(url) == 1, () -> "the fetch did not start");
      String victim = claimedBy(ids.get(0));
      for (int i = 0; i < 5; i++) {
        ids.add(id(api(victim).submit(origin.titled("accepted before the kill " + i))));
      }
      server(victim).kill();
      subscribers.remove(victim).close();

      for (Map.Entry<String, Subscriber> each : subscribers.entrySet()) {
        List<Received> received =
            each.getValue().await(events -> allFetched(events, ids), Duration.ofSeconds(60));
        List<Long> got = received.stream().map(Received::id).toList();
        assertEquals(
            LongStream.rangeClosed(from + 1, from + got.size()).boxed().toList(),
            got,
            "missing or repeated events on " + each.getKey() + " after " + victim + " was killed");
      }
      assertEquals(
          "Taken over", api(victim.equals("c") ? "a" : "c").link(ids.get(0)).getString("title"));
      assertEquals(2, origin.hits(url));
    } finally {
      subscribers.values().forEach(Subscriber::close);
      origin.release();
    }
  }

  private static boolean allFetched(List<Received> events, List<Long> ids) {
    return ids.stream()
        .allMatch(
            id ->
                events.stream()
                    .anyMatch(
                        event ->
                            event.data().getJsonNumber("id").longValue() == id
                                && "fetched".equals(event.data().getString("status", ""))));
  }

  private static boolean has(List<Received> events, long id) {
    return events.stream().anyMatch(event -> event.data().getJsonNumber("id").longValue() == id);
  }

  private static long id(JsonObject link) {
    return link.getJsonNumber("id").longValue();
  }

  private static long lastEventId(Api api) {
    try (Response page = api.links().queryParam("limit", 1).request().get()) {
      return Long.parseLong(page.getHeaderString("Linkstream-Last-Event-ID"));
    }
  }

  private static URI stream(URL server) throws Exception {
    return server.toURI().resolve("api/links/stream");
  }

  private static RawStream resume(URL server, long lastEventId) throws Exception {
    return RawStream.open(
        stream(server), "127.0.0.1", Map.of("Last-Event-ID", String.valueOf(lastEventId)), 0);
  }

  private static double fenced(Api api) {
    return Metrics.read(api).get("linkstream_fetch_leases_total", "outcome=\"fenced\"");
  }

  private static Api api(String instance) {
    return switch (instance) {
      case "a" -> apiA;
      case "b" -> apiB;
      case "c" -> apiC;
      default -> throw new AssertionError("claimed by " + instance);
    };
  }

  private static ServerProcess server(String instance) {
    return switch (instance) {
      case "a" -> a;
      case "b" -> b;
      case "c" -> c;
      default -> throw new AssertionError("claimed by " + instance);
    };
  }

  private static String claimedBy(long id) throws Exception {
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT claimed_by FROM links WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(
        database,
        System.getProperty("linkstream.it.db.user"),
        System.getProperty("linkstream.it.db.password"));
  }

  /**
   * Pages that count how often each is requested. A held page's first request waits until the test
   * releases it, and then answers "Late"; its later ones answer "Taken over" at once.
   */
  static final class CountingOrigin implements AutoCloseable {

    private final WebOrigin web = new WebOrigin();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile CountDownLatch released = new CountDownLatch(1);

    CountingOrigin() throws Exception {
      web.route("/titled/", exchange -> page(exchange, count(exchange) + " "))
          .route("/counted/", exchange -> page(exchange, "Counted " + count(exchange)))
          .route(
              "/held/",
              exchange -> {
                if (count(exchange) == 1) {
                  await();
                  page(exchange, "Late");
                } else {
                  page(exchange, "Taken over");
                }
              });
    }

    String titled(String title) {
      return web.url("/titled/" + title.replace(' ', '-'));
    }

    String counted(String path) {
      return web.url(path);
    }

    String held(String path) {
      released = new CountDownLatch(1);
      return web.url(path);
    }

    void release() {
      released.countDown();
    }

    int hits(String url) {
      AtomicInteger count = hits.get(URI.create(url).getPath());
      return count == null ? 0 : count.get();
    }

    private int count(com.sun.net.httpserver.HttpExchange exchange) {
      return hits.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger())
          .incrementAndGet();
    }

    private void await() {
      try {
        released.await(2, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void page(com.sun.net.httpserver.HttpExchange exchange, String title)
        throws java.io.IOException {
      WebOrigin.respond(
          exchange,
          200,
          "text/html; charset=utf-8",
          ("<!doctype html><title>" + title + "</title>").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      release();
      web.close();
    }
  }
}
