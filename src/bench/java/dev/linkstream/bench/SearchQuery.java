package dev.linkstream.bench;

import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** One search a reader might make among the synthetic links: its kind, its text, its list. */
record SearchQuery(SearchQuery.Kind kind, String text, LinkFilter filter) {

  /** What a search asks for, and how its words are chosen among the links' words. */
  enum Kind {
    COMMON_WORD("a common word (of the 20 most frequent)"),
    RARE_WORD("a rare word (of the less frequent half)"),
    TWO_WORDS("two words, each drawn by frequency"),
    PREFIX("a word's first three letters"),
    PHRASE("a phrase: two adjacent words of a title"),
    EXCLUDING("a word, without another (of the 200 most frequent)"),
    TAG_AND_WORD("tag:x and a word"),
    INBOX("a word, in the inbox"),
    NO_MATCH("a word that matches nothing");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /**
   * {@code rounds} times every kind, among links 1 to {@code stored}, in an order of its own each
   * round, so that whatever slows the machine for a while slows every kind alike.
   */
  static List<SearchQuery> rounds(SyntheticLinks links, int stored, int rounds, Random random) {
    List<SearchQuery> queries = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<Kind> kinds = new ArrayList<>(Arrays.asList(Kind.values()));
      Collections.shuffle(kinds, random);
      for (Kind kind : kinds) {
        queries.add(of(kind, links, stored, random));
      }
    }
    return queries;
  }

  private static SearchQuery of(Kind kind, SyntheticLinks links, int stored, Random random) {
    Zipf<String> words = links.words;
    String text =
        switch (kind) {
          case COMMON_WORD -> words.between(1, 20, random);
          case RARE_WORD -> words.between(words.size() / 2, words.size(), random);
          case TWO_WORDS -> words.draw(random) + " " + words.draw(random);
          case PREFIX -> prefix(words, random);
          case PHRASE -> phrase(links.link(1 + random.nextInt(stored)), random);
          case EXCLUDING -> words.between(1, 200, random) + " -" + words.between(1, 200, random);
          case TAG_AND_WORD -> "tag:" + links.tags.draw(random) + " " + words.draw(random);
          case INBOX -> words.draw(random);
          case NO_MATCH -> "qx" + words.between(1, 200, random);
        };
    LinkFilter list = kind == Kind.INBOX ? LinkFilter.INBOX : LinkFilter.ALL;
    return new SearchQuery(kind, text, list.searching(text));
  }

  private static String prefix(Zipf<String> words, Random random) {
    String word;
    do {
      word = words.draw(random);
    } while (word.length() < 4);
    return word.substring(0, 3);
  }

  /** Quoted, as the title has them: capitals, accents and all. */
  private static String phrase(Link link, Random random) {
    String[] title = link.title().split(" ");
    int first = random.nextInt(title.length - 1);
    return "\"" + title[first] + " " + title[first + 1] + "\"";
  }
}
