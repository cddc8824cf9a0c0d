package dev.linkstream.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.linkstream.links.entity.Details;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {

  private static final URI URL = URI.create("https://news.test/2026/11/story");

  @Test
  void readsEveryDetailAPageGivesAndResolvesRelativeUrls() {
    HtmlReader.Page page =
        read(
            """
            <meta property="og:title" content="The Story">
            <meta property="og:description" content="  What happened,\n in short. ">
            <meta property="og:site_name" content="News &amp; Co">
            <meta property="og:image" content="/img/story.jpg">
            <link rel="canonical" href="https://news.test/story">
            <link rel="shortcut icon" href="favicon.png">
            <title>The Story | News &amp; Co</title>
            """);
    assertEquals("The Story", page.title());
    assertEquals(
        new Details(
            "What happened, in short.",
            "News & Co",
            "https://news.test/story",
            "https://news.test/img/story.jpg",
            "https://news.test/2026/11/favicon.png",
            null),
        page.details());
  }

  @Test
  void fallsBackToThePlainNamesOfEachDetail() {
    Details details =
        read("""
                <meta name="description" content="Plain description">
                <meta name="application-name" content="The App">
                <meta name="twitter:image" content="https://cdn.test/i.png">
                <meta property="og:url" content="https://news.test/story?ref=og">
                <link rel="apple-touch-icon" href="/touch.png">
                """)
            .details();
    assertEquals("Plain description", details.description());
    assertEquals("The App", details.siteName());
    assertEquals("https://cdn.test/i.png", details.imageUrl());
    assertEquals("https://news.test/story?ref=og", details.canonicalUrl());
    assertEquals("https://news.test/touch.png", details.iconUrl());
  }

  @Test
  void keepsOnlyWebUrlsThatAPageCanSafelyLinkTo() {
    Details details =
        read("""
                <meta property="og:image" content="javascript:alert(1)">
                <link rel="canonical" href="data:text/html,<script>alert(1)</script>">
                <link rel="icon" href="https://news.test/%ZZ bad">
                """)
            .details();
    assertNull(details.imageUrl());
    assertNull(details.canonicalUrl());
    assertNull(details.iconUrl());
  }

  @Test
  void encodesAnInternationalUrlAsAscii() {
    Details details =
        read("<meta property=\"og:image\" content=\"https://news.test/bild/äpfel.png\">").details();
    assertEquals("https://news.test/bild/%C3%A4pfel.png", details.imageUrl());
  }

  @Test
  void capsADescriptionWithoutCuttingACharacter() {
    String long_ = "word ".repeat(200);
    Details details = read("<meta name=\"description\" content=\"" + long_ + "\">").details();
    assertEquals(HtmlReader.MAX_DESCRIPTION, details.description().length());
  }

  @Test
  void keepsMarkupInATitleAsText() {
    HtmlReader.Page page = read("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</title>");
    assertEquals("<script>alert(1)</script> &amp;", page.title());
  }

  @Test
  void namesAnUntitledPageByItsUrl() {
    assertEquals("story", read("<meta charset=utf-8>").title());
  }

  private static HtmlReader.Page read(String head) {
    String html = "<!doctype html><html><head>" + head + "</head><body><p>x</p></body></html>";
    return HtmlReader.read(html.getBytes(StandardCharsets.UTF_8), "utf-8", URL);
  }
}
