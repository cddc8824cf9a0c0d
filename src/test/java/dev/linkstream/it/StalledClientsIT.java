package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop reading, more of them than the stream has writer loops: on Payara each one's
 * writes block once the server has buffered about 12 MB for it, and a blocked write holds its
 * thread for up to a minute. Nobody else may wait for them.
 */
class StalledClientsIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int STALLED = 40;
  private static final int BATCH = 40;

  @Test
  void fortyStalledClientsFromFourAddressesDelayNobody() throws Exception {
    try (RawStream watcher = RawStream.open(api.stream().getUri(), "127.5.0.1", Map.of(), 0)) {
      watcher.awaitHeartbeats(3, DEADLINE); // so that streams earlier tests left are gone
    }
    int before = api.subscriberCount();
    List<RawStream> stalled = new ArrayList<>();
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    try (Subscriber healthy = new Subscriber(api.stream())) {
      // Four addresses, ten each: within the 20 allowed per address, more than the 32 loops.
      for (int n = 0; n < STALLED; n++) {
        String address = "127.5." + (n / 10 + 1) + ".1";
        RawStream stream = RawStream.open(api.stream().getUri(), address, Map.of(), 4096);
        stream.next(DEADLINE);
        stalled.add(stream);
      }
      String padding = "?pad=" + "x".repeat(1_950);
      long run = System.nanoTime();
      // About 2,400 such links fill Payara's buffers; the stalled are then dropped as slow.
      for (int sent = 0; sent < 8_000 && api.subscriberCount() > before + 1; sent += BATCH) {
        List<Callable<Long>> batch = new ArrayList<>();
        for (int n = sent; n < sent + BATCH; n++) {
          String url = origin.titled("Among stalled " + n + " " + run) + padding;
          batch.add(() -> api.submit(url).getJsonNumber("id").longValue());
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> id : submitters.invokeAll(batch)) {
          ids.add(id.get());
        }
        // Each batch within the deadline: a healthy client never waits for a stalled one.
        healthy.await(events -> ids.stream().allMatch(id -> has(events, id)), DEADLINE);
      }
      assertTrue(api.subscriberCount() <= before + 1, "the stalled clients are still subscribed");
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
