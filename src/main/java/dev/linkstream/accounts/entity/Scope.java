package dev.linkstream.accounts.entity;

import java.util.Arrays;
import java.util.Locale;

/** What an API token may do, within what its account may. */
public enum Scope {
  /** Read links and follow the stream. */
  READ,
  /** Also add, refetch and delete links. */
  WRITE;

  public String toJSON() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope fromJSON(String text) {
    return Arrays.stream(values())
        .filter(scope -> scope.toJSON().equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("scope must be read or write"));
  }
}
