// Sign in: the API key is checked against the API, then kept in sessionStorage (this tab only).
import { h, field } from "../dom.js";
import { client, session } from "../api.js";

export function render(ctx) {
  ctx.setTitle("Sign in");
  const key = h("input", {
    type: "password", name: "api-key", id: "api-key", autocomplete: "off", spellcheck: "false", required: true, autofocus: true,
  });
  const problem = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, "Sign in");
  const form = h("form", { class: "stack sign-in", novalidate: true },
    field("API key", key, "Kept in this browser tab only, until you sign out or close it. Sent to this server in a header, never in a URL."),
    problem, submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault(); // never a form submission: it would put the key in the URL
    const value = key.value.trim();
    problem.hidden = true;
    if (!value) {
      problem.textContent = "Enter an API key.";
      problem.hidden = false;
      key.focus();
      return;
    }
    submit.disabled = true;
    try {
      await client(value).get("/datasets", { size: 1 });
      session.signIn(value);
      ctx.signedIn();
    } catch (error) {
      problem.textContent = error.status === 401 ? "This API key was not accepted by the server. Check it and try again."
        : error.message;
      problem.hidden = false;
      key.focus();
    } finally {
      submit.disabled = false;
    }
  });

  return h("section", { class: "narrow" },
    h("h1", {}, "Sign in"),
    h("p", {}, "Browse, compare and curate the datasets of your organization. Sign in with an API key of this server."),
    form);
}
