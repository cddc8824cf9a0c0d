package dev.linkstream.links.control;

import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.BulkChange;
import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.Edits;
import dev.linkstream.links.entity.FetchClaim;
import dev.linkstream.links.entity.FetchFenced;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Import;
import dev.linkstream.links.entity.ImportProblem;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkCounts;
import dev.linkstream.links.entity.LinkEdit;
import dev.linkstream.links.entity.LinkEvent;
import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.LinkStatus;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.TagCount;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the links and the history of their changes in the database. Each change and its event are
 * committed in one transaction; subscribers are told after the commit.
 */
@ApplicationScoped
public class LinkStore {

  private static final Logger LOG = Logger.getLogger(LinkStore.class.getName());

  private static final String SELECT_LINKS =
      "SELECT id, url, status, state, title, content_type, details, error, own_title,"
          + " own_description, note, submitted_at, updated_at FROM links";

  @Inject Database database;
  @Inject Event<LinkEvent> changes;
  @Inject Event<FetchFenced> fenced;
  @Inject Doorbell doorbell;

  @Inject
  @ConfigProperty(name = "linkstream.stream.history")
  int historySize;

  /** The stored link for a URL, and whether this submission stored it. */
  public record Submission(Link link, boolean created) {}

  /** Links as of one moment, and the id of the newest event they reflect. */
  public record Page(List<Link> links, long lastEventId) {}

  /** The ids of the events still kept, and so replayable: from {@code first} to {@code last}. */
  public record HistoryRange(long first, long last) {

    public boolean continues(long seen) {
      return seen >= first - 1 && seen <= last;
    }
  }

  @FunctionalInterface
  private interface Change<T> {
    T apply(Connection connection, History history, Instant now) throws SQLException;
  }

  /**
   * Stores the URL as a new link with the tags, and the title its submitter saw until a fetch finds
   * one; or gives the stored link the tags too.
   *
   * @throws IllegalArgumentException when the stored link would have more tags than it may
   */
  public Submission submit(SubmittedUrl url, Tags tags, String title) {
    return change(
        (connection, history, now) -> {
          List<Link> stored = links(connection, SELECT_LINKS + " WHERE url = ?", url.toString());
          if (stored.isEmpty()) {
            Link link =
                insert(
                    connection,
                    LinkTags.tagged(Link.pending(0, url.toString(), now).titled(title), tags),
                    null);
            history.updated(link, now);
            return new Submission(link, true);
          }
          Link link = stored.get(0);
          Tags more = link.edits().tags().and(tags.names());
          if (more.equals(link.edits().tags())) {
            return new Submission(link, false);
          }
          Link tagged = link.edited(link.state(), link.edits().with(more), now);
          update(connection, tagged);
          LinkTags.write(connection, link.id(), more);
          history.updated(tagged, now);
          return new Submission(tagged, false);
        });
  }

  /**
   * Records the result, unless the link has been claimed again or refetched since its fetch was
   * claimed: then the result is fenced off, and changes nothing.
   */
  public void record(@ObservesAsync FetchResult result) {
    change(
        (connection, history, now) -> {
          if (!FetchClaims.holds(connection, result.linkId(), result.lease())) {
            fenced.fire(new FetchFenced(result.linkId(), result.lease()));
            return Optional.empty();
          }
          Optional<Link> link = one(connection, result.linkId());
          if (link.isPresent()) {
            Link fetched = link.get().with(result, now);
            update(connection, fetched);
            FetchClaims.end(connection, fetched.id());
            history.updated(fetched, now);
            Optional<Import> progress = Imports.fetched(connection, fetched.id(), now);
            if (progress.isPresent()) {
              history.imported(progress.get(), now);
            }
          }
          return link;
        });
  }

  /**
   * Claims the fetches of at most {@code most} pending links no live claim holds, for the instance
   * until the lease runs out: a person's before an import's, oldest first. Instances that claim at
   * once claim different links.
   */
  public List<FetchClaim> claim(int most, String instance, Duration lease) {
    if (most <= 0) {
      return List.of();
    }
    return database.transaction(
        connection -> {
          List<FetchClaim> claims = new ArrayList<>();
          for (FetchClaims.Claimed claimed : FetchClaims.claim(connection, most, instance, lease)) {
            one(connection, claimed.linkId())
                .map(
                    link ->
                        new FetchClaim(
                            link, claimed.lease(), claimed.attempt(), claimed.tookOver()))
                .ifPresent(claims::add);
          }
          return claims;
        });
  }

  /**
   * Gives up the claim until the delay has passed, for the next attempt, which any instance may
   * claim; false when the claim no longer holds.
   */
  public boolean retryLater(FetchClaim claim, Duration delay) {
    return database.transaction(
        connection -> FetchClaims.release(connection, claim.link().id(), claim.lease(), delay));
  }

  /** Ends the claims an earlier run under the instance's name left, so they are claimed anew. */
  public int releaseClaims(String instance) {
    return database.transaction(connection -> FetchClaims.releaseAll(connection, instance));
  }

  /** How many pending links wait for a free fetcher on any instance: claimable now. */
  public int claimable() {
    return database.transaction(FetchClaims::claimable);
  }

  /**
   * Starts the import of a bookmark file of {@code total} entries, of which those with the problems
   * are invalid.
   */
  public Import startImport(int total, List<ImportProblem> problems) {
    return change(
        (connection, history, now) -> {
          Import started = Imports.start(connection, total, problems, now);
          history.imported(started, now);
          return started;
        });
  }

  /**
   * Stores some of an import's bookmarks: each new URL as a link, pending, whose fetch the import
   * owes; for a stored one, its tags, and its note where it has none. The import counts them.
   *
   * @return the links added, to be fetched
   */
  public List<Link> importSome(long importId, List<Bookmark> bookmarks) {
    return change(
        (connection, history, now) -> {
          List<Link> added = new ArrayList<>();
          for (Bookmark bookmark : bookmarks) {
            String url = bookmark.url().toString();
            List<Link> stored = links(connection, SELECT_LINKS + " WHERE url = ?", url);
            if (stored.isEmpty()) {
              Link link = insert(connection, Link.imported(bookmark, now), importId);
              history.updated(link, now);
              added.add(link);
            } else {
              merge(connection, history, stored.get(0), bookmark, now);
            }
          }
          Import counted =
              Imports.find(connection, importId)
                  .orElseThrow()
                  .counting(added.size(), bookmarks.size() - added.size(), now);
          Imports.update(connection, counted);
          history.imported(counted, now);
          return added;
        });
  }

  private static void merge(
      Connection connection, History history, Link link, Bookmark bookmark, Instant now)
      throws SQLException {
    List<String> all = new ArrayList<>(link.edits().tags().names());
    all.addAll(bookmark.tags().names());
    Edits edits = link.edits().with(Tags.lenient(all));
    if (edits.note() == null && bookmark.note() != null) {
      edits = new Edits(edits.title(), edits.description(), bookmark.note(), edits.tags());
    }
    if (edits.equals(link.edits())) {
      return;
    }
    Link merged = link.edited(link.state(), edits, now);
    update(connection, merged);
    LinkTags.write(connection, link.id(), merged.edits().tags());
    history.updated(merged, now);
  }

  public Optional<Import> findImport(long id) {
    return database.transaction(connection -> Imports.find(connection, id));
  }

  public Optional<Link> refetch(long id) {
    return change(
        (connection, history, now) -> {
          Optional<Link> link = one(connection, id).map(stored -> stored.refetching(now));
          if (link.isPresent()) {
            update(connection, link.get());
            FetchClaims.fence(connection, id);
            history.updated(link.get(), now);
          }
          return link;
        });
  }

  /** The link as edited; unchanged, and no event recorded, when the edit changes nothing. */
  public Optional<Link> edit(long id, LinkEdit edit) {
    return change(
        (connection, history, now) -> {
          Optional<Link> link = one(connection, id);
          if (link.isEmpty() || !edit.changes(link.get())) {
            return link;
          }
          Link edited = edit.applyTo(link.get(), now);
          update(connection, edited);
          if (!edited.edits().tags().equals(link.get().edits().tags())) {
            LinkTags.write(connection, id, edited.edits().tags());
          }
          history.updated(edited, now);
          return Optional.of(edited);
        });
  }

  /** What a bulk change did: the links as it left them, and the ids of those it removed. */
  public record BulkResult(List<Link> changed, List<Long> removed) {}

  /**
   * Makes the change to every link it names that is still stored, all or none, each changed link
   * its own event.
   *
   * @throws IllegalArgumentException when a link would have more tags than it may
   */
  public BulkResult bulk(BulkChange change) {
    return change(
        (connection, history, now) -> {
          List<Link> changed = new ArrayList<>();
          List<Long> removed = new ArrayList<>();
          for (long id : change.ids()) {
            Optional<Link> link = one(connection, id);
            if (link.isEmpty()) {
              continue;
            }
            if (change.delete()) {
              delete(connection, id);
              history.removed(id, now);
              removed.add(id);
              continue;
            }
            Link after = change.applyTo(link.get(), now);
            if (after.state() != link.get().state() || !after.edits().equals(link.get().edits())) {
              update(connection, after);
              LinkTags.write(connection, id, after.edits().tags());
              history.updated(after, now);
              changed.add(after);
            }
          }
          return new BulkResult(changed, removed);
        });
  }

  /** Every tag in use, in alphabetical order, with how many links have it. */
  public List<TagCount> tags() {
    return database.transaction(LinkTags::counts);
  }

  /**
   * Gives every link tagged {@code from} the tag {@code to} instead, or none if it is null; false
   * when no link has {@code from}.
   */
  public boolean retag(String from, String to) {
    return change(
        (connection, history, now) -> {
          List<Long> ids = LinkTags.linksWith(connection, from);
          if (from.equals(to)) {
            return !ids.isEmpty();
          }
          for (long id : ids) {
            Link link = one(connection, id).orElseThrow();
            Tags tags = link.edits().tags().replacing(from, to);
            Link retagged = link.edited(link.state(), link.edits().with(tags), now);
            update(connection, retagged);
            LinkTags.write(connection, id, tags);
            history.updated(retagged, now);
          }
          return !ids.isEmpty();
        });
  }

  public boolean remove(long id) {
    return change(
        (connection, history, now) -> {
          if (!delete(connection, id)) {
            return false;
          }
          history.removed(id, now);
          return true;
        });
  }

  private static boolean delete(Connection connection, long id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM links WHERE id = ?")) {
      delete.setLong(1, id);
      return delete.executeUpdate() > 0;
    }
  }

  /**
   * Gives every link that has no search words yet its words, a chunk in each transaction: those
   * stored before search was, or all after a migration that deletes them because the words are made
   * differently. Until then a search does not find them.
   */
  void makeSearchable(@Observes Startup startup) {
    long after = 0;
    do {
      after = makeSearchable(after);
    } while (after > 0);
  }

  /** Some of the links after the id without words; the last one's id, 0 when there were none. */
  private long makeSearchable(long after) {
    return database.transaction(
        connection -> {
          List<Link> links =
              links(
                  connection,
                  SELECT_LINKS
                      + " WHERE id > ? AND NOT EXISTS (SELECT 1 FROM link_search"
                      + " WHERE link_search.link_id = links.id) ORDER BY id LIMIT 500",
                  after);
          LinkSearch.add(connection, links);
          return links.isEmpty() ? 0 : links.get(links.size() - 1).id();
        });
  }

  public Optional<Link> find(long id) {
    return database.transaction(connection -> one(connection, id));
  }

  /** Newest first: at most {@code limit} links the filter holds with ids below {@code before}. */
  public Page page(int limit, long before, LinkFilter filter) {
    boolean postgres = database.isPostgreSQL();
    return database.snapshot(
        connection -> {
          String rareTag = null;
          if (postgres) {
            planEachQuery(connection);
          } else {
            rareTag = LinkTags.rarest(connection, filter.tags(), Conditions.FEW).orElse(null);
          }
          Conditions.Query query = Conditions.page(limit, before, filter, rareTag, postgres);
          List<Link> links =
              links(connection, SELECT_LINKS + query.sql(), query.parameters().toArray());
          return new Page(links, History.lastId(connection));
        });
  }

  /**
   * Has PostgreSQL plan the page's query for the values it is given. Once the driver has prepared
   * it on the server, PostgreSQL may reuse a plan made without them, which reads as many links for
   * a word in nearly every link as for a rare one (measured: 120 ms where 3 ms do).
   */
  private static void planEachQuery(Connection connection) throws SQLException {
    try (Statement set = connection.createStatement()) {
      set.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
  }

  public LinkCounts counts() {
    return database.transaction(
        connection -> {
          Map<LinkState, Long> counts = new EnumMap<>(LinkState.class);
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT state, COUNT(*) FROM links GROUP BY state");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              counts.put(LinkState.fromJSON(rows.getString(1)), rows.getLong(2));
            }
          }
          return new LinkCounts(
              counts.getOrDefault(LinkState.UNREAD, 0L),
              counts.getOrDefault(LinkState.READ, 0L),
              counts.getOrDefault(LinkState.ARCHIVED, 0L));
        });
  }

  public List<LinkEvent> eventsAfter(long id, int limit) {
    return database.transaction(connection -> History.after(connection, id, limit));
  }

  public HistoryRange historyRange() {
    return database.snapshot(
        connection -> new HistoryRange(History.firstId(connection), History.lastId(connection)));
  }

  private <T> T change(Change<T> work) {
    List<LinkEvent> appended = new ArrayList<>();
    T result =
        database.transaction(
            connection -> {
              T done =
                  work.apply(
                      connection, History.lock(connection, appended::add, historySize), now());
              if (!appended.isEmpty()) {
                doorbell.ring(connection);
              }
              return done;
            });
    appended.forEach(this::announce);
    return result;
  }

  /**
   * After the commit: a notification that cannot be delivered must not turn a stored change into an
   * error; the stream reads every change from the history on the next one anyway.
   */
  private void announce(LinkEvent event) {
    try {
      changes.fireAsync(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not announce event " + event.id() + ": " + e);
    }
  }

  private static Optional<Link> one(Connection connection, long id) throws SQLException {
    return links(connection, SELECT_LINKS + " WHERE id = ?", id).stream().findFirst();
  }

  /** The new link as stored: with the id the database gave it. */
  private static Link insert(Connection connection, Link link, Long importId) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO links (url, status, state, title, note, submitted_at, updated_at,"
                + " import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      bind(
          insert,
          link.url(),
          link.status().toJSON(),
          link.state().toJSON(),
          link.title(),
          link.edits().note(),
          link.submittedAt(),
          link.updatedAt());
      insert.setObject(8, importId, Types.BIGINT);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        Link stored = link.numbered(key.getLong("id"));
        LinkSearch.add(connection, List.of(stored));
        if (!stored.edits().tags().names().isEmpty()) {
          LinkTags.write(connection, stored.id(), stored.edits().tags());
        }
        return stored;
      }
    }
  }

  private static void update(Connection connection, Link link) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE links SET status = ?, state = ?, title = ?, content_type = ?, details = ?,"
                + " error = ?, own_title = ?, own_description = ?, note = ?, updated_at = ?"
                + " WHERE id = ?")) {
      bind(
          update,
          link.status().toJSON(),
          link.state().toJSON(),
          link.title(),
          link.contentType(),
          link.details() == Details.NONE ? null : link.details().toJSON(),
          link.error(),
          link.edits().title(),
          link.edits().description(),
          link.edits().note(),
          link.updatedAt(),
          link.id());
      update.executeUpdate();
    }
    LinkSearch.replace(connection, link);
  }

  private static List<Link> links(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, parameters);
      try (ResultSet rows = select.executeQuery()) {
        List<Link> links = new ArrayList<>();
        while (rows.next()) {
          links.add(
              new Link(
                  rows.getLong("id"),
                  rows.getString("url"),
                  LinkStatus.fromJSON(rows.getString("status")),
                  LinkState.fromJSON(rows.getString("state")),
                  rows.getString("title"),
                  rows.getString("content_type"),
                  Details.fromJSON(rows.getString("details")),
                  rows.getString("error"),
                  new Edits(
                      rows.getString("own_title"),
                      rows.getString("own_description"),
                      rows.getString("note"),
                      Tags.NONE),
                  rows.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                  rows.getObject("updated_at", OffsetDateTime.class).toInstant()));
        }
        return LinkTags.attach(connection, links);
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value == null) {
        statement.setNull(i + 1, Types.VARCHAR);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
