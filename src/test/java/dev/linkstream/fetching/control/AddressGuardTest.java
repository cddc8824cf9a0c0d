package dev.linkstream.fetching.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.platform.control.Network;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  // A resolver that answers from a table and remembers what it was asked: no test here reaches DNS.
  private final List<String> lookedUp = new ArrayList<>();
  private final Map<String, List<String>> names =
      Map.of(
          "public.test", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
          "mixed.test", List.of("93.184.215.14", "10.0.0.7"),
          "mixed6.test", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c", "fd00:ec2::254"),
          "metadata.test", List.of("169.254.169.254"),
          "rebind.test", List.of("127.0.0.1"));
  private final AddressGuard guard = new AddressGuard(List.of(), this::lookUp);

  private InetAddress[] lookUp(String host) throws UnknownHostException {
    lookedUp.add(host);
    List<String> addresses = names.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> resolved = new ArrayList<>();
    for (String address : addresses) {
      resolved.add(InetAddress.getByName(address));
    }
    return resolved.toArray(InetAddress[]::new);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // loopback, unspecified, private, shared, link-local and cloud metadata
        "127.0.0.1",
        "127.1.2.3",
        "0.0.0.0",
        "0.1.2.3",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "100.100.100.200",
        "169.254.169.254",
        "168.63.129.16",
        // multicast, broadcast, reserved, documentation, benchmarking, protocol assignments
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.2.1",
        "198.51.100.1",
        "203.0.113.1",
        "198.18.0.1",
        "192.0.0.170",
        // IPv6: loopback, unspecified, link-local, unique-local, site-local, multicast, docs
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "fd00:ec2::254",
        "fec0::1",
        "ff02::1",
        "2001:db8::1",
        "3fff::1",
        "100::1",
        // IPv6 forms that carry a forbidden IPv4 address
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:7f00:1",
        "::127.0.0.1",
        "::169.254.169.254",
        "64:ff9b::127.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::1",
        "2002:7f00:1::1",
        "2002:a9fe:a9fe::",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2"
      })
  void refusesEveryNonPublicAddressWithoutALookup(String literal) {
    assertThrows(BlockedAddressException.class, () -> guard.resolve(literal));
    assertThrows(BlockedAddressException.class, () -> guard.resolve("[" + literal + "]"));
    assertEquals(List.of(), lookedUp);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433", // 127.0.0.1 as one decimal number
        "0x7f000001", // as one hex number
        "0X7F.1", // two parts, hex
        "0177.0.0.1", // octal
        "0177.1",
        "127.1",
        "127.0.1",
        "127.000.000.001",
        "127.0.0.1.", // a trailing dot
        "0x7f.0x0.0x0.0x1",
        "0", // 0.0.0.0
        "0xa9fea9fe", // 169.254.169.254
        "167772161", // 10.0.0.1
        "0xA.1"
      })
  void readsEveryWayOfWritingAnIpv4AddressAsTheAddress(String host) {
    assertThrows(BlockedAddressException.class, () -> guard.resolve(host));
    assertEquals(List.of(), lookedUp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.256", "256.1.1.1", "1.2.3.4.5", "0x1.0x100.1.1", "09.1.1.1"})
  void refusesMalformedAddressesWithoutALookup(String host) {
    UnknownHostException refused =
        assertThrows(UnknownHostException.class, () -> guard.resolve(host));
    assertFalse(refused instanceof BlockedAddressException);
    assertEquals(List.of(), lookedUp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed.test", "mixed6.test", "metadata.test", "rebind.test"})
  void refusesANameIfAnyOfItsAddressesIsForbidden(String name) {
    assertThrows(BlockedAddressException.class, () -> guard.resolve(name));
    assertEquals(List.of(name), lookedUp);
  }

  @Test
  void resolvesANameOnceAndReturnsExactlyTheVettedAddresses() throws UnknownHostException {
    InetAddress[] addresses = guard.resolve("public.test");
    assertArrayEquals(lookUp("public.test"), addresses);
    assertEquals(List.of("public.test", "public.test"), lookedUp);
  }

  @Test
  void passesAnUnknownNameOnAsUnknown() {
    UnknownHostException unknown =
        assertThrows(UnknownHostException.class, () -> guard.resolve("nowhere.test"));
    assertFalse(unknown instanceof BlockedAddressException);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "100.128.0.1",
        "172.32.0.1",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void permitsPublicAddresses(String address) throws UnknownHostException {
    assertTrue(guard.permits(InetAddress.getByName(address)));
  }

  @Test
  void seesThroughAnIpv4MappedAddressKeptInIpv6Form() throws UnknownHostException {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    assertFalse(guard.permits(Inet6Address.getByAddress(null, mapped, -1)));
  }

  @Test
  void letsConfiguredNetworksThrough() throws UnknownHostException {
    AddressGuard local = new AddressGuard(List.of(Network.parse("127.0.0.0/8")), this::lookUp);
    assertTrue(local.permits(InetAddress.getByName("127.0.0.1")));
    assertFalse(local.permits(InetAddress.getByName("10.0.0.1")));
    assertEquals(InetAddress.getByName("127.0.0.1"), local.resolve("127.0.0.1")[0]);
    assertEquals(InetAddress.getByName("127.0.0.1"), local.resolve("rebind.test")[0]);
  }

  @Test
  void rejectsMalformedNetworks() {
    assertThrows(IllegalArgumentException.class, () -> Network.parse("localhost/8"));
    assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/x"));
  }

  @Test
  void matchesOnlyThePrefix() throws UnknownHostException {
    Network network = Network.parse("192.168.16.0/20");
    assertTrue(network.contains(InetAddress.getByName("192.168.31.255")));
    assertFalse(network.contains(InetAddress.getByName("192.168.32.0")));
    assertFalse(network.contains(InetAddress.getByName("::1")));
  }
}
