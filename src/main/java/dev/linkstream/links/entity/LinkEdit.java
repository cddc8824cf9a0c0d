package dev.linkstream.links.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;

/** What a person changes of a link, as a JSON merge patch: what it leaves out stays as it is. */
public record LinkEdit(LinkState state) {

  public static final String EXAMPLE = "{\"state\":\"read\"}";

  /**
   * @throws IllegalArgumentException saying what is wrong with the body
   */
  public static LinkEdit fromJSON(JsonObject json) {
    for (String name : json.keySet()) {
      if (!"state".equals(name)) {
        throw new IllegalArgumentException(
            "a link has no field " + quoted(name) + " that can be changed; state can");
      }
    }
    JsonValue state = json.get("state");
    if (state == null) {
      throw new IllegalArgumentException("body must say what to change, such as " + EXAMPLE);
    }
    return new LinkEdit(
        LinkState.fromJSON(state instanceof JsonString text ? text.getString() : null));
  }

  /** Whether applying this edit would change the link at all. */
  public boolean changes(Link link) {
    return state != link.state();
  }

  public Link applyTo(Link link, Instant now) {
    return link.in(state, now);
  }

  private static String quoted(String name) {
    return "\"" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "\"";
  }
}
