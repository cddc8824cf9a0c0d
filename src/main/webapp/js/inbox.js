// The inbox: a form to add links and the live list of them, kept current by the stream. It runs
// while someone is signed in: open() loads the list and follows the stream, close() stops both
// and forgets what was shown, so that nothing of it stays on the page of the next person.
//
// A change made on another page never moves the rows under the pointer: while it is over the list,
// a row that leaves the view stays, dimmed, and new rows wait, until the pointer leaves or the
// person asks for them.
import * as api from "./api.js";
import * as bookmarks from "./bookmarks.js";
import { openEditor } from "./editor.js";
import * as selection from "./selection.js";
import { stillSignedIn } from "./session.js";
import { neighbour } from "./keys.js";
import { follow } from "./stream.js";
import { keepCurrent } from "./times.js";
import { linkItem } from "./view.js";
import * as views from "./views.js";

const UNDO_MS = 6000;
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;
const STATES = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" };

const $ = (id) => document.getElementById(id);
const view = $("inbox");
const list = $("links");
const form = $("submit");
const input = $("url");
const add = $("add");
const urlMessage = $("url-message");
const listMessage = $("list-message");
const older = $("older");
const empty = $("empty");
const undo = $("undo");
const announcer = $("announcer");
const waitingButton = $("waiting");
const EMPTY = {
  inbox: "Nothing to read. Add a link above; it appears here, and on every other open page, at once.",
  unread: "No unread links.",
  archived: "Nothing archived. Archive a link (or press e) once you are done with it.",
  all: "No links yet. Add one above; it appears here, and on every other open page, at once.",
};

const links = new Map();
// Links the stream sent since the last frame, drawn at the next.
const arriving = new Map();
let arrivals = null;
// Ids removed, so that a page or event that left before the removal cannot bring them back.
const removed = new Set();
// Removals that can still be undone: id -> timer that sends them.
const deleting = new Map();
// New rows from elsewhere that wait while the pointer is over the list: id -> link.
const waiting = new Map();
// Links this page is changing: the stream may tell of the change before the answer does.
const changing = new Set();
// Rows whose editor is open: drawn again, with the newest link, only once it closes.
const editing = new Set();
let nextPage = null;
let loading = null;
let stream = null;
// Counts the openings, so that an answer meant for an earlier one, signed out since, is dropped.
let opened = 0;
// Counts the lists started (a view chosen, a reset), so that a page of an earlier one is dropped.
let listed = 0;

// Comparable as text at full precision: the server's instants have up to nine decimals, and
// Date.parse would keep only three, so two changes in one millisecond would look simultaneous.
function stamp(instant) {
  return instant.replace(/(?:\.(\d+))?Z$/, (_, fraction = "") => `.${fraction.padEnd(9, "0")}Z`);
}

/** Shows a change of a link; {@code own} marks one this page made, which takes effect at once. */
function show(link, { announce = false, own = false } = {}) {
  own ||= changing.has(link.id);
  const known = links.get(link.id);
  // This page's own change may have come on the stream first, and wait for the pointer: its answer
  // takes effect all the same.
  const [now, before] = [stamp(link.updatedAt), known ? stamp(known.updatedAt) : ""];
  const newer = now > before ? 1 : now === before ? 0 : -1;
  if (removed.has(link.id) || newer < 0 || (newer === 0 && !own)) {
    return;
  }
  links.set(link.id, link);
  const old = $(`link-${link.id}`);
  waiting.delete(link.id);
  if (!views.holds(link)) {
    if (old) {
      leave(place(link, old), own);
    }
  } else if (!old && !own && pointerOnList()) {
    waiting.set(link.id, link);
  } else {
    place(link, old);
  }
  if (announce && link.status !== "pending" && known?.status !== link.status) {
    announcer.textContent =
      link.status === "fetched" ? `New title: ${link.title}` : `Could not fetch ${link.url}: ${link.error}`;
  }
  updateEmpty();
}

/** Draws the link's row, in place of {@code old} or where its id puts it among the others. */
function place(link, old) {
  if (old && editing.has(link.id)) {
    return old;
  }
  const item = linkItem(link, {
    onRetry: retry,
    onDelete: startDeleting,
    onMark: mark,
    onEdit: edit,
    onTag: views.filterBy,
    selected: selection.has(link.id),
    onSelect: selection.toggle,
  });
  item.hidden = deleting.has(link.id);
  if (old) {
    const focused = old.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    old.replaceWith(item);
    if (focused) {
      // Keeps a keyboard user where they were; a button that went away hands over to the title.
      (item.querySelector(`[data-action="${focused}"]`) ?? item.querySelector(".title")).focus();
    }
  } else {
    const newer = [...list.children].find((other) => Number(other.id.slice(5)) < link.id);
    list.insertBefore(item, newer ?? null);
  }
  return item;
}

/** A row whose link left the view, or the list: gone at once, or once the pointer has left. */
function leave(item, own) {
  if ((!own && pointerOnList()) || editing.has(Number(item.id.slice(5)))) {
    item.classList.add("leaving");
    return;
  }
  if (item.contains(document.activeElement)) {
    const next = neighbour(item, 1) ?? neighbour(item, -1);
    (next?.querySelector(".title") ?? view).focus();
  }
  item.remove();
  selection.drop(Number(item.id.slice(5)));
}

function pointerOnList() {
  return list.matches(":hover");
}

/** What waited for the pointer to leave the list: rows go and come. */
function settle() {
  list.querySelectorAll(".leaving").forEach((item) => leave(item, true));
  waiting.forEach((link) => place(link, null));
  waiting.clear();
  updateEmpty();
}

function forget(id, { own = false } = {}) {
  removed.add(id);
  links.delete(id);
  waiting.delete(id);
  const item = $(`link-${id}`);
  if (item) {
    leave(item, own);
  }
  updateEmpty();
}

function updateEmpty() {
  empty.textContent = views.query() ? `No links here match “${views.query()}”.` : EMPTY[views.current()];
  empty.hidden = [...list.children].some((item) => !item.hidden) || loading !== null;
  waitingButton.hidden = waiting.size === 0;
  waitingButton.textContent = waiting.size === 1 ? "Show 1 new link" : `Show ${waiting.size} new links`;
}

function say(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle("error", isError);
}

// --- adding ---

function normalise(text) {
  const value = text.trim();
  if (!value) {
    return { error: "Enter a link to add, such as https://example.org/article." };
  }
  // As an address bar does: a link typed without its scheme is taken as https.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  let url;
  try {
    url = new URL(candidate);
  } catch {
    return { error: "That is not a link. Enter one such as https://example.org/article." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { error: "Only http and https links can be added." };
  }
  // Chromium's parser lets spaces into a host name, encoded; no such host exists.
  if (!url.hostname || url.hostname.includes("%")) {
    return { error: "That is not a link. Enter one such as https://example.org/article." };
  }
  return { url: candidate };
}

function invalid(text) {
  input.setAttribute("aria-invalid", "true");
  say(urlMessage, text, true);
  input.focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { url, error } = normalise(input.value);
  if (error) {
    invalid(error);
    return;
  }
  add.disabled = true;
  form.setAttribute("aria-busy", "true");
  try {
    const { link, known } = await api.submit(url);
    input.value = "";
    input.removeAttribute("aria-invalid");
    removed.delete(link.id);
    show(link, { own: true });
    const elsewhere = views.holds(link) ? "" : ` It is in the ${link.state === "archived" ? "archive" : "inbox"}.`;
    say(urlMessage, (known ? "Already in the list." : "Added. Its title is on the way.") + elsewhere);
    $(`link-${link.id}`)?.scrollIntoView({ block: "nearest" });
  } catch (failure) {
    invalid(failure.message);
  } finally {
    add.disabled = false;
    form.removeAttribute("aria-busy");
  }
});

input.addEventListener("input", () => {
  if (input.hasAttribute("aria-invalid")) {
    input.removeAttribute("aria-invalid");
    say(urlMessage, "");
  }
});

// --- reading, archiving, retrying and deleting ---

function edit(link) {
  const row = $(`link-${link.id}`);
  if (!row || editing.has(link.id)) {
    return;
  }
  editing.add(link.id);
  row.classList.add("editing");
  openEditor(row, link, {
    save: async (changes) => {
      changing.add(link.id);
      try {
        const saved = await api.edit(link.id, changes);
        stopEditing(link.id);
        show(saved, { own: true });
      } finally {
        changing.delete(link.id);
      }
    },
    close: () => stopEditing(link.id),
  });
}

/** Closes the row's editor and draws it with the newest link, which may have left the view. */
function stopEditing(id) {
  editing.delete(id);
  const row = $(`link-${id}`);
  const link = links.get(id);
  if (!row) {
    return;
  }
  if (!link) {
    row.remove();
    updateEmpty();
    return;
  }
  const drawn = place(link, row);
  drawn.querySelector('[data-action="edit"]').focus();
  if (!views.holds(link)) {
    leave(drawn, true);
  }
  updateEmpty();
}

async function mark(link, state) {
  changing.add(link.id);
  try {
    show(await api.edit(link.id, { state }), { own: true });
    say(listMessage, "");
  } catch (failure) {
    say(listMessage, `Could not change ${link.title || link.url}: ${failure.message}`, true);
  } finally {
    changing.delete(link.id);
  }
}

async function retry(link) {
  try {
    show(await api.refetch(link.id), { own: true });
    say(listMessage, "");
  } catch (failure) {
    say(listMessage, `Could not retry ${link.url}: ${failure.message}`, true);
  }
}

function startDeleting(link) {
  // One undo at a time: a removal still waiting goes out now.
  deleting.forEach((_, id) => finishDeleting(id));
  const item = $(`link-${link.id}`);
  const next = item?.nextElementSibling;
  if (item) {
    item.hidden = true;
  }
  deleting.set(link.id, setTimeout(() => finishDeleting(link.id), UNDO_MS));
  $("undo-text").textContent = `Deleted “${link.title || link.url}”.`;
  undo.dataset.id = link.id;
  undo.hidden = false;
  undo.dataset.returnTo = next ? next.id : "";
  $("undo-button").focus();
  updateEmpty();
}

function closeUndo(id) {
  if (undo.dataset.id !== String(id)) {
    return;
  }
  const hadFocus = undo.contains(document.activeElement);
  undo.hidden = true;
  delete undo.dataset.id;
  if (hadFocus) {
    const next = undo.dataset.returnTo && $(undo.dataset.returnTo);
    (next && !next.hidden ? next.querySelector(".title") : input).focus();
  }
}

async function finishDeleting(id, keepalive = false) {
  clearTimeout(deleting.get(id));
  deleting.delete(id);
  closeUndo(id);
  try {
    await api.remove(id, keepalive);
    forget(id, { own: true });
  } catch (failure) {
    const item = $(`link-${id}`);
    if (item) {
      item.hidden = false;
    }
    say(listMessage, `Could not delete it: ${failure.message}`, true);
    updateEmpty();
  }
}

$("undo-button").addEventListener("click", () => {
  const id = Number(undo.dataset.id);
  clearTimeout(deleting.get(id));
  deleting.delete(id);
  const item = $(`link-${id}`);
  if (item) {
    item.hidden = false;
  }
  undo.hidden = true;
  delete undo.dataset.id;
  item?.querySelector(".title").focus();
  updateEmpty();
});

addEventListener("pagehide", () => deleting.forEach((_, id) => finishDeleting(id, true)));

// --- loading and following ---

function loadOlder() {
  if (loading || !nextPage) {
    return loading;
  }
  const listing = listed;
  loading = api
    .page(nextPage)
    .then((page) => {
      if (listing !== listed) {
        throw new Error("the list started over meanwhile");
      }
      page.links.forEach((link) => show(link, { own: true }));
      nextPage = page.next;
      say(listMessage, "");
      return page.lastEventId;
    })
    .catch((failure) => {
      if (listing === listed) {
        say(listMessage, `Could not load the links: ${failure.message}`, true);
      }
      throw failure;
    })
    .finally(() => {
      if (listing !== listed) {
        return;
      }
      loading = null;
      older.hidden = !nextPage;
      updateEmpty();
    });
  return loading;
}

// An import sends thousands of links in seconds: they are drawn once a frame, each link as last
// sent, and announced only one at a time.
function showArrivals() {
  arrivals = null;
  const batch = [...arriving.values()];
  arriving.clear();
  batch.forEach((link) => show(link, { announce: batch.length === 1 }));
  views.recount();
}

// The server no longer holds the changes this page missed, or another view was chosen: the list
// starts over, while the stream goes on.
function reload() {
  listed += 1;
  selection.clear();
  loading = null;
  editing.clear();
  links.clear();
  removed.clear();
  waiting.clear();
  list.replaceChildren();
  views.showCurrent();
  nextPage = views.firstPage();
  loadOlder()?.catch(() => {});
  views.recount();
}

function connection(state) {
  $("connection").dataset.state = state;
  $("connection-text").textContent = STATES[state];
}

async function start(opening) {
  for (let pause = FIRST_PAUSE_MS; opening === opened; pause = Math.min(2 * pause, LONGEST_PAUSE_MS)) {
    try {
      const lastEventId = await loadOlder();
      if (opening !== opened) {
        return;
      }
      stream = follow(lastEventId, {
        onUpdate: (link) => {
          arriving.set(link.id, link);
          arrivals ??= requestAnimationFrame(showArrivals);
        },
        onRemove: (id) => {
          arriving.delete(id);
          forget(id);
          views.recount();
        },
        onImport: bookmarks.update,
        onReset: reload,
        onState: connection,
        signedIn: stillSignedIn,
      });
      return;
    } catch (failure) {
      // Signed out: whoever listens to the session has heard of it, and this opening is over.
      if (failure.status === 401) {
        return;
      }
      connection(navigator.onLine ? "reconnecting" : "offline");
      await new Promise((resume) => setTimeout(resume, pause));
    }
  }
}

// This page's own change: it takes effect at once, whether or not the stream told of it first.
selection.whenDone(({ changed, removed }) => {
  changed.forEach((link) => show(link, { own: true }));
  removed.forEach((id) => forget(id, { own: true }));
  views.recount();
});
older.addEventListener("click", () => loadOlder()?.catch(() => {}));
list.addEventListener("pointerleave", settle);
waitingButton.addEventListener("click", settle);
views.whenChosen(() => {
  if (!view.hidden) {
    reload();
  }
});
// Scrolling to the end of the list loads the next page; the button stays for keyboards.
new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) {
    loadOlder()?.catch(() => {});
  }
}).observe(older);
keepCurrent(list);

/** Shows the inbox, empty, and fills it; {@code focus} moves the keyboard into it. */
export function open({ focus = false } = {}) {
  close();
  views.showCurrent();
  nextPage = views.firstPage();
  views.recount();
  connection("connecting");
  $("connection").hidden = false;
  view.hidden = false;
  if (focus) {
    // Onto the region, not into the field: a screen reader announces where it now is, and the next
    // Tab reaches the field.
    view.focus();
  }
  start(opened);
}

/** Sends the deletions still waiting for their undo, as leaving the page does. */
export function flush() {
  return Promise.all([...deleting.keys()].map((id) => finishDeleting(id)));
}

/** Stops the stream and forgets the list. */
export function close() {
  opened += 1;
  listed += 1;
  cancelAnimationFrame(arrivals);
  arrivals = null;
  arriving.clear();
  selection.clear();
  waiting.clear();
  editing.clear();
  waitingButton.hidden = true;
  views.forget();
  stream?.close();
  stream = null;
  deleting.forEach((timer) => clearTimeout(timer));
  deleting.clear();
  undo.hidden = true;
  delete undo.dataset.id;
  links.clear();
  removed.clear();
  list.replaceChildren();
  loading = null;
  nextPage = null;
  older.hidden = true;
  empty.hidden = true;
  input.value = "";
  input.removeAttribute("aria-invalid");
  say(urlMessage, "");
  say(listMessage, "");
  announcer.textContent = "";
  connection("connecting");
  $("connection").hidden = true;
  view.hidden = true;
}
