package dev.linkstream.accounts.control;

import dev.linkstream.platform.control.Network;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reverse proxies whose word is taken: for who signed in ({@code linkstream.auth.proxy-header},
 * off unless set), for the client's address and for whether it used https. Anyone else's headers
 * saying so are ignored.
 */
@ApplicationScoped
public class Proxies {

  @Inject
  @ConfigProperty(name = "linkstream.auth.proxy-header")
  Optional<String> header;

  @Inject
  @ConfigProperty(name = "linkstream.auth.trusted-proxies")
  Optional<String> trusted;

  List<Network> networks = List.of();

  @PostConstruct
  void parse() {
    networks =
        trusted.stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .filter(cidr -> !cidr.isBlank())
            .map(Network::parse)
            .toList();
  }

  /** The header that names the signed-in account, if proxy sign-in is on. */
  public Optional<String> header() {
    return header.filter(name -> !name.isBlank());
  }

  /** Whether the TCP peer is one of the trusted proxies. */
  public boolean trusts(String peer) {
    if (networks.isEmpty() || peer == null) {
      return false;
    }
    try {
      InetAddress address = InetAddress.getByName(peer);
      return networks.stream().anyMatch(network -> network.contains(address));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
