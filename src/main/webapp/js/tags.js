// The tags panel: every tag in use with how many links have it; a tag is renamed, or taken off
// every link, here. Each link changed comes back on the stream, so the list of links follows by
// itself. Choosing a tag's name shows only its links.
import * as api from "./api.js";
import { $, busy, button, element, refuse, say, uniqueId } from "./dom.js";
import { request, send } from "./http.js";
import { panel } from "./panels.js";
import { filterBy } from "./views.js";

const dialog = $("tags-dialog");
const list = $("tag-list");
const listMessage = $("tag-list-message");
const tags = panel(dialog);

export async function open() {
  tags.open();
  await load();
  (list.querySelector("button") ?? dialog.querySelector("[data-close]")).focus();
}

async function load() {
  say(listMessage, "Loading…");
  try {
    const all = await api.tags();
    list.replaceChildren(...all.map(row));
    $("tags-empty").hidden = all.length > 0;
    say(listMessage, "");
  } catch (failure) {
    say(listMessage, `Could not load the tags: ${failure.message}`, true);
  }
}

function row(tag) {
  const item = element("li", "row");
  item.dataset.tag = tag.name;
  const body = element("div", "body");
  const show = button(tag.name, "tag", `Show the links tagged ${tag.name}`);
  show.addEventListener("click", () => {
    dialog.close();
    filterBy(tag.name);
  });
  body.append(show, element("span", "meta", ` ${tag.links} ${tag.links === 1 ? "link" : "links"}`));
  const message = element("p", "message");
  message.setAttribute("aria-live", "polite");
  const rename = button("Rename", "rename", `Rename ${tag.name}`);
  const remove = button("Remove", "remove", `Take ${tag.name} off every link`);
  const controls = element("div", "controls");
  controls.append(rename, remove);
  const renaming = renameForm(tag, message, rename);
  const confirm = confirmation(tag, message, remove);
  rename.addEventListener("click", () => {
    confirm.hidden = true;
    renaming.hidden = false;
    const input = renaming.querySelector("input");
    input.focus();
    input.select();
  });
  remove.addEventListener("click", () => {
    renaming.hidden = true;
    confirm.hidden = false;
    confirm.querySelector(".danger").focus();
  });
  item.append(body, controls, renaming, confirm, message);
  return item;
}

function closing(part, opener) {
  const close = () => {
    part.hidden = true;
    opener.focus();
  };
  part.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      // Closes this part, not the whole panel.
      event.preventDefault();
      close();
    }
  });
  return close;
}

function renameForm(tag, message, opener) {
  const made = element("form", "inline");
  made.hidden = true;
  made.noValidate = true;
  const input = element("input");
  input.type = "text";
  input.id = uniqueId("tag-name");
  input.maxLength = 100;
  input.value = tag.name;
  const label = element("label", "", `New name for ${tag.name}`);
  label.htmlFor = input.id;
  const save = element("button", "primary", "Rename");
  save.type = "submit";
  const cancel = button("Cancel", "cancel", `Keep the name ${tag.name}`);
  const fields = element("div", "field");
  fields.append(input, save, cancel);
  made.append(label, fields);
  const close = closing(made, opener);
  cancel.addEventListener("click", close);
  made.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await busy(made, () => send(`api/tags/${encodeURIComponent(tag.name)}`, "PATCH", { name: input.value }));
      await load();
      say(listMessage, `Renamed ${tag.name}.`);
      list.querySelector("button")?.focus();
    } catch (failure) {
      refuse(input, message, failure.message);
    }
  });
  return made;
}

function confirmation(tag, message, opener) {
  const made = element("div", "confirm");
  made.hidden = true;
  made.setAttribute("role", "group");
  made.setAttribute("aria-label", `Take ${tag.name} off every link?`);
  const question = element("span", "", `Take ${tag.name} off ${tag.links} ${tag.links === 1 ? "link" : "links"}?`);
  const yes = button(`Take ${tag.name} off`, "danger");
  const no = button("Cancel", "cancel", `Keep ${tag.name}`);
  made.append(question, yes, no);
  const close = closing(made, opener);
  no.addEventListener("click", close);
  yes.addEventListener("click", async () => {
    try {
      await busy(made, () => request(`api/tags/${encodeURIComponent(tag.name)}`, { method: "DELETE" }));
    } catch (failure) {
      if (failure.status !== 404) {
        close();
        say(message, failure.message, true);
        return;
      }
    }
    await load();
    say(listMessage, `Took ${tag.name} off.`);
    (list.querySelector("button") ?? dialog.querySelector("[data-close]")).focus();
  });
  return made;
}
