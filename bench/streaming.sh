#!/usr/bin/env bash
# Streaming benchmarks (see README.md): time to first byte of a continuous stream deep into a 20-hour book and of an
# HLS segment of it, and a thousand listeners each pulling a 128 kbit/s stream at real time for a minute while the
# server's resident memory is sampled.
#
# Usage: bench/streaming.sh [LISTENERS [SECONDS [REQUESTS]]]   (default 1000 60 500)
# Needs: ffmpeg, lame. The books are generated under cyprus-server/target/bench-streaming and reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
listeners=${1:-1000}
seconds=${2:-60}
requests=${3:-500}
port=${BENCH_PORT:-18091}
work="$root/cyprus-server/target/bench-streaming"
books="$work/books"

"$root/cyprus" version >/dev/null
jdk=$("$root/cyprus" java-home)
java=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED)
ff=(ffmpeg -hide_banner -loglevel error -nostdin -y)
mkdir -p "$work/templates"
t="$work/templates"
# Ten minutes of CBR frames with no Info header (lame -t), repeated: a 20-hour book at 64 kbit/s and a one-hour one
# at 128 kbit/s, each a single MP3 (titles from the folder names).
if [ ! -f "$books/Bench Author/Twenty Hours/twenty-hours.mp3" ]; then
  echo "generating the books ..." >&2
  "${ff[@]}" -f lavfi -i "anoisesrc=d=600:c=pink:r=44100:a=0.05:seed=3" -ac 1 -f wav "$t/ten.wav"
  lame --quiet -t -b 64 -m m "$t/ten.wav" "$t/ten-64.mp3"
  "${ff[@]}" -f lavfi -i "anoisesrc=d=600:c=brown:r=44100:a=0.05:seed=4" -ac 2 -f wav "$t/ten2.wav"
  lame --quiet -t -b 128 -m j "$t/ten2.wav" "$t/ten-128.mp3"
  mkdir -p "$books/Bench Author/Twenty Hours" "$books/Bench Author/One Hour"
  for _ in $(seq 1 120); do cat "$t/ten-64.mp3"; done > "$books/Bench Author/Twenty Hours/twenty-hours.mp3"
  for _ in $(seq 1 6); do cat "$t/ten-128.mp3"; done > "$books/Bench Author/One Hour/one-hour.mp3"
fi

data="$work/data"
rm -rf "$data"
log="$work/server.log"
(cd "$work" && exec "$root/cyprus" serve --port "$port" --data-dir "$data" --library "$books" --access-log false --watch false \
  --rescan-interval-minutes 0 >"$log" 2>&1) &
trap 'pkill -f "cyprus.jar serve --port $port" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.2; done
pid=$(pgrep -f "cyprus.jar serve --port $port")
base="http://127.0.0.1:$port"
password="streaming load test passphrase"
curl -sf -o /dev/null -X POST "$base/api/v1/setup" -H 'Content-Type: application/json' -d "{\"username\":\"bench\",\"password\":\"$password\"}"
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
until curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/scan" | grep -q '"completed":[1-9]'; do sleep 0.5; done
book_id() { curl -sf -H "Authorization: Bearer $token" "$base/api/v1/libraries/1/books?q=$1" | sed 's/.*"items":\[{"id":"\([^"]*\)".*/\1/'; }
twenty=$(book_id twenty)
one=$(book_id one)

echo "streaming benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "jdk: $("$jdk/bin/java" -version 2>&1 | head -1); server and load generator on the same machine, loopback"
start=$(date +%s%N)
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/books/$twenty/hls/master.m3u8"
echo "first playlist of the 20-hour book after a scan (reads the whole 576 MB file once to index its frames): $(( ($(date +%s%N) - start) / 1000000 )) ms"
"${java[@]}" "$root/bench/streaming/StreamBench.java" ttfb "$base" "$token" "$twenty"

# Time to first byte, measured by curl (a native client, one connection per request, as a player seeking opens one),
# after as many unmeasured requests to warm the server's JIT.
duration=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/books/$twenty" | sed 's/.*"durationSeconds":\([0-9.]*\).*/\1/')
media=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/books/$twenty/hls/master.m3u8" | grep -v '^#' | head -1)
segments=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/books/$twenty/hls/$media" | grep -c '^seg-')
version_dir=$(dirname "$media")
first_byte_of_stream() {   # seconds to the first byte of a stream from a random time in the book's second half
  local start
  start=$(awk -v d="$duration" -v r="$RANDOM" 'BEGIN {printf "%.3f", d * (0.5 + 0.5 * r / 32768)}')
  { curl -s -N -o /dev/stdout -w '%{stderr}%{time_starttransfer}\n' -H "Authorization: Bearer $token" \
      "$base/api/v1/books/$twenty/stream?start=$start" | head -c 100 >/dev/null || true; } 2>&1
}
first_byte_of_segment() {
  curl -s -o /dev/null -w '%{time_starttransfer}\n' -H "Authorization: Bearer $token" \
    "$base/api/v1/books/$twenty/hls/$version_dir/seg-$(( (RANDOM * 32768 + RANDOM) % segments )).ts"
}
percentiles() {   # "what" then seconds on stdin
  sort -n | awk -v what="$1" '{a[NR] = $1 * 1000} END {
    printf "%s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", what, NR, a[int((NR + 1) / 2)], a[int(NR * 0.99 + 0.999)], a[NR] }'
}
for _ in $(seq "$requests"); do first_byte_of_stream >/dev/null; first_byte_of_segment >/dev/null; done
: >"$work/ttfb-stream"; : >"$work/ttfb-segment"
for _ in $(seq "$requests"); do
  first_byte_of_stream >>"$work/ttfb-stream"
  first_byte_of_segment >>"$work/ttfb-segment"
done
percentiles "stream?start= deep in the book (second half), time to first byte (curl)" <"$work/ttfb-stream"
percentiles "HLS segment (random, MPEG-TS), time to first byte (curl)" <"$work/ttfb-segment"
"${java[@]}" -Xss256k "$root/bench/streaming/StreamBench.java" listeners "$base" "$token" "$one" "$listeners" "$seconds" 128 "$pid"
cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
echo "server CPU time over the whole run: $(( cpu / $(getconf CLK_TCK) )) s"
