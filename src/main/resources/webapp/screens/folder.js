// A folder (§7): breadcrumbs and subfolders from GET /v5/directories/{id}, then the datasets
// in it and below it from GET /v5/files (searched by name, sorted and paged by the server, so
// thousands of datasets cost one page each).
import { h, breadcrumbs, count, environmentChips, field, folderRoute, link, pager, plural, route, select, versionLabel, when } from "../dom.js";

const PAGE_SIZE = 20;
const SORTS = [
  { value: "name", label: "Name" },
  { value: "created_at", label: "Created" },
  { value: "updated_at", label: "Updated" },
];
const ORDERS = [
  { value: "asc", label: "Ascending" },
  { value: "desc", label: "Descending" },
];

export async function render(ctx) {
  const { api, query } = ctx;
  const folder = await api.get(`/directories/${encodeURIComponent(ctx.params.folderId)}`);
  const name = query.name || "";
  const sortBy = SORTS.some((s) => s.value === query.sort) ? query.sort : "name";
  const order = query.order === "desc" ? "desc" : query.order === "asc" ? "asc" : sortBy === "name" ? "asc" : "desc";
  const page = Math.max(1, Number.parseInt(query.page, 10) || 1);
  const files = await api.get("/files", {
    path: folder.path, name, sort_by: sortBy, order, page, size: PAGE_SIZE, type: "dataset",
  });

  const title = folder.path === "" ? "Home" : folder.path;
  ctx.setTitle(folder.path === "" ? "Home" : `Folder ${folder.path}`);
  const here = folderRoute(folder);
  const routeFor = (p) => route(here, { name, sort: sortBy, order, page: p });

  return h("div", { class: "screen" },
    breadcrumbs(folder.parents || [], folder),
    h("h1", {}, folder.path === "" ? "Home" : folder.name),
    folder.path !== "" ? h("p", { class: "muted" }, "Folder ", h("code", {}, title)) : null,
    subfolders(folder.subdirectories || []),
    searchForm(ctx, here, name, sortBy, order),
    h("section", { "aria-labelledby": "datasets-heading" },
      h("h2", { id: "datasets-heading" }, name ? `Datasets matching “${name}”` : "Datasets"),
      h("p", { class: "summary", role: "status" }, files.total === 0
        ? (name ? `No dataset in this folder matches “${name}”.` : "No datasets in this folder.")
        : `${plural(files.total, "dataset")} in ${folder.path === "" ? "all folders" : "this folder and below"}`),
      files.records.length ? datasetTable(files.records, folder.path) : null,
      files.total > PAGE_SIZE ? pager("Dataset pages", page, PAGE_SIZE, files.total, routeFor) : null));
}

function subfolders(dirs) {
  if (dirs.length === 0) return null;
  return h("section", { "aria-labelledby": "folders-heading" },
    h("h2", { id: "folders-heading" }, "Folders"),
    h("ul", { class: "folders" }, dirs.map((dir) => h("li", {},
      link(folderRoute(dir), h("span", { class: "folder-icon", "aria-hidden": "true" }), dir.name)))));
}

function searchForm(ctx, here, name, sortBy, order) {
  const nameInput = h("input", { type: "search", name: "name", value: name, placeholder: "part of a name" });
  const sortSelect = select("sort", SORTS, sortBy);
  const orderSelect = select("order", ORDERS, order);
  const form = h("form", { class: "toolbar", role: "search" },
    field("Search datasets by name", nameInput),
    field("Sort by", sortSelect),
    field("Order", orderSelect),
    h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(route(here, { name: nameInput.value.trim(), sort: sortSelect.value, order: orderSelect.value }));
  });
  // A new sort applies at once; the name waits for Enter or the button.
  for (const control of [sortSelect, orderSelect]) {
    control.addEventListener("change", () => form.requestSubmit());
  }
  return form;
}

function datasetTable(records, folderPath) {
  const prefix = folderPath ? folderPath + "/" : "";
  return h("div", { class: "table-scroll" }, h("table", { class: "datasets" },
    h("thead", {}, h("tr", {},
      ["Dataset", "Current version", "Datapoints", "Deployed to", "Updated"].map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, records.map((ds) => {
      const relative = ds.path.startsWith(prefix) ? ds.path.slice(prefix.length) : ds.path;
      return h("tr", {},
        h("th", { scope: "row" }, link(`/datasets/${encodeURIComponent(ds.id)}`, relative)),
        h("td", {}, versionLabel(ds)),
        h("td", { class: "number" }, count(ds.datapoints_count)),
        h("td", {}, environmentChips(ds.environments)),
        h("td", {}, when(ds.updated_at)));
    }))));
}
