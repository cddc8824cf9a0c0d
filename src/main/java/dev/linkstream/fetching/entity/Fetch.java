package dev.linkstream.fetching.entity;

import dev.linkstream.links.entity.Link;

/**
 * One attempt at fetching a link's document; attempts after the first retry a passing failure. A
 * {@code backlog} fetch, an import's, waits while any other does.
 */
public record Fetch(Link link, int attempt, boolean backlog) {

  public static Fetch first(Link link, boolean backlog) {
    return new Fetch(link, 1, backlog);
  }

  public Fetch next() {
    return new Fetch(link, attempt + 1, backlog);
  }
}
