// The live stream of changes, kept open for as long as the page is signed in. After a dropped
// connection the browser reconnects by itself, sending Last-Event-ID; a refused one (503 while the
// server is full, 404 while it starts) it gives up on, so that one is opened again here after a
// growing pause, from the last event seen. Either way nothing is missed or applied twice.
//
// EventSource does not tell why a connection failed, and one refused with 401 (the session ended)
// would be retried forever: after each failure the session is asked about, and the stream is
// opened again only while it still is one.

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;

/**
 * Follows the stream from {@code afterId} until the answer's close() is called. {@code signedIn}
 * answers, as a promise, whether the session still holds; false stops the stream.
 */
export function follow(afterId, { onUpdate, onRemove, onImport, onReset, onState, signedIn }) {
  let lastSeen = afterId;
  let source;
  let pause = FIRST_PAUSE_MS;
  let reopening;
  let checking = null;
  let closed = false;

  const report = (state) => onState(navigator.onLine ? state : "offline");
  const seen = (handle) => (event) => {
    lastSeen = event.lastEventId || lastSeen;
    handle(JSON.parse(event.data));
  };

  function open() {
    clearTimeout(reopening);
    source?.close();
    source = new EventSource(`api/links/stream?lastEventId=${encodeURIComponent(lastSeen)}`);
    source.addEventListener("open", () => {
      pause = FIRST_PAUSE_MS;
      onState("live");
    });
    source.addEventListener("error", failed);
    source.addEventListener("link-update", seen(onUpdate));
    source.addEventListener("link-removed", seen((removal) => onRemove(removal.id)));
    source.addEventListener("import-update", seen(onImport));
    source.addEventListener("reset", seen(onReset));
  }

  async function failed() {
    report("reconnecting");
    // One question at a time: a server that is away fails every reconnection.
    checking ??= signedIn().finally(() => (checking = null));
    const still = await checking;
    if (closed) {
      return;
    }
    if (!still) {
      close();
    } else if (source.readyState === EventSource.CLOSED && navigator.onLine) {
      clearTimeout(reopening);
      reopening = setTimeout(open, pause + Math.random() * pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }

  // A connection that lived through a network change may be dead without knowing it for minutes:
  // the stream is closed when the device goes offline and opened afresh when it is back (so no
  // reconnection is planned while offline).
  function offline() {
    source.close();
    clearTimeout(reopening);
    onState("offline");
  }

  function online() {
    pause = FIRST_PAUSE_MS;
    report("reconnecting");
    open();
  }

  function close() {
    closed = true;
    clearTimeout(reopening);
    source.close();
    removeEventListener("offline", offline);
    removeEventListener("online", online);
  }

  addEventListener("offline", offline);
  addEventListener("online", online);
  open();
  return { close };
}
