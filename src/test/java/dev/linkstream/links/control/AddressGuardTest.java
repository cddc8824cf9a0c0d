package dev.linkstream.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "0.0.0.0",
        "::",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "100.64.0.1",
        "224.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"
      })
  void refusesNonPublicAddresses(String address) throws UnknownHostException {
    assertFalse(guard.permits(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "100.128.0.1"})
  void permitsPublicAddresses(String address) throws UnknownHostException {
    assertTrue(guard.permits(InetAddress.getByName(address)));
  }

  @Test
  void refusesBeforeConnectingWhenANameResolvesToLoopback() {
    assertThrows(BlockedAddressException.class, () -> guard.resolve("localhost"));
  }

  @Test
  void letsConfiguredNetworksThrough() throws UnknownHostException {
    AddressGuard local = new AddressGuard(List.of(Network.parse("127.0.0.0/8")));
    assertTrue(local.permits(InetAddress.getByName("127.0.0.1")));
    assertFalse(local.permits(InetAddress.getByName("10.0.0.1")));
    assertEquals(InetAddress.getByName("127.0.0.1"), local.resolve("127.0.0.1")[0]);
  }

  @Test
  void rejectsMalformedNetworks() {
    assertThrows(IllegalArgumentException.class, () -> Network.parse("localhost/8"));
    assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/x"));
  }

  @Test
  void matchesOnlyThePrefix() {
    Network network = Network.parse("192.168.16.0/20");
    assertTrue(network.contains(address("192.168.31.255")));
    assertFalse(network.contains(address("192.168.32.0")));
    assertFalse(network.contains(address("::1")));
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
