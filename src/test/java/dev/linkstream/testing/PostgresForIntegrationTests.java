package dev.linkstream.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts PostgreSQL before any test runs when the integration tests target it, and publishes where
 * it is as system properties: Arquillian reads them into the server's options when it first starts
 * the server, which is after this.
 */
public class PostgresForIntegrationTests implements LauncherSessionListener {

  static final String CONTAINER = "payara-postgresql";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (CONTAINER.equals(System.getProperty("arquillian.launch"))) {
      Postgres server = Postgres.shared();
      System.setProperty("linkstream.it.db.url", server.createDatabase());
      System.setProperty("linkstream.it.db.user", server.user());
      System.setProperty("linkstream.it.db.password", server.password());
    }
  }
}
