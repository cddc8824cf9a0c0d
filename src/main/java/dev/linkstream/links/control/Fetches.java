package dev.linkstream.links.control;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts fetches: for every new or refetched link, and at start-up for every link a stopped or
 * crashed server left pending.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = Fetches.FETCHERS, maxAsync = 16)
public class Fetches {

  private static final Logger LOG = Logger.getLogger(Fetches.class.getName());
  static final String FETCHERS = "java:app/concurrent/linkstream-fetchers";

  @Inject LinkStore store;
  @Inject Event<Link> submitted;

  // Fetches wait on origins for seconds: a pool of their own keeps them off the server's threads.
  @Resource(lookup = FETCHERS)
  ManagedExecutorService fetchers;

  void resumePending(@Observes Startup startup) {
    store.pending().forEach(this::start);
  }

  public void start(Link link) {
    submitted
        .fireAsync(link, NotificationOptions.ofExecutor(fetchers))
        .exceptionally(
            failure -> {
              LOG.log(Level.SEVERE, "Fetching link " + link.id() + " failed unexpectedly", failure);
              store.record(FetchResult.failed(link.id(), "internal error"));
              return link;
            });
  }
}
