#!/usr/bin/env bash
# factop vs scikit-learn, side by side: build, prepare inputs, run, print every target with its
# ratio. Needs ../shared/datasets, python3 and network access to PyPI (first run only).
# Usage: bench/run.sh  (BENCH_MB=20 corpus size; BENCH_REPEAT=5 interleaved rounds of the classify
# commands; BENCH_SK_MB=4 MB of the corpus for scikit-learn's classify)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
MB=${BENCH_MB:-20}
[ -d ../shared/datasets ] || { echo "bench: ../shared/datasets is missing" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (apt)"
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
command -v taskset >/dev/null || { echo "bench: taskset (util-linux) is missing" >&2; exit 1; }
echo "== cargo build --release"
cargo build --release --quiet
if ! .venv/bin/python -c 'import sklearn' 2>/dev/null; then
  echo "== creating .venv with the scikit-learn reference (bench/requirements.txt)"
  python3 -m venv .venv
  .venv/bin/pip install --quiet -r bench/requirements.txt
fi
mkdir -p "$OUT"
if [ ! -f "$OUT/corpus/corpus.txt" ] || [ "$(cat "$OUT/corpus/.mb" 2>/dev/null)" != "$MB" ]; then
  echo "== corpus: $MB MB of articles assembled from ../shared sentences and datasets/examples"
  rm -rf "$OUT/corpus"
  python3 bench/make_corpus.py "$OUT/corpus" "$MB" ../shared/datasets datasets/examples
  echo "$MB" > "$OUT/corpus/.mb"
fi
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(.venv/bin/python -c 'import sklearn, sys; print("scikit-learn", sklearn.__version__, "python", sys.version.split()[0])')"
.venv/bin/python bench/bench.py
