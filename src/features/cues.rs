//! Cue features: counts of stance words from lexicons written for the project, plus
//! punctuation, number and attribution signals. Lexicon words are counted only in the
//! author's own words (outside quotation marks), so reported speech does not look like opinion.

use super::analyzer::{span_runs, Context, Span, Token};
use super::scope::{self, Scope};
use super::ReportedStance;
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
            let line = line.split('#').next().unwrap_or("").trim();
            // The shipped lexicons are lower-case ASCII: lowered only when needed.
            let line = if line
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                std::borrow::Cow::Borrowed(line)
            } else {
                std::borrow::Cow::Owned(line.to_lowercase())
            };
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

    /// This lexicon without the entries of `other`.
    fn without(mut self, other: &Lexicon) -> Lexicon {
        for (first, phrases) in &other.entries {
            if let Some(mine) = self.entries.get_mut(first) {
                mine.retain(|p| !phrases.contains(p));
                if mine.is_empty() {
                    self.entries.remove(first);
                }
            }
        }
        self
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
    fn matches_at<T: TokenSeq + ?Sized>(&self, tokens: &T, i: usize, key: &str) -> bool {
        self.entries.get(key).is_some_and(|phrases| {
            phrases.iter().any(|p| {
                p.len() <= tokens.count() - i
                    && p.iter().enumerate().all(|(k, w)| {
                        tokens.span(i + k) == Span::Author
                            && tokens.text(i + k).eq_ignore_ascii_case(w)
                    })
            })
        })
    }
}

/// Most lexicons a user may add ([`UserLexicon`]).
pub const MAX_USER_LEXICONS: usize = 16;

/// A lexicon the user brings (`train --lexicon NAME=FILE`), stored in the model so that
/// `classify` needs no flag: its entries count, in the author's own words only (outside
/// quotation marks and, with the reported-speech scope, outside reported speech), in the cue
/// `cue:lex:NAME`. Entries are tokenised as sentences are, so `So-called` or `U.S.` match
/// however the tokenizer splits them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UserLexicon {
    /// The name: 1 to 32 of `a-z`, `0-9` and `_`.
    pub name: String,
    /// The entries, each its tokens joined by single spaces, lower-cased, sorted and distinct.
    pub entries: Vec<String>,
}

impl UserLexicon {
    /// A lexicon from text: one word or phrase per line, `#` starts a comment, blank lines
    /// are skipped. `path` names the file in errors.
    pub fn parse(name: &str, text: &str, path: &str) -> crate::error::Result<UserLexicon> {
        let mut entries = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let tokens = super::analyzer::tokenise(&super::analyzer::normalise(line, true));
            if tokens.is_empty() {
                return Err(crate::error::Error::Data {
                    path: path.into(),
                    msg: format!(
                        "line {}: `{line}` has no word a sentence could match; remove the line",
                        k + 1
                    ),
                });
            }
            let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
            entries.push(words.join(" "));
        }
        entries.sort();
        entries.dedup();
        let lex = UserLexicon {
            name: name.into(),
            entries,
        };
        lex.validate().map_err(|msg| crate::error::Error::Data {
            path: path.into(),
            msg,
        })?;
        Ok(lex)
    }

    /// Check a lexicon name, saying what is wrong.
    pub fn check_name(n: &str) -> Result<(), String> {
        if n.is_empty()
            || n.len() > 32
            || !n
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(format!(
                "lexicon name `{n}` must be 1 to 32 of a-z, 0-9 and _ (e.g. `--lexicon loaded=words.txt`)"
            ));
        }
        Ok(())
    }

    /// Check the name and entries (as a model file could hold them), saying what is wrong.
    pub fn validate(&self) -> Result<(), String> {
        let n = &self.name;
        UserLexicon::check_name(n)?;
        if self.entries.is_empty() {
            return Err(format!(
                "lexicon `{n}` has no entries (one word or phrase per line; # starts a comment)"
            ));
        }
        if let Some(e) = self
            .entries
            .iter()
            .find(|e| e.is_empty() || e.split(' ').any(str::is_empty) || e.to_lowercase() != **e)
        {
            return Err(format!("lexicon `{n}` has a malformed entry `{e}`"));
        }
        Ok(())
    }

    /// The cue name of the lexicon.
    pub fn cue_name(&self) -> String {
        format!("cue:lex:{}", self.name)
    }
}

/// Read access to a sentence's tokens: owned [`Token`]s or the analyzer's borrowed ones.
pub(crate) trait TokenSeq {
    /// Number of tokens.
    fn count(&self) -> usize;
    /// The text of token `i`.
    fn text(&self, i: usize) -> &str;
    /// The span of token `i`.
    fn span(&self, i: usize) -> Span;
    /// The clause punctuation before token `i` (see [`Token::gap`]).
    fn gap(&self, i: usize) -> u8;
    /// Whether any token is quoted (its span not [`Span::Author`]).
    fn any_quoted(&self) -> bool {
        (0..self.count()).any(|i| self.span(i) != Span::Author)
    }
}

impl TokenSeq for [Token] {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, i: usize) -> &str {
        &self[i].text
    }
    fn span(&self, i: usize) -> Span {
        self[i].span
    }
    fn gap(&self, i: usize) -> u8 {
        self[i].gap
    }
}

/// What the cues need to know about one token's text, computed once per distinct token
/// (the featurizer caches it): the lexicons with an entry starting with it, and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenInfo {
    /// Bit `l` set: lexicon `l` has an entry whose first word is this token (lower-cased).
    pub lexicons: u64,
    /// Bit `l` set: lexicon `l` has this token as a one-word entry that matches it (so it
    /// matches wherever the token is the author's; see [`Lexicon::matches_at`]).
    pub single: u64,
    /// Where the phrases of two words or more that start with this token are listed
    /// ([`CueSet`]'s `phrases`), if any and if their first word matches the token (it is the
    /// token lower-cased: it matches unless lower-casing changed more than ASCII case).
    pub phrases: Option<u32>,
    /// The token's id among the second and later words of those phrases (compared without
    /// ASCII case, as [`Lexicon::matches_at`] compares them), or [`NO_WORD`].
    pub word: u32,
    /// `F_*` flags.
    pub flags: u32,
    /// The counted flags as 16-bit lanes (see [`LANES`]): summing this over tokens counts
    /// all of them with one addition per token.
    pub lanes: u128,
}

impl TokenInfo {
    /// Whether this token may make a first-person word one or two tokens before it the
    /// newsroom's (`senses::is_newsrooms`; set from cue rules 15): where no token after such
    /// a word may, it is not.
    pub(crate) fn may_follow_newsroom(&self) -> bool {
        self.flags & F_NEWSROOM_NEXT != 0
    }
}

impl Default for TokenInfo {
    fn default() -> Self {
        TokenInfo {
            lexicons: 0,
            single: 0,
            phrases: None,
            word: NO_WORD,
            flags: 0,
            lanes: 0,
        }
    }
}

/// [`TokenInfo::word`] of a token that is no second or later word of a phrase.
const NO_WORD: u32 = u32::MAX;

impl TokenInfo {
    /// The token can open a reported-speech scope (a reporting or attitude verb, `according`).
    #[inline]
    pub(crate) fn may_open_scope(&self) -> bool {
        self.flags & F_SCOPE != 0
    }
}

/// The flags counted over the author's tokens, in lane order.
const LANES: [u32; 8] = [
    F_EST,
    F_QUESTION,
    F_EXCLAMATION,
    F_NUMBER,
    F_PERCENT,
    F_CURRENCY,
    F_DATE,
    F_WORD,
];

/// Tokens summed into one lane before the lanes are unpacked (a lane cannot overflow).
const LANE_TOKENS: usize = u16::MAX as usize;

const F_WORD: u32 = 1;
const F_QUESTION: u32 = 1 << 1;
const F_EXCLAMATION: u32 = 1 << 2;
const F_PERCENT: u32 = 1 << 3;
const F_CURRENCY: u32 = 1 << 4;
const F_DATE: u32 = 1 << 5;
const F_MOST: u32 = 1 << 6;
const F_ALPHABETIC: u32 = 1 << 7;
const F_EST: u32 = 1 << 8;
const F_NUMBER: u32 = 1 << 9;
/// A reporting or attitude verb, or `according`: may open a reported-speech scope.
const F_SCOPE: u32 = 1 << 10;
/// One of revision 20's verdict adverbs (`senses::is_verdict_adverb_20`; set from cue rules 20).
const F_VERDICT_ADVERB_20: u32 = 1 << 11;
/// A word that may be one of revision 21's loaded words (`senses::may_be_loaded_21`; set from
/// cue rules 21).
const F_LOADED_21: u32 = 1 << 12;
/// A word that may open one of revision 22's verdicts on a report
/// (`senses::may_open_verdict_22`; set from cue rules 22).
const F_VERDICT_22: u32 = 1 << 13;
/// One of the imperative's openers (`senses::MARK_IMPERATIVE_OPENER`; set from cue rules 13).
const F_IMPERATIVE_OPENER: u32 = 1 << 14;
/// A word that may be an imperative's verb (`senses::MARK_IMPERATIVE_VERB`; from cue rules 13).
const F_IMPERATIVE_VERB: u32 = 1 << 15;
/// A word that may make a first-person word before it the newsroom's
/// (`senses::MARK_NEWSROOM_NEXT`; set from cue rules 15).
const F_NEWSROOM_NEXT: u32 = 1 << 16;
/// A word that may be one of revision 23's evaluative words on a figure
/// (`senses::may_frame_figure_23`; set from cue rules 23).
const F_FIGURE_23: u32 = 1 << 17;
/// A word that may hedge one of revision 24's predictions
/// (`senses::may_hedge_prediction_24`; set from cue rules 24).
const F_HEDGE_24: u32 = 1 << 18;
/// One of the verdict words of revision 25's verdict on a source
/// (`senses::is_source_verdict_word_25`; set from cue rules 25).
const F_SOURCE_VERDICT_25: u32 = 1 << 19;

/// The first token from `from` on whose info has `flag` (cue rules 23's words on a figure):
/// the flags of four tokens or-ed and tested at a time, as most sentences have none (a
/// search token by token took 7 instructions a token).
fn next_flagged_23(info: &[TokenInfo], from: usize, flag: u32) -> Option<usize> {
    let mut at = from;
    for c in info[from..].chunks_exact(4) {
        if (c[0].flags | c[1].flags | c[2].flags | c[3].flags) & flag != 0 {
            break;
        }
        at += 4;
    }
    info[at..]
        .iter()
        .position(|inf| inf.flags & flag != 0)
        .map(|p| at + p)
}

/// The first token from `from` that starts an entry of some lexicon. Not inlined: inside
/// [`CueSet::counts`]' loop the search carried its body's indices along (10 instructions a
/// token).
#[inline(never)]
fn next_entry_start(info: &[TokenInfo], from: usize) -> Option<usize> {
    info[from..]
        .iter()
        .position(|inf| inf.lexicons != 0)
        .map(|p| from + p)
}

/// The tokens a revision's rule reads at its candidate words, in increasing order: on the fast
/// path (`cached`) those of the `n` tokens whose info has (one of) `flag`, found by
/// [`next_flagged_23`], and none when `flags` (the union of the sentence's flags) has none of
/// it, as most sentences; on the reference path every token.
fn flagged_tokens(
    info: &[TokenInfo],
    n: usize,
    cached: bool,
    flags: u32,
    flag: u32,
) -> impl Iterator<Item = usize> + '_ {
    let searched = &info[..if cached && flags & flag != 0 { n } else { 0 }];
    let mut next = 0;
    std::iter::from_fn(move || {
        let k = if cached {
            next_flagged_23(searched, next, flag)?
        } else if next < n {
            next
        } else {
            return None;
        };
        next = k + 1;
        Some(k)
    })
}

/// Index of the `obligation` lexicon among [`LEXICONS`] (cue rules 23 read its matches in the
/// author's relative clause). The assertion below keeps it pinned to that name at compile time.
const OBLIGATION: usize = 2;
const _: () = {
    let name = LEXICONS[OBLIGATION].0.as_bytes();
    let want = b"obligation";
    assert!(name.len() == want.len());
    let mut i = 0;
    while i < want.len() {
        assert!(
            name[i] == want[i],
            "OBLIGATION must index the obligation lexicon"
        );
        i += 1;
    }
};

/// Number of cue features without the reported-speech scope.
const N_BASE_CUES: usize = LEXICONS.len() + OTHER_CUES.len();
/// Most cue features a sentence can have: with the reported-speech scope, the split evaluative
/// lexicon, cue rules 2 and every user lexicon ([`REPORTED_CUES`], then [`DESCRIPTIVE_CUE`],
/// then [`SCARE_QUOTES_CUE`], then [`STANCE_FRAMES_CUE`], then one per [`UserLexicon`], in
/// this order after the base cues).
pub(crate) const N_CUES: usize = N_BASE_CUES + MAX_REPORTED_CUES + 3 + MAX_USER_LEXICONS;

/// Most lexicons a cue set has: the built-in ones, the descriptive entries' (split from the
/// evaluative lexicon), the author-stance frames' and the user's (the per-lexicon counts of a
/// sentence are arrays of this length, zeroed per sentence).
const MAX_LEXICONS: usize = LEXICONS.len() + 2 + MAX_USER_LEXICONS;

/// Most reported-speech cues: with `ReportedStance::Split`, the evaluative cue, one per stance
/// lexicon (every lexicon but `reporting` and `evaluative`) and the reported words.
const MAX_REPORTED_CUES: usize = LEXICONS.len();

/// The cue of short quoted runs in the author's own voice (cue rules 2), after the other
/// built-in ones.
const SCARE_QUOTES_CUE: &str = "scare_quotes";

/// Whether revision `rules` of the cue rules counts [`SCARE_QUOTES_CUE`]: only revision 2
/// (revision 3 adds attribution frames to revision 1).
pub(crate) fn counts_scare_quotes(rules: u8) -> bool {
    rules == 2
}

/// The cue of the author-stance frames (cue rules 11: `once again`, `remains to be seen`,
/// `cold comfort`, `tellingly`, …; `lexicons/stance_frames.txt`), after the scare-quote cue.
const STANCE_FRAMES_CUE: &str = "stance_frames";

/// The author-stance frames' lexicon (written for the project).
const STANCE_FRAMES: &str = include_str!("lexicons/stance_frames.txt");

/// Entries added to the author-stance frames' lexicon from cue rules 13 (`helpfully`, `in
/// hindsight`, `to nobody's surprise`, …; revisions 11 and 12 read [`STANCE_FRAMES`] alone).
const STANCE_FRAMES_13: &str = include_str!("lexicons/stance_frames_13.txt");

/// Entries added to the exhortation lexicon from cue rules 13: the author's recommendations
/// (`may want to`, `would do well to`, `worth a visit`, `best avoided`, …).
const EXHORTATION_13: &str = include_str!("lexicons/exhortation_13.txt");

/// Whether revision `rules` of the cue rules reads the lexicon entries of revision 13
/// ([`STANCE_FRAMES_13`], [`EXHORTATION_13`]) and counts the author's imperative
/// (`senses::imperative_at`) in `cue:exhortation`: 13 and later.
pub(crate) fn reads_revision_13(rules: u8) -> bool {
    rules >= 13
}

/// Whether revision `rules` of the cue rules reads revision 17's words and lines: more of the
/// newsroom's own and the writer's record (`senses::is_newsrooms`: `the kettles we bought`,
/// `our safety tests`, `That's all from us`, `I have driven a bus … for 22 years`),
/// broadcast formulae in a neutral sense (`Welcome back to …`, `Good evening from …`), a
/// link line's verb as no imperative (`senses::is_link_line`: `Read more: …`) and a rating
/// line (`senses::is_rating`: `Four stars`, `★★★☆☆`, `Rating: 3/5`) as one evaluative
/// match; and a reader's `Q` block as a question block's sentences
/// ([`Context::q_label_17`](super::analyzer::Context::q_label_17)): 17 and later.
pub(crate) fn reads_revision_17(rules: u8) -> bool {
    rules >= 17
}

/// Whether revision `rules` of the cue rules reads revision 18's words and lines: the
/// newsroom's staff and a writer's question to an expert as the newsroom's
/// (`senses::is_newsrooms`: `our librarian`, `I asked Dr …`), a verdict label
/// (`senses::is_verdict_label`: `Best buy: …`, `Worst buy: …`) as one evaluative match, and
/// a transcript's question turns ([`Context::q_turn_18`](super::analyzer::Context::q_turn_18))
/// as a question block's sentences: 18 and later.
pub(crate) fn reads_revision_18(rules: u8) -> bool {
    rules >= 18
}

/// Whether revision `rules` of the cue rules reads revision 20's words: the author's verdict on
/// a source inside a reported sentence (`senses::verdict_on_report`: `X claimed, wrongly, that
/// …`, `X rightly concluded …`, `…, and they are right.`) as the author's: the sentence has no
/// reported-speech scope, and the verdict word is one evaluative match: 20 and later.
pub(crate) fn reads_revision_20(rules: u8) -> bool {
    rules >= 20
}

/// Whether revision `rules` of the cue rules reads revision 21's words: loaded words in the
/// author's voice (`senses::is_loaded_21`: `splurged`, `a junket`, `cronies`, `caved in`,
/// `to the bone`, `gravy train`, `rammed the charges through`) as one evaluative match each
/// when no lexicon counted them (the report's inside a reported-speech scope, as a lexicon
/// word is): 21 and later (21 reads what 20 reads).
pub(crate) fn reads_revision_21(rules: u8) -> bool {
    rules >= 21
}

/// Whether revision `rules` of the cue rules reads revision 22's words: more of the author's
/// verdicts on a source (`senses::verdict_on_report`: `X warned, presciently, that …`, `X
/// replied, with a straight face, that …`, `X told the hearing, with complete justification,
/// that …`), each verdict on a report also one author-stance frame, and the author's
/// imperative after a fronted clause (`Until then, expect delays.`), whose verb opens no
/// reported-speech scope: 22 and later (22 reads what 21 reads).
pub(crate) fn reads_revision_22(rules: u8) -> bool {
    rules >= 22
}

/// Whether revision `rules` of the cue rules reads revision 23's words: the author's
/// evaluative word on a figure (`senses::figure_frame_23`: `a paltry 1.5%`, `a staggering
/// £4m`, `a mere 3%`) as one evaluative match and one author-stance frame (the report's inside
/// reported speech, one reported evaluative match), and a judgement attributed by a colon
/// (`senses::colon_report_23`: `The union's verdict: …`), whose words after the colon are
/// the source's, in reported speech: 23 and later (23 reads what 22 reads).
pub(crate) fn reads_revision_23(rules: u8) -> bool {
    rules >= 23
}

/// Whether revision `rules` of the cue rules reads revision 24's forms: the author's hedged
/// prediction (`senses::hedged_prediction_24`: `is likely to`, `will probably`, `almost
/// certainly`, `could well be`) as one author-stance frame (inside reported speech, none),
/// and the author's pressing question (`senses::pressing_question_24`:
/// `Did we really need …?`, `why will the minister not simply say so?`) as one author-stance
/// frame: 24 alone (24 reads what 23 reads; 25 reads neither form).
pub(crate) fn reads_revision_24(rules: u8) -> bool {
    rules == 24
}

/// Whether revision `rules` of the cue rules reads revision 25's forms and fixes: a judgement
/// attributed by a colon read with a time's colon skipped and a plural owner right before the
/// judgement (`senses::colon_report_25`), the author's verdict on a source
/// (`senses::source_verdict_25`: `She is right, though …`, `he has a point`, `X was right to
/// …`) and the author's evaluative word on a figure from the lexicons (`senses::figure_judged_25`:
/// `a magnificent 11,200`), each one author-stance frame: 25 and later (25 reads what 23 reads).
pub(crate) fn reads_revision_25(rules: u8) -> bool {
    rules >= 25
}

/// Whether revision `rules` of the cue rules reads revision 26's forms: the author's `too` of
/// excess (`senses::excess_degree_26`: `too small for families`, not `too ill to travel`) and
/// the author's superlative of an evaluative adjective over a comparison class
/// (`senses::judged_superlative_26`: `the finest venue in the north`, not `the largest employer
/// in the county`), each one author-stance frame outside reported speech: 26 and later (26
/// reads what 25 reads).
pub(crate) fn reads_revision_26(rules: u8) -> bool {
    rules >= 26
}

/// Whether revision `rules` of the cue rules reads revision 19's words: the reader's calls to
/// action as the author's imperative (`senses::imperative_at`: `Write to your councillor …`,
/// `Complain to the regulator.`, `Don't bother with …`): 19 and later.
pub(crate) fn reads_revision_19(rules: u8) -> bool {
    rules >= 19
}

/// Whether revision `rules` of the cue rules counts the writer's rhetorical question
/// ([`Context::rhetorical`]: a yes/no question of the author's in a paragraph that goes on)
/// in `cue:stance_frames`: 14 and later.
pub(crate) fn reads_revision_14(rules: u8) -> bool {
    rules >= 14
}

/// Whether revision `rules` of the cue rules reads the newsroom's own `we`/`our` in plain
/// reporting (`senses::is_newsrooms`: `We asked the council for comment`, `Our analysis of
/// the data`) as no first person, and as the placeholder `<newsroom>` in the n-grams: 15 and
/// later.
pub(crate) fn reads_revision_15(rules: u8) -> bool {
    rules >= 15
}

/// Whether the sentence read in `ctx` (as [`Context::read`] gives it) is the writer's
/// rhetorical question that cue rules `rules` count as an author-stance frame: the segmenter's
/// flag, from revision 14, on a sentence not read as quoted or attributed.
pub(crate) fn rhetorical_frame(rules: u8, ctx: Context) -> bool {
    reads_revision_14(rules) && ctx.rhetorical && !ctx.in_quote && !ctx.attributed
}

/// The author-stance frames' lexicon, with revision 13's entries when `more`.
fn stance_frames_lexicon(more: bool) -> Lexicon {
    if more {
        Lexicon::parse(&format!("{STANCE_FRAMES}\n{STANCE_FRAMES_13}"))
    } else {
        Lexicon::parse(STANCE_FRAMES)
    }
}

/// The built-in lexicon `name` from `src`, with revision 13's entries when `more`.
fn builtin_lexicon(name: &str, src: &str, more: bool) -> Lexicon {
    if more && name == "exhortation" {
        Lexicon::parse(&format!("{src}\n{EXHORTATION_13}"))
    } else {
        Lexicon::parse(src)
    }
}

/// Whether revision `rules` of the cue rules counts [`STANCE_FRAMES_CUE`]: 11 and later.
pub(crate) fn counts_stance_frames(rules: u8) -> bool {
    rules >= 11
}

/// Words right before a short quotation that name a term rather than sneer at it: `called it
/// "a betrayal"`, `dubbed "the iron lady"`, `known as "the Lanes"` (cue rules 2).
fn is_naming_word(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dubbed"
            | "labelled"
            | "labeled"
            | "branded"
            | "termed"
            | "nicknamed"
            | "titled"
            | "entitled"
            | "named"
            | "word"
            | "words"
            | "phrase"
            | "slogan"
            | "motto"
            | "as"
    )
}

/// The token lower-cased, borrowed when it already is (tokens usually are).
pub(super) fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        std::borrow::Cow::Owned(text.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The built-in lexicons, by cue name (written for the project; see `lexicons/*.txt`).
const LEXICONS: &[(&str, &str)] = &[
    ("first_person", include_str!("lexicons/first_person.txt")),
    ("second_person", include_str!("lexicons/second_person.txt")),
    ("obligation", include_str!("lexicons/obligation.txt")),
    ("exhortation", include_str!("lexicons/exhortation.txt")),
    ("hedges", include_str!("lexicons/hedges.txt")),
    ("boosters", include_str!("lexicons/boosters.txt")),
    ("intensifiers", include_str!("lexicons/intensifiers.txt")),
    ("superlatives", include_str!("lexicons/superlatives.txt")),
    ("predictions", include_str!("lexicons/predictions.txt")),
    ("reporting", include_str!("lexicons/reporting.txt")),
    ("evaluative", include_str!("lexicons/evaluative.txt")),
];

/// The non-lexicon cues, in output order after the lexicon cues.
const OTHER_CUES: &[&str] = &[
    "most_adj",
    "est_word",
    "question",
    "exclamation",
    "ends_question",
    "numbers",
    "percent",
    "currency",
    "date",
    "proper_nouns",
    "quotes",
    "short_quotes",
    "long_quotes",
    "in_quote",
    "attributed",
    "quoted_share",
    "length",
];

/// The cues of the reported-speech scope (`FeatureConfig::reported_scope`), after the
/// others: evaluative-lexicon matches in reported speech, the other stance lexicons' matches
/// there (all but `reporting`), and the number of reported words.
const REPORTED_CUES: &[&str] = &["reported_evaluative", "reported_stance", "reported_words"];

/// The names of the reported-speech cues under `mode` (`FeatureConfig::reported_stance`), in
/// output order: [`REPORTED_CUES`] by default; without `cue:reported_stance` when those matches
/// are dropped or merged into another reported cue; with one cue per stance lexicon in its
/// place (in [`LEXICONS`] order) when split.
fn reported_cue_names(mode: ReportedStance) -> Vec<String> {
    let cue = |n: &str| format!("cue:{n}");
    match mode {
        ReportedStance::Own => REPORTED_CUES.iter().map(|n| cue(n)).collect(),
        ReportedStance::Split => std::iter::once(cue(REPORTED_CUES[0]))
            .chain(
                LEXICONS
                    .iter()
                    .filter(|(n, _)| !matches!(*n, "reporting" | "evaluative"))
                    .map(|(n, _)| format!("cue:reported_{n}")),
            )
            .chain(std::iter::once(cue(REPORTED_CUES[2])))
            .collect(),
        ReportedStance::Drop | ReportedStance::Evaluative | ReportedStance::Words => {
            vec![cue(REPORTED_CUES[0]), cue(REPORTED_CUES[2])]
        }
    }
}

/// The number of reported-speech cues under `mode` ([`reported_cue_names`]'s length).
fn n_reported_cues(mode: ReportedStance) -> usize {
    match mode {
        ReportedStance::Own => REPORTED_CUES.len(),
        ReportedStance::Split => MAX_REPORTED_CUES,
        ReportedStance::Drop | ReportedStance::Evaluative | ReportedStance::Words => 2,
    }
}

/// The cue of the evaluative lexicon's descriptive entries (`FeatureConfig::split_evaluative`),
/// after all the others.
const DESCRIPTIVE_CUE: &str = "descriptive";

/// The entries of the evaluative lexicon that `FeatureConfig::split_evaluative` counts in
/// [`DESCRIPTIVE_CUE`] instead (each is also in `evaluative.txt`).
const DESCRIPTIVE: &str = include_str!("lexicons/descriptive.txt");

/// Every cue is entered as `CUE_WEIGHT · ln(1 + count)`: log-squashed so one long sentence
/// cannot dominate, and scaled so the cues are regularised like the unit-norm n-gram blocks.
pub const CUE_WEIGHT: f32 = 0.5;

/// Words ending in -est that are not superlatives.
const NOT_SUPERLATIVE: &[&str] = &[
    "interest",
    "request",
    "suggest",
    "protest",
    "honest",
    "modest",
    "contest",
    "harvest",
    "forest",
    "arrest",
    "invest",
    "manifest",
    "digest",
    "conquest",
    "earnest",
    "midwest",
    "southwest",
    "northwest",
    "behest",
    "attest",
    "detest",
];

const PERCENT_WORDS: &[&str] = &["<pct>", "percent", "percentage"];
const CURRENCY_WORDS: &[&str] = &[
    "<cur>", "dollar", "dollars", "euro", "euros", "pound", "pounds", "cents", "million",
    "billion", "trillion",
];
const DATE_WORDS: &[&str] = &[
    "<year>",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The names of every cue feature, in output order; the reported-speech cues (as
/// `reported_stance` has them) only with `reported_scope`, then the descriptive cue only with
/// `split_evaluative`, then the scare-quote cue only with `scare_quotes` (cue rules 2), then
/// the author-stance frames' cue (last) only with `stance_frames` (cue rules 11 and later).
pub fn cue_names(
    reported_scope: bool,
    reported_stance: ReportedStance,
    split_evaluative: bool,
    scare_quotes: bool,
    stance_frames: bool,
) -> Vec<String> {
    let reported = if reported_scope {
        reported_cue_names(reported_stance)
    } else {
        Vec::new()
    };
    let descriptive: &[&str] = if split_evaluative {
        &[DESCRIPTIVE_CUE]
    } else {
        &[]
    };
    let scare: &[&str] = if scare_quotes {
        &[SCARE_QUOTES_CUE]
    } else {
        &[]
    };
    let frames: &[&str] = if stance_frames {
        &[STANCE_FRAMES_CUE]
    } else {
        &[]
    };
    let mut names: Vec<String> = LEXICONS
        .iter()
        .map(|(n, _)| *n)
        .chain(OTHER_CUES.iter().copied())
        .map(|n| format!("cue:{n}"))
        .collect();
    names.extend(reported);
    names.extend(
        descriptive
            .iter()
            .chain(scare)
            .chain(frames)
            .map(|n| format!("cue:{n}")),
    );
    names
}

/// All cue lexicons together.
#[derive(Debug, Clone)]
pub struct CueSet {
    lexicons: Vec<(String, Lexicon)>,
    /// First word of any entry → bit set of the lexicons that have an entry starting with it
    /// (one look-up per token instead of one per token and lexicon), and its phrases of two
    /// words or more in `phrases`, if any; and second or later word of any phrase (lower-cased
    /// as ASCII) → its id ([`TokenInfo::word`]; [`NO_WORD`] for the first words that are
    /// not). One look-up finds both for tokens in lower-case ASCII.
    first_words: FxHashMap<String, (u64, Option<u32>, u32)>,
    /// Per first word: each lexicon with phrases of two words or more starting with it, and
    /// those phrases, each as the ids of its words after the first.
    phrases: Vec<PhraseList>,
    /// Per list of `phrases`, bit `w % 128` set for the first id `w` of each of its phrases:
    /// where the next token's id has no bit set, none of the list's phrases goes on.
    phrase_next: Vec<u128>,
    /// `CUE_WEIGHT · ln(1 + n)` for small counts `n`.
    squashed: [f32; 64],
    /// Indices of the `reporting` (never moved to the reported-speech counts) and
    /// `evaluative` lexicons.
    reporting: usize,
    evaluative: usize,
    /// With the evaluative lexicon split (`FeatureConfig::split_evaluative`), the index of
    /// the lexicon of its descriptive entries (last, after [`LEXICONS`]'s).
    descriptive: Option<usize>,
    /// Every value is multiplied by this (`FeatureConfig::cue_scale`; 1 leaves them as they
    /// are).
    scale: f32,
    /// The revision of the rules (`FeatureConfig::cue_rules`): 2 adds the `and`-subject
    /// clause break to the scope and the scare-quote cue, 3 the attribution frames.
    rules: u8,
    /// Index in `lexicons` of the first user lexicon ([`UserLexicon`]); they come last.
    user_start: usize,
    /// How the non-evaluative stance matches in reported speech are counted
    /// (`FeatureConfig::reported_stance`).
    reported_stance: ReportedStance,
    /// Index of the `predictions` lexicon, whose `will` cue rules 9 drop in a timetable.
    predictions: usize,
    /// The lexicons whose matches cue rules 8 drop when a word is used in a neutral sense
    /// ([`SENSE_LEXICONS`]), as bits.
    sense_bits: u64,
    /// With cue rules 11 or later, the index of the author-stance frames' lexicon (after the
    /// other built-in ones, before the user's).
    frames: Option<usize>,
    /// Index of the `exhortation` lexicon, which counts the author's imperative from cue rules
    /// 13.
    exhortation: usize,
    /// Index of the `first_person` lexicon, whose newsroom `we`/`our` cue rules 15 drop.
    first_person: usize,
    /// Whether the exhortation and stance frames' lexicons hold revision 13's entries
    /// ([`reads_revision_13`]).
    more: bool,
}

/// The phrases of two words or more starting with one word: each lexicon that has some (its
/// index) and those phrases, each as the ids of its words after the first
/// ([`TokenInfo::word`]).
type PhraseList = Vec<(usize, Vec<Box<[u32]>>)>;

/// The lexicons whose words have judging and neutral senses (`features::senses`).
const SENSE_LEXICONS: &[&str] = &[
    "cue:evaluative",
    "cue:descriptive",
    "cue:intensifiers",
    "cue:boosters",
    "cue:superlatives",
    "cue:hedges",
];

/// Whether the short quoted run starting at token `start` is in the author's own voice:
/// outside the reported-speech scope, with no naming word among the three tokens before it.
fn is_scare_quote<T: TokenSeq + ?Sized>(tokens: &T, scope: &Scope, start: usize) -> bool {
    !scope.contains(start)
        && (start.saturating_sub(3)..start).all(|k| !is_naming_word(&lower(tokens.text(k))))
}

/// Words of `raw` after the first whose first letter or digit is upper-case.
fn proper_nouns(raw: &str) -> usize {
    if !raw.is_ascii() {
        return proper_nouns_chars(raw);
    }
    // The same on bytes (ASCII white space as `char::is_whitespace` has it): skip the first
    // word, then count the later words whose first letter or digit is upper-case, 64 bytes at
    // a time as bit masks (see `CapitalWords::chunk`).
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() && IS_SPACE[usize::from(b[i])] {
        i += 1;
    }
    while i < b.len() && !IS_SPACE[usize::from(b[i])] {
        i += 1;
    }
    let mut words = CapitalWords::default();
    for chunk in b[i..].chunks(64) {
        words.chunk(chunk);
    }
    words.count
}

/// [`proper_nouns`] of a sentence with chars beyond ASCII: each char stands for one ASCII
/// byte of its class (white space as `char::is_whitespace` has it, an upper-case or other
/// letter or digit, anything else), and these bytes are counted as ASCII text is, 64 at a
/// time. Runs of ASCII bytes are copied as they are, as much of each as the 64 bytes take.
#[inline(never)]
fn proper_nouns_chars(raw: &str) -> usize {
    let s = raw.trim_start();
    let rest = s.find(char::is_whitespace).map_or("", |k| &s[k..]);
    let mut words = CapitalWords::default();
    let mut buf = [b' '; 64];
    let mut n = 0;
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            let room = (buf.len() - n).min(b.len() - i);
            let run = (b[i..i + room].iter().position(|x| !x.is_ascii())).unwrap_or(room);
            buf[n..n + run].copy_from_slice(&b[i..i + run]);
            i += run;
            n += run;
        } else {
            // `i` is at the first byte of a char.
            let c = rest[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            buf[n] = if c.is_whitespace() {
                b' '
            } else if c.is_alphanumeric() {
                if c.is_uppercase() {
                    b'A'
                } else {
                    b'a'
                }
            } else {
                b'.'
            };
            n += 1;
        }
        if n == buf.len() {
            words.chunk(&buf);
            n = 0;
        }
    }
    words.chunk(&buf[..n]);
    words.count
}

/// [`proper_nouns`]' count over ASCII text fed up to 64 bytes at a time, with what it
/// carries from one chunk to the next.
#[derive(Default)]
struct CapitalWords {
    /// Words so far whose first letter or digit is upper-case.
    count: usize,
    /// The previous chunk ended inside a word.
    in_word: bool,
    /// ... inside a word's leading bytes that are neither letters nor digits (its first
    /// letter or digit is still to come).
    seeking: bool,
}

impl CapitalWords {
    /// Count the words starting in `chunk` (at most 64 ASCII bytes), as bit masks.
    #[inline]
    fn chunk(&mut self, chunk: &[u8]) {
        let (space, upper, alnum) = ascii_masks(chunk);
        // Bytes past the end of a short chunk count as white space.
        let space = space | u64::MAX.checked_shl(chunk.len() as u32).unwrap_or(0);
        let word = !space;
        let starts = word & !((word << 1) | u64::from(self.in_word));
        // Word bytes that are neither letters nor digits: a word's leading run of them is
        // stepped over by adding one at its first byte (the carry lands on the byte after
        // it); a run still open at the chunk's end carries into the next chunk.
        let other = word & !alnum;
        let seeds = starts & other;
        let (sum, c1) = other.overflowing_add(seeds);
        let (sum, c2) = sum.overflowing_add(u64::from(self.seeking));
        let after = sum & !other;
        let firsts = (starts | after) & alnum;
        self.count += (firsts & upper).count_ones() as usize;
        self.in_word = word >> 63 == 1;
        self.seeking = c1 || c2;
    }
}

/// Three masks of the bytes of `chunk` (at most 64 ASCII bytes; bit `k` for `chunk[k]`): white
/// space as `char::is_whitespace` has it, upper-case letters, letters and digits. Eight bytes
/// at a time (SWAR).
#[inline]
fn ascii_masks(chunk: &[u8]) -> (u64, u64, u64) {
    let (mut space, mut upper, mut alnum) = (0u64, 0u64, 0u64);
    let mut k = 0;
    let mut words = chunk.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        let (s, u, a) = ascii_masks8(w);
        space |= s << k;
        upper |= u << k;
        alnum |= a << k;
        k += 8;
    }
    for (j, &x) in words.remainder().iter().enumerate() {
        space |= u64::from(IS_SPACE[usize::from(x)]) << (k + j);
        upper |= u64::from(x.is_ascii_uppercase()) << (k + j);
        alnum |= u64::from(x.is_ascii_alphanumeric()) << (k + j);
    }
    (space, upper, alnum)
}

/// [`ascii_masks`] of eight ASCII bytes (little-endian in `w`), one bit per byte.
#[inline]
fn ascii_masks8(w: u64) -> (u64, u64, u64) {
    const HI: u64 = 0x8080_8080_8080_8080;
    const fn rep(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // Bytes below 0x80: adding 0x80 - lo sets a byte's high bit exactly when it is >= lo,
    // with no carry into the next byte.
    let ge = |lo: u8| w.wrapping_add(rep(0x80 - lo));
    let within = |lo: u8, hi: u8| ge(lo) & !ge(hi + 1) & HI;
    let nonzero = |x: u64| x.wrapping_add(rep(0x7F)) & HI;
    let sp = within(9, 13) | (!nonzero(w ^ rep(b' ')) & HI);
    let up = within(b'A', b'Z');
    let an = up | within(b'a', b'z') | within(b'0', b'9');
    let bits = |m: u64| (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    (bits(sp), bits(up), bits(an))
}

/// ASCII white space as `char::is_whitespace` has it.
const IS_SPACE: [bool; 256] = {
    let mut m = [false; 256];
    let mut b = 0;
    while b < 256 {
        m[b] = matches!(b as u8, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
        b += 1;
    }
    m
};

impl CueSet {
    /// The lexicons shipped with factop.
    pub fn builtin() -> CueSet {
        CueSet::new(false)
    }

    /// The lexicons shipped with factop; with `split_evaluative`, the descriptive entries of
    /// the evaluative lexicon (`lexicons/descriptive.txt`) form a lexicon of their own,
    /// counted in `cue:descriptive` instead of `cue:evaluative`.
    pub fn new(split_evaluative: bool) -> CueSet {
        CueSet::with_user_lexicons(split_evaluative, &[])
    }

    /// [`CueSet::new`] with the user's lexicons after the built-in ones, each counted in its
    /// own cue.
    pub fn with_user_lexicons(split_evaluative: bool, user: &[UserLexicon]) -> CueSet {
        CueSet::build(split_evaluative, user, false, false)
    }

    /// [`CueSet::with_user_lexicons`] under revision `rules` of the cue rules, as
    /// [`with_rules`](CueSet::with_rules) makes it, assembled once (`with_rules` assembles the
    /// lexicons again when it adds the author-stance frames').
    pub(crate) fn with_user_lexicons_and_rules(
        split_evaluative: bool,
        user: &[UserLexicon],
        rules: u8,
    ) -> CueSet {
        CueSet::build(
            split_evaluative,
            user,
            counts_stance_frames(rules),
            reads_revision_13(rules),
        )
        .with_rules(rules)
    }

    /// The built-in lexicons (the descriptive one with `split_evaluative`, then the
    /// author-stance frames' with `frames`), then the user's, with revision 13's entries when
    /// `more`; rules 1, scale 1.
    fn build(split_evaluative: bool, user: &[UserLexicon], frames: bool, more: bool) -> CueSet {
        let descriptive = split_evaluative.then(|| Lexicon::parse(DESCRIPTIVE));
        let mut lexicons: Vec<(String, Lexicon)> = LEXICONS
            .iter()
            .map(|(n, src)| {
                let lex = builtin_lexicon(n, src, more);
                let lex = match &descriptive {
                    Some(d) if *n == "evaluative" => lex.without(d),
                    _ => lex,
                };
                (format!("cue:{n}"), lex)
            })
            .collect();
        if let Some(d) = descriptive {
            lexicons.push((format!("cue:{DESCRIPTIVE_CUE}"), d));
        }
        // Where `with_rules` inserts it: after the other built-in lexicons.
        let frames = frames.then(|| {
            lexicons.push((
                format!("cue:{STANCE_FRAMES_CUE}"),
                stance_frames_lexicon(more),
            ));
            lexicons.len() - 1
        });
        let user_start = lexicons.len();
        for lex in user.iter().take(MAX_USER_LEXICONS) {
            lexicons.push((lex.cue_name(), Lexicon::parse(&lex.entries.join("\n"))));
        }
        CueSet::assemble(lexicons, user_start, split_evaluative, frames, more)
    }

    /// A cue set of `lexicons` (the built-in ones, then the user's from `user_start`), the
    /// descriptive lexicon among them with `split_evaluative`, the author-stance frames' at
    /// `frames`, revision 13's entries in them when `more`; rules 1, scale 1.
    fn assemble(
        lexicons: Vec<(String, Lexicon)>,
        user_start: usize,
        split_evaluative: bool,
        frames: Option<usize>,
        more: bool,
    ) -> CueSet {
        assert!(
            lexicons.len() <= MAX_LEXICONS,
            "at most {MAX_LEXICONS} lexicons"
        );
        let mut first_words: FxHashMap<String, (u64, Option<u32>, u32)> = FxHashMap::default();
        for (l, (_, lex)) in lexicons.iter().enumerate() {
            for w in lex.entries.keys() {
                first_words.entry(w.clone()).or_insert((0, None, NO_WORD)).0 |= 1 << l;
            }
        }
        let mut phrases = Vec::new();
        let mut words: Vec<String> = first_words.keys().cloned().collect();
        words.sort_unstable();
        let mut next_word = 0;
        for w in words {
            let mut list = Vec::new();
            for (l, (_, lex)) in lexicons.iter().enumerate() {
                let Some(entries) = lex.entries.get(&w) else {
                    continue;
                };
                let long: Vec<Box<[u32]>> = entries
                    .iter()
                    .filter(|p| p.len() >= 2)
                    .map(|p| {
                        p[1..]
                            .iter()
                            .map(|later| {
                                let e = first_words
                                    .entry(later.to_ascii_lowercase())
                                    .or_insert((0, None, NO_WORD));
                                if e.2 == NO_WORD {
                                    e.2 = next_word;
                                    next_word += 1;
                                }
                                e.2
                            })
                            .collect()
                    })
                    .collect();
                if !long.is_empty() {
                    list.push((l, long));
                }
            }
            if !list.is_empty() {
                if let Some(e) = first_words.get_mut(&w) {
                    e.1 = Some(phrases.len() as u32);
                }
                phrases.push(list);
            }
        }
        let phrase_next = (phrases.iter())
            .map(|list: &PhraseList| {
                (list.iter().flat_map(|(_, long)| long))
                    .filter_map(|p| p.first())
                    .fold(0u128, |bits, &w| bits | 1 << (w % 128))
            })
            .collect();
        let index = |name: &str| {
            lexicons
                .iter()
                .position(|(n, _)| n == name)
                .expect("built-in lexicon")
        };
        let sense_bits = lexicons
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| SENSE_LEXICONS.contains(&n.as_str()))
            .fold(0u64, |acc, (l, _)| acc | 1 << l);
        CueSet {
            sense_bits,
            predictions: index("cue:predictions"),
            exhortation: index("cue:exhortation"),
            first_person: index("cue:first_person"),
            more,
            reporting: index("cue:reporting"),
            evaluative: index("cue:evaluative"),
            descriptive: split_evaluative.then(|| index(&format!("cue:{DESCRIPTIVE_CUE}"))),
            lexicons,
            first_words,
            phrases,
            phrase_next,
            squashed: std::array::from_fn(|n| CUE_WEIGHT * (n as f32).ln_1p()),
            scale: 1.0,
            rules: 1,
            user_start,
            reported_stance: ReportedStance::Own,
            frames,
        }
    }

    /// The same cues under revision `rules` of the cue rules (`FeatureConfig::cue_rules`):
    /// from revision 11 with the author-stance frames' lexicon (before the user's), from
    /// revision 13 with more entries in it and in the exhortation lexicon.
    pub fn with_rules(self, rules: u8) -> CueSet {
        let more = reads_revision_13(rules);
        let set = if counts_stance_frames(rules) == self.frames.is_some() && more == self.more {
            self
        } else {
            let CueSet {
                mut lexicons,
                mut user_start,
                descriptive,
                frames,
                scale,
                exhortation,
                ..
            } = self;
            let (_, src) = LEXICONS
                .iter()
                .find(|(n, _)| *n == "exhortation")
                .expect("built-in lexicon");
            lexicons[exhortation].1 = builtin_lexicon("exhortation", src, more);
            if let Some(f) = frames {
                lexicons.remove(f);
                user_start -= 1;
            }
            let frames = counts_stance_frames(rules).then(|| {
                let lex = stance_frames_lexicon(more);
                lexicons.insert(user_start, (format!("cue:{STANCE_FRAMES_CUE}"), lex));
                user_start += 1;
                user_start - 1
            });
            CueSet::assemble(lexicons, user_start, descriptive.is_some(), frames, more)
                .scaled(scale)
        };
        CueSet { rules, ..set }
    }

    /// The bit of the `first_person` lexicon in [`TokenInfo::lexicons`]: set for `we` and `our`
    /// (the cheap pre-check of cue rules 15's newsroom words).
    pub(crate) fn first_person_bit(&self) -> u64 {
        1 << self.first_person
    }

    /// The same cues with the non-evaluative stance matches in reported speech counted as
    /// `mode` says (`FeatureConfig::reported_stance`).
    pub fn with_reported_stance(self, mode: ReportedStance) -> CueSet {
        CueSet {
            reported_stance: mode,
            ..self
        }
    }

    /// The same cues with every value multiplied by `scale` (`FeatureConfig::cue_scale`).
    pub fn scaled(self, scale: f32) -> CueSet {
        CueSet { scale, ..self }
    }

    /// What the cues need to know about a token with this text.
    pub(crate) fn token_info(&self, t: &str) -> TokenInfo {
        let mut flags = 0;
        let mut set = |cond: bool, f: u32| {
            if cond {
                flags |= f;
            }
        };
        set(
            t.chars().next().is_some_and(char::is_alphanumeric)
                || t.starts_with("<num")
                || t == "<year>",
            F_WORD,
        );
        set(t == "?", F_QUESTION);
        set(t == "!", F_EXCLAMATION);
        set(PERCENT_WORDS.contains(&t), F_PERCENT);
        set(CURRENCY_WORDS.contains(&t), F_CURRENCY);
        set(DATE_WORDS.contains(&t), F_DATE);
        set(matches!(t, "most" | "least"), F_MOST);
        set(t.chars().all(char::is_alphabetic), F_ALPHABETIC);
        set(
            t.len() > 5 && t.ends_with("est") && !NOT_SUPERLATIVE.contains(&t),
            F_EST,
        );
        set(t == "<num>" || t == "<year>", F_NUMBER);
        let key = lower(t);
        set(super::scope::may_open_scope(&key), F_SCOPE);
        set(
            reads_revision_20(self.rules) && super::senses::is_verdict_adverb_20(t),
            F_VERDICT_ADVERB_20,
        );
        set(
            reads_revision_21(self.rules) && super::senses::may_be_loaded_21(t),
            F_LOADED_21,
        );
        set(
            reads_revision_22(self.rules) && super::senses::may_open_verdict_22(t),
            F_VERDICT_22,
        );
        set(
            reads_revision_23(self.rules) && super::senses::may_frame_figure_23(t),
            F_FIGURE_23,
        );
        set(
            reads_revision_24(self.rules) && super::senses::may_hedge_prediction_24(t),
            F_HEDGE_24,
        );
        set(
            reads_revision_25(self.rules) && super::senses::is_source_verdict_word_25(t),
            F_SOURCE_VERDICT_25,
        );
        if reads_revision_13(self.rules) {
            use super::senses::{
                word_marks, MARK_IMPERATIVE_OPENER, MARK_IMPERATIVE_VERB, MARK_NEWSROOM_NEXT,
            };
            let marks = word_marks(t);
            set(marks & MARK_IMPERATIVE_OPENER != 0, F_IMPERATIVE_OPENER);
            set(marks & MARK_IMPERATIVE_VERB != 0, F_IMPERATIVE_VERB);
            set(
                reads_revision_15(self.rules) && marks & MARK_NEWSROOM_NEXT != 0,
                F_NEWSROOM_NEXT,
            );
        }
        let (lexicons, phrases, word) = self
            .first_words
            .get(&*key)
            .copied()
            .unwrap_or((0, None, NO_WORD));
        // A token in lower-case ASCII is its own key both ways: one look-up found both.
        let (phrases, word) = match key {
            std::borrow::Cow::Borrowed(_) => (phrases, word),
            std::borrow::Cow::Owned(_) => (
                // The phrases' first word is `key`, compared as `Lexicon::matches_at` does.
                phrases.filter(|_| t.eq_ignore_ascii_case(&key)),
                self.first_words
                    .get(&*t.to_ascii_lowercase())
                    .map_or(NO_WORD, |e| e.2),
            ),
        };
        let mut single = 0;
        for (l, (_, lex)) in self.lexicons.iter().enumerate() {
            if lexicons & (1 << l) != 0
                && lex.entries.get(&*key).is_some_and(|phrases| {
                    phrases
                        .iter()
                        .any(|p| p.len() == 1 && t.eq_ignore_ascii_case(&p[0]))
                })
            {
                single |= 1 << l;
            }
        }
        let lanes = LANES
            .iter()
            .enumerate()
            .filter(|(_, &f)| flags & f != 0)
            .fold(0u128, |acc, (k, _)| acc | 1 << (16 * k));
        TokenInfo {
            lexicons,
            single,
            phrases,
            word,
            flags,
            lanes,
        }
    }

    /// Per lexicon, the number of matches among the author-span tokens (as
    /// [`Lexicon::count`] for each). Matches that start in `scope` (reported speech) count
    /// in the second array instead, except the `reporting` lexicon's. `newsroom`: the tokens
    /// `analyzer::newsroom_tokens` marks, when the caller has them already (`None`: read here).
    /// The counts go to `author` and `reported` (zeroed by the caller): written in place, not
    /// returned, to save copying the arrays per sentence. `cached`: the fast path, which reads
    /// revisions 21, 23 and 24 only at tokens whose info flags a candidate word
    /// ([`flagged_tokens`]; `flags` is the union of the sentence's flags), where the reference
    /// path reads every token. `imperative`: the author's imperative,
    /// [`imperative`](Self::imperative) (found once by the caller, which reads it for the scope
    /// too).
    #[allow(clippy::too_many_arguments)]
    fn counts<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        scope: &Scope,
        raw: &str,
        newsroom: Option<&[usize]>,
        cached: bool,
        flags: u32,
        imperative: Option<usize>,
        author: &mut [usize; MAX_LEXICONS],
        reported: &mut [usize; MAX_LEXICONS],
    ) {
        // Most tokens start no entry: found by a search of their own (`next_entry_start`).
        let mut next = 0;
        let mut aside = false;
        while let Some(i) = next_entry_start(info, next) {
            next = i + 1;
            if tokens.span(i) != Span::Author {
                continue;
            }
            let n = if !scope.is_empty() && scope.contains(i) {
                &mut *reported
            } else {
                &mut *author
            };
            let mut matched = self.matched_sense(tokens, info, i, Some(raw));
            // The newsroom's own `we`/`our` in plain reporting (cue rules 15).
            if matched & (1 << self.first_person) != 0
                && reads_revision_15(self.rules)
                && newsroom.map_or_else(
                    || super::senses::is_newsrooms(tokens, i, &lower(tokens.text(i)), self.rules),
                    |marks| marks.contains(&i),
                )
            {
                matched &= !(1 << self.first_person);
            }
            // A verdict in the author's relative clause (cue rules 23): one author-stance
            // frame for the sentence.
            if reads_revision_23(self.rules)
                && !aside
                && matched & ((1 << self.evaluative) | (1 << OBLIGATION)) != 0
                && (scope.is_empty() || !scope.contains(i))
                && super::senses::in_relative_clause_23(tokens, i)
            {
                aside = true;
            }
            while matched != 0 {
                n[matched.trailing_zeros() as usize] += 1;
                matched &= matched - 1;
            }
        }
        // The author's imperative (cue rules 13), outside reported speech, unless its verb
        // matched the exhortation lexicon already (`Consider …`).
        if let Some(v) = imperative {
            if !scope.contains(v)
                && self.matched_at(tokens, info, v) & (1 << self.exhortation) == 0
                && !(reads_revision_17(self.rules) && super::senses::is_link_line(tokens, v))
            {
                author[self.exhortation] += 1;
            }
        }
        // A rating line in the author's voice (cue rules 17) is one evaluative match.
        if reads_revision_17(self.rules)
            && super::senses::is_rating(raw)
            && (0..tokens.count()).all(|k| tokens.span(k) == Span::Author)
        {
            author[self.evaluative] += 1;
        }
        // A verdict label in the author's voice (cue rules 18) is one evaluative match.
        if reads_revision_18(self.rules)
            && super::senses::is_verdict_label(raw)
            && tokens.count() > 0
            && tokens.span(0) == Span::Author
        {
            author[self.evaluative] += 1;
        }
        // Loaded words (cue rules 21) are one evaluative match each, unless a lexicon counted
        // them: the author's, or the report's inside its scope.
        if reads_revision_21(self.rules) {
            for k in flagged_tokens(info, tokens.count(), cached, flags, F_LOADED_21) {
                if super::senses::is_loaded_21(tokens, k)
                    && self.matched_sense(tokens, info, k, Some(raw)) & (1 << self.evaluative) == 0
                {
                    if !scope.is_empty() && scope.contains(k) {
                        reported[self.evaluative] += 1;
                    } else {
                        author[self.evaluative] += 1;
                    }
                }
            }
        }
        // An evaluative word on a figure (cue rules 23): one evaluative match and one
        // author-stance frame of the author's (the figure judged, whatever lexicon counted the
        // word), or one evaluative match of the report's inside its scope.
        if reads_revision_23(self.rules) {
            for k in flagged_tokens(info, tokens.count(), cached, flags, F_FIGURE_23) {
                if !super::senses::figure_frame_23(tokens, k) {
                    continue;
                }
                if !scope.is_empty() && scope.contains(k) {
                    if self.matched_sense(tokens, info, k, Some(raw)) & (1 << self.evaluative) == 0
                    {
                        reported[self.evaluative] += 1;
                    }
                } else {
                    author[self.evaluative] += 1;
                    if let Some(f) = self.frames {
                        author[f] += 1;
                    }
                }
            }
        }
        // The author's hedged prediction (cue rules 24): one author-stance frame, none inside
        // the report's scope.
        if reads_revision_24(self.rules) {
            if let Some(f) = self.frames {
                for k in flagged_tokens(info, tokens.count(), cached, flags, F_HEDGE_24) {
                    if !super::senses::hedged_prediction_24(tokens, k) {
                        continue;
                    }
                    if scope.is_empty() || !scope.contains(k) {
                        author[f] += 1;
                    }
                }
            }
            // The author's pressing question (cue rules 24): one author-stance frame.
            if let Some(f) = self.frames {
                if super::senses::pressing_question_24(tokens, raw) {
                    author[f] += 1;
                }
            }
        }
        // The author's comment adverb on a clause (cue rules 25): one author-stance frame
        // (the lexicon counted the word already).
        if reads_revision_25(self.rules) {
            if let Some(f) = self.frames {
                if tokens.count() > 2
                    && info[0].lexicons != 0
                    && (scope.is_empty() || !scope.contains(0))
                    && super::senses::comment_adverb_25(tokens, 0)
                    && self.matched_sense(tokens, info, 0, Some(raw)) & (1 << self.evaluative) != 0
                {
                    author[f] += 1;
                }
            }
        }
        // The author's evaluative word on a figure, read by the lexicons (cue rules 25): one
        // author-stance frame of the author's (the lexicon counted the word already).
        if reads_revision_25(self.rules) {
            if let Some(f) = self.frames {
                for k in 2..tokens.count() {
                    if !matches!(tokens.text(k), "<num>" | "<cur>") {
                        continue;
                    }
                    let Some(w) = super::senses::figure_judged_25(tokens, k) else {
                        continue;
                    };
                    if (scope.is_empty() || !scope.contains(w))
                        && self.matched_sense(tokens, info, w, Some(raw)) & (1 << self.evaluative)
                            != 0
                    {
                        author[f] += 1;
                    }
                }
            }
        }
        // The author's `too` of excess and the author's superlative of an evaluative adjective
        // over a comparison class (cue rules 26): one author-stance frame each, at most once a
        // sentence.
        if reads_revision_26(self.rules) {
            if let Some(f) = self.frames {
                let free = |k: usize| scope.is_empty() || !scope.contains(k);
                let n = tokens.count();
                if (0..n).any(|k| free(k) && super::senses::excess_degree_26(tokens, k)) {
                    author[f] += 1;
                }
                if (1..n).any(|k| {
                    free(k)
                        && super::senses::judged_superlative_26(tokens, k).is_some_and(
                            |(w, bases)| {
                                if w != k {
                                    self.matched_sense(tokens, info, w, Some(raw))
                                        & (1 << self.evaluative)
                                        != 0
                                } else {
                                    bases.iter().any(|b| self.is_evaluative_word(b))
                                }
                            },
                        )
                }) {
                    author[f] += 1;
                }
            }
        }
        if let Some(f) = self.frames.filter(|_| aside) {
            author[f] += 1;
        }
        // The reporting lexicon is about attribution, not stance: it stays the author's.
        author[self.reporting] += std::mem::take(&mut reported[self.reporting]);
    }

    /// Whether `word` (lower case) is a one-word entry of the evaluative lexicon (cue rules 26
    /// read the adjective a superlative grades).
    fn is_evaluative_word(&self, word: &str) -> bool {
        self.lexicons[self.evaluative]
            .1
            .entries
            .get(word)
            .is_some_and(|p| p.iter().any(|p| p.len() == 1))
    }

    /// [`matched_at`](Self::matched_at), without the sense-bearing lexicons when cue rules 8
    /// or later read the match in a neutral sense (`features::senses`).
    #[inline(always)]
    fn matched_sense<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        i: usize,
        raw: Option<&str>,
    ) -> u64 {
        let mut matched = self.matched_at(tokens, info, i);
        let predictions = 1u64 << self.predictions;
        let frames = self.frames.map_or(0, |f| 1u64 << f);
        if self.rules < 8 || matched & (self.sense_bits | predictions | frames) == 0 {
            return matched;
        }
        let key = lower(tokens.text(i));
        if matched & frames != 0 && !super::senses::is_authors_frame(tokens, i, &key) {
            matched &= !frames;
        }
        if matched & self.sense_bits != 0
            && (super::senses::is_neutral(tokens, i, &key, raw)
                || self.rules >= 12 && super::senses::is_neutral_12(tokens, i, &key, self.rules))
        {
            matched &= !self.sense_bits;
        }
        if self.rules >= 9
            && matched & predictions != 0
            && super::senses::is_scheduled(tokens, i, &key)
        {
            matched &= !predictions;
        }
        matched
    }

    /// The lexicons (bit `l` for lexicon `l`) with an entry matching at author token `i`
    /// (as [`Lexicon::count`] counts them); `info[k]` is [`token_info`](Self::token_info) of
    /// token `k`.
    #[inline(always)]
    fn matched_at<T: TokenSeq + ?Sized>(&self, tokens: &T, info: &[TokenInfo], i: usize) -> u64 {
        let inf = &info[i];
        // One-word entries match here whatever follows: no phrase to compare.
        let mut matched = inf.single;
        // The other lexicons starting here match if one of their longer phrases does (a
        // one-word entry of theirs cannot: it would be in `single`), compared as
        // `Lexicon::matches_at` compares: the first word is this token's (`phrases` is
        // `None` when it does not match), the others by their ids.
        let open = inf.lexicons & !inf.single;
        let Some(list) = inf.phrases.filter(|_| open != 0) else {
            return matched;
        };
        // Every phrase goes on: the next token must be the author's and a phrase word.
        let n = tokens.count();
        if i + 1 >= n || info[i + 1].word == NO_WORD || tokens.span(i + 1) != Span::Author {
            return matched;
        }
        // A phrase's first id is compared first, with the next token's (read once; its span
        // is the author's), and none of the list's where no first id can be it.
        let next = info[i + 1].word;
        if self.phrase_next[list as usize] >> (next % 128) & 1 == 0 {
            return matched;
        }
        for (l, phrases) in &self.phrases[list as usize] {
            if open & (1 << l) != 0
                && phrases.iter().any(|p| {
                    p.first() == Some(&next)
                        && p.len() < n - i
                        && p.iter().enumerate().skip(1).all(|(k, &w)| {
                            info[i + 1 + k].word == w && tokens.span(i + 1 + k) == Span::Author
                        })
                })
            {
                matched |= 1 << l;
            }
        }
        matched
    }

    /// The author's imperative (cue rules 13; `None` before): `senses::imperative_at`, on the
    /// fast path (`cached`) by the info's marks (`senses::imperative_at_marked`: the lists are
    /// read only where the verb's place may hold a listed verb; the reference path reads them
    /// for every sentence).
    #[inline]
    fn imperative<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        cached: bool,
    ) -> Option<usize> {
        if !reads_revision_13(self.rules) {
            None
        } else if cached {
            super::senses::imperative_at_marked(
                tokens,
                self.rules,
                |k| info[k].flags & F_IMPERATIVE_OPENER != 0,
                |k| info[k].flags & F_IMPERATIVE_VERB != 0,
            )
        } else {
            super::senses::imperative_at(tokens, self.rules)
        }
    }

    /// The reported-speech scope of a sentence (empty when no token can open one).
    #[inline]
    pub(crate) fn scope_of<T: TokenSeq + ?Sized>(&self, tokens: &T, info: &[TokenInfo]) -> Scope {
        self.scope_with(tokens, info, || {
            super::senses::imperative_at(tokens, self.rules)
        })
    }

    /// [`scope_of`](Self::scope_of) with the author's imperative from `imperative` (called at
    /// most once, from cue rules 22, when a token may open a scope): the caller may have found
    /// it already ([`imperative`](Self::imperative)).
    #[inline]
    fn scope_with<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        imperative: impl FnOnce() -> Option<usize>,
    ) -> Scope {
        if info.iter().any(TokenInfo::may_open_scope) {
            // The author's imperative opens no report (cue rules 22): `Expect delays`, `Believe
            // the forecasts` tell the reader what to expect or believe.
            let imperative = if reads_revision_22(self.rules) {
                imperative().filter(|&v| {
                    info[v].may_open_scope()
                        && !(reads_revision_17(self.rules)
                            && super::senses::is_link_line(tokens, v))
                })
            } else {
                None
            };
            // Nor does a standfirst's byline tag (cue rules 23): `…, writes Ann Corrie`. Read
            // only where its `writes` may open a scope (otherwise it changes nothing here).
            let byline = if reads_revision_23(self.rules)
                && super::senses::byline_places_23(tokens.count()).any(|v| info[v].may_open_scope())
            {
                super::senses::byline_tag_23(tokens)
            } else {
                None
            };
            // Nor does a verb with an imagined speaker (cue rules 25): `Any fan … would tell you
            // …`.
            let imagined = reads_revision_25(self.rules);
            scope::find(tokens, scope::Rules::of(self.rules), |i| {
                info[i].may_open_scope()
                    && Some(i) != imperative
                    && Some(i) != byline
                    && !(imagined && super::senses::imagined_source_25(tokens, i))
            })
        } else {
            Scope::default()
        }
    }

    /// Whether the segmenter's attribution of a sentence outside quotation marks rests only on
    /// `would say that` / `would say so` with nothing after it (cue rules 13,
    /// `senses::would_say_aside`: `He would say that.`), the author's aside: then
    /// `cue:attributed` is off. Another verb of speech (`…, the minister said`) or `according`
    /// keeps it.
    pub(crate) fn aside_only_attribution<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        ctx: Context,
    ) -> bool {
        if !reads_revision_13(self.rules) || ctx.in_quote {
            return false;
        }
        // A standfirst's byline tag (cue rules 23), or `would say that`.
        let byline = if reads_revision_23(self.rules) {
            super::senses::byline_tag_23(tokens)
        } else {
            None
        };
        // A verb with an imagined speaker (cue rules 25): `Any driver … will tell you …`.
        let imagined = || {
            (0..tokens.count()).find(|&k| {
                reads_revision_25(self.rules)
                    && crate::segment::is_cue_verb(lower(tokens.text(k)).as_bytes())
                    && super::senses::imagined_source_25(tokens, k)
            })
        };
        let Some(v) = byline
            .or_else(|| super::senses::would_say_aside(tokens))
            .or_else(imagined)
        else {
            return false;
        };
        (0..tokens.count()).all(|k| {
            let w = lower(tokens.text(k));
            k == v || !(w == "according" || crate::segment::is_cue_verb(w.as_bytes()))
        })
    }

    /// The stance lexicons as bits: the built-in ones but `reporting` (not the user's).
    fn stance_bits(&self) -> u64 {
        ((1u64 << self.user_start) - 1) & !(1 << self.reporting)
    }

    /// Call `mark(i)` for each author token `i` in reported speech that starts a match of a
    /// stance lexicon (any built-in one but `reporting`): the tokens whose matches count in the
    /// reported cues (see `FeatureConfig::mask_reported_stance`). In increasing order.
    pub(crate) fn reported_stance_starts<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        mut mark: impl FnMut(usize),
    ) {
        let scope = self.scope_of(tokens, info);
        let stance = self.stance_bits();
        for i in scope.ranges().flatten() {
            let inf = &info[i];
            if inf.lexicons & stance == 0 || tokens.span(i) != Span::Author {
                continue;
            }
            if self.matched_sense(tokens, info, i, None) & stance != 0 {
                mark(i);
            }
        }
    }

    /// Cue values for one sentence, in [`cue_names`] order. `tokens` are the unmasked tokens
    /// (quoted spans marked), `raw` the original sentence. Lexicon and punctuation cues count
    /// the author's words only.
    ///
    /// With `reported_scope`, stance-lexicon words in reported speech (see
    /// `features::scope`) count into the reported-speech cues instead of the author's.
    pub fn values(
        &self,
        tokens: &[Token],
        raw: &str,
        ctx: Context,
        reported_scope: bool,
    ) -> Vec<(String, f32)> {
        let info: Vec<TokenInfo> = tokens.iter().map(|t| self.token_info(&t.text)).collect();
        let mut names = cue_names(
            reported_scope,
            self.reported_stance,
            self.descriptive.is_some(),
            counts_scare_quotes(self.rules),
            self.frames.is_some(),
        );
        names.extend(
            self.lexicons[self.user_start..]
                .iter()
                .map(|(n, _)| n.clone()),
        );
        names
            .into_iter()
            .zip(self.values_array(tokens, &info, raw, ctx, reported_scope, None))
            .collect()
    }

    /// [`values`](Self::values) without the names: `info[i]` is [`token_info`](Self::token_info)
    /// of token `i`; `newsroom`, when the caller has them, the tokens
    /// `analyzer::newsroom_tokens` marks (cue rules 15: not read again here).
    pub(crate) fn values_array<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        raw: &str,
        ctx: Context,
        reported_scope: bool,
        newsroom: Option<&[usize]>,
    ) -> [f32; N_CUES] {
        let mut out = [0f32; N_CUES];
        // Scraped text: the sentence as written read with its quotation-mark entities as the
        // marks and without soft hyphens, as `normalise` reads it for the tokens.
        let decoded = crate::segment::decode_scraped(raw);
        self.fill_values(
            tokens,
            info,
            &decoded,
            ctx,
            reported_scope,
            newsroom,
            false,
            &mut out,
        );
        out
    }

    /// [`values_array`](Self::values_array) written to `out` (every value set): no array
    /// copied on the way out, per sentence on the inference path. `raw` is the sentence as
    /// written already decoded by `segment::decode_scraped` (as the tokens were normalised from
    /// it: the fast path decodes once for both). `cached`: the fast path, which reads
    /// revisions 20 and 21 only where the tokens' info flags a candidate word
    /// (`senses::verdict_on_report_cached`); the reference path (`values_array`) reads every
    /// token, and the proptests compare the two.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn fill_values<T: TokenSeq + ?Sized>(
        &self,
        tokens: &T,
        info: &[TokenInfo],
        raw: &str,
        ctx: Context,
        reported_scope: bool,
        newsroom: Option<&[usize]>,
        cached: bool,
        out: &mut [f32; N_CUES],
    ) {
        let squash = |n: f32| CUE_WEIGHT * n.ln_1p();
        // Counts are small whole numbers: their squashed values are tabulated.
        let squash_count = |n: usize| match self.squashed.get(n) {
            Some(&x) => x,
            None => squash(n as f32),
        };
        out.fill(0.0);
        // Counts over the author's tokens (in order, skipping quoted ones): the flags' lanes
        // summed, unpacked every `LANE_TOKENS` tokens.
        // In the same pass, the words among all the tokens, and the union of all the tokens'
        // flags (`all_flags`: most sentences have no candidate word of the revisions read at
        // flagged tokens, which then read none). Whether any token is quoted is found first:
        // most sentences quote nothing, and then the pass reads no span.
        let mut lanes = [0usize; LANES.len()];
        let mut any_flags = 0u32;
        let mut all_flags = 0u32;
        let mut words_all = 0usize;
        let any_quoted = tokens.any_quoted();
        for (c, chunk) in info.chunks(LANE_TOKENS).enumerate() {
            let mut sum = 0u128;
            if any_quoted {
                for (k, inf) in chunk.iter().enumerate() {
                    words_all += usize::from(inf.flags & F_WORD != 0);
                    all_flags |= inf.flags;
                    if tokens.span(c * LANE_TOKENS + k) == Span::Author {
                        sum += inf.lanes;
                        any_flags |= inf.flags;
                    }
                }
            } else {
                for inf in chunk {
                    words_all += usize::from(inf.flags & F_WORD != 0);
                    sum += inf.lanes;
                    any_flags |= inf.flags;
                }
                all_flags = any_flags;
            }
            for (k, lane) in lanes.iter_mut().enumerate() {
                *lane += ((sum >> (16 * k)) & 0xFFFF) as usize;
            }
        }
        // The author's imperative, read by the scope (cue rules 22) and counted (13).
        let imperative = self.imperative(tokens, info, cached);
        // (No token that may open a scope: none.)
        let full_scope = if reported_scope && all_flags & F_SCOPE != 0 {
            self.scope_with(tokens, info, || imperative)
        } else {
            Scope::default()
        };
        // The author's verdict on a report (cue rules 20): the sentence is the author's
        // judgement of what the source said, so the reported-speech scope does not hold its
        // stance words (the scare quotes still read the scope as found).
        let verdict = if !reads_revision_20(self.rules) {
            None
        } else if cached && all_flags & F_SCOPE == 0 {
            // Every form of the verdict is on a verb that may open a scope: none here.
            None
        } else if cached {
            let flag = F_VERDICT_ADVERB_20 | F_VERDICT_22;
            super::senses::verdict_on_report_cached(
                tokens,
                |k| info[k].may_open_scope(),
                flagged_tokens(info, tokens.count(), cached, all_flags, flag),
                self.rules,
            )
        } else {
            super::senses::verdict_on_report(tokens, |k| info[k].may_open_scope(), self.rules)
        };
        let scope = if verdict.is_some() {
            Scope::default()
        } else if reported_scope && reads_revision_23(self.rules) {
            // A judgement attributed by a colon (cue rules 23): the words after it are the
            // source's. From cue rules 25, a time's colon is skipped and a plural owner must
            // stand right before the judgement.
            let colon = if reads_revision_25(self.rules) {
                super::senses::colon_report_25(tokens, raw)
            } else {
                super::senses::colon_report_23(tokens, raw)
            };
            match colon {
                Some(c) => full_scope.with_range(c, tokens.count()),
                None => full_scope,
            }
        } else {
            full_scope
        };
        let mut counts = [0; MAX_LEXICONS];
        let mut reported = [0; MAX_LEXICONS];
        self.counts(
            tokens,
            info,
            &scope,
            raw,
            newsroom,
            cached,
            all_flags,
            imperative,
            &mut counts,
            &mut reported,
        );
        // A verb with an imagined speaker (cue rules 25): the author's claim put in an
        // imagined mouth, one author-stance frame.
        // (No token that may open a scope: no such verb.)
        if reads_revision_25(self.rules) && all_flags & F_SCOPE != 0 {
            if let Some(f) = self.frames {
                if (0..tokens.count()).any(|k| {
                    info[k].may_open_scope() && super::senses::imagined_source_25(tokens, k)
                }) {
                    counts[f] += 1;
                }
            }
        }
        // The author's verdict on a source (cue rules 25): one author-stance frame, and one
        // evaluative match if no lexicon counted its word as one.
        // On the fast path, only where a token's cached flag says one of its verdict words is
        // there (most sentences have none; the scan of every clause opening cost ~3,300
        // instructions a sentence).
        let may_judge_source = !cached || all_flags & F_SOURCE_VERDICT_25 != 0;
        if verdict.is_none() && reads_revision_25(self.rules) && may_judge_source {
            if let Some(f) = self.frames {
                let v = super::senses::source_verdict_25(tokens, |k| {
                    !scope.is_empty() && scope.contains(k)
                });
                if let Some(v) = v {
                    counts[f] += 1;
                    if self.matched_sense(tokens, info, v, Some(raw)) & (1 << self.evaluative) == 0
                    {
                        counts[self.evaluative] += 1;
                    }
                }
            }
        }
        // Its word is one evaluative match of the author's, if no lexicon counted it as one.
        if let Some(v) = verdict {
            let matched = self.matched_sense(tokens, info, v, Some(raw));
            if matched & (1 << self.evaluative) == 0 {
                counts[self.evaluative] += 1;
            }
            // From cue rules 22 it is also the author's comment on the report: one
            // author-stance frame, if that lexicon did not count it.
            if let Some(f) = self.frames.filter(|_| reads_revision_22(self.rules)) {
                if matched & (1 << f) == 0 {
                    counts[f] += 1;
                }
            }
        }
        for (o, n) in out.iter_mut().zip(&counts[..LEXICONS.len()]) {
            *o = squash_count(*n);
        }
        // `most` / `least` before a word, among the author's tokens (few sentences have one).
        let mut most_adj = 0usize;
        if any_flags & F_MOST != 0 {
            let mut prev_most = false;
            for (i, inf) in info.iter().enumerate() {
                if tokens.span(i) != Span::Author {
                    continue;
                }
                most_adj += usize::from(prev_most && inf.flags & F_ALPHABETIC != 0);
                prev_most = inf.flags & F_MOST != 0;
            }
        }
        let [est_word, question, exclamation, numbers, percent, currency, date, words_author] =
            lanes;
        let trimmed = raw
            .trim_end()
            .trim_end_matches(['"', '\u{201D}', '\u{00BB}', '\'', '\u{2019}']);
        let ends_question = trimmed.ends_with('?') && !ctx.in_quote;
        let proper = proper_nouns(raw);
        // Quoted runs: maximal runs of quoted tokens.
        let (mut quotes, mut short, mut long, mut scare) = (0usize, 0usize, 0usize, 0usize);
        let is_word = |i: usize| info[i].flags & F_WORD != 0;
        let scare_scope = match (counts_scare_quotes(self.rules), reported_scope) {
            (false, _) => None,
            (true, true) => Some(full_scope),
            (true, false) => Some(self.scope_with(tokens, info, || imperative)),
        };
        let runs = span_runs(if any_quoted { info.len() } else { 0 }, |i| tokens.span(i));
        for (_, run) in runs.filter(|(s, _)| *s == Span::Quoted) {
            let start = run.start;
            let words = run.filter(|&k| is_word(k)).count();
            quotes += 1;
            if words <= 3 {
                short += 1;
                if let Some(sc) = &scare_scope {
                    scare += usize::from(is_scare_quote(tokens, sc, start));
                }
            } else {
                long += 1;
            }
        }
        let quoted_share = if words_all > 0 {
            (words_all - words_author) as f32 / words_all as f32
        } else {
            0.0
        };
        let others = [
            most_adj,
            est_word,
            question,
            exclamation,
            usize::from(ends_question),
            numbers,
            percent,
            currency,
            date,
            proper,
            quotes,
            short,
            long,
            usize::from(ctx.in_quote),
            usize::from(ctx.attributed && !self.aside_only_attribution(tokens, ctx)),
            0, // quoted_share, below
            words_author,
        ];
        let share_at = OTHER_CUES.len() - 2;
        for (o, v) in out[LEXICONS.len()..].iter_mut().zip(others) {
            *o = squash_count(v);
        }
        out[LEXICONS.len() + share_at] = squash(quoted_share);
        if !scope.is_empty() {
            // The descriptive entries are evaluative ones: in reported speech they count as
            // before the split.
            let evaluative =
                reported[self.evaluative] + self.descriptive.map_or(0, |d| reported[d]);
            let stance = reported[..self.user_start].iter().sum::<usize>() - evaluative;
            let words = scope
                .ranges()
                .flatten()
                .filter(|&k| tokens.span(k) == Span::Author && is_word(k))
                .count();
            let out = &mut out[N_BASE_CUES..];
            let mut put = |values: &[usize]| {
                for (o, &v) in out.iter_mut().zip(values) {
                    *o = squash_count(v);
                }
            };
            match self.reported_stance {
                ReportedStance::Own => put(&[evaluative, stance, words]),
                ReportedStance::Drop => put(&[evaluative, words]),
                ReportedStance::Evaluative => put(&[evaluative + stance, words]),
                ReportedStance::Words => put(&[evaluative, words + stance]),
                ReportedStance::Split => {
                    // The evaluative count, each stance lexicon's (as `reported_cue_names`
                    // orders them), the words.
                    let mut v = [0usize; MAX_REPORTED_CUES];
                    v[0] = evaluative;
                    let stance = (0..LEXICONS.len())
                        .filter(|&l| l != self.reporting && l != self.evaluative);
                    for (slot, l) in v[1..].iter_mut().zip(stance) {
                        *slot = reported[l];
                    }
                    v[MAX_REPORTED_CUES - 1] = words;
                    put(&v);
                }
            }
        }
        // After the reported-speech cues (if any), in this order, those that are on: the
        // descriptive cue, the scare-quote cue (rules 2), the stance frames' (rules 11), the
        // user's lexicons.
        let mut at = N_BASE_CUES
            + if reported_scope {
                n_reported_cues(self.reported_stance)
            } else {
                0
            };
        if let Some(d) = self.descriptive {
            out[at] = squash_count(counts[d]);
            at += 1;
        }
        if counts_scare_quotes(self.rules) {
            out[at] = squash_count(scare);
            at += 1;
        }
        if let Some(f) = self.frames {
            // The writer's rhetorical question (cue rules 14) is one more frame.
            let n = counts[f] + usize::from(rhetorical_frame(self.rules, ctx));
            out[at] = squash_count(n);
            at += 1;
        }
        let user = &counts[self.user_start..self.lexicons.len()];
        for (o, &n) in out[at..].iter_mut().zip(user) {
            *o = squash_count(n);
        }
        if self.scale != 1.0 {
            out.iter_mut().for_each(|o| *o *= self.scale);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyzer::{normalise, tokenise};
    use super::*;
    use crate::features::CUE_RULES;
    use proptest::prelude::*;

    #[test]
    fn next_flagged_23_finds_the_next_flagged_token() {
        // Every pattern of up to eleven tokens, from every start.
        for len in 0..12usize {
            for bits in 0..1u32 << len {
                let info: Vec<TokenInfo> = (0..len)
                    .map(|k| TokenInfo {
                        flags: if bits & 1 << k != 0 {
                            F_FIGURE_23
                        } else {
                            F_WORD
                        },
                        ..TokenInfo::default()
                    })
                    .collect();
                for from in 0..=len {
                    let expected = (from..len).find(|&k| bits & 1 << k != 0);
                    assert_eq!(next_flagged_23(&info, from, F_FIGURE_23), expected);
                }
            }
        }
    }

    /// The straightforward cue computation (string comparisons per token) that
    /// [`CueSet::values_array`] must match exactly: the author's counts per lexicon, and
    /// (when `scope` is given) the reported ones.
    fn counts_reference(
        set: &CueSet,
        tokens: &[Token],
        scope: Option<&Scope>,
        raw: Option<&str>,
    ) -> (Vec<usize>, Vec<usize>) {
        let mut author = vec![0; set.lexicons.len()];
        let mut reported = vec![0; set.lexicons.len()];
        for (i, t) in tokens.iter().enumerate() {
            if t.span != Span::Author {
                continue;
            }
            let in_scope = scope.is_some_and(|s| s.contains(i));
            let key = lower(&t.text);
            let Some(&(mask, _, _)) = set.first_words.get(&*key) else {
                continue;
            };
            let neutral = set.rules >= 8 && super::super::senses::is_neutral(tokens, i, &key, raw)
                || set.rules >= 12
                    && super::super::senses::is_neutral_12(tokens, i, &key, set.rules);
            let scheduled = set.rules >= 9 && super::super::senses::is_scheduled(tokens, i, &key);
            let literal = !super::super::senses::is_authors_frame(tokens, i, &key);
            for (l, (name, lex)) in set.lexicons.iter().enumerate() {
                if neutral && SENSE_LEXICONS.contains(&name.as_str())
                    || scheduled && name == "cue:predictions"
                    || literal && name == "cue:stance_frames"
                {
                    continue;
                }
                if mask & (1 << l) != 0 && lex.matches_at(tokens, i, &key) {
                    if in_scope && name != "cue:reporting" {
                        reported[l] += 1;
                    } else {
                        author[l] += 1;
                    }
                }
            }
        }
        // The author's imperative (cue rules 13) counts in the exhortation lexicon's cue.
        if set.rules >= 13 {
            let (l, (_, lex)) = set
                .lexicons
                .iter()
                .enumerate()
                .find(|(_, (n, _))| n == "cue:exhortation")
                .unwrap();
            if let Some(v) = super::super::senses::imperative_at(tokens, set.rules) {
                let key = lower(&tokens[v].text);
                if !scope.is_some_and(|s| s.contains(v)) && !lex.matches_at(tokens, v, &key) {
                    author[l] += 1;
                }
            }
        }
        (author, reported)
    }

    /// Capitalised words after the first, by whitespace split: what [`proper_nouns`] counts.
    fn proper_nouns_reference(raw: &str) -> usize {
        raw.split_whitespace()
            .skip(1)
            .filter(|w| {
                w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase)
            })
            .count()
    }

    /// The reported-speech scope, its candidates found by comparing strings.
    fn scope_reference(tokens: &[Token], rules: u8) -> Scope {
        scope::find(tokens, scope::Rules::of(rules), |i| {
            let w = lower(&tokens[i].text);
            scope::may_open_scope(&w)
        })
    }

    fn values_reference(
        set: &CueSet,
        tokens: &[Token],
        raw: &str,
        ctx: Context,
        reported_scope: bool,
    ) -> Vec<(String, f32)> {
        let raw = &*crate::segment::decode_scraped(raw);
        let squash = |n: f32| CUE_WEIGHT * n.ln_1p();
        let scope = reported_scope.then(|| scope_reference(tokens, set.rules));
        let (author_counts, reported_counts) =
            counts_reference(set, tokens, scope.as_ref(), Some(raw));
        let mut out: Vec<(String, f32)> = set
            .lexicons
            .iter()
            .zip(&author_counts)
            .take(LEXICONS.len())
            .map(|((name, _), n)| (name.clone(), squash(*n as f32)))
            .collect();
        let author: Vec<&str> = tokens
            .iter()
            .filter(|t| t.span == Span::Author)
            .map(|t| t.text.as_str())
            .collect();
        let is_word = |t: &str| {
            t.chars().next().is_some_and(char::is_alphanumeric)
                || t.starts_with("<num")
                || t == "<year>"
        };
        let count_in = |set: &[&str]| author.iter().filter(|t| set.contains(t)).count();
        let most_adj = author
            .windows(2)
            .filter(|w| matches!(w[0], "most" | "least") && w[1].chars().all(char::is_alphabetic))
            .count();
        let est_word = author
            .iter()
            .filter(|t| t.len() > 5 && t.ends_with("est") && !NOT_SUPERLATIVE.contains(t))
            .count();
        let trimmed = raw
            .trim_end()
            .trim_end_matches(['"', '\u{201D}', '\u{00BB}', '\'', '\u{2019}']);
        let ends_question = trimmed.ends_with('?') && !ctx.in_quote;
        let numbers = author
            .iter()
            .filter(|t| **t == "<num>" || **t == "<year>")
            .count();
        let proper = proper_nouns_reference(raw);
        // Quoted runs: maximal runs of quoted tokens.
        let (mut quotes, mut short, mut long, mut scare) = (0usize, 0usize, 0usize, 0usize);
        let any_scope = scope_reference(tokens, set.rules);
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].span == Span::Quoted {
                let mut j = i;
                while j < tokens.len() && tokens[j].span == Span::Quoted {
                    j += 1;
                }
                let words = tokens[i..j].iter().filter(|t| is_word(&t.text)).count();
                quotes += 1;
                if words <= 3 {
                    short += 1;
                    let named = tokens[i.saturating_sub(3)..i]
                        .iter()
                        .any(|t| is_naming_word(&t.text.to_lowercase()));
                    scare += usize::from(!any_scope.contains(i) && !named);
                } else {
                    long += 1;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let words_all = tokens.iter().filter(|t| is_word(&t.text)).count();
        let words_author = author.iter().filter(|t| is_word(t)).count();
        let quoted_share = if words_all > 0 {
            (words_all - words_author) as f32 / words_all as f32
        } else {
            0.0
        };
        let others = [
            most_adj as f32,
            est_word as f32,
            count_in(&["?"]) as f32,
            count_in(&["!"]) as f32,
            f32::from(u8::from(ends_question)),
            numbers as f32,
            count_in(PERCENT_WORDS) as f32,
            count_in(CURRENCY_WORDS) as f32,
            count_in(DATE_WORDS) as f32,
            proper as f32,
            quotes as f32,
            short as f32,
            long as f32,
            f32::from(u8::from(ctx.in_quote)),
            f32::from(u8::from(
                ctx.attributed && !set.aside_only_attribution(tokens, ctx),
            )),
            quoted_share,
            words_author as f32,
        ];
        for (name, v) in OTHER_CUES.iter().zip(others) {
            out.push((format!("cue:{name}"), squash(v)));
        }
        let count_of = |counts: &[usize], cue: &str| {
            set.lexicons
                .iter()
                .zip(counts)
                .find(|((name, _), _)| name == cue)
                .map_or(0, |(_, n)| *n)
        };
        if let Some(scope) = scope {
            let evaluative = count_of(&reported_counts, "cue:evaluative")
                + count_of(&reported_counts, "cue:descriptive");
            let stance: usize = (set.lexicons.iter().zip(&reported_counts))
                .filter(|((name, _), _)| !name.starts_with("cue:lex:"))
                .map(|(_, n)| n)
                .sum::<usize>()
                - evaluative;
            let words = (0..tokens.len())
                .filter(|&k| {
                    scope.contains(k) && tokens[k].span == Span::Author && is_word(&tokens[k].text)
                })
                .count();
            let ev = "cue:reported_evaluative".to_string();
            let wo = "cue:reported_words".to_string();
            let reported: Vec<(String, usize)> = match set.reported_stance {
                ReportedStance::Own => vec![
                    (ev, evaluative),
                    ("cue:reported_stance".into(), stance),
                    (wo, words),
                ],
                ReportedStance::Drop => vec![(ev, evaluative), (wo, words)],
                ReportedStance::Evaluative => vec![(ev, evaluative + stance), (wo, words)],
                ReportedStance::Words => vec![(ev, evaluative), (wo, words + stance)],
                ReportedStance::Split => std::iter::once((ev, evaluative))
                    .chain(
                        (set.lexicons.iter().zip(&reported_counts))
                            .take(LEXICONS.len())
                            .filter(|((name, _), _)| {
                                name != "cue:reporting" && name != "cue:evaluative"
                            })
                            .map(|((name, _), n)| (name.replacen("cue:", "cue:reported_", 1), *n)),
                    )
                    .chain(std::iter::once((wo, words)))
                    .collect(),
            };
            for (name, v) in reported {
                out.push((name, squash(v as f32)));
            }
        }
        if set.descriptive.is_some() {
            let n = count_of(&author_counts, "cue:descriptive");
            out.push(("cue:descriptive".into(), squash(n as f32)));
        }
        if counts_scare_quotes(set.rules) {
            out.push(("cue:scare_quotes".into(), squash(scare as f32)));
        }
        if counts_stance_frames(set.rules) {
            let n = count_of(&author_counts, "cue:stance_frames")
                + usize::from(
                    set.rules >= 14 && ctx.rhetorical && !ctx.in_quote && !ctx.attributed,
                );
            out.push(("cue:stance_frames".into(), squash(n as f32)));
        }
        for ((name, _), n) in set.lexicons.iter().zip(&author_counts) {
            if name.starts_with("cue:lex:") {
                out.push((name.clone(), squash(*n as f32)));
            }
        }
        out
    }

    /// Runs of punctuation longer than a 64-byte chunk, at every offset: the carry of an
    /// unfinished run crosses one or more chunk boundaries.
    #[test]
    fn proper_nouns_across_whole_chunks_of_punctuation() {
        for pad in 0..64 {
            for run in [1, 62, 63, 64, 65, 127, 128, 129, 200] {
                for tail in ["B c", "b C", "", " D", "\"E\" f"] {
                    let raw = format!("a{} {}{tail}", "x".repeat(pad), "(".repeat(run));
                    assert_eq!(proper_nouns(&raw), proper_nouns_reference(&raw), "{raw:?}");
                }
            }
        }
    }

    /// Every cue-set variant the reference is checked on: both lexicon splits, both rule
    /// revisions, with and without user lexicons (built once: building one parses every
    /// lexicon).
    fn variants() -> &'static [CueSet] {
        static SETS: std::sync::OnceLock<Vec<CueSet>> = std::sync::OnceLock::new();
        SETS.get_or_init(|| {
            let user = [
                UserLexicon::parse("mine", "plan\nterrible idea\ncritics say\nmust", "t").unwrap(),
                UserLexicon::parse("other", "of course\nfair", "t").unwrap(),
            ];
            [
                (false, 1, &user[..0]),
                (true, 1, &user[..0]),
                (false, 2, &user[..0]),
                (true, 2, &user[..0]),
                (false, 1, &user[..]),
                (true, 2, &user[..1]),
                (false, 3, &user[..0]),
                (true, 3, &user[..1]),
                (false, 4, &user[..0]),
                (true, 5, &user[..1]),
                (false, 6, &user[..0]),
                (true, 7, &user[..1]),
                (false, 8, &user[..0]),
                (true, 8, &user[..1]),
                (false, 9, &user[..0]),
                (true, 9, &user[..1]),
                (false, 10, &user[..0]),
                (false, 11, &user[..0]),
                (true, 11, &user[..1]),
                (false, 11, &user[..]),
                (false, 12, &user[..0]),
                (true, 12, &user[..1]),
                (false, 13, &user[..0]),
                (true, 13, &user[..1]),
            ]
            .into_iter()
            .map(|(split, rules, user)| CueSet::with_user_lexicons(split, user).with_rules(rules))
            .chain(
                [
                    (false, 10, &user[..0], ReportedStance::Drop),
                    (true, 10, &user[..1], ReportedStance::Evaluative),
                    (false, 9, &user[..], ReportedStance::Words),
                    (true, 10, &user[..0], ReportedStance::Split),
                    (false, 10, &user[..1], ReportedStance::Split),
                ]
                .into_iter()
                .map(|(split, rules, user, mode)| {
                    CueSet::with_user_lexicons(split, user)
                        .with_rules(rules)
                        .with_reported_stance(mode)
                }),
            )
            // Assembled once with the frames, as `Analyzer::new` builds them.
            .chain(
                [
                    (false, 11, &user[..0], ReportedStance::Drop),
                    (true, 11, &user[..], ReportedStance::Own),
                    (false, 10, &user[..1], ReportedStance::Drop),
                    (false, 13, &user[..0], ReportedStance::Drop),
                    (true, 13, &user[..], ReportedStance::Own),
                ]
                .into_iter()
                .map(|(split, rules, user, mode)| {
                    CueSet::with_user_lexicons_and_rules(split, user, rules)
                        .with_reported_stance(mode)
                }),
            )
            .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn proper_nouns_matches_split_whitespace(raw in "[ -~\t\n\r\x0b\x0c\x1c-\x1f]{0,60}|\\PC{0,30}") {
            prop_assert_eq!(proper_nouns(&raw), proper_nouns_reference(&raw));
        }

        /// Long sentences (the ASCII path works 64 bytes at a time): words and runs of
        /// punctuation across chunk boundaries.
        #[test]
        fn proper_nouns_matches_split_whitespace_across_chunks(
            raw in "([ \t\n]{0,3}[\"'(.,\x0b-]{0,70}[a-zA-Z0-9]{0,9}[,.)]{0,2}){0,40}"
        ) {
            prop_assert_eq!(proper_nouns(&raw), proper_nouns_reference(&raw));
        }

        /// Mostly ASCII with a few other chars (mapped to ASCII bytes of their class): curly
        /// quotes and dashes, upper- and lower-case letters, digits and white space beyond
        /// ASCII (`Ⅻ` is upper-case and numeric, `ǅ` title-case), over several 64-byte chunks.
        #[test]
        fn proper_nouns_matches_split_whitespace_beyond_ascii(
            raw in "([ \t]{0,2}[\"'(.,-]{0,3}[a-zA-Z0-9]{0,6}[\u{2019}\u{201C}\u{201D}\u{2014}\u{A0}\u{2009}\u{3000}\u{85}\u{1C}ÉéßΩ٣Ⅻǅ]{0,2}[a-zA-Z]{0,4}){0,30}"
        ) {
            prop_assert_eq!(proper_nouns(&raw), proper_nouns_reference(&raw));
        }

        #[test]
        fn values_match_the_reference(
            words in prop::collection::vec(prop::sample::select(vec![
                "i", "we", "you", "should", "must", "it", "is", "time", "to", "act", "most",
                "least", "clear", "greatest", "interest", "biggest", "\"", "\u{201C}",
                "\u{201D}", "?", "!", "%", "$", "percent", "million", "2019", "12", "Monday",
                "march", "The", "Mayor", "said", "according", "clearly", "perhaps", "Frankly",
                "NOT", "a", "terrible", "idea", "of", "course", "in", "fact", "Café", "x",
                ",", ";", "-", "but", "critics", "say", "called", "argued", "to", "who",
                "think", "officials", "reckless", "According", "plan", "and", "crisis",
                "Critical", "worried", "failed", "fair", "they", "he", "dubbed", "as",
                "view", "her", "my", "mayor's", "own", "words", "the", "put", "sees",
                "quoted", "saying", "regard", "concludes", "finds", "has", "was", "worried",
                "reportedly", "hope", "fans", "are", "heard", "ruled", "told", "inquest",
                "Good", "Friday", "just", "after", "such", "so", "too", "fine", "kind",
                "sort", "rather", "than", "Great", "will", "be", "reopen", "frozen", "fail",
                "once", "again", "Once", "usual", "yet", "then", "cold", "comfort", "hardly",
                "tellingly", "remains", "seen", "forgiven", "for", "may", "fine", "by", "victim",
                "surcharge", "lies", "striking", "clock", "AGAIN", "Be", "Course", "\u{212A}ind",
                "helpfully", "hindsight", "nobody's", "surprise", "want", "worth", "visit",
                "avoided", "Book", "go", "Take", "early", "would", "that", "wouldn't", "do",
                "not", "expect", "his", "Consider",
            ]), 0..30),
            in_quote in any::<bool>(),
            attributed in any::<bool>(),
        ) {
            let set = CueSet::builtin();
            let raw = words.join(" ");
            let ctx = Context {
                in_quote,
                attributed,
                ..Context::default()
            };
            for set in variants() {
                for (lower, scope) in [(true, false), (false, false), (true, true), (false, true)] {
                    let t = tokenise(&normalise(&raw, lower));
                    let want = values_reference(set, &t, &raw, ctx, scope);
                    let got = set.values(&t, &raw, ctx, scope);
                    prop_assert_eq!(got.len(), want.len());
                    for ((gn, gv), (wn, wv)) in got.iter().zip(&want) {
                        prop_assert_eq!(gn, wn);
                        prop_assert_eq!(gv.to_bits(), wv.to_bits(), "{} on {:?}", gn, raw);
                    }
                }
            }
            // The tokens `FeatureConfig::mask_reported_stance` masks: those in the reference
            // scope that start a match of a stance lexicon, compared as strings.
            for lower_case in [true, false] {
                let t = tokenise(&normalise(&raw, lower_case));
                let scope = scope_reference(&t, 1);
                let want: Vec<usize> = scope
                    .ranges()
                    .flatten()
                    .filter(|&i| {
                        let key = lower(&t[i].text);
                        t[i].span == Span::Author
                            && set.first_words.get(&*key).is_some_and(|&(mask, _, _)| {
                                set.lexicons.iter().enumerate().any(|(l, (name, lex))| {
                                    name != "cue:reporting"
                                        && mask & (1 << l) != 0
                                        && lex.matches_at(&t[..], i, &key)
                                })
                            })
                    })
                    .collect();
                let info: Vec<TokenInfo> = t.iter().map(|x| set.token_info(&x.text)).collect();
                let mut got = Vec::new();
                set.reported_stance_starts(&t[..], &info, |i| got.push(i));
                prop_assert_eq!(got, want, "{:?}", raw);
            }
        }
    }

    /// Scraped text: the cues that read the sentence as written (`ends_question`,
    /// `proper_nouns`, a name's capitals) read the quotation-mark entities as the marks and
    /// skip soft hyphens, as the n-grams do (`normalise`): the same values as the literal text.
    #[test]
    fn cues_read_scraped_entities_as_the_literal_text() {
        for (scraped, literal) in [
            (
                "The question is simple: &quot;Who pays?&quot;",
                "The question is simple: \"Who pays?\"",
            ),
            (
                "Is this what they call &ldquo;Fair Play&rdquo;?&#8221;",
                "Is this what they call \u{201C}Fair Play\u{201D}?\u{201D}",
            ),
            (
                "It was, said one, &#8220;Good Friday all over again&#8221; for Ann.",
                "It was, said one, \u{201C}Good Friday all over again\u{201D} for Ann.",
            ),
            (
                "Ann Lee&#39;s &lsquo;Great Escape&rsquo; is a fine film.",
                "Ann Lee's \u{2018}Great Escape\u{2019} is a fine film.",
            ),
            (
                "The Infor\u{ad}mation Office was wrong.",
                "The Information Office was wrong.",
            ),
        ] {
            let (ts, tl) = (
                tokenise(&normalise(scraped, true)),
                tokenise(&normalise(literal, true)),
            );
            for set in variants() {
                for (ctx, scope) in [(Context::default(), true), (Context::default(), false)] {
                    let bits = |v: Vec<(String, f32)>| {
                        v.into_iter()
                            .map(|(n, x)| (n, x.to_bits()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(
                        bits(set.values(&ts, scraped, ctx, scope)),
                        bits(set.values(&tl, literal, ctx, scope)),
                        "{scraped}"
                    );
                }
            }
        }
    }

    #[test]
    fn cue_rules_13_count_recommendations_more_frames_and_read_would_say_that_as_an_aside() {
        let value = |set: &CueSet, raw: &str, ctx: Context, cue: &str| {
            let t = tokenise(&normalise(raw, true));
            set.values(&t, raw, ctx, true)
                .into_iter()
                .find(|(n, _)| n == cue)
                .unwrap()
                .1
        };
        let at = |rules: u8| CueSet::with_user_lexicons_and_rules(false, &[], rules);
        let (twelve, thirteen) = (at(12), at(13));
        let plain = Context::default();
        // (sentence, cue): counted by revision 13 only.
        for (raw, cue) in [
            (
                "Helpfully, the council published the figures late.",
                "cue:stance_frames",
            ),
            ("In hindsight, the sale was a mistake.", "cue:stance_frames"),
            (
                "To nobody's surprise, the fares went up.",
                "cue:stance_frames",
            ),
            (
                "Investors may want to look past the headline figure.",
                "cue:exhortation",
            ),
            ("The committee would do well to listen.", "cue:exhortation"),
            ("The gallery is worth a visit.", "cue:exhortation"),
            (
                "The ring road is best avoided at rush hour.",
                "cue:exhortation",
            ),
            ("Book early for the Mahler in March.", "cue:exhortation"),
            (
                "Go for the first act, and stay for the last.",
                "cue:exhortation",
            ),
            ("Do not expect miracles.", "cue:exhortation"),
        ] {
            assert_eq!(value(&twelve, raw, plain, cue), 0.0, "{raw}");
            assert!(value(&thirteen, raw, plain, cue) > 0.0, "{raw}");
        }
        // Not counted by either: a source's advice and imperative, a recipe's or an
        // explainer's step, a noun, a frame in the middle of a clause, an entry already
        // counted (`Consider` is an exhortation of revision 1, counted once).
        for (raw, cue) in [
            (
                "Investors may want to sell, the analyst said.",
                "cue:exhortation",
            ),
            ("\"Book early,\" the box office said.", "cue:exhortation"),
            ("Add the flour and stir for two minutes.", "cue:exhortation"),
            (
                "Apply online through the council's website.",
                "cue:exhortation",
            ),
            ("Book sales rose by a third last year.", "cue:exhortation"),
            (
                "The money went to his credit card account.",
                "cue:stance_frames",
            ),
            (
                "Critics said that, in hindsight, the sale was a mistake.",
                "cue:stance_frames",
            ),
        ] {
            assert_eq!(value(&thirteen, raw, plain, cue), 0.0, "{raw}");
        }
        let consider = "Consider the alternative.";
        assert_eq!(
            value(&thirteen, consider, plain, "cue:exhortation"),
            value(&twelve, consider, plain, "cue:exhortation")
        );
        // `He would say that.`: the segmenter's attribution; revision 13 reads no report.
        let said = Context {
            attributed: true,
            ..Context::default()
        };
        for raw in [
            "He would say that.",
            "Well, she would say so, wouldn't she?",
        ] {
            assert!(value(&twelve, raw, said, "cue:attributed") > 0.0, "{raw}");
            assert!(
                value(&twelve, raw, said, "cue:reported_words") > 0.0,
                "{raw}"
            );
            assert_eq!(value(&thirteen, raw, said, "cue:attributed"), 0.0, "{raw}");
            assert_eq!(
                value(&thirteen, raw, said, "cue:reported_words"),
                0.0,
                "{raw}"
            );
        }
        // With a clause after it, or another verb of speech, it stays a report.
        for raw in [
            "Critics would say that the plan fails the poorest.",
            "He would say that, the minister said on Friday.",
        ] {
            assert!(value(&thirteen, raw, said, "cue:attributed") > 0.0, "{raw}");
            assert!(
                value(&thirteen, raw, said, "cue:reported_words") > 0.0,
                "{raw}"
            );
        }
        // `the lies in`: the noun for revision 13, the place for revision 12.
        let lies = "The lies in the report were exposed.";
        assert_eq!(value(&twelve, lies, plain, "cue:evaluative"), 0.0);
        assert!(value(&thirteen, lies, plain, "cue:evaluative") > 0.0);
    }

    #[test]
    fn revision_13_lexicons_are_taken_out_again_by_older_rules() {
        let texts = [
            "Helpfully, the council may want to book early.",
            "Go and see it; it is worth a visit.",
            "Once again, the minister would say that.",
        ];
        for user in [
            &[][..],
            &[UserLexicon::parse("mine", "plan\nbook", "t").unwrap()][..],
        ] {
            for older in [10, 11, 12] {
                let back = CueSet::with_user_lexicons_and_rules(false, user, 13).with_rules(older);
                let fresh = CueSet::with_user_lexicons_and_rules(false, user, older);
                for raw in texts {
                    let t = tokenise(&normalise(raw, true));
                    let ctx = Context::default();
                    assert_eq!(
                        back.values(&t, raw, ctx, true),
                        fresh.values(&t, raw, ctx, true),
                        "{raw} ({older})"
                    );
                }
            }
        }
    }

    #[test]
    fn cue_rules_8_drop_words_in_a_neutral_sense_only() {
        let value = |rules: u8, raw: &str, cue: &str| {
            let set = CueSet::builtin().with_rules(rules);
            let t = tokenise(&normalise(raw, true));
            let v = set.values(&t, raw, Context::default(), true);
            v.iter().find(|(k, _)| k == cue).unwrap().1
        };
        for (raw, cue) in [
            ("Shops will close early on Good Friday.", "cue:evaluative"),
            (
                "He was given a fine of £500 for the damage.",
                "cue:evaluative",
            ),
            ("What kind of school will it be?", "cue:hedges"),
            ("Cities such as Leeds have bus lanes.", "cue:intensifiers"),
        ] {
            assert!(value(7, raw, cue) > 0.0, "{raw}");
            assert_eq!(value(8, raw, cue), 0.0, "{raw}");
        }
        // The judging sense counts under both.
        for (raw, cue) in [
            (
                "It was a good decision and a fine example.",
                "cue:evaluative",
            ),
            ("It was kind of strange.", "cue:hedges"),
            ("Such waste is hard to defend.", "cue:intensifiers"),
        ] {
            assert_eq!(value(8, raw, cue), value(7, raw, cue), "{raw}");
            assert!(value(8, raw, cue) > 0.0, "{raw}");
        }
    }

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
        let v = set.values(&t, "What a terrible idea?", Context::default(), false);
        let names: Vec<String> = v.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(
            names,
            cue_names(false, ReportedStance::Own, false, false, false)
        );
        let with_scope = set.values(&t, "What a terrible idea?", Context::default(), true);
        assert_eq!(with_scope.len(), names.len() + REPORTED_CUES.len());
        assert_eq!(&with_scope[..names.len()], &v[..]);
        let get = |n: &str| v.iter().find(|(k, _)| k == n).unwrap().1;
        assert!(get("cue:evaluative") > 0.0);
        assert!(get("cue:question") > 0.0);
        assert!(get("cue:ends_question") > 0.0);
        assert_eq!(get("cue:reporting"), 0.0);
        assert_eq!(get("cue:numbers"), 0.0);
    }

    #[test]
    fn scare_quotes_are_short_quotations_in_the_authors_voice() {
        let set = CueSet::builtin().with_rules(2);
        let scare = |raw: &str, scope: bool| {
            let t = tokenise(&normalise(raw, true));
            let v = set.values(&t, raw, Context::default(), scope);
            assert_eq!(v.last().unwrap().0, "cue:scare_quotes");
            v.last().unwrap().1
        };
        for scope in [true, false] {
            let one = CUE_WEIGHT * 1f32.ln_1p();
            assert_eq!(
                scare("Tenants were offered a \"consultation\" last week.", scope),
                one
            );
            assert_eq!(
                scare(
                    "The \"temporary\" levy and the \"interim\" board are still here.",
                    scope
                ),
                CUE_WEIGHT * 2f32.ln_1p()
            );
            // A naming word before it, or a long quotation: the source's words.
            assert_eq!(
                scare("The union dubbed the deal \"a sell-out\".", scope),
                0.0
            );
            assert_eq!(scare("It is known as \"the Lanes\" locally.", scope), 0.0);
            assert_eq!(
                scare("He said \"we will not be moved by threats\".", scope),
                0.0
            );
        }
        // In the reported-speech scope (found for this cue even with the scope's own cues
        // off): the source's words.
        let reported = "Officials say the \"pilot\" will be extended.";
        assert_eq!(scare(reported, true), 0.0);
        assert_eq!(scare(reported, false), 0.0);
        // Revision 1 has no such cue.
        let t = tokenise(&normalise("A \"consultation\".", true));
        let v = CueSet::builtin().values(&t, "A \"consultation\".", Context::default(), true);
        assert!(v.iter().all(|(n, _)| n != "cue:scare_quotes"));
    }

    #[test]
    fn user_lexicons_are_tokenised_like_sentences_and_checked() {
        let lex = UserLexicon::parse(
            "loaded",
            "# a comment\n\nFiasco\nso-called  # trailing comment\nUTTER   disgrace\nfiasco\n",
            "words.txt",
        )
        .unwrap();
        assert_eq!(lex.entries, ["fiasco", "so-called", "utter disgrace"]);
        assert_eq!(lex.cue_name(), "cue:lex:loaded");
        let e = UserLexicon::parse("loaded", "fiasco\n- - -\n", "words.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "words.txt: line 2: `- - -` has no word a sentence could match; remove the line"
        );
        let e = UserLexicon::parse("loaded", "# only a comment\n", "words.txt").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("words.txt: lexicon `loaded` has no entries"),
            "{e}"
        );
        for bad in ["", "Loaded", "with-dash", "a b", &"x".repeat(33)] {
            let e = UserLexicon::parse(bad, "fiasco", "words.txt").unwrap_err();
            assert!(
                e.to_string().contains("must be 1 to 32 of a-z"),
                "{bad}: {e}"
            );
        }
        // A model file's entries are checked too.
        let odd = UserLexicon {
            name: "odd".into(),
            entries: vec!["Fiasco".into()],
        };
        assert!(odd.validate().unwrap_err().contains("malformed entry"));
    }

    #[test]
    fn user_lexicons_count_the_authors_words_in_cues_of_their_own() {
        let user = [
            UserLexicon::parse("loaded", "fiasco\nutter disgrace", "t").unwrap(),
            UserLexicon::parse("calm", "modest", "t").unwrap(),
        ];
        let (plain, with) = (CueSet::builtin(), CueSet::with_user_lexicons(false, &user));
        let raw = "The fiasco, an utter disgrace, was \"a fiasco and a scandal\" critics say, \
                   though officials said the fiasco was modest.";
        let t = tokenise(&normalise(raw, true));
        for scope in [false, true] {
            let (p, w) = (
                plain.values(&t, raw, Context::default(), scope),
                with.values(&t, raw, Context::default(), scope),
            );
            // The built-in cues are untouched; the user's come last, one per lexicon.
            assert_eq!(&w[..p.len()], &p[..]);
            assert_eq!(w.len(), p.len() + 2);
            let get = |n: &str| w.iter().find(|(k, _)| k == n).unwrap().1;
            // Outside quotes: `fiasco` twice and `utter disgrace` (with the scope, the
            // reported `fiasco` after `officials said` is not the author's).
            let loaded = if scope { 2.0f32 } else { 3.0 };
            assert_eq!(get("cue:lex:loaded"), CUE_WEIGHT * loaded.ln_1p());
            let calm = if scope { 0.0f32 } else { 1.0 };
            assert_eq!(get("cue:lex:calm"), CUE_WEIGHT * calm.ln_1p());
        }
    }

    #[test]
    fn a_scaled_set_multiplies_every_value() {
        let raw = "Critics say the plan is reckless, but we must act now: 40% is the worst figure?";
        let t = tokenise(&normalise(raw, true));
        for scope in [false, true] {
            let plain = CueSet::builtin().values(&t, raw, Context::default(), scope);
            let scaled = (CueSet::builtin().scaled(3.0)).values(&t, raw, Context::default(), scope);
            assert!(plain.iter().filter(|(_, x)| *x != 0.0).count() >= 5);
            for ((pn, px), (sn, sx)) in plain.iter().zip(&scaled) {
                assert_eq!(pn, sn);
                assert_eq!(sx.to_bits(), (px * 3.0).to_bits(), "{pn}");
            }
        }
    }

    #[test]
    fn quoted_words_do_not_count_as_the_authors() {
        let set = CueSet::builtin();
        let raw = "\"It is a terrible, shameful plan,\" the Mayor said on Monday.";
        let t = tokenise(&normalise(raw, true));
        let v = set.values(&t, raw, Context::default(), false);
        let get = |n: &str| v.iter().find(|(k, _)| k == n).unwrap().1;
        assert_eq!(get("cue:evaluative"), 0.0);
        assert!(get("cue:reporting") > 0.0);
        assert!(get("cue:date") > 0.0);
        assert_eq!(get("cue:quotes"), CUE_WEIGHT * 1f32.ln_1p());
        assert_eq!(get("cue:long_quotes"), CUE_WEIGHT * 1f32.ln_1p());
        assert!(get("cue:proper_nouns") > 0.0);
        assert!(get("cue:quoted_share") > 0.0);
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
            let info: Vec<TokenInfo> = t.iter().map(|t| set.token_info(&t.text)).collect();
            let (mut counts, mut reported) = ([0; MAX_LEXICONS], [0; MAX_LEXICONS]);
            let scope = Scope::default();
            set.counts(
                &t[..],
                &info,
                &scope,
                text,
                None,
                false,
                u32::MAX,
                set.imperative(&t[..], &info, false),
                &mut counts,
                &mut reported,
            );
            assert_eq!(counts[..each.len()], each, "{text}");
        }
    }

    #[test]
    fn reported_speech_moves_stance_words_to_the_reported_cues() {
        let set = CueSet::builtin();
        let cues = |raw: &str| {
            let t = tokenise(&normalise(raw, true));
            set.values(&t, raw, Context::default(), true)
        };
        let get = |v: &[(String, f32)], n: &str| v.iter().find(|(k, _)| k == n).unwrap().1;
        // A source's judgement: the evaluative word is reported, the verb stays a cue.
        let v = cues("The harbour board called the ferry contract disastrous.");
        assert_eq!(get(&v, "cue:evaluative"), 0.0);
        assert!(get(&v, "cue:reported_evaluative") > 0.0);
        assert!(get(&v, "cue:reported_words") > 0.0);
        let v = cues("The ferry contract is disastrous, harbour officials said.");
        assert_eq!(get(&v, "cue:evaluative"), 0.0);
        assert!(get(&v, "cue:reported_evaluative") > 0.0);
        assert!(get(&v, "cue:reporting") > 0.0);
        // The author's judgement stays the author's.
        for raw in [
            "I think the ferry contract is disastrous.",
            "The ferry contract, frankly, is disastrous.",
        ] {
            let v = cues(raw);
            assert!(get(&v, "cue:evaluative") > 0.0, "{raw}");
            assert_eq!(get(&v, "cue:reported_evaluative"), 0.0, "{raw}");
            assert_eq!(get(&v, "cue:reported_words"), 0.0, "{raw}");
        }
    }
    #[test]
    fn the_reported_stance_modes_move_only_the_reported_stance_matches() {
        let n = |k: usize| CUE_WEIGHT * (k as f32).ln_1p();
        // One evaluative and two other stance matches in reported speech (obligation,
        // prediction), ten words in the scope; the author's `clearly` stays the author's.
        let raw = "Clearly, critics say the council should act or it will be reckless.";
        let t = tokenise(&normalise(raw, true));
        let cues = |mode: ReportedStance| {
            CueSet::builtin()
                .with_rules(CUE_RULES)
                .with_reported_stance(mode)
                .values(&t, raw, Context::default(), true)
        };
        let get = |v: &[(String, f32)], name: &str| v.iter().find(|(k, _)| k == name).map(|x| x.1);
        let own = cues(ReportedStance::Own);
        assert_eq!(get(&own, "cue:reported_evaluative"), Some(n(1)));
        assert_eq!(get(&own, "cue:reported_stance"), Some(n(2)));
        let words = 10;
        assert_eq!(get(&own, "cue:reported_words"), Some(n(words)));
        for mode in ReportedStance::ALL {
            let v = cues(mode);
            // The names are `cue_names`'; the cues before the reported ones are the same.
            let names: Vec<String> = v.iter().map(|(k, _)| k.clone()).collect();
            assert_eq!(
                names,
                cue_names(true, mode, false, false, counts_stance_frames(CUE_RULES)),
                "{mode:?}"
            );
            assert_eq!(v[..N_BASE_CUES], own[..N_BASE_CUES], "{mode:?}");
            assert!(get(&v, "cue:boosters").unwrap() > 0.0, "{mode:?}");
            let expect: &[(&str, usize)] = match mode {
                ReportedStance::Own => &[
                    ("cue:reported_evaluative", 1),
                    ("cue:reported_stance", 2),
                    ("cue:reported_words", words),
                ],
                ReportedStance::Drop => &[
                    ("cue:reported_evaluative", 1),
                    ("cue:reported_words", words),
                ],
                ReportedStance::Evaluative => &[
                    ("cue:reported_evaluative", 3),
                    ("cue:reported_words", words),
                ],
                ReportedStance::Words => &[
                    ("cue:reported_evaluative", 1),
                    ("cue:reported_words", words + 2),
                ],
                ReportedStance::Split => &[
                    ("cue:reported_evaluative", 1),
                    ("cue:reported_first_person", 0),
                    ("cue:reported_second_person", 0),
                    ("cue:reported_obligation", 1),
                    ("cue:reported_exhortation", 0),
                    ("cue:reported_hedges", 0),
                    ("cue:reported_boosters", 0),
                    ("cue:reported_intensifiers", 0),
                    ("cue:reported_superlatives", 0),
                    ("cue:reported_predictions", 1),
                    ("cue:reported_words", words),
                ],
            };
            // The reported cues; after them only the stance frames' cue (cue rules 11), which
            // no mode moves.
            let reported = &v[N_BASE_CUES..N_BASE_CUES + n_reported_cues(mode)];
            assert_eq!(
                v[N_BASE_CUES + n_reported_cues(mode)..],
                own[N_BASE_CUES + n_reported_cues(ReportedStance::Own)..],
                "{mode:?}"
            );
            let got: Vec<(&str, f32)> = reported.iter().map(|(k, x)| (k.as_str(), *x)).collect();
            let want: Vec<(&str, f32)> = expect.iter().map(|&(k, c)| (k, n(c))).collect();
            assert_eq!(got, want, "{mode:?}");
        }
        // Without the scope, no mode has reported cues.
        for mode in ReportedStance::ALL {
            assert_eq!(
                cue_names(false, mode, false, false, false).len(),
                N_BASE_CUES
            );
        }
        assert_eq!(n_reported_cues(ReportedStance::Split), MAX_REPORTED_CUES);
        for mode in ReportedStance::ALL {
            assert_eq!(n_reported_cues(mode), reported_cue_names(mode).len());
        }
    }

    #[test]
    fn every_descriptive_entry_is_an_evaluative_one() {
        let evaluative = Lexicon::parse(include_str!("lexicons/evaluative.txt"));
        let descriptive = Lexicon::parse(DESCRIPTIVE);
        assert!(descriptive.len() > 100);
        for (first, phrases) in &descriptive.entries {
            for p in phrases {
                assert!(
                    evaluative.entries.get(first).is_some_and(|e| e.contains(p)),
                    "{p:?} is not in evaluative.txt"
                );
            }
        }
        let split = evaluative.clone().without(&descriptive);
        assert_eq!(split.len(), evaluative.len() - descriptive.len());
    }

    #[test]
    fn the_split_moves_descriptive_words_to_their_own_cue() {
        let cues = |set: &CueSet, raw: &str, scope: bool| {
            let t = tokenise(&normalise(raw, true));
            set.values(&t, raw, Context::default(), scope)
        };
        let get = |v: &[(String, f32)], n: &str| v.iter().find(|(k, _)| k == n).map(|x| x.1);
        let (whole, split) = (CueSet::new(false), CueSet::new(true));
        for scope in [false, true] {
            let names = cue_names(scope, ReportedStance::Own, true, false, false);
            assert_eq!(names.last().map(String::as_str), Some("cue:descriptive"));
            assert_eq!(
                names[..names.len() - 1],
                cue_names(scope, ReportedStance::Own, false, false, false)[..]
            );
            // A report of a state of affairs: descriptive, no longer evaluative.
            let raw = "The flood left the valley in a severe crisis.";
            let (w, s) = (cues(&whole, raw, scope), cues(&split, raw, scope));
            assert_eq!(
                s.iter().map(|x| &x.0).collect::<Vec<_>>(),
                names.iter().collect::<Vec<_>>()
            );
            assert!(get(&w, "cue:evaluative").unwrap() > 0.0);
            assert_eq!(get(&w, "cue:descriptive"), None);
            assert_eq!(get(&s, "cue:evaluative"), Some(0.0));
            assert_eq!(get(&s, "cue:descriptive"), get(&w, "cue:evaluative"));
            // A grading word stays evaluative.
            let raw = "The ferry contract is reckless.";
            let (w, s) = (cues(&whole, raw, scope), cues(&split, raw, scope));
            assert_eq!(get(&s, "cue:evaluative"), get(&w, "cue:evaluative"));
            assert_eq!(get(&s, "cue:descriptive"), Some(0.0));
            // Every other cue is unchanged.
            let raw = "Harbour officials said the severe crisis was reckless and dangerous.";
            let (w, s) = (cues(&whole, raw, scope), cues(&split, raw, scope));
            for (name, v) in &w {
                if name != "cue:evaluative" {
                    assert_eq!(get(&s, name), Some(*v), "{name}");
                }
            }
        }
        // In reported speech the descriptive words count as reported evaluative words, as
        // before the split.
        let raw = "The harbour board called the ferry contract a dangerous failure.";
        let (w, s) = (cues(&whole, raw, true), cues(&split, raw, true));
        assert!(get(&w, "cue:reported_evaluative").unwrap() > 0.0);
        assert_eq!(
            get(&s, "cue:reported_evaluative"),
            get(&w, "cue:reported_evaluative")
        );
        assert_eq!(get(&s, "cue:descriptive"), Some(0.0));
    }
}
