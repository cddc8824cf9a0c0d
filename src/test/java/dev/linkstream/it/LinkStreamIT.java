package dev.linkstream.it;

import static dev.linkstream.it.LinkChanges.changesOf;
import static dev.linkstream.it.LinkChanges.fetchedAll;
import static dev.linkstream.it.LinkChanges.finishedAll;
import static dev.linkstream.it.LinkChanges.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.it.Subscriber.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkStreamIT extends DeployedWar {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Test
  void everySubscriberSeesEveryLinkWhileOthersLeave() throws Exception {
    try (Subscriber first = new Subscriber(api.stream());
        Subscriber second = new Subscriber(api.stream())) {
      Subscriber leaving = new Subscriber(api.stream());
      RawStream vanishing = RawStream.open(api.stream().getUri());
      vanishing.next(DEADLINE);

      List<Long> ids = new ArrayList<>(submitTitled(1, 5));
      leaving.await(fetchedAll(ids), DEADLINE);
      leaving.close();
      vanishing.vanish();
      ids.addAll(submitTitled(6, 10));

      for (Subscriber subscriber : List.of(first, second)) {
        List<Received> events = subscriber.await(fetchedAll(ids), DEADLINE);
        assertStrictlyIncreasing(events);
        for (int n = 1; n <= 10; n++) {
          List<JsonObject> changes = changesOf(events, ids.get(n - 1));
          assertEquals("pending", changes.get(0).getString("status"), changes.toString());
          JsonObject last = changes.get(changes.size() - 1);
          assertEquals("fetched", last.getString("status"));
          assertEquals("Link " + n, last.getString("title"));
          assertEquals("text/html", last.getString("contentType"));
        }
      }
    }
  }

  @Test
  void failuresEndFailedWithAReasonAPersonUnderstands() throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long missing = api.submit(origin.url("/missing")).getJsonNumber("id").longValue();
      long refused = api.submit(Origin.refusedUrl()).getJsonNumber("id").longValue();
      long blocked = api.submit("http://0.0.0.0:9/").getJsonNumber("id").longValue();

      List<Received> events =
          subscriber.await(finishedAll(List.of(missing, refused, blocked)), DEADLINE);

      assertFailed(events, missing, "HTTP 404 Not Found");
      assertFailed(events, refused, "connection refused");
      assertFailed(events, blocked, "address not allowed");
    }
  }

  @Test
  void aSlowOriginDelaysNoOtherLinkAndTimesOut() throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long slow = api.submit(origin.url("/slow")).getJsonNumber("id").longValue();
      long fast = api.submit(origin.titled("Fast")).getJsonNumber("id").longValue();

      List<Received> events = subscriber.await(finishedAll(List.of(slow, fast)), DEADLINE);

      assertTrue(
          lastEventId(events, fast) < lastEventId(events, slow),
          "the fast link finished after the slow one: " + events);
      assertFailed(events, slow, "timed out after 3 s");
    }
  }

  @Test
  void aPdfIsFetchedWithItsContentTypeAndFileName() throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long pdf = api.submit(origin.url("/files/report.pdf")).getJsonNumber("id").longValue();

      JsonObject link = last(subscriber.await(finishedAll(List.of(pdf)), DEADLINE), pdf);

      assertEquals("fetched", link.getString("status"));
      assertEquals("application/pdf", link.getString("contentType"));
      assertEquals("report.pdf", link.getString("title"));
    }
  }

  @Test
  void aHostileTitleIsKeptAsPlainText() throws Exception {
    String hostile = "<img src=x onerror=alert(1)>";
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long id = api.submit(origin.titled(hostile)).getJsonNumber("id").longValue();

      JsonObject link = last(subscriber.await(finishedAll(List.of(id)), DEADLINE), id);

      assertEquals(hostile, link.getString("title"));
    }
  }

  /**
   * The event's data goes out as bytes encoded once for every subscriber: on the wire they must be
   * the link's JSON in UTF-8, whatever the characters, with the id and name as fields of their own.
   */
  @Test
  void anEventsBytesOnTheWireAreTheLinkAsUtf8Json() throws Exception {
    String title = "Grüße aus Köln — 東京 \uD83D\uDE42 \"quoted\" \\ back";
    try (RawStream stream = RawStream.open(api.stream().getUri())) {
      long id = api.submit(origin.titled(title)).getJsonNumber("id").longValue();

      JsonObject fetched = null;
      while (fetched == null) {
        RawStream.Frame frame = stream.nextEvent(DEADLINE);
        JsonObject link = Json.createReader(new StringReader(frame.data())).readObject();
        assertEquals("link-update", frame.event(), frame.toString());
        assertTrue(Long.parseLong(frame.id()) > 0, frame.toString());
        if (link.getJsonNumber("id").longValue() == id
            && link.getString("status").equals("fetched")) {
          fetched = link;
        }
      }

      assertEquals(title, fetched.getString("title"));
      assertEquals(
          Api.parse(
              api.links()
                  .path(String.valueOf(id))
                  .request(MediaType.APPLICATION_JSON)
                  .get(String.class)),
          fetched);
    }
  }

  @Test
  void aRemovalIsStreamedAfterTheLinksOtherChanges() throws Exception {
    try (Subscriber subscriber = new Subscriber(api.stream())) {
      long id = api.submit(origin.titled("Short-lived")).getJsonNumber("id").longValue();
      subscriber.await(finishedAll(List.of(id)), DEADLINE);

      api.links().path(String.valueOf(id)).request().delete().close();

      List<Received> events =
          subscriber.await(
              received -> received.stream().anyMatch(event -> event.name().equals("link-removed")),
              DEADLINE);
      Received removal = events.get(events.size() - 1);
      assertEquals("link-removed", removal.name());
      assertEquals(Json.createObjectBuilder().add("id", id).build(), removal.data());
      assertStrictlyIncreasing(events);
    }
  }

  private List<Long> submitTitled(int from, int to) {
    List<Long> ids = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      ids.add(api.submit(origin.titled("Link " + n)).getJsonNumber("id").longValue());
    }
    return ids;
  }

  private static long lastEventId(List<Received> events, long linkId) {
    return events.stream()
        .filter(event -> event.data().getJsonNumber("id").longValue() == linkId)
        .mapToLong(Received::id)
        .max()
        .orElseThrow();
  }

  private static void assertFailed(List<Received> events, long linkId, String reason) {
    JsonObject link = last(events, linkId);
    assertEquals("failed", link.getString("status"), link.toString());
    assertEquals(reason, link.getString("error"));
  }

  private static void assertStrictlyIncreasing(List<Received> events) {
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i - 1).id() < events.get(i).id(), "ids out of order: " + events);
    }
  }
}
