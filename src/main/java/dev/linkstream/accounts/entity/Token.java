package dev.linkstream.accounts.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** An API token as its owner may see it: its secret only once, when it is created. */
public record Token(
    String id,
    String name,
    String user,
    Scope scope,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt) {

  public JsonObjectBuilder toJSON() {
    JsonObjectBuilder json =
        Jsonp.object()
            .add("id", id)
            .add("name", name)
            .add("user", user)
            .add("scope", scope.toJSON())
            .add("createdAt", createdAt.toString());
    instant(json, "lastUsedAt", lastUsedAt);
    instant(json, "expiresAt", expiresAt);
    return json;
  }

  private static void instant(JsonObjectBuilder json, String name, Instant instant) {
    if (instant == null) {
      json.addNull(name);
    } else {
      json.add(name, instant.toString());
    }
  }
}
