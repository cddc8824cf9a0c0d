package dev.linkstream.links.entity;

import java.util.Locale;

/** Where a link is in its reader's work: unread when it arrives, then read, or archived. */
public enum LinkState {
  UNREAD,
  READ,
  ARCHIVED;

  public String toJSON() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException saying which states there are
   */
  public static LinkState fromJSON(String name) {
    for (LinkState state : values()) {
      if (state.toJSON().equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("state must be unread, read or archived");
  }
}
