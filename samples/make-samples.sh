#!/usr/bin/env bash
# Generates the sample library bundled with Cyprus: tiny, legally clean audiobooks.
# Speech is synthesised by espeak-ng from public-domain texts (all published before 1900),
# with short sine-tone cues from sox; covers are drawn by ffmpeg. Nothing is downloaded.
#
# Usage: samples/make-samples.sh [OUTPUT_DIR]    (default: samples/library next to this script)
# Needs: espeak-ng, sox, ffmpeg (with libmp3lame and drawtext), fonts-dejavu-core.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/library}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in espeak-ng sox ffmpeg; do
  command -v "$tool" >/dev/null || { echo "make-samples: $tool is required (apt-get install espeak-ng sox ffmpeg)" >&2; exit 2; }
done
font=/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf
[ -f "$font" ] || { echo "make-samples: $font is required (apt-get install fonts-dejavu-core)" >&2; exit 2; }

# Deterministic output: no encoder version strings, no creation times.
export SOURCE_DATE_EPOCH=0
ff=(ffmpeg -hide_banner -loglevel error -y -fflags +bitexact)

# speak NAME TEXT -> $work/NAME.wav: a cue tone, the speech, half a second of silence; 22.05 kHz mono.
speak() {
  espeak-ng -v en-gb -s 165 -w "$work/$1.speech.wav" "$2"
  sox -n -r 22050 -c 1 "$work/$1.tone.wav" synth 0.6 sine 523.25 fade q 0.05 0.6 0.2
  sox "$work/$1.tone.wav" "$work/$1.speech.wav" -r 22050 -c 1 "$work/$1.wav" pad 0 0.5
}

# cover FILE TITLE AUTHOR COLOUR: a 400x400 JPEG with the title and author.
cover() {
  local title=${2//:/\\:} author=${3//:/\\:}
  title=${title//\'/\\\\\'}
  "${ff[@]}" -f lavfi -i "color=c=$4:s=400x400:d=1" -frames:v 1 \
    -vf "drawtext=fontfile=$font:text='$title':fontcolor=white:fontsize=30:x=(w-text_w)/2:y=150,drawtext=fontfile=$font:text='$author':fontcolor=white@0.85:fontsize=22:x=(w-text_w)/2:y=230" \
    -q:v 6 "$1"
}

rm -rf "$out"
mkdir -p "$out"

# 1. A multi-file MP3 book: three parts with ID3v2 tags, a folder cover and the cover embedded in part 1.
alice="$out/Lewis Carroll/Alice's Adventures in Wonderland"
mkdir -p "$alice"
cover "$alice/cover.jpg" "Alice in Wonderland" "Lewis Carroll" "0x2f4f6f"
speak alice1 "Chapter one. Down the Rabbit-Hole. Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do: once or twice she had peeped into the book her sister was reading, but it had no pictures or conversations in it, and what is the use of a book, thought Alice, without pictures or conversations?"
speak alice2 "Chapter two. The Pool of Tears. Curiouser and curiouser! cried Alice. She was so much surprised, that for the moment she quite forgot how to speak good English. Now I'm opening out like the largest telescope that ever was! Good-bye, feet!"
speak alice3 "Chapter three. A Caucus-Race and a Long Tale. They were indeed a queer-looking party that assembled on the bank: the birds with draggled feathers, the animals with their fur clinging close to them, and all dripping wet, cross, and uncomfortable."
titles=("Down the Rabbit-Hole" "The Pool of Tears" "A Caucus-Race and a Long Tale")
for i in 1 2 3; do
  args=(-i "$work/alice$i.wav")
  maps=(-map 0:a)
  if [ "$i" = 1 ]; then
    args+=(-i "$alice/cover.jpg"); maps+=(-map 1:v -c:v copy -disposition:v attached_pic -metadata:s:v title="Cover" -metadata:s:v comment="Cover (front)")
  fi
  "${ff[@]}" "${args[@]}" "${maps[@]}" -c:a libmp3lame -b:a 32k -ar 22050 -ac 1 -id3v2_version 3 -write_xing 1 \
    -metadata title="${titles[$((i-1))]}" -metadata artist="Lewis Carroll" -metadata album_artist="Lewis Carroll" \
    -metadata album="Alice's Adventures in Wonderland" -metadata composer="eSpeak NG" -metadata genre="Audiobook" \
    -metadata date="1865" -metadata track="$i/3" -metadata publisher="Cyprus Samples" \
    -metadata comment="Public-domain text read by a speech synthesiser." \
    "$alice/Part $i.mp3"
done

# 2. An M4B with chapters, tags and an embedded cover.
pride="$out/Jane Austen/Pride and Prejudice"
mkdir -p "$pride"
speak pp1 "Chapter one. It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife."
speak pp2 "Chapter two. Mister Bennet was among the earliest of those who waited on Mister Bingley. He had always intended to visit him, though to the last always assuring his wife that he should not go."
speak pp3 "Chapter three. Not all that Missus Bennet, however, with the assistance of her five daughters, could ask on the subject, was sufficient to draw from her husband any satisfactory description of Mister Bingley."
sox "$work/pp1.wav" "$work/pp2.wav" "$work/pp3.wav" "$work/pp.wav"
cover "$work/pp.jpg" "Pride and Prejudice" "Jane Austen" "0x6f2f4f"
ms() { sox --i -D "$1" | awk '{printf "%d", $1 * 1000}'; }
d1=$(ms "$work/pp1.wav"); d2=$(ms "$work/pp2.wav"); d3=$(ms "$work/pp3.wav")
{
  echo ";FFMETADATA1"
  echo "title=Pride and Prejudice"
  echo "artist=Jane Austen"
  echo "album_artist=Jane Austen"
  echo "album=Pride and Prejudice"
  echo "composer=eSpeak NG"
  echo "genre=Audiobook"
  echo "date=1813"
  echo "description=The opening of Jane Austen's novel, read by a speech synthesiser."
  start=0
  n=1
  for d in $d1 $d2 $d3; do
    echo "[CHAPTER]"; echo "TIMEBASE=1/1000"; echo "START=$start"; echo "END=$((start + d))"; echo "title=Chapter $n"
    start=$((start + d)); n=$((n + 1))
  done
} > "$work/pp.meta"
"${ff[@]}" -i "$work/pp.wav" -i "$work/pp.meta" -i "$work/pp.jpg" -map 0:a -map 2:v -map_metadata 1 -map_chapters 1 \
  -c:a aac -b:a 32k -ar 22050 -ac 1 -c:v copy -disposition:v attached_pic -movflags +faststart \
  -f ipod "$pride/Pride and Prejudice.m4b"

# 3. A book in a series, one MP3 with ID3v2 chapters (CHAP/CTOC), narrator in the folder name.
holmes="$out/Arthur Conan Doyle/Sherlock Holmes/1 - A Scandal in Bohemia {eSpeak NG}"
mkdir -p "$holmes"
speak sh1 "Part one. To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other name."
speak sh2 "Part two. I had seen little of Holmes lately. My marriage had drifted us away from each other."
sox "$work/sh1.wav" "$work/sh2.wav" "$work/sh.wav"
s1=$(ms "$work/sh1.wav"); s2=$(ms "$work/sh2.wav")
printf ';FFMETADATA1\ntitle=A Scandal in Bohemia\nartist=Arthur Conan Doyle\nalbum=A Scandal in Bohemia\ngenre=Audiobook\ndate=1891\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=%d\ntitle=Part One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=%d\nEND=%d\ntitle=Part Two\n' \
  "$s1" "$s1" "$((s1 + s2))" > "$work/sh.meta"
cover "$holmes/cover.jpg" "A Scandal in Bohemia" "Arthur Conan Doyle" "0x3f3f2f"
"${ff[@]}" -i "$work/sh.wav" -i "$work/sh.meta" -map 0:a -map_metadata 1 -map_chapters 1 \
  -c:a libmp3lame -q:a 8 -ar 22050 -ac 1 -id3v2_version 4 "$holmes/A Scandal in Bohemia.mp3"

# 4. A single audio file at the library root is a book of its own (VBR MP3 with a Xing header).
speak raven "Once upon a midnight dreary, while I pondered, weak and weary, over many a quaint and curious volume of forgotten lore. While I nodded, nearly napping, suddenly there came a tapping, as of some one gently rapping, rapping at my chamber door."
"${ff[@]}" -i "$work/raven.wav" -c:a libmp3lame -q:a 9 -ar 22050 -ac 1 -id3v2_version 4 \
  -metadata title="The Raven" -metadata artist="Edgar Allan Poe" -metadata date="1845" -metadata genre="Poetry" \
  "$out/The Raven.mp3"

du -sh "$out"
find "$out" -type f | sort
