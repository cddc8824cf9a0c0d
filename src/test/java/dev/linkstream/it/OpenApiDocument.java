package dev.linkstream.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI document the server serves, and a check of JSON against its schemas: the subset of
 * OpenAPI 3.0 the document uses ({@code $ref}, {@code oneOf}, {@code type}, {@code required},
 * {@code properties}, {@code items}, {@code enum}, {@code nullable}, {@code format: date-time},
 * {@code minimum}). An object may have no property its schema does not name.
 */
record OpenApiDocument(JsonObject json) {

  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

  JsonObject paths() {
    return json.getJsonObject("paths");
  }

  /** The object a local reference such as {@code #/components/schemas/Link} names. */
  JsonObject resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new AssertionError("not a local reference: " + ref);
    }
    JsonValue value = json;
    for (String name : ref.substring(2).split("/")) {
      if (!(value instanceof JsonObject object) || !object.containsKey(name)) {
        throw new AssertionError("a reference leads nowhere: " + ref);
      }
      value = object.get(name);
    }
    return (JsonObject) value;
  }

  /** The object itself, or the one it refers to. */
  JsonObject deref(JsonObject object) {
    return object.containsKey("$ref") ? resolve(object.getString("$ref")) : object;
  }

  /** Every {@code $ref} anywhere in the document. */
  List<String> references() {
    List<String> refs = new ArrayList<>();
    collect(json, refs);
    return refs;
  }

  private static void collect(JsonValue value, List<String> refs) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (name, member) -> {
            if ("$ref".equals(name)) {
              refs.add(((JsonString) member).getString());
            } else {
              collect(member, refs);
            }
          });
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> collect(item, refs));
    }
  }

  /** Fails, saying where, unless the value is what the schema describes. */
  void validate(JsonValue value, JsonObject schema, String where) {
    schema = deref(schema);
    if (schema.containsKey("oneOf")) {
      oneOf(value, schema.getJsonArray("oneOf"), where);
      return;
    }
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (!schema.getBoolean("nullable", false)) {
        throw new AssertionError(where + " is null, which its schema does not allow");
      }
      return;
    }
    switch (schema.getString("type")) {
      case "object" -> object(value, schema, where);
      case "array" -> {
        int i = 0;
        for (JsonValue item : as(JsonArray.class, value, where)) {
          validate(item, schema.getJsonObject("items"), where + "[" + i++ + "]");
        }
      }
      case "string" -> string(as(JsonString.class, value, where).getString(), schema, where);
      case "integer" -> integer(as(JsonNumber.class, value, where), schema, where);
      case "boolean" -> {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
          throw new AssertionError(where + " is " + value + ", not true or false");
        }
      }
      default -> throw new AssertionError("a type this check does not know: " + schema);
    }
  }

  private void oneOf(JsonValue value, JsonArray choices, String where) {
    List<String> matches = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (JsonObject choice : choices.getValuesAs(JsonObject.class)) {
      try {
        validate(value, choice, where);
        matches.add(choice.toString());
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    if (matches.size() != 1) {
      throw new AssertionError(
          where + " matches " + matches.size() + " of oneOf, not one: " + value + " " + failures);
    }
  }

  private void object(JsonValue value, JsonObject schema, String where) {
    JsonObject object = as(JsonObject.class, value, where);
    JsonObject properties = schema.getJsonObject("properties");
    for (JsonString required : schema.getJsonArray("required").getValuesAs(JsonString.class)) {
      if (!object.containsKey(required.getString())) {
        throw new AssertionError(where + " lacks " + required.getString() + ": " + object);
      }
    }
    object.forEach(
        (name, member) -> {
          if (!properties.containsKey(name)) {
            throw new AssertionError(where + "." + name + " is not in the document");
          }
          validate(member, properties.getJsonObject(name), where + "." + name);
        });
  }

  private static void string(String text, JsonObject schema, String where) {
    if (schema.containsKey("enum")
        && !schema.getJsonArray("enum").contains(jakarta.json.Json.createValue(text))) {
      throw new AssertionError(where + " is " + text + ", not one of " + schema.get("enum"));
    }
    if ("date-time".equals(schema.getString("format", ""))) {
      Instant.parse(text);
    }
  }

  private static void integer(JsonNumber number, JsonObject schema, String where) {
    if (!number.isIntegral()) {
      throw new AssertionError(where + " is not a whole number: " + number);
    }
    if (schema.containsKey("minimum") && number.longValue() < schema.getInt("minimum")) {
      throw new AssertionError(where + " is below its minimum: " + number);
    }
  }

  private static <T extends JsonValue> T as(Class<T> type, JsonValue value, String where) {
    if (!type.isInstance(value)) {
      throw new AssertionError(where + " is not a " + type.getSimpleName() + ": " + value);
    }
    return type.cast(value);
  }
}
