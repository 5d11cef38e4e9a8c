//! Quotations the segmenter carries from one sentence to the next, read by the real binary:
//! `factop sentences` prints the flag (`continues_quote`) and `factop classify` reads it.

use crate::harness::{factop, write};
use serde_json::Value;

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// A quotation over three paragraphs (the first two end without a closing mark, the next
/// reopens it, only the last is attributed); then an unattributed stray mark left open before
/// a paragraph that opens with no mark, and one in the document's last paragraph.
const POOL: &str = "Riverside Pool to Stay Shut All Summer

By Dana Whitfield

The Riverside open-air pool will not reopen this year, the parks department confirmed on \
Friday, after an inspection found cracks in the main tank.

Lena Moravec, who has swum there every morning for thirty years, was at the gate when the \
notice went up.

\"This is a betrayal of everyone who grew up in that water. The department knew about the \
cracks for two years and did nothing.

\"It is lazy and it is cowardly. Nobody in that office has the courage to admit they got it \
wrong. Shame on every one of them.

\"We will fill the council chamber every week until they fix it,\" she said.

The department says repairs will cost £1.4 million and could begin in October. Its \
\"consultation on the work lasted a week. It was a farce from start to finish.

Asked about the delay, a lifeguard shrugged. \"Nobody will swim here again. What a waste.
";

/// Sentences of [`POOL`] that continue a quotation: the later sentences of the first two
/// paragraphs of the quotation.
const CARRIED: [&str; 3] = [
    "The department knew about the cracks for two years and did nothing.",
    "Nobody in that office has the courage to admit they got it wrong.",
    "Shame on every one of them.",
];

/// Sentences after a stray opening mark: the author's.
const STRAY: [&str; 2] = ["It was a farce from start to finish.", "What a waste."];

/// The sentences of `rows` (JSON lines of `sentences` or `classify`) whose `flag` is true.
fn texts_where<'a>(rows: &'a [Value], flag: &str) -> Vec<&'a str> {
    rows.iter()
        .filter(|r| r[flag] == true)
        .map(|r| r["text"].as_str().unwrap())
        .collect()
}

#[test]
fn a_quotation_over_paragraphs_is_the_speakers_and_a_stray_mark_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "pool.txt", POOL);
    let rows = jsonl(&factop(&["sentences", &path, "-f", "jsonl"], None).ok());
    assert_eq!(rows.len(), 16);
    assert_eq!(texts_where(&rows, "continues_quote"), CARRIED);
    let scored = jsonl(&factop(&["classify", &path, "-f", "jsonl"], None).ok());
    assert_eq!(scored.len(), rows.len());
    for r in &scored {
        let text = r["text"].as_str().unwrap();
        if CARRIED.contains(&text) {
            assert_eq!(r["label"], "fact", "{r}");
        }
        if STRAY.contains(&text) {
            assert_eq!(r["label"], "opinion", "{r}");
        }
    }
}

#[test]
fn a_quotation_over_paragraphs_is_carried_where_the_input_is_cut_into_blocks() {
    // The binary reads files in blocks of 256 KiB cut at paragraph breaks. Filler paragraphs
    // put the block's end just inside, or just before, the paragraph that reopens the
    // quotation; the flags must be those of the article alone.
    const BLOCK: usize = 256 << 10;
    let alone = jsonl(&factop(&["sentences", "-", "-f", "jsonl"], Some(POOL.as_bytes())).ok());
    let want: Vec<bool> = alone.iter().map(|r| r["continues_quote"] == true).collect();
    let reopens = POOL.find("\"It is lazy").unwrap();
    let filler = "The pool first opened in 1931.\n\n".repeat(BLOCK / 32 - 40);
    let dir = tempfile::tempdir().unwrap();
    for inside in [1, 2, 5, 40, 0, -1, -3] {
        // `inside` bytes of the reopening paragraph in the first block (negative: the block
        // ends in the blank line before it).
        let pad = (BLOCK as i64 - inside - (filler.len() + reopens) as i64) as usize;
        let text = format!("{filler}{}{POOL}", "\n".repeat(pad));
        let path = write(dir.path(), "long.txt", &text);
        let rows = jsonl(&factop(&["sentences", &path, "-f", "jsonl"], None).ok());
        let got: Vec<bool> = rows[rows.len() - want.len()..]
            .iter()
            .map(|r| r["continues_quote"] == true)
            .collect();
        assert_eq!(got, want, "{inside} bytes inside the first block");
    }
}

/// An interview transcript: answers after question labels are the harbour master's words.
const INTERVIEW: &str = "Five Questions for the Harbour Master

Tomas Ekdahl has run Port Sallow's harbour for eleven years. He retires in June.

Q: What will you miss most?

A: The mornings. There is nothing more beautiful than the harbour at six, before the ferries \
start. Anyone who has not seen it has missed the best thing in this town.

Q: The new marina has been controversial. Was it a mistake?

A: It was a terrible mistake. The council ignored every warning we gave them. Frankly, the \
whole plan was reckless from the start.

The harbour board will name his successor in May.
";

#[test]
fn an_interviews_answers_are_the_interviewees_and_labels_alone_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "interview.txt", INTERVIEW);
    let rows = jsonl(&factop(&["sentences", &path, "-f", "jsonl"], None).ok());
    let answers = texts_where(&rows, "continues_quote");
    assert_eq!(answers.len(), 6, "{answers:?}");
    assert!(answers[0].starts_with("A: The mornings") && answers[3].starts_with("A: It was"));
    let scored = jsonl(&factop(&["classify", &path, "-f", "jsonl"], None).ok());
    for r in &scored {
        if answers.contains(&r["text"].as_str().unwrap()) {
            assert_eq!(r["label"], "fact", "{r}");
        }
    }
    // Without the question labels the answer labels are plain text: nothing is carried.
    let plain = INTERVIEW.replace("Q: ", "");
    let path = write(dir.path(), "no-questions.txt", &plain);
    let rows = jsonl(&factop(&["sentences", &path, "-f", "jsonl"], None).ok());
    assert!(texts_where(&rows, "continues_quote").is_empty());
}

/// An article laid out one paragraph per line, with no blank line (as scraped text and JSONL
/// `text` fields often are): a headline and byline, a quotation over three paragraphs (the
/// first two end without a closing mark, the next reopens it, only the last is attributed), a
/// stray mark left open before a paragraph that opens with none, a short interview.
const QUARRY: [&str; 11] = [
    "Quarry Expansion Approved Despite Protests",
    "By Mirela Toth",
    "The county planning board voted 5-2 on Wednesday to let the Greyfield quarry double in \
     size, ending a two-year dispute with the villages around it.",
    "\"This decision will poison the river that half of this valley drinks from. The board \
     has chosen a company's profits over our children's health.",
    "\"It is a disgrace and a betrayal. Every member who voted for it should be ashamed. They \
     did not even read the hydrology report.",
    "\"We will appeal, and we will win,\" said Ruth Okafor, who leads the Greyfield Valley \
     Residents' Association.",
    "The company says the expansion will create 40 jobs. Its \"community fund promises \
     little. It is a bribe, plain and simple.",
    "The board's chair agreed to answer a few questions after the vote.",
    "Q: Why approve it now?",
    "A: The application met every legal test. We cannot refuse a plan because it is unpopular.",
    "Work is expected to begin in the spring.",
];

#[test]
fn an_article_one_paragraph_per_line_reads_as_with_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines = QUARRY.join("\n") + "\n";
    let blank = QUARRY.join("\n\n") + "\n";
    let path = write(dir.path(), "lines.txt", &lines);
    let rows = jsonl(&factop(&["sentences", &path, "-f", "jsonl"], None).ok());
    // The middle paragraph of the quotation continues it; so do the answer's sentences. The
    // sentences after the stray mark do not.
    assert_eq!(
        texts_where(&rows, "continues_quote"),
        [
            "The board has chosen a company's profits over our children's health.",
            "Every member who voted for it should be ashamed.",
            "They did not even read the hydrology report.",
            "A: The application met every legal test.",
            "We cannot refuse a plan because it is unpopular.",
        ]
    );
    let after_stray = ["The board's chair agreed to answer a few questions after the vote."];
    for r in &rows {
        if after_stray.contains(&r["text"].as_str().unwrap()) {
            assert_eq!(r["in_quote"], false, "{r}");
        }
    }
    // The flags, and the labels, are those of the article with blank lines.
    let flags = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["text"], r["in_quote"], r["attributed"], r["continues_quote"]
                )
            })
            .collect()
    };
    let blank_path = write(dir.path(), "blank.txt", &blank);
    let blank_rows = jsonl(&factop(&["sentences", &blank_path, "-f", "jsonl"], None).ok());
    assert_eq!(flags(&rows), flags(&blank_rows));
    let labels = |rows: &[Value]| -> Vec<(String, String)> {
        rows.iter()
            .map(|r| (r["text"].to_string(), r["label"].to_string()))
            .collect()
    };
    let want = jsonl(&factop(&["classify", &blank_path, "-f", "jsonl"], None).ok());
    // A JSONL row whose text has "\n" between the paragraphs.
    let input = serde_json::json!({"id": "quarry", "text": lines}).to_string() + "\n";
    let got = jsonl(
        &factop(
            &["classify", "--input-format", "jsonl", "--format", "jsonl"],
            Some(input.as_bytes()),
        )
        .ok(),
    );
    assert_eq!(labels(&got), labels(&want));
    // The carried sentences are read as the speakers' words.
    for r in &got {
        if r["text"] == "Every member who voted for it should be ashamed." {
            assert_eq!(r["label"], "fact", "{r}");
        }
    }
}
