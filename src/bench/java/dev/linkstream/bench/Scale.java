package dev.linkstream.bench;

import java.util.List;

/**
 * How hard a run pushes. Rates are links submitted per second; every link makes two events
 * (pending, then fetched), each delivered to every subscriber.
 *
 * @param subscribers counts to ramp through; the first is where latency and throughput are
 *     measured, the last where latency, stalls, reconnects and open-loop submissions are
 * @param latencyEvents links submitted to measure latency at the first count
 * @param latencyRate their rate, low enough to measure latency rather than throughput
 * @param mostEvents links submitted for each measurement at the last count
 * @param mostRate their rate
 * @param throughputRates rates stepped up through at the first count until one is not sustained: an
 *     event later than a second, lost or repeated
 * @param stepSeconds how long each step submits
 * @param submissionRate the open-loop rate of the last scenario, at the last count
 * @param submissionSeconds how long it submits
 * @param originDelayMillis how long the loopback origin takes to answer a fetch
 * @param stalling clients that stop reading, at the first count
 * @param churn the churn soak
 */
record Scale(
    String name,
    List<Integer> subscribers,
    int latencyEvents,
    double latencyRate,
    int mostEvents,
    double mostRate,
    List<Double> throughputRates,
    int stepSeconds,
    double submissionRate,
    int submissionSeconds,
    int originDelayMillis,
    Stalling stalling,
    Churn churn) {

  /**
   * Clients that stop reading, from a few addresses, while links keep coming: the same links are
   * submitted first with none stalled, so that what the healthy subscribers see can be compared.
   *
   * @param clients streams opened that never read, with small receive windows
   * @param addresses the client addresses they share, as many on each
   * @param links links submitted, with and then without them
   * @param rate links a second
   * @param padding characters added to each link's URL, so that the stalled clients' buffers fill
   */
  record Stalling(int clients, int addresses, int links, double rate, int padding) {}

  /**
   * The churn soak: subscribers held while others join and vanish.
   *
   * @param held subscribers connected for the whole soak, checked for every event
   * @param perSecond clients that join each second and vanish soon after
   * @param warmUpSeconds churn before the first measurement, so that what the server grows to serve
   *     it at all (pools, caches, compiled code) is there before it is measured
   * @param seconds how long the measured churn lasts
   * @param linkRate links submitted per second meanwhile
   * @param onReference whether the stand-ins, the reference and the plain broadcaster, are churned
   *     too: a check of the harness and a comparison, which the smoke run leaves out to stay short
   */
  record Churn(
      int held,
      int perSecond,
      int warmUpSeconds,
      int seconds,
      double linkRate,
      boolean onReference) {}

  static final Scale SMOKE =
      new Scale(
          "smoke",
          List.of(100, 300),
          20,
          10,
          10,
          5,
          List.of(2.0, 8.0),
          2,
          20,
          3,
          20,
          new Stalling(20, 4, 40, 10, 1_950),
          new Churn(50, 10, 5, 20, 2, false));
  static final Scale FULL =
      new Scale(
          "full",
          List.of(1_000, 5_000, 10_000),
          20,
          2,
          6,
          0.25,
          // Up until one fails: past what the harness's client alone can receive here.
          List.of(1.0, 2.0, 4.0, 8.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0, 128.0, 192.0, 256.0),
          5,
          100,
          10,
          20,
          // 200 from 4 addresses, as issue 17 asks; about 600 such links fill what the kernel and
          // the server hold for each before its writes block.
          new Stalling(200, 4, 800, 8, 1_950),
          new Churn(100, 20, 60, 30 * 60, 2, true));

  /**
   * The named scale, with the origin's delay from {@code -Dbench.origin-delay-ms} and the churn's
   * length from {@code -Dbench.churn-minutes} if given.
   */
  static Scale named(String name) {
    Scale scale = name.equals("full") ? FULL : SMOKE;
    int delay = Integer.getInteger("bench.origin-delay-ms", scale.originDelayMillis());
    Churn churn = scale.churn;
    Integer minutes = Integer.getInteger("bench.churn-minutes");
    if (minutes != null) {
      churn =
          new Churn(
              churn.held,
              churn.perSecond,
              churn.warmUpSeconds,
              minutes * 60,
              churn.linkRate,
              churn.onReference);
    }
    return new Scale(
        scale.name,
        scale.subscribers,
        scale.latencyEvents,
        scale.latencyRate,
        scale.mostEvents,
        scale.mostRate,
        scale.throughputRates,
        scale.stepSeconds,
        scale.submissionRate,
        scale.submissionSeconds,
        delay,
        scale.stalling,
        churn);
  }

  int first() {
    return subscribers.get(0);
  }

  int most() {
    return subscribers.get(subscribers.size() - 1);
  }
}
