package dev.linkstream.stream.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one sink registered with the broadcaster, on behalf of every subscription: it hands each
 * event to all of them, and each queues it without blocking.
 *
 * <p>So the broadcaster does the same work per event whatever the number of subscribers, and a
 * subscriber costs it nothing to add: Jersey's {@code register} walks every sink registered before
 * and holds up broadcasts meanwhile, and its broadcast starts work per sink per event. Jersey also
 * buffers at most 256 events per sink and drops the sink that falls behind; {@link #awaitRoom}
 * keeps fewer than that on the way.
 *
 * <p>The writers of the subscriptions an event wakes are handed on together, once the event has
 * been offered to all of them: one hand-off per event rather than one per subscriber.
 */
public final class FanOut implements SseEventSink {

  private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

  /** Events the broadcaster may hold for this sink at once: half of what Jersey's buffer takes. */
  static final int WINDOW = 128;

  private final Subscribers subscribers;
  private final Consumer<List<Runnable>> writers;
  private final Semaphore room = new Semaphore(WINDOW);
  private volatile long lastHandedOn;
  private volatile boolean closed;

  /**
   * @param writers runs the writers an event has woken, each once
   */
  public FanOut(Subscribers subscribers, Consumer<List<Runnable>> writers, long lastHandedOn) {
    this.subscribers = subscribers;
    this.writers = writers;
    this.lastHandedOn = lastHandedOn;
  }

  /**
   * Waits until the broadcaster holds fewer than {@link #WINDOW} events for this sink, or the
   * deadline passes; to be called once before each broadcast.
   */
  public void awaitRoom(Duration deadline) throws InterruptedException {
    if (!room.tryAcquire(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.fine(() -> "The broadcaster did not hand events on within " + deadline);
    }
  }

  /** Gives back the room of an event the broadcaster refused, which never reaches this sink. */
  public void refused() {
    room.release();
  }

  @Override
  public CompletionStage<?> send(OutboundSseEvent event) {
    try {
      long id = Subscription.idOf(event);
      List<Runnable> woken = new ArrayList<>();
      subscribers.forEach(subscription -> offer(subscription, event, id, woken));
      writers.accept(woken);
      if (id != Subscription.NO_ID) {
        lastHandedOn = id;
      }
    } finally {
      room.release();
    }
    return CompletableFuture.completedFuture(null);
  }

  // One subscription's fault must not cost the others the event.
  private static void offer(
      Subscription subscription, OutboundSseEvent event, long id, List<Runnable> woken) {
    try {
      subscription.offer(event, id, woken::add);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A stream could not take an event", e);
      subscription.close(Subscription.Ending.ERROR);
    }
  }

  /** The id of the newest event handed to every subscription. */
  public long lastHandedOn() {
    return lastHandedOn;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * The broadcaster closes its sinks when it closes, or when it gives one up; the subscriptions are
   * not its to end, so this only marks the sink as no longer registered.
   */
  @Override
  public void close() {
    closed = true;
  }
}
