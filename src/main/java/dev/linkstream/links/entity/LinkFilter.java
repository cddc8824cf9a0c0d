package dev.linkstream.links.entity;

import java.util.EnumSet;
import java.util.Set;

/** Which links a list holds: those in one of the given states. */
public record LinkFilter(Set<LinkState> states) {

  public static final LinkFilter ALL = new LinkFilter(EnumSet.allOf(LinkState.class));

  /** What is still to be worked through: unread and read, not archived. */
  public static final LinkFilter INBOX =
      new LinkFilter(EnumSet.of(LinkState.UNREAD, LinkState.READ));

  public LinkFilter {
    states = Set.copyOf(states);
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
      return new LinkFilter(Set.of(LinkState.fromJSON(state.strip())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "state must be unread, read, archived, inbox (unread and read) or all");
    }
  }

  public boolean holdsAll() {
    return states.size() == LinkState.values().length;
  }
}
