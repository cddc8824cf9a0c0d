// Editing a link in its row: the title, description, note and tags as the person wants them. Only
// what they change is sent, and blank text gives the fetched title or description back. Enter
// saves (Ctrl+Enter in the note), Escape cancels. Tags are separated by commas, and the tags in use
// are offered as the last one is typed.
import * as api from "./api.js";
import { element, say, uniqueId } from "./dom.js";

const FIELDS = [
  ["title", "Title", "input", 300],
  ["description", "Description", "input", 500],
  ["note", "Note", "textarea", 10000],
  ["tags", "Tags, separated by commas", "input", 1100],
];

/**
 * Opens the editor in the row. {@code save} gets the changes and answers a promise; {@code close}
 * is called when the person cancels, or saves nothing.
 */
export function openEditor(row, link, { save, close }) {
  const form = element("form", "editor");
  form.noValidate = true;
  const initial = {};
  for (const [name, label, tag, max] of FIELDS) {
    const field = element(tag);
    if (tag === "input") {
      field.type = "text";
    }
    field.id = uniqueId(`edit-${name}`);
    field.name = name;
    field.maxLength = max;
    field.value = initial[name] = name === "tags" ? link.tags.join(", ") : (link[name] ?? "");
    const caption = element("label", null, label);
    caption.htmlFor = field.id;
    form.append(caption, field);
  }
  const message = element("p", "message");
  message.setAttribute("aria-live", "polite");
  const saving = element("button", "primary", "Save");
  saving.type = "submit";
  const cancel = element("button", null, "Cancel");
  cancel.type = "button";
  const buttons = element("div", "edit-buttons");
  buttons.append(saving, cancel);
  form.append(message, buttons);

  const field = (name) => form.elements.namedItem(name);
  offerTags(field("tags"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const changes = {};
    for (const [name] of FIELDS) {
      const value = field(name).value;
      if (value === initial[name]) {
        continue;
      }
      if (name === "tags") {
        changes.tags = value.split(",").map((tag) => tag.trim()).filter((tag) => tag);
      } else {
        changes[name] = value.trim() ? value : null;
      }
    }
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    saving.disabled = true;
    try {
      await save(changes);
    } catch (failure) {
      say(message, failure.message, true);
      saving.disabled = false;
    }
  });
  cancel.addEventListener("click", close);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  row.querySelector(".body").append(form);
  field("title").focus();
}

/** Suggests the tags in use for the tag being typed, the last after a comma. */
async function offerTags(field) {
  const choices = element("datalist");
  choices.id = uniqueId("tag-choices");
  field.setAttribute("list", choices.id);
  field.after(choices);
  let known = [];
  try {
    known = (await api.tags()).map((tag) => tag.name);
  } catch {
    return; // no suggestions; the field works without them
  }
  const suggest = () => {
    const typed = field.value.split(",");
    const start = typed.slice(0, -1).map((tag) => tag.trim()).filter((tag) => tag);
    const last = typed[typed.length - 1].trim().toLowerCase();
    choices.replaceChildren(
      ...known
        .filter((tag) => tag.startsWith(last) && !start.includes(tag))
        .slice(0, 20)
        .map((tag) => {
          const option = element("option");
          option.value = [...start, tag].join(", ");
          return option;
        }),
    );
  };
  field.addEventListener("input", suggest);
  suggest();
}
