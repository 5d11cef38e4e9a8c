#!/usr/bin/env bash
# Rebuild the shipped default model (models/default.json) byte for byte.
# Training data: NewsSD-ENG (CC BY 4.0) from ../shared/datasets/newssd-eng, all three files, and
# the sentences written for the project: attribution pairs (datasets/attribution-pairs.csv) and the
# news corpus (datasets/news-written.csv and rounds 7 and 8, datasets/news-written-r7.csv and -r8.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/datasets
cargo build --release --quiet
./target/release/factop train \
  --data "$S/newssd-eng/train.csv" \
  --data "$S/newssd-eng/val.csv" \
  --data "$S/newssd-eng/test.csv" \
  --data datasets/attribution-pairs.csv \
  --data datasets/news-written.csv \
  --data datasets/news-written-r7.csv \
  --data datasets/news-written-r8.csv \
  --seed 42 \
  --output models/default.json "$@"
