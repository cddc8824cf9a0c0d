package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WritersTest {

  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private Thread newThread(Runnable loop) {
    Thread thread = new Thread(loop);
    threads.add(thread);
    return thread;
  }

  @Test
  void runsEveryTaskOnItsOwnThreadsStartsNoMoreAndEndsThemOnClose() throws Exception {
    Writers writers = new Writers(this::newThread, 3);
    CountDownLatch done = new CountDownLatch(1_000);
    for (int i = 0; i < 1_000; i++) {
      writers.execute(done::countDown);
    }

    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(3, threads.size());
    assertTrue(writers.allRunning());
    writers.close();
    for (Thread thread : threads) {
      thread.join(10_000);
      assertFalse(thread.isAlive(), "a loop did not end on close");
    }
    assertFalse(writers.allRunning(), "liveness must see loops that ended");
  }

  @Test
  void aFailingTaskDoesNotEndItsLoop() throws Exception {
    Writers writers = new Writers(this::newThread, 1);
    CountDownLatch after = new CountDownLatch(1);
    writers.execute(
        () -> {
          throw new IllegalStateException("expected by the test");
        });
    writers.execute(after::countDown);

    assertTrue(after.await(10, TimeUnit.SECONDS));
    assertTrue(writers.allRunning());
    writers.close();
  }
}
