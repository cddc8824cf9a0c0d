package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanOutTest {

  final Subscribers subscribers = new Subscribers(10, 10);
  final FanOut fanOut = new FanOut(subscribers, writers -> writers.forEach(Runnable::run), 0);
  final Count heals = new Count();
  final AtomicInteger closings = new AtomicInteger();

  Client subscribe() throws Exception {
    Client client = new Client();
    Subscription.Settings settings =
        new Subscription.Settings(
            id -> List.of(),
            Runnable::run,
            10,
            Duration.ofSeconds(5),
            new Count(),
            new Count(),
            heals);
    Subscription subscription =
        new Subscription(client, "127.0.0.1", 0, settings, s -> closings.incrementAndGet());
    subscribers.admit(subscription, CompletableFuture.completedFuture(null), Duration.ZERO);
    subscription.start(List.of());
    return client;
  }

  @Test
  void everySubscriptionGetsEveryEventFromOneSend() throws Exception {
    Client first = subscribe();
    Client second = subscribe();

    fanOut.send(Event.withId(1));
    fanOut.send(Event.comment("heartbeat"));
    fanOut.send(Event.withId(2));

    assertEquals(List.of("1", "2"), first.ids());
    assertEquals(List.of("1", "2"), second.ids());
    assertEquals(3, first.received.size(), "the heartbeat too");
    assertEquals(2, fanOut.lastHandedOn());
    assertEquals(0, heals.getCount());
  }

  @Test
  void theWritersAnEventWakesAreHandedOnTogether() throws Exception {
    List<Integer> handOffs = new ArrayList<>();
    FanOut batching =
        new FanOut(
            subscribers,
            woken -> {
              handOffs.add(woken.size());
              woken.forEach(Runnable::run);
            },
            0);
    Client first = subscribe();
    Client second = subscribe();

    batching.send(Event.withId(1));
    batching.send(Event.withId(2));

    assertEquals(List.of(2, 2), handOffs, "writers woken, per hand-off");
    assertEquals(List.of("1", "2"), first.ids());
    assertEquals(List.of("1", "2"), second.ids());
  }

  @Test
  void theBroadcasterClosingItEndsNoSubscription() throws Exception {
    Client client = subscribe();

    fanOut.close();

    assertTrue(fanOut.isClosed());
    assertFalse(client.closed);
    assertEquals(0, closings.get());
  }

  @Test
  void eachEventHandedOnOrRefusedGivesItsRoomBack() throws Exception {
    subscribe();
    for (int n = 1; n <= FanOut.WINDOW * 3; n++) {
      // Would wait the whole deadline each time, and fail the test's own, if room leaked.
      fanOut.awaitRoom(Duration.ofMinutes(10));
      if (n % 2 == 0) {
        fanOut.send(Event.withId(n / 2));
      } else {
        fanOut.refused();
      }
    }
    assertEquals(FanOut.WINDOW * 3 / 2, fanOut.lastHandedOn());
  }
}
