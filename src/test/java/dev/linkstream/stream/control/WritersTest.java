package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WritersTest {

  @Test
  void runsEveryTaskOnItsLoopsAndSubmitsNothingMoreToTheManagedExecutor() throws Exception {
    AtomicInteger submitted = new AtomicInteger();
    ExecutorService threads = Executors.newCachedThreadPool();
    Writers writers =
        new Writers(
            task -> {
              submitted.incrementAndGet();
              threads.execute(task);
            },
            3);
    CountDownLatch done = new CountDownLatch(1_000);
    for (int i = 0; i < 1_000; i++) {
      writers.execute(done::countDown);
    }

    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(3, submitted.get());
    writers.close();
    threads.shutdown();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "a loop did not end on close");
  }

  @Test
  void aFailingTaskDoesNotEndItsLoop() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    Writers writers = new Writers(threads, 1);
    CountDownLatch after = new CountDownLatch(1);
    writers.execute(
        () -> {
          throw new IllegalStateException("expected by the test");
        });
    writers.execute(after::countDown);

    assertTrue(after.await(10, TimeUnit.SECONDS));
    writers.close();
    threads.shutdown();
  }
}
