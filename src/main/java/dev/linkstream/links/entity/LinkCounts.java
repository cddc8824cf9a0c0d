package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;

/** How many links are in each state, and in the inbox's views. */
public record LinkCounts(long unread, long read, long archived) {

  public JsonObject toJSON() {
    return Jsonp.object()
        .add("unread", unread)
        .add("read", read)
        .add("archived", archived)
        .add("inbox", unread + read)
        .add("all", unread + read + archived)
        .build();
  }
}
