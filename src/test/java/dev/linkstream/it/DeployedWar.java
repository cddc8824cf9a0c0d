package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the packaged WAR on a managed Payara Micro, with a loopback origin to fetch from.
 * Every test also fails if it made the server log an error, a warning of a broken pipe or a stack
 * trace (the failure the Pedestal version had), or anything at all of the application's own: at its
 * default levels, a normal day is quiet.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWar {

  static Origin origin;

  @ArquillianResource URL deployed;
  Api api;
  private final ServerLog log = new ServerLog();

  @Deployment(testable = false)
  static WebArchive app() {
    return Api.war();
  }

  @BeforeAll
  static void startOrigin() throws Exception {
    origin = new Origin();
  }

  @AfterAll
  static void stopOrigin() {
    origin.close();
  }

  @BeforeEach
  void connect() throws Exception {
    api = new Api(deployed);
    log.mark();
  }

  /** Checks the log from here on only: for a test whose start the server must log about. */
  void checkTheLogFromHere() throws IOException {
    log.mark();
  }

  @AfterEach
  void disconnectAndCheckTheLog() throws Exception {
    try {
      assertEquals(
          0,
          Metrics.read(api).get("linkstream_stream_heals_total"),
          "a live subscriber missed an event and had to read it from the history");
    } finally {
      api.close();
    }
    assertEquals(List.of(), log.troubleSinceMark());
  }
}
