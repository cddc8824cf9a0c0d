// The inbox's views: which links the list holds, chosen with the tabs, the tags and the search box,
// and kept in the page's address so that a view can be bookmarked; and how many links are unread,
// kept current as links change.
import * as api from "./api.js";
import { element } from "./dom.js";
import * as search from "./search.js";

const STATES = {
  inbox: ["unread", "read"],
  unread: ["unread"],
  archived: ["archived"],
  all: ["unread", "read", "archived"],
};
const COUNT_PAUSE_MS = 250;
// Typing pauses this long before the list follows: a search per word, not per key.
const SEARCH_PAUSE_MS = 250;
const TITLE = document.title;

const tabs = document.getElementById("views");
const filters = document.getElementById("tag-filters");
const unreadCount = document.getElementById("unread-count");
const searchForm = document.getElementById("search");
const searchBox = document.getElementById("q");
let counting = null;
let typing = null;
let parsed = { query: null, search: null };
let onChange = () => {};
let shown = address();

/** The view the page's address names; the inbox if it names none, or none there is. */
export function current() {
  const view = new URLSearchParams(location.search).get("view");
  return Object.hasOwn(STATES, view) ? view : "inbox";
}

/** The tags the page's address filters by: a link must have them all. */
export function tags() {
  return new URLSearchParams(location.search).getAll("tag");
}

/** The search the page's address names; empty for none. */
export function query() {
  return new URLSearchParams(location.search).get("q")?.trim() ?? "";
}

/** Whether the current view holds the link. */
export function holds(link) {
  if (parsed.query !== query()) {
    parsed = { query: query(), search: search.parse(query()) };
  }
  return (
    STATES[current()].includes(link.state) &&
    tags().every((tag) => link.tags.includes(tag)) &&
    search.matches(link, parsed.search)
  );
}

/** The first page of the current view. */
export function firstPage() {
  const parameters = new URLSearchParams({ state: current() });
  tags().forEach((tag) => parameters.append("tag", tag));
  if (query()) {
    parameters.set("q", query());
  }
  return `api/links?${parameters}`;
}

/** Marks the current view's tab, and shows the tags it filters by, each with a way to drop it. */
export function showCurrent() {
  tabs.querySelectorAll("a").forEach((tab) => {
    if (tab.dataset.view === current()) {
      tab.setAttribute("aria-current", "page");
    } else {
      tab.removeAttribute("aria-current");
    }
  });
  filters.replaceChildren(
    ...tags().map((tag) => {
      const drop = element("button", "tag-filter", `${tag} ×`);
      drop.type = "button";
      drop.setAttribute("aria-label", `Stop filtering by ${tag}`);
      drop.addEventListener("click", () => go((query) => without(query, tag)));
      return drop;
    }),
  );
  filters.hidden = tags().length === 0;
  // Not while someone types in it: their words stay as typed.
  if (document.activeElement !== searchBox) {
    searchBox.value = query();
  }
}

/** Shows only the links that have this tag too. */
export function filterBy(tag) {
  if (!tags().includes(tag)) {
    go((query) => query.append("tag", tag));
  }
}

/** Calls {@code handler} when a tab, a tag, or going back or forward, chooses another view. */
export function whenChosen(handler) {
  onChange = handler;
  tabs.addEventListener("click", (event) => {
    const tab = event.target.closest("a[data-view]");
    // A tab opened in a new one, with a modifier or the middle button, is the browser's to open.
    if (!tab || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    go((query) => query.set("view", tab.dataset.view));
  });
  addEventListener("popstate", changed);
  searchBox.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(searchFor, SEARCH_PAUSE_MS);
  });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && searchBox.value !== "") {
      event.preventDefault();
      searchBox.value = "";
      searchFor();
    }
  });
  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    searchFor();
  });
}

/** Puts the keyboard in the search box, its words selected to be typed over. */
export function focusSearch() {
  searchBox.focus();
  searchBox.select();
}

// The first word typed is a new entry in the history, so that Back returns to the list before the
// search; refining it replaces that entry rather than adding one for every pause in typing.
function searchFor() {
  clearTimeout(typing);
  const words = searchBox.value.trim();
  if (words === query()) {
    return;
  }
  const searching = query() !== "";
  go((parameters) => (words ? parameters.set("q", words) : parameters.delete("q")), searching);
}

function go(change, replace = false) {
  const next = new URL(location.href);
  change(next.searchParams);
  if (replace) {
    history.replaceState(null, "", next);
  } else {
    history.pushState(null, "", next);
  }
  changed();
}

function changed() {
  if (address() !== shown) {
    shown = address();
    onChange();
  }
}

function address() {
  return JSON.stringify([current(), tags(), query()]);
}

function without(query, tag) {
  const rest = query.getAll("tag").filter((other) => other !== tag);
  query.delete("tag");
  rest.forEach((other) => query.append("tag", other));
}

/** Asks for the counts again soon: one request however many changes come in a burst. */
export function recount() {
  if (counting) {
    return;
  }
  counting = setTimeout(async () => {
    try {
      showUnread((await api.counts()).unread);
    } catch {
      // the stream's state says the server is away; the next change counts again
    } finally {
      counting = null;
    }
  }, COUNT_PAUSE_MS);
}

/** Forgets the counts, as signing out does. */
export function forget() {
  clearTimeout(counting);
  counting = null;
  showUnread(0);
}

function showUnread(count) {
  unreadCount.textContent = count > 0 ? String(count) : "";
  document.title = count > 0 ? `(${count}) ${TITLE}` : TITLE;
}
