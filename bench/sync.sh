#!/usr/bin/env bash
# Listening sync benchmark (see README.md): DEVICES devices connected by WebSocket, each sending a progress tick every
# 5 s plus bursts, and the time from one device's update to its arrival at the account's other devices; durable
# progress updates per second over HTTP; PUT latency at a paced 200 updates/s.
#
# Usage: bench/sync.sh [DEVICES [USERS [SECONDS]]]   (default 1000 200 60)
# Environment: BENCH_CLIENT_NICE (default 0): a niceness for the load generator, which shares the server's cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
devices=${1:-1000}
users=${2:-200}
seconds=${3:-60}
port=${BENCH_PORT:-18093}
work="$root/cyprus-server/target/bench-sync"

"$root/cyprus" version >/dev/null
jdk=$("$root/cyprus" java-home)
java=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED)
data="$work/data"
rm -rf "$data"
mkdir -p "$work"
log="$work/server.log"
(cd "$work" && exec "$root/cyprus" serve --port "$port" --data-dir "$data" --library "$root/samples/library" --access-log false \
  --watch false --rescan-interval-minutes 0 >"$log" 2>&1) &
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.2; done
pid=$(pgrep -f "cyprus.jar serve --port $port")
trap 'kill "$pid" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
password="sync load test passphrase"
curl -sf -o /dev/null -X POST "$base/api/v1/setup" -H 'Content-Type: application/json' -d "{\"username\":\"bench\",\"password\":\"$password\"}"
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
until curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/scan" | grep -q '"completed":[1-9]'; do sleep 0.5; done
book=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/books" | sed 's/.*"items":\[{"id":"\([^"]*\)".*/\1/')

echo "sync benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "jdk: $("$jdk/bin/java" -version 2>&1 | head -1); server and load generator on the same machine, loopback; database on $(df -P "$work" | awk 'NR==2 {print $1}')"
nice -n "${BENCH_CLIENT_NICE:-0}" "${java[@]}" -Xss256k "$root/bench/sync/SyncBench.java" "$base" "$token" "$password" "$book" "$devices" "$users" "$seconds" "$pid"
cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
echo "server CPU time over the whole run: $(( cpu / $(getconf CLK_TCK) )) s"
