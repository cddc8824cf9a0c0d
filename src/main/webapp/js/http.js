// Requests to the API. Each answers what the server answered, or throws an ApiError whose message a
// person can read: the server's own "detail" where it gave one. A 401 on a call made while signed
// in means the session ended elsewhere (signed out in another tab, password changed, account
// removed): whoever registered with whenSignedOut hears of it, once per call.

export class ApiError extends Error {
  constructor(message, status, retryAfter = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

let signedOut = () => {};

export function whenSignedOut(handler) {
  signedOut = handler;
}

/**
 * The response, if it was a success. {@code anonymous} marks the calls for which a 401 is an
 * answer rather than news: asking whether there is a session, and signing in.
 */
export async function request(path, { anonymous = false, ...init } = {}) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError("Linkstream cannot be reached. Check the connection and try again.", 0);
  }
  if (!response.ok) {
    const error = new ApiError(await reason(response), response.status, retryAfter(response));
    if (response.status === 401 && !anonymous) {
      signedOut();
    }
    throw error;
  }
  return response;
}

/** A request with a JSON body. */
export function send(path, method, body, options = {}) {
  return request(path, {
    ...options,
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
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

function retryAfter(response) {
  const seconds = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
