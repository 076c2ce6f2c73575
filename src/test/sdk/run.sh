#!/usr/bin/env bash
# Contract tests with real clients, against a freshly started server:
#   sdk.test.js              the official `humanloop` TypeScript SDK (pinned in package.json)
#   generated-client.test.js a typescript-fetch client generated from api-spec/openapi.yaml
#
# Usage: src/test/sdk/run.sh [BUILD_DIR]
#   BUILD_DIR (argument, else $BUILD_DIR, else <repo>/target) must hold a server build
#   (classes/ and lib/, as `mvn package` leaves them). The generated client comes from the
#   same build (the `generated-ts-client` execution in pom.xml); when it is missing or older
#   than the spec, only that execution is run ($MVN, default `mvn -B -q`).
# Prints node's TAP report, then a last line `sdk: N passed, N failed`; exits non-zero on
# any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
source "$repo/src/test/support/node-suite.sh"
suite_init sdk "$here" "${1:-${BUILD_DIR:-$repo/target}}"
npm_ci_if_changed

# --- the client generated from our spec, compiled to CommonJS ---------------------------------
ts_src="$build_dir/generated-ts-client"
ts_out="$build_dir/generated-ts-client-js"
if [[ ! -f "$ts_src/index.ts" || "$repo/api-spec/openapi.yaml" -nt "$ts_src/index.ts" ]]; then
  ${MVN:-mvn -B -q} -f "$repo/pom.xml" -Dbuild.dir="$build_dir" \
    org.openapitools:openapi-generator-maven-plugin:generate@generated-ts-client \
    || fail_setup "could not generate the typescript-fetch client from api-spec/openapi.yaml"
fi
rm -rf "$ts_out" && mkdir -p "$ts_out"
# A compile error is a test failure (reported by generated-client.test.js), not a setup error.
if ! node_modules/.bin/tsc --pretty false --strict --skipLibCheck --target ES2020 --module commonjs \
    --moduleResolution node --lib es2020,dom --outDir "$ts_out" "$ts_src/index.ts" > "$work_dir/tsc.log" 2>&1; then
  cp "$work_dir/tsc.log" "$ts_out/COMPILE_FAILED"
fi

start_server

# --- both suites, one after the other (they share the server) ---------------------------------
rc=0
DATASETS_BASE_URL="$base/v5" DATASETS_API_KEY="hl_dev_local_development_key" GENERATED_CLIENT_JS="$ts_out" \
  node --test --test-concurrency=1 --test-reporter=tap sdk.test.js generated-client.test.js \
  | tee "$tap" || rc=$?
suite_finish "$rc"
