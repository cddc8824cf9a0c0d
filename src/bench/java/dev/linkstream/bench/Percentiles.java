package dev.linkstream.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** p50, p99 and maximum of a set of measurements, by nearest rank; and the measurements. */
record Percentiles(long p50, long p99, long max, int count, List<Long> sorted) {

  static Percentiles of(List<Long> values) {
    if (values.isEmpty()) {
      return new Percentiles(-1, -1, -1, 0, List.of());
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return new Percentiles(
        rank(sorted, 0.50),
        rank(sorted, 0.99),
        sorted.get(sorted.size() - 1),
        sorted.size(),
        List.copyOf(sorted));
  }

  /** Those of both sets of measurements taken as one. */
  Percentiles with(Percentiles other) {
    List<Long> both = new ArrayList<>(sorted);
    both.addAll(other.sorted);
    return of(both);
  }

  private static long rank(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  @Override
  public String toString() {
    return p50 + " / " + p99 + " / " + max;
  }
}
