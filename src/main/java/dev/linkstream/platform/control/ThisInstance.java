package dev.linkstream.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this instance among those sharing a database: it holds its fetch claims under it, and
 * its listening connection shows it in PostgreSQL. Only one instance may run under a name at a
 * time.
 */
@ApplicationScoped
public class ThisInstance {

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

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "linkstream";
    }
  }
}
