#!/usr/bin/env bash
# Multi-seed comparison of training settings on the selection signals only (never the two
# CheckThat! test files). For each CONFIG (a quoted string of extra `factop train` flags, "" for
# the default model's), trains the default model's data with --seed 1 2 3 4 42 and prints the
# mean macro-F1 over seeds on HO (checkthat-en/dev.csv rows 220..462), ATTR, EVAL, CHAL and
# CHAL2 to CHAL17 (the held-out files written for the project), then news-CV (scripts/news-cv.py).
# Usage: scripts/seeds.sh "" "--no-mask-quotes" "--mask-min-words 5"
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/datasets
cargo build --release --quiet
F=./target/release/factop
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
scripts/holdout.py "$S/checkthat-en/dev.csv" "$tmp/holdout.csv"
D=(--data "$S/newssd-eng/train.csv" --data "$S/newssd-eng/val.csv" --data "$S/newssd-eng/test.csv"
   --data datasets/attribution-pairs.csv --data datasets/news-written.csv
   --data datasets/news-written-r7.csv --data datasets/news-written-r8.csv)
f1() { "$F" evaluate -m "$tmp/m.json" --data "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['macro_f1'])"; }
mean() { python3 -c "import sys, statistics as s; print(f'{s.mean(map(float, sys.argv[1:])):.4f}')" "$@"; }
echo "| extra flags | HO | ATTR | EVAL | CHAL | CHAL2 | CHAL3 | CHAL4 | CHAL5 | CHAL6 | CHAL7 | CHAL8 | CHAL9 | CHAL10 | CHAL11 | CHAL12 | CHAL13 | CHAL14 | CHAL15 | CHAL16 | CHAL17 | news-CV |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for cfg in "$@"; do
  read -r -a flags <<< "$cfg"
  ho=(); at=(); ev=(); ch=(); c2=(); c3=(); c4=(); c5=(); c6=(); c7=(); c8=(); c9=(); c10=(); c11=(); c12=(); c13=(); c14=(); c15=(); c16=(); c17=()
  for seed in 1 2 3 4 42; do
    FACTOP_NO_PROGRESS=1 "$F" train "${D[@]}" "${flags[@]}" --seed "$seed" -o "$tmp/m.json" > /dev/null
    ho+=("$(f1 "$tmp/holdout.csv")"); at+=("$(f1 datasets/attribution-pairs-eval.csv)")
    ev+=("$(f1 datasets/news-written-eval.csv)"); ch+=("$(f1 datasets/attribution-challenge.csv)")
    c2+=("$(f1 datasets/attribution-challenge-2.csv)"); c3+=("$(f1 datasets/attribution-challenge-3.csv)")
    c4+=("$(f1 datasets/attribution-challenge-4.csv)"); c5+=("$(f1 datasets/attribution-challenge-5.csv)")
    c6+=("$(f1 datasets/attribution-challenge-6.csv)"); c7+=("$(f1 datasets/attribution-challenge-7.csv)")
    c8+=("$(f1 datasets/attribution-challenge-8.csv)"); c9+=("$(f1 datasets/attribution-challenge-9.csv)")
    c10+=("$(f1 datasets/attribution-challenge-10.csv)"); c11+=("$(f1 datasets/attribution-challenge-11.csv)")
    c12+=("$(f1 datasets/attribution-challenge-12.csv)"); c13+=("$(f1 datasets/attribution-challenge-13.csv)"); c14+=("$(f1 datasets/attribution-challenge-14.csv)")
    c15+=("$(f1 datasets/attribution-challenge-15.csv)"); c16+=("$(f1 datasets/attribution-challenge-16.csv)")
    c17+=("$(f1 datasets/attribution-challenge-17.csv)")
  done
  echo "| \`${cfg:-(default)}\` | $(mean "${ho[@]}") | $(mean "${at[@]}") | $(mean "${ev[@]}") | $(mean "${ch[@]}") | $(mean "${c2[@]}") | $(mean "${c3[@]}") | $(mean "${c4[@]}") | $(mean "${c5[@]}") | $(mean "${c6[@]}") | $(mean "${c7[@]}") | $(mean "${c8[@]}") | $(mean "${c9[@]}") | $(mean "${c10[@]}") | $(mean "${c11[@]}") | $(mean "${c12[@]}") | $(mean "${c13[@]}") | $(mean "${c14[@]}") | $(mean "${c15[@]}") | $(mean "${c16[@]}") | $(mean "${c17[@]}") | $(scripts/news-cv.py "$F" "${D[@]}" "${flags[@]}") |"
done
