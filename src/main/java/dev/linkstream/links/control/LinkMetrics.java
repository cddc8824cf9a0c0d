package dev.linkstream.links.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** The metrics of links and their fetches, as docs/operating.md names and explains them. */
@ApplicationScoped
public class LinkMetrics {

  /** How a fetch ended. */
  public enum Outcome {
    FETCHED,
    FAILED,
    /** It failed for a passing reason and is tried again later. */
    RETRIED
  }

  @Inject MetricRegistry registry;

  // Every series from the start, at 0: a rate over a series that appears only later is wrong.
  @PostConstruct
  void registerEverySeries() {
    submittedCount();
    Stream.of(Outcome.values()).forEach(this::duration);
  }

  public void submitted() {
    submittedCount().inc();
  }

  public void fetched(Outcome outcome, Duration took) {
    duration(outcome).update(took);
  }

  private Counter submittedCount() {
    return registry.counter(count("linkstream.links.submitted", "New links accepted"));
  }

  private Timer duration(Outcome outcome) {
    return registry.timer(
        Metadata.builder()
            .withName("linkstream.fetch.duration")
            .withDescription("How long fetches took, by outcome")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)));
  }

  public void fetches(
      IntSupplier running, IntSupplier waitingForSlot, IntSupplier waitingForRetry) {
    registry.gauge(
        count("linkstream.fetch.running", "Fetches in flight"), running, IntSupplier::getAsInt);
    waiting("slot", waitingForSlot);
    waiting("retry", waitingForRetry);
  }

  private void waiting(String waitingFor, IntSupplier value) {
    registry.gauge(
        count(
            "linkstream.fetch.waiting",
            "Fetches waiting for a free slot or for a retry's delay to pass"),
        value,
        IntSupplier::getAsInt,
        new Tag("for", waitingFor));
  }

  /** A count of things: the unit is "none" unless one is given. */
  private static Metadata count(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
