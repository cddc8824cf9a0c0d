package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * What a fetched document says about itself beyond its title. Every field may be null. The URLs are
 * absolute http or https URLs, recorded as text for clients: the server never fetches them.
 */
public record Details(
    String description,
    String siteName,
    String canonicalUrl,
    String imageUrl,
    String iconUrl,
    Integer pageCount) {

  public static final Details NONE = new Details(null, null, null, null, null, null);

  public static Details pages(int pageCount) {
    return new Details(null, null, null, null, null, pageCount);
  }

  /** Adds every field to a link's JSON, null where unknown, so clients can always upsert. */
  public JsonObjectBuilder addTo(JsonObjectBuilder json) {
    add(json, "description", description);
    add(json, "siteName", siteName);
    add(json, "canonicalUrl", canonicalUrl);
    add(json, "imageUrl", imageUrl);
    add(json, "iconUrl", iconUrl);
    return pageCount == null ? json.addNull("pageCount") : json.add("pageCount", pageCount);
  }

  public String toJSON() {
    return addTo(Jsonp.object()).build().toString();
  }

  public static Details fromJSON(String text) {
    if (text == null) {
      return NONE;
    }
    try (var reader = Jsonp.reader(text)) {
      JsonObject json = reader.readObject();
      JsonValue pages = json.get("pageCount");
      return new Details(
          json.getString("description", null),
          json.getString("siteName", null),
          json.getString("canonicalUrl", null),
          json.getString("imageUrl", null),
          json.getString("iconUrl", null),
          pages instanceof JsonNumber number ? number.intValue() : null);
    }
  }

  static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
