package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that stop reading, 200 from four addresses (as many as each may open with the shipped
 * settings, and far more than the stream's writer loops), while links keep coming: nobody else may
 * wait for them, and each is dropped as slow once its writes block. On a server of its own, set up
 * as shipped: on Payara Micro that includes the bound on what Grizzly holds for such a client.
 */
class StalledClientsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int STALLED = 200;
  private static final int ADDRESSES = 4;
  private static final int BATCH = 40;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource
  void twoHundredStalledClientsFromFourAddressesDelayNobody(ServerProcess.Runtime runtime)
      throws Exception {
    List<RawStream> stalled = new ArrayList<>();
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    try (Origin origin = new Origin();
        ServerProcess server =
            ServerProcess.start(runtime, dir.resolve("data"), dir.resolve("server"));
        Api api = new Api(server.url);
        Subscriber healthy = new Subscriber(api.stream())) {
      double writersAtRest = Metrics.read(api).get("linkstream_stream_writers");
      for (int n = 0; n < STALLED; n++) {
        String address = "127.5." + (n % ADDRESSES + 1) + ".1";
        RawStream stream = RawStream.open(api.stream().getUri(), address, Map.of(), 4096);
        stream.next(DEADLINE);
        stalled.add(stream);
      }
      Metrics before = Metrics.read(api);
      String padding = "?pad=" + "x".repeat(1_950);
      // The kernel's and the server's buffers for each fill within about 600 such links.
      for (int sent = 0; sent < 6_000 && api.subscriberCount() > 1; sent += BATCH) {
        List<Callable<Long>> batch = new ArrayList<>();
        for (int n = sent; n < sent + BATCH; n++) {
          String url = origin.titled("Among stalled " + n) + padding;
          batch.add(() -> api.submit(url).getJsonNumber("id").longValue());
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> id : submitters.invokeAll(batch)) {
          ids.add(id.get());
        }
        // Each batch within the deadline: a healthy client never waits for a stalled one.
        healthy.await(events -> ids.stream().allMatch(id -> has(events, id)), DEADLINE);
      }
      Metrics after = Metrics.read(api);
      assertEquals(1, api.subscriberCount(), "the stalled clients are still subscribed");
      assertEquals(
          STALLED,
          after.since(before, "linkstream_stream_subscribers_dropped_total", "reason=\"slow\""),
          "not every stalled client was dropped as slow");
      assertEquals(
          0,
          after.get("linkstream_stream_heals_total"),
          "the healthy subscriber missed an event and had to read it from the history");
      assertTrue(
          after.since(before, "linkstream_stream_writers_started_total") > 0,
          "no writer loop stood in for one held by a stalled client");

      // Gone for good, their blocked writes fail, and the threads they held end.
      for (RawStream stream : stalled) {
        stream.vanish();
      }
      stalled.clear();
      Eventually.holds(
          DEADLINE,
          () -> Metrics.read(api).get("linkstream_stream_writers") == writersAtRest,
          () -> Metrics.read(api).get("linkstream_stream_writers") + " writer loops left");
    } finally {
      submitters.shutdownNow();
      for (RawStream stream : stalled) {
        stream.vanish();
      }
    }
  }

  // Among the newest events only: a batch's own and the previous batch's late ones are all there.
  private static boolean has(List<Subscriber.Received> events, long linkId) {
    return events.subList(Math.max(0, events.size() - 4 * BATCH), events.size()).stream()
        .anyMatch(e -> e.data().getJsonNumber("id").longValue() == linkId);
  }
}
