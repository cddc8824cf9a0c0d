package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;
import dev.linkstream.platform.entity.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

  private static final int MAX_GIVEN_TITLE = 300;

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

  /**
   * A bookmark from a file as a new link, pending: its title is the bookmark's until a fetch finds
   * one, and it was submitted when the bookmark was saved.
   */
  public static Link imported(Bookmark bookmark, Instant now) {
    return new Link(
        0,
        bookmark.url().toString(),
        LinkStatus.PENDING,
        bookmark.state() == null ? LinkState.UNREAD : bookmark.state(),
        bookmark.title(),
        null,
        Details.NONE,
        null,
        new Edits(null, null, bookmark.note(), bookmark.tags()),
        bookmark.addedAt() == null ? now : bookmark.addedAt(),
        now);
  }

  /**
   * This new link with the title its submitter saw (a browser tab's, say), shown until a fetch
   * finds one: on one line, at most 300 characters.
   */
  public Link titled(String given) {
    String shown = given == null ? "" : Text.cut(Text.oneLine(given), MAX_GIVEN_TITLE);
    return new Link(
        id,
        url,
        status,
        state,
        shown.isEmpty() ? title : shown,
        contentType,
        details,
        error,
        edits,
        submittedAt,
        updatedAt);
  }

  /** This new link with the id the store gave it. */
  public Link numbered(long given) {
    return new Link(
        given,
        url,
        status,
        state,
        title,
        contentType,
        details,
        error,
        edits,
        submittedAt,
        updatedAt);
  }

  /** As a fetch found it; where the reader has it and what they wrote stay. */
  public Link with(FetchResult result, Instant now) {
    LinkStatus outcome = result.error() == null ? LinkStatus.FETCHED : LinkStatus.FAILED;
    return new Link(
        id,
        url,
        outcome,
        state,
        // A failed fetch finds no title: the one known before, an import's say, stays.
        result.title() == null ? title : result.title(),
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

  /** The words a search finds this link by, as {@link Words#document} puts them. */
  public String searchText() {
    List<String> fields = new ArrayList<>();
    fields.add(edits.title() == null ? title : edits.title());
    fields.add(edits.description() == null ? details.description() : edits.description());
    fields.add(url);
    fields.add(edits.note());
    fields.addAll(edits.tags().names());
    return Words.document(fields);
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
