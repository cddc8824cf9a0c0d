package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.linkstream.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WritersTest {

  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  // The loops' threads that a task holds, parked.
  private final Set<Thread> heldThreads = ConcurrentHashMap.newKeySet();

  // Whether the thread factory is slow to start threads, as a managed one is on a saturated server.
  private volatile boolean slowStarts;

  private Thread newThread(Runnable loop) {
    if (slowStarts) {
      // The behaviour under test, not a wait for a condition: time passing while a rescue starts
      // threads, so that by its second start the rescue is older than the linger, and a loop it
      // starts that finds the queue empty ends at once.
      try {
        Thread.sleep(Writers.LINGER.toMillis() * 6 / 10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Thread thread = new Thread(loop);
    threads.add(thread);
    return thread;
  }

  @Test
  void runsEveryTaskOnItsOwnThreadsStartsNoMoreAndEndsThemOnClose() throws Exception {
    Writers writers = new Writers(this::newThread, 3, 0, 3);
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

  @RepeatedTest(50)
  void closeEndsEveryLoopSpareOnesTooEvenAsTheFirstOnesLeave() throws Exception {
    Writers writers = new Writers(this::newThread, 4, 2, 8);
    assertEquals(6, writers.loops());
    writers.close();
    for (Thread thread : threads) {
      thread.join(10_000);
      assertFalse(thread.isAlive(), "a loop did not end on close");
    }
  }

  @Test
  void loopsHeldByStuckTasksAreStoodInForUpToTheMostAndEndOnceTheQueueIsEmpty() throws Exception {
    Writers writers = new Writers(this::newThread, 2, 0, 4);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch bothHeld = new CountDownLatch(2);
    CountDownLatch holding = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      writers.execute(
          () -> {
            bothHeld.countDown();
            holding.countDown();
            hold(release);
          });
    }
    CountDownLatch healthy = new CountDownLatch(1);
    writers.execute(healthy::countDown);
    // Only a loop that has taken its task can be seen as stuck.
    assertTrue(bothHeld.await(10, TimeUnit.SECONDS), "the fixed loops never took a task");
    awaitHeld(2);

    // Both loops stuck: two more, which take the third stuck task and the healthy one.
    assertEquals(2, rescueOnceStuck(writers), "loops started");
    assertTrue(holding.await(10, TimeUnit.SECONDS), "a stuck loop was not stood in for");
    assertTrue(healthy.await(10, TimeUnit.SECONDS), "a task waited behind stuck ones");
    assertEquals(4, writers.loops());
    // Three stuck now, but four is the most.
    assertEquals(0, rescueOnceStuck(writers), "loops started beyond the most");
    assertEquals(4, writers.loops(), "never more loops than the most");

    release.countDown();
    awaitLoopsWhileFed(writers, 2);
    assertTrue(writers.allRunning());
    writers.close();
  }

  @Test
  void spareLoopsStandInWithoutAThreadStartAndWaitAsSparesAgainOnceFree() throws Exception {
    Writers writers = new Writers(this::newThread, 1, 1, 8);
    assertEquals(2, threads.size(), "the fixed loop and the spare one");
    CountDownLatch release = new CountDownLatch(1);
    writers.execute(() -> hold(release));
    awaitHeld(1);

    // Two wanted: the spare one, and one started.
    assertEquals(2, rescueOnceStuck(writers), "loops put to work");
    assertEquals(3, threads.size());
    CountDownLatch ran = new CountDownLatch(1);
    writers.execute(ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS), "a task waited behind the stuck one");

    // Once free, one of the two waits as the spare again and the other ends.
    release.countDown();
    awaitLoopsWhileFed(writers, 2);
    assertEquals(2, threads.stream().filter(Thread::isAlive).count());

    heldThreads.clear();
    CountDownLatch releaseAgain = new CountDownLatch(1);
    writers.execute(() -> hold(releaseAgain));
    awaitHeld(1);
    assertEquals(2, rescueOnceStuck(writers), "loops put to work");
    assertEquals(4, threads.size(), "the spare one was started anew rather than called");
    releaseAgain.countDown();
    writers.close();
  }

  @Test
  void aLoopThatRunsRatherThanWaitsIsNotStoodIn() throws Exception {
    Writers writers = new Writers(this::newThread, 1, 0, 4);
    AtomicBoolean release = new AtomicBoolean();
    CountDownLatch running = new CountDownLatch(1);
    writers.execute(
        () -> {
          running.countDown();
          // Busy, as a loop waiting for a CPU on a loaded server is: runnable, never parked.
          while (!release.get()) {
            Thread.onSpinWait();
          }
        });
    assertTrue(running.await(10, TimeUnit.SECONDS), "the loop never took the task");

    rescueOnceStuck(writers);

    assertEquals(1, writers.loops(), "a running loop was taken for a stuck one");
    release.set(true);
    writers.close();
  }

  @Test
  void aBatchRunsEachTaskOnceAcrossTheLoops() throws Exception {
    Writers writers = new Writers(this::newThread, 4, 0, 4);
    AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
    Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(1_000);
    List<Runnable> batch = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      int task = i;
      batch.add(
          () -> {
            runs.incrementAndGet(task);
            ranOn.add(Thread.currentThread());
            done.countDown();
          });
    }

    writers.executeAll(batch);

    assertTrue(done.await(10, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
    writers.close();
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    for (int i = 0; i < 1_000; i++) {
      assertEquals(1, runs.get(i), "task " + i);
    }
    assertTrue(threads.containsAll(ranOn), "a task ran on a thread other than a loop");
  }

  @Test
  void whatAStuckTaskLeavesOfItsBatchRunsOnTheLoopThatStandsInForIt() throws Exception {
    Writers writers = new Writers(this::newThread, 1, 0, 2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch rest = new CountDownLatch(2);
    writers.executeAll(
        List.of(
            () -> {
              held.countDown();
              hold(release);
            },
            rest::countDown,
            rest::countDown));
    assertTrue(held.await(10, TimeUnit.SECONDS), "the loop never took the batch");
    awaitHeld(1);
    assertFalse(rest.await(100, TimeUnit.MILLISECONDS), "one loop ran past its stuck task");

    rescueOnceStuck(writers);

    assertTrue(rest.await(10, TimeUnit.SECONDS), "the rest of the batch waited for its stuck task");
    release.countDown();
    writers.close();
  }

  @ParameterizedTest(name = "as one batch: {0}")
  @ValueSource(booleans = {true, false})
  void theLoopsWorkingThroughStuckTasksDoubleWithEachRescue(boolean batched) throws Exception {
    Writers writers = new Writers(this::newThread, 2, 0, 40);
    CountDownLatch release = new CountDownLatch(1);
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 2 + 4 + 8; i++) {
      tasks.add(() -> hold(release));
    }
    CountDownLatch healthy = new CountDownLatch(1);
    tasks.add(healthy::countDown);
    if (batched) {
      writers.executeAll(tasks);
    } else {
      tasks.forEach(writers::execute);
    }

    for (int held = 2, more = 4; held <= 14; held += more, more *= 2) {
      awaitHeld(held);
      rescueOnceStuck(writers);
    }

    assertTrue(healthy.await(10, TimeUnit.SECONDS), "the task after the stuck ones never ran");
    release.countDown();
    writers.close();
  }

  @Test
  void loopsARescueStartedStayAWhileThoughTheQueueEmpties() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Writers writers = oneLoopHeld(3, release);
    // At the real time, not one ahead of it as elsewhere here: the linger runs from the rescue.
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> writers.rescue(System.nanoTime()) == 2,
        () -> "no rescue started just the two stand-ins: did the first ones end at once?");

    // Both new loops take tasks and find the queue empty again, and more than one loop is free.
    CountDownLatch done = new CountDownLatch(20);
    for (int i = 0; i < 20; i++) {
      writers.execute(done::countDown);
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> threads.stream().noneMatch(t -> t.getState() == Thread.State.RUNNABLE),
        () -> "the loops never settled");
    assertEquals(3, writers.loops(), "the loops a rescue started ended at once");

    release.countDown();
    awaitLoopsWhileFed(writers, 1);
    writers.close();
  }

  @Test
  void aRescueStartsTheLoopsItCountedAndReturnsThoughTheyEndAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Writers writers = oneLoopHeld(8, release);
    slowStarts = true;
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> rescue = caller.submit(() -> rescueOnceStuck(writers));

      assertEquals(2, rescue.get(10, TimeUnit.SECONDS), "loops started");
      assertEquals(3, threads.size(), "threads started beyond the two stand-ins");
    } catch (TimeoutException e) {
      fail(threads.size() + " threads started, and the rescue never returned");
    } finally {
      caller.shutdownNow();
    }
    release.countDown();
    writers.close();
  }

  @RepeatedTest(5)
  void manyLoopsFreedAtOnceEndDownToTheFixedNumberAndNoFurther() throws Exception {
    Writers writers = new Writers(this::newThread, 2, 0, 64);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < 62; i++) {
      writers.execute(() -> hold(release));
    }
    // Each rescue starts two for each loop newly stuck: 2, 6, 14, 30, then 62 held.
    for (int held = 2; held < 62; held = 2 * held + 2) {
      awaitHeld(held);
      rescueOnceStuck(writers);
    }
    awaitHeld(62);
    rescueOnceStuck(writers);
    assertEquals(64, writers.loops());

    // All 62 free at once, and every one finds the queue empty at about the same time.
    release.countDown();
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> writers.loops() == 2,
        () -> writers.loops() + " loops after the stuck tasks ended");
    CountDownLatch after = new CountDownLatch(2);
    CountDownLatch bothRunning = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      writers.execute(
          () -> {
            bothRunning.countDown();
            try {
              bothRunning.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            after.countDown();
          });
    }
    assertTrue(after.await(10, TimeUnit.SECONDS), "fewer loops left free than the fixed two");
    assertEquals(2, writers.loops());
    writers.close();
  }

  /**
   * Waits for the loops to come down to {@code n} while a task comes every 50 ms, as a busy
   * stream's do: each loop gets one long before any would idle.
   */
  private static void awaitLoopsWhileFed(Writers writers, int n) throws Exception {
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> {
          writers.execute(() -> {});
          return writers.loops() == n;
        },
        () -> writers.loops() + " loops, not " + n + ", once the stuck tasks ended");
  }

  /** A rescue at a time when every task running now has run for longer than the stuck time. */
  private static int rescueOnceStuck(Writers writers) {
    return writers.rescue(System.nanoTime() + Writers.STUCK_AFTER.toNanos() * 2);
  }

  /** Waits until {@code n} loops are parked in their tasks, as a loop in a blocked write is. */
  private void awaitHeld(int n) throws Exception {
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> heldThreads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() == n,
        () -> "not " + n + " loops held in their tasks");
  }

  /** Writers with one fixed loop, held by a task until released, and at most {@code most}. */
  private Writers oneLoopHeld(int most, CountDownLatch release) throws Exception {
    Writers writers = new Writers(this::newThread, 1, 0, most);
    writers.execute(() -> hold(release));
    awaitHeld(1);
    return writers;
  }

  /** A task that holds its loop, parked, until released. */
  private void hold(CountDownLatch release) {
    heldThreads.add(Thread.currentThread());
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void whatALoopEndedByAnErrorLeavesOfItsBatchRunsOnTheLoopStartedInItsPlace() throws Exception {
    Writers writers = new Writers(this::newThread, 1, 0, 1);
    CountDownLatch after = new CountDownLatch(1);

    writers.executeAll(
        List.of(
            () -> {
              throw new LinkageError("expected by the test");
            },
            after::countDown));
    threads.get(0).join(10_000);

    assertFalse(writers.allRunning(), "a loop ended by an error is reported");
    assertEquals(1, writers.rescue(System.nanoTime()));
    assertTrue(after.await(10, TimeUnit.SECONDS), "the rest of the batch never ran");
    writers.close();
  }

  @Test
  void aFailingTaskDoesNotEndItsLoop() throws Exception {
    Writers writers = new Writers(this::newThread, 1, 0, 1);
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
