package dev.linkstream.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void prefersTheArticlesOwnNameOverTheSiteDecoratedTitle() throws IOException {
    assertEquals(Optional.of("The Article"), Titles.fromHtml(page("og-title.html")));
  }

  @Test
  void collapsesWhitespaceAndDecodesEntitiesExactlyOnce() throws IOException {
    assertEquals(
        Optional.of("Tom &amp; Jerry — the <b>cartoon</b>"),
        Titles.fromHtml(page("title-only.html")));
  }

  @Test
  void fallsBackToTwitterTitleThenFirstHeading() throws IOException {
    assertEquals(Optional.of("From Twitter"), Titles.fromHtml(page("twitter-only.html")));
    assertEquals(Optional.of("The first heading"), Titles.fromHtml(page("h1-only.html")));
  }

  @Test
  void findsNothingInAnUntitledPage() throws IOException {
    assertTrue(Titles.fromHtml(page("untitled.html")).isEmpty());
  }

  @Test
  void stripsControlAndBidiCharacters() throws IOException {
    assertEquals(Optional.of("evil bell line"), Titles.fromHtml(page("controls.html")));
  }

  @Test
  void capsLengthWithoutSplittingACharacter() {
    String emoji = "\uD83D\uDE00";
    String title = Titles.clean("a".repeat(Titles.MAX_LENGTH - 2) + emoji + "tail");
    assertEquals(Titles.MAX_LENGTH - 2 + 1, title.length());
    assertTrue(title.endsWith("a…"));
    assertFalse(Character.isHighSurrogate(title.charAt(title.length() - 2)));
  }

  @Test
  void namesAFileByTheLastSegmentOfItsPath() {
    assertEquals(
        "report 2024.pdf", Titles.fromUrl(URI.create("https://x.org/docs/report%202024.pdf")));
    assertEquals("docs", Titles.fromUrl(URI.create("https://x.org/docs/")));
    assertEquals("x.org", Titles.fromUrl(URI.create("https://x.org")));
  }

  private static Document page(String name) throws IOException {
    try (InputStream html = TitlesTest.class.getResourceAsStream("/pages/" + name)) {
      return Jsoup.parse(html, null, "https://example.org/");
    }
  }
}
