# Shared by the node-based suites (src/test/sdk, src/test/browser); source it, don't run it.
# A suite calls: suite_init NAME DIR BUILD_DIR → npm_ci_if_changed → start_server (sets $base)
# → runs `node --test … | tee "$tap"` → suite_finish RC. It prints `NAME: N passed, N failed`
# last and exits non-zero on any failure; the server is always stopped.

suite_name=""
server_pid=""

fail_setup() {
  echo "$suite_name: $*" >&2
  echo "$suite_name: 0 passed, 1 failed"
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

# suite_init NAME SUITE_DIR BUILD_DIR: checks Node and the server build, sets $build_dir,
# $work_dir (BUILD_DIR/NAME-tests) and $tap, and moves into SUITE_DIR.
suite_init() {
  suite_name="$1"
  trap stop_server EXIT
  trap 'exit 130' INT TERM
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  (( node_major >= 20 )) || fail_setup "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"
  [[ -d "$3/classes" && -d "$3/lib" ]] \
    || fail_setup "no server build in $3 (expected classes/ and lib/; run mvn package first)"
  build_dir="$(cd "$3" && pwd)"
  work_dir="$build_dir/$suite_name-tests"
  tap="$work_dir/results.tap"
  mkdir -p "$work_dir"
  cd "$2"
}

# npm ci, only when node_modules is missing or package-lock.json changed since the last one.
npm_ci_if_changed() {
  local lock_hash stamp="node_modules/.package-lock.sha256"
  lock_hash="$(node -e 'const c=require("crypto"),f=require("fs");console.log(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    npm ci --no-audit --no-fund --loglevel=error || fail_setup "npm ci failed"
    echo "$lock_hash" > "$stamp"
  fi
}

# A fresh server on a free port: in-memory database, the built-in development key. Sets $base.
start_server() {
  local port healthy="" deadline
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  base="http://127.0.0.1:$port"
  env -u API_KEYS_FILE PORT="$port" DATA_DIR=memory \
    "${JAVA:-java}" ${JAVA_OPTS:-} -cp "$build_dir/classes:$build_dir/lib/*" io.datasetserver.server.Main \
    > "$work_dir/server.log" 2>&1 &
  server_pid=$!
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
}

# suite_finish RC: stops the server, prints the counts from $tap, exits non-zero on any failure.
suite_finish() {
  local rc="$1" passed failed
  stop_server
  passed="$(awk '/^# pass /{n=$3} END{print n+0}' "$tap")"
  failed="$(awk '/^# fail /{n=$3} END{print n+0}' "$tap")"
  if [[ "$rc" -ne 0 || "$failed" -ne 0 ]]; then
    echo "$suite_name: server log: $work_dir/server.log" >&2
    [[ "$failed" -ne 0 ]] || failed=1 # the runner failed without reporting a failed test
    echo "$suite_name: $passed passed, $failed failed"
    exit 1
  fi
  echo "$suite_name: $passed passed, $failed failed"
}
