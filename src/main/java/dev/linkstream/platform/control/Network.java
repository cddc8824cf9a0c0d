package dev.linkstream.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address range in CIDR notation, such as {@code 127.0.0.0/8} or {@code fd00::/8}. */
public record Network(InetAddress base, int prefixLength) {

  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  public static Network parse(String cidr) {
    String[] parts = cidr.strip().split("/", 2);
    if (!LITERAL.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("not an IP address range: " + cidr);
    }
    InetAddress base = literal(parts[0], cidr);
    int bits = base.getAddress().length * 8;
    int prefixLength = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length out of range: " + cidr);
    }
    return new Network(base, prefixLength);
  }

  public boolean contains(InetAddress address) {
    byte[] network = base.getAddress();
    byte[] candidate = address.getAddress();
    if (network.length != candidate.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((network[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress literal(String address, String cidr) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address range: " + cidr, e);
    }
  }
}
