// The panels behind the account menu are modal <dialog>s: the browser keeps the keyboard inside
// one while it is open and closes it on Escape. Closed, it hands the keyboard back to the menu's
// button, since the item that opened it is hidden with the menu.
import * as menu from "./menu.js";

export function panel(dialog, { onClose = () => {} } = {}) {
  dialog.querySelectorAll("[data-close]").forEach((button) =>
    button.addEventListener("click", () => dialog.close()),
  );
  dialog.addEventListener("close", () => {
    onClose();
    menu.focus();
  });
  return {
    open() {
      if (!dialog.open) {
        dialog.showModal();
      }
    },
  };
}

/** Closes every panel: the person they were opened for has gone. */
export function closeAll() {
  document.querySelectorAll("dialog[open]").forEach((dialog) => dialog.close());
}
