package dev.linkstream.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/** Every figure of a run, as a Markdown report and as JSON. */
final class Results {

  /** Subscribers held open, and what the server process looked like then. */
  record Ramp(
      int subscribers,
      ProcessStats stats,
      long rssBytesEach,
      long heapBytesEach,
      long connectMillis) {}

  /** Links submitted at a rate, and how their events reached the subscribers. */
  record Broadcast(
      String name,
      int subscribers,
      int submissions,
      int unanswered,
      Percentiles lastReceiptMillis,
      Percentiles submitMicros,
      Percentiles pipelineMillis,
      long missing,
      long duplicates,
      long dropped,
      long refused,
      long deliveriesPerSecond,
      long serverCpuPercent,
      long clientCpuPercent) {

    boolean sustained() {
      return unanswered == 0
          && missing == 0
          && duplicates == 0
          && dropped == 0
          && lastReceiptMillis.p99() < 1_000;
    }
  }

  /** All scenarios on one target. */
  static final class Run {
    final String target;
    ProcessStats idle;
    final List<Ramp> ramp = new ArrayList<>();
    final List<Broadcast> latency = new ArrayList<>();
    final List<Broadcast> throughput = new ArrayList<>();
    Broadcast submissions;
    Broadcast stalled;
    Broadcast reconnect;

    Run(String target) {
      this.target = target;
    }

    List<Broadcast> broadcasts() {
      List<Broadcast> all = new ArrayList<>(latency);
      all.addAll(throughput);
      all.addAll(List.of(submissions, stalled, reconnect));
      return all;
    }

    long bestSustainedDeliveries() {
      return throughput.stream()
          .filter(Broadcast::sustained)
          .mapToLong(Broadcast::deliveriesPerSecond)
          .max()
          .orElse(0);
    }

    Ramp largest() {
      return ramp.get(ramp.size() - 1);
    }
  }

  private final Scale scale;
  private final List<Run> runs = new ArrayList<>();

  Results(Scale scale) {
    this.scale = scale;
  }

  void add(Run run) {
    runs.add(run);
  }

  List<Run> runs() {
    return runs;
  }

  /** Whether any scenario on any target lost or repeated an event. */
  long lostOrRepeated() {
    return runs.stream()
        .flatMap(run -> run.broadcasts().stream())
        .mapToLong(b -> b.missing() + b.duplicates())
        .sum();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Benchmark (").append(scale.name()).append(" scale)\n\n");
    md.append(machine()).append("\n\n");
    Run reference =
        runs.stream().filter(run -> run.target.startsWith("Reference")).findFirst().orElse(null);
    for (Run app : runs) {
      if (reference != null && app != reference) {
        comparison(md, app, reference);
      }
    }
    for (Run run : runs) {
      md.append("### ").append(run.target).append("\n\n");
      md.append(
          "| Subscribers | Connect ms | RSS MiB | Heap MiB (live) | RSS / subscriber | Heap / subscriber | Threads | FDs |\n");
      md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      md.append(
          String.format(
              "| 0 | | %d | %d | | | %d | %d |%n",
              run.idle.rssKiB() / 1024,
              run.idle.heapUsedKiB() / 1024,
              run.idle.threads(),
              run.idle.fileDescriptors()));
      for (Ramp ramp : run.ramp) {
        md.append(
            String.format(
                "| %d | %d | %d | %d | %s | %s | %d | %d |%n",
                ramp.subscribers(),
                ramp.connectMillis(),
                ramp.stats().rssKiB() / 1024,
                ramp.stats().heapUsedKiB() / 1024,
                kb(ramp.rssBytesEach()),
                kb(ramp.heapBytesEach()),
                ramp.stats().threads(),
                ramp.stats().fileDescriptors()));
      }
      md.append(
          "\n| Scenario | Subscribers | Links (unanswered) | Last receipt ms p50/p99/max | POST µs p50/p99/max | Pipeline ms p50/p99/max | Deliveries/s | Missing | Duplicates | Dropped | Refused (503) | Server CPU % | Client CPU % |\n");
      md.append(
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (Broadcast b : run.broadcasts()) {
        md.append(
            String.format(
                "| %s | %d | %d (%d) | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d |%n",
                b.name(),
                b.subscribers(),
                b.submissions(),
                b.unanswered(),
                b.lastReceiptMillis(),
                b.submitMicros(),
                b.pipelineMillis(),
                b.deliveriesPerSecond(),
                b.missing(),
                b.duplicates(),
                b.dropped(),
                b.refused(),
                b.serverCpuPercent(),
                b.clientCpuPercent()));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void comparison(StringBuilder md, Run app, Run reference) {
    md.append("| | ")
        .append(app.target)
        .append(" | ")
        .append(reference.target)
        .append(" | Ratio |\n| --- | ---: | ---: | ---: |\n");
    long appDeliveries = app.bestSustainedDeliveries();
    long refDeliveries = reference.bestSustainedDeliveries();
    md.append(
        String.format(
            "| Best sustained deliveries/s (of the rates tried) | %d | %d | %s |%n",
            appDeliveries, refDeliveries, ratio(appDeliveries, refDeliveries)));
    long appRss = app.largest().rssBytesEach();
    long refRss = reference.largest().rssBytesEach();
    md.append(
        String.format(
            "| RSS per subscriber at %d | %s | %s | %s |%n",
            app.largest().subscribers(), kb(appRss), kb(refRss), ratio(appRss, refRss)));
    long appP99 = app.latency.get(app.latency.size() - 1).lastReceiptMillis().p99();
    long refP99 = reference.latency.get(reference.latency.size() - 1).lastReceiptMillis().p99();
    md.append(
        String.format(
            "| Last receipt p99 ms at %d | %d | %d | %s |%n%n",
            app.largest().subscribers(), appP99, refP99, ratio(appP99, refP99)));
  }

  private static String ratio(long a, long b) {
    return b <= 0 ? "–" : String.format("%.2f", (double) a / b);
  }

  private static String kb(long bytes) {
    return String.format("%.1f KB", bytes / 1000.0);
  }

  private static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        "Measured on %d cores, %d GiB, %s %s, Java %s; harness and servers on one machine, over loopback.",
        runtime.availableProcessors(),
        Math.round(totalMemoryGiB()),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  private static double totalMemoryGiB() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }
    return -1;
  }

  String json() {
    JsonArrayBuilder targets = Json.createArrayBuilder();
    for (Run run : runs) {
      JsonArrayBuilder ramp = Json.createArrayBuilder();
      for (Ramp r : run.ramp) {
        ramp.add(
            Json.createObjectBuilder()
                .add("subscribers", r.subscribers())
                .add("connectMillis", r.connectMillis())
                .add("rssKiB", r.stats().rssKiB())
                .add("heapUsedKiB", r.stats().heapUsedKiB())
                .add("rssBytesPerSubscriber", r.rssBytesEach())
                .add("heapBytesPerSubscriber", r.heapBytesEach())
                .add("threads", r.stats().threads())
                .add("fileDescriptors", r.stats().fileDescriptors()));
      }
      JsonArrayBuilder broadcasts = Json.createArrayBuilder();
      for (Broadcast b : run.broadcasts()) {
        broadcasts.add(
            Json.createObjectBuilder()
                .add("scenario", b.name())
                .add("subscribers", b.subscribers())
                .add("links", b.submissions())
                .add("unanswered", b.unanswered())
                .add("lastReceiptMillis", percentiles(b.lastReceiptMillis()))
                .add("submitMicros", percentiles(b.submitMicros()))
                .add("pipelineMillis", percentiles(b.pipelineMillis()))
                .add("deliveriesPerSecond", b.deliveriesPerSecond())
                .add("missing", b.missing())
                .add("duplicates", b.duplicates())
                .add("dropped", b.dropped())
                .add("refused", b.refused())
                .add("serverCpuPercent", b.serverCpuPercent())
                .add("clientCpuPercent", b.clientCpuPercent())
                .add("sustained", b.sustained()));
      }
      targets.add(
          Json.createObjectBuilder()
              .add("target", run.target)
              .add("idleRssKiB", run.idle.rssKiB())
              .add("idleThreads", run.idle.threads())
              .add("ramp", ramp)
              .add("scenarios", broadcasts));
    }
    return Json.createObjectBuilder()
        .add("scale", scale.name())
        .add("machine", machine())
        .add("targets", targets)
        .build()
        .toString();
  }

  private static JsonObjectBuilder percentiles(Percentiles p) {
    return Json.createObjectBuilder()
        .add("p50", p.p50())
        .add("p99", p.p99())
        .add("max", p.max())
        .add("count", p.count());
  }
}
