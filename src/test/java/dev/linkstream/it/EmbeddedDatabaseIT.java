package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded database serves one instance: a second one started on the same files refuses to
 * start, says why and what to do, and the first serves on.
 */
class EmbeddedDatabaseIT {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void aSecondInstanceOnTheSameFilesRefusesToStartAndSaysWhy(ServerProcess.Runtime runtime)
      throws Exception {
    Path data = dir.resolve("data");
    try (ServerProcess first = ServerProcess.start(runtime, data, dir.resolve("first"));
        ServerProcess second = ServerProcess.launch(runtime, data, dir.resolve("second"));
        Api api = new Api(first.url)) {
      Eventually.holds(
          Duration.ofSeconds(120),
          () ->
              second
                  .log()
                  .contains(
                      "Another Linkstream instance is running on the embedded database in "
                          + data.toAbsolutePath()
                          + ": it serves one instance only."),
          () -> "the second instance did not say why it did not start");

      assertEquals(0, api.all().size(), "the first no longer serves");
    }
  }
}
