package dev.linkstream.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

  @Test
  void callsWhileItRunsReturnAtOnceAndHaveItRunOnceMore() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger atOnce = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    OneAtATime work =
        new OneAtATime(
            () -> {
              most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
              runs.incrementAndGet();
              running.countDown();
              await(release);
              atOnce.decrementAndGet();
            },
            e -> {});
    Thread first = new Thread(work::run);
    first.start();
    assertTrue(running.await(10, TimeUnit.SECONDS));

    for (int i = 0; i < 3; i++) {
      work.run();
    }
    release.countDown();
    first.join(10_000);

    assertEquals(2, runs.get());
    assertEquals(1, most.get());
  }

  @Test
  void aFailureGoesToItsHandlerAndTheNextCallRunsAgain() {
    List<RuntimeException> failures = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    OneAtATime work =
        new OneAtATime(
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is gone");
              }
            },
            failures::add);

    work.run();
    work.run();

    assertEquals(2, runs.get());
    assertEquals(1, failures.size());
    assertEquals("the database is gone", failures.get(0).getMessage());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
