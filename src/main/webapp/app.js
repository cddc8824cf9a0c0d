const list = document.querySelector("#links");
const form = document.querySelector("#submit");
const input = document.querySelector("#url");
const formError = document.querySelector("#submit-error");
const connection = document.querySelector("#connection");
const older = document.querySelector("#older");
const links = new Map();
const removed = new Set();
let nextPage = "api/links";

function render(link) {
  const item = document.createElement("li");
  item.id = `link-${link.id}`;
  item.className = `status-${link.status}`;
  const title = document.createElement("a");
  title.href = link.url;
  title.target = "_blank";
  title.rel = "noopener noreferrer";
  // Text, never markup: titles come from pages anyone can write.
  title.textContent = link.title ?? link.url;
  const meta = document.createElement("div");
  meta.className = "meta";
  const status = document.createElement("span");
  status.className = "status";
  status.textContent = link.status === "failed" ? `failed: ${link.error}` : link.status;
  meta.append(status, new URL(link.url).host);
  if (link.contentType && !link.contentType.includes("html")) {
    meta.append(link.contentType);
  }
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove";
  remove.textContent = "Remove";
  remove.setAttribute("aria-label", `Remove ${title.textContent}`);
  remove.addEventListener("click", () => fetch(`api/links/${link.id}`, { method: "DELETE" }));
  item.append(title, meta, remove);
  return item;
}

function upsert(link) {
  const known = links.get(link.id);
  if (removed.has(link.id) || (known && known.updatedAt > link.updatedAt)) {
    return;
  }
  links.set(link.id, link);
  const item = render(link);
  const old = document.getElementById(item.id);
  if (old) {
    old.replaceWith(item);
    return;
  }
  const newer = [...list.children].find((li) => Number(li.id.slice(5)) < link.id);
  list.insertBefore(item, newer ?? null);
}

// Resumes after the newest event the list reflects, so nothing is missed or applied twice. The
// browser reconnects by itself with Last-Event-ID; a refused stream (503 when the server is full)
// it gives up on, so that one is retried here, later.
function subscribe(afterId) {
  let lastSeen = afterId;
  const stream = new EventSource(`api/links/stream?lastEventId=${encodeURIComponent(afterId)}`);
  stream.onopen = () => (connection.textContent = "live");
  stream.onerror = () => {
    connection.textContent = "reconnecting…";
    if (stream.readyState === EventSource.CLOSED) {
      setTimeout(() => subscribe(lastSeen), 5000 + Math.random() * 5000);
    }
  };
  const seen = (event) => (lastSeen = event.lastEventId || lastSeen);
  stream.addEventListener("link-update", (event) => {
    seen(event);
    upsert(JSON.parse(event.data));
  });
  stream.addEventListener("link-removed", (event) => {
    seen(event);
    remove(JSON.parse(event.data).id);
  });
  stream.addEventListener("reset", (event) => {
    seen(event);
    reload();
  });
}

// The server no longer has the changes this page missed: start again from the list.
function reload() {
  links.clear();
  removed.clear();
  list.replaceChildren();
  nextPage = "api/links";
  loadPage();
}

function remove(id) {
  removed.add(id);
  links.delete(id);
  document.getElementById(`link-${id}`)?.remove();
}

// One page at a time, however many links are stored; the server links each page to the next.
async function loadPage() {
  const response = await fetch(nextPage, { headers: { Accept: "application/json" } });
  (await response.json()).forEach(upsert);
  const next = /<([^>]*)>;\s*rel="next"/.exec(response.headers.get("Link") ?? "");
  nextPage = next ? next[1] : null;
  older.hidden = !nextPage;
  return response.headers.get("Linkstream-Last-Event-ID");
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  formError.textContent = "";
  formError.classList.remove("notice");
  const response = await fetch("api/links", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ url: input.value }),
  });
  const body = await response.json();
  if (!response.ok) {
    formError.textContent = body.detail ?? `Could not add the link (HTTP ${response.status}).`;
    return;
  }
  removed.delete(body.id);
  upsert(body);
  input.value = "";
  if (response.status === 200) {
    formError.textContent = "Already in the list.";
    formError.classList.add("notice");
  }
});

older.addEventListener("click", loadPage);
loadPage().then(subscribe);
