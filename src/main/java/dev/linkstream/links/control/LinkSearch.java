package dev.linkstream.links.control;

import dev.linkstream.links.entity.Link;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The links' search words (table {@code link_search}), as one transaction writes them. */
final class LinkSearch {

  private LinkSearch() {}

  /** Gives the links, which have none yet, their words. */
  static void add(Connection connection, List<Link> links) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO link_search (link_id, search_text) VALUES (?, ?)")) {
      for (Link link : links) {
        insert.setLong(1, link.id());
        insert.setString(2, link.searchText());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Gives the link the words of its fields as they are now. One stored before search was keeps
   * having none: {@link LinkStore#makeSearchable} adds them, and adding them here as well could
   * collide with it.
   */
  static void replace(Connection connection, Link link) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE link_search SET search_text = ? WHERE link_id = ?")) {
      update.setString(1, link.searchText());
      update.setLong(2, link.id());
      update.executeUpdate();
    }
  }
}
