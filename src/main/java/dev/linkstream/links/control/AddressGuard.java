package dev.linkstream.links.control;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves each host name once and lets the fetcher connect only to addresses it has vetted, so a
 * submitted URL cannot reach the server's own network, not even through a second, different DNS
 * answer.
 */
final class AddressGuard implements DnsResolver {

  private static final Network UNIQUE_LOCAL = Network.parse("fc00::/7");
  private static final Network SHARED = Network.parse("100.64.0.0/10");

  final List<Network> allowed;

  AddressGuard(List<Network> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
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
    return isPublic(address) || allowed.stream().anyMatch(network -> network.contains(address));
  }

  private static boolean isPublic(InetAddress address) {
    return !(address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isMulticastAddress()
        || UNIQUE_LOCAL.contains(address)
        || (address instanceof Inet4Address && SHARED.contains(address)));
  }
}
