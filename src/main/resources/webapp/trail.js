// Where a dataset sits: its folder from GET /v5/directories/{directory_id}, for breadcrumbs.
import { h, breadcrumbs } from "./dom.js";

/** The dataset's folder with its parents, or null when the server does not know it (404). */
export async function folderOf(api, dataset) {
  try {
    return await api.get(`/directories/${encodeURIComponent(dataset.directory_id)}`);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/** Home › folders › dataset › tail…; without the folder, its path's segments as plain text. */
export function datasetBreadcrumbs(folder, dataset, tail = []) {
  const datasetItem = { label: dataset.name, route: `/datasets/${encodeURIComponent(dataset.id)}` };
  if (folder) return breadcrumbs(folder.parents || [], folder, [datasetItem, ...tail]);
  const segments = dataset.path.split("/").slice(0, -1).map((segment) => ({ label: segment }));
  return breadcrumbs([{ id: "root", path: "", name: "" }], null, [...segments, datasetItem, ...tail]);
}

export function readOnlyBadge() {
  return h("span", { class: "badge" }, "read-only");
}
