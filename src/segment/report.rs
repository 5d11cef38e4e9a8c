//! Continued reports: whether a sentence reads as the continuation of a report made in the
//! sentence before it (see `continues_report` in the module docs). Only sentences right after
//! an attributed one are read, so the cost is a word scan of a few sentences per article.

/// Words that put the author (or the reader) in the sentence: first and second person.
/// `us` counts only in lower case (`US` is the country); `I` as written.
fn is_first_or_second(word: &Word) -> bool {
    let raw = word.raw;
    match word.key() {
        "us" => raw == "us" || raw == "Us",
        "i" => raw == "I",
        w => matches!(
            w,
            "me" | "my"
                | "mine"
                | "myself"
                | "we"
                | "our"
                | "ours"
                | "ourselves"
                | "you"
                | "your"
                | "yours"
                | "yourself"
                | "yourselves"
                | "i'm"
                | "i've"
                | "i'd"
                | "i'll"
                | "we're"
                | "we've"
                | "we'd"
                | "we'll"
                | "you're"
                | "you've"
                | "you'd"
                | "you'll"
                | "let's"
        ),
    }
}

/// Modals a report is continued in: back-shifted `would` and `could` (2), and `should` and
/// `might` (1), which the author advises and speculates with as often: they continue a report
/// only with an additive link.
fn report_modal(w: &str) -> u8 {
    match w {
        "would" | "could" | "wouldn't" | "couldn't" => 2,
        "should" | "might" | "shouldn't" | "mightn't" => 1,
        _ => 0,
    }
}

/// First words that make a sentence the author's answer to what was just reported: a
/// contrast, a concession, the author's comment adverb, a question word, or a pronoun that
/// points back at the report as a whole (`That would be a mistake.`).
fn is_author_opener(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "yet"
            | "still"
            | "however"
            | "nevertheless"
            | "nonetheless"
            | "indeed"
            | "surely"
            | "perhaps"
            | "maybe"
            | "clearly"
            | "obviously"
            | "frankly"
            | "honestly"
            | "sadly"
            | "happily"
            | "unfortunately"
            | "fortunately"
            | "admittedly"
            | "arguably"
            | "certainly"
            | "nor"
            | "so"
            | "then"
            | "that"
            | "this"
            | "these"
            | "those"
            | "such"
            | "which"
            | "what"
            | "why"
            | "how"
            | "who"
            | "whether"
            | "whoever"
            | "if"
            | "few"
            | "no"
            | "nobody"
            | "everyone"
            | "anyone"
    )
}

/// The author's own frames after a modal: verdicts and advice in the author's voice (`would
/// have done better`, `would do well to`, `would be wise to`, `should be ashamed`), and any
/// modal with `have` (`should have known`: the author's hindsight).
fn is_author_frame(words: &[Word], k: usize) -> bool {
    let at = |j: usize| words.get(k + j).map_or("", Word::key);
    // `It would be …`, `It should.`: the author's verdict on what was reported.
    let it_first = k == 1 && words[0].key() == "it";
    it_first
        || matches!(
            (at(1), at(2), at(3)),
            ("have", _, _)
                | (_, "have", _)
                | ("be", "entitled", _)
                | ("say" | "think" | "argue" | "claim", _, _)
                | ("do", "well", _)
                | ("do", "better", _)
                | ("be", "wise", _)
                | ("be", "well", "advised")
                | ("be", "better", "served")
                | ("be", "ashamed", _)
                | ("be", "forgiven", _)
                | ("hardly", _, _)
                | ("surely", _, _)
                | ("well", _, _)
        )
}

/// The one-word entries of the author-stance lexicons the cues count (evaluative words,
/// intensifiers, boosters, superlatives): a sentence holding one outside quotation marks judges
/// something, and reading it as a source's words would hide that judgement completely
/// (`Critics say the plan is flawed. They could not be more wrong.`).
static STANCE_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        [
            include_str!("../features/lexicons/evaluative.txt"),
            include_str!("../features/lexicons/intensifiers.txt"),
            include_str!("../features/lexicons/boosters.txt"),
            include_str!("../features/lexicons/superlatives.txt"),
        ]
        .into_iter()
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(' '))
        .collect()
    });

/// Whether a word is one of the [`STANCE_WORDS`].
fn is_stance_word(word: &Word) -> bool {
    let key = word.key();
    !key.is_empty() && STANCE_WORDS.contains(key)
}

/// Longest word the rules name, in bytes.
const MAX_KEY: usize = 14;

/// A word of a sentence: as written, and lower-cased with `’` written `'` (no allocation).
struct Word<'a> {
    raw: &'a str,
    key: [u8; MAX_KEY],
    len: u8,
}

impl<'a> Word<'a> {
    fn new(raw: &'a str) -> Word<'a> {
        let mut key = [0u8; MAX_KEY];
        let mut len = 0;
        for c in raw.chars() {
            let b = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => 0,
            };
            if b == 0 || len == MAX_KEY {
                // Longer than any word of the rules, or with a letter none of them has.
                return Word { raw, key, len: 0 };
            }
            key[len] = b;
            len += 1;
        }
        Word {
            raw,
            key,
            len: len as u8,
        }
    }

    /// The lower-cased word; empty when no rule can name it.
    fn key(&self) -> &str {
        std::str::from_utf8(&self.key[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// The words of `s` outside double quotation marks (`"…"`, `“…”`, `«…»`); an apostrophe inside
/// a word (`wouldn't`, `wouldn’t`) stays in it.
fn words_outside_quotes(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(24);
    let mut quoted = false;
    let mut start: Option<usize> = None;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if is_word_char(c) && !quoted {
            if start.is_none() && c != '\'' && c != '\u{2019}' {
                start = Some(i);
            }
            continue;
        }
        if let Some(st) = start.take() {
            out.push(Word::new(s[st..i].trim_end_matches(['\'', '\u{2019}'])));
        }
        match c {
            '"' => quoted = !quoted,
            '\u{201C}' | '\u{00AB}' => quoted = true,
            '\u{201D}' | '\u{00BB}' => quoted = false,
            _ => {}
        }
    }
    out
}

/// Searchers for the stems of the continuation markers, built once.
static MARKER_STEMS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 6]> =
    std::sync::LazyLock::new(|| {
        ["ould", "lso", "eanwhile", "ddition", "well", "too"].map(memchr::memmem::Finder::new)
    });

/// Whether the sentence `s`, right after a report in the same block, reads as its
/// continuation: it ends in a full stop, carries a back-shifted `would` or `could` or an
/// additive link (`also`, `as well`, `too` at the end, `meanwhile`, `in addition`,
/// `additionally`; `should` and `might` count only with one of these), has no first or second
/// person and no word of the author-stance lexicons (`wrong`, `deeply`, `simply`, `best`)
/// outside quotation marks, does not open as the author's answer to the report (`But`,
/// `That`, `It` before its modal, `Of course`, `In fact`, `Surely`, …) and holds none of the
/// author's frames after a modal (`would have`, `should never have`, `would do well to`, `be
/// wise to`, `be entitled to`, `be ashamed`, `would say`, `would hardly`).
pub(super) fn reads_on(s: &str) -> bool {
    // Scraped text: `&quot;` quotes as `"` does (see `decode_scraped`).
    let s = &*super::decode_scraped(s);
    let end = s
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', ')', ']']);
    if !end.ends_with('.') {
        return false;
    }
    // Most sentences after a report have no marker at all: a byte search for the words'
    // stems (`would`, `could`, `should`; `also`, `meanwhile`, `in addition`, `additionally`,
    // `as well`, `too`) spares them the word scan.
    if !MARKER_STEMS.iter().any(|m| m.find(s.as_bytes()).is_some()) {
        return false;
    }
    let words = words_outside_quotes(s);
    let Some(first) = words.first().map(Word::key) else {
        return false;
    };
    let second = words.get(1).map_or("", Word::key);
    let two_word_opener = matches!(
        (first, second),
        ("of", "course")
            | (
                "in",
                "fact" | "truth" | "reality" | "short" | "other" | "any" | "the"
            )
            | ("at", "least" | "best" | "worst")
            | ("even", "so")
            | ("to", "be")
    );
    if is_author_opener(first) || two_word_opener || words.iter().any(is_first_or_second) {
        return false;
    }
    let mut additive = false;
    let mut modal = 0;
    for (k, w) in words.iter().enumerate() {
        let key = w.key();
        let m = report_modal(key);
        if m > 0 {
            if is_author_frame(&words, k) {
                return false;
            }
            modal = modal.max(m);
        }
        let (prev, next) = (
            k.checked_sub(1).map_or("", |j| words[j].key()),
            words.get(k + 1).map_or("", Word::key),
        );
        let link = match key {
            "also" | "meanwhile" | "additionally" => true,
            "addition" => prev == "in",
            "well" => prev == "as" && next != "as",
            "too" => k + 1 == words.len(),
            _ => false,
        };
        // A stance word that is not the additive link itself (`too` at the end, `as well`).
        if !link && is_stance_word(w) {
            return false;
        }
        additive |= link;
    }
    modal == 2 || additive
}

/// Whether the attributed sentence `s` reports a third party: no first person outside
/// quotation marks (`I said`, `we argued`, `she told me` are left out).
pub(super) fn third_party(s: &str) -> bool {
    // Scraped text: `&quot;` quotes as `"` does (see `decode_scraped`).
    let s = &*super::decode_scraped(s);
    !words_outside_quotes(s).iter().any(is_first_or_second)
}

/// Whether the sentence `s` is a question: it ends in `?` (a closing bracket after it aside),
/// not in a closing quotation mark (`…, he asked, "why now?"` is a source's question).
pub(super) fn asks(s: &str) -> bool {
    s.trim_end().trim_end_matches([')', ']']).ends_with('?')
}

/// Whether the sentence `s` addresses someone outside quotation marks (`you`, `your`, …): an
/// interviewer's question.
pub(super) fn second_person(s: &str) -> bool {
    // Scraped text: `&quot;` quotes as `"` does (see `decode_scraped`).
    let s = &*super::decode_scraped(s);
    words_outside_quotes(s)
        .iter()
        .any(|w| is_first_or_second(w) && is_second(w.key()))
}

fn is_second(key: &str) -> bool {
    matches!(
        key,
        "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
            | "you're"
            | "you've"
            | "you'd"
            | "you'll"
    )
}

/// Whether the sentence `s` holds the first person outside quotation marks (`I`, `we`, `our`,
/// `us` in lower case, `my`, …).
pub(super) fn first_person(s: &str) -> bool {
    // Scraped text: `&quot;` quotes as `"` does (see `decode_scraped`).
    let s = &*super::decode_scraped(s);
    words_outside_quotes(s)
        .iter()
        .any(|w| is_first_or_second(w) && !is_second(w.key()))
}

/// Auxiliaries and modals a yes/no question opens with (`Will the plan work?`, `Is it any
/// wonder …?`, `Does anyone believe …?`).
fn is_question_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "shall"
            | "must"
            | "might"
            | "is"
            | "are"
            | "was"
            | "were"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "won't"
            | "wouldn't"
            | "can't"
            | "couldn't"
            | "shouldn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "don't"
            | "doesn't"
            | "didn't"
            | "hasn't"
            | "haven't"
    )
}

/// Whether the sentence `s` is a yes/no question of the writer's own (cue rules 14's
/// rhetorical question): it ends with `?`, opens with an auxiliary or a modal (`Will the
/// budget fix the roads?`, `Is that really too much to ask?`), and has no `I`, `me` or `my`
/// outside quotation marks (a reader's question in an explainer: `Will my bills change?`,
/// `Do I need a visa?`). A question word's question (`What happened?`) is not one.
pub(super) fn writers_yes_no_question(s: &str) -> bool {
    // Scraped text: `&quot;` quotes as `"` does (see `decode_scraped`).
    let s = &*super::decode_scraped(s);
    if !asks(s) {
        return false;
    }
    // The first word before the sentence's words are read.
    let lead = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = lead
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .unwrap_or(lead.len());
    if !is_question_auxiliary(Word::new(&lead[..end]).key()) {
        return false;
    }
    let words = words_outside_quotes(s);
    let Some(first) = words.first() else {
        return false;
    };
    // The first word of the sentence, not one after a quotation.
    if !lead.starts_with(first.raw) || !is_question_auxiliary(first.key()) {
        return false;
    }
    !words.iter().any(|w| match w.key() {
        "i" => w.raw == "I",
        k => matches!(
            k,
            "me" | "my" | "mine" | "myself" | "i'm" | "i've" | "i'd" | "i'll"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writers_yes_no_questions() {
        for s in [
            "Will the new tram line pay for itself?",
            "Is that really too much to ask?",
            "Does anyone at the ministry read these reports?",
            "Wouldn\u{2019}t it be simpler to ask the drivers?",
            "Should you?",
        ] {
            assert!(writers_yes_no_question(s), "{s}");
        }
        for s in [
            "What happened?",
            "Why now?",
            "Will my energy bills change?",
            "Do I need a visa?",
            "Can I still claim?",
            "The board will meet in May.",
            "Will it work, she asked.",
            "\u{201C}Will it work?\u{201D}",
            "And will it work?",
        ] {
            assert!(!writers_yes_no_question(s), "{s}");
        }
    }

    #[test]
    fn continuations_read_on() {
        for s in [
            "The new levy would mostly fall on small landlords.",
            "Rural routes, meanwhile, would be cut back to one bus a day.",
            "Pupils should bring a packed lunch as well.",
            "The ferry could not sail until the harbour wall was repaired.",
            "The rules would not apply to existing leases.",
            "The scheme wouldn\u{2019}t cover holiday lets.",
            "Parking charges are also set to double.",
            "In addition, the depot would close within a year.",
            "Staff might be moved to the new site too.",
        ] {
            assert!(reads_on(s), "{s}");
        }
    }

    #[test]
    fn the_authors_answers_do_not_read_on() {
        for s in [
            // Openers that answer the report.
            "That would be a costly mistake.",
            "But the trust would do well to listen.",
            "Of course it would.",
            "In fact the levy would raise very little.",
            "It would be a welcome change.",
            // The author's frames after the modal.
            "The board would have done better to publish the figures.",
            "Ministers would do well to read it.",
            "The trust would be wise to think again.",
            "The firm should be ashamed of itself as well.",
            "The council should never have sold the land.",
            "Residents would be entitled to ask why.",
            "He would say that.",
            "The plan would hardly work.",
            // A word of the author-stance lexicons: the author judges.
            "They could not be more wrong.",
            "It is also deeply unfair to renters.",
            "Her critics, meanwhile, are simply wrong.",
            "The levy would be a disaster for small firms.",
            // First or second person.
            "We would all pay for it.",
            "You might wonder why, too.",
            // No continuation marker, or `should`/`might` alone.
            "The levy is a disgrace.",
            "The council should publish the costs first.",
            "Readers might start with the appendix.",
            "The cuts came too late in the day.",
            // A question or an exclamation.
            "Would anyone believe that?",
            "It would be a miracle!",
        ] {
            assert!(!reads_on(s), "{s}");
        }
    }

    #[test]
    fn questions_and_the_first_person() {
        assert!(asks("What happens to income tax?"));
        assert!(asks("And for businesses? "));
        assert!(!asks("\"Why now?\""));
        assert!(!asks("He asked why."));
        assert!(first_person("People come to us now."));
        assert!(first_person("I hope not."));
        assert!(!first_person("You can claim it back."));
        assert!(!first_person("\"We will fight,\" she said."));
        assert!(!first_person("The US said no."));
    }

    /// Scraped text: quotation marks written as entities (`&quot;`, `&ldquo;`, `&#8220;`) quote
    /// the words inside them, as the marks do; `&#39;` is an apostrophe.
    #[test]
    fn quotation_mark_entities_quote_as_the_marks() {
        for (open, close) in [
            ("&quot;", "&quot;"),
            ("&ldquo;", "&rdquo;"),
            ("&#8220;", "&#8221;"),
        ] {
            let quoted = |s: &str| s.replace('<', open).replace('>', close);
            assert!(!first_person(&quoted(
                "The councillor said <we will win> and left."
            )));
            assert!(third_party(&quoted("<We will fight this,> she said.")));
            assert!(!second_person(&quoted("He asked: <Can you hear me?>")));
            assert!(reads_on(&quoted(
                "The closure would be <a disaster for us>, as well."
            )));
            assert!(reads_on(&quoted("The closure would also be <a relief.>")));
        }
        assert!(!third_party("We&#39;ll see, she said, and I agreed."));
    }

    #[test]
    fn first_person_inside_quotes_is_not_the_authors() {
        assert!(reads_on(
            "The closure would be \"a disaster for us\", as well."
        ));
        assert!(third_party("\"We will fight this,\" she said."));
        assert!(third_party("The US embassy said the talks would resume."));
        assert!(!third_party("I said the plan would fail."));
        assert!(!third_party("She told us the depot would close."));
    }
}
