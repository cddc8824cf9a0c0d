package dev.linkstream.fetching.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a host that is an IP address in any form a browser accepts, so such a host is vetted as the
 * address it is and never sent to DNS: besides dotted decimal, IPv4 in one to four parts, each
 * decimal, octal ({@code 0177}) or hex ({@code 0x7f}), such as {@code 2130706433} or {@code 0x7f.1}
 * (the WHATWG URL standard's IPv4 parser); and IPv6 literals.
 */
final class IpLiterals {

  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  private IpLiterals() {}

  /**
   * @return the address, or empty if the host is a name
   * @throws UnknownHostException if the host looks like an address but is not a valid one
   */
  static Optional<InetAddress> parse(String host) throws UnknownHostException {
    if (host.contains(":")) {
      return Optional.of(ipv6(host));
    }
    String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = trimmed.split("\\.", -1);
    if (!NUMBER.matcher(parts[parts.length - 1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(ipv4(parts, host));
  }

  private static InetAddress ipv4(String[] parts, String host) throws UnknownHostException {
    if (parts.length > 4) {
      throw new UnknownHostException(host);
    }
    long address = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      long part = number(parts[i], host);
      if (part > 255) {
        throw new UnknownHostException(host);
      }
      address |= part << (8 * (3 - i));
    }
    long last = number(parts[parts.length - 1], host);
    if (last >= 1L << (8 * (5 - parts.length))) {
      throw new UnknownHostException(host);
    }
    address |= last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    return InetAddress.getByAddress(bytes);
  }

  private static long number(String part, String host) throws UnknownHostException {
    if (!NUMBER.matcher(part).matches() || part.length() > 12) {
      throw new UnknownHostException(host);
    }
    try {
      if (part.startsWith("0x") || part.startsWith("0X")) {
        return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
      }
      return part.length() > 1 && part.startsWith("0")
          ? Long.parseLong(part.substring(1), 8)
          : Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw new UnknownHostException(host);
    }
  }

  private static InetAddress ipv6(String host) throws UnknownHostException {
    if (!host.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z._-]+)?")) {
      throw new UnknownHostException(host);
    }
    // A literal containing ':' is parsed, never looked up.
    return InetAddress.getByName(host);
  }
}
