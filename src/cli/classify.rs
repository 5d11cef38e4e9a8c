//! `factop classify`: score every sentence of one or more articles.

use anyhow::{Context, Result};
use factop::report::{Format, Writer};
use factop::{classify, persist};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

/// Score every sentence of one or more articles.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (plain UTF-8 text); none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Model file (default: the embedded default model).
    #[arg(long, short = 'm', value_name = "MODEL.json")]
    model: Option<PathBuf>,
    /// Output format (default: text on a terminal, jsonl otherwise).
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Decision threshold on P(opinion) (default: the model's).
    #[arg(long, value_parser = super::parse_probability)]
    threshold: Option<f64>,
    /// Add each sentence's top contributing features (an `explanation` field in jsonl/json).
    #[arg(long)]
    explain: bool,
    /// Features listed per sentence with --explain and in the html page.
    #[arg(long, value_name = "K", default_value_t = 5)]
    top: usize,
}

/// Read a document: a file, or standard input for `-`. Invalid UTF-8 is replaced (with a warning).
pub fn read_document(path: &std::path::Path) -> Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).map_err(|e| factop::Error::io(path, e))?;
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "factop: warning: {}: invalid UTF-8 replaced with U+FFFD; offsets refer to the decoded text",
                path.display()
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// Run `factop classify`.
pub fn run(args: Args) -> Result<()> {
    let model = persist::load_or_default(args.model.as_deref())?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    if format == Format::Html {
        let name = args
            .model
            .as_ref()
            .map_or(persist::DEFAULT_MODEL_NAME.into(), |p| {
                p.display().to_string()
            });
        let mut page =
            factop::report::html::Page::new(&name, args.threshold.or(Some(model.threshold)));
        let pb = super::progress::batch(files.len(), "classifying");
        for path in &files {
            pb.inc(1);
            let text = read_document(path)?;
            let doc = path.display().to_string();
            let rows = classify::classify_text(&model, &doc, &text, args.threshold);
            page.add(
                &doc,
                &text,
                &rows,
                factop::explain::explain_document(&model, &text, args.top),
            );
        }
        pb.finish_and_clear();
        return Ok(page.write(std::io::BufWriter::new(stdout.lock()))?);
    }
    if args.explain && format == Format::Csv {
        return Err(factop::Error::Param {
            name: "--explain",
            msg: "works with the text, jsonl, json and html formats, not csv".into(),
        }
        .into());
    }
    let mut w = Writer::new(std::io::BufWriter::new(stdout.lock()), format)?;
    let pb = super::progress::batch(files.len(), "classifying");
    for path in &files {
        pb.inc(1);
        let text = read_document(path)?;
        let doc = path.display().to_string();
        let rows = classify::classify_text(&model, &doc, &text, args.threshold);
        if args.explain {
            let ex = factop::explain::explain_document(&model, &text, args.top);
            w.document_explained(&doc, &rows, &ex)?;
        } else {
            w.document(&doc, &rows)?;
        }
    }
    pb.finish_and_clear();
    w.finish()?;
    std::io::stdout().flush()?;
    Ok(())
}
