package dev.linkstream.fetching.control;

import dev.linkstream.fetching.entity.Fetch;
import dev.linkstream.links.control.LinkMetrics;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.FetchWanted;
import dev.linkstream.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts fetches: for every new or refetched link, at start-up for every link a stopped or crashed
 * server left pending, and again after a passing failure. At most {@code
 * linkstream.fetch.concurrency} run at once; the others wait their turn in order, holding no
 * thread.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = Fetches.FETCHERS)
public class Fetches {

  private static final Logger LOG = Logger.getLogger(Fetches.class.getName());
  static final String FETCHERS = "java:app/concurrent/linkstream-fetchers";

  @Inject
  @ConfigProperty(name = "linkstream.fetch.concurrency")
  int concurrency;

  @Inject LinkStore store;
  @Inject Event<Fetch> fetches;
  @Inject LinkMetrics metrics;

  // Fetches wait on origins for seconds: a pool of their own keeps them off the server's threads.
  // Unbounded, because this class bounds how many it is given.
  @Resource(lookup = FETCHERS)
  ManagedExecutorService fetchers;

  @Resource ManagedScheduledExecutorService timer;

  private final Queue<Fetch> waiting = new ArrayDeque<>();
  private final AtomicInteger delayed = new AtomicInteger();
  private int running;

  @PostConstruct
  void measure() {
    metrics.fetches(this::running, this::waiting, delayed::get);
  }

  void resumePending(@Observes Startup startup) {
    store.pending().forEach(this::start);
  }

  void start(@Observes FetchWanted wanted) {
    start(wanted.link());
  }

  private void start(Link link) {
    enqueue(Fetch.first(link));
  }

  void retry(Fetch fetch, Duration delay) {
    delayed.incrementAndGet();
    timer.schedule(
        () -> {
          delayed.decrementAndGet();
          enqueue(fetch);
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void enqueue(Fetch fetch) {
    synchronized (this) {
      waiting.add(fetch);
    }
    startWaiting();
  }

  private void startWaiting() {
    Fetch next;
    while ((next = nextToStart()) != null) {
      run(next);
    }
  }

  private synchronized Fetch nextToStart() {
    if (running >= concurrency || waiting.isEmpty()) {
      return null;
    }
    running++;
    return waiting.poll();
  }

  private synchronized void finished() {
    running--;
  }

  private synchronized int running() {
    return running;
  }

  private synchronized int waiting() {
    return waiting.size();
  }

  private void run(Fetch fetch) {
    Link link = fetch.link();
    fetches
        .fireAsync(fetch, NotificationOptions.ofExecutor(fetchers))
        .exceptionally(
            failure -> {
              LOG.log(Level.SEVERE, "Fetching link " + link.id() + " failed unexpectedly", failure);
              store.record(FetchResult.failed(link.id(), "internal error"));
              return fetch;
            })
        .whenComplete(
            (done, failure) -> {
              finished();
              startWaiting();
            });
  }
}
