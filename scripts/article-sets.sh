#!/usr/bin/env bash
# Macro-F1 of a model on article-level sets (header doc,para,sentence,label), each row read in
# its article (--doc-column doc --para-column para, as `classify` reads an article) and alone.
# Usage: scripts/article-sets.sh FACTOP MODEL CSV...
#   e.g. scripts/article-sets.sh target/release/factop models/default.json datasets/article-challenge.csv \
#          datasets/article-challenge-{2..22}.csv
# Name the sets: a glob such as datasets/article-challenge*.csv also takes the RESERVED sets
# (datasets/README.md says which), on which no model may be run before their decision.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: scripts/article-sets.sh FACTOP MODEL CSV..." >&2
  exit 2
fi
F=$1; M=$2; shift 2
f1() { python3 -c "import json,sys; print(round(json.load(sys.stdin)['macro_f1'], 4))"; }
for csv in "$@"; do
  c=$("$F" evaluate -m "$M" --data "$csv" --doc-column doc --para-column para --format json | f1)
  a=$("$F" evaluate -m "$M" --data "$csv" --format json | f1)
  echo "$(basename "$csv") context $c alone $a"
done
