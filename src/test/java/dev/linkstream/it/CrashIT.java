package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 202 means the link is safe: a server killed with SIGKILL mid-pipeline loses nothing. */
class CrashIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path dir;

  record Stored(long id, String name, String data) {}

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void aKilledServerComesBackWithEveryLinkAndEventAndFinishesWhatWasPending(
      ServerProcess.Runtime runtime) throws Exception {
    Path data = dir.resolve("data");
    List<Long> ids = new ArrayList<>();
    List<Received> seenBeforeCrash;
    try (Origin origin = new Origin()) {
      try (ServerProcess first = ServerProcess.start(runtime, data, dir.resolve("first"));
          Api api = new Api(first.url);
          Subscriber subscriber = new Subscriber(api.stream())) {
        ids.add(id(api.submit(origin.titled("Fetched before the crash"))));
        ids.add(id(api.submit(origin.url("/slow"))));
        subscriber.await(received -> finished(received, ids.get(0)), DEADLINE);
        ids.add(id(api.submit(origin.titled("Accepted just before the crash"))));
        seenBeforeCrash = subscriber.received();
        first.kill();
      }

      try (ServerProcess second = ServerProcess.start(runtime, data, dir.resolve("second"));
          Api api = new Api(second.url)) {
        assertEquals("fetched", awaitFinished(api, ids.get(0)).getString("status"));
        JsonObject slow = awaitFinished(api, ids.get(1));
        assertEquals("timed out after 3 s", slow.getString("error"), slow.toString());
        JsonObject last = awaitFinished(api, ids.get(2));
        assertEquals("Accepted just before the crash", last.getString("title"));
      }
    }

    List<Stored> history = history(data);
    for (Received seen : seenBeforeCrash) {
      assertTrue(
          history.contains(new Stored(seen.id(), seen.name(), seen.data().toString())),
          "event " + seen.id() + " was lost: " + history);
    }
    long lastSeen = seenBeforeCrash.get(seenBeforeCrash.size() - 1).id();
    Stored slowFailed = lastEventOf(history, ids.get(1));
    assertTrue(slowFailed.id() > lastSeen, "a new event id below an old one: " + history);
    for (int i = 1; i < history.size(); i++) {
      assertTrue(history.get(i - 1).id() < history.get(i).id(), "ids out of order: " + history);
    }
  }

  private static boolean finished(List<Received> received, long id) {
    return received.stream()
        .anyMatch(
            event ->
                event.data().getJsonNumber("id").longValue() == id
                    && !event.data().getString("status").equals("pending"));
  }

  /** Polls, because the restarted server may finish a link before a subscriber could connect. */
  private static JsonObject awaitFinished(Api api, long id) throws Exception {
    return Eventually.value(
        DEADLINE,
        () -> {
          JsonObject link =
              (JsonObject)
                  Api.parse(
                      api.links()
                          .path(String.valueOf(id))
                          .request(MediaType.APPLICATION_JSON)
                          .get(String.class));
          return link.getString("status").equals("pending") ? Optional.empty() : Optional.of(link);
        },
        () -> "link " + id + " still pending");
  }

  private static Stored lastEventOf(List<Stored> history, long linkId) {
    return history.stream()
        .filter(
            event ->
                Api.parse(event.data()).asJsonObject().getJsonNumber("id").longValue() == linkId)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  /** The event history as the stopped server left it on disk or in PostgreSQL. */
  private static List<Stored> history(Path data) throws Exception {
    String url =
        System.getProperty("linkstream.it.db.url", "jdbc:h2:file:" + data.resolve("linkstream"));
    try (Connection connection =
            DriverManager.getConnection(
                url,
                System.getProperty("linkstream.it.db.user", ""),
                System.getProperty("linkstream.it.db.password", ""));
        Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT id, name, data FROM link_events ORDER BY id")) {
      List<Stored> history = new ArrayList<>();
      while (rows.next()) {
        history.add(new Stored(rows.getLong(1), rows.getString(2), rows.getString(3)));
      }
      return history;
    }
  }

  private static long id(JsonObject link) {
    return link.getJsonNumber("id").longValue();
  }
}
