#!/usr/bin/env bash
# Start-up benchmark: time from launching the server to its first 200 on /health, and resident memory
# once it has been idle for a few seconds. Each run starts from an empty data folder (a fresh install:
# the database is created and migrated). Reference measured in the same run: the bare JVM floor,
# `java -version` on the same JDK, which no Java server can beat.
#
# Usage: bench/startup.sh [RUNS]      (default 10; the server is built first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-10}
port=${BENCH_PORT:-18089}
work=$(mktemp -d)
trap 'pkill -f "cyprus.jar serve --port $port" 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/cyprus" version >/dev/null            # builds the jar when needed
jdk=$("$root/cyprus" java-home)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p90() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.9+0.5); if (i<1) i=1; print a[i]}'; }

# One server start; prints "start_ms rss_kb".
start_once() {
  rm -rf "$work/run"; mkdir -p "$work/run"
  local t0 t1 pid rss
  t0=$(now_ms)
  (cd "$work/run" && exec "$root/cyprus" serve --port "$port" --access-log false >"$work/run/log" 2>&1) &
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    sleep 0.005
    [ $(( $(now_ms) - t0 )) -lt 30000 ] || { cat "$work/run/log" >&2; echo "no answer within 30 s" >&2; exit 1; }
  done
  t1=$(now_ms)
  sleep "${BENCH_IDLE_SECONDS:-5}"
  pid=$(pgrep -f "cyprus.jar serve --port $port")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  echo "$((t1 - t0)) $rss"
}

# The first start after a build has no class-data archive yet; it writes one when it stops.
rm -f "$root/cyprus-server/target/cyprus-serve.jsa"
read -r first_ms first_rss < <(start_once)

: >"$work/results"
for _ in $(seq "$runs"); do start_once >>"$work/results"; done

: >"$work/floor"
for _ in $(seq "$runs"); do
  t0=$(now_ms); "$jdk/bin/java" -version 2>/dev/null; echo $(( $(now_ms) - t0 )) >>"$work/floor"
done

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
cat <<REPORT
startup benchmark, $(date -u +%Y-%m-%dT%H:%MZ)
machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)
jdk: $("$jdk/bin/java" -version 2>&1 | head -1)
runs: $runs (plus the first start after a build)
first start after build (no class-data archive): ${first_ms} ms to first 200, idle RSS $((first_rss / 1024)) MiB
start to first 200 on /health: median $(cut -d' ' -f1 "$work/results" | median) ms, p90 $(cut -d' ' -f1 "$work/results" | p90) ms
idle RSS after ${BENCH_IDLE_SECONDS:-5} s: median $(( $(cut -d' ' -f2 "$work/results" | median) / 1024 )) MiB, p90 $(( $(cut -d' ' -f2 "$work/results" | p90) / 1024 )) MiB
reference, JVM floor (java -version): median $(median <"$work/floor") ms
REPORT
