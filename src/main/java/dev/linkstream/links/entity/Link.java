package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A submitted URL and what is known about the page behind it. */
public record Link(
    long id,
    String url,
    LinkStatus status,
    LinkState state,
    String title,
    String contentType,
    Details details,
    String error,
    Instant submittedAt,
    Instant updatedAt) {

  public static Link pending(long id, String url, Instant now) {
    return new Link(
        id, url, LinkStatus.PENDING, LinkState.UNREAD, null, null, Details.NONE, null, now, now);
  }

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
        submittedAt,
        now);
  }

  /** Pending again for a new fetch; what the last fetch learned stays until the next one ends. */
  public Link refetching(Instant now) {
    return new Link(
        id, url, LinkStatus.PENDING, state, title, contentType, details, null, submittedAt, now);
  }

  /** Moved to another state by its reader. */
  public Link in(LinkState moved, Instant now) {
    return new Link(id, url, status, moved, title, contentType, details, error, submittedAt, now);
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
    Details.add(json, "error", error);
    return json.add("submittedAt", submittedAt.toString())
        .add("updatedAt", updatedAt.toString())
        .build();
  }
}
