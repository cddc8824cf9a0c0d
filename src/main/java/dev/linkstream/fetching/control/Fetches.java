package dev.linkstream.fetching.control;

import dev.linkstream.links.control.LinkMetrics;
import dev.linkstream.links.control.LinkMetrics.Lease;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.FetchClaim;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.FetchWanted;
import dev.linkstream.platform.control.OneAtATime;
import dev.linkstream.platform.control.ThisInstance;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts fetches. The database is the queue: pending links wait there, and this instance claims as
 * many as it has room for ({@code linkstream.fetch.concurrency}), a person's before an import's,
 * when a link is submitted, when a fetch ends, and every quarter lease. A claim holds for {@code
 * linkstream.fetch.lease}; one an instance that vanished left is claimed again once it runs out, by
 * whichever instance looks first.
 */
@ApplicationScoped
public class Fetches {

  private static final Logger LOG = Logger.getLogger(Fetches.class.getName());

  /** How long a fetcher thread with nothing to do waits before it ends. */
  static final Duration IDLE = Duration.ofSeconds(30);

  @Inject
  @ConfigProperty(name = "linkstream.fetch.concurrency")
  int concurrency;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.lease")
  Duration lease;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.timeout")
  Duration timeout;

  @Inject LinkStore store;
  @Inject Event<FetchClaim> fetches;
  @Inject LinkMetrics metrics;
  @Inject ThisInstance instance;

  @Resource ManagedThreadFactory threads;

  @Resource ManagedScheduledExecutorService timer;

  // Fetches wait on origins for seconds: a pool of their own keeps them off the server's threads.
  // Not an unbounded @ManagedExecutorDefinition: on Payara that one made a new thread for every
  // fetch and kept it, waiting, for good (a thread per link ever fetched). This pool holds at most
  // one thread per fetch that may run at once, and lets idle ones go.
  private ThreadPoolExecutor fetchers;

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger delayed = new AtomicInteger();
  private final OneAtATime claims =
      new OneAtATime(
          this::claim,
          e -> LOG.fine(() -> "Claiming fetches failed; the next sweep tries again: " + e));
  private ScheduledFuture<?> sweeps;

  @PostConstruct
  void open() {
    if (lease.compareTo(timeout) <= 0) {
      throw new IllegalArgumentException(
          "linkstream.fetch.lease ("
              + lease
              + ") must be longer than linkstream.fetch.timeout ("
              + timeout
              + "): a claim would run out while its fetch may still end well");
    }
    fetchers =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    fetchers.allowCoreThreadTimeOut(true);
    metrics.fetches(running::get, this::claimable, delayed::get);
  }

  /**
   * Fetches still running are interrupted, and their claims given up: another instance, or this one
   * when it starts again, fetches those links anew.
   */
  @PreDestroy
  void close() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
    fetchers.shutdownNow();
    try {
      store.releaseClaims(instance.name());
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not give up this instance's claims; they run out by themselves: " + e);
    }
  }

  /**
   * Takes back what an earlier run under this name had claimed (it stopped or crashed), and starts
   * what waits.
   */
  void resumePending(@Observes Startup startup) {
    store.releaseClaims(instance.name());
    long sweep = Math.max(100, lease.toMillis() / 4);
    sweeps = timer.scheduleWithFixedDelay(this::claimSoon, 0, sweep, TimeUnit.MILLISECONDS);
  }

  void start(@Observes FetchWanted wanted) {
    claimSoon();
  }

  /**
   * Gives the claim up for the delay: the next attempt is claimed after it, here or on another
   * instance.
   */
  void retry(FetchClaim claim, Duration delay) {
    try {
      if (!store.retryLater(claim, delay)) {
        // Claimed again or refetched meanwhile: this attempt's outcome is fenced off, as a result
        // is.
        metrics.leased(Lease.FENCED);
        return;
      }
    } catch (RuntimeException e) {
      LOG.fine(() -> "Link " + claim.link().id() + " is retried once its claim runs out: " + e);
      return;
    }
    delayed.incrementAndGet();
    timer.schedule(
        () -> {
          delayed.decrementAndGet();
          claimSoon();
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** One claim at a time, and no thread waits for it: a call while one runs has it claim again. */
  private void claimSoon() {
    claims.run();
  }

  // Only this, one at a time, adds to running; so the room it sees cannot shrink meanwhile.
  private void claim() {
    for (FetchClaim claim : store.claim(concurrency - running.get(), instance.name(), lease)) {
      metrics.leased(Lease.CLAIMED);
      if (claim.tookOver()) {
        metrics.leased(Lease.EXPIRED);
        LOG.fine(
            () -> "Link " + claim.link().id() + " claimed after another instance's claim ran out");
      }
      run(claim);
    }
  }

  private void run(FetchClaim claim) {
    running.incrementAndGet();
    long id = claim.link().id();
    fetches
        .fireAsync(claim, NotificationOptions.ofExecutor(fetchers))
        .exceptionally(
            failure -> {
              LOG.log(Level.SEVERE, "Fetching link " + id + " failed unexpectedly", failure);
              store.record(FetchResult.failed(id, "internal error").under(claim.lease()));
              return claim;
            })
        .whenComplete(
            (done, failure) -> {
              running.decrementAndGet();
              claimSoon();
            });
  }

  private int claimable() {
    try {
      return store.claimable();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
