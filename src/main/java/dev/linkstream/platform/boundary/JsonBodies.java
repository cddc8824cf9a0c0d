package dev.linkstream.platform.boundary;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;

/** Request bodies that are JSON objects, refused with an example of what is expected. */
public final class JsonBodies {

  private JsonBodies() {}

  public static JsonObject object(String body, String example) {
    try (JsonReader reader = Jsonp.reader(body == null ? "" : body)) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new BadRequestException("body must be a JSON object such as " + example);
    }
  }

  /** The member's text, or null when it is absent or not a string. */
  public static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString string ? string.getString() : null;
  }
}
