// One link as a list item. Everything a fetched page said is set as text, never as markup: titles
// and descriptions come from pages anyone can write.
import { element } from "./dom.js";
import { timeElement } from "./times.js";

const KINDS = [
  [/^application\/pdf$/, "PDF"],
  [/^image\//, "Image"],
  [/^video\//, "Video"],
  [/^audio\//, "Audio"],
  [/^text\/plain$/, "Text"],
];
const HTML = /^(text\/html|application\/xhtml\+xml)$/;

/** A short name for a content type that is not a web page, or null for a web page. */
export function kind(contentType) {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (!type || HTML.test(type)) {
    return null;
  }
  const known = KINDS.find(([pattern]) => pattern.test(type));
  if (known) {
    return known[1];
  }
  return (type.split("/")[1] ?? type).replace(/^(x-|vnd\.)/, "").slice(0, 12).toUpperCase();
}

function button(action, label, name, onClick) {
  const made = element("button", action, label);
  made.type = "button";
  made.dataset.action = action;
  made.setAttribute("aria-label", `${label} ${name}`);
  made.addEventListener("click", onClick);
  return made;
}

const CHIPS = { pending: "Fetching…", fetched: "Fetched", failed: "Failed" };

function badge(link) {
  const label = kind(link.contentType);
  if (!label) {
    return [];
  }
  const pages = link.pageCount ? ` · ${link.pageCount} ${link.pageCount === 1 ? "page" : "pages"}` : "";
  return [element("span", "badge", label + pages)];
}

// What a person can do next with a link in each state: [action, label, the state it moves to].
const MOVES = {
  unread: [["read", "Mark read", "read"], ["archive", "Archive", "archived"]],
  read: [["unread", "Mark unread", "unread"], ["archive", "Archive", "archived"]],
  archived: [["inbox", "Move to inbox", "read"]],
};

export function linkItem(link, { onRetry, onDelete, onMark, onEdit, onTag, selected, onSelect }) {
  const url = new URL(link.url);
  const name = link.title || link.url;
  const item = element("li", "link");
  item.id = `link-${link.id}`;
  item.dataset.status = link.status;
  item.dataset.state = link.state;

  const box = element("input", "select");
  box.type = "checkbox";
  box.checked = selected;
  box.setAttribute("aria-label", `Select ${name}`);
  box.addEventListener("click", (event) => onSelect(link.id, box.checked, { range: event.shiftKey }));

  const title = element("a", "title", name);
  // The server accepts only http and https; checked again so no other scheme can become a link.
  if (url.protocol === "http:" || url.protocol === "https:") {
    title.href = link.url;
  }
  title.target = "_blank";
  title.rel = "noopener noreferrer";
  title.dataset.action = "open";
  // Opening a link is reading it, with any button that opens it.
  const opened = (event) => {
    if (link.state === "unread" && event.button !== 2) {
      onMark(link, "read");
    }
  };
  title.addEventListener("click", opened);
  title.addEventListener("auxclick", opened);
  const heading = element("h3", "heading");
  heading.append(title);

  const body = element("div", "body");
  body.append(heading);
  if (link.description) {
    body.append(element("p", "description", link.description));
  }
  if (link.note) {
    body.append(element("p", "link-note", link.note));
  }
  if (link.tags.length > 0) {
    const tags = element("ul", "tags");
    tags.setAttribute("aria-label", "Tags");
    for (const tag of link.tags) {
      const chip = element("button", "tag", tag);
      chip.type = "button";
      chip.dataset.tag = tag;
      chip.setAttribute("aria-label", `Show the links tagged ${tag}`);
      chip.addEventListener("click", () => onTag(tag));
      const item = element("li");
      item.append(chip);
      tags.append(item);
    }
    body.append(tags);
  }
  const meta = element("p", "meta");
  if (link.state === "unread") {
    meta.append(element("span", "flag", "Unread"));
  }
  meta.append(
    element("span", `chip ${link.status}`, CHIPS[link.status] ?? link.status),
    ...badge(link),
    element("span", "host", url.host),
    timeElement(link.submittedAt),
  );
  body.append(meta);
  if (link.status === "failed") {
    body.append(element("p", "reason", `Could not fetch it: ${link.error ?? "unknown reason"}`));
  }

  const actions = element("div", "actions");
  if (link.status === "failed") {
    actions.append(button("retry", "Retry", name, () => onRetry(link)));
  }
  for (const [action, label, state] of MOVES[link.state] ?? []) {
    actions.append(button(action, label, name, () => onMark(link, state)));
  }
  actions.append(
    button("edit", "Edit", name, () => onEdit(link)),
    button("delete", "Delete", name, () => onDelete(link)),
  );
  item.append(box, body, actions);
  return item;
}
