package dev.linkstream.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Server state a test can only ask for, not be told of: asked again every 50 ms until it holds, and
 * a failure once the deadline has passed.
 */
public final class Eventually {

  private static final long INTERVAL_MILLIS = 50;

  private Eventually() {}

  /** The first value {@code attempt} answers within the deadline. */
  public static <T> T value(
      Duration deadline, Callable<Optional<T>> attempt, Supplier<String> failure) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      Optional<T> value = attempt.call();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(failure.get() + " (waited " + deadline + ")");
      }
      // The pause between two checks of a condition under a deadline: this is the deadline wait
      // that tests use, for state the server offers no event for.
      Thread.sleep(INTERVAL_MILLIS);
    }
  }

  public static void holds(Duration deadline, Callable<Boolean> condition, Supplier<String> failure)
      throws Exception {
    value(deadline, () -> condition.call() ? Optional.of(true) : Optional.empty(), failure);
  }
}
