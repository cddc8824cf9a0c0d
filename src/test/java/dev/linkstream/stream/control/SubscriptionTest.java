package dev.linkstream.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  final Client client = new Client();
  final List<OutboundSseEvent> history = new ArrayList<>();
  final AtomicInteger closings = new AtomicInteger();
  LongFunction<List<OutboundSseEvent>> historyAfter =
      id -> history.stream().filter(e -> Long.parseLong(e.getId()) > id).toList();
  int bufferSize = 10;
  Duration writeTimeout = Duration.ofSeconds(5);
  // Writes run on the caller's thread, so each step below has finished when it returns.
  Executor writers = Runnable::run;
  final Count sent = new Count();
  final Count replayed = new Count();
  final Count heals = new Count();
  Subscription current;

  Subscription subscribe(long seen) {
    Subscription.Settings settings =
        new Subscription.Settings(
            id -> historyAfter.apply(id),
            task -> writers.execute(task),
            bufferSize,
            writeTimeout,
            sent,
            replayed,
            heals);
    current =
        new Subscription(client, "127.0.0.1", seen, settings, s -> closings.incrementAndGet());
    current.start(List.of(Event.comment("subscribed")));
    return current;
  }

  void record(long from, long to) {
    LongStream.rangeClosed(from, to).forEach(id -> history.add(Event.withId(id)));
  }

  @Test
  void theGreetingComesFirstThenWhatWasMissedThenWhatIsLive() {
    record(1, 5);
    Subscription subscription = subscribe(2);

    subscription.offer(Event.withId(6));

    assertEquals("subscribed", client.received.get(0).getComment());
    assertEquals(List.of("3", "4", "5", "6"), client.ids());
  }

  @Test
  void eventsSentAreCountedAndThoseFromTheHistoryAsReplayed() {
    record(1, 5);
    Subscription subscription = subscribe(2);

    subscription.offer(Event.withId(6));
    subscription.offer(Event.comment("heartbeat"));

    assertEquals(4, sent.getCount(), "events with ids, not comments");
    assertEquals(3, replayed.getCount());
  }

  @Test
  void aLastEventTheBroadcasterDroppedIsReadFromTheHistoryAtTheNextHeartbeat() {
    record(1, 2);
    Subscription subscription = subscribe(0);
    record(3, 3); // committed and broadcast, but the broadcaster never passed it on

    subscription.catchUpTo(3);
    subscription.catchUpTo(3);

    assertEquals(List.of("1", "2", "3"), client.ids());
    assertEquals(1, heals.getCount(), "one heal, counted");
  }

  @Test
  void anEventAlreadySentIsNotSentAgain() {
    record(1, 3);
    Subscription subscription = subscribe(0);

    subscription.offer(Event.withId(3));
    subscription.offer(Event.withId(4));
    subscription.offer(Event.withId(4));

    assertEquals(List.of("1", "2", "3", "4"), client.ids());
    assertEquals(0, heals.getCount(), "nothing was missed");
  }

  @Test
  void anEventBroadcastWhileCatchingUpArrivesOnceFromHistory() {
    record(1, 2);
    LongFunction<List<OutboundSseEvent>> plain = historyAfter;
    AtomicInteger reads = new AtomicInteger();
    historyAfter =
        id -> {
          List<OutboundSseEvent> read = plain.apply(id);
          if (reads.incrementAndGet() == 2) {
            // Committed and broadcast just after a read found nothing new, before going live.
            record(3, 3);
            current.offer(Event.withId(3));
          }
          return read;
        };
    Subscription subscription = subscribe(0);

    subscription.offer(Event.withId(4));

    assertEquals(List.of("1", "2", "3", "4"), client.ids());
  }

  @Test
  void aLiveEventLostOnTheWayIsReadFromTheHistory() {
    record(1, 2);
    Subscription subscription = subscribe(0);
    record(3, 4);

    subscription.offer(Event.withId(4));

    assertEquals(List.of("1", "2", "3", "4"), client.ids());
    assertEquals(1, heals.getCount(), "one heal, counted");
  }

  @Test
  void aFullBufferEndsTheSubscriptionOnce() {
    Subscription subscription = subscribe(0);
    List<Runnable> waiting = new ArrayList<>();
    writers = waiting::add;

    for (int id = 1; id <= bufferSize + 1; id++) {
      subscription.offer(Event.withId(id));
    }
    waiting.forEach(Runnable::run);

    assertTrue(subscription.isClosed());
    assertTrue(client.closed);
    assertEquals(1, closings.get());
    assertEquals(Subscription.Ending.SLOW, subscription.ending());
    assertEquals(List.of(), client.ids(), "nothing was written while the buffer filled");
    subscription.offer(Event.withId(99));
    assertEquals(List.of(), client.ids(), "nothing is written once it has ended");
  }

  @Test
  void aFailedWriteEndsTheSubscription() {
    Subscription subscription = subscribe(0);
    client.answer = () -> CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));

    subscription.offer(Event.withId(1));

    assertTrue(subscription.isClosed());
    assertTrue(client.closed);
    assertEquals(1, closings.get());
    assertEquals(Subscription.Ending.GONE, subscription.ending());
    assertEquals(0, sent.getCount());
  }

  @Test
  void anErrorInAWriteEndsTheSubscriptionSoItsClientResumesElsewhere() {
    Subscription subscription = subscribe(0);
    client.answer =
        () -> {
          throw new LinkageError("expected by the test");
        };

    assertThrows(LinkageError.class, () -> subscription.offer(Event.withId(1)));

    assertEquals(Subscription.Ending.ERROR, subscription.ending());
    assertTrue(client.closed);
    assertEquals(1, closings.get());
  }

  @Test
  void aProbeTellsOnceItIsWrittenAndNotBefore() {
    Subscription subscription = subscribe(0);
    Queue<Runnable> waiting = new ArrayDeque<>();
    writers = waiting::add;

    CompletableFuture<Void> written = subscription.probe(Event.comment("probe"));
    subscription.offer(Event.withId(1));

    assertFalse(written.isDone(), "told before the probe was written");
    waiting.poll().run();
    assertTrue(written.isDone());
    assertEquals("probe", client.received.get(1).getComment());
    assertEquals(List.of("1"), client.ids());
  }

  @Test
  void aStreamAtItsFirstWriteIsNotProbed() {
    Queue<Runnable> waiting = new ArrayDeque<>();
    writers = waiting::add;
    Subscription subscription = subscribe(0);

    assertTrue(subscription.probe(Event.comment("probe")).isDone(), "it waits for the first write");
    waiting.poll().run();
    assertEquals(List.of("subscribed"), client.received.stream().map(e -> e.getComment()).toList());
    CompletableFuture<Void> written = subscription.probe(Event.comment("probe"));
    assertFalse(written.isDone(), "told before the probe was written");
    waiting.poll().run();
    assertTrue(written.isDone());
  }

  @Test
  void aProbeThatFindsTheClientGoneTellsOnceItsPlaceIsGivenUp() {
    Subscription subscription = subscribe(0);
    Queue<Runnable> waiting = new ArrayDeque<>();
    writers = waiting::add;
    client.answer = () -> CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));

    CompletableFuture<Integer> closedWhenTold =
        subscription.probe(Event.comment("probe")).thenApply(none -> closings.get());
    while (!waiting.isEmpty()) {
      waiting.poll().run();
    }

    assertEquals(1, closedWhenTold.getNow(-1), "told before its place was given up");
    assertEquals(Subscription.Ending.GONE, subscription.ending());
  }

  @Test
  void aProbeToAnEndedSubscriptionTellsAtOnce() {
    Subscription subscription = subscribe(0);
    subscription.close();

    assertTrue(subscription.probe(Event.comment("probe")).isDone());
    assertEquals(1, client.received.size(), "only the greeting");
  }

  @Test
  void aFarewellComesAfterWhatIsQueuedAndEndsTheSubscription() {
    Subscription subscription = subscribe(0);
    Queue<Runnable> waiting = new ArrayDeque<>();
    writers = waiting::add;
    subscription.offer(Event.withId(1));

    subscription.endWith(Event.comment("farewell"), Subscription.Ending.LIMIT);
    subscription.offer(Event.withId(2));
    while (!waiting.isEmpty()) {
      waiting.poll().run();
    }

    assertEquals(List.of("1"), client.ids());
    assertEquals("farewell", client.received.get(client.received.size() - 1).getComment());
    assertTrue(client.closed);
    assertEquals(Subscription.Ending.LIMIT, subscription.ending());
    assertEquals(1, closings.get());
  }

  @Test
  void aFarewellBeforeTheStartComesAfterTheGreeting() {
    Subscription subscription =
        new Subscription(
            client,
            "127.0.0.1",
            0,
            new Subscription.Settings(
                historyAfter, writers, bufferSize, writeTimeout, sent, replayed, heals),
            s -> closings.incrementAndGet());

    subscription.endWith(Event.comment("farewell"), Subscription.Ending.LIMIT);
    assertTrue(client.received.isEmpty(), "written before the stream started");
    subscription.start(List.of(Event.comment("subscribed")));

    assertEquals(
        List.of("subscribed", "farewell"),
        client.received.stream().map(e -> e.getComment()).toList());
    assertTrue(client.closed);
  }

  @Test
  void aHistoryThatCannotBeReadEndsTheSubscription() {
    record(1, 2);
    historyAfter =
        id -> {
          throw new IllegalStateException("the database cannot be reached");
        };

    Subscription subscription = subscribe(0);

    assertTrue(client.closed);
    assertEquals(Subscription.Ending.ERROR, subscription.ending());
  }

  @Test
  void aDroppedClientsPlaceIsGivenUpBeforeItsConnectionIsClosed() {
    Subscription subscription = subscribe(0);
    List<Runnable> waiting = new ArrayList<>();
    writers = waiting::add;

    subscription.close(Subscription.Ending.SLOW);

    assertEquals(1, closings.get(), "its place is free at once");
    assertFalse(client.closed, "closing its connection, which may wait, is left to a writer");
    waiting.forEach(Runnable::run);
    assertTrue(client.closed);
    assertEquals(1, closings.get());
  }

  @Test
  void theServerClosingItIsNoDrop() {
    Subscription subscription = subscribe(0);

    subscription.close();

    assertTrue(client.closed);
    assertEquals(Subscription.Ending.CLOSED, subscription.ending());
  }

  @Test
  void aWriteUnderWayLeavesItsWriterFreeAndTheNextEventFollowsOnceItIsDone() {
    Subscription subscription = subscribe(0);
    CompletableFuture<Void> underWay = new CompletableFuture<>();
    client.answer = () -> underWay;
    Queue<Runnable> waiting = new ArrayDeque<>();
    writers = waiting::add;

    subscription.offer(Event.withId(1));
    waiting.poll().run();
    subscription.offer(Event.withId(2));

    assertEquals(List.of("1"), client.ids(), "sent before the write under way was done");
    assertTrue(waiting.isEmpty(), "a writer was set to work while one write was under way");
    client.answer = () -> CompletableFuture.completedFuture(null);
    underWay.complete(null);
    waiting.poll().run();
    assertEquals(List.of("1", "2"), client.ids());
    assertEquals(2, sent.getCount());
    assertFalse(subscription.isClosed());
  }

  @Test
  void aWriteUnderWayLongerThanTheTimeoutShowsAsStalledForTheHeartbeatToEnd() {
    Subscription subscription = subscribe(0);
    client.answer = CompletableFuture::new;
    long before = System.nanoTime();

    subscription.offer(Event.withId(1));

    long after = System.nanoTime();
    assertFalse(subscription.stalled(after));
    assertTrue(subscription.stalled(after + writeTimeout.toNanos() + 1));
    assertFalse(subscription.stalled(before + writeTimeout.toNanos()));
    assertFalse(subscription.isClosed(), "ended before the heartbeat came to it");
  }

  @Test
  void aWriteThatFailsOnceUnderWayEndsTheSubscriptionAsGone() {
    Subscription subscription = subscribe(0);
    CompletableFuture<Void> underWay = new CompletableFuture<>();
    client.answer = () -> underWay;

    subscription.offer(Event.withId(1));
    underWay.completeExceptionally(new java.io.IOException("Broken pipe"));

    assertEquals(Subscription.Ending.GONE, subscription.ending());
    assertFalse(subscription.stalled(System.nanoTime() + writeTimeout.toNanos() + 1));
  }
}
