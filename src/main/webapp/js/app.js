// The page's start: it asks the server whether someone is signed in, and shows the inbox or the
// way in. Whatever answers 401 later (the stream, any call) means the session ended elsewhere, and
// the page goes back to the sign-in form, keeping nothing of the inbox.
import * as accounts from "./accounts.js";
import * as bookmarks from "./bookmarks.js";
import { $ } from "./dom.js";
import { whenSignedOut } from "./http.js";
import * as inbox from "./inbox.js";
import * as menu from "./menu.js";
import { closeAll } from "./panels.js";
import * as password from "./password.js";
import * as session from "./session.js";
import * as tags from "./tags.js";
import { forgetSetupLink, hide, setupCode, showSetUp, showSignIn, whenSignedIn } from "./signin.js";
import * as tokens from "./tokens.js";

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;

let who = null;
// While the page signs out by itself, the 401s that follow are no news.
let signingOut = false;

function enter(person, { focus = false } = {}) {
  who = person;
  // A setup link opened by someone signed in already has nothing left to do.
  forgetSetupLink();
  hide();
  menu.show(person);
  inbox.open({ focus });
}

function leave(notice) {
  who = null;
  inbox.close();
  menu.hide();
  closeAll();
  if (notice) {
    $("announcer").textContent = notice;
  }
  wayIn(notice);
}

function wayIn(notice = "") {
  if (setupCode() !== null) {
    showSetUp();
  } else {
    showSignIn(notice);
  }
}

whenSignedIn((person) => enter(person, { focus: true }));

whenSignedOut(() => {
  if (who && !signingOut) {
    leave("You were signed out.");
  }
});

menu.on("tags", () => tags.open());
menu.on("bookmarks", () => bookmarks.open());
menu.on("saving", () => bookmarks.openSaving());
menu.on("tokens", () => tokens.open(who));
menu.on("accounts", () => accounts.open(who));
menu.on("password", () => password.open(who));
menu.on("sign-out", signOut);

async function signOut() {
  signingOut = true;
  try {
    // Deletions still waiting for their undo go out while the session can still send them.
    await inbox.flush();
    await session.signOut();
    leave("Signed out.");
  } catch (failure) {
    $("announcer").textContent = `Could not sign out: ${failure.message}`;
    menu.focus();
  } finally {
    signingOut = false;
  }
}

// An admin who changed their own role sees the menu for the new one; one who removed their own
// account is signed out by the answer.
accounts.whenSelfChanged(async () => {
  try {
    const person = await session.current();
    if (!person) {
      leave("You were signed out.");
    } else if (who) {
      who = person;
      menu.show(person);
      if (person.role !== "admin") {
        closeAll();
      }
    }
  } catch {
    // the server is away: the next call or the stream will find out
  }
});

// A setup link pasted into a tab that shows the sign-in form already.
addEventListener("hashchange", () => {
  if (!who) {
    wayIn();
  }
});

// Until the server answers, the page cannot tell which to show: it shows the way in, saying so,
// and keeps asking.
async function begin() {
  let shown = false;
  for (let pause = FIRST_PAUSE_MS; !who; pause = Math.min(2 * pause, LONGEST_PAUSE_MS)) {
    try {
      const person = await session.current();
      if (who) {
        return;
      }
      if (person) {
        enter(person);
      } else if (!shown) {
        wayIn();
      } else {
        $("signin-notice").hidden = true;
      }
      return;
    } catch (failure) {
      // Shown once: drawn again, the form would lose what the person is typing.
      if (!shown && !who) {
        wayIn(`${failure.message} Trying again…`);
        shown = true;
      }
      await new Promise((resume) => setTimeout(resume, pause));
    }
  }
}

begin();
