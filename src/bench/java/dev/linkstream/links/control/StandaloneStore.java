package dev.linkstream.links.control;

import dev.linkstream.platform.control.Database;
import dev.linkstream.testing.RecordedEvents;

/** A {@link LinkStore} outside a container, wired by hand as the store's tests wire it. */
public final class StandaloneStore {

  private StandaloneStore() {}

  /** A store on the opened database; the events it announces are kept, and nobody reads them. */
  public static LinkStore on(Database database) {
    LinkStore store = new LinkStore();
    store.database = database;
    store.historySize = 10_000;
    store.changes = new RecordedEvents<>();
    return store;
  }
}
