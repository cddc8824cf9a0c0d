package dev.linkstream.fetching.entity;

import dev.linkstream.links.entity.Link;

/** One attempt at fetching a link's document; attempts after the first retry a passing failure. */
public record Fetch(Link link, int attempt) {

  public static Fetch first(Link link) {
    return new Fetch(link, 1);
  }

  public Fetch next() {
    return new Fetch(link, attempt + 1);
  }
}
