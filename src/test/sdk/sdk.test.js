"use strict";
// The official `humanloop` TypeScript SDK (pinned in package.json), unchanged, against our
// server: every one of its 13 Datasets methods, in the order a user would call them.
// Any response the SDK's own schemas reject fails the test (see support/strict-sdk.js).
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { Humanloop, HumanloopError } = require("humanloop");
const env = require("./support/env");
const { createStrictClient, capturingConsole } = require("./support/strict-sdk");

const { client, problems } = createStrictClient({ baseUrl: env.baseUrl(), apiKey: env.apiKey() });
const datasets = client.datasets;

/** A test whose SDK calls must also produce no schema mismatch and no console warning. */
function sdkIt(name, fn) {
  it(name, async () => {
    problems.length = 0;
    await capturingConsole(problems, fn);
    assert.deepEqual(problems, [], `the SDK saw responses it does not accept:\n${problems.join("\n")}`);
  });
}

async function assertStatus(promise, statusCode) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof HumanloopError, `expected a HumanloopError, got ${error}`);
    assert.equal(error.statusCode, statusCode, `status of ${JSON.stringify(error.body)}`);
    return true;
  });
}

async function collect(pagePromise) {
  const items = [];
  for await (const item of await pagePromise) items.push(item);
  return items;
}

const inputsOf = (datapoints) => datapoints.map((dp) => dp.inputs.question);

describe("official humanloop SDK 0.8.20, datasets client", () => {
  const token = env.uniqueToken("sdk");
  const folder = `sdk-contract/${token}`;
  const datasetPath = `${folder}/questions`;
  const q = (question, answer) => ({ inputs: { question }, target: { output: answer } });
  const first = [q("capital of France?", "Paris"), q("author of Hamlet?", "Shakespeare")];
  const chat = {
    inputs: { question: "chat" },
    messages: [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "How do I rotate an API key?" },
    ],
    target: { output: "Settings, then API keys.", rubric: { steps: 2 } },
  };
  const added = q("boiling point of water?", "100 C");
  const state = {}; // ids learnt along the way
  let tmpDir;

  before(() => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-contract-"));
  });
  after(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

  sdkIt("upsert (set) creates the dataset and deploys its first version to the default environment", async () => {
    const created = await datasets.upsert({
      path: datasetPath,
      datapoints: [...first, chat],
      action: "set",
      attributes: { owner: "sdk-suite" },
      versionName: "v1",
      versionDescription: "two questions and a chat",
      includeDatapoints: true,
    });
    assert.match(created.id, /^ds_/);
    assert.match(created.versionId, /^dsv_/);
    assert.equal(created.path, datasetPath);
    assert.equal(created.name, "questions");
    assert.equal(created.type, "dataset");
    assert.equal(created.datapointsCount, 3);
    assert.equal(created.versionName, "v1");
    assert.equal(created.versionDescription, "two questions and a chat");
    assert.deepEqual(created.attributes, { owner: "sdk-suite" });
    assert.ok(created.createdAt instanceof Date && !isNaN(created.createdAt), "createdAt is a date");
    assert.deepEqual(
      created.environments.map((e) => [e.name, e.tag]),
      [["production", "default"]],
    );
    assert.equal(created.datapoints.length, 3);
    assert.deepEqual(inputsOf(created.datapoints), ["capital of France?", "author of Hamlet?", "chat"]);
    for (const dp of created.datapoints) assert.match(dp.id, /^dp_/);
    assert.deepEqual(created.datapoints[2].messages.map((m) => m.role), ["system", "user"]);
    assert.deepEqual(created.datapoints[2].target, chat.target);
    state.id = created.id;
    state.v1 = created.versionId;
    state.dpIds = Object.fromEntries(created.datapoints.map((dp) => [dp.inputs.question, dp.id]));
  });

  sdkIt("upsert (add) appends to the latest version, ignoring duplicates, without deploying", async () => {
    const v2 = await datasets.upsert({ path: datasetPath, action: "add", datapoints: [added, first[0]] });
    assert.equal(v2.id, state.id);
    assert.notEqual(v2.versionId, state.v1);
    assert.equal(v2.datapointsCount, 4);
    assert.deepEqual(v2.environments, []);
    assert.deepEqual(v2.attributes, { owner: "sdk-suite" }, "add keeps the base's attributes");
    state.v2 = v2.versionId;

    // The SDK's own "look a dataset up by path" idiom: add nothing, get the latest version back.
    const same = await datasets.upsert({ path: datasetPath, action: "add", datapoints: [] });
    assert.equal(same.versionId, state.v2);
    assert.equal(same.datapointsCount, 4);
  });

  sdkIt("upsert (remove) by id takes datapoints out of the latest version", async () => {
    const v3 = await datasets.upsert({
      id: state.id,
      action: "remove",
      datapoints: [first[1]],
      versionName: "v3",
      includeDatapoints: true,
    });
    assert.equal(v3.id, state.id);
    assert.equal(v3.datapointsCount, 3);
    assert.equal(v3.versionName, "v3");
    assert.deepEqual(inputsOf(v3.datapoints), ["capital of France?", "chat", "boiling point of water?"]);
    assert.equal(v3.datapoints[0].id, state.dpIds["capital of France?"], "datapoint ids are stable across versions");
    state.v3 = v3.versionId;
  });

  sdkIt("get picks a version by id, by environment, and by default", async () => {
    const byId = await datasets.get(state.id, { versionId: state.v2, includeDatapoints: true });
    assert.equal(byId.versionId, state.v2);
    assert.equal(byId.datapoints.length, 4);
    assert.deepEqual(inputsOf(byId.datapoints), [
      "capital of France?", "author of Hamlet?", "chat", "boiling point of water?",
    ]);

    const byEnvironment = await datasets.get(state.id, { environment: "production" });
    assert.equal(byEnvironment.versionId, state.v1);
    assert.equal(byEnvironment.datapoints, undefined, "no datapoints unless asked for");

    const byDefault = await datasets.get(state.id);
    assert.equal(byDefault.versionId, state.v1, "the version deployed to the default environment");
    assert.equal(byDefault.datapointsCount, 3);

    await assertStatus(datasets.get(state.id, { versionId: "dsv_doesnotexist" }), 404);
    await assertStatus(datasets.get("ds_doesnotexist"), 404);
  });

  sdkIt("listDatapoints pages through a version to the end", async () => {
    const firstPage = await datasets.listDatapoints(state.id, { versionId: state.v2, size: 3 });
    assert.equal(firstPage.data.length, 3);
    const all = await collect(datasets.listDatapoints(state.id, { versionId: state.v2, size: 3 }));
    assert.equal(all.length, 4);
    assert.deepEqual(inputsOf(all), ["capital of France?", "author of Hamlet?", "chat", "boiling point of water?"]);
    assert.equal(new Set(all.map((dp) => dp.id)).size, 4);
    assert.equal(all[0].id, state.dpIds["capital of France?"]);

    const production = await collect(datasets.listDatapoints(state.id, { environment: "production", size: 2 }));
    assert.deepEqual(inputsOf(production), ["capital of France?", "author of Hamlet?", "chat"]);
  });

  sdkIt("list iterates every page to the end and filters by name", async () => {
    const extraNames = [];
    for (let i = 0; i < 4; i++) {
      const name = `${token}-extra-${i}`;
      const extra = await datasets.upsert({ path: `${folder}/${name}`, datapoints: [q(`extra ${i}`, `${i}`)] });
      assert.equal(extra.name, name);
      extraNames.push(name);
    }
    const seen = await collect(datasets.list({ name: token, size: 2, sortBy: "name", order: "asc" }));
    assert.deepEqual(seen.map((d) => d.name), [...extraNames].sort());
    for (const d of seen) {
      assert.match(d.id, /^ds_/);
      assert.equal(d.datapointsCount, 1);
      assert.equal(d.datapoints, undefined);
    }

    const all = await collect(datasets.list({ size: 3 }));
    const mine = all.find((d) => d.id === state.id);
    assert.ok(mine, "the main dataset is listed");
    assert.equal(mine.versionId, state.v1, "listed at its default version");
    assert.equal(new Set(all.map((d) => d.id)).size, all.length, "no dataset twice across pages");

    const page = await datasets.list({ name: token, size: 10 });
    assert.equal(page.data.length, 4);
    assert.equal(page.hasNextPage(), true, "the SDK only stops at an empty page");
  });

  sdkIt("listVersions returns every version, newest first, with the latest's datapoints on request", async () => {
    const versions = await datasets.listVersions(state.id);
    assert.deepEqual(versions.records.map((v) => v.versionId), [state.v3, state.v2, state.v1]);
    assert.deepEqual(versions.records.map((v) => v.datapointsCount), [3, 4, 3]);
    assert.deepEqual(versions.records.map((v) => v.versionName), ["v3", undefined, "v1"]);

    const withLatest = await datasets.listVersions(state.id, { includeDatapoints: "latest_saved" });
    assert.equal(withLatest.records[0].versionId, state.v3);
    assert.equal(withLatest.records[0].datapoints.length, 3);
  });

  sdkIt("updateDatasetVersion renames and re-describes that version", async () => {
    const renamed = await datasets.updateDatasetVersion(state.id, state.v2, {
      name: "v2-renamed",
      description: "water added",
    });
    assert.equal(renamed.versionId, state.v2, "the updated version, not the default one");
    assert.equal(renamed.versionName, "v2-renamed");
    assert.equal(renamed.versionDescription, "water added");
    assert.equal(renamed.datapointsCount, 4);

    const again = await datasets.get(state.id, { versionId: state.v2 });
    assert.equal(again.versionName, "v2-renamed");
    await assertStatus(datasets.updateDatasetVersion(state.id, state.v3, { name: "v1" }), 409);
  });

  sdkIt("listEnvironments, setDeployment and removeDeployment move a version between environments", async () => {
    const before = await datasets.listEnvironments(state.id);
    const byName = Object.fromEntries(before.map((e) => [e.name, e]));
    assert.deepEqual(Object.keys(byName).sort(), ["production", "staging"]);
    assert.equal(byName.production.tag, "default");
    assert.equal(byName.staging.tag, "other");
    assert.match(byName.staging.id, /^env_/);
    assert.equal(byName.production.file.versionId, state.v1);
    assert.equal(byName.production.file.id, state.id);
    assert.equal(byName.staging.file, undefined);

    const deployed = await datasets.setDeployment(state.id, byName.staging.id, { versionId: state.v3 });
    assert.equal(deployed.versionId, state.v3);
    assert.deepEqual(deployed.environments.map((e) => e.name), ["staging"]);
    assert.equal((await datasets.get(state.id, { environment: "staging" })).versionId, state.v3);

    // The SDK's own docs pass the environment's name ("staging"); that works too.
    const byEnvName = await datasets.setDeployment(state.id, "staging", { versionId: state.v2 });
    assert.equal(byEnvName.versionId, state.v2);

    const during = await datasets.listEnvironments(state.id);
    assert.equal(during.find((e) => e.name === "staging").file.versionId, state.v2);

    assert.equal(await datasets.removeDeployment(state.id, byName.staging.id), undefined);
    const after = await datasets.listEnvironments(state.id);
    assert.equal(after.find((e) => e.name === "staging").file, undefined);
    assert.equal(after.find((e) => e.name === "production").file.versionId, state.v1);
    await assertStatus(datasets.get(state.id, { environment: "staging" }), 404);
    state.productionEnvId = byName.production.id;
  });

  sdkIt("deleteDatasetVersion removes an undeployed version", async () => {
    await assertStatus(datasets.deleteDatasetVersion(state.id, state.v1), 409); // deployed to production
    assert.equal(await datasets.deleteDatasetVersion(state.id, state.v2), undefined);
    const versions = await datasets.listVersions(state.id);
    assert.deepEqual(versions.records.map((v) => v.versionId), [state.v3, state.v1]);
    await assertStatus(datasets.get(state.id, { versionId: state.v2 }), 404);
  });

  sdkIt("move changes the path, then the name", async () => {
    const movedPath = `${folder}/moved/questions`;
    const moved = await datasets.move(state.id, { path: movedPath });
    assert.equal(moved.id, state.id);
    assert.equal(moved.path, movedPath);
    assert.equal(moved.name, "questions");
    assert.equal(moved.versionId, state.v1, "the dataset at its default version");

    const renamed = await datasets.move(state.id, { name: "faq" });
    assert.equal(renamed.path, `${folder}/moved/faq`);
    assert.equal(renamed.name, "faq");
    assert.equal((await datasets.get(state.id)).path, `${folder}/moved/faq`);
    state.path = renamed.path;
  });

  sdkIt("uploadCsv adds the rows of a file stream to the default version", async () => {
    const csvFile = path.join(tmpDir, "questions.csv");
    fs.writeFileSync(
      csvFile,
      [
        "question,target",
        "capital of France?,Paris", // already in the base: ignored
        "largest planet?,Jupiter",
        '"comma, quoted?","yes, quoted"',
        "",
      ].join("\n"),
    );
    const uploaded = await datasets.uploadCsv(fs.createReadStream(csvFile), state.id, {
      versionName: "from-csv",
      versionDescription: "uploaded by the SDK suite",
    });
    assert.equal(uploaded.id, state.id);
    assert.notEqual(uploaded.versionId, state.v1);
    assert.equal(uploaded.versionName, "from-csv");
    assert.equal(uploaded.versionDescription, "uploaded by the SDK suite");
    assert.equal(uploaded.datapointsCount, 5, "v1's three datapoints plus two new rows");

    const rows = await collect(datasets.listDatapoints(state.id, { versionId: uploaded.versionId }));
    assert.deepEqual(inputsOf(rows), [
      "capital of France?", "author of Hamlet?", "chat", "largest planet?", "comma, quoted?",
    ]);
    assert.deepEqual(rows[3], { id: rows[3].id, inputs: { question: "largest planet?" }, target: { output: "Jupiter" } });
    assert.deepEqual(rows[4].target, { output: "yes, quoted" });

    const fromEnvironment = await datasets.uploadCsv(fs.createReadStream(csvFile), state.id, {
      environment: "production",
    });
    assert.equal(fromEnvironment.versionId, uploaded.versionId, "same content: the existing version");
  });

  sdkIt("delete removes the dataset and frees its path", async () => {
    assert.equal(await datasets.delete(state.id), undefined);
    await assertStatus(datasets.get(state.id), 404);
    await assertStatus(datasets.listVersions(state.id), 404);
    const left = await collect(datasets.list({ name: "faq", size: 50 }));
    assert.equal(left.find((d) => d.id === state.id), undefined);

    const reborn = await datasets.upsert({ path: state.path, datapoints: [] });
    assert.notEqual(reborn.id, state.id);
    assert.equal(reborn.datapointsCount, 0);
    await datasets.delete(reborn.id);
  });

  sdkIt("an unknown API key is a 401", async () => {
    const { client: stranger, problems: strangerProblems } = createStrictClient({
      baseUrl: env.baseUrl(),
      apiKey: "hl_not_a_key",
    });
    await assertStatus(stranger.datasets.list({ size: 1 }), 401);
    problems.push(...strangerProblems);
  });

  sdkIt("validation errors reach the SDK as UnprocessableEntityError", async () => {
    await assert.rejects(datasets.upsert({ path: `/${folder}/bad/`, datapoints: [] }), (error) => {
      assert.ok(error instanceof Humanloop.UnprocessableEntityError, `expected a 422, got ${error}`);
      assert.equal(error.body.detail[0].loc[0], "body");
      return true;
    });
    await assert.rejects(datasets.list({ size: -1 }), (error) => {
      assert.equal(error.statusCode, 422);
      assert.ok(Array.isArray(error.body.detail) && error.body.detail.length > 0);
      assert.deepEqual(error.body.detail[0].loc.slice(0, 2), ["query", "size"]);
      return true;
    });
  });
});

// The SDK's Files and Directories methods that reach datasets (contract §7).
describe("official humanloop SDK 0.8.20, files and directories", () => {
  const token = env.uniqueToken("sdkfiles");
  const folder = `sdk-files/${token}`;
  const state = {};

  sdkIt("directories.list holds the root and every folder of the new datasets, sorted by path", async () => {
    const alpha = await datasets.upsert({ path: `${folder}/inner/${token}-alpha`, datapoints: [{ inputs: { q: "a" } }] });
    const beta = await datasets.upsert({ path: `${folder}/${token}-beta`, datapoints: [{ inputs: { q: "b" } }] });
    const betaV2 = await datasets.upsert({ id: beta.id, action: "add", datapoints: [{ inputs: { q: "c" } }] });
    await datasets.setDeployment(beta.id, "staging", { versionId: betaV2.versionId });
    Object.assign(state, { alpha, beta, betaV2 });

    const all = await client.directories.list();
    assert.equal(all[0].path, "");
    assert.equal(all[0].name, "");
    assert.equal(all[0].parentId, undefined);
    const paths = all.map((d) => d.path);
    assert.deepEqual([...paths].sort(), paths);
    const mine = all.filter((d) => d.path.startsWith(folder));
    assert.deepEqual(mine.map((d) => d.path), [folder, `${folder}/inner`]);
    assert.equal(mine[1].id, alpha.directoryId, "directory ids are the datasets' directory_id");
    assert.equal(mine[0].id, beta.directoryId);
    assert.equal(mine[1].parentId, mine[0].id);
    assert.deepEqual(mine[0].tags, []);
    assert.ok(mine[0].createdAt instanceof Date && mine[0].createdAt <= mine[0].updatedAt);
  });

  sdkIt("directories.get returns a directory with its subdirectories, files and parents", async () => {
    const directory = await client.directories.get(state.beta.directoryId);
    assert.equal(directory.path, folder);
    assert.deepEqual(directory.subdirectories.map((d) => d.path), [`${folder}/inner`]);
    assert.deepEqual(directory.files.map((f) => f.id), [state.beta.id]);
    assert.equal(directory.files[0].versionId, state.beta.versionId, "each file at its default version");
    assert.equal(directory.files[0].type, "dataset");
    assert.deepEqual(directory.parents.map((d) => d.path), ["", "sdk-files"]);

    const root = await client.directories.get("root");
    assert.equal(root.path, "");
    assert.deepEqual(root.parents, []);
    assert.ok(root.subdirectories.some((d) => d.path === "sdk-files"));
    await assertStatus(client.directories.get("dir_000000000000000000000000"), 404);
  });

  sdkIt("files.listFiles lists datasets by name, type and environment", async () => {
    const byName = await client.files.listFiles({ name: token, sortBy: "name", order: "asc", size: 10 });
    assert.deepEqual(byName.records.map((f) => f.id), [state.alpha.id, state.beta.id]);
    assert.equal(byName.total, 2);
    assert.equal(byName.page, 1);
    assert.equal(byName.records[1].versionId, state.beta.versionId);

    const datasetsOnly = await client.files.listFiles({ name: token, type: ["dataset", "prompt"] });
    assert.equal(datasetsOnly.total, 2);
    const prompts = await client.files.listFiles({ name: token, type: "prompt" });
    assert.deepEqual(prompts.records, []);
    const templates = await client.files.listFiles({ name: token, template: true });
    assert.equal(templates.total, 0);

    const staged = await client.files.listFiles({ name: token, environment: "staging" });
    assert.deepEqual(staged.records.map((f) => f.id), [state.beta.id]);
    assert.equal(staged.records[0].versionId, state.betaV2.versionId, "shown at the version deployed there");
    await assertStatus(client.files.listFiles({ environment: "nowhere" }), 404);
  });

  sdkIt("files.retrieveByPath returns the dataset at a path, by default or at an environment", async () => {
    const found = await client.files.retrieveByPath({ path: state.beta.path });
    assert.equal(found.id, state.beta.id);
    assert.equal(found.versionId, state.beta.versionId);
    const staged = await client.files.retrieveByPath({ path: state.beta.path, environment: "staging" });
    assert.equal(staged.versionId, state.betaV2.versionId);
    await assertStatus(client.files.retrieveByPath({ path: `${folder}/missing` }), 404);
    await assertStatus(client.files.retrieveByPath({ path: state.alpha.path, environment: "staging" }), 404);
  });
});
