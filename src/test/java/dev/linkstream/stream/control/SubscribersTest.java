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

  Subscription subscription(String address) {
    return new Subscription(new Client(), address, 0, settings, subscribers::leave);
  }

  /** True if it was let in on trial. */
  boolean admit(Subscription subscription) throws Exception {
    return subscribers.admit(subscription, CompletableFuture.completedFuture(null), Duration.ZERO);
  }

  Subscription join(String address) throws Exception {
    Subscription subscription = subscription(address);
    assertFalse(admit(subscription), "on trial, not placed");
    return subscription;
  }

  Subscription onTrial(String address) throws Exception {
    Subscription subscription = subscription(address);
    assertTrue(admit(subscription), "placed, not on trial");
    return subscription;
  }

  @Test
  void anAddressOverItsLimitHasAsManyMoreOnTrialAndNoMore() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    onTrial("127.0.0.1");
    onTrial("127.0.0.1");

    Subscribers.Full full =
        assertThrows(Subscribers.Full.class, () -> admit(subscription("127.0.0.1")));
    assertEquals(
        "127.0.0.1 has 2 streams open, as many as it allows, and as many more waiting for one of"
            + " them",
        full.getMessage());
    assertEquals(4, subscribers.count());
  }

  @Test
  void aFullServerRefusesOnceTheProbeHasEndedAndFreesPlacesOnClose() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    join("127.0.0.2");

    Subscribers.Full full =
        assertThrows(Subscribers.Full.class, () -> admit(subscription("127.0.0.3")));
    assertEquals("the server has 3 streams open, as many as it allows", full.getMessage());

    first.close();
    first.close();
    assertEquals(2, subscribers.count());
    join("127.0.0.3");
  }

  @Test
  void aPlaceGivenUpGoesToTheAddressesLongestOnTrial() throws Exception {
    Subscription first = join("127.0.0.1");
    join("127.0.0.1");
    Subscription longest = onTrial("127.0.0.1");
    Subscription next = onTrial("127.0.0.1");

    first.close();

    assertEquals(List.of(next), subscribers.probed("127.0.0.1"), "still on trial");
    assertFalse(longest.isClosed());
  }

  @Test
  void thoseStillOnTrialWhenTheProbeEndsAreToldAndTheirEndGivesUpNoPlace() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    Subscription trial = onTrial("127.0.0.1");

    assertEquals(List.of(trial), subscribers.probed("127.0.0.1"));
    trial.close();

    assertEquals(2, subscribers.count());
    onTrial("127.0.0.1");
  }

  @Test
  void aTrialThatEndsBeforeItsProbeGivesUpNoPlace() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    Subscription trial = onTrial("127.0.0.1");

    trial.close();

    assertEquals(List.of(), subscribers.probed("127.0.0.1"));
    onTrial("127.0.0.1");
  }

  @Test
  void aPlaceGivenUpOnAFullServerGoesToOneWaiting() throws Exception {
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
  void oneWaitingThatGoesOnTrialLeavesThePlaceToTheNext() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    Subscription other = join("127.0.0.2");
    AtomicReference<Exception> failed = new AtomicReference<>();
    // The first to wait is the first woken; its address holds as many places as it may.
    Thread fromAFullAddress = waitForPlace("127.0.0.1", new CompletableFuture<>(), failed);
    Thread another = waitForPlace("127.0.0.3", new CompletableFuture<>(), failed);

    other.close();

    for (Thread thread : List.of(fromAFullAddress, another)) {
      thread.join(10_000);
      assertFalse(thread.isAlive(), "it still waits for the place given up");
    }
    assertNull(failed.get());
    assertTrue(subscribers.full(), "the place given up is taken");
  }

  @Test
  void refusesOnceTheProbeHasEndedWithNoPlaceGivenUp() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    join("127.0.0.2");
    CompletableFuture<Void> probe = new CompletableFuture<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread waiting = waitForPlace("127.0.0.3", probe, failed);

    probe.complete(null);
    assertEquals(List.of(), subscribers.probed(null));

    waiting.join(10_000);
    assertFalse(waiting.isAlive(), "it still waits, with its patience far from over");
    assertInstanceOf(Subscribers.Full.class, failed.get());
  }

  @Test
  void refusesOnceItsPatienceIsOverWhileTheProbeStillRuns() throws Exception {
    join("127.0.0.1");
    join("127.0.0.1");
    join("127.0.0.2");

    assertThrows(
        Subscribers.Full.class,
        () ->
            subscribers.admit(
                subscription("127.0.0.3"), new CompletableFuture<>(), Duration.ofMillis(20)));
  }

  // Waits for a place on a thread of its own, with patience enough for any test.
  private Thread waitForPlace(String address, Future<?> probe, AtomicReference<Exception> failed)
      throws Exception {
    Thread waiting =
        new Thread(
            () -> {
              try {
                subscribers.admit(subscription(address), probe, Duration.ofMinutes(5));
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
