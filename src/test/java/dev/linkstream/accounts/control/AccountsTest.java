package dev.linkstream.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.accounts.entity.Role;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

  @TempDir Path dir;
  private Database database;
  private final Accounts accounts = new Accounts();

  @BeforeEach
  void open() {
    database = Databases.H2.open(dir);
    accounts.database = database;
    accounts.passwords = new Passwords();
    accounts.passwords.hash = new TestPbkdf2();
    accounts.passwords.configure();
  }

  @AfterEach
  void close() {
    Databases.close(database);
  }

  @Test
  void aPasswordSignsInItsAccountOnlyAndIsKeptAsAHash() throws Exception {
    accounts.create("alice", Role.ADMIN, "alice's long password");

    assertEquals("alice", accounts.signIn("alice", "alice's long password").orElseThrow().name());
    assertEquals(Optional.empty(), accounts.signIn("alice", "not alice's password"));
    assertEquals(Optional.empty(), accounts.signIn("nobody", "alice's long password"));
    assertTrue(storedHash("alice").startsWith("PBKDF2WithHmacSHA256:600000:"));
    assertFalse(storedHash("alice").contains("alice's long password"));
  }

  @Test
  void aHashOfOlderParametersIsReplacedAtTheNextSignIn() throws Exception {
    accounts.create("bob", Role.MEMBER, "bob's long password");
    TestPbkdf2 older = new TestPbkdf2();
    older.iterations = 1024;
    setHash("bob", older.generate("bob's long password".toCharArray()));

    assertTrue(accounts.signIn("bob", "bob's long password").isPresent());

    assertTrue(storedHash("bob").startsWith("PBKDF2WithHmacSHA256:600000:"), storedHash("bob"));
    assertTrue(accounts.signIn("bob", "bob's long password").isPresent());
  }

  @Test
  void theLastAdminStaysAnAdmin() {
    accounts.create("alice", Role.ADMIN, "alice's long password");
    accounts.create("bob", Role.MEMBER, "bob's long password");

    assertThrows(IllegalStateException.class, () -> accounts.changeRole("alice", Role.READER));
    assertThrows(IllegalStateException.class, () -> accounts.remove("alice"));

    accounts.changeRole("bob", Role.ADMIN);
    assertTrue(accounts.remove("alice"));
    assertEquals(Role.ADMIN, accounts.find("bob").orElseThrow().role());
  }

  @Test
  void aTakenNameOrAShortPasswordIsRefusedAndNothingChanges() {
    accounts.create("alice", Role.ADMIN, "alice's long password");

    assertThrows(
        IllegalStateException.class,
        () -> accounts.create("alice", Role.READER, "another long password"));
    assertThrows(
        IllegalArgumentException.class, () -> accounts.create("carol", Role.READER, "short"));
    assertEquals(1, accounts.all().size());
    assertEquals(Role.ADMIN, accounts.find("alice").orElseThrow().role());
  }

  private String storedHash(String name) throws Exception {
    try (Connection connection = Databases.connect(database);
        PreparedStatement select =
            connection.prepareStatement("SELECT password_hash FROM accounts WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private void setHash(String name, String hash) throws Exception {
    try (Connection connection = Databases.connect(database);
        PreparedStatement update =
            connection.prepareStatement("UPDATE accounts SET password_hash = ? WHERE name = ?")) {
      update.setString(1, hash);
      update.setString(2, name);
      update.executeUpdate();
    }
  }
}
