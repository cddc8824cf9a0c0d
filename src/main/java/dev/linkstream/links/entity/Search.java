package dev.linkstream.links.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search asks for: every term must match, or must not where it is excluded. A term is a word
 * or a quoted phrase; it matches a link whose title, description, URL, note or tags hold its words
 * in that order, the last one perhaps only begun. {@code tag:x} terms are kept apart: they match
 * tags exactly.
 */
public record Search(List<Term> terms, List<String> tags, List<String> excludedTags) {

  public static final Search NONE = new Search(List.of(), List.of(), List.of());
  public static final int MAX_LENGTH = 1_000;

  // An optional minus, then a phrase in quotes (its end may not be typed yet), or a word; between
  // them any space, as the page's copy of these rules (search.js) has it.
  private static final Pattern TERM =
      Pattern.compile("(-?)(?:\"([^\"]*)\"?|(\\S+))", Pattern.UNICODE_CHARACTER_CLASS);
  private static final String TAG = "tag:";

  /** Words that follow one another in a field, the last perhaps only begun. */
  public record Term(List<String> words, boolean excluded) {

    public Term {
      words = List.copyOf(words);
    }

    /**
     * What the text {@link Words#document} makes contains where the term matches: {@code " new yo"}
     * for the word {@code new} followed by a word that begins with {@code yo}.
     */
    public String text() {
      return " " + String.join(" ", words);
    }
  }

  public Search {
    terms = List.copyOf(terms);
    tags = List.copyOf(tags);
    excludedTags = List.copyOf(excludedTags);
  }

  /**
   * The search a query text asks for; none for no text. Terms without a letter or digit ask for
   * nothing.
   *
   * @throws IllegalArgumentException when the text is too long or a {@code tag:} term names no tag
   */
  public static Search parse(String query) {
    if (query == null) {
      return NONE;
    }
    if (query.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("q must have at most " + MAX_LENGTH + " characters");
    }
    List<Term> terms = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> excludedTags = new ArrayList<>();
    Matcher term = TERM.matcher(query);
    while (term.find()) {
      boolean excluded = !term.group(1).isEmpty();
      String word = term.group(3);
      if (word != null && word.regionMatches(true, 0, TAG, 0, TAG.length())) {
        if (word.length() > TAG.length()) {
          (excluded ? excludedTags : tags).add(Tags.name(word.substring(TAG.length())));
        }
        continue;
      }
      List<String> words = Words.of(word == null ? term.group(2) : word);
      if (!words.isEmpty()) {
        terms.add(new Term(words, excluded));
      }
    }
    return new Search(terms, tags, excludedTags);
  }

  public boolean isEmpty() {
    return terms.isEmpty() && tags.isEmpty() && excludedTags.isEmpty();
  }

  /**
   * A PostgreSQL {@code tsquery} that every link the terms match also matches, for an index to find
   * the few to check; null when no term must match.
   */
  public String tsquery() {
    List<String> required = new ArrayList<>();
    for (Term term : terms) {
      if (!term.excluded()) {
        List<String> words = term.words();
        for (int i = 0; i < words.size(); i++) {
          required.add("'" + words.get(i) + "'" + (i == words.size() - 1 ? ":*" : ""));
        }
      }
    }
    return required.isEmpty() ? null : String.join(" & ", required);
  }
}
