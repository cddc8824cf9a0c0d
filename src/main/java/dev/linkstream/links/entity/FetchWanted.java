package dev.linkstream.links.entity;

/**
 * A link just stored as pending, new or to be fetched again, whose document the fetchers are to
 * fetch. Fired synchronously: the fetchers only queue it, and the fetch runs on their own threads.
 * An imported link's fetch is {@code backlog}: it waits until no fetch a person asked for does.
 */
public record FetchWanted(Link link, boolean backlog) {

  public FetchWanted(Link link) {
    this(link, false);
  }
}
