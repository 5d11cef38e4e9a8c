#!/usr/bin/env bash
# Ablation of the default model's feature families. Each row trains with the default model's
# data and settings minus one thing, and reports:
#   CV    5-fold cross-validated macro-F1 on the training data (mean ± sd)   -- selection signal
#   news-CV  5-fold CV over NewsSD-ENG only (2 seeds), the row's other data in every training fold
#         (scripts/news-cv.py): unlike CV, comparable between rows with different data -- selection signal
#   HO    macro-F1 on checkthat-en/dev.csv rows 220..462 (2023 test, not in NewsSD-ENG) -- selection signal
#   ATTR  macro-F1 on datasets/attribution-pairs-eval.csv (held-out pairs written for the project)
#   EVAL  macro-F1 on datasets/news-written-eval.csv (held-out news sentences written for the project)
#   CHAL  macro-F1 on datasets/attribution-challenge.csv (held-out attributed/unattributed challenge set)
#   ART   mean macro-F1 of the first six article sets (datasets/article-challenge{,-2..-6}.csv), each
#         row read in its article (--doc-column doc --para-column para), as classify reads an article
#   ART7  macro-F1 of the seventh article set (datasets/article-challenge-7.csv), in context: kept
#         apart, since it was written after the rest and is the hardest so far
#   ART9  macro-F1 of the ninth article set (datasets/article-challenge-9.csv, blind when written on
#         1 December 2026), in context
#   CHAL5 macro-F1 on datasets/attribution-challenge-5.csv (blind when written on 1 December 2026)
#   CHAL6 macro-F1 on datasets/attribution-challenge-6.csv (blind when written on 1 December 2026,
#         used for the choice of rounds 7 and 8)
#   ART10 macro-F1 of the tenth article set (datasets/article-challenge-10.csv, blind when written on
#         1 December 2026, with newspaper furniture; used for the same choice), in context
#   CHAL7 macro-F1 on datasets/attribution-challenge-7.csv (blind when written on 1 December 2026,
#         used for the choice of cue rules 15)
#   ART11 macro-F1 of the eleventh article set (datasets/article-challenge-11.csv, blind when written
#         on 1 December 2026; used for the same choice), in context
#   ART12 macro-F1 of the twelfth article set (datasets/article-challenge-12.csv, blind when written
#         on 1 December 2026; used for the choice of cue rules 16), in context
#   CHAL8 macro-F1 on datasets/attribution-challenge-8.csv (blind when written on 1 December 2026,
#         used for the choice of cue rules 17)
#   ART13 macro-F1 of the thirteenth article set (datasets/article-challenge-13.csv, blind when
#         written on 1 December 2026; used for the same choice), in context
#   CHAL9 macro-F1 on datasets/attribution-challenge-9.csv (blind when written on 1 December 2026,
#         used for the choice of cue rules 18)
#   ART14 macro-F1 of the fourteenth article set (datasets/article-challenge-14.csv, blind when
#         written on 1 December 2026; used for the same choice), in context
#   CHAL10 macro-F1 on datasets/attribution-challenge-10.csv (blind when written on 1 December
#         2026, used for the decision on cue rules 19, not adopted)
#   ART15 macro-F1 of the fifteenth article set (datasets/article-challenge-15.csv, blind when
#         written on 1 December 2026; used for the same decision), in context
#   CHAL11 macro-F1 on datasets/attribution-challenge-11.csv (blind when written on 1 December
#         2026, used for the decision on cue rules 20, not adopted)
#   ART16 macro-F1 of the sixteenth article set (datasets/article-challenge-16.csv, blind when
#         written on 1 December 2026; used for the same decision), in context
#   CHAL12 macro-F1 on datasets/attribution-challenge-12.csv (blind when written in session 18,
#         used for the choice of cue rules 20 at 22:12 UTC on 1 December 2026)
#   ART17 macro-F1 of the seventeenth article set (datasets/article-challenge-17.csv, blind when
#         written; used for the same choice), in context
#   CHAL13 macro-F1 on datasets/attribution-challenge-13.csv (blind when written in session 19,
#         used for the choice of cue rules 22 at 00:42 UTC on 2 December 2026)
#   ART18 macro-F1 of the eighteenth article set (datasets/article-challenge-18.csv, blind when
#         written; used for the same choice), in context
#   CHAL14 macro-F1 on datasets/attribution-challenge-14.csv (blind when written in session 20,
#         used for the choice of cue rules 23 at 03:15 UTC on 2 December 2026)
#   ART19 macro-F1 of the nineteenth article set (datasets/article-challenge-19.csv, blind when
#         written; used for the same choice), in context
#   CHAL15 macro-F1 on datasets/attribution-challenge-15.csv (blind when written in session 21,
#         used for the decision on cue rules 24 at 04:21 UTC on 2 December 2026, not adopted)
#   ART20 macro-F1 of the twentieth article set (datasets/article-challenge-20.csv, blind when
#         written; used for the same decision), in context
#   CHAL16 macro-F1 on datasets/attribution-challenge-16.csv (blind when written in session 22,
#         used for the decision on cue rules 25 at 06:30 UTC on 2 December 2026, not adopted)
#   ART21 macro-F1 of the twenty-first article set (datasets/article-challenge-21.csv, blind when
#         written; used for the same decision), in context
#   CHAL17 macro-F1 on datasets/attribution-challenge-17.csv (blind when written in session 22,
#         used for the choice of cue rules 26 at 07:08 UTC on 2 December 2026)
#   ART22 macro-F1 of the twenty-second article set (datasets/article-challenge-22.csv, blind
#         when written; used for the same choice), in context
#   2024 / 2025  macro-F1 on checkthat-en/dev_test.csv and test.csv -- reporting only
# Usage: scripts/ablation.sh > table.md   (one row = one `factop train` + `factop evaluate` command)
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared/datasets
cargo build --release --quiet
F=./target/release/factop
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
scripts/holdout.py "$S/checkthat-en/dev.csv" "$tmp/holdout.csv"
NEWS=(--data "$S/newssd-eng/train.csv" --data "$S/newssd-eng/val.csv" --data "$S/newssd-eng/test.csv")
PAIRS=(--data datasets/attribution-pairs.csv)
WRITTEN=(--data datasets/news-written.csv --data datasets/news-written-r7.csv --data datasets/news-written-r8.csv)
# the written corpus before round 6 (its first 1,358 rows; round 6 was appended after them)
head -n 1359 datasets/news-written.csv > "$tmp/written-r1-5.csv"
f1() { "$F" evaluate -m "$tmp/m.json" --data "$1" --format json | python3 -c "import json,sys; print(f'{json.load(sys.stdin)[\"macro_f1\"]:.4f}')"; }
art() {
  local sum=0 v
  for a in datasets/article-challenge.csv datasets/article-challenge-{2,3,4,5,6}.csv; do
    v=$("$F" evaluate -m "$tmp/m.json" --data "$a" --doc-column doc --para-column para --format json 2>/dev/null |
      python3 -c "import json,sys; print(json.load(sys.stdin)['macro_f1'])")
    sum=$(python3 -c "print($sum + $v)")
  done
  python3 -c "print(f'{$sum / 6:.4f}')"
}
inctx() {
  "$F" evaluate -m "$tmp/m.json" --data "$1" --doc-column doc --para-column para --format json 2>/dev/null |
    python3 -c "import json,sys; print(f'{json.load(sys.stdin)[\"macro_f1\"]:.4f}')"
}
row() {
  local name=$1; shift
  local cv
  cv=$(FACTOP_NO_PROGRESS=1 "$F" train "$@" --cv 5 -o "$tmp/m.json" | sed -n 's/^cv *5-fold macro-F1 \([0-9.]*\) ± \([0-9.]*\),.*/\1 ± \2/p')
  local ncv
  ncv=$(nice scripts/news-cv.py "$F" "$@")
  echo "| $name | $cv | $ncv | $(f1 "$tmp/holdout.csv") | $(f1 datasets/attribution-pairs-eval.csv) | $(f1 datasets/news-written-eval.csv) | $(f1 datasets/attribution-challenge.csv) | $(f1 datasets/attribution-challenge-5.csv) | $(f1 datasets/attribution-challenge-6.csv) | $(f1 datasets/attribution-challenge-7.csv) | $(f1 datasets/attribution-challenge-8.csv) | $(f1 datasets/attribution-challenge-9.csv) | $(f1 datasets/attribution-challenge-10.csv) | $(f1 datasets/attribution-challenge-11.csv) | $(f1 datasets/attribution-challenge-12.csv) | $(f1 datasets/attribution-challenge-13.csv) | $(f1 datasets/attribution-challenge-14.csv) | $(f1 datasets/attribution-challenge-15.csv) | $(f1 datasets/attribution-challenge-16.csv) | $(f1 datasets/attribution-challenge-17.csv) | $(art) | $(inctx datasets/article-challenge-7.csv) | $(inctx datasets/article-challenge-9.csv) | $(inctx datasets/article-challenge-10.csv) | $(inctx datasets/article-challenge-11.csv) | $(inctx datasets/article-challenge-12.csv) | $(inctx datasets/article-challenge-13.csv) | $(inctx datasets/article-challenge-14.csv) | $(inctx datasets/article-challenge-15.csv) | $(inctx datasets/article-challenge-16.csv) | $(inctx datasets/article-challenge-17.csv) | $(inctx datasets/article-challenge-18.csv) | $(inctx datasets/article-challenge-19.csv) | $(inctx datasets/article-challenge-20.csv) | $(inctx datasets/article-challenge-21.csv) | $(inctx datasets/article-challenge-22.csv) | $(f1 "$S/checkthat-en/dev_test.csv") | $(f1 "$S/checkthat-en/test.csv") | \`$*\` |"
}
echo "| configuration | CV macro-F1 | news-CV | HO | ATTR | EVAL | CHAL | CHAL5 | CHAL6 | CHAL7 | CHAL8 | CHAL9 | CHAL10 | CHAL11 | CHAL12 | CHAL13 | CHAL14 | CHAL15 | CHAL16 | CHAL17 | ART | ART7 | ART9 | ART10 | ART11 | ART12 | ART13 | ART14 | ART15 | ART16 | ART17 | ART18 | ART19 | ART20 | ART21 | ART22 | 2024 test | 2025 test | train flags |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
row "default model (all features, news + attribution pairs + written corpus rounds 1-8)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}"
row "− revision 26's excess and judged superlatives (\`--cue-rules 25\`, not adopted at 06:30 UTC)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 25
row "the default model before 2 December's 07:08 UTC choice (\`--cue-rules 23\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 23
row "+ revision 24's hedged predictions and pressing questions on 23 (\`--cue-rules 24\`, not adopted at 04:21 UTC)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 24
row "the default model before 2 December's 03:15 UTC choice (\`--cue-rules 22\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 22
row "− revision 22's verdicts and fronted imperatives (\`--cue-rules 21\`, not adopted at 22:12 UTC nor at 00:42 UTC)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 21
row "the default model before 2 December's 00:42 UTC choice (\`--cue-rules 20\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 20
row "− revision 20's verdict on a report (\`--cue-rules 19\`, not adopted at 17:27 UTC)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 19
row "the default model before 1 December's 22:12 UTC choice (\`--cue-rules 18\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 18
row "the default model before 1 December's 13:16 UTC choice (\`--cue-rules 17\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 17
row "the default model before 1 December's 10:29 UTC choice (\`--cue-rules 16\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 16
row "the default model before 1 December's 08:06 UTC choice (\`--cue-rules 15\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 15
row "the default model before 1 December's 07:30 UTC choice (\`--cue-rules 14\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 14
row "+ round 9 of the written corpus (not adopted)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --data datasets/news-written-r9.csv
row "the default model before 1 December's 04:00 UTC choices (\`--cue-rules 13\`, written rounds 1-6)" "${NEWS[@]}" "${PAIRS[@]}" --data datasets/news-written.csv --cue-rules 13
row "− rounds 7 and 8 of the written corpus (rounds 1-6)" "${NEWS[@]}" "${PAIRS[@]}" --data datasets/news-written.csv
row "− round 8 (rounds 1-7)" "${NEWS[@]}" "${PAIRS[@]}" --data datasets/news-written.csv --data datasets/news-written-r7.csv
row "− round 7 (rounds 1-6 and 8)" "${NEWS[@]}" "${PAIRS[@]}" --data datasets/news-written.csv --data datasets/news-written-r8.csv
row "− rounds 6-8 (rounds 1-5 only)" "${NEWS[@]}" "${PAIRS[@]}" --data "$tmp/written-r1-5.csv"
row "− written corpus (news + attribution pairs)" "${NEWS[@]}" "${PAIRS[@]}"
row "− attribution pairs (news + written corpus)" "${NEWS[@]}" "${WRITTEN[@]}"
row "news only" "${NEWS[@]}"
row "written corpus twice (weight 2)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" "${WRITTEN[@]}"
row "attribution pairs twice (weight 2)" "${NEWS[@]}" "${PAIRS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}"
row "− cue features" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --no-cues
row "− character n-grams" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --char-ngrams 0
row "− quote masking" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --no-mask-quotes
row "− single quotation marks (only double marks quote)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --no-single-quotes
row "− revision 14's rhetorical questions and speaker labels too (\`--cue-rules 13\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 13
row "− revision 13's recommendations and speakers' turns too (\`--cue-rules 12\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 12
row "− revision 12's question subheads and senses too (\`--cue-rules 11\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 11
row "− revision 11's author-stance frames too (\`--cue-rules 10\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 10
row "− dropping the reported stance matches (\`--reported-stance own\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --reported-stance own
row "− revisions 11-13 and the drop (\`--cue-rules 10 --reported-stance own\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 10 --reported-stance own
row "− revision 10's continued reports too (\`--cue-rules 9\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 9 --reported-stance own
row "− revision 9's timetables too (\`--cue-rules 8\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 8 --reported-stance own
row "− revision 8's word senses too (\`--cue-rules 7\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 7 --reported-stance own
row "− revision 7's courts and inquests too (\`--cue-rules 6\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 6 --reported-stance own
row "− revision 6's thoughts and feelings too (\`--cue-rules 5\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 5 --reported-stance own
row "− revision 5's attribution forms too (\`--cue-rules 4\`: frames and asides only)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 4 --reported-stance own
row "− asides too (\`--cue-rules 3\`: attribution frames only)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 3 --reported-stance own
row "− attribution frames too (\`--cue-rules 1\`: the first cue rules)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --cue-rules 1 --reported-stance own
row "+ reported speech masked as quoted in the n-grams (\`--mask-reported\`, not adopted)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --mask-reported
row "− reported-speech scope (stance words in unquoted reported speech count as the author's)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --no-reported-scope
row "− naive-Bayes score (\`--nb-score off\`)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --nb-score off
row "word unigrams only (no bigrams)" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --word-ngrams 1
row "raw tf instead of sublinear" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --tf raw
row "− oversampling" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --balance none
row "alpha 0.5 instead of 2" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --alpha 0.5
row "alpha 1 instead of 2" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --alpha 1
row "alpha 4 instead of 2" "${NEWS[@]}" "${PAIRS[@]}" "${WRITTEN[@]}" --alpha 4
row "baseline: word 1-2 tf-idf only, alpha 1 (news only)" "${NEWS[@]}" --no-cues --char-ngrams 0 --no-mask-quotes --nb-score off --alpha 1
