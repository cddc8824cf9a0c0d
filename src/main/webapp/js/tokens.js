// API tokens: for scripts, which send one as "Authorization: Bearer …". A token's secret exists
// only in the server's answer to its creation, so it is shown once, in a read-only field to copy
// from, and forgotten when the panel closes. Admins see everyone's tokens, and can revoke any of
// them.
import { $, accept, busy, element, refuse, say } from "./dom.js";
import { request, send } from "./http.js";
import { panel } from "./panels.js";
import { timeElement } from "./times.js";

const dialog = $("tokens-dialog");
const form = $("token-form");
const list = $("token-list");
const listMessage = $("token-list-message");
const secret = $("token-secret");
const secretValue = $("token-secret-value");
const copyMessage = $("token-copy-message");
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
let who = null;

const tokens = panel(dialog, { onClose: forgetSecret });

/** Opens the panel for {@code person}, {user, role}, with the list as the server has it now. */
export async function open(person) {
  who = person;
  forgetSecret();
  accept(form, $("token-message"));
  form.reset();
  readersReadOnly();
  $("token-expiry").min = tomorrow();
  $("token-list-heading").textContent = who.role === "admin" ? "All tokens" : "Your tokens";
  tokens.open();
  $("token-name").focus();
  await load();
}

// Readers may read only: the server would refuse a write token, so it is not offered.
function readersReadOnly() {
  const write = $("token-scope").querySelector('option[value="write"]');
  write.disabled = who.role === "reader";
  $("token-scope").value = "read";
}

function tomorrow() {
  const date = new Date(Date.now() + 24 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function load() {
  say(listMessage, "Loading…");
  try {
    const all = await (await request("api/tokens")).json();
    list.replaceChildren(...all.map(row));
    $("tokens-empty").hidden = all.length > 0;
    say(listMessage, "");
  } catch (failure) {
    say(listMessage, `Could not load the tokens: ${failure.message}`, true);
  }
}

function when(label, instant, absent) {
  const part = element("span", "", `${label} `);
  part.append(instant ? timeElement(instant) : absent);
  return part;
}

// An expiry is a date the person chose: said as that date, not as "in 3 months".
function expiry(instant) {
  return element("span", "", instant ? `expires ${day.format(new Date(instant))}` : "never expires");
}

function row(token) {
  const item = element("li", "row");
  item.dataset.id = token.id;
  const body = element("div", "body");
  const heading = element("p", "name");
  heading.append(element("strong", "", token.name), " ", element("span", "badge", token.scope));
  const meta = element("p", "meta");
  if (who.role === "admin") {
    meta.append(element("span", "", token.user));
  }
  meta.append(
    when("created", token.createdAt),
    when("last used", token.lastUsedAt, "never"),
    expiry(token.expiresAt),
  );
  body.append(heading, meta);
  const revoke = element("button", "revoke", "Revoke");
  revoke.type = "button";
  revoke.setAttribute("aria-label", `Revoke ${token.name}`);
  revoke.addEventListener("click", () => revokeToken(token, item));
  item.append(body, revoke);
  return item;
}

async function revokeToken(token, item) {
  try {
    await request(`api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
  } catch (failure) {
    if (failure.status !== 404) {
      say(listMessage, `Could not revoke ${token.name}: ${failure.message}`, true);
      return;
    }
  }
  // The keyboard moves to the next token's button, or back to the form when none is left.
  const next = item.nextElementSibling ?? item.previousElementSibling;
  item.remove();
  $("tokens-empty").hidden = list.children.length > 0;
  say(listMessage, `Revoked ${token.name}: it no longer works.`);
  (next?.querySelector("button") ?? $("token-name")).focus();
}

// The chosen day's start where the person is: the token works until that day begins.
function expiresAt(date) {
  if (!date) {
    return undefined;
  }
  const [year, month, dayOfMonth] = date.split("-").map(Number);
  return new Date(year, month - 1, dayOfMonth).toISOString();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const message = $("token-message");
  const name = $("token-name");
  accept(form, message);
  if (!name.value.trim()) {
    refuse(name, message, "Name the token after what will use it, such as “laptop script”.");
    return;
  }
  const body = { name: name.value.trim(), scope: $("token-scope").value };
  const expiry = expiresAt($("token-expiry").value);
  if (expiry) {
    body.expiresAt = expiry;
  }
  try {
    const created = await (await busy(form, () => send("api/tokens", "POST", body))).json();
    form.reset();
    readersReadOnly();
    showSecret(created);
    await load();
  } catch (failure) {
    refuse(name, message, failure.message);
  }
});

function showSecret(token) {
  $("token-secret-label").textContent = `Token “${token.name}”`;
  secretValue.value = token.token;
  say(copyMessage, "");
  secret.hidden = false;
  secretValue.focus();
  secretValue.select();
}

function forgetSecret() {
  secretValue.value = "";
  secret.hidden = true;
  say(copyMessage, "");
}

// The clipboard is refused on pages that are not secure (plain http on another host than
// localhost): then the text is selected, for the person to copy.
$("token-copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(secretValue.value);
    say(copyMessage, "Copied.");
  } catch {
    secretValue.focus();
    secretValue.select();
    say(copyMessage, "Selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  }
});

form.addEventListener("input", (event) => {
  if (event.target.hasAttribute("aria-invalid")) {
    accept(form, $("token-message"));
  }
});
