#!/usr/bin/env bash
# Browser tests of the /docs page (docs.test.js) and of the web app at / (webapp.test.js):
# Debian's chromium driven by playwright-core, against a freshly started server. No browser is
# ever downloaded: the suites use the system chromium ($CHROMIUM_PATH, default
# /usr/bin/chromium; `apt-get install chromium`). BROWSER_SUITES="webapp.test.js" runs one.
#
# Usage: src/test/browser/run.sh [BUILD_DIR]
#   BUILD_DIR (argument, else $BUILD_DIR, else <repo>/target) must hold a server build
#   (classes/ and lib/, as `mvn package` leaves them). The page's screenshot is saved to
#   BUILD_DIR/docs-screenshot.png, the web app's screens to BUILD_DIR/webapp-screenshots/, the
#   server's log to BUILD_DIR/browser-tests/server.log.
# Prints node's TAP report, then a last line `browser: N passed, N failed`; exits non-zero on
# any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
source "$repo/src/test/support/node-suite.sh"
suite_init browser "$here" "${1:-${BUILD_DIR:-$repo/target}}"
[[ -x "$chromium_path" ]] || fail_setup "no chromium at $chromium_path (install Debian's: apt-get install chromium)"
# playwright-core downloads nothing on install; the variable makes sure of it.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_ci_if_changed
start_server

# --- the suite ----------------------------------------------------------------------------------
screenshot="$build_dir/docs-screenshot.png"
rm -f "$screenshot"
rc=0
read -r -a suites <<< "${BROWSER_SUITES:-docs.test.js webapp.test.js}"
DATASETS_SERVER_URL="$base" DATASETS_API_KEY="hl_dev_local_development_key" CHROMIUM_PATH="$chromium_path" \
  DOCS_SCREENSHOT="$screenshot" WEBAPP_SCREENSHOTS="$build_dir/webapp-screenshots" \
  node --test --test-concurrency=1 --test-reporter=tap "${suites[@]}" \
  | tee "$tap" || rc=$?
[[ -f "$screenshot" ]] && echo "browser: screenshot: $screenshot" >&2
suite_finish "$rc"
