package dev.linkstream.fetching.control;

import dev.linkstream.fetching.entity.Fetch;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The fetches waiting their turn, in order, and how many run. A backlog fetch, an import's, starts
 * only when no other waits: a link a person submits during an import of thousands is fetched next.
 */
final class FetchQueue {

  private final int concurrency;
  private final Queue<Fetch> waiting = new ArrayDeque<>();
  private final Queue<Fetch> backlog = new ArrayDeque<>();
  private int running;

  FetchQueue(int concurrency) {
    this.concurrency = concurrency;
  }

  synchronized void add(Fetch fetch) {
    (fetch.backlog() ? backlog : waiting).add(fetch);
  }

  /** The fetch to start now, counted as running; null when none waits or enough run. */
  synchronized Fetch next() {
    if (running >= concurrency || waiting.isEmpty() && backlog.isEmpty()) {
      return null;
    }
    running++;
    return waiting.isEmpty() ? backlog.poll() : waiting.poll();
  }

  synchronized void finished() {
    running--;
  }

  synchronized int running() {
    return running;
  }

  synchronized int waiting() {
    return waiting.size() + backlog.size();
  }
}
