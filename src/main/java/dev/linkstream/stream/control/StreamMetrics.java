package dev.linkstream.stream.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The stream's metrics, as docs/operating.md names and explains them. */
@ApplicationScoped
public class StreamMetrics {

  private static final List<String> DROP_REASONS = List.of("gone", "slow", "limit", "error");

  @Inject MetricRegistry registry;

  // Every series from the start, at 0: a rate over a series that appears only later is wrong.
  @PostConstruct
  void registerEverySeries() {
    DROP_REASONS.forEach(this::droppedFor);
  }

  public void subscribers(IntSupplier count) {
    registry.gauge(
        metadata("linkstream.stream.subscribers", "Streams open on this instance"),
        count,
        IntSupplier::getAsInt);
  }

  public void writers(IntSupplier count) {
    registry.gauge(
        metadata(
            "linkstream.stream.writers", "Writer loops, those held by blocked writes included"),
        count,
        IntSupplier::getAsInt);
  }

  public Counter writersStarted() {
    return registry.counter(
        metadata(
            "linkstream.stream.writers.started",
            "Writer loops started to stand in for loops held by a blocked write"));
  }

  public Counter sent() {
    return registry.counter(
        metadata(
            "linkstream.stream.events.sent",
            "Events written to subscribers, one per subscriber per event"));
  }

  public Counter replayed() {
    return registry.counter(
        metadata(
            "linkstream.stream.events.replayed",
            "Events read from the history for subscribers that resumed or fell behind"));
  }

  public Counter heals() {
    return registry.counter(
        metadata(
            "linkstream.stream.heals",
            "Times a live subscriber had missed an event and read it from the history: 0 unless"
                + " something is wrong"));
  }

  public Counter doorbells() {
    return registry.counter(
        metadata(
            "linkstream.stream.doorbells",
            "Notifications from the database that the history has grown, on PostgreSQL"));
  }

  public Counter pollsFound() {
    return registry.counter(
        metadata(
            "linkstream.stream.polls.found",
            "Polls of the history that found events no notification had announced: about 0"
                + " unless notifications are lost or turned off"));
  }

  public void drainLag(LongSupplier lag) {
    registry.gauge(
        metadata(
            "linkstream.stream.drain.lag",
            "The newest event id in the database minus the newest this instance has sent"),
        lag,
        LongSupplier::getAsLong);
  }

  /** One subscriber dropped, or refused, for a reason: gone, slow, limit or error. */
  public void dropped(String reason) {
    droppedFor(reason).inc();
  }

  private Counter droppedFor(String reason) {
    return registry.counter(
        metadata(
            "linkstream.stream.subscribers.dropped",
            "Streams the server ended or refused, by reason"),
        new Tag("reason", reason));
  }

  /** A count of things: the unit is "none" unless one is given. */
  private static Metadata metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
