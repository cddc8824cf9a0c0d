package dev.linkstream.it;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application's metrics from /metrics in Prometheus text, keyed as {@code
 * name{label="value",…}} with the labels sorted and the scope left out: the two servers differ in
 * label order and in a trailing comma.
 */
public record Metrics(Map<String, Double> values) {

  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\}\\s+(\\S+)$");

  static Metrics read(Api api) {
    return read(api, "application");
  }

  /** The metrics of one scope: {@code application}, or the JVM's own in {@code base}. */
  static Metrics read(Api api, String scope) {
    return parse(api.server.path("metrics").request().get(String.class), scope);
  }

  /** The metrics of one scope in a server's /metrics text: also for the benchmark's servers. */
  public static Metrics parse(String text, String scope) {
    Map<String, Double> values = new HashMap<>();
    for (String line : text.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (sample.matches() && sample.group(2).contains("mp_scope=\"" + scope + "\"")) {
        values.put(
            key(sample.group(1), labels(sample.group(2))), Double.parseDouble(sample.group(3)));
      }
    }
    return new Metrics(values);
  }

  /** The sample's value; absent samples fail the test, naming what there is. */
  public double get(String name, String... labels) {
    String key = key(name, String.join(",", labels));
    Double value = values.get(key);
    if (value == null) {
      throw new AssertionError("no sample " + key + " in " + values.keySet());
    }
    return value;
  }

  /** How much a counter grew since an earlier reading. */
  public double since(Metrics before, String name, String... labels) {
    String key = key(name, String.join(",", labels));
    return get(name, labels) - before.values.getOrDefault(key, 0.0);
  }

  private static String labels(String labels) {
    return Arrays.stream(labels.split(","))
        .filter(label -> !label.isBlank() && !label.startsWith("mp_scope="))
        .collect(Collectors.joining(","));
  }

  private static String key(String name, String labels) {
    String sorted =
        Arrays.stream(labels.split(","))
            .filter(l -> !l.isBlank())
            .sorted()
            .collect(Collectors.joining(","));
    return name + "{" + sorted + "}";
  }
}
