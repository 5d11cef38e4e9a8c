#!/usr/bin/env bash
# The HTML report in a real browser (Debian's chromium, headless): the page renders, the
# screenshots are real pictures (not blank), and the DOM holds every sentence element with its
# label, in order, with the article's markup shown as text. Run by .ci/run; needs a built
# factop (FACTOP, default target/release/factop) and chromium (CHROMIUM, default chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
FACTOP=${FACTOP:-target/release/factop}
CHROMIUM=${CHROMIUM:-chromium}
if [ -z "${OUT:-}" ]; then
    OUT=$(mktemp -d)
    trap 'rm -rf "$OUT"' EXIT # set OUT=DIR to keep the page, DOM and screenshots
fi
mkdir -p "$OUT"
articles=(datasets/examples/council-budget.txt tests/browser/markup-article.txt)

"$FACTOP" classify "${articles[@]}" --format html >"$OUT/page.html"
"$FACTOP" classify "${articles[@]}" --format jsonl >"$OUT/rows.jsonl"

browser() {
    local profile
    profile=$(mktemp -d)
    timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" 2>>"$OUT/chromium.log"
    rm -rf "$profile"
}

browser --window-size=1100,1400 --screenshot="$OUT/page.png" "file://$OUT/page.html" >/dev/null
# A sentence as the URL target (as the summary's links make it): its explanation is shown. The
# window is taller than the page because headless screenshots of a scrolled page come out blank.
browser --window-size=1100,3200 --screenshot="$OUT/explained.png" "file://$OUT/page.html#d0-s9" >/dev/null
browser --dump-dom "file://$OUT/page.html" >"$OUT/dom.html"

python3 tests/browser/check_dom.py "$OUT/dom.html" "$OUT/rows.jsonl" "$OUT/page.png" "$OUT/explained.png"
echo "browser check passed"
