package dev.linkstream.it;

import dev.linkstream.testing.TestTokens;
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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployed application as its HTTP clients see it, always addressed on loopback, and signed in
 * with a write token of the test admin's.
 */
final class Api implements AutoCloseable {

  private final Client client = newClient();
  private final Client anonymous = newClient();
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
    return TestTokens.authorization(uri);
  }

  /** The session cookie's value of a new session. */
  static String signIn(WebTarget root, String user, String password) {
    return TestTokens.signIn(root.getUri(), user, password);
  }

  /** Jersey's client on the JDK's HttpURLConnection sends PATCH only with this workaround. */
  private static Client newClient() {
    return ClientBuilder.newBuilder()
        .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
        .build();
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

  /** The streams open on the server, as it counts them. */
  int subscriberCount() {
    return ((JsonObject)
            parse(
                stream().path("subscribers").request(MediaType.APPLICATION_JSON).get(String.class)))
        .getInt("subscribers");
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

  /** The link with that id, as the server has it now. */
  JsonObject link(long id) {
    return (JsonObject)
        parse(
            links().path(String.valueOf(id)).request(MediaType.APPLICATION_JSON).get(String.class));
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
