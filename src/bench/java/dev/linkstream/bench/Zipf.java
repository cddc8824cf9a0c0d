package dev.linkstream.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Items drawn as often as their rank says, the first most often: the item of rank r in proportion
 * to 1 / r^exponent, as words are in a language.
 */
final class Zipf<T> {

  private final List<T> items;
  private final double[] cumulative;

  Zipf(List<T> items, double exponent) {
    this.items = List.copyOf(items);
    cumulative = new double[items.size()];
    double sum = 0;
    for (int rank = 1; rank <= items.size(); rank++) {
      sum += Math.pow(rank, -exponent);
      cumulative[rank - 1] = sum;
    }
  }

  T draw(Random random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[size() - 1]);
    return items.get(index >= 0 ? index : -index - 1);
  }

  /** The item of a rank from {@code from} (inclusive, 1 the first) to {@code to}, all alike. */
  T between(int from, int to, Random random) {
    return items.get(from - 1 + random.nextInt(to - from + 1));
  }

  int size() {
    return items.size();
  }
}
