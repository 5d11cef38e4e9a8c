//! `factop evaluate`: score a model on labelled held-out data.

use super::DataArgs;
use anyhow::Result;
use factop::dataset::{Dataset, Label};
use factop::{metrics, persist, report};
use std::io::Write;
use std::path::PathBuf;

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report.
    Text,
    /// The JSON contract: n, accuracy, macro_f1, roc_auc, classes, confusion, ...
    Json,
}

/// Evaluate a model on labelled data.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Model file (default: the embedded default model).
    #[arg(long, short = 'm', value_name = "MODEL.json")]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
    /// Decision threshold on P(opinion) (default: the model's).
    #[arg(allow_negative_numbers = true, long, value_parser = super::parse_probability)]
    threshold: Option<f64>,
    /// Also write plots (SVG and PNG) and their data (curves.json) into this folder.
    #[arg(long, value_name = "DIR")]
    plots: Option<PathBuf>,
    /// Also write every row's prediction to this file (source, row, text, label,
    /// predicted, p_opinion, correct; with --compare also the second model's
    /// compare_predicted, compare_p_opinion, compare_correct), to read the errors. The
    /// extension gives the format: .csv (or none) CSV, .tsv tab-separated, .json one JSON
    /// array of row objects, .jsonl (or .ndjson) one JSON object per line; any other
    /// extension is refused.
    #[arg(long, value_name = "FILE.csv")]
    predictions: Option<PathBuf>,
    /// Resamples for the 95% bootstrap intervals of macro-F1 and accuracy: 100 to 100000, or 0
    /// to turn them off.
    #[arg(allow_negative_numbers = true, long, value_name = "N", default_value_t = 1000, value_parser = parse_resamples)]
    bootstrap: usize,
    /// Seed of the bootstrap resampling.
    #[arg(allow_negative_numbers = true, long, default_value_t = 42, value_parser = super::parse_count::<u64>)]
    seed: u64,
    /// Also score the rows with this second model and report how it differs (second minus
    /// first) in macro-F1 and accuracy, with 95% paired bootstrap intervals (--bootstrap
    /// resamples, both models on the same resampled rows). Each model uses its own threshold
    /// unless --threshold is given.
    #[arg(long, value_name = "MODEL.json")]
    compare: Option<PathBuf>,
}

/// The JSON output: the model's report, and with `--compare` the second model's.
#[derive(serde::Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    report: &'a metrics::Report,
    /// Rows skipped for empty text (reported on standard error; `n` leaves them out, so a
    /// script reading the JSON could not tell that rows were dropped).
    skipped_empty: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    compare: Option<Compared<'a>>,
}

/// The second model of `--compare`: its report and its difference from the first.
#[derive(serde::Serialize)]
struct Compared<'a> {
    model: String,
    report: &'a metrics::Report,
    difference: metrics::Difference,
}

/// At most this many bootstrap resamples (each one draws every row once).
const MAX_RESAMPLES: usize = 100_000;
/// At least this many (other than 0): the 2.5th and 97.5th percentiles of fewer resamples
/// are the extremes of a handful of draws, not a 95% interval.
const MIN_RESAMPLES: usize = 100;

fn parse_resamples(s: &str) -> std::result::Result<usize, String> {
    let n: usize = s.parse().map_err(|_| {
        format!("`{s}` is not a whole number (e.g. 1000; 0 turns the intervals off)")
    })?;
    if n > MAX_RESAMPLES {
        return Err(format!(
            "{n} is more than {MAX_RESAMPLES} resamples; 1000 is plenty"
        ));
    }
    if n != 0 && n < MIN_RESAMPLES {
        return Err(format!(
            "{n} resamples are too few for a 95% interval: give at least {MIN_RESAMPLES} (1000 is the default; 0 turns the intervals off)"
        ));
    }
    Ok(n)
}

/// Run `factop evaluate`.
pub fn run(args: Args) -> Result<()> {
    // `--predictions p.json` wrote CSV under a JSON name: the extension gives the format,
    // checked before anything is created or read.
    let predictions_format = match &args.predictions {
        None => report::PredictionsFormat::Csv,

        Some(path) => report::PredictionsFormat::from_path(path).ok_or_else(|| {
            factop::Error::Param {
                name: "--predictions",
                msg: format!(
                    "{}: the extension gives the file's format, and factop writes {} (CSV without an extension)",
                    path.display(),
                    report::PredictionsFormat::EXTENSIONS
                ),
            }
        })?,
    };
    if let Some(dir) = &args.plots {
        report::plots::prepare_dir(dir)?;
    }
    if let (Some(dir), Some(path)) = (&args.plots, &args.predictions) {
        // `--plots out --predictions out/curves.json`: the plots replaced the predictions.
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        let same_dir = std::fs::canonicalize(parent.unwrap_or(".".as_ref()))
            .is_ok_and(|p| std::fs::canonicalize(dir).is_ok_and(|d| d == p));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if same_dir && report::plots::is_plot_file(&name) {
            return Err(factop::Error::Param {
                name: "--predictions",
                msg: format!(
                    "{} is one of the files --plots writes: name another file (e.g. {})",
                    path.display(),
                    dir.join("predictions.csv").display()
                ),
            }
            .into());
        }
    }
    if let Some(path) = &args.predictions {
        persist::check_output("--predictions", path, "predictions.csv")?;
        let data = ("--data", "the data");
        persist::check_not_an_input("--predictions", path, data, &args.data.data)?;
        for (flag, model) in [("--model", &args.model), ("--compare", &args.compare)] {
            let input = (flag, "the model");
            persist::check_not_an_input("--predictions", path, input, model.as_slice())?;
        }
    }
    let model = persist::load_or_default(args.model.as_deref())?;
    let other = match &args.compare {
        Some(path) => Some(persist::load(path)?),
        None => None,
    };
    let data = Dataset::load_all(&args.data.data, &args.data.read_options())?;
    args.data.note_articles(&data);
    args.data.note_written_quotes(&data);
    if data.skipped_empty > 0 {
        eprintln!(
            "factop: warning: {}: {} row{} with empty text skipped (--strict makes {} an error)",
            data.sources.join(", "),
            data.skipped_empty,
            if data.skipped_empty == 1 { "" } else { "s" },
            if data.skipped_empty == 1 {
                "it"
            } else {
                "them"
            }
        );
    }
    warn_training_data(&args.data.data, &model, args.model.as_deref(), "");
    if let (Some(m), Some(path)) = (&other, &args.compare) {
        warn_training_data(&args.data.data, m, Some(path), " (--compare)");
    }
    if let Some(d) = data.duplicates().describe() {
        eprintln!(
            "factop: warning: {}: {d}; each row is scored and counted",
            data.sources.join(", ")
        );
    }
    let truth: Vec<Label> = data.examples.iter().map(|e| e.label).collect();
    let models = 1 + usize::from(other.is_some());
    let pb = super::progress::bar((models * data.len()) as u64, "scoring");
    let score = |m: &factop::model::Model| -> Vec<f64> {
        let p = (data.examples.iter()).map(|e| {
            pb.inc(1);
            m.p_with_context(&e.text, e.context())
        });
        p.collect()
    };
    let p = score(&model);
    let p_other = other.as_ref().map(|m| (m, score(m)));
    pb.finish_and_clear();
    let evaluated = |m: &factop::model::Model, p: &[f64]| {
        let mut r = metrics::report(&truth, p, args.threshold.unwrap_or(m.threshold));
        let predicted = metrics::predict(p, r.threshold);
        r.ci95 = metrics::bootstrap(&truth, &predicted, args.bootstrap, args.seed);
        (r, predicted)
    };
    let (r, predicted) = evaluated(&model, &p);
    let compared = p_other.map(|(m, p)| {
        let (report, second) = evaluated(m, &p);
        let d = metrics::difference(&truth, &predicted, &second, args.bootstrap, args.seed);
        (report, d, p, second)
    });
    if let Some(path) = &args.predictions {
        let second = compared.as_ref().map(|(_, _, p, pred)| (&p[..], &pred[..]));
        let bytes = report::predictions(&data, (&p, &predicted), second, predictions_format)?;
        persist::write_atomic(path, &bytes)?;
        let errors = (truth.iter().zip(&predicted))
            .filter(|(t, p)| t != p)
            .count();
        eprintln!(
            "factop: {} predictions ({errors} wrong) written to {}",
            p.len(),
            path.display()
        );
    }
    if let Some(dir) = &args.plots {
        let title = data
            .sources
            .iter()
            .map(|s| {
                std::path::Path::new(s)
                    .file_name()
                    .map_or(s.clone(), |n| n.to_string_lossy().into_owned())
            })
            .collect::<Vec<_>>()
            .join(", ");
        let plot_data = report::plots::PlotData::new(&title, &truth, &p, r.threshold);
        let files = report::plots::write_plots(dir, &plot_data)?;
        eprintln!(
            "factop: {} plot files written to {}",
            files.len(),
            dir.display()
        );
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let name = |p: &Option<PathBuf>| {
        p.as_ref()
            .map_or(persist::DEFAULT_MODEL_NAME.to_string(), |p| {
                p.display().to_string()
            })
    };
    match args.format {
        Format::Json => {
            let output = Output {
                report: &r,
                skipped_empty: data.skipped_empty,
                compare: compared.as_ref().map(|(report, d, ..)| Compared {
                    model: name(&args.compare),
                    report,
                    difference: *d,
                }),
            };
            serde_json::to_writer_pretty(&mut out, &output)?;
            writeln!(out)?;
        }
        Format::Text => {
            report::write_evaluation(&mut out, &r)?;
            if let Some((second, d, ..)) = &compared {
                let names = [name(&args.model), name(&args.compare)];
                report::write_comparison(&mut out, &names, [&r, second], d)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Warn about a `--data` file that is one of the model's training files: its figures are
/// not held-out (a model scored 1.0000 on its own training file, silently). A training file
/// is named in the model as it was given to `train`, so it is found from here (the usual
/// case: both commands run in one folder); a file of the same name elsewhere is not claimed.
fn warn_training_data(
    data: &[std::path::PathBuf],
    model: &factop::model::Model,
    model_path: Option<&std::path::Path>,
    which: &str,
) {
    let sources = &model.summary.sources;
    let trained: Vec<std::path::PathBuf> = (sources.iter())
        .filter(|s| s.as_str() != "-" && s.as_str() != factop::error::STDIN)
        .filter_map(|s| std::fs::canonicalize(s).ok())
        .collect();
    let shown_model = match model_path {
        Some(p) => p.display().to_string(),
        None => persist::DEFAULT_MODEL_NAME.into(),
    };
    for d in data.iter().filter(|d| d.as_os_str() != "-") {
        if std::fs::canonicalize(d).is_ok_and(|c| trained.contains(&c)) {
            eprintln!(
                "factop: warning: {}: the model {shown_model}{which} was trained on this file (its training data: {}), so these figures are not held-out and read higher than on new rows; evaluate on rows kept out of training, or see train --cv",
                d.display(),
                sources.join(", ")
            );
        }
    }
}
