package dev.linkstream.it;

import dev.linkstream.it.Subscriber.Received;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;

/** What the stream said about links: conditions to wait for and the states it went through. */
final class LinkChanges {

  private LinkChanges() {}

  static Predicate<List<Received>> fetchedAll(List<Long> ids) {
    return events -> ids.stream().allMatch(id -> hasStatus(events, id, "fetched"));
  }

  static Predicate<List<Received>> finishedAll(List<Long> ids) {
    return events ->
        ids.stream()
            .allMatch(id -> hasStatus(events, id, "fetched") || hasStatus(events, id, "failed"));
  }

  static boolean hasStatus(List<Received> events, long id, String status) {
    return changesOf(events, id).stream().anyMatch(link -> link.getString("status").equals(status));
  }

  static List<JsonObject> changesOf(List<Received> events, long linkId) {
    return events.stream()
        .filter(event -> event.name().equals("link-update"))
        .map(Received::data)
        .filter(link -> link.getJsonNumber("id").longValue() == linkId)
        .toList();
  }

  static JsonObject last(List<Received> events, long linkId) {
    List<JsonObject> changes = changesOf(events, linkId);
    return changes.get(changes.size() - 1);
  }
}
