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
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Decision threshold on P(opinion) (default: the model's).
    #[arg(long, value_parser = super::parse_probability)]
    threshold: Option<f64>,
    /// Also write plots (SVG and PNG) and their data (curves.json) into this folder.
    #[arg(long, value_name = "DIR")]
    plots: Option<PathBuf>,
}

/// Run `factop evaluate`.
pub fn run(args: Args) -> Result<()> {
    if let Some(dir) = &args.plots {
        report::plots::prepare_dir(dir)?;
    }
    let model = persist::load_or_default(args.model.as_deref())?;
    let data = Dataset::load_all(&args.data.data, &args.data.read_options())?;
    if data.skipped_empty > 0 {
        eprintln!(
            "factop: warning: {}: {} rows with empty text skipped (--strict makes them an error)",
            data.sources.join(", "),
            data.skipped_empty
        );
    }
    if let Some(d) = data.duplicates().describe() {
        eprintln!(
            "factop: warning: {}: {d}; each row is scored and counted",
            data.sources.join(", ")
        );
    }
    let truth: Vec<Label> = data.examples.iter().map(|e| e.label).collect();
    let pb = super::progress::bar(data.len() as u64, "scoring");
    let p: Vec<f64> = data
        .examples
        .iter()
        .map(|e| {
            pb.inc(1);
            model.p_opinion(&e.text)
        })
        .collect();
    pb.finish_and_clear();
    let r = metrics::report(&truth, &p, args.threshold.unwrap_or(model.threshold));
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
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &r)?;
            writeln!(out)?;
        }
        Format::Text => report::write_evaluation(&mut out, &r)?,
    }
    out.flush()?;
    Ok(())
}
