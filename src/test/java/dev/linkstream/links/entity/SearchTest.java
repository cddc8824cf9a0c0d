package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.links.entity.Search.Term;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {

  @Test
  void wordsPhrasesAndExclusionsAreTerms() {
    Search search = Search.parse("Jakarta \"New  York\" -café -\"big apple\"");

    assertEquals(
        List.of(
            new Term(List.of("jakarta"), false),
            new Term(List.of("new", "york"), false),
            new Term(List.of("cafe"), true),
            new Term(List.of("big", "apple"), true)),
        search.terms());
    assertEquals(" new york", search.terms().get(1).text());
    assertEquals("'jakarta':* & 'new' & 'york':*", search.tsquery());
  }

  @Test
  void aWordOfSeveralRunsIsAPhraseAndOneOfNoneAsksForNothing() {
    Search search = Search.parse("example.com/x c++ - ++ \"\"");

    assertEquals(
        List.of(new Term(List.of("example", "com", "x"), false), new Term(List.of("c"), false)),
        search.terms());
  }

  @Test
  void aPhraseNotYetClosedEndsWithTheQuery() {
    assertEquals(List.of(new Term(List.of("new", "yo"), false)), Search.parse("\"new yo").terms());
  }

  @Test
  void tagTermsAreKeptApartAndMustNameATag() {
    Search search = Search.parse("TAG:Java -tag:old tag: word");

    assertEquals(List.of("java"), search.tags());
    assertEquals(List.of("old"), search.excludedTags());
    assertEquals(List.of(new Term(List.of("word"), false)), search.terms());
    assertThrows(IllegalArgumentException.class, () -> Search.parse("tag:" + "x".repeat(51)));
    assertEquals(
        List.of("java", "web"), LinkFilter.ALL.tagged(List.of("web")).searching("tag:java").tags());
  }

  @Test
  void onlyExcludedTermsNeedNoIndexAndNoQueryIsNoSearch() {
    assertNull(Search.parse("-java").tsquery());
    assertTrue(Search.parse(null).isEmpty());
    assertTrue(Search.parse("  ").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Search.parse("x".repeat(1001)));
  }

  @Test
  void aLinksSearchTextHasItsFieldsApartInLowerCaseWithoutAccents() {
    Link link =
        new Link(
            1,
            "https://example.org/Ünïcode",
            LinkStatus.FETCHED,
            LinkState.UNREAD,
            "Fetched",
            "text/html",
            new Details("Déjà vu", null, null, null, null, null),
            null,
            new Edits("Mine, İstanbul", null, "A note", new Tags(List.of("b tag", "a"))),
            Instant.EPOCH,
            Instant.EPOCH);

    assertEquals(
        " mine istanbul | deja vu | https example org unicode | a note | a | b tag ",
        link.searchText());
  }

  @Test
  void aLongRunIsSearchedInPiecesAndALongTextIsCutAtAWord() {
    String run = "a".repeat(250);

    assertEquals(List.of("a".repeat(100), "a".repeat(100), "a".repeat(50)), Words.of(run));
    String document = Words.document(List.of("word ".repeat(20_000)));
    assertTrue(document.length() <= Words.MAX_DOCUMENT && document.endsWith(" word "));
  }
}
