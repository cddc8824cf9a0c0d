// The links API as the page uses it.
import { request, send } from "./http.js";

/** Adds a link: the link, and whether it was stored already. */
export async function submit(url) {
  const response = await send("api/links", "POST", { url });
  return { link: await response.json(), known: response.status === 200 };
}

export async function refetch(id) {
  return (await request(`api/links/${id}/refetch`, { method: "POST" })).json();
}

/** Changes the link: its state, title, description or note. The link as it is now. */
export async function edit(id, changes) {
  return (await send(`api/links/${id}`, "PATCH", changes)).json();
}

/** The tags in use, with how many links have each. */
export async function tags() {
  return (await request("api/tags")).json();
}

/** How many links are in each state. */
export async function counts() {
  return (await request("api/links/counts")).json();
}

// keepalive lets a removal still go out while the page is being closed.
export async function remove(id, keepalive = false) {
  try {
    await request(`api/links/${id}`, { method: "DELETE", keepalive });
  } catch (error) {
    if (error.status !== 404) {
      throw error;
    }
  }
}

/**
 * One page of links, newest first, the next page's address (or null), and the newest event the
 * page reflects: the stream resumes after it.
 */
export async function page(path) {
  const response = await request(path);
  const next = /<([^>]*)>;\s*rel="next"/.exec(response.headers.get("Link") ?? "");
  return {
    links: await response.json(),
    next: next ? sameOrigin(next[1]) : null,
    lastEventId: response.headers.get("Linkstream-Last-Event-ID"),
  };
}

// The server writes the next page's address with the host it was asked on, which behind a proxy
// may not be this page's: only the path and query are kept.
function sameOrigin(address) {
  const url = new URL(address, location.href);
  return url.pathname + url.search;
}
