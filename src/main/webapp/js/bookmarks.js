// The import and export panel: a bookmark file goes up and its progress shows as the stream
// reports it (stored, then fetched); every link comes down as a file. And the panel that offers
// the bookmarklet, which opens save.html with the page it is clicked on.
import { $, accept, busy, element, refuse, say } from "./dom.js";
import { request } from "./http.js";
import { panel } from "./panels.js";

const dialog = $("bookmarks-dialog");
const form = $("import-form");
const file = $("import-file");
const message = $("import-message");
const progress = $("import-progress");
const bookmarks = panel(dialog);
const saving = panel($("saving-dialog"));
let shown = null;

export function open() {
  bookmarks.open();
  file.focus();
}

/** Offers the bookmarklet, made for this server's address. */
export function openSaving() {
  const page = new URL("save.html", location.href).href;
  const code =
    `open(${JSON.stringify(page)}+"?url="+encodeURIComponent(location.href)+` +
    `"&title="+encodeURIComponent(document.title),"linkstream","width=460,height=300")`;
  const bookmarklet = $("bookmarklet");
  bookmarklet.href = `javascript:void(${code})`;
  saving.open();
  bookmarklet.focus();
}

/** Shows an import's progress, as the stream sends it, if it is the one this page started. */
export function update(progressed) {
  if (progressed.id === shown) {
    show(progressed);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  accept(form, message);
  const chosen = file.files[0];
  if (!chosen) {
    refuse(file, message, "Choose a bookmark file first.");
    return;
  }
  await busy(form, async () => {
    say(message, `Sending ${chosen.name}…`);
    try {
      const response = await request("api/imports", {
        method: "POST",
        headers: { "Content-Type": "text/html" },
        body: chosen,
      });
      say(message, "");
      show(await response.json());
    } catch (failure) {
      refuse(file, message, failure.message);
    }
  });
});

function show(current) {
  shown = current.id;
  progress.hidden = false;
  const counted = current.added + current.duplicates + current.invalid;
  bar("import-stored", counted, current.total);
  bar("import-fetched", current.fetched, current.added);
  $("import-stored-text").textContent =
    `${counted} of ${current.total} entries: ${current.added} added, ` +
    `${current.duplicates} already here, ${current.invalid} not links.`;
  $("import-fetched-text").textContent = current.done
    ? `Done: ${current.fetched} fetched.`
    : `${current.fetched} of ${current.added} fetched.`;
  $("import-problems").replaceChildren(
    ...current.problems.map((problem) => element("li", null, `${problem.entry}: ${problem.reason}`)),
  );
}

function bar(id, value, max) {
  const meter = $(id);
  meter.max = Math.max(max, 1);
  meter.value = max === 0 ? 1 : value;
}
