package dev.linkstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A server process as Linux sees it: resident memory, threads, open files, CPU time; and heap. */
record ProcessStats(
    long rssKiB, long heapUsedKiB, int threads, int fileDescriptors, long cpuMillis) {

  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** After a full collection, so the heap figure is what is live, not what awaits collection. */
  static ProcessStats of(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    long heapUsed = heap.find() ? Long.parseLong(heap.group(1)) : -1;
    String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
    int fds;
    try (Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      fds = (int) open.count();
    }
    return new ProcessStats(
        field(status, "VmRSS"), heapUsed, (int) field(status, "Threads"), fds, cpuMillis(pid));
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
