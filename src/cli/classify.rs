//! `factop classify`: score every sentence of one or more articles.

use anyhow::Result;
use factop::features::Context;
use factop::report::rows::{render, ChunkWriter};
use factop::report::{Format, Writer};
use factop::segment::Sentence;
use factop::stream::{Block, Blocks, Piece};
use factop::{classify, persist, pipeline, segment};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};

/// How the input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each file is one article (plain UTF-8 text).
    Text,
    /// Each line is one article, `{"id": ..., "text": "..."}`; rows carry the `id`.
    Jsonl,
}

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
    #[arg(long, short = 'f', value_enum, ignore_case = true)]
    format: Option<Format>,
    /// Decision threshold on P(opinion) (default: the model's).
    #[arg(allow_negative_numbers = true, long, value_parser = super::parse_probability)]
    threshold: Option<f64>,
    /// Add each sentence's top contributing features (an `explanation` field in jsonl/json).
    #[arg(long)]
    explain: bool,
    /// Features listed per sentence with --explain and in the html page.
    #[arg(
        allow_negative_numbers = true,
        long,
        short = 'k',
        value_name = "K",
        default_value_t = 5,
        value_parser = super::parse_count::<usize>
    )]
    top: usize,
    /// Input format: `text` (one article per file) or `jsonl` (one `{"id": ..., "text": ...}`
    /// article per line; every output row gets the article's `id` after `doc`).
    #[arg(long, value_enum, ignore_case = true, default_value_t = InputFormat::Text)]
    input_format: InputFormat,
    /// Worker threads, 1 to 1024 (default: the available cores). The output is the same for
    /// any number.
    #[arg(allow_negative_numbers = true, long, short = 'j', value_name = "N", value_parser = super::parse_threads)]
    threads: Option<u16>,
}

/// Open a document for streaming: a file, or standard input for `-`.
pub fn open(path: &Path) -> Result<Blocks<Box<dyn Read + Send>>> {
    open_expecting(path, None)
}

/// [`open`] a document, a file listed with `len` bytes when given (see
/// [`Blocks::with_len_hint`]).
fn open_expecting(path: &Path, len: Option<u64>) -> Result<TextBlocks> {
    let reader: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(NotUtf16::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| factop::Error::read(path, e))?;
        Box::new(NotUtf16::new(file))
    };
    Ok(match len {
        Some(len) => Blocks::with_len_hint(reader, len),
        None => Blocks::new(reader),
    })
}

/// A document's name in the output and in messages: its path as given.
fn doc_name(path: &Path) -> Arc<str> {
    // A path in UTF-8 displays as itself: no formatting machinery per file.
    match path.to_str() {
        Some(s) => s.into(),
        None => path.display().to_string().into(),
    }
}

/// A reader that fails on UTF-16 text: text that opens with a UTF-16 byte-order mark (as
/// Windows Notepad's "Unicode" saves it), or whose first [`UTF16_WINDOW`] bytes (all of them
/// in a shorter text) have a NUL byte in every other place, as UTF-16 without a mark has for
/// the letters of Latin script. Decoded as UTF-8 it is one sentence of NUL-spaced letters,
/// scored and labelled without a word of warning. It looks at the first bytes as they arrive
/// (a pipe may deliver them one read apart): no extra system call.
struct NotUtf16<R> {
    inner: R,
    /// How many of the first [`UTF16_WINDOW`] bytes were seen (then one more: decided).
    seen: usize,
    head: [u8; UTF16_WINDOW],
}

/// How many bytes of a text [`NotUtf16`] looks at for NULs.
const UTF16_WINDOW: usize = factop::stream::UTF16_WINDOW;

impl<R> NotUtf16<R> {
    fn new(inner: R) -> Self {
        NotUtf16 {
            inner,
            seen: 0,
            head: [0; UTF16_WINDOW],
        }
    }

    /// Refuse the text if its first `head_len` bytes read as UTF-16 without a mark; either
    /// way the check is done.
    fn check_head(&mut self, head_len: usize) -> std::io::Result<()> {
        self.seen = UTF16_WINDOW + 1;
        match factop::stream::utf_without_mark(&self.head[..head_len]) {
            Some(code) => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                without_mark(code, "its start"),
            )),
            None => Ok(()),
        }
    }
}

impl<R: Read> Read for NotUtf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.seen > UTF16_WINDOW || buf.is_empty() {
            return Ok(n);
        }
        if n == 0 {
            // The end of a text shorter than the window (and perhaps than a UTF-32 mark).
            if self.seen < MARK_BYTES {
                mark_check(&self.head[..self.seen])?;
            }
            self.check_head(self.seen)?;
            return Ok(0);
        }
        let take = n.min(UTF16_WINDOW - self.seen);
        self.head[self.seen..self.seen + take].copy_from_slice(&buf[..take]);
        let before = self.seen;
        self.seen += take;
        // Decided on 4 bytes: the UTF-32LE mark `FF FE 00 00` opens with the UTF-16LE one.
        if before < MARK_BYTES && self.seen >= MARK_BYTES {
            mark_check(&self.head[..MARK_BYTES])?;
        }
        if self.seen == UTF16_WINDOW {
            self.check_head(UTF16_WINDOW)?;
        }
        Ok(n)
    }
}

/// Why a text that is `code` (`UTF-16LE`, …) without a byte-order mark is refused, `place`
/// (`its start`, `line 3`) being where its NUL bytes show it.
fn without_mark(code: &str, place: &str) -> String {
    format!(
        "is {} text (it has no byte-order mark, but {}); factop reads UTF-8: save it as UTF-8 (e.g. iconv -f {code} -t UTF-8)",
        &code[..6],
        factop::stream::nul_evidence(code, place)
    )
}

/// How many bytes of a text a byte-order mark is told from (UTF-32 from UTF-16).
const MARK_BYTES: usize = factop::stream::MARK_BYTES;

/// Refuse a text whose start `head` is a UTF-16 or UTF-32 byte-order mark (as Windows
/// Notepad's "Unicode" saves UTF-16).
fn mark_check(head: &[u8]) -> std::io::Result<()> {
    match factop::stream::unicode_mark(head) {
        Some(code) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "is {code} text (it opens with a {code} byte-order mark); factop reads UTF-8: save it as UTF-8 (e.g. iconv -f {code} -t UTF-8)"
            ),
        )),
        None => Ok(()),
    }
}

/// The next block of `path`, naming the file on a read error.
pub fn next_block<'a>(
    blocks: &'a mut Blocks<Box<dyn Read + Send>>,
    path: &Path,
) -> Result<Option<Block<'a>>> {
    blocks.next_block().map_err(|e| read_error(path, e))
}

/// How messages name an input: `-` is standard input.
fn input_name(path: &Path) -> &Path {
    if path.as_os_str() == "-" {
        Path::new(factop::error::STDIN)
    } else {
        path
    }
}

/// A read error of `path` (or standard input), naming it.
fn read_error(path: &Path, e: std::io::Error) -> anyhow::Error {
    factop::Error::read(input_name(path), e).into()
}

/// Warn about what streaming `doc` had to repair: invalid UTF-8, over-long sentences.
pub fn warn_repairs<R: Read>(doc: &str, blocks: &Blocks<R>) {
    warn(doc, blocks.replaced(), blocks.capped());
}

/// Warn about `replaced` invalid UTF-8 sequences and `capped` over-long sentences in `doc`.
fn warn(doc: &str, replaced: usize, capped: usize) {
    let doc = input_name(Path::new(doc)).display();
    if replaced > 0 {
        stderr_line!(
            "factop: warning: {doc}: {replaced} invalid UTF-8 sequence(s) replaced with U+FFFD; offsets refer to the decoded text"
        );
    }
    if capped > 0 {
        stderr_line!(
            "factop: warning: {doc}: {capped} sentence(s) cut at the {}-byte length cap (no sentence boundary found)",
            segment::MAX_SENTENCE_BYTES
        );
    }
}

/// Warn that the article `doc` holds no sentences (an empty or white-space-only file): it
/// gets no rows, which is easy to miss among many files.
pub fn warn_no_sentences(doc: &str) {
    let doc = input_name(Path::new(doc)).display();
    stderr_line!("factop: warning: {doc}: no sentences");
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
pub fn run(mut args: Args) -> Result<()> {
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let files = super::input_list(std::mem::take(&mut args.files));
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    // Text files scored on several threads (the usual run, perhaps over thousands of files):
    // the inputs' check runs on a thread of its own from here on, while the model loads and
    // the first files are scored; nothing is written before it has passed (see `Check`).
    let streamed =
        args.input_format == InputFormat::Text && !args.explain && format != Format::Html;
    let reads_stdin = super::reads_stdin(&files);
    let (files, check) = if streamed && threads > 1 {
        (Vec::new(), Some(Check::spawn(files)))
    } else {
        (files, None)
    };
    // Never freed: the process ends after this command, and freeing the model's many small
    // allocations one by one costs ~7M instructions (~10% of classifying one sentence).
    let model = std::mem::ManuallyDrop::new(persist::load_or_default(args.model.as_deref())?);
    super::hint_stdin(reads_stdin);
    if let Some((check, listed)) = check {
        let inputs = Inputs::Checking(check, listed);
        return run_parallel(&model, &args, threads, inputs, format);
    }
    if args.input_format == InputFormat::Jsonl && (format == Format::Html || args.explain) {
        return Err(factop::Error::Param {
            name: "--input-format",
            msg: "jsonl input works with the text, jsonl, json and csv formats, without --explain"
                .into(),
        }
        .into());
    }
    if args.explain && format == Format::Csv {
        return Err(factop::Error::Param {
            name: "--explain",
            msg: "works with the text, jsonl, json and html formats, not csv".into(),
        }
        .into());
    }
    // Every named file is there before anything is written: a typo in the last of many files
    // fails at once, not after the others' rows (a `json` array cut short).
    // The reader takes the sizes of regular files from this check instead of asking again.
    let sizes = super::list_inputs(&files)?;
    if args.input_format == InputFormat::Text {
        super::warn_not_articles(&files, true);
    }
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
            if rows.is_empty() {
                warn_no_sentences(&doc);
            }
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
    if !args.explain {
        let inputs = match args.input_format {
            InputFormat::Jsonl => Inputs::Jsonl(files),
            InputFormat::Text => Inputs::Listed(files, sizes),
        };
        return run_parallel(&model, &args, threads, inputs, format);
    }
    let mut w = Writer::new(std::io::BufWriter::new(stdout.lock()), format)?;
    let pb = super::progress::batch(files.len(), "classifying");
    for path in &files {
        pb.inc(1);
        // Streamed block by block: memory stays flat whatever the article's size.
        let mut blocks = open(path)?;
        let doc = path.display().to_string();
        w.begin(&doc)?;
        let mut sentences = 0;
        while let Some(b) = next_block(&mut blocks, path)? {
            sentences += b.sentences.len();
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
                        let ctx = Context::of(s);
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
        if sentences == 0 {
            warn_no_sentences(&doc);
        }
    }
    pb.finish_and_clear();
    w.finish()?;
    std::io::stdout().flush()?;
    Ok(())
}

/// A piece of an article to score on a worker thread: a streamed block of a text file
/// (segmented by the reader when the file goes on after it), or the rest of a text file or a
/// whole article from a JSONL line (segmented by the worker).
struct Chunk {
    doc: Arc<str>,
    id: Option<Arc<serde_json::Value>>,
    text: String,
    /// Offset of `text` in the article, and its sentences (`None`: segment `text` whole, its
    /// first sentence having index `index`).
    offset: usize,
    index: usize,
    /// What the segmenter carries into `text` from the chunks before it (when `sentences` is
    /// `None`).
    carry: segment::Carry,
    sentences: Option<Vec<Sentence>>,
    /// First and last chunk of its article (the text format's header and summary).
    first: bool,
    last: bool,
    /// On the last chunk of a text file: what the reader repaired (invalid UTF-8 sequences,
    /// capped sentences in the blocks it segmented).
    repairs: (usize, usize),
    /// A JSONL line not decoded yet, and its line number: the worker decodes it into `id` and
    /// `text`, so the reader thread only splits lines.
    jsonl: Option<(Vec<u8>, usize)>,
    /// A small regular file (its path and size when listed) for the worker to open, read and
    /// score whole, so reading files runs on all cores (see [`WORKER_FILE_BYTES`]).
    file: Option<(PathBuf, u64)>,
}

impl Chunk {
    /// A text chunk of `doc` with no id, not a JSONL line, not a file to read.
    fn text(doc: Arc<str>, text: String, offset: usize, index: usize) -> Chunk {
        Chunk {
            doc,
            id: None,
            text,
            offset,
            index,
            carry: segment::Carry::default(),
            sentences: None,
            first: false,
            last: false,
            repairs: (0, 0),
            jsonl: None,
            file: None,
        }
    }

    /// About how many bytes of text the chunk holds (to size batches).
    fn weight(&self) -> usize {
        let pending = match (&self.jsonl, &self.file) {
            (Some((line, _)), _) => line.len(),
            (_, Some((_, len))) => usize::try_from(*len).unwrap_or(usize::MAX),
            _ => 0,
        };
        self.text.len().saturating_add(pending).saturating_add(64)
    }

    /// Decode a JSONL line into `id` and `text` (a no-op for text chunks).
    fn decode(&mut self) -> Result<()> {
        let Some((line, line_no)) = self.jsonl.take() else {
            return Ok(());
        };
        // serde reads a struct from a JSON array too: `["a", "b"]` was the article `b` with
        // the id `a`, without a word.
        let opens = line.iter().find(|b| !b.is_ascii_whitespace());
        // The line break is not part of the JSON: serde placed an error in it on `line 2
        // column 0`, beside the `line N` of the file.
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        let parsed = if opens == Some(&b'{') {
            serde_json::from_slice::<JsonlLine>(body).map_err(|e| jsonl_error(&e))
        } else if line.starts_with(b"\xEF\xBB\xBF") {
            Err("the line is not a JSON object: it opens with a UTF-8 byte-order mark, as files joined with `cat` have at each file's start; remove the marks after the first line".to_string())
        } else {
            Err("the line is not a JSON object".to_string())
        };
        match parsed {
            Ok(a) => {
                self.id = Some(Arc::new(a.id));
                self.text = a.text;
                Ok(())
            }
            Err(e) => {
                let name = input_name(Path::new(&*self.doc)).display();
                // A UTF-16 file of one short line ends before the reader has seen the 64
                // bytes it checks: its line (NUL-spaced JSON) is said to be UTF-16 here.
                let head = &line[..line.len().min(factop::stream::UTF16_WINDOW)];
                if let Some(code) = factop::stream::utf_without_mark(head) {
                    let why = without_mark(code, &format!("line {line_no}"));
                    return Err(anyhow::anyhow!("{name}: {why}"));
                }
                Err(anyhow::anyhow!(
                    "{name}: line {line_no}: expected one JSON object {{\"id\": ..., \"text\": \"...\"}} per line ({e})"
                ))
            }
        }
    }
}

/// What is wrong with a JSONL line that does not parse, placed by its column (serde's `at
/// line 1 column N` counts within the line, not the file), with the likely cause where the
/// line ends before the JSON does: an object spread over several lines (pretty-printed JSON,
/// which read `EOF while parsing an object` on line 1), or a string not closed on its line (a
/// missing quotation mark, or a raw line break in a text, which read `control character
/// found`, `at line 2 column 0`).
fn jsonl_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(msg, _)| msg);
    let at = format!("{msg} at column {}", e.column());
    match e.classify() {
        serde_json::error::Category::Eof if msg.contains("string") => format!(
            "{at}: the line ends inside a string: a quotation mark not closed, or a text broken over two lines (a line break in a text is written \\n)"
        ),
        serde_json::error::Category::Eof => format!(
            "{at}: the line ends before its object closes: each object must be on one line (JSONL, not JSON spread over several lines)"
        ),
        _ => at,
    }
}

/// The scored, rendered chunk.
struct Rendered {
    doc: Arc<str>,
    id: Option<Arc<serde_json::Value>>,
    bytes: Vec<u8>,
    sentences: usize,
    opinions: usize,
    first: bool,
    last: bool,
    /// Invalid UTF-8 sequences replaced and sentences capped (see [`Chunk::repairs`]).
    repairs: (usize, usize),
    /// A file read on a worker that turned out longer than [`WORKER_FILE_BYTES`] (it grew
    /// after it was listed, or invalid UTF-8 made its decoded text longer): `bytes` holds its
    /// first blocks, and the writer streams the rest in order, so memory stays bounded.
    rest: Option<Box<(PathBuf, TextBlocks)>>,
    /// The line of a JSONL article (0 for text files), to name it in a warning.
    line: usize,
}

type TextBlocks = Blocks<Box<dyn Read + Send>>;

/// Regular files up to this size are opened, read and scored on a worker thread as one job
/// (reading thousands of small files is then spread over all cores); larger files, standard
/// input and other special files are streamed block by block by the reader thread, each block
/// a job of its own.
const WORKER_FILE_BYTES: u64 = factop::stream::BLOCK_BYTES as u64;

/// Rows of a block (or of a whole article), rendered, with their count and the opinions among
/// them.
fn render_rows(
    model: &factop::model::Model,
    format: Format,
    id: Option<&serde_json::Value>,
    doc: &str,
    (text, offset, sentences): (&str, usize, &[Sentence]),
    threshold: Option<f64>,
) -> Result<(Vec<u8>, usize, usize)> {
    let rows = classify::score_sentences(model, doc, text, offset, sentences, threshold);
    let opinions = rows
        .iter()
        .filter(|r| r.label == factop::dataset::Label::Opinion)
        .count();
    Ok((render(format, id, &rows)?, rows.len(), opinions))
}

/// Text bytes per job: small articles travel to the workers in batches, so the cost of
/// handing over a job stays small next to the work in it.
const BATCH_BYTES: usize = 64 << 10;

/// Groups chunks into jobs of about [`BATCH_BYTES`]; an error ends the batch before it and
/// comes as the next item, so everything read before it is still written.
struct Batches<I> {
    chunks: I,
    error: Option<anyhow::Error>,
}

impl<I: Iterator<Item = Result<Chunk>>> Iterator for Batches<I> {
    type Item = Result<Vec<Chunk>>;

    fn next(&mut self) -> Option<Result<Vec<Chunk>>> {
        if let Some(e) = self.error.take() {
            return Some(Err(e));
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        while bytes < BATCH_BYTES {
            match self.chunks.next() {
                Some(Ok(c)) => {
                    bytes += c.weight();
                    batch.push(c);
                }
                Some(Err(e)) if batch.is_empty() => return Some(Err(e)),
                Some(Err(e)) => {
                    self.error = Some(e);
                    break;
                }
                None => break,
            }
        }
        (!batch.is_empty()).then_some(Ok(batch))
    }
}

/// What [`run_parallel`] scores: text files under the inputs' check, text files checked
/// before (with their sizes then), or JSONL files (checked before).
enum Inputs {
    Checking(Check, Listed),
    Listed(Vec<PathBuf>, Vec<Option<u64>>),
    Jsonl(Vec<PathBuf>),
}

/// The named text files with their sizes (see [`super::input_size`]) as [`Check`] finds them,
/// in order, in runs of up to [`CHECK_RUN`].
type Listed = mpsc::Receiver<Vec<(PathBuf, Option<u64>)>>;

/// Files per message from the check to the reader thread, which keeps up with the check: one
/// message per file would wake it once per file.
const CHECK_RUN: usize = 64;

/// The inputs' check of text files to score ([`super::list_inputs`], and the warnings about
/// files that are not articles' plain text), on a thread of its own. Every named file must be
/// there before anything is written (a typo in the last of many files fails at once, not
/// after the others' rows), but checking thousands of files (a `stat` each: 10-36 ms for the
/// bench's 8955 files, with one core idle) need not delay the first score: the thread starts
/// before the model loads and hands the files with their sizes to the reader as it goes, and
/// the writer waits for its verdict before it writes anything or prints a warning. With one
/// worker thread (`-j 1`, or one core) there is no core to spare: the check runs first, on the
/// main thread, as it did.
struct Check {
    /// How many files were named.
    count: usize,
    /// The warnings to print once the check has passed, or its first error; `None` once
    /// awaited.
    verdict: Option<std::thread::JoinHandle<Result<Vec<String>, factop::Error>>>,
}

impl Check {
    /// Start checking `files`.
    fn spawn(files: Vec<PathBuf>) -> (Check, Listed) {
        let count = files.len();
        let (tx, listed) = mpsc::channel();
        let verdict = std::thread::spawn(move || {
            factop::dataset::stdin_at_most_once(&files, "FILE")?;
            let mut warnings = Vec::new();
            let mut run = Vec::with_capacity(CHECK_RUN);
            for f in files {
                let size = super::input_size(&f)?;
                warnings.extend(super::not_article_warning(&f, true));
                run.push((f, size));
                if run.len() == CHECK_RUN {
                    // The reader may have stopped on an error of its own: the check goes on,
                    // as its error comes first.
                    let _ = tx.send(std::mem::replace(&mut run, Vec::with_capacity(CHECK_RUN)));
                }
            }
            let _ = tx.send(run);
            Ok(warnings)
        });
        (
            Check {
                count,
                verdict: Some(verdict),
            },
            listed,
        )
    }

    /// Wait for the check (the first time): its error, or its warnings printed.
    fn wait(&mut self) -> Result<()> {
        let Some(verdict) = self.verdict.take() else {
            return Ok(());
        };
        let warnings = verdict
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        for w in warnings {
            stderr_line!("{w}");
        }
        Ok(())
    }
}

/// Score chunks on all cores (or `--threads`) and write them in input order: the output is
/// byte for byte that of one thread.
fn run_parallel(
    model: &factop::model::Model,
    args: &Args,
    threads: usize,
    inputs: Inputs,
    format: Format,
) -> Result<()> {
    type Chunks = Box<dyn Iterator<Item = Result<Chunk>> + Send>;
    let jsonl = matches!(inputs, Inputs::Jsonl(_));
    let (chunks, count, mut check): (Chunks, _, _) = match inputs {
        Inputs::Jsonl(files) => (Box::new(JsonlArticles::new(files)), 0, None),
        Inputs::Listed(files, sizes) => {
            let n = files.len();
            let listed = Box::new(files.into_iter().zip(sizes));
            (Box::new(TextChunks::new(listed)), n, None)
        }
        Inputs::Checking(check, listed) => (
            Box::new(TextChunks::new(Box::new(listed.into_iter().flatten()))),
            check.count,
            Some(check),
        ),
    };
    let pb = super::progress::batch(count, "classifying");
    // A hidden bar still takes ~400 instructions a step (thousands of files, on the writer).
    let progress = !pb.is_hidden();
    let stdout = std::io::stdout();
    let new_writer = || ChunkWriter::new(std::io::BufWriter::new(stdout.lock()), format, jsonl);
    // Under the check, the writer starts (a csv header, json's `[`) once it has passed.
    let mut w = if check.is_none() {
        Some(new_writer()?)
    } else {
        None
    };
    let threshold = args.threshold;
    let score = |mut c: Chunk| -> Result<Rendered> {
        if let Some((path, len)) = c.file.take() {
            return score_file(model, format, (path, len), c.doc, threshold);
        }
        let line = c.jsonl.as_ref().map_or(0, |(_, n)| *n);
        c.decode()?;
        // Sentences this worker segments were not counted by the reader.
        let (sentences, capped) = match c.sentences {
            Some(s) => (s, 0),
            None => {
                let s = factop::stream::segment_rest(&c.text, c.offset, c.index, c.carry);
                let capped = segment::capped_count(&s);
                (s, capped)
            }
        };
        let (bytes, n, opinions) = render_rows(
            model,
            format,
            c.id.as_deref(),
            &c.doc,
            (&c.text, c.offset, &sentences),
            threshold,
        )?;
        Ok(Rendered {
            sentences: n,
            opinions,
            doc: c.doc,
            id: c.id,
            bytes,
            first: c.first,
            last: c.last,
            repairs: (c.repairs.0, c.repairs.1 + capped),
            rest: None,
            line,
        })
    };
    // Repairs and sentences of the current document, summed over its chunks.
    let mut repairs = (0, 0);
    let mut sentences = 0;
    let done = pipeline::ordered_map(
        threads,
        Batches {
            chunks,
            error: None,
        },
        // A failing chunk (a bad JSONL line) ends its batch: the chunks before it are still
        // written, then the error stops the run, as a sequential loop would.
        |batch: Vec<Chunk>| -> Result<(Vec<Rendered>, Option<anyhow::Error>)> {
            let mut done = Vec::with_capacity(batch.len());
            for c in batch {
                match score(c) {
                    Ok(r) => done.push(r),
                    Err(e) => return Ok((done, Some(e))),
                }
            }
            Ok((done, None))
        },
        |(batch, error): (Vec<Rendered>, Option<anyhow::Error>)| {
            let w = match &mut w {
                Some(w) => w,
                None => {
                    if let Some(c) = &mut check {
                        c.wait()?;
                    }
                    w.insert(new_writer()?)
                }
            };
            for r in batch {
                if r.first {
                    match &r.id {
                        // Only the text format shows the name (no string built per article
                        // for the other formats).
                        Some(id) if format == Format::Text => {
                            w.begin(&format!("{} {}", r.doc, factop::report::rows::id_text(id)))?
                        }
                        _ => w.begin(&r.doc)?,
                    }
                }
                w.chunk(&r.bytes, r.sentences, r.opinions)?;
                sentences += r.sentences;
                repairs.0 += r.repairs.0;
                repairs.1 += r.repairs.1;
                let mut last = r.last;
                if let Some(rest) = r.rest {
                    // Rare (see `Rendered::rest`): the rest of the file, streamed here.
                    let (path, mut blocks) = *rest;
                    while let Some(b) = next_block(&mut blocks, &path)? {
                        let (bytes, n, opinions) = render_rows(
                            model,
                            format,
                            None,
                            &r.doc,
                            (b.text, b.offset, &b.sentences),
                            threshold,
                        )?;
                        w.chunk(&bytes, n, opinions)?;
                        sentences += n;
                    }
                    repairs.0 += blocks.replaced();
                    repairs.1 += blocks.capped();
                    last = true;
                }
                if last {
                    w.end()?;
                    if !jsonl {
                        warn(&r.doc, repairs.0, repairs.1);
                        if sentences == 0 {
                            warn_no_sentences(&r.doc);
                        }
                        if progress {
                            pb.inc(1);
                        }
                    } else if sentences == 0 {
                        let doc = input_name(Path::new(&*r.doc)).display();
                        stderr_line!("factop: warning: {doc}: line {}: no sentences", r.line);
                    }
                    repairs = (0, 0);
                    sentences = 0;
                }
            }
            error.map_or(Ok(()), Err)
        },
    );
    // The check's error comes first (it came before everything when the check ran first);
    // an error before the first result was written still finds the writer started.
    if let Some(c) = &mut check {
        c.wait()?;
    }
    let w = match w {
        Some(w) => w,
        None => new_writer()?,
    };
    done?;
    pb.finish_and_clear();
    w.finish()?;
    Ok(())
}

/// Open, read and score a whole small file on a worker (see [`WORKER_FILE_BYTES`]): the
/// rows, warnings and errors (naming the file) are those of streaming it on the reader.
fn score_file(
    model: &factop::model::Model,
    format: Format,
    (path, len): (PathBuf, u64),
    doc: Arc<str>,
    threshold: Option<f64>,
) -> Result<Rendered> {
    let mut blocks = open_expecting(&path, Some(len))?;
    let mut r = Rendered {
        doc,
        id: None,
        bytes: Vec::new(),
        sentences: 0,
        opinions: 0,
        first: true,
        last: true,
        repairs: (0, 0),
        rest: None,
        line: 0,
    };
    let mut long = false;
    while let Some(b) = next_block(&mut blocks, &path)? {
        let (bytes, n, opinions) = render_rows(
            model,
            format,
            None,
            &r.doc,
            (b.text, b.offset, &b.sentences),
            threshold,
        )?;
        // Blocks of one document joined as the writer would join them.
        if r.bytes.is_empty() {
            // The first block (most files have one): its rows as they are, not a copy.
            r.bytes = bytes;
        } else {
            if format == Format::Json && !bytes.is_empty() {
                r.bytes.push(b',');
            }
            r.bytes.extend_from_slice(&bytes);
        }
        r.sentences += n;
        r.opinions += opinions;
        if b.offset + b.text.len() >= factop::stream::BLOCK_BYTES {
            long = true;
            break;
        }
    }
    if long {
        r.last = false;
        r.rest = Some(Box::new((path, blocks)));
    } else {
        r.repairs = (blocks.replaced(), blocks.capped());
    }
    Ok(r)
}

type OpenText = (PathBuf, Arc<str>, TextBlocks, bool);
type OpenJsonl = (PathBuf, Arc<str>, Box<dyn BufRead + Send>, usize);

/// The blocks of text files, streamed (see [`Blocks`]), as owned chunks.
struct TextChunks {
    /// The files, each with its size when the inputs were checked, if it was a regular file
    /// then.
    files: Box<dyn Iterator<Item = (PathBuf, Option<u64>)> + Send>,
    /// The open file: path, name, its blocks, whether no block was sent yet.
    current: Option<OpenText>,
}

impl TextChunks {
    fn new(files: Box<dyn Iterator<Item = (PathBuf, Option<u64>)> + Send>) -> Self {
        TextChunks {
            files,
            current: None,
        }
    }
}

impl Iterator for TextChunks {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        loop {
            let Some((path, doc, blocks, first)) = &mut self.current else {
                let (path, size) = self.files.next()?;
                let doc = doc_name(&path);
                // A small regular file (as the inputs' check found it: no second `stat`) is
                // read on a worker, which reports it missing if it went since; anything else
                // is streamed from this thread.
                if let Some(len) = size.filter(|&n| n <= WORKER_FILE_BYTES) {
                    return Some(Ok(Chunk {
                        first: true,
                        last: true,
                        file: Some((path, len)),
                        ..Chunk::text(doc, String::new(), 0, 0)
                    }));
                }
                let blocks = match open(&path) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                self.current = Some((path, doc, blocks, true));
                continue;
            };
            // The rest of a file that fits in one block (a whole small file) is segmented by
            // the worker, not here: the reader stays light.
            let piece = match blocks.next_piece_deferred() {
                Ok(p) => p.map(|p| match p {
                    Piece::Block(b) => (
                        b.text.to_string(),
                        b.offset,
                        0,
                        segment::Carry::default(),
                        Some(b.sentences),
                    ),
                    Piece::Rest {
                        offset,
                        index,
                        carry,
                        text,
                    } => (text.to_string(), offset, index, carry, None),
                }),
                Err(e) => return Some(Err(read_error(path, e))),
            };
            let is_first = std::mem::replace(first, false);
            let doc = doc.clone();
            // Look ahead: is this the document's last block?
            let Some((text, offset, index, carry, sentences)) = piece else {
                let repairs = (blocks.replaced(), blocks.capped());
                self.current = None;
                // An empty closing chunk: for an empty document (is_first) it carries the
                // header and summary; otherwise it closes the previous, last block.
                return Some(Ok(Chunk {
                    sentences: Some(Vec::new()),
                    first: is_first,
                    last: true,
                    repairs,
                    ..Chunk::text(doc, String::new(), 0, 0)
                }));
            };
            return Some(Ok(Chunk {
                sentences,
                carry,
                first: is_first,
                ..Chunk::text(doc, text, offset, index)
            }));
        }
    }
}

/// The articles of JSONL files, one per non-blank line, read lazily.
struct JsonlArticles {
    files: std::vec::IntoIter<PathBuf>,
    /// The open file: path, name, reader, line number.
    current: Option<OpenJsonl>,
    line: Vec<u8>,
    /// Whether the open file has had an article (a non-blank line).
    articles: bool,
}

impl JsonlArticles {
    fn new(files: Vec<PathBuf>) -> Self {
        JsonlArticles {
            files: files.into_iter(),
            current: None,
            line: Vec::new(),
            articles: false,
        }
    }
}

#[derive(serde::Deserialize)]
struct JsonlLine {
    id: serde_json::Value,
    text: String,
}

impl Iterator for JsonlArticles {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        loop {
            let Some((path, doc, reader, line_no)) = &mut self.current else {
                let path = self.files.next()?;
                let reader: Box<dyn BufRead + Send> = if path.as_os_str() == "-" {
                    Box::new(std::io::BufReader::new(NotUtf16::new(std::io::stdin())))
                } else {
                    match std::fs::File::open(&path) {
                        Ok(f) => {
                            Box::new(std::io::BufReader::with_capacity(1 << 16, NotUtf16::new(f)))
                        }
                        Err(e) => return Some(Err(factop::Error::read(&path, e).into())),
                    }
                };
                let doc = doc_name(&path);
                self.current = Some((path, doc, reader, 0));
                self.articles = false;
                continue;
            };
            self.line.clear();
            match reader.read_until(b'\n', &mut self.line) {
                Ok(0) => {
                    // An empty file (or one of blank lines) wrote nothing and said nothing,
                    // where an empty article is warned about.
                    if !self.articles {
                        let name = input_name(path).display();
                        stderr_line!("factop: warning: {name}: no articles (no JSON lines)");
                    }
                    self.current = None;
                    continue;
                }
                Ok(_) => *line_no += 1,
                Err(e) => return Some(Err(read_error(path, e))),
            }
            if *line_no == 1 && self.line.starts_with(b"\xEF\xBB\xBF") {
                // A byte-order mark, as some editors save UTF-8: not part of the JSON.
                self.line.drain(..3);
            }
            if self.line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.articles = true;
            return Some(Ok(Chunk {
                first: true,
                last: true,
                jsonl: Some((std::mem::take(&mut self.line), *line_no)),
                ..Chunk::text(doc.clone(), String::new(), 0, 0)
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte per read, as a slow pipe may.
    struct ByteByByte<'a>(&'a [u8]);

    impl Read for ByteByByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn read_all(r: impl Read) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        NotUtf16::new(r).read_to_end(&mut out)?;
        Ok(out)
    }

    /// The reader hands a small file to a worker on the size the inputs' check found: a file
    /// that went since fails naming it, as opening it on the reader did, and one that changed
    /// is scored as it is now.
    #[test]
    fn files_are_read_as_they_are_when_scored_not_as_listed() {
        let model = persist::default_model().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (gone, grew) = (dir.path().join("gone.txt"), dir.path().join("grew.txt"));
        let text = "The council met on Monday. It is a disgrace, she said.\n";
        std::fs::write(&grew, text.repeat(20)).unwrap();
        let listed = [(gone.clone(), Some(5)), (grew.clone(), Some(5))];
        let mut chunks = TextChunks::new(Box::new(listed.into_iter()));
        let mut scored = Vec::new();
        for c in chunks.by_ref() {
            let (path, len) = c.unwrap().file.expect("a small file goes to a worker");
            assert_eq!(len, 5);
            scored.push(score_file(
                &model,
                Format::Jsonl,
                (path.clone(), len),
                doc_name(&path),
                None,
            ));
        }
        let opened = open(&gone).map(|_| ()).unwrap_err().to_string();
        assert_eq!(
            scored[0].as_ref().map(|_| ()).unwrap_err().to_string(),
            opened
        );
        let r = scored[1].as_ref().unwrap();
        let streamed = {
            let mut blocks = open(&grew).unwrap();
            let b = next_block(&mut blocks, &grew).unwrap().unwrap();
            render_rows(
                &model,
                Format::Jsonl,
                None,
                &doc_name(&grew),
                (b.text, b.offset, &b.sentences),
                None,
            )
            .unwrap()
        };
        assert_eq!(
            (&r.bytes, r.sentences, r.last),
            (&streamed.0, streamed.1, true)
        );
        assert_eq!(r.sentences, 40);
    }

    #[test]
    fn a_utf16_byte_order_mark_is_refused_however_it_arrives() {
        for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let text = [&bom[..], b"H\0i\0"].concat();
            assert!(read_all(&text[..]).is_err());
            assert!(read_all(ByteByByte(&text)).is_err());
        }
        // UTF-32's marks (the little-endian one opens with UTF-16LE's), also a bare mark.
        let utf32 = [&b"\xFF\xFE\0\0H\0\0\0i\0\0\0"[..], b"\0\0\xFE\xFF\0\0\0H"];
        for text in utf32
            .into_iter()
            .chain([&b"\xFF\xFE\0\0"[..], b"\0\0\xFE\xFF"])
        {
            for e in [read_all(text), read_all(ByteByByte(text))] {
                let e = e.unwrap_err().to_string();
                assert!(
                    e.contains("UTF-32 byte-order mark") && e.contains("-f UTF-32 "),
                    "{e}"
                );
            }
        }
        let e = read_all(&b"\xFF\xFEH\0"[..]).unwrap_err().to_string();
        assert!(e.contains("UTF-16 byte-order mark"), "{e}");
        assert!(read_all(&b"\xFF\xFE"[..]).is_err());
        // UTF-8 (with or without its own mark) and a lone 0xFF further on read as they are.
        for text in [&b"Hi."[..], b"\xEF\xBB\xBFHi.", b"H\xFF\xFE", b"\xFF"] {
            assert_eq!(read_all(text).unwrap(), text);
            assert_eq!(read_all(ByteByByte(text)).unwrap(), text);
        }
    }

    #[test]
    fn utf16_without_a_mark_is_refused_however_it_arrives() {
        let utf16 = |text: &str, le: bool| -> Vec<u8> {
            let pair = |u: u16| if le { u.to_le_bytes() } else { u.to_be_bytes() };
            text.encode_utf16().flat_map(pair).collect()
        };
        let long = "The council met on Monday. «Prices rose», she said — it is awful.\n";
        for (text, le) in [(long, true), (long, false), ("Hi", true), ("Hi.\n", false)] {
            let bytes = utf16(text, le);
            let which = if le { "-f UTF-16LE" } else { "-f UTF-16BE" };
            for e in [read_all(&bytes[..]), read_all(ByteByByte(&bytes))] {
                let e = e.unwrap_err().to_string();
                assert!(e.contains("no byte-order mark") && e.contains(which), "{e}");
            }
        }
        // Text that has NULs but not as UTF-16 has them, and one UTF-16 letter, read as they are.
        for text in [
            &b"a\0b\0\0\0\0\0"[..],
            b"\0\0\0\0",
            b"H\0",
            b"Binary \x00\x01 junk",
        ] {
            assert_eq!(read_all(text).unwrap(), text);
            assert_eq!(read_all(ByteByByte(text)).unwrap(), text);
        }
    }

    proptest::proptest! {
        /// Text with at most one NUL byte (UTF-8 or not) is never refused, however the reads
        /// split it (only a byte-order mark or NULs are).
        #[test]
        fn text_with_fewer_than_two_nuls_is_never_refused(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
            utf8 in ".{0,80}",
        ) {
            for t in [&bytes[..], utf8.as_bytes()] {
                let nuls = t.iter().filter(|&&b| b == 0).count();
                if nuls >= 2 || t.starts_with(b"\xFF\xFE") || t.starts_with(b"\xFE\xFF") {
                    continue;
                }
                proptest::prop_assert_eq!(read_all(t).unwrap(), t);
                proptest::prop_assert_eq!(read_all(ByteByByte(t)).unwrap(), t);
            }
        }
    }
}
