// The session: who is signed in, signing in and out, the first run's setup link, and changing one's
// own password. The cookie that carries the session is HttpOnly: the page never sees it, it only
// asks the server.
import { request, send } from "./http.js";

/** The person signed in, {user, role}, or null when no one is. */
export async function current() {
  try {
    return await (await request("api/session", { anonymous: true })).json();
  } catch (failure) {
    if (failure.status === 401) {
      return null;
    }
    throw failure;
  }
}

/**
 * False when the session has ended (and whoever listens to the session has heard of it); true
 * while it holds, and while the server cannot say, as when it is away for a restart.
 */
export async function stillSignedIn() {
  try {
    await request("api/session");
    return true;
  } catch (failure) {
    return failure.status !== 401;
  }
}

export async function signIn(user, password) {
  return (await send("api/session", "POST", { user, password }, { anonymous: true })).json();
}

export async function setUp(code, user, password) {
  return (await send("api/setup", "POST", { code, user, password }, { anonymous: true })).json();
}

// A session that ended already is as good as one ended now.
export async function signOut() {
  try {
    await request("api/session", { method: "DELETE", anonymous: true });
  } catch (failure) {
    if (failure.status !== 401) {
      throw failure;
    }
  }
}

export async function changePassword(current, password) {
  await send("api/session/password", "PUT", { current, password });
}
