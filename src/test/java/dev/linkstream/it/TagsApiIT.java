package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Tags through the API: given with a link, set, counted, filtered by, renamed and removed. */
class TagsApiIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  // The server is shared by every test class: tags of this test's own.
  private final String unique = "t" + UUID.randomUUID().toString().substring(0, 8);
  private final String java = unique + " java";
  private final String ee = unique + "-ee";

  @Test
  void tagsAreGivenCountedFilteredRenamedAndRemovedAndEveryChangeIsStreamed() throws Exception {
    long both =
        submitted(
            "{\"url\":\""
                + url("both")
                + "\",\"tags\":[\" "
                + java.toUpperCase()
                + " \",\""
                + ee
                + "\"]}");
    Form form = new Form("url", url("one")).param("tags", java + ", ");
    long one;
    try (Response response =
        api.links().request(MediaType.APPLICATION_JSON).post(Entity.form(form))) {
      assertEquals(202, response.getStatus());
      JsonObject link = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(List.of(java), tags(link));
      one = link.getJsonNumber("id").longValue();
    }
    assertEquals(
        List.of(java, ee), tags(api.link(both)), "in the order of text: a space before a dash");
    assertEquals(2, links(java));
    assertEquals(List.of(one, both), ids(api.links().queryParam("tag", java)));
    assertEquals(List.of(both), ids(api.links().queryParam("tag", ee).queryParam("tag", java)));

    try (Subscriber subscriber = new Subscriber(api.stream())) {
      String renamed = unique + " jvm";
      assertEquals(
          204,
          send(
              api.root.path("api/tags").path(java),
              "PATCH",
              "{\"name\":\"" + renamed.toUpperCase() + "\"}"));
      assertEquals(204, send(api.root.path("api/tags").path(ee), "DELETE", null));

      subscriber.await(tagged(one, List.of(renamed)).and(tagged(both, List.of(renamed))), DEADLINE);
      assertEquals(List.of(renamed), tags(api.link(both)));
      assertEquals(0, links(java));
      assertEquals(2, links(renamed));
    }
  }

  @Test
  void aLinksTagsAreReplacedByAPatchAndBadTagsAreExplained() {
    long id = submitted("{\"url\":\"" + url("patched") + "\",\"tags\":[\"" + java + "\"]}");
    assertEquals(
        200, send(api.links().path(String.valueOf(id)), "PATCH", "{\"tags\":[\"" + ee + "\"]}"));
    assertEquals(List.of(ee), tags(api.link(id)));

    problem(
        api.links().path(String.valueOf(id)), "PATCH", "{\"tags\":[\"a,b\"]}", 400, "has a comma");
    problem(
        api.links().path(String.valueOf(id)),
        "PATCH",
        "{\"tags\":[\"" + "x".repeat(51) + "\"]}",
        400,
        "longer than 50");
    problem(
        api.links(),
        "POST",
        "{\"url\":\"" + url("bad") + "\",\"tags\":\"java\"}",
        400,
        "array of text");
    problem(
        api.root.path("api/tags").path(ee), "PATCH", "{\"name\":\" \"}", 400, "1 to 50 characters");
    problem(api.root.path("api/tags").path(ee), "PATCH", "{}", 400, "new name");
    problem(
        api.root.path("api/tags").path(unique + "-none"),
        "DELETE",
        null,
        404,
        "no link has the tag");
    assertEquals(List.of(ee), tags(api.link(id)), "nothing changed");
    assertEquals(1, links(ee));
  }

  private String url(String name) {
    return origin.titled(unique + " " + name);
  }

  private long submitted(String json) {
    try (Response response = api.post(json)) {
      assertEquals(202, response.getStatus());
      return ((JsonObject) Api.parse(response.readEntity(String.class)))
          .getJsonNumber("id")
          .longValue();
    }
  }

  /** How many links the server says have the tag. */
  private long links(String tag) {
    JsonArray all =
        (JsonArray)
            Api.parse(
                api.root.path("api/tags").request(MediaType.APPLICATION_JSON).get(String.class));
    return all.getValuesAs(JsonObject.class).stream()
        .filter(count -> tag.equals(count.getString("name")))
        .mapToLong(count -> count.getJsonNumber("links").longValue())
        .sum();
  }

  private static List<Long> ids(WebTarget links) {
    JsonArray page =
        (JsonArray)
            Api.parse(
                links
                    .queryParam("limit", 500)
                    .request(MediaType.APPLICATION_JSON)
                    .get(String.class));
    return page.getValuesAs(JsonObject.class).stream()
        .map(link -> link.getJsonNumber("id").longValue())
        .toList();
  }

  private static List<String> tags(JsonObject link) {
    return link.getJsonArray("tags").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static Predicate<List<Received>> tagged(long id, List<String> tags) {
    return events ->
        events.stream()
            .anyMatch(
                event ->
                    event.data().getJsonNumber("id").longValue() == id
                        && tags.equals(tags(event.data())));
  }

  private static int send(WebTarget target, String method, String json) {
    try (Response response = request(target, method, json)) {
      return response.getStatus();
    }
  }

  private static void problem(
      WebTarget target, String method, String json, int status, String detail) {
    try (Response response = request(target, method, json)) {
      assertEquals(status, response.getStatus());
      String body = response.readEntity(String.class);
      assertTrue(body.contains(detail), body);
    }
  }

  private static Response request(WebTarget target, String method, String json) {
    return json == null
        ? target.request(MediaType.APPLICATION_JSON).method(method)
        : target.request(MediaType.APPLICATION_JSON).method(method, Entity.json(json));
  }
}
