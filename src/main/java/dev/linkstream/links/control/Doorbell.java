package dev.linkstream.links.control;

import dev.linkstream.links.entity.HistoryCheck;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.ThisInstance;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance on one PostgreSQL database that the history has grown: a transaction that
 * adds events notifies, and each instance listens on a connection of its own and asks for a {@link
 * HistoryCheck} at every notification, and at every poll interval without one. The notification
 * only says "look": the history is the truth, so one lost costs a poll interval, not an event.
 *
 * <p>The one class that names the PostgreSQL driver: waiting for notifications has no standard API.
 * On the embedded database there is one instance, whose own changes announce themselves.
 */
@ApplicationScoped
public class Doorbell {

  private static final Logger LOG = Logger.getLogger(Doorbell.class.getName());

  static final String CHANNEL = "linkstream_events";

  @Inject Database database;
  @Inject ThisInstance instance;
  @Inject Event<HistoryCheck> checks;

  @Inject
  @ConfigProperty(name = "linkstream.stream.doorbell")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "linkstream.stream.poll")
  Duration poll;

  @Resource ManagedThreadFactory threads;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Connection listening;
  private Thread listener;

  /** Within the transaction that added events: PostgreSQL delivers it once that commits. */
  void ring(Connection connection) throws SQLException {
    if (enabled && database.isPostgreSQL()) {
      try (Statement notify = connection.createStatement()) {
        notify.execute("NOTIFY " + CHANNEL);
      }
    }
  }

  void listen(@Observes Startup startup) {
    if (poll.toMillis() < 1) {
      throw new IllegalArgumentException("linkstream.stream.poll: at least 1ms, not " + poll);
    }
    if (database.isPostgreSQL()) {
      listener = threads.newThread(this::listenUntilStopped);
      listener.start();
    }
  }

  @PreDestroy
  void stop() {
    stopped.countDown();
    Connection connection = listening;
    if (connection != null) {
      try {
        // Ends a wait for notifications at once.
        connection.close();
      } catch (SQLException e) {
        // it is being given up anyway
      }
    }
  }

  /** Reconnects after any failure, a poll interval later; it must not end before the stop. */
  private void listenUntilStopped() {
    boolean lost = false;
    while (stopped.getCount() > 0) {
      try (Connection connection = database.dedicated(instance.name() + " (listening)")) {
        listening = connection;
        if (enabled) {
          try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
          }
        }
        if (lost) {
          LOG.fine("Listening for other instances' changes again");
          lost = false;
        }
        // Listening first, then looking: a change committed in between is found either way.
        check(false);
        waitForChanges(connection);
      } catch (SQLException | RuntimeException e) {
        if (stopped.getCount() > 0 && !lost) {
          // Fine, not a warning: with the database gone, Database tells the outage once, and on its
          // own it costs a poll interval; linkstream.stream.polls.found shows it.
          LOG.fine(
              () ->
                  "Lost the connection that listens for other instances' changes; polling every "
                      + poll
                      + " until it is back: "
                      + e);
          lost = true;
        }
      } finally {
        listening = null;
      }
      awaitStop(poll);
    }
  }

  private void waitForChanges(Connection connection) throws SQLException {
    PGConnection notifications = connection.unwrap(PGConnection.class);
    int timeout = (int) Math.min(Integer.MAX_VALUE, poll.toMillis());
    while (stopped.getCount() > 0) {
      boolean rung;
      if (enabled) {
        // Never 0, which waits for good, also on a connection the network has half closed.
        PGNotification[] received = notifications.getNotifications(timeout);
        rung = received != null && received.length > 0;
      } else {
        awaitStop(poll);
        rung = false;
      }
      // A backend ended by pg_terminate_backend leaves the connection looking open.
      if (!rung && !connection.isValid((int) Math.max(1, poll.toSeconds()))) {
        throw new SQLException("the listening connection no longer answers");
      }
      check(rung);
    }
  }

  private void check(boolean rung) {
    try {
      checks.fire(new HistoryCheck(rung));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "A check of the history failed; the next one retries it", e);
    }
  }

  private void awaitStop(Duration time) {
    try {
      stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.countDown();
    }
  }
}
