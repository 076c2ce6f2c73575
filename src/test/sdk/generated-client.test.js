"use strict";
// A `typescript-fetch` client generated from api-spec/openapi.yaml (by the
// `generated-ts-client` execution in pom.xml, compiled by run.sh) drives a realistic flow:
// if our own spec cannot produce a working client, or the server's responses do not fit
// the spec's models, this fails.
const { describe, it, before } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const env = require("./support/env");

const clientDir = process.env.GENERATED_CLIENT_JS; // compiled CommonJS output of the client
const compileLog = clientDir ? path.join(clientDir, "COMPILE_FAILED") : null;
const compiled = clientDir && !fs.existsSync(compileLog) && fs.existsSync(path.join(clientDir, "index.js"));

it("the typescript-fetch client generated from api-spec/openapi.yaml compiles", () => {
  assert.ok(clientDir, "GENERATED_CLIENT_JS is not set: run these tests through src/test/sdk/run.sh");
  assert.ok(compiled, `tsc failed on the generated client:\n${compileLog && fs.existsSync(compileLog) ? fs.readFileSync(compileLog, "utf8") : "no index.js"}`);
});

describe("generated typescript-fetch client", { skip: compiled ? false : "the generated client did not compile" }, () => {
  let gen; // the generated module
  let api;
  let extensions; // this server's own operations (diff, export)
  const token = env.uniqueToken("gen");
  const folder = `generated-client/${token}`;
  const state = {};

  /** Fails when a response left a required field of the spec's model empty or a date unparseable. */
  function checkDataset(d, label = "dataset") {
    assert.ok(gen.instanceOfDatasetResponse(d), `${label} lacks a required DatasetResponse field: ${JSON.stringify(d)}`);
    for (const key of ["createdAt", "updatedAt", "lastUsedAt"]) {
      assert.ok(d[key] instanceof Date && !isNaN(d[key]), `${label}.${key} is not a date-time`);
    }
    for (const e of d.environments) {
      assert.ok(gen.instanceOfEnvironmentResponse(e), `${label} has an incomplete environment: ${JSON.stringify(e)}`);
    }
    for (const dp of d.datapoints ?? []) {
      assert.ok(gen.instanceOfDatapointResponse(dp), `${label} has an incomplete datapoint: ${JSON.stringify(dp)}`);
    }
    return d;
  }

  async function expectStatus(promise, status) {
    await assert.rejects(promise, (error) => {
      assert.ok(error instanceof gen.ResponseError, `expected a ResponseError, got ${error}`);
      assert.equal(error.response.status, status);
      return true;
    });
  }

  async function allPages(load, size) {
    const records = [];
    for (let page = 1; ; page++) {
      const result = await load({ page, size });
      assert.ok(gen.instanceOfPaginatedDatasetResponse(result) || gen.instanceOfPaginatedDatapointResponse(result));
      assert.equal(result.page, page);
      assert.equal(result.size, size);
      if (result.records.length === 0) {
        assert.equal(result.total, records.length, "total counts every record");
        return records;
      }
      assert.ok(page < 100, "paging never ends");
      records.push(...result.records);
    }
  }

  before(() => {
    gen = require(clientDir);
    api = new gen.DatasetsApi(new gen.Configuration({ basePath: env.baseUrl(), apiKey: env.apiKey() }));
    extensions = new gen.ExtensionsApi(new gen.Configuration({ basePath: env.baseUrl(), apiKey: env.apiKey() }));
  });

  it("creates a dataset, then adds to it", async () => {
    const created = checkDataset(
      await api.upsertDataset({
        upsertDatasetRequest: {
          path: `${folder}/support`,
          action: gen.UpsertAction.Set,
          datapoints: [
            { inputs: { q: "reset password" }, target: { output: "Settings > Security" } },
            {
              messages: [{ role: gen.ChatRole.User, content: [{ type: "text", text: "hi" }] }],
              target: { output: "hello" },
            },
          ],
          versionName: "initial",
        },
        includeDatapoints: true,
      }),
    );
    assert.match(created.id, /^ds_/);
    assert.equal(created.name, "support");
    assert.equal(created.type, "dataset");
    assert.equal(created.datapointsCount, 2);
    assert.equal(created.versionName, "initial");
    assert.deepEqual(created.environments.map((e) => e.name), ["production"]);
    assert.deepEqual(created.datapoints[1].messages[0].content, [{ type: "text", text: "hi" }]);
    state.id = created.id;
    state.v1 = created.versionId;

    const rows = Array.from({ length: 7 }, (_, i) => ({ inputs: { q: `question ${i}` } }));
    const added = checkDataset(
      await api.upsertDataset({ upsertDatasetRequest: { id: state.id, action: gen.UpsertAction.Add, datapoints: rows } }),
    );
    assert.equal(added.datapointsCount, 9);
    assert.deepEqual(added.environments, []);
    state.v2 = added.versionId;
  });

  it("lists datasets and datapoints page by page to the end", async () => {
    for (let i = 0; i < 3; i++) {
      await api.upsertDataset({ upsertDatasetRequest: { path: `${folder}/extra-${i}`, datapoints: [] } });
    }
    const mine = await allPages((p) => api.listDatasets(p), 2).then((all) =>
      all.filter((d) => d.path.startsWith(`${folder}/`)),
    );
    assert.deepEqual(mine.map((d) => d.name).sort(), ["extra-0", "extra-1", "extra-2", "support"]);
    mine.forEach((d) => checkDataset(d, d.path));

    const byName = await allPages((p) => api.listDatasets({ ...p, name: "EXTRA-", sortBy: "name", order: "asc" }), 2);
    const mineByName = byName.filter((d) => d.path.startsWith(`${folder}/`));
    assert.deepEqual(mineByName.map((d) => d.name), ["extra-0", "extra-1", "extra-2"]);

    const datapoints = await allPages((p) => api.listDatapoints({ id: state.id, versionId: state.v2, ...p }), 4);
    assert.equal(datapoints.length, 9);
    assert.equal(new Set(datapoints.map((dp) => dp.id)).size, 9);
    assert.deepEqual(datapoints.slice(2).map((dp) => dp.inputs.q), Array.from({ length: 7 }, (_, i) => `question ${i}`));
  });

  it("compares two versions, searches one and exports it (this server's extensions)", async () => {
    const first = await api.upsertDataset({
      upsertDatasetRequest: {
        path: `${folder}/review`,
        datapoints: [
          { inputs: { q: "capital of France" }, target: { output: "Lyon", score: 1 } },
          { inputs: { q: "refund policy" }, target: { output: "30 days" } },
          { inputs: { q: "gone" } },
        ],
        versionName: "draft",
      },
    });
    const second = await api.upsertDataset({
      upsertDatasetRequest: {
        path: `${folder}/review`,
        datapoints: [
          { inputs: { q: "capital of France" }, target: { output: "Paris" } },
          { inputs: { q: "refund policy" }, target: { output: "30 days" } },
          { inputs: { q: "new, with \"quotes\"" }, messages: [{ role: gen.ChatRole.User, content: "Refund?" }] },
        ],
        versionName: "reviewed",
      },
    });

    const diff = await extensions.diffVersions({ id: first.id, fromVersionId: first.versionId, size: 2 });
    assert.ok(gen.instanceOfVersionDiffResponse(diff), JSON.stringify(diff));
    checkDataset(diff.from, "diff.from");
    assert.equal(checkDataset(diff.to, "diff.to").versionId, second.versionId);
    assert.deepEqual([diff.added, diff.removed, diff.changed, diff.unchanged, diff.total], [1, 1, 1, 1, 3]);
    assert.equal(diff.attributesChanged, false);
    diff.records.forEach((r) => assert.ok(gen.instanceOfDiffRecord(r), JSON.stringify(r)));
    assert.deepEqual(diff.records.map((r) => r.change), [gen.DiffRecordChangeEnum.Changed, gen.DiffRecordChangeEnum.Added]);
    assert.deepEqual(diff.records[0].fields, ["target.output", "target.score"]);
    assert.equal(diff.records[0].before.target.output, "Lyon");
    const rest = await extensions.diffVersions({ id: first.id, fromVersionId: first.versionId, page: 2, size: 2 });
    assert.deepEqual(rest.records.map((r) => [r.change, r.before.inputs.q]), [["removed", "gone"]]);
    await expectStatus(extensions.diffVersions({ id: first.id, fromVersionId: first.versionId, fromEnvironment: "production" }), 422);
    await expectStatus(extensions.diffVersions({ id: first.id, fromVersionId: "dsv_unknown" }), 404);

    const found = await api.listDatapoints({ id: first.id, versionId: second.versionId, q: "REFUND" });
    assert.ok(gen.instanceOfPaginatedDatapointResponse(found));
    assert.deepEqual(found.records.map((dp) => dp.inputs.q), ["refund policy", 'new, with "quotes"']);
    assert.equal(found.total, 2);

    const jsonl = await (await extensions.exportVersion({ id: first.id, versionId: second.versionId })).text();
    const lines = jsonl.split("\n");
    assert.equal(lines.pop(), "");
    assert.deepEqual(lines.map((l) => JSON.parse(l).inputs.q), ["capital of France", "refund policy", 'new, with "quotes"']);
    const raw = await extensions.exportVersionRaw({ id: first.id, versionId: second.versionId, format: gen.ExportFormat.Csv });
    assert.equal(raw.raw.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.equal(raw.raw.headers.get("content-disposition"), 'attachment; filename="review-reviewed.csv"');
    const csv = await (await raw.value()).text();
    assert.equal(csv.split("\r\n")[0], "q,messages,target");

    const copy = await api.upsertDataset({ upsertDatasetRequest: { path: `${folder}/review-copy`, datapoints: [] } });
    const uploaded = await api.uploadCsv({ id: copy.id, file: new Blob([csv], { type: "text/csv" }) });
    const copied = await api.listDatapoints({ id: copy.id, versionId: uploaded.versionId });
    const original = await api.listDatapoints({ id: first.id, versionId: second.versionId });
    const content = (records) => records.map(({ inputs, messages, target }) => ({ inputs, messages, target }));
    assert.deepEqual(content(copied.records), content(original.records));
    await expectStatus(extensions.exportVersion({ id: first.id, format: "xml" }), 422);

    await api.deleteDataset({ id: copy.id });
    await api.deleteDataset({ id: first.id });
  });

  it("renames a version", async () => {
    const renamed = checkDataset(
      await api.updateVersion({ id: state.id, versionId: state.v2, updateVersionRequest: { name: "with-questions", description: "seven more" } }),
    );
    assert.equal(renamed.versionId, state.v2);
    assert.equal(renamed.versionName, "with-questions");
    assert.equal(renamed.versionDescription, "seven more");

    const versions = await api.listVersions({ id: state.id, includeDatapoints: "latest_saved" });
    assert.ok(gen.instanceOfListDatasetVersionsResponse(versions));
    assert.deepEqual(versions.records.map((v) => [v.versionId, v.versionName]), [[state.v2, "with-questions"], [state.v1, "initial"]]);
    assert.equal(versions.records[0].datapoints.length, 9);
    versions.records.forEach((v) => checkDataset(v, "version"));
  });

  it("deploys a version, reads it through the environment, and undeploys it", async () => {
    const environments = await api.listEnvironments({ id: state.id });
    environments.forEach((e) => assert.ok(gen.instanceOfFileEnvironmentResponse(e), JSON.stringify(e)));
    const staging = environments.find((e) => e.name === "staging");
    assert.equal(staging.tag, gen.EnvironmentTag.Other);
    assert.equal(staging.file, undefined);
    assert.equal(checkDataset(environments.find((e) => e.tag === "default").file).versionId, state.v1);

    const deployed = checkDataset(await api.setDeployment({ id: state.id, environmentId: staging.id, versionId: state.v2 }));
    assert.equal(deployed.versionId, state.v2);
    assert.deepEqual(deployed.environments.map((e) => e.id), [staging.id]);

    const viaStaging = checkDataset(await api.getDataset({ id: state.id, environment: "staging", includeDatapoints: true }));
    assert.equal(viaStaging.versionId, state.v2);
    assert.equal(viaStaging.datapoints.length, 9);
    const stagingNow = (await api.listEnvironments({ id: state.id })).find((e) => e.id === staging.id);
    assert.equal(checkDataset(stagingNow.file).versionId, state.v2);

    await api.removeDeployment({ id: state.id, environmentId: staging.id });
    await expectStatus(api.getDataset({ id: state.id, environment: "staging" }), 404);
  });

  it("uploads a CSV, moves the dataset, deletes a version", async () => {
    const csv = new Blob(["q,target\nfrom csv,\"{\"\"output\"\": \"\"json\"\"}\"\n"], { type: "text/csv" });
    const uploaded = checkDataset(await api.uploadCsv({ id: state.id, file: csv, versionId: state.v2, versionName: "csv" }));
    assert.equal(uploaded.datapointsCount, 10);
    const last = (await api.listDatapoints({ id: state.id, versionId: uploaded.versionId, page: 3, size: 4 })).records;
    assert.deepEqual(last.map((dp) => [dp.inputs, dp.target]).slice(-1), [[{ q: "from csv" }, { output: "json" }]]);

    const moved = checkDataset(await api.moveDataset({ id: state.id, updateDatasetRequest: { path: `${folder}/archive/support-v2` } }));
    assert.equal(moved.path, `${folder}/archive/support-v2`);
    assert.equal(moved.name, "support-v2");

    await expectStatus(api.deleteVersion({ id: state.id, versionId: state.v1 }), 409); // deployed to production
    await api.deleteVersion({ id: state.id, versionId: state.v2 });
    const versions = await api.listVersions({ id: state.id });
    assert.deepEqual(versions.records.map((v) => v.versionId), [uploaded.versionId, state.v1]);
  });

  it("previews an upsert with dry_run, then applies it only to the state it previewed (ETag / If-Match)", async () => {
    const read = await api.getDatasetRaw({ id: state.id });
    const etag = read.raw.headers.get("ETag");
    assert.match(etag ?? "", /^"[0-9a-f]+"$/);
    const latest = (await api.listVersions({ id: state.id })).records[0];
    const request = { id: state.id, action: gen.UpsertAction.Add, datapoints: [{ inputs: { q: "previewed" } }] };

    const preview = await api.upsertDataset({ dryRun: true, ifMatch: etag, upsertDatasetRequest: request });
    assert.ok(gen.instanceOfUpsertDryRunResponse(preview), JSON.stringify(preview));
    assert.equal(preview.dryRun, true);
    assert.equal(preview.createsDataset, false);
    assert.equal(preview.createsVersion, true);
    assert.equal(preview.baseVersionId, latest.versionId);
    assert.deepEqual([preview.added, preview.removed, preview.changed, preview.unchanged], [1, 0, 0, latest.datapointsCount]);
    assert.equal(preview.datapointsCount, latest.datapointsCount + 1);
    const unchanged = await api.listVersionsRaw({ id: state.id });
    assert.equal(unchanged.raw.headers.get("ETag"), etag, "the dry run changed the dataset");
    assert.equal((await unchanged.value()).records[0].versionId, latest.versionId);

    const applied = await api.upsertDatasetRaw({ ifMatch: etag, upsertDatasetRequest: request });
    const created = checkDataset(await applied.value());
    assert.equal(created.datapointsCount, preview.datapointsCount);
    const newTag = applied.raw.headers.get("ETag");
    assert.notEqual(newTag, etag);

    // The old tag is stale now: the write is refused and nothing changes.
    const stale = await api.updateVersion({ id: state.id, versionId: created.versionId, ifMatch: etag, updateVersionRequest: { name: "too-late" } })
      .then(() => assert.fail("a stale If-Match was accepted"), (e) => e);
    assert.ok(stale instanceof gen.ResponseError, `expected a ResponseError, got ${stale}`);
    assert.equal(stale.response.status, 412);
    assert.ok(gen.instanceOfErrorResponse(await stale.response.json()));
    await expectStatus(api.deleteDataset({ id: state.id, ifMatch: "not-quoted" }), 422);
    await expectStatus(api.upsertDataset({ ifMatch: "*", upsertDatasetRequest: { path: `${folder}/never`, datapoints: [] } }), 412);

    const renamed = await api.updateVersionRaw({ id: state.id, versionId: created.versionId, ifMatch: `"other", ${newTag}`, updateVersionRequest: { name: "previewed" } });
    assert.equal(checkDataset(await renamed.value()).versionName, "previewed");
    assert.notEqual(renamed.raw.headers.get("ETag"), newTag);
  });

  it("reports validation errors in the spec's HTTPValidationError shape", async () => {
    const error = await api.listDatapoints({ id: state.id, page: 0 }).then(
      () => assert.fail("page=0 was accepted"),
      (e) => e,
    );
    assert.ok(error instanceof gen.ResponseError, `expected a ResponseError, got ${error}`);
    assert.equal(error.response.status, 422);
    const body = gen.HTTPValidationErrorFromJSON(await error.response.json());
    assert.ok(body.detail.length > 0);
    assert.ok(body.detail.every((d) => gen.instanceOfValidationError(d)), JSON.stringify(body));
    assert.deepEqual(body.detail[0].loc, ["query", "page"]);
  });

  it("deletes the dataset", async () => {
    await api.deleteDataset({ id: state.id });
    await expectStatus(api.getDataset({ id: state.id }), 404);
    const left = await api.listDatasets({ name: "support-v2", size: 100 });
    assert.equal(left.records.find((d) => d.id === state.id), undefined);
  });
});
