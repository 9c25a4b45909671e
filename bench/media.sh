#!/usr/bin/env bash
# Media engine benchmarks (see README.md): probe throughput against ffprobe in the same run, the exact frame index
# of a 20-hour MP3 without a Xing header, time-to-byte lookups, and 10-second fMP4 and MPEG-TS segments cut from the
# 20-hour MP3 and a 30-minute M4B.
#
# Usage: bench/media.sh [PROBE_FILES]     (default 200 files in the probe corpus)
# Needs: ffmpeg, ffprobe, lame (./cyprus test installs them). The corpus is generated once under
# cyprus-media/target/bench-corpus and reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
files=${1:-200}
corpus="$root/cyprus-media/target/bench-corpus"

"$root/cyprus" version >/dev/null
jdk=$("$root/cyprus" java-home)
(cd "$root" && JAVA_HOME=$jdk ./mvnw -q -B -ntp -pl cyprus-media package -DskipTests)
jar=$(ls "$root"/cyprus-media/target/cyprus-media-*.jar | grep -v tests | head -1)
ff=(ffmpeg -hide_banner -loglevel error -nostdin -y)

mkdir -p "$corpus/templates" "$corpus/probe"
cover="$corpus/templates/cover.jpg"
[ -f "$cover" ] || "${ff[@]}" -f lavfi -i "mandelbrot=s=600x600" -frames:v 1 -q:v 3 "$cover"
# Typical audiobook parts: 10-minute MP3s (64 kb/s, LAME Info tag, ID3v2.3 tags and a cover) and 30-minute M4Bs
# (AAC 64 kb/s, chapters, tags, cover). Distinct noise per template so files are not trivially alike.
for i in 1 2 3 4; do
  t="$corpus/templates/part$i.mp3"
  [ -f "$t" ] || "${ff[@]}" -f lavfi -i "anoisesrc=d=600:c=pink:r=44100:a=0.05:seed=$i" -i "$cover" -map 0:a -map 1:v \
      -c:v copy -disposition:v attached_pic -c:a libmp3lame -b:a 64k -ac 1 -id3v2_version 3 \
      -metadata title="Part $i" -metadata artist="Bench Author" -metadata album="Bench Book" -metadata track="$i/4" "$t"
done
for i in 1 2; do
  t="$corpus/templates/book$i.m4b"
  if [ ! -f "$t" ]; then
    meta="$corpus/templates/chapters$i.txt"
    { echo ";FFMETADATA1"; echo "title=Bench Book $i"; echo "artist=Bench Author";
      for c in $(seq 0 9); do echo "[CHAPTER]"; echo "TIMEBASE=1/1000"; echo "START=$((c * 180000))"; echo "END=$(((c + 1) * 180000))"; echo "title=Chapter $((c + 1))"; done; } > "$meta"
    "${ff[@]}" -f lavfi -i "anoisesrc=d=1800:c=pink:r=44100:a=0.05:seed=$((10 + i))" -i "$meta" -i "$cover" -map 0:a -map 2:v \
      -map_metadata 1 -map_chapters 1 -c:v copy -disposition:v attached_pic -c:a aac -b:a 64k -ac 1 -f ipod "$t"
  fi
done
if [ "$(ls "$corpus/probe" | wc -l)" -ne "$files" ]; then
  rm -f "$corpus/probe"/*
  for n in $(seq 1 "$files"); do
    if [ $((n % 5)) -eq 0 ]; then cp "$corpus/templates/book$((n % 2 + 1)).m4b" "$corpus/probe/$n.m4b"
    else cp "$corpus/templates/part$((n % 4 + 1)).mp3" "$corpus/probe/$n.mp3"; fi
  done
fi
# A 20-hour MP3 with no Xing/Info header: 10 minutes of CBR frames (lame -t writes no tag) repeated 120 times.
long="$corpus/twenty-hours-no-xing.mp3"
if [ ! -f "$long" ]; then
  "${ff[@]}" -f lavfi -i "anoisesrc=d=600:c=pink:r=44100:a=0.05:seed=99" -f wav "$corpus/templates/ten.wav"
  lame --quiet -t -b 64 -m m "$corpus/templates/ten.wav" "$corpus/templates/ten.mp3"
  for _ in $(seq 1 120); do cat "$corpus/templates/ten.mp3"; done > "$long"
fi

java=("$jdk/bin/java" -cp "$jar" "$root/bench/media/MediaBench.java")
cat /dev/null > /dev/null
echo "media benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "jdk: $("$jdk/bin/java" -version 2>&1 | head -1); ffprobe: $(ffprobe -version | head -1 | cut -d' ' -f1-3)"
cyprus_line=$("${java[@]}" probe "$corpus/probe" 5)
echo "$cyprus_line"
start=$(date +%s%N)
for f in "$corpus"/probe/*; do ffprobe -v error -show_format -show_streams -show_chapters "$f" >/dev/null; done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
ffprobe_rate=$(awk -v n="$files" -v ms="$ms" 'BEGIN {printf "%.1f", n * 1000 / ms}')
echo "reference, ffprobe -show_format -show_streams -show_chapters, one process per file: $files files in $ms ms = $ffprobe_rate files/s"
cyprus_rate=$(echo "$cyprus_line" | sed -n 's/.*: \([0-9]*\) files\/s.*/\1/p')
awk -v a="$cyprus_rate" -v b="$ffprobe_rate" 'BEGIN {printf "ratio: %.0fx ffprobe files/s (goal: 50x)\n", a / b}'
"${java[@]}" index "$long" 5
"${java[@]}" seek "$long" 2000000
"${java[@]}" segments "$long" 200
"${java[@]}" segments "$corpus/templates/book1.m4b" 200
