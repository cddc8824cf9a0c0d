// Relative times ("3 minutes ago") that stay current while the page stays open.

const UNITS = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function ago(instant, now = Date.now()) {
  const seconds = Math.round((new Date(instant).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.trunc(seconds / size), unit);
    }
  }
  return "just now";
}

/** A <time> element that {@link keepCurrent} updates. */
export function timeElement(instant) {
  const time = document.createElement("time");
  time.dateTime = instant;
  time.title = absolute.format(new Date(instant));
  time.textContent = ago(instant);
  return time;
}

export function keepCurrent(root) {
  setInterval(() => {
    for (const time of root.querySelectorAll("time[datetime]")) {
      time.textContent = ago(time.dateTime);
    }
  }, 30000);
}
