"use strict";
// The official SDK parses responses with `skipValidation: true`: a response that does not
// match its schema only produces a console.warn (and objects with missing required keys or
// wrongly typed fields produce not even that). This module makes every mismatch a test
// failure, in two ways:
//   1. console.warn / console.error are captured while a test runs;
//   2. a `fetcher` wrapping the SDK's own one re-parses every response body with the SDK's
//      own serializer for that endpoint, strictly (no skipped validation, no unknown enum
//      values or union members, no unknown keys: an unknown key usually means a field name
//      the SDK does not know, e.g. a typo, which the SDK would silently drop).
const { HumanloopClient } = require("humanloop");
const core = require("humanloop/core");
const serializers = require("humanloop/serialization");

const STRICT = {
  unrecognizedObjectKeys: "fail",
  allowUnrecognizedUnionMembers: false,
  allowUnrecognizedEnumValues: false,
  skipValidation: false,
  breadcrumbsPrefix: ["response"],
};

// method + path below /v5 → the serializer the SDK method uses for a 2xx body (null: no body).
const RESPONSE_SCHEMAS = [
  ["GET", /^\/datasets$/, serializers.PaginatedDatasetResponse],
  ["POST", /^\/datasets$/, serializers.DatasetResponse],
  ["GET", /^\/datasets\/[^/]+$/, serializers.DatasetResponse],
  ["PATCH", /^\/datasets\/[^/]+$/, serializers.DatasetResponse],
  ["DELETE", /^\/datasets\/[^/]+$/, null],
  ["GET", /^\/datasets\/[^/]+\/datapoints$/, serializers.PaginatedDatapointResponse],
  ["POST", /^\/datasets\/[^/]+\/datapoints\/csv$/, serializers.DatasetResponse],
  ["GET", /^\/datasets\/[^/]+\/versions$/, serializers.ListDatasets],
  ["PATCH", /^\/datasets\/[^/]+\/versions\/[^/]+$/, serializers.DatasetResponse],
  ["DELETE", /^\/datasets\/[^/]+\/versions\/[^/]+$/, null],
  ["GET", /^\/datasets\/[^/]+\/environments$/, serializers.datasets.listEnvironments.Response],
  ["POST", /^\/datasets\/[^/]+\/environments\/[^/]+$/, serializers.DatasetResponse],
  ["DELETE", /^\/datasets\/[^/]+\/environments\/[^/]+$/, null],
  ["GET", /^\/files$/, serializers.PaginatedDataUnionPromptResponseToolResponseDatasetResponseEvaluatorResponseFlowResponse],
  ["POST", /^\/files\/retrieve-by-path$/, serializers.files.RetrieveByPathFilesRetrieveByPathPostResponse],
  ["GET", /^\/directories$/, serializers.directories.list.Response],
  ["GET", /^\/directories\/[^/]+$/, serializers.DirectoryWithParentsAndChildrenResponse],
];

function describeErrors(errors) {
  return errors
    .map((e) => `  - ${e.path.length > 0 ? e.path.join(".") + ": " : ""}${e.message}`)
    .join("\n");
}

function createStrictClient({ baseUrl, apiKey }) {
  const problems = [];
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");

  async function strictFetcher(args) {
    const response = await core.fetcher(args);
    const url = new URL(args.url);
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const call = `${args.method} ${path}${url.search}`;
    if (response.ok) {
      const entry = RESPONSE_SCHEMAS.find(([m, re]) => m === args.method && re.test(path));
      if (entry === undefined) {
        problems.push(`${call}: no known SDK response schema for this endpoint`);
      } else if (entry[2] === null) {
        if (response.body !== undefined) {
          problems.push(`${call}: the SDK expects no body, got ${JSON.stringify(response.body)}`);
        }
      } else if (response.body && response.body.ok === false && response.body.error) {
        // getResponseBody's way of saying "2xx but not JSON".
        problems.push(`${call}: 2xx response is not JSON: ${JSON.stringify(response.body.error)}`);
      } else {
        const parsed = entry[2].parse(response.body, STRICT);
        if (!parsed.ok) {
          problems.push(`${call}: response does not match the SDK's schema:\n${describeErrors(parsed.errors)}`);
        }
      }
    } else if (response.error.reason === "status-code" && response.error.statusCode === 422) {
      const parsed = serializers.HttpValidationError.parse(response.error.body, STRICT);
      if (!parsed.ok) {
        problems.push(`${call}: 422 body does not match HTTPValidationError:\n${describeErrors(parsed.errors)}`);
      }
    }
    return response;
  }

  const client = new HumanloopClient({ apiKey, baseUrl, fetcher: strictFetcher });
  return { client, problems };
}

// Runs fn with console.warn / console.error captured into `problems` (still printed).
async function capturingConsole(problems, fn) {
  const original = { warn: console.warn, error: console.error };
  for (const level of ["warn", "error"]) {
    console[level] = (...args) => {
      problems.push(`console.${level}: ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
      original[level](...args);
    };
  }
  try {
    return await fn();
  } finally {
    console.warn = original.warn;
    console.error = original.error;
  }
}

module.exports = { createStrictClient, capturingConsole };
