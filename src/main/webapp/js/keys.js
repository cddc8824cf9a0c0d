// The inbox from the keyboard, as mail readers have it: j and k move to the next and the previous
// link, e archives the link (or moves it back to the inbox), u marks it unread (or read), / goes
// to the search box. Keys do nothing while a field, a form, a menu or a dialog has them, or with a
// modifier held.
import { focusSearch } from "./views.js";

const list = document.getElementById("links");
const inbox = document.getElementById("inbox");

// Each key presses the first of these buttons that the focused link's row has.
const BUTTONS = { e: ["archive", "inbox"], u: ["unread", "read"] };

/** The shown row {@code step} rows after {@code item} (before it, if negative), or null. */
export function neighbour(item, step) {
  const rows = shownRows();
  const at = rows.indexOf(item);
  return at < 0 ? null : (rows[at + step] ?? null);
}

function shownRows() {
  return [...list.children].filter((row) => !row.hidden && !row.classList.contains("leaving"));
}

function ignored(event) {
  return (
    inbox.hidden ||
    event.defaultPrevented ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    event.target.closest("input, textarea, select, form, [contenteditable], [role=menu], dialog") !== null ||
    document.querySelector("dialog[open]") !== null
  );
}

function move(step) {
  const current = document.activeElement?.closest("#links > li");
  const rows = shownRows();
  const next = current ? neighbour(current, step) : rows[step > 0 ? 0 : rows.length - 1];
  if (next) {
    const title = next.querySelector(".title");
    title.focus();
    next.scrollIntoView({ block: "nearest" });
  }
}

document.addEventListener("keydown", (event) => {
  if (ignored(event)) {
    return;
  }
  if (event.key === "/") {
    event.preventDefault();
    focusSearch();
    return;
  }
  if (event.key === "j" || event.key === "k") {
    event.preventDefault();
    move(event.key === "j" ? 1 : -1);
    return;
  }
  const row = document.activeElement?.closest("#links > li");
  const actions = BUTTONS[event.key];
  if (row && actions) {
    event.preventDefault();
    actions.map((action) => row.querySelector(`[data-action="${action}"]`)).find(Boolean)?.click();
  }
});
