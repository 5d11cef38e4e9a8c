//! `factop sentences`: the cue rules 16 flags in its output, and scraped article text (HTML
//! entities for quotation marks and the ellipsis, soft hyphens, emoji after a sentence) split
//! with offsets that slice the input back to each sentence.

use crate::harness::factop;
use serde_json::Value;

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The rows of `cmd -f jsonl` on `text`, each row's `text` checked against the input bytes
/// its `start..end` name.
fn rows(cmd: &str, text: &str) -> Vec<Value> {
    let rows = jsonl(&factop(&[cmd, "-f", "jsonl"], Some(text.as_bytes())).ok());
    for row in &rows {
        let (s, e) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(row["text"], &text[s..e], "{cmd}: {row}");
    }
    rows
}

fn texts(rows: &[Value]) -> Vec<&str> {
    rows.iter().map(|r| r["text"].as_str().unwrap()).collect()
}

fn flag(rows: &[Value], name: &str) -> Vec<bool> {
    rows.iter()
        .map(|r| {
            r[name]
                .as_bool()
                .unwrap_or_else(|| panic!("no {name} in {r}"))
        })
        .collect()
}

/// Invented: a column that heads its paragraphs with names, then an explainer's one-line
/// question subheads.
const SIXTEEN: &str = "This column picks the week's winners and losers.\n\n\
    Ada Quist: The councillor for Fenmoor asked about the consultants for a year.\n\n\
    Bryn Tallis: The deputy leader called the backlog stable.\n\n\
    What is a king tide?\n\nIt is the highest tide of the year.\n\n\
    Will it flood?\n\nThat depends on the wind.\n";

#[test]
fn sentences_shows_the_column_head_and_subhead_flags() {
    let rows = rows("sentences", SIXTEEN);
    assert_eq!(rows.len(), 7);
    assert_eq!(
        flag(&rows, "column_head"),
        [false, true, true, false, false, false, false]
    );
    assert_eq!(
        flag(&rows, "subhead_16"),
        [false, false, false, false, false, true, false]
    );
    // The schema grows at its end: the fields before stay as they were, in order.
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "doc",
            "index",
            "start",
            "end",
            "text",
            "in_quote",
            "attributed",
            "continues_quote",
            "continues_report",
            "q_and_a",
            "speaker_turn",
            "speaker_turn_14",
            "rhetorical",
            "column_head",
            "subhead_16",
            "q_label_17",
            "q_turn_18",
        ]
    );
}

/// Invented: an advice column's reader letter headed `Q` without a colon (cue rules 17), then a
/// press conference's `Q:` turn with a short question (cue rules 18).
const LETTER_AND_TURN: &str = "Our vet answers your questions.\n\n    Q My dog barks at the postman every morning. What can I do?\n\n    Keep a treat by the door and reward him when he is quiet.\n\n    The manager met the press on Friday.\n\n    Q: The fans booed on Tuesday. Do you understand why?\n\n    Ivo Lind: Of course. We were poor.\n";

#[test]
fn sentences_shows_the_q_letter_and_q_turn_flags() {
    let rows = rows("sentences", LETTER_AND_TURN);
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    let letter = |t: &str| t.starts_with("Q My dog") || t.starts_with("What can I do");
    let turn = |t: &str| t == "Do you understand why?";
    assert_eq!(
        flag(&rows, "q_label_17"),
        texts.iter().map(|t| letter(t)).collect::<Vec<_>>(),
        "{texts:?}"
    );
    assert_eq!(
        flag(&rows, "q_turn_18"),
        texts.iter().map(|t| turn(t)).collect::<Vec<_>>(),
        "{texts:?}"
    );
}

#[test]
fn quotation_marks_written_as_entities_quote_in_sentences_and_classify() {
    let text = "&ldquo;We tried everything. Nothing worked,&rdquo; the coach said.\n\n\
        &quot;It is a disgrace,&quot; the minister said.\n\n\
        The &quot;reform&quot; is a sham. The council didn&rsquo;t vote.\n";
    let want = [
        "&ldquo;We tried everything.",
        "Nothing worked,&rdquo; the coach said.",
        "&quot;It is a disgrace,&quot; the minister said.",
        "The &quot;reform&quot; is a sham.",
        "The council didn&rsquo;t vote.",
    ];
    let got = rows("sentences", text);
    assert_eq!(texts(&got), want);
    assert_eq!(flag(&got, "in_quote"), [true, true, true, false, false]);
    assert_eq!(flag(&got, "attributed"), [true, true, true, false, false]);
    assert_eq!(
        flag(&got, "continues_quote"),
        [false, true, false, false, false]
    );
    assert_eq!(texts(&rows("classify", text)), want);
    // The quoted words are the speaker's: scored as the literal marks are.
    let literal = text
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&quot;", "\"")
        .replace("&rsquo;", "’");
    assert_eq!(p_opinions(text), p_opinions(&literal));
}

/// `classify`'s P(opinion) of every sentence of `text`.
fn p_opinions(text: &str) -> Vec<f64> {
    (rows("classify", text).iter())
        .map(|r| r["p_opinion"].as_f64().unwrap())
        .collect()
}

#[test]
fn single_guillemet_and_low_mark_entities_quote_as_their_characters() {
    // `&lsaquo;` `&rsaquo;` `&sbquo;` and their numbers were text before session 19: the
    // quoted words were the writer's. They now read as `‹ › ‚`, in sentences and classify.
    let text = "&lsaquo;We tried everything. Nothing worked,&rsaquo; the coach said.\n\n\
        &sbquo;It is a disgrace,&lsquo; the minister said.\n\n\
        &#8249;The plan is a scandal.&#8250; The vote is on Monday.\n";
    let literal = text
        .replace("&lsaquo;", "‹")
        .replace("&rsaquo;", "›")
        .replace("&#8249;", "‹")
        .replace("&#8250;", "›")
        .replace("&sbquo;", "‚")
        .replace("&lsquo;", "‘");
    let got = rows("sentences", text);
    assert_eq!(
        texts(&got),
        [
            "&lsaquo;We tried everything.",
            "Nothing worked,&rsaquo; the coach said.",
            "&sbquo;It is a disgrace,&lsquo; the minister said.",
            "&#8249;The plan is a scandal.&#8250;",
            "The vote is on Monday.",
        ]
    );
    assert_eq!(flag(&got, "in_quote"), [true, true, true, true, false]);
    assert_eq!(flag(&got, "attributed"), [true, true, true, false, false]);
    let lit = rows("sentences", &literal);
    for name in ["in_quote", "attributed", "continues_quote"] {
        assert_eq!(flag(&got, name), flag(&lit, name), "{name}");
    }
    assert_eq!(p_opinions(text), p_opinions(&literal));
}

#[test]
fn a_speaker_label_with_an_entity_in_its_name_is_a_speakers() {
    // `Ren&eacute;e Dupont:` was no label before session 19 (the literal `Renée Dupont:` was):
    // the label is read decoded, in sentences and in classify's features, and its name is
    // the name a later `DUPONT:` recurs (a transcript's turns, not a column's headings).
    let text = "The depot hearing ran late.\n\n\
        Ren&eacute;e Dupont: We will not close the depot. It stays open.\n\n\
        Zo&#235; Hart: Why should anyone believe that?\n\n\
        Dupont: Because the budget is signed.\n";
    let literal = text.replace("&eacute;", "é").replace("&#235;", "ë");
    let got = rows("sentences", text);
    let lit = rows("sentences", &literal);
    assert_eq!(texts(&got).len(), texts(&lit).len());
    assert_eq!(
        flag(&got, "speaker_turn"),
        [false, true, true, true, true],
        "{got:?}"
    );
    for name in ["speaker_turn", "speaker_turn_14", "column_head", "in_quote"] {
        assert_eq!(flag(&got, name), flag(&lit, name), "{name}");
    }
    assert_eq!(p_opinions(text), p_opinions(&literal));
    // A sentence read alone (classify of one line) reads the label too.
    let one = "Ren&eacute;e Dupont: The depot is essential.";
    let one_lit = "Renée Dupont: The depot is essential.";
    assert_eq!(p_opinions(one), p_opinions(one_lit));
}

#[test]
fn an_ellipsis_entity_ends_a_sentence() {
    let text = "She paused&hellip; Then she left. He waited&#8230; Nobody came.";
    assert_eq!(
        texts(&rows("sentences", text)),
        [
            "She paused&hellip;",
            "Then she left.",
            "He waited&#8230;",
            "Nobody came."
        ]
    );
}

#[test]
fn a_soft_hyphen_stays_inside_its_word() {
    // The sentence keeps the soft hyphen (offsets index the text as given); the model reads
    // the word whole, as it reads it without one.
    for shy in ["\u{ad}", "&shy;"] {
        let text = format!("The infor{shy}mation was wrong. It was corrected.");
        let got = rows("classify", &text);
        assert_eq!(
            texts(&got),
            [
                format!("The infor{shy}mation was wrong.").as_str(),
                "It was corrected."
            ]
        );
        let plain = rows("classify", "The information was wrong. It was corrected.");
        assert_eq!(got[0]["p_opinion"], plain[0]["p_opinion"], "{shy:?}");
    }
}

#[test]
fn emoji_after_a_sentence_stay_with_it() {
    let text = "We won! 🎉 The council met on Friday.👍🏽\n\nIt ended.\n🔥 Officials responded.";
    for cmd in ["sentences", "classify"] {
        assert_eq!(
            texts(&rows(cmd, text)),
            [
                "We won! 🎉",
                "The council met on Friday.👍🏽",
                "It ended.",
                "🔥 Officials responded."
            ],
            "{cmd}"
        );
    }
}

#[test]
fn a_dateline_alone_on_its_line_stays_a_line_of_its_own() {
    // Left as it was (the golden suite fixes it): a dateline on a line of its own is its own
    // sentence, one on the first sentence's line is part of it.
    let text = "LONDON, Dec 1 (Reuters) -\nPrices rose in May.\n\nWASHINGTON — The Senate met.";
    assert_eq!(
        texts(&rows("sentences", text)),
        [
            "LONDON, Dec 1 (Reuters) -",
            "Prices rose in May.",
            "WASHINGTON — The Senate met."
        ]
    );
}

/// `classify -f jsonl` rows of `text` read from a file (cut into blocks when a paragraph is
/// long) and read whole from one JSONL line, both written in `dir`.
fn classify_file_and_jsonl_line(dir: &std::path::Path, text: &str) -> (Vec<Value>, Vec<Value>) {
    let path = crate::harness::write(dir, "long.txt", text);
    let line = serde_json::json!({"id": 1, "text": text}).to_string();
    let jsonl_path = crate::harness::write(dir, "long.jsonl", line + "\n");
    let cut = jsonl(&factop(&["classify", &path, "-f", "jsonl"], None).ok());
    let args = [
        "classify",
        "--input-format",
        "jsonl",
        &jsonl_path,
        "-f",
        "jsonl",
    ];
    let whole = jsonl(&factop(&args, None).ok());
    (cut, whole)
}

/// One paragraph over 256 KiB (the file and standard-input path reads in blocks of 256 KiB,
/// cut where a sentence starts when no paragraph break is in view), opening with `label` and
/// made of invented sentences with short questions among them.
fn long_labelled_paragraph(label: &str) -> String {
    let mut p = String::from(label);
    let mut k = 0;
    while p.len() < 300 << 10 {
        p.push_str(&format!(" Route {k} lost its bus in May. Why did it go?"));
        k += 1;
    }
    p.push('\n');
    p
}

#[test]
fn a_labelled_paragraph_longer_than_a_block_keeps_its_flags_after_the_cut() {
    // Every sentence of a speaker's paragraph is the speaker's, and every short question of a
    // question label's paragraph a transcript's question, after each cut too (before session
    // 18 the flags stopped at the first cut); classify scores the sentences read from the file
    // as it scores them read whole from a JSONL line.
    let dir = tempfile::tempdir().unwrap();
    for (label, flags) in [
        ("Sato:", &["speaker_turn", "speaker_turn_14"][..]),
        ("Q: The depot closed.", &["q_turn_18"][..]),
    ] {
        let text = long_labelled_paragraph(label);
        let rows = rows("sentences", &text);
        assert!(rows.len() > 10_000, "{}", rows.len());
        for name in flags {
            let want: Vec<bool> = if *name == "q_turn_18" {
                texts(&rows).iter().map(|t| t.starts_with("Why")).collect()
            } else {
                vec![true; rows.len()]
            };
            assert!(flag(&rows, name) == want, "{label} {name}");
        }
        let (cut, whole) = classify_file_and_jsonl_line(dir.path(), &text);
        assert_eq!(cut.len(), whole.len());
        for (c, w) in cut.iter().zip(&whole) {
            assert_eq!(
                (&c["start"], &c["p_opinion"], &c["label"]),
                (&w["start"], &w["p_opinion"], &w["label"]),
                "{label}"
            );
        }
    }
}

/// One paragraph over 256 KiB: an interview transcript's `Q:` / `A:` turns, invented, with
/// quotations over several sentences (short ones; ones of several kilobytes attributed where
/// they open; a speaker's quotation after another) for the file reader's cuts to fall inside.
fn long_quoting_paragraph() -> String {
    let mut p = String::from("Q: Why did the depot close?");
    let mut k = 0;
    while p.len() < 300 << 10 {
        p.push_str(&format!(
            " A: \"Route {k} lost its bus. Then we lost the staff. It was cold,\" the manager \
             said. \"We waited.\" Q: What did the driver tell you? A: She told us: \u{201c}"
        ));
        for d in 0..(5 + (k * 7) % 90) {
            p.push_str(&format!("The night bus ran late on day {d}. "));
        }
        p.push_str("Nobody came.\u{201d} It was, she said, a budget for the few.");
        k += 1;
    }
    p.push('\n');
    p
}

#[test]
fn a_quotation_open_at_the_cut_of_a_long_paragraph_reads_as_the_whole_paragraph() {
    // Before session 19 a quotation open where the file reader cut a paragraph longer than a
    // block was closed there: the sentences after the cut were the writer's words. Classify
    // from the file now scores every sentence as it scores the same text read whole from a
    // JSONL line.
    let dir = tempfile::tempdir().unwrap();
    let text = long_quoting_paragraph();
    let (cut, whole) = classify_file_and_jsonl_line(dir.path(), &text);
    assert!(cut.len() > 5_000, "{}", cut.len());
    assert_eq!(cut.len(), whole.len());
    let differ: Vec<_> = (cut.iter().zip(&whole))
        .filter(|(c, w)| (&c["start"], &c["p_opinion"]) != (&w["start"], &w["p_opinion"]))
        .map(|(c, _)| c["text"].clone())
        .collect();
    assert!(
        differ.is_empty(),
        "{} differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(5)]
    );
    // The quoted sentences after a cut are quoted in the file's reading too.
    let rows = rows("sentences", &text);
    let quoted = |t: &str| t.starts_with("The night bus ran late on day 2");
    assert!(texts(&rows)
        .iter()
        .zip(flag(&rows, "in_quote"))
        .all(|(t, q)| !quoted(t) || q));
}
