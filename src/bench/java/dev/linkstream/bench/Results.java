package dev.linkstream.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Every figure of a run, as a Markdown report and as JSON. */
final class Results {

  /** Subscribers held open, and what the server process looked like then. */
  record Ramp(
      int subscribers,
      ProcessStats stats,
      long rssBytesEach,
      long heapBytesEach,
      long connectMillis) {}

  /**
   * What Linkstream's own metrics counted in a scenario: streams refused by its limits (as against
   * every 503 the clients saw), streams it dropped as slow, and events a subscription lacked and
   * read from the history.
   */
  record StreamCounts(long refusedByLimit, long droppedSlow, long heals, long writersStarted) {}

  /**
   * The same links submitted with no client stalled, then with {@code plan.clients()} more reading,
   * then with that many stalled, then with none again: what the healthy subscribers saw each time,
   * and what the server did with the stalled ones.
   *
   * @param crowded with as many more clients as will stall, reading: what their count alone costs
   * @param stillOpen stalled streams the server had not closed when the links had all arrived
   */
  record Stalling(
      Scale.Stalling plan,
      Broadcast before,
      Broadcast crowded,
      Broadcast among,
      Broadcast after,
      long stillOpen) {

    /**
     * The healthy subscribers' last-receipt p99 with none stalled, before and after taken as one:
     * either alone has read from 88 to 337 ms in runs of the same code, so one says little.
     */
    long usualP99() {
      return before.lastReceiptMillis().with(after.lastReceiptMillis()).p99();
    }

    /** The healthy subscribers' last-receipt p99 among the stalled, over their usual one. */
    double p99Ratio() {
      return (double) among.lastReceiptMillis().p99() / Math.max(1, usualP99());
    }

    /**
     * The same among the stalled over the p99 with as many clients more reading: what their
     * stalling costs the others beyond their count.
     */
    double p99RatioToCrowded() {
      return (double) among.lastReceiptMillis().p99()
          / Math.max(1, crowded.lastReceiptMillis().p99());
    }
  }

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
      long clientCpuPercent,
      Optional<StreamCounts> counted) {

    /** The server's CPU time per event delivered to one subscriber; 0 when none was. */
    long serverCpuMicrosPerDelivery() {
      // A percent of one core is 10,000 µs of CPU a second.
      return deliveriesPerSecond == 0 ? 0 : serverCpuPercent * 10_000 / deliveriesPerSecond;
    }

    boolean sustained() {
      return unanswered == 0
          && missing == 0
          && duplicates == 0
          && dropped == 0
          && lastReceiptMillis.p99() < 1_000;
    }
  }

  /**
   * The churn soak: what the server process held before it (at rest, after a warm-up, with the held
   * subscribers connected) and after it (once the last churning client vanished, plus one heartbeat
   * and the settle time), and what the held subscribers received meanwhile.
   *
   * @param held subscribers held for the whole soak, besides the observer
   * @param subscribersBefore streams the server counted before, the observer among them
   * @param subscribersAtStop streams it counted when the last churning client had vanished
   * @param subscribersAfter streams it counted one heartbeat and the settle time after the stop
   * @param releasedMillis from the stop until it counted only the held subscribers and the
   *     observer, possibly later than {@code subscribersAfter} was counted (a few heartbeats are
   *     waited for, to say when); -1 if it never did
   * @param connectionsBefore TCP connections to the server's port by state and client network
   * @param opened clients that joined and vanished; {@code reset} of them vanished abruptly, {@code
   *     normal} with a FIN, {@code refused} got an answer other than 200, {@code failed} could not
   *     connect, {@code closedByServer} were let go by the server before they vanished
   * @param tookMillis how long the whole scenario took, warm-up and waits included
   */
  record Churn(
      int held,
      int perSecond,
      int seconds,
      long heartbeatMillis,
      long settleMillis,
      int subscribersBefore,
      int subscribersAtStop,
      int subscribersAfter,
      long releasedMillis,
      int fileDescriptorsAtStop,
      ProcessStats before,
      ProcessStats after,
      Map<String, Integer> threadsBefore,
      Map<String, Integer> threadsAfter,
      Map<String, Integer> connectionsBefore,
      Map<String, Integer> connectionsAfter,
      long opened,
      long streams,
      long reset,
      long normal,
      long refused,
      long failed,
      long closedByServer,
      int links,
      int unanswered,
      long missing,
      long duplicates,
      long dropped,
      long tookMillis) {

    static double growthPercent(long before, long after) {
      return before <= 0 ? 0 : (after - before) * 100.0 / before;
    }

    /** Thread names (digits as #) whose count changed, with before and after. */
    List<String> threadChanges() {
      return changes(threadsBefore, threadsAfter);
    }

    List<String> connectionChanges() {
      return changes(connectionsBefore, connectionsAfter);
    }

    private static List<String> changes(Map<String, Integer> before, Map<String, Integer> after) {
      List<String> changes = new ArrayList<>();
      TreeSet<String> names = new TreeSet<>(before.keySet());
      names.addAll(after.keySet());
      for (String name : names) {
        int was = before.getOrDefault(name, 0);
        int is = after.getOrDefault(name, 0);
        if (was != is) {
          changes.add(name + " " + was + " → " + is);
        }
      }
      return changes;
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
    Stalling stalling;
    Broadcast reconnect;
    Churn churn;

    Run(String target) {
      this.target = target;
    }

    /** Every broadcast scenario run: none when only the churn was. */
    List<Broadcast> broadcasts() {
      List<Broadcast> all = new ArrayList<>(latency);
      all.addAll(throughput);
      if (stalling != null) {
        all.add(stalling.before());
        all.add(stalling.crowded());
        all.add(stalling.among());
        all.add(stalling.after());
      }
      for (Broadcast b : new Broadcast[] {submissions, stalled, reconnect}) {
        if (b != null) {
          all.add(b);
        }
      }
      return all;
    }

    /** The throughput step with the most deliveries a second of those sustained, if any was. */
    Broadcast bestSustained() {
      return throughput.stream()
          .filter(Broadcast::sustained)
          .max(java.util.Comparator.comparingLong(Broadcast::deliveriesPerSecond))
          .orElse(null);
    }

    /** Whether the steps went up until one failed, so that the best is the server's ceiling. */
    boolean ceilingFound() {
      return !throughput.isEmpty() && !throughput.get(throughput.size() - 1).sustained();
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
    List<Run> full = runs.stream().filter(run -> run.idle != null).toList();
    // The comparisons need every scenario, which a run of the stalled clients alone lacks.
    List<Run> compared = full.stream().filter(run -> !run.latency.isEmpty()).toList();
    for (Run app : compared) {
      if (app.target.startsWith("Linkstream")) {
        // Against the physical limit, and against the textbook on the same server.
        String server = app.target.substring(app.target.indexOf(" on "));
        for (Run peer : compared) {
          if (peer.target.startsWith("Reference") || peer.target.endsWith(server) && peer != app) {
            comparison(md, app, peer);
          }
        }
      }
    }
    for (Run run : full) {
      md.append("### ").append(run.target).append("\n\n");
      header(
          md,
          "Subscribers",
          "Connect ms",
          "RSS MiB",
          "Heap MiB (live)",
          "RSS / subscriber",
          "Heap / subscriber",
          "Threads",
          "FDs");
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
      md.append('\n');
      header(
          md,
          "Scenario",
          "Subscribers",
          "Links (unanswered)",
          "Last receipt ms p50/p99/max",
          "POST µs p50/p99/max",
          "Pipeline ms p50/p99/max",
          "Deliveries/s",
          "Missing",
          "Duplicates",
          "Dropped",
          "Refused (503)",
          "of them by the limits",
          "Heals",
          "Writer loops started",
          "Server CPU %",
          "Server CPU µs / delivery",
          "Client CPU %");
      for (Broadcast b : run.broadcasts()) {
        md.append(
            String.format(
                "| %s | %d | %d (%d) | %s | %s | %s | %d | %d | %d | %d | %d | %s | %s | %s | %d | %d | %d |%n",
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
                b.counted().map(c -> String.valueOf(c.refusedByLimit())).orElse("–"),
                b.counted().map(c -> String.valueOf(c.heals())).orElse("–"),
                b.counted().map(c -> String.valueOf(c.writersStarted())).orElse("–"),
                b.serverCpuPercent(),
                b.serverCpuMicrosPerDelivery(),
                b.clientCpuPercent()));
      }
      md.append('\n');
    }
    stalling(md);
    churn(md);
    return md.toString();
  }

  private void stalling(StringBuilder md) {
    List<Run> stalled = runs.stream().filter(run -> run.stalling != null).toList();
    if (stalled.isEmpty()) {
      return;
    }
    Scale.Stalling plan = scale.stalling();
    md.append("### Stalled clients\n\n")
        .append(
            String.format(
                "%d links a second, %d in all, each URL padded by %d characters, submitted with no"
                    + " client stalled, then with %d clients more that read, then again with as"
                    + " many streams open from %d addresses that never read (receive buffers of %d"
                    + " bytes), then once more with none. Latency: the healthy subscribers' last"
                    + " receipt; their usual p99 is that of both runs with none stalled taken"
                    + " together.%n%n",
                (long) plan.rate(),
                plan.links(),
                plan.padding(),
                plan.clients(),
                plan.addresses(),
                Benchmark.STALLED_RECEIVE_BUFFER));
    header(
        md,
        "Target",
        "Healthy",
        "p99 ms, none stalled: before / after / usual",
        "p99 ms, " + plan.clients() + " more reading",
        "p99 ms, among the stalled",
        "Ratio to usual",
        "Ratio to " + plan.clients() + " more reading",
        "Healthy: missing / duplicates",
        "Dropped as slow (of the stalled)",
        "Still open");
    for (Run run : stalled) {
      Stalling s = run.stalling;
      md.append(
          String.format(
              "| %s | %d | %d / %d / %d | %d | %d | %.2f | %.2f | %d / %d | %s (%d) | %d |%n",
              run.target,
              s.among().subscribers(),
              s.before().lastReceiptMillis().p99(),
              s.after().lastReceiptMillis().p99(),
              s.usualP99(),
              s.crowded().lastReceiptMillis().p99(),
              s.among().lastReceiptMillis().p99(),
              s.p99Ratio(),
              s.p99RatioToCrowded(),
              s.among().missing(),
              s.among().duplicates(),
              s.among().counted().map(c -> String.valueOf(c.droppedSlow())).orElse("–"),
              s.plan().clients(),
              s.stillOpen()));
    }
    md.append('\n');
  }

  private void churn(StringBuilder md) {
    List<Run> churned = runs.stream().filter(run -> run.churn != null).toList();
    if (churned.isEmpty()) {
      return;
    }
    Scale.Churn churn = scale.churn();
    Churn first = churned.get(0).churn;
    md.append("### Churn\n\n")
        .append(
            String.format(
                "%d subscribers held (and the observer) while %d clients a second join and vanish"
                    + " for %d s, 3 in 4 with a reset and 1 in 4 with a FIN, each after up to %d ms,"
                    + " and %s links a second are submitted. Measured %d ms after %d s of the"
                    + " same churn to warm up, and one heartbeat and %d ms after the last client"
                    + " vanished. Released: when the server counted only the held subscribers and"
                    + " the observer again.%n%n",
                churn.held(),
                churn.perSecond(),
                churn.seconds(),
                Churners.MAX_LIFETIME_MILLIS,
                churn.linkRate(),
                first.settleMillis(),
                churn.warmUpSeconds(),
                first.settleMillis()));
    header(
        md,
        "Target",
        "Joined (reset / FIN)",
        "Refused",
        "Closed by server",
        "Links (unanswered)",
        "Missing",
        "Duplicates",
        "Subscribers before / at stop / after",
        "Released ms (heartbeat ms)",
        "Threads before → after",
        "FDs before → after",
        "Live heap MiB before → after",
        "RSS MiB before → after",
        "Took s");
    for (Run run : churned) {
      Churn c = run.churn;
      md.append(
          String.format(
              "| %s | %d (%d / %d) | %d | %d | %d (%d) | %d | %d | %d / %d / %d | %s (%d) | %s | %s | %s | %s | %d |%n",
              run.target,
              c.opened(),
              c.reset(),
              c.normal(),
              c.refused() + c.failed(),
              c.closedByServer(),
              c.links(),
              c.unanswered(),
              c.missing(),
              c.duplicates(),
              c.subscribersBefore(),
              c.subscribersAtStop(),
              c.subscribersAfter(),
              c.releasedMillis() < 0 ? "never" : String.valueOf(c.releasedMillis()),
              c.heartbeatMillis(),
              change(c.before().threads(), c.after().threads()),
              change(c.before().fileDescriptors(), c.after().fileDescriptors()),
              change(c.before().heapUsedKiB() / 1024, c.after().heapUsedKiB() / 1024),
              change(c.before().rssKiB() / 1024, c.after().rssKiB() / 1024),
              c.tookMillis() / 1000));
    }
    md.append('\n');
    for (Run run : churned) {
      List<String> changes = run.churn.threadChanges();
      md.append("Threads by name on ")
          .append(run.target)
          .append(", where before and after differ: ")
          .append(changes.isEmpty() ? "none" : String.join("; ", changes))
          .append(".\n\n");
      List<String> connections = run.churn.connectionChanges();
      md.append("TCP connections to ")
          .append(run.target)
          .append(" by state and client network, where before and after differ: ")
          .append(connections.isEmpty() ? "none" : String.join("; ", connections))
          .append(".\n\n");
    }
  }

  /** A table's head: its columns' names, the first aligned left and the rest, figures, right. */
  private static void header(StringBuilder md, String... columns) {
    md.append("| ").append(String.join(" | ", columns)).append(" |\n| ---");
    md.append(" | ---:".repeat(columns.length - 1)).append(" |\n");
  }

  private static String change(long before, long after) {
    return String.format("%d → %d (%+.1f%%)", before, after, Churn.growthPercent(before, after));
  }

  private static void comparison(StringBuilder md, Run app, Run peer) {
    md.append("| | ")
        .append(app.target)
        .append(" | ")
        .append(peer.target)
        .append(" | Ratio |\n| --- | ---: | ---: | ---: |\n");
    Broadcast appBest = app.bestSustained();
    Broadcast peerBest = peer.bestSustained();
    row(
        md,
        "Most deliveries/s sustained (≥ if no step failed)",
        ceiling(app, appBest),
        ceiling(peer, peerBest),
        deliveries(appBest),
        deliveries(peerBest));
    long appCpu = appBest == null ? 0 : appBest.serverCpuMicrosPerDelivery();
    long peerCpu = peerBest == null ? 0 : peerBest.serverCpuMicrosPerDelivery();
    row(md, "Server CPU µs per delivery there", appCpu, peerCpu);
    int most = app.largest().subscribers();
    row(md, "Connect ms, " + most, app.largest().connectMillis(), peer.largest().connectMillis());
    row(
        md,
        "RSS per subscriber at " + most,
        kb(app.largest().rssBytesEach()),
        kb(peer.largest().rssBytesEach()),
        app.largest().rssBytesEach(),
        peer.largest().rssBytesEach());
    row(md, "Last receipt p99 ms at " + most, lastP99(app.latency), lastP99(peer.latency));
    if (app.reconnect != null && peer.reconnect != null) {
      row(md, "Reconnect storm: refused (503)", app.reconnect.refused(), peer.reconnect.refused());
      row(
          md,
          "Reconnect storm: last receipt p99 ms",
          app.reconnect.lastReceiptMillis().p99(),
          peer.reconnect.lastReceiptMillis().p99());
    }
    md.append('\n');
  }

  private static long lastP99(List<Broadcast> latency) {
    return latency.get(latency.size() - 1).lastReceiptMillis().p99();
  }

  private static long deliveries(Broadcast step) {
    return step == null ? 0 : step.deliveriesPerSecond();
  }

  private static String ceiling(Run run, Broadcast best) {
    return (run.ceilingFound() ? "" : "≥ ") + deliveries(best);
  }

  private static void row(StringBuilder md, String name, long app, long peer) {
    row(md, name, String.valueOf(app), String.valueOf(peer), app, peer);
  }

  private static void row(
      StringBuilder md, String name, String app, String peer, long appValue, long peerValue) {
    md.append(
        String.format("| %s | %s | %s | %s |%n", name, app, peer, ratio(appValue, peerValue)));
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
        JsonObjectBuilder scenario =
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
                .add("serverCpuMicrosPerDelivery", b.serverCpuMicrosPerDelivery())
                .add("sustained", b.sustained());
        b.counted()
            .ifPresent(
                c ->
                    scenario
                        .add("refusedByLimit", c.refusedByLimit())
                        .add("droppedSlow", c.droppedSlow())
                        .add("heals", c.heals())
                        .add("writersStarted", c.writersStarted()));
        broadcasts.add(scenario);
      }
      JsonObjectBuilder target =
          Json.createObjectBuilder()
              .add("target", run.target)
              .add("ramp", ramp)
              .add("scenarios", broadcasts);
      if (run.idle != null) {
        target.add("idleRssKiB", run.idle.rssKiB()).add("idleThreads", run.idle.threads());
      }
      if (run.stalling != null) {
        target.add(
            "stalling",
            Json.createObjectBuilder()
                .add("clients", run.stalling.plan().clients())
                .add("addresses", run.stalling.plan().addresses())
                .add("stillOpen", run.stalling.stillOpen())
                .add("usualP99", run.stalling.usualP99())
                .add("p99Ratio", run.stalling.p99Ratio())
                .add("p99RatioToCrowded", run.stalling.p99RatioToCrowded()));
      }
      if (run.churn != null) {
        target.add("churn", churn(run.churn));
      }
      targets.add(target);
    }
    return Json.createObjectBuilder()
        .add("scale", scale.name())
        .add("machine", machine())
        .add("targets", targets)
        .build()
        .toString();
  }

  private static JsonObjectBuilder churn(Churn c) {
    JsonObjectBuilder threadsBefore = map(c.threadsBefore());
    JsonObjectBuilder threadsAfter = map(c.threadsAfter());
    return Json.createObjectBuilder()
        .add("held", c.held())
        .add("perSecond", c.perSecond())
        .add("seconds", c.seconds())
        .add("heartbeatMillis", c.heartbeatMillis())
        .add("settleMillis", c.settleMillis())
        .add("subscribersBefore", c.subscribersBefore())
        .add("subscribersAtStop", c.subscribersAtStop())
        .add("subscribersAfter", c.subscribersAfter())
        .add("releasedMillis", c.releasedMillis())
        .add("fileDescriptorsAtStop", c.fileDescriptorsAtStop())
        .add("before", stats(c.before()))
        .add("after", stats(c.after()))
        .add("threadsByNameBefore", threadsBefore)
        .add("threadsByNameAfter", threadsAfter)
        .add("connectionsBefore", map(c.connectionsBefore()))
        .add("connectionsAfter", map(c.connectionsAfter()))
        .add("opened", c.opened())
        .add("streams", c.streams())
        .add("reset", c.reset())
        .add("normal", c.normal())
        .add("refused", c.refused())
        .add("failed", c.failed())
        .add("closedByServer", c.closedByServer())
        .add("links", c.links())
        .add("unanswered", c.unanswered())
        .add("missing", c.missing())
        .add("duplicates", c.duplicates())
        .add("dropped", c.dropped())
        .add("tookMillis", c.tookMillis());
  }

  private static JsonObjectBuilder map(Map<String, Integer> counts) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    counts.forEach(json::add);
    return json;
  }

  private static JsonObjectBuilder stats(ProcessStats s) {
    return Json.createObjectBuilder()
        .add("threads", s.threads())
        .add("fileDescriptors", s.fileDescriptors())
        .add("heapUsedKiB", s.heapUsedKiB())
        .add("rssKiB", s.rssKiB());
  }

  private static JsonObjectBuilder percentiles(Percentiles p) {
    return Json.createObjectBuilder()
        .add("p50", p.p50())
        .add("p99", p.p99())
        .add("max", p.max())
        .add("count", p.count());
  }
}
