package dev.linkstream.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words of a language that does not exist, some with accents. None has a q or an x, so a word that
 * starts with "qx" is in no text made of them.
 */
final class MadeUpWords {

  private static final String CONSONANTS = "bcdfghjklmnprstvwz";
  private static final String VOWELS = "aeiou";
  private static final String ACCENTED_VOWELS = "éèàüöå";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private MadeUpWords() {}

  /**
   * {@code count} words that a search tells apart (none the other's with accents or without),
   * shortest first: the most frequent words of a language are its shortest.
   */
  static List<String> generate(int count, Random random) {
    Set<String> plain = new HashSet<>();
    List<String> words = new ArrayList<>();
    while (words.size() < count) {
      String word = word(random);
      if (plain.add(ascii(word))) {
        words.add(word);
      }
    }
    words.sort(Comparator.comparingInt(String::length));
    return words;
  }

  /** The word without its accents, as a URL has it. */
  static String ascii(String word) {
    return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
  }

  static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static String word(Random random) {
    int syllables = syllables(random);
    boolean accented = random.nextInt(100) < 8;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      word.append(pick(CONSONANTS, random));
      word.append(
          accented && i == syllables - 1 ? pick(ACCENTED_VOWELS, random) : pick(VOWELS, random));
      if (random.nextInt(3) == 0) {
        word.append(pick(CONSONANTS, random));
      }
    }
    return word.toString();
  }

  /** 1 to 4, 2 most often. */
  private static int syllables(Random random) {
    int roll = random.nextInt(100);
    return roll < 15 ? 1 : roll < 60 ? 2 : roll < 88 ? 3 : 4;
  }

  private static char pick(String letters, Random random) {
    return letters.charAt(random.nextInt(letters.length()));
  }
}
