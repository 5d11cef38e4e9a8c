//! One module per subcommand: an `Args` struct and a `run` function, no pipeline logic.

pub mod classify;
pub mod evaluate;
pub mod explain;
pub mod inspect;
pub mod progress;
pub mod sentences;
pub mod train;

use clap::{Parser, Subcommand};
use factop::dataset::{LabelMap, ReadOptions};
use std::path::{Path, PathBuf};

/// Label each sentence of a news article as reported fact or editorial opinion.
#[derive(Debug, Parser)]
#[command(name = "factop", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Train a model from labelled CSV/TSV files.
    Train(train::Args),
    /// Score every sentence of one or more articles.
    Classify(classify::Args),
    /// Evaluate a model on labelled held-out data.
    Evaluate(evaluate::Args),
    /// Print the sentences of an article with their byte offsets.
    Sentences(sentences::Args),
    /// Show the features behind one sentence's score.
    Explain(explain::Args),
    /// Show a model's card: configuration, vocabulary, threshold, training, top features.
    Inspect(inspect::Args),
}

/// Run the parsed command line (`matches`: what was typed, for flags whose default and
/// typed value must be told apart).
pub fn run(cli: Cli, matches: &clap::ArgMatches) -> anyhow::Result<()> {
    match cli.command {
        Command::Train(a) => train::run(a, matches.subcommand_matches("train")),
        Command::Classify(a) => classify::run(a),
        Command::Evaluate(a) => evaluate::run(a),
        Command::Sentences(a) => sentences::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Inspect(a) => inspect::run(a),
    }
}

/// How labelled files are read (shared by `train` and `evaluate`).
#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// Labelled CSV/TSV file with a header row (repeat for several files); `-` reads standard
    /// input (comma-separated unless --delimiter says otherwise).
    #[arg(long = "data", value_name = "FILE", required = true)]
    pub data: Vec<PathBuf>,
    /// Field delimiter (default: tab for .tsv/.tab files, comma otherwise); `tab` or one character.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Name of the text column.
    #[arg(long, default_value = "sentence", value_name = "NAME")]
    pub text_column: String,
    /// Name of the label column.
    #[arg(long, default_value = "label", value_name = "NAME")]
    pub label_column: String,
    /// Map raw labels, e.g. `SUBJ=opinion,OBJ=fact`.
    #[arg(long, value_name = "RAW=LABEL,...", value_parser = parse_label_map)]
    pub label_map: Option<LabelMap>,
    /// Fail on rows with empty text instead of skipping them.
    #[arg(long)]
    pub strict: bool,
    /// Column naming each row's article, for rows that are the consecutive sentences of
    /// articles: each row is then read in the context of its article (a sentence inside a
    /// quotation that runs over several sentences is the speaker's), as `classify` reads it.
    #[arg(long, value_name = "NAME")]
    pub doc_column: Option<String>,
    /// With --doc-column: column whose value changes where a new paragraph starts (a
    /// quotation ends with its paragraph).
    #[arg(long, value_name = "NAME")]
    pub para_column: Option<String>,
}

impl DataArgs {
    /// With --doc-column: say on standard error how the rows were grouped into articles, and
    /// warn about rows that are not one sentence of their article.
    pub fn note_articles(&self, data: &factop::dataset::Dataset) {
        let Some(col) = &self.doc_column else {
            return;
        };
        stderr_line!(
            "factop: {} rows read as the sentences of {} article{} (--doc-column {col}), each in its article's context",
            data.len(),
            data.documents,
            if data.documents == 1 { "" } else { "s" }
        );
        if data.misaligned > 0 {
            stderr_line!(
                "factop: warning: {}: {} row{} not one sentence of its article as `factop sentences` splits it, so its context is approximate; put one sentence per row",
                data.sources.join(", "),
                data.misaligned,
                if data.misaligned == 1 { " is" } else { "s are" }
            );
        }
    }

    /// Warn about rows whose text opens with a quotation mark that closes before the field
    /// ends: read as written, where CSV quoting (and other tools) would drop the marks.
    pub fn note_written_quotes(&self, data: &factop::dataset::Dataset) {
        let Some((file, row)) = &data.first_written_quote else {
            return;
        };
        let n = data.written_quotes;
        stderr_line!(
            "factop: warning: {file}: {n} row{} (the first: row {row}) whose text opens with a quotation mark closed before the field ends, read as written with its marks (CSV quoting would drop them: other tools may read `\"No,\" she said.` as `No, she said.`); to be read the same everywhere, quote the whole field and double the marks inside",
            if n == 1 { "" } else { "s" }
        );
    }

    /// The reader options.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            delimiter: self.delimiter,
            text_column: self.text_column.clone(),
            label_column: self.label_column.clone(),
            label_map: self.label_map.clone().unwrap_or_default(),
            strict: self.strict,
            doc_column: self.doc_column.clone(),
            para_column: self.para_column.clone(),
        }
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(format!("`{s}` is not one ASCII character or `tab`")),
    }
}

fn parse_label_map(s: &str) -> Result<LabelMap, String> {
    // clap names the flag already ("invalid value ... for '--label-map'"): the reason only.
    LabelMap::parse(s).map_err(|e| match e {
        factop::Error::Param { msg, .. } => msg,
        e => e.to_string(),
    })
}

/// A probability in 0..=1.
pub fn parse_probability(s: &str) -> Result<f64, String> {
    let p: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    // Rust reads `NaN` as a number: it was said to be "outside 0..1".
    if p.is_nan() {
        return Err(format!(
            "`{s}` is not a number: give a probability from 0 to 1"
        ));
    }
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{p} is outside 0..1"))
    }
}

/// A non-negative integer (`--seed`, `--top`, `--max-features`, ...), with a message that says
/// so where the standard library's says "invalid digit found in string".
pub fn parse_count<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr<Err = std::num::ParseIntError>,
{
    use std::num::IntErrorKind;
    s.trim().parse::<T>().map_err(|e| match e.kind() {
        IntErrorKind::Empty => "empty: expected a non-negative integer (0, 1, 2, ...)".into(),
        IntErrorKind::PosOverflow => format!("`{s}` is too large"),
        _ => format!("`{s}` is not a non-negative integer (0, 1, 2, ...)"),
    })
}

/// A real number (`--alpha`, `--tolerance`, `--cue-scale`), with a message that says so where
/// the standard library's says "invalid float literal"; the range is checked with the other
/// parameters.
pub fn parse_real<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.trim()
        .parse::<T>()
        .map_err(|_| format!("`{s}` is not a number (e.g. 2, 0.5 or 1e-4)"))
}

/// A number of worker threads, 1 to 1024.
pub fn parse_threads(s: &str) -> Result<u16, String> {
    match parse_count::<u16>(s) {
        Ok(n) if (1..=1024).contains(&n) => Ok(n),
        _ => Err(format!("`{s}` is not a number of threads from 1 to 1024")),
    }
}

/// A number of cross-validation folds: an integer of at least 2.
pub fn parse_folds(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(k) if k >= 2 => Ok(k),
        Ok(k) => Err(format!("{k} folds: need at least 2")),
        Err(_) => Err(format!("`{s}` is not a whole number of folds (at least 2)")),
    }
}

/// The input files of `classify` and `sentences`: standard input (`-`) when none is named.
/// When standard input is a terminal and is read, say so on standard error, so that a
/// command waiting for typed text does not look hung.
pub(crate) fn input_files(files: &[PathBuf]) -> Vec<PathBuf> {
    let files = input_list(files.to_vec());
    hint_stdin(reads_stdin(&files));
    files
}

/// The input files as named: standard input (`-`) when none is.
pub(crate) fn input_list(files: Vec<PathBuf>) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files
    }
}

/// When standard input is read (`reads`: it is among the inputs, see [`reads_stdin`]) and is
/// a terminal, say so on standard error (see [`input_files`]).
pub(crate) fn hint_stdin(reads: bool) {
    if reads && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        stderr_line!(
            "factop: reading an article from standard input (end it with Ctrl-D); \
             name a file to read it instead"
        );
    }
}

/// Fail if standard input (`-`) is named more than once, or if a named input file (not `-`)
/// is missing, unreadable as a file or a folder, naming it: checked before any output, so a
/// run either fails at once or reads every file.
pub(crate) fn check_inputs(files: &[PathBuf]) -> Result<(), factop::Error> {
    list_inputs(files).map(|_| ())
}

/// [`check_inputs`], returning the size of each input that the check found to be a regular
/// file (`None` for standard input and other special files), so that it is not asked again.
pub(crate) fn list_inputs(files: &[PathBuf]) -> Result<Vec<Option<u64>>, factop::Error> {
    factop::dataset::stdin_at_most_once(files, "FILE")?;
    files.iter().map(|f| input_size(f)).collect()
}

/// One input's part of [`list_inputs`]: its size if it is a regular file, `None` for standard
/// input (`-`) and other special files, an error naming it if it is missing or a folder.
pub(crate) fn input_size(f: &Path) -> Result<Option<u64>, factop::Error> {
    if f.as_os_str() == "-" {
        return Ok(None);
    }
    match std::fs::metadata(f) {
        Err(e) => Err(factop::Error::read(f, e)),
        Ok(m) if m.is_dir() => Err(factop::Error::read(
            f,
            std::io::ErrorKind::IsADirectory.into(),
        )),
        Ok(m) => Ok(m.is_file().then_some(m.len())),
    }
}

/// Warn about named inputs whose extension says they are not an article's plain text: each
/// file is read as the text of one article, so a table's header, delimiters and quotes, or a
/// JSON file's syntax, would be scored as sentences. `classify`: the command is `classify`
/// with text input, whose --input-format jsonl and --model a JSON file may have been meant for.
pub(crate) fn warn_not_articles(files: &[PathBuf], classify: bool) {
    for f in files {
        if let Some(w) = not_article_warning(f, classify) {
            stderr_line!("{w}");
        }
    }
}

/// [`warn_not_articles`]'s warning about one file, if it has one.
pub(crate) fn not_article_warning(f: &Path, classify: bool) -> Option<String> {
    // The extensions looked for are ASCII, and no other char lower-cases to one of their
    // letters: compared without building a lower-case copy of every file's extension.
    let ext = f.extension()?.as_encoded_bytes();
    let is = |e: &str| ext.eq_ignore_ascii_case(e.as_bytes());
    let hint = if is("csv") || is("tsv") {
        format!(
            "labelled rows are scored by `factop evaluate --data {}`; to classify each row as an article, give the rows as JSON lines with --input-format jsonl",
            f.display()
        )
    } else if (is("jsonl") || is("ndjson")) && classify {
        "for one article per line ({\"id\": ..., \"text\": ...}) add --input-format jsonl".into()
    } else if is("json") && classify {
        "to use a model file, give it with --model".into()
    } else {
        return None;
    };
    let ext = String::from_utf8_lossy(ext).to_lowercase();
    Some(format!(
        "factop: warning: {}: a .{ext} file is read as the plain text of one article; {hint}",
        f.display()
    ))
}

/// Whether `-` (standard input) is among the inputs.
pub(crate) fn reads_stdin(files: &[PathBuf]) -> bool {
    files.iter().any(|f| f.as_os_str() == "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_means_standard_input() {
        assert_eq!(input_files(&[]), [PathBuf::from("-")]);
        assert!(reads_stdin(&input_files(&[])));
        let named = [PathBuf::from("a.txt"), PathBuf::from("b.txt")];
        assert_eq!(input_files(&named), named);
        assert!(!reads_stdin(&named));
        assert!(reads_stdin(&[PathBuf::from("a.txt"), PathBuf::from("-")]));
    }

    #[test]
    fn numbers_say_what_they_must_be() {
        assert_eq!(parse_count::<u64>("42"), Ok(42));
        for bad in ["-5", "1.5", "x", "1e3"] {
            let e = parse_count::<u64>(bad).unwrap_err();
            assert_eq!(
                e,
                format!("`{bad}` is not a non-negative integer (0, 1, 2, ...)")
            );
        }
        assert!(parse_count::<u8>("300").unwrap_err().contains("too large"));
        assert!(parse_count::<usize>("").unwrap_err().starts_with("empty"));
        assert_eq!(parse_real::<f64>("1e-4"), Ok(1e-4));
        assert!(parse_real::<f32>("x").unwrap_err().contains("not a number"));
        assert_eq!(parse_threads("8"), Ok(8));
        for bad in ["0", "-1", "x", "2000"] {
            assert!(
                parse_threads(bad).unwrap_err().contains("1 to 1024"),
                "{bad}"
            );
        }
    }
}
