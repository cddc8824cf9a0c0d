package dev.linkstream.fetching.control;

import dev.linkstream.platform.control.Network;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves each host name once and lets the fetcher connect only to addresses it has vetted, so a
 * submitted URL cannot reach the server's own network, not even through a second, different DNS
 * answer. A name with any one forbidden address is refused as a whole, before any connection.
 */
final class AddressGuard implements DnsResolver {

  /** Looks a host name up; the system resolver in production, a table in tests. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] addresses(String host) throws UnknownHostException;
  }

  static final Lookup SYSTEM = InetAddress::getAllByName;

  final List<Network> allowed;
  final Lookup lookup;

  AddressGuard(List<Network> allowed, Lookup lookup) {
    this.allowed = List.copyOf(allowed);
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    Optional<InetAddress> literal = IpLiterals.parse(name);
    InetAddress[] addresses =
        literal.isPresent() ? new InetAddress[] {literal.get()} : lookup.addresses(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      if (!permits(address)) {
        throw new BlockedAddressException(host);
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  boolean permits(InetAddress address) {
    return !ForbiddenAddresses.contain(address)
        || allowed.stream().anyMatch(network -> network.contains(address));
  }
}
