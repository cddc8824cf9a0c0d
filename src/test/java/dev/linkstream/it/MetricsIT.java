package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.WebOrigin;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric docs/operating.md names, read from /metrics while the server does what it counts.
 */
class MetricsIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void linksAndFetchesAreCountedByOutcome() throws Exception {
    origin.web.route("/busy", WebOrigin.status(503));
    Metrics before = Metrics.read(api);
    for (String url :
        List.of(origin.titled("Counted"), origin.url("/missing"), origin.url("/busy"))) {
      long id = id(api.submit(url));
      Eventually.holds(
          DEADLINE, () -> !"pending".equals(status(id)), () -> url + " is still pending");
    }
    // The duration is recorded before the result is stored, so it is there when the link is.
    Metrics after = Metrics.read(api);
    assertEquals(3, after.since(before, "linkstream_links_submitted_total"));
    String count = "linkstream_fetch_duration_seconds_count";
    assertEquals(1, after.since(before, count, "outcome=\"fetched\""));
    assertEquals(2, after.since(before, count, "outcome=\"failed\""));
    // linkstream.fetch.retries is 2: the busy origin is asked three times.
    assertEquals(2, after.since(before, count, "outcome=\"retried\""));
    assertEquals(0, after.get("linkstream_fetch_running"));
    assertEquals(0, after.get("linkstream_fetch_waiting", "for=\"slot\""));
    assertEquals(0, after.get("linkstream_fetch_waiting", "for=\"retry\""));
  }

  @Test
  void eventsSentAndReplayedAndSubscribersOpenAndGone() throws Exception {
    // Streams an earlier test left are dropped within heartbeats; they must not count here.
    Eventually.holds(
        DEADLINE,
        () -> Metrics.read(api).get("linkstream_stream_subscribers") == 0,
        () -> "streams of earlier tests are still open");
    Metrics before = Metrics.read(api);
    List<Received> live;
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      Eventually.holds(
          DEADLINE,
          () -> Metrics.read(api).get("linkstream_stream_subscribers") == 1,
          () -> "the subscriber is not counted");
      long id = id(api.submit(origin.titled("Sent")));
      live = subscriber.await(received -> ended(received, id), DEADLINE);
      Eventually.holds(
          DEADLINE,
          () ->
              Metrics.read(api).since(before, "linkstream_stream_events_sent_total") == live.size(),
          () -> "not every event received was counted once: " + live);
    }
    Eventually.holds(
        DEADLINE,
        () ->
            Metrics.read(api)
                    .since(before, "linkstream_stream_subscribers_dropped_total", "reason=\"gone\"")
                == 1,
        () -> "the subscriber that left is not counted as gone");
    assertEquals(0, Metrics.read(api).get("linkstream_stream_subscribers"));

    Metrics beforeReplay = Metrics.read(api);
    long from = live.get(0).id() - 1;
    try (Subscriber resumed = new Subscriber(api.stream().queryParam("lastEventId", from))) {
      resumed.await(received -> received.size() == live.size(), DEADLINE);
    }
    assertEquals(
        live.size(),
        Metrics.read(api).since(beforeReplay, "linkstream_stream_events_replayed_total"));
  }

  @Test
  void refusedSubscribersAreCountedAsOverTheLimit() throws Exception {
    Metrics before = Metrics.read(api);
    List<RawStream> streams = new ArrayList<>();
    try {
      // linkstream.stream.max-subscribers-per-address is 20 in the tests.
      for (int n = 0; n <= 20; n++) {
        streams.add(RawStream.open(api.stream().getUri(), "127.4.0.1", Map.of(), 0));
        streams.get(n).next(DEADLINE);
      }
      assertEquals("refused", streams.get(20).nextEvent(DEADLINE).event());
      assertTrue(streams.get(20).ended(DEADLINE), "the refused stream goes on");
    } finally {
      for (RawStream stream : streams) {
        stream.close();
      }
    }
    assertEquals(
        1,
        Metrics.read(api)
            .since(before, "linkstream_stream_subscribers_dropped_total", "reason=\"limit\""));
  }

  private static boolean ended(List<Received> received, long id) {
    return received.stream()
        .anyMatch(
            event ->
                event.data().getJsonNumber("id").longValue() == id
                    && !"pending".equals(event.data().getString("status", "")));
  }

  private String status(long id) {
    String link = api.links().path(String.valueOf(id)).request().get(String.class);
    return ((JsonObject) Api.parse(link)).getString("status");
  }

  private static long id(JsonObject link) {
    return link.getJsonNumber("id").longValue();
  }
}
