package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.ApplicationClasses;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /openapi describes the API exactly: every resource method and no other,
 * every answer each operation gives, the error bodies and the stream's events. It is walked here
 * and every operation is called against the server, its answers checked against their schemas.
 */
class OpenApiIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String PROBLEM = "application/problem+json";

  private OpenApiDocument document;
  private final Set<String> called = new TreeSet<>();

  @BeforeEach
  void readTheDocument() {
    String json = api.server.path("openapi").request(MediaType.APPLICATION_JSON).get(String.class);
    document = new OpenApiDocument((JsonObject) Api.parse(json));
  }

  @Test
  void everyResourceMethodIsDescribedAndNothingElse() throws Exception {
    assertEquals(resourceMethods(), documented());
  }

  @Test
  void everyOperationIsDescribedWithItsAnswersAndErrors() {
    document.references().forEach(document::resolve);
    operations()
        .forEach(
            (name, operation) -> {
              assertFalse(operation.getString("operationId", "").isBlank(), name);
              assertFalse(operation.getString("summary", "").isBlank(), name);
              JsonObject responses = operation.getJsonObject("responses");
              assertTrue(responses.containsKey("500"), name + " says nothing of a failure");
              responses.forEach(
                  (status, response) -> describes(name + " " + status, status, response));
            });
  }

  private void describes(String where, String status, JsonValue value) {
    JsonObject response = document.deref(value.asJsonObject());
    assertFalse(response.getString("description", "").isBlank(), where);
    if (status.startsWith("4") || status.startsWith("5")) {
      JsonObject content = response.getJsonObject("content");
      assertEquals(Set.of(PROBLEM), content.keySet(), where);
      JsonObject schema = content.getJsonObject(PROBLEM).getJsonObject("schema");
      assertEquals("#/components/schemas/Problem", schema.getString("$ref"), where);
    } else if (!"204".equals(status)) {
      assertNotNull(response.getJsonObject("content"), where + " has no body described");
    }
  }

  @Test
  void everyOperationAnswersAsDescribed() throws Exception {
    String url = origin.titled("Described");
    JsonObject link = check("post", "/api/links", post(url, "json"), 202);
    String id = String.valueOf(link.getJsonNumber("id").longValue());
    check("post", "/api/links", post(url, "json"), 200);
    check("post", "/api/links", post(origin.titled("As a form"), "form"), 202);
    check("post", "/api/links", post("ftp://example.org/", "json"), 400);
    check(
        "post",
        "/api/links",
        api.links().request().post(Entity.entity(url, MediaType.TEXT_PLAIN)),
        415);
    check("get", "/api/links", api.links().request().get(), 200);
    check("get", "/api/links", api.links().queryParam("limit", 0).request().get(), 400);
    check("get", "/api/links/{id}", api.links().path(id).request().get(), 200);
    check("get", "/api/links/{id}", api.links().path("999999").request().get(), 404);
    check("post", "/api/links/{id}/refetch", refetch(id), 202);
    check("post", "/api/links/{id}/refetch", refetch("999999"), 404);
    check("delete", "/api/links/{id}", api.links().path(id).request().delete(), 204);
    check("delete", "/api/links/{id}", api.links().path(id).request().delete(), 404);
    check(
        "get",
        "/api/links/stream/subscribers",
        api.stream().path("subscribers").request().get(),
        200);
    check(
        "get",
        "/api/links/stream",
        api.stream().queryParam("lastEventId", "x").request().get(),
        400);
    try (RawStream stream = RawStream.open(api.stream().getUri())) {
      streamAnswers(stream);
    }

    assertEquals(documented(), called, "operations the document has and this test did not call");
  }

  @Test
  void theStreamSendsOnlyTheEventsItDescribes() throws Exception {
    JsonObject events =
        operation("get", "/api/links/stream")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .getJsonObject("text/event-stream")
            .getJsonObject("schema");
    // An id this server never gave out: the stream starts with a reset.
    try (RawStream stream =
        RawStream.open(api.stream().getUri(), "127.0.0.1", Map.of("Last-Event-ID", "x"), 0)) {
      assertEquals(200, stream.status);
      Set<String> seen = new TreeSet<>();
      String url = origin.titled("Streamed");
      JsonObject link = (JsonObject) Api.parse(post(url, "json").readEntity(String.class));
      api.links().path(String.valueOf(link.getJsonNumber("id").longValue())).request().delete();
      while (!seen.contains("link-removed")) {
        RawStream.Frame frame = stream.nextEvent(DEADLINE);
        JsonObject event =
            Json.createObjectBuilder()
                .add("id", frame.id())
                .add("event", frame.event())
                .add("data", Api.parse(frame.data()))
                .build();
        document.validate(event, events, "event " + frame.event());
        seen.add(frame.event());
      }
      assertEquals(Set.of("reset", "link-update", "link-removed"), seen);
    }
  }

  private void streamAnswers(RawStream stream) throws IOException {
    assertEquals(200, stream.status);
    JsonObject response =
        operation("get", "/api/links/stream").getJsonObject("responses").getJsonObject("200");
    assertTrue(stream.headers.get("content-type").startsWith("text/event-stream"));
    for (String header : response.getJsonObject("headers").keySet()) {
      assertNotNull(stream.headers.get(header.toLowerCase()), "no " + header + " on the stream");
    }
    called.add("get /api/links/stream");
  }

  /** Checks an answer against the document and returns its body, if it is JSON. */
  private JsonObject check(String method, String path, Response response, int expected) {
    try (response) {
      String where = method + " " + path + " " + response.getStatus();
      assertEquals(expected, response.getStatus(), where);
      JsonObject described =
          document.deref(
              operation(method, path)
                  .getJsonObject("responses")
                  .getJsonObject(String.valueOf(expected)));
      assertNotNull(described, where + " is not in the document");
      for (String header :
          described.getOrDefault("headers", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().keySet()) {
        if (!"Link".equals(header)) {
          assertNotNull(response.getHeaderString(header), where + " lacks " + header);
        }
      }
      String body = response.readEntity(String.class);
      called.add(method + " " + path);
      if (!described.containsKey("content")) {
        assertEquals("", body == null ? "" : body, where + " has a body");
        return null;
      }
      MediaType type = response.getMediaType();
      JsonObject content = described.getJsonObject("content");
      String media = type.getType() + "/" + type.getSubtype();
      assertTrue(content.containsKey(media), where + " answered " + media);
      JsonValue json = Api.parse(body);
      document.validate(json, content.getJsonObject(media).getJsonObject("schema"), where);
      return json instanceof JsonObject object ? object : null;
    }
  }

  private Response post(String url, String as) {
    return "form".equals(as)
        ? api.links().request().post(Entity.form(new Form("url", url)))
        : api.post(Json.createObjectBuilder().add("url", url).build().toString());
  }

  private Response refetch(String id) {
    return api.links().path(id).path("refetch").request().post(Entity.text(""));
  }

  private JsonObject operation(String method, String path) {
    JsonObject item = document.paths().getJsonObject(path);
    assertNotNull(item, path + " is not in the document");
    JsonObject operation = item.getJsonObject(method);
    assertNotNull(operation, method + " " + path + " is not in the document");
    return operation;
  }

  private Map<String, JsonObject> operations() {
    return documented().stream()
        .collect(
            Collectors.toMap(
                name -> name, name -> operation(name.split(" ")[0], name.split(" ")[1])));
  }

  private Set<String> documented() {
    Set<String> operations = new TreeSet<>();
    document
        .paths()
        .forEach(
            (path, item) ->
                item.asJsonObject().keySet().stream()
                    .filter(OpenApiDocument.METHODS::contains)
                    .forEach(method -> operations.add(method + " " + path)));
    return operations;
  }

  /** Every resource method in the application's classes, as "method /path". */
  private static Set<String> resourceMethods() throws Exception {
    Set<String> operations = new TreeSet<>();
    String root = "/" + application().getAnnotation(ApplicationPath.class).value();
    for (Class<?> type : ApplicationClasses.all()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        for (Method method : type.getDeclaredMethods()) {
          httpMethod(method)
              .ifPresent(
                  http ->
                      operations.add(http.toLowerCase() + " " + join(root, path.value(), method)));
        }
      }
    }
    return operations;
  }

  private static Class<?> application() throws ClassNotFoundException {
    return Class.forName("dev.linkstream.platform.boundary.JAXRSConfiguration");
  }

  private static Optional<String> httpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
        .filter(http -> http != null)
        .map(HttpMethod::value)
        .findFirst();
  }

  private static String join(String root, String type, Method method) {
    Path sub = method.getAnnotation(Path.class);
    String path = root + "/" + type + (sub == null ? "" : "/" + sub.value());
    return path.replaceAll("/+", "/").replaceAll("/$", "");
  }
}
