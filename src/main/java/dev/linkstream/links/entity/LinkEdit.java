package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a person changes of a link, as a JSON merge patch: what it leaves out stays as it is, and
 * null takes away what the person wrote. Each field is null when the patch leaves it out; tags,
 * when given, replace the link's.
 */
public record LinkEdit(
    LinkState state, Replacement title, Replacement description, Replacement note, Tags tags) {

  public static final String EXAMPLE = "{\"state\":\"read\"} or {\"note\":\"…\"}";
  public static final int MAX_TITLE = 300;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_NOTE = 10_000;

  private static final List<String> FIELDS =
      List.of("state", "title", "description", "note", "tags");

  /** A field's new text; null takes the person's text away. */
  public record Replacement(String text) {}

  // A field the patch leaves out.
  private static final Replacement KEEP = null;

  /** Moves the link to {@code state} and changes nothing else. */
  public static LinkEdit moveTo(LinkState state) {
    return new LinkEdit(state, KEEP, KEEP, KEEP, null);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the body
   */
  public static LinkEdit fromJSON(JsonObject json) {
    for (String name : json.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "a link has no field "
                + quoted(name)
                + " that can be changed; state, title, description, note and tags can");
      }
    }
    if (json.isEmpty()) {
      throw new IllegalArgumentException("body must say what to change, such as " + EXAMPLE);
    }
    return new LinkEdit(
        json.containsKey("state") ? stateOf(json.get("state")) : null,
        replacement(json, "title", MAX_TITLE, Text::oneLine, "the fetched one"),
        replacement(json, "description", MAX_DESCRIPTION, Text::oneLine, "the fetched one"),
        replacement(json, "note", MAX_NOTE, Text::lines, "none"),
        tags(json));
  }

  /** Whether applying this edit would change the link at all. */
  public boolean changes(Link link) {
    return !applyTo(link, link.updatedAt()).equals(link);
  }

  public Link applyTo(Link link, Instant now) {
    Edits edits = link.edits();
    return link.edited(
        state == null ? link.state() : state,
        new Edits(
            title == KEEP ? edits.title() : title.text(),
            description == KEEP ? edits.description() : description.text(),
            note == KEEP ? edits.note() : note.text(),
            tags == null ? edits.tags() : tags),
        now);
  }

  private static Tags tags(JsonObject json) {
    if (!json.containsKey("tags")) {
      return null;
    }
    return json.get("tags") == JsonValue.NULL ? Tags.NONE : Tags.fromJSON(json.get("tags"));
  }

  private static LinkState stateOf(JsonValue value) {
    return LinkState.fromJSON(value instanceof JsonString text ? text.getString() : null);
  }

  private static Replacement replacement(
      JsonObject json, String name, int max, UnaryOperator<String> clean, String nullMeans) {
    if (!json.containsKey(name)) {
      return KEEP;
    }
    JsonValue value = json.get(name);
    if (value == JsonValue.NULL) {
      return new Replacement(null);
    }
    if (!(value instanceof JsonString given)) {
      throw new IllegalArgumentException(name + " must be text, or null for " + nullMeans);
    }
    String text = clean.apply(given.getString());
    int length = Text.length(text);
    if (length > max) {
      throw new IllegalArgumentException(
          name + " must be at most " + max + " characters long; this one has " + length);
    }
    // Nothing written is nothing of the person's: the fetched title shows again.
    return new Replacement(text.isEmpty() ? null : text);
  }

  private static String quoted(String name) {
    return "\"" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "\"";
  }
}
