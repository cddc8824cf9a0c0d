package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;

/** An entry of a bookmark file that was not imported, and why. */
public record ImportProblem(String entry, String reason) {

  private static final int MAX_ENTRY = 300;

  public ImportProblem {
    if (entry.codePointCount(0, entry.length()) > MAX_ENTRY) {
      entry = entry.substring(0, entry.offsetByCodePoints(0, MAX_ENTRY)) + "…";
    }
  }

  public JsonObject toJSON() {
    return Jsonp.object().add("entry", entry).add("reason", reason).build();
  }

  public static ImportProblem fromJSON(JsonObject json) {
    return new ImportProblem(json.getString("entry"), json.getString("reason"));
  }
}
