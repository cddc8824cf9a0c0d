// The two ways in while no one is signed in: the sign-in form, and on the first run, the form that
// creates the admin account from the setup link the server logged. Neither shows anything of the
// inbox.
import { $, accept, busy, refuse } from "./dom.js";
import * as session from "./session.js";

const MIN_PASSWORD = 12;
const views = { signIn: $("signin-view"), setUp: $("setup-view") };
let entered = () => {};

/** {@code handler} receives the person once signed in, {user, role}. */
export function whenSignedIn(handler) {
  entered = handler;
}

/** The setup link's code, when the page was opened from it. */
export function setupCode() {
  const match = /^#setup=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export function forgetSetupLink() {
  if (setupCode() === null) {
    return;
  }
  history.replaceState(null, "", location.pathname + location.search);
}

/** Shows the sign-in form, with {@code notice} (such as "You were signed out.") above it. */
export function showSignIn(notice = "") {
  hide();
  accept($("signin"), $("signin-message"));
  $("signin-password").value = "";
  $("signin-notice").textContent = notice;
  $("signin-notice").hidden = !notice;
  views.signIn.hidden = false;
  $("signin-user").focus();
}

export function showSetUp() {
  hide();
  accept($("setup"), $("setup-message"));
  views.setUp.hidden = false;
  $("setup-user").focus();
}

export function hide() {
  Object.values(views).forEach((view) => (view.hidden = true));
}

/** A message for a refused sign-in: the server's, and when it asks to wait, for how long. */
function refusal(failure) {
  if (failure.status === 429 && failure.retryAfter !== null && !/\d/.test(failure.message)) {
    return `${failure.message} Try again in ${failure.retryAfter} s.`;
  }
  return failure.message;
}

function missing(fields) {
  return fields.find(([field]) => !field.value.trim());
}

$("signin").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const user = $("signin-user");
  const password = $("signin-password");
  const message = $("signin-message");
  accept(form, message);
  const empty = missing([
    [user, "Enter your user name."],
    [password, "Enter your password."],
  ]);
  if (empty) {
    refuse(empty[0], message, empty[1]);
    return;
  }
  try {
    const who = await busy(form, () => session.signIn(user.value.trim(), password.value));
    password.value = "";
    entered(who);
  } catch (failure) {
    // Which of the two was wrong the server does not say; the password is the one to type again.
    password.value = "";
    refuse(password, message, refusal(failure));
  }
});

$("setup").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const user = $("setup-user");
  const password = $("setup-password");
  const message = $("setup-message");
  accept(form, message);
  const empty = missing([[user, "Choose a user name for the admin account."]]);
  if (empty) {
    refuse(empty[0], message, empty[1]);
    return;
  }
  if (password.value.length < MIN_PASSWORD) {
    refuse(password, message, `The password needs at least ${MIN_PASSWORD} characters.`);
    return;
  }
  try {
    const who = await busy(form, () => session.setUp(setupCode(), user.value.trim(), password.value));
    password.value = "";
    forgetSetupLink();
    entered(who);
  } catch (failure) {
    // 403: the link was used, or the server restarted since it was logged. Signing in is left.
    refuse(failure.status === 403 ? user : password, message, failure.message);
    $("setup-sign-in").hidden = failure.status !== 403;
  }
});

$("setup-sign-in").addEventListener("click", () => {
  forgetSetupLink();
  showSignIn();
});

// Cleared as soon as it is changed: the error was about what was typed before.
for (const form of [$("signin"), $("setup")]) {
  form.addEventListener("input", (event) => {
    if (event.target.hasAttribute("aria-invalid")) {
      accept(form, form.querySelector(".message"));
    }
  });
}
