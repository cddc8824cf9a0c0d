package dev.linkstream.links.control;

import dev.linkstream.links.entity.FetchFenced;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

  /** What became of a fetch's claim. */
  public enum Lease {
    /** Claimed by this instance. */
    CLAIMED,
    /** Claimed by this instance from another whose claim had run out. */
    EXPIRED,
    /** Its result came after the link was claimed again or refetched, and changed nothing. */
    FENCED
  }

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
    Stream.of(Lease.values()).forEach(this::leases);
  }

  public void leased(Lease what) {
    leases(what).inc();
  }

  void fenced(@Observes FetchFenced fenced) {
    leased(Lease.FENCED);
  }

  private Counter leases(Lease what) {
    return registry.counter(
        count(
            "linkstream.fetch.leases",
            "Fetch claims by outcome: claimed, claimed after another instance's ran out, and"
                + " results fenced off because their claim had been taken over"),
        new Tag("outcome", what.name().toLowerCase(Locale.ROOT)));
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
