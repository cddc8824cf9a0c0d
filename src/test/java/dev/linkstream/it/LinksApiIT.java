package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksApiIT extends DeployedWar {

  private static final String PROBLEM = "application/problem+json";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Test
  void aJsonSubmissionIsAcceptedAtOnceAsPending() {
    String url = origin.titled("Article");
    try (Response response =
        api.post(Json.createObjectBuilder().add("url", url).build().toString())) {
      assertEquals(202, response.getStatus());
      JsonObject link = (JsonObject) Api.parse(response.readEntity(String.class));
      long id = link.getJsonNumber("id").longValue();
      assertTrue(
          response.getLocation().getPath().endsWith("/api/links/" + id),
          response.getLocation().toString());
      assertEquals(url, link.getString("url"));
      assertEquals("pending", link.getString("status"));
      for (String unknown : List.of("title", "contentType", "error")) {
        assertEquals(JsonValue.NULL, link.get(unknown), unknown);
      }
      assertEquals(link.getString("submittedAt"), link.getString("updatedAt"));
      assertEquals(link.getString("url"), api.link(id).getString("url"));
    }
  }

  @Test
  void aFormSubmissionIsAcceptedToo() {
    String url = origin.titled("Form");
    Form form = new Form("url", url);
    try (Response response =
        api.links().request(MediaType.APPLICATION_JSON).post(Entity.form(form))) {
      assertEquals(202, response.getStatus());
      JsonObject link = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(url, link.getString("url"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"url\":\"ftp://example.org/\"}",
        "{\"url\":\"not a url\"}",
        "{\"url\":\"https://user:secret@example.org/\"}",
        "{\"url\":42}",
        "{}",
        "[\"https://example.org/\"]",
        "{\"url\":",
      })
  void badInputIsExplainedAndNothingIsStored(String body) {
    JsonArray before = api.all();
    try (Response response = api.post(body)) {
      assertEquals(400, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
      JsonObject problem = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(400, problem.getInt("status"));
      assertTrue(problem.getString("detail").contains("url"), problem.toString());
    }
    assertEquals(before, api.all());
  }

  @Test
  void theSameUrlAgainAnswersTheStoredLink() {
    String url = origin.titled("Twice");
    JsonObject first = api.submit(url);
    String sameUrl = url.replace("http://127.0.0.1:", "HTTP://127.0.0.1:") + "#fragment";
    try (Response again = api.post(json(sameUrl))) {
      assertEquals(200, again.getStatus());
      JsonObject link = (JsonObject) Api.parse(again.readEntity(String.class));
      assertEquals(first.getJsonNumber("id"), link.getJsonNumber("id"));
      assertTrue(again.getLocation().getPath().endsWith("/api/links/" + link.getJsonNumber("id")));
    }
  }

  @Test
  void concurrentSubmissionsOfOneUrlMakeOneLink() throws Exception {
    String body = json(origin.titled("Crowd"));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<JsonObject>> answers = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        answers.add(
            pool.submit(
                () -> {
                  try (Response response = api.post(body)) {
                    assertTrue(response.getStatus() == 200 || response.getStatus() == 202);
                    return (JsonObject) Api.parse(response.readEntity(String.class));
                  }
                }));
      }
      Set<JsonValue> ids = new HashSet<>();
      for (Future<JsonObject> answer : answers) {
        ids.add(answer.get(30, TimeUnit.SECONDS).get("id"));
      }
      assertEquals(1, ids.size(), ids.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oversizedAndOddUrlsAreAnsweredNeverWithA500() {
    String tooLong = "https://example.org/" + "é".repeat(1_500);
    try (Response response = api.post(json(tooLong))) {
      assertEquals(400, response.getStatus());
      assertTrue(response.readEntity(String.class).contains("once encoded"));
    }
    String odd = origin.url("/titled/") + "🔗%20Ünï‮code";
    JsonObject link = api.submit(odd);
    assertTrue(link.getString("url").endsWith("/titled/%F0%9F%94%97%20%C3%9Cn%C3%AF%E2%80%AEcode"));
  }

  @Test
  void aLinkCanBeRemovedOnce() {
    long id = api.submit(origin.titled("Removable")).getJsonNumber("id").longValue();
    try (Response response = api.links().path(String.valueOf(id)).request().delete()) {
      assertEquals(204, response.getStatus());
    }
    try (Response response = api.links().path(String.valueOf(id)).request().delete()) {
      assertEquals(404, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
    }
  }

  @Test
  void aRefetchAnswersThePendingLink() {
    long id = api.submit(origin.titled("Again")).getJsonNumber("id").longValue();
    try (Response response =
        api.links().path(id + "/refetch").request(MediaType.APPLICATION_JSON).post(null)) {
      assertEquals(202, response.getStatus());
      JsonObject link = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals("pending", link.getString("status"));
    }
    try (Response response =
        api.links().path("987654321/refetch").request(MediaType.APPLICATION_JSON).post(null)) {
      assertEquals(404, response.getStatus());
    }
  }

  @Test
  void theListComesInPagesLinkedFromOneToTheNext() {
    List<Long> ids = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      ids.add(api.submit(origin.titled("Paged " + n)).getJsonNumber("id").longValue());
    }
    try (Response first =
        api.links().queryParam("limit", 2).request(MediaType.APPLICATION_JSON).get()) {
      assertEquals(List.of(ids.get(4), ids.get(3)), idsOf(first));
      try (Response second = api.follow(first.getLink("next").getUri()).request().get()) {
        assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(second));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=501", "limit=ten", "before=-1", "before=x"})
  void aBadPageRequestIsExplained(String query) {
    String[] parameter = query.split("=");
    try (Response response =
        api.links()
            .queryParam(parameter[0], parameter[1])
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      assertEquals(400, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
      assertTrue(response.readEntity(String.class).contains(parameter[0] + " must be"));
    }
  }

  @Test
  void anUnknownLinkIsAProblemNotFound() {
    for (String id : List.of("987654321", "not-a-number")) {
      try (Response response = api.links().path(id).request(MediaType.APPLICATION_JSON).get()) {
        assertEquals(404, response.getStatus());
        assertEquals(PROBLEM, response.getMediaType().toString());
        assertEquals(
            404, ((JsonObject) Api.parse(response.readEntity(String.class))).getInt("status"));
      }
    }
  }

  @Test
  void theListIsNewestFirst() {
    long older = api.submit(origin.titled("Older")).getJsonNumber("id").longValue();
    long newer = api.submit(origin.titled("Newer")).getJsonNumber("id").longValue();
    JsonArray all = api.all();
    assertEquals(newer, all.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(older, all.getJsonObject(1).getJsonNumber("id").longValue());
  }

  @Test
  void aLinkIsMarkedReadArchivedAndUnreadAndEveryStreamIsTold() throws Exception {
    JsonObject before = counts();
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long id = api.submit(origin.titled("To work through")).getJsonNumber("id").longValue();
      assertEquals("unread", api.link(id).getString("state"));
      assertEquals(before.getInt("unread") + 1, counts().getInt("unread"));

      assertEquals("read", edit(id, "{\"state\":\"read\"}", MediaType.APPLICATION_JSON));
      assertEquals(before.getInt("read") + 1, counts().getInt("read"));
      assertTrue(inState("inbox").contains(id));
      assertEquals(
          "archived", edit(id, "{\"state\":\"archived\"}", "application/merge-patch+json"));
      assertFalse(inState("inbox").contains(id));
      assertTrue(inState("archived").contains(id));
      assertEquals(before.getInt("archived") + 1, counts().getInt("archived"));
      assertEquals("unread", edit(id, "{\"state\":\"unread\"}", MediaType.APPLICATION_JSON));
      // Changes nothing, so sends nothing: the next link's event comes right after the last.
      assertEquals("unread", edit(id, "{\"state\":\"unread\"}", MediaType.APPLICATION_JSON));
      long marker = api.submit(origin.titled("After the edits")).getJsonNumber("id").longValue();

      List<Received> events = subscriber.await(has(marker), DEADLINE);
      List<String> states =
          events.stream()
              .filter(event -> event.data().getJsonNumber("id").longValue() == id)
              .map(event -> event.data().getString("state"))
              .toList();
      assertEquals(List.of("unread", "read", "archived", "unread"), withoutRepeats(states));
      assertEquals(before.getInt("all") + 2, counts().getInt("all"));
    }
  }

  @Test
  void aPersonsTitleDescriptionAndNoteOutliveARefetchAndSayTheyAreTheirs() throws Exception {
    String url = origin.titled("Fetched title");
    long id = api.submit(url).getJsonNumber("id").longValue();
    String body =
        Json.createObjectBuilder()
            .add("title", "  My own\ntitle ")
            .add("note", "Read this twice.\r\n<script>alert(1)</script>")
            .build()
            .toString();
    try (Response response = patch(id, body, MediaType.APPLICATION_JSON)) {
      assertEquals(200, response.getStatus());
      JsonObject link = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals("My own title", link.getString("title"));
      assertEquals("Read this twice.\n<script>alert(1)</script>", link.getString("note"));
      assertEquals(List.of("title"), edited(link));
    }
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      api.links().path(id + "/refetch").request().post(null).close();
      subscriber.await(fetched(id), DEADLINE);
    }
    assertEquals("My own title", api.link(id).getString("title"));

    assertEquals(200, patch(id, "{\"title\":null}", MediaType.APPLICATION_JSON).getStatus());
    assertEquals("Fetched title", api.link(id).getString("title"));
    assertEquals(List.of(), edited(api.link(id)));
    try (Response response =
        patch(id, "{\"note\":\"" + "n".repeat(10_001) + "\"}", MediaType.APPLICATION_JSON)) {
      assertEquals(400, response.getStatus());
      assertTrue(response.readEntity(String.class).contains("at most 10000 characters"));
    }
    assertTrue(api.link(id).getString("note").startsWith("Read this twice."));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}|state",
        "{\"state\":\"done\"}|state must be unread, read or archived",
        "{\"state\":\"read\",\"url\":\"https://e.org/\"}|\"url\"",
        "[\"read\"]|body must be a JSON object",
        "{\"state\":|body must be a JSON object",
      })
  void aBadEditIsExplainedAndChangesNothing(String bodyAndDetail) {
    String[] parts = bodyAndDetail.split("\\|");
    long id = api.submit(origin.titled("Unchanged by " + parts[0])).getJsonNumber("id").longValue();
    JsonObject link = api.link(id);
    try (Response response = patch(id, parts[0], MediaType.APPLICATION_JSON)) {
      assertEquals(400, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
      String detail =
          ((JsonObject) Api.parse(response.readEntity(String.class))).getString("detail");
      assertTrue(detail.contains(parts[1]), detail);
    }
    assertEquals(link.getString("state"), api.link(id).getString("state"));
    try (Response response = patch(id, "state=read", MediaType.APPLICATION_FORM_URLENCODED)) {
      assertEquals(415, response.getStatus());
    }
    try (Response response = patch(987654321, "{\"state\":\"read\"}", MediaType.APPLICATION_JSON)) {
      assertEquals(404, response.getStatus());
    }
  }

  @Test
  void anUnknownStateIsAProblemThatSaysWhichThereAre() {
    try (Response response =
        api.links().queryParam("state", "new").request(MediaType.APPLICATION_JSON).get()) {
      assertEquals(400, response.getStatus());
      assertTrue(response.readEntity(String.class).contains("inbox (unread and read)"));
    }
  }

  @Test
  void aFilteredListComesInPagesThatKeepTheirFilter() {
    List<Long> ids = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      long id = api.submit(origin.titled("Filtered " + n)).getJsonNumber("id").longValue();
      edit(id, "{\"state\":\"archived\"}", MediaType.APPLICATION_JSON);
      ids.add(id);
    }
    try (Response first =
        api.links()
            .queryParam("state", "archived")
            .queryParam("limit", 2)
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      assertEquals(List.of(ids.get(4), ids.get(3)), idsOf(first));
      try (Response second = api.follow(first.getLink("next").getUri()).request().get()) {
        assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(second));
      }
    }
  }

  @Test
  void aSearchComesInPagesThatKeepItsQuery() {
    String word = "w" + System.nanoTime();
    long first = api.submit(origin.titled(word + " first")).getJsonNumber("id").longValue();
    try (Response tagged =
        api.post("{\"url\":\"" + origin.titled(word + " skipped") + "\",\"tags\":[\"skip\"]}")) {
      assertEquals(202, tagged.getStatus());
    }
    long last = api.submit(origin.titled(word + " last")).getJsonNumber("id").longValue();
    api.submit(origin.titled("Unrelated"));

    try (Response page =
        api.links()
            .queryParam("q", word.toUpperCase(Locale.ROOT) + " -tag:skip")
            .queryParam("limit", 1)
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      assertEquals(List.of(last), idsOf(page));
      try (Response next = api.follow(page.getLink("next").getUri()).request().get()) {
        assertEquals(List.of(first), idsOf(next));
      }
    }
  }

  @Test
  void aBulkChangeSendsOneEventPerLinkChanged() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      ids.add(api.submit(origin.titled("Bulk " + n)).getJsonNumber("id").longValue());
    }
    String body = "{\"ids\":" + ids + ",\"state\":\"archived\",\"addTags\":[\"bulk\"]}";
    try (Subscriber subscriber = new Subscriber(api.stream());
        Response response =
            api.links().path("bulk").request(MediaType.APPLICATION_JSON).post(Entity.json(body))) {
      assertEquals(200, response.getStatus());
      JsonObject answer = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(
          ids,
          answer.getJsonArray("changed").getValuesAs(JsonObject.class).stream()
              .map(link -> link.getJsonNumber("id").longValue())
              .toList());
      assertTrue(answer.getJsonArray("removed").isEmpty());
      subscriber.await(
          events ->
              ids.stream()
                  .allMatch(
                      id ->
                          events.stream()
                              .anyMatch(
                                  event ->
                                      event.data().getJsonNumber("id").longValue() == id
                                          && "archived"
                                              .equals(event.data().getString("state", "")))),
          Duration.ofSeconds(20));
    }
    for (long id : ids) {
      assertEquals("archived", api.link(id).getString("state"));
    }
  }

  @Test
  void aSearchForATagThatCannotBeOneIsExplained() {
    try (Response response =
        api.links().queryParam("q", "tag:a,b").request(MediaType.APPLICATION_JSON).get()) {
      assertEquals(400, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
      assertTrue(response.readEntity(String.class).contains("has a comma"));
    }
  }

  @Test
  void thePageIsServedWithAStrictPolicyAndWithoutThirdPartyOrigins() {
    try (Response response = api.root.request(MediaType.TEXT_HTML).get()) {
      String policy = response.getHeaderString("Content-Security-Policy");
      String page = response.readEntity(String.class);
      assertTrue(page.contains("<form id=\"submit\""), page);
      assertTrue(policy.contains("default-src 'none'"), policy);
      assertTrue(policy.contains("script-src 'self'"), policy);
      assertFalse(policy.contains("unsafe"), policy);
      assertFalse(page.contains("<script>"), "an inline script in the page");
      assertFalse(page.contains("style="), "an inline style in the page");
      assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), page);
    }
  }

  private static String json(String url) {
    return Json.createObjectBuilder().add("url", url).build().toString();
  }

  private static List<Long> idsOf(Response page) {
    return ((JsonArray) Api.parse(page.readEntity(String.class)))
        .stream().map(link -> link.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  private Response patch(long id, String body, String type) {
    return api.links()
        .path(String.valueOf(id))
        .request(MediaType.APPLICATION_JSON)
        .method("PATCH", Entity.entity(body, type));
  }

  /** Edits the link and answers the state it is in now. */
  private String edit(long id, String body, String type) {
    try (Response response = patch(id, body, type)) {
      assertEquals(200, response.getStatus());
      return ((JsonObject) Api.parse(response.readEntity(String.class))).getString("state");
    }
  }

  private JsonObject counts() {
    return (JsonObject)
        Api.parse(api.links().path("counts").request(MediaType.APPLICATION_JSON).get(String.class));
  }

  private List<Long> inState(String state) {
    try (Response page =
        api.links()
            .queryParam("state", state)
            .queryParam("limit", 500)
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      return idsOf(page);
    }
  }

  private static Predicate<List<Received>> has(long id) {
    return events ->
        events.stream().anyMatch(event -> event.data().getJsonNumber("id").longValue() == id);
  }

  private static Predicate<List<Received>> fetched(long id) {
    return events ->
        events.stream()
            .anyMatch(
                event ->
                    event.data().getJsonNumber("id").longValue() == id
                        && "fetched".equals(event.data().getString("status")));
  }

  private static List<String> edited(JsonObject link) {
    return link.getJsonArray("edited").stream()
        .map(name -> ((JsonString) name).getString())
        .toList();
  }

  private static List<String> withoutRepeats(List<String> states) {
    List<String> changes = new ArrayList<>();
    for (String state : states) {
      if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(state)) {
        changes.add(state);
      }
    }
    return changes;
  }
}
