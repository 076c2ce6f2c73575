// Where a dataset sits: breadcrumbs from its folder (GET /v5/directories/{directory_id}).
// They never hold up a screen: the path's segments show at once as plain text, and become
// links when the folder arrives.
import { breadcrumbs } from "./dom.js";

/** Home › folders › dataset › tail… (see dom.js breadcrumbs for `tail`). */
export function datasetBreadcrumbs(api, dataset, tail = []) {
  const datasetItem = { label: dataset.name, route: `/datasets/${encodeURIComponent(dataset.id)}` };
  const segments = dataset.path.split("/").slice(0, -1).map((segment) => ({ label: segment }));
  const nav = breadcrumbs([{ id: "root", path: "", name: "" }], null, [...segments, datasetItem, ...tail]);
  api.get(`/directories/${encodeURIComponent(dataset.directory_id)}`)
    .then((folder) => nav.replaceWith(breadcrumbs(folder.parents || [], folder, [datasetItem, ...tail])))
    .catch(() => {}); // the plain-text trail stays; the screen itself shows every error that matters
  return nav;
}
