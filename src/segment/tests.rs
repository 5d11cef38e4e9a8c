use super::*;
use super::{lexicon, lines, scan};
use proptest::prelude::*;

mod golden {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/segment/format.rs"
    ));
}

fn texts(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| s.text(text)).collect()
}

fn flags(text: &str) -> Vec<(&str, bool, bool)> {
    split(text)
        .iter()
        .map(|s| (s.text(text), s.in_quote, s.attributed))
        .collect()
}

/// The invariants every output must satisfy, whatever the input.
fn check_invariants(text: &str) -> Result<(), String> {
    let sents = split(text);
    let mut prev_end = 0;
    for (k, s) in sents.iter().enumerate() {
        if s.index != k {
            return Err(format!("index {} at position {k}", s.index));
        }
        if s.start < prev_end || s.start >= s.end || s.end > text.len() {
            return Err(format!("bad range {}..{} after {prev_end}", s.start, s.end));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("not on char boundaries: {}..{}", s.start, s.end));
        }
        let t = s.text(text);
        if t.trim() != t || t.is_empty() {
            return Err(format!("not trimmed: {t:?}"));
        }
        if t != &text[s.start..s.end] {
            return Err("text() differs from slicing".into());
        }
        if k == 0 && s.continues_quote {
            return Err("the first sentence continues a quotation".into());
        }
        if s.len() > MAX_SENTENCE_BYTES {
            return Err(format!("sentence of {} bytes", s.len()));
        }
        // Nothing but white space between sentences: no text is dropped.
        if !is_blank(&text[prev_end..s.start]) {
            return Err(format!("dropped {:?}", &text[prev_end..s.start]));
        }
        prev_end = s.end;
    }
    if !is_blank(&text[prev_end..]) {
        return Err(format!("dropped tail {:?}", &text[prev_end..]));
    }
    Ok(())
}

#[test]
fn empty_and_blank_inputs() {
    assert!(split("").is_empty());
    assert!(split(" \n\t\n  ").is_empty());
    assert_eq!(texts("  Hello  "), ["Hello"]);
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "  First one.  Second one!\n\nThird?  ";
    let s = split(text);
    assert_eq!(s.len(), 3);
    assert_eq!((s[0].start, s[0].end), (2, 12));
    assert_eq!(s[1].text(text), "Second one!");
    assert_eq!(s[2].text(text), "Third?");
    assert_eq!(s[2].index, 2);
}

#[test]
fn abbreviations() {
    assert_eq!(
        texts("Dr. Smith met Sen. Jones at 9 a.m. on Monday. They spoke."),
        [
            "Dr. Smith met Sen. Jones at 9 a.m. on Monday.",
            "They spoke."
        ]
    );
    assert_eq!(
        texts("She moved to the U.S. She said it was home."),
        ["She moved to the U.S.", "She said it was home."]
    );
    assert_eq!(texts("The U.S. Senate voted."), ["The U.S. Senate voted."]);
    assert_eq!(
        texts("He said no. Opposition leaders left."),
        ["He said no.", "Opposition leaders left."]
    );
    assert_eq!(
        texts("It ranked No. 5 in Europe."),
        ["It ranked No. 5 in Europe."]
    );
    assert_eq!(texts("John F. Kennedy spoke."), ["John F. Kennedy spoke."]);
}

#[test]
fn numbers_and_urls_do_not_split() {
    assert_eq!(
        texts("Sales rose 3.5% to $1.2 billion at example.com today. Next."),
        [
            "Sales rose 3.5% to $1.2 billion at example.com today.",
            "Next."
        ]
    );
}

#[test]
fn quotes_and_attribution() {
    assert_eq!(
        flags("\"This is a disgrace,\" the minister said."),
        [("\"This is a disgrace,\" the minister said.", true, true)]
    );
    assert_eq!(
        texts("\"Why now?\" Senator Jane Roe asked. Nobody answered."),
        ["\"Why now?\" Senator Jane Roe asked.", "Nobody answered."]
    );
    assert_eq!(
        flags("He said: “We will win. They cannot stop us.” Then he left."),
        [
            ("He said: “We will win.", true, true),
            ("They cannot stop us.”", true, true),
            ("Then he left.", false, false),
        ]
    );
    assert_eq!(
        flags("The \"reform\" is a sham."),
        [("The \"reform\" is a sham.", false, false)]
    );
    assert_eq!(
        flags("That said, the plan is bad."),
        [("That said, the plan is bad.", false, false)]
    );
    assert_eq!(
        flags("The plan will fail, according to analysts."),
        [("The plan will fail, according to analysts.", false, true)]
    );
}

/// Each sentence's text and whether it continues a quotation opened before it.
fn continues(text: &str) -> Vec<(&str, bool)> {
    split(text)
        .iter()
        .map(|s| (s.text(text), s.continues_quote))
        .collect()
}

/// No sentence of `text` continues a quotation.
fn uncarried(text: &str) -> bool {
    continues(text).iter().all(|c| !c.1)
}

#[test]
fn sentences_inside_a_quotation_continue_it() {
    // Attribution at the end, straight marks: the second and third sentences begin quoted.
    assert_eq!(
        continues("\"It is a disgrace. We were lied to. We will fight,\" said Ana Ruiz. She left."),
        [
            ("\"It is a disgrace.", false),
            ("We were lied to.", true),
            ("We will fight,\" said Ana Ruiz.", true),
            ("She left.", false),
        ]
    );
    // Attribution first, curly marks.
    assert_eq!(
        continues("The mayor said: “We will win. They cannot stop us.” Then he left."),
        [
            ("The mayor said: “We will win.", false),
            ("They cannot stop us.”", true),
            ("Then he left.", false),
        ]
    );
    // A quotation ends with its paragraph: the next paragraph starts afresh, even when the
    // quotation was left open (news convention for a quote running over paragraphs).
    assert_eq!(
        continues("She said: \"We will win. Nobody stops us.\n\n\"Not the courts,\" she added."),
        [
            ("She said: \"We will win.", false),
            ("Nobody stops us.", true),
            ("\"Not the courts,\" she added.", false),
        ]
    );
    // A mark that never closes and names nobody may be a stray: the rest of the paragraph
    // stays the author's.
    assert_eq!(
        continues("\"We will win. Nobody stops us. The plan is a disgrace."),
        [
            ("\"We will win.", false),
            ("Nobody stops us.", false),
            ("The plan is a disgrace.", false),
        ]
    );
    // Closed without attribution: still the quotation's words.
    assert_eq!(
        continues("\"We will win. Nobody stops us.\" The plan is a disgrace."),
        [
            ("\"We will win.", false),
            ("Nobody stops us.\"", true),
            ("The plan is a disgrace.", false),
        ]
    );
    // Short quotations inside one sentence carry nothing.
    assert_eq!(
        continues("The \"reform\" is a sham. It will fail."),
        [
            ("The \"reform\" is a sham.", false),
            ("It will fail.", false)
        ]
    );
}

#[test]
fn a_quotation_reopened_by_the_next_paragraph_runs_on() {
    // Three paragraphs of one quotation, attributed only in the last: the first two end
    // without a closing mark and the next opens with one, so their later sentences continue it.
    assert_eq!(
        continues(
            "\"We will fight. We will win.\n\n\"Nobody stops us. Not the courts. Not the \
             council.\n\n\"We are ready. All of us,\" she said."
        ),
        [
            ("\"We will fight.", false),
            ("We will win.", true),
            ("\"Nobody stops us.", false),
            ("Not the courts.", true),
            ("Not the council.", true),
            ("\"We are ready.", false),
            ("All of us,\" she said.", true),
        ]
    );
    // Curly double and curly single marks, each reopened by its own kind.
    for (open, close) in [("“", "”"), ("‘", "’")] {
        let text =
            format!("{open}It is cruel. It is wrong.\n\n{open}It must end. Soon,{close} he said.");
        assert_eq!(
            continues(&text).iter().map(|c| c.1).collect::<Vec<_>>(),
            [false, true, false, true],
            "{text}"
        );
    }
    // The paragraph the quotation runs on from may be long and wrapped; white space of any
    // kind (CRLF, blank lines with spaces) may separate it from the next one.
    assert_eq!(
        continues("\"We will fight.\r\nWe will win.\r\n \r\n\r\n\"Never,\" she said."),
        [
            ("\"We will fight.", false),
            ("We will win.", true),
            ("\"Never,\" she said.", false),
        ]
    );
}

#[test]
fn a_quotation_left_open_without_a_reopening_mark_stays_a_stray() {
    // The next paragraph does not open with a mark.
    assert!(uncarried(
        "\"We will win. The plan is a disgrace.\n\nThe council met on Monday."
    ));
    // A mark inside the next paragraph's first sentence is not its start.
    assert!(uncarried(
        "\"We will win. The plan is a disgrace.\n\nThe \"reform\" passed. It rained."
    ));
    // A mark of another kind: straight after curly, curly double after curly single, curly
    // after straight.
    assert!(uncarried(
        "“We will win. The plan is a disgrace.\n\n\"Never,\" she said."
    ));
    assert!(uncarried(
        "‘We will win. The plan is a disgrace.\n\n“Never,” she said."
    ));
    assert!(uncarried(
        "\"We will win. The plan is a disgrace.\n\n“Never,” she said."
    ));
    // A straight mark followed by white space opens nothing; nor does an elision or a
    // year with a curly single mark.
    assert!(uncarried(
        "\"We will win. The plan is a disgrace.\n\n\" is a stray mark. It rained."
    ));
    assert!(uncarried(
        "‘We will win. The plan is a disgrace.\n\n‘tis the season, they say. It rained."
    ));
    assert!(uncarried(
        "‘We will win. The plan is a disgrace.\n\n‘90s music played. It rained."
    ));
    // The last paragraph of the document: nothing follows, nothing reopens.
    assert!(uncarried(
        "The council met.\n\n\"We will win. The plan is a disgrace.\n\n"
    ));
    // Split as a piece of a longer document, the next piece decides.
    let piece = "\"We will win. The plan is a disgrace.\n\n";
    let flags = |next| -> Vec<bool> {
        split_piece(piece, next, &mut Carry::default())
            .iter()
            .map(|s| s.continues_quote)
            .collect()
    };
    assert_eq!(flags("\"Never,\" she said."), [false, true]);
    assert_eq!(flags("  \n\"Never,\" she said."), [false, true]);
    assert_eq!(flags("Never, she said."), [false, false]);
    assert_eq!(flags(""), [false, false]);
    // The kind of the quotation left open counts: the curly double one closed, a single
    // one is left open, and the next paragraph reopens a double one (then a single one).
    assert!(uncarried(
        "The “fair” deal, the ‘reform. It was a sham.\n\n“Never,” she said."
    ));
    assert_eq!(
        continues("The “fair” deal, the ‘reform. It was a sham.\n\n‘Never,’ she said.")[1],
        ("It was a sham.", true)
    );
}

#[test]
fn a_nested_quotation_open_at_the_end_runs_on_with_its_outer_one() {
    // The outer straight quotation is open at the paragraph's end, with a single one
    // nested in it, also open; the next paragraph reopens the outer kind.
    assert_eq!(
        continues(
            "\"She told me: 'We will win. Nobody stops us.\n\n\"And then she left,\" he said."
        ),
        [
            ("\"She told me: 'We will win.", false),
            ("Nobody stops us.", true),
            ("\"And then she left,\" he said.", false),
        ]
    );
    // A nested quotation that closes inside its paragraph changes nothing.
    assert_eq!(
        continues("“She said ‘no’ twice. Then she left.\n\n“It was over,” he said. It rained."),
        [
            ("“She said ‘no’ twice.", false),
            ("Then she left.", true),
            ("“It was over,” he said.", false),
            ("It rained.", false),
        ]
    );
}

#[test]
fn answers_of_an_interview_are_the_interviewees() {
    // After a question label, every sentence of a paragraph that opens with an answer label
    // continues a quotation, its first too; questions and narration are left as they are.
    let text = "Ana Ruiz has run the shelter for a decade.\n\n\
        Q: Why do you stay? The pay is poor.\n\n\
        A: Because the work matters. The council is wrong about us. It always was.\n\n\
        She laughs at the question.\n\n\
        Question: What comes next?\n\n\
        Answer: A fight. We will win it.";
    assert_eq!(
        continues(text),
        [
            ("Ana Ruiz has run the shelter for a decade.", false),
            ("Q: Why do you stay?", false),
            ("The pay is poor.", false),
            ("A: Because the work matters.", true),
            ("The council is wrong about us.", true),
            ("It always was.", true),
            ("She laughs at the question.", false),
            ("Question: What comes next?", false),
            ("Answer: A fight.", true),
            ("We will win it.", true),
        ]
    );
    // Quotation marks inside an answer change nothing: all of it is the interviewee's.
    assert!(continues(
        "Q: And then?\n\nA: He told me \"never again.\" Then he left. \"Go,\" I said."
    )
    .iter()
    .skip(1)
    .all(|c| c.1));
    // Split piece by piece, the question label in an earlier piece counts.
    let mut carry = Carry::default();
    split_piece("Q: Why?\n\n", "A: Because.", &mut carry);
    let later = split_piece("A: Because. It is home.", "", &mut carry);
    assert!(later.iter().all(|s| s.continues_quote));
    let fresh = split_piece("A: Because. It is home.", "", &mut Carry::default());
    assert!(fresh.iter().all(|s| !s.continues_quote));
}

#[test]
fn answer_labels_without_an_earlier_question_or_out_of_place_are_text() {
    // No question label in the document.
    assert!(uncarried(
        "The vote was close.\n\nA: The council is wrong. It always was."
    ));
    // The question comes after the answer (no look-ahead).
    assert!(uncarried(
        "A: The council is wrong. It always was.\n\nQ: Why do you say so?"
    ));
    // Labels are case-sensitive, need white space after them and open their paragraph.
    for text in [
        "q: Why?\n\nA: The council is wrong. It always was.",
        "Q:Why?\n\nA: The council is wrong. It always was.",
        "Q: Why?\n\na: The council is wrong. It always was.",
        "Q: Why?\n\nA:The council is wrong. It always was.",
        "Q: Why?\n\nANSWER: The council is wrong. It always was.",
        "Q: Why?\n\nThe reply was short. A: The council is wrong. It always was.",
        "The plan has two parts, Q: and A: as the memo says.\n\nA: The council is wrong. \
         It always was.",
    ] {
        assert!(uncarried(text), "{text}");
    }
    // A question label later in a paragraph is no question paragraph either.
    assert!(uncarried(
        "He asked, Q: why?\n\nA: The council is wrong. It always was."
    ));
    // White space before a label, and a byte-order mark before the first, are allowed.
    let flags: Vec<bool> = continues("\u{feff}Q: Why?\n\n  A: Because. It is home.")
        .iter()
        .map(|c| c.1)
        .collect();
    assert_eq!(flags, [false, true, true]);
}

#[test]
fn apostrophes_are_not_quotes() {
    assert_eq!(
        flags("Don't worry, O'Brien's team isn't done."),
        [("Don't worry, O'Brien's team isn't done.", false, false)]
    );
}

#[test]
fn hard_wrapped_lines_join_but_headlines_split() {
    let wrapped = "The council voted on Tuesday to approve a new budget that\nraises spending on schools and roads by a modest amount.";
    assert_eq!(texts(wrapped), [wrapped]);
    assert_eq!(
        texts(
            "Storm hits coast\nBy Jane Roe\nThe storm arrived at dawn and flooded the lower town."
        ),
        [
            "Storm hits coast",
            "By Jane Roe",
            "The storm arrived at dawn and flooded the lower town."
        ]
    );
}

/// Each sentence's text and flags (`in_quote`, `attributed`, `continues_quote`).
fn all_flags(sentences: &[Sentence], text: &str) -> Vec<(String, bool, bool, bool)> {
    sentences
        .iter()
        .map(|s| {
            let t = s.text(text).to_string();
            (t, s.in_quote, s.attributed, s.continues_quote)
        })
        .collect()
}

/// `text` with a blank line in place of every line break.
fn with_blank_lines(text: &str) -> String {
    text.replace('\n', "\n\n")
}

/// The sentences of `text` with paragraphs laid out one per line read as one paragraph (as
/// before that layout was recognised).
fn split_as_one_paragraph(text: &str) -> Vec<Sentence> {
    scan::Scanner::new(text, "", Carry::default())
        .without_line_paragraphs()
        .run()
        .0
}

/// An article laid out one paragraph per line: a headline, a byline, a quotation over three
/// paragraphs (reopened by each, attributed in the last), a stray mark left open, an interview.
const LINE_PER_PARAGRAPH: &str = "Ferry service to end in March
By Tomas Lind
The island ferry will make its last crossing on March 31, the operator said on Monday.
\"This boat is how we get to school, to work and to the doctor. Without it we are stranded.
\"Nobody asked us. Nobody came here to explain it.
\"We will take this to court if we must,\" said Ines Varga, who chairs the island council.
The operator's statement called the route \"unviable. It gave no figures.
Q: Will the service come back?
A: Not on our budget. The subsidy ended last year.
The council meets on Thursday.
";

#[test]
fn one_paragraph_per_line_reads_line_breaks_as_paragraph_breaks() {
    let text = LINE_PER_PARAGRAPH;
    let got = all_flags(&split(text), text);
    // The same flags as with a blank line between the paragraphs.
    let blank = with_blank_lines(text);
    assert_eq!(got, all_flags(&split(&blank), &blank));
    // The quotation runs on through the paragraphs that reopen it; the stray mark does not
    // turn the next paragraph into quoted speech; the answer is the interviewee's.
    let carried: Vec<&str> = got.iter().filter(|s| s.3).map(|s| s.0.as_str()).collect();
    assert_eq!(
        carried,
        [
            "Without it we are stranded.",
            "Nobody came here to explain it.",
            "A: Not on our budget.",
            "The subsidy ended last year.",
        ]
    );
    let quoted: Vec<&str> = got.iter().filter(|s| s.1).map(|s| s.0.as_str()).collect();
    assert!(quoted.contains(&"\"We will take this to court if we must,\" said Ines Varga, who chairs the island council."));
    assert!(!quoted.contains(&"Q: Will the service come back?"));
    // Read as one paragraph, the line that reopens the quotation closed it, and the stray
    // quoted the question after it.
    let before = all_flags(&split_as_one_paragraph(text), text);
    assert_ne!(got, before);
    assert!(before
        .iter()
        .any(|s| s.0 == "Q: Will the service come back?" && s.1));
    // Sentence boundaries are those of the paragraph read as one: only the flags change.
    let bounds = |v: &[Sentence]| v.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
    assert_eq!(bounds(&split(text)), bounds(&split_as_one_paragraph(text)));
    // CRLF line ends, and white space around the lines, read the same.
    let crlf = text.replace('\n', " \r\n");
    assert_eq!(all_flags(&split(&crlf), &crlf), got);
}

#[test]
fn a_line_break_the_sentence_runs_over_is_no_paragraph_break() {
    // One paragraph per line, but one line ends with an abbreviation the next line's words
    // continue, and one ends a quotation its attribution follows on the next line: the
    // sentence goes on, and so does the quotation.
    let text = "The plan was approved on Monday. It costs $4 million.\n\
        The report was written by Dr.\n\
        Ana Ruiz, who told the board: \"It is late. It is over budget.\n\
        \"Why?\"\n\
        Ruiz asked. Nobody answered.\n\
        The vote is on Friday.";
    assert_eq!(
        texts(text),
        [
            "The plan was approved on Monday.",
            "It costs $4 million.",
            "The report was written by Dr.\nAna Ruiz, who told the board: \"It is late.",
            "It is over budget.",
            "\"Why?\"\nRuiz asked.",
            "Nobody answered.",
            "The vote is on Friday."
        ]
    );
    let bounds = |v: &[Sentence]| v.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
    assert_eq!(bounds(&split(text)), bounds(&split_as_one_paragraph(text)));
    // The line that ends a sentence inside the quotation is a paragraph break, and the next
    // one reopens the quotation.
    assert_eq!(continues(text)[3], ("It is over budget.", true));
}

#[test]
fn hard_wrapped_prose_keeps_its_quotations() {
    // Wrapped at 70 characters: most lines end mid-sentence, so a line that happens to end a
    // sentence inside the quotation does not end the paragraph, and the quotation carries.
    let text = "The mayor spoke for an hour on Monday and took questions from the\n\
        floor. She told the meeting: \"We have waited long enough for this.\n\
        The money is there and the plans are ready. We start in the spring,\n\
        and nobody will stop us now,\" before she left for the airport.\n\
        Her critics were not impressed.";
    assert_eq!(
        continues(text),
        [
            (
                "The mayor spoke for an hour on Monday and took questions from the\nfloor.",
                false
            ),
            (
                "She told the meeting: \"We have waited long enough for this.",
                false
            ),
            ("The money is there and the plans are ready.", true),
            (
                "We start in the spring,\nand nobody will stop us now,\" before she left for the airport.",
                true
            ),
            ("Her critics were not impressed.", false),
        ]
    );
    assert_eq!(split(text), split_as_one_paragraph(text));
    // Two wrapped lines, the first ending a sentence: too little to tell, read as wrapped.
    let two = "She told us: \"We have waited long enough for this, and for too long.\n\
        We start in the spring,\" before she left.";
    assert_eq!(
        continues(two)[1],
        ("We start in the spring,\" before she left.", true)
    );
    assert_eq!(split(two), split_as_one_paragraph(two));
}

#[test]
fn one_sentence_per_line_keeps_its_quotations() {
    // A sentence splitter's output: no line holds two sentences, so the lines are not
    // paragraphs and the quotation runs on from line to line, as before.
    let text = "The coach spoke after the match.\n\"We tried everything.\nNothing worked.\n\
        We are done,\" he said.\nThe season ends on Sunday.\nHis contract runs out in May.\n";
    assert_eq!(split(text), split_as_one_paragraph(text));
    assert_eq!(
        continues(text)[2..4],
        [("Nothing worked.", true), ("We are done,\" he said.", true)]
    );
    // One line in ten holding two sentences (abbreviations do not count) is enough.
    let mut text =
        String::from("\"We tried everything.\nNothing worked.\nWe are done,\" he said.\n");
    text.push_str(&"The vote was held on Monday.\nIt passed.\n".repeat(2));
    text.push_str("Dr. Roe left at noon.\n");
    assert_eq!(continues(&text)[1], ("Nothing worked.", true));
    text.push_str("It rained. Then it stopped.\n");
    assert_eq!(continues(&text)[1], ("Nothing worked.", false));
    let blank = with_blank_lines(&text);
    assert_eq!(
        all_flags(&split(&text), &text),
        all_flags(&split(&blank), &blank)
    );
}

#[test]
fn mixed_layouts_are_read_paragraph_by_paragraph() {
    // A hard-wrapped paragraph, then, after a blank line, paragraphs one per line.
    let wrapped = "The mayor spoke for an hour on Monday and took questions from the\n\
        floor. She told the meeting: \"We have waited long enough for this.\n\
        The money is there and the plans are ready. We start in the spring,\n\
        and nobody will stop us now,\" before she left for the airport.";
    let lines = "Her critics were not impressed.\n\
        \"It is reckless. It is unfunded.\n\
        \"And it is late,\" said Lars Berg.\n\
        A flyer called it \"a scandal and a disgrace.\n\
        The vote is on Friday. Nobody expects a surprise.";
    let text = format!("{wrapped}\n\n{lines}\n");
    let got = all_flags(&split(&text), &text);
    let separately: Vec<_> = all_flags(&split(wrapped), wrapped)
        .into_iter()
        .chain(all_flags(&split(lines), lines))
        .collect();
    assert_eq!(got, separately);
    let blank = format!("{wrapped}\n\n{}\n", with_blank_lines(lines));
    assert_eq!(got, all_flags(&split(&blank), &blank));
    assert!(got.iter().any(|s| s.0 == "It is unfunded." && s.3));
    assert!(got
        .iter()
        .any(|s| s.0 == "Nobody expects a surprise." && !s.1));
}

#[test]
fn a_mark_left_open_on_an_earlier_line_no_longer_nests_a_later_quotation() {
    // Read as one paragraph, the curly mark left open on the first line made the straight one
    // on the last a nested quotation, and `"a sham.` ended a sentence; one paragraph per line,
    // as with blank lines, it is a short quotation inside its sentence (the one change of
    // sentence boundaries the layout can make).
    let text = "“It is cruel. It is wrong.\nThe vote was held on Monday.\n\
        The plan is \"a sham. Nobody believes it.\n";
    assert_eq!(texts(text)[3], "The plan is \"a sham. Nobody believes it.");
    let old: Vec<&str> = split_as_one_paragraph(text)
        .iter()
        .map(|s| s.text(text))
        .collect();
    assert_eq!(old[3..], ["The plan is \"a sham.", "Nobody believes it."]);
    let blank = with_blank_lines(text);
    assert_eq!(
        all_flags(&split(text), text),
        all_flags(&split(&blank), &blank)
    );
}

#[test]
fn list_items() {
    assert_eq!(
        texts("The plan:\n- Cut taxes\n- Build roads\n1. First item\n2. Second item"),
        [
            "The plan:",
            "- Cut taxes",
            "- Build roads",
            "1. First item",
            "2. Second item"
        ]
    );
}

#[test]
fn long_line_without_punctuation_is_capped() {
    let text = "word ".repeat(200_000);
    let s = split(&text);
    assert!(s.len() > 400);
    assert!(s.iter().all(|x| x.len() <= MAX_SENTENCE_BYTES && x.capped));
    assert_eq!(capped_count(&s), s.len());
    check_invariants(&text).unwrap();
    // No white space at all: hard cut at char boundaries.
    let text = "é".repeat(5_000);
    check_invariants(&text).unwrap();
    assert!(split(&text).iter().all(|x| x.capped));
    // A normal text has no capped sentence.
    assert_eq!(capped_count(&split("One. Two.")), 0);
}

#[test]
fn pathological_punctuation_stays_linear() {
    for text in [
        ".".repeat(100_000),
        "\"".repeat(100_000),
        "a. ".repeat(50_000),
        "“‘«".repeat(30_000),
        "\n".repeat(100_000),
        "x\n".repeat(50_000),
    ] {
        check_invariants(&text).unwrap();
    }
}

#[test]
fn golden_suite_pass_rate() {
    let src = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/segment/cases.txt"
    ));
    let cases = golden::parse_golden(src);
    assert!(
        cases.len() >= 80,
        "golden suite has only {} cases",
        cases.len()
    );
    let mut passed = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let actual: Vec<(String, bool, bool)> = split(&case.input)
            .iter()
            .map(|s| (s.text(&case.input).to_string(), s.in_quote, s.attributed))
            .collect();
        match golden::golden_diff(case, &actual, true) {
            None => passed += 1,
            Some(d) => failures.push(format!("[{}] {}: {d}", case.category, case.name)),
        }
    }
    let rate = 100.0 * passed as f64 / cases.len() as f64;
    println!(
        "factop segmenter golden suite: {passed}/{} cases pass ({rate:.1}%)",
        cases.len()
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        rate >= 95.0,
        "pass rate {rate:.1}% < 95%:\n{}",
        failures.join("\n")
    );
}

fn newsy_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        4 => Just(' '),
        1 => Just('\n'),
        3 => prop::sample::select(vec![
            '.', '!', '?', '"', '\'', '“', '”', '‘', '’', '«', '»', '…', '(', ')', ',', '—',
            '。', '؟', '।', '\u{a0}', '\u{2003}', 'é', 'ß', 'Ж', '中', '😀', '\r', '\t', '1',
        ]),
    ]
}

/// Lines that each end a sentence (or are a byline or a list item), some leaving a quotation
/// open, some with interview labels.
fn paragraph_lines() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("The vote was held on Monday."),
        Just("\"It is a disgrace,\" she said. Critics disagree."),
        Just("Is this right?"),
        Just("Dr. Roe left at 5 p.m. Then it rained."),
        Just("“Café prices,” he wrote, “are absurd.”"),
        Just("\"We will fight. We will win."),
        Just("“It is cruel. It is wrong."),
        Just("‘Nobody listens. Nobody cares."),
        Just("The plan is \"a sham. Nobody believes it."),
        Just("Q: Why did you stay?"),
        Just("A: Because it is home. It always was."),
        Just("We must act now!"),
        Just("By Jane Roe"),
        Just("- a list item"),
    ];
    let sep = prop_oneof![Just("\n"), Just("\r\n"), Just(" \n")];
    // Two lines that end sentences and hold two each first, so that the layout is recognised
    // whatever follows.
    prop::collection::vec((line, sep), 1..10).prop_map(|v| {
        let mut text = String::from("It rained. It was late.\nThe wind rose. Nobody slept.\n");
        for (line, sep) in v {
            text.push_str(line);
            text.push_str(sep);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// One paragraph per line reads as one paragraph per blank line.
    #[test]
    fn one_paragraph_per_line_reads_as_blank_lines(text in paragraph_lines()) {
        let got = split(&text);
        let blank = with_blank_lines(&text);
        prop_assert_eq!(all_flags(&got, &text), all_flags(&split(&blank), &blank));
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_on_any_unicode(text in any::<String>()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_on_newsy_text(chars in prop::collection::vec(newsy_char(), 0..400)) {
        let text: String = chars.into_iter().collect();
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_on_long_runs(word in "[a-zé]{1,12}", n in 1usize..3000, sep in prop::sample::select(vec![" ", "", ". ", "\n", "\"", "’"])) {
        let text = format!("{word}{sep}").repeat(n);
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The scanner's skip to the next byte it must look at, eight bytes at a time, finds what
    /// a byte loop finds, from any start to any end (marks, their lead bytes and continuation
    /// bytes, other non-ASCII bytes).
    #[test]
    fn next_special_matches_a_byte_loop(
        bytes in prop::collection::vec(prop::sample::select(
            b"ab .!?\"'\n-,;#&/>@0\x7f\x80\x9c\x9d\xa6\xab\xc2\xc3\xd8\xe0\xe2\xe3\xef\xff".to_vec()), 0..64),
        from in 0usize..70,
        to in 0usize..70,
    ) {
        let end = to.min(bytes.len());
        let mut want = from;
        while want < end && !scan::is_special(bytes[want]) {
            want += 1;
        }
        prop_assert_eq!(scan::next_special(&bytes, from, end), want);
    }
}

#[test]
fn cue_lexicon_is_sorted_and_found() {
    assert!(lexicon::CUE_VERBS.windows(2).all(|w| w[0] < w[1]));
    for w in lexicon::CUE_VERBS {
        assert!(lexicon::is_cue_verb(w), "{}", String::from_utf8_lossy(w));
    }
    assert!(!lexicon::is_cue_verb(b"sai"));
    assert!(!lexicon::is_cue_verb(b"saidx"));
}

#[test]
fn letter_mask_matches_a_byte_loop() {
    let samples: [&[u8]; 4] = [
        b"Hello, world! The U.S. said: \"no\" [ok] `z` {a} @Z 123 AaZz",
        "naïve café — Ωmega 中文 end.".as_bytes(),
        &[
            0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0xC1, 0xE1, 0xFA, 0xDA, 0x9A, 0xFF,
        ],
        b"",
    ];
    for s in samples {
        for chunk in s.chunks(64) {
            let want = chunk.iter().enumerate().fold(0u64, |m, (k, c)| {
                m | ((c.is_ascii_alphabetic() as u64) << k)
            });
            assert_eq!(scan::letter_mask(chunk), want, "{chunk:?}");
        }
    }
}

#[test]
fn a_leading_byte_order_mark_is_left_out() {
    let text = "\u{feff}\"It is bad,\" the mayor said. The vote was 7-2.";
    let plain = split(&text[3..]);
    let sents = split(text);
    assert_eq!(sents.len(), plain.len());
    assert_eq!(sents[0].start, 3);
    assert_eq!(sents[0].text(text), plain[0].text(&text[3..]));
    assert_eq!(sents[0].in_quote, plain[0].in_quote);
    assert!(is_blank("\u{feff} \n") && !is_blank("\u{feff}a"));
}

/// The sentences of `text` that continue a report.
fn continued(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.continues_report)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn a_report_runs_on_into_the_sentences_after_it() {
    // A chain of two continuations, then the author's verdict, which ends it.
    let text = "The council met on Tuesday. The scheme, its leader said, was a fair deal for \
        tenants. The new levy would mostly fall on large landlords. Bus routes, meanwhile, \
        would keep their current timetables. That would be a welcome change.";
    assert_eq!(
        continued(text),
        [
            "The new levy would mostly fall on large landlords.",
            "Bus routes, meanwhile, would keep their current timetables."
        ]
    );
    // A document as a source; `should` with an additive link.
    let text = "Pupils should arrive by nine, the school's letter says. \
        Parents should sign the consent form as well.";
    assert_eq!(
        continued(text),
        ["Parents should sign the consent form as well."]
    );
    // The flag is the segmenter's only: the other flags are as they were.
    for s in split(text) {
        assert!(!s.in_quote && !s.continues_quote);
    }
}

#[test]
fn the_authors_sentences_after_a_report_do_not_continue_it() {
    for text in [
        // The author's verdict, advice, hindsight.
        "The minister said the levy would raise £2m. That would be a mistake.",
        "The minister said the levy would raise £2m. But it would hardly cover the deficit.",
        "The minister said the levy was fair. Ministers would do well to check the sums.",
        "The minister said the levy was fair. The Treasury should never have agreed to it.",
        "The minister said the levy was fair. It would be a first.",
        // First or second person.
        "The minister said the levy was fair. We would all pay for it.",
        "I said the levy would fail. The council would not listen.",
        // Nothing that marks a continuation; `should` alone.
        "The minister said the levy was fair. The levy is a disgrace.",
        "The minister said the levy was fair. The council should publish the sums first.",
        // The report is a quotation; a quotation follows; a question.
        "\"The levy is fair,\" the minister said. The council would vote on it in May.",
        "The minister said the levy was fair. \"It would raise £2m,\" she added.",
        "The minister said the levy was fair. Would anyone believe that?",
    ] {
        assert_eq!(continued(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn a_paragraph_break_ends_a_report() {
    let joined = "The minister said the levy was fair. The levy would raise about £2m a year.";
    assert_eq!(
        continued(joined),
        ["The levy would raise about £2m a year."]
    );
    let split_up = joined.replace(". ", ".\n\n");
    assert_eq!(continued(&split_up), Vec::<&str>::new());
    // A headline or a line of its own is a block too.
    let lines = "Levy is fair, minister says\nThe levy would raise about £2m a year.";
    assert_eq!(continued(lines), Vec::<&str>::new());
}

/// The sentences of `text` that are a question or an answer of a text in question-and-answer
/// form.
fn q_and_a(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.q_and_a)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn questions_and_answers_without_labels() {
    // An interview: the questions put to someone (`you`) from the second on; an unaddressed
    // question, the answers and the writer's closing block are left as they read.
    let text = "Ana Ruiz runs the shelter.\n\nWhy did demand rise, do you think?\n\nRent, \
        mostly. People come to us with jobs.\n\nWill you keep growing?\n\nI hope not. It is \
        a sign of failure.\n\nIs the council helping?\n\nWe get a grant. It is not \
        enough.\n\nYou said the form is too long. What would you change?\n\nMake it one page. \
        Our volunteers can help.\n\nThe form is due to be reviewed. It is far too long.";
    assert_eq!(
        q_and_a(text),
        [
            "Will you keep growing?",
            "You said the form is too long.",
            "What would you change?"
        ]
    );
    // An explainer under question subheads answered in the same block: the questions from
    // the second on. A question the writer answers in the first person is the writer's.
    let text = "The levy starts in April.\n\nWho pays? Visitors do.\n\nHow much will it raise? \
        About £2m.\n\nIs it fair? We think it is.\n\nWe will see in a year whether it works.";
    assert_eq!(q_and_a(text), ["How much will it raise?"]);
    // One question, a quoted question, a question label, and a column's rhetorical questions
    // (answered by the writer, or on a line of their own without a `you`): nothing.
    for text in [
        "The levy starts in April.\n\nIs that really too much to ask? We think not.",
        "\"Why now?\" she asked.\n\n\"Why not?\" he said.\n\nWe left.",
        "Q: Why now?\n\nA: Because.\n\nQ: And then?\n\nA: We wait.",
        "The council wants £2m more.\n\nIs that fair? I do not think so.\n\nShould we shrug? \
         I would rather we voted.\n\nWho pays?\n\nWe do.\n\nIs that right?\n\nI doubt it.",
    ] {
        assert_eq!(q_and_a(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn questions_and_answers_carry_from_piece_to_piece() {
    let mut carry = Carry::default();
    split_piece("Why did you start?\n\n", "Because.", &mut carry);
    split_piece("Because.\n\n", "How do you cope?", &mut carry);
    let q = split_piece("How do you cope?\n\n", "We try.", &mut carry);
    assert!(q[0].q_and_a);
    assert!(!split_piece("We try.", "", &mut carry)[0].q_and_a);
    // The count carries on: a third question is the document's too.
    let q = split_piece("\n\nWhat do you need?", "", &mut carry);
    assert!(q[0].q_and_a);
    assert!(!split_piece("What do you need?", "", &mut Carry::default())[0].q_and_a);
}

/// The sentences of `text` that are a speaker's turn.
fn turns(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.speaker_turn)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn a_transcripts_turns_are_its_speakers() {
    // Each turn labelled with its speaker's name or role: every sentence of the paragraph is
    // the speaker's; the writer's paragraph after the transcript is not.
    let text = "The two candidates met on Tuesday.\n\nMoroz: The bypass is a waste of money. \
        Nobody in this town asked for it.\n\nDr Lena Hart: It will take lorries out of the \
        high street. That is what people want.\n\nThe moderator: Time is up.\n\nNeither \
        changed many minds.";
    assert_eq!(
        turns(text),
        [
            "Moroz: The bypass is a waste of money.",
            "Nobody in this town asked for it.",
            "Dr Lena Hart: It will take lorries out of the high street.",
            "That is what people want.",
            "The moderator: Time is up.",
        ]
    );
    // A paragraph laid out one per line reads each line as its own turn.
    let lines = "Moroz: The bypass is a waste of money. Nobody asked for it.\nHart: It will \
        take lorries out of the high street. People want that.\nThe vote is on Friday, and \
        the count will start at ten in the evening. Both expect to win.";
    assert_eq!(turns(lines).len(), 4, "{:?}", turns(lines));
}

#[test]
fn headline_attributions_are_the_speakers() {
    for text in [
        "Minister: we will not back down on the levy",
        "Union leader: the offer 'is an insult'",
        "Ex-minister: party has lost its way",
    ] {
        assert_eq!(turns(text), [text], "{text}");
    }
}

#[test]
fn live_blogs_reviews_and_recipes_are_the_authors() {
    for text in [
        // A live blog: times, updates and the writer's summary.
        "10.40pm: The count has begun.\n\n10.52pm: Turnout looks low. That will worry the \
         council.\n\nUpdate: The first result is in.\n\nKey events: the count, the first \
         result.",
        // A review with a verdict, a rating and credits.
        "The second act drags.\n\nVerdict: A fine cast wasted on a thin script. Skip it.\n\n\
         Rating: Two stars.\n\nDirector: Jane Roe. Running time: two hours.",
        // A recipe.
        "Ingredients: flour, butter and sugar.\n\nMethod: Heat the oven. Rub the butter into \
         the flour.\n\nServes: Four.\n\nTip: Chill the dough first.",
        // Player ratings, and a round-up's topics.
        "Moroz: 7/10. Two fine saves, one error.\n\nHart: 6/10. Quiet until the last ten \
         minutes.",
        "Housing: The record is dismal. Rents keep rising.\n\nTransport: The buses are late \
         again.",
        // A diary, a dateline, an interview with question labels, colons later on.
        "Monday: The app goes live. Nobody can pay.\n\nTuesday: The app goes down.",
        "NEW DELHI: The government announced a plan on Monday. It is a bold one.",
        "Q: Why now?\n\nA: Because the money ran out.",
        "The reason is simple: the plan costs too much. There are two problems: cost and \
         time.",
        "Our view: The council got this wrong. It should think again.",
    ] {
        assert_eq!(turns(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn a_speakers_turn_is_the_same_in_pieces() {
    let text = "Moroz: The bypass is a waste. Nobody asked.\n\nThe vote is on Friday.";
    let whole = split(text);
    let mut carry = Carry::default();
    let mut pieces = split_piece(
        "Moroz: The bypass is a waste. Nobody asked.\n\n",
        "The vote",
        &mut carry,
    );
    pieces.extend(split_piece("The vote is on Friday.", "", &mut carry));
    let flags = |v: &[Sentence]| v.iter().map(|s| s.speaker_turn).collect::<Vec<_>>();
    assert_eq!(flags(&whole), [true, true, false]);
    assert_eq!(flags(&pieces), flags(&whole));
}

/// Pieces of text around a speaker label: multi-byte letters and symbols next to the colon,
/// the byte-order mark, figures and ratings, and filler that moves the colon across the
/// label's 60-byte limit and the segmenter's 124-byte window.
fn label_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Sato",
        "Ünal",
        "é",
        "É",
        "€",
        "🙂",
        "“",
        "”",
        "’",
        "'",
        "-",
        ".",
        "&",
        " ",
        "  ",
        ":",
        ": ",
        "::",
        "The",
        "mayor",
        "on",
        "Note",
        "Dr",
        "MR",
        "von",
        "7/10",
        "4",
        "?",
        "\n",
        "\n\n",
        "\u{feff}",
        "\u{a0}",
        "Ab",
        "ééééééééé",
        "xxxxxxxxxxxxxxxxxxxx",
        // Entities and soft hyphens: labels are read decoded.
        "&eacute;",
        "&Eacute;e",
        "&#233;",
        "&amp;",
        "&shy;",
        "\u{ad}",
        "&ldquo;",
        "&#58;",
        "&eac",
        "İ",
        "ß",
        // Revision 14's shapes: a rating, the first and third person, common-word names,
        // capitals, lower case.
        " 8 out of 10",
        "I",
        "His",
        "what",
        "Will",
        "May",
        "SATO",
        "LONDON",
        "'",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A speaker label is read without a panic on any text, and ends at its colon; the
    /// segmenter's invariants hold around labels.
    #[test]
    fn speaker_labels_on_nasty_text(pieces in prop::collection::vec(label_piece(), 0..40)) {
        let text: String = pieces.concat();
        if let Some(n) = speaker_label(&text) {
            prop_assert!(text.is_char_boundary(n) && text[..n].ends_with(':'), "{:?}", text);
        }
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }
}

/// The sentences of `text` the segmenter flags as the writer's rhetorical questions.
fn rhetorical(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.rhetorical)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn the_writers_yes_no_question_in_a_paragraph_that_goes_on_is_rhetorical() {
    for (text, asked) in [
        (
            "Will the new tram line pay for itself? Perhaps, in thirty years.",
            "Will the new tram line pay for itself?",
        ),
        (
            "The depot closes in May. Is that really too much to ask?",
            "Is that really too much to ask?",
        ),
        (
            "The board met twice. Does anyone there read the reports? Nobody can tell.",
            "Does anyone there read the reports?",
        ),
        ("Should you? Only if you like queues.", "Should you?"),
    ] {
        assert_eq!(rhetorical(text), [asked], "{text}");
    }
    for text in [
        // An explainer's subhead on its own line, and a question word's question.
        "Is the smoke dangerous?\n\nThe agency says the levels are low.",
        "What happened? The bridge shut at noon.",
        // A reader's question.
        "Will my energy bills change? Not directly.",
        "Do I need a new passport? Only if yours has expired.",
        // Only questions in the block.
        "Will it work? Will anyone use it?",
        // A source's question: quoted, or attributed.
        "\"Will it work?\" she asked. Nobody answered.",
        "Is the hospital figure more reliable, as the mayor says? The data are thin.",
        // No question.
        "The council will decide in May. The vote is close.",
    ] {
        assert_eq!(rhetorical(text), Vec::<&str>::new(), "{text}");
    }
}

/// The sentences of `text` in a speaker's turn as cue rules 14 read labels.
fn turns_14(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.speaker_turn_14)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn revision_14s_speakers_turn_reads_the_whole_first_sentence() {
    // Past the 124-byte window: a rating at the end makes it the author's, in an article as
    // alone.
    let long = "Novak: Ran all day, tackled everything that moved, kept the shape of the \
                midfield when the others went missing, and finished the match with a goal, 8 \
                out of 10. The manager agreed.";
    let all = split(long);
    assert!(
        all[0].speaker_turn,
        "revision 13 reads a window of the block's start"
    );
    assert!(turns_14(long).is_empty());
    assert_eq!(speaker_label_14(all[0].text(long)), None);
    for text in [
        "Sato: The plan is cheap on paper. It will not stay so.",
        "Will Hutton: The Treasury has lost control. It knows it.",
        "SATO: I was not there. Nobody told me.",
    ] {
        assert_eq!(turns_14(text).len(), 2, "{text}");
    }
    for text in [
        "Inflation: what happens next? Prices rose again in May.",
        "Novak: His best game in a year. He knows it.",
        "LONDON: The government said the talks would resume.",
    ] {
        assert!(turns_14(text).is_empty(), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Revision 14's turn is the first sentence's label read alone (one block: no line
    /// breaks), however long the sentence.
    #[test]
    fn revision_14s_turn_agrees_with_the_sentence_read_alone(
        pieces in prop::collection::vec(label_piece(), 0..60)
    ) {
        let text = pieces.concat().replace(['\n', '\r'], " ");
        let sentences = split(&text);
        if let Some(first) = sentences.first() {
            let turn = speaker_label_14(first.text(&text)).is_some();
            for s in &sentences {
                prop_assert_eq!(s.speaker_turn_14, turn, "{:?}", text);
            }
        }
    }
}

// ---- scraped and pasted article text (session 15) ------------------------------------------

#[test]
fn zero_width_characters_do_not_hide_a_boundary_or_make_a_sentence() {
    // A zero-width space (`&#8203;`, `<wbr>`) or word joiner after a full stop, before the
    // white space: the sentence still ends (and is trimmed of it).
    assert_eq!(
        texts("The mayor resigned on Friday.\u{200b} The council disagreed."),
        ["The mayor resigned on Friday.", "The council disagreed."]
    );
    assert_eq!(
        texts("It ended.\u{2060}\u{feff} Nobody came."),
        ["It ended.", "Nobody came."]
    );
    // Glued to the next word it is no white space: no boundary, as in `3.5`.
    assert_eq!(
        texts("It ended.\u{200b}Nobody came."),
        ["It ended.\u{200b}Nobody came."]
    );
    // A line of zero-width characters is a blank line, not a sentence, and sentences are
    // trimmed of them.
    let text = "First paragraph ends here.\n\u{200b}\u{feff}\nSecond paragraph.\n\n\u{200b}Third one.\u{200b}\n";
    assert_eq!(
        texts(text),
        [
            "First paragraph ends here.",
            "Second paragraph.",
            "Third one."
        ]
    );
    assert!(is_blank("\u{200b} \u{2060}\n\u{feff}\u{200c}\u{200d}"));
    // Between two paragraphs, a line of zero-width characters is a paragraph break: a
    // quotation left open is not carried over it.
    let text = "\"We will win. Nobody doubts it.\n\u{200b}\nThe vote is on Monday.";
    let s = split(text);
    assert!(!s[2].continues_quote, "{s:?}");
    assert_eq!(check_invariants(text), Ok(()));
}

#[test]
fn html_entities_left_in_scraped_text_do_not_hide_a_boundary() {
    // An entity for a space or a closing quotation mark after a terminator: the sentence ends
    // there, the entities with it.
    assert_eq!(
        texts("The deal was signed.&nbsp;It cost £4m. Shares rose.&#160;Analysts were surprised."),
        [
            "The deal was signed.&nbsp;",
            "It cost £4m.",
            "Shares rose.&#160;",
            "Analysts were surprised."
        ]
    );
    assert_eq!(
        texts("She said it was over.&quot; The next day she resigned. The crowd cheered.&#8221; Then it rained.&rdquo;&nbsp; The end."),
        [
            "She said it was over.&quot;",
            "The next day she resigned.",
            "The crowd cheered.&#8221;",
            "Then it rained.&rdquo;&nbsp;",
            "The end."
        ]
    );
    // Entities elsewhere, and an entity glued to a word, change nothing.
    assert_eq!(
        texts("Smith &amp; Sons won. The firm&#8217;s shares rose. It was 3.&amp;5"),
        [
            "Smith &amp; Sons won.",
            "The firm&#8217;s shares rose.",
            "It was 3.&amp;5"
        ]
    );
    // An abbreviation still reads as one: no boundary after `Dr.&nbsp;Roe`.
    assert_eq!(texts("Dr.&nbsp;Roe left."), ["Dr.&nbsp;Roe left."]);
}

#[test]
fn a_spaced_ellipsis_is_one_terminator() {
    assert_eq!(
        texts("He paused . . . then he spoke. The crowd waited. . . . Nobody moved."),
        [
            "He paused . . . then he spoke.",
            "The crowd waited. . . .",
            "Nobody moved."
        ]
    );
    assert_eq!(
        texts("It went on . . . And then it stopped."),
        ["It went on . . .", "And then it stopped."]
    );
    // Not a dot before a decimal, nor a sentence before an unspaced ellipsis (a transcript's
    // interruption).
    assert_eq!(texts("It rose. .5 of it."), ["It rose.", ".5 of it."]);
    assert_eq!(
        texts("I want cheaper drugs. ... and a better deal."),
        ["I want cheaper drugs.", "... and a better deal."]
    );
}

#[test]
fn list_items_with_other_bullets_and_separators_start_sentences() {
    // Long items (no short-line rule to help): bullets other than `•`, and a non-breaking
    // space or a tab after the marker, as web pages and word processors paste them.
    let item = "The council will spend more on repairs to the old bridge over the river, which has been closed since the spring floods";
    for marker in [
        "•\u{a0}",
        "•\t",
        "-\u{a0}",
        "*\t",
        "● ",
        "○ ",
        "■ ",
        "► ",
        "▶ ",
        "▸ ",
        "· ",
        "➢ ",
        "1.\u{a0}",
        "2.\t",
        "3)\u{a0}",
    ] {
        let text = format!("{item}\n{marker}{item}\n{marker}{item}\n");
        let got = texts(&text);
        assert_eq!(got.len(), 3, "{marker:?}: {got:?}");
        assert_eq!(got[1], format!("{marker}{item}"), "{marker:?}");
    }
    assert_eq!(lines::list_marker_len("●\u{a0}Lower fares"), 5);
    assert_eq!(lines::numbered_marker_len("12.\tTwelve".as_bytes()), 4);
    // Still no bullet before a lower-case word or without a separator.
    assert_eq!(lines::list_marker_len("· and so on"), 0);
    assert_eq!(lines::list_marker_len("●Lower"), 0);
}

/// Pieces of scraped and pasted article text: Unicode spaces, zero-width characters, soft
/// hyphens, HTML entities, bullets, datelines, furniture lines, spaced ellipses, CRLF.
fn messy_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z]{1,8}".prop_map(String::from),
        3 => prop::sample::select(vec![
            " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{a0}", "\u{2009}", "\u{202f}",
            "\u{200b}", "\u{ad}", "\u{feff}", "\u{2060}", "\u{200d}", "\u{2028}", ". ", "? ", "!",
            ".", "…", ". . .", " . . . ", "&amp;", "&quot;", "&nbsp;", "&#8217;", "&#160;",
            "&rdquo;", "&", ";", "&#", "&mdash;", " &ndash; ", "&eacute;", "&Eacute;", "&#8212;",
            "&bull; ", "&pound;", "&lt;", "&#233;", "“", "”", "«", "»", "‘", "’", "\"", "'", " — ", " – ",
            "• ", "•\u{a0}", "- ", "* ", "1. ", "2.\u{a0}", "● ", "· ", "U.S.", "No. 10", "3.5bn",
            "p.m.", "Dr.", "https://example.org/a.b?c=1", "tips@example.com", "😀", "🇬🇧",
            "LONDON (Reuters) - ", "BERLIN — ", "Advertisement\n", "Read more: ", "Photo: ",
            "Share this article\n", "EXCLUSIVE\n", "Q: ", "A: ", "Sato: ", "&ldquo;", "&#8221;",
            "&#39;", "&lsquo;", "&hellip;", "&#8230;", "&shy;", "&laquo;", "&quot", "🎉",
            "👍🏽", "👨\u{200d}👩\u{200d}👧", "❤\u{fe0f}", " 🔥 ", "➤ ",
        ])
        .prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `lines::line_break` reads whether a line ends a sentence where the next begins (for
    /// the one-paragraph-per-line test) as `lines::line_ends_paragraph` does, each line decoded
    /// once for that and for whether the break ends a sentence.
    #[test]
    fn a_line_break_reads_a_lines_end_as_the_reference(
        cur in prop::collection::vec(messy_piece(), 1..12),
        next in prop::collection::vec(messy_piece(), 1..12),
        width in 0usize..120,
    ) {
        let (cur, next) = (cur.concat().replace(['\n', '\r'], " "), next.concat().replace(['\n', '\r'], " "));
        prop_assume!(!is_blank(&cur) && !is_blank(&next));
        let text = format!("{cur}\n{next}");
        let (c, n) = ((0, cur.len()), (cur.len() + 1, text.len()));
        let (end, terminal) = lines::line_break(&text, c, n, width);
        if !end {
            prop_assert_eq!(terminal, lines::line_ends_paragraph(&text, c, n), "{:?}", text);
        }
    }

    /// The invariants hold on scraped and pasted article text, and no sentence is made of
    /// zero-width characters only.
    #[test]
    fn invariants_on_messy_article_text(pieces in prop::collection::vec(messy_piece(), 0..120)) {
        let text = pieces.concat();
        prop_assert_eq!(check_invariants(&text), Ok(()));
        for s in split(&text) {
            prop_assert!(!is_blank(s.text(&text)), "{:?}", s.text(&text));
        }
    }
}

#[test]
fn aka_and_est_are_abbreviations() {
    // `a.k.a.` introduces a name, which may open with `The`; `est.` a year or a figure.
    assert_eq!(
        texts("The singer, a.k.a. The Boss, sang. Fans cheered."),
        ["The singer, a.k.a. The Boss, sang.", "Fans cheered."]
    );
    assert_eq!(
        texts("The club, est. 1901, folded. Nobody came."),
        ["The club, est. 1901, folded.", "Nobody came."]
    );
    // `est.` before a word is a word.
    assert_eq!(
        texts("Nobody knows the best. The rest agree."),
        ["Nobody knows the best.", "The rest agree."]
    );
}

/// The sentences of `text` in a column's name heading as cue rules 16 read labels.
fn column_heads(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.column_head)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn revision_16_reads_a_columns_name_headings_and_not_a_transcripts_turns() {
    // Invented: a column that heads its paragraphs with the names of the people it judges.
    let column = "Each week this column picks the winners and losers of the town hall.\n\n\
        Ada Quist: The Labour councillor for Fenmoor asked about the cost of the consultants \
        for a year. It was patient work.\n\n\
        Bryn Tallis: The deputy leader said the backlog was \"stable\". Nobody believed him.\n\n\
        The budget comes out next week.";
    assert_eq!(
        column_heads(column),
        [
            "Ada Quist: The Labour councillor for Fenmoor asked about the cost of the \
             consultants for a year.",
            "It was patient work.",
            "Bryn Tallis: The deputy leader said the backlog was \"stable\".",
            "Nobody believed him.",
        ]
    );
    // They stay turns as cue rules 14 read labels.
    assert_eq!(turns_14(column).len(), 4);
    // A transcript: the first turn speaks in the first person, and a label recurs (by its
    // last word) before the turns without one.
    let transcript = "Jo Marsh: Welcome to the show. Today I am talking to Dr Ken Alder.\n\n\
        Dr Ken Alder: Thanks for having me.\n\n\
        Marsh: What did the counts show?\n\n\
        Alder: The numbers fell by a third. That is a steep fall.\n\n\
        Marsh: That is a stark figure.";
    assert_eq!(column_heads(transcript), Vec::<&str>::new());
    assert_eq!(turns_14(transcript).len(), 7);
    // A name's first label with the first person in its paragraph is a speaker's.
    let speaks = "Ada Quist: The plan is late. We told them so in May.\n\n\
        Bryn Tallis: The council will publish it.";
    assert_eq!(
        column_heads(speaks),
        ["Bryn Tallis: The council will publish it."]
    );
    // An interviewer's first question is no column's heading.
    let asks = "Ada Quist: How bad was the year?\n\nBryn Tallis: About a quarter of the usual. \
        In a good year I sell it all.";
    assert_eq!(column_heads(asks), Vec::<&str>::new());
    // A role's label is no name: it stays a turn.
    let role = "The mayor: The scheme will go ahead.";
    assert_eq!(column_heads(role), Vec::<&str>::new());
    assert_eq!(turns_14(role).len(), 1);
    // Once a label recurs, later new names are turns too.
    let panel = "Ada Quist: The vote is close.\n\nQuist: The whips are busy.\n\n\
        Bryn Tallis: The result is due at ten.";
    assert_eq!(column_heads(panel), ["Ada Quist: The vote is close."]);
    // The same document split into pieces reads the same (the labels carry over).
    let mut carry = Carry::default();
    let (a, b) = panel.split_at(panel.find("Quist: The whips").unwrap());
    let first = split_piece(a, b, &mut carry);
    let second = split_piece(b, "", &mut carry);
    assert!(first[0].column_head);
    assert!(second.iter().all(|s| !s.column_head));
}

/// The sentences of `text` flagged as a reader's `Q` letter (cue rules 17).
fn q_letters_17(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.q_label_17)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn revision_17_reads_a_readers_q_letter_in_an_advice_column() {
    // Invented: an advice column whose letters are headed `Q` and answers `A`, no colons.
    let column = "Ask the gardener\n\n\
        Q My apple tree has brown spots on its leaves. Should I cut it back?\n\n\
        Pat, Kendal\n\n\
        A Leave it until winter. The spots are a fungus and do little harm.";
    assert_eq!(
        q_letters_17(column),
        [
            "Q My apple tree has brown spots on its leaves.",
            "Should I cut it back?"
        ]
    );
    for text in [
        // No question in the block: a name or a brand that starts with Q.
        "Q Park opened a new car park.\n\nIt has 400 spaces.",
        // A `Q:` label is the label rule's; a lower-case word after the Q.
        "Q: Why now?\n\nBecause the money ran out.",
        "Q and A: why now?\n\nBecause.",
    ] {
        let got = q_letters_17(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// The sentences of `text` flagged as a transcript's questions (cue rules 18).
fn q_turns_18(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.q_turn_18)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn revision_18_reads_a_transcripts_short_questions_after_a_question_label() {
    // Invented: a press conference written up as a transcript.
    let transcript = "The coach spoke on Friday.\n\n\
        Q: How is the squad?\n\n\
        Ivo: Tired.\n\n\
        Q: The fans booed on Tuesday. Do you understand why?\n\n\
        Ivo: Of course.\n\n\
        Question: Last one. Will you still be here in May?\n\n\
        Ivo: Ask me in May.";
    assert_eq!(
        q_turns_18(transcript),
        [
            "Q: How is the squad?",
            "Do you understand why?",
            "Will you still be here in May?"
        ]
    );
    for text in [
        // The interviewer's long question with a comment of their own stays as it reads.
        "Q: That is a far braver answer than most ministers would ever give us, \
         so was the whole plan a mistake?\n\nA: No.",
        // No question label at the block's start; a lower-case label; a label in a sentence.
        "Will you stay? Nobody knows.",
        "q: why now?\n\nBecause.",
        "She asked Q: why now?",
        // A quotation in the turn is the quotation's.
        "Q: \"Will you stay?\" she asked.",
    ] {
        let got = q_turns_18(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// The sentences of `text` read as question subheads by cue rules 16.
fn subheads_16(text: &str) -> Vec<&str> {
    split(text)
        .iter()
        .filter(|s| s.subhead_16)
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn revision_16_reads_an_explainers_question_subheads_from_the_second() {
    // Invented: an explainer with one-line questions, each answered in the next paragraph.
    let explainer = "Why the river is so high this week\n\n\
        What is a king tide?\n\nIt is the highest tide of the year.\n\n\
        Will it flood?\n\nThat depends on the wind.\n\n\
        What should I do?\n\nKeep off the quay on Tuesday.";
    assert_eq!(
        subheads_16(explainer),
        ["Will it flood?", "What should I do?"]
    );
    for text in [
        // A columnist's one rhetorical question on its own line.
        "The council wants more money.\n\nIs that fair?\n\nIt is not.",
        // A closing question: the document's last block answers nothing.
        "Who will speak for the libraries?\n\nThe cabinet will decide.\n\n\
         Is that too much to ask?",
        // A question in a paragraph that goes on, and a long question.
        "What is a king tide? It is the highest tide.\n\n\
         Will it flood? That depends on the wind.",
        "Is it true?\n\nYes.\n\nWhat will the council, the harbour board and the residents of \
         the quay say to the plan next week?\n\nNobody knows.",
        // A quoted question.
        "Is it late?\n\nYes.\n\n\"Will it flood?\" she asked.\n\nNobody knew.",
    ] {
        let got = subheads_16(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn quotation_marks_written_as_entities_are_quotation_marks() {
    // Invented scraped sentences: each entity reads as the mark it stands for.
    for text in [
        "&quot;We will not back down,&quot; the mayor said.",
        "&ldquo;We will not back down,&rdquo; the mayor said.",
        "&#8220;We will not back down,&#8221; the mayor said.",
        "&#x201C;We will not back down,&#x201D; the mayor said.",
        "&lsquo;We will not back down,&rsquo; the mayor said.",
        "&#39;We will not back down,&#39; the mayor said.",
        "&laquo;We will not back down,&raquo; the mayor said.",
    ] {
        assert_eq!(flags(text), [(text, true, true)], "{text}");
    }
    // A multi-sentence quotation: the sentences inside it continue it.
    let text = "&ldquo;We tried everything. Nothing worked,&rdquo; the coach said. Fans left.";
    assert_eq!(
        continues(text),
        [
            ("&ldquo;We tried everything.", false),
            ("Nothing worked,&rdquo; the coach said.", true),
            ("Fans left.", false),
        ]
    );
    assert_eq!(
        flags(text)[1..],
        [
            ("Nothing worked,&rdquo; the coach said.", true, true),
            ("Fans left.", false, false)
        ]
    );
    // An entity closer after the terminator closes the quotation, so the attribution after it
    // keeps the sentence whole, as `"Why?" she asked.` does.
    let text = "&quot;Why now?&quot; Senator Jane Roe asked. The room was silent.";
    assert_eq!(
        flags(text),
        [
            ("&quot;Why now?&quot; Senator Jane Roe asked.", true, true),
            ("The room was silent.", false, false)
        ]
    );
    // A quotation over paragraphs, reopened by the entity of its mark.
    let text = "&ldquo;The plan is late. It costs more.\n\n&ldquo;It will fail,&rdquo; she said.";
    assert_eq!(
        continues(text),
        [
            ("&ldquo;The plan is late.", false),
            ("It costs more.", true),
            ("&ldquo;It will fail,&rdquo; she said.", false),
        ]
    );
    // Apostrophes written as entities are no quotation marks; scare quotes stay scare quotes.
    for text in [
        "The council didn&rsquo;t vote.",
        "The council didn&#39;t vote.",
        "The &quot;reform&quot; is a sham.",
    ] {
        assert_eq!(flags(text), [(text, false, false)], "{text}");
    }
    // An opening entity after a terminator opens the next sentence, as `"` does.
    assert_eq!(
        texts("He moved to the U.S. &quot;It was time,&quot; he said."),
        ["He moved to the U.S.", "&quot;It was time,&quot; he said."]
    );
    // Other entities are text.
    assert_eq!(
        flags("Smith &amp; Sons won."),
        [("Smith &amp; Sons won.", false, false)]
    );
}

#[test]
fn an_ellipsis_written_as_an_entity_ends_a_sentence_as_the_character_does() {
    for (text, want) in [
        (
            "She paused&hellip; Then she left.",
            ["She paused&hellip;", "Then she left."],
        ),
        (
            "She paused&#8230; Then she left.",
            ["She paused&#8230;", "Then she left."],
        ),
        (
            "She paused&HELLIP; Then she left.",
            ["She paused&HELLIP;", "Then she left."],
        ),
        (
            "&ldquo;Wait&hellip;&rdquo; Then she left.",
            ["&ldquo;Wait&hellip;&rdquo;", "Then she left."],
        ),
        (
            "She paused?&hellip; Then she left.",
            ["She paused?&hellip;", "Then she left."],
        ),
    ] {
        assert_eq!(texts(text), want, "{text}");
        let literal = text.replace("&hellip;", "…");
        assert_eq!(texts(&literal).len(), 2, "{literal}");
    }
    // As with `…`: a lower-case word goes on, and so does a word glued to it.
    for text in [
        "She paused&hellip; then she left.",
        "She paused&hellip;then she left.",
    ] {
        assert_eq!(texts(text), [text], "{text}");
    }
}

#[test]
fn emoji_after_a_terminator_stay_with_the_sentence_they_follow() {
    for (text, want) in [
        (
            "We won! 🎉 The council met.",
            ["We won! 🎉", "The council met."],
        ),
        (
            "We won!🎉 The council met.",
            ["We won!🎉", "The council met."],
        ),
        (
            "We won! 🎉🎉 👍🏽 The council met.",
            ["We won! 🎉🎉 👍🏽", "The council met."],
        ),
        (
            "We won! 👨\u{200d}👩\u{200d}👧 The council met.",
            ["We won! 👨\u{200d}👩\u{200d}👧", "The council met."],
        ),
        (
            "Love it. ❤\u{fe0f} The council met.",
            ["Love it. ❤\u{fe0f}", "The council met."],
        ),
        (
            "\"We won!\" 🎉 The council met.",
            ["\"We won!\" 🎉", "The council met."],
        ),
        (
            "Great result. 🇬🇧\n\nThe council met.",
            ["Great result. 🇬🇧", "The council met."],
        ),
    ] {
        assert_eq!(texts(text), want, "{text}");
        assert_eq!(check_invariants(text), Ok(()));
    }
    // At the end of the text or of its paragraph.
    assert_eq!(texts("The end. 🎉"), ["The end. 🎉"]);
    assert_eq!(texts("The end. 🎉\n\nMore."), ["The end. 🎉", "More."]);
    // Left as before: an emoji that opens a line, one glued to the next word, an arrow that
    // marks an item, an emoji before the full stop, one inside a sentence.
    for (text, want) in [
        (
            "It ended.\n🔥 Officials responded.",
            vec!["It ended.", "🔥 Officials responded."],
        ),
        (
            "It ended. 🔥Officials responded.",
            vec!["It ended.", "🔥Officials responded."],
        ),
        (
            "It ended. ➤ Officials responded.",
            vec!["It ended.", "➤ Officials responded."],
        ),
        (
            "The crowd cheered 🎉. Then it rained.",
            vec!["The crowd cheered 🎉.", "Then it rained."],
        ),
        ("🔥 Officials responded.", vec!["🔥 Officials responded."]),
        ("Dr. 🎉 Smith came.", vec!["Dr. 🎉 Smith came."]),
    ] {
        assert_eq!(texts(text), want, "{text}");
    }
}

#[test]
fn a_quotation_marks_entity_at_a_line_end_decides_the_line_break_as_the_mark() {
    // The line rules read only the characters: a line that ends with `&quot;` ended in `;`
    // (a wrap, so `... &quot;A new era&quot;` ran on into the next line), and a line ending
    // `.&quot;` did not end a sentence for the one-paragraph-per-line test.
    for literal in [
        "Port plan is called \"A new era\"\nThe council approved the plan on Monday after a long debate about the costs.\n",
        "The mayor spoke first on the closure. \"We will not close it,\" she said. \"Never.\"\n\
         The union was not convinced by this. \"We have heard this before.\"\n\
         The talks resume on Monday. Nobody expects a deal. \"It is hopeless.\n\
         We will see,\" he said. Few noticed.\n",
    ] {
        let scraped = literal.replace('"', "&quot;");
        let sentences = |text: &str| -> Vec<(String, bool, bool, bool)> {
            (split(text).iter())
                .map(|s| {
                    let t = s.text(text).replace("&quot;", "\"");
                    (t, s.in_quote, s.attributed, s.continues_quote)
                })
                .collect()
        };
        assert_eq!(sentences(&scraped), sentences(literal), "{literal}");
    }
}

#[test]
fn decode_scraped_reads_quotation_entities_and_drops_soft_hyphens() {
    use std::borrow::Cow;
    assert!(matches!(decode_scraped("Plain text."), Cow::Borrowed(_)));
    assert!(matches!(
        decode_scraped("Smith &foo; Sons, café"),
        Cow::Borrowed(_)
    ));
    for (text, want) in [
        ("&quot;No,&quot; she said.", "\"No,\" she said."),
        (
            "&LDQUO;No&#8221; &#39;a&#x27; &lsquo;b&rsquo;",
            "“No” 'a' ‘b’",
        ),
        ("&laquo;Non&raquo; &bdquo;Ja&#8220;", "«Non» „Ja“"),
        (
            "&lsaquo;a&rsaquo; &#8249;b&#X203A; &sbquo;c&lsquo; &#8218;d&#x2019; &#8222;e&#x201C;",
            "‹a› ‹b› ‚c‘ ‚d’ „e“",
        ),
        ("Wait&hellip; &#8230;", "Wait… …"),
        (
            "infor\u{ad}mation, infor&shy;mation, infor&#173;mation",
            "information, information, information",
        ),
        (
            "&copy &mdash &quot &#8220 &amp",
            "&copy &mdash &quot &#8220 &amp",
        ),
        // The ampersand and the no-break space, decoded once.
        (
            "A&amp;E A&#38;E A&#038;E A&#x26;E &AMP; 4&nbsp;m 4&#160;m 4&#XA0;m",
            "A&E A&E A&E A&E & 4\u{a0}m 4\u{a0}m 4\u{a0}m",
        ),
        ("&amp;quot; &amp;amp;", "&quot; &amp;"),
        ("é\u{ad}&", "é&"),
    ] {
        assert_eq!(decode_scraped(text), want, "{text}");
    }
}

#[test]
fn named_entities_of_scraped_news_decode_as_their_characters() {
    use std::borrow::Cow;
    // An entity outside the table, one without its `;`, one in the wrong case: as written.
    for text in [
        "Smith &foo; Sons, café",
        "&copy &mdash &eacute",
        "&EACUTE; &MDASH; &Pound;",
        "&#8203; &#x1F600; &#; &#x; &#99999999;",
    ] {
        assert!(matches!(decode_scraped(text), Cow::Borrowed(_)), "{text}");
    }
    for (text, want) in [
        (
            "It rose &mdash; again &ndash; in 2024&ndash;25.",
            "It rose — again – in 2024–25.",
        ),
        ("&lt;b&gt; &copy; &reg; &trade;", "<b> © ® ™"),
        ("&pound;4m, &euro;5m, &yen;6, 9&cent;", "£4m, €5m, ¥6, 9¢"),
        (
            "caf&eacute; Ren&Eacute; na&iuml;ve Sch&ouml;n &Aring;se &szlig; &oelig;",
            "café RenÉ naïve Schön Åse ß œ",
        ),
        (
            "&bull; a &middot; b 20&deg;C &frac12; 3&times;4",
            "• a · b 20°C ½ 3×4",
        ),
        ("a&ensp;b&emsp;c&thinsp;d", "a\u{2002}b\u{2003}c\u{2009}d"),
        // The same characters by number, decimal or hex in any case.
        (
            "&#8212; &#x2014; &#X2014; &#163; &#xa3; &#233; &#8364;",
            "— — — £ £ é €",
        ),
        // Quotation marks and the ellipsis as before (the scanner reads them as the marks).
        (
            "&ldquo;No&rdquo; &lsquo;a&rsquo; didn&rsquo;t &apos;x&apos; &hellip;",
            "“No” ‘a’ didn’t 'x' …",
        ),
        // Decoded once.
        ("&amp;mdash; &amp;eacute;", "&mdash; &eacute;"),
    ] {
        assert_eq!(decode_scraped(text), want, "{text}");
    }
}

#[test]
fn named_entities_at_a_line_edge_or_after_a_stop_read_as_their_characters() {
    // Each scraped text splits as the text with its characters does: a dateline line ending
    // in `&mdash;` (it ended in `;`, a wrap), list items opening with `&bull;` or `&ndash;`,
    // a lower-case word opening with an entity after a full stop (read as no capital).
    for (scraped, chars) in [
        (
            "WASHINGTON &mdash;\nThe council met on Monday to agree the budget for the coming year.",
            "WASHINGTON —\nThe council met on Monday to agree the budget for the coming year.",
        ),
        (
            "The plan has three parts:\n&bull; Lower fares\n&bull; More buses\n&ndash; New depots",
            "The plan has three parts:\n• Lower fares\n• More buses\n– New depots",
        ),
        (
            "The unit said no. &eacute;lite troops moved in.",
            "The unit said no. élite troops moved in.",
        ),
    ] {
        let spans = |t: &str| split(t).iter().map(|s| s.index).collect::<Vec<_>>();
        assert_eq!(spans(scraped), spans(chars), "{scraped}");
        assert_eq!(
            texts(scraped).len(),
            texts(chars).len(),
            "{scraped}: {:?}",
            texts(scraped)
        );
        assert_eq!(check_invariants(scraped), Ok(()));
    }
    // Where `in_quote` weighs the quoted share, an entity weighs what its character does.
    let scraped = "Its \"grand plan for the port\" &mdash; &eacute;t&eacute;.";
    let chars = "Its \"grand plan for the port\" — été.";
    assert!(split(chars)[0].in_quote);
    assert!(split(scraped)[0].in_quote, "{scraped}");
}

/// Each sentence's text with `pairs`' entities written back as their characters, and every
/// flag but the offsets, to compare scraped text with the literal text it stands for.
fn literal_reading(text: &str, pairs: &[(&str, &str)]) -> Vec<(String, Sentence)> {
    (split(text).iter())
        .map(|s| {
            let mut t = s.text(text).to_string();
            for (entity, c) in pairs {
                t = t.replace(entity, c);
            }
            let flags = Sentence {
                start: 0,
                end: 0,
                ..*s
            };
            (t, flags)
        })
        .collect()
}

#[test]
fn single_guillemets_and_low_quotation_marks_written_as_entities_read_as_the_characters() {
    // Invented scraped sentences: `&lsaquo;` `&rsaquo;` `&sbquo;` `&bdquo;` and their numbers
    // mask the quoted words and end sentences as `‹ › ‚ „` do (they were text: the quotation
    // was the writer's words, and `&rsaquo;` after a stop did not close it).
    let pairs: &[(&str, &str)] = &[
        ("&lsaquo;", "‹"),
        ("&#8249;", "‹"),
        ("&#x2039;", "‹"),
        ("&rsaquo;", "›"),
        ("&#8250;", "›"),
        ("&#X203A;", "›"),
        ("&sbquo;", "‚"),
        ("&#8218;", "‚"),
        ("&#x201a;", "‚"),
        ("&bdquo;", "„"),
        ("&#8222;", "„"),
        ("&ldquo;", "“"),
        ("&lsquo;", "‘"),
        ("&rsquo;", "’"),
    ];
    for (scraped, literal) in [
        (
            "&lsaquo;We will not back down,&rsaquo; the mayor said. The vote is on Monday.",
            "‹We will not back down,› the mayor said. The vote is on Monday.",
        ),
        (
            "&#8249;The plan is a disgrace. It will fail.&#8250; The mayor left.",
            "‹The plan is a disgrace. It will fail.› The mayor left.",
        ),
        (
            "&#x2039;The plan is a disgrace.&#X203A; Few agreed.",
            "‹The plan is a disgrace.› Few agreed.",
        ),
        (
            "&sbquo;We tried everything. Nothing worked,&lsquo; the coach said. Fans left.",
            "‚We tried everything. Nothing worked,‘ the coach said. Fans left.",
        ),
        (
            "&#8218;It is a scandal,&rsquo; the mayor said. &#x201a;Awful.&rsquo; Then she left.",
            "‚It is a scandal,’ the mayor said. ‚Awful.’ Then she left.",
        ),
        (
            "&bdquo;The plan is a disgrace. It will fail,&ldquo; she said. &#8222;Never.&ldquo;",
            "„The plan is a disgrace. It will fail,“ she said. „Never.“",
        ),
        (
            "He moved to the U.S. &lsaquo;It was time,&rsaquo; he said.",
            "He moved to the U.S. ‹It was time,› he said.",
        ),
        (
            "He moved to the U.S. &sbquo;It was time,&lsquo; he said.",
            "He moved to the U.S. ‚It was time,‘ he said.",
        ),
    ] {
        let got = literal_reading(scraped, pairs);
        let want = literal_reading(literal, &[]);
        assert_eq!(got, want, "{scraped}");
    }
    // The quotation is the source's words.
    let text = "&lsaquo;We will not back down,&rsaquo; the mayor said.";
    assert_eq!(flags(text), [(text, true, true)]);
    let text = "&sbquo;We will not back down,&lsquo; the mayor said.";
    assert_eq!(flags(text), [(text, true, true)]);
    assert_eq!(
        continues("&sbquo;We tried everything. Nothing worked,&lsquo; the coach said."),
        [
            ("&sbquo;We tried everything.", false),
            ("Nothing worked,&lsquo; the coach said.", true),
        ]
    );
}

#[test]
fn a_low_single_mark_glued_to_a_word_is_text() {
    // `‚` typed for a comma (after a letter) opens nothing, as an apostrophe does not; nor
    // before a digit or an elision, as `‘` does not.
    for text in [
        "The plan‚ officials said‚ is late. The vote is on Monday.",
        "The plan&sbquo; officials said&#8218; is late. The vote is on Monday.",
        "Prices rose in ‚98 and fell in &sbquo;99. The vote is on Monday.",
    ] {
        assert!(
            split(text)
                .iter()
                .all(|s| !s.in_quote && !s.continues_quote),
            "{text}"
        );
        assert_eq!(split(text).len(), 2, "{text}");
    }
}
