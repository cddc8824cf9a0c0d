package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import dev.linkstream.it.Subscriber.Received;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.Postgres;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.WebOrigin;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * While PostgreSQL is down, the instance is not ready and says why no request can be served; when
 * it is back, the instance is ready again and carries on where it was, stream included, and a fetch
 * that ended meanwhile is stored. The outage is logged once, without a stack trace.
 */
class DatabaseOutageIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Pattern OUR_LINES = Pattern.compile("dev\\.linkstream\\.[\\w.]+");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void readinessFollowsTheDatabaseAndNothingIsLost(ServerProcess.Runtime runtime) throws Exception {
    try (Postgres database = Postgres.startOwn();
        Origin origin = new Origin()) {
      List<String> options =
          List.of(
              "-Dlinkstream.db.url=" + database.createDatabase(),
              "-Dlinkstream.db.user=" + database.user(),
              "-Dlinkstream.db.password=" + database.password(),
              "-Dlinkstream.db.timeout=1s",
              "-Dlinkstream.stream.heartbeat=1s",
              "-Dlinkstream.fetch.timeout=60s",
              "-Dlinkstream.fetch.lease=2m",
              "-Dlinkstream.fetch.retry-delay=500ms");
      CountDownLatch asked = new CountDownLatch(1);
      CountDownLatch answer = new CountDownLatch(1);
      origin.web.route("/held", held(asked, answer));
      try (ServerProcess server =
              ServerProcess.start(runtime, dir.resolve("data"), dir.resolve("server"), options);
          Api api = new Api(server.url);
          Subscriber subscriber = new Subscriber(api.stream())) {
        long before = id(api.submit(origin.titled("Before the outage")));
        subscriber.await(received -> fetched(received, before), DEADLINE);
        assertEquals("UP", health(api, "ready"));
        long held = id(api.submit(origin.url("/held")));
        assertTrue(asked.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        int logged = server.log().length();

        database.pause();
        Eventually.holds(
            DEADLINE, () -> "DOWN".equals(health(api, "ready")), () -> "readiness stayed UP");
        // A fetch that ends while the database is down: its result must not be lost.
        answer.countDown();
        assertEquals("DOWN", check(api, "ready", "database"));
        assertEquals("UP", health(api, "live"));
        try (Response refused = api.post("{\"url\":\"" + origin.titled("Refused") + "\"}")) {
          assertEquals(503, refused.getStatus());
          assertEquals("application/problem+json", refused.getMediaType().toString());
          assertEquals("5", refused.getHeaderString("Retry-After"));
        }

        database.resume();
        Eventually.holds(
            DEADLINE, () -> "UP".equals(health(api, "ready")), () -> "readiness stayed DOWN");
        long after = id(api.submit(origin.titled("After the outage")));
        subscriber.await(received -> fetched(received, after) && fetched(received, held), DEADLINE);

        String log = server.log().substring(logged);
        List<String> ours = log.lines().filter(line -> OUR_LINES.matcher(line).find()).toList();
        assertEquals(1, count(log, "The database cannot be reached"), log);
        assertEquals(1, count(log, "The database can be reached again"), log);
        assertEquals(2, ours.size(), "the outage and its end, and nothing else: " + ours);
        assertEquals(0, count(log, "\tat "), "no stack trace: " + log);
      }
    }
  }

  /** A page whose answer waits until the test lets it go. */
  private static HttpHandler held(CountDownLatch asked, CountDownLatch answer) {
    return exchange -> {
      asked.countDown();
      try {
        answer.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      WebOrigin.respond(
          exchange, 200, "text/html", "<title>Held</title>".getBytes(StandardCharsets.UTF_8));
    };
  }

  private static String health(Api api, String kind) {
    return body(api, kind).getString("status");
  }

  private static String check(Api api, String kind, String name) {
    return body(api, kind).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> name.equals(check.getString("name")))
        .map(check -> check.getString("status"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name));
  }

  private static JsonObject body(Api api, String kind) {
    try (Response response = api.server.path("health").path(kind).request().get()) {
      JsonObject health = (JsonObject) Api.parse(response.readEntity(String.class));
      int expected = "UP".equals(health.getString("status")) ? 200 : 503;
      assertEquals(expected, response.getStatus(), health.toString());
      return health;
    }
  }

  private static boolean fetched(List<Received> received, long id) {
    return received.stream()
        .anyMatch(
            event ->
                event.data().getJsonNumber("id").longValue() == id
                    && "fetched".equals(event.data().getString("status", "")));
  }

  private static long id(JsonObject link) {
    return link.getJsonNumber("id").longValue();
  }

  private static long count(String text, String part) {
    return text.lines().filter(line -> line.contains(part)).count();
  }
}
