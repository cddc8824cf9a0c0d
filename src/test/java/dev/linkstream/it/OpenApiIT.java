package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.accounts.boundary.Authentication;
import dev.linkstream.testing.ApplicationClasses;
import dev.linkstream.testing.TestAdmin;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
  private static final String CHALLENGE = "Bearer realm=\"linkstream\"";

  /** A path parameter of the right form that names nothing. */
  private static final String UNKNOWN = "999999";

  private static final String PASSWORD = "a password of the test's own";
  private static final String NEW_PASSWORD = "another password of the test's";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

  /** The schemes are what the server reads, by name: a Bearer token, and the session cookie. */
  @Test
  void theSecuritySchemesAreTheCredentialsTheServerTakes() {
    JsonObject schemes =
        document.json().getJsonObject("components").getJsonObject("securitySchemes");
    JsonObject token = schemes.getJsonObject("token");
    assertEquals("http", token.getString("type"));
    assertEquals("bearer", token.getString("scheme"));
    assertTrue(token.getString("description", "").contains("lks_"), "not said what a token is");
    JsonObject session = schemes.getJsonObject("session");
    assertEquals("apiKey", session.getString("type"));
    assertEquals("cookie", session.getString("in"));
    assertEquals(Authentication.COOKIE, session.getString("name"));
    JsonArray everywhere = document.json().getJsonArray("security");
    assertFalse(everywhere == null || everywhere.isEmpty(), "the document needs no account");
    List<JsonArray> requirements = new ArrayList<>(List.of(everywhere));
    operations().values().forEach(operation -> requirements.add(security(operation)));
    for (JsonArray alternatives : requirements) {
      for (JsonObject requirement : alternatives.getValuesAs(JsonObject.class)) {
        assertTrue(schemes.keySet().containsAll(requirement.keySet()), requirement.toString());
      }
    }
  }

  /**
   * Walks the document: an operation it says needs an account refuses a caller without one, with
   * 401, a problem document and the Bearer challenge, and says so; and may be refused 403 when it
   * changes something. An operation it says is public is open to anyone.
   */
  @Test
  void everyOperationThatNeedsAnAccountRefusesAnonymousCallers() {
    assertAll(documented().stream().map(name -> () -> refusesAnonymously(name)));
  }

  private void refusesAnonymously(String name) {
    JsonObject operation = operation(method(name), path(name));
    Answer answer = sendWith(method(name), filled(path(name), UNKNOWN), Map.of(), body(operation));
    if (!needsAccount(operation)) {
      assertNotEquals(401, answer.status(), name + " is public, says the document");
      return;
    }
    assertEquals(401, answer.status(), name + " needs an account, says the document");
    assertEquals(PROBLEM, answer.mediaType(), name);
    String challenge = answer.header("WWW-Authenticate");
    assertNotNull(challenge, name + " has no WWW-Authenticate");
    assertTrue(challenge.startsWith(CHALLENGE), name + " challenges with " + challenge);
    check(method(name), path(name), answer, 401);
    if (!"get".equals(method(name))) {
      JsonObject responses = operation.getJsonObject("responses");
      assertTrue(responses.containsKey("403"), name + " does not say it may answer 403");
    }
  }

  /**
   * Walks the document: a change made with the session cookie from another site's page, which a
   * browser sends along with any site's request, is refused 403 as the document says, and changes
   * nothing. Path parameters name nothing, should a refusal fail to come.
   */
  @Test
  void everyChangeFromAnotherSiteIsRefused() {
    String admin = Api.signIn(api.anonymousRoot, TestAdmin.USER, TestAdmin.PASSWORD);
    Map<String, String> elsewhere =
        Map.of("Cookie", Authentication.COOKIE + "=" + admin, "Sec-Fetch-Site", "cross-site");
    Set<String> changes = new TreeSet<>(documented());
    changes.removeIf(name -> "get".equals(method(name)));
    assertTrue(changes.contains("delete /api/session"), changes.toString());
    assertAll(changes.stream().map(name -> () -> refusedFromElsewhere(name, elsewhere)));
    // The sign-out was refused too: the session goes on.
    check("get", "/api/session", as(admin, "get", "/api/session", null), 200);
  }

  private void refusedFromElsewhere(String name, Map<String, String> elsewhere) {
    JsonObject operation = operation(method(name), path(name));
    Answer answer = sendWith(method(name), filled(path(name), UNKNOWN), elsewhere, body(operation));
    check(method(name), path(name), answer, 403);
  }

  /**
   * Walks the document's link operations with a read token: every read is answered, every change
   * refused 403 as the document says, and the link is still there afterwards.
   */
  @Test
  void aReadTokenMayReadLinksButNotChangeThem() throws IOException {
    String admin = Api.signIn(api.anonymousRoot, TestAdmin.USER, TestAdmin.PASSWORD);
    String scope = json("name", "read-only checks", "scope", "read");
    JsonObject token = check("post", "/api/tokens", as(admin, "post", "/api/tokens", scope), 201);
    String id =
        String.valueOf(api.submit(origin.titled("Read only")).getJsonNumber("id").longValue());
    Map<String, String> reader = bearer(token.getString("token"));
    Set<String> reads = new TreeSet<>();
    Set<String> changes = new TreeSet<>();
    try {
      for (String name : documented()) {
        if (path(name).startsWith("/api/links")) {
          ("get".equals(method(name)) ? reads : changes).add(name);
          readsOrIsRefused(name, filled(path(name), id), reader);
        }
      }
      assertTrue(reads.contains("get /api/links/stream"), reads.toString());
      assertTrue(changes.contains("delete /api/links/{id}"), changes.toString());
      check("get", "/api/links/{id}", send("get", "/api/links/" + id, reader, null), 200);
    } finally {
      String revoke = "/api/tokens/" + token.getString("id");
      check("delete", "/api/tokens/{id}", as(admin, "delete", revoke, null), 204);
      api.links().path(id).request().delete().close();
    }
  }

  private void readsOrIsRefused(String name, String filled, Map<String, String> reader)
      throws IOException {
    String method = method(name);
    JsonObject operation = operation(method, path(name));
    if (!"get".equals(method)) {
      check(method, path(name), sendWith(method, filled, reader, body(operation)), 403);
    } else if (isStream(operation)) {
      URI uri = api.anonymousRoot.path(filled.substring(1)).getUri();
      try (RawStream stream = RawStream.open(uri, "127.0.0.1", reader, 0)) {
        assertEquals(200, stream.status, name);
      }
    } else {
      check(method, path(name), send(method, filled, reader, null), 200);
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
    String read = json("state", "read");
    JsonObject marked = check("patch", "/api/links/{id}", patch(id, read, "json"), 200);
    assertEquals("read", marked.getString("state"));
    check("patch", "/api/links/{id}", patch(id, json("state", "done"), "merge-patch+json"), 400);
    check("patch", "/api/links/{id}", patch("999999", read, "json"), 404);
    check("patch", "/api/links/{id}", patch(id, "state=read", "x-www-form-urlencoded"), 415);
    check("get", "/api/links", api.links().queryParam("state", "inbox").request().get(), 200);
    check("get", "/api/links", api.links().queryParam("state", "new").request().get(), 400);
    check("get", "/api/links", api.links().queryParam("q", "\"as a\" -x").request().get(), 200);
    check("get", "/api/links", api.links().queryParam("q", "x".repeat(1001)).request().get(), 400);
    check("get", "/api/links/counts", api.links().path("counts").request().get(), 200);
    var bulk = api.links().path("bulk").request();
    check(
        "post",
        "/api/links/bulk",
        bulk.post(Entity.json("{\"ids\":[" + id + "],\"state\":\"unread\"}")),
        200);
    check("post", "/api/links/bulk", bulk.post(Entity.json("{\"ids\":[]}")), 400);
    check("post", "/api/links/bulk", bulk.post(Entity.form(new Form("ids", id))), 415);
    tagsAnswer(id);
    bookmarksAnswer(url);
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
    accountsAnswerAsDescribed();

    assertEquals(documented(), called, "operations the document has and this test did not call");
  }

  /**
   * The session, token and account operations, called as an account of this test's own and with a
   * new session of the test admin's: the test admin's other sessions, and the token every other
   * test signs in with, go on working.
   */
  private void accountsAnswerAsDescribed() {
    String admin = Api.signIn(api.anonymousRoot, TestAdmin.USER, TestAdmin.PASSWORD);
    String name = "described-" + UUID.randomUUID().toString().substring(0, 8);
    String limited = name + "-limited";
    try {
      usersAnswer(admin, name);
      String session = sessionAnswers(name);
      tokensAnswer(session);
      limitsAnswer(admin, limited);
      removalAnswers(admin, name);
    } finally {
      // The accounts go, and their sessions and tokens, also when a check failed first.
      for (String account : List.of(name, limited)) {
        send("delete", "/api/users/" + account, session(admin), null);
      }
    }
  }

  /** Makes the account, a reader in the end, and tries what only an admin may do. */
  private void usersAnswer(String admin, String name) {
    String account = json("name", name, "role", "member", "password", PASSWORD);
    JsonObject created = check("post", "/api/users", as(admin, "post", "/api/users", account), 201);
    assertEquals(name, created.getString("name"));
    check("post", "/api/users", as(admin, "post", "/api/users", account), 409);
    String badName = json("name", "no spaces", "role", "member", "password", PASSWORD);
    check("post", "/api/users", as(admin, "post", "/api/users", badName), 400);
    // An API token manages no accounts, not even an admin's.
    check("post", "/api/users", send("post", "/api/users", apiToken(), account), 403);
    check("get", "/api/users", as(admin, "get", "/api/users", null), 200);
    check("get", "/api/users", send("get", "/api/users", apiToken(), null), 403);
    String path = "/api/users/" + name;
    String reader = json("role", "reader");
    JsonObject changed = check("patch", "/api/users/{name}", as(admin, "patch", path, reader), 200);
    assertEquals("reader", changed.getString("role"));
    check("patch", "/api/users/{name}", as(admin, "patch", path, "{}"), 400);
    String nobody = "/api/users/nobody-" + name;
    check("patch", "/api/users/{name}", as(admin, "patch", nobody, reader), 404);
    check("patch", "/api/users/{name}", send("patch", path, apiToken(), reader), 403);
  }

  /** Signs the account in and out, changes its password, and returns a session that works. */
  private String sessionAnswers(String name) {
    Answer signedIn = signIn(name, PASSWORD, Map.of());
    assertEquals(name, check("post", "/api/session", signedIn, 200).getString("user"));
    String session = signedIn.sessionCookie();
    check("post", "/api/session", send("post", "/api/session", Map.of(), "{}"), 400);
    check("post", "/api/session", signIn(name, "not the password", Map.of()), 401);
    // Another site's page cannot sign its visitor in as someone else.
    Map<String, String> elsewhere = Map.of("Sec-Fetch-Site", "cross-site");
    check("post", "/api/session", signIn(name, PASSWORD, elsewhere), 403);
    JsonObject caller = check("get", "/api/session", as(session, "get", "/api/session", null), 200);
    assertEquals(
        Json.createObjectBuilder().add("user", name).add("role", "reader").build(), caller);
    String password = "/api/session/password";
    String change = json("current", PASSWORD, "password", NEW_PASSWORD);
    check("put", password, as(session, "put", password, change), 204);
    String tooShort = json("current", NEW_PASSWORD, "password", "too short");
    check("put", password, as(session, "put", password, tooShort), 400);
    String wrong = json("current", "not the password", "password", PASSWORD);
    check("put", password, as(session, "put", password, wrong), 403);
    // A program cannot sign anyone out: this is the test admin's token, and it stays signed in.
    check("delete", "/api/session", send("delete", "/api/session", apiToken(), null), 403);
    Answer signedOut = as(session, "delete", "/api/session", null);
    check("delete", "/api/session", signedOut, 204);
    assertEquals("", signedOut.sessionCookie(), "the cookie is not cleared");
    check("get", "/api/session", as(session, "get", "/api/session", null), 401);
    return signIn(name, NEW_PASSWORD, Map.of()).sessionCookie();
  }

  /** A reader's own API token: made, listed and revoked by the person, never by a token. */
  private void tokensAnswer(String session) {
    String read = json("name", "described", "scope", "read");
    Answer made = as(session, "post", "/api/tokens", read);
    JsonObject token = check("post", "/api/tokens", made, 201);
    String path = "/api/tokens/" + token.getString("id");
    assertTrue(made.header("Location").endsWith(path), made.header("Location"));
    assertTrue(token.getString("token").startsWith("lks_"), "not an API token");
    // A reader may only read, and so make only read tokens.
    String write = json("name", "described", "scope", "write");
    check("post", "/api/tokens", as(session, "post", "/api/tokens", write), 403);
    String nameless = json("name", "", "scope", "read");
    check("post", "/api/tokens", as(session, "post", "/api/tokens", nameless), 400);
    check("get", "/api/tokens", as(session, "get", "/api/tokens", null), 200);
    Map<String, String> itself = bearer(token.getString("token"));
    check("get", "/api/tokens", send("get", "/api/tokens", itself, null), 403);
    check("delete", "/api/tokens/{id}", send("delete", path, itself, null), 403);
    check("delete", "/api/tokens/{id}", as(session, "delete", path, null), 204);
    check("delete", "/api/tokens/{id}", as(session, "delete", path, null), 404);
  }

  /**
   * Wrong setup codes for an account of its own, which cost no password hashing, until the limit on
   * failed sign-ins holds; then signing in, setting up and changing the password are refused 429
   * alike, the right password too. The account has no older failures, which could leave the tests'
   * short window between these requests.
   */
  private void limitsAnswer(String admin, String name) {
    String account = json("name", name, "role", "reader", "password", PASSWORD);
    check("post", "/api/users", as(admin, "post", "/api/users", account), 201);
    String session = signIn(name, PASSWORD, Map.of()).sessionCookie();
    check("post", "/api/setup", send("post", "/api/setup", Map.of(), "{}"), 400);
    String setup = json("code", "not the code", "user", name, "password", PASSWORD);
    for (int failure = 0; failure < failuresPerAccount(); failure++) {
      check("post", "/api/setup", send("post", "/api/setup", Map.of(), setup), 403);
    }
    Answer refused = send("post", "/api/setup", Map.of(), setup);
    check("post", "/api/setup", refused, 429);
    assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
    check("post", "/api/session", signIn(name, PASSWORD, Map.of()), 429);
    String change = json("current", PASSWORD, "password", NEW_PASSWORD);
    check("put", "/api/session/password", as(session, "put", "/api/session/password", change), 429);
  }

  private void removalAnswers(String admin, String name) {
    String path = "/api/users/" + name;
    check("delete", "/api/users/{name}", send("delete", path, apiToken(), null), 403);
    check("delete", "/api/users/{name}", as(admin, "delete", path, null), 204);
    check("delete", "/api/users/{name}", as(admin, "delete", path, null), 404);
    lastAdminAnswers(admin);
  }

  /**
   * The test admin is the last admin, and can be neither demoted nor removed. Were there another,
   * both would succeed and every later test would lose its admin: so that is made sure of first.
   */
  private void lastAdminAnswers(String admin) {
    JsonArray accounts = (JsonArray) Api.parse(as(admin, "get", "/api/users", null).body());
    List<String> admins =
        accounts.getValuesAs(JsonObject.class).stream()
            .filter(account -> "admin".equals(account.getString("role")))
            .map(account -> account.getString("name"))
            .toList();
    assertEquals(List.of(TestAdmin.USER), admins, "another admin exists, which some test left");
    String self = "/api/users/" + TestAdmin.USER;
    String demoted = json("role", "member");
    check("patch", "/api/users/{name}", as(admin, "patch", self, demoted), 409);
    check("delete", "/api/users/{name}", as(admin, "delete", self, null), 409);
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
      return check(method, path, Answer.of(response), expected);
    }
  }

  private JsonObject check(String method, String path, Answer answer, int expected) {
    String where = method + " " + path + " " + answer.status();
    assertEquals(expected, answer.status(), where + ": " + answer.body());
    JsonObject responses = operation(method, path).getJsonObject("responses");
    JsonObject described = responses.getJsonObject(String.valueOf(expected));
    assertNotNull(described, where + " is not in the document");
    described = document.deref(described);
    for (String header :
        described.getOrDefault("headers", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().keySet()) {
      if (!"Link".equals(header)) {
        assertNotNull(answer.header(header), where + " lacks " + header);
      }
    }
    called.add(method + " " + path);
    if (!described.containsKey("content")) {
      assertEquals("", answer.body(), where + " has a body");
      return null;
    }
    JsonObject content = described.getJsonObject("content");
    String media = answer.mediaType();
    assertNotNull(media, where + " has no Content-Type");
    assertTrue(content.containsKey(media), where + " answered " + media);
    if (!media.endsWith("json")) {
      return null;
    }
    JsonValue json = Api.parse(answer.body());
    document.validate(json, content.getJsonObject(media).getJsonObject("schema"), where);
    return json instanceof JsonObject object ? object : null;
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

  /** The security requirements that hold for an operation: its own, or else the document's. */
  private JsonArray security(JsonObject operation) {
    JsonObject holder = operation.containsKey("security") ? operation : document.json();
    JsonValue security = holder.getOrDefault("security", JsonValue.EMPTY_JSON_ARRAY);
    return security.asJsonArray();
  }

  /** Whether the operation needs an account: its security names schemes, and {} is not one. */
  private boolean needsAccount(JsonObject operation) {
    JsonArray security = security(operation);
    return !security.isEmpty()
        && security.stream().noneMatch(requirement -> requirement.asJsonObject().isEmpty());
  }

  private static boolean isStream(JsonObject operation) {
    JsonObject ok = operation.getJsonObject("responses").getJsonObject("200");
    return ok.getJsonObject("content").containsKey("text/event-stream");
  }

  /** An empty JSON object where the operation takes a body: any refusal comes before reading it. */
  /** Tags the link, renames the tag, and removes it. */
  private void tagsAnswer(String id) {
    String tag = "described-" + UUID.randomUUID().toString().substring(0, 8);
    String tags =
        Json.createObjectBuilder()
            .add("tags", Json.createArrayBuilder().add(tag))
            .build()
            .toString();
    check("patch", "/api/links/{id}", patch(id, tags, "json"), 200);
    check("get", "/api/tags", api.root.path("api/tags").request().get(), 200);
    String renamed = tag + "-renamed";
    check("patch", "/api/tags/{name}", tag(tag, "PATCH", json("name", renamed), "json"), 204);
    check("patch", "/api/tags/{name}", tag(renamed, "PATCH", "{}", "json"), 400);
    check("patch", "/api/tags/{name}", tag(tag, "PATCH", json("name", "x"), "json"), 404);
    check(
        "patch", "/api/tags/{name}", tag(renamed, "PATCH", "name=x", "x-www-form-urlencoded"), 415);
    check("delete", "/api/tags/{name}", tag(renamed, "DELETE", null, null), 204);
    check("delete", "/api/tags/{name}", tag(renamed, "DELETE", null, null), 404);
  }

  /** Imports a bookmark file, follows its progress, and exports every link both ways. */
  private void bookmarksAnswer(String url) {
    String file =
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF=\"" + url + "\">A</A></DL>";
    var imports = api.root.path("api/imports").request();
    JsonObject started =
        check("post", "/api/imports", imports.post(Entity.entity(file, MediaType.TEXT_HTML)), 202);
    check("post", "/api/imports", imports.post(Entity.entity("<p>", MediaType.TEXT_HTML)), 400);
    check("post", "/api/imports", imports.post(Entity.json("{}")), 415);
    var progress = api.root.path("api/imports");
    check(
        "get",
        "/api/imports/{id}",
        progress.path(String.valueOf(started.getInt("id"))).request().get(),
        200);
    check("get", "/api/imports/{id}", progress.path("999999").request().get(), 404);
    var export = api.root.path("api/export");
    check("get", "/api/export", export.request().get(), 200);
    check("get", "/api/export", export.queryParam("format", "json").request().get(), 200);
    check("get", "/api/export", export.queryParam("format", "csv").request().get(), 400);
  }

  private Response tag(String name, String method, String body, String subtype) {
    var request = api.root.path("api/tags").path(name).request();
    return body == null
        ? request.method(method)
        : request.method(method, Entity.entity(body, "application/" + subtype));
  }

  private Response patch(String id, String body, String subtype) {
    return api.links()
        .path(id)
        .request()
        .method("PATCH", Entity.entity(body, "application/" + subtype));
  }

  /** An empty body of the operation's first type: any refusal comes before reading it. */
  private static Body body(JsonObject operation) {
    if (!operation.containsKey("requestBody")) {
      return null;
    }
    String type =
        operation.getJsonObject("requestBody").getJsonObject("content").keySet().iterator().next();
    return new Body(type, MediaType.APPLICATION_JSON.equals(type) ? "{}" : "");
  }

  private record Body(String type, String text) {}

  private static String method(String operation) {
    return operation.split(" ")[0];
  }

  private static String path(String operation) {
    return operation.split(" ")[1];
  }

  /** The path with every parameter set to the value. */
  private static String filled(String path, String value) {
    return path.replaceAll("\\{[^}]+}", value);
  }

  private Answer signIn(String user, String password, Map<String, String> headers) {
    return send("post", "/api/session", headers, json("user", user, "password", password));
  }

  /** A request signed in with a session, from the page itself as a browser says. */
  private Answer as(String session, String method, String path, String json) {
    return send(method, path, session(session), json);
  }

  private static Map<String, String> session(String cookie) {
    return Map.of("Cookie", Authentication.COOKIE + "=" + cookie, "Sec-Fetch-Site", "same-origin");
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** The test admin's write token that every test signs in with. */
  private Map<String, String> apiToken() {
    return Map.of("Authorization", Api.authorization(api.anonymousRoot.getUri()));
  }

  private static String json(String... namesAndValues) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return object.build().toString();
  }

  /** A request with exactly the headers given: none that signs it in unless they do. */
  private Answer send(String method, String path, Map<String, String> headers, String json) {
    return sendWith(
        method, path, headers, json == null ? null : new Body(MediaType.APPLICATION_JSON, json));
  }

  private Answer sendWith(String method, String path, Map<String, String> headers, Body body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.anonymousRoot.path(path.substring(1)).getUri())
            .timeout(DEADLINE)
            .method(
                method.toUpperCase(Locale.ROOT),
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.text()));
    if (body != null) {
      request.header("Content-Type", body.type());
    }
    headers.forEach(request::header);
    try {
      return Answer.of(HTTP.send(request.build(), BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An answer, whichever client got it; header names in any case. */
  private record Answer(int status, Map<String, List<String>> headers, String body) {

    static Answer of(Response response) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(response.getStringHeaders());
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return new Answer(response.getStatus(), headers, body);
    }

    static Answer of(HttpResponse<String> response) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(response.headers().map());
      return new Answer(response.statusCode(), headers, response.body());
    }

    String header(String name) {
      List<String> values = headers.getOrDefault(name, List.of());
      return values.isEmpty() ? null : values.get(0);
    }

    /** The body's type/subtype, without parameters. */
    String mediaType() {
      String type = header("Content-Type");
      if (type == null) {
        return null;
      }
      MediaType media = MediaType.valueOf(type);
      return media.getType() + "/" + media.getSubtype();
    }

    /** What the answer sets the session cookie to; empty when it clears it. */
    String sessionCookie() {
      String name = Authentication.COOKIE + "=";
      return headers.getOrDefault("Set-Cookie", List.of()).stream()
          .filter(cookie -> cookie.startsWith(name))
          .map(cookie -> cookie.substring(name.length()).split(";", 2)[0].replace("\"", ""))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no session cookie set: " + headers));
    }
  }

  /** The failed sign-ins the tests' settings allow an account within the window. */
  private static int failuresPerAccount() {
    String key = "-Dlinkstream.auth.max-failures-per-account=";
    return Stream.of(System.getProperty("linkstream.it.settings", "").split("\\s+"))
        .filter(option -> option.startsWith(key))
        .map(option -> Integer.parseInt(option.substring(key.length())))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("linkstream.it.settings lacks " + key));
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
