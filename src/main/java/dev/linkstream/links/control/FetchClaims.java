package dev.linkstream.links.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims on pending links' fetches, as one transaction reads and writes them. Times are the
 * database's: instances whose clocks disagree still agree on when a lease runs out.
 */
final class FetchClaims {

  /** A link claimed: the lease counter and attempt it was claimed with. */
  record Claimed(long linkId, long lease, int attempt, boolean tookOver) {}

  private static final String CLAIMABLE =
      "SELECT id, claimed_by, lease, fetch_attempts FROM links WHERE status = 'pending'"
          + " AND (lease_until IS NULL OR lease_until < ?)";

  private FetchClaims() {}

  /**
   * Claims at most {@code most} links no live claim holds, for the instance until the lease runs
   * out: a person's before an import's, oldest first. Rows another transaction is claiming are
   * skipped, not waited for, so instances that claim at once claim different links.
   */
  static List<Claimed> claim(Connection connection, int most, String instance, Duration lease)
      throws SQLException {
    Instant now = now(connection);
    List<Claimed> claimed =
        select(connection, CLAIMABLE + " AND import_id IS NULL ORDER BY id", now, most);
    if (claimed.size() < most) {
      claimed.addAll(
          select(
              connection,
              CLAIMABLE + " AND import_id IS NOT NULL ORDER BY import_id, id",
              now,
              most - claimed.size()));
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE links SET claimed_by = ?, lease_until = ?, lease = ?, fetch_attempts = ?"
                + " WHERE id = ?")) {
      for (Claimed claim : claimed) {
        update.setString(1, instance);
        update.setObject(2, utc(now.plus(lease)));
        update.setLong(3, claim.lease());
        update.setInt(4, claim.attempt());
        update.setLong(5, claim.linkId());
        update.addBatch();
      }
      update.executeBatch();
    }
    return claimed;
  }

  private static List<Claimed> select(Connection connection, String sql, Instant now, int most)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(sql + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
      select.setObject(1, utc(now));
      select.setInt(2, most);
      try (ResultSet rows = select.executeQuery()) {
        List<Claimed> claimed = new ArrayList<>();
        while (rows.next()) {
          claimed.add(
              new Claimed(
                  rows.getLong(1),
                  rows.getLong(3) + 1,
                  rows.getInt(4) + 1,
                  rows.getString(2) != null));
        }
        return claimed;
      }
    }
  }

  /** Whether the link's current claim is the one made under {@code lease}. */
  static boolean holds(Connection connection, long linkId, long lease) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT lease FROM links WHERE id = ? FOR UPDATE")) {
      select.setLong(1, linkId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getLong(1) == lease;
      }
    }
  }

  /** Ends the link's claim, its fetch done. */
  static void end(Connection connection, long linkId) throws SQLException {
    update(
        connection,
        "UPDATE links SET claimed_by = NULL, lease_until = NULL, fetch_attempts = 0 WHERE id = ?",
        linkId);
  }

  /** Ends any claim on the link and makes a fetch under it change nothing: it is to start anew. */
  static void fence(Connection connection, long linkId) throws SQLException {
    update(
        connection,
        "UPDATE links SET claimed_by = NULL, lease_until = NULL, lease = lease + 1,"
            + " fetch_attempts = 0 WHERE id = ?",
        linkId);
  }

  /**
   * Gives the claim up for now: any instance may claim the link again once the delay has passed.
   * False when the claim no longer holds.
   */
  static boolean release(Connection connection, long linkId, long lease, Duration delay)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE links SET claimed_by = NULL, lease_until = ? WHERE id = ? AND lease = ?"
                + " AND status = 'pending'")) {
      update.setObject(1, utc(now(connection).plus(delay)));
      update.setLong(2, linkId);
      update.setLong(3, lease);
      return update.executeUpdate() > 0;
    }
  }

  /**
   * Ends every claim held under the instance's name, fencing them: an instance that starts under a
   * name is the only one running under it, so those are an earlier run's, which stopped or crashed.
   */
  static int releaseAll(Connection connection, String instance) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE links SET claimed_by = NULL, lease_until = NULL, lease = lease + 1"
                + " WHERE claimed_by = ?")) {
      update.setString(1, instance);
      return update.executeUpdate();
    }
  }

  /** Pending links that could be claimed now: no claim holds them, and no retry's delay. */
  static int claimable(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM links WHERE status = 'pending'"
                + " AND (lease_until IS NULL OR lease_until < ?)")) {
      select.setObject(1, utc(now(connection)));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static void update(Connection connection, String sql, long linkId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, linkId);
      update.executeUpdate();
    }
  }

  private static Instant now(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
