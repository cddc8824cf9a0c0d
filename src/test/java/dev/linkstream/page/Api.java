package dev.linkstream.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.testing.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The API as a script on loopback uses it: with a write token, made once from a session of the
 * account's, as a person would make one on the page. What a test adds through it, a signed-in page
 * shows.
 */
final class Api {

  private static final HttpClient http = HttpClient.newHttpClient();

  private final URI root;
  private final String authorization;

  private Api(URI root, String authorization) {
    this.root = root;
    this.authorization = authorization;
  }

  /** As the account every test server has. */
  static Api signedIn(URL server) throws Exception {
    URI root = server.toURI();
    return new Api(root, TestTokens.authorization(root));
  }

  /** As {@code user}, failing the test unless that user can sign in with {@code password}. */
  static Api signedIn(URL server, String user, String password) throws Exception {
    URI root = server.toURI();
    return new Api(root, "Bearer " + TestTokens.newToken(root, user, password));
  }

  URI uri(String path) {
    return root.resolve(path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int status(String path) {
    try {
      return get(path).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Adds a link with the tags, as a script would. */
  JsonObject submit(String url, String... tags) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("url", url)
            .add("tags", Json.createArrayBuilder(List.of(tags)))
            .build()
            .toString();
    HttpResponse<String> response = send(uri("api/links"), "POST", body, null, authorization);
    assertEquals(202, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Moves a link to {@code state}, as a script or another page would. */
  void mark(long id, String state) throws Exception {
    change(id, "state", state);
  }

  /** Sets one field of a link, such as its note, as a script or another page would. */
  void change(long id, String field, String value) throws Exception {
    String body = Json.createObjectBuilder().add(field, value).build().toString();
    HttpResponse<String> response =
        send(uri("api/links/" + id), "PATCH", body, null, authorization);
    assertEquals(200, response.statusCode(), response.body());
  }

  /** The stored links to {@code url}: one, or none. */
  List<JsonObject> linksTo(String url) throws Exception {
    return Json.createReader(new StringReader(get("api/links?limit=500").body()))
        .readArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(link -> url.equals(link.getString("url")))
        .toList();
  }

  JsonObject link(long id) throws Exception {
    return Json.createReader(new StringReader(get("api/links/" + id).body())).readObject();
  }

  JsonObject counts() {
    try {
      return Json.createReader(new StringReader(get("api/links/counts").body())).readObject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> send(
      URI uri, String method, String json, String cookie, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (cookie != null) {
      request.header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
