package dev.linkstream.accounts.control;

import dev.linkstream.accounts.entity.Account;
import dev.linkstream.accounts.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first admin account: made from {@code linkstream.admin.*} when there is no account yet, or
 * else by whoever opens the one-time setup link the server prints at start. The link's code lives
 * only in this instance's memory: it dies when used, and when the server stops.
 */
@ApplicationScoped
public class FirstRun {

  private static final Logger LOG = Logger.getLogger(FirstRun.class.getName());

  @Inject Accounts accounts;

  @Inject
  @ConfigProperty(name = "linkstream.admin.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "linkstream.admin.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "linkstream.admin.password-file")
  Optional<String> passwordFile;

  @Inject
  @ConfigProperty(name = "linkstream.public-url")
  Optional<String> publicUrl;

  private String setupCode;

  synchronized void atStart(@Observes Startup startup) {
    if (!accounts.none()) {
      return;
    }
    if (user.isPresent()) {
      createConfiguredAdmin();
      return;
    }
    setupCode = Secrets.random(24);
    LOG.warning(
        "No account exists yet. To create the admin account, open "
            + publicUrl.map(url -> url.replaceAll("/+$", "")).orElse("http://localhost:8080")
            + "/#setup="
            + setupCode
            + (publicUrl.isPresent() ? "" : " (on this server's own address and port)")
            + ". The link works once, and only until the server stops.");
  }

  /** Instances that start together on an empty database each try; one succeeds, and that is all. */
  private void createConfiguredAdmin() {
    String password = configuredPassword();
    try {
      accounts.create(user.get(), Role.ADMIN, password);
      LOG.info("Created the admin account " + user.get() + " from linkstream.admin.user");
    } catch (RuntimeException e) {
      if (accounts.none()) {
        throw e;
      }
      LOG.info("Another instance created the first account at the same time");
    }
  }

  private String configuredPassword() {
    Optional<String> fromFile = passwordFile.map(FirstRun::firstLine);
    String configured =
        password
            .or(() -> fromFile)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "linkstream.admin.user is set, but neither linkstream.admin.password nor"
                            + " linkstream.admin.password-file: set one of them, or neither"
                            + " to create the admin account through the setup link"));
    try {
      return Account.validPassword(configured);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("linkstream.admin.password: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read linkstream.admin.password-file " + file, e);
    }
  }

  /**
   * Creates the admin account, if the code is the one printed and still unused.
   *
   * @throws IllegalArgumentException for a name or password that is not accepted; the code still
   *     works
   */
  public synchronized Optional<Account> setUp(String code, String name, String adminPassword) {
    if (setupCode == null || code == null || !Secrets.same(setupCode, code)) {
      return Optional.empty();
    }
    Account admin = accounts.create(name, Role.ADMIN, adminPassword);
    setupCode = null;
    return Optional.of(admin);
  }
}
