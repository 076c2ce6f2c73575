// Compare two versions (or what an environment has deployed with a version), §8.1: the
// counts, then one page of added / removed / changed datapoints, changed target fields marked.
import { h, count, field, pager, plural, route, select, versionLabel } from "../dom.js";
import { datapointView, targetView } from "../datapoint.js";
import { datasetBreadcrumbs } from "../trail.js";

const PAGE_SIZE = 20;
const ENV_PREFIX = "env:";

export async function render(ctx) {
  const { api, query } = ctx;
  const id = ctx.params.datasetId;
  const base = `/datasets/${encodeURIComponent(id)}`;
  const [versions, environments] = await Promise.all([api.get(`${base}/versions`), api.get(`${base}/environments`)]);
  const records = versions.records;
  const dataset = records[0];
  const to = records.some((v) => v.version_id === query.to) ? query.to : records[0].version_id;
  const from = query.from || defaultFrom(records, to);
  const page = Math.max(1, Number.parseInt(query.page, 10) || 1);
  const diff = from ? await api.get(`${base}/diff`, {
    ...(from.startsWith(ENV_PREFIX) ? { from_environment: from.slice(ENV_PREFIX.length) } : { from_version_id: from }),
    to_version_id: to, page, size: PAGE_SIZE,
  }) : null;
  ctx.setTitle(`Compare · ${dataset.path}`);
  const here = `${base}/compare`;

  return h("div", { class: "screen" },
    datasetBreadcrumbs(api, dataset, [{ label: "Compare" }]),
    h("h1", {}, `Compare versions of ${dataset.name}`),
    chooser(ctx, here, records, environments, from, to),
    diff ? result(diff, page, (p) => route(here, { from, to, page: p }))
      : h("p", { class: "summary" }, "This dataset has a single version: there is nothing to compare it with yet."));
}

/** The version created just before `to`, else the newest other one. */
function defaultFrom(records, to) {
  const at = records.findIndex((v) => v.version_id === to);
  const older = records[at + 1] || records.find((v) => v.version_id !== to);
  return older ? older.version_id : null;
}

function chooser(ctx, here, records, environments, from, to) {
  const versionOptions = records.map((v) => ({ value: v.version_id, label: `${versionLabel(v)} (${plural(v.datapoints_count, "datapoint")})` }));
  const deployed = environments.filter((env) => env.file);
  const fromSelect = select("from", [
    ...(deployed.length ? [{ group: "Deployed to an environment", options: deployed.map((env) => ({
      value: ENV_PREFIX + env.name, label: `${env.name} (now ${versionLabel(env.file)})` })) }] : []),
    { group: "Versions", options: versionOptions },
  ], from);
  const toSelect = select("to", versionOptions, to);
  const form = h("form", { class: "toolbar even" },
    field("From", fromSelect), field("To", toSelect), h("button", { type: "submit" }, "Compare"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(route(here, { from: fromSelect.value, to: toSelect.value }));
  });
  return form;
}

function result(diff, page, routeFor) {
  const from = versionLabel(diff.from);
  const to = versionLabel(diff.to);
  return h("section", { "aria-labelledby": "diff-heading" },
    h("h2", { id: "diff-heading" }, `From ${from} to ${to}`),
    h("ul", { class: "diff-counts", "aria-label": "Counts" },
      h("li", { class: "added" }, h("strong", {}, count(diff.added)), " added"),
      h("li", { class: "removed" }, h("strong", {}, count(diff.removed)), " removed"),
      h("li", { class: "changed" }, h("strong", {}, count(diff.changed)), " changed"),
      h("li", {}, h("strong", {}, count(diff.unchanged)), " unchanged")),
    diff.attributes_changed ? h("p", { class: "notice-inline" }, "The versions' attributes differ too.") : null,
    diff.total === 0 ? h("p", { class: "summary" }, "The two versions hold the same datapoints.") : null,
    diff.total > PAGE_SIZE ? pager("Change pages (top)", page, PAGE_SIZE, diff.total, routeFor) : null,
    h("ol", { class: "changes" }, diff.records.map((record) => h("li", {}, change(record)))),
    diff.total > PAGE_SIZE ? pager("Change pages", page, PAGE_SIZE, diff.total, routeFor) : null);
}

function change(record) {
  if (record.change === "added") {
    return h("div", { class: "change change-added" }, h("p", { class: "change-kind" }, "Added"),
      datapointView(record.after, { label: "Added datapoint" }));
  }
  if (record.change === "removed") {
    return h("div", { class: "change change-removed" }, h("p", { class: "change-kind" }, "Removed"),
      datapointView(record.before, { label: "Removed datapoint" }));
  }
  const fields = record.fields || [];
  // Same inputs and messages on both sides (that is what makes it a change): shown once, the targets side by side.
  const { target: _before, ...shared } = record.before;
  return h("div", { class: "change change-changed" },
    h("p", { class: "change-kind" }, "Changed: ", fields.length
      ? fields.map((f, i) => [i ? ", " : "", h("code", { class: "changed-name" }, f)]) : "the target"),
    datapointView(shared, { label: "Changed datapoint" }),
    h("div", { class: "side-by-side" },
      h("div", { class: "before" }, h("p", { class: "side-label" }, "Before"), targetView(record.before.target, fields)),
      h("div", { class: "after" }, h("p", { class: "side-label" }, "After"), targetView(record.after.target, fields))));
}
