#!/usr/bin/env python3
"""Model load + first sentence, two factop binaries side by side (issue 5's latency target).

Usage: bench/latency_ab.py OLD_FACTOP NEW_FACTOP [ROUNDS]

Runs `echo sentence | factop classify --format jsonl` (the embedded default model) as the
bench's latency row does, alternating the two binaries in every round (the order swapped every
other round) so a noisy machine slows both alike, and prints each binary's median, min and max
wall time over ROUNDS (30) runs and the ratio of the medians.
"""
import statistics
import subprocess
import sys
import time

old, new = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
times = {old: [], new: []}
for r in range(rounds):
    for exe in (old, new) if r % 2 == 0 else (new, old):
        t0 = time.perf_counter()
        subprocess.run([exe, "classify", "--format", "jsonl"], input=b"This is a terrible idea.\n",
                       stdout=subprocess.DEVNULL, check=True)
        times[exe].append((time.perf_counter() - t0) * 1000)
for name, exe in (("old", old), ("new", new)):
    t = times[exe]
    print(f"{name} {exe}: median {statistics.median(t):.1f} ms (min {min(t):.1f}, max {max(t):.1f}, {len(t)} runs)")
print(f"new / old: {statistics.median(times[new]) / statistics.median(times[old]):.2f}")
