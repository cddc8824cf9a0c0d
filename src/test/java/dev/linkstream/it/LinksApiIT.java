package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ArquillianExtension.class)
class LinksApiIT {

  private static final String PROBLEM = "application/problem+json";

  private static Origin origin;

  @ArquillianResource URL deployed;
  private Api api;

  @Deployment(testable = false)
  static WebArchive app() {
    return Api.war();
  }

  @BeforeAll
  static void startOrigin() throws Exception {
    origin = new Origin();
  }

  @AfterAll
  static void stopOrigin() {
    origin.close();
  }

  @BeforeEach
  void connect() {
    api = new Api(deployed);
  }

  @AfterEach
  void disconnect() {
    api.close();
  }

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
      assertEquals(link.getString("url"), one(id).getString("url"));
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
    int before = api.all().size();
    try (Response response = api.post(body)) {
      assertEquals(400, response.getStatus());
      assertEquals(PROBLEM, response.getMediaType().toString());
      JsonObject problem = (JsonObject) Api.parse(response.readEntity(String.class));
      assertEquals(400, problem.getInt("status"));
      assertTrue(problem.getString("detail").contains("url"), problem.toString());
    }
    assertEquals(before, api.all().size());
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
  void thePageIsServedWithoutThirdPartyOrigins() {
    String page = api.root.request(MediaType.TEXT_HTML).get(String.class);
    assertTrue(page.contains("<form id=\"submit\""), page);
    assertTrue(page.contains("script-src 'self'"), page);
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), page);
  }

  private JsonObject one(long id) {
    return (JsonObject)
        Api.parse(
            api.links()
                .path(String.valueOf(id))
                .request(MediaType.APPLICATION_JSON)
                .get(String.class));
  }
}
