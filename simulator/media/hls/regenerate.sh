#!/usr/bin/env bash
# Re-encodes the simulator's door-camera loop: three 2-second MPEG-TS segments of H.264 Constrained Baseline
# (avc1.42E01E, what every MSE browser plays), 320x180 at 15 fps, video only, a key frame at each segment
# start. The simulator loops them behind a live playlist (simulator/media/hls-streams.ts). Needs ffmpeg (Debian:
# `apt-get install ffmpeg`); the committed .ts files are its output, so CI never needs ffmpeg.
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=15:duration=6" \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryslow -b:v 60k -maxrate 80k \
  -bufsize 120k -g 30 -keyint_min 30 -sc_threshold 0 -an \
  -f hls -hls_time 2 -hls_list_size 0 -hls_segment_filename "$tmp/door-%d.ts" "$tmp/index.m3u8"
# .mpegts, not .ts: tsc, ESLint and Prettier would take a .ts file for TypeScript.
for i in 0 1 2; do cp "$tmp/door-$i.ts" "door-$i.mpegts"; done
ls -l door-*.mpegts
