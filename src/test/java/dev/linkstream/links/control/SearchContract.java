package dev.linkstream.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEdit;
import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import dev.linkstream.platform.entity.Jsonp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a search finds, the same on every database: one table of queries and their answers. */
abstract class SearchContract {

  @TempDir Path dir;
  Database database;
  LinkStore store;

  abstract Databases kind();

  @BeforeEach
  void open() {
    database = kind().open(dir);
    store = StandaloneStore.on(database);
  }

  @AfterEach
  void close() {
    Databases.close(database);
  }

  @Test
  void findsLinksByEveryFieldAlikeOnEveryDatabase() {
    link("java", "https://example.org/java", "Jakarta EE 10 and Java 17", "Servlets, CDI", null);
    link("cafe", "https://example.org/cafe", "Café Crème à Paris", "Où boire un café", "tres bien");
    link("york", "https://news.example.com/ny", "New York City guide", "The big apple", null);
    link("yorker", "https://example.net/mag", "The New Yorker", "Magazine", "read the new issue");
    link("note", "https://example.com/x", "Nothing here", null, "remember: JavaScript is not Java");
    link("tagged", "https://example.com/t", "Untitled", null, null, "reading-list", "java");
    Map<String, List<String>> expected = new TreeMap<>();
    expected.put("java", List.of("java", "note", "tagged"));
    expected.put("JAVA", List.of("java", "note", "tagged"));
    expected.put("jav", List.of("java", "note", "tagged"));
    expected.put("javascript", List.of("note"));
    expected.put("cafe", List.of("cafe"));
    expected.put("CAFÉ crème", List.of("cafe"));
    expected.put("creme paris", List.of("cafe"));
    expected.put("\"new york\"", List.of("york", "yorker"));
    expected.put("\"new york city\"", List.of("york"));
    expected.put("\"york new\"", List.of());
    expected.put("\"new yor", List.of("york", "yorker"));
    expected.put("new -yorker", List.of("york"));
    expected.put("new -\"york city\"", List.of("yorker"));
    expected.put("\"guide the\"", List.of());
    expected.put("example.com", List.of("note", "tagged", "york"));
    expected.put("example.com/x", List.of("note"));
    expected.put("news.example", List.of("york"));
    expected.put("ork", List.of());
    expected.put("tag:java", List.of("tagged"));
    expected.put("tag:Reading-List untitled", List.of("tagged"));
    expected.put("reading", List.of("tagged"));
    expected.put("java -tag:java", List.of("java", "note"));
    expected.put("tag:jav", List.of());
    expected.put("servlets cdi", List.of("java"));
    expected.put("issue", List.of("yorker"));
    expected.put("-e", List.of());
    expected.put("-cafe -java -\"new york city\"", List.of("yorker"));
    expected.put("-york", List.of("cafe", "java", "note", "tagged"));
    expected.put("10 17", List.of("java"));
    expected.put("++ -", List.of("cafe", "java", "note", "tagged", "york", "yorker"));
    expected.put("100%", List.of());
    expected.put("a_c", List.of());

    Map<String, List<String>> found = new TreeMap<>();
    expected.keySet().forEach(query -> found.put(query, search(query, LinkFilter.ALL)));

    assertEquals(expected, found);
  }

  @Test
  void searchesWithinTheStatesAndTagsAsked() {
    link("a", "https://example.org/a", "Search engines", null, null, "web");
    long b = link("b", "https://example.org/b", "Search trees", null, null, "cs");
    store.edit(b, LinkEdit.moveTo(LinkState.ARCHIVED));

    assertEquals(List.of("a"), search("search", LinkFilter.INBOX));
    assertEquals(List.of("b"), search("search", LinkFilter.fromQuery("archived")));
    assertEquals(List.of("b"), search("search", LinkFilter.ALL.tagged(List.of("cs"))));
  }

  @Test
  void findsWhatAPersonWroteInsteadOfWhatAFetchFound() {
    long id = link("a", "https://example.org/a", "Fetched title", "Fetched words", null);

    store.edit(id, edit("{\"title\":\"My title\",\"description\":null}"));
    assertEquals(List.of("a"), search("my title", LinkFilter.ALL));
    assertEquals(List.of(), search("\"fetched title\"", LinkFilter.ALL));

    store.record(FetchResult.fetched(id, "Refetched", "text/html", Details.NONE));
    assertEquals(List.of("a"), search("my title", LinkFilter.ALL));
    store.edit(id, edit("{\"tags\":[\"kept\"],\"note\":\"Nouvelle idée\"}"));
    assertEquals(List.of("a"), search("kept idee", LinkFilter.ALL));
  }

  @Test
  void linksStoredBeforeSearchAreFoundOnceTheStoreHasStarted() throws Exception {
    link("old", "https://example.org/old", "An old link", null, null);
    try (Connection connection = Databases.connect(database);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM link_search");
    }
    assertEquals(List.of(), search("old", LinkFilter.ALL));

    store.makeSearchable(null);

    assertEquals(List.of("old"), search("old", LinkFilter.ALL));
  }

  private final Map<Long, String> names = new TreeMap<>();

  private long link(
      String name, String url, String title, String description, String note, String... tags) {
    long id = store.submit(SubmittedUrl.parse(url), new Tags(List.of(tags)), null).link().id();
    store.record(
        FetchResult.fetched(
            id, title, "text/html", new Details(description, null, null, null, null, null)));
    if (note != null) {
      store.edit(id, edit(Jsonp.object().add("note", note).build().toString()));
    }
    names.put(id, name);
    return id;
  }

  private static LinkEdit edit(String json) {
    try (var reader = Jsonp.reader(json)) {
      return LinkEdit.fromJSON(reader.readObject());
    }
  }

  private List<String> search(String query, LinkFilter filter) {
    return store.page(100, Long.MAX_VALUE, filter.searching(query)).links().stream()
        .map(Link::id)
        .map(names::get)
        .sorted()
        .collect(Collectors.toList());
  }
}
