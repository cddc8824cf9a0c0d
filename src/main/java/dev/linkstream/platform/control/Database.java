package dev.linkstream.platform.control;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The application's own connection pool, built from MicroProfile Config rather than a server
 * datasource so that the same settings work on every runtime, and migrated before first use.
 */
@ApplicationScoped
public class Database {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  /**
   * Hikari logs every pooled connection an outage breaks as a warning with a stack trace, and every
   * one that fails its check as another warning; the outage is explained here instead, once. Held
   * here because the JDK keeps loggers only weakly, and with them the level set on them. Open
   * Liberty decides on warnings by its trace specification alone, so features.xml sets it there.
   */
  private static final List<Logger> POOL_LOGGERS =
      List.of(
          Logger.getLogger("com.zaxxer.hikari.pool.ProxyConnection"),
          Logger.getLogger("com.zaxxer.hikari.pool.PoolBase"));

  /** H2's DATABASE_ALREADY_OPEN_1: the files are locked by another process. */
  private static final int H2_FILES_IN_USE = 90020;

  @Inject
  @ConfigProperty(name = "linkstream.data-dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "linkstream.db.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "linkstream.db.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "linkstream.db.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "linkstream.db.pool-size")
  int poolSize;

  @Inject
  @ConfigProperty(name = "linkstream.db.timeout")
  Duration timeout;

  private HikariDataSource pool;
  private final AtomicBoolean reachable = new AtomicBoolean(true);

  /** Work done on one connection; {@link #transaction} commits it or rolls it back. */
  @FunctionalInterface
  public interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  @PostConstruct
  void open() {
    POOL_LOGGERS.stream()
        .filter(logger -> logger.getLevel() == null)
        .forEach(logger -> logger.setLevel(Level.SEVERE));
    pool = pool(config());
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      // Left open, the pool would keep the embedded database locked for the next attempt.
      pool.close();
      throw e;
    }
  }

  /**
   * H2 refuses a second process its files, with a message about connections that says nothing of
   * instances: an operator who starts a second instance on them is told what to do instead.
   */
  private HikariDataSource pool(HikariConfig config) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (!isPostgreSQL() && causes(e, H2_FILES_IN_USE)) {
        throw new IllegalStateException(
            "Another Linkstream instance is running on the embedded database in "
                + Path.of(dataDir).toAbsolutePath()
                + ": it serves one instance only. Stop that one first, or run several instances"
                + " on one PostgreSQL database (linkstream.db.url, see docs/scaling.md).",
            e);
      }
      throw e;
    }
  }

  private static boolean causes(Throwable failure, int errorCode) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == errorCode) {
        return true;
      }
    }
    return false;
  }

  @PreDestroy
  void close() {
    pool.close();
    forgetBundledDrivers();
  }

  public <T> T transaction(Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      try {
        T result = work.on(connection);
        connection.commit();
        reached();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      if (isConnectionFailure(e)) {
        lost(e.getMessage());
      } else {
        LOG.log(Level.SEVERE, "A database statement failed", e);
      }
      throw new StoreException(e);
    }
  }

  /** A connection that broke cannot roll back either; what broke it is what the caller needs. */
  private static void rollBack(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Whether a connection can be had and answers, within {@code linkstream.db.timeout}. */
  public boolean isReachable() {
    try (Connection connection = pool.getConnection()) {
      if (connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
        reached();
        return true;
      }
      // Otherwise the pool hands it out again, as it checks only connections idle for a while.
      pool.evictConnection(connection);
      lost("a connection does not answer");
    } catch (SQLException e) {
      lost(e.getMessage());
    }
    return false;
  }

  private void reached() {
    if (!reachable.getAndSet(true)) {
      LOG.info("The database can be reached again");
    }
  }

  /** Explained once when it starts, not for every request that fails until it ends. */
  private void lost(String why) {
    if (reachable.getAndSet(false)) {
      LOG.warning(
          "The database cannot be reached; requests that need it answer 503 until it can: " + why);
    }
  }

  /**
   * No connection could be had (the pool's timeout), or it failed or was lost (SQLSTATE class 08),
   * or the server is shutting down (57P): as opposed to a statement failing.
   */
  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return e instanceof SQLTransientConnectionException
        || state.startsWith("08")
        || state.startsWith("57P");
  }

  /** Reads that all see one committed state of the database, however many statements they take. */
  public <T> T snapshot(Work<T> reads) {
    return transaction(
        connection -> {
          connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          T read = reads.on(connection);
          // Only after reads that succeeded: after a failure, transaction() rolls back.
          connection.rollback();
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          return read;
        });
  }

  /**
   * A connection of the caller's own, outside the pool and committing every statement, named in
   * PostgreSQL's {@code pg_stat_activity} as {@code applicationName}; the caller closes it. TCP
   * keep-alive makes a connection the network has silently dropped fail instead of waiting for
   * good.
   */
  public Connection dedicated(String applicationName) throws SQLException {
    Properties properties = new Properties();
    user.ifPresent(name -> properties.setProperty("user", name));
    password.ifPresent(secret -> properties.setProperty("password", secret));
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
    String jdbcUrl = jdbcUrl();
    Connection connection = driverFor(jdbcUrl).connect(jdbcUrl, properties);
    connection.setAutoCommit(true);
    return connection;
  }

  /** Whether the database is PostgreSQL, whose SQL can say more than the SQL both databases run. */
  public boolean isPostgreSQL() {
    return isPostgreSQL(jdbcUrl());
  }

  private static boolean isPostgreSQL(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  public static void migrate(DataSource dataSource) {
    Migrations migrations = new Migrations(isPostgreSQL(dataSource));
    // Flyway always looks for callbacks in db/callback, and for a class loader whose name starts
    // with com.ibm (Open Liberty's) it logs an ERROR when there is none; through a plain one it
    // looks the same way and stays quiet, as on Payara.
    ClassLoader quiet = new ClassLoader(Database.class.getClassLoader()) {};
    Flyway.configure(quiet)
        .dataSource(dataSource)
        .loggers("slf4j")
        .resourceProvider(migrations)
        .javaMigrationClassProvider(migrations)
        .callbackLocations(new String[0])
        .load()
        .migrate();
  }

  private static boolean isPostgreSQL(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return isPostgreSQL(connection.getMetaData().getURL());
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private HikariConfig config() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("linkstream");
    config.setJdbcUrl(jdbcUrl());
    config.setDriverClassName(driverFor(config.getJdbcUrl()).getClass().getName());
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    // How long a request waits for a connection before it is answered 503; Hikari's default
    // of 30 s would keep every client and health probe waiting that long while the database is
    // down.
    config.setConnectionTimeout(timeout.toMillis());
    config.setValidationTimeout(Math.min(timeout.toMillis() / 2, 5_000));
    config.setAutoCommit(false);
    return config;
  }

  /**
   * The bundled driver for the URL, named explicitly: the JDK's DriverManager looks for drivers
   * once, on the server's class path, and so never finds one inside a WAR by itself.
   */
  static Driver driverFor(String jdbcUrl) {
    for (Driver driver : ServiceLoader.load(Driver.class, Database.class.getClassLoader())) {
      try {
        if (driver.acceptsURL(jdbcUrl)) {
          return driver;
        }
      } catch (SQLException e) {
        // a driver that cannot tell does not take the URL
      }
    }
    throw new IllegalStateException("no bundled JDBC driver accepts " + jdbcUrl);
  }

  /** Drivers register themselves globally: left registered, they would keep the undeployed WAR. */
  private static void forgetBundledDrivers() {
    for (Driver driver : DriverManager.drivers().toList()) {
      if (driver.getClass().getClassLoader() == Database.class.getClassLoader()) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          // nothing more can be done on the way out
        }
      }
    }
  }

  String jdbcUrl() {
    return url.orElseGet(this::embeddedUrl);
  }

  /**
   * A file database in the data directory. WRITE_DELAY=0 writes every commit to the file before the
   * commit returns, so a 202 survives the process being killed right after. DB_CLOSE_ON_EXIT=FALSE
   * leaves closing it to the pool when the application stops: H2's own shutdown hook would close it
   * as soon as the JVM is asked to exit, while the server still answers requests.
   */
  private String embeddedUrl() {
    try {
      Files.createDirectories(Path.of(dataDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    return "jdbc:h2:file:"
        + Path.of(dataDir).toAbsolutePath().resolve("linkstream")
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }
}
