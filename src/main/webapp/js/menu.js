// The account menu in the header: a button with the user's name that shows or hides a short list
// of actions (a disclosure, not an ARIA menu: Tab moves through it as through any buttons, the
// arrow keys too). Escape, or focus or a click going elsewhere, hides it again.
import { $ } from "./dom.js";

const ROLES = { admin: "Admin", member: "Member", reader: "Reader" };
const account = $("account");
const button = $("account-button");
const menu = $("account-menu");

const items = () => [...menu.querySelectorAll("li:not([hidden]) button")];

/** Shows the menu's button for {@code who}, {user, role}; Accounts is for admins. */
export function show(who) {
  $("account-name").textContent = who.user;
  $("account-role").textContent = `Signed in as ${who.user} · ${ROLES[who.role] ?? who.role}`;
  $("accounts-item").hidden = who.role !== "admin";
  collapse();
  account.hidden = false;
}

export function hide() {
  collapse();
  account.hidden = true;
}

/** Runs {@code action} when the item {@code name} (its data-item) is chosen. */
export function on(name, action) {
  menu.querySelector(`[data-item="${name}"]`).addEventListener("click", () => {
    collapse();
    action();
  });
}

/** Where the keyboard goes back to once an action's panel closes. */
export function focus() {
  if (!account.hidden) {
    button.focus();
  }
}

function expand() {
  button.setAttribute("aria-expanded", "true");
  menu.hidden = false;
  items()[0]?.focus();
}

function collapse() {
  button.setAttribute("aria-expanded", "false");
  menu.hidden = true;
}

button.addEventListener("click", () => (menu.hidden ? expand() : collapse()));

account.addEventListener("keydown", (event) => {
  if (menu.hidden) {
    return;
  }
  if (event.key === "Escape") {
    event.preventDefault();
    collapse();
    button.focus();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const all = items();
    const at = all.indexOf(document.activeElement);
    const step = event.key === "ArrowDown" ? 1 : -1;
    all[(at + step + all.length) % all.length]?.focus();
  }
});

account.addEventListener("focusout", (event) => {
  if (!account.contains(event.relatedTarget)) {
    collapse();
  }
});

document.addEventListener("click", (event) => {
  if (!account.contains(event.target)) {
    collapse();
  }
});
