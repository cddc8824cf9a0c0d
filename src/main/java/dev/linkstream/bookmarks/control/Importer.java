package dev.linkstream.bookmarks.control;

import dev.linkstream.bookmarks.entity.BookmarkFile;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.FetchWanted;
import dev.linkstream.links.entity.Import;
import dev.linkstream.links.entity.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a bookmark file: counts it at once, then stores its links in the background a chunk at a
 * time, oldest first so that ids follow the dates, each chunk's links and progress one transaction.
 * Their fetches join the fetchers' backlog, behind any link a person submits.
 */
@ApplicationScoped
public class Importer {

  private static final Logger LOG = Logger.getLogger(Importer.class.getName());

  // Small enough that a chunk's transaction keeps the event sequence only briefly from others.
  static final int CHUNK = 200;

  @Inject LinkStore store;
  @Inject Event<FetchWanted> fetches;
  @Inject Event<Work> work;

  /** An import's bookmarks, still to be stored. */
  record Work(long importId, List<Bookmark> bookmarks) {}

  public Import start(BookmarkFile file) {
    Import started =
        store.startImport(file.bookmarks().size() + file.problems().size(), file.problems());
    List<Bookmark> oldestFirst =
        file.bookmarks().stream()
            .sorted(
                Comparator.comparing(
                    Bookmark::addedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
            .toList();
    work.fireAsync(new Work(started.id(), oldestFirst));
    return started;
  }

  void store(@ObservesAsync Work work) {
    List<Bookmark> bookmarks = work.bookmarks();
    try {
      for (int from = 0; from < bookmarks.size(); from += CHUNK) {
        List<Bookmark> chunk = bookmarks.subList(from, Math.min(bookmarks.size(), from + CHUNK));
        List<Link> added = store.importSome(work.importId(), chunk);
        if (!added.isEmpty()) {
          fetches.fire(new FetchWanted(added.get(0)));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Import " + work.importId() + " stopped before its end", e);
    }
  }
}
