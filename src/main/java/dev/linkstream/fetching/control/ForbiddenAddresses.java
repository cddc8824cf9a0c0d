package dev.linkstream.fetching.control;

import dev.linkstream.platform.control.Network;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The addresses a fetch may never reach unless an operator allows their range: everything that is
 * not a public unicast address, the cloud metadata services, and every IPv6 form that carries such
 * an IPv4 address inside it.
 */
final class ForbiddenAddresses {

  private static final List<Network> IPV4 =
      networks(
          "0.0.0.0/8", // this network, including the unspecified address
          "10.0.0.0/8",
          "100.64.0.0/10", // carrier-grade NAT, also Alibaba Cloud's metadata (100.100.100.200)
          "127.0.0.0/8",
          "169.254.0.0/16", // link-local, also most clouds' metadata (169.254.169.254)
          "172.16.0.0/12",
          "192.0.0.0/24", // IETF protocol assignments
          "192.0.2.0/24", // documentation
          "192.88.99.0/24", // 6to4 relay anycast
          "192.168.0.0/16",
          "198.18.0.0/15", // benchmarking
          "198.51.100.0/24", // documentation
          "203.0.113.0/24", // documentation
          "224.0.0.0/4", // multicast
          "240.0.0.0/4", // reserved, including the broadcast address
          "168.63.129.16/32"); // Azure's platform and metadata endpoint, a public address

  private static final List<Network> IPV6 =
      networks(
          "::/96", // unspecified, loopback and the deprecated IPv4-compatible form
          "64:ff9b:1::/48", // local-use NAT64
          "100::/64", // discard-only
          "2001::/32", // Teredo, whose IPv4 address is hidden
          "2001:db8::/32", // documentation
          "3fff::/20", // documentation
          "fc00::/7", // unique-local, also AWS's metadata (fd00:ec2::254)
          "fe80::/10", // link-local
          "fec0::/10", // site-local, deprecated
          "ff00::/8"); // multicast

  private static final Network NAT64 = Network.parse("64:ff9b::/96");
  private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

  private ForbiddenAddresses() {}

  static boolean contain(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return IPV4.stream().anyMatch(network -> network.contains(address));
    }
    return IPV6.stream().anyMatch(network -> network.contains(address))
        || embeddedIpv4(address, bytes).map(ForbiddenAddresses::contain).orElse(false);
  }

  /** The IPv4 address an IPv6 address stands for, in the forms that route to it. */
  private static Optional<InetAddress> embeddedIpv4(InetAddress address, byte[] bytes) {
    if (isMapped(bytes) || NAT64.contains(address)) {
      return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
    }
    return Optional.empty();
  }

  // ::ffff:0:0/96 by hand: InetAddress turns every way of writing it into plain IPv4, except one.
  private static boolean isMapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static InetAddress ipv4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static List<Network> networks(String... cidrs) {
    return Stream.of(cidrs).map(Network::parse).toList();
  }
}
