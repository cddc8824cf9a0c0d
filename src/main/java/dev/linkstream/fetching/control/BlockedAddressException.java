package dev.linkstream.fetching.control;

import java.net.UnknownHostException;

/** A host whose addresses the fetcher may not connect to; to the HTTP client, an unknown host. */
class BlockedAddressException extends UnknownHostException {

  BlockedAddressException(String host) {
    super(host + " resolves to an address that is not allowed");
  }
}
