#!/usr/bin/env bash
# File serving benchmark (see README.md): random 64 KiB Range requests over one 300 MB MP3, Cyprus
# (GET /api/v1/files/{id}, memory-mapped) against nginx (sendfile) serving the same file, under the same wrk load on
# the same machine: requests/s, p50/p99 latency, and CPU time per request of each server (utime+stime of all its
# processes, from /proc, over the measured run).
#
# Usage: bench/files.sh [SECONDS [CONNECTIONS [SIZE_MB]]]   (default 20 64 300; three measured rounds each)
# Needs: ffmpeg, wrk, nginx (wrk and nginx are installed with apt-get when missing and this runs as root).
# Environment: BENCH_ROUNDS (default 3), BENCH_WARMUP_SECONDS (default 15), BENCH_AUTH (bearer | capability;
# default capability: ?t=, what <audio> elements and HLS players use).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
duration=${1:-20}
connections=${2:-64}
size_mb=${3:-300}
rounds=${BENCH_ROUNDS:-3}
warmup=${BENCH_WARMUP_SECONDS:-15}
auth=${BENCH_AUTH:-capability}
work="$root/cyprus-server/target/bench-files"
library="$work/library"
file="$library/Bench Author/Bench Book/bench.mp3"
password="serve the files quickly $$"
cyprus_pid=""
nginx_pid=""

cleanup() {
  [ -n "$cyprus_pid" ] && kill "$cyprus_pid" 2>/dev/null && wait "$cyprus_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  true
}
trap cleanup EXIT

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "files.sh needs ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 2; }
  echo "installing ${missing[*]} ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

"$root/cyprus" version >/dev/null            # builds the jar when needed
jdk=$("$root/cyprus" java-home)

# A real MP3 of the wanted size: one minute of 128 kb/s CBR frames (no tags, no Xing header) repeated, which is itself
# a valid MP3 stream that Cyprus scans and serves like any other.
want=$((size_mb * 1000 * 1000))
if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" -lt "$want" ]; then
  echo "generating a ${size_mb} MB MP3 ..." >&2
  mkdir -p "$(dirname "$file")"
  ffmpeg -hide_banner -loglevel error -nostdin -y -f lavfi -i "sine=frequency=330:duration=60" -ac 2 -c:a libmp3lame \
    -b:a 128k -write_xing 0 -id3v2_version 0 -f mp3 "$work/minute.mp3"
  : >"$file.tmp"
  while [ "$(stat -c %s "$file.tmp")" -lt "$want" ]; do cat "$work/minute.mp3" >>"$file.tmp"; done
  mv "$file.tmp" "$file"
fi
size=$(stat -c %s "$file")
cat "$file" >/dev/null                       # both servers read from the page cache

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

# Cyprus, on its own data folder.
cyprus_port=$(free_port)
rm -rf "$work/data"
printf '%s\n' "$password" | "$root/cyprus" user add --admin --password-stdin --data-dir "$work/data" bench >/dev/null
"$root/cyprus" serve --port "$cyprus_port" --data-dir "$work/data" --library "$library" --access-log false --watch false \
  --rescan-interval-minutes 0 --log-level warn >"$work/cyprus.log" 2>&1 &
cyprus_pid=$!
base="http://127.0.0.1:$cyprus_port"
for _ in $(seq 300); do curl -sf -o /dev/null "$base/health" && break; sleep 0.1; done
token=$(curl -sf "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
for _ in $(seq 300); do
  status=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/scan")
  case "$status" in *'"running":false'*'"completed":'[1-9]*) break ;; esac
  sleep 0.1
done
book=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/books" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
file_id=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/books/$book" | grep -o '"files":\[{"id":"[^"]*"' | cut -d'"' -f6)
[ -n "$file_id" ] || { echo "Cyprus did not list the file; see $work/cyprus.log" >&2; exit 1; }
if [ "$auth" = bearer ]; then
  cyprus_path="/api/v1/files/$file_id"
  cyprus_auth="Bearer $token"
else
  capability=$(curl -sf -X POST -H "Authorization: Bearer $token" "$base/api/v1/books/$book/media-token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  cyprus_path="/api/v1/files/$file_id?t=$capability"
  cyprus_auth=""
fi

# nginx, serving the same file, one worker per core.
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $(nproc);
user root;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  types { audio/mpeg mp3; }
  sendfile on;
  tcp_nopush off;   # Debian's "on" holds 64 KiB keep-alive answers back by 40 ms
  tcp_nodelay on;
  keepalive_requests 10000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location /files/ { alias $library/; }
  }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off; master_process on;' &
nginx_pid=$!
nginx_path="/files/Bench%20Author/Bench%20Book/bench.mp3"
for _ in $(seq 100); do curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$nginx_port$nginx_path" && break; sleep 0.1; done

# Both answer the same 64 KiB range with the same bytes.
check() {
  local name=$1 url=$2 header=$3 out="$work/check-$1" code
  local args=(-s -o "$out" -w '%{http_code}' -r 1000000-1065535)
  [ -n "$header" ] && args+=(-H "Authorization: $header")
  code=$(curl "${args[@]}" "$url")
  [ "$code" = 206 ] && [ "$(stat -c %s "$out")" = 65536 ] || { echo "$name answered $code with $(stat -c %s "$out") bytes" >&2; exit 1; }
  cmp -s "$out" <(tail -c +1000001 "$file" | head -c 65536) || { echo "$name sent other bytes" >&2; exit 1; }
}
check cyprus "$base$cyprus_path" "$cyprus_auth"
check nginx "http://127.0.0.1:$nginx_port$nginx_path" ""

ticks_per_second=$(getconf CLK_TCK)
# utime+stime, in clock ticks, of a process and its children (nginx's workers; the JVM's threads are in its own).
cpu_ticks() {
  local total=0 pid fields
  for pid in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$pid/stat" ] || continue
    fields=$(sed 's/^.*) //' "/proc/$pid/stat")
    total=$((total + $(echo "$fields" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# One wrk run; prints "requests/s p50_us p99_us cpu_us_per_request errors".
run() {
  local pid=$1 target=$2 path=$3 authorization=$4 seconds=$5 before after line
  before=$(cpu_ticks "$pid")
  line=$(FILE_PATH=$path FILE_SIZE=$size AUTHORIZATION=$authorization \
    wrk -t "$(nproc)" -c "$connections" -d "${seconds}s" -s "$root/bench/files/random-range.lua" "$target" | grep '^RESULT')
  after=$(cpu_ticks "$pid")
  echo "$line" | awk -v ticks=$((after - before)) -v hz="$ticks_per_second" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    rps = v["requests"] / (v["duration_us"] / 1e6)
    printf "%.0f %d %d %.1f %d\n", rps, v["p50_us"], v["p99_us"], ticks / hz * 1e6 / v["requests"], v["errors"]
  }'
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
run "$cyprus_pid" "$base" "$cyprus_path" "$cyprus_auth" "$warmup" >/dev/null
run "$nginx_pid" "http://127.0.0.1:$nginx_port" "$nginx_path" "" "$warmup" >/dev/null
: >"$work/cyprus.results"
: >"$work/nginx.results"
for _ in $(seq "$rounds"); do
  run "$cyprus_pid" "$base" "$cyprus_path" "$cyprus_auth" "$duration" >>"$work/cyprus.results"
  run "$nginx_pid" "http://127.0.0.1:$nginx_port" "$nginx_path" "" "$duration" >>"$work/nginx.results"
done

# The median of column $2 of file $1.
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c_rps=$(median "$work/cyprus.results" 1); n_rps=$(median "$work/nginx.results" 1)
c_cpu=$(median "$work/cyprus.results" 4); n_cpu=$(median "$work/nginx.results" 4)
errors=$(cat "$work/cyprus.results" "$work/nginx.results" | awk '{s += $5} END {print s}')

cat <<REPORT
file serving benchmark, $(date -u +%Y-%m-%dT%H:%MZ)
machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)
jdk: $("$jdk/bin/java" -version 2>&1 | head -1); nginx: $("$nginx_bin" -v 2>&1 | cut -d' ' -f3); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)
machine load before the run (1-minute average, other work on the same machine included): $load_before
load: wrk -t $(nproc) -c $connections, random 64 KiB ranges of one $((size / 1000000)) MB MP3 (page cache), ${warmup} s warm-up, median of $rounds rounds of ${duration} s; Cyprus authenticated by $auth; wrk on the same cores
cyprus: $c_rps requests/s, p50 $(median "$work/cyprus.results" 2) µs, p99 $(median "$work/cyprus.results" 3) µs, CPU $c_cpu µs/request
reference, nginx $(nproc) workers, sendfile on, tcp_nopush off: $n_rps requests/s, p50 $(median "$work/nginx.results" 2) µs, p99 $(median "$work/nginx.results" 3) µs, CPU $n_cpu µs/request
ratio: $(awk -v c="$c_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", c / n}')x nginx's requests/s (goal: 0.9x); $(awk -v c="$c_cpu" -v n="$n_cpu" 'BEGIN {printf "%.2f", c / n}')x nginx's CPU per request (goal: at most 1.3x); errors or non-2xx answers: $errors
REPORT
