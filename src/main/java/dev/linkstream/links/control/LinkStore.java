package dev.linkstream.links.control;

import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEvent;
import dev.linkstream.links.entity.SubmittedUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps the links and the history of their changes. A change and its event are recorded under one
 * lock, so event ids follow the order of the changes they describe.
 */
@ApplicationScoped
public class LinkStore {

  static final int HISTORY_SIZE = 10_000;

  @Inject Event<LinkEvent> changes;

  final NavigableMap<Long, Link> links = new ConcurrentSkipListMap<>();
  final NavigableMap<Long, LinkEvent> history = new ConcurrentSkipListMap<>();
  private long lastLinkId;
  private long lastEventId;

  public Link submit(SubmittedUrl url) {
    Link link;
    LinkEvent event;
    synchronized (this) {
      link = Link.pending(++lastLinkId, url.toString(), now());
      links.put(link.id(), link);
      event = append(link);
    }
    changes.fireAsync(event);
    return link;
  }

  public void record(@ObservesAsync FetchResult result) {
    LinkEvent event;
    synchronized (this) {
      Link link = links.computeIfPresent(result.linkId(), (id, old) -> old.with(result, now()));
      if (link == null) {
        return;
      }
      event = append(link);
    }
    changes.fireAsync(event);
  }

  public Optional<Link> find(long id) {
    return Optional.ofNullable(links.get(id));
  }

  public List<Link> newestFirst() {
    return List.copyOf(links.descendingMap().values());
  }

  public List<LinkEvent> eventsAfter(long id) {
    return List.copyOf(history.tailMap(id, false).values());
  }

  private LinkEvent append(Link link) {
    LinkEvent event = LinkEvent.update(++lastEventId, link);
    history.put(event.id(), event);
    while (history.size() > HISTORY_SIZE) {
      history.pollFirstEntry();
    }
    return event;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
