package dev.linkstream.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.platform.control.StoreException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    Store store = new Store(3);
    TitleFetcher fetcher = new TitleFetcher();
    fetcher.fetched = store;
    fetcher.timer = timer;
    fetcher.retryDelay = Duration.ofMillis(20);
    FetchResult result = FetchResult.failed(7, "timed out after 10 s");

    fetcher.publish(result);

    assertEquals(true, store.keptOne.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(result), store.kept);
    assertEquals(4, store.offered.get());
  }

  /** Refuses the first results offered, as LinkStore does while the database cannot be reached. */
  static final class Store implements Event<FetchResult> {

    final List<FetchResult> kept = new CopyOnWriteArrayList<>();
    final AtomicInteger offered = new AtomicInteger();
    final CountDownLatch keptOne = new CountDownLatch(1);
    private final int refusals;

    Store(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public <U extends FetchResult> CompletionStage<U> fireAsync(U result) {
      if (offered.incrementAndGet() <= refusals) {
        StoreException down = new StoreException(new SQLException("down", "08001"));
        return CompletableFuture.failedFuture(new CompletionException(down));
      }
      kept.add(result);
      keptOne.countDown();
      return CompletableFuture.completedFuture(result);
    }

    @Override
    public <U extends FetchResult> CompletionStage<U> fireAsync(
        U result, NotificationOptions options) {
      return fireAsync(result);
    }

    @Override
    public void fire(FetchResult result) {
      throw new UnsupportedOperationException("the fetcher hands results on asynchronously");
    }

    @Override
    public Event<FetchResult> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends FetchResult> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends FetchResult> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
