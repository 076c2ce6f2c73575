"use strict";
// The curators' web app at / as a person uses it, in Debian's chromium driven by playwright-core,
// against a server that run.sh started: one whole session, from signing in to deleting a
// dataset, asserting on what the page shows. Every screen is saved as a screenshot in
// $WEBAPP_SCREENSHOTS (run.sh: <build dir>/webapp-screenshots/).
//
// The steps share one browser page and run in order; each starts from an address of its own,
// so one failing step does not hide the others.
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through src/test/browser/run.sh`);
  return value;
}

const serverUrl = required("DATASETS_SERVER_URL");
const apiKey = process.env.DATASETS_API_KEY || "hl_dev_local_development_key";
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const screenshots = process.env.WEBAPP_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), "webapp-shots-"));
const origin = new URL(serverUrl).origin;
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const LARGE = 100_000;
const NEEDLE_AT = 77_777;
/** An image "by URL" that needs no other host: a small drawing as a data: URL. */
const PICTURE = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
  + '<rect width="160" height="90" fill="#cfe3f7"/><circle cx="120" cy="30" r="14" fill="#f0b429"/>'
  + '<path d="M0 90 L50 40 L90 75 L115 55 L160 90 Z" fill="#2f7d4f"/></svg>');
const HOSTILE_HTML = '<img src=x onerror="window.__xss=1">';
const HOSTILE_SCRIPT = "<script>window.__xss=2</script>";

async function api(method, route, body) {
  const response = await fetch(`${serverUrl}/v5${route}`, {
    method,
    headers: { "X-API-KEY": apiKey, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function upsert(body) {
  const reply = await api("POST", "/datasets", body);
  assert.equal(reply.status, 200, `seeding ${body.path}: ${JSON.stringify(reply.json)}`);
  return reply.json;
}

describe("web app at /", () => {
  let userDataDir;
  let context;
  let page;
  let shot = 0;
  const requests = []; // every URL the browser asked for
  const navigations = []; // every URL the page showed
  const problems = []; // script errors, CSP violations and other console errors
  const seeded = {};

  async function screenshot(name) {
    shot += 1;
    await page.screenshot({ path: path.join(screenshots, `${String(shot).padStart(2, "0")}-${name}.png`) });
  }

  /** Goes to a screen of the app by its hash route and waits for its main heading. */
  async function open(route, heading) {
    await page.goto(`${serverUrl}/#${route}`);
    if (heading) await main().getByRole("heading", { level: 1, name: heading }).waitFor();
  }

  const main = () => page.locator("main");
  const notice = () => page.locator("#notices .notice");
  const versionCard = (name) => page.locator("article.version", { has: page.getByRole("heading", { level: 3, name, exact: true }) });

  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const file of fs.readdirSync(screenshots)) fs.rmSync(path.join(screenshots, file));

    // A support dataset: v1, then v2 with one target corrected and one datapoint added.
    const password = { inputs: { question: "How do I reset my password?" }, target: { output: "Use the reset link.", score: 0.5 } };
    const chat = {
      messages: [
        { role: "system", content: "You are a support agent." },
        { role: "user", content: [{ type: "text", text: "What is in this picture?" }, { type: "image_url", image_url: { url: PICTURE, detail: "low" } }] },
        { role: "assistant", content: "", tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup_order", arguments: '{"order_id":"A-17"}' } }] },
        { role: "tool", tool_call_id: "call_1", content: '{"status":"shipped"}' },
      ],
      target: { output: "Your order has shipped." },
    };
    const hostile = { inputs: { html: HOSTILE_HTML, script: HOSTILE_SCRIPT }, target: { output: "<b>not bold</b>" } };
    const queries = await upsert({ path: "curation/support/queries", version_name: "v1", datapoints: [password, chat, hostile] });
    const v2 = await upsert({
      path: "curation/support/queries", version_name: "v2",
      datapoints: [{ ...password, target: { output: "Use the reset link.", score: 0.9 } }, chat, hostile,
        { inputs: { question: "Can I export my data?" }, target: { output: "Yes, as CSV." } }],
    });
    seeded.queries = { id: queries.id, v1: queries.version_id, v2: v2.version_id };
    await upsert({ path: "curation/support/escalations", datapoints: [{ inputs: { question: "Refund?" } }] });
    await upsert({ path: "marketing/taglines", datapoints: [{ inputs: { product: "kettle" } }] });
    await upsert({ path: "curation/obsolete/old-set", datapoints: [{ inputs: { question: "Old?" } }] });
    for (let i = 1; i <= 25; i += 1) {
      await upsert({ path: `bulk/item-${String(i).padStart(2, "0")}`, datapoints: [{ inputs: { n: String(i) } }] });
    }
    // 100,000 datapoints in one version, sent in one request.
    const large = [];
    for (let i = 1; i <= LARGE; i += 1) {
      large.push({
        inputs: { question: i === NEEDLE_AT ? `Where is the needle? (${i})` : `Question number ${i}`, topic: `topic ${i % 97}` },
        target: { output: `answer ${i}` },
      });
    }
    const hundred = await upsert({ path: "curation/large/hundred-k", version_name: "full", datapoints: large });
    assert.equal(hundred.datapoints_count, LARGE);
    seeded.large = { id: hundred.id, version: hundred.version_id };

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "webapp-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath, headless: true, args: CHROMIUM_ARGS, viewport: DESKTOP, timeout: 60_000, acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    context.on("request", (request) => requests.push(request.url()));
    // Nothing may leave this server, whatever the page tries: other origins are refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith(`${origin}/`) || /^(data|blob):/.test(url) ? route.continue() : route.abort("blockedbyclient");
    });
    page = context.pages()[0] || (await context.newPage());
    page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
    page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
    page.on("console", (message) => {
      // A failed request is logged by Chromium itself; the steps that provoke one check what the page shows.
      if (message.type() === "error" && !/^Failed to load resource/.test(message.text())) {
        problems.push(`console error: ${message.text()}`);
      }
    });
  });

  after(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("is served at / with a Content-Security-Policy that allows only its own scripts and styles", async () => {
    const response = await fetch(`${serverUrl}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), /^text\/html/);
    const csp = response.headers.get("content-security-policy");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
    assert.doesNotMatch(html, /<style|style=/, "no inline style");
    const script = await fetch(`${serverUrl}/app/app.js`);
    assert.match(script.headers.get("content-type"), /^text\/javascript/);
    assert.equal((await fetch(`${serverUrl}/datasets/ds_x`)).status, 404, "a path outside the app stays a 404");
  });

  it("signs in with the API key (a wrong key is refused in words) and lands on the Home folder", async () => {
    await page.goto(`${serverUrl}/`);
    await main().getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    assert.equal(await page.title(), "Sign in · Datasets");
    const key = page.getByLabel("API key");
    await key.fill("hl_not_a_key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await main().getByText("This API key was not accepted by the server").waitFor();
    await screenshot("sign-in-refused");
    await key.fill(apiKey);
    await key.press("Enter");
    await main().getByRole("heading", { level: 1, name: "Home" }).waitFor();
    assert.equal(await page.title(), "Home · Datasets");
    assert.equal(await page.evaluate(() => sessionStorage.length), 1, "the key is kept for this browser session");
    assert.equal(await page.evaluate(() => localStorage.length), 0, "and nowhere that outlives it");
    await screenshot("home");
  });

  it("finds a dataset through folders, with breadcrumbs and the folder in the page title", async () => {
    await open("/", "Home");
    await main().getByRole("link", { name: "curation", exact: true }).click();
    await main().getByRole("heading", { level: 1, name: "curation" }).waitFor();
    await main().getByRole("link", { name: "support", exact: true }).click();
    await main().getByRole("heading", { level: 1, name: "support" }).waitFor();
    assert.equal(await page.title(), "Folder curation/support · Datasets");
    const crumbs = await page.locator("nav.breadcrumbs li").allTextContents();
    assert.deepEqual(crumbs, ["Home", "curation", "support"]);
    await main().getByRole("link", { name: "escalations", exact: true }).waitFor();
    await screenshot("folder");
    await main().getByRole("link", { name: "queries", exact: true }).click();
    await main().getByRole("heading", { level: 1, name: "queries" }).waitFor();
    assert.equal(await page.title(), "Dataset curation/support/queries · Datasets");
    assert.deepEqual(await page.locator("nav.breadcrumbs li").allTextContents(), ["Home", "curation", "support", "queries"]);
  });

  it("searches datasets by name, sorts them and pages through a folder", async () => {
    await open("/", "Home");
    await page.getByLabel("Search datasets by name").fill("hundred");
    await page.getByLabel("Search datasets by name").press("Enter");
    await main().getByText("1 dataset in all folders").waitFor();
    assert.deepEqual(await main().locator("table.datasets tbody th").allTextContents(), ["curation/large/hundred-k"]);

    await open("/", "Home");
    await main().getByRole("link", { name: "bulk", exact: true }).click();
    await main().getByText("25 datasets in this folder and below").waitFor();
    const names = () => main().locator("table.datasets tbody th").allTextContents();
    assert.equal((await names())[0], "item-01");
    await main().getByRole("navigation", { name: "Dataset pages" }).getByText("Next ›").click();
    await main().getByText("Page 2 of 2").waitFor();
    assert.deepEqual(await names(), ["item-21", "item-22", "item-23", "item-24", "item-25"]);
    await page.getByLabel("Order").selectOption("desc");
    await main().getByText("Page 1 of 2").waitFor();
    assert.equal((await names())[0], "item-25");
  });

  it("opens a version of 100,000 datapoints in under a second, one page at a time, and moves to its last page", async () => {
    const { id, version } = seeded.large;
    const route = `/datasets/${id}/versions/${version}`;
    const firstDatapoint = () => main().getByRole("cell", { name: "Question number 1", exact: true });
    const seenBefore = requests.length;

    await open(`/datasets/${id}`, "hundred-k");
    let started = Date.now();
    await versionCard("full").getByRole("link", { name: "Open" }).click();
    await firstDatapoint().waitFor();
    const inApp = Date.now() - started;

    // Loading the whole app at that address: the best of up to three tries, since the machine
    // running the suite may be busy with other work for a moment.
    const fromScratch = [];
    while (fromScratch.length < 3 && !fromScratch.some((ms) => ms < 1000)) {
      await page.goto("about:blank");
      started = Date.now();
      await page.goto(`${serverUrl}/#${route}`);
      await firstDatapoint().waitFor();
      fromScratch.push(Date.now() - started);
    }
    console.log(`# first page of a ${LARGE.toLocaleString("en-US")}-datapoint version: ${inApp} ms from the dataset page, `
      + `${fromScratch.join(" / ")} ms loading the app from scratch`);
    assert.ok(inApp < 1000, `from the dataset page: ${inApp} ms`);
    assert.ok(Math.min(...fromScratch) < 1000, `loading the app: ${fromScratch.join(" / ")} ms`);
    assert.equal(await page.title(), "curation/large/hundred-k · full · Datasets");
    await main().getByText(`Datapoints 1–25 of ${LARGE.toLocaleString("en-US")}`).waitFor();
    await screenshot("version-100k");

    await main().getByRole("navigation", { name: "Datapoint pages (top)" }).getByText("Last »").click();
    await main().getByRole("cell", { name: `Question number ${LARGE}`, exact: true }).waitFor();
    await main().getByText("Page 4,000 of 4,000").first().waitFor();
    await main().getByText(`Datapoints 99,976–100,000 of ${LARGE.toLocaleString("en-US")}`).waitFor();

    const asked = requests.slice(seenBefore).map((url) => new URL(url));
    assert.ok(asked.every((url) => url.searchParams.get("include_datapoints") !== "true"), "never the whole version");
    const pages = asked.filter((url) => url.pathname.endsWith("/datapoints"));
    assert.ok(pages.length >= 3, "pages were asked for");
    for (const url of pages) assert.ok(Number(url.searchParams.get("size")) <= 100, `page size of ${url}`);
  });

  it("searches inside the 100,000-datapoint version", async () => {
    const { id, version } = seeded.large;
    await open(`/datasets/${id}/versions/${version}`, /full/);
    // The previous step left this version at its last page: wait for page 1 to replace it, so
    // that the search is typed into the form that stays on screen.
    await main().getByText(`Datapoints 1–25 of ${LARGE.toLocaleString("en-US")}`).waitFor();
    await page.getByLabel("Search in this version").fill("NEEDLE");
    const started = Date.now();
    await page.getByLabel("Search in this version").press("Enter");
    // A search reads the whole version on the server; it gets more time than a page.
    await main().getByText("Matches for “NEEDLE” 1–1 of 1").waitFor({ timeout: 90_000 });
    console.log(`# search in ${LARGE.toLocaleString("en-US")} datapoints: ${Date.now() - started} ms`);
    await main().getByRole("cell", { name: `Where is the needle? (${NEEDLE_AT})` }).waitFor();
    await main().getByRole("link", { name: "Clear search" }).waitFor();
    await screenshot("version-search");
  });

  it("shows inputs as a table, messages as a conversation, the target as JSON, and HTML or script text as text", async () => {
    const { id, v1 } = seeded.queries;
    await page.evaluate(() => { window.__xss = undefined; });
    await open(`/datasets/${id}/versions/${v1}`, /v1/);
    await main().getByRole("cell", { name: HOSTILE_HTML, exact: true }).waitFor();
    await main().getByRole("cell", { name: HOSTILE_SCRIPT, exact: true }).waitFor();
    await main().getByText('"output": "<b>not bold</b>"').waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined, "nothing from a datapoint ran");
    assert.equal(await main().locator('img[src="x"], b, script').count(), 0, "no element was made from datapoint text");

    const messages = main().locator("ol.conversation li.message");
    assert.equal(await messages.count(), 4);
    assert.deepEqual(await main().locator("ol.conversation .role").allTextContents(), ["system", "user", "assistant", "tool"]);
    await main().locator(".tool-call", { hasText: "lookup_order" }).getByText('"order_id": "A-17"').waitFor();
    await main().getByText("result of call call_1").waitFor();
    assert.equal(await main().locator('figure.image img[alt="Image in the message"]').getAttribute("src"), PICTURE);
    await main().locator("ol.datapoints > li").nth(1).evaluate((item) => item.scrollIntoView());
    await screenshot("version-datapoints");
  });

  it("compares two versions: counts, then the changed target field highlighted", async () => {
    const { id } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    await main().getByRole("link", { name: "Compare versions" }).click();
    await main().getByRole("heading", { level: 2, name: "From v1 to v2" }).waitFor();
    assert.equal(await page.title(), "Compare · curation/support/queries · Datasets");
    const counts = await main().locator("ul.diff-counts li").allTextContents();
    assert.deepEqual(counts, ["1 added", "0 removed", "1 changed", "2 unchanged"]);
    const changed = main().locator(".change-changed");
    await changed.locator("code.changed-name", { hasText: "target.score" }).waitFor();
    assert.match(await changed.locator(".before mark.changed-field").textContent(), /"score": 0\.5/);
    assert.match(await changed.locator(".after mark.changed-field").textContent(), /"score": 0\.9/);
    assert.equal(await changed.locator("mark.changed-field", { hasText: "output" }).count(), 0, "an equal field is not marked");
    await main().locator(".change-added").getByRole("cell", { name: "Can I export my data?" }).waitFor();
    await screenshot("compare");

    // What production serves (v1, deployed automatically) against v2: the same change.
    await page.getByLabel("From", { exact: true }).selectOption({ label: "production (now v1)" });
    await main().getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/from=env%3Aproduction/);
    await main().getByRole("heading", { level: 2, name: "From v1 to v2" }).waitFor();
    await changed.locator("code.changed-name", { hasText: "target.score" }).waitFor();
  });

  it("deploys a version to an environment and removes the deployment", async () => {
    const { id, v2 } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    const card = versionCard("v2");
    await card.getByLabel("Deploy v2 to").selectOption({ label: "staging" });
    await card.getByRole("button", { name: "Deploy", exact: true }).click();
    await notice().getByText("Deployed v2 to staging.").waitFor();
    await versionCard("v2").locator(".chip", { hasText: "staging" }).waitFor();
    const environments = (await api("GET", `/datasets/${id}/environments`)).json;
    assert.equal(environments.find((env) => env.name === "staging").file?.version_id, v2);
    await screenshot("dataset-versions");

    await versionCard("v2").getByRole("button", { name: "Remove deployment of v2 from staging" }).click();
    await notice().getByText("Removed the deployment of v2 from staging.").waitFor();
    await versionCard("v2").locator(".chip", { hasText: "staging" }).waitFor({ state: "detached" });
    assert.equal(await versionCard("v2").locator(".chip").count(), 0);
    const after = (await api("GET", `/datasets/${id}/environments`)).json;
    assert.equal(after.find((env) => env.name === "staging").file, undefined);
  });

  it("renames and describes a version", async () => {
    const { id, v2 } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    await versionCard("v2").getByRole("button", { name: "Rename or describe" }).click();
    const dialog = page.getByRole("dialog", { name: "Rename or describe v2" });
    await dialog.getByLabel("Version name").fill("v2-reviewed");
    await dialog.getByLabel("Description").fill("Checked by the support team <b>twice</b>");
    await dialog.getByRole("button", { name: "Save" }).click();
    await notice().getByText("Saved v2-reviewed.").waitFor();
    await versionCard("v2-reviewed").getByText("Checked by the support team <b>twice</b>").waitFor();
    const versions = (await api("GET", `/datasets/${id}/versions`)).json.records;
    assert.equal(versions.find((v) => v.version_id === v2).version_name, "v2-reviewed");

    // A name another version has: the API's 409 is shown in the dialog, which stays open.
    await versionCard("v2-reviewed").getByRole("button", { name: "Rename or describe" }).click();
    const again = page.getByRole("dialog", { name: "Rename or describe v2-reviewed" });
    await again.getByLabel("Version name").fill("v1");
    await again.getByRole("button", { name: "Save" }).click();
    await again.getByText(/Conflict: .*v1.*already used/).waitFor();
    await again.getByRole("button", { name: "Cancel" }).click();
    await again.waitFor({ state: "detached" });
  });

  it("does not overwrite a change made elsewhere since the page was loaded (If-Match, 412), and reloads", async () => {
    const { id, v1 } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    const described = await api("PATCH", `/datasets/${id}/versions/${v1}`, { description: "described by a colleague" });
    assert.equal(described.status, 200);
    const card = versionCard("v2-reviewed");
    await card.getByLabel("Deploy v2-reviewed to").selectOption({ label: "staging" });
    await card.getByRole("button", { name: "Deploy", exact: true }).click();
    await notice().getByText(/changed elsewhere since the page was loaded, so nothing was written/).waitFor();
    const environments = (await api("GET", `/datasets/${id}/environments`)).json;
    assert.equal(environments.find((env) => env.name === "staging").file, undefined, "the refused deploy wrote nothing");
    await notice().getByRole("button", { name: "Reload" }).click();
    await versionCard("v1").getByText("described by a colleague").waitFor();
  });

  it("uploads a CSV as a new version, and names the row of a file it refuses", async () => {
    const { id } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    await main().getByRole("link", { name: "Upload CSV" }).click();
    await main().getByRole("heading", { level: 1, name: "Upload a CSV to queries" }).waitFor();
    assert.equal(await page.title(), "Upload CSV · curation/support/queries · Datasets");

    await page.getByLabel("CSV file").setInputFiles({
      name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from("question,target\nFine?,yes\nBroken,row,extra\n"),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await main().getByText("The file was rejected: Row 2 has 3 cells but the header has 2").waitFor();
    await screenshot("upload-refused");

    const rows = ["question,target,target.score", '"Where are my invoices, please?",Under Billing,1', "Do you ship abroad?,Yes,0.5"];
    await page.getByLabel("CSV file").setInputFiles({ name: "rows.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n") + "\n") });
    await page.getByLabel("Version name").fill("from-csv");
    await page.getByLabel("Version description").fill("two rows from support");
    await page.getByRole("button", { name: "Upload" }).click();
    await notice().getByText("Uploaded rows.csv: version from-csv with 5 datapoints.").waitFor();
    await main().getByRole("heading", { level: 1, name: "queries" }).waitFor();
    await versionCard("from-csv").getByText("two rows from support").waitFor();
  });

  it("shows the progress of a large upload", async () => {
    const escalations = (await api("GET", "/files?name=escalations")).json.records[0];
    await open(`/datasets/${escalations.id}/upload`, "Upload a CSV to escalations");
    const rows = ["question,target"];
    for (let i = 0; i < 10_000; i += 1) rows.push(`Escalation number ${i} for the night shift,handled`);
    const csv = Buffer.from(rows.join("\n") + "\n");
    // Uploads at 128 KB/s, so the ~480 KB file takes a few seconds to send.
    const network = await context.newCDPSession(page);
    await network.send("Network.enable");
    await network.send("Network.emulateNetworkConditions", {
      offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 128 * 1024,
    });
    try {
      await page.getByLabel("CSV file").setInputFiles({ name: "night-shift.csv", mimeType: "text/csv", buffer: csv });
      await page.getByRole("button", { name: "Upload" }).click();
      await main().getByText(/^Uploading night-shift\.csv: \d+% of [\d,]+ bytes…$/).waitFor();
      assert.ok(await main().locator("progress").isVisible(), "a progress bar while the file is sent");
      await screenshot("upload-progress");
      await notice().getByText("Uploaded night-shift.csv: version", { exact: false }).waitFor({ timeout: 60_000 });
    } finally {
      await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await network.detach();
    }
    await notice().getByText("with 10,001 datapoints.", { exact: false }).waitFor();
  });

  it("downloads a version as JSONL and as CSV", async () => {
    const { id } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    const card = versionCard("from-csv");

    let download = page.waitForEvent("download");
    await card.getByRole("button", { name: "Download JSONL" }).click();
    let file = await download;
    assert.equal(file.suggestedFilename(), "queries-from-csv.jsonl");
    const lines = fs.readFileSync(await file.path(), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
    assert.equal(lines.length, 5);
    assert.ok(lines.some((dp) => dp.inputs?.question === "Do you ship abroad?" && dp.target?.score === 0.5));

    download = page.waitForEvent("download");
    await card.getByRole("button", { name: "Download CSV" }).click();
    file = await download;
    assert.equal(file.suggestedFilename(), "queries-from-csv.csv");
    const csv = fs.readFileSync(await file.path(), "utf8");
    assert.match(csv.split(/\r?\n/)[0], /^question,/);
    assert.match(csv, /Do you ship abroad\?/);
    await notice().getByText(/Downloaded queries-from-csv\.csv/).waitFor();
  });

  it("deletes a version after a confirmation, and explains why a deployed one cannot be deleted", async () => {
    const { id } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    await versionCard("v1").getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog", { name: "Delete version v1?" }).getByRole("button", { name: "Delete version v1" }).click();
    await notice().getByText(/v1 was not deleted\. It is deployed to production: remove that deployment first/).waitFor();
    await screenshot("delete-version-refused");

    await versionCard("from-csv").getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete version from-csv?" });
    await dialog.getByText("5 datapoints").waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await versionCard("from-csv").count(), 1, "Cancel deletes nothing");
    await versionCard("from-csv").getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog", { name: "Delete version from-csv?" }).getByRole("button", { name: "Delete version from-csv" }).click();
    await notice().getByText("Deleted version from-csv.").waitFor();
    await versionCard("from-csv").waitFor({ state: "detached" });
    const versions = (await api("GET", `/datasets/${id}/versions`)).json.records.map((v) => v.version_name);
    assert.deepEqual(versions, ["v2-reviewed", "v1"]);
  });

  it("moves a dataset, then deletes it after a confirmation that names it", async () => {
    await open("/", "Home");
    await page.getByLabel("Search datasets by name").fill("old-set");
    await page.getByLabel("Search datasets by name").press("Enter");
    await main().getByRole("link", { name: "curation/obsolete/old-set" }).click();
    await main().getByRole("heading", { level: 1, name: "old-set" }).waitFor();
    const id = new URL(page.url()).hash.split("/")[2];

    await main().getByRole("button", { name: "Move or rename" }).click();
    const move = page.getByRole("dialog", { name: "Move or rename old-set" });
    await move.getByLabel("New path").fill("curation/obsolete/older-set");
    await move.getByRole("button", { name: "Move" }).click();
    await notice().getByText("Moved to curation/obsolete/older-set.").waitFor();
    await main().getByRole("heading", { level: 1, name: "older-set" }).waitFor();

    await main().getByRole("button", { name: "Delete dataset" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete dataset curation/obsolete/older-set?" });
    await dialog.getByText("The dataset “curation/obsolete/older-set”").waitFor();
    await screenshot("delete-dataset");
    await dialog.getByRole("button", { name: "Delete curation/obsolete/older-set" }).click();
    await notice().getByText("Deleted dataset curation/obsolete/older-set.").waitFor();
    await main().getByRole("heading", { level: 1, name: "Home" }).waitFor();
    assert.equal((await api("GET", `/datasets/${id}`)).status, 404);
  });

  it("says in words what went wrong, and retries after a network failure or a 503", async () => {
    await open("/datasets/ds_doesnotexist");
    await main().getByRole("heading", { name: "Not found" }).waitFor();
    await main().getByText(/^Not found: .*ds_doesnotexist/).waitFor();

    const { id } = seeded.queries;
    const versions = `${origin}/v5/datasets/${id}/versions`;
    await page.route(versions, (route) => route.abort("internetdisconnected"));
    await open(`/datasets/${id}`);
    await main().getByText("Could not reach the server (network error)").waitFor();
    await screenshot("network-error");
    await page.unroute(versions);
    await main().getByRole("button", { name: "Try again" }).click();
    await main().getByRole("heading", { level: 1, name: "queries" }).waitFor();

    await page.route(versions, (route) => route.fulfill({
      status: 503, contentType: "application/json", headers: { "Retry-After": "2" },
      body: JSON.stringify({ detail: "The database is unreachable; retry shortly" }),
    }));
    await page.reload();
    await main().getByText("The server cannot reach its database right now (503)").waitFor();
    await page.unroute(versions);
    await main().getByRole("button", { name: "Try again" }).click();
    await main().getByRole("heading", { level: 1, name: "queries" }).waitFor();
  });

  it("can be used with the keyboard alone", async () => {
    await open("/", "Home");
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press("Tab");
      reached = (await focusedText()) === "curation";
    }
    assert.ok(reached, "Tab reaches the folder link");
    await page.keyboard.press("Enter");
    await main().getByRole("heading", { level: 1, name: "curation" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "a new screen starts at its heading");

    const { id } = seeded.queries;
    await open(`/datasets/${id}`, "queries");
    await main().getByRole("button", { name: "Delete dataset" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /^Delete dataset/ });
    await dialog.waitFor();
    assert.equal(await focusedText(), "Cancel", "a dangerous dialog starts on Cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal((await api("GET", `/datasets/${id}`)).status, 200, "Escape deleted nothing");
  });

  it("fits a phone's width without sideways scrolling", async () => {
    const { id, v1 } = seeded.queries;
    await page.setViewportSize(PHONE);
    try {
      for (const [route, heading] of [["/", "Home"], [`/datasets/${id}`, "queries"], [`/datasets/${id}/versions/${v1}`, /v1/],
        [`/datasets/${id}/compare`, /Compare/]]) {
        await open(route, heading);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${route} is ${overflow}px wider than the phone`);
      }
      await open(`/datasets/${id}/versions/${v1}`, /v1/);
      await screenshot("phone-version");
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  it("signs out: the key is forgotten, and it never appeared in a URL", async () => {
    await open("/", "Home");
    await page.getByRole("button", { name: "Sign out" }).click();
    await main().getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual((await context.cookies()).map((c) => c.name), []);
    const leaks = [...requests, ...navigations].filter((url) => url.includes(apiKey) || url.includes(encodeURIComponent(apiKey)));
    assert.deepEqual(leaks, []);
  });

  it("loaded only this server's files and raised no script error or CSP violation", () => {
    assert.deepEqual(problems, []);
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, []);
    for (const asset of ["/", "/app/app.js", "/app/app.css", "/app/screens/folder.js", "/app/screens/version.js"]) {
      assert.ok(requests.includes(`${origin}${asset}`), `the page loaded ${asset}`);
    }
  });
});
