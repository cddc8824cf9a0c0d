package dev.linkstream.links.control;

import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.TagCount;
import dev.linkstream.links.entity.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The links' tags, as one transaction reads and writes them. */
final class LinkTags {

  // Ids asked about in one statement: PostgreSQL binds at most 32,767 parameters, and the pending
  // links read at start-up may be many more.
  private static final int CHUNK = 500;

  private LinkTags() {}

  /** The links, each with its tags. */
  static List<Link> attach(Connection connection, List<Link> links) throws SQLException {
    Map<Long, List<String>> tags = new HashMap<>();
    for (int from = 0; from < links.size(); from += CHUNK) {
      List<Link> chunk = links.subList(from, Math.min(links.size(), from + CHUNK));
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT link_id, tag FROM link_tags WHERE link_id IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 1, chunk.get(i).id());
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            tags.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
          }
        }
      }
    }
    if (tags.isEmpty()) {
      return links;
    }
    return links.stream()
        .map(
            link ->
                tags.containsKey(link.id()) ? tagged(link, new Tags(tags.get(link.id()))) : link)
        .toList();
  }

  static void write(Connection connection, long linkId, Tags tags) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM link_tags WHERE link_id = ?")) {
      delete.setLong(1, linkId);
      delete.executeUpdate();
    }
    if (tags.names().isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO link_tags (link_id, tag) VALUES (?, ?)")) {
      for (String tag : tags.names()) {
        insert.setLong(1, linkId);
        insert.setString(2, tag);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The ids of the links that have the tag, oldest first. */
  static List<Long> linksWith(Connection connection, String tag) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT link_id FROM link_tags WHERE tag = ? ORDER BY link_id")) {
      select.setString(1, tag);
      try (ResultSet rows = select.executeQuery()) {
        List<Long> ids = new ArrayList<>();
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
        return ids;
      }
    }
  }

  /**
   * Of the tags, the one the fewest links have, if at most {@code few} do; counting stops there, so
   * a common tag costs no more than a rare one.
   */
  static Optional<String> rarest(Connection connection, List<String> tags, int few)
      throws SQLException {
    String rarest = null;
    long fewest = few + 1L;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM (SELECT 1 FROM link_tags WHERE tag = ? FETCH FIRST ? ROWS ONLY)"
                + " counted")) {
      for (String tag : tags) {
        select.setString(1, tag);
        select.setLong(2, fewest);
        try (ResultSet count = select.executeQuery()) {
          count.next();
          if (count.getLong(1) < fewest) {
            rarest = tag;
            fewest = count.getLong(1);
          }
        }
      }
    }
    return Optional.ofNullable(rarest);
  }

  static List<TagCount> counts(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT tag, COUNT(*) FROM link_tags GROUP BY tag");
        ResultSet rows = select.executeQuery()) {
      List<TagCount> counts = new ArrayList<>();
      while (rows.next()) {
        counts.add(new TagCount(rows.getString(1), rows.getLong(2)));
      }
      // In Java's order of text, which is every database's: collations differ.
      counts.sort(Comparator.comparing(TagCount::name));
      return counts;
    }
  }

  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  static Link tagged(Link link, Tags tags) {
    return link.edited(link.state(), link.edits().with(tags), link.updatedAt());
  }
}
