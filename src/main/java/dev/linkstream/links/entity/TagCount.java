package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;

/** A tag and how many links have it. */
public record TagCount(String name, long links) {

  public JsonObject toJSON() {
    return Jsonp.object().add("name", name).add("links", links).build();
  }
}
