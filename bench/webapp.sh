#!/usr/bin/env bash
# Web app benchmark: cold loads of the home page in headless Chromium with the network and CPU of a mid-range phone
# (150 ms RTT, 1.6 Mbit/s down, CPU 4x slower, HTTP cache and service worker off), against a local server with the
# sample library: first contentful paint and time to the home screen's shelves (median of RUNS); and the gzipped
# size of the JavaScript the first screen loads (every script index.html names, gzip -9).
#
# Usage: bench/webapp.sh [RUNS]      (default 7; the server is built first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-7}
port=${BENCH_PORT:-18089}
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$root/cyprus" version >/dev/null            # builds the jar (and the web app) when needed
jdk=$("$root/cyprus" java-home)
web="$root/cyprus-server/target/classes/web"

# JavaScript of the first screen: the scripts index.html loads, gzipped.
js_bytes=0; js_gzip=0
for src in $(grep -o 'src="/assets/[^"]*\.js"' "$web/index.html" | sed 's/src="\/\(.*\)"/\1/'); do
  js_bytes=$((js_bytes + $(wc -c <"$web/$src")))
  js_gzip=$((js_gzip + $(gzip -9 -c "$web/$src" | wc -c)))
done

# The bench client's class path: Playwright from the local Maven repository.
(cd "$root" && ./mvnw -q -B -ntp dependency:build-classpath -pl cyprus-server -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp" >/dev/null)

printf 'listening on a slow phone\n' | "$root/cyprus" user add --admin --password-stdin --data-dir "$work/data" reader >/dev/null
(cd "$work" && exec "$root/cyprus" serve --port "$port" --data-dir "$work/data" --access-log false >"$work/log" 2>&1) &
server_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
sleep 2   # the first scan of the sample library

result=$(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$jdk/bin/java" -cp "$(cat "$work/cp")" "$root/bench/webapp/WebAppBench.java" \
  "http://127.0.0.1:$port" reader "listening on a slow phone" "$runs")

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
cat <<REPORT
web app benchmark, $(date -u +%Y-%m-%dT%H:%MZ)
machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)
jdk: $("$jdk/bin/java" -version 2>&1 | head -1); browser: $(/usr/bin/chromium --version 2>/dev/null | head -1)
profile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, no HTTP cache, no service worker; 390x844 at 2x; $runs cold loads after one warm-up
$result
JavaScript of the first screen: $js_bytes bytes, $js_gzip bytes gzipped (gzip -9)
REPORT
