// A dataset: its versions newest first, with everything a curator does to them (deploy,
// undeploy, rename or describe, delete, download), and moving or deleting the dataset.
// Writes carry If-Match with the ETag of the versions list this screen shows (§8.3), so a
// change made elsewhere in the meantime is refused (412) instead of overwritten.
import { h, count, environmentChips, field, person, plural, route, select, versionLabel, when } from "../dom.js";
import { act, confirmDialog, formDialog, notify } from "../ui.js";
import { datasetBreadcrumbs } from "../trail.js";

export async function render(ctx) {
  const { api } = ctx;
  const id = ctx.params.datasetId;
  const base = `/datasets/${encodeURIComponent(id)}`;
  const [versions, environments] = await Promise.all([
    api.getWithEtag(`${base}/versions`),
    api.get(`${base}/environments`),
  ]);
  const records = versions.json.records;
  const dataset = records[0]; // every version carries the dataset's own fields (id, path, name, folder)
  const etag = versions.etag;
  ctx.setTitle(`Dataset ${dataset.path}`);

  const write = (method, path, options = {}) => api.send(method, path, { ...options, ifMatch: etag || undefined });
  const screen = { ctx, api, base, dataset, records, environments, write };

  return h("div", { class: "screen" },
    datasetBreadcrumbs(api, dataset),
    h("div", { class: "heading-row" },
      h("h1", {}, dataset.name),
      h("div", { class: "actions" },
        h("a", { class: "button", href: "#" + `${base}/upload` }, "Upload CSV"),
        records.length > 1 ? h("a", { class: "button", href: "#" + `${base}/compare` }, "Compare versions") : null,
        h("button", { type: "button", onclick: () => moveDialog(screen) }, "Move or rename"),
        h("button", { type: "button", class: "danger", onclick: () => deleteDatasetDialog(screen) }, "Delete dataset"))),
    h("p", { class: "muted" }, "Path ", h("code", {}, dataset.path), " · ", plural(records.length, "version"), " · id ",
      h("code", {}, dataset.id)),
    h("section", { "aria-labelledby": "versions-heading" },
      h("h2", { id: "versions-heading" }, "Versions, newest first"),
      h("ol", { class: "versions" }, records.map((version) => versionCard(screen, version)))));
}

function versionCard(screen, version) {
  const { base, environments } = screen;
  const label = versionLabel(version);
  const headingId = `version-${version.version_id}`;
  // Offered first: an environment this version is not deployed to yet.
  const deployedHere = new Set((version.environments || []).map((env) => env.id));
  const firstFree = environments.find((env) => !deployedHere.has(env.id)) || environments[0];
  const envSelect = select("environment", environments.map((env) => ({ value: env.id, label: env.name })), firstFree?.id);
  const deployButton = h("button", { type: "button" }, "Deploy");
  deployButton.addEventListener("click", () => act(deployButton, () => deploy(screen, version, envSelect)));

  const undeployButton = (env) => {
    const button = h("button", {
      type: "button", class: "chip-remove", "aria-label": `Remove deployment of ${label} from ${env.name}`, title: `Remove from ${env.name}`,
    }, "×");
    button.addEventListener("click", () => act(button, async () => {
      await screen.write("DELETE", `${base}/environments/${encodeURIComponent(env.id)}`);
      notify(`Removed the deployment of ${label} from ${env.name}.`);
      screen.ctx.reload();
    }));
    return button;
  };

  return h("li", {},
    h("article", { class: "card version", "aria-labelledby": headingId },
      h("header", { class: "card-header" },
        h("h3", { id: headingId }, h("a", { href: "#" + `${base}/versions/${encodeURIComponent(version.version_id)}` }, label)),
        environmentChips(version.environments, undeployButton)),
      version.version_description ? h("p", { class: "description" }, version.version_description) : null,
      h("dl", { class: "facts" },
        h("dt", {}, "Datapoints"), h("dd", {}, count(version.datapoints_count)),
        h("dt", {}, "Created"), h("dd", {}, when(version.created_at), " by ", person(version.created_by)),
        h("dt", {}, "Version id"), h("dd", {}, h("code", {}, version.version_id))),
      h("div", { class: "card-actions" },
        h("a", { class: "button", href: "#" + `${base}/versions/${encodeURIComponent(version.version_id)}` }, "Open"),
        environments.length ? h("div", { class: "inline-field" }, field(`Deploy ${label} to`, envSelect), deployButton) : null,
        h("button", { type: "button", onclick: () => editDialog(screen, version) }, "Rename or describe"),
        downloadButton(screen, version, "jsonl", "Download JSONL"),
        downloadButton(screen, version, "csv", "Download CSV"),
        h("button", { type: "button", class: "danger", onclick: () => deleteVersionDialog(screen, version) }, "Delete"))));
}

async function deploy(screen, version, envSelect) {
  const env = screen.environments.find((e) => e.id === envSelect.value);
  await screen.write("POST", `${screen.base}/environments/${encodeURIComponent(env.id)}`,
    { query: { version_id: version.version_id } });
  notify(`Deployed ${versionLabel(version)} to ${env.name}.`);
  screen.ctx.reload();
}

export function downloadButton(screen, version, format, text) {
  const button = h("button", { type: "button" }, text);
  button.addEventListener("click", () => act(button, async () => {
    const saved = await screen.api.download(`${screen.base}/export`, { format, version_id: version.version_id },
      `${screen.dataset.name}-${versionLabel(version)}.${format}`);
    notify(`Downloaded ${saved.name} (${count(saved.bytes)} bytes).`);
  }));
  return button;
}

function editDialog(screen, version) {
  const name = h("input", { name: "name", value: version.version_name || "", maxlength: "255" });
  const description = h("textarea", { name: "description", rows: "3" });
  description.value = version.version_description || "";
  formDialog({
    title: `Rename or describe ${versionLabel(version)}`,
    fields: [
      field("Version name", name, version.version_name ? "A name cannot be removed, only changed." : "Unique within the dataset."),
      field("Description", description, "Leave empty to remove the description."),
    ],
    submitLabel: "Save",
    async submit(form) {
      const body = {};
      const newName = String(form.get("name")).trim();
      const newDescription = String(form.get("description"));
      if (newName && newName !== (version.version_name || "")) body.name = newName;
      if (!newName && version.version_name) throw new Error("Enter a name: a version's name can be changed but not removed.");
      if (newDescription !== (version.version_description || "")) body.description = newDescription;
      if (Object.keys(body).length === 0) return;
      await screen.write("PATCH", `${screen.base}/versions/${encodeURIComponent(version.version_id)}`, { body });
      notify(`Saved ${body.name || versionLabel(version)}.`);
      screen.ctx.reload();
    },
  });
}

async function deleteVersionDialog(screen, version) {
  const label = versionLabel(version);
  const confirmed = await confirmDialog({
    title: `Delete version ${label}?`,
    message: `Version ${label} and its list of ${plural(version.datapoints_count, "datapoint")} will be gone for good; `
      + "other versions keep theirs. This cannot be undone.",
    confirmLabel: `Delete version ${label}`,
  });
  if (!confirmed) return;
  await act(null, async () => {
    try {
      await screen.write("DELETE", `${screen.base}/versions/${encodeURIComponent(version.version_id)}`);
    } catch (error) {
      if (error.status === 409) error.message = `${label} was not deleted. ${why409(screen, version)} (${error.message})`;
      throw error;
    }
    notify(`Deleted version ${label}.`);
    screen.ctx.reload();
  });
}

/** The API refuses to delete a deployed version or the last one (contract §3); say which, and what to do. */
function why409(screen, version) {
  if (version.environments?.length) {
    const names = version.environments.map((env) => env.name).join(" and ");
    return `It is deployed to ${names}: remove that deployment first (the × next to it), then delete it.`;
  }
  if (screen.records.length === 1) {
    return "It is the dataset's only version: a dataset cannot be left without one. Delete the dataset instead.";
  }
  return "The server refused to delete it.";
}

function moveDialog(screen) {
  const path = h("input", { name: "path", value: screen.dataset.path, maxlength: "255", required: true });
  formDialog({
    title: `Move or rename ${screen.dataset.name}`,
    fields: [field("New path", path, "Folders separated by “/”; the last part is the dataset's name.")],
    submitLabel: "Move",
    async submit(form) {
      const newPath = String(form.get("path")).trim();
      if (newPath === screen.dataset.path) return;
      const moved = await screen.write("PATCH", screen.base, { body: { path: newPath } });
      notify(`Moved to ${moved.json.path}.`);
      screen.ctx.reload();
    },
  });
}

async function deleteDatasetDialog(screen) {
  const { dataset, records } = screen;
  const confirmed = await confirmDialog({
    title: `Delete dataset ${dataset.path}?`,
    message: `The dataset “${dataset.path}”, all ${plural(records.length, "version")}, their datapoints and deployments `
      + "will be removed for good. This cannot be undone.",
    confirmLabel: `Delete ${dataset.path}`,
  });
  if (!confirmed) return;
  await act(null, async () => {
    await screen.write("DELETE", screen.base);
    notify(`Deleted dataset ${dataset.path}.`);
    screen.ctx.navigate(route("/"));
  });
}
