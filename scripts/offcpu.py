#!/usr/bin/env python3
"""Where each thread of a process spent a run: on the CPU, asleep (switched out in state S:
waiting for work or a lock), in D (disk reads, page faults) or preempted (state R: runnable
while another task had the CPU).

    perf sched record -- taskset -c 0,1 target/release/factop classify ... > /dev/null
    perf script -F tid,time,event,trace | scripts/offcpu.py factop

The argument is a part of the command name (default: factop). See docs/performance.md.
"""
import collections
import re
import sys

SWITCH = re.compile(r"^\s*\d+\s+([\d.]+):\s+sched:sched_switch: prev_comm=(.*?) prev_pid=(\d+) "
                    r"prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)")


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "factop"
    on, off = {}, {}
    run, asleep, disk, preempted = (collections.Counter() for _ in range(4))
    seen, first, last = set(), None, None
    for line in sys.stdin:
        m = SWITCH.match(line)
        if not m:
            continue
        t, prev_comm, prev, state, next_comm, nxt = m.groups()
        t, prev, nxt = float(t), int(prev), int(nxt)
        if name in prev_comm:
            seen.add(prev)
            if prev in on:
                run[prev] += t - on.pop(prev)
            off[prev] = (t, state[0])
            last = t
        if name in next_comm:
            seen.add(nxt)
            first = t if first is None else first
            if nxt in off:
                t0, s = off.pop(nxt)
                {"R": preempted, "D": disk}.get(s, asleep)[nxt] += t - t0
            on[nxt] = t
    for tid in sorted(seen):
        if run[tid] >= 0.001:
            print(f"tid {tid:>7}: on-CPU {run[tid] * 1e3:8.1f} ms  asleep {asleep[tid] * 1e3:8.1f} ms  "
                  f"D {disk[tid] * 1e3:7.1f} ms  preempted {preempted[tid] * 1e3:8.1f} ms")
    if first is not None:
        print(f"span {(last - first) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
