package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A submitted URL, what is known about the page behind it, and what its reader made of it. */
public record Link(
    long id,
    String url,
    LinkStatus status,
    LinkState state,
    String title,
    String contentType,
    Details details,
    String error,
    Edits edits,
    Instant submittedAt,
    Instant updatedAt) {

  public static Link pending(long id, String url, Instant now) {
    return new Link(
        id,
        url,
        LinkStatus.PENDING,
        LinkState.UNREAD,
        null,
        null,
        Details.NONE,
        null,
        Edits.NONE,
        now,
        now);
  }

  /** As a fetch found it; where the reader has it and what they wrote stay. */
  public Link with(FetchResult result, Instant now) {
    LinkStatus outcome = result.error() == null ? LinkStatus.FETCHED : LinkStatus.FAILED;
    return new Link(
        id,
        url,
        outcome,
        state,
        result.title(),
        result.contentType(),
        result.details(),
        result.error(),
        edits,
        submittedAt,
        now);
  }

  /** Pending again for a new fetch; what the last fetch learned stays until the next one ends. */
  public Link refetching(Instant now) {
    return new Link(
        id,
        url,
        LinkStatus.PENDING,
        state,
        title,
        contentType,
        details,
        null,
        edits,
        submittedAt,
        now);
  }

  /** As its reader put it and wrote about it. */
  public Link edited(LinkState moved, Edits written, Instant now) {
    return new Link(
        id, url, status, moved, title, contentType, details, error, written, submittedAt, now);
  }

  public JsonObject toJSON() {
    JsonObjectBuilder json =
        Jsonp.object()
            .add("id", id)
            .add("url", url)
            .add("status", status.toJSON())
            .add("state", state.toJSON());
    Details.add(json, "title", title);
    Details.add(json, "contentType", contentType);
    details.addTo(json);
    edits.addTo(json);
    Details.add(json, "error", error);
    return json.add("submittedAt", submittedAt.toString())
        .add("updatedAt", updatedAt.toString())
        .build();
  }
}
