package dev.linkstream.links.control;

import dev.linkstream.links.entity.LinkEvent;
import dev.linkstream.platform.control.Database;
import dev.linkstream.testing.RecordedEvents;
import jakarta.enterprise.event.Event;

/**
 * A {@link LinkStore} outside a container, wired by hand, for the store's tests and the benchmark.
 */
public final class StandaloneStore {

  private StandaloneStore() {}

  /** A store on the opened database; the events it announces are kept, and nobody reads them. */
  public static LinkStore on(Database database) {
    return on(database, new RecordedEvents<>());
  }

  /** A store on the opened database that announces its events to {@code changes}. */
  public static LinkStore on(Database database, Event<LinkEvent> changes) {
    LinkStore store = new LinkStore();
    store.database = database;
    store.historySize = 10_000;
    store.changes = changes;
    store.fenced = new RecordedEvents<>();
    Doorbell doorbell = new Doorbell();
    doorbell.database = database;
    doorbell.enabled = true;
    store.doorbell = doorbell;
    return store;
  }
}
