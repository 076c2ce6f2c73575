// The app's shell: hash routing (so a deep link such as /#/datasets/ds_x never reaches the
// server as a path), the signed-in key, and one screen module per route under screens/.
// Each screen exports render(ctx) → a Node, built from the API's answers.
import { h } from "./dom.js";
import { client, session } from "./api.js";
import { clearNotices, errorPanel, notify } from "./ui.js";
import * as signIn from "./screens/sign-in.js";
import * as folder from "./screens/folder.js";
import * as dataset from "./screens/dataset.js";
import * as version from "./screens/version.js";
import * as compare from "./screens/compare.js";
import * as upload from "./screens/upload.js";

const ROUTES = [
  [/^\/$/, folder, () => ({ folderId: "root" })],
  [/^\/folders\/([^/]+)$/, folder, (m) => ({ folderId: m[1] })],
  [/^\/datasets\/([^/]+)$/, dataset, (m) => ({ datasetId: m[1] })],
  [/^\/datasets\/([^/]+)\/versions\/([^/]+)$/, version, (m) => ({ datasetId: m[1], versionId: m[2] })],
  [/^\/datasets\/([^/]+)\/compare$/, compare, (m) => ({ datasetId: m[1] })],
  [/^\/datasets\/([^/]+)\/upload$/, upload, (m) => ({ datasetId: m[1] })],
];

const notFound = {
  render(ctx) {
    ctx.setTitle("Page not found");
    return h("section", { class: "error-panel", role: "alert" }, h("h1", { tabindex: "-1" }, "Page not found"),
      h("p", {}, "This address does not lead to any page of the app."), h("p", {}, h("a", { href: "#/" }, "All datasets")));
  },
};

let generation = 0;
let shownPath = null;

function currentRoute() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const at = hash.indexOf("?");
  const path = at < 0 ? hash : hash.slice(0, at);
  const query = Object.fromEntries(new URLSearchParams(at < 0 ? "" : hash.slice(at + 1)));
  for (const [pattern, screen, params] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      const decoded = params(match.map((part) => (typeof part === "string" ? safeDecode(part) : part)));
      return { path, query, screen, params: decoded };
    }
  }
  return { path, query, screen: notFound, params: {} };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function renderAccount() {
  const account = document.getElementById("account");
  if (!session.key()) {
    account.replaceChildren();
    return;
  }
  account.replaceChildren(h("button", {
    type: "button", class: "link-button", onclick: () => {
      session.signOut();
      clearNotices();
      show();
    },
  }, "Sign out"));
}

function keyRejected() {
  session.signOut();
  notify("The server no longer accepts this API key. Sign in again.", "error");
  show();
}

async function show() {
  const main = document.getElementById("main");
  const current = ++generation;
  const route = currentRoute();
  const signedIn = Boolean(session.key());
  const screen = signedIn ? route.screen : signIn;
  renderAccount();
  const ctx = {
    api: signedIn ? client(session.key(), keyRejected) : null,
    params: route.params,
    query: route.query,
    navigate: (to) => {
      if (location.hash === "#" + to) show();
      else location.hash = "#" + to;
    },
    reload: () => show(),
    signedIn: () => show(),
    setTitle: (title) => {
      if (current === generation) document.title = `${title} · Datasets`;
    },
  };
  main.setAttribute("aria-busy", "true");
  const slow = setTimeout(() => {
    const text = screen.loadingMessage ? screen.loadingMessage(route.query) : "Loading…";
    if (current === generation) main.replaceChildren(h("p", { class: "loading", role: "status" }, text));
  }, 300);
  let node;
  try {
    node = await screen.render(ctx);
  } catch (error) {
    if (error?.name !== "ApiError") console.warn(error);
    document.title = "Error · Datasets";
    node = errorPanel(error, () => show());
  }
  clearTimeout(slow);
  if (current !== generation) return; // the user moved on while this one loaded
  main.removeAttribute("aria-busy");
  main.replaceChildren(node);
  const moved = shownPath !== (signedIn ? route.path : "sign-in");
  shownPath = signedIn ? route.path : "sign-in";
  if (moved) {
    // A new screen: keyboard and screen-reader users start at its heading, at the top.
    const heading = main.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }
  main.querySelector("[autofocus]")?.focus();
}

window.addEventListener("hashchange", show);
show();
