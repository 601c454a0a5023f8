#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# synthesize.py: writes Steady's bell and chime as 16-bit mono WAV, from sums of decaying
# sine partials. Standard library only, no randomness: the same samples on every run.

import math
import struct
import sys
import wave

RATE = 44100


def render(partials, seconds, attack, release, peak):
    """partials: (frequency Hz, amplitude, decay time constant s, beat Hz) tuples.

    A partial with a beat is played as two sines that far apart, the slow shimmer of a
    struck bowl. The attack and release are raised-cosine ramps, so the sound starts
    without a click and ends in true silence; the result is scaled to the given peak."""
    n = int(seconds * RATE)
    attack_n = int(attack * RATE)
    release_n = int(release * RATE)
    samples = []
    for i in range(n):
        t = i / RATE
        value = 0.0
        for frequency, amplitude, decay, beat in partials:
            envelope = amplitude * math.exp(-t / decay)
            if beat > 0:
                value += envelope * 0.5 * (math.sin(2 * math.pi * (frequency - beat / 2) * t) +
                                           math.sin(2 * math.pi * (frequency + beat / 2) * t))
            else:
                value += envelope * math.sin(2 * math.pi * frequency * t)
        if i < attack_n:
            value *= 0.5 - 0.5 * math.cos(math.pi * i / attack_n)
        if i >= n - release_n:
            value *= 0.5 - 0.5 * math.cos(math.pi * (n - 1 - i) / release_n)
        samples.append(value)
    scale = peak / max(abs(s) for s in samples)
    return [round(s * scale * 32767) for s in samples]


def write_wav(path, samples):
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack("<%dh" % len(samples), *samples))


# A singing bowl struck softly: inharmonic partials (about 1 : 2.76 : 5.04 : 7.99 : 11.5 of
# the fundamental), the higher ones fading sooner, each but the last beating gently.
BELL_FUNDAMENTAL = 208.0
BELL = [
    (BELL_FUNDAMENTAL * 1.000, 1.00, 2.6, 0.7),
    (BELL_FUNDAMENTAL * 2.756, 0.50, 1.5, 1.6),
    (BELL_FUNDAMENTAL * 5.040, 0.24, 0.8, 2.2),
    (BELL_FUNDAMENTAL * 7.990, 0.10, 0.45, 2.9),
    (BELL_FUNDAMENTAL * 11.50, 0.04, 0.25, 0.0),
]

# A small, soft chime for the pacer's phase changes: brighter, quieter, and over quickly.
CHIME_FUNDAMENTAL = 659.25
CHIME = [
    (CHIME_FUNDAMENTAL * 1.000, 1.00, 0.45, 1.2),
    (CHIME_FUNDAMENTAL * 2.410, 0.20, 0.20, 0.0),
    (CHIME_FUNDAMENTAL * 3.970, 0.06, 0.10, 0.0),
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "."
    write_wav(out_dir + "/bell.wav", render(BELL, 5.5, 0.012, 0.6, 0.71))
    write_wav(out_dir + "/chime.wav", render(CHIME, 1.4, 0.008, 0.3, 0.35))


if __name__ == "__main__":
    main()
