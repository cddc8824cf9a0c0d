// Accounts, for admins: who may use this Linkstream and how. Each account's controls answer next
// to themselves, so that a refusal (the last admin cannot stop being one) is read where it was
// caused. Removing takes a second, explicit press.
import { $, accept, busy, button, element, refuse, say, uniqueId } from "./dom.js";
import { request, send } from "./http.js";
import { panel } from "./panels.js";
import { timeElement } from "./times.js";

const MIN_PASSWORD = 12;
const ROLES = [
  ["admin", "Admin"],
  ["member", "Member"],
  ["reader", "Reader"],
];
const dialog = $("accounts-dialog");
const form = $("account-form");
const list = $("account-list");
const listMessage = $("account-list-message");
let who = null;
let changedSelf = () => {};

const accounts = panel(dialog);

/** {@code handler} runs after the admin changed or removed their own account. */
export function whenSelfChanged(handler) {
  changedSelf = handler;
}

export async function open(person) {
  who = person;
  form.reset();
  accept(form, $("account-message"));
  accounts.open();
  await load();
}

async function load() {
  say(listMessage, "Loading…");
  try {
    const all = await (await request("api/users")).json();
    list.replaceChildren(...all.map(row));
    say(listMessage, "");
  } catch (failure) {
    say(listMessage, `Could not load the accounts: ${failure.message}`, true);
  }
}

function roleSelect(account) {
  const select = element("select", "role");
  select.id = uniqueId("role");
  for (const [value, label] of ROLES) {
    const option = element("option", "", label);
    option.value = value;
    select.append(option);
  }
  select.value = account.role;
  const label = element("label", "visually-hidden", `Role of ${account.name}`);
  label.htmlFor = select.id;
  return [label, select];
}

function row(account) {
  const item = element("li", "row account-row");
  item.dataset.name = account.name;
  const body = element("div", "body");
  const name = element("p", "name");
  name.append(element("strong", "", account.name));
  if (account.name === who.user) {
    name.append(" ", element("span", "badge", "you"));
  }
  const meta = element("p", "meta");
  if (account.createdAt) {
    const created = element("span", "", "created ");
    created.append(timeElement(account.createdAt));
    meta.append(created);
  }
  body.append(name, meta);

  const message = element("p", "message");
  message.setAttribute("aria-live", "polite");
  const [label, select] = roleSelect(account);
  const reset = button("Reset password", "reset", `Reset the password of ${account.name}`);
  const remove = button("Remove", "remove", `Remove ${account.name}`);
  const controls = element("div", "controls");
  controls.append(label, select, reset, remove);

  const resetForm = passwordForm(account, message, reset);
  const confirm = confirmation(account, message, remove, item);
  select.addEventListener("change", () => changeRole(account, select, message));
  reset.addEventListener("click", () => {
    confirm.hidden = true;
    resetForm.hidden = false;
    resetForm.querySelector("input").focus();
  });
  remove.addEventListener("click", () => {
    resetForm.hidden = true;
    confirm.hidden = false;
    confirm.querySelector(".danger").focus();
  });
  item.append(body, controls, resetForm, confirm, message);
  return item;
}

async function changeRole(account, select, message) {
  const before = account.role;
  select.disabled = true;
  try {
    const changed = await (await patch(account.name, { role: select.value })).json();
    account.role = changed.role;
    say(message, `${account.name} is now ${article(changed.role)}.`);
    if (account.name === who.user) {
      changedSelf();
    }
  } catch (failure) {
    select.value = before;
    say(message, failure.message, true);
  } finally {
    select.disabled = false;
    select.focus();
  }
}

function article(role) {
  return role === "admin" ? "an admin" : `a ${role}`;
}

function patch(name, change) {
  return send(`api/users/${encodeURIComponent(name)}`, "PATCH", change);
}

// A small form under the account: the new password, Set, Cancel.
function passwordForm(account, message, opener) {
  const made = element("form", "inline");
  made.hidden = true;
  made.noValidate = true;
  const input = element("input");
  input.type = "password";
  input.id = uniqueId("password");
  input.autocomplete = "new-password";
  input.setAttribute("aria-describedby", `${input.id}-hint`);
  const label = element("label", "", `New password for ${account.name}`);
  label.htmlFor = input.id;
  const hint = element("span", "hint", `At least ${MIN_PASSWORD} characters.`);
  hint.id = `${input.id}-hint`;
  const set = element("button", "primary", "Set password");
  set.type = "submit";
  const cancel = button("Cancel", "cancel", `Keep the password of ${account.name}`);
  const buttons = element("div", "field");
  buttons.append(input, set, cancel);
  made.append(whose(account), label, buttons, hint);

  const close = () => {
    input.value = "";
    input.removeAttribute("aria-invalid");
    made.hidden = true;
    opener.focus();
  };
  cancel.addEventListener("click", close);
  made.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      // Closes this form, not the whole panel.
      event.preventDefault();
      close();
    }
  });
  made.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (input.value.length < MIN_PASSWORD) {
      refuse(input, message, `The password needs at least ${MIN_PASSWORD} characters.`);
      return;
    }
    try {
      await busy(made, () => patch(account.name, { password: input.value }));
      close();
      say(message, `New password set for ${account.name}.`);
    } catch (failure) {
      refuse(input, message, failure.message);
    }
  });
  return made;
}

// For password managers, which file a new password under the account it is for.
function whose(account) {
  const name = element("input", "visually-hidden");
  name.type = "text";
  name.autocomplete = "username";
  name.value = account.name;
  name.readOnly = true;
  name.tabIndex = -1;
  name.setAttribute("aria-hidden", "true");
  return name;
}

// The second step of removing: says what goes, and waits for a press on a button naming it.
function confirmation(account, message, opener, item) {
  const made = element("div", "confirm");
  made.hidden = true;
  made.setAttribute("role", "group");
  made.setAttribute("aria-label", `Remove ${account.name}?`);
  const question = element("span", "", `Remove ${account.name} and their tokens?`);
  const yes = button(`Remove ${account.name}`, "danger");
  const no = button("Cancel", "cancel", `Keep ${account.name}`);
  made.append(question, yes, no);
  const close = () => {
    made.hidden = true;
    opener.focus();
  };
  no.addEventListener("click", close);
  made.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  yes.addEventListener("click", async () => {
    try {
      await busy(made, () =>
        request(`api/users/${encodeURIComponent(account.name)}`, { method: "DELETE" }),
      );
    } catch (failure) {
      if (failure.status !== 404) {
        close();
        say(message, failure.message, true);
        return;
      }
    }
    removed(account, item);
  });
  return made;
}

function removed(account, item) {
  const next = item.nextElementSibling ?? item.previousElementSibling;
  item.remove();
  say(listMessage, `Removed ${account.name}.`);
  (next?.querySelector("select") ?? $("account-name-input")).focus();
  if (account.name === who.user) {
    changedSelf();
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const message = $("account-message");
  const name = $("account-name-input");
  const password = $("account-password");
  accept(form, message);
  if (!name.value.trim()) {
    refuse(name, message, "Enter a user name: letters, digits, and . _ - @.");
    return;
  }
  if (password.value.length < MIN_PASSWORD) {
    refuse(password, message, `The password needs at least ${MIN_PASSWORD} characters.`);
    return;
  }
  const role = $("account-role-input").value;
  const body = { name: name.value.trim(), role, password: password.value };
  try {
    const created = await (await busy(form, () => send("api/users", "POST", body))).json();
    form.reset();
    say(message, `Created ${created.name}, ${article(created.role)}. Tell them their password.`);
    list.append(row(created));
    name.focus();
  } catch (failure) {
    // The server names what it refused; a taken name is the name's fault.
    const field = failure.status !== 409 && /password/i.test(failure.message) ? password : name;
    refuse(field, message, failure.message);
  }
});

form.addEventListener("input", (event) => {
  if (event.target.hasAttribute("aria-invalid")) {
    accept(form, $("account-message"));
  }
});
