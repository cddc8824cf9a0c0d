package dev.linkstream.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's advice for
 * 2023 on), through the server's own {@link Pbkdf2PasswordHash}. A hash keeps its parameters, so
 * older ones still verify, and {@link #isCurrent} tells which to hash again.
 */
@ApplicationScoped
public class Passwords {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 600_000;
  private static final String CURRENT = ALGORITHM + ":" + ITERATIONS + ":";

  @Inject Pbkdf2PasswordHash hash;

  private volatile String unknownUsers;

  @PostConstruct
  void configure() {
    // Each injected instance is new and, until initialised, would use the default 2048 iterations.
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "32",
            "Pbkdf2PasswordHash.KeySizeBytes",
            "32"));
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean verify(String password, String stored) {
    return hash.verify(password.toCharArray(), stored);
  }

  /**
   * Takes as long as checking a real account's password, so that an unknown user name answers in
   * the same time as a wrong password.
   */
  public void verifyNone(String password) {
    if (unknownUsers == null) {
      unknownUsers = hash(Secrets.random(16));
    }
    verify(password, unknownUsers);
  }

  public boolean isCurrent(String stored) {
    return stored.startsWith(CURRENT);
  }
}
