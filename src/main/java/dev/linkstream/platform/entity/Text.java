package dev.linkstream.platform.entity;

import java.util.regex.Pattern;

/** Text from outside, a fetched page's or a person's, made safe to store and show. */
public final class Text {

  // Bidi controls, and lone surrogates, which no database or encoder stores faithfully.
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cs}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
  // Controls, line and paragraph separators and every other kind of space become one space.
  private static final Pattern SPACING = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");
  private static final Pattern LINE_ENDS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
  // Of the controls, tab and line feed stay in text of many lines; PostgreSQL refuses NUL.
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

  private Text() {}

  /** Visible text on one line, without space at either end. */
  public static String oneLine(String raw) {
    return SPACING.matcher(INVISIBLE.matcher(raw).replaceAll("")).replaceAll(" ").strip();
  }

  /** Visible text whose lines end in line feeds, without space at either end. */
  public static String lines(String raw) {
    String visible = INVISIBLE.matcher(raw).replaceAll("");
    return CONTROLS.matcher(LINE_ENDS.matcher(visible).replaceAll("\n")).replaceAll("").strip();
  }

  /** The text, cut after {@code max} characters (code points) if it is longer. */
  public static String cut(String text, int max) {
    return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
  }

  /** How many characters a person sees counted: code points, not UTF-16 units. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
