package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import dev.linkstream.platform.entity.Text;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A link's tags: each in lower case, on one line, 1 to 50 characters; in alphabetical order. */
public record Tags(List<String> names) {

  public static final int MAX_LENGTH = 50;
  public static final int MAX_PER_LINK = 20;
  public static final Tags NONE = new Tags(List.of());

  public Tags {
    names = List.copyOf(new TreeSet<>(names));
  }

  /**
   * The tags a JSON array gives, each made lower case and tidied.
   *
   * @throws IllegalArgumentException saying which tag is wrong, and why
   */
  public static Tags fromJSON(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("tags must be an array of text, such as [\"java\"]");
    }
    TreeSet<String> names = new TreeSet<>();
    for (JsonValue tag : array) {
      if (!(tag instanceof JsonString text)) {
        throw new IllegalArgumentException("tags must be an array of text, such as [\"java\"]");
      }
      names.add(name(text.getString()));
    }
    return few(names);
  }

  /**
   * The tags a text gives, separated by commas, as a form or a bookmark file has them; none for no
   * text.
   *
   * @throws IllegalArgumentException saying which tag is wrong, and why
   */
  public static Tags fromText(String text) {
    TreeSet<String> names = new TreeSet<>();
    if (text != null) {
      for (String tag : text.split(",")) {
        if (!tag.isBlank()) {
          names.add(name(tag));
        }
      }
    }
    return few(names);
  }

  /**
   * A tag's name as stored: lower case, spacing tidied.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String name(String raw) {
    String name = Text.oneLine(raw).toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a tag must have 1 to " + MAX_LENGTH + " characters");
    }
    if (Text.length(name) > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "tag \""
              + name.substring(0, name.offsetByCodePoints(0, 20))
              + "…\" is longer than "
              + MAX_LENGTH
              + " characters");
    }
    // A Netscape bookmark file lists a link's tags separated by commas.
    if (name.indexOf(',') >= 0) {
      throw new IllegalArgumentException(
          "tag \"" + name + "\" has a comma: give each tag as an item of its own");
    }
    return name;
  }

  /**
   * The tags a bookmark file gives, as many as a link may have: each made a tag by taking out its
   * commas and cutting it to length, the empty ones left out, those beyond the first 20 dropped.
   */
  public static Tags lenient(Collection<String> raw) {
    TreeSet<String> names = new TreeSet<>();
    for (String tag : raw) {
      String name = Text.oneLine(tag.replace(',', ' ')).toLowerCase(Locale.ROOT);
      if (Text.length(name) > MAX_LENGTH) {
        name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
      }
      if (!name.isEmpty() && names.size() < MAX_PER_LINK) {
        names.add(name);
      }
    }
    return new Tags(List.copyOf(names));
  }

  /**
   * These tags and {@code more}.
   *
   * @throws IllegalArgumentException when they are more than a link may have
   */
  public Tags and(Collection<String> more) {
    TreeSet<String> all = new TreeSet<>(names);
    all.addAll(more);
    return few(all);
  }

  /** These tags with {@code name} replaced by {@code replacement}, or taken out if it is null. */
  public Tags replacing(String name, String replacement) {
    TreeSet<String> all = new TreeSet<>(names);
    if (all.remove(name) && replacement != null) {
      all.add(replacement);
    }
    return new Tags(List.copyOf(all));
  }

  private static Tags few(TreeSet<String> names) {
    if (names.size() > MAX_PER_LINK) {
      throw new IllegalArgumentException(
          "a link may have at most " + MAX_PER_LINK + " tags, not " + names.size());
    }
    return new Tags(List.copyOf(names));
  }

  public JsonArray toJSON() {
    JsonArrayBuilder array = Jsonp.array();
    names.forEach(array::add);
    return array.build();
  }
}
