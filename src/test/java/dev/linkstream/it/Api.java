package dev.linkstream.it;

import dev.linkstream.accounts.boundary.Authentication;
import dev.linkstream.testing.TestAdmin;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployed application as its HTTP clients see it, always addressed on loopback, and signed in
 * with a write token of the test admin's.
 */
final class Api implements AutoCloseable {

  /** A token per server, made once: the servers keep them in their databases between tests. */
  private static final Map<Integer, String> TOKENS = new ConcurrentHashMap<>();

  private final Client client = ClientBuilder.newClient();
  private final Client anonymous = ClientBuilder.newClient();
  final WebTarget root;

  /** The same application, for a client that has not signed in. */
  final WebTarget anonymousRoot;

  /**
   * Where the server's own endpoints are (/health, /metrics, /openapi), whatever the context root.
   */
  final WebTarget server;

  Api(URL deployed) {
    // Arquillian reports the machine's external address; tests talk to loopback only.
    String base = "http://127.0.0.1:" + deployed.getPort() + deployed.getPath();
    anonymousRoot = anonymous.target(base);
    String authorization = authorization(anonymousRoot.getUri());
    client.register(
        (ClientRequestFilter)
            request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization));
    root = client.target(base);
    server = client.target("http://127.0.0.1:" + deployed.getPort() + "/");
  }

  /** The header that signs a request to the application at {@code uri}, or under it, in. */
  static String authorization(URI uri) {
    String path = uri.getRawPath();
    int api = path.indexOf("/api/");
    URI base = uri.resolve(api < 0 ? path : path.substring(0, api + 1));
    Client plain = ClientBuilder.newClient();
    try {
      WebTarget root = plain.target(base);
      String token =
          TOKENS.compute(
              base.getPort(),
              (port, known) -> known != null && works(root, known) ? known : newToken(root));
      return "Bearer " + token;
    } finally {
      plain.close();
    }
  }

  private static boolean works(WebTarget root, String token) {
    try (Response response =
        root.path("api/session")
            .request()
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .get()) {
      return response.getStatus() == 200;
    }
  }

  private static String newToken(WebTarget root) {
    String session = signIn(root, TestAdmin.USER, TestAdmin.PASSWORD);
    try (Response created =
        root.path("api/tokens")
            .request(MediaType.APPLICATION_JSON)
            .cookie(Authentication.COOKIE, session)
            .header("Sec-Fetch-Site", "same-origin")
            .post(Entity.json("{\"name\":\"integration tests\",\"scope\":\"write\"}"))) {
      if (created.getStatus() != 201) {
        throw new AssertionError("no token: " + created.getStatus());
      }
      return ((JsonObject) parse(created.readEntity(String.class))).getString("token");
    }
  }

  /** The session cookie's value of a new session. */
  static String signIn(WebTarget root, String user, String password) {
    try (Response signedIn =
        root.path("api/session")
            .request(MediaType.APPLICATION_JSON)
            .post(
                Entity.json(
                    Json.createObjectBuilder()
                        .add("user", user)
                        .add("password", password)
                        .build()
                        .toString()))) {
      if (signedIn.getStatus() != 200) {
        throw new AssertionError(user + " could not sign in: " + signedIn.getStatus());
      }
      return signedIn.getCookies().get(Authentication.COOKIE).getValue();
    }
  }

  /** The WAR exactly as the build packaged it. */
  static WebArchive war() {
    return ShrinkWrap.create(ZipImporter.class, "linkstream.war")
        .importFrom(new File("target/linkstream.war"))
        .as(WebArchive.class);
  }

  WebTarget links() {
    return root.path("api/links");
  }

  /** A link the server handed out, followed only if it leads back to loopback. */
  WebTarget follow(URI uri) {
    if (!"127.0.0.1".equals(uri.getHost())) {
      throw new AssertionError("the server linked away from the host the client used: " + uri);
    }
    return client.target(uri);
  }

  WebTarget stream() {
    return links().path("stream");
  }

  Response post(String json) {
    return links().request(MediaType.APPLICATION_JSON).post(Entity.json(json));
  }

  JsonObject submit(String url) {
    try (Response response = post(Json.createObjectBuilder().add("url", url).build().toString())) {
      if (response.getStatus() != 202) {
        throw new AssertionError("expected 202, got " + response.getStatus());
      }
      return (JsonObject) parse(response.readEntity(String.class));
    }
  }

  JsonArray all() {
    return (JsonArray) parse(links().request(MediaType.APPLICATION_JSON).get(String.class));
  }

  static JsonStructure parse(String json) {
    return Json.createReader(new StringReader(json)).read();
  }

  @Override
  public void close() {
    client.close();
    anonymous.close();
  }
}
