"use strict";
// The /docs page as a person uses it: Debian's chromium (never a downloaded browser),
// driven by playwright-core, against a server that run.sh started.
//   - every operation of the served /v5/openapi.yaml is listed on the page;
//   - Authorize with the API key, then "Try it out" / "Execute" on GET /datasets shows a 200;
//   - every asset loads, no script fails, and no request leaves the server's own origin.
// A full-page screenshot is saved to $DOCS_SCREENSHOT (run.sh: <build dir>/docs-screenshot.png).
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through src/test/browser/run.sh`);
  }
  return value;
}

const serverUrl = required("DATASETS_SERVER_URL"); // e.g. http://127.0.0.1:PORT
const apiKey = process.env.DATASETS_API_KEY || "hl_dev_local_development_key";
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const screenshot = process.env.DOCS_SCREENSHOT;
const origin = new URL(serverUrl).origin;
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];
const METHODS = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);

/**
 * The operations of an OpenAPI document as "METHOD /path" → operationId. Reads the `paths:`
 * block by indentation (two spaces per level, as api-spec/openapi.yaml is written), so the
 * suite needs no YAML library; a count of `operationId:` lines guards against a miss.
 */
function operationsOf(yaml) {
  const operations = new Map();
  let inPaths = false;
  let currentPath = null;
  let currentMethod = null;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      inPaths = line.startsWith("paths:");
      continue;
    }
    if (!inPaths) continue;
    let m;
    if ((m = /^ {2}(\/\S*?):\s*$/.exec(line))) {
      currentPath = m[1].replace(/^['"]|['"]$/g, "");
      currentMethod = null;
    } else if ((m = /^ {4}([a-z]+):\s*$/.exec(line))) {
      currentMethod = METHODS.has(m[1]) ? m[1] : null;
    } else if ((m = /^ {6}operationId:\s*['"]?([^'"\s]+)['"]?\s*$/.exec(line)) && currentPath && currentMethod) {
      operations.set(`${currentMethod.toUpperCase()} ${currentPath}`, m[1]);
    }
  }
  const declared = (yaml.match(/^\s+operationId:/gm) || []).length;
  assert.equal(operations.size, declared, "every operationId of the document was read with its method and path");
  return operations;
}

describe("API reference page /docs", () => {
  let userDataDir;
  let context;
  let page;
  const requests = []; // every URL the page asked for
  const failures = []; // failed requests, responses >= 400 and script errors while loading the page

  before(async () => {
    // Something to list, so the executed GET /datasets shows a real dataset.
    const seeded = await fetch(`${serverUrl}/v5/datasets`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-KEY": apiKey },
      body: JSON.stringify({ path: "docs-page/example", datapoints: [{ inputs: { question: "hello?" } }] }),
    });
    assert.equal(seeded.status, 200, `seeding a dataset: ${await seeded.text()}`);

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-chromium-"));
    // launchPersistentContext: Playwright takes the profile folder here, not as --user-data-dir in args.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
    context.on("request", (request) => requests.push(request.url()));
    context.on("requestfailed", (request) =>
      failures.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    context.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} for ${response.url()}`);
    });
    // Nothing may leave this machine's server, whatever the page tries: other origins are refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith(`${origin}/`) || /^(data|blob):/.test(url) ? route.continue() : route.abort("blockedbyclient");
    });
    page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (error) => failures.push(`script error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") failures.push(`console error: ${message.text()}`);
    });
    await page.goto(`${serverUrl}/docs`, { waitUntil: "load" });
    // Swagger UI renders the operations once it has fetched and parsed the document.
    await page.locator(".opblock").first().waitFor({ timeout: 30_000 });
  });

  after(async () => {
    if (page && screenshot) {
      // From the top down to the executed response (when there is one): header, Authorize, GET /datasets.
      const height = await page.evaluate(() => {
        const live = document.querySelector(".live-responses-table");
        return live ? Math.ceil(live.getBoundingClientRect().bottom + window.scrollY + 16) : 900;
      }).catch(() => 900);
      await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } })
        .catch((e) => console.error(`# screenshot: ${e}`));
    }
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("shows the API document's title", async () => {
    await assert.doesNotReject(page.locator(".information-container .title", { hasText: "Datasets API" }).waitFor());
  });

  it("lists every operation of the served /v5/openapi.yaml", async () => {
    const served = await fetch(`${serverUrl}/v5/openapi.yaml`);
    assert.equal(served.status, 200);
    const expected = operationsOf(await served.text());
    assert.ok(expected.size > 0, "the served document has operations");

    const shown = await page.$$eval(".opblock", (blocks) => blocks.map((block) => ({
      id: block.id,
      method: block.querySelector(".opblock-summary-method")?.textContent.trim().toUpperCase(),
      path: block.querySelector(".opblock-summary-path")?.getAttribute("data-path"),
    })));
    const shownByRoute = new Map(shown.map((op) => [`${op.method} ${op.path}`, op]));
    assert.deepEqual([...shownByRoute.keys()].sort(), [...expected.keys()].sort(),
      "the page lists exactly the document's operations");
    for (const [route, operationId] of expected) {
      // With deepLinking, Swagger UI names each block operations-<tag>-<operationId>.
      assert.match(shownByRoute.get(route).id, new RegExp(`-${operationId}$`), `${route} is ${operationId}`);
    }
  });

  it("authorizes with the API key, then Try it out / Execute on GET /datasets shows 200", async () => {
    await page.locator(".scheme-container button.authorize").click();
    const dialog = page.locator(".dialog-ux .modal-ux");
    await dialog.locator("input").first().fill(apiKey);
    await dialog.locator("button.modal-btn.auth.authorize").click();
    await dialog.locator("button", { hasText: "Logout" }).waitFor(); // the key was accepted by the UI
    await dialog.locator("button.btn-done").click();

    const operation = page.locator(".opblock.opblock-get").filter({
      has: page.locator('.opblock-summary-path[data-path="/datasets"]'),
    });
    await operation.locator(".opblock-summary-control").click();
    await operation.locator("button.try-out__btn").click();
    const sent = page.waitForRequest((request) => new URL(request.url()).pathname === "/v5/datasets");
    await operation.locator("button.execute").click();

    const request = await sent;
    assert.equal(new URL(request.url()).origin, origin, "the relative server URL /v5 resolves to this server");
    assert.equal(request.headers()["x-api-key"], apiKey, "the authorized key is sent");
    const response = await request.response();
    assert.equal(response?.status(), 200, `the server answered ${response?.status()}`);

    // The live response row (the table's header row reads "Code" / "Details").
    const live = operation.locator(".live-responses-table tr.response");
    await live.waitFor({ timeout: 15_000 });
    assert.equal((await live.locator(".response-col_status").textContent()).trim(), "200");
    const body = await live.locator(".response-col_description").textContent();
    assert.match(body, /docs-page\/example/, "the response body shown on the page lists the dataset");
  });

  it("loads every asset, raises no script error and fails no request", () => {
    assert.deepEqual(failures, []);
    for (const asset of ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs.js", "/v5/openapi.yaml"]) {
      assert.ok(requests.includes(`${origin}${asset}`), `the page loaded ${asset}`);
    }
  });

  it("sends no request to any host other than the server", () => {
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, []);
  });
});
