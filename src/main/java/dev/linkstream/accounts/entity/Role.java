package dev.linkstream.accounts.entity;

import java.util.Arrays;
import java.util.Locale;

/** What an account may do. Every account sees the one shared inbox. */
public enum Role {
  /** Also manages accounts. */
  ADMIN,
  /** Reads and changes links, manages its own tokens. */
  MEMBER,
  /** Reads only. */
  READER;

  public String toJSON() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromJSON(String text) {
    return Arrays.stream(values())
        .filter(role -> role.toJSON().equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("role must be admin, member or reader"));
  }
}
