// Small helpers for building the page. Text is always set as text: names, titles and token names
// come from people and pages that may write markup into them.

export const $ = (id) => document.getElementById(id);

export function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) {
    made.className = className;
  }
  if (text !== undefined) {
    made.textContent = text;
  }
  return made;
}

/** A button that is not a form's submit; {@code accessibleName} says what it acts on. */
export function button(label, className, accessibleName) {
  const made = element("button", className, label);
  made.type = "button";
  if (accessibleName) {
    made.setAttribute("aria-label", accessibleName);
  }
  return made;
}

/** A message next to a control; an error is coloured, and said by the live region it is. */
export function say(target, text, isError = false) {
  target.textContent = text;
  target.classList.toggle("error", isError);
}

/** Marks a field as wrong, says why next to it, and puts the keyboard there to fix it. */
export function refuse(field, message, text) {
  field.setAttribute("aria-invalid", "true");
  say(message, text, true);
  field.focus();
}

/** Clears what refuse() set on the fields of a form. */
export function accept(form, message) {
  form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
  say(message, "");
}

/** Disables a form's buttons while a request for it is under way. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll("button")];
  buttons.forEach((button) => (button.disabled = true));
  form.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    buttons.forEach((button) => (button.disabled = false));
    form.removeAttribute("aria-busy");
  }
}

let ids = 0;

/** An id for a control made on the fly, so that its label can point at it. */
export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}
