#!/usr/bin/env bash
# Execute notebooks/factop-walkthrough.ipynb headless, as CI does.
#
#   notebooks/run.sh [auto|project|shared|all]     (default: auto)
#
# auto: ../shared/datasets when present, else the project's own datasets/; all: project, then shared
# (shared only when present). Python dependencies (notebooks/requirements.txt, pinned) go into a virtual
# environment, by default target/notebook-venv (override with FACTOP_NB_VENV), reused
# while requirements.txt is unchanged. The release binary is built first. Each run's executed notebook,
# figures (PNG), article.html and summary.json go to $FACTOP_NB_OUT/<data> (default: a new temporary
# directory). Exits non-zero if any cell fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NB=notebooks/factop-walkthrough.ipynb
REQ=notebooks/requirements.txt
VENV=${FACTOP_NB_VENV:-$ROOT/target/notebook-venv}
WHAT=${1:-auto}

case "$WHAT" in
  auto | project | shared) modes=("$WHAT") ;;
  all)
    modes=(project)
    if [ -d ../shared/datasets ]; then modes+=(shared); fi
    ;;
  *) echo "notebooks/run.sh: unknown data '$WHAT' (use auto, project, shared or all)" >&2; exit 2 ;;
esac

if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQ" "$VENV/.factop-requirements"; then
  echo "== notebook: installing $REQ into $VENV"
  python3 -m venv --clear "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$REQ"
  cp "$REQ" "$VENV/.factop-requirements"
fi

echo "== notebook: cargo build --release"
cargo build --release --quiet
export FACTOP_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/factop"
export PATH="$VENV/bin:$PATH" JUPYTER_PLATFORM_DIRS=1
OUT=${FACTOP_NB_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/factop-notebook.XXXXXX")}

for mode in "${modes[@]}"; do
  echo "== notebook: $NB with data=$mode"
  work="$OUT/$mode"
  rm -rf "$work"
  mkdir -p "$work"
  FACTOP_NB_DATA=$mode FACTOP_NB_WORK="$work" "$VENV/bin/python" notebooks/execute.py "$NB" "$work"
  "$VENV/bin/python" -c 'import json, sys; s = json.load(open(sys.argv[1])); print("   ", ", ".join(f"{k} {v}" for k, v in s.items()))' "$work/summary.json"
done
echo "== notebook: outputs in $OUT"
