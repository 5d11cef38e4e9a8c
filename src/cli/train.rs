//! `factop train`: fit a model on labelled data and write it atomically.

use super::DataArgs;
use anyhow::Result;
use factop::dataset::Dataset;
use factop::features::{FeatureConfig, ReportedStance, UserLexicon};
use factop::model::{mean_sd, Balance, Solver, ThresholdRule, TrainParams};
use factop::persist;
use std::path::PathBuf;
use std::time::Instant;

/// Print a line of the training summary on standard output. A closed pipe
/// (`factop train ... | head -1`) is not an error: the summary is a report on the side and
/// must not stop the model being written (`println!` panicked there).
macro_rules! say {
    ($($arg:tt)*) => {
        summary_line(format_args!($($arg)*))?
    };
}

fn summary_line(line: std::fmt::Arguments<'_>) -> Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout(), "{line}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(factop::Error::io("standard output", e).into())
        }
        _ => Ok(()),
    }
}

/// Term weighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tf {
    /// `1 + ln(tf)`.
    Sublinear,
    /// Raw counts.
    Raw,
    /// Presence only.
    Binary,
}

/// Train a model from labelled CSV/TSV files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Where to write the model (JSON). Optional with --cv.
    #[arg(
        long,
        short = 'o',
        value_name = "MODEL.json",
        required_unless_present_any = ["cv", "grid"]
    )]
    output: Option<PathBuf>,
    /// Seed for oversampling and folds.
    #[arg(allow_negative_numbers = true, long, default_value_t = 42, value_parser = super::parse_count::<u64>)]
    seed: u64,
    /// L2 regularisation strength (about 1/C of scikit-learn).
    #[arg(allow_negative_numbers = true, long, default_value_t = TrainParams::default().alpha, value_parser = super::parse_real::<f64>)]
    alpha: f64,
    /// L-BFGS iteration limit.
    #[arg(allow_negative_numbers = true, long = "max-iter", default_value_t = TrainParams::default().max_iterations, value_parser = super::parse_count::<u64>)]
    max_iter: u64,
    /// L-BFGS gradient-norm tolerance.
    #[arg(allow_negative_numbers = true, long, default_value_t = TrainParams::default().gradient_tolerance, value_parser = super::parse_real::<f64>)]
    tolerance: f64,
    /// Word n-gram range MIN-MAX (0 turns word n-grams off).
    #[arg(long, value_name = "MIN-MAX", default_value = "1-2", value_parser = parse_range)]
    word_ngrams: [usize; 2],
    /// Character n-gram range MIN-MAX inside word boundaries (0 turns them off).
    #[arg(long, value_name = "MIN-MAX", default_value = "2-5", value_parser = parse_range)]
    char_ngrams: [usize; 2],
    /// Keep n-grams that occur in at least this many training sentences.
    #[arg(allow_negative_numbers = true, long, default_value_t = FeatureConfig::default().min_df, value_parser = super::parse_count::<usize>)]
    min_df: usize,
    /// Keep at most this many n-grams (most frequent first).
    #[arg(allow_negative_numbers = true, long, default_value_t = FeatureConfig::default().max_features, value_parser = super::parse_count::<usize>)]
    max_features: usize,
    /// Keep character n-grams that occur in at least this many training sentences.
    #[arg(allow_negative_numbers = true, long, default_value_t = FeatureConfig::default().char_min_df, value_parser = super::parse_count::<usize>)]
    char_min_df: usize,
    /// Keep at most this many character n-grams (most frequent first).
    #[arg(allow_negative_numbers = true, long, default_value_t = FeatureConfig::default().char_max_features, value_parser = super::parse_count::<usize>)]
    char_max_features: usize,
    /// Keep quoted speech as words instead of masking it to one `<quote>` token.
    #[arg(long)]
    no_mask_quotes: bool,
    /// Minimum length in words of a quoted run that gets masked.
    #[arg(allow_negative_numbers = true, long, default_value_t = FeatureConfig::default().mask_min_words, value_parser = super::parse_count::<usize>)]
    mask_min_words: usize,
    /// Leave out the cue features (stance lexicons, punctuation, numbers, attribution).
    #[arg(long)]
    no_cues: bool,
    /// Count stance words in unquoted reported speech (`Critics say the plan is reckless.`,
    /// `…, officials said.`, `according to X, …`) as `cue:reported_*` features instead of
    /// the author's cues.
    #[arg(long, overrides_with = "no_reported_scope")]
    reported_scope: bool,
    /// Count stance words in unquoted reported speech as the author's (the opposite of
    /// `--reported-scope`).
    #[arg(long, overrides_with = "reported_scope")]
    no_reported_scope: bool,
    /// In the word and character n-grams, replace stance words in unquoted reported speech
    /// (`Critics say the plan is reckless.`) by the placeholder `<rstance>`.
    #[arg(long, overrides_with = "no_mask_reported_stance")]
    mask_reported_stance: bool,
    /// Keep stance words in reported speech as words in the n-grams (the opposite of
    /// `--mask-reported-stance`).
    #[arg(long, overrides_with = "mask_reported_stance")]
    no_mask_reported_stance: bool,
    /// In the word and character n-grams, mask unquoted reported speech as a quotation
    /// (`Critics say the plan is reckless.` gives the n-grams of `critics say <quote>`).
    #[arg(long, overrides_with = "no_mask_reported")]
    mask_reported: bool,
    /// Keep unquoted reported speech as words in the n-grams (the opposite of
    /// `--mask-reported`).
    #[arg(long, overrides_with = "mask_reported")]
    no_mask_reported: bool,
    /// Count the evaluative words that news uses to describe (crisis, critical, severe,
    /// worried, failed, ...) in their own cue, `cue:descriptive`, instead of
    /// `cue:evaluative`.
    #[arg(long, overrides_with = "no_split_evaluative")]
    split_evaluative: bool,
    /// Count every evaluative word in `cue:evaluative` (the opposite of
    /// `--split-evaluative`).
    #[arg(long, overrides_with = "split_evaluative")]
    no_split_evaluative: bool,
    /// Where the matches of the stance lexicons other than the evaluative one (obligation,
    /// predictions, hedges, ...) count in unquoted reported speech: `drop` (the default:
    /// nowhere), `own` (in `cue:reported_stance`, as models before this option),
    /// `evaluative` (in `cue:reported_evaluative`),
    /// `words` (in `cue:reported_words`) or `split` (one cue per lexicon,
    /// `cue:reported_obligation`, `cue:reported_predictions`, ...). Needs the reported-speech
    /// scope.
    #[arg(long, value_name = "MODE", default_value = "drop", value_parser = parse_reported_stance)]
    reported_stance: ReportedStance,
    /// Single quotation marks (‘…’, '…': British style) quote speech as double ones do
    /// (the default).
    #[arg(long, overrides_with = "no_single_quotes")]
    single_quotes: bool,
    /// Only double quotation marks quote speech (as factop did before single ones were read).
    #[arg(long, overrides_with = "single_quotes")]
    no_single_quotes: bool,
    /// Multiply every cue feature by S: above 1 the L2 penalty holds the cues less than the
    /// n-grams, below 1 more.
    #[arg(
        allow_negative_numbers = true,
        long,
        value_name = "S",
        default_value_t = 1.0,
        value_parser = super::parse_real::<f32>
    )]
    cue_scale: f32,
    /// Revision of the cue rules: 1 as first written; 2 also ends a reported clause at `, and`
    /// before a new subject (`…, and they are right`) and adds `cue:scare_quotes` (short
    /// quotations in the author's own voice); 3 adds attribution frames to 1's rules (`in her
    /// view`, `in the words of X`, `as X put it`, `quoted as saying`, `regard`, `concludes`);
    /// 4 adds a subject with an aside before its verb (`Jane Okafor, the finance chief, said
    /// the plan was …`: the complement is reported); 5 adds more attribution forms
    /// (`…, saying …`, `has been described as`, `The audit found …`, `slams`, long tails
    /// such as `…, she said in a statement on Friday`) and the author's own voice dressed as
    /// attribution (`As critics rightly say`, `Everyone agrees`); 6 adds a third party's
    /// thoughts and feelings (`Parents worry that …`, `The families are worried …`) and
    /// `reportedly`; 7 adds court and inquest reporting (`…, the inquest heard.`, `Jurors were
    /// told …`, `The judge ruled that …`); 8 reads the sense of stance words (`Good Friday`,
    /// `a fine of £500`, `what kind of`, `just after midnight`, `such as` judge nothing); 9
    /// reads timetables (`will reopen on Monday`, `will be frozen until April`) apart from
    /// predictions; 10 reads a sentence of an article that continues the report of the
    /// sentence before it, with no attribution of its own (`It was, she said, a budget for the
    /// few. The cuts would mostly help the rich.`), as a sentence of that source's quotation
    /// (rows read without --doc-column stand alone, so their weights are 9's); 11 adds
    /// `cue:stance_frames`, the author's comment in set phrases and sentence adverbs (`Once
    /// again, …`, `remains to be seen`, `cold comfort`, `may be forgiven for`, `tellingly`,
    /// `hardly`), counted in the author's words only; `once again`, `as usual` and the like
    /// only as an aside; 12 reads the questions of an article laid out as questions and
    /// answers (an explainer under question subheads, an interview without `Q:` labels, from
    /// its second question on) and an interviewee's answers in the first person as sentences
    /// of a quotation (in context only), and more literal senses of evaluative words (`the
    /// fine by a third`, `victim surcharge`, `lies in`, a clock `striking`); 13
    /// adds more author-stance frames (`helpfully`, `in hindsight`, `to
    /// nobody's surprise`), the author's recommendations in `cue:exhortation` (`may want to`,
    /// `would do well to`, `worth a visit`, `best avoided`, and a sentence that opens with an
    /// imperative verb of advice outside reported speech: `Book early.`), reads `He would say
    /// that.` as the author's aside, not a report, `the lies in the report` as the noun, and a
    /// speaker's turn (`Sato: Anyone who says …`, `The mayor: …`, and the later sentences of
    /// that paragraph) as the speaker's words, alone and in context; 14 counts the
    /// writer's rhetorical question in `cue:stance_frames`: a yes/no question of the author's in
    /// a paragraph that goes on (`Will the budget fix the roads? Perhaps, but …`; in context
    /// only), and reads a speaker's label on the paragraph's whole first sentence (a headline's
    /// topic, `Inflation: what happens next?`, is no speaker; `Will Hutton:` is); 15
    /// reads the newsroom's own `we`/`our` in plain reporting as no first person, and as the
    /// placeholder `<newsroom>` in the n-grams (`We asked the council for comment`, `Our
    /// analysis of the data`; not `we should`); 16 reads a label that heads a
    /// column's paragraph with the name of the person it writes about (`Rhian Pugh: The
    /// councillor …`; the name new to the article, no label of the article recurring, no
    /// first person in the paragraph; in context only) as no speaker's turn, and an explainer's
    /// one-line question subheads from the second on (`Will it flood?`, then the answer; not
    /// the last paragraph; in context only) as questions and answers; 17 adds the
    /// newsroom's tests and purchases (`the chargers we bought`, `our safety tests`), a live
    /// page's `we will be following …` and `That's all from us`, and a letter writer's record
    /// (`I have driven a bus … for 22 years`) as no first person; `Welcome back to …` and
    /// `Good evening from …` as no evaluation; `Read more: …` as no imperative; a rating line
    /// (`Four stars`, `★★★☆☆`, `Rating: 3/5`) as the author's evaluation; and a reader's
    /// letter headed `Q` without a colon (in context only) as a question block; 18
    /// adds the newsroom's staff (`our librarian`) and a writer's question to a named expert
    /// (`I asked Dr …`) as no first person, a verdict label (`Best buy: …`, `Worst buy: …`)
    /// as the author's evaluation, and a transcript's short questions after a `Q:` label (in
    /// context only) as a question block's; 19 (opt-in) adds the reader's calls to action
    /// (`Write to your councillor …`, `Complain to …`, `Don't bother with …`) as the author's
    /// imperative; 20 adds the author's verdict on a report (`X claimed, wrongly, that
    /// …`, `X rightly concluded …`, `…, and they are right.`, `…, which is nonsense.`) as the
    /// author's: no reported speech in that sentence, the verdict word one evaluative match;
    /// 21 (opt-in) adds loaded words in the author's voice (`splurged`, `a junket`, `cronies`,
    /// `caved in`, `to the bone`, `gravy train`) as one evaluative match each (the report's
    /// inside reported speech, as a lexicon word is); 22 adds more of the author's
    /// verdicts on a report (`X warned, presciently, that …`, `X replied, with a straight face,
    /// that …`, `X told the hearing, with complete justification, that …`), each verdict on a
    /// report also one author-stance frame, and the author's imperative after a fronted clause
    /// (`Until then, expect delays.`), whose verb opens no reported speech; 23 adds the
    /// author's evaluative word on a figure (`a paltry 2%`, `a whopping 9,000`) as one
    /// evaluative match and one author-stance frame, a judgement attributed by a colon (`The
    /// auditors' verdict: …`) as reported speech, a standfirst's byline tag (`…, writes Ann
    /// Corrie`) as no report, and a verdict in the author's relative clause (`The treasurer, who
    /// is utterly incompetent, …`) as one author-stance frame; 24 (opt-in) adds the author's
    /// hedged prediction (`is likely to`, `will probably`, `almost certainly`, `could well
    /// be`) and the author's pressing question (`Did we really need …?`, `why will the minister
    /// not say so?`), each one author-stance frame; 25 (opt-in) reads 23 with its colon
    /// attribution fixed (a time's colon skipped, a plural owner right before the judgement),
    /// not 24's forms, and adds the author's verdict on a source (`She is right, though …`, `he
    /// has a point`, `X was right to …`), an imagined source (`Any fan … would tell you …`) as no
    /// report, a comment adverb opening the sentence (`Mercifully, …`) and an evaluative word
    /// before a figure (`a magnificent 11,200`), each one author-stance frame; 26 (the default) reads
    /// what 25 reads and adds the author's `too` of excess (`too small for families`, not `too
    /// ill to travel`) and the author's superlative of an evaluative adjective over a comparison
    /// class (`the finest venue in the north`, not `the largest employer in the county`), each one
    /// author-stance frame.
    #[arg(allow_negative_numbers = true, long, value_name = "N", default_value_t = FeatureConfig::default().cue_rules, value_parser = parse_cue_rules)]
    cue_rules: u8,
    /// Add your own lexicon as a cue: NAME (a-z, 0-9, _) and a UTF-8 file with one word or
    /// phrase per line (`#` starts a comment). Its matches in the author's own words count in
    /// `cue:lex:NAME`; the entries are stored in the model (repeat for several, up to 16).
    #[arg(long, value_name = "NAME=FILE", value_parser = parse_lexicon)]
    lexicon: Vec<LexiconSpec>,
    /// Term-frequency weighting.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Tf::Sublinear)]
    tf: Tf,
    /// Turn off inverse-document-frequency weighting.
    #[arg(long)]
    no_idf: bool,
    /// Class balancing.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Balance::Oversample)]
    balance: Balance,
    /// Solver: `sparse` runs linfa-logistic's objective and L-BFGS on a sparse matrix;
    /// `linfa` calls linfa-logistic itself on the dense matrix (the reference; slower, needs
    /// rows x features x 8 bytes).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Solver::Sparse)]
    solver: Solver,
    /// Add the naive-Bayes log-count-ratio score of the word n-grams as one more feature, with
    /// smoothing ALPHA (e.g. 0.25), or `off`. The ratio is learned from the training rows
    /// (inside each cross-validation fold) and stored in the model. Default: 1 (the default
    /// model's), off when word n-grams are off (--word-ngrams 0).
    #[arg(allow_negative_numbers = true, long, value_name = "ALPHA|off", value_parser = parse_nb_score)]
    nb_score: Option<NbScore>,
    /// Fixed decision threshold on P(opinion).
    #[arg(allow_negative_numbers = true, long, value_parser = super::parse_probability, conflicts_with = "threshold_cv")]
    threshold: Option<f64>,
    /// Choose the threshold by K-fold cross-validation on the training data.
    #[arg(allow_negative_numbers = true, long, value_name = "K", value_parser = super::parse_folds)]
    threshold_cv: Option<usize>,
    /// Search hyperparameters by cross-validation: `KEY=V1,V2,...`, repeatable (the grid is
    /// the product). Keys: alpha, word-ngrams, char-ngrams, min-df, max-features,
    /// char-min-df, char-max-features, mask-min-words, mask-quotes, cues, reported-scope,
    /// mask-reported-stance, mask-reported, split-evaluative, cue-scale, cue-rules,
    /// reported-stance, tf, idf, balance, solver,
    /// nb-score (off or ALPHA); each key once, and not also set by its own flag. The best mean macro-F1 over
    /// --cv folds (default 5) wins and is used for the model written to --output.
    #[arg(long, value_name = "KEY=V1,V2,...")]
    grid: Vec<String>,
    /// Report K-fold cross-validated macro-F1 and accuracy (mean ± sd).
    #[arg(allow_negative_numbers = true, long, value_name = "K", value_parser = super::parse_folds)]
    cv: Option<usize>,
}

/// The value of `--nb-score`: a smoothing α, or `None` for `off`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct NbScore(Option<f64>);

fn parse_nb_score(s: &str) -> Result<NbScore, String> {
    match s.trim() {
        "off" | "none" => Ok(NbScore(None)),
        v => v
            .parse()
            .map(|a| NbScore(Some(a)))
            .map_err(|_| format!("`{s}` is not off or a smoothing α such as 1 or 0.25")),
    }
}

fn parse_reported_stance(s: &str) -> Result<ReportedStance, String> {
    ReportedStance::parse(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = ReportedStance::ALL.iter().map(|m| m.name()).collect();
        format!("`{s}` is not one of {}", names.join(", "))
    })
}

fn parse_cue_rules(s: &str) -> Result<u8, String> {
    let last = factop::features::CUE_RULES;
    super::parse_count::<u8>(s)
        .map_err(|_| format!("`{s}` is not a revision of the cue rules (1 to {last})"))
}

fn parse_range(s: &str) -> Result<[usize; 2], String> {
    if s == "0" {
        return Ok([0, 0]);
    }
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let p = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("`{s}` is not MIN-MAX (e.g. 1-2) or 0"))
    };
    Ok([p(a)?, p(b)?])
}

/// A `--lexicon NAME=FILE`: a checked name and the file to read.
#[derive(Debug, Clone)]
struct LexiconSpec {
    name: String,
    path: PathBuf,
}

fn parse_lexicon(s: &str) -> Result<LexiconSpec, String> {
    let (name, path) = s
        .split_once('=')
        .filter(|(_, path)| !path.is_empty())
        .ok_or_else(|| format!("`{s}` is not NAME=FILE (e.g. `--lexicon loaded=loaded.txt`)"))?;
    UserLexicon::check_name(name)?;
    Ok(LexiconSpec {
        name: name.into(),
        path: path.into(),
    })
}

/// The `--lexicon` files, read and checked.
fn read_lexicons(specs: &[LexiconSpec]) -> Result<Vec<UserLexicon>> {
    specs
        .iter()
        .map(|spec| {
            let path = &spec.path;
            // Name the flag and the lexicon, as typed and first, as `--data missing.csv: no
            // such file` does: a bare "No such file or directory" named neither, and
            // "missing.txt: --lexicon loaded: cannot read it" put the file first.
            let bytes = std::fs::read(path).map_err(|e| factop::Error::Data {
                path: format!("--lexicon {}={}", spec.name, path.display()),
                msg: if e.kind() == std::io::ErrorKind::IsADirectory {
                    "is a folder, not a word list: name one file".to_string()
                } else {
                    factop::error::io_reason(&e)
                },
            })?;
            // UTF-16 without its mark is valid UTF-8 (NUL-spaced letters): it said "line 4:
            // ` ` has no word a sentence could match" or read entries that never match.
            let head = &bytes[..bytes.len().min(factop::stream::UTF16_WINDOW)];
            // UTF-16 with a mark names its byte order too (`UTF-16LE`); UTF-32 never reads
            // as UTF-16 without a mark (half the bytes of both parities are NUL), so its mark
            // is found (`unicode_mark` tells it from UTF-16's); UTF-32 without a mark last
            // (the NULs of UTF-32LE's mark would pass for it, naming a byte order).
            let code = factop::stream::utf16_without_mark(head)
                .or_else(|| factop::stream::unicode_mark(head))
                .or_else(|| factop::stream::utf32_without_mark(head));
            if let Some(code) = code {
                let family = &code[..6];
                return Err(factop::Error::Data {
                    path: path.display().to_string(),
                    msg: format!(
                        "lexicon `{}` is {family} text: save it as UTF-8 (e.g. iconv -f {code} -t UTF-8)",
                        spec.name
                    ),
                }
                .into());
            }
            // Name the line that is not UTF-8 (a Latin-1 word list), not just the stream.
            let text = String::from_utf8(bytes).map_err(|e| {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
                factop::Error::Data {
                    path: path.display().to_string(),
                    msg: format!(
                        "lexicon `{}`: line {line} is not valid UTF-8: save the file as UTF-8",
                        spec.name
                    ),
                }
            })?;
            Ok(UserLexicon::parse(
                &spec.name,
                &text,
                &path.display().to_string(),
            )?)
        })
        .collect()
}

impl Args {
    fn params(&self, lexicons: Vec<UserLexicon>) -> TrainParams {
        TrainParams {
            features: FeatureConfig {
                lowercase: true,
                word_ngrams: self.word_ngrams,
                char_ngrams: self.char_ngrams,
                mask_quotes: !self.no_mask_quotes,
                mask_min_words: self.mask_min_words,
                cues: !self.no_cues,
                reported_scope: on_off(
                    self.reported_scope,
                    self.no_reported_scope,
                    FeatureConfig::default().reported_scope,
                ),
                mask_reported_stance: on_off(
                    self.mask_reported_stance,
                    self.no_mask_reported_stance,
                    FeatureConfig::default().mask_reported_stance,
                ),
                mask_reported: on_off(
                    self.mask_reported,
                    self.no_mask_reported,
                    FeatureConfig::default().mask_reported,
                ),
                split_evaluative: on_off(
                    self.split_evaluative,
                    self.no_split_evaluative,
                    FeatureConfig::default().split_evaluative,
                ),
                reported_stance: self.reported_stance,
                single_quotes: on_off(
                    self.single_quotes,
                    self.no_single_quotes,
                    FeatureConfig::default().single_quotes,
                ),
                cue_scale: self.cue_scale,
                cue_rules: self.cue_rules,
                lexicons,
                min_df: self.min_df,
                max_features: self.max_features,
                char_min_df: self.char_min_df,
                char_max_features: self.char_max_features,
                sublinear_tf: self.tf == Tf::Sublinear,
                binary: self.tf == Tf::Binary,
                idf: !self.no_idf,
            },
            alpha: self.alpha,
            max_iterations: self.max_iter,
            gradient_tolerance: self.tolerance,
            balance: self.balance,
            threshold: match (self.threshold, self.threshold_cv) {
                (_, Some(k)) => ThresholdRule::Cv(k),
                (Some(t), None) => ThresholdRule::Fixed(t),
                (None, None) => TrainParams::default().threshold,
            },
            seed: self.seed,
            solver: self.solver,
            nb_score: match self.nb_score {
                Some(NbScore(a)) => a,
                None => default_nb_score(self.word_ngrams),
            },
        }
    }
}

/// The `train` flags that set each `--grid` key (their clap ids and how they are typed); an
/// on/off key has both of its flags.
const GRID_FLAGS: &[(&str, &[(&str, &str)])] = &[
    ("alpha", &[("alpha", "--alpha")]),
    ("word-ngrams", &[("word_ngrams", "--word-ngrams")]),
    ("char-ngrams", &[("char_ngrams", "--char-ngrams")]),
    ("min-df", &[("min_df", "--min-df")]),
    ("max-features", &[("max_features", "--max-features")]),
    ("char-min-df", &[("char_min_df", "--char-min-df")]),
    (
        "char-max-features",
        &[("char_max_features", "--char-max-features")],
    ),
    ("mask-min-words", &[("mask_min_words", "--mask-min-words")]),
    ("mask-quotes", &[("no_mask_quotes", "--no-mask-quotes")]),
    ("cues", &[("no_cues", "--no-cues")]),
    (
        "reported-scope",
        &[
            ("no_reported_scope", "--no-reported-scope"),
            ("reported_scope", "--reported-scope"),
        ],
    ),
    (
        "mask-reported-stance",
        &[
            ("no_mask_reported_stance", "--no-mask-reported-stance"),
            ("mask_reported_stance", "--mask-reported-stance"),
        ],
    ),
    (
        "mask-reported",
        &[
            ("no_mask_reported", "--no-mask-reported"),
            ("mask_reported", "--mask-reported"),
        ],
    ),
    (
        "split-evaluative",
        &[
            ("no_split_evaluative", "--no-split-evaluative"),
            ("split_evaluative", "--split-evaluative"),
        ],
    ),
    ("cue-scale", &[("cue_scale", "--cue-scale")]),
    ("cue-rules", &[("cue_rules", "--cue-rules")]),
    (
        "reported-stance",
        &[("reported_stance", "--reported-stance")],
    ),
    ("tf", &[("tf", "--tf")]),
    ("idf", &[("no_idf", "--no-idf")]),
    ("balance", &[("balance", "--balance")]),
    ("solver", &[("solver", "--solver")]),
    ("nb-score", &[("nb_score", "--nb-score")]),
];

/// The naive-Bayes score when `--nb-score` is not given: the default, which is computed over
/// word n-grams, so off without them.
fn default_nb_score(word_ngrams: [usize; 2]) -> Option<f64> {
    if word_ngrams[1] == 0 {
        None
    } else {
        TrainParams::default().nb_score
    }
}

/// A setting with an on flag and an off flag (clap keeps only the last of the two typed):
/// on, off, or `default` when neither was given.
fn on_off(on: bool, off: bool, default: bool) -> bool {
    on || (!off && default)
}

/// An invalid value that came from the grid point `point` (`alpha=-1`), named as `--grid`'s:
/// it said `invalid value for --alpha`, a flag the user had not typed.
fn from_grid(e: factop::Error, point: &str) -> factop::Error {
    match e {
        factop::Error::Param { name, msg } if name != "--grid" => factop::Error::Param {
            name: "--grid",
            msg: format!("`{}`: {msg}", point.trim()),
        },
        e => e,
    }
}

/// Every combination of the `--grid` values, each with a label naming its settings.
/// `typed` tells whether a flag (by clap id) was given on the command line: a key searched by
/// the grid and also fixed by its flag is a conflict, as is a key listed twice or without
/// values.
fn expand_grid(
    base: &TrainParams,
    specs: &[String],
    typed: &dyn Fn(&str) -> bool,
) -> Result<Vec<(String, TrainParams)>> {
    let mut combos = vec![(String::new(), base.clone())];
    let mut keys: Vec<&str> = Vec::new();
    // The naive-Bayes score left at its default follows `default_nb_score` in every grid
    // point.
    let nb_default = !typed("nb_score")
        && !(specs.iter()).any(|s| {
            s.split_once('=')
                .is_some_and(|(k, _)| k.trim() == "nb-score")
        });
    for spec in specs {
        let (key, values) = spec.split_once('=').ok_or_else(|| factop::Error::Param {
            name: "--grid",
            msg: format!("`{spec}` is not KEY=V1,V2,... (e.g. alpha=0.5,1,2)"),
        })?;
        let key = key.trim();
        let conflict = |msg: String| factop::Error::Param {
            name: "--grid",
            msg,
        };
        if keys.contains(&key) {
            return Err(conflict(format!(
                "`{key}` is listed twice: give all its values in one --grid {key}=V1,V2,..."
            ))
            .into());
        }
        keys.push(key);
        if values.split(',').all(|v| v.trim().is_empty()) {
            return Err(conflict(format!("`{spec}` lists no values (e.g. {key}=V1,V2)")).into());
        }
        let fixed = GRID_FLAGS
            .iter()
            .filter(|(k, _)| *k == key)
            .flat_map(|(_, flags)| flags.iter())
            .find(|(id, _)| typed(id))
            .map(|(_, flag)| *flag);
        if let Some(flag) = fixed {
            return Err(conflict(format!(
                "`{key}` is both searched by --grid and fixed by {flag}: drop one of them"
            ))
            .into());
        }
        // A value listed twice, or spelled two ways for one setting (`1` and `1.0`, `1-1` and
        // `1`), was cross-validated and printed twice: searched once, with a warning (the
        // grid is what was meant, so it runs rather than fails).
        // `params` with `key` set to `v` (and the naive-Bayes score's default following the
        // word n-grams, when it is not given).
        let with = |params: &TrainParams, v: &str| -> Result<TrainParams> {
            let mut p = params.clone();
            p.set(key, v)
                .map_err(|e| from_grid(e, &format!("{key}={v}")))?;
            if nb_default {
                p.nb_score = default_nb_score(p.features.word_ngrams);
            }
            Ok(p)
        };
        let mut kept: Vec<(&str, TrainParams)> = Vec::new();
        for v in values.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            let p = with(base, v)?;
            match kept.iter().find(|(_, q)| *q == p) {
                Some((same, _)) if *same == v => stderr_line!(
                    "factop: warning: --grid {spec}: `{key}={v}` is listed twice, searched once"
                ),
                Some((same, _)) => stderr_line!(
                    "factop: warning: --grid {spec}: `{key}={v}` is the same setting as `{key}={same}`, searched once"
                ),
                None => kept.push((v, p)),
            }
        }
        let mut next = Vec::new();
        for (label, params) in &combos {
            for (v, _) in &kept {
                let p = with(params, v)?;
                p.clone()
                    .check()
                    .map_err(|e| from_grid(e, &format!("{label} {key}={v}")))?;
                let label = format!(
                    "{label}{}{}={v}",
                    if label.is_empty() { "" } else { " " },
                    key.trim()
                );
                next.push((label, p));
            }
        }
        combos = next;
    }
    Ok(if specs.is_empty() { Vec::new() } else { combos })
}

/// Cross-validate every grid point, print a table, return the best (first on ties).
fn search(
    grid: &[(String, TrainParams)],
    data: &Dataset,
    k: usize,
) -> Result<factop::model::CheckedParams> {
    say!(
        "grid       {} setting{}, {k}-fold cross-validation each",
        grid.len(),
        if grid.len() == 1 { "" } else { "s" }
    );
    let pb = super::progress::bar((grid.len() * k) as u64, "grid search");
    let mut best: Option<(f64, usize)> = None;
    let mut rows = Vec::new();
    for (i, (_, p)) in grid.iter().enumerate() {
        let cv = p
            .clone()
            .check()?
            .cross_validate_reporting(data, k, &|| pb.inc(1));
        let cv = match cv {
            Ok(cv) => cv,
            Err(e) => {
                pb.finish_and_clear();
                return Err(e.into());
            }
        };
        let (f1, sd) = mean_sd(&cv.macro_f1);
        let (acc, _) = mean_sd(&cv.accuracy);
        rows.push((f1, sd, acc));
        if best.is_none_or(|(b, _)| f1 > b + 1e-12) {
            best = Some((f1, i));
        }
    }
    pb.finish_and_clear();
    let (_, bi) = best.expect("grid is not empty");
    for (i, ((label, _), (f1, sd, acc))) in grid.iter().zip(&rows).enumerate() {
        let mark = if i == bi { "*" } else { " " };
        say!("  {mark} macro-F1 {f1:.4} ± {sd:.4}  accuracy {acc:.4}  {label}");
    }
    say!("best       {}", grid[bi].0);
    Ok(grid[bi].1.clone().check()?)
}

/// Run `factop train`.
pub fn run(args: Args, matches: Option<&clap::ArgMatches>) -> Result<()> {
    let started = Instant::now();
    let base = args.params(read_lexicons(&args.lexicon)?);
    let mut checked = base.clone().check()?;
    let typed = |id: &str| {
        matches.is_some_and(|m| m.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
    };
    let grid = expand_grid(&base, &args.grid, &typed)?;
    if let Some(out) = &args.output {
        persist::check_writable(out)?;
        persist::check_not_an_input("--output", out, ("--data", "the data"), &args.data.data)?;
        let lexicon_files: Vec<&PathBuf> = args.lexicon.iter().map(|l| &l.path).collect();
        persist::check_not_an_input(
            "--output",
            out,
            ("--lexicon", "the lexicon"),
            &lexicon_files,
        )?;
    }
    let data = Dataset::load_all(&args.data.data, &args.data.read_options())?;
    args.data.note_articles(&data);
    args.data.note_written_quotes(&data);
    data.require_both_classes()?;
    if let Some(d) = data.duplicates().describe() {
        stderr_line!(
            "factop: warning: {}: {d}; repeats weigh more in training and can fall on both sides of a cross-validation split",
            data.sources.join(", ")
        );
    }
    let [fact, opinion] = data.counts();
    say!(
        "data       {} rows: {fact} fact, {opinion} opinion{}",
        data.len(),
        if data.skipped_empty > 0 {
            format!(
                " ({} empty row{} skipped)",
                data.skipped_empty,
                if data.skipped_empty == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        }
    );
    if !grid.is_empty() {
        checked = search(&grid, &data, args.cv.unwrap_or(5))?;
    } else if let Some(k) = args.cv {
        let pb = super::progress::bar(k as u64, "cross-validation");
        let cv = checked.cross_validate_reporting(&data, k, &|| pb.inc(1));
        pb.finish_and_clear();
        let cv = cv?;
        let (f1, f1_sd) = mean_sd(&cv.macro_f1);
        let (acc, acc_sd) = mean_sd(&cv.accuracy);
        say!("cv         {k}-fold macro-F1 {f1:.4} ± {f1_sd:.4}, accuracy {acc:.4} ± {acc_sd:.4}");
    }
    let Some(out) = &args.output else {
        return Ok(());
    };
    let model = match checked.params().threshold {
        ThresholdRule::Cv(k) => {
            let pb = super::progress::bar(k as u64 + 1, "training");
            let m = checked.fit_reporting(&data, &|| pb.inc(1));
            pb.finish_and_clear();
            m?
        }
        ThresholdRule::Fixed(_) => {
            let pb = super::progress::spinner("training");
            let m = checked.fit(&data);
            pb.finish_and_clear();
            m?
        }
    };
    let s = &model.summary;
    say!(
        "features   {} ({} n-grams + {} cues{})",
        s.features,
        model.featurizer.vocabulary().terms.len(),
        model.featurizer.vocabulary().cues.len(),
        if model.nb.is_some() {
            " + naive-Bayes score"
        } else {
            ""
        }
    );
    say!(
        "optimiser  {} rows after balancing; gradient norm {:.2e} ({})",
        s.rows_trained,
        s.gradient_norm,
        if s.converged {
            "converged".to_string()
        } else {
            format!(
                "NOT converged within {} iterations: raise --max-iter or --alpha",
                model.params.max_iterations
            )
        }
    );
    match s.cv_macro_f1 {
        Some(f) => say!(
            "threshold  {:.2} (chosen by cross-validation, out-of-fold macro-F1 {f:.4})",
            model.threshold
        ),
        None => say!("threshold  {:.2}", model.threshold),
    }
    persist::save(&model, out)?;
    say!(
        "model      {} written in {:.1}s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    // `-o m.csv` wrote a JSON model under a data file's name. Said once it is written, so a
    // failed run still ends in its one-line error.
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if let Some(ext) = ext.filter(|e| matches!(e.as_str(), "csv" | "tsv" | "tab" | "txt" | "jsonl"))
    {
        stderr_line!(
            "factop: warning: {}: a model is written as JSON, whatever its name: name it .json so it is not taken for .{ext} data",
            out.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_grid_key_has_its_flag() {
        let keys: Vec<&str> = GRID_FLAGS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, TrainParams::SETTABLE);
        let cmd = crate::cli::Cli::command();
        let train = cmd.find_subcommand("train").unwrap();
        for (id, flag) in GRID_FLAGS.iter().flat_map(|(_, flags)| flags.iter()) {
            let arg = train.get_arguments().find(|a| a.get_id() == *id);
            let long = arg.and_then(|a| a.get_long()).map(|l| format!("--{l}"));
            assert_eq!(long.as_deref(), Some(*flag), "{id}");
        }
    }
}
