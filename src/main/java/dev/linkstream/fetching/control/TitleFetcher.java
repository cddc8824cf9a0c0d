package dev.linkstream.fetching.control;

import dev.linkstream.links.control.LinkMetrics;
import dev.linkstream.links.control.LinkMetrics.Outcome;
import dev.linkstream.links.entity.FetchClaim;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.platform.control.Network;
import dev.linkstream.reading.control.DocumentReader;
import dev.linkstream.reading.control.Download;
import dev.linkstream.reading.control.TooLarge;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches a submitted link's document and reads its title and details. Every outcome becomes a
 * {@link FetchResult}, except a passing failure with retries left: that fetch is tried again later,
 * and the link stays pending meanwhile.
 */
@ApplicationScoped
public class TitleFetcher {

  private static final Logger LOG = Logger.getLogger(TitleFetcher.class.getName());

  @Inject
  @ConfigProperty(name = "linkstream.fetch.allowed-networks")
  Optional<String> allowedNetworks;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.allowed-ports")
  Optional<String> allowedPorts;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.timeout")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.connect-timeout")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.max-bytes")
  int maxBytes;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.max-pdf-bytes")
  int maxPdfBytes;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.retries")
  int retries;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.retry-delay")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.user-agent")
  String userAgent;

  @Inject
  @ConfigProperty(name = "linkstream.fetch.accept-language")
  String acceptLanguage;

  @Inject Event<FetchResult> fetched;
  @Inject Fetches fetches;
  @Inject LinkMetrics metrics;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService timer;

  AddressGuard.Lookup lookup = AddressGuard.SYSTEM;
  Downloader downloader;
  DocumentReader reader;

  @PostConstruct
  void start() {
    Downloader.Limits limits =
        new Downloader.Limits(
            timeout, connectTimeout, ports(allowedPorts), userAgent, acceptLanguage);
    downloader = new Downloader(new AddressGuard(networks(allowedNetworks), lookup), timer, limits);
    reader = new DocumentReader(maxBytes, maxPdfBytes);
  }

  // Created at start-up, so that a malformed setting stops the deployment with its message
  // instead of failing every fetch.
  void startEarly(@Observes Startup startup) {}

  @PreDestroy
  void stop() {
    downloader.close();
  }

  void onFetch(@ObservesAsync FetchClaim claim) {
    Link link = claim.link();
    long started = System.nanoTime();
    try {
      FetchResult result = fetch(link);
      measure(Outcome.FETCHED, started);
      LOG.fine(() -> "Link " + link.id() + " fetched: " + result.contentType());
      publish(result.under(claim.lease()));
    } catch (FetchFailure failure) {
      if (failure.isPassing() && claim.attempt() <= retries) {
        measure(Outcome.RETRIED, started);
        Duration delay = backoff(claim.attempt(), failure.retryAfter());
        LOG.fine(() -> "Link " + link.id() + " " + failure.reason() + ", again in " + delay);
        fetches.retry(claim, delay);
      } else {
        measure(Outcome.FAILED, started);
        LOG.fine(() -> "Link " + link.id() + " failed: " + failure.reason());
        publish(FetchResult.failed(link.id(), failure.reason()).under(claim.lease()));
      }
    }
  }

  /**
   * Hands the result to the store; while the store cannot keep it (the database is down), it is
   * offered again after the retry delay, so that the link does not stay pending until a restart.
   */
  void publish(FetchResult result) {
    fetched
        .fireAsync(result)
        .exceptionally(
            notStored -> {
              timer.schedule(() -> publish(result), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
              return result;
            });
  }

  private void measure(Outcome outcome, long started) {
    metrics.fetched(outcome, Duration.ofNanos(System.nanoTime() - started));
  }

  FetchResult fetch(Link link) throws FetchFailure {
    return downloader.get(URI.create(link.url()), download -> read(link.id(), download));
  }

  private FetchResult read(long linkId, Download download) throws IOException, FetchFailure {
    try {
      return reader.read(linkId, download);
    } catch (TooLarge e) {
      throw FetchFailure.lasting(e.getMessage());
    }
  }

  /**
   * Twice as long after each attempt, a quarter more at random so that links failing together do
   * not return together; or as long as the origin asked, if it did.
   */
  Duration backoff(int attempt, Optional<Duration> retryAfter) {
    Duration doubled = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 16));
    Duration jitter =
        doubled.dividedBy(4).multipliedBy(ThreadLocalRandom.current().nextInt(101)).dividedBy(100);
    return retryAfter.orElse(doubled.plus(jitter));
  }

  // Read as one string and split here: Payara cannot inject an Optional<List<String>>.
  private static List<Network> networks(Optional<String> cidrs) {
    return items(cidrs).map(Network::parse).toList();
  }

  private static Set<Integer> ports(Optional<String> ports) {
    return items(ports).map(TitleFetcher::port).collect(Collectors.toSet());
  }

  private static int port(String text) {
    String digits = text.strip();
    int port = digits.matches("\\d{1,5}") ? Integer.parseInt(digits) : 0;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("linkstream.fetch.allowed-ports: not a port: " + text);
    }
    return port;
  }

  private static Stream<String> items(Optional<String> list) {
    return Stream.of(list.orElse("").split(",")).filter(item -> !item.isBlank());
  }
}
