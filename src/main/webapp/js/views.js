// The inbox's views: which links the list holds, chosen with the tabs and kept in the page's address
// so that a view can be bookmarked, and how many links are unread, kept current as links change.
import * as api from "./api.js";

const STATES = {
  inbox: ["unread", "read"],
  unread: ["unread"],
  archived: ["archived"],
  all: ["unread", "read", "archived"],
};
const COUNT_PAUSE_MS = 250;
const TITLE = document.title;

const tabs = document.getElementById("views");
const unreadCount = document.getElementById("unread-count");
let counting = null;

/** The view the page's address names; the inbox if it names none, or none there is. */
export function current() {
  const view = new URLSearchParams(location.search).get("view");
  return Object.hasOwn(STATES, view) ? view : "inbox";
}

/** Whether the current view holds the link. */
export function holds(link) {
  return STATES[current()].includes(link.state);
}

/** The first page of the current view. */
export function firstPage() {
  return `api/links?state=${current()}`;
}

/** Marks the current view's tab, for the eye and for screen readers. */
export function showCurrent() {
  tabs.querySelectorAll("a").forEach((tab) => {
    if (tab.dataset.view === current()) {
      tab.setAttribute("aria-current", "page");
    } else {
      tab.removeAttribute("aria-current");
    }
  });
}

/** Calls {@code onChange} when a tab, or going back or forward, chooses another view. */
export function whenChosen(onChange) {
  let shown = current();
  const changed = () => {
    if (current() !== shown) {
      shown = current();
      onChange();
    }
  };
  tabs.addEventListener("click", (event) => {
    const tab = event.target.closest("a[data-view]");
    // A tab opened in a new one, with a modifier or the middle button, is the browser's to open.
    if (!tab || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    if (tab.dataset.view !== current()) {
      const address = new URL(location.href);
      address.searchParams.set("view", tab.dataset.view);
      history.pushState(null, "", address);
      changed();
    }
  });
  addEventListener("popstate", changed);
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
