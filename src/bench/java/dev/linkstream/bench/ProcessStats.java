package dev.linkstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A server process as Linux sees it: resident memory, threads, open files, CPU time; and heap. */
record ProcessStats(
    long rssKiB, long heapUsedKiB, int threads, int fileDescriptors, long cpuMillis) {

  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final Pattern THREAD_NAME = Pattern.compile("(?m)^\"([^\"]*)\"");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** After a full collection, so the heap figure is what is live, not what awaits collection. */
  static ProcessStats of(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    long heapUsed = heap.find() ? Long.parseLong(heap.group(1)) : -1;
    String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
    return new ProcessStats(
        field(status, "VmRSS"),
        heapUsed,
        (int) field(status, "Threads"),
        fileDescriptors(pid),
        cpuMillis(pid));
  }

  static String threadDump(long pid) throws IOException, InterruptedException {
    return jcmd(pid, "Thread.print");
  }

  /** What the live heap holds, by class, after a full collection. */
  static String classHistogram(long pid) throws IOException, InterruptedException {
    return jcmd(pid, "GC.class_histogram");
  }

  /** Files the process has open, sockets among them; cheap enough to poll. */
  static int fileDescriptors(long pid) throws IOException {
    try (Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      return (int) open.count();
    }
  }

  /**
   * The JVM's threads by name, every run of digits in a name as {@code #}, so that a pool's threads
   * count together: from a thread dump ({@code jcmd Thread.print}).
   */
  static Map<String, Integer> threadsByName(long pid) throws IOException, InterruptedException {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher name = THREAD_NAME.matcher(threadDump(pid));
    while (name.find()) {
      counts.merge(name.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
    }
    return counts;
  }

  private static final String[] TCP_STATES = {
    "",
    "ESTABLISHED",
    "SYN_SENT",
    "SYN_RECV",
    "FIN_WAIT1",
    "FIN_WAIT2",
    "TIME_WAIT",
    "CLOSE",
    "CLOSE_WAIT",
    "LAST_ACK",
    "LISTEN",
    "CLOSING"
  };

  /**
   * The machine's TCP connections to {@code port} as the server's end sees them, by state and the
   * client's network (its address's first two bytes, 127.2 for the churn's clients): from {@code
   * /proc/net/tcp} and {@code tcp6}. A connection the client reset is in none of them, even while
   * the server still holds its file.
   */
  static Map<String, Integer> connections(int port) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        String[] remote = fields[2].split(":");
        int state = Integer.parseInt(fields[3], 16);
        if (Integer.parseInt(local[1], 16) != port || state == 10) {
          continue;
        }
        // IPv4 in the last 32 bits, a byte at a time from the right: 0100007F is 127.0.0.1.
        String address = remote[0].substring(remote[0].length() - 8);
        String network =
            Integer.parseInt(address.substring(6, 8), 16)
                + "."
                + Integer.parseInt(address.substring(4, 6), 16);
        String name = state < TCP_STATES.length ? TCP_STATES[state] : String.valueOf(state);
        counts.merge(name + " from " + network, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** User and system CPU time the process has used so far. */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  private static long field(String status, String name) {
    Matcher value = Pattern.compile(name + ":\\s+(\\d+)").matcher(status);
    return value.find() ? Long.parseLong(value.group(1)) : -1;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return output;
  }
}
