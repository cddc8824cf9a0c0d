package dev.linkstream.accounts.control;

import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Role;
import dev.linkstream.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts and their passwords. An account's sessions and tokens go with it. There is always an
 * admin once there is an account: the last one can be neither removed nor demoted.
 */
@ApplicationScoped
public class Accounts {

  private static final String SELECT = "SELECT name, role, password_hash, created_at FROM accounts";

  @Inject Database database;
  @Inject Passwords passwords;

  private record Stored(Account account, String passwordHash) {}

  public boolean none() {
    return database.transaction(
        connection -> {
          try (PreparedStatement count =
                  connection.prepareStatement("SELECT COUNT(*) FROM accounts");
              ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1) == 0;
          }
        });
  }

  /**
   * @throws IllegalArgumentException for a name or password that is not accepted
   * @throws IllegalStateException when the name is taken
   */
  public Account create(String name, Role role, String password) {
    Account.validName(name);
    String hash = passwords.hash(Account.validPassword(password));
    Account account = new Account(name, role, Instant.now());
    return database.transaction(
        connection -> {
          if (find(connection, name).isPresent()) {
            throw new IllegalStateException("an account named " + name + " exists already");
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO accounts (name, role, password_hash, created_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, role.toJSON());
            insert.setString(3, hash);
            insert.setObject(4, OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
          }
          return account;
        });
  }

  public List<Account> all() {
    return database.transaction(
        connection -> {
          List<Account> all = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(SELECT + " ORDER BY name");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              all.add(stored(rows).account());
            }
          }
          return all;
        });
  }

  public Optional<Account> find(String name) {
    return database.transaction(connection -> find(connection, name).map(Stored::account));
  }

  /**
   * The account, if the password is its own. As slow for an unknown name as for a wrong password. A
   * hash made with older parameters is replaced by a current one.
   */
  public Optional<Account> signIn(String name, String password) {
    Optional<Stored> stored = database.transaction(connection -> find(connection, name));
    if (stored.isEmpty()) {
      passwords.verifyNone(password);
      return Optional.empty();
    }
    String hash = stored.get().passwordHash();
    if (!passwords.verify(password, hash)) {
      return Optional.empty();
    }
    if (!passwords.isCurrent(hash)) {
      setPassword(name, password);
    }
    return Optional.of(stored.get().account());
  }

  /**
   * @throws IllegalArgumentException for a password that is not accepted
   */
  public void setPassword(String name, String password) {
    String hash = passwords.hash(Account.validPassword(password));
    database.transaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE accounts SET password_hash = ? WHERE name = ?")) {
            update.setString(1, hash);
            update.setString(2, name);
            return update.executeUpdate();
          }
        });
  }

  /**
   * @throws IllegalStateException when that would leave no admin
   */
  public Optional<Account> changeRole(String name, Role role) {
    return database.transaction(
        connection -> {
          Optional<Stored> stored = find(connection, name);
          if (stored.isEmpty()) {
            return Optional.empty();
          }
          if (role != Role.ADMIN) {
            keepAnAdminBesides(connection, name);
          }
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE accounts SET role = ? WHERE name = ?")) {
            update.setString(1, role.toJSON());
            update.setString(2, name);
            update.executeUpdate();
          }
          Account account = stored.get().account();
          return Optional.of(new Account(name, role, account.createdAt()));
        });
  }

  /**
   * @throws IllegalStateException when it is the last admin
   */
  public boolean remove(String name) {
    return database.transaction(
        connection -> {
          if (find(connection, name).isEmpty()) {
            return false;
          }
          keepAnAdminBesides(connection, name);
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM accounts WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() == 1;
          }
        });
  }

  /**
   * Locks the admins' rows, so that two requests cannot each demote or remove one of the last two
   * admins.
   */
  private static void keepAnAdminBesides(Connection connection, String name) throws SQLException {
    boolean another = false;
    boolean isAdmin = false;
    try (PreparedStatement admins =
        connection.prepareStatement("SELECT name FROM accounts WHERE role = ? FOR UPDATE")) {
      admins.setString(1, Role.ADMIN.toJSON());
      try (ResultSet rows = admins.executeQuery()) {
        while (rows.next()) {
          boolean self = rows.getString(1).equals(name);
          isAdmin |= self;
          another |= !self;
        }
      }
    }
    if (isAdmin && !another) {
      throw new IllegalStateException(
          name + " is the last admin: make another account an admin first");
    }
  }

  private static Optional<Stored> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(stored(rows)) : Optional.empty();
      }
    }
  }

  private static Stored stored(ResultSet rows) throws SQLException {
    return new Stored(
        new Account(
            rows.getString("name"),
            Role.fromJSON(rows.getString("role")),
            rows.getObject("created_at", OffsetDateTime.class).toInstant()),
        rows.getString("password_hash"));
  }
}
