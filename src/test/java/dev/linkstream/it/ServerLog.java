package dev.linkstream.it;

import dev.linkstream.accounts.control.SignInLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The server's log file, read from a mark so that a test sees only what it caused. */
final class ServerLog {

  // A line of the application's own loggers, too, as Payara's log file (in colour) and Liberty's
  // name the logger: at its default levels a normal day logs nothing.
  private static final Pattern TROUBLE =
      Pattern.compile(
          "SEVERE|ERROR|Exception|Broken pipe|\\tat [a-z]"
              + "|\\[(\\u001B\\[[\\d;]*m)?dev\\.linkstream\\.[\\w.]+(\\u001B\\[0m)?\\] \\[tid"
              + "|^\\[[^]]+\\] \\p{XDigit}{8} dev\\.linkstream\\.");

  // Payara Micro's log file handler appends a generation number to the name it is given; Liberty
  // writes where it always does, which the run names.
  private final Path file =
      Path.of(
          System.getProperty(
              "linkstream.it.log.file", System.getProperty("linkstream.it.log") + ".0"));
  private long mark;

  void mark() throws IOException {
    mark = Files.exists(file) ? Files.size(file) : 0;
  }

  List<String> troubleSinceMark() throws IOException {
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      log.seek(mark);
      byte[] rest = new byte[(int) (log.length() - mark)];
      log.readFully(rest);
      return new String(rest, StandardCharsets.UTF_8)
          .lines()
          .filter(line -> TROUBLE.matcher(line).find())
          // The one line a normal day may log: tests that cause it say so (FailedSignIns).
          .filter(line -> !line.contains(SignInLimits.FAILURE))
          .toList();
    }
  }
}
