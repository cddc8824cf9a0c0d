package dev.linkstream.accounts.boundary;

import dev.linkstream.accounts.control.Proxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/** What a request says about its client, believing forwarded headers only from a trusted proxy. */
final class Requests {

  private Requests() {}

  /** The client's address: the TCP peer, or the last hop a trusted proxy forwarded for. */
  static String clientAddress(HttpServletRequest request, Proxies proxies) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !proxies.trusts(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() ? peer : last;
  }

  static boolean isHttps(HttpServletRequest request, Proxies proxies) {
    if (request.isSecure()) {
      return true;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null
        && proxies.trusts(request.getRemoteAddr())
        && Arrays.stream(proto.split(",")).anyMatch(hop -> hop.strip().equalsIgnoreCase("https"));
  }
}
