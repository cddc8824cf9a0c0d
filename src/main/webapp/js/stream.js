// The live stream of changes, kept open for as long as the page is. After a dropped connection
// the browser reconnects by itself, sending Last-Event-ID; a refused one (503 while the server is
// full, 404 while it starts) it gives up on, so that one is opened again here after a growing
// pause, from the last event seen. Either way nothing is missed or applied twice.

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;

export function follow(afterId, { onUpdate, onRemove, onReset, onState }) {
  let lastSeen = afterId;
  let source;
  let pause = FIRST_PAUSE_MS;
  let reopening;

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
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        reopening = setTimeout(open, pause + Math.random() * pause);
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      }
      report("reconnecting");
    });
    source.addEventListener("link-update", seen(onUpdate));
    source.addEventListener("link-removed", seen((removal) => onRemove(removal.id)));
    source.addEventListener("reset", seen(onReset));
  }

  // A connection that lived through a network change may be dead without knowing it for minutes:
  // the stream is closed when the device goes offline and opened afresh when it is back.
  addEventListener("offline", () => {
    source.close();
    clearTimeout(reopening);
    onState("offline");
  });
  addEventListener("online", () => {
    pause = FIRST_PAUSE_MS;
    report("reconnecting");
    open();
  });
  open();
}
