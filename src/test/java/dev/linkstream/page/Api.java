package dev.linkstream.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linkstream.testing.TestAdmin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The API as a script on loopback sees it, signed in through a session cookie of its own, as the
 * page is: what a test adds through it, a signed-in page shows.
 */
final class Api {

  private final HttpClient http;
  private final URI root;

  private Api(URL server) throws Exception {
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    this.root = server.toURI();
  }

  /** Signed in as the account every test server has. */
  static Api signedIn(URL server) throws Exception {
    return signedIn(server, TestAdmin.USER, TestAdmin.PASSWORD);
  }

  static Api signedIn(URL server, String user, String password) throws Exception {
    Api api = new Api(server);
    String body =
        Json.createObjectBuilder().add("user", user).add("password", password).build().toString();
    HttpResponse<String> answer = api.send("POST", "api/session", body);
    assertEquals(200, answer.statusCode(), "signing in as " + user + ": " + answer.body());
    return api;
  }

  URI uri(String path) {
    return root.resolve(path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  int status(String path) {
    try {
      return get(path).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Adds a link, as a script would. */
  JsonObject submit(String url) throws Exception {
    String body = Json.createObjectBuilder().add("url", url).build().toString();
    HttpResponse<String> response = send("POST", "api/links", body);
    assertEquals(202, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
