//! `factop inspect`: the model card of a model file and its strongest features.

use anyhow::Result;
use factop::dataset::Label;
use factop::explain::top_weights;
use factop::features::ReportedStance;
use factop::model::{Model, ThresholdRule, TrainParams, TrainingSummary};
use factop::persist;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable model card.
    Text,
    /// The same as one JSON object.
    Json,
}

/// Show a model's configuration, vocabulary, threshold, training figures and top features.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model file (default: the embedded default model).
    #[arg(value_name = "MODEL.json")]
    model: Option<PathBuf>,
    /// The model file, named as the other commands name it (the same as MODEL.json).
    #[arg(
        long = "model",
        short = 'm',
        value_name = "MODEL.json",
        conflicts_with = "model"
    )]
    model_flag: Option<PathBuf>,
    /// How many features to list per class.
    #[arg(
        allow_negative_numbers = true,
        long,
        short = 'k',
        default_value_t = 15,
        value_name = "K",
        value_parser = super::parse_count::<usize>
    )]
    top: usize,
    /// Output format.
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
struct Feature {
    feature: String,
    weight: f64,
}

#[derive(Serialize)]
struct Vocab {
    terms: usize,
    cues: usize,
    /// 1 with the naive-Bayes score feature (`--nb-score`), else 0.
    nb_score: usize,
    total: usize,
}

#[derive(Serialize)]
struct TopFeatures {
    opinion: Vec<Feature>,
    fact: Vec<Feature>,
}

#[derive(Serialize)]
struct Card<'a> {
    model: String,
    format_version: u32,
    threshold: f64,
    bias: f64,
    vocabulary: Vocab,
    params: &'a TrainParams,
    training: &'a TrainingSummary,
    top_features: TopFeatures,
}

fn card(name: String, m: &Model, k: usize) -> Card<'_> {
    let v = m.featurizer.vocabulary();
    let top = |c| {
        top_weights(m, c, k)
            .into_iter()
            .map(|(feature, weight)| Feature { feature, weight })
            .collect()
    };
    Card {
        model: name,
        format_version: persist::format_version_of(m),
        threshold: m.threshold,
        bias: m.bias,
        vocabulary: Vocab {
            terms: v.terms.len(),
            cues: v.cues.len(),
            nb_score: usize::from(m.nb.is_some()),
            total: m.dim(),
        },
        params: &m.params,
        training: &m.summary,
        top_features: TopFeatures {
            opinion: top(Label::Opinion),
            fact: top(Label::Fact),
        },
    }
}

fn range(r: [usize; 2]) -> String {
    if r[1] == 0 {
        "off".into()
    } else {
        format!("{}-{}", r[0], r[1])
    }
}

/// How the cues are set: `off`, `on`, or `on (…)` with the cue options that are on.
/// What each revision of the cue rules reads beyond the one before it, in order, as
/// `inspect` names it (revision 12 adds two parts; `docs/cue-rules.md` has the whole story).
/// A new revision adds its line here.
const REVISION_PARTS: &[(u8, &str)] = &[
    (3, "attribution frames"),
    (4, "asides"),
    (5, "more attribution forms"),
    (6, "feelings"),
    (7, "courts"),
    (8, "word senses"),
    (9, "timetables"),
    (10, "continued reports"),
    (11, "author-stance frames"),
    (12, "questions and answers"),
    (12, "more word senses"),
    (13, "recommendations and speakers' turns"),
    (14, "rhetorical questions"),
    (15, "the newsroom's first person"),
    (16, "a column's name headings and question subheads"),
    (
        17,
        "the newsroom's tests, ratings, broadcast formulae, link lines and a reader's Q letter",
    ),
    (
        18,
        "the newsroom's staff, questions to an expert, verdict labels and a transcript's Q: turns",
    ),
    (19, "the reader's calls to action"),
    (20, "the author's verdict on a report"),
    (21, "loaded words in the author's voice"),
    (
        22,
        "more verdicts on a report, each an author-stance frame, and imperatives after a fronted clause",
    ),
    (
        23,
        "evaluative words on a figure, judgements attributed by a colon, byline tags and verdicts in relative clauses",
    ),
    (
        24,
        "hedged predictions and pressing questions, each an author-stance frame",
    ),
    (
        25,
        "23's colon fixed, the author's verdict on a source, imagined sources, comment adverbs and evaluative words on a figure",
    ),
    (
        26,
        "the author's too of excess and superlatives of evaluative adjectives over a comparison class, each an author-stance frame",
    ),
];

/// The parts of revisions `from..=to` of the cue rules, joined as a list (`a, b and c`).
/// Revision 24's part is named only for revision 24 itself: 25 and later do not read its
/// forms (`reads_revision_24` holds for 24 alone).
fn revision_parts(from: u8, to: u8) -> String {
    let parts: Vec<&str> = REVISION_PARTS
        .iter()
        .filter(|(r, _)| (from..=to).contains(r) && (*r != 24 || to == 24))
        .map(|&(_, p)| p)
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    }
}

fn cue_options(f: &factop::features::FeatureConfig) -> String {
    if !f.cues {
        return "off".into();
    }
    let scale = format!("cue scale {}", f.cue_scale);
    let lexicons = format!(
        "user lexicons {}",
        f.lexicons
            .iter()
            .map(|l| format!("{} ({} entries)", l.name, l.entries.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let scope = if f.cue_rules >= 3 {
        format!(
            "reported-speech scope on with {} (cue rules {})",
            revision_parts(3, f.cue_rules),
            f.cue_rules
        )
    } else {
        "reported-speech scope on".to_string()
    };
    // Without the scope, revision 8's word senses and what the later revisions read are the
    // parts of the rules at work.
    let senses = (f.cue_rules >= 8).then(|| {
        format!(
            "{} (cue rules {})",
            revision_parts(8, f.cue_rules),
            f.cue_rules
        )
    });
    let stance = format!("reported stance {}", f.reported_stance.name());
    let options: Vec<&str> = [
        (f.reported_scope, scope.as_str()),
        (
            f.reported_scope && f.reported_stance != ReportedStance::default(),
            stance.as_str(),
        ),
        (f.split_evaluative, "evaluative lexicon split"),
        (f.cue_scale != 1.0, scale.as_str()),
        (f.cue_rules == 2, "cue rules 2"),
        (
            senses.is_some() && !f.reported_scope,
            senses.as_deref().unwrap_or_default(),
        ),
        (!f.lexicons.is_empty(), lexicons.as_str()),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if options.is_empty() {
        "on".into()
    } else {
        format!("on ({})", options.join(", "))
    }
}

fn write_text<W: Write>(out: &mut W, c: &Card<'_>) -> std::io::Result<()> {
    let p = c.params;
    let f = &p.features;
    let t = c.training;
    writeln!(out, "model        {}", c.model)?;
    writeln!(
        out,
        "format       factop-model version {}",
        c.format_version
    )?;
    writeln!(out)?;
    writeln!(out, "configuration")?;
    writeln!(
        out,
        "  features   word n-grams {}, char n-grams {}, cues {}, min_df {}, max_features {}",
        range(f.word_ngrams),
        range(f.char_ngrams),
        cue_options(f),
        f.min_df,
        f.max_features
    )?;
    let tf = if f.binary {
        "binary"
    } else if f.sublinear_tf {
        "sublinear"
    } else {
        "raw"
    };
    writeln!(
        out,
        "  weighting  tf {tf}, idf {}, lowercase {}, quotes masked {}{}{}{}",
        if f.idf { "on" } else { "off" },
        if f.lowercase { "on" } else { "off" },
        if f.mask_quotes {
            format!("from {} words", f.mask_min_words)
        } else {
            "no".into()
        },
        if f.single_quotes {
            " (single marks too)"
        } else {
            ""
        },
        if f.mask_reported_stance {
            ", reported stance masked"
        } else {
            ""
        },
        if f.mask_reported {
            ", reported speech masked as quoted"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "  optimiser  L2 logistic regression, alpha {}, max_iter {}, tolerance {:e}, balance {}, seed {}",
        p.alpha,
        p.max_iterations,
        p.gradient_tolerance,
        serde_json::to_value(p.balance).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
        p.seed
    )?;
    let rule = match p.threshold {
        ThresholdRule::Fixed(_) => "fixed".to_string(),
        ThresholdRule::Cv(k) => format!("chosen by {k}-fold cross-validation"),
    };
    writeln!(out, "  threshold  {:.4} ({rule})", c.threshold)?;
    writeln!(out, "  bias       {:+.4}", c.bias)?;
    writeln!(
        out,
        "  vocabulary {} features ({} n-grams + {} cues{})",
        c.vocabulary.total,
        c.vocabulary.terms,
        c.vocabulary.cues,
        match p.nb_score {
            Some(a) if c.vocabulary.nb_score == 1 => {
                format!(" + the naive-Bayes score of the word n-grams, alpha {a}")
            }
            _ => String::new(),
        }
    )?;
    writeln!(out)?;
    writeln!(out, "training")?;
    writeln!(out, "  data       {}", t.sources.join(", "))?;
    writeln!(
        out,
        "  rows       {} fact, {} opinion ({} empty skipped); {} after balancing",
        t.rows_fact, t.rows_opinion, t.skipped_empty, t.rows_trained
    )?;
    writeln!(
        out,
        "  optimiser  gradient norm {:.2e} ({})",
        t.gradient_norm,
        if t.converged {
            "converged"
        } else {
            "NOT converged"
        }
    )?;
    if let Some(f1) = t.cv_macro_f1 {
        writeln!(
            out,
            "  cv         out-of-fold macro-F1 {f1:.4} at the threshold"
        )?;
    }
    for (name, list) in [
        ("opinion", &c.top_features.opinion),
        ("fact", &c.top_features.fact),
    ] {
        writeln!(out)?;
        writeln!(out, "top features toward {name}")?;
        for f in list {
            writeln!(out, "  {:+9.4}  {}", f.weight, f.feature)?;
        }
    }
    Ok(())
}

/// Run `factop inspect`.
pub fn run(mut args: Args) -> Result<()> {
    // `-m M` as in classify, evaluate and explain (it was "unexpected argument '-m'").
    if args.model_flag.is_some() {
        args.model = args.model_flag.take();
    }
    let model = persist::load_or_default(args.model.as_deref())?;
    let name = args
        .model
        .as_ref()
        .map_or(persist::DEFAULT_MODEL_NAME.to_string(), |p| {
            p.display().to_string()
        });
    let c = card(name, &model, args.top);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &c)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &c)?,
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use factop::features::FeatureConfig;

    #[test]
    fn cue_options_name_the_options_that_are_on() {
        // As models before `--reported-stance`; the default's `drop` is named below.
        let base = FeatureConfig {
            reported_stance: factop::features::ReportedStance::Own,
            ..FeatureConfig::default()
        };
        let with = |cues, reported_scope, split_evaluative| {
            cue_options(&FeatureConfig {
                cues,
                reported_scope,
                split_evaluative,
                ..base.clone()
            })
        };
        let frames = "reported-speech scope on with attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables, continued reports, author-stance frames, questions and answers, more word senses, recommendations and speakers' turns, rhetorical questions, the newsroom's first person, a column's name headings and question subheads, the newsroom's tests, ratings, broadcast formulae, link lines and a reader's Q letter, the newsroom's staff, questions to an expert, verdict labels and a transcript's Q: turns, the reader's calls to action, the author's verdict on a report, loaded words in the author's voice, more verdicts on a report, each an author-stance frame, and imperatives after a fronted clause, evaluative words on a figure, judgements attributed by a colon, byline tags and verdicts in relative clauses, 23's colon fixed, the author's verdict on a source, imagined sources, comment adverbs and evaluative words on a figure and the author's too of excess and superlatives of evaluative adjectives over a comparison class, each an author-stance frame (cue rules 26)";
        assert_eq!(with(true, true, false), format!("on ({frames})"));
        assert_eq!(
            with(true, true, true),
            format!("on ({frames}, evaluative lexicon split)")
        );
        assert_eq!(
            with(true, false, false),
            "on (word senses, timetables, continued reports, author-stance frames, questions and answers, more word senses, recommendations and speakers' turns, rhetorical questions, the newsroom's first person, a column's name headings and question subheads, the newsroom's tests, ratings, broadcast formulae, link lines and a reader's Q letter, the newsroom's staff, questions to an expert, verdict labels and a transcript's Q: turns, the reader's calls to action, the author's verdict on a report, loaded words in the author's voice, more verdicts on a report, each an author-stance frame, and imperatives after a fronted clause, evaluative words on a figure, judgements attributed by a colon, byline tags and verdicts in relative clauses, 23's colon fixed, the author's verdict on a source, imagined sources, comment adverbs and evaluative words on a figure and the author's too of excess and superlatives of evaluative adjectives over a comparison class, each an author-stance frame (cue rules 26))"
        );
        assert_eq!(
            with(true, false, true),
            "on (evaluative lexicon split, word senses, timetables, continued reports, author-stance frames, questions and answers, more word senses, recommendations and speakers' turns, rhetorical questions, the newsroom's first person, a column's name headings and question subheads, the newsroom's tests, ratings, broadcast formulae, link lines and a reader's Q letter, the newsroom's staff, questions to an expert, verdict labels and a transcript's Q: turns, the reader's calls to action, the author's verdict on a report, loaded words in the author's voice, more verdicts on a report, each an author-stance frame, and imperatives after a fronted clause, evaluative words on a figure, judgements attributed by a colon, byline tags and verdicts in relative clauses, 23's colon fixed, the author's verdict on a source, imagined sources, comment adverbs and evaluative words on a figure and the author's too of excess and superlatives of evaluative adjectives over a comparison class, each an author-stance frame (cue rules 26))"
        );
        assert_eq!(with(false, true, true), "off");
        let split = FeatureConfig {
            reported_stance: factop::features::ReportedStance::Split,
            ..base.clone()
        };
        assert_eq!(
            cue_options(&split),
            format!("on ({frames}, reported stance split)")
        );
        let scaled = FeatureConfig {
            cue_scale: 2.5,
            ..base.clone()
        };
        assert_eq!(
            cue_options(&scaled),
            format!("on ({frames}, cue scale 2.5)")
        );
        let first = FeatureConfig {
            cue_rules: 1,
            ..base.clone()
        };
        assert_eq!(cue_options(&first), "on (reported-speech scope on)");
        for (cue_rules, scope) in [
            (
                17,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables, continued reports, author-stance frames, questions and answers, more word senses, recommendations and speakers' turns, rhetorical questions, the newsroom's first person, a column's name headings and question subheads and the newsroom's tests, ratings, broadcast formulae, link lines and a reader's Q letter (cue rules 17)",
            ),
            (
                14,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables, continued reports, author-stance frames, questions and answers, more word senses, recommendations and speakers' turns and rhetorical questions (cue rules 14)",
            ),
            (
                12,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables, continued reports, author-stance frames, questions and answers and more word senses (cue rules 12)",
            ),
            (
                11,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables, continued reports and author-stance frames (cue rules 11)",
            ),
            (
                10,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses, timetables and continued reports (cue rules 10)",
            ),
            (
                9,
                "attribution frames, asides, more attribution forms, feelings, courts, word senses and timetables (cue rules 9)",
            ),
            (
                8,
                "attribution frames, asides, more attribution forms, feelings, courts and word senses (cue rules 8)",
            ),
            (
                7,
                "attribution frames, asides, more attribution forms, feelings and courts (cue rules 7)",
            ),
            (
                6,
                "attribution frames, asides, more attribution forms and feelings (cue rules 6)",
            ),
            (
                5,
                "attribution frames, asides and more attribution forms (cue rules 5)",
            ),
            (4, "attribution frames and asides (cue rules 4)"),
            (3, "attribution frames (cue rules 3)"),
        ] {
            let older = FeatureConfig {
                cue_rules,
                ..base.clone()
            };
            assert_eq!(
                cue_options(&older),
                format!("on (reported-speech scope on with {scope})")
            );
        }
        assert_eq!(
            cue_options(&FeatureConfig::default()),
            format!("on ({frames}, reported stance drop)")
        );
        // Without the scope there is nothing to drop, and it is not named.
        let no_scope = FeatureConfig {
            reported_scope: false,
            ..FeatureConfig::default()
        };
        assert!(!cue_options(&no_scope).contains("reported stance"));
    }

    #[test]
    fn every_revision_of_the_cue_rules_has_its_part() {
        // A new revision (CUE_RULES) must add its line to REVISION_PARTS, in order.
        let revs: Vec<u8> = REVISION_PARTS.iter().map(|&(r, _)| r).collect();
        assert!(revs.windows(2).all(|w| w[0] <= w[1]), "{revs:?}");
        for r in 3..=factop::features::CUE_RULES {
            assert!(revs.contains(&r), "revision {r} has no part");
        }
        assert_eq!(revs.last(), Some(&factop::features::CUE_RULES));
        assert_eq!(revision_parts(3, 3), "attribution frames");
        assert_eq!(revision_parts(8, 9), "word senses and timetables");
        assert_eq!(
            revision_parts(19, 21),
            "the reader's calls to action, the author's verdict on a report and loaded words in the author's voice"
        );
        // Revision 24's forms are read by 24 alone, so only its own card names them.
        let hedges = "hedged predictions and pressing questions";
        assert!(revision_parts(3, 24).contains(hedges));
        for to in 25..=factop::features::CUE_RULES {
            assert!(!revision_parts(3, to).contains(hedges), "{to}");
        }
    }
}
