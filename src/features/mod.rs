//! Sentence → sparse lexical vector.
//!
//! [`Featurizer::fit`] learns a bounded [`Vocabulary`] (document frequencies, idf) from training
//! sentences; [`Featurizer::transform`] is pure and ignores terms it never saw.

pub mod analyzer;
pub mod cues;
mod fast;
pub mod scope;
mod senses;

pub use analyzer::{Analyzer, Context};
pub use cues::UserLexicon;

use crate::error::{Error, Result};
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The full feature configuration, stored in every model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Lower-case before tokenising.
    pub lowercase: bool,
    /// Word n-gram range `[min, max]`; `max = 0` turns word n-grams off.
    pub word_ngrams: [usize; 2],
    /// Character n-gram range `[min, max]` within word boundaries; `max = 0` turns them off.
    pub char_ngrams: [usize; 2],
    /// Replace quoted runs of at least `mask_min_words` words by one `<quote>` token.
    pub mask_quotes: bool,
    /// Minimum quoted run length that gets masked.
    pub mask_min_words: usize,
    /// Add cue features (stance lexicons, punctuation, numbers, attribution).
    pub cues: bool,
    /// Count stance-lexicon words in unquoted reported speech (`Critics say the plan is
    /// reckless.`, `…, officials said.`, `according to X`; see [`scope`]) into separate
    /// `cue:reported_*` features instead of the author's cues. On by default; stored only
    /// when on (a model file without the field has it off: files written before it existed
    /// read as they always did).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reported_scope: bool,
    /// In the word and character n-grams, replace each token of unquoted reported speech
    /// (the [`scope`] of `reported_scope`, found whether or not that option is on) that
    /// starts a stance-lexicon match (any lexicon but `reporting`, as the reported cues count
    /// them) by the placeholder `<rstance>`: `Critics say the plan is reckless.` gives the
    /// n-grams of `critics say the plan is <rstance>`. Off by default; stored only when on
    /// (files without the field read as they always did).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mask_reported_stance: bool,
    /// In the word and character n-grams, mask unquoted reported speech as a quotation: each
    /// run of the [`scope`] (found whether or not `reported_scope` is on) outside quotation
    /// marks is read as quoted, so `mask_quotes` replaces it by `<quote>` when it is at least
    /// `mask_min_words` long: `Critics say the plan is a reckless gamble.` gives the n-grams
    /// of `critics say <quote>`. Off by default; stored only when on (files without the field
    /// read as they always did).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mask_reported: bool,
    /// Split the evaluative lexicon: its entries that news uses to describe rather than to
    /// grade (`lexicons/descriptive.txt`: events and states of affairs, severity and
    /// importance, emotional states, verbs of outcome and of a source's appraisal, and words
    /// whose common news sense is not evaluative) count in their own cue, `cue:descriptive`,
    /// instead of `cue:evaluative` (in reported speech they still count in
    /// `cue:reported_evaluative`). Off by default; stored only when on (files without the
    /// field read as they always did).
    #[serde(default, skip_serializing_if = "is_false")]
    pub split_evaluative: bool,
    /// Where the matches of the stance lexicons other than the evaluative one (obligation,
    /// predictions, hedges, first person, ...) count when they fall in unquoted reported
    /// speech (with `reported_scope`): in their own cue `cue:reported_stance`
    /// ([`ReportedStance::Own`], how every model before the field read them), nowhere
    /// ([`ReportedStance::Drop`], the default for new models since 30 November 2026: see
    /// `docs/experiments.md`), with the evaluative matches, with the reported words, or one cue
    /// per lexicon. Stored only when not `own`, so files without the field read as they always
    /// did.
    #[serde(default, skip_serializing_if = "ReportedStance::is_own")]
    pub reported_stance: ReportedStance,
    /// Single quotation marks (`‘…’`, `'…'`: British style) quote speech as double ones do,
    /// by the segmenter's rules for them (an apostrophe inside a word, `don't`, `O'Brien`, and
    /// elisions such as `'tis` are not quotation marks); quotations of one kind nest inside
    /// the other. Files without the field read as off (only double marks quote, as before);
    /// stored only when on.
    #[serde(default, skip_serializing_if = "is_false")]
    pub single_quotes: bool,
    /// Every cue feature's value is multiplied by this (1 keeps them as they are). With the
    /// L2 penalty, a scale above 1 regularises the cues less relative to the unit-norm n-gram
    /// blocks, below 1 more. Stored only when not 1 (files without the field read as they
    /// always did).
    #[serde(
        default = "default_cue_scale",
        skip_serializing_if = "is_default_cue_scale"
    )]
    pub cue_scale: f32,
    /// The revision of the cue rules. 1: the cues and reported-speech scope as they were
    /// first written. 2 adds two rules: a clause of the reported-speech scope also ends at a
    /// comma before `and` and a new subject (`Critics call it timid, and they are right.`
    /// leaves `and they are right` to the author; 1 ended it only before `and I`/`and we`),
    /// and the cue `cue:scare_quotes` counts short quoted runs (at most three words) in the
    /// author's own voice: outside the reported-speech scope and not right after a naming
    /// word (`called`, `dubbed`, `as`, …). 3 adds attribution frames to revision 1's rules
    /// (not revision 2's): `in her view`, `in the words of X`, `as X put it`, `quoted as
    /// saying` and the verbs `regard`, `conclude`, `finds` open a reported-speech scope
    /// (format version 10). 4 adds to revision 3 a subject with an aside before its verb
    /// (`Jane Okafor, the council's finance chief, said the plan was …`: the complement is
    /// reported; format version 11). 5 adds to revision 4 revision 2's `, and they …` clause
    /// break and more attribution forms: `…, saying/calling/citing …`, long attribution tails
    /// (`…, she said in a statement on Friday evening`), headline and manner verbs (`slams`,
    /// `hails`, `laments`, `vows`), the opening verb itself (`Officials expect …`), documents
    /// (`The audit found …`), passives (`has been described as`, `is said to be`), the
    /// author's label of a claim (`…, a claim that is absurd`) and own voice (`As critics
    /// rightly say`, `Everyone agrees`, `Some might call`), object verbs after an aside, and
    /// a possessor's claim (`The union's claim that …`; format version 13). 6 adds to
    /// revision 5 a third party's thoughts and feelings (`Parents worry that …`, `Investors
    /// hope …`, `The families are worried the inquiry …`) and `reportedly`/`allegedly`
    /// (format version 14). 7 adds court and inquest reporting (`…, the coroner found.`,
    /// `The judge ruled that …`, `…, the inquest heard.`, `Jurors were told …`; format
    /// version 15). 8 adds to revision 7 word senses: a stance-lexicon word used in a sense
    /// that judges nothing (`Good Friday`, `a fine of £500`, `what kind of`, `just after
    /// midnight`, `such as`, `rather than`) does not count (`features::senses`; format version
    /// 16). 9 adds to revision 8 timetables: `will` before a verb of announcement, schedule
    /// or decision (`will reopen`, `will publish`, `will take place`) or `will be` with such a
    /// participle (`will be frozen`, `will be held`) is not counted as a prediction (format
    /// version 17). 10 adds to revision 9 continued reports: in an article, a sentence that
    /// continues a report made in the sentence before it in its paragraph, with no attribution
    /// of its own ([`Context::continues_report`]: `It was, she said, a budget for the few. The
    /// tax cuts would mostly help the rich.`), is read as a sentence of the reporter's
    /// quotation, as the middle sentence of a quotation over several sentences is: every word
    /// quoted, `cue:in_quote` and `cue:attributed` on; a sentence with a word of the
    /// author-stance lexicons outside quotation marks never continues a report. Stand-alone
    /// sentences (training rows read without `--doc-column`, `explain`) never continue a
    /// report, so such a model's weights are those of revision 9 (format version 18). 11 adds
    /// to revision 10 the author-stance frames: a cue, `cue:stance_frames`, counts the set
    /// phrases and sentence adverbs with which a writer comments on what is reported without
    /// an evaluative word (`once again`, `then again`, `as usual`, `tellingly`, `remains to be
    /// seen`, `cold comfort`, `may be forgiven for`, `few will be surprised`, `to put it
    /// mildly`, `hardly`, …; `lexicons/stance_frames.txt`) in the author's words only, as the
    /// other stance lexicons are counted (in reported speech they count in
    /// `cue:reported_stance`); the frames that open with `once`, `yet`, `then`, `as` or `to`
    /// count only set off as an aside (`Once again, the network failed.`, not `The river burst
    /// its banks once again on Tuesday.`; format version 19). 12 adds to revision 11 questions
    /// and answers: in an article laid out as questions and answers, the question of a block
    /// from the document's second question block on, and every sentence of a later block that
    /// is not a question but holds the first person outside quotation marks (an interviewee's
    /// answer without a label; [`Context::q_and_a`]), are read as sentences of a quotation, as
    /// revision 10 reads a continued report (stand-alone sentences never have it); and more
    /// literal senses of evaluative words do not count (`the fine by a third`, `victim
    /// surcharge`, `lies in` = is located, a clock `striking`, `striking workers`;
    /// `features::senses`; format version 20). 13 adds to revision 12 more
    /// author-stance frames (`helpfully`, `in hindsight`, `to nobody's surprise`, `to his
    /// credit`; `lexicons/stance_frames_13.txt`), the author's recommendations in
    /// `cue:exhortation` (`may want to`, `would do well to`, `worth a visit`, `best avoided`;
    /// `lexicons/exhortation_13.txt`, and a sentence opening with an imperative verb of advice
    /// outside reported speech: `Book early.`, `Go for the first act.`), `would say that` with
    /// nothing after it as the author's aside, no report (no scope, `cue:attributed` off: `He
    /// would say that.`), and `lies` after a determiner or possessive as the noun (`the lies in
    /// the report` counts), and speakers' turns: a sentence that opens with a speaker label
    /// (`Sato: …`, `The mayor: …`, `Union leader: …`; not the author's `Note:`, `Verdict:`,
    /// `Why it matters:`), read alone or in an article, and the later sentences of its
    /// paragraph ([`Context::speaker_turn`]) are read as sentences of a quotation (format
    /// version 21). 14 adds to revision 13 the writer's rhetorical question: in an
    /// article, a yes/no question of the author's in a paragraph that goes on
    /// ([`Context::rhetorical`]: `Will the budget fix the roads? Perhaps, but …`) counts as one
    /// more author-stance frame; and reads speakers' turns from [`Context::speaker_turn_14`]
    /// (the label read on the paragraph's whole first sentence, with revision 14's shapes: a
    /// headline's topic, `Inflation: what happens next?`, is no speaker, `Will Hutton:` is;
    /// format version 22). 15 adds to revision 14 the newsroom's own first person in
    /// plain reporting: `we` before a verb of reporting or investigating (`We asked the council
    /// for comment`, `economists we spoke to`), `our` before a noun of the newsroom's work
    /// (`Our analysis of the data`, `our live coverage`, `By our court reporter`, `On our
    /// visit`) do not count in `cue:first_person` and are read as the placeholder `<newsroom>`
    /// in the n-grams (alone and in context; format version 23). 16 (the default) adds, in
    /// an article only, a column's name headings read as the author's, not a speaker's turn
    /// (`Rhian Pugh: The councillor …`: a name new to the article, no label of the article
    /// recurring, no first person or question in the paragraph), and an explainer's one-line
    /// question subheads from the second on (not the last paragraph) read as questions and
    /// answers (format version 24). 17 adds to revision 16 more of the newsroom's own and
    /// the writer's record read as no first person and as `<newsroom>` in the n-grams (`the
    /// kettles we bought`, `our safety tests`, `we will be following the meeting`, `That's
    /// all from us`, a letter writer's `I have driven a bus … for 22 years`), broadcast
    /// formulae in a neutral sense (`Welcome back to …`, `Good evening from …`), a link line's
    /// verb as no imperative (`Read more: …`), a rating line as one evaluative match (`Four
    /// stars`, `★★★☆☆`, `Rating: 3/5`), and, in an article only, a reader's letter headed `Q`
    /// without a colon (`Q My cat …?`) as a question block's sentences (format version 25;
    /// the default before 18). 18 (the default 1 December 2026, 13:16-22:12 UTC; format
    /// version 26) adds to revision 17 the newsroom's staff (`our librarian`, `our
    /// photographer`) and a writer's question to an expert (`I asked Dr …`, `I put this to
    /// Professor …`) as no first person and `<newsroom>` in the n-grams, a verdict label
    /// (`Best buy: …`, `Worst buy: …`, `Avoid: …`) as one evaluative match, and, in an
    /// article only, a transcript's short questions (at most 12 words, in a paragraph that
    /// opens with `Q:` or `Question:`) as a question block's sentences (the default before
    /// 20). 19 (opt-in, format version 27) adds the reader's calls to action (`Write to your
    /// councillor …`, `Complain to …`) as the author's imperative. 20 (the default 1
    /// December 2026, 22:12 UTC, to 2 December, 00:42 UTC; format version 28) adds the author's verdict on a report
    /// (`X claimed, wrongly, that …`, `X rightly concluded …`, `…, and they are right.`) as the
    /// author's: no reported-speech scope in that sentence, the verdict word one evaluative
    /// match. 21 (opt-in, format version 29) adds loaded words in the author's voice
    /// (`splurged`, `a junket`, `gravy train`) as one evaluative match each. 22 (the default
    /// 2 December 2026, 00:42 UTC, to 03:15 UTC; format version 30) adds more of the author's verdicts on a report (`X warned,
    /// presciently, that …`, `X replied, with a straight face, that …`), each verdict on a
    /// report also one author-stance frame, and the author's imperative after a fronted clause
    /// (`Until then, expect delays.`), whose verb opens no reported-speech scope. 23 (the default
    /// 2 December 2026, 03:15 UTC, to 07:08 UTC; format version 31) adds the author's evaluative word on a figure (`a paltry 2%`, `a
    /// whopping 9,000`) as one evaluative match and one author-stance frame (the report's, inside
    /// reported speech, one reported evaluative match), a judgement attributed by a colon (`The
    /// auditors' verdict: …`), whose words after the colon are reported speech, a standfirst's
    /// byline tag (`…, writes Ann Corrie`), which opens no reported speech, and an evaluative or
    /// obligation match in the author's relative clause set off by commas (`The treasurer, who is
    /// utterly incompetent, …`) as one author-stance frame. 24 (opt-in, format version 32) adds
    /// the author's hedged prediction (`is likely to`, `will probably`, `almost certainly`,
    /// `could well be`; none inside reported speech) and the author's pressing question (`Did we
    /// really need …?`, `why will the minister not say so?`), each one author-stance frame. 25
    /// (opt-in, format version 33) reads what 23 reads, not 24's forms, with 23's colon
    /// attribution fixed (a time's colon skipped, `At 10:30 the panel's verdict: …`; a plural
    /// owner right before the judgement), and adds the author's verdict on a source (`She is
    /// right, though …`, `he has a point`, `X was right to …`), a verb with an imagined speaker
    /// (`Any fan … would tell you …`) as no report, a comment adverb opening the sentence
    /// (`Mercifully, …`) and an evaluative word of the lexicons before a figure (`a magnificent
    /// 11,200`), each one author-stance frame. 26 (the default since 2 December 2026, 07:08 UTC;
    /// format version 34) reads what 25 reads
    /// and adds the author's `too` of excess (`too small for families`; not `too ill to travel`,
    /// `He too was`, `she voted, too`) and the author's superlative of an evaluative adjective of
    /// the lexicon over a comparison class (`the finest venue in the north`, `the most absurd in
    /// the county`; not `the largest employer in the county`), each one author-stance frame
    /// outside reported speech. New models use revision 26;
    /// files without the field read as revision 1, and it is stored only when not 1.
    #[serde(
        default = "first_cue_rules",
        skip_serializing_if = "is_first_cue_rules"
    )]
    pub cue_rules: u8,
    /// The user's lexicons (`train --lexicon NAME=FILE`), each counted in its own cue
    /// `cue:lex:NAME` after the built-in cues. Stored only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lexicons: Vec<UserLexicon>,
    /// Keep word n-grams seen in at least this many training sentences.
    pub min_df: usize,
    /// Keep at most this many word n-grams (most frequent first).
    pub max_features: usize,
    /// Keep character n-grams seen in at least this many training sentences.
    #[serde(default = "default_char_min_df")]
    pub char_min_df: usize,
    /// Keep at most this many character n-grams (most frequent first).
    #[serde(default = "default_char_max_features")]
    pub char_max_features: usize,
    /// Use `1 + ln(tf)` instead of raw term frequency.
    pub sublinear_tf: bool,
    /// Use presence (1) instead of term frequency.
    pub binary: bool,
    /// Multiply by smoothed inverse document frequency.
    pub idf: bool,
}

/// How the non-evaluative stance-lexicon matches in unquoted reported speech are counted
/// ([`FeatureConfig::reported_stance`]; `factop train --reported-stance MODE`). Only the
/// reported-speech cues differ: the author's cues and the n-grams are the same in every mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportedStance {
    /// In their own cue, `cue:reported_stance` (how a file without the field reads; new
    /// models default to [`ReportedStance::Drop`]).
    #[default]
    Own,
    /// Not counted: no `cue:reported_stance`.
    Drop,
    /// Counted with the evaluative lexicon's matches in `cue:reported_evaluative`; no
    /// `cue:reported_stance`.
    Evaluative,
    /// Added to the reported words in `cue:reported_words`; no `cue:reported_stance`.
    Words,
    /// One cue per lexicon instead of `cue:reported_stance`: `cue:reported_first_person`,
    /// `cue:reported_obligation`, `cue:reported_predictions`, ... (in the lexicons' order).
    Split,
}

impl ReportedStance {
    /// Every mode, in the order the flag lists them.
    pub const ALL: [ReportedStance; 5] = [
        ReportedStance::Own,
        ReportedStance::Drop,
        ReportedStance::Evaluative,
        ReportedStance::Words,
        ReportedStance::Split,
    ];

    /// The mode's name, as the flag and the model file spell it.
    pub fn name(self) -> &'static str {
        match self {
            ReportedStance::Own => "own",
            ReportedStance::Drop => "drop",
            ReportedStance::Evaluative => "evaluative",
            ReportedStance::Words => "words",
            ReportedStance::Split => "split",
        }
    }

    /// The mode named `name` (as [`name`](Self::name) spells it).
    pub fn parse(name: &str) -> Option<ReportedStance> {
        ReportedStance::ALL.into_iter().find(|m| m.name() == name)
    }

    fn is_own(&self) -> bool {
        *self == ReportedStance::Own
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn default_cue_scale() -> f32 {
    1.0
}

fn is_default_cue_scale(s: &f32) -> bool {
    *s == default_cue_scale()
}

fn first_cue_rules() -> u8 {
    1
}

fn is_first_cue_rules(r: &u8) -> bool {
    *r == first_cue_rules()
}

/// The names of the cue features of a configuration with cues on, in output order: the
/// built-in ones, then one per user lexicon.
fn cue_names_of(config: &FeatureConfig) -> Vec<String> {
    let mut names = cues::cue_names(
        config.reported_scope,
        config.reported_stance,
        config.split_evaluative,
        cues::counts_scare_quotes(config.cue_rules),
        cues::counts_stance_frames(config.cue_rules),
    );
    names.extend(config.lexicons.iter().map(UserLexicon::cue_name));
    names
}

/// The newest revision of the cue rules ([`FeatureConfig::cue_rules`]).
pub const CUE_RULES: u8 = 26;

/// The revision of the cue rules new models use ([`FeatureConfig::default`]): 26.
pub const DEFAULT_CUE_RULES: u8 = 26;

fn default_char_min_df() -> usize {
    3
}

fn default_char_max_features() -> usize {
    30_000
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            lowercase: true,
            word_ngrams: [1, 2],
            char_ngrams: [2, 5],
            mask_quotes: true,
            mask_min_words: 3,
            cues: true,
            reported_scope: true,
            mask_reported_stance: false,
            mask_reported: false,
            split_evaluative: false,
            // New models drop them; files without the field read as `own`.
            reported_stance: ReportedStance::Drop,
            single_quotes: true,
            cue_scale: default_cue_scale(),
            // New models read attribution frames; files without the field read as 1.
            cue_rules: DEFAULT_CUE_RULES,
            lexicons: Vec::new(),
            min_df: 2,
            max_features: 20_000,
            char_min_df: default_char_min_df(),
            char_max_features: default_char_max_features(),
            sublinear_tf: true,
            binary: false,
            idf: true,
        }
    }
}

impl FeatureConfig {
    /// Check the configuration, naming the offending option.
    pub fn validate(&self) -> Result<()> {
        let range = |name: &'static str, r: [usize; 2]| {
            if r[1] > 0 && (r[0] == 0 || r[0] > r[1] || r[1] > 8) {
                Err(Error::Param {
                    name,
                    msg: format!(
                        "{}-{} is not a range MIN-MAX with 1 <= MIN <= MAX <= 8 (use 0 to turn off)",
                        r[0], r[1]
                    ),
                })
            } else {
                Ok(())
            }
        };
        range("--word-ngrams", self.word_ngrams)?;
        range("--char-ngrams", self.char_ngrams)?;
        if self.word_ngrams[1] == 0 && self.char_ngrams[1] == 0 && !self.cues {
            return Err(Error::Param {
                name: "--word-ngrams",
                msg: "no features left: enable word n-grams, char n-grams or cues".into(),
            });
        }
        for (name, v) in [
            ("--min-df", self.min_df),
            ("--max-features", self.max_features),
            ("--char-min-df", self.char_min_df),
            ("--char-max-features", self.char_max_features),
        ] {
            if v == 0 {
                return Err(Error::Param {
                    name,
                    msg: "must be at least 1".into(),
                });
            }
        }
        if self.mask_min_words == 0 {
            return Err(Error::Param {
                name: "--mask-min-words",
                msg: "must be at least 1".into(),
            });
        }
        if self.lexicons.len() > cues::MAX_USER_LEXICONS {
            return Err(Error::Param {
                name: "--lexicon",
                msg: format!(
                    "{} lexicons; at most {} can be added",
                    self.lexicons.len(),
                    cues::MAX_USER_LEXICONS
                ),
            });
        }
        if !self.lexicons.is_empty() && !self.cues {
            return Err(Error::Param {
                name: "--lexicon",
                msg: "user lexicons are cue features: drop --no-cues".into(),
            });
        }
        for (k, lex) in self.lexicons.iter().enumerate() {
            lex.validate().map_err(|msg| Error::Param {
                name: "--lexicon",
                msg,
            })?;
            if self.lexicons[..k].iter().any(|l| l.name == lex.name) {
                return Err(Error::Param {
                    name: "--lexicon",
                    msg: format!("the name `{}` is given twice", lex.name),
                });
            }
        }
        if !(1..=CUE_RULES).contains(&self.cue_rules) {
            return Err(Error::Param {
                name: "--cue-rules",
                msg: format!(
                    "{} is not a revision of the cue rules (1 to {CUE_RULES})",
                    self.cue_rules
                ),
            });
        }
        // `drop`, the default, has nothing to drop without them (`fit` stores such a
        // configuration as `own`); the other modes move cues that are not there.
        let moves_cues = !matches!(
            self.reported_stance,
            ReportedStance::Own | ReportedStance::Drop
        );
        if moves_cues && !(self.cues && self.reported_scope) {
            return Err(Error::Param {
                name: "--reported-stance",
                msg: format!(
                    "`{}` changes the reported-speech cues: it needs the cues and the reported-speech scope on",
                    self.reported_stance.name()
                ),
            });
        }
        if !(self.cue_scale > 0.0 && self.cue_scale <= 100.0) {
            return Err(Error::Param {
                name: "--cue-scale",
                msg: format!(
                    "{} is not a scale in (0, 100] (1 keeps the cues as they are)",
                    self.cue_scale
                ),
            });
        }
        Ok(())
    }
}

/// A sparse vector: sorted, distinct indices and their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    /// Feature indices, strictly increasing.
    pub indices: Vec<u32>,
    /// Values, one per index.
    pub values: Vec<f32>,
}

impl SparseVec {
    /// Dot product with a dense weight vector.
    pub fn dot(&self, w: &[f64]) -> f64 {
        self.indices
            .iter()
            .zip(&self.values)
            .map(|(&i, &v)| w[i as usize] * f64::from(v))
            .sum()
    }

    /// Iterate over `(index, value)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (usize, f32)> + '_ {
        self.indices
            .iter()
            .zip(&self.values)
            .map(|(&i, &v)| (i as usize, v))
    }
}

/// The learned vocabulary: n-gram terms with their idf, followed by the cue features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// N-gram terms in index order.
    pub terms: Vec<CompactString>,
    /// Smoothed idf per term (1.0 everywhere when idf is off).
    pub idf: Vec<f32>,
    /// Cue feature names, at indices `terms.len()..`.
    pub cues: Vec<String>,
}

/// Terms with their document frequencies.
type TermCounts = Vec<(String, u32)>;

/// Prefix of character n-gram terms (they sort before word terms, prefix `w:`).
pub const CHAR_PREFIX: &str = "c:";

/// The term-frequency factor of a term seen `tf` times.
fn tf_weight(cfg: &FeatureConfig, tf: u32) -> f32 {
    if cfg.binary {
        1.0
    } else if cfg.sublinear_tf {
        1.0 + (tf as f32).ln()
    } else {
        tf as f32
    }
}

/// A fitted feature extractor.
#[derive(Debug, Clone)]
pub struct Featurizer {
    analyzer: Analyzer,
    vocab: Vocabulary,
    /// Look-up structures of [`Featurizer::transform`]'s fast path (shared by clones).
    fast: std::sync::Arc<fast::Index>,
    /// Terms `0..n_char` are character n-grams, `n_char..terms.len()` word n-grams.
    n_char: u32,
}

impl Featurizer {
    /// Learn the vocabulary from training sentences.
    pub fn fit(config: FeatureConfig, docs: &[(&str, Context)]) -> Result<Featurizer> {
        Featurizer::fit_threads(config, docs, 1)
    }

    /// [`fit`](Self::fit), counting terms on up to `threads` threads (the vocabulary is the
    /// same for any number: it is ordered by document frequency and term, not by id).
    pub fn fit_threads(
        config: FeatureConfig,
        docs: &[(&str, Context)],
        threads: usize,
    ) -> Result<Featurizer> {
        config.validate()?;
        let mut config = config;
        if !(config.cues && config.reported_scope) {
            // No reported-speech cues: how they would count is moot, and stored as the
            // unwritten `own` (a model without them is the same file as before the option).
            config.reported_stance = ReportedStance::Own;
        }
        let analyzer = Analyzer::new(config.clone());
        // Terms are interned: one `String` per distinct term, per-sentence sets of ids.
        let count = |docs: &[(&str, Context)]| {
            let mut ids: FxHashMap<String, u32> = FxHashMap::default();
            let mut df: Vec<u32> = Vec::new();
            let mut seen: Vec<u32> = Vec::new();
            for (text, ctx) in docs {
                seen.clear();
                analyzer.terms(text, *ctx, &mut |t| {
                    let id = match ids.get(t) {
                        Some(&id) => id,
                        None => {
                            let id = df.len() as u32;
                            ids.insert(t.to_string(), id);
                            df.push(0);
                            id
                        }
                    };
                    seen.push(id);
                });
                seen.sort_unstable();
                seen.dedup();
                for &id in &seen {
                    df[id as usize] += 1;
                }
            }
            (ids, df)
        };
        let mut parts = crate::pipeline::map_parts(docs, threads, 2000, count).into_iter();
        let (mut ids, mut df) = parts.next().expect("map_parts returns at least one part");
        for (more_ids, more_df) in parts {
            for (t, id) in more_ids {
                let n = more_df[id as usize];
                match ids.get(&t) {
                    Some(&have) => df[have as usize] += n,
                    None => {
                        ids.insert(t, df.len() as u32);
                        df.push(n);
                    }
                }
            }
        }
        let (chars, words): (TermCounts, TermCounts) = ids
            .into_iter()
            .map(|(t, id)| (t, df[id as usize]))
            .partition(|(t, _)| t.starts_with(CHAR_PREFIX));
        let prune = |mut v: Vec<(String, u32)>, min_df: usize, max: usize| {
            v.retain(|(_, d)| *d as usize >= min_df);
            // Most frequent first, ties by term: deterministic whatever the hash order.
            v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(max);
            v
        };
        let mut kept = prune(chars, config.char_min_df, config.char_max_features);
        kept.extend(prune(words, config.min_df, config.max_features));
        // Index order is term order: every `c:` term sorts before every `w:` term.
        kept.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let cues = if config.cues {
            cue_names_of(&config)
        } else {
            Vec::new()
        };
        if kept.is_empty() && cues.is_empty() {
            return Err(Error::Param {
                name: "--min-df",
                msg: format!(
                    "after pruning, no terms remain (min_df {} over {} sentences); lower --min-df",
                    config.min_df,
                    docs.len()
                ),
            });
        }
        let n = docs.len() as f64;
        let idf = kept
            .iter()
            .map(|(_, d)| {
                if config.idf {
                    (((1.0 + n) / (1.0 + f64::from(*d))).ln() + 1.0) as f32
                } else {
                    1.0
                }
            })
            .collect();
        let vocab = Vocabulary {
            terms: kept.into_iter().map(|(t, _)| t.into()).collect(),
            idf,
            cues,
        };
        Featurizer::from_parts(config, vocab)
    }

    /// Rebuild a featurizer from a stored configuration and vocabulary.
    pub fn from_parts(config: FeatureConfig, vocab: Vocabulary) -> Result<Featurizer> {
        config.validate()?;
        if vocab.terms.len() != vocab.idf.len() {
            return Err(Error::Model {
                path: String::new(),
                msg: format!(
                    "vocabulary has {} terms but {} idf values",
                    vocab.terms.len(),
                    vocab.idf.len()
                ),
            });
        }
        // Real idf values are about 1..25; anything non-finite or huge would turn scores
        // into NaN (an overflowing norm), so a corrupted model is refused here.
        if let Some((t, x)) = vocab
            .terms
            .iter()
            .zip(&vocab.idf)
            .find(|(_, x)| !(0.0..=1e6).contains(*x))
        {
            return Err(Error::Model {
                path: String::new(),
                msg: format!("idf value {x} of term `{t}` is outside 0..1e6"),
            });
        }
        let expected = if config.cues {
            cue_names_of(&config)
        } else {
            Vec::new()
        };
        if vocab.cues != expected {
            return Err(Error::Model {
                path: String::new(),
                msg: "the model's cue features differ from this factop's; retrain the model".into(),
            });
        }
        if vocab.terms.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::Model {
                path: String::new(),
                msg: "vocabulary terms are not sorted and distinct".into(),
            });
        }
        let n_char = vocab.terms.partition_point(|t| t.starts_with(CHAR_PREFIX)) as u32;
        let fast = std::sync::Arc::new(fast::Index::new(&config, &vocab.terms));
        Ok(Featurizer {
            analyzer: Analyzer::new(config),
            vocab,
            fast,
            n_char,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &FeatureConfig {
        self.analyzer.config()
    }

    /// The vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Number of features (n-gram terms plus cues).
    pub fn dim(&self) -> usize {
        self.vocab.terms.len() + self.vocab.cues.len()
    }

    /// The name of feature `i`.
    pub fn feature_name(&self, i: usize) -> &str {
        let n = self.vocab.terms.len();
        if i < n {
            &self.vocab.terms[i]
        } else {
            &self.vocab.cues[i - n]
        }
    }

    /// Turn a sentence into a sparse vector. Unknown terms are ignored.
    pub fn transform(&self, text: &str, ctx: Context) -> SparseVec {
        let mut v = SparseVec::default();
        self.transform_into(text, ctx, &mut v);
        v
    }

    /// [`transform`](Self::transform) into a reused vector (cleared first).
    ///
    /// This is the inference hot path (see `fast.rs`): tokens borrow from the normalised
    /// sentence, each distinct token's word id, character n-gram hits and cue flags are
    /// computed once per thread and cached, n-grams are found by walking tries over the
    /// vocabulary (no string keys), and term frequencies are counted in a dense array. The
    /// result is exactly what the straightforward string-keyed version computes (checked by
    /// the tests against that version, kept as `transform_reference`).
    pub fn transform_into(&self, text: &str, ctx: Context, v: &mut SparseVec) {
        v.indices.clear();
        v.values.clear();
        let cues = fast::transform(self, text, ctx, v);
        self.finish(v, self.cue_values(cues.as_ref()));
    }

    /// The cue values of the fast path that this featurizer's vocabulary has (none when
    /// cues are off; without the reported-speech cues when that scope is off, without the
    /// descriptive cue when the evaluative lexicon is not split).
    fn cue_values<'a>(&self, cues: Option<&'a [f32; cues::N_CUES]>) -> &'a [f32] {
        cues.map_or(&[][..], |c| &c[..self.vocab.cues.len()])
    }

    /// `self.transform(text, ctx).dot(w)`, bit for bit (the same products added up in the
    /// same order), without storing the scaled vector: a model's inference hot path.
    pub fn transform_dot(&self, text: &str, ctx: Context, w: &[f64]) -> f64 {
        fast::transform_dot(self, text, ctx, w, |_| None)
    }

    /// [`transform_dot`](Self::transform_dot) with one more term added last when `terms`,
    /// given the indices of the sentence's n-gram terms in increasing order, returns `Some`:
    /// the logit of a model with a feature computed from which terms are present (the
    /// naive-Bayes score), bit for bit as if that feature were appended to the vector.
    pub fn transform_dot_and(
        &self,
        text: &str,
        ctx: Context,
        w: &[f64],
        terms: impl FnOnce(&[u32]) -> Option<f64>,
    ) -> f64 {
        fast::transform_dot(self, text, ctx, w, terms)
    }

    /// The dot product of `w` with what [`finish`](Self::finish) makes of the weighted terms
    /// (`indices`, `values`) and the cue values: each block's norm as `finish` computes it, then the products
    /// of the scaled values added up one by one in index order, from the value
    /// `Iterator::sum` starts from, as [`SparseVec::dot`] adds them.
    fn finish_dot(&self, indices: &[u32], values: &[f32], cue_values: &[f32], w: &[f64]) -> f64 {
        let split = indices.partition_point(|&i| i < self.n_char);
        let mut z: f64 = std::iter::empty::<f64>().sum();
        for block in [0..split, split..indices.len()] {
            let (indices, values) = (&indices[block.clone()], &values[block]);
            let norm = values.iter().map(|x| x * x).sum::<f32>().sqrt();
            // Dividing by 1 changes nothing: a block with a zero norm stays as it is.
            let d = if norm > 0.0 { norm } else { 1.0 };
            // Four terms per step (the loop's count and test once for four), added in order.
            let (quads, rest) = (indices.chunks_exact(4), values.chunks_exact(4));
            let (last_i, last_x) = (quads.remainder(), rest.remainder());
            for (i, x) in quads.zip(rest) {
                z += w[i[0] as usize] * f64::from(x[0] / d);
                z += w[i[1] as usize] * f64::from(x[1] / d);
                z += w[i[2] as usize] * f64::from(x[2] / d);
                z += w[i[3] as usize] * f64::from(x[3] / d);
            }
            for (&i, &x) in last_i.iter().zip(last_x) {
                z += w[i as usize] * f64::from(x / d);
            }
        }
        let base = self.vocab.terms.len();
        for (j, &x) in cue_values.iter().enumerate() {
            if x != 0.0 {
                z += w[base + j] * f64::from(x);
            }
        }
        z
    }

    /// The weight of term `i` seen `tf` times in a sentence.
    #[cfg(test)]
    fn weigh(&self, i: u32, tf: u32) -> f32 {
        tf_weight(self.analyzer.config(), tf) * self.vocab.idf[i as usize]
    }

    /// Scale the weighted n-gram terms in `v` (sorted indices) and append the cues.
    fn finish(&self, v: &mut SparseVec, cue_values: &[f32]) {
        // Character and word n-grams are two blocks, each scaled to unit length.
        let split = v.indices.partition_point(|&i| i < self.n_char);
        let (chars, words) = v.values.split_at_mut(split);
        for block in [chars, words] {
            let norm = block.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                block.iter_mut().for_each(|x| *x /= norm);
            }
        }
        let base = self.vocab.terms.len() as u32;
        for (j, &value) in cue_values.iter().enumerate() {
            if value != 0.0 {
                v.indices.push(base + j as u32);
                v.values.push(value);
            }
        }
    }

    /// The straightforward transform (string keys in a hash map, every term emitted by
    /// [`Analyzer::terms`]): the reference the fast path is tested against.
    #[cfg(test)]
    pub(crate) fn transform_reference(&self, text: &str, ctx: Context) -> SparseVec {
        let index: FxHashMap<&str, u32> = self
            .vocab
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i as u32))
            .collect();
        let mut hits: Vec<u32> = Vec::new();
        let cue_values = self.analyzer.terms(text, ctx, &mut |t| {
            if let Some(&i) = index.get(t) {
                hits.push(i);
            }
        });
        hits.sort_unstable();
        let mut v = SparseVec::default();
        let mut k = 0;
        while k < hits.len() {
            let i = hits[k];
            let mut tf = 0u32;
            while k < hits.len() && hits[k] == i {
                tf += 1;
                k += 1;
            }
            v.indices.push(i);
            v.values.push(self.weigh(i, tf));
        }
        let cues: Vec<f32> = cue_values.into_iter().map(|(_, x)| x).collect();
        self.finish(&mut v, &cues);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<(&'static str, Context)> {
        [
            "The council approved the budget on Monday.",
            "The budget is a terrible mistake.",
            "The council met on Monday.",
        ]
        .into_iter()
        .map(|t| (t, Context::default()))
        .collect()
    }

    #[test]
    fn fit_on_threads_learns_the_same_vocabulary() {
        let words = [
            "council", "budget", "rain", "vote", "mayor", "river", "bridge", "tax",
        ];
        let verbs = ["approved", "rejected", "praised", "doubted", "is", "hates"];
        let texts: Vec<String> = (0..4500)
            .map(|i| {
                format!(
                    "The {} {} the {} on day {}.",
                    words[i % 8],
                    verbs[(i / 8) % 6],
                    words[(i / 48) % 8],
                    i % 37
                )
            })
            .collect();
        let docs: Vec<(&str, Context)> = texts
            .iter()
            .map(|t| (t.as_str(), Context::default()))
            .collect();
        let one = Featurizer::fit(FeatureConfig::default(), &docs).unwrap();
        for threads in [2, 3] {
            let more = Featurizer::fit_threads(FeatureConfig::default(), &docs, threads).unwrap();
            assert_eq!(more.vocabulary(), one.vocabulary(), "{threads} threads");
        }
    }

    /// A sentence flagged by `ctx` (from the segmenter) under cue rules `rules` and the
    /// revision before: the fast path equals the reference, the older rules read it as they
    /// always did, and `check` holds for the newer ones.
    fn read_from_revision(
        rules: u8,
        ctx: Context,
        texts: &[&str],
        check: impl Fn(&Featurizer, &str, &SparseVec),
    ) {
        for r in [rules - 1, rules] {
            let cfg = FeatureConfig {
                cue_rules: r,
                min_df: 1,
                ..FeatureConfig::default()
            };
            let f = Featurizer::fit(cfg, &docs()).unwrap();
            for &text in texts {
                let got = f.transform(text, ctx);
                assert_eq!(got, f.transform_reference(text, ctx), "{text}");
                if r == rules {
                    check(&f, text, &got);
                } else {
                    assert_eq!(got, f.transform(text, Context::default()), "{text}");
                }
            }
        }
    }

    /// The middle sentence of a quotation over three sentences.
    const QUOTED: Context = Context {
        in_quote: true,
        attributed: true,
        continues_quote: true,
        continues_report: false,
        q_and_a: false,
        speaker_turn: false,
        speaker_turn_14: false,
        column_head: false,
        subhead_16: false,
        q_label_17: false,
        q_turn_18: false,
        rhetorical: false,
    };

    #[test]
    fn cue_rules_10_read_a_continued_report_as_a_quotations_sentence() {
        let report = Context {
            continues_report: true,
            ..Context::default()
        };
        let texts = [
            "The budget would be a terrible mistake.",
            "The council would also approve the budget on Monday.",
            "Taxes would rise \"sharply\" too.",
        ];
        read_from_revision(10, report, &texts, |f, text, got| {
            let all_quoted = f.analyzer().terms(text, report, &mut |_| {});
            let value = |cue: &str| all_quoted.iter().find(|(n, _)| n == cue).unwrap().1;
            assert!(value("cue:in_quote") > 0.0 && value("cue:attributed") > 0.0);
            assert_eq!(value("cue:evaluative"), 0.0, "{text}");
            assert_eq!(value("cue:length"), 0.0, "{text}");
            if !text.contains('"') {
                assert_eq!(*got, f.transform(text, QUOTED), "{text}");
            }
        });
    }

    #[test]
    fn cue_rules_12_read_a_question_as_a_quotations_sentence() {
        let asked = Context {
            q_and_a: true,
            ..Context::default()
        };
        let texts = [
            "A food bank that grows every year is a sign that something has failed.",
            "Will my energy bills change?",
        ];
        read_from_revision(12, asked, &texts, |f, text, got| {
            assert_eq!(*got, f.transform(text, QUOTED), "{text}");
        });
    }

    #[test]
    fn cue_rules_16_read_a_question_subhead_as_a_quotations_sentence() {
        let subhead = Context {
            subhead_16: true,
            ..Context::default()
        };
        read_from_revision(16, subhead, &["Will it flood?"], |f, text, got| {
            assert_eq!(*got, f.transform(text, QUOTED), "{text}");
        });
    }

    #[test]
    fn cue_rules_16_read_a_columns_name_heading_as_the_authors() {
        // A turn as revision 14 reads labels, in a block the segmenter marks as a column's
        // name heading: quoted until 15, the author's from 16 (the label's sentence too: its
        // label is not read anew).
        let heading = Context {
            speaker_turn_14: true,
            column_head: true,
            ..Context::default()
        };
        let texts = [
            "Ada Quist: The councillor asked about the cost for a year.",
            "It was patient work of exactly the right kind.",
        ];
        for r in [14, 15, 16] {
            let cfg = FeatureConfig {
                cue_rules: r,
                min_df: 1,
                ..FeatureConfig::default()
            };
            let f = Featurizer::fit(cfg, &docs()).unwrap();
            for text in texts {
                let got = f.transform(text, heading);
                assert_eq!(got, f.transform_reference(text, heading), "{text}");
                let turn = Context {
                    speaker_turn_14: true,
                    ..Context::default()
                };
                if r >= 16 {
                    assert_ne!(got, f.transform(text, turn), "{r} {text}");
                    if !text.contains(':') {
                        assert_eq!(got, f.transform(text, Context::default()), "{r} {text}");
                    }
                } else {
                    assert_eq!(got, f.transform(text, turn), "{r} {text}");
                }
            }
        }
    }

    #[test]
    fn cue_rules_13_read_a_speakers_turn_as_a_quotations_sentence() {
        // A later sentence of a turn (the segmenter's flag), and a sentence that opens with a
        // speaker label read alone (no flag): the speaker's from 13, as before until 12.
        let turn = Context {
            speaker_turn: true,
            ..Context::default()
        };
        read_from_revision(13, turn, &["The plan is a disaster."], |f, text, got| {
            assert_eq!(*got, f.transform(text, QUOTED), "{text}");
        });
        let labelled = [
            "Sato: Anyone who calls the plan cheap has not read it.",
            "The mayor: We will not back down.",
            "Union leader: the offer is a disgrace",
        ];
        read_from_revision(13, Context::default(), &labelled, |f, text, got| {
            assert_eq!(*got, f.transform(text, QUOTED), "{text}");
        });
        // The author's labels and colons later in the sentence are read as the author's.
        let cfg = FeatureConfig {
            cue_rules: 13,
            min_df: 1,
            ..FeatureConfig::default()
        };
        let f = Featurizer::fit(cfg, &docs()).unwrap();
        for text in [
            "Verdict: The plan is a disaster.",
            "Why it matters: The plan is a disaster.",
            "The reason is simple: the plan is a disaster.",
        ] {
            let got = f.transform(text, Context::default());
            assert_eq!(
                got,
                f.transform_reference(text, Context::default()),
                "{text}"
            );
            assert_ne!(got, f.transform(text, QUOTED), "{text}");
        }
    }

    #[test]
    fn cue_rules_26_are_the_default_and_13_read_the_same_on_both_paths() {
        assert_eq!(FeatureConfig::default().cue_rules, 26);
        assert_eq!(DEFAULT_CUE_RULES, 26);
        assert_eq!(CUE_RULES, 26);
        let texts = [
            "Helpfully, the council published the figures a day late.",
            "Book early for the Mahler in March.",
            "He would say that.",
            "The lies in the report were exposed.",
            "Investors may want to look past the headline figure, the analyst said.",
            "\"Take a cushion,\" the usher said.",
        ];
        let said = Context {
            attributed: true,
            ..Context::default()
        };
        for rules in [12, 13] {
            let cfg = FeatureConfig {
                cue_rules: rules,
                min_df: 1,
                ..FeatureConfig::default()
            };
            cfg.validate().unwrap();
            let f = Featurizer::fit(cfg, &docs()).unwrap();
            for text in texts {
                for ctx in [Context::default(), said] {
                    assert_eq!(
                        f.transform(text, ctx),
                        f.transform_reference(text, ctx),
                        "{text}"
                    );
                }
            }
        }
        let too_new = FeatureConfig {
            cue_rules: 27,
            ..FeatureConfig::default()
        };
        assert!(too_new.validate().is_err());
    }

    /// The value of cue `name` for `text` read in `ctx` by `f`.
    fn cue_value(f: &Featurizer, text: &str, ctx: Context, name: &str) -> f32 {
        let cues = f.analyzer().terms(text, ctx, &mut |_| {});
        cues.iter().find(|(n, _)| n == name).unwrap().1
    }

    #[test]
    fn cue_rules_15_read_the_newsrooms_we_as_no_first_person() {
        let fit = |cue_rules| {
            Featurizer::fit(
                FeatureConfig {
                    cue_rules,
                    min_df: 1,
                    ..FeatureConfig::default()
                },
                &docs(),
            )
            .unwrap()
        };
        let (f14, f15) = (fit(14), fit(15));
        let alone = Context::default();
        let first = |f: &Featurizer, text: &str| {
            for ctx in [alone, QUOTED] {
                assert_eq!(
                    f.transform(text, ctx),
                    f.transform_reference(text, ctx),
                    "{text}"
                );
            }
            cue_value(f, text, alone, "cue:first_person")
        };
        // (sentence, first-person matches revision 15 still counts)
        for (text, kept) in [
            ("We asked the council for comment.", 0),
            ("We looked at the figures.", 0),
            ("We have contacted the trust and will update this story.", 0),
            ("Transport economists we spoke to were sceptical.", 0),
            ("Our analysis of the data shows a rise in complaints.", 0),
            ("Our education correspondent's analysis will follow.", 0),
            ("By our court reporter", 0),
            ("On our visit the fish was priced by weight.", 0),
            ("We asked the council why we should pay more.", 1),
            ("We should scrap the scheme.", 1),
            ("We must do better, and we cannot afford to wait.", 2),
            ("Our country deserves better.", 1),
            ("We believe the figures are wrong.", 1),
            ("Let us be clear.", 1),
        ] {
            let n = |k: usize| cues::CUE_WEIGHT * (k as f32).ln_1p();
            let with = first(&f14, text);
            assert!(with > 0.0, "{text}");
            assert_eq!(first(&f15, text), n(kept), "{text}");
        }
        // Inside a quotation the first person is the speaker's, under either revision.
        let quoted = "\"We asked the council for comment,\" the group said.";
        assert_eq!(first(&f14, quoted), first(&f15, quoted));
    }

    /// Featurizers of the given revisions of the cue rules (min_df 1), fitted on [`docs`].
    fn fit_rules<const N: usize>(revisions: [u8; N]) -> [Featurizer; N] {
        revisions.map(|cue_rules| {
            Featurizer::fit(
                FeatureConfig {
                    cue_rules,
                    min_df: 1,
                    ..FeatureConfig::default()
                },
                &docs(),
            )
            .unwrap()
        })
    }

    /// Featurizers of cue rules 15, 16 and 17 (min_df 1).
    fn fit_15_16_17() -> [Featurizer; 3] {
        fit_rules([15, 16, 17])
    }

    /// `name`'s value for `text` read alone by `f`, after checking the fast path against the
    /// reference alone and in a quotation.
    fn checked_cue(f: &Featurizer, text: &str, name: &str) -> f32 {
        for ctx in [Context::default(), QUOTED] {
            assert_eq!(
                f.transform(text, ctx),
                f.transform_reference(text, ctx),
                "{text}"
            );
        }
        cue_value(f, text, Context::default(), name)
    }

    #[test]
    fn cue_rules_17_read_the_newsrooms_tests_and_the_writers_record_as_no_first_person() {
        let [f15, f16, f17] = fit_15_16_17();
        let n = |k: usize| cues::CUE_WEIGHT * (k as f32).ln_1p();
        // (sentence, first-person words, those revision 17 still counts); invented.
        for (text, all, kept) in [
            ("We bought nine kettles from three high-street shops.", 1, 0),
            ("Seven of the heaters we tested overheated.", 1, 0),
            ("The cheapest toaster failed our safety tests.", 1, 0),
            (
                "Our survey of 2,000 readers found most skip breakfast.",
                1,
                0,
            ),
            ("Five things we learned from the derby", 1, 0),
            ("Our theatre critic was at the first night.", 1, 0),
            (
                "Good evening from the civic centre, where we will be following the vote.",
                1,
                0,
            ),
            ("That's all from us tonight.", 1, 0),
            (
                "I have driven a school bus for the county for 19 years.",
                1,
                0,
            ),
            ("I worked at the paper mill for thirty years.", 1, 0),
            ("I have taught in the village since 1994.", 1, 0),
            // The author's view stays first person.
            ("I think the council has been wrong for 20 years.", 1, 1),
            ("I have been told for years that I am wrong.", 2, 2),
            ("We will be poorer for it.", 1, 1),
            ("Our safety is what matters.", 1, 1),
            ("We bought the plan, and we should not have.", 2, 1),
            ("Tell us what you think.", 1, 1),
        ] {
            // Revision 16 reads them as revision 15 does: every first-person word counts.
            assert_eq!(
                checked_cue(&f16, text, "cue:first_person"),
                n(all),
                "{text}"
            );
            assert_eq!(
                checked_cue(&f15, text, "cue:first_person"),
                checked_cue(&f16, text, "cue:first_person"),
                "{text}"
            );
            assert_eq!(
                checked_cue(&f17, text, "cue:first_person"),
                n(kept),
                "{text}"
            );
        }
        // Inside a quotation the first person is the speaker's, under either revision.
        let quoted = "\"We bought ten of them,\" the trader said.";
        assert_eq!(
            checked_cue(&f16, quoted, "cue:first_person"),
            checked_cue(&f17, quoted, "cue:first_person")
        );
        // The words read as the newsroom's are `<newsroom>` in the n-grams from revision 17.
        let words = |f: &Featurizer, text: &str| {
            let mut terms = Vec::new();
            f.analyzer().terms(text, Context::default(), &mut |t| {
                if t.starts_with("w:") && !t.contains(' ') {
                    terms.push(t.to_string());
                }
            });
            terms
        };
        for (text, word) in [
            ("Seven of the heaters we tested overheated.", "w:we"),
            ("That's all from us tonight.", "w:us"),
            (
                "I have driven a school bus for the county for 19 years.",
                "w:i",
            ),
        ] {
            let (old, new) = (words(&f16, text), words(&f17, text));
            assert!(old.iter().any(|t| t == word), "{text}");
            assert!(!old.iter().any(|t| t == "w:<newsroom>"), "{text}");
            assert!(new.iter().any(|t| t == "w:<newsroom>"), "{text}");
            assert!(!new.iter().any(|t| t == word), "{text}");
        }
    }

    #[test]
    fn cue_rules_17_read_a_rating_line_as_the_authors_evaluation() {
        let [f15, f16, f17] = fit_15_16_17();
        let eval = |f: &Featurizer, text: &str| checked_cue(f, text, "cue:evaluative");
        let one = cues::CUE_WEIGHT * 1f32.ln_1p();
        for text in [
            "Four stars",
            "Three and a half stars out of five.",
            "\u{2605}\u{2605}\u{2605}\u{2606}\u{2606}",
            "Rating: 3/5",
            "Our verdict: 8 out of 10",
            "Stars: \u{2605}\u{2605}",
        ] {
            assert_eq!(eval(&f16, text), 0.0, "{text}");
            assert_eq!(eval(&f15, text), eval(&f16, text), "{text}");
            assert_eq!(eval(&f17, text), one, "{text}");
        }
        for text in [
            "The hotel has five stars.",
            "Four stars of the show were injured.",
            "Turnout: 3/5 of the members",
            "Attendance: 8 out of 10",
            "The vote was 3/5 in favour.",
        ] {
            assert_eq!(eval(&f17, text), eval(&f16, text), "{text}");
        }
        // A quoted rating is the speaker's.
        assert_eq!(eval(&f17, "\"Four stars\""), 0.0);
    }

    #[test]
    fn cue_rules_17_read_link_lines_and_broadcast_formulae_as_no_stance() {
        let [f15, f16, f17] = fit_15_16_17();
        for (text, cue) in [
            (
                "Read more: The council votes to close the library",
                "cue:exhortation",
            ),
            ("Watch: the moment the old pier fell", "cue:exhortation"),
            ("See also: our guide to the new bins", "cue:exhortation"),
            ("Welcome back to the programme.", "cue:evaluative"),
            ("MAYA ROSS: Welcome back to the show.", "cue:evaluative"),
            (
                "21.05 Good evening from the count at the leisure centre.",
                "cue:evaluative",
            ),
            ("That's all for today.", "cue:superlatives"),
        ] {
            let old = checked_cue(&f16, text, cue);
            assert!(old > 0.0, "{text}");
            assert_eq!(checked_cue(&f15, text, cue), old, "{text}");
            assert_eq!(checked_cue(&f17, text, cue), 0.0, "{text}");
        }
        // The author's advice and evaluation stay.
        for (text, cue) in [
            ("Read the report before you vote.", "cue:exhortation"),
            ("Read more of her novels.", "cue:exhortation"),
            ("The new bins are a welcome change.", "cue:evaluative"),
            ("It was a good evening for the Greens.", "cue:evaluative"),
            ("That's all the council could offer.", "cue:superlatives"),
        ] {
            let old = checked_cue(&f16, text, cue);
            assert!(old > 0.0, "{text}");
            assert_eq!(checked_cue(&f17, text, cue), old, "{text}");
        }
    }

    fn fit_17_18() -> [Featurizer; 2] {
        fit_rules([17, 18])
    }

    #[test]
    fn cue_rules_18_read_the_newsrooms_staff_and_a_question_to_an_expert_as_no_first_person() {
        let [f17, f18] = fit_17_18();
        let n = |k: usize| cues::CUE_WEIGHT * (k as f32).ln_1p();
        // (sentence, first-person words, those revision 18 still counts); invented.
        for (text, all, kept) in [
            ("Each month our librarian digs out an old front page.", 1, 0),
            ("Pictures by our chief photographer, Ana Ruiz.", 1, 0),
            (
                "I asked Dr Ken Obi, a sleep researcher, why it happens.",
                1,
                0,
            ),
            ("I put this to Professor Lena Dahl at the university.", 1, 0),
            ("I consulted Prof Ward, who studies river floods.", 1, 0),
            // The writer's own asking and view stay first person.
            ("I asked my neighbours what they thought.", 2, 2),
            ("I asked the council why, and nobody knew.", 1, 1),
            ("I put my trust in Dr Obi.", 2, 2),
            ("Our librarian is right, and I say so.", 2, 1),
            ("Our librarians are the best in the county.", 1, 0),
        ] {
            assert_eq!(
                checked_cue(&f17, text, "cue:first_person"),
                n(all),
                "{text}"
            );
            assert_eq!(
                checked_cue(&f18, text, "cue:first_person"),
                n(kept),
                "{text}"
            );
        }
        // Inside a quotation the first person is the speaker's, under either revision.
        let quoted = "\"I asked Dr Obi about it,\" the patient said.";
        assert_eq!(
            checked_cue(&f17, quoted, "cue:first_person"),
            checked_cue(&f18, quoted, "cue:first_person")
        );
    }

    #[test]
    fn cue_rules_18_read_a_verdict_label_as_the_authors_evaluation() {
        let [f17, f18] = fit_17_18();
        let eval = |f: &Featurizer, text: &str| checked_cue(f, text, "cue:evaluative");
        for text in [
            "Best buy: Tarn Swift 2",
            "Worst buy: the Orbis Deluxe",
            "Best value: Kettlecraft K1, \u{00a3}19",
            "Avoid: Heatwell 3000",
            "Editor\u{2019}s choice: Luma Lamp",
        ] {
            // One evaluative match more than revision 17 counts.
            let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
            assert_eq!(
                count(eval(&f18, text)),
                count(eval(&f17, text)) + 1.0,
                "{text}"
            );
        }
        // A label that reports one, a label without a name after it, other labels.
        for text in [
            "The magazine named the Tarn Swift 2 a best buy.",
            "Best buy:",
            "Best of all: the price.",
            "Avoidance: a short guide",
            "\"Best buy: the Tarn,\" the shop's sign said.",
        ] {
            assert_eq!(eval(&f18, text), eval(&f17, text), "{text}");
        }
    }

    #[test]
    fn cue_rules_19_count_the_readers_calls_to_action_as_exhortation() {
        let [f18, f19] = fit_rules([18, 19]);
        let ex = |f: &Featurizer, text: &str| checked_cue(f, text, "cue:exhortation");
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        for text in [
            "Write to your councillor before the planning vote.",
            "Complain to the regulator, and keep the receipts.",
            "Don't bother with the souvenir programme.",
        ] {
            assert_eq!(count(ex(&f19, text)), count(ex(&f18, text)) + 1.0, "{text}");
        }
        // Reported advice and a noun stay as revision 18 reads them.
        for text in [
            "The charity told tenants to write to their landlord.",
            "\"Write to your MP,\" the campaigners urged.",
            "Complaints to the water company doubled in May.",
        ] {
            assert_eq!(ex(&f19, text), ex(&f18, text), "{text}");
        }
    }

    #[test]
    fn cue_rules_20_read_the_authors_verdict_on_a_report_as_the_authors() {
        let [f19, f20] = fit_rules([19, 20]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        // Invented: the report is the source's, the verdict on it the author's. Revision 19
        // reads the whole sentence as reported speech; 20 reads none of it as reported, and
        // its verdict word is one evaluative match of the author's at least.
        for text in [
            "The chairman claimed, wrongly, that the club had never been in debt.",
            "Residents say the bypass has ruined the village, and they are right.",
            "The developer claims the towers will blend in, which is nonsense.",
        ] {
            assert!(cue(&f19, text, "cue:reported_words") > 0.0, "{text}");
            assert_eq!(cue(&f20, text, "cue:reported_words"), 0.0, "{text}");
            assert_eq!(cue(&f20, text, "cue:reported_evaluative"), 0.0, "{text}");
            assert!(
                count(cue(&f20, text, "cue:evaluative"))
                    >= count(cue(&f19, text, "cue:evaluative")) + 1.0,
                "{text}"
            );
        }
        // How the source spoke, a verdict of the source's, a passive: as revision 19 reads them.
        for text in [
            "The minister said quietly that the figures had been revised.",
            "The ombudsman said the refusal was wrong.",
            "The judge said the evidence was thin, and the jury agreed.",
            "The driver was wrongly accused of speeding, the court heard.",
            "\"The critics are wrong,\" the director said.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f20.transform(text, ctx), f19.transform(text, ctx), "{text}");
            }
        }
    }

    #[test]
    fn cue_rules_24_read_hedged_predictions_and_pressing_questions() {
        let [f23, f24] = fit_rules([23, 24]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        let more = |text: &str, name: &str, by: f32| {
            assert_eq!(
                count(cue(&f24, text, name)),
                count(cue(&f23, text, name)) + by,
                "{text} {name}"
            );
        };
        // Invented: the author's hedged prediction and pressing question are one author-stance
        // frame each.
        for text in [
            "The new tolls are likely to empty the harbour by spring.",
            "The depot will probably close before the election.",
            "The drought has almost certainly cut the barley yield.",
            "The Rovers could well finish bottom.",
            "Did the town really need a second bypass study?",
            "If the plans are ready, why will the council not publish them?",
            "How many more winters must the tenants wait for a boiler?",
        ] {
            more(text, "cue:stance_frames", 1.0);
        }
        // The report's hedge, a plain likelihood, an interviewer's question, a plain question:
        // as revision 23 reads them.
        for text in [
            "The union said the tolls are likely to empty the harbour.",
            "The likely cost is about £4m.",
            "Did you really expect the depot to close?",
            "Will the depot close?",
            "The driver asked how many more buses the depot would need.",
            "The council really wants a second bypass.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f24.transform(text, ctx), f23.transform(text, ctx), "{text}");
            }
        }
    }

    #[test]
    fn cue_rules_26_read_too_of_excess_and_superlatives_over_a_comparison_class() {
        let [f25, f26] = fit_rules([25, 26]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        // Invented: the author's `too` of excess and the author's superlative of an evaluative
        // adjective over a comparison class are one author-stance frame each.
        for text in [
            "The flats at Quarry Bank are too small for families.",
            "The jail term was far too lenient.",
            "The bus station is the ugliest building in the town.",
            "The restored hall is the finest concert venue in the north.",
            "House prices here are the most absurd in the county.",
        ] {
            assert_eq!(
                count(cue(&f26, text, "cue:stance_frames")),
                count(cue(&f25, text, "cue:stance_frames")) + 1.0,
                "{text}"
            );
        }
        // Reported, quoted, measured and consequence sentences: as revision 25 reads them.
        for text in [
            "The union said the offer was too small for its members.",
            "Critics say it is the ugliest building in the town.",
            "He was too ill to travel to the hearing.",
            "She voted, too.",
            "He too was arrested on Friday.",
            "The plant is the largest employer in the county.",
            "It was the wettest June since 1910.",
            "The finest of the three entries won.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f26.transform(text, ctx), f25.transform(text, ctx), "{text}");
            }
        }
    }

    #[test]
    fn cue_rules_25_read_verdicts_on_a_source_imagined_sources_and_23_fixed() {
        let [f23, f24, f25] = fit_rules([23, 24, 25]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        let more = |text: &str, name: &str, by: f32| {
            assert_eq!(
                count(cue(&f25, text, name)),
                count(cue(&f23, text, name)) + by,
                "{text} {name}"
            );
        };
        // Invented: the author's verdict on a source, an imagined source, a comment adverb and
        // an evaluative word before a figure are one author-stance frame each.
        for text in [
            "She is right, though her own council approved the scheme.",
            "On the parking, at least, he has a point.",
            "The referee was right to stop the match.",
            "Pundits may argue the club is doomed, and they would have a point.",
            "Any commuter who has waited at Elm Road will tell you the buses are hopeless.",
            "Few tenants would call the new charges fair.",
            "Mercifully, the roof held.",
            "The mayor spent an outrageous £40,000 on the portrait.",
        ] {
            more(text, "cue:stance_frames", 1.0);
        }
        // Reported, attributed and plain sentences: as revision 23 reads them.
        for text in [
            "The minister said she was right to resign.",
            "He said the critics had a point.",
            "She will tell MPs on Monday that the budget is balanced.",
            "Nobody will say what happens after six months.",
            "The union says the rise is right for nurses.",
            "Sources said the deal was likely to collapse.",
            "The right to appeal is in the contract.",
            "He was unfairly dismissed, the tribunal ruled.",
            "Sally, the dog, ran off.",
            "Unfairly dismissed, tribunal rules",
            "The council spent a further £40,000 on the portrait.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f25.transform(text, ctx), f23.transform(text, ctx), "{text}");
            }
        }
        // 24's forms are read by 24 alone.
        for text in [
            "The new tolls are likely to empty the harbour by spring.",
            "Did the town really need a second bypass study?",
        ] {
            assert_eq!(
                count(cue(&f24, text, "cue:stance_frames")),
                count(cue(&f23, text, "cue:stance_frames")) + 1.0,
                "{text}"
            );
            assert_eq!(
                f25.transform(text, Context::default()),
                f23.transform(text, Context::default()),
                "{text}"
            );
        }
        // 23's colon attribution, fixed: a time's colon is skipped, and an owner elsewhere in
        // the opening does not make the judgement owned.
        let reported = |f: &Featurizer, text: &str| cue(f, text, "cue:reported_evaluative");
        let timed = "At 10:30 the panel's verdict: the scheme is a disgrace.";
        assert_eq!(count(reported(&f23, timed)), 0.0, "{timed}");
        assert!(count(reported(&f25, timed)) > 0.0, "{timed}");
        let elsewhere = "Unlike the inspectors' verdict, this verdict: the scheme is a disgrace.";
        assert!(count(reported(&f23, elsewhere)) > 0.0, "{elsewhere}");
        assert_eq!(count(reported(&f25, elsewhere)), 0.0, "{elsewhere}");
        let owned = "The inspectors' verdict: the scheme is a disgrace.";
        assert_eq!(reported(&f25, owned), reported(&f23, owned), "{owned}");
        assert!(count(reported(&f25, owned)) > 0.0, "{owned}");
    }

    #[test]
    fn cue_rules_23_read_figures_colons_bylines_and_relative_clauses() {
        let [f22, f23] = fit_rules([22, 23]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        let more = |text: &str, name: &str, by: f32| {
            assert_eq!(
                count(cue(&f23, text, name)),
                count(cue(&f22, text, name)) + by,
                "{text} {name}"
            );
        };
        // Invented: the author's evaluative word on a figure is one evaluative match and one
        // author-stance frame, whether or not a lexicon counts the word.
        for text in [
            "Porters at the depot were offered a paltry 2% increase.",
            "The new arena holds a whopping 9,000.",
            "Attendance at the open day was a pitiful 3%.",
        ] {
            more(text, "cue:evaluative", 1.0);
            more(text, "cue:stance_frames", 1.0);
        }
        // The report's word on a figure is no match of the author's.
        let text = "The union said porters were offered a paltry 2% increase.";
        more(text, "cue:evaluative", 0.0);
        more(text, "cue:stance_frames", 0.0);
        // A judgement attributed by a colon: the words after it are reported speech; the
        // author's own colon is read as before.
        let text = "The auditors' verdict: the budget is unrealistic.";
        assert_eq!(cue(&f22, text, "cue:reported_words"), 0.0, "{text}");
        assert!(cue(&f23, text, "cue:reported_words") > 0.0, "{text}");
        let text = "The panel's conclusion on the depot: tidy yards, too few drivers.";
        assert!(cue(&f23, text, "cue:reported_words") > 0.0, "{text}");
        // A standfirst's byline tag opens no report.
        let text = "Three days on a canal boat is a test of nerves, writes Ann Corrie";
        assert!(cue(&f22, text, "cue:reported_words") > 0.0, "{text}");
        assert_eq!(cue(&f23, text, "cue:reported_words"), 0.0, "{text}");
        // A verdict in the author's relative clause: one author-stance frame.
        let text = "The treasurer, who is utterly incompetent, resigned on Monday.";
        more(text, "cue:stance_frames", 1.0);
        // A neutral figure, the report's word on a figure, the author's colon, a report after
        // `writes`, a plain relative clause: as revision 22 reads them.
        for text in [
            "Prices rose a further 2% in May.",
            "My verdict: the budget is unrealistic.",
            "The verdict: a fair result for both sides.",
            "The scheme is flawed, writes Ann Corrie in the bulletin.",
            "The treasurer, who is 64, resigned on Monday.",
            "The treasurer who is utterly incompetent resigned.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f23.transform(text, ctx), f22.transform(text, ctx), "{text}");
            }
        }
    }

    #[test]
    fn cue_rules_22_read_more_verdicts_as_frames_and_fronted_imperatives() {
        let [f20, f21, f22] = fit_rules([20, 21, 22]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        // Invented: a verdict revision 20 does not read is now the author's, with no
        // reported speech, one evaluative match and one author-stance frame.
        let text = "The mayor insisted, with a straight face, that the trams ran on time.";
        assert!(cue(&f21, text, "cue:reported_words") > 0.0, "{text}");
        assert_eq!(cue(&f22, text, "cue:reported_words"), 0.0, "{text}");
        assert_eq!(
            count(cue(&f22, text, "cue:evaluative")),
            count(cue(&f21, text, "cue:evaluative")) + 1.0
        );
        assert_eq!(
            count(cue(&f22, text, "cue:stance_frames")),
            count(cue(&f21, text, "cue:stance_frames")) + 1.0
        );
        // A verdict revision 20 reads: one more frame, the rest as 20 reads it.
        let text = "The auditor rightly concluded that the books did not add up.";
        assert_eq!(
            cue(&f22, text, "cue:evaluative"),
            cue(&f20, text, "cue:evaluative")
        );
        assert_eq!(
            count(cue(&f22, text, "cue:stance_frames")),
            count(cue(&f20, text, "cue:stance_frames")) + 1.0
        );
        // The author's imperative after a fronted clause: one exhortation match, and its verb
        // opens no report.
        for text in [
            "Until the bridge reopens, expect long queues on the ring road.",
            "Until the bridge reopens, expect queues, closures and more roadworks.",
        ] {
            assert_eq!(cue(&f22, text, "cue:reported_words"), 0.0, "{text}");
            assert_eq!(
                count(cue(&f22, text, "cue:exhortation")),
                count(cue(&f21, text, "cue:exhortation")) + 1.0
            );
        }
        let text = "Until the bridge reopens, expect queues, closures and more roadworks.";
        assert!(cue(&f21, text, "cue:reported_words") > 0.0, "{text}");
        // Manner on a reporting verb, a literal phrase, a plain report: as revision 21 reads
        // them.
        for text in [
            "The mayor said quietly that the trams ran on time.",
            "She played the final hand with a straight face.",
            "Until 2019, the ferry ran twice a day, the council said.",
            "Officials expect long queues on the ring road.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f22.transform(text, ctx), f21.transform(text, ctx), "{text}");
            }
        }
    }

    #[test]
    fn cue_rules_21_count_loaded_words_as_evaluative_matches() {
        let [f20, f21] = fit_rules([20, 21]);
        let cue = |f: &Featurizer, text: &str, name: &str| checked_cue(f, text, name);
        let count = |v: f32| ((v / cues::CUE_WEIGHT).exp() - 1.0).round();
        // Invented: a loaded word in the author's voice is one more evaluative match.
        for text in [
            "The ferry company splurged four million pounds on a new logo.",
            "Three aldermen went on a junket to the Algarve.",
            "The governors caved in to the sponsors within a week.",
            "The library service has been cut to the bone.",
            "The board rammed the new rota through in one meeting.",
            "The new footbridge is a white elephant.",
            "The hospital trust's fat-cat managers awarded themselves a rise.",
        ] {
            assert_eq!(
                count(cue(&f21, text, "cue:evaluative")),
                count(cue(&f20, text, "cue:evaluative")) + 1.0,
                "{text}"
            );
        }
        // Inside a report's scope it is the report's, as a lexicon word is.
        let text = "Opposition councillors say the mayor splurged on a new car.";
        assert_eq!(
            count(cue(&f21, text, "cue:reported_evaluative")),
            count(cue(&f20, text, "cue:reported_evaluative")) + 1.0,
            "{text}"
        );
        assert_eq!(
            cue(&f21, text, "cue:evaluative"),
            cue(&f20, text, "cue:evaluative")
        );
        // A word the evaluative lexicon holds already and literal senses: as revision 20
        // reads them.
        for text in [
            "The council squandered the grant on consultants.",
            "A delivery van rammed through the gates of the depot.",
            "The cave in the cliff flooded at high tide.",
            "A fat cat slept on the windowsill.",
        ] {
            for ctx in [Context::default(), QUOTED] {
                assert_eq!(f21.transform(text, ctx), f20.transform(text, ctx), "{text}");
            }
        }
        // A quotation's word is the speaker's (read alone: inside a quotation that goes on,
        // the marks read the other way round).
        let text = "\"It was a junket,\" the councillor said.";
        assert_eq!(
            f21.transform(text, Context::default()),
            f20.transform(text, Context::default()),
            "{text}"
        );
    }

    #[test]
    fn cue_rules_17_read_a_readers_q_letter_as_a_quotations_sentence() {
        let letter = Context {
            q_label_17: true,
            ..Context::default()
        };
        let texts = [
            "Q My dog barks at every van that passes.",
            "Should I worry?",
        ];
        read_from_revision(17, letter, &texts, |f, text, got| {
            assert_eq!(*got, f.transform(text, QUOTED), "{text}");
        });
    }

    #[test]
    fn cue_rules_15_read_the_newsrooms_we_as_a_placeholder_in_the_n_grams() {
        let words = |cue_rules: u8, text: &str| {
            let f = Featurizer::fit(
                FeatureConfig {
                    cue_rules,
                    min_df: 1,
                    ..FeatureConfig::default()
                },
                &docs(),
            )
            .unwrap();
            let mut terms = Vec::new();
            f.analyzer().terms(text, Context::default(), &mut |t| {
                if t.starts_with("w:") && !t.contains(' ') {
                    terms.push(t.to_string());
                }
            });
            terms
        };
        let has = |terms: &[String], w: &str| terms.iter().any(|t| t == w);
        for text in [
            "We asked the council for comment.",
            "Our analysis of the data shows a rise.",
        ] {
            let (old, new) = (words(14, text), words(15, text));
            assert!(
                !has(&old, "w:<newsroom>") && has(&new, "w:<newsroom>"),
                "{text}"
            );
            assert!(!has(&new, "w:we") && !has(&new, "w:our"), "{text}");
            assert_eq!(old.len(), new.len(), "{text}");
        }
        for text in [
            "We should scrap the scheme.",
            "Our country deserves better.",
            "\"We asked the council,\" she said.",
        ] {
            assert_eq!(words(14, text), words(15, text), "{text}");
        }
    }

    #[test]
    fn cue_rules_14_count_the_writers_rhetorical_question_as_a_stance_frame() {
        let asked = Context {
            rhetorical: true,
            ..Context::default()
        };
        let texts = [
            "Will the new tram line pay for itself?",
            "Is that really too much to ask?",
            "Could the council have done more?",
        ];
        read_from_revision(14, asked, &texts, |f, text, _| {
            let frames = |ctx| cue_value(f, text, ctx, "cue:stance_frames");
            assert!(frames(asked) > frames(Context::default()), "{text}");
            // Not in a quotation, an attribution or a speaker's turn.
            for ctx in [
                QUOTED,
                Context {
                    attributed: true,
                    ..asked
                },
                Context {
                    speaker_turn_14: true,
                    ..asked
                },
                Context {
                    q_and_a: true,
                    ..asked
                },
            ] {
                assert_eq!(frames(ctx), 0.0, "{text} {ctx:?}");
                assert_eq!(f.transform(text, ctx), f.transform_reference(text, ctx));
            }
        });
    }

    #[test]
    fn cue_rules_14_read_speaker_labels_anew() {
        let cfg = |cue_rules| FeatureConfig {
            cue_rules,
            min_df: 1,
            ..FeatureConfig::default()
        };
        let (f13, f14) = (
            Featurizer::fit(cfg(13), &docs()).unwrap(),
            Featurizer::fit(cfg(14), &docs()).unwrap(),
        );
        let alone = Context::default();
        // (sentence, a speaker's turn for revision 13, for revision 14)
        for (text, thirteen, fourteen) in [
            (
                "Sato: Anyone who calls the plan cheap has not read it.",
                true,
                true,
            ),
            ("Inflation: what happens next?", true, false),
            (
                "Novak: His best game in a year, and he knows it.",
                true,
                false,
            ),
            (
                "Will Hutton: The Treasury has lost control of the story.",
                false,
                true,
            ),
            (
                "SATO: I was not there when the vote was taken.",
                false,
                true,
            ),
            (
                "LONDON: The government said the talks would resume.",
                false,
                false,
            ),
        ] {
            for (f, turn) in [(&f13, thirteen), (&f14, fourteen)] {
                let got = f.transform(text, alone);
                assert_eq!(got, f.transform_reference(text, alone), "{text}");
                assert_eq!(got == f.transform(text, QUOTED), turn, "{text}");
            }
        }
        // Each revision reads its own flag of the segmenter's.
        let text = "The plan is a disaster.";
        let (old, new) = (
            Context {
                speaker_turn: true,
                ..alone
            },
            Context {
                speaker_turn_14: true,
                ..alone
            },
        );
        assert_eq!(f13.transform(text, old), f13.transform(text, QUOTED));
        assert_eq!(f13.transform(text, new), f13.transform(text, alone));
        assert_eq!(f14.transform(text, new), f14.transform(text, QUOTED));
        assert_eq!(f14.transform(text, old), f14.transform(text, alone));
    }

    #[test]
    fn the_default_drop_is_stored_as_own_without_reported_cues() {
        let fit = |cfg: FeatureConfig| Featurizer::fit(cfg, &docs()).unwrap();
        let with = fit(FeatureConfig::default());
        assert_eq!(with.config().reported_stance, ReportedStance::Drop);
        for cfg in [
            FeatureConfig {
                cues: false,
                ..FeatureConfig::default()
            },
            FeatureConfig {
                reported_scope: false,
                ..FeatureConfig::default()
            },
        ] {
            assert_eq!(fit(cfg).config().reported_stance, ReportedStance::Own);
        }
        // The modes that move cues still need them.
        let split = FeatureConfig {
            cues: false,
            reported_stance: ReportedStance::Split,
            ..FeatureConfig::default()
        };
        assert!(split
            .validate()
            .unwrap_err()
            .to_string()
            .contains("--reported-stance"));
    }

    #[test]
    fn cue_rules_11_count_the_authors_stance_frames() {
        let authors = [
            "Once again, the council has failed to fix the roads.",
            "That will be cold comfort to the tenants.",
            "The plan, tellingly, was dropped in silence.",
            "Whether it works remains to be seen.",
        ];
        let literal = [
            "The river burst its banks once again on Tuesday.",
            "Schools will open as usual on Monday.",
        ];
        let quoted = "\"Once again, the council has failed,\" a resident said.";
        let reported = "Critics said that, once again, the council had failed the tenants.";
        for rules in [10, 11] {
            let cfg = FeatureConfig {
                cue_rules: rules,
                min_df: 1,
                // (`own`: the frame in reported speech counts with its stance words.)
                reported_stance: ReportedStance::Own,
                ..FeatureConfig::default()
            };
            let f = Featurizer::fit(cfg, &docs()).unwrap();
            let cues = |text: &str| f.analyzer().terms(text, Context::default(), &mut |_| {});
            let value =
                |text: &str, cue: &str| cues(text).iter().find(|(n, _)| n == cue).map(|(_, v)| *v);
            for text in authors.iter().chain(&literal).chain([&quoted, &reported]) {
                let ctx = Context::default();
                assert_eq!(f.transform(text, ctx), f.transform_reference(text, ctx));
            }
            if rules == 10 {
                // Revision 10 has no such cue: its vectors are those it always had.
                for text in authors.iter().chain(&literal) {
                    assert_eq!(value(text, "cue:stance_frames"), None, "{text}");
                }
                assert!((0..f.dim()).all(|i| f.feature_name(i) != "cue:stance_frames"));
                continue;
            }
            for text in authors {
                assert!(value(text, "cue:stance_frames") > Some(0.0), "{text}");
            }
            for text in literal.into_iter().chain([quoted, reported]) {
                assert_eq!(value(text, "cue:stance_frames"), Some(0.0), "{text}");
            }
            // In reported speech the frame is the source's, counted with its stance words.
            assert!(value(reported, "cue:reported_stance") > Some(0.0));
            assert_eq!(
                value(&reported.replace("once again, ", ""), "cue:reported_stance"),
                Some(0.0)
            );
        }
    }

    #[test]
    fn fit_keeps_terms_by_min_df_and_sorts() {
        let cfg = FeatureConfig {
            min_df: 2,
            ..FeatureConfig::default()
        };
        let f = Featurizer::fit(cfg, &docs()).unwrap();
        let terms = &f.vocabulary().terms;
        assert!(terms.contains(&"w:the budget".into()));
        assert!(terms.contains(&"w:on monday".into()));
        assert!(!terms.contains(&"w:terrible".into()));
        let mut sorted = terms.clone();
        sorted.sort();
        assert_eq!(&sorted, terms);
    }

    #[test]
    fn transform_is_normalised_sorted_and_ignores_unknown() {
        let f = Featurizer::fit(FeatureConfig::default(), &docs()).unwrap();
        let v = f.transform("The council approved zebras.", Context::default());
        assert!(v.indices.windows(2).all(|w| w[0] < w[1]));
        let n = f.vocabulary().terms.len() as u32;
        let block_norm = |keep: &dyn Fn(&str) -> bool| -> f32 {
            v.iter()
                .filter(|(i, _)| (*i as u32) < n && keep(f.feature_name(*i)))
                .map(|(_, x)| x * x)
                .sum()
        };
        assert!((block_norm(&|t| t.starts_with("w:")) - 1.0).abs() < 1e-5);
        assert!((block_norm(&|t| t.starts_with("c:")) - 1.0).abs() < 1e-5);
        assert_eq!(f.transform("zebras", Context::default()).indices.len(), {
            // only the cue features (length) fire on an unknown word
            f.transform("zebras", Context::default())
                .indices
                .iter()
                .filter(|&&i| i >= n)
                .count()
        });
    }

    #[test]
    fn max_features_bounds_vocabulary() {
        let cfg = FeatureConfig {
            min_df: 1,
            max_features: 3,
            char_min_df: 1,
            char_max_features: 5,
            ..FeatureConfig::default()
        };
        let f = Featurizer::fit(cfg, &docs()).unwrap();
        let terms = &f.vocabulary().terms;
        assert_eq!(terms.len(), 8);
        assert_eq!(terms.iter().filter(|t| t.starts_with("c:")).count(), 5);
    }

    #[test]
    fn bad_ranges_are_rejected() {
        let cfg = FeatureConfig {
            word_ngrams: [3, 1],
            ..FeatureConfig::default()
        };
        let e = cfg.validate().unwrap_err().to_string();
        assert!(e.contains("--word-ngrams"), "{e}");
    }
}
