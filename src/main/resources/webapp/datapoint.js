// One datapoint on screen, read-only: inputs as a table, chat messages as a conversation
// (roles, tool calls, images by URL), the target as formatted JSON. All of it is text from
// the API and is only ever set as text (see dom.js).
import { h } from "./dom.js";

/**
 * `changed` (optional): target keys to highlight (from a diff's `fields`, "target.KEY").
 * `label`: the datapoint's heading.
 */
export function datapointView(datapoint, { label, changed = [] } = {}) {
  const inputs = Object.entries(datapoint.inputs || {});
  const messages = datapoint.messages || [];
  const hasTarget = datapoint.target && Object.keys(datapoint.target).length > 0;
  return h("article", { class: "card datapoint" },
    h("header", { class: "card-header" }, h("h3", {}, label || "Datapoint"), h("code", { class: "muted" }, datapoint.id || "")),
    inputs.length ? inputsTable(inputs) : null,
    messages.length ? conversation(messages) : null,
    hasTarget ? targetView(datapoint.target, changed) : null,
    !inputs.length && !messages.length && !hasTarget ? h("p", { class: "muted" }, "Empty datapoint") : null);
}

function inputsTable(inputs) {
  return h("section", { class: "part" }, h("h4", {}, "Inputs"),
    h("table", { class: "inputs" }, h("tbody", {}, inputs.map(([key, value]) =>
      h("tr", {}, h("th", { scope: "row" }, key), h("td", { class: "text" }, value))))));
}

function conversation(messages) {
  return h("section", { class: "part" }, h("h4", {}, "Messages"),
    h("ol", { class: "conversation" }, messages.map((message) => h("li", { class: ["message", `role-${roleClass(message.role)}`] },
      h("div", { class: "message-meta" },
        h("span", { class: "role" }, message.role),
        message.name ? h("span", {}, ` · ${message.name}`) : null,
        message.tool_call_id ? h("span", {}, " · result of call ", h("code", {}, message.tool_call_id)) : null),
      content(message.content),
      (message.tool_calls || []).map(toolCall)))));
}

function roleClass(role) {
  return ["user", "assistant", "system", "tool", "developer"].includes(role) ? role : "other";
}

function content(value) {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") return h("p", { class: "text" }, value);
  if (!Array.isArray(value)) return json(value);
  return value.map((part) => {
    if (part.type === "text") return h("p", { class: "text" }, part.text);
    if (part.type === "image_url") return image(part.image_url || {});
    return json(part);
  });
}

/** Only http(s) and data:image URLs become images; anything else (javascript:, …) stays text. */
function image({ url, detail }) {
  const text = String(url || "");
  const safe = /^https?:\/\//i.test(text) || /^data:image\//i.test(text);
  return h("figure", { class: "image" },
    safe ? h("img", { src: text, alt: "Image in the message", loading: "lazy", referrerpolicy: "no-referrer" }) : null,
    h("figcaption", {}, "Image ", /^data:/i.test(text)
      ? `embedded in the message (${mediaType(text)}, ${text.length.toLocaleString("en-US")} characters)`
      : h("span", { class: "url" }, text.length > 120 ? text.slice(0, 117) + "…" : text),
    detail ? ` (detail: ${detail})` : ""));
}

function mediaType(dataUrl) {
  const end = dataUrl.search(/[;,]/);
  return end > 5 ? dataUrl.slice(5, end) : "data";
}

function toolCall(call) {
  const fn = call.function || {};
  let args = fn.arguments ?? "";
  try {
    args = JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    // not JSON: shown as it was sent
  }
  return h("div", { class: "tool-call" },
    h("div", {}, "Calls ", h("code", {}, fn.name || "?"), call.id ? h("span", { class: "muted" }, ` (call ${call.id})`) : null),
    args ? h("pre", {}, args) : null);
}

/** The target as JSON, one top-level key per block; keys listed in `changed` are marked. */
export function targetView(target, changed = []) {
  const marked = new Set(changed.filter((f) => f.startsWith("target.")).map((f) => f.slice("target.".length)));
  const entries = Object.entries(target || {});
  return h("section", { class: "part" }, h("h4", {}, "Target"),
    h("pre", { class: "json target" }, "{\n", entries.map(([key, value], index) => {
      const text = `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2))}${index < entries.length - 1 ? "," : ""}\n`;
      return marked.has(key) ? h("mark", { class: "changed-field", title: `target.${key} changed` }, text) : text;
    }), "}"));
}

function indent(text) {
  return text.replace(/\n/g, "\n  ");
}

function json(value) {
  return h("pre", { class: "json" }, JSON.stringify(value, null, 2));
}
