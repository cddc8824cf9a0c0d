package dev.linkstream.it;

import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.ServerProcess.Logging;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With detail turned on as docs/operating.md says, every step of a link's life and of a stream's is
 * logged; quiet by default is checked by every Arquillian test.
 */
class DetailedLogsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void everyStepIsLogged(ServerProcess.Runtime runtime) throws Exception {
    try (Origin origin = new Origin();
        ServerProcess server =
            ServerProcess.start(
                runtime,
                dir.resolve("data"),
                dir.resolve("server"),
                List.of("-Dlinkstream.stream.heartbeat=1s", "-Dlinkstream.fetch.retries=0"),
                Logging.DETAILED);
        Api api = new Api(server.url)) {
      try (Subscriber subscriber = new Subscriber(api.stream())) {
        long fetched = api.submit(origin.titled("Logged")).getJsonNumber("id").longValue();
        long failed = api.submit(origin.url("/missing")).getJsonNumber("id").longValue();
        List<String> expected =
            List.of(
                "Stream opened to 127.0.0.1",
                "Link " + fetched + " submitted: " + origin.titled("Logged"),
                "Link " + fetched + " fetched: text/html",
                "Link " + failed + " failed: HTTP 404 Not Found");
        awaitLogged(server, expected);
      }
      awaitLogged(server, List.of("Stream to 127.0.0.1 ended: GONE"));
    }
  }

  private static void awaitLogged(ServerProcess server, List<String> lines) throws Exception {
    Eventually.holds(
        DEADLINE,
        () -> lines.stream().allMatch(server.log()::contains),
        () -> "expected " + lines + " in the log:\n" + log(server));
  }

  private static String log(ServerProcess server) {
    try {
      return server.log();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
