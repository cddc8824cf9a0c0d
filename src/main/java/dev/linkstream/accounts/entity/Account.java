package dev.linkstream.accounts.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;

/** An account as others may see it: never its password. */
public record Account(String name, Role role, Instant createdAt) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** The shortest password accepted; no other rule, as NIST SP 800-63B advises. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  public static String validName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name must be 1 to 64 letters, digits, '.', '_', '-' or '@'");
    }
    return name;
  }

  public static String validPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
    }
    return password;
  }

  public JsonObject toJSON() {
    return Jsonp.object()
        .add("name", name)
        .add("role", role.toJSON())
        .add("createdAt", createdAt.toString())
        .build();
  }
}
