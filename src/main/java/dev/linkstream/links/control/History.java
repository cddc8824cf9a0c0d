package dev.linkstream.links.control;

import dev.linkstream.links.entity.Import;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event history as one transaction writes it. It locks the event sequence before the
 * transaction does anything else and holds the lock until commit, so writers take turns: event ids
 * become visible in increasing order, and a check-then-insert inside the turn cannot race.
 */
final class History {

  // Pruning every so many events keeps the delete off the path of most writes.
  private static final int PRUNE_EVERY = 100;

  private final Connection connection;
  private final Consumer<LinkEvent> appended;
  private final int size;
  private long lastId;

  private History(Connection connection, Consumer<LinkEvent> appended, int size, long lastId) {
    this.connection = connection;
    this.appended = appended;
    this.size = size;
    this.lastId = lastId;
  }

  /** Keeps at least the newest {@code size} events. */
  static History lock(Connection connection, Consumer<LinkEvent> appended, int size)
      throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT last_id FROM event_sequence FOR UPDATE");
        ResultSet row = select.executeQuery()) {
      row.next();
      return new History(connection, appended, size, row.getLong(1));
    }
  }

  void updated(Link link, Instant now) throws SQLException {
    append(LinkEvent.update(lastId + 1, link), now);
  }

  void imported(Import progress, Instant now) throws SQLException {
    append(LinkEvent.imported(lastId + 1, progress), now);
  }

  void removed(long linkId, Instant now) throws SQLException {
    append(LinkEvent.removed(lastId + 1, linkId), now);
  }

  static List<LinkEvent> after(Connection connection, long id, int limit) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, link_id, name, data FROM link_events WHERE id > ? ORDER BY id LIMIT ?")) {
      select.setLong(1, id);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        List<LinkEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(
              new LinkEvent(
                  rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
        }
        return events;
      }
    }
  }

  /** The oldest id still kept; one above the last id when none is. */
  static long firstId(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT MIN(id) FROM link_events");
        ResultSet row = select.executeQuery()) {
      row.next();
      long first = row.getLong(1);
      return row.wasNull() ? lastId(connection) + 1 : first;
    }
  }

  static long lastId(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT last_id FROM event_sequence");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private void append(LinkEvent event, Instant now) throws SQLException {
    try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO link_events (id, link_id, name, data, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement advance =
            connection.prepareStatement("UPDATE event_sequence SET last_id = ?")) {
      insert.setLong(1, event.id());
      insert.setLong(2, event.linkId());
      insert.setString(3, event.name());
      insert.setString(4, event.data());
      insert.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
      advance.setLong(1, event.id());
      advance.executeUpdate();
    }
    lastId = event.id();
    appended.accept(event);
    if (event.id() % PRUNE_EVERY == 0) {
      prune(event.id() - size);
    }
  }

  private void prune(long upTo) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM link_events WHERE id <= ?")) {
      delete.setLong(1, upTo);
      delete.executeUpdate();
    }
  }
}
