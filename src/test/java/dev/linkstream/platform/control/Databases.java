package dev.linkstream.platform.control;

import dev.linkstream.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** The application's {@link Database} on an empty database of each kind it supports. */
public enum Databases {
  H2,
  POSTGRESQL;

  /** Configured for a new, empty database, not yet opened; H2 keeps its files in {@code dir}. */
  public Database configure(Path dir) {
    Database database = new Database();
    database.dataDir = dir.toString();
    database.url = Optional.empty();
    database.user = Optional.empty();
    database.password = Optional.empty();
    database.poolSize = 20;
    database.timeout = Duration.ofSeconds(5);
    if (this == POSTGRESQL) {
      Postgres server = Postgres.shared();
      database.url = Optional.of(server.createDatabase());
      database.user = Optional.of(server.user());
      database.password = Optional.of(server.password());
    }
    return database;
  }

  /** Opened as the application opens it: pooled and migrated to the latest schema. */
  public Database open(Path dir) {
    Database database = configure(dir);
    database.open();
    return database;
  }

  public static void open(Database database) {
    database.open();
  }

  public static void close(Database database) {
    database.close();
  }

  /** A connection of its own, outside the pool, for setting up what a test needs. */
  public static Connection connect(Database database) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", database.user.orElse(""));
    credentials.setProperty("password", database.password.orElse(""));
    String url = database.jdbcUrl();
    return Database.driverFor(url).connect(url, credentials);
  }

  /** Migrates only up to an older schema version, as an earlier release left it. */
  public static void migrateTo(Database database, String version) {
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user.orElse(""), database.password.orElse(""))
        .target(version)
        .load()
        .migrate();
  }
}
