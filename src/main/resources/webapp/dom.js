// Building the page from data. Everything that comes from the API becomes a text node or an
// attribute value set through the DOM, never markup: a datapoint holding "<script>" shows
// those characters. No string is ever parsed as HTML anywhere in the app.

/**
 * h("a", {href: "#/", class: "x", onclick: fn}, "text", child, [more]) → an element.
 * Props: "class", event handlers as on<event> functions, "value"/"checked" as properties,
 * true/false for boolean attributes, anything else as an attribute. Children: strings
 * (as text), numbers, nodes, arrays of those; null/undefined/false are skipped.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    } else if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "value" || key === "checked") {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

const NUMBER = new Intl.NumberFormat("en-US");
const DATE = new Intl.DateTimeFormat("en-GB", {
  year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
});

export function count(n) {
  return NUMBER.format(n);
}

export function plural(n, one, many = one + "s") {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A timestamp as a <time> element: readable date (UTC) with the exact value as its attribute. */
export function when(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return h("time", { datetime: iso, title: iso }, Number.isNaN(date.getTime()) ? iso : `${DATE.format(date)} UTC`);
}

export function person(user) {
  if (!user) return "unknown";
  return user.full_name || user.email_address || user.id || "unknown";
}

/** What a version is called on screen: its name, else its id. */
export function versionLabel(version) {
  return version.version_name || version.version_id;
}

/** A link inside the app: hash routing, so the server only ever serves "/". */
export function link(route, ...children) {
  return h("a", { href: "#" + route }, ...children);
}

/** A route with a query string; empty values are left out. */
export function route(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function environmentChips(environments, removeButton) {
  if (!environments || environments.length === 0) return h("span", { class: "muted" }, "not deployed");
  return h("ul", { class: "chips", "aria-label": "Deployed to" },
    environments.map((env) => h("li", { class: ["chip", env.tag === "default" && "chip-default"] },
      env.name, removeButton ? removeButton(env) : null)));
}

/**
 * Breadcrumbs from the root folder down. `parents` and `folder` are DirectoryResponses (from
 * /v5/directories); `tail` are the labels after the folder (a dataset, a version), the last one
 * the current page.
 */
export function breadcrumbs(parents, folder, tail = []) {
  const items = [];
  const folders = folder ? [...parents, folder] : parents;
  folders.forEach((dir, index) => {
    const isCurrent = index === folders.length - 1 && tail.length === 0;
    const label = dir.path === "" ? "Home" : dir.name;
    items.push(isCurrent ? h("span", { "aria-current": "page" }, label) : link(folderRoute(dir), label));
  });
  tail.forEach((item, index) => {
    const isCurrent = index === tail.length - 1;
    items.push(isCurrent || !item.route ? h("span", { "aria-current": isCurrent ? "page" : null }, item.label)
      : link(item.route, item.label));
  });
  return h("nav", { class: "breadcrumbs", "aria-label": "Breadcrumb" }, h("ol", {}, items.map((item) => h("li", {}, item))));
}

export function folderRoute(dir) {
  return dir.path === "" ? "/" : `/folders/${encodeURIComponent(dir.id)}`;
}

/**
 * Page navigation: First / Previous / "Page P of N" / Next / Last. `routeFor(page)` gives the
 * route of a page; the links keep every other part of the query.
 */
export function pager(label, page, size, total, routeFor) {
  const pages = Math.max(1, Math.ceil(total / Math.max(size, 1)));
  const step = (text, target, enabled, name) => enabled
    ? h("a", { href: "#" + routeFor(target), class: "button", "data-page": name }, text)
    : h("span", { class: "button disabled", "aria-disabled": "true" }, text);
  return h("nav", { class: "pager", "aria-label": label },
    step("« First", 1, page > 1, "first"),
    step("‹ Previous", page - 1, page > 1, "previous"),
    h("span", { class: "pager-position" }, `Page ${count(Math.min(page, pages))} of ${count(pages)}`),
    step("Next ›", page + 1, page < pages, "next"),
    step("Last »", pages, page < pages, "last"));
}

/** A labelled form control: <label for> + control, so every field has a name (and tests find it). */
let fieldCounter = 0;
export function field(labelText, control, hint) {
  const id = control.id || `field-${++fieldCounter}`;
  control.id = id;
  let hintNode = null;
  if (hint) {
    hintNode = h("small", { class: "hint", id: `${id}-hint` }, hint);
    control.setAttribute("aria-describedby", hintNode.id);
  }
  return h("div", { class: "field" }, h("label", { for: id }, labelText), control, hintNode);
}

export function select(name, options, selected) {
  return h("select", { name },
    options.map((option) => option.group
      ? h("optgroup", { label: option.group }, option.options.map((o) => optionOf(o, selected)))
      : optionOf(option, selected)));
}

function optionOf(option, selected) {
  return h("option", { value: option.value, selected: option.value === selected }, option.label);
}
