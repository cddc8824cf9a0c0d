package dev.linkstream.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this instance among those sharing a database: it holds its fetch claims under it, and
 * its listening connection shows it in PostgreSQL. Only one instance may run under a name at a
 * time.
 */
@ApplicationScoped
public class ThisInstance {

  private static final String UNKNOWN = "linkstream";

  @Inject
  @ConfigProperty(name = "linkstream.instance")
  Optional<String> configured;

  private String name;

  @PostConstruct
  void decide() {
    name =
        configured
            .map(String::strip)
            .filter(given -> !given.isEmpty())
            .orElseGet(ThisInstance::host);
    if (name.length() > 200) {
      throw new IllegalArgumentException("linkstream.instance: longer than 200 characters");
    }
  }

  public String name() {
    return name;
  }

  /**
   * The host's name as the system has it, looked up nowhere: InetAddress.getLocalHost would ask DNS
   * for an address as well.
   */
  private static String host() {
    String variable = System.getenv("HOSTNAME");
    if (variable != null && !variable.isBlank()) {
      return variable.strip();
    }
    try {
      return Files.readAllLines(Path.of("/etc/hostname")).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .findFirst()
          .orElse(UNKNOWN);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }
}
