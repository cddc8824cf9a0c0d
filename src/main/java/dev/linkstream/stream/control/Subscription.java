package dev.linkstream.stream.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.eclipse.microprofile.metrics.Counter;

/**
 * One client's stream, fed by the {@link FanOut} with every event the broadcaster sends.
 *
 * <p>Offering it an event never blocks: events wait in a bounded buffer and a writer passes them
 * on, so a client that stops reading delays nobody else; when the buffer is full or a write
 * outlasts the write timeout, the client is disconnected. A writer works for it only while there is
 * something to write.
 *
 * <p>It first catches up from the history after the last id the client has seen, then goes live. It
 * goes live only once the history holds nothing newer, checked under the lock that live events
 * take, and it drops any event whose id it has already queued: the client sees every id once, in
 * order.
 */
public final class Subscription {

  /** What every subscription needs from the stream that holds it. */
  public record Settings(
      LongFunction<List<OutboundSseEvent>> historyAfter,
      Executor writers,
      int bufferSize,
      Duration writeTimeout,
      Counter sent,
      Counter replayed,
      Counter heals) {}

  /** Why a subscription ended. */
  public enum Ending {
    /** The server closed it, as when it stops. */
    CLOSED,
    /** The client went away: a write to it failed. */
    GONE,
    /** The client read too slowly: its buffer filled, or one write outlasted the write timeout. */
    SLOW,
    /** The events it lacked could not be read from the history. */
    ERROR,
    /** It came over a limit, and no place was given up for it while it was on trial. */
    LIMIT
  }

  /** The id of an event that has none: a comment, such as a heartbeat or a probe. */
  public static final long NO_ID = Long.MIN_VALUE;

  private final SseEventSink client;
  private final String address;
  private final Settings settings;
  private final Consumer<Subscription> onClose;
  private final Queue<OutboundSseEvent> buffer = new ArrayDeque<>();
  private final Runnable writer = this::write;
  // Told once everything queued before them is written, or the subscription has ended.
  private List<CompletableFuture<Void>> flushWaiters = new ArrayList<>();
  private long queuedUpTo;
  private boolean live;
  private boolean writing;
  private boolean closed;
  private long sendingSince;
  private boolean wroteOnce;
  private boolean started;
  private Ending ending;
  // Why it ends once what is queued is written; null while it lasts.
  private Ending leaving;

  /**
   * @param address where the client connects from
   * @param seen the id of the last event the client has seen: it receives every one after it
   * @param onClose told once, when the subscription ends for whatever reason
   */
  public Subscription(
      SseEventSink client,
      String address,
      long seen,
      Settings settings,
      Consumer<Subscription> onClose) {
    this.client = client;
    this.address = address;
    this.settings = settings;
    this.onClose = onClose;
    this.queuedUpTo = seen;
  }

  /** Starts writing: the greeting first, then the events the client has missed. */
  public synchronized void start(List<OutboundSseEvent> greeting) {
    // A farewell queued before it started comes after the greeting.
    List<OutboundSseEvent> farewell = List.copyOf(buffer);
    buffer.clear();
    buffer.addAll(greeting);
    buffer.addAll(farewell);
    started = true;
    writing = true;
    settings.writers().execute(writer);
  }

  public String address() {
    return address;
  }

  /** Queues the event and returns at once; one it has queued already, it ignores. */
  public void offer(OutboundSseEvent event) {
    offer(event, idOf(event), settings.writers()::execute);
  }

  /**
   * As {@link #offer(OutboundSseEvent)}, with the event's id read once by whoever hands it to every
   * subscription (parsed for each, it took 5% of Open Liberty's CPU in the benchmark); and if a
   * writer must now work for this subscription, it is handed to {@code wake} rather than to a
   * writer loop, so that whoever offers an event to many can hand them all on at once.
   */
  public void offer(OutboundSseEvent event, long id, Consumer<Runnable> wake) {
    synchronized (this) {
      if (closed || leaving != null || !live || (id != NO_ID && id <= queuedUpTo)) {
        return;
      }
      if (id != NO_ID && id != queuedUpTo + 1) {
        // Ids have no holes: one was lost on the way here, so read it from the history.
        heal();
        return;
      }
      if (buffer.size() < settings.bufferSize()) {
        queue(event, id);
        if (!writing) {
          writing = true;
          wake.accept(writer);
        }
        return;
      }
    }
    close(Ending.SLOW);
  }

  private void startWriter() {
    if (started && !writing) {
      writing = true;
      settings.writers().execute(writer);
    }
  }

  /**
   * Reads from the history whatever this subscription lacks up to {@code lastId}, the newest event
   * handed to it. A gap is otherwise noticed only when a later event arrives, so an event lost at
   * the end of a burst would leave the client short until the next change.
   */
  public synchronized void catchUpTo(long lastId) {
    if (!closed && live && queuedUpTo < lastId) {
      heal();
    }
  }

  /**
   * Queues the comment, as {@link #offer(OutboundSseEvent)} does, and tells when it has been
   * written, or when the subscription has ended: the server learns that a client has gone only by
   * writing to it, and this says when a write has had its chance to find out.
   */
  public CompletableFuture<Void> probe(OutboundSseEvent comment) {
    synchronized (this) {
      if (writing && !wroteOnce) {
        // Opened moments ago and at its first write: not a stream its client has closed to
        // reconnect. On Open Liberty that write waits for a callback on the executor whose threads
        // the requests waiting for this probe hold (a reconnect storm, JFR, 2026-12-04).
        return CompletableFuture.completedFuture(null);
      }
    }
    offer(comment, NO_ID, settings.writers()::execute);
    CompletableFuture<Void> written = new CompletableFuture<>();
    synchronized (this) {
      if (!closed && writing) {
        flushWaiters.add(written);
        return written;
      }
    }
    // Ended, written already, or not queued because the writer catches up from the history.
    written.complete(null);
    return written;
  }

  // Everything queued is written: whoever waited for that is told, once the lock is let go.
  private List<CompletableFuture<Void>> stopWriting() {
    writing = false;
    return takeFlushWaiters();
  }

  private List<CompletableFuture<Void>> takeFlushWaiters() {
    List<CompletableFuture<Void>> waiters = flushWaiters;
    flushWaiters = new ArrayList<>();
    return waiters;
  }

  // Never needed while every event reaches every live subscription: the heals metric says so.
  private void heal() {
    settings.heals().inc();
    live = false;
    startWriter();
  }

  /** True while one write to the client has lasted longer than the write timeout. */
  public synchronized boolean stalled(long nanoTime) {
    return sendingSince != 0 && nanoTime - sendingSince > settings.writeTimeout().toNanos();
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Ends the subscription for the server's own reasons, as when it stops, and closes the client's
   * connection before it returns.
   */
  public void close() {
    List<CompletableFuture<Void>> waiters = markClosed(Ending.CLOSED);
    if (waiters != null) {
      onClose.accept(this);
      flushed(waiters);
      closeConnection();
    }
  }

  /**
   * Ends the subscription without waiting: its place is given up at once, and a writer closes the
   * client's connection. Closing it may wait for as long as a write the client is stuck in: on Open
   * Liberty, RESTEasy's close takes the lock that its blocked write holds, for up to the server's
   * own write timeout.
   */
  public void close(Ending why) {
    List<CompletableFuture<Void>> waiters = markClosed(why);
    if (waiters != null) {
      onClose.accept(this);
      flushed(waiters);
      settings.writers().execute(this::closeConnection);
    }
  }

  /**
   * Ends the subscription once what is queued, and then {@code farewell}, are written: the client
   * learns why its stream ends, and resumes after what it got.
   */
  public synchronized void endWith(OutboundSseEvent farewell, Ending why) {
    if (!closed && leaving == null) {
      leaving = why;
      buffer.add(farewell);
      startWriter();
    }
  }

  /** Why it ended; null while it lasts. */
  public synchronized Ending ending() {
    return ending;
  }

  /** Null if it was closed already; else whoever waits for a write, to be told once it has left. */
  private synchronized List<CompletableFuture<Void>> markClosed(Ending why) {
    if (closed) {
      return null;
    }
    closed = true;
    ending = why;
    buffer.clear();
    return takeFlushWaiters();
  }

  // Outside the lock: whatever each waiter runs next is not this subscription's business.
  private static void flushed(List<CompletableFuture<Void>> waiters) {
    waiters.forEach(waiter -> waiter.complete(null));
  }

  private void closeConnection() {
    try {
      client.close();
    } catch (RuntimeException e) {
      // the connection is gone already, which is all that closing it wants
    }
  }

  private void write() {
    try {
      OutboundSseEvent next;
      while ((next = next()) != null && delivered(next)) {
        // on to the next event, for as long as each write is done when sent
      }
    } catch (RuntimeException e) {
      close(Ending.ERROR);
    } catch (Error e) {
      // Its loop ends with it, and liveness says so; but the subscription must end too, or it stays
      // marked as being written, no writer ever comes back for it, and its client waits for good
      // instead of resuming from the last event it got.
      close(Ending.ERROR);
      throw e;
    }
  }

  /** The next event to deliver, or null when there is none for now and the writer stops. */
  private OutboundSseEvent next() {
    while (true) {
      long after;
      List<CompletableFuture<Void>> written;
      Ending why;
      synchronized (this) {
        if (closed) {
          return null;
        }
        if (!buffer.isEmpty()) {
          return buffer.poll();
        }
        why = leaving;
        after = queuedUpTo;
        written = live && why == null ? stopWriting() : null;
      }
      if (why != null) {
        close(why);
        return null;
      }
      if (written != null) {
        flushed(written);
        return null;
      }
      List<OutboundSseEvent> missed = settings.historyAfter().apply(after);
      synchronized (this) {
        if (missed.isEmpty()) {
          missed = settings.historyAfter().apply(after);
          live = missed.isEmpty();
        }
        missed.forEach(event -> queue(event, idOf(event)));
        settings.replayed().inc(missed.size());
      }
    }
  }

  private void queue(OutboundSseEvent event, long id) {
    buffer.add(event);
    if (id != NO_ID) {
      queuedUpTo = id;
    }
  }

  /**
   * Sends the event, and says whether its write is done. One that is not done yet hands this
   * subscription back to a writer once it is, rather than hold a writer loop until then: Open
   * Liberty completes a write that could not finish at once in a callback on its own executor, and
   * in a reconnect storm thousands of loops waited so, and the loops started to stand in for them
   * took the CPU the callbacks needed (JFR, 2026-12-04). A write that lasts longer than the write
   * timeout shows as {@link #stalled(long)}, and the heartbeat ends it, as it does a write that
   * blocks its loop (Payara Micro's do, and return a future already done).
   */
  private boolean delivered(OutboundSseEvent event) {
    synchronized (this) {
      sendingSince = System.nanoTime();
    }
    CompletableFuture<?> written;
    try {
      written = client.send(event).toCompletableFuture();
    } catch (IllegalStateException closedAlready) {
      written = CompletableFuture.failedFuture(closedAlready);
    }
    boolean done = written.isDone();
    written.whenComplete(
        (none, failure) -> {
          written(event, failure);
          if (!done) {
            settings.writers().execute(writer);
          }
        });
    return done;
  }

  private void written(OutboundSseEvent event, Throwable failure) {
    synchronized (this) {
      sendingSince = 0;
      wroteOnce = true;
    }
    if (failure != null) {
      close(Ending.GONE);
    } else if (event.getId() != null) {
      settings.sent().inc();
    }
  }

  /** The event's id as a number, or {@link #NO_ID}. */
  public static long idOf(OutboundSseEvent event) {
    return event.getId() == null ? NO_ID : Long.parseLong(event.getId());
  }
}
