package dev.linkstream.fetching.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a fetch ended without a document, in words a person understands and that reveal nothing of
 * the server's network; and whether trying again later may succeed.
 */
class FetchFailure extends Exception {

  private final boolean passing;
  private final Duration retryAfter;

  private FetchFailure(String reason, boolean passing, Duration retryAfter) {
    super(reason, null, false, false);
    this.passing = passing;
    this.retryAfter = retryAfter;
  }

  static FetchFailure lasting(String reason) {
    return new FetchFailure(reason, false, null);
  }

  static FetchFailure passing(String reason) {
    return new FetchFailure(reason, true, null);
  }

  static FetchFailure passing(String reason, Duration retryAfter) {
    return new FetchFailure(reason, true, retryAfter);
  }

  String reason() {
    return getMessage();
  }

  boolean isPassing() {
    return passing;
  }

  /** How long the origin asked us to wait before trying again, if it said. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
