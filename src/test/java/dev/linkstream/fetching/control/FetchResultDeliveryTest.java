package dev.linkstream.fetching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.RecordedEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fetch result the store cannot keep (its database is down) is offered again until it can. */
class FetchResultDeliveryTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aResultIsOfferedAgainAfterTheRetryDelayUntilTheStoreKeepsIt() throws Exception {
    RecordedEvents<FetchResult> store = new RecordedEvents<>();
    store.refusals = 3;
    TitleFetcher fetcher = new TitleFetcher();
    fetcher.fetched = store;
    fetcher.timer = timer;
    fetcher.retryDelay = Duration.ofMillis(20);
    FetchResult result = FetchResult.failed(7, "timed out after 10 s");

    fetcher.publish(result);

    Eventually.holds(
        Duration.ofSeconds(10), () -> !store.fired.isEmpty(), () -> "the result was lost");
    assertEquals(List.of(result), store.fired);
    assertEquals(4, store.offered.get());
  }
}
