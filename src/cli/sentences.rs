//! `factop sentences`: print the sentence split of an article, with byte offsets.

use anyhow::Result;
use serde::Serialize;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One sentence per line (a line break inside a sentence is shown as a space).
    Text,
    /// One JSON object per sentence with offsets and the segmenter's flags (quotation,
    /// attribution, speaker turns, questions; then `column_head`, `subhead_16`, `q_label_17`
    /// and `q_turn_18`, the flags later cue rules read, last).
    Jsonl,
}

/// Print the sentences of an article.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format (default: text on a terminal, jsonl otherwise).
    #[arg(long, short = 'f', value_enum, ignore_case = true)]
    format: Option<Format>,
}

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    in_quote: bool,
    attributed: bool,
    continues_quote: bool,
    continues_report: bool,
    q_and_a: bool,
    speaker_turn: bool,
    speaker_turn_14: bool,
    rhetorical: bool,
    column_head: bool,
    subhead_16: bool,
    q_label_17: bool,
    q_turn_18: bool,
}

/// Run `factop sentences`.
pub fn run(args: Args) -> Result<()> {
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let files = super::input_files(&args.files);
    super::check_inputs(&files)?;
    super::warn_not_articles(&files, false);
    let mut out = BufWriter::new(stdout.lock());
    for path in &files {
        let mut blocks = super::classify::open(path)?;
        let doc = path.display().to_string();
        let mut sentences = 0;
        while let Some(b) = super::classify::next_block(&mut blocks, path)? {
            sentences += b.sentences.len();
            for s in &b.sentences {
                let text = b.text_of(s);
                match format {
                    Format::Text => writeln!(out, "{}", factop::report::one_line(text))?,
                    Format::Jsonl => {
                        serde_json::to_writer(
                            &mut out,
                            &Row {
                                doc: &doc,
                                index: s.index,
                                start: s.start,
                                end: s.end,
                                text,
                                in_quote: s.in_quote,
                                attributed: s.attributed,
                                continues_quote: s.continues_quote,
                                continues_report: s.continues_report,
                                q_and_a: s.q_and_a,
                                speaker_turn: s.speaker_turn,
                                speaker_turn_14: s.speaker_turn_14,
                                rhetorical: s.rhetorical,
                                column_head: s.column_head,
                                subhead_16: s.subhead_16,
                                q_label_17: s.q_label_17,
                                q_turn_18: s.q_turn_18,
                            },
                        )?;
                        writeln!(out)?;
                    }
                }
            }
        }
        super::classify::warn_repairs(&doc, &blocks);
        if sentences == 0 {
            super::classify::warn_no_sentences(&doc);
        }
    }
    out.flush()?;
    Ok(())
}
