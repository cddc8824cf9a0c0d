// Several links at once: each row has a box to select it (shift selects the rows between it and the
// last one chosen), and while any is selected a bar offers what can be done to all of them, in one
// request; the stream brings each change back, as for any other.
import { $, say } from "./dom.js";
import { send } from "./http.js";

const bar = $("bulk");
const count = $("bulk-count");
const message = $("bulk-message");
const remove = $("bulk-delete");
const list = $("links");
const selected = new Set();
let last = null;
let onDone = () => {};

/** Calls {@code handler} with what a change of the selection did: {changed, removed}. */
export function whenDone(handler) {
  onDone = handler;
}

export function has(id) {
  return selected.has(id);
}

/** Selects the link's row, or leaves it; with shift, every shown row from the last one chosen. */
export function toggle(id, chosen, { range = false } = {}) {
  const rows = shownIds();
  const between = range && last !== null && rows.includes(last) ? span(rows, last, id) : [id];
  between.forEach((one) => (chosen ? selected.add(one) : selected.delete(one)));
  last = id;
  show();
}

/** Forgets a link that left the list. */
export function drop(id) {
  if (selected.delete(id)) {
    show();
  }
}

export function clear() {
  selected.clear();
  last = null;
  show();
}

function span(rows, from, to) {
  const [start, end] = [rows.indexOf(from), rows.indexOf(to)].sort((a, b) => a - b);
  return rows.slice(start, end + 1);
}

function shownIds() {
  return [...list.children]
    .filter((row) => !row.hidden && !row.classList.contains("leaving"))
    .map((row) => Number(row.id.slice("link-".length)));
}

function show() {
  list.querySelectorAll("input.select").forEach((box) => {
    box.checked = selected.has(Number(box.closest("li").id.slice("link-".length)));
  });
  bar.hidden = selected.size === 0;
  count.textContent = selected.size === 1 ? "1 selected" : `${selected.size} selected`;
  remove.textContent = "Delete";
  delete remove.dataset.confirm;
}

async function change(body) {
  say(message, "");
  try {
    const response = await send("api/links/bulk", "POST", { ids: [...selected], ...body });
    clear();
    onDone(await response.json());
  } catch (failure) {
    say(message, failure.message, true);
  }
}

$("bulk-all").addEventListener("click", () => {
  shownIds().forEach((id) => selected.add(id));
  show();
});
$("bulk-clear").addEventListener("click", clear);
bar.querySelectorAll("[data-state]").forEach((button) =>
  button.addEventListener("click", () => change({ state: button.dataset.state })),
);
$("bulk-tag").addEventListener("submit", (event) => {
  event.preventDefault();
  const tag = $("bulk-tag-name").value.trim();
  if (tag) {
    $("bulk-tag-name").value = "";
    change({ addTags: [tag] });
  }
});
// Deleting many is asked twice: the first press says how many, the second deletes them.
remove.addEventListener("click", () => {
  if (!remove.dataset.confirm) {
    remove.dataset.confirm = "true";
    remove.textContent = `Delete ${selected.size}: sure?`;
    return;
  }
  change({ delete: true });
});
