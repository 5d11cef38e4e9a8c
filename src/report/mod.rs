//! Output formats for scored sentences and evaluation reports.

pub mod explain;
pub mod html;
pub mod plots;
pub mod rows;

pub use explain::write_explanation;

use crate::classify::ScoredSentence;
use crate::dataset::Label;
use crate::explain::Explanation;
use crate::metrics::Report;
use std::io::{self, Write};

/// Output format of `factop classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable listing with a per-article summary.
    Text,
    /// One JSON object per sentence, one per line.
    Jsonl,
    /// One JSON array of sentence objects per run.
    Json,
    /// CSV with a header row.
    Csv,
    /// One self-contained HTML page per run: each sentence shaded by P(opinion), with a summary
    // (Written by `html::Page`, not by `Writer`: this doc line is `--help` text.)
    Html,
}

/// Writes classified documents in one format; call [`finish`](Writer::finish) at the end.
pub struct Writer<W: Write> {
    sink: Sink<W>,
    format: Format,
    first: bool,
    /// Sentences and opinions of the current document (for the text summary).
    counts: (usize, usize),
}

enum Sink<W: Write> {
    Plain(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> Writer<W> {
    /// A writer on `out`.
    pub fn new(mut out: W, format: Format) -> io::Result<Self> {
        let sink = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(["doc", "index", "start", "end", "text", "label", "p_opinion"])
                    .map_err(csv_io)?;
                Sink::Csv(Box::new(w))
            }
            Format::Json => {
                out.write_all(b"[")?;
                Sink::Plain(out)
            }
            Format::Html => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "the html format is written by report::html::Page",
                ))
            }
            _ => Sink::Plain(out),
        };
        Ok(Writer {
            sink,
            format,
            first: true,
            counts: (0, 0),
        })
    }

    /// Write one document's sentences.
    pub fn document(&mut self, doc: &str, rows: &[ScoredSentence<'_>]) -> io::Result<()> {
        self.begin(doc)?;
        self.rows(rows)?;
        self.end()
    }

    /// Write one document's sentences with their explanations (same order as `rows`): an
    /// `explanation` field after the usual fields in `jsonl`/`json`, the listed features under
    /// each sentence in `text`. `csv` has no room for them and is refused.
    pub fn document_explained(
        &mut self,
        doc: &str,
        rows: &[ScoredSentence<'_>],
        explanations: &[Explanation],
    ) -> io::Result<()> {
        self.begin(doc)?;
        self.rows_explained(rows, explanations)?;
        self.end()
    }

    /// Start a document whose rows come in several [`rows`](Writer::rows) calls (streaming);
    /// close it with [`end`](Writer::end).
    pub fn begin(&mut self, doc: &str) -> io::Result<()> {
        self.counts = (0, 0);
        match &mut self.sink {
            Sink::Plain(out) if self.format == Format::Text => writeln!(out, "== {doc}"),
            _ => Ok(()),
        }
    }

    /// Write some sentences of the current document.
    pub fn rows(&mut self, rows: &[ScoredSentence<'_>]) -> io::Result<()> {
        self.write_rows(rows, None)
    }

    /// Write some sentences of the current document with their explanations.
    pub fn rows_explained(
        &mut self,
        rows: &[ScoredSentence<'_>],
        explanations: &[Explanation],
    ) -> io::Result<()> {
        self.write_rows(rows, Some(explanations))
    }

    fn write_rows(
        &mut self,
        rows: &[ScoredSentence<'_>],
        explanations: Option<&[Explanation]>,
    ) -> io::Result<()> {
        #[derive(serde::Serialize)]
        struct Explained<'r, 'a> {
            #[serde(flatten)]
            row: &'r ScoredSentence<'a>,
            explanation: &'r Explanation,
        }
        let out = match &mut self.sink {
            Sink::Csv(_) if explanations.is_some() => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "explanations cannot be written as csv",
                ))
            }
            Sink::Csv(w) => {
                for r in rows {
                    w.write_record([
                        r.doc,
                        &r.index.to_string(),
                        &r.start.to_string(),
                        &r.end.to_string(),
                        r.text,
                        r.label.as_str(),
                        &r.p_opinion.to_string(),
                    ])
                    .map_err(csv_io)?;
                }
                return Ok(());
            }
            Sink::Plain(out) => out,
        };
        if self.format == Format::Text {
            write_text_rows(out, rows, explanations.unwrap_or(&[]))?;
            self.counts.0 += rows.len();
            self.counts.1 += rows.iter().filter(|r| r.label == Label::Opinion).count();
            return Ok(());
        }
        for (i, r) in rows.iter().enumerate() {
            if self.format == Format::Json {
                if !self.first {
                    out.write_all(b",")?;
                }
                self.first = false;
                out.write_all(b"\n")?;
            }
            match explanations.and_then(|e| e.get(i)) {
                Some(explanation) => serde_json::to_writer(
                    &mut *out,
                    &Explained {
                        row: r,
                        explanation,
                    },
                )?,
                None => serde_json::to_writer(&mut *out, r)?,
            }
            if self.format != Format::Json {
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Close the current document (the text format's summary line).
    pub fn end(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Plain(out) if self.format == Format::Text => {
                write_text_summary(out, self.counts.0, self.counts.1)
            }
            _ => Ok(()),
        }
    }

    /// Close the output (the JSON array) and flush.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Csv(mut w) => w.flush(),
            Sink::Plain(mut out) => {
                if self.format == Format::Json {
                    out.write_all(b"\n]\n")?;
                }
                out.flush()
            }
        }
    }
}

/// The readable listing of one document.
pub fn write_text<W: Write>(out: &mut W, doc: &str, rows: &[ScoredSentence<'_>]) -> io::Result<()> {
    write_text_explained(out, doc, rows, &[])
}

/// The readable listing of one document, with each sentence's listed features (if given)
/// indented under it.
pub fn write_text_explained<W: Write>(
    out: &mut W,
    doc: &str,
    rows: &[ScoredSentence<'_>],
    explanations: &[Explanation],
) -> io::Result<()> {
    writeln!(out, "== {doc}")?;
    write_text_rows(out, rows, explanations)?;
    let k = rows.iter().filter(|r| r.label == Label::Opinion).count();
    write_text_summary(out, rows.len(), k)
}

/// A sentence on one line, for the readable (`text`) listings: each run of white space that
/// holds a line break (`\n`, `\r`, form feed, NEL, U+2028/9) becomes one space. The machine
/// formats keep the exact text.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    // Most sentences are told apart by their bytes, eight at a time, without decoding a char.
    if !may_break(text.as_bytes()) || !text.contains(breaks) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut run_breaks = false;
    let flush = |out: &mut String, run: &mut String, run_breaks: &mut bool| {
        if *run_breaks {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
        *run_breaks = false;
    };
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
            run_breaks |= breaks(c);
        } else {
            flush(&mut out, &mut run, &mut run_breaks);
            out.push(c);
        }
    }
    flush(&mut out, &mut run, &mut run_breaks);
    std::borrow::Cow::Owned(out)
}

/// Whether `b` may hold a line break of [`one_line`]: a byte from `\n` to `\r`, or one above
/// 0x7F (NEL and U+2028/9 start with 0xC2 and 0xE2); eight bytes at a time.
fn may_break(b: &[u8]) -> bool {
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().unwrap_or_default());
        if crate::swar::in_range_or_high(w, b'\n', b'\r') != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&c| (b'\n'..=b'\r').contains(&c) || c >= 0x80)
}

pub(crate) fn write_text_rows<W: Write>(
    out: &mut W,
    rows: &[ScoredSentence<'_>],
    explanations: &[Explanation],
) -> io::Result<()> {
    for (i, r) in rows.iter().enumerate() {
        let mark = match r.label {
            Label::Opinion => "OPINION",
            Label::Fact => "fact   ",
        };
        writeln!(
            out,
            "{:>4}  {mark}  {:.2}  {}",
            r.index,
            r.p_opinion,
            one_line(r.text)
        )?;
        if let Some(e) = explanations.get(i) {
            for c in &e.features {
                writeln!(out, "{:>23}  {:+.3}  {}", "", c.contribution, c.feature)?;
            }
        }
    }
    Ok(())
}

/// The summary line of a document with `n` sentences, `k` of them opinion.
pub(crate) fn write_text_summary<W: Write>(out: &mut W, n: usize, k: usize) -> io::Result<()> {
    let share = if n > 0 {
        100.0 * k as f64 / n as f64
    } else {
        0.0
    };
    writeln!(
        out,
        "-- {n} sentence{}, {k} opinion ({share:.0}%), {} fact\n",
        if n == 1 { "" } else { "s" },
        n - k
    )
}

/// The I/O error inside a CSV error, so a closed pipe stays recognisable as one.
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The readable evaluation report.
pub fn write_evaluation<W: Write>(out: &mut W, r: &Report) -> io::Result<()> {
    writeln!(out, "examples      {}", r.n)?;
    writeln!(out, "threshold     {:.3}", r.threshold)?;
    writeln!(out, "accuracy      {:.4}", r.accuracy)?;
    write!(out, "macro-F1      {:.4}", r.macro_f1)?;
    match r.classes.iter().find(|(_, c)| c.support == 0) {
        // With one class only, the absent class's F1 is 0 and halves the mean.
        Some((absent, _)) if r.n > 0 => {
            writeln!(out, " (no {absent} rows: its F1 of 0 is in the mean)")?
        }
        _ => writeln!(out)?,
    }
    if let Some(b) = &r.ci95 {
        writeln!(
            out,
            "95% interval  macro-F1 {:.4}-{:.4}, accuracy {:.4}-{:.4} ({} bootstrap resamples of the rows)",
            b.macro_f1[0], b.macro_f1[1], b.accuracy[0], b.accuracy[1], b.resamples
        )?;
    }
    match r.roc_auc {
        Some(a) => writeln!(out, "ROC AUC       {a:.4}")?,
        None => writeln!(out, "ROC AUC       n/a (one class only)")?,
    }
    writeln!(out, "Brier score   {:.4}", r.brier)?;
    writeln!(out, "ECE (10 bins) {:.4}", r.ece)?;
    writeln!(out)?;
    writeln!(out, "class      precision  recall     F1  support")?;
    for (name, c) in &r.classes {
        writeln!(
            out,
            "{name:<9} {:>10.4} {:>7.4} {:>6.4} {:>8}",
            c.precision, c.recall, c.f1, c.support
        )?;
    }
    writeln!(out)?;
    writeln!(out, "confusion (rows: true, columns: predicted)")?;
    writeln!(out, "{:<9} {:>7} {:>7}", "", "fact", "opinion")?;
    for (t, row) in &r.confusion {
        writeln!(out, "{t:<9} {:>7} {:>7}", row["fact"], row["opinion"])?;
    }
    Ok(())
}

/// The `--compare` section of `factop evaluate`'s text report: both models' macro-F1 and
/// accuracy, their difference (second − first) and its 95% paired bootstrap interval.
pub fn write_comparison<W: Write>(
    out: &mut W,
    names: &[String; 2],
    reports: [&Report; 2],
    d: &crate::metrics::Difference,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "compared (second minus first, on the same rows)")?;
    writeln!(out, "  first   {}", names[0])?;
    writeln!(
        out,
        "  second  {} (threshold {:.3})",
        names[1], reports[1].threshold
    )?;
    writeln!(
        out,
        "{:<9} {:>7} {:>7} {:>10}  95% interval",
        "", "first", "second", "difference"
    )?;
    let figures = [
        (
            "macro-F1",
            [reports[0].macro_f1, reports[1].macro_f1],
            d.macro_f1,
        ),
        (
            "accuracy",
            [reports[0].accuracy, reports[1].accuracy],
            d.accuracy,
        ),
    ];
    for (k, (what, [a, b], diff)) in figures.into_iter().enumerate() {
        let interval = d.ci95.map_or("-".to_string(), |c| {
            let [lo, hi] = if k == 0 {
                c.interval.macro_f1
            } else {
                c.interval.accuracy
            };
            // `+ 0.0` turns a negative zero into `+0.0000`.
            format!("{:+.4} to {:+.4}", lo + 0.0, hi + 0.0)
        });
        writeln!(
            out,
            "{what:<9} {a:>7.4} {b:>7.4} {:>+10.4}  {interval}",
            diff + 0.0
        )?;
    }
    if let Some(c) = d.ci95 {
        writeln!(
            out,
            "the second model's macro-F1 is higher in {:.1}% of {} paired bootstrap resamples",
            100.0 * c.macro_f1_higher,
            c.interval.resamples
        )?;
    }
    Ok(())
}

/// The file format of `factop evaluate --predictions`, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredictionsFormat {
    /// Comma-separated values with a header row (`.csv`, or a name without an extension).
    Csv,
    /// Tab-separated values with a header row (`.tsv`, `.tab`).
    Tsv,
    /// One JSON array of row objects, one object per line, as `classify --format json`
    /// writes (`.json`).
    Json,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
}

impl PredictionsFormat {
    /// The extensions read, for messages.
    pub const EXTENSIONS: &'static str = ".csv, .tsv, .json or .jsonl";

    /// The format `path`'s extension names (in any case): CSV without an extension, `None`
    /// for an extension of another format (`.txt`, `.xlsx`), which would get a file whose
    /// name misleads.
    pub fn from_path(path: &std::path::Path) -> Option<PredictionsFormat> {
        let Some(ext) = path.extension() else {
            return Some(PredictionsFormat::Csv);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "csv" => Some(PredictionsFormat::Csv),
            "tsv" | "tab" => Some(PredictionsFormat::Tsv),
            "json" => Some(PredictionsFormat::Json),
            "jsonl" | "ndjson" => Some(PredictionsFormat::Jsonl),
            _ => None,
        }
    }
}

/// One row of `--predictions` in JSON: the CSV's columns, with numbers and booleans as such
/// and `null` for a row's unknown source.
#[derive(serde::Serialize)]
struct PredictionRow<'a> {
    source: Option<&'a str>,
    row: Option<u64>,
    text: &'a str,
    label: Label,
    predicted: Label,
    p_opinion: f64,
    correct: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    compare: Option<ComparedPrediction>,
}

/// The second model's prediction of a row (`--compare`).
#[derive(serde::Serialize)]
struct ComparedPrediction {
    compare_predicted: Label,
    compare_p_opinion: f64,
    compare_correct: bool,
}

/// Every row's prediction (`factop evaluate --predictions`) in `format`: the file and row it
/// was read from (the header is row 1), its text, true label, predicted label, P(opinion) and
/// whether the prediction is right; with a `second` model (`--compare`) the same three for it
/// (`compare_predicted`, `compare_p_opinion`, `compare_correct`), to see which rows it fixes
/// and which it breaks. The predictions follow `data.examples`.
pub fn predictions(
    data: &crate::dataset::Dataset,
    first: (&[f64], &[Label]),
    second: Option<(&[f64], &[Label])>,
    format: PredictionsFormat,
) -> crate::Result<Vec<u8>> {
    let delimiter = match format {
        PredictionsFormat::Csv => b',',
        PredictionsFormat::Tsv => b'\t',
        PredictionsFormat::Json | PredictionsFormat::Jsonl => {
            return Ok(predictions_json(data, first, second, format))
        }
    };
    let to_err = |e: csv::Error| crate::Error::io("the predictions", io::Error::other(e));
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut header = vec![
        "source",
        "row",
        "text",
        "label",
        "predicted",
        "p_opinion",
        "correct",
    ];
    if second.is_some() {
        header.extend(["compare_predicted", "compare_p_opinion", "compare_correct"]);
    }
    w.write_record(&header).map_err(to_err)?;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    for (i, e) in data.examples.iter().enumerate() {
        record.clear();
        match data.origins.get(i) {
            Some(o) => record.extend([data.sources[o.source].clone(), o.row.to_string()]),
            None => record.extend([String::new(), String::new()]),
        }
        record.extend([e.text.clone(), e.label.as_str().to_string()]);
        for (p, predicted) in std::iter::once(first).chain(second) {
            record.extend([
                predicted[i].as_str().to_string(),
                crate::classify::round6(p[i]).to_string(),
                (if e.label == predicted[i] { "yes" } else { "no" }).to_string(),
            ]);
        }
        w.write_record(&record).map_err(to_err)?;
    }
    w.into_inner()
        .map_err(|e| crate::Error::io("the predictions", e.into_error()))
}

/// [`predictions`] as a JSON array or JSON lines.
fn predictions_json(
    data: &crate::dataset::Dataset,
    first: (&[f64], &[Label]),
    second: Option<(&[f64], &[Label])>,
    format: PredictionsFormat,
) -> Vec<u8> {
    let array = format == PredictionsFormat::Json;
    let mut out = Vec::new();
    if array {
        out.push(b'[');
    }
    for (i, e) in data.examples.iter().enumerate() {
        let origin = data.origins.get(i);
        let row = PredictionRow {
            source: origin.map(|o| data.sources[o.source].as_str()),
            row: origin.map(|o| o.row),
            text: &e.text,
            label: e.label,
            predicted: first.1[i],
            p_opinion: crate::classify::round6(first.0[i]),
            correct: e.label == first.1[i],
            compare: second.map(|(p, predicted)| ComparedPrediction {
                compare_predicted: predicted[i],
                compare_p_opinion: crate::classify::round6(p[i]),
                compare_correct: e.label == predicted[i],
            }),
        };
        if array {
            out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        }
        serde_json::to_writer(&mut out, &row).expect("a prediction row serialises");
        if !array {
            out.push(b'\n');
        }
    }
    if array {
        out.extend_from_slice(b"\n]\n");
    }
    out
}

#[cfg(test)]
mod one_line_tests {
    use super::one_line;

    #[test]
    fn line_breaks_become_one_space_and_the_rest_is_kept() {
        assert_eq!(one_line("The council\nvoted."), "The council voted.");
        assert_eq!(one_line("It was \r\n  late."), "It was late.");
        assert_eq!(one_line("a\u{2028}b\u{85}c"), "a b c");
        assert_eq!(one_line("tab\there,  two spaces"), "tab\there,  two spaces");
        assert_eq!(one_line("nul\0kept\n"), "nul\0kept ");
        assert!(matches!(one_line("plain"), std::borrow::Cow::Borrowed(_)));
        // Breaks at every position of the eight-byte words and of the tail.
        for brk in [
            "\n", "\r", "\u{0b}", "\u{0c}", "\u{85}", "\u{2028}", "\u{2029}",
        ] {
            for k in 0..20 {
                let text = format!("{}{brk}{}", "a".repeat(k), "b".repeat(20 - k));
                let want = format!("{} {}", "a".repeat(k), "b".repeat(20 - k));
                assert_eq!(one_line(&text), want, "{brk:?} at {k}");
            }
        }
        let kept = "x\ty é “q” \u{1}\u{e}\u{9}".repeat(3);
        assert!(matches!(one_line(&kept), std::borrow::Cow::Borrowed(_)));
    }
}
