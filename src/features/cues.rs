//! Cue features: counts of stance words from lexicons written for the project, plus
//! punctuation, number and attribution signals. Lexicon words are counted only in the
//! author's own words (outside quotation marks), so reported speech does not look like opinion.

use super::analyzer::{Context, Span, Token};
use rustc_hash::FxHashMap;

/// A lexicon: single words and multi-word phrases.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// First word → the phrases (as word lists) starting with it.
    entries: FxHashMap<String, Vec<Vec<String>>>,
}

impl Lexicon {
    /// Parse one entry per line; `#` starts a comment; entries are lower-cased.
    pub fn parse(src: &str) -> Lexicon {
        let mut entries: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for line in src.lines() {
            let line = line.split('#').next().unwrap_or("").trim().to_lowercase();
            let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
            if let Some(first) = words.first() {
                entries.entry(first.clone()).or_default().push(words);
            }
        }
        for v in entries.values_mut() {
            v.sort();
            v.dedup();
        }
        Lexicon { entries }
    }

    /// Number of entries (words and phrases).
    pub fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    /// True if the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Count matches among the author-span tokens (case-insensitive).
    pub fn count(&self, tokens: &[Token]) -> usize {
        let mut n = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.span != Span::Author {
                continue;
            }
            let key = t.text.to_lowercase();
            if let Some(phrases) = self.entries.get(&key) {
                let hit = phrases.iter().any(|p| {
                    p.len() <= tokens.len() - i
                        && p.iter()
                            .zip(&tokens[i..])
                            .all(|(w, t)| t.span == Span::Author && t.text.eq_ignore_ascii_case(w))
                });
                if hit {
                    n += 1;
                }
            }
        }
        n
    }
}

/// The built-in lexicons, by cue name.
const LEXICONS: &[(&str, &str)] = &[
    ("first_person", include_str!("lexicons/first_person.txt")),
    ("second_person", include_str!("lexicons/second_person.txt")),
    ("obligation", include_str!("lexicons/obligation.txt")),
    ("hedge", include_str!("lexicons/hedge.txt")),
    ("intensifier", include_str!("lexicons/intensifier.txt")),
    ("evaluative", include_str!("lexicons/evaluative.txt")),
    ("superlative", include_str!("lexicons/superlative.txt")),
    ("reporting", include_str!("lexicons/reporting.txt")),
    ("prediction", include_str!("lexicons/prediction.txt")),
    ("negation", include_str!("lexicons/negation.txt")),
];

/// The names of every cue feature, in output order.
pub fn cue_names() -> Vec<String> {
    let mut v: Vec<String> = LEXICONS.iter().map(|(n, _)| format!("cue:{n}")).collect();
    for n in [
        "question",
        "exclamation",
        "numbers",
        "capitalised",
        "quoted",
        "length",
        "in_quote",
        "attributed",
    ] {
        v.push(format!("cue:{n}"));
    }
    v
}

/// All cue lexicons together.
#[derive(Debug, Clone)]
pub struct CueSet {
    lexicons: Vec<(String, Lexicon)>,
}

impl CueSet {
    /// The lexicons shipped with factop.
    pub fn builtin() -> CueSet {
        CueSet {
            lexicons: LEXICONS
                .iter()
                .map(|(n, src)| (format!("cue:{n}"), Lexicon::parse(src)))
                .collect(),
        }
    }

    /// Cue values for one sentence, in [`cue_names`] order. Counts are squashed with
    /// `ln(1 + n)` so one long sentence cannot dominate.
    pub fn values(&self, tokens: &[Token], raw: &str, ctx: Context) -> Vec<(String, f32)> {
        let squash = |n: usize| (n as f32).ln_1p();
        let mut out: Vec<(String, f32)> = self
            .lexicons
            .iter()
            .map(|(name, lex)| (name.clone(), squash(lex.count(tokens))))
            .collect();
        let author = |s: &str| {
            tokens
                .iter()
                .filter(|t| t.span == Span::Author && t.text == s)
                .count()
        };
        let words = raw.split_whitespace().count().max(1);
        let capitalised = raw
            .split_whitespace()
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let quoted = tokens.iter().filter(|t| t.span == Span::Quoted).count();
        out.push(("cue:question".into(), squash(author("?"))));
        out.push(("cue:exclamation".into(), squash(author("!"))));
        out.push((
            "cue:numbers".into(),
            squash(author("<num>") + author("<pct>") + author("<cur>")),
        ));
        out.push(("cue:capitalised".into(), capitalised as f32 / words as f32));
        out.push((
            "cue:quoted".into(),
            quoted as f32 / tokens.len().max(1) as f32,
        ));
        out.push(("cue:length".into(), (words as f32).ln() / 4.0));
        out.push(("cue:in_quote".into(), f32::from(u8::from(ctx.in_quote))));
        out.push(("cue:attributed".into(), f32::from(u8::from(ctx.attributed))));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyzer::tokenise;
    use super::*;

    #[test]
    fn counts_words_and_phrases_outside_quotes_only() {
        let lex = Lexicon::parse("# c\nshould\nit is time\n");
        assert_eq!(lex.len(), 2);
        let t = tokenise("it is time we acted, and we should. \"you should go\"");
        assert_eq!(lex.count(&t), 2);
    }

    #[test]
    fn values_follow_names() {
        let set = CueSet::builtin();
        let t = tokenise("what a terrible idea?");
        let v = set.values(&t, "What a terrible idea?", Context::default());
        let names: Vec<String> = v.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(names, cue_names());
        let get = |n: &str| v.iter().find(|(k, _)| k == n).unwrap().1;
        assert!(get("cue:evaluative") > 0.0);
        assert!(get("cue:question") > 0.0);
        assert_eq!(get("cue:reporting"), 0.0);
    }
}
