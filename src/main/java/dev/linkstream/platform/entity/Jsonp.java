package dev.linkstream.platform.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P's builders and reader from one provider, found once. {@code jakarta.json.Json} finds its
 * provider again on every call, with a {@code ServiceLoader} scan of the application's jars: under
 * load, request threads queued on a jar file's lock for it.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader reader(String text) {
    return PROVIDER.createReader(new StringReader(text));
  }
}
