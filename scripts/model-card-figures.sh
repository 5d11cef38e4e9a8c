#!/usr/bin/env bash
# The default model's figures on the CheckThat! test sets (reporting only), as markdown rows and
# the `ci:` markers that tests/cli/shared_data.rs holds the model to.
# With --write, replaces the block between <!-- figures:begin --> and <!-- figures:end --> in
# models/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/datasets
cargo build --release --quiet
block=$(
  echo "| test set | n | macro-F1 | macro-F1 95% interval | accuracy | ROC AUC | Brier | ECE |"
  echo "|---|---|---|---|---|---|---|---|"
  for f in checkthat-en/dev_test.csv checkthat-en/test.csv; do
    ./target/release/factop evaluate --data "$S/$f" --format json |
      python3 -c "import json,sys; r=json.load(sys.stdin); c=r[\"ci95\"][\"macro_f1\"]; print(f'| \`$f\` | {r[\"n\"]} | {r[\"macro_f1\"]:.4f} | {c[0]:.4f}-{c[1]:.4f} | {r[\"accuracy\"]:.4f} | {r[\"roc_auc\"]:.4f} | {r[\"brier\"]:.4f} | {r[\"ece\"]:.4f} |')"
  done
  echo
  for f in checkthat-en/dev_test.csv checkthat-en/test.csv; do
    ./target/release/factop evaluate --data "$S/$f" --format json |
      python3 -c "import json,sys; r=json.load(sys.stdin); print(f'<!-- ci:macro_f1 $f {r[\"macro_f1\"]:.4f} -->')"
  done
)
echo "$block"
if [ "${1:-}" = "--write" ]; then
  BLOCK="$block" python3 - <<'PY'
import os, re
p = "models/README.md"
s = open(p).read()
new = "<!-- figures:begin -->\n" + os.environ["BLOCK"] + "\n<!-- figures:end -->"
s2, n = re.subn(r"<!-- figures:begin -->.*?<!-- figures:end -->", lambda m: new, s, flags=re.S)
assert n == 1, "models/README.md has no figures block"
open(p, "w").write(s2)
PY
  echo "models/README.md updated"
fi
