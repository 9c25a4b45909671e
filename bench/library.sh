#!/usr/bin/env bash
# Library benchmarks (see README.md): a full scan of a generated 1,000-book library against ffprobe run once per file
# on the same files, a rescan with nothing changed, and catalog query latency on a synthetic 100,000-book database.
#
# Usage: bench/library.sh [BOOKS [FILES_PER_BOOK [CATALOG_BOOKS]]]   (default 1000 10 100000)
# Needs: ffmpeg, ffprobe, lame. Generated data lives under cyprus-server/target/bench-library (sparse files: about
# 2 GB on disk for 300 GB of apparent size) and is reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
books=${1:-1000}
per_book=${2:-10}
catalog_books=${3:-100000}
work="$root/cyprus-server/target/bench-library"
corpus="$work/library-$books-$per_book"

"$root/cyprus" version >/dev/null
jdk=$("$root/cyprus" java-home)
java=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED)
ff=(ffmpeg -hide_banner -loglevel error -nostdin -y)
mkdir -p "$work/templates"
t="$work/templates"
if [ ! -f "$t/part.mp3" ]; then
  "${ff[@]}" -f lavfi -i "anoisesrc=d=90:c=pink:r=44100:a=0.05:seed=5" -f wav "$t/part.wav"
  lame --quiet -b 64 -m m "$t/part.wav" "$t/part.mp3"
  for i in $(seq 0 9); do "${ff[@]}" -f lavfi -i "mandelbrot=s=500x500:start_scale=$((i + 1))" -frames:v 1 -q:v 4 "$t/cover$i.jpg"; done
fi
if [ ! -d "$corpus" ]; then
  echo "generating $books books of $per_book parts ..." >&2
  "${java[@]}" "$root/bench/library/ScanCorpus.java" "$t/part.mp3" "$t" "$corpus" "$books" "$per_book"
fi
files=$(find "$corpus" -name '*.mp3' | wc -l)
apparent=$(du -s --apparent-size --block-size=1G "$corpus" | cut -f1)
ondisk=$(du -s --block-size=1M "$corpus" | cut -f1)

echo "library benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "jdk: $("$jdk/bin/java" -version 2>&1 | head -1); ffprobe: $(ffprobe -version | head -1 | cut -d' ' -f1-3)"
echo "corpus: $books books, $files MP3 files, ${apparent} GB apparent size (${ondisk} MB on disk, sparse), 1 cover.jpg per book"

data="$work/scan-data"
rm -rf "$data"
cat "$(find "$corpus" -name '*.mp3' | head -1)" >/dev/null   # warm the first page of the cache
start=$(date +%s%N)
full=$("$root/cyprus" library add --data-dir="$data" --log-level=warn Bench "$corpus" 2>/dev/null | grep "^Scanned")
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "full scan (cyprus library add, 2 cores): $full (wall $full_ms ms including JVM start)"
start=$(date +%s%N)
again=$("$root/cyprus" scan --data-dir="$data" --log-level=warn Bench 2>/dev/null | grep "^Scanned")
again_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "rescan, nothing changed: $again (wall $again_ms ms including JVM start)"
scan_ms=$(echo "$full" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')

start=$(date +%s%N)
find "$corpus" -name '*.mp3' -print0 | xargs -0 -n 1 ffprobe -v error -show_format -show_streams >/dev/null
ffprobe_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "reference, ffprobe -show_format -show_streams once per file, one at a time: $files files in $ffprobe_ms ms"
awk -v a="$ffprobe_ms" -v b="$scan_ms" 'BEGIN {printf "ratio: full scan %.0fx faster than ffprobe alone (goal: 50x)\n", a / b}'

(cd "$root" && JAVA_HOME=$jdk ./mvnw -q -B -ntp -pl cyprus-server test-compile)
cp=$(echo "$root"/cyprus-server/target/lib/*.jar | tr ' ' ':'):$root/cyprus-server/target/classes:$root/cyprus-server/target/test-classes:$root/cyprus-media/target/test-classes
"${java[@]}" -cp "$cp" "$root/bench/library/CatalogBench.java" "$work/catalog-$catalog_books" "$catalog_books" 2>/dev/null
