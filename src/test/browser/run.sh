#!/usr/bin/env bash
# Browser test of the /docs page (docs.test.js): Debian's chromium driven by playwright-core,
# against a freshly started server. No browser is ever downloaded: the suite uses the system
# chromium ($CHROMIUM_PATH, default /usr/bin/chromium; `apt-get install chromium`).
#
# Usage: src/test/browser/run.sh [BUILD_DIR]
#   BUILD_DIR (argument, else $BUILD_DIR, else <repo>/target) must hold a server build
#   (classes/ and lib/, as `mvn package` leaves them). The page's screenshot is saved to
#   BUILD_DIR/docs-screenshot.png, the server's log to BUILD_DIR/browser-tests/server.log.
# Prints node's TAP report, then a last line `browser: N passed, N failed`; exits non-zero on
# any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
build_dir="${1:-${BUILD_DIR:-$repo/target}}"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
server_pid=""

fail_setup() {
  echo "browser: $*" >&2
  echo "browser: 0 passed, 1 failed"
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
[[ -x "$chromium_path" ]] || fail_setup "no chromium at $chromium_path (install Debian's: apt-get install chromium)"
[[ -d "$build_dir/classes" && -d "$build_dir/lib" ]] \
  || fail_setup "no server build in $build_dir (expected classes/ and lib/; run mvn package first)"
build_dir="$(cd "$build_dir" && pwd)"
work_dir="$build_dir/browser-tests"
mkdir -p "$work_dir"

# --- node dependencies: npm ci only when node_modules is missing or the lock changed ---------
cd "$here"
lock_hash="$(node -e 'const c=require("crypto"),f=require("fs");console.log(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')"
stamp="node_modules/.package-lock.sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  # playwright-core downloads nothing on install; the variable makes sure of it.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error || fail_setup "npm ci failed"
  echo "$lock_hash" > "$stamp"
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

# --- the suite ----------------------------------------------------------------------------------
tap="$work_dir/results.tap"
rm -f "$build_dir/docs-screenshot.png"
rc=0
DATASETS_SERVER_URL="$base" DATASETS_API_KEY="hl_dev_local_development_key" CHROMIUM_PATH="$chromium_path" \
  DOCS_SCREENSHOT="$build_dir/docs-screenshot.png" \
  node --test --test-concurrency=1 --test-reporter=tap docs.test.js \
  | tee "$tap" || rc=$?
stop_server

passed="$(awk '/^# pass /{n=$3} END{print n+0}' "$tap")"
failed="$(awk '/^# fail /{n=$3} END{print n+0}' "$tap")"
[[ -f "$build_dir/docs-screenshot.png" ]] && echo "browser: screenshot: $build_dir/docs-screenshot.png" >&2
if [[ "$rc" -ne 0 || "$failed" -ne 0 ]]; then
  echo "browser: server log: $work_dir/server.log" >&2
  [[ "$failed" -ne 0 ]] || failed=1 # the runner failed without reporting a failed test
  echo "browser: $passed passed, $failed failed"
  exit 1
fi
echo "browser: $passed passed, $failed failed"
