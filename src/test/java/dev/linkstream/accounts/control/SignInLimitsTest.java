package dev.linkstream.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInLimitsTest {

  private final SignInLimits limits = new SignInLimits();
  private Instant now = Instant.parse("2026-12-01T12:00:00Z");

  @BeforeEach
  void configure() {
    limits.perAccount = 5;
    limits.perAddress = 20;
    limits.window = Duration.ofMinutes(15);
    limits.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
  }

  @Test
  void theFifthFailureForAnAccountStopsItUntilTheFirstLeavesTheWindow() {
    for (int i = 0; i < 4; i++) {
      limits.failed("alice", "10.0.0." + i);
      now = now.plusSeconds(60);
    }
    assertEquals(Optional.empty(), limits.wait("alice", "10.0.0.9"));
    limits.failed("alice", "10.0.0.4");

    // The first failure was 4 minutes ago: it leaves the window in 11.
    assertEquals(Optional.of(Duration.ofMinutes(11)), limits.wait("alice", "10.0.0.9"));
    assertEquals(Optional.empty(), limits.wait("bob", "10.0.0.9"));

    now = now.plus(Duration.ofMinutes(11));
    assertEquals(Optional.empty(), limits.wait("alice", "10.0.0.9"));
  }

  @Test
  void twentyFailuresFromOneAddressStopEveryAccountFromThere() {
    for (int i = 0; i < 20; i++) {
      limits.failed("user" + i, "10.0.0.1");
    }
    assertEquals(Optional.of(Duration.ofMinutes(15)), limits.wait("someone", "10.0.0.1"));
    assertEquals(Optional.empty(), limits.wait("someone", "10.0.0.2"));
  }

  @Test
  void theLongerOfTwoWaitsIsTheOneToWait() {
    for (int i = 0; i < 20; i++) {
      limits.failed("alice", "10.0.0.1");
      now = now.plusSeconds(10);
    }
    // alice's fifth newest failure was 50 s ago; the address's twentieth newest 200 s ago.
    assertEquals(
        Optional.of(Duration.ofMinutes(15).minusSeconds(50)), limits.wait("alice", "10.0.0.1"));
  }

  @Test
  void aUserNameAsTypedCannotForgeALogLine() {
    assertEquals("alice?address?1.2.3.4", SignInLimits.loggable("alice\naddress=1.2.3.4"));
    assertEquals("a?b?c", SignInLimits.loggable("a b\tc"));
    assertEquals("-", SignInLimits.loggable(""));
    assertEquals(64, SignInLimits.loggable("x".repeat(200)).length());
  }
}
