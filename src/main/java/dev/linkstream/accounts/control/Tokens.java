package dev.linkstream.accounts.control;

import static dev.linkstream.accounts.control.Sessions.utc;

import dev.linkstream.accounts.entity.Caller;
import dev.linkstream.accounts.entity.Caller.Kind;
import dev.linkstream.accounts.entity.Role;
import dev.linkstream.accounts.entity.Scope;
import dev.linkstream.accounts.entity.Token;
import dev.linkstream.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens for programs: {@code lks_<id>_<secret>}, 256 random bits of secret, stored as its
 * SHA-256 and compared in constant time. The id names the token in lists and revocations.
 */
@ApplicationScoped
public class Tokens {

  static final String PREFIX = "lks_";
  private static final Pattern FORMAT = Pattern.compile("lks_(\\p{XDigit}{16})_([\\w-]{43})");

  /** How often at most a token's use is written down. */
  static final Duration LAST_USED = Duration.ofMinutes(1);

  private static final String SELECT =
      "SELECT t.id, t.name, t.account, t.scope, t.created_at, t.last_used_at, t.expires_at,"
          + " t.secret_hash, a.role FROM tokens t JOIN accounts a ON a.name = t.account";

  @Inject Database database;

  /** A new token, and the text a program sends, which is kept nowhere. */
  public record Created(Token token, String text) {}

  private record Stored(Token token, String secretHash, Role role) {}

  public Created create(String account, String name, Scope scope, Instant expiresAt) {
    String secret = Secrets.random(32);
    Token token = new Token(Secrets.id(), name, account, scope, Instant.now(), null, expiresAt);
    database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO tokens (id, secret_hash, account, name, scope, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id());
            insert.setString(2, Secrets.sha256(secret));
            insert.setString(3, account);
            insert.setString(4, name);
            insert.setString(5, scope.toJSON());
            insert.setObject(6, utc(token.createdAt()));
            if (expiresAt == null) {
              insert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
              insert.setObject(7, utc(expiresAt));
            }
            return insert.executeUpdate();
          }
        });
    return new Created(token, PREFIX + token.id() + "_" + secret);
  }

  /** The account's tokens, or everyone's for {@code null}. */
  public List<Token> of(String account) {
    return query(
            account == null
                ? SELECT + " ORDER BY t.created_at"
                : SELECT + " WHERE t.account = ? ORDER BY t.created_at",
            account == null ? new Object[0] : new Object[] {account})
        .stream()
        .map(Stored::token)
        .toList();
  }

  public Optional<Token> find(String id) {
    return query(SELECT + " WHERE t.id = ?", id).stream().map(Stored::token).findFirst();
  }

  public boolean revoke(String id) {
    return database.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM tokens WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
          }
        });
  }

  /** Whom the token text stands for, unless it is malformed, unknown, revoked or expired. */
  public Optional<Caller> caller(String text) {
    Matcher parts = FORMAT.matcher(text);
    if (!parts.matches()) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    Optional<Stored> stored =
        query(SELECT + " WHERE t.id = ?", parts.group(1)).stream().findFirst();
    if (stored.isEmpty()
        || !Secrets.same(stored.get().secretHash(), Secrets.sha256(parts.group(2)))
        || !isLive(stored.get().token(), now)) {
      return Optional.empty();
    }
    Token token = stored.get().token();
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED).isBefore(now)) {
      used(token.id(), now);
    }
    return Optional.of(
        new Caller(token.user(), stored.get().role(), Kind.TOKEN, token.id(), token.scope()));
  }

  public boolean isLive(String id) {
    return find(id).filter(token -> isLive(token, Instant.now())).isPresent();
  }

  private static boolean isLive(Token token, Instant now) {
    return token.expiresAt() == null || token.expiresAt().isAfter(now);
  }

  private void used(String id, Instant now) {
    database.transaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE tokens SET last_used_at = ? WHERE id = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, id);
            return update.executeUpdate();
          }
        });
  }

  private List<Stored> query(String sql, Object... values) {
    return database.transaction(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              select.setObject(i + 1, values[i]);
            }
            List<Stored> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(stored(rows));
              }
            }
            return found;
          }
        });
  }

  private static Stored stored(ResultSet rows) throws SQLException {
    return new Stored(
        new Token(
            rows.getString("id"),
            rows.getString("name"),
            rows.getString("account"),
            Scope.fromJSON(rows.getString("scope")),
            instant(rows, "created_at"),
            instant(rows, "last_used_at"),
            instant(rows, "expires_at")),
        rows.getString("secret_hash"),
        Role.fromJSON(rows.getString("role")));
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
