"use strict";
// Where the server under test is; run.sh starts it and exports these.
const crypto = require("node:crypto");

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through src/test/sdk/run.sh`);
  }
  return value;
}

module.exports = {
  baseUrl: () => required("DATASETS_BASE_URL"), // e.g. http://127.0.0.1:PORT/v5
  apiKey: () => process.env.DATASETS_API_KEY || "hl_dev_local_development_key",
  // Suites share one server (and run in parallel): every path they create carries this.
  uniqueToken: (prefix) => `${prefix}${crypto.randomBytes(5).toString("hex")}`,
};
