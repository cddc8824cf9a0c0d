package dev.linkstream.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one
 * address, within the window, every further attempt is refused until the oldest of them leaves the
 * window, a correct password too. Counted in this instance's memory.
 */
@ApplicationScoped
public class SignInLimits {

  private static final Logger LOG = Logger.getLogger(SignInLimits.class.getName());

  /** The stable start of the line a failure logs, for fail2ban and the like (docs/security.md). */
  public static final String FAILURE = "Linkstream sign-in failed:";

  private static final Pattern LOGGABLE = Pattern.compile("[^A-Za-z0-9._@-]");

  /** Beyond this many accounts and addresses, the ones whose failures are all old are forgotten. */
  private static final int TRACKED = 10_000;

  @Inject
  @ConfigProperty(name = "linkstream.auth.max-failures-per-account")
  int perAccount;

  @Inject
  @ConfigProperty(name = "linkstream.auth.max-failures-per-address")
  int perAddress;

  @Inject
  @ConfigProperty(name = "linkstream.auth.failure-window")
  Duration window;

  Clock clock = Clock.systemUTC();

  private final Map<String, Deque<Instant>> accounts = new HashMap<>();
  private final Map<String, Deque<Instant>> addresses = new HashMap<>();

  /** How long the caller must wait before trying again, if it must. */
  public synchronized Optional<Duration> wait(String account, String address) {
    Instant now = clock.instant();
    Optional<Duration> forAccount = wait(accounts, account, perAccount, now);
    Optional<Duration> forAddress = wait(addresses, address, perAddress, now);
    if (forAccount.isEmpty()) {
      return forAddress;
    }
    return forAddress.filter(longer -> longer.compareTo(forAccount.get()) > 0).or(() -> forAccount);
  }

  /** Counts a failed attempt and logs it, as the one line a normal day may log. */
  public void failed(String account, String address) {
    synchronized (this) {
      Instant now = clock.instant();
      record(accounts, account, now);
      record(addresses, address, now);
    }
    LOG.warning(FAILURE + " account=" + loggable(account) + " address=" + address);
  }

  private Optional<Duration> wait(
      Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
    Deque<Instant> recent = recent(failures, key, now);
    if (recent.size() < limit) {
      return Optional.empty();
    }
    // The attempt that brings the count below the limit again: the limit-th newest failure.
    Instant freed = recent.stream().skip(recent.size() - limit).findFirst().orElseThrow();
    Duration wait = Duration.between(now, freed.plus(window));
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
    if (failures.size() >= TRACKED) {
      failures.values().removeIf(times -> isOld(times.peekLast(), now));
    }
    recent(failures, key, now).addLast(now);
  }

  private Deque<Instant> recent(Map<String, Deque<Instant>> failures, String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && isOld(times.peekFirst(), now)) {
      times.removeFirst();
    }
    return times;
  }

  private boolean isOld(Instant failure, Instant now) {
    return failure == null || !failure.plus(window).isAfter(now);
  }

  /** A user name as typed, which may be anything: never a line break or a space in the log. */
  static String loggable(String account) {
    if (account == null || account.isEmpty()) {
      return "-";
    }
    String shown = LOGGABLE.matcher(account).replaceAll("?");
    return shown.length() > 64 ? shown.substring(0, 64) : shown;
  }
}
