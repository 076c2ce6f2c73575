// Any version, read-only: one page of its datapoints at a time (GET …/datapoints with page and
// size, never the whole version), searched with `q` (§8.5). Page 2,000 of 100,000 datapoints
// costs the same as page 1.
import { h, count, environmentChips, field, pager, person, plural, route, select, versionLabel, when } from "../dom.js";
import { datapointView } from "../datapoint.js";
import { datasetBreadcrumbs } from "../trail.js";
import { downloadButton } from "./dataset.js";

const SIZES = [10, 25, 50, 100];

/** A search reads the whole version on the server, so it can take a while: say so. */
export function loadingMessage(query) {
  return query.q ? `Searching this version for “${query.q}”…` : "Loading…";
}

export async function render(ctx) {
  const { api, query } = ctx;
  const { datasetId, versionId } = ctx.params;
  const base = `/datasets/${encodeURIComponent(datasetId)}`;
  const size = SIZES.includes(Number(query.size)) ? Number(query.size) : 25;
  const page = Math.max(1, Number.parseInt(query.page, 10) || 1);
  const q = query.q || "";
  // The version's description and its page of datapoints, side by side.
  const [version, datapoints] = await Promise.all([
    api.get(base, { version_id: versionId }),
    api.get(`${base}/datapoints`, { version_id: versionId, page, size, q }),
  ]);
  const label = versionLabel(version);
  ctx.setTitle(`${version.path} · ${label}`);

  const here = `${base}/versions/${encodeURIComponent(versionId)}`;
  const routeFor = (p) => route(here, { q, size, page: p });
  const offset = (page - 1) * size;
  const shown = datapoints.records.length;
  const summary = datapoints.total === 0 ? (q ? `No datapoint matches “${q}”.` : "This version has no datapoints.")
    : shown === 0 ? `Page ${count(page)} is past the end (${plural(datapoints.total, q ? "match" : "datapoint", q ? "matches" : undefined)}).`
      : `${q ? `Matches for “${q}”` : "Datapoints"} ${count(offset + 1)}–${count(offset + shown)} of ${count(datapoints.total)}`;
  const screen = { api, base, dataset: version };

  return h("div", { class: "screen" },
    datasetBreadcrumbs(api, version, [{ label }]),
    h("div", { class: "heading-row" },
      h("h1", {}, `${version.name}: ${label}`, " ", h("span", { class: "badge" }, "read-only")),
      h("div", { class: "actions" },
        downloadButton(screen, version, "jsonl", "Download JSONL"),
        downloadButton(screen, version, "csv", "Download CSV"),
        h("a", { class: "button", href: "#" + route(`${base}/compare`, { to: versionId }) }, "Compare with…"))),
    version.version_description ? h("p", { class: "description" }, version.version_description) : null,
    h("dl", { class: "facts" },
      h("dt", {}, "Dataset"), h("dd", {}, h("a", { href: "#" + base }, version.path)),
      h("dt", {}, "Datapoints"), h("dd", {}, count(version.datapoints_count)),
      h("dt", {}, "Created"), h("dd", {}, when(version.created_at), " by ", person(version.created_by)),
      h("dt", {}, "Deployed to"), h("dd", {}, environmentChips(version.environments))),
    searchForm(ctx, here, q, size),
    h("p", { class: "summary", role: "status" }, summary),
    datapoints.total > size ? pager("Datapoint pages (top)", page, size, datapoints.total, routeFor) : null,
    h("ol", { class: "datapoints", start: String(offset + 1) }, datapoints.records.map((dp, index) =>
      h("li", {}, datapointView(dp, { label: `#${count(offset + index + 1)}` })))),
    datapoints.total > size ? pager("Datapoint pages", page, size, datapoints.total, routeFor) : null);
}

function searchForm(ctx, here, q, size) {
  const text = h("input", { type: "search", name: "q", value: q, placeholder: "text in inputs, messages or target" });
  const sizeSelect = select("size", SIZES.map((n) => ({ value: String(n), label: String(n) })), String(size));
  const form = h("form", { class: "toolbar", role: "search" },
    field("Search in this version", text),
    field("Per page", sizeSelect),
    h("button", { type: "submit" }, "Search"),
    q ? h("a", { class: "button", href: "#" + route(here, { size }) }, "Clear search") : null);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(route(here, { q: text.value.trim(), size: sizeSelect.value }));
  });
  sizeSelect.addEventListener("change", () => form.requestSubmit());
  return form;
}
