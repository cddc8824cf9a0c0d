package dev.linkstream.stream.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The newest events sent, for the subscriptions that resume close behind them. In a reconnect storm
 * every client resumes a few events back, and reading those from the database took each a pooled
 * connection: on Open Liberty half of all the time threads waited in the storm was for one (JFR,
 * 2026-12-04).
 *
 * <p>Events are kept in the order they are sent, with ids that follow on; one that does not follow
 * on starts the tail anew. It must be added before it is handed to any subscription: a subscription
 * goes live only once it finds nothing newer here, so an event it does not find must still be on
 * its way to it.
 */
public final class Recent {

  private final int most;
  private final Deque<OutboundSseEvent> events = new ArrayDeque<>();
  private long last;

  /**
   * @param most how many events it keeps at most
   */
  public Recent(int most) {
    this.most = most;
  }

  public synchronized void add(OutboundSseEvent event) {
    long id = Subscription.idOf(event);
    if (events.isEmpty() || id != last + 1) {
      events.clear();
    }
    events.addLast(event);
    last = id;
    if (events.size() > most) {
      events.removeFirst();
    }
  }

  /** Whether it holds every event after {@code id}: none, when that is the newest. */
  public synchronized boolean holdsAfter(long id) {
    return !events.isEmpty() && id >= last - events.size() && id <= last;
  }

  /**
   * The oldest events after {@code id}, at most {@code limit}; or nothing, when it does not hold
   * them all and the history must be read.
   */
  public synchronized Optional<List<OutboundSseEvent>> after(long id, int limit) {
    if (!holdsAfter(id)) {
      return Optional.empty();
    }
    // From the newest back, as a resuming client is mostly a few events behind.
    List<OutboundSseEvent> newer = new ArrayList<>((int) (last - id));
    Iterator<OutboundSseEvent> back = events.descendingIterator();
    for (long next = last; next > id; next--) {
      newer.add(back.next());
    }
    Collections.reverse(newer);
    return Optional.of(List.copyOf(newer.subList(0, Math.min(limit, newer.size()))));
  }
}
