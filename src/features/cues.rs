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
        (0..tokens.len())
            .filter(|&i| {
                tokens[i].span == Span::Author
                    && self.matches_at(tokens, i, &lower(&tokens[i].text))
            })
            .count()
    }

    /// Whether an entry starting with `key` (the lower-cased token `i`) matches at `i`.
    fn matches_at(&self, tokens: &[Token], i: usize, key: &str) -> bool {
        self.entries.get(key).is_some_and(|phrases| {
            phrases.iter().any(|p| {
                p.len() <= tokens.len() - i
                    && p.iter()
                        .zip(&tokens[i..])
                        .all(|(w, t)| t.span == Span::Author && t.text.eq_ignore_ascii_case(w))
            })
        })
    }
}

/// The token lower-cased, borrowed when it already is (tokens usually are).
fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        std::borrow::Cow::Owned(text.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
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
    /// First word of any entry → bit set of the lexicons that have an entry starting with it
    /// (one look-up per token instead of one per token and lexicon).
    first_words: FxHashMap<String, u64>,
}

impl CueSet {
    /// The lexicons shipped with factop.
    pub fn builtin() -> CueSet {
        let lexicons: Vec<(String, Lexicon)> = LEXICONS
            .iter()
            .map(|(n, src)| (format!("cue:{n}"), Lexicon::parse(src)))
            .collect();
        assert!(lexicons.len() <= 64, "at most 64 lexicons");
        let mut first_words: FxHashMap<String, u64> = FxHashMap::default();
        for (l, (_, lex)) in lexicons.iter().enumerate() {
            for w in lex.entries.keys() {
                *first_words.entry(w.clone()).or_default() |= 1 << l;
            }
        }
        CueSet {
            lexicons,
            first_words,
        }
    }

    /// Per lexicon, the number of matches among the author-span tokens (as
    /// [`Lexicon::count`] for each).
    fn counts(&self, tokens: &[Token]) -> Vec<usize> {
        let mut n = vec![0; self.lexicons.len()];
        for (i, t) in tokens.iter().enumerate() {
            if t.span != Span::Author {
                continue;
            }
            let key = lower(&t.text);
            let Some(&mask) = self.first_words.get(&*key) else {
                continue;
            };
            for (l, (_, lex)) in self.lexicons.iter().enumerate() {
                if mask & (1 << l) != 0 && lex.matches_at(tokens, i, &key) {
                    n[l] += 1;
                }
            }
        }
        n
    }

    /// Cue values for one sentence, in [`cue_names`] order. Counts are squashed with
    /// `ln(1 + n)` so one long sentence cannot dominate.
    pub fn values(&self, tokens: &[Token], raw: &str, ctx: Context) -> Vec<(String, f32)> {
        let squash = |n: usize| (n as f32).ln_1p();
        let mut out: Vec<(String, f32)> = self
            .lexicons
            .iter()
            .zip(self.counts(tokens))
            .map(|((name, _), n)| (name.clone(), squash(n)))
            .collect();
        let author = |s: &str| {
            tokens
                .iter()
                .filter(|t| t.span == Span::Author && t.text == s)
                .count()
        };
        let (mut words, mut capitalised) = (0usize, 0usize);
        for w in raw.split_whitespace() {
            if words > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
            words += 1;
        }
        let words = words.max(1);
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

    #[test]
    fn set_counts_match_each_lexicon() {
        let set = CueSet::builtin();
        for text in [
            "i think we should act, frankly it is the best and worst idea ever!",
            "\"we must not\" he said, but i believe it will surely fail. Clearly NOT.",
            "",
        ] {
            let t = tokenise(text);
            let each: Vec<usize> = set.lexicons.iter().map(|(_, l)| l.count(&t)).collect();
            assert_eq!(set.counts(&t), each, "{text}");
        }
    }
}
