// Upload a CSV as a new version (POST …/datapoints/csv): its rows are added to a base version
// (the deployed one unless another is picked), with progress while a large file is sent and
// the API's reason, with its row, when the file is refused.
import { h, count, field, plural, select, versionLabel } from "../dom.js";
import { notify } from "../ui.js";
import { datasetBreadcrumbs } from "../trail.js";

export async function render(ctx) {
  const { api } = ctx;
  const id = ctx.params.datasetId;
  const base = `/datasets/${encodeURIComponent(id)}`;
  const [versions, current] = await Promise.all([api.getWithEtag(`${base}/versions`), api.get(base)]);
  const records = versions.json.records;
  ctx.setTitle(`Upload CSV · ${current.path}`);

  const file = h("input", { type: "file", name: "file", accept: ".csv,text/csv", required: true });
  const name = h("input", { name: "version_name", maxlength: "255" });
  const description = h("textarea", { name: "version_description", rows: "3" });
  const baseSelect = select("version_id", records.map((v) => ({
    value: v.version_id,
    label: `${versionLabel(v)} (${plural(v.datapoints_count, "datapoint")})${v.version_id === current.version_id ? " — current" : ""}`,
  })), current.version_id);
  const progress = h("progress", { max: "100", value: "0", hidden: true });
  const status = h("p", { class: "summary", role: "status" });
  const problem = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, "Upload");

  const form = h("form", { class: "stack narrow", novalidate: true },
    field("CSV file", file, "UTF-8 with a header row. Columns: inputs by name, “messages” (JSON array), “target” (JSON or text), “target.KEY”."),
    field("Add the rows to", baseSelect),
    field("Version name", name, "Optional; unique within the dataset."),
    field("Version description", description, "Optional."),
    submit, progress, status, problem);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.hidden = true;
    const chosen = file.files[0];
    if (!chosen) {
      showProblem(problem, "Choose a CSV file first.");
      file.focus();
      return;
    }
    const body = new FormData();
    body.append("file", chosen, chosen.name);
    if (name.value.trim()) body.append("version_name", name.value.trim());
    if (description.value) body.append("version_description", description.value);
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Uploading ${chosen.name} (${count(chosen.size)} bytes)…`;
    try {
      const created = await api.upload(`${base}/datapoints/csv`, { version_id: baseSelect.value }, body, {
        ifMatch: versions.etag || undefined,
        onProgress(sent, total) {
          const percent = total ? Math.round((sent / total) * 100) : 0;
          progress.value = percent;
          status.textContent = sent < total ? `Uploading ${chosen.name}: ${percent}% of ${count(total)} bytes…`
            : "Uploaded; the server is reading the rows…";
        },
      });
      notify(`Uploaded ${chosen.name}: version ${versionLabel(created)} with ${plural(created.datapoints_count, "datapoint")}.`);
      ctx.navigate(base);
    } catch (error) {
      status.textContent = "";
      // A refused file: the API's own words, which name the row (its `loc` only says "file").
      const reason = error.status === 422 && Array.isArray(error.detail)
        ? `The file was rejected: ${error.detail.map((entry) => entry.msg).join("; ")}` : error.message;
      showProblem(problem, reason, error.retryable ? () => form.requestSubmit() : null);
    } finally {
      submit.disabled = false;
      progress.hidden = true;
    }
  });

  return h("div", { class: "screen" },
    datasetBreadcrumbs(api, current, [{ label: "Upload CSV" }]),
    h("h1", {}, `Upload a CSV to ${current.name}`),
    h("p", {}, "The rows become a new version: the chosen version's datapoints followed by the file's new ones (rows already there are skipped)."),
    form);
}

function showProblem(box, message, retry) {
  box.replaceChildren(h("p", {}, message));
  if (retry) box.append(h("button", { type: "button", onclick: retry }, "Try again"));
  box.hidden = false;
}
