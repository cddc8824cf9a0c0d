package dev.linkstream.bench;

import java.time.Instant;

/** The data of the events the benchmark's stand-ins send: Linkstream's link, with no metadata. */
public final class LinkEvent {

  private LinkEvent() {}

  public static String json(long linkId, String url, String status) {
    String now = Instant.now().toString();
    return "{\"id\":%d,\"url\":\"%s\",\"status\":\"%s\",\"title\":null,\"contentType\":null,\"description\":null,\"siteName\":null,\"canonicalUrl\":null,\"imageUrl\":null,\"iconUrl\":null,\"pageCount\":null,\"error\":null,\"submittedAt\":\"%s\",\"updatedAt\":\"%s\"}"
        .formatted(linkId, url, status, now, now);
  }
}
