package dev.linkstream.bench;

import dev.linkstream.links.entity.Link;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores many links at once, in batches on a connection of its own: rows as the store writes them,
 * search words included, but thousands of times faster than through it.
 */
final class LinkLoader {

  private static final int COMMIT_EVERY = 5_000;

  private static final String INSERT_LINK =
      "INSERT INTO links (id, url, status, state, title, content_type, details, note,"
          + " submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_SEARCH =
      "INSERT INTO link_search (link_id, search_text) VALUES (?, ?)";

  private static final String INSERT_TAG = "INSERT INTO link_tags (link_id, tag) VALUES (?, ?)";

  private LinkLoader() {}

  /**
   * Links 1 to {@code count}, with the ids given: the identity sequence is left behind, which
   * matters to no search.
   */
  static void load(Database database, SyntheticLinks links, int count) throws SQLException {
    try (Connection connection = Databases.connect(database);
        PreparedStatement insertLink = connection.prepareStatement(INSERT_LINK);
        PreparedStatement insertSearch = connection.prepareStatement(INSERT_SEARCH);
        PreparedStatement insertTag = connection.prepareStatement(INSERT_TAG)) {
      connection.setAutoCommit(false);
      for (long id = 1; id <= count; id++) {
        add(insertLink, insertSearch, insertTag, links.link(id));
        if (id % COMMIT_EVERY == 0 || id == count) {
          // The links first: their words and tags refer to them.
          insertLink.executeBatch();
          insertSearch.executeBatch();
          insertTag.executeBatch();
          connection.commit();
        }
      }
    }
  }

  /**
   * What the statistics of a freshly loaded PostgreSQL database lack, and its search index's list
   * of pending entries: left to autovacuum, both would be made in the middle of the measurement.
   */
  static void settle(Database database) throws SQLException {
    if (!database.isPostgreSQL()) {
      return;
    }
    try (Connection connection = Databases.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
  }

  private static void add(
      PreparedStatement insertLink,
      PreparedStatement insertSearch,
      PreparedStatement insertTag,
      Link link)
      throws SQLException {
    insertLink.setLong(1, link.id());
    insertLink.setString(2, link.url());
    insertLink.setString(3, link.status().toJSON());
    insertLink.setString(4, link.state().toJSON());
    insertLink.setString(5, link.title());
    insertLink.setString(6, link.contentType());
    insertLink.setString(7, link.details().toJSON());
    insertLink.setString(8, link.edits().note());
    insertLink.setObject(9, utc(link.submittedAt()));
    insertLink.setObject(10, utc(link.updatedAt()));
    insertLink.addBatch();
    insertSearch.setLong(1, link.id());
    insertSearch.setString(2, link.searchText());
    insertSearch.addBatch();
    for (String tag : link.edits().tags().names()) {
      insertTag.setLong(1, link.id());
      insertTag.setString(2, tag);
      insertTag.addBatch();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
