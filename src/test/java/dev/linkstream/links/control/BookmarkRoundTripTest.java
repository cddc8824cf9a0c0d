package dev.linkstream.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.bookmarks.entity.BookmarkFile;
import dev.linkstream.bookmarks.entity.NetscapeReader;
import dev.linkstream.bookmarks.entity.NetscapeWriter;
import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Import;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEdit;
import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import dev.linkstream.platform.entity.Jsonp;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every link exported as a bookmark file and imported into an empty Linkstream comes back. */
class BookmarkRoundTripTest {

  @TempDir Path from;
  @TempDir Path to;

  @Test
  void anExportImportedIntoAnEmptyLinkstreamGivesBackEveryLink() {
    Database source = Databases.H2.open(from);
    Database target = Databases.H2.open(to);
    try {
      LinkStore original = StandaloneStore.on(source);
      long a = link(original, "https://example.org/a?x=1&y=2", "A <b> & \"c\"", "java, ee");
      original.edit(a, edit("{\"note\":\"Line one\\nline <two> & three\",\"state\":\"archived\"}"));
      long b = link(original, "https://example.org/b", null, "");
      original.edit(b, edit("{\"state\":\"read\",\"title\":\"My own title\"}"));
      link(original, "https://example.org/c", "Café — crème", "façade");
      List<Link> exported = original.page(500, Long.MAX_VALUE, LinkFilter.ALL).links();
      String file =
          NetscapeWriter.HEADER
              + exported.stream().map(NetscapeWriter::entry).collect(Collectors.joining())
              + NetscapeWriter.FOOTER;

      LinkStore copy = StandaloneStore.on(target);
      BookmarkFile read = NetscapeReader.read(file);
      Import started = copy.startImport(read.bookmarks().size(), read.problems());
      copy.importSome(started.id(), read.bookmarks());

      assertEquals(
          exported.stream().map(BookmarkRoundTripTest::essence).sorted().toList(),
          copy.page(500, Long.MAX_VALUE, LinkFilter.ALL).links().stream()
              .map(BookmarkRoundTripTest::essence)
              .sorted()
              .toList());
    } finally {
      Databases.close(source);
      Databases.close(target);
    }
  }

  @Test
  void aStoredUrlIsMergedOnceNotStoredAgain() {
    Database database = Databases.H2.open(from);
    try {
      LinkStore store = StandaloneStore.on(database);
      long id = link(store, "https://example.org/a%20b", "Stored", "old");
      BookmarkFile read =
          NetscapeReader.read(
              NetscapeWriter.HEADER
                  + "<DT><A HREF=\"HTTPS://example.org:443/a%20b#x\" TAGS=\"new\">Again</A>\n"
                  + "<DD>A note\n"
                  + "<DT><A HREF=\"https://example.org/c\">New</A>\n"
                  + "<DT><A HREF=\"https://example.org/c\">New again</A>\n"
                  + NetscapeWriter.FOOTER);
      Import started = store.startImport(read.bookmarks().size(), read.problems());

      List<Link> added = store.importSome(started.id(), read.bookmarks());

      assertEquals(List.of("https://example.org/c"), added.stream().map(Link::url).toList());
      Import counted = store.findImport(started.id()).orElseThrow();
      assertEquals(
          List.of(1, 2, 0), List.of(counted.added(), counted.duplicates(), counted.fetched()));
      Link merged = store.find(id).orElseThrow();
      assertEquals(List.of("new", "old"), merged.edits().tags().names());
      assertEquals("A note", merged.edits().note());

      store.record(FetchResult.fetched(added.get(0).id(), "C", "text/html", Details.NONE));
      store.record(FetchResult.fetched(added.get(0).id(), "C again", "text/html", Details.NONE));
      assertEquals(1, store.findImport(started.id()).orElseThrow().fetched(), "once per link");
      assertEquals(true, store.findImport(started.id()).orElseThrow().done());
    } finally {
      Databases.close(database);
    }
  }

  /** What a bookmark file keeps of a link: all but ids, fetch details and the time of changes. */
  private static String essence(Link link) {
    String title = link.edits().title() != null ? link.edits().title() : link.title();
    return String.join(
        " | ",
        link.url(),
        String.valueOf(title),
        link.edits().tags().names().toString(),
        String.valueOf(link.edits().note()),
        link.state().toJSON(),
        link.submittedAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static long link(LinkStore store, String url, String title, String tags) {
    long id = store.submit(SubmittedUrl.parse(url), Tags.fromText(tags), null).link().id();
    if (title != null) {
      store.record(FetchResult.fetched(id, title, "text/html", Details.NONE));
    }
    return id;
  }

  private static LinkEdit edit(String json) {
    try (var reader = Jsonp.reader(json)) {
      return LinkEdit.fromJSON(reader.readObject());
    }
  }
}
