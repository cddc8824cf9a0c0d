package dev.linkstream.bookmarks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.ImportProblem;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bookmark files made as each browser and link saver documents its export. */
class NetscapeReaderTest {

  @Test
  void chromesFoldersAreTagsButTheBookmarksBarIsNotAndBookmarkletsAreRefused() throws Exception {
    BookmarkFile file = NetscapeReader.read(file("chrome.html"));

    assertEquals(
        List.of(
            bookmark("https://jakarta.ee/", "Jakarta® EE & MicroProfile", 1700000001L, List.of()),
            bookmark("https://openjdk.org/", "OpenJDK", 1700000004L, List.of("java")),
            bookmark(
                "https://payara.fish/",
                "Payara",
                1700000007L,
                List.of("java", "app servers jakarta")),
            bookmark("https://openliberty.io/", "Open Liberty", 1700000008L, List.of("java")),
            bookmark("https://example.org/no-date", "No date", null, List.of("other bookmarks"))),
        file.bookmarks());
    assertEquals(
        List.of(
            new ImportProblem(
                "A bookmarklet (javascript:alert(document.title))",
                "url must be an absolute http:// or https:// URL")),
        file.problems());
  }

  @Test
  void firefoxsTagsDescriptionsAndEntitiesAreReadAndPlacesRefused() throws Exception {
    BookmarkFile file = NetscapeReader.read(file("firefox.html"));

    Bookmark help = file.bookmarks().get(0);
    assertEquals(List.of("firefox", "help", "mozilla firefox"), help.tags().names());
    assertEquals("Firefox support <help>\non two lines", help.note());
    assertEquals(Instant.ofEpochSecond(1690000001L), help.addedAt());
    Bookmark about = file.bookmarks().get(1);
    assertEquals(List.of(), about.tags().names(), "the toolbar is every browser's, not a tag");
    assertEquals(null, about.note(), "a folder's description is not its first bookmark's note");
    Bookmark cafe = file.bookmarks().get(2);
    assertEquals("Café — the menu", cafe.title());
    assertEquals(List.of(), cafe.tags().names());
    assertEquals(3, file.bookmarks().size());
    assertEquals(1, file.problems().size());
    assertTrue(file.problems().get(0).entry().startsWith("Recently Bookmarked (place:"));
  }

  @Test
  void safarisReadingListIsAFolderLikeAnyOther() throws Exception {
    BookmarkFile file = NetscapeReader.read(file("safari.html"));

    assertEquals(
        List.of(
            bookmark("https://www.apple.com/", "Apple", null, List.of("favorites")),
            bookmark("https://webkit.org/", "WebKit", null, List.of("reading list"))),
        file.bookmarks());
  }

  @Test
  void linkdingsToReadMarksWhatIsUnreadAndItsDescriptionIsTheNote() throws Exception {
    List<Bookmark> bookmarks = NetscapeReader.read(file("linkding.html")).bookmarks();

    assertEquals(LinkState.UNREAD, bookmarks.get(0).state());
    assertEquals("Self-hosted bookmark manager", bookmarks.get(0).note());
    assertEquals(List.of("bookmarks", "selfhosted"), bookmarks.get(0).tags().names());
    assertEquals(LinkState.READ, bookmarks.get(1).state());
    assertEquals(
        bookmarks.get(1).url(), bookmarks.get(2).url(), "one page however its URL was written");
  }

  @Test
  void pocketsReadArchiveIsArchived() throws Exception {
    List<Bookmark> bookmarks = NetscapeReader.read(file("pocket.html")).bookmarks();

    assertEquals(
        List.of(
            new Bookmark(
                SubmittedUrl.parse("https://example.org/unread"),
                "Unread article",
                Instant.ofEpochSecond(1600000000L),
                new Tags(List.of("later", "long read")),
                null,
                LinkState.UNREAD),
            new Bookmark(
                SubmittedUrl.parse("https://example.org/read"),
                "Read article",
                Instant.ofEpochSecond(1600000001L),
                Tags.NONE,
                null,
                LinkState.ARCHIVED)),
        bookmarks);
  }

  @Test
  void whatLinkstreamWritesItReadsBack() throws Exception {
    String written =
        NetscapeWriter.HEADER
            + "    <DT><A HREF=\"https://example.org/a?x=1&amp;y=2\" ADD_DATE=\"1\""
            + " LAST_MODIFIED=\"2\" TAGS=\"a,b c\" TOREAD=\"0\" ARCHIVED=\"1\">A &amp; B</A>\n"
            + "    <DD>Line one\nline &lt;two&gt;\n"
            + "    <DT><A HREF=\"https://example.org/b\" ADD_DATE=\"1700000000123\" TAGS=\"\""
            + " TOREAD=\"1\"></A>\n"
            + NetscapeWriter.FOOTER;

    List<Bookmark> bookmarks = NetscapeReader.read(written).bookmarks();

    assertEquals(
        new Bookmark(
            SubmittedUrl.parse("https://example.org/a?x=1&y=2"),
            "A & B",
            Instant.ofEpochSecond(1),
            new Tags(List.of("a", "b c")),
            "Line one\nline <two>",
            LinkState.ARCHIVED),
        bookmarks.get(0));
    assertEquals(null, bookmarks.get(1).title());
    assertEquals(Instant.ofEpochMilli(1700000000123L), bookmarks.get(1).addedAt());
  }

  @Test
  void aFileThatIsNoBookmarkFileOrIsCutShortIsRefusedWhole() throws Exception {
    String chrome = file("chrome.html");

    IllegalArgumentException cut =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetscapeReader.read(chrome.substring(0, chrome.indexOf("Payara"))));
    assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
    for (String text :
        List.of("<html><body><a href=\"https://example.org/\">x</a></body></html>", "{}", "")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> NetscapeReader.read(text));
      assertTrue(refused.getMessage().contains("not a bookmark file"), refused.getMessage());
    }
  }

  private static Bookmark bookmark(String url, String title, Long added, List<String> tags) {
    return new Bookmark(
        SubmittedUrl.parse(url),
        title,
        added == null ? null : Instant.ofEpochSecond(added),
        new Tags(tags),
        null,
        LinkState.UNREAD);
  }

  private static String file(String name) throws IOException {
    try (InputStream in = NetscapeReaderTest.class.getResourceAsStream("/bookmarks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
