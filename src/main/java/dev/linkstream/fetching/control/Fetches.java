package dev.linkstream.fetching.control;

import dev.linkstream.fetching.entity.Fetch;
import dev.linkstream.links.control.LinkMetrics;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.FetchWanted;
import dev.linkstream.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts fetches: for every new or refetched link, at start-up for every link a stopped or crashed
 * server left pending, and again after a passing failure. At most {@code
 * linkstream.fetch.concurrency} run at once; the others wait their turn in order, holding no
 * thread, an import's behind all others.
 */
@ApplicationScoped
public class Fetches {

  private static final Logger LOG = Logger.getLogger(Fetches.class.getName());

  /** How long a fetcher thread with nothing to do waits before it ends. */
  static final Duration IDLE = Duration.ofSeconds(30);

  @Inject
  @ConfigProperty(name = "linkstream.fetch.concurrency")
  int concurrency;

  @Inject LinkStore store;
  @Inject Event<Fetch> fetches;
  @Inject LinkMetrics metrics;

  @Resource ManagedThreadFactory threads;

  @Resource ManagedScheduledExecutorService timer;

  // Fetches wait on origins for seconds: a pool of their own keeps them off the server's threads.
  // Not an unbounded @ManagedExecutorDefinition: on Payara that one made a new thread for every
  // fetch and kept it, waiting, for good (a thread per link ever fetched). This pool holds at most
  // one thread per fetch that may run at once, and lets idle ones go.
  private ThreadPoolExecutor fetchers;

  private FetchQueue queue;
  private final AtomicInteger delayed = new AtomicInteger();

  @PostConstruct
  void open() {
    fetchers =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    fetchers.allowCoreThreadTimeOut(true);
    queue = new FetchQueue(concurrency);
    metrics.fetches(queue::running, queue::waiting, delayed::get);
  }

  // Fetches still running are interrupted; their links stay pending and resume at the next start.
  @PreDestroy
  void close() {
    fetchers.shutdownNow();
  }

  void resumePending(@Observes Startup startup) {
    store.pending().forEach(this::start);
  }

  void start(@Observes FetchWanted wanted) {
    enqueue(Fetch.first(wanted.link(), wanted.backlog()));
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
    queue.add(fetch);
    startWaiting();
  }

  private void startWaiting() {
    Fetch next;
    while ((next = queue.next()) != null) {
      run(next);
    }
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
              queue.finished();
              startWaiting();
            });
  }
}
