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
        stderr_line!(
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
        stderr_line!(
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
        stderr_line!(
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
        stderr_line!(
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
/// not held-out (a model scored 1.0000 on its own training file, silently).
///
/// The model names its training files as they were given to `train` (relative to the folder
/// `train` ran in, which it does not record) and stores no digest of their content, so the
/// match is by path: a `--data` file is a training file when
/// - a name given as an absolute path, or a relative one resolved from the current folder (the
///   usual case: both commands run in one folder), is the same file; or
/// - its absolute path ends with the name as given, less a leading `./` or `../`, when that
///   name has a folder in it (`datasets/news-written.csv`, `../shared/data/train.csv`): so a
///   training file is found from any folder. A bare name (`train.csv`) is found only from the
///   current folder, not in every folder that holds a file of that name.
///
/// The same rows in a file of another name are not seen; a file at the same path from another
/// folder than the one `train` ran in is taken for the training file.
fn warn_training_data(
    data: &[std::path::PathBuf],
    model: &factop::model::Model,
    model_path: Option<&std::path::Path>,
    which: &str,
) {
    let sources = &model.summary.sources;
    let named: Vec<&str> = (sources.iter())
        .map(String::as_str)
        .filter(|s| *s != "-" && *s != factop::error::STDIN)
        .collect();
    let trained: Vec<std::path::PathBuf> = (named.iter())
        .filter_map(|s| std::fs::canonicalize(s).ok())
        .collect();
    let tails: Vec<std::path::PathBuf> = named.iter().filter_map(|s| path_tail(s)).collect();
    let shown_model = match model_path {
        Some(p) => p.display().to_string(),
        None => persist::DEFAULT_MODEL_NAME.into(),
    };
    for d in data.iter().filter(|d| d.as_os_str() != "-") {
        let Ok(c) = std::fs::canonicalize(d) else {
            continue;
        };
        if trained.contains(&c) || tails.iter().any(|t| c.ends_with(t)) {
            stderr_line!(
                "factop: warning: {}: the model {shown_model}{which} was trained on this file (its training data: {}), so these figures are not held-out and read higher than on new rows; evaluate on rows kept out of training, or see train --cv",
                d.display(),
                sources.join(", ")
            );
        }
    }
}

/// The part of a training file's name as given to `train` that any absolute path of the file
/// ends with, wherever `train` ran: the name less its leading `./` and `../`, when what is left
/// has a folder and a file name and no `..` (`../shared/data/train.csv` gives
/// `shared/data/train.csv`); `None` for an absolute name (resolved as it is) or a bare one.
fn path_tail(name: &str) -> Option<std::path::PathBuf> {
    use std::path::Component;
    let path = std::path::Path::new(name);
    let parts = path
        .components()
        .skip_while(|c| matches!(c, Component::CurDir | Component::ParentDir));
    let mut tail = std::path::PathBuf::new();
    let mut n = 0;
    for c in parts {
        match c {
            Component::Normal(p) => {
                tail.push(p);
                n += 1;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!path.is_absolute() && n >= 2).then_some(tail)
}

#[cfg(test)]
mod tests {
    use super::path_tail;

    #[test]
    fn a_training_files_tail_is_its_name_less_leading_dots_with_a_folder() {
        for (name, tail) in [
            (
                "datasets/news-written.csv",
                Some("datasets/news-written.csv"),
            ),
            ("./datasets/a.csv", Some("datasets/a.csv")),
            ("../shared/data/train.csv", Some("shared/data/train.csv")),
            ("../../x/./y.csv", Some("x/y.csv")),
            ("train.csv", None),
            ("../train.csv", None),
            ("/abs/data/train.csv", None),
            ("data/../train.csv", None),
        ] {
            assert_eq!(path_tail(name), tail.map(Into::into), "{name}");
        }
    }
}
