//! `factop explain`: why the model scores a sentence as it does.

use anyhow::Result;
use factop::explain::{explain_sentence, Explanation};
use factop::persist;
use std::io::Write;
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table.
    Text,
    /// One JSON object: the sentence (`text`), label, threshold and the explanation.
    Json,
}

/// Show the features that push one sentence toward opinion or fact.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The sentence, scored on its own (as in training data); `-` reads it from standard input.
    #[arg(value_name = "SENTENCE")]
    sentence: String,
    /// Model file (default: the embedded default model).
    #[arg(long, short = 'm', value_name = "MODEL.json")]
    model: Option<PathBuf>,
    /// How many features to list (the rest are summed).
    #[arg(
        allow_negative_numbers = true,
        long,
        short = 'k',
        default_value_t = 10,
        value_name = "K",
        value_parser = super::parse_count::<usize>
    )]
    top: usize,
    /// Decision threshold on P(opinion) (default: the model's).
    #[arg(allow_negative_numbers = true, long, value_parser = super::parse_probability)]
    threshold: Option<f64>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
}

#[derive(serde::Serialize)]
struct JsonOut<'a> {
    text: &'a str,
    label: factop::dataset::Label,
    threshold: f64,
    #[serde(flatten)]
    explanation: &'a Explanation,
}

/// Run `factop explain`.
pub fn run(mut args: Args) -> Result<()> {
    if args.sentence == "-" {
        // Read as classify reads standard input: invalid UTF-8 replaced, with a warning (it
        // was "stream did not contain valid UTF-8"), UTF-16 refused with the fix.
        let path = std::path::Path::new("-");
        let mut blocks = super::classify::open(path)?;
        let mut text = String::new();
        while let Some(b) = super::classify::next_block(&mut blocks, path)? {
            text.push_str(b.text);
        }
        let replaced = blocks.replaced();
        if replaced > 0 {
            stderr_line!(
                "factop: warning: standard input: {replaced} invalid UTF-8 sequence(s) replaced with U+FFFD"
            );
        }
        args.sentence = text.trim_end_matches(['\n', '\r']).to_string();
    }
    if factop::segment::is_blank(&args.sentence) {
        return Err(factop::Error::Param {
            name: "<SENTENCE>",
            msg: "the sentence is empty: pass the sentence to explain, in quotes (e.g. factop explain \"The plan is a disgrace.\")".into(),
        }
        .into());
    }
    // `factop explain article.txt` scored the file's name as a sentence, silently.
    if std::path::Path::new(&args.sentence).is_file() {
        stderr_line!(
            "factop: warning: {0}: is a file's name, scored as the sentence itself; to explain the sentences in the file use `factop classify --explain {0}` (or `factop explain - < {0}` for one sentence)",
            args.sentence
        );
    }
    let model = persist::load_or_default(args.model.as_deref())?;
    // A pasted paragraph gets one score for all of it: say so, and how to score each sentence.
    let n = factop::segment::split(&args.sentence).len();
    if n > 1 {
        stderr_line!(
            "factop: warning: the text holds {n} sentences; explain scores it whole, as one sentence (factop classify --explain scores each)"
        );
    }
    let e = explain_sentence(&model, &args.sentence, args.top);
    let threshold = args.threshold.unwrap_or(model.threshold);
    let label = model.label(e.p_opinion, Some(threshold));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            let j = JsonOut {
                text: &args.sentence,
                label,
                threshold,
                explanation: &e,
            };
            serde_json::to_writer_pretty(&mut out, &j)?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(
                out,
                "sentence   {}",
                factop::report::one_line(&args.sentence)
            )?;
            writeln!(
                out,
                "label      {}  (P(opinion) {:.4}, threshold {threshold:.2})",
                label.as_str(),
                e.p_opinion
            )?;
            factop::report::write_explanation(&mut out, &e)?;
        }
    }
    out.flush()?;
    Ok(())
}
