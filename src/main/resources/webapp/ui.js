// Shared pieces of every screen: messages to the user, error panels with "Try again",
// modal dialogs (native <dialog>: focus is trapped and Escape closes it).
import { h } from "./dom.js";

const notices = () => document.getElementById("notices");

/**
 * A message at the top of the page. kind: "success" | "error". Errors stay until dismissed.
 * `retry`: a function offered as a button, labelled `retryLabel`.
 */
export function notify(message, kind = "success", retry = null, retryLabel = "Try again") {
  const box = h("div", { class: ["notice", `notice-${kind}`], role: kind === "error" ? "alert" : "status" });
  const close = () => box.remove();
  box.append(h("p", {}, message));
  if (retry) {
    box.append(h("button", { type: "button", onclick: () => { close(); retry(); } }, retryLabel));
  }
  box.append(h("button", { type: "button", class: "link-button", "aria-label": "Dismiss message", onclick: close }, "Dismiss"));
  notices().replaceChildren(box);
  if (kind !== "error") setTimeout(close, 8000);
}

export function clearNotices() {
  notices().replaceChildren();
}

/** An error in place of a screen's content, in words, with "Try again" when that can help. */
export function errorPanel(error, retry) {
  const message = error && error.name === "ApiError" ? error.message : `Something went wrong in the page: ${error}`;
  return h("section", { class: "error-panel", role: "alert" },
    h("h2", {}, error?.status === 404 ? "Not found" : "This could not be shown"),
    h("p", {}, message),
    retry ? h("button", { type: "button", onclick: retry }, "Try again") : null,
    h("p", {}, h("a", { href: "#/" }, "Back to all datasets")));
}

/** Shows the current screen again from fresh data (the router listens for hash changes). */
export function reloadScreen() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/**
 * Runs an action started by `button` (disabled meanwhile). A failure is shown as a notice;
 * a retryable one (network, 503) offers "Try again", a write refused because the dataset
 * changed meanwhile (412) offers "Reload".
 */
export async function act(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    const message = error.message || String(error);
    if (error.status === 412) notify(message, "error", reloadScreen, "Reload");
    else notify(message, "error", error.retryable ? () => act(button, action) : null);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

function openDialog(title, body, buttons) {
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": "dialog-title" },
    h("h2", { id: "dialog-title" }, title), body, buttons.length ? h("div", { class: "dialog-buttons" }, buttons) : null);
  document.body.appendChild(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  dialog.showModal();
  return dialog;
}

/** Asks before something that cannot be undone. Resolves true when confirmed. */
export function confirmDialog({ title, message, confirmLabel }) {
  return new Promise((resolve) => {
    let confirmed = false;
    const cancel = h("button", { type: "button", onclick: () => dialog.close() }, "Cancel");
    const confirm = h("button", { type: "button", class: "danger", onclick: () => { confirmed = true; dialog.close(); } },
      confirmLabel);
    const dialog = openDialog(title, h("p", {}, message), [cancel, confirm]);
    dialog.addEventListener("close", () => resolve(confirmed));
    cancel.focus();
  });
}

/**
 * A form in a dialog. `submit(formData)` runs on "submitLabel"; if it throws, the error is
 * shown inside the dialog, which stays open so the user can correct the input.
 */
export function formDialog({ title, fields, submitLabel, submit }) {
  const problem = h("p", { class: "form-error", role: "alert", hidden: true });
  const form = h("form", { class: "stack", novalidate: true }, fields, problem);
  const save = h("button", { type: "submit", class: "primary" }, submitLabel);
  const cancel = h("button", { type: "button", onclick: () => dialog.close() }, "Cancel");
  form.append(h("div", { class: "dialog-buttons" }, cancel, save));
  const dialog = openDialog(title, form, []);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    problem.hidden = true;
    try {
      await submit(new FormData(form));
      dialog.close();
    } catch (error) {
      problem.textContent = error.message || String(error);
      problem.hidden = false;
    } finally {
      save.disabled = false;
    }
  });
  form.querySelector("input, textarea, select")?.focus();
  return dialog;
}
