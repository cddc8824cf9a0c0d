// The JSON API as the page uses it. Each call answers what the server answered, or throws an
// ApiError whose message a person can read: the server's own "detail" where it gave one.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function call(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError("Linkstream cannot be reached. Check the connection and try again.", 0);
  }
  if (!response.ok) {
    throw new ApiError(await reason(response), response.status);
  }
  return response;
}

async function reason(response) {
  try {
    const problem = await response.json();
    if (typeof problem.detail === "string" && problem.detail) {
      return problem.detail;
    }
  } catch {
    // not a problem document: the status says enough
  }
  return `Linkstream answered ${response.status}. Try again in a moment.`;
}

/** Adds a link: the link, and whether it was stored already. */
export async function submit(url) {
  const response = await call("api/links", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ url }),
  });
  return { link: await response.json(), known: response.status === 200 };
}

export async function refetch(id) {
  return (await call(`api/links/${id}/refetch`, { method: "POST" })).json();
}

// keepalive lets a removal still go out while the page is being closed.
export async function remove(id, keepalive = false) {
  try {
    await call(`api/links/${id}`, { method: "DELETE", keepalive });
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
  const response = await call(path);
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
