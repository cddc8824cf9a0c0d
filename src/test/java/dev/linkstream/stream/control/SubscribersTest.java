package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SubscribersTest {

  final Subscribers subscribers = new Subscribers(3, 2);
  final Subscription.Settings settings =
      new Subscription.Settings(
          id -> List.of(),
          Runnable::run,
          10,
          Duration.ofSeconds(1),
          new Count(),
          new Count(),
          new Count());

  Subscription join(String address) throws Exception {
    subscribers.reserve(address, CompletableFuture.completedFuture(null), Duration.ZERO);
    Subscription subscription =
        new Subscription(new Client(), address, 0, settings, subscribers::leave);
    subscribers.add(subscription);
    return subscription;
  }

  @Test
  void capsStreamsPerAddressAndInTotalAndFreesThemOnClose() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    Subscribers.Full perAddress = assertThrows(Subscribers.Full.class, () -> join("127.0.0.1"));
    assertEquals("127.0.0.1 has 2 streams open, as many as it allows", perAddress.getMessage());
    join("127.0.0.2");
    Subscribers.Full total = assertThrows(Subscribers.Full.class, () -> join("127.0.0.3"));
    assertEquals("the server has 3 streams open, as many as it allows", total.getMessage());
    assertEquals(3, subscribers.count());

    first.close();
    first.close();

    assertEquals(2, subscribers.count());
    join("127.0.0.1");
  }

  @Test
  void waitsWhileTheProbeRunsForAPlaceToBeGivenUp() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread waiting = waitForPlace(new CompletableFuture<>(), failed);

    first.close();

    waiting.join(10_000);
    assertFalse(waiting.isAlive(), "it still waits for the place given up");
    assertNull(failed.get());
    assertTrue(subscribers.full("127.0.0.1"), "it holds the place given up");
  }

  @Test
  void onePlaceGivenUpLetsOneOfThoseWaitingFromTheAddressIn() throws Exception {
    Subscription first = join("127.0.0.1");
    Subscription second = join("127.0.0.1");
    AtomicReference<Exception> failed = new AtomicReference<>();
    List<Thread> waiting =
        List.of(
            waitForPlace(new CompletableFuture<>(), failed),
            waitForPlace(new CompletableFuture<>(), failed));

    first.close();

    Eventually.holds(
        Duration.ofSeconds(10),
        () -> waiting.stream().filter(Thread::isAlive).count() == 1,
        () -> "not one of them got the place: " + waiting);
    second.close();
    for (Thread thread : waiting) {
      thread.join(10_000);
      assertFalse(thread.isAlive(), "it still waits for the second place given up");
    }
    assertNull(failed.get());
  }

  @Test
  void aPlaceGivenUpOnAFullServerGoesToOneWaitingFromAnotherAddress() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    join("127.0.0.2");
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread waiting = waitForPlace("127.0.0.3", new CompletableFuture<>(), failed);

    first.close();

    waiting.join(10_000);
    assertFalse(waiting.isAlive(), "it still waits for the place given up");
    assertNull(failed.get());
    assertTrue(subscribers.full(), "it holds the place given up");
  }

  @Test
  void refusesOnceTheProbeHasEndedWithNoPlaceGivenUp() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    CompletableFuture<Void> probe = new CompletableFuture<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread waiting = waitForPlace(probe, failed);

    probe.complete(null);
    subscribers.probed("127.0.0.1");

    waiting.join(10_000);
    assertFalse(waiting.isAlive(), "it still waits, with its patience far from over");
    assertInstanceOf(Subscribers.Full.class, failed.get());
  }

  @Test
  void refusesOnceItsPatienceIsOverWhileTheProbeStillRuns() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");

    assertThrows(
        Subscribers.Full.class,
        () -> subscribers.reserve("127.0.0.1", new CompletableFuture<>(), Duration.ofMillis(20)));
  }

  private Thread waitForPlace(Future<?> probe, AtomicReference<Exception> failed) throws Exception {
    return waitForPlace("127.0.0.1", probe, failed);
  }

  // Waits for a place on a thread of its own, with patience enough for any test.
  private Thread waitForPlace(String address, Future<?> probe, AtomicReference<Exception> failed)
      throws Exception {
    Thread waiting =
        new Thread(
            () -> {
              try {
                subscribers.reserve(address, probe, Duration.ofMinutes(5));
              } catch (Exception e) {
                failed.set(e);
              }
            });
    waiting.start();
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> waiting.getState() == Thread.State.TIMED_WAITING,
        () -> "it did not wait: " + waiting.getState());
    return waiting;
  }

  @Test
  void tellsTheStreamsFromAnAddress() throws Exception {
    Subscription first = join("127.0.0.1");
    Subscription second = join("127.0.0.1");
    join("127.0.0.2");

    second.close();

    assertEquals(List.of(first), subscribers.from("127.0.0.1"));
  }
}
