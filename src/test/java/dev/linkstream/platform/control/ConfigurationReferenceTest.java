package dev.linkstream.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.ApplicationClasses;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The table in docs/configuration.md is the reference: it names exactly the keys the code reads,
 * with the defaults microprofile-config.properties gives them.
 */
class ConfigurationReferenceTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `(linkstream\\.[a-z.-]+)` \\| ([^|]*) \\| [^|]+ \\|$");
  private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

  @Test
  void theReferenceNamesEveryKeyTheCodeReadsAndNoOther() throws IOException {
    assertEquals(keysRead().keySet(), reference().keySet());
  }

  @Test
  void theReferenceGivesEachKeyItsDefault() throws IOException {
    Properties defaults = defaults();
    reference()
        .forEach(
            (key, column) -> {
              String value = defaults.getProperty(key);
              if (value == null || value.isEmpty()) {
                assertTrue(column.startsWith("(none"), key + " has no default: " + column);
              } else {
                Matcher code = FIRST_CODE.matcher(column);
                assertTrue(code.find(), key + ": no default in " + column);
                assertEquals(value, code.group(1), key);
              }
            });
  }

  @Test
  void everyKeyWithoutADefaultIsOptional() throws IOException {
    Properties defaults = defaults();
    keysRead()
        .forEach(
            (key, field) -> {
              if (!defaults.containsKey(key)) {
                assertEquals(Optional.class, field.getType(), key + " would fail the deployment");
              }
            });
    for (String key : defaults.stringPropertyNames()) {
      assertTrue(
          !key.startsWith("linkstream.") || keysRead().containsKey(key),
          key + " has a default but nothing reads it");
    }
  }

  private static Map<String, Field> keysRead() {
    Map<String, Field> keys = new TreeMap<>();
    for (Class<?> type : ApplicationClasses.all()) {
      for (Field field : type.getDeclaredFields()) {
        ConfigProperty property = field.getAnnotation(ConfigProperty.class);
        if (property != null) {
          keys.put(property.name(), field);
        }
      }
    }
    return keys;
  }

  /** Key and default column of every row of the configuration reference's table. */
  private static Map<String, String> reference() throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        assertEquals(null, rows.put(row.group(1), row.group(2).strip()), "twice: " + line);
      }
    }
    return rows;
  }

  private static Properties defaults() throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      properties.load(reader);
    }
    return properties;
  }
}
