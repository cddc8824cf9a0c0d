package dev.linkstream.bench;

import dev.linkstream.bench.Publisher.Submission;
import dev.linkstream.bench.Subscribers.Tally;
import dev.linkstream.it.Metrics;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.WebOrigin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs every scenario against each server named and writes {@code target/bench/results.md} and
 * {@code results.json}. {@code -Dbench.scale=full} for the full run; the smoke run is the default.
 * {@code -Dbench.servers} names the servers measured, in order, of {@code payara} and {@code
 * liberty} (Linkstream on Payara Micro, on Open Liberty), {@code plain-payara} and {@code
 * plain-liberty} (the plain Jakarta EE broadcaster on each) and {@code reference} (Netty); all of
 * them unless told. {@code -Dbench.scenarios=churn} runs the churn soak alone, {@code stalling} the
 * stalled clients alone (at the first count, on Linkstream), {@code throughput} the latency and the
 * throughput steps at the first count alone, {@code search} the search among {@code
 * -Dbench.search-links} links (100,000 unless told) on H2 and PostgreSQL alone, with no server
 * ({@link SearchBenchmark}, which writes {@code target/bench/search.md}), {@code import} an import
 * of {@code -Dbench.import-bookmarks} bookmarks (10,000 unless told) alone, with no server ({@link
 * ImportBenchmark}, {@code target/bench/import.md}).
 */
public final class Benchmark {

  /** Which scenarios a run takes: all of them, or one alone. */
  enum Scenarios {
    ALL,
    CHURN,
    STALLING,
    THROUGHPUT,
    SEARCH,
    IMPORT,
    INSTANCES
  }

  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** After the heartbeat, for the server to close what it found gone and the JVM to settle. */
  static final long CHURN_SETTLE_MILLIS = 3_000;

  private static final long POLL_MILLIS = 250;

  /** The receive buffer of each stalled client: small, as a client's that stopped reading. */
  static final int STALLED_RECEIVE_BUFFER = 4096;

  /** How many heartbeats a churn that did not release in one waits for, to say when it does. */
  private static final int LATE_HEARTBEATS = 3;

  private final Scale scale;
  private final WebOrigin origin;
  private final Path dir;

  Benchmark(Scale scale, WebOrigin origin, Path dir) {
    this.scale = scale;
    this.origin = origin;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    Scenarios scenarios =
        Scenarios.valueOf(setting("bench.scenarios", "all").toUpperCase(Locale.ROOT));
    // Scenarios that start what they need themselves, if anything.
    if (scenarios == Scenarios.SEARCH
        || scenarios == Scenarios.IMPORT
        || scenarios == Scenarios.INSTANCES) {
      Path dir = Files.createDirectories(Path.of("target", "bench"));
      System.out.println(
          switch (scenarios) {
            case SEARCH ->
                SearchBenchmark.run(Integer.parseInt(setting("bench.search-links", "100000")), dir);
            case IMPORT ->
                ImportBenchmark.run(
                    Integer.parseInt(setting("bench.import-bookmarks", "10000")), dir);
            default ->
                InstancesBenchmark.run(
                    Integer.parseInt(setting("bench.instances-subscribers", "1000")),
                    Integer.parseInt(setting("bench.instances-links", "250")),
                    Double.parseDouble(setting("bench.instances-rate", "5")),
                    dir);
          });
      return;
    }
    Results results =
        run(
            Scale.named(System.getProperty("bench.scale", "smoke")),
            setting("bench.servers", "payara,liberty,plain-payara,plain-liberty,reference"),
            scenarios);
    System.out.println(results.markdown());
  }

  /** A system property, or the default when it is unset or empty (as Maven passes one unset). */
  private static String setting(String key, String otherwise) {
    String value = System.getProperty(key, "");
    return value.isBlank() ? otherwise : value.strip();
  }

  /** Every scenario, on Payara Micro and on the reference. */
  static Results run(Scale scale) throws Exception {
    return run(scale, "payara,reference", Scenarios.ALL);
  }

  static Results run(Scale scale, String servers, Scenarios scenarios) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    Results results = new Results(scale);
    try (WebOrigin origin = new WebOrigin()) {
      origin.route("/page/", delayed(scale.originDelayMillis()));
      Benchmark benchmark = new Benchmark(scale, origin, dir);
      for (String server : servers.split(",")) {
        try (Target target = benchmark.start(server.strip())) {
          results.add(benchmark.measure(target, scenarios));
        }
      }
    }
    Files.writeString(dir.resolve("results.md"), results.markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.json"), results.json(), StandardCharsets.UTF_8);
    return results;
  }

  private Target start(String server) throws Exception {
    return switch (server) {
      case "payara" -> linkstream(ServerProcess.Runtime.PAYARA_MICRO);
      case "liberty" -> linkstream(ServerProcess.Runtime.OPEN_LIBERTY);
      case "plain-payara" -> plain(ServerProcess.Runtime.PAYARA_MICRO);
      case "plain-liberty" -> plain(ServerProcess.Runtime.OPEN_LIBERTY);
      case "reference" -> Target.Reference.start(dir);
      default -> throw new IllegalArgumentException("bench.servers: no server " + server);
    };
  }

  private Target linkstream(ServerProcess.Runtime runtime) throws Exception {
    // Absolute: Liberty's start script runs elsewhere than here.
    return Target.Linkstream.start(
        runtime, Files.createTempDirectory(dir, "linkstream-").toAbsolutePath(), 2 * scale.most());
  }

  private Target plain(ServerProcess.Runtime runtime) throws Exception {
    return Target.Plain.start(runtime, Files.createTempDirectory(dir, "plain-").toAbsolutePath());
  }

  private static com.sun.net.httpserver.HttpHandler delayed(int millis) {
    return exchange -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      WebOrigin.respond(exchange, 200, "text/html", "<title>A page</title>".getBytes());
    };
  }

  Results.Run measure(Target target, Scenarios scenarios) throws Exception {
    Results.Run run = new Results.Run(target.name());
    long lastId = scenarios == Scenarios.CHURN ? 0 : broadcasts(target, run, scenarios);
    if (scenarios != Scenarios.STALLING
        && scenarios != Scenarios.THROUGHPUT
        && (scale.churn().onReference() || target instanceof Target.Linkstream)) {
      run.churn = churn(target, lastId);
    }
    return run;
  }

  /**
   * Unmeasured, the latency links and the throughput steps up to the rate given, as a full run has
   * before its stalled clients: a fresh server's first links are slow while it compiles its code,
   * and 20 links at a low rate left the first padded run with none stalled at 427 and 596 ms
   * against 77 and 106 after.
   */
  private void warmUp(Session session, double upTo) throws Exception {
    session.broadcast("warm-up", scale.latencyEvents(), scale.latencyRate());
    for (double rate : scale.throughputRates()) {
      if (rate > upTo) {
        return;
      }
      session.broadcast("warm-up at " + rate + "/s", (int) (rate * scale.stepSeconds()), rate);
    }
  }

  /**
   * Every scenario but the churn, or only the stalled clients; the id of the last event the
   * observer saw.
   */
  private long broadcasts(Target target, Results.Run run, Scenarios scenarios) throws Exception {
    String authorization = target.authorization();
    try (Subscribers subscribers = new Subscribers(target.address(), authorization);
        Observer observer = new Observer(target.uri(), authorization)) {
      Session session =
          new Session(
              target,
              subscribers,
              observer,
              new Publisher(target.uri(), origin.url(""), authorization),
              target.fetches() ? scale.originDelayMillis() : 0);
      ProcessStats idle = ProcessStats.of(target.pid());
      run.idle = idle;
      int first = scale.first();
      run.ramp.add(session.rampTo(first, idle));
      if (scenarios == Scenarios.STALLING) {
        warmUp(session, scale.stalling().rate());
        run.stalling = session.stalling(scale.stalling());
        return observer.lastId();
      }
      run.latency.add(
          session.broadcast("latency at " + first, scale.latencyEvents(), scale.latencyRate()));
      for (double rate : scale.throughputRates()) {
        int links = (int) (rate * scale.stepSeconds());
        Results.Broadcast step = session.broadcast("throughput at " + rate + "/s", links, rate);
        run.throughput.add(step);
        if (!step.sustained()) {
          break;
        }
      }
      if (scenarios == Scenarios.THROUGHPUT) {
        return observer.lastId();
      }
      if (target instanceof Target.Linkstream) {
        run.stalling = session.stalling(scale.stalling());
      }
      for (int count : scale.subscribers().subList(1, scale.subscribers().size())) {
        run.ramp.add(session.rampTo(count, idle));
      }
      int most = scale.most();
      run.latency.add(
          session.broadcast("latency at " + most, scale.mostEvents(), scale.mostRate()));
      subscribers.stall(100);
      run.stalled = session.broadcast("1% stalled", scale.mostEvents(), scale.mostRate());
      subscribers.closeStalled();
      run.reconnect = session.reconnectStorm(scale.mostEvents(), scale.mostRate());
      // Last: at this rate the subscribers may not keep up, and whatever it leaves behind
      // would spoil any scenario after it.
      int links = (int) (scale.submissionRate() * scale.submissionSeconds());
      run.submissions =
          session.broadcast(
              "submissions at " + scale.submissionRate() + "/s", links, scale.submissionRate());
      return observer.lastId();
    }
  }

  /**
   * The churn soak: subscribers held while others join and vanish, abruptly or not, and links are
   * submitted. The server process is measured at rest before (after a warm-up of the same churn, so
   * that what serving it needs at all is there) and after: once the last client vanished, one
   * heartbeat for the server to find the vanished, and a moment to settle.
   *
   * @param lastId the last event the held subscribers are taken to have seen
   */
  private Results.Churn churn(Target target, long lastId) throws Exception {
    long began = System.nanoTime();
    Scale.Churn plan = scale.churn();
    String authorization = target.authorization();
    long pid = target.pid();
    long heartbeat = target.heartbeat().toMillis();
    Publisher publisher = new Publisher(target.uri(), origin.url(""), authorization);
    // Of their own networks, 127.3 and 127.2: whatever other scenarios left does not count
    // against the limit per address.
    try (Subscribers held = new Subscribers(target.address(), authorization, "127.3.");
        Observer observer = new Observer(target.uri(), authorization)) {
      System.out.println(target.name() + ": churn, holding " + plan.held() + " subscribers");
      held.growTo(plan.held(), lastId);
      // The JVM starts its attach listener at the first jcmd: a thread, before the measurement.
      ProcessStats.threadsByName(pid);
      // The held subscribers and the observer.
      int expected = plan.held() + 1;
      System.out.println(target.name() + ": churn, warming up for " + plan.warmUpSeconds() + " s");
      churnFor(target, authorization, publisher, plan.warmUpSeconds());
      // Not a heartbeat later, as after the churn: the vanished that Linkstream still counts hold
      // no open file by then, and within 30 s its fetchers' idle threads are all still there.
      Thread.sleep(CHURN_SETTLE_MILLIS);

      int subscribersBefore = publisher.subscribers();
      ProcessStats before = ProcessStats.of(pid);
      Map<String, Integer> threadsBefore = ProcessStats.threadsByName(pid);
      Map<String, Integer> connectionsBefore = ProcessStats.connections(target.uri().getPort());
      // For whoever looks into the heap's growth: what it was made of before and after.
      Files.writeString(
          dir.resolve("churn-histogram-" + pid + "-before.txt"), ProcessStats.classHistogram(pid));
      long firstId = observer.lastId() + 1;
      Tally tallyBefore = held.tally(firstId - 1);
      System.out.println(
          target.name()
              + ": churn for "
              + plan.seconds()
              + " s; before: "
              + subscribersBefore
              + " subscribers, "
              + before
              + ", "
              + connectionsBefore);
      Churned churned = churnFor(target, authorization, publisher, plan.seconds());
      long stop = System.nanoTime();
      int atStop = publisher.subscribers();
      int fdsAtStop = ProcessStats.fileDescriptors(pid);
      long released = -1;
      long end = stop + TimeUnit.MILLISECONDS.toNanos(heartbeat + CHURN_SETTLE_MILLIS);
      while (System.nanoTime() < end) {
        if (released < 0 && publisher.subscribers() == expected) {
          released = (System.nanoTime() - stop) / 1_000_000;
        }
        Thread.sleep(POLL_MILLIS);
      }
      int subscribersAfter = publisher.subscribers();
      ProcessStats after = ProcessStats.of(pid);
      Map<String, Integer> threadsAfter = ProcessStats.threadsByName(pid);
      Map<String, Integer> connectionsAfter = ProcessStats.connections(target.uri().getPort());
      Files.writeString(
          dir.resolve("churn-histogram-" + pid + "-after.txt"), ProcessStats.classHistogram(pid));
      System.out.println(
          target.name()
              + ": churn over; at stop "
              + atStop
              + " subscribers, "
              + fdsAtStop
              + " FDs; after: "
              + subscribersAfter
              + " subscribers, "
              + after
              + ", "
              + connectionsAfter);
      if (released < 0) {
        // What the server is doing with the streams it still counts, for whoever looks into it;
        // and, for the report, how long it does take to let the vanished go.
        Files.writeString(
            dir.resolve("churn-threads-" + pid + ".txt"), ProcessStats.threadDump(pid));
        long late =
            stop + TimeUnit.MILLISECONDS.toNanos(LATE_HEARTBEATS * heartbeat + CHURN_SETTLE_MILLIS);
        while (released < 0 && System.nanoTime() < late) {
          if (publisher.subscribers() == expected) {
            released = (System.nanoTime() - stop) / 1_000_000;
          }
          Thread.sleep(POLL_MILLIS);
        }
        System.out.println(target.name() + ": churn, released after " + released + " ms");
      }

      List<Submission> submitted = churned.links().stream().filter(Submission::accepted).toList();
      long last = firstId - 1 + 2L * submitted.size();
      long deadline = System.nanoTime() + SETTLE_NANOS;
      while ((observer.lastId() < last || !held.allReceived(last))
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Tally tallyAfter = held.tally(last);
      Churners c = churned.churners();
      return new Results.Churn(
          plan.held(),
          plan.perSecond(),
          plan.seconds(),
          heartbeat,
          CHURN_SETTLE_MILLIS,
          subscribersBefore,
          atStop,
          subscribersAfter,
          released,
          fdsAtStop,
          before,
          after,
          threadsBefore,
          threadsAfter,
          connectionsBefore,
          connectionsAfter,
          c.opened(),
          c.streams.get(),
          c.abrupt.get(),
          c.normal.get(),
          c.refused.get(),
          c.failed.get(),
          c.closedByServer.get(),
          churned.links().size(),
          churned.links().size() - submitted.size(),
          tallyAfter.gaps() - tallyBefore.gaps() + tallyAfter.behind(),
          tallyAfter.duplicates() - tallyBefore.duplicates(),
          tallyAfter.closed() - tallyBefore.closed(),
          (System.nanoTime() - began) / 1_000_000);
    }
  }

  /** What one stretch of churn did: its clients, gone by now, and the links it submitted. */
  private record Churned(Churners churners, List<Submission> links) {}

  /** Churns for {@code seconds} while links are submitted, and waits for the last client to go. */
  private Churned churnFor(Target target, String authorization, Publisher publisher, int seconds)
      throws Exception {
    Scale.Churn plan = scale.churn();
    try (Churners churners = new Churners(target.address(), authorization)) {
      CompletableFuture<List<Submission>> links =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return publisher.submit((int) (plan.linkRate() * seconds), plan.linkRate());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      churners.churn(plan.perSecond(), Duration.ofSeconds(seconds));
      churners.awaitGone();
      return new Churned(churners, links.get());
    }
  }

  /** One target's subscribers, observer and publisher, and what measuring them takes. */
  private record Session(
      Target target,
      Subscribers subscribers,
      Observer observer,
      Publisher publisher,
      int originDelayMillis) {

    Results.Ramp rampTo(int count, ProcessStats idle) throws Exception {
      System.out.println(target.name() + ": opening subscribers up to " + count);
      long start = System.nanoTime();
      subscribers.growTo(count, observer.lastId());
      long millis = (System.nanoTime() - start) / 1_000_000;
      ProcessStats stats = ProcessStats.of(target.pid());
      return new Results.Ramp(
          count,
          stats,
          (stats.rssKiB() - idle.rssKiB()) * 1024 / count,
          (stats.heapUsedKiB() - idle.heapUsedKiB()) * 1024 / count,
          millis);
    }

    Results.Broadcast broadcast(String name, int events, double rate) throws Exception {
      return broadcast(publisher, name, events, rate);
    }

    private Results.Broadcast broadcast(Publisher links, String name, int events, double rate)
        throws Exception {
      return measured(name, () -> links.submit(events, rate));
    }

    /**
     * The same padded links with no client stalled; with the plan's count of clients more, shaped
     * as the stalled ones but reading; with that many stalled, open from addresses of their own
     * (127.4.0.x) for as long as the links take to arrive; and with none again once they have
     * closed.
     */
    Results.Stalling stalling(Scale.Stalling plan) throws Exception {
      Publisher padded = publisher.padded(plan.padding());
      // Unmeasured: the first padded links reached every subscriber up to 1.2 s late in runs on
      // Payara, whatever the stalled clients did, and that belongs in neither measurement.
      broadcast(padded, "padded, warm-up", plan.links() / 20, plan.rate());
      Results.Broadcast before =
          measured("padded, none stalled", () -> padded.submit(plan.links(), plan.rate()));
      Results.Broadcast crowded;
      try (Subscribers reading = clientsLikeTheStalled(plan, "127.5.")) {
        crowded =
            measured(
                "padded, " + plan.clients() + " more reading",
                () -> padded.submit(plan.links(), plan.rate()));
      }
      awaitOnlyTheHealthy();
      Results.Broadcast among;
      long stillOpen;
      try (Subscribers stalled = clientsLikeTheStalled(plan, "127.4.")) {
        stalled.stall(1);
        among =
            measured(
                "padded, " + plan.clients() + " stalled from " + plan.addresses() + " addresses",
                () -> padded.submit(plan.links(), plan.rate()));
        // The server's count, less the healthy subscribers and the observer: a client that does not
        // read would not see its stream closed.
        stillOpen = publisher.subscribers() - subscribers.size() - 1;
      }
      awaitOnlyTheHealthy();
      Results.Broadcast after =
          measured("padded, none stalled again", () -> padded.submit(plan.links(), plan.rate()));
      return new Results.Stalling(plan, before, crowded, among, after, stillOpen);
    }

    private Subscribers clientsLikeTheStalled(Scale.Stalling plan, String network)
        throws InterruptedException {
      Subscribers clients =
          new Subscribers(
              target.address(),
              target.authorization(),
              network,
              plan.clients() / plan.addresses(),
              STALLED_RECEIVE_BUFFER);
      clients.growTo(plan.clients(), observer.lastId());
      return clients;
    }

    /**
     * Until the server has let every other stream go, as the next heartbeat's writes make it do.
     */
    private void awaitOnlyTheHealthy() throws Exception {
      long deadline = System.nanoTime() + 2 * target.heartbeat().toNanos();
      while (publisher.subscribers() > subscribers.size() + 1 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    Results.Broadcast reconnectStorm(int events, double rate) throws Exception {
      return measured(
          "reconnect storm",
          () -> {
            CompletableFuture<List<Submission>> publishing =
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return publisher.submit(events, rate);
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
            subscribers.reconnectAll();
            return publishing.get();
          });
    }

    private interface Publishing {
      List<Submission> publish() throws Exception;
    }

    private Results.Broadcast measured(String name, Publishing publishing) throws Exception {
      System.out.println(target.name() + ": " + name);
      long firstId = observer.lastId() + 1;
      Tally before = subscribers.tally(firstId - 1);
      long refusedBefore = subscribers.refusals.get();
      Optional<Metrics> countedBefore = target.metrics();
      long serverCpu = ProcessStats.cpuMillis(target.pid());
      long clientCpu = ProcessStats.cpuMillis(ProcessHandle.current().pid());
      subscribers.worstLagMillis();
      long start = System.nanoTime();
      List<Submission> all = publishing.publish();
      List<Submission> submitted = all.stream().filter(Submission::accepted).toList();
      long lastId = firstId - 1 + 2L * submitted.size();
      long deadline = System.nanoTime() + SETTLE_NANOS;
      while ((observer.lastId() < lastId || !subscribers.allReceived(lastId))
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long wallMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
      Tally after = subscribers.tally(lastId);
      printSlowest(submitted, start);
      System.out.println(
          "  harness event loop late by up to " + subscribers.worstLagMillis() + " ms");
      return new Results.Broadcast(
          name,
          subscribers.reading(),
          all.size(),
          all.size() - submitted.size(),
          Percentiles.of(latencies(submitted)),
          Percentiles.of(submitted.stream().map(Submission::micros).toList()),
          Percentiles.of(pipeline(submitted)),
          after.gaps() - before.gaps() + after.behind(),
          after.duplicates() - before.duplicates(),
          after.closed() - before.closed(),
          subscribers.refusals.get() - refusedBefore,
          2L * submitted.size() * subscribers.reading() * 1000 / wallMillis,
          (ProcessStats.cpuMillis(target.pid()) - serverCpu) * 100 / wallMillis,
          (ProcessStats.cpuMillis(ProcessHandle.current().pid()) - clientCpu) * 100 / wallMillis,
          countedBefore.map(earlier -> counted(earlier, target.metrics().orElseThrow())));
    }

    private static Results.StreamCounts counted(Metrics before, Metrics after) {
      return new Results.StreamCounts(
          (long)
              after.since(
                  before, "linkstream_stream_subscribers_dropped_total", "reason=\"limit\""),
          (long)
              after.since(before, "linkstream_stream_subscribers_dropped_total", "reason=\"slow\""),
          (long) after.since(before, "linkstream_stream_heals_total"),
          (long) after.since(before, "linkstream_stream_writers_started_total"));
    }

    /**
     * The step's slowest links in the log: when in the step each was planned, its POST, and when
     * the first and the last subscriber had its pending event. Late for all says the server sent it
     * late; late for the last only, that some subscribers' writes were held.
     */
    private void printSlowest(List<Submission> submitted, long start) {
      record Slow(int index, Submission submission, long first, long last) {}
      List<Slow> slow = new ArrayList<>();
      for (int i = 0; i < submitted.size(); i++) {
        Submission submission = submitted.get(i);
        Long eventId = observer.pendingEventId.get(submission.url());
        if (eventId != null
            && eventId < Subscribers.MAX_EVENT_ID
            && subscribers.receipts[eventId.intValue()] > 0) {
          int id = eventId.intValue();
          slow.add(
              new Slow(
                  i,
                  submission,
                  subscribers.firstReceipt[id] - submission.plannedAt(),
                  subscribers.lastReceipt[id] - submission.plannedAt()));
        }
      }
      slow.sort((a, b) -> Long.compare(b.last, a.last));
      for (Slow s : slow.subList(0, Math.min(5, slow.size()))) {
        System.out.printf(
            Locale.ROOT,
            "  slow: link %d at %.1f s, POST %d ms, first receipt %d ms, last %d ms%n",
            s.index,
            (s.submission.plannedAt() - start) / 1e9,
            s.submission.micros() / 1_000,
            s.first / 1_000_000,
            s.last / 1_000_000);
      }
    }

    /** Per submission, ms from its planned time until the last subscriber had its pending event. */
    private List<Long> latencies(List<Submission> submitted) {
      List<Long> millis = new ArrayList<>();
      for (Submission submission : submitted) {
        Long eventId = observer.pendingEventId.get(submission.url());
        if (eventId != null
            && eventId < Subscribers.MAX_EVENT_ID
            && subscribers.receipts[eventId.intValue()] > 0) {
          millis.add(
              (subscribers.lastReceipt[eventId.intValue()] - submission.plannedAt()) / 1_000_000);
        }
      }
      return millis;
    }

    /**
     * Per submission, ms from its planned time to its fetched event, the origin's delay taken off.
     */
    private List<Long> pipeline(List<Submission> submitted) {
      List<Long> millis = new ArrayList<>();
      for (Submission submission : submitted) {
        Long fetched = observer.fetchedAt.get(submission.url());
        if (fetched != null) {
          millis.add((fetched - submission.plannedAt()) / 1_000_000 - originDelayMillis);
        }
      }
      return millis;
    }
  }
}
