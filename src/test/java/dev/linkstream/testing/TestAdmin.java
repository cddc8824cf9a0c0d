package dev.linkstream.testing;

import java.util.Arrays;
import java.util.List;

/**
 * The admin account every test server creates at its first start, as an operator would: named in
 * the pom's {@code linkstream.it.settings}, which the Arquillian servers get and ServerProcess
 * passes on.
 */
public final class TestAdmin {

  private static final List<String> OPTIONS =
      Arrays.asList(System.getProperty("linkstream.it.settings", "").split("\\s+"));

  public static final String USER = setting("linkstream.admin.user");
  public static final String PASSWORD = setting("linkstream.admin.password");

  /** The JVM options that create it. */
  public static final List<String> SETTINGS =
      List.of("-Dlinkstream.admin.user=" + USER, "-Dlinkstream.admin.password=" + PASSWORD);

  private TestAdmin() {}

  private static String setting(String key) {
    String option = "-D" + key + "=";
    return OPTIONS.stream()
        .filter(o -> o.startsWith(option))
        .map(o -> o.substring(option.length()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("linkstream.it.settings lacks " + key));
  }
}
