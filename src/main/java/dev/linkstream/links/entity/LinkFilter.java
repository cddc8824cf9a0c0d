package dev.linkstream.links.entity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which links a list holds: those in one of the given states that have every one of the tags and
 * that the search matches.
 */
public record LinkFilter(Set<LinkState> states, List<String> tags, Search search) {

  public static final LinkFilter ALL =
      new LinkFilter(EnumSet.allOf(LinkState.class), List.of(), Search.NONE);

  /** What is still to be worked through: unread and read, not archived. */
  public static final LinkFilter INBOX =
      new LinkFilter(EnumSet.of(LinkState.UNREAD, LinkState.READ), List.of(), Search.NONE);

  public LinkFilter {
    states = Set.copyOf(states);
    tags = List.copyOf(new TreeSet<>(tags));
  }

  /**
   * The filter a {@code state} query parameter names: {@code inbox}, {@code all} or one state; all
   * links when it is absent.
   *
   * @throws IllegalArgumentException saying which values there are
   */
  public static LinkFilter fromQuery(String state) {
    if (state == null || state.isBlank() || "all".equals(state.strip())) {
      return ALL;
    }
    if ("inbox".equals(state.strip())) {
      return INBOX;
    }
    try {
      return new LinkFilter(Set.of(LinkState.fromJSON(state.strip())), List.of(), Search.NONE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "state must be unread, read, archived, inbox (unread and read) or all");
    }
  }

  /**
   * This filter, holding only links that have every one of the tags as well.
   *
   * @throws IllegalArgumentException saying which tag cannot be one
   */
  public LinkFilter tagged(List<String> names) {
    List<String> all = new ArrayList<>(tags);
    names.stream().map(Tags::name).forEach(all::add);
    return new LinkFilter(states, all, search);
  }

  /**
   * This filter, holding only links the search query matches as well; its {@code tag:} terms are
   * tags the links must have.
   *
   * @throws IllegalArgumentException saying what is wrong with the query
   */
  public LinkFilter searching(String query) {
    Search parsed = Search.parse(query);
    return new LinkFilter(states, tags, parsed).tagged(parsed.tags());
  }

  public boolean everyState() {
    return states.size() == LinkState.values().length;
  }
}
