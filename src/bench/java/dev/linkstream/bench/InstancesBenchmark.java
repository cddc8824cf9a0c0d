package dev.linkstream.bench;

import dev.linkstream.bench.Publisher.Submission;
import dev.linkstream.bench.Subscribers.Tally;
import dev.linkstream.testing.Postgres;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.TestTokens;
import dev.linkstream.testing.WebOrigin;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One instance, then two, on one PostgreSQL, each on Payara Micro: the subscribers split evenly
 * across the instances, the links submitted to each in turn at the same total rate. Per link, the
 * fan-out latency is from its planned submission to the last subscriber, on any instance, having
 * its first event; deliveries per second count every event to every subscriber. Any event a
 * subscriber missed or had twice is counted. Each run gets a database of its own, and warms up
 * first.
 */
final class InstancesBenchmark {

  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  record Run(
      int instances, Percentiles latency, long deliveriesPerSecond, long missing, long doubled) {

    String row(int subscribers, int links, double rate) {
      return String.format(
          Locale.ROOT,
          "| %d | %d | %d at %.0f/s | %d | %d | %d | %,d | %d | %d |%n",
          instances,
          subscribers,
          links,
          rate,
          latency.p50(),
          latency.p99(),
          latency.max(),
          deliveriesPerSecond,
          missing,
          doubled);
    }
  }

  private InstancesBenchmark() {}

  static String run(int subscribers, int links, double rate, Path dir) throws Exception {
    StringBuilder report =
        new StringBuilder("# Several instances\n\n")
            .append(
                "Linkstream on Payara Micro, one instance and then two on one PostgreSQL;"
                    + " subscribers split evenly, links submitted to each instance in turn."
                    + " Latency in ms, to the last subscriber's first event of each link.\n\n")
            .append(
                "| Instances | Subscribers | Links | p50 | p99 | max | Deliveries/s | Missing |"
                    + " Doubled |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    try (Postgres postgres = Postgres.startOwn();
        WebOrigin origin = new WebOrigin()) {
      origin.route("/page/", WebOrigin.page("text/html", "<title>A page</title>"));
      for (int instances = 1; instances <= 2; instances++) {
        Run run = measure(instances, subscribers, links, rate, postgres, origin, dir);
        report.append(run.row(subscribers, links, rate));
        System.out.println(report);
      }
    }
    Files.writeString(dir.resolve("instances.md"), report, StandardCharsets.UTF_8);
    return report.toString();
  }

  private static Run measure(
      int count,
      int subscribers,
      int links,
      double rate,
      Postgres postgres,
      WebOrigin origin,
      Path dir)
      throws Exception {
    String database = postgres.createDatabase();
    List<ServerProcess> servers = new ArrayList<>();
    List<Subscribers> groups = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Path own = Files.createTempDirectory(dir, "instance-").toAbsolutePath();
        servers.add(
            ServerProcess.start(
                ServerProcess.Runtime.PAYARA_MICRO,
                own.resolve("data"),
                own.resolve("server"),
                List.of(
                    "-Dlinkstream.db.url=" + database,
                    "-Dlinkstream.db.user=" + postgres.user(),
                    "-Dlinkstream.db.password=" + postgres.password(),
                    "-Dlinkstream.instance=instance-" + i,
                    "-Dlinkstream.stream.max-subscribers=" + (subscribers + 10))));
      }
      List<Publisher> publishers = new ArrayList<>();
      for (ServerProcess server : servers) {
        String authorization = TestTokens.authorization(server.url.toURI());
        Subscribers group =
            new Subscribers(new InetSocketAddress("127.0.0.1", server.port()), authorization);
        group.growTo(subscribers / count, 0);
        groups.add(group);
        publishers.add(new Publisher(server.url.toURI(), origin.url(""), authorization));
      }
      try (Observer observer =
          new Observer(
              servers.get(0).url.toURI(), TestTokens.authorization(servers.get(0).url.toURI()))) {
        System.out.println(count + " instance(s): warming up");
        broadcast(publishers, links, rate, observer, groups);
        System.out.println(count + " instance(s): measuring");
        return broadcast(publishers, links, rate, observer, groups).instances(count);
      }
    } finally {
      for (Subscribers group : groups) {
        group.close();
      }
      for (ServerProcess server : servers) {
        server.close();
      }
    }
  }

  private record Measured(Percentiles latency, long perSecond, long missing, long doubled) {
    Run instances(int count) {
      return new Run(count, latency, perSecond, missing, doubled);
    }
  }

  /** Each publisher submits its share at its share of the rate, all at once. */
  private static Measured broadcast(
      List<Publisher> publishers,
      int links,
      double rate,
      Observer observer,
      List<Subscribers> groups)
      throws Exception {
    long firstId = observer.lastId() + 1;
    List<Tally> before = groups.stream().map(group -> group.tally(firstId - 1)).toList();
    long start = System.nanoTime();
    List<CompletableFuture<List<Submission>>> shares = new ArrayList<>();
    for (Publisher publisher : publishers) {
      shares.add(
          CompletableFuture.supplyAsync(
              () -> submit(publisher, links / publishers.size(), rate / publishers.size())));
    }
    List<Submission> submitted = new ArrayList<>();
    for (CompletableFuture<List<Submission>> share : shares) {
      share.get().stream().filter(Submission::accepted).forEach(submitted::add);
    }
    long lastId = firstId - 1 + 2L * submitted.size();
    long deadline = System.nanoTime() + SETTLE_NANOS;
    while ((observer.lastId() < lastId || !groups.stream().allMatch(g -> g.allReceived(lastId)))
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long wallMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    printCrossings(shares, observer, groups);
    long missing = 0;
    long doubled = 0;
    int reading = 0;
    for (int i = 0; i < groups.size(); i++) {
      Tally after = groups.get(i).tally(lastId);
      missing += after.gaps() - before.get(i).gaps() + after.behind();
      doubled += after.duplicates() - before.get(i).duplicates();
      reading += groups.get(i).reading();
    }
    return new Measured(
        Percentiles.of(latencies(submitted, observer, groups)),
        2L * submitted.size() * reading * 1000 / wallMillis,
        missing,
        doubled);
  }

  /**
   * In the log, per instance submitted to and instance subscribed to, the latency of its
   * subscribers: whether the way from one instance to another, through the database's notification,
   * costs more than the way to the instance's own.
   */
  private static void printCrossings(
      List<CompletableFuture<List<Submission>>> shares, Observer observer, List<Subscribers> groups)
      throws Exception {
    for (int to = 0; to < shares.size(); to++) {
      for (int on = 0; on < groups.size(); on++) {
        List<Submission> mine = shares.get(to).get().stream().filter(Submission::accepted).toList();
        System.out.println(
            "  submitted to "
                + to
                + ", subscribed to "
                + on
                + ": "
                + Percentiles.of(latencies(mine, observer, List.of(groups.get(on)))));
      }
    }
  }

  private static List<Submission> submit(Publisher publisher, int links, double rate) {
    try {
      return publisher.submit(links, rate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Per link, ms from its planned submission to the last receipt of its first event anywhere. */
  private static List<Long> latencies(
      List<Submission> submitted, Observer observer, List<Subscribers> groups) {
    List<Long> millis = new ArrayList<>();
    for (Submission submission : submitted) {
      Long eventId = observer.pendingEventId.get(submission.url());
      if (eventId == null || eventId >= Subscribers.MAX_EVENT_ID) {
        continue;
      }
      int id = eventId.intValue();
      long last = 0;
      boolean everywhere = true;
      for (Subscribers group : groups) {
        everywhere &= group.receipts[id] > 0;
        last = Math.max(last, group.lastReceipt[id]);
      }
      if (everywhere) {
        millis.add((last - submission.plannedAt()) / 1_000_000);
      }
    }
    return millis;
  }
}
