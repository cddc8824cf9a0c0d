package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping the server with a thousand open streams ends them all at once, not after 30 s, and a
 * client picks up after the restart where it left off.
 */
class ShutdownIT {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void aStopWithAThousandOpenStreamsEndsEachOfThemPromptlyAndTheyResumeAfterTheRestart(
      ServerProcess.Runtime runtime) throws Exception {
    List<RawStream> streams = new ArrayList<>();
    try {
      ServerProcess server = ServerProcess.start(runtime, dir.resolve("data"), dir.resolve("1"));
      URI stream = server.url.toURI().resolve("api/links/stream");
      for (int n = 0; n < 1_000; n++) {
        RawStream open = RawStream.open(stream, "127.7." + (n / 50) + ".1", Map.of(), 0);
        assertEquals(200, open.status);
        open.next(Duration.ofSeconds(20));
        streams.add(open);
      }

      try (Api api = new Api(server.url)) {
        // Per runtime: on PostgreSQL both runs share one database, where a URL is stored once.
        api.submit("http://0.0.0.0:9/refused-before-connecting/" + runtime);
      }
      RawStream.Frame seen = streams.get(0).nextEvent(Duration.ofSeconds(20));

      long stopping = System.nanoTime();
      server.close();
      Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

      assertTrue(stop.compareTo(Duration.ofSeconds(15)) < 0, "the stop took " + stop);
      for (RawStream open : streams) {
        assertTrue(open.ended(Duration.ofSeconds(5)), "a stream still open after the stop");
      }
      try (ServerProcess restarted =
              ServerProcess.start(runtime, dir.resolve("data"), dir.resolve("2"));
          RawStream resumed =
              RawStream.open(
                  restarted.url.toURI().resolve("api/links/stream"),
                  "127.0.0.1",
                  Map.of("Last-Event-ID", seen.id()),
                  0)) {
        assertEquals(200, resumed.status, resumed.headers.toString());
        resumed.next(Duration.ofSeconds(20));
        RawStream.Frame next = resumed.nextEvent(Duration.ofSeconds(20));
        assertEquals(Long.parseLong(seen.id()) + 1, Long.parseLong(next.id()));
        assertTrue(next.data().contains("\"status\":\"failed\""), next.data());
      }
    } finally {
      for (RawStream open : streams) {
        open.close();
      }
    }
  }
}
