package dev.linkstream.links.entity;

import java.util.Locale;

public enum LinkStatus {
  PENDING,
  FETCHED,
  FAILED;

  public String toJSON() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LinkStatus fromJSON(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
