// One-click saving: the bookmarklet opens this page with the tab's address and title, and a phone
// shares a link to it as the installed app's share target (which may put the address in the
// text). It saves the link for whoever is signed in, says so, and closes if it was opened for that.
import { $ } from "./dom.js";
import { send } from "./http.js";

const CLOSE_AFTER_MS = 1500;
const ADDRESS = /https?:\/\/\S+/;

const parameters = new URLSearchParams(location.search);
const url = parameters.get("url") || ADDRESS.exec(parameters.get("text") ?? "")?.[0] || "";
const title = parameters.get("title")?.trim() || undefined;

async function save() {
  const status = $("save-status");
  $("save-url").textContent = title ? `${title} (${url})` : url;
  if (!url) {
    status.textContent = "There is no link to save: this page saves the address it is given.";
    return;
  }
  try {
    const response = await send("api/links", "POST", { url, title });
    status.textContent = response.status === 200 ? "Already in your inbox." : "Saved to your inbox.";
    document.title = `Saved · ${document.title}`;
    if (window.opener) {
      setTimeout(() => window.close(), CLOSE_AFTER_MS);
    }
  } catch (failure) {
    status.textContent =
      failure.status === 401
        ? "You are not signed in. Open Linkstream, sign in, and save again."
        : `Not saved: ${failure.message}`;
    status.classList.add("error");
  }
}

save();
