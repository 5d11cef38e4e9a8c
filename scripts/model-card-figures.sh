#!/usr/bin/env bash
# Print the default model's figures on the CheckThat! test sets (reporting only), as the
# markdown rows and the `ci:` markers used in models/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/datasets
cargo build --release --quiet
for f in checkthat-en/dev_test.csv checkthat-en/test.csv; do
  ./target/release/factop evaluate --data "$S/$f" --format json |
    python3 -c "import json,sys; r=json.load(sys.stdin); print(f'| \`$f\` | {r[\"n\"]} | {r[\"macro_f1\"]:.4f} | {r[\"accuracy\"]:.4f} | {r[\"roc_auc\"]:.4f} |'); print(f'<!-- ci:macro_f1 $f {r[\"macro_f1\"]:.4f} -->')"
done
