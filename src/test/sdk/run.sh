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
build_dir="${1:-${BUILD_DIR:-$repo/target}}"
work_dir=""
server_pid=""

fail_setup() {
  echo "sdk: $*" >&2
  echo "sdk: 0 passed, 1 failed"
  exit 1
}

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
(( node_major >= 20 )) || fail_setup "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"
[[ -d "$build_dir/classes" && -d "$build_dir/lib" ]] \
  || fail_setup "no server build in $build_dir (expected classes/ and lib/; run mvn package first)"
build_dir="$(cd "$build_dir" && pwd)"
work_dir="$build_dir/sdk-tests"
mkdir -p "$work_dir"

# --- node dependencies: npm ci only when node_modules is missing or the lock changed ---------
cd "$here"
lock_hash="$(node -e 'const c=require("crypto"),f=require("fs");console.log(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')"
stamp="node_modules/.package-lock.sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  npm ci --no-audit --no-fund --loglevel=error || fail_setup "npm ci failed"
  echo "$lock_hash" > "$stamp"
fi

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

# --- a fresh server: in-memory database, the built-in development key -------------------------
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:$port"
env -u API_KEYS_FILE PORT="$port" DATA_DIR=memory \
  "${JAVA:-java}" ${JAVA_OPTS:-} -cp "$build_dir/classes:$build_dir/lib/*" io.datasetserver.server.Main \
  > "$work_dir/server.log" 2>&1 &
server_pid=$!
healthy=""
deadline=$((SECONDS + ${SERVER_START_TIMEOUT:-120}))
while (( SECONDS < deadline )); do
  kill -0 "$server_pid" 2>/dev/null || break
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$base/healthz"; then
    healthy=yes; break
  fi
  sleep 0.25
done
if [[ -z "$healthy" ]]; then
  tail -n 40 "$work_dir/server.log" >&2 || true
  fail_setup "server did not become healthy on $base (log: $work_dir/server.log)"
fi

# --- both suites, one after the other (they share the server) ---------------------------------
tap="$work_dir/results.tap"
rc=0
DATASETS_BASE_URL="$base/v5" DATASETS_API_KEY="hl_dev_local_development_key" GENERATED_CLIENT_JS="$ts_out" \
  node --test --test-concurrency=1 --test-reporter=tap sdk.test.js generated-client.test.js \
  | tee "$tap" || rc=$?
stop_server

passed="$(awk '/^# pass /{n=$3} END{print n+0}' "$tap")"
failed="$(awk '/^# fail /{n=$3} END{print n+0}' "$tap")"
if [[ "$rc" -ne 0 || "$failed" -ne 0 ]]; then
  echo "sdk: server log: $work_dir/server.log" >&2
  [[ "$failed" -ne 0 ]] || failed=1 # the runner failed without reporting a failed test
  echo "sdk: $passed passed, $failed failed"
  exit 1
fi
echo "sdk: $passed passed, $failed failed"
