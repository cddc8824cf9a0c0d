package dev.linkstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at a few hundred subscribers, in every build, so the harness keeps working. It
 * asserts exactness only: speed is for the full run to report, not for a shared CI machine to
 * judge.
 */
class BenchmarkSmokeIT {

  @Test
  void everyScenarioRunsOnBothServersAndLosesNothing() throws Exception {
    Results results = Benchmark.run(Scale.SMOKE);

    assertEquals(2, results.runs().size());
    for (Results.Run run : results.runs()) {
      assertEquals(Scale.SMOKE.subscribers().size(), run.ramp.size(), run.target);
      for (Results.Broadcast broadcast : run.broadcasts()) {
        String where = run.target + ", " + broadcast.name();
        assertEquals(0, broadcast.unanswered(), where + ": submissions unanswered");
        assertEquals(broadcast.submissions(), broadcast.lastReceiptMillis().count(), where);
        assertEquals(0, broadcast.missing(), where + ": missing events");
        assertEquals(0, broadcast.duplicates(), where + ": repeated events");
        assertTrue(broadcast.deliveriesPerSecond() > 0, where);
      }
    }
  }
}
