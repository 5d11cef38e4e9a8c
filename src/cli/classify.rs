//! `factop classify`: score every sentence of one or more articles.

use anyhow::Result;
use factop::features::Context;
use factop::report::{Format, Writer};
use factop::stream::{Block, Blocks};
use factop::{classify, persist, segment};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Score every sentence of one or more articles.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (UTF-8 text, read in blocks: any size); none or `-` reads standard input.
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

/// Open a document for streaming: a file, or standard input for `-`.
pub fn open(path: &Path) -> Result<Blocks<Box<dyn Read>>> {
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| factop::Error::io(path, e))?)
    };
    Ok(Blocks::new(reader))
}

/// The next block of `path`, naming the file on a read error.
pub fn next_block<'a>(
    blocks: &'a mut Blocks<Box<dyn Read>>,
    path: &Path,
) -> Result<Option<Block<'a>>> {
    blocks.next_block().map_err(|e| {
        let name = if path.as_os_str() == "-" {
            Path::new("standard input")
        } else {
            path
        };
        factop::Error::io(name, e).into()
    })
}

/// Warn about what streaming `doc` had to repair: invalid UTF-8, over-long sentences.
pub fn warn_repairs<R: Read>(doc: &str, blocks: &Blocks<R>) {
    if blocks.replaced() > 0 {
        eprintln!(
            "factop: warning: {doc}: {} invalid UTF-8 sequence(s) replaced with U+FFFD; offsets refer to the decoded text",
            blocks.replaced()
        );
    }
    if blocks.capped() > 0 {
        eprintln!(
            "factop: warning: {doc}: {} sentence(s) cut at the {}-byte length cap (no sentence boundary found)",
            blocks.capped(),
            segment::MAX_SENTENCE_BYTES
        );
    }
}

/// Read a whole document (for the html page, which shows it whole), with the same decoding
/// and warnings as the streamed formats.
pub fn read_document(path: &Path) -> Result<String> {
    let mut blocks = open(path)?;
    let mut text = String::new();
    while let Some(b) = next_block(&mut blocks, path)? {
        text.push_str(b.text);
    }
    warn_repairs(&path.display().to_string(), &blocks);
    Ok(text)
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
        // Streamed block by block: memory stays flat whatever the article's size.
        let mut blocks = open(path)?;
        let doc = path.display().to_string();
        w.begin(&doc)?;
        while let Some(b) = next_block(&mut blocks, path)? {
            let rows = classify::score_sentences(
                &model,
                &doc,
                b.text,
                b.offset,
                &b.sentences,
                args.threshold,
            );
            if args.explain {
                let ex: Vec<_> = b
                    .sentences
                    .iter()
                    .map(|s| {
                        let ctx = Context {
                            in_quote: s.in_quote,
                            attributed: s.attributed,
                        };
                        factop::explain::explain_with_context(&model, b.text_of(s), ctx, args.top)
                    })
                    .collect();
                w.rows_explained(&rows, &ex)?;
            } else {
                w.rows(&rows)?;
            }
        }
        w.end()?;
        warn_repairs(&doc, &blocks);
    }
    pb.finish_and_clear();
    w.finish()?;
    std::io::stdout().flush()?;
    Ok(())
}
