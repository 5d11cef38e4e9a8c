#!/usr/bin/env python3
"""Run factop and the scikit-learn reference side by side and print every target with its ratio.

Called by bench/run.sh (which builds factop, creates the venv and the corpus); see
docs/performance.md. Writes the table to stdout and to bench/out/results.md.
"""
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
FACTOP = os.path.join(ROOT, "target", "release", "factop")
PY = os.path.join(ROOT, ".venv", "bin", "python")
SK = os.path.join(ROOT, "bench", "sk_ref.py")
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "datasets"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
ONE = ["taskset", "-c", "0"]
TWO = ["taskset", "-c", "0,1"]


class Failed(Exception):
    """A benchmarked command failed; its row is reported as FAIL."""


ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "train,classify,latency").split(",")))


def run(cmd, stdout=subprocess.DEVNULL, stdin=None):
    """Run cmd under /usr/bin/time -v; return (wall seconds, peak RSS MB, stdout, stderr).

    The CPU time (user + system) of the last run is left in run.cpu."""
    full = ["/usr/bin/time", "-v"] + cmd
    t0 = time.perf_counter()
    p = subprocess.run(full, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        own = p.stderr.split("\tCommand being timed")[0].strip().splitlines()
        raise Failed(f"exit {p.returncode}: {own[-1] if own else ''}")
    rss = 0.0
    run.cpu = 0.0
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split()[-1]) / 1024
        elif "User time (seconds)" in line or "System time (seconds)" in line:
            run.cpu += float(line.split()[-1])
    out = p.stdout if isinstance(p.stdout, str) else ""
    return wall, rss, out, p.stderr


NOTES = []  # lines printed after the tables


class Series:
    """Repeated timings of one command: wall and CPU seconds of every run, the peak RSS."""

    def __init__(self, label, cmd, **kw):
        self.label, self.cmd, self.kw = label, cmd, kw
        self.wall, self.cpu, self.rss = [], [], 0.0

    def once(self):
        w, r, _, err = run(self.cmd, **self.kw)
        self.wall.append(w)
        self.cpu.append(run.cpu)
        self.rss = max(self.rss, r)
        return w, err

    def median(self):
        return statistics.median(self.wall)

    def row(self):
        """The timings table's row: runs, median, min, max, spread, median CPU time."""
        med = self.median()
        spread = (max(self.wall) - min(self.wall)) / med * 100
        return (self.label, str(len(self.wall)), f"{med:.3f} s", f"{min(self.wall):.3f} s",
                f"{max(self.wall):.3f} s", f"{spread:.0f}%", f"{statistics.median(self.cpu):.3f} s")


def paired(a, b):
    """Per-round ratios a/b of two interleaved series: (min, max)."""
    r = [x / y for x, y in zip(a.wall, b.wall)]
    return min(r), max(r)


def sk_json(stderr):
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    sys.exit("bench: no stats from sk_ref.py:\n" + stderr[-2000:])


def prepare():
    data = os.path.join(OUT, "data")
    os.makedirs(data, exist_ok=True)
    # subj: one seeded 90/10 split (a single fit, no cross-validation).
    with open(os.path.join(SHARED, "subj", "all.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    random.Random(42).shuffle(rows)
    cut = len(rows) * 9 // 10
    for name, part in [("subj-train.csv", rows[:cut]), ("subj-test.csv", rows[cut:])]:
        with open(os.path.join(data, name), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=["sentence", "label"])
            w.writeheader()
            w.writerows(part)
    n = os.path.join(SHARED, "newssd-eng")
    return {
        "newssd-eng": ([f"{n}/train.csv", f"{n}/val.csv"], f"{n}/test.csv"),
        "subj": ([f"{data}/subj-train.csv"], f"{data}/subj-test.csv"),
    }


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def busy(seconds=2.0):
    """Cores kept busy by other processes while the bench waits `seconds` (from /proc/stat):
    unlike the load average, not inflated by the bench's own previous section."""
    def sample():
        v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        return sum(v), v[3] + v[4]  # all, idle + iowait
    t0, i0 = sample()
    time.sleep(seconds)
    t1, i1 = sample()
    return (1 - (i1 - i0) / max(1, t1 - t0)) * (os.cpu_count() or 1)


def classify_section(add, failed, fm, sm, txt, jsonl, arts, mb, timings):
    """The classify rows: all commands interleaved, REPEAT rounds, ratios of medians."""
    sk_mb = float(os.environ.get("BENCH_SK_MB", "4"))
    # scikit-learn (~0.5 MB/s) runs on the corpus's first paragraphs only, so that it can be
    # repeated as often as factop; its throughput is measured in-process, per byte.
    part = os.path.join(OUT, "corpus", "part.txt")
    with open(txt, encoding="utf-8") as f:
        head = f.read(int(sk_mb * 1e6))
    with open(part, "w", encoding="utf-8") as f:
        f.write(head[:head.rfind("\n\n") + 2] if "\n\n" in head else head)
    files_mb = sum(os.path.getsize(a) for a in arts) / 1e6
    jl_mb = os.path.getsize(jsonl) / 1e6
    fcmd = [FACTOP, "classify", "--model", fm, "--format", "jsonl"]
    jcmd = fcmd + ["--input-format", "jsonl", jsonl]
    one = Series("factop one core, corpus.txt", ONE + fcmd + [txt])
    sk = Series(f"scikit-learn one core, first {sk_mb:g} MB", ONE + [PY, SK, "classify", sm, part])
    m1 = Series(f"factop {len(arts)} files, 1 core", ONE + fcmd + arts)
    m2 = Series(f"factop {len(arts)} files, 2 cores", TWO + fcmd + arts)
    j1 = Series("factop JSONL stream, 1 core", ONE + jcmd)
    j2 = Series("factop JSONL stream, 2 cores", TWO + jcmd)
    allseries = [one, sk, m1, m2, j1, j2]
    others = busy()
    before = f"load average {load()}, other processes busy on {others:.1f} cores"
    print(f"== classify ({mb:.1f} MB corpus; {REPEAT} rounds of {len(allseries)} commands, interleaved;"
          f" factop model = newssd-eng.json; {before})", flush=True)
    if others > 0.2:
        print("   warning: the machine is busy; the 2-core rows measure the other processes too", flush=True)
    sk_rates = []
    try:
        # Warm-up, untimed: inputs, binary and model into the page cache (this VM pages out
        # files untouched for a minute or so).
        for s in [one, m1, j1]:
            run(s.cmd)
        for k in range(REPEAT):
            for s in (allseries if k % 2 == 0 else allseries[::-1]):
                _, err = s.once()
                if s is sk:
                    st = sk_json(err)
                    sk_rates.append(st["bytes"] / 1e6 / st["classify_s"])
    except Failed as e:
        failed("classify", ">= 10x, >= 50 MB/s, >= 1.8x", e)
        return
    f_mbs, s_mbs = mb / one.median(), statistics.median(sk_rates)
    # factop's rate in each round over scikit-learn's in the same round
    pr = [mb / w / r for w, r in zip(one.wall, sk_rates)]
    add("classify, one core: throughput vs scikit-learn", f"{f_mbs:.1f} MB/s", f"{s_mbs:.2f} MB/s",
        f"{f_mbs / s_mbs:.1f}x ({min(pr):.1f}-{max(pr):.1f})", ">= 10x", f_mbs / s_mbs >= 10)
    add("classify, one core: end-to-end throughput",
        f"{f_mbs:.1f} MB/s ({mb / max(one.wall):.1f}-{mb / min(one.wall):.1f})", "", "", ">= 50 MB/s",
        f_mbs >= 50)
    add(f"classify: peak RSS ({mb:.0f} MB input)", f"{one.rss:.0f} MB", "", "", "(info)", True)
    for label, a, b, size in [(f"classify {len(arts)} files, 2 cores vs 1", m1, m2, files_mb),
                              ("classify JSONL stream, 2 cores vs 1", j1, j2, jl_mb)]:
        ratio = a.median() / b.median()
        lo, hi = paired(a, b)
        add(label, f"{size / b.median():.1f} MB/s", f"{size / a.median():.1f} MB/s on 1 core",
            f"{ratio:.2f}x ({lo:.2f}-{hi:.2f})", ">= 1.8x", ratio >= 1.8)
    timings.extend(s.row() for s in allseries)
    after = f"load average {load()}, other processes busy on {busy():.1f} cores"
    NOTES.append(f"Before the classify rounds: {before}; after them: {after}.")
    print(f"   after the classify rounds: {after}", flush=True)


def main():
    rows = []  # (target, factop, reference, ratio, goal, verdict)
    timings = []  # the classify section's timings, per command

    def add(target, factop, ref, ratio, goal, ok):
        verdict = "PASS" if ok else "FAIL"
        rows.append((target, factop, ref, ratio, goal, verdict))
        print(f"  {target}: {factop} | {ref} | {ratio} -> {verdict}", flush=True)

    def failed(target, goal, e):
        rows.append((target, f"failed ({e})", "", "", goal, "FAIL"))
        print(f"  {target}: failed ({e}) -> FAIL", flush=True)

    sets = prepare()
    fm = os.path.join(OUT, "newssd-eng.json")
    sm = os.path.join(OUT, "newssd-eng.pkl")
    for name, (train, test) in sets.items():
        if "train" not in ONLY and name != "newssd-eng":
            continue
        print(f"== train {name}", flush=True)
        fm_ = os.path.join(OUT, f"{name}.json")
        sm_ = os.path.join(OUT, f"{name}.pkl")
        args = [a for t in train for a in ("--data", t)]
        try:
            fw, frss, _, _ = run([FACTOP, "train", *args, "--output", fm_])
            _, srss, sout, _ = run([PY, SK, "train", os.path.join(ROOT, "models", "default.json"), sm_, *train],
                                   stdout=subprocess.PIPE)
            sfit = json.loads(sout)["fit_s"]
            ev = subprocess.run([FACTOP, "evaluate", "--data", test, "--model", fm_, "--format", "json"],
                                capture_output=True, text=True, check=True)
            ff1 = json.loads(ev.stdout)["macro_f1"]
            sv = subprocess.run([PY, SK, "evaluate", sm_, test], capture_output=True, text=True, check=True)
            sf1 = json.loads(sv.stdout)["macro_f1"]
        except Failed as e:
            failed(f"train {name}", "", e)
            continue
        add(f"train {name}: wall time (ratio <= 1.0)", f"{fw:.2f} s", f"{sfit:.2f} s",
            f"{fw / sfit:.2f}", "<= 1.0", fw <= sfit)
        add(f"train {name}: macro-F1 on {os.path.basename(test)} (equal or better)", f"{ff1:.4f}",
            f"{sf1:.4f}", f"{ff1 - sf1:+.4f}", ">= +0.0000", ff1 >= sf1)
        if name == "subj":
            add("train subj: peak RSS", f"{frss:.0f} MB", f"{srss:.0f} MB", f"{frss / srss:.2f}",
                "<= 500 MB", frss <= 500)

    corpus = os.path.join(OUT, "corpus")
    txt = os.path.join(corpus, "corpus.txt")
    jsonl = os.path.join(corpus, "corpus.jsonl")
    arts = sorted(os.path.join(corpus, "articles", f) for f in os.listdir(os.path.join(corpus, "articles")))
    mb = os.path.getsize(txt) / 1e6
    if "classify" in ONLY:
        classify_section(add, failed, fm, sm, txt, jsonl, arts, mb, timings)

    if "latency" in ONLY:
        print("== latency", flush=True)
        lat = []
        for _ in range(30):
            t0 = time.perf_counter()
            subprocess.run([FACTOP, "classify", "--format", "jsonl"], input=b"This is a terrible idea.\n",
                           stdout=subprocess.DEVNULL, check=True)
            lat.append((time.perf_counter() - t0) * 1000)
        ms = statistics.median(lat)
        add("model load + first sentence (embedded model, median of 30 runs)", f"{ms:.1f} ms", "", "",
            "<= 20 ms", ms <= 20)

    table = ["| target | factop | scikit-learn | ratio | goal | |", "|---|---|---|---|---|---|"]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    if timings:
        table += ["", f"Classify timings ({REPEAT} interleaved rounds; wall time; spread = (max - min) / median):",
                  "", "| command | runs | median | min | max | spread | CPU (median) |",
                  "|---|---|---|---|---|---|---|"]
        table += ["| " + " | ".join(r) + " |" for r in timings]
    if NOTES:
        table += [""] + NOTES
    text = "\n".join(table)
    print("\n" + text)
    with open(os.path.join(OUT, "results.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
