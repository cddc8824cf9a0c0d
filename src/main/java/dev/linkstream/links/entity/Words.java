package dev.linkstream.links.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as search sees it: words of letters and digits, in lower case and without accents, so that
 * "Café" and "CAFE" are one word. Both databases match what this makes, so they answer alike.
 */
final class Words {

  /** Between the words of two fields, so that a phrase never spans fields. */
  static final String FIELD_BREAK = " | ";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  // PostgreSQL indexes a word of at most 2,046 bytes; a longer run (a hash in a URL) is searched as
  // the phrase of its pieces, each at most 400 bytes.
  private static final int MAX_LENGTH = 100;

  // Far more than the fields may hold, unless a note is made of characters that each decompose
  // into many letters; words beyond it are not found.
  static final int MAX_DOCUMENT = 60_000;

  private Words() {}

  static List<String> of(String text) {
    String plain =
        MARKS
            .matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD))
            .replaceAll("");
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(plain);
    while (word.find()) {
      String run = word.group();
      int start = 0;
      while (start < run.length()) {
        int end =
            run.offsetByCodePoints(
                start, Math.min(MAX_LENGTH, run.codePointCount(start, run.length())));
        words.add(run.substring(start, end));
        start = end;
      }
    }
    return words;
  }

  /**
   * The fields' words as one text, each word between spaces and the fields apart: {@code " new york
   * | city "}. A term then matches where {@code "% new yo%"} does.
   */
  static String document(List<String> fields) {
    List<String> parts = new ArrayList<>();
    for (String field : fields) {
      if (field != null) {
        List<String> words = of(field);
        if (!words.isEmpty()) {
          parts.add(String.join(" ", words));
        }
      }
    }
    String document = " " + String.join(FIELD_BREAK, parts) + " ";
    if (document.length() <= MAX_DOCUMENT) {
      return document;
    }
    return document.substring(0, document.lastIndexOf(' ', MAX_DOCUMENT - 1) + 1);
  }
}
