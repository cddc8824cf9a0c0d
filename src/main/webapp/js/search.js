// The server's search rules (docs/search.md), so that a live change adds a link to a searched list,
// or drops it, as the server's answer would: words of letters and digits, in lower case, without
// accents; a term matches where its words follow one another in one field, the last perhaps only
// begun.

const TERM = /(-?)(?:"([^"]*)"?|(\S+))/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const TAG = "tag:";
const MAX_WORD = 100;

/** A text's words as search sees them. */
export function words(text) {
  const plain = text.toLowerCase().normalize("NFKD").replace(MARKS, "");
  return [...plain.matchAll(WORD)].flatMap(([run]) => pieces([...run]));
}

function pieces(codePoints) {
  const all = [];
  for (let start = 0; start < codePoints.length; start += MAX_WORD) {
    all.push(codePoints.slice(start, start + MAX_WORD).join(""));
  }
  return all;
}

/** What a query asks for: its terms, and the tags a link must and must not have. */
export function parse(query) {
  const search = { terms: [], tags: [], excludedTags: [] };
  for (const [, minus, phrase, word] of (query ?? "").matchAll(TERM)) {
    const excluded = minus !== "";
    if (word !== undefined && word.toLowerCase().startsWith(TAG)) {
      const tag = word.slice(TAG.length).trim().toLowerCase();
      if (tag) {
        (excluded ? search.excludedTags : search.tags).push(tag);
      }
      continue;
    }
    const found = words(word ?? phrase);
    if (found.length > 0) {
      search.terms.push({ text: ` ${found.join(" ")}`, excluded });
    }
  }
  return search;
}

/** Whether the search matches the link, as the server decides it. */
export function matches(link, search) {
  const fields = [link.title, link.description, link.url, link.note, ...link.tags];
  const text = ` ${fields.filter(Boolean).map((field) => words(field).join(" ")).filter(Boolean).join(" | ")} `;
  return (
    search.terms.every((term) => text.includes(term.text) !== term.excluded) &&
    search.tags.every((tag) => link.tags.includes(tag)) &&
    !search.excludedTags.some((tag) => link.tags.includes(tag))
  );
}
