// Changing one's own password. The server ends the account's other sessions, this one stays.
import { $, accept, busy, refuse, say } from "./dom.js";
import { panel } from "./panels.js";
import * as session from "./session.js";

const MIN_PASSWORD = 12;
const form = $("password-form");
const message = $("password-message");
const passwords = panel($("password-dialog"), { onClose: () => form.reset() });

export function open(person) {
  $("password-user").defaultValue = person.user;
  form.reset();
  accept(form, message);
  passwords.open();
  $("password-current").focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const current = $("password-current");
  const next = $("password-new");
  accept(form, message);
  if (!current.value) {
    refuse(current, message, "Enter your current password.");
    return;
  }
  if (next.value.length < MIN_PASSWORD) {
    refuse(next, message, `The new password needs at least ${MIN_PASSWORD} characters.`);
    return;
  }
  try {
    await busy(form, () => session.changePassword(current.value, next.value));
    form.reset();
    say(message, "Password changed. Your other sessions were signed out.");
    current.focus();
  } catch (failure) {
    // 403: the current password was wrong; 400: the new one was refused.
    refuse(failure.status === 403 ? current : next, message, failure.message);
  }
});

form.addEventListener("input", (event) => {
  if (event.target.hasAttribute("aria-invalid")) {
    accept(form, message);
  }
});
