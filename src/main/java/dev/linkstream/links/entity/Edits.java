package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * What a person gave a link: their own title and description, shown instead of what a fetch found
 * and kept through every fetch after, a note, and tags. Each text is null until written.
 */
public record Edits(String title, String description, String note, Tags tags) {

  public static final Edits NONE = new Edits(null, null, null, Tags.NONE);

  public Edits with(Tags given) {
    return new Edits(title, description, note, given);
  }

  /**
   * Puts the person's title and description over the fetched ones already in {@code json}, adds the
   * note, and says in {@code edited} which fields are the person's.
   */
  void addTo(JsonObjectBuilder json) {
    JsonArrayBuilder edited = Jsonp.array();
    if (title != null) {
      json.add("title", title);
      edited.add("title");
    }
    if (description != null) {
      json.add("description", description);
      edited.add("description");
    }
    Details.add(json, "note", note);
    json.add("tags", tags.toJSON());
    json.add("edited", edited);
  }
}
