package dev.linkstream.accounts.control;

import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Role;
import dev.linkstream.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-ins of the page, in the database rather than the server's HTTP session: any instance knows
 * them, and they outlive a restart. The cookie holds a random secret, the database its SHA-256. A
 * session lasts {@code linkstream.auth.session-lifetime} from when it was last used.
 */
@ApplicationScoped
public class Sessions {

  /** How often at most the use of a session is written down. */
  static final Duration RENEWAL = Duration.ofMinutes(1);

  @Inject Database database;

  @Inject
  @ConfigProperty(name = "linkstream.auth.session-lifetime")
  Duration lifetime;

  /** A new session's cookie secret, which is kept nowhere. */
  public record Opened(String secret, Caller caller) {}

  public Opened open(String account, Role role) {
    String id = Secrets.id();
    String secret = Secrets.random(32);
    Instant now = Instant.now();
    database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO sessions (id, secret_hash, account, created_at, last_used_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, Secrets.sha256(secret));
            insert.setString(3, account);
            insert.setObject(4, utc(now));
            insert.setObject(5, utc(now));
            insert.setObject(6, utc(now.plus(lifetime)));
            return insert.executeUpdate();
          }
        });
    return new Opened(secret, new Caller(account, role, Kind.SESSION, id, null));
  }

  /** The session the secret opens, renewed, unless it has ended. */
  public Optional<Caller> find(String secret) {
    Instant now = Instant.now();
    return database.transaction(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT s.id, s.account, a.role, s.last_used_at FROM sessions s"
                      + " JOIN accounts a ON a.name = s.account"
                      + " WHERE s.secret_hash = ? AND s.expires_at > ?")) {
            select.setString(1, Secrets.sha256(secret));
            select.setObject(2, utc(now));
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              String id = rows.getString(1);
              Instant lastUsed = rows.getObject(4, OffsetDateTime.class).toInstant();
              if (lastUsed.plus(RENEWAL).isBefore(now)) {
                renew(connection, id, now);
              }
              return Optional.of(
                  new Caller(
                      rows.getString(2), Role.fromJSON(rows.getString(3)), Kind.SESSION, id, null));
            }
          }
        });
  }

  private void renew(Connection connection, String id, Instant now) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE id = ?")) {
      update.setObject(1, utc(now));
      update.setObject(2, utc(now.plus(lifetime)));
      update.setString(3, id);
      update.executeUpdate();
    }
  }

  public boolean isOpen(String id) {
    return database.transaction(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT 1 FROM sessions WHERE id = ? AND expires_at > ?")) {
            select.setString(1, id);
            select.setObject(2, utc(Instant.now()));
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  public void end(String id) {
    delete("DELETE FROM sessions WHERE id = ?", id);
  }

  /** Every session of the account but the one given, which may be null. */
  public void endOthers(String account, String keep) {
    delete("DELETE FROM sessions WHERE account = ? AND id <> ?", account, keep == null ? "" : keep);
  }

  private void delete(String sql, String... values) {
    database.transaction(
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              delete.setString(i + 1, values[i]);
            }
            return delete.executeUpdate();
          }
        });
    // Expired ones are of no use to anyone: they go whenever any session ends.
    database.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            delete.setObject(1, utc(Instant.now()));
            return delete.executeUpdate();
          }
        });
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
