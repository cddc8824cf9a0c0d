package dev.linkstream.links.control;

import dev.linkstream.links.entity.Import;
import dev.linkstream.links.entity.ImportProblem;
import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The imports' progress, as one transaction reads and writes it. */
final class Imports {

  private Imports() {}

  static Import start(Connection connection, int total, List<ImportProblem> problems, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO imports (total, added, duplicates, invalid, fetched, problems,"
                + " started_at, updated_at) VALUES (?, 0, 0, ?, 0, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      Import started = new Import(0, total, 0, 0, problems.size(), 0, problems, now, now);
      insert.setInt(1, total);
      insert.setInt(2, problems.size());
      insert.setString(3, json(started.problems()));
      insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return new Import(key.getLong("id"), total, 0, 0, problems.size(), 0, problems, now, now);
      }
    }
  }

  static Optional<Import> find(Connection connection, long id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT total, added, duplicates, invalid, fetched, problems, started_at, updated_at"
                + " FROM imports WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Import(
                id,
                row.getInt(1),
                row.getInt(2),
                row.getInt(3),
                row.getInt(4),
                row.getInt(5),
                problems(row.getString(6)),
                row.getObject(7, OffsetDateTime.class).toInstant(),
                row.getObject(8, OffsetDateTime.class).toInstant()));
      }
    }
  }

  static void update(Connection connection, Import progress) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE imports SET added = ?, duplicates = ?, fetched = ?, updated_at = ?"
                + " WHERE id = ?")) {
      update.setInt(1, progress.added());
      update.setInt(2, progress.duplicates());
      update.setInt(3, progress.fetched());
      update.setObject(4, OffsetDateTime.ofInstant(progress.updatedAt(), ZoneOffset.UTC));
      update.setLong(5, progress.id());
      update.executeUpdate();
    }
  }

  /**
   * Counts the link's first fetch for the import that added it, if one still owes it: the import as
   * it now is, or none.
   */
  static Optional<Import> fetched(Connection connection, long linkId, Instant now)
      throws SQLException {
    Long importId = null;
    try (PreparedStatement select =
        connection.prepareStatement("SELECT import_id FROM links WHERE id = ?")) {
      select.setLong(1, linkId);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          importId = row.getObject(1, Long.class);
        }
      }
    }
    if (importId == null) {
      return Optional.empty();
    }
    try (PreparedStatement clear =
        connection.prepareStatement("UPDATE links SET import_id = NULL WHERE id = ?")) {
      clear.setLong(1, linkId);
      clear.executeUpdate();
    }
    Optional<Import> progress = find(connection, importId).map(found -> found.fetchedOne(now));
    if (progress.isPresent()) {
      update(connection, progress.get());
    }
    return progress;
  }

  private static String json(List<ImportProblem> problems) {
    JsonArrayBuilder array = Jsonp.array();
    problems.forEach(problem -> array.add(problem.toJSON()));
    return array.build().toString();
  }

  private static List<ImportProblem> problems(String json) {
    try (var reader = Jsonp.reader(json)) {
      JsonArray array = reader.readArray();
      return array.stream().map(value -> ImportProblem.fromJSON((JsonObject) value)).toList();
    }
  }
}
