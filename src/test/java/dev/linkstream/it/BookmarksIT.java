package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Eventually;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bookmark files in and out: an import's progress, on the stream too, its refusals, the export. */
class BookmarksIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String HEADER =
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n";

  // The server is shared by every test class: words of this test's own.
  private final String unique = "b" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void anImportIsCountedAtOnceThenStoredAndFetchedAndEveryStepIsStreamed() throws Exception {
    String stored = origin.titled(unique + " stored");
    api.submit(stored);
    String entries =
        IntStream.range(0, 30)
                .mapToObj(
                    n ->
                        "<DT><A HREF=\""
                            + origin.titled(unique + " " + n)
                            + "\" ADD_DATE=\""
                            + (1_600_000_000L + n)
                            + "\">Bookmark "
                            + n
                            + "</A>\n")
                .collect(Collectors.joining())
            + "<DT><A HREF=\""
            + stored
            + "\" TAGS=\""
            + unique
            + "\">Again</A>\n"
            + "<DT><A HREF=\"javascript:void(0)\">A bookmarklet</A>\n";
    String file =
        HEADER + "<DT><H3>" + unique + " folder</H3>\n<DL><p>\n" + entries + "</DL><p>\n</DL><p>\n";

    try (Subscriber subscriber = new Subscriber(api.stream());
        Response response =
            api.root
                .path("api/imports")
                .request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(file, MediaType.TEXT_HTML))) {
      assertEquals(202, response.getStatus(), () -> response.readEntity(String.class));
      JsonObject started = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(32, started.getInt("total"));
      assertEquals(1, started.getInt("invalid"));
      assertEquals(
          "url must be an absolute http:// or https:// URL",
          started.getJsonArray("problems").getJsonObject(0).getString("reason"));
      URI location = response.getLocation();
      assertTrue(
          location.getPath().endsWith("/api/imports/" + started.getInt("id")), location.toString());

      JsonObject done =
          Eventually.value(
              DEADLINE,
              () -> Optional.of(progress(location)).filter(now -> now.getBoolean("done")),
              () -> "the import to end: " + progress(location));
      assertEquals(30, done.getInt("added"));
      assertEquals(1, done.getInt("duplicates"));
      assertEquals(30, done.getInt("fetched"));
      subscriber.await(
          events ->
              events.stream()
                  .anyMatch(
                      event ->
                          event.name().equals("import-update") && event.data().getBoolean("done")),
          DEADLINE);
    }
    JsonArray inFolder = links("tag", unique + " folder");
    assertEquals(31, inFolder.size(), "the 30 added and the stored one, given the folder's tag");
    JsonObject first =
        inFolder.getValuesAs(JsonObject.class).stream()
            .filter(link -> (unique + " 0").equals(link.getString("title")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no link has the fetched title " + unique + " 0"));
    assertEquals(Instant.ofEpochSecond(1_600_000_000L).toString(), first.getString("submittedAt"));
    assertEquals("unread", first.getString("state"));
    assertEquals(1, links("tag", unique).size(), "the stored link got the file's tag");
  }

  @Test
  void aFormsFileFieldIsImportedToo() {
    String file =
        HEADER + "<DT><A HREF=\"" + origin.titled(unique + " form") + "\">Form</A>\n</DL><p>\n";
    // As a browser sends a form with a file: written out, so that the test needs no multipart
    // library of the client's.
    String boundary = "linkstream-" + unique;
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bookmarks.html\""
            + "\r\nContent-Type: text/html\r\n\r\n"
            + file
            + "\r\n--"
            + boundary
            + "--\r\n";
    try (Response response =
        api.root
            .path("api/imports")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.entity(form, "multipart/form-data; boundary=" + boundary))) {
      assertEquals(202, response.getStatus(), () -> response.readEntity(String.class));
      assertEquals(1, ((JsonObject) Api.parse(response.readEntity(String.class))).getInt("total"));
    }
  }

  @Test
  void aFileThatIsNoBookmarkFileCutShortOrTooLargeIsRefusedAndNothingIsStored() {
    String cut = HEADER + "<DT><A HREF=\"" + origin.titled(unique + " cut") + "\">Cut</A>\n";
    refused(
        "<html><body><a href=\"" + origin.titled(unique) + "\">x</a></body></html>",
        400,
        "not a bookmark file");
    refused(cut, 400, "cut short");
    refused(HEADER + "x".repeat(21 * 1024 * 1024) + "</DL>", 413, "larger than 20971520 bytes");
    assertEquals(0, links("q", unique).size());
  }

  @Test
  void everyLinkIsExportedWithItsTagsNoteAndState() {
    String url = origin.titled(unique + " exported");
    try (Response response = api.post("{\"url\":\"" + url + "\",\"tags\":[\"" + unique + "\"]}")) {
      assertEquals(202, response.getStatus());
    }
    String html = api.root.path("api/export").request("text/html").get(String.class);
    assertTrue(html.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"), html);
    assertTrue(html.contains("HREF=\"" + url + "\""), html);
    assertTrue(html.contains("TAGS=\"" + unique + "\" TOREAD=\"1\""), html);

    try (Response json =
        api.root
            .path("api/export")
            .queryParam("format", "json")
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      assertEquals(200, json.getStatus());
      assertTrue(
          json.getHeaderString("Content-Disposition")
              .matches("attachment; filename=\"linkstream-.*\\.json\""));
      JsonArray all = (JsonArray) Api.parse(json.readEntity(String.class));
      assertTrue(
          all.getValuesAs(JsonObject.class).stream()
              .anyMatch(link -> url.equals(link.getString("url"))));
    }
    try (Response bad = api.root.path("api/export").queryParam("format", "csv").request().get()) {
      assertEquals(400, bad.getStatus());
      assertTrue(bad.readEntity(String.class).contains("format must be netscape"));
    }
  }

  private void refused(String file, int status, String detail) {
    try (Response response =
        api.root
            .path("api/imports")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.entity(file, MediaType.TEXT_HTML))) {
      assertEquals(status, response.getStatus());
      String body = response.readEntity(String.class);
      assertTrue(body.contains(detail), body);
    }
  }

  private JsonObject progress(URI location) {
    return (JsonObject)
        Api.parse(api.follow(location).request(MediaType.APPLICATION_JSON).get(String.class));
  }

  private JsonArray links(String parameter, String value) {
    return (JsonArray)
        Api.parse(
            api.links()
                .queryParam(parameter, value)
                .queryParam("limit", 500)
                .request(MediaType.APPLICATION_JSON)
                .get(String.class));
  }
}
