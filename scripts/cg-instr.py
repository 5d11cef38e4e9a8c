#!/usr/bin/env python3
"""Instruction counts per machine instruction of the functions whose callgrind name contains
PATTERN, printed beside their disassembly (objdump): where a hot loop spends its instructions,
which `callgrind_annotate` shows only per source line (and inlined lines spread over files).

    valgrind --tool=callgrind --dump-instr=yes --compress-pos=no --compress-strings=no \\
        --callgrind-out-file=cg.out FACTOP classify -j 1 --format jsonl 1mb.txt > /dev/null
    scripts/cg-instr.py cg.out FACTOP Counter::drain | awk '$1 != "0"'

The first line is the total over the matching functions (their own instructions, not their
callees'). Needs the three callgrind options above (one cost line per instruction address,
names written out in full).
"""
import collections
import re
import subprocess
import sys


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    out, binary, pattern = sys.argv[1:4]
    counts: collections.Counter = collections.Counter()
    fn = None
    after_calls = False
    with open(out) as f:
        for line in f:
            if line.startswith("fn="):
                fn = line[3:].strip()
            elif line.startswith("calls="):
                # The next cost line is the call's inclusive cost, not this instruction's.
                after_calls = True
            elif line.startswith("0x"):
                if after_calls:
                    after_calls = False
                elif fn is not None and pattern in fn:
                    parts = line.split()
                    counts[int(parts[0], 16)] += int(parts[-1])
    if not counts:
        sys.exit(f"no instructions of a function matching {pattern!r} in {out}")
    print(f"total {sum(counts.values()):,}")
    lo, hi = min(counts), max(counts)
    dis = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", "-C",
         f"--start-address={lo}", f"--stop-address={hi + 16}", binary],
        capture_output=True, text=True, check=True,
    ).stdout
    for line in dis.splitlines():
        m = re.match(r"^\s+([0-9a-f]+):\s+(.*)$", line)
        if m:
            addr = int(m.group(1), 16)
            print(f"{counts.get(addr, 0):>12,}  {addr:x}  {m.group(2)}")


if __name__ == "__main__":
    main()
