package dev.linkstream.links.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One change made to several links at once: move them to a state, add and take off tags, or remove
 * them. Links the ids name but that are gone are skipped, not an error: another page may have
 * removed one a moment before.
 */
public record BulkChange(
    List<Long> ids,
    LinkState state,
    List<String> addTags,
    List<String> removeTags,
    boolean delete) {

  public static final int MAX_LINKS = 500;
  public static final String EXAMPLE =
      "{\"ids\":[1,2],\"state\":\"archived\"}, {\"ids\":[1,2],\"addTags\":[\"java\"]}"
          + " or {\"ids\":[1,2],\"delete\":true}";
  private static final List<String> FIELDS =
      List.of("ids", "state", "addTags", "removeTags", "delete");

  public BulkChange {
    ids = List.copyOf(ids);
    addTags = List.copyOf(addTags);
    removeTags = List.copyOf(removeTags);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the body
   */
  public static BulkChange fromJSON(JsonObject json) {
    for (String name : json.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "a bulk change has no field \"" + name + "\"; it has " + String.join(", ", FIELDS));
      }
    }
    List<Long> ids = ids(json.get("ids"));
    LinkState state =
        json.containsKey("state") ? LinkState.fromJSON(text(json.get("state"), "state")) : null;
    List<String> add = tags(json, "addTags");
    List<String> remove = tags(json, "removeTags");
    boolean delete = json.get("delete") == JsonValue.TRUE;
    boolean changes = state != null || !add.isEmpty() || !remove.isEmpty();
    if (delete == changes) {
      throw new IllegalArgumentException(
          "a bulk change either deletes or changes state or tags, such as " + EXAMPLE);
    }
    return new BulkChange(ids, state, add, remove, delete);
  }

  /**
   * The link as this change leaves it, when it is not a deletion.
   *
   * @throws IllegalArgumentException when the link would have more tags than it may
   */
  public Link applyTo(Link link, Instant now) {
    List<String> kept = new ArrayList<>(link.edits().tags().names());
    kept.removeAll(removeTags);
    Tags tags = new Tags(kept).and(addTags);
    return link.edited(state == null ? link.state() : state, link.edits().with(tags), now);
  }

  private static List<Long> ids(JsonValue value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw new IllegalArgumentException("ids must be an array of link ids, such as [1,2]");
    }
    if (array.size() > MAX_LINKS) {
      throw new IllegalArgumentException(
          "a bulk change may name at most " + MAX_LINKS + " links, not " + array.size());
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (JsonValue id : array) {
      if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
        throw new IllegalArgumentException("ids must be an array of link ids, such as [1,2]");
      }
      ids.add(number.longValue());
    }
    return List.copyOf(ids);
  }

  private static List<String> tags(JsonObject json, String name) {
    return json.containsKey(name) ? Tags.fromJSON(json.get(name)).names() : List.of();
  }

  private static String text(JsonValue value, String name) {
    if (!(value instanceof JsonString text)) {
      throw new IllegalArgumentException(name + " must be text");
    }
    return text.getString();
  }
}
