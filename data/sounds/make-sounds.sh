#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-sounds.sh: regenerates bell.oga and chime.oga in this folder from synthesize.py.
# Needs python3 and sox (with its Ogg Vorbis format: Debian packages sox, libsox-fmt-base).
# The output is the same on every run: the samples are computed without randomness and
# sox runs with -R (fixed random numbers, so the same Ogg stream serial).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/synthesize.py" "$work"

for name in bell chime; do
  # Vorbis quality 3 keeps a soft bell clean at a small size; -D: no dither, the samples are
  # already 16-bit and dither would add noise of its own.
  sox -R -D "$work/$name.wav" -C 3 -t vorbis "$here/$name.oga"
done

# Measure what was written. sox knows Ogg files by the .ogg extension, so look at a copy.
for name in bell chime; do
  cp "$here/$name.oga" "$work/$name.ogg"
  stat=$(sox "$work/$name.ogg" -n stat 2>&1)
  printf '%s: %s s, highest %s, lowest %s (full scale is 1), %s bytes\n' "$name.oga" \
    "$(sox --i -D "$work/$name.ogg")" \
    "$(printf '%s\n' "$stat" | sed -n 's/^Maximum amplitude: *//p')" \
    "$(printf '%s\n' "$stat" | sed -n 's/^Minimum amplitude: *//p')" \
    "$(wc -c < "$here/$name.oga")"
done
