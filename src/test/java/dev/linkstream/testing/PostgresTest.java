package dev.linkstream.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresTest {

  private final Postgres postgres = Postgres.shared();

  @Test
  void eachDatabaseStartsEmptyAndIsIsolated() throws SQLException {
    String first = postgres.createDatabase();
    String second = postgres.createDatabase();
    assertNotEquals(first, second);

    try (Connection one = connect(first);
        Connection two = connect(second)) {
      one.createStatement().execute("CREATE TABLE marker (id int)");
      assertTrue(hasTable(one, "marker"));
      assertFalse(hasTable(two, "marker"));
    }
  }

  @Test
  void runsPostgreSql17() throws SQLException {
    try (Connection connection = connect(postgres.createDatabase());
        ResultSet version = connection.createStatement().executeQuery("SELECT version()")) {
      assertTrue(version.next());
      assertTrue(version.getString(1).startsWith("PostgreSQL 17"), version.getString(1));
    }
  }

  private Connection connect(String url) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", postgres.user());
    credentials.setProperty("password", postgres.password());
    return new org.postgresql.Driver().connect(url, credentials);
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, "public", name, null)) {
      return tables.next();
    }
  }
}
