//! Labelled data: CSV/TSV reading, column and label mapping, seeded shuffles and k-fold splits.

use crate::error::{Error, Result};
use crate::features::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The two classes factop knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// A verifiable report, including opinions attributed to someone else.
    Fact,
    /// The author's own view.
    Opinion,
}

impl Label {
    /// Both labels, in index order (`fact` = 0, `opinion` = 1).
    pub const ALL: [Label; 2] = [Label::Fact, Label::Opinion];

    /// The label's name as written in data and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Fact => "fact",
            Label::Opinion => "opinion",
        }
    }

    /// Index of the label: `fact` = 0, `opinion` = 1.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parse `fact` / `opinion` (case-insensitive, surrounding whitespace ignored).
    pub fn parse(s: &str) -> Option<Label> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("fact") {
            Some(Label::Fact)
        } else if s.eq_ignore_ascii_case("opinion") {
            Some(Label::Opinion)
        } else {
            None
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A mapping from raw label values in a file to factop labels (`SUBJ=opinion,OBJ=fact`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelMap(pub BTreeMap<String, Label>);

/// Fail, naming the argument `name`, if standard input (`-`) is among `paths` more than once:
/// it can be read only once (the second read would find nothing).
pub fn stdin_at_most_once<P: AsRef<Path>>(paths: &[P], name: &'static str) -> Result<()> {
    if paths
        .iter()
        .filter(|p| p.as_ref().as_os_str() == "-")
        .count()
        > 1
    {
        return Err(Error::Param {
            name,
            msg: "`-` (standard input) is given more than once: it can be read only once".into(),
        });
    }
    Ok(())
}

impl LabelMap {
    /// Parse `RAW=label,RAW=label`. Keys are trimmed; see [`LabelMap::map`] for matching.
    pub fn parse(spec: &str) -> Result<LabelMap> {
        let mut map = BTreeMap::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (raw, target) = part.split_once('=').ok_or_else(|| Error::Param {
                name: "--label-map",
                msg: format!("`{part}` is not RAW=LABEL (example: SUBJ=opinion,OBJ=fact)"),
            })?;
            let label = Label::parse(target).ok_or_else(|| Error::Param {
                name: "--label-map",
                msg: format!("`{target}` is not a label: use fact or opinion"),
            })?;
            let raw = raw.trim();
            if raw.is_empty() {
                // An empty key would silently label every row with an empty label cell.
                return Err(Error::Param {
                    name: "--label-map",
                    msg: format!("`{part}` has no RAW value before `=` (example: SUBJ={target})"),
                });
            }
            if let Some(old) = map.insert(raw.to_string(), label) {
                if old != label {
                    return Err(Error::Param {
                        name: "--label-map",
                        msg: format!("`{raw}` is mapped to both {old} and {label}: keep one"),
                    });
                }
            }
        }
        if map.is_empty() {
            return Err(Error::Param {
                name: "--label-map",
                msg: "empty mapping (example: SUBJ=opinion,OBJ=fact)".into(),
            });
        }
        Ok(LabelMap(map))
    }

    /// Map a raw value: the explicit mapping first (a key as given, else the keys that differ
    /// from it only in case, when they agree: `subj=opinion` reads `SUBJ`, as `fact` and
    /// `opinion` are read whatever their case), then `fact` / `opinion` themselves.
    pub fn map(&self, raw: &str) -> Option<Label> {
        let raw = raw.trim();
        self.0
            .get(raw)
            .copied()
            .or_else(|| {
                let lower = raw.to_lowercase();
                let mut same = (self.0.iter()).filter(|(k, _)| k.to_lowercase() == lower);
                let (_, &first) = same.next()?;
                same.all(|(_, &l)| l == first).then_some(first)
            })
            .or_else(|| Label::parse(raw))
    }
}

/// How to read a labelled file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Field delimiter; `None` picks tab for `.tsv`/`.tab` files and comma otherwise.
    pub delimiter: Option<u8>,
    /// Name of the text column.
    pub text_column: String,
    /// Name of the label column.
    pub label_column: String,
    /// Mapping of raw label values.
    pub label_map: LabelMap,
    /// Treat empty text as an error instead of skipping the row.
    pub strict: bool,
    /// Column naming each row's article: rows with the same value are its consecutive
    /// sentences, and each gets the segmenter's context in the rebuilt article
    /// ([`crate::context`]). `None`: every row stands alone.
    pub doc_column: Option<String>,
    /// With `doc_column`: column whose value changes where a new paragraph starts.
    pub para_column: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            delimiter: None,
            text_column: "sentence".into(),
            label_column: "label".into(),
            label_map: LabelMap::default(),
            strict: false,
            doc_column: None,
            para_column: None,
        }
    }
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence text.
    pub text: String,
    /// Its label.
    pub label: Label,
    /// Its context in its article, for rows read with [`ReadOptions::doc_column`]; `None`
    /// for a row that stands alone.
    pub context: Option<Context>,
}

impl Example {
    /// A stand-alone labelled sentence.
    pub fn new(text: impl Into<String>, label: Label) -> Example {
        Example {
            text: text.into(),
            label,
            context: None,
        }
    }

    /// The context the sentence is featurised with: its article's, or for a stand-alone row
    /// the segmenter's flags on the row itself ([`crate::model::context_of`]).
    pub fn context(&self) -> Context {
        self.context
            .unwrap_or_else(|| crate::model::context_of(&self.text))
    }
}

/// Where an example was read: its file (an index into [`Dataset::sources`]) and its row as
/// error messages count them: records, the header being row 1 (a quoted line break does not
/// start a new row, and blank lines are no rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Index of the file in [`Dataset::sources`].
    pub source: usize,
    /// The record in that file (the header is row 1).
    pub row: u64,
}

/// Labelled sentences read from one or more files.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The examples, in file order.
    pub examples: Vec<Example>,
    /// Rows skipped because their text was empty or whitespace.
    pub skipped_empty: usize,
    /// The files read, in order.
    pub sources: Vec<String>,
    /// Where each example was read, one per example for data read from files; empty for
    /// data built in code.
    pub origins: Vec<Origin>,
    /// Articles the rows were grouped into ([`ReadOptions::doc_column`]; 0 without it).
    pub documents: usize,
    /// Rows that are not exactly one sentence of their rebuilt article (their context is
    /// approximate; see [`crate::context`]).
    pub misaligned: usize,
    /// Rows whose text field opens with a quotation mark that closes before the field ends
    /// (`"No," she said.` in a file that does not quote its fields): read as written, marks
    /// kept, where CSV quoting would drop them. The count and the first one (file, row).
    pub written_quotes: usize,
    /// The first row counted in `written_quotes`: its file and row.
    pub first_written_quote: Option<(String, u64)>,
}

impl Dataset {
    /// Number of examples per label, indexed by [`Label::index`].
    pub fn counts(&self) -> [usize; 2] {
        let mut c = [0; 2];
        for e in &self.examples {
            c[e.label.index()] += 1;
        }
        c
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.examples.len()
    }

    /// True if there are no examples.
    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }

    /// Read and concatenate several files.
    pub fn load_all<P: AsRef<Path>>(paths: &[P], opts: &ReadOptions) -> Result<Dataset> {
        stdin_at_most_once(paths, "--data")?;
        let mut all = Dataset::default();
        for p in paths {
            // A file before this one was read with the --delimiter given.
            let read_before = !all.sources.is_empty();
            let d = Dataset::load(p.as_ref(), opts).map_err(|e| match e {
                // `--data a.csv --data b.tsv --delimiter ';'`: the hint for b.tsv said to use
                // `--delimiter tab`, which then broke a.csv. Not when the first file fails:
                // `--data a.tsv --data b.tsv --delimiter ';'` was told the two differ.
                Error::Data { path, msg }
                    if read_before
                        && opts.delimiter.is_some()
                        && msg.contains("-separated? use --delimiter") =>
                {
                    Error::Data {
                        path,
                        msg: format!(
                            "{msg}; but --delimiter is used for every --data file, so files with different delimiters cannot be read in one run: save them with the same delimiter"
                        ),
                    }
                }
                // `--data export.csv --data sheet.tsv` (no --delimiter), export.csv with `;`:
                // the hint named `;` only, which then broke sheet.tsv, read with tab by its
                // name. Said when another file's header holds the delimiter it is read with.
                Error::Data { path, msg } if opts.delimiter.is_none() => {
                    let other = [b'\t', b',', b';', b'|']
                        .into_iter()
                        .find(|&d| {
                            msg.contains(&format!(
                                "is the file {}-separated? use --delimiter",
                                delimiter_name(d)
                            ))
                        })
                        .and_then(|d| {
                            paths.iter().map(|q| q.as_ref()).find_map(|q| {
                                let own = default_delimiter(q);
                                (q != p.as_ref() && own != d && header_uses(q, own, d))
                                    .then_some((q, own))
                            })
                        });
                    match other {
                        Some((q, own)) => Error::Data {
                            path,
                            msg: format!(
                                "{msg}; but --delimiter is used for every --data file, and the header of {} is {}-separated: files with different delimiters cannot be read in one run: save them with the same delimiter",
                                q.display(),
                                delimiter_name(own)
                            ),
                        },
                        None => Error::Data { path, msg },
                    }
                }
                // `missing.csv: No such file or directory (os error 2)` named no flag.
                Error::Io { path, source } if path.as_os_str() != crate::error::STDIN => {
                    Error::Data {
                        path: format!("--data {}", path.display()),
                        msg: source.to_string(),
                    }
                }
                e => e,
            })?;
            let first = all.sources.len();
            all.examples.extend(d.examples);
            all.skipped_empty += d.skipped_empty;
            all.documents += d.documents;
            all.misaligned += d.misaligned;
            all.written_quotes += d.written_quotes;
            if all.first_written_quote.is_none() {
                all.first_written_quote = d.first_written_quote;
            }
            all.sources.extend(d.sources);
            all.origins.extend(d.origins.into_iter().map(|o| Origin {
                source: first + o.source,
                row: o.row,
            }));
        }
        Ok(all)
    }

    /// Read one CSV/TSV file with a header row; `-` reads standard input (comma-separated
    /// unless `opts.delimiter` says otherwise).
    pub fn load(path: &Path, opts: &ReadOptions) -> Result<Dataset> {
        if path.as_os_str() == "-" {
            let delimiter = opts.delimiter.unwrap_or(b',');
            let stdin = std::io::stdin().lock();
            return Dataset::from_reader(stdin, delimiter, crate::error::STDIN, opts);
        }
        let shown = path.display().to_string();
        if path.is_dir() {
            // Opening a folder succeeds on Unix; only reading it fails.
            return Err(Error::read(path, std::io::ErrorKind::IsADirectory.into()));
        }
        let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
        let delimiter = opts.delimiter.unwrap_or_else(|| default_delimiter(path));
        Dataset::from_reader(file, delimiter, &shown, opts)
    }

    /// Read labelled rows from any reader. `name` is used in error messages.
    pub fn from_reader<R: std::io::Read>(
        reader: R,
        delimiter: u8,
        name: &str,
        opts: &ReadOptions,
    ) -> Result<Dataset> {
        let data_err = |msg: String| Error::Data {
            path: name.to_string(),
            msg,
        };
        if opts.text_column == opts.label_column {
            return Err(Error::Param {
                name: "--text-column",
                msg: format!(
                    "`{}` is also the --label-column: the text and the label need two columns",
                    opts.text_column
                ),
            });
        }
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(Tee {
                inner: reader,
                seen: Vec::new(),
                base: 0,
                cap: Some(HEADER_BYTES),
            });
        let headers = match rdr.byte_headers() {
            Ok(headers) => headers.clone(),
            // A first row over the cap: what the file is, when its start tells (a model's
            // JSON, NUL bytes), else that the row is too long.
            Err(e) => {
                let tee = rdr.get_ref();
                if tee.over_cap() {
                    let head = tee.from(0);
                    let head = csv::ByteRecord::from(vec![&head[..head.len().min(4096)]]);
                    if let Some(what) = not_a_table(&head) {
                        return Err(data_err(what.into()));
                    }
                }
                return Err(csv_error(name, e));
            }
        };
        if headers.is_empty() || (headers.len() == 1 && headers[0].is_empty()) {
            return Err(data_err(
                "the file is empty: expected a header row and labelled rows".into(),
            ));
        }
        let names: Vec<String> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let s = String::from_utf8_lossy(h);
                let s = if i == 0 {
                    s.trim_start_matches('\u{feff}')
                } else {
                    &s
                };
                s.trim().to_string()
            })
            .collect();
        // The columns named exactly, else those whose name differs only in case (`Label`,
        // `SENTENCE`: as labels are read whatever their case).
        let matching = |col: &str| -> Vec<usize> {
            let exact: Vec<usize> = (0..names.len()).filter(|&i| names[i] == col).collect();
            if !exact.is_empty() {
                return exact;
            }
            let lower = col.to_lowercase();
            (0..names.len())
                .filter(|&i| names[i].to_lowercase() == lower)
                .collect()
        };
        let find = |col: &str, flag: &str| {
            let found = matching(col);
            if found.len() > 1 {
                // Which one is meant is not guessed (the first was taken, silently).
                let listed: Vec<String> = found
                    .iter()
                    .map(|&i| format!("`{}` (column {})", names[i], i + 1))
                    .collect();
                return Err(data_err(format!(
                    "{} columns are named `{col}` ({}): which one to read is not guessed; rename or remove all but one",
                    found.len(),
                    listed.join(", ")
                )));
            }
            found.first().copied().ok_or_else(|| {
                // A workbook, an archive, JSON or binary bytes: no header row to list.
                if let Some(what) = not_a_table(&headers) {
                    return data_err(what.into());
                }
                let found = list_columns(&names);
                // One column whose name holds another common delimiter: the wrong delimiter.
                let other = [b'\t', b',', b';', b'|']
                    .into_iter()
                    .find(|&d| d != delimiter && names.len() == 1 && names[0].contains(d as char));
                match other {
                    Some(d) => data_err(format!(
                        "no column `{col}`: the header reads as one column `{found}` with {} as the delimiter; is the file {}-separated? use --delimiter {}",
                        delimiter_name(delimiter),
                        delimiter_name(d),
                        // Quoted: the shell ends a command at an unquoted `;` and pipes at `|`.
                        match d {
                            b'\t' => "tab".to_string(),
                            b',' => ",".to_string(),
                            _ => format!("'{}'", d as char),
                        }
                    )),
                    None => data_err(format!(
                        "no column `{col}` (columns found: {found}); choose one with {flag}{}",
                        match usual_column(&names, flag) {
                            Some(name) => format!(" (e.g. {flag} {})", shell_word(name)),
                            None => String::new(),
                        }
                    )),
                }
            })
        };
        let found = find(&opts.text_column, "--text-column")
            .and_then(|t| Ok((t, find(&opts.label_column, "--label-column")?)));
        let (text_idx, label_idx) = match found {
            Ok(found) => found,
            // Not a table at all (a workbook, Excel's `sep=;` line): its own message.
            Err(e) if not_a_table(&headers).is_some() => return Err(e),
            Err(_) if names.iter().all(String::is_empty) => {
                return Err(blank_header(&mut rdr, opts, name))
            }
            Err(e) => return Err(header_below(&mut rdr, opts, name).unwrap_or(e)),
        };
        if text_idx == label_idx {
            return Err(Error::Param {
                name: "--text-column",
                msg: format!(
                    "`{}` and the --label-column `{}` are the same column `{}`: the text and the label need two columns",
                    opts.text_column, opts.label_column, names[text_idx]
                ),
            });
        }
        if opts.para_column.is_some() && opts.doc_column.is_none() {
            return Err(Error::Param {
                name: "--para-column",
                msg: "needs --doc-column: paragraphs belong to the articles it names".into(),
            });
        }
        let doc_idx = match &opts.doc_column {
            Some(c) => Some((find(c, "--doc-column")?, c.as_str())),
            None => None,
        };
        let para_idx = match &opts.para_column {
            Some(c) => Some((find(c, "--para-column")?, c.as_str())),
            None => None,
        };
        // `--doc-column sentence` read every row as an article of its own, and
        // `--para-column doc` every article as one paragraph, without a word.
        let roles = [
            (Some(text_idx), "--text-column", "text"),
            (Some(label_idx), "--label-column", "label"),
            (doc_idx.map(|(i, _)| i), "--doc-column", "article"),
        ];
        for (idx, flag) in [(doc_idx, "--doc-column"), (para_idx, "--para-column")] {
            let Some((i, given)) = idx else { continue };
            if let Some((_, other, role)) = roles
                .iter()
                .find(|(j, other, _)| *j == Some(i) && *other != flag)
            {
                return Err(Error::Param {
                    name: flag,
                    msg: format!(
                        "`{given}` is the {role} column (`{}`, {other}): name the column that {}",
                        names[i],
                        if flag == "--doc-column" {
                            "names each row's article"
                        } else {
                            "changes where a new paragraph starts"
                        }
                    ),
                });
            }
        }
        // Per kept row with --doc-column: its article and paragraph values.
        let mut places: Vec<(String, String)> = Vec::new();
        // The first row of every article seen, to tell an article that comes back.
        let mut first_rows: BTreeMap<String, u64> = BTreeMap::new();

        let mut out = Dataset {
            sources: vec![name.to_string()],
            ..Dataset::default()
        };
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        // The first row with an unknown label: reading goes on to list every label value.
        let mut unknown: Option<(u64, String)> = None;
        let mut record = csv::ByteRecord::new();
        let mut rows = 0u64;
        // The header is read: rows may be as long as they are.
        rdr.get_mut().cap = None;
        loop {
            // The bytes before the last record are not looked at again.
            let last = record.position().map_or(0, |p| p.byte() as usize);
            rdr.get_mut().forget_before(last);
            match rdr.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(_) if unknown.is_some() => break,
                Err(e) => return Err(csv_error(name, e)),
            }
            // A blank line, or a row with no value in any field: Excel's export ends with
            // `;;` rows once cells below the data were touched; it was `empty label`. Not
            // counted in `rows` (a file of them is `no data rows`, not `empty text`).
            if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            rows += 1;
            // Rows count records, the header being row 1, as a spreadsheet shows them (a
            // quoted line break does not start a new row).
            let row = record.position().map_or(rows + 1, |p| p.record() + 1);
            let row_err = |msg: String| Error::Row {
                path: name.to_string(),
                row,
                msg,
            };
            let field = |idx: usize, col: &str| -> Result<&str> {
                let raw = record.get(idx).ok_or_else(|| {
                    let n = record.len();
                    // A quote that opens a field and never closes swallows the delimiters
                    // (and lines) after it.
                    let swallowed = record
                        .iter()
                        .any(|f| f.contains(&delimiter) || f.contains(&b'\n'));
                    row_err(format!(
                        "has {n} field{}, no value for column `{col}`{}",
                        if n == 1 { "" } else { "s" },
                        if swallowed {
                            " (a field opened with `\"` and never closed takes in the rest: check the quotes on this row)"
                        } else {
                            ""
                        }
                    ))
                })?;
                std::str::from_utf8(raw).map_err(|_| row_err(not_utf8(col, name)))
            };
            if unknown.is_some() {
                if let Ok(raw_label) = field(label_idx, &opts.label_column) {
                    *seen.entry(raw_label.trim().to_string()).or_default() += 1;
                }
                continue;
            }
            let mut text = field(text_idx, &opts.text_column)?;
            // A text that opens with a quotation mark closed before the field ends: CSV
            // quoting would drop both marks (`"No," she said.` read as `No, she said.`).
            let start = record.position().map_or(0, |p| p.byte() as usize);
            let raw = rdr.get_ref().from(start);
            // After `\r\n` the position can point at the `\n`.
            let skip = raw
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            let raw = &raw[skip..];
            if let Some(written) = written_field(raw, delimiter, text_idx) {
                text = std::str::from_utf8(written)
                    .map_err(|_| row_err(not_utf8(&opts.text_column, name)))?;
                out.written_quotes += 1;
                out.first_written_quote
                    .get_or_insert((name.to_string(), row));
            }
            let raw_label = field(label_idx, &opts.label_column)?;
            *seen.entry(raw_label.trim().to_string()).or_default() += 1;
            let Some(label) = opts.label_map.map(raw_label) else {
                unknown = Some((row, raw_label.trim().to_string()));
                continue;
            };
            if text.trim().is_empty() {
                if opts.strict {
                    return Err(row_err("empty text (--strict)".into()));
                }
                out.skipped_empty += 1;
                continue;
            }
            if let Some((idx, col)) = doc_idx {
                let doc = field(idx, col)?.trim();
                if doc.is_empty() {
                    return Err(row_err(format!(
                        "empty value in column `{col}`: with --doc-column every row names its article"
                    )));
                }
                let para = match para_idx {
                    Some((idx, col)) => field(idx, col)?.trim(),
                    None => "",
                };
                if places.last().is_none_or(|(d, _)| d != doc) {
                    if let Some(first) = first_rows.get(doc) {
                        return Err(row_err(format!(
                            "article `{doc}` (column `{col}`) already ended before this row (its rows start at row {first}); an article's rows must follow each other in reading order"
                        )));
                    }
                    first_rows.insert(doc.to_string(), row);
                }
                places.push((doc.to_string(), para.to_string()));
            }
            out.examples.push(Example::new(text.trim(), label));
            out.origins.push(Origin { source: 0, row });
        }
        if let Some((row, value)) = unknown {
            const SHOWN: usize = 12;
            let empty = seen.get("").copied().unwrap_or(0);
            // An empty label gets its own message, without `` in the list.
            let listed: Vec<_> = seen
                .iter()
                .filter(|(v, _)| !(value.is_empty() && v.is_empty()))
                .collect();
            let mut labels: Vec<String> = listed
                .iter()
                .take(SHOWN)
                .map(|(v, n)| format!("`{}` ×{n}", shown_label(v)))
                .collect();
            if listed.len() > SHOWN {
                labels.push(format!("… {} more", listed.len() - SHOWN));
            }
            let msg = if value.is_empty() {
                format!(
                    "empty label in column `{}` ({empty} row{} without one; other labels in the file: {}); give every row fact or opinion, or remove the unlabelled rows",
                    opts.label_column,
                    if empty == 1 { "" } else { "s" },
                    labels.join(", ")
                )
            } else {
                let (example, sure) = label_map_example(&opts.label_map, &seen);
                let nameable = (seen.keys()).any(|v| {
                    !v.is_empty() && opts.label_map.map(v).is_none() && unnameable(v).is_none()
                });
                let hint = if !nameable {
                    String::new()
                } else {
                    format!(
                        ", or be mapped with --label-map (e.g. --label-map{}{})",
                        // `--label-map -1=fact` reads `-1` as a flag: `=` joins it.
                        if example.starts_with('-') {
                            format!("={}", shell_word(&example))
                        } else {
                            format!(" {}", shell_word(&example))
                        },
                        if sure {
                            ""
                        } else {
                            ", after checking which value is which class"
                        }
                    )
                };
                // A value holding a line break, a `,` or a `=` cannot be a --label-map key:
                // it was suggested as `'fa ct=opinion'` (the break shown as a space), or bare
                // as `fa,ct=opinion`, which maps `ct`.
                let mut unnamed = (seen.keys())
                    .filter(|v| opts.label_map.map(v).is_none())
                    .filter_map(|v| unnameable(v).map(|why| (v, why)));
                let unnamed_note = match unnamed.next() {
                    None => String::new(),
                    Some((v, why)) => {
                        let more = unnamed.count();
                        format!(
                            "; `{}` holds {why}, so --label-map cannot name it{}: change it in the file's label column",
                            shown_label(v),
                            match more {
                                0 => String::new(),
                                n => format!(" (nor {n} other value{} like it)", if n == 1 { "" } else { "s" }),
                            }
                        )
                    }
                };
                format!(
                    "unknown label `{}`; labels seen in the file: {}; labels must be fact or opinion{hint}{unnamed_note}",
                    shown_label(&value),
                    labels.join(", "),
                )
            };
            return Err(Error::Row {
                path: name.to_string(),
                row,
                msg,
            });
        }
        if rows == 0 {
            return Err(data_err(
                "no data rows after the header: expected labelled rows".into(),
            ));
        }
        if out.examples.is_empty() {
            return Err(data_err(if rows == 1 {
                "no usable rows: the only row has empty text".into()
            } else {
                format!("no usable rows: all {rows} rows have empty text")
            }));
        }
        if doc_idx.is_some() {
            out.set_article_contexts(&places);
        }
        Ok(out)
    }

    /// Give each example its context in its article; `places` holds each example's article
    /// and paragraph values (articles consecutive).
    fn set_article_contexts(&mut self, places: &[(String, String)]) {
        let mut start = 0;
        while start < places.len() {
            let doc = &places[start].0;
            let end = start + places[start..].iter().take_while(|(d, _)| d == doc).count();
            let rows: Vec<(&str, bool)> = (start..end)
                .map(|i| {
                    let new_paragraph = i > start && places[i].1 != places[i - 1].1;
                    (self.examples[i].text.as_str(), new_paragraph)
                })
                .collect();
            let got = crate::context::in_article(&rows);
            for (e, c) in self.examples[start..end].iter_mut().zip(got.contexts) {
                e.context = Some(c);
            }
            self.documents += 1;
            self.misaligned += got.misaligned;
            start = end;
        }
    }

    /// Rows whose text repeats an earlier row's, and those among them with the other label.
    pub fn duplicates(&self) -> Duplicates {
        let mut first: std::collections::HashMap<&str, (Label, usize)> = Default::default();
        let mut d = Duplicates::default();
        for (i, e) in self.examples.iter().enumerate() {
            match first.get(e.text.as_str()) {
                None => {
                    first.insert(&e.text, (e.label, i));
                }
                Some(&(l, j)) => {
                    d.repeated += 1;
                    d.first_repeat
                        .get_or_insert_with(|| (self.place(i), self.place(j)));
                    if l != e.label {
                        d.conflicting += 1;
                        d.first_conflict.get_or_insert_with(|| e.text.clone());
                        d.first_conflict_rows
                            .get_or_insert_with(|| (self.place(i), self.place(j)));
                    }
                }
            }
        }
        // The same file under two spellings (`a.csv`, `./a.csv`, its absolute path) is the
        // same file: compare canonical paths where the file exists (not standard input).
        let key = |s: &String| -> std::path::PathBuf {
            if s == crate::error::STDIN {
                return s.into();
            }
            std::fs::canonicalize(s).unwrap_or_else(|_| s.into())
        };
        let keys: Vec<_> = self.sources.iter().map(key).collect();
        for (k, s) in self.sources.iter().enumerate() {
            let Some(j) = keys[..k].iter().position(|e| *e == keys[k]) else {
                continue;
            };
            let first = &self.sources[j];
            if !d.named_twice.contains(first) {
                d.named_twice.push(first.clone());
            }
            if first != s && !d.also_as.contains(s) {
                d.also_as.push(s.clone());
            }
        }
        d
    }

    /// Where example `i` was read, for a message: `row N`, with its file when the data
    /// come from several (`b.csv row N`).
    fn place(&self, i: usize) -> String {
        match self.origins.get(i) {
            Some(o) if self.sources.len() > 1 => {
                format!("{} row {}", self.sources[o.source], o.row)
            }
            Some(o) => format!("row {}", o.row),
            None => format!("example {}", i + 1),
        }
    }

    /// Check that both classes are present, naming the missing one.
    pub fn require_both_classes(&self) -> Result<()> {
        let c = self.counts();
        for l in Label::ALL {
            if c[l.index()] == 0 {
                return Err(Error::Data {
                    path: self.sources.join(", "),
                    msg: format!(
                        "no `{l}` rows: training needs both classes (found {} {})",
                        c[1 - l.index()],
                        Label::ALL[1 - l.index()]
                    ),
                });
            }
        }
        Ok(())
    }
}

/// Repeated texts in a [`Dataset`] (see [`Dataset::duplicates`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duplicates {
    /// Rows whose text (trimmed) is that of an earlier row.
    pub repeated: usize,
    /// Of those, rows labelled otherwise than the text's first row.
    pub conflicting: usize,
    /// The first text found with both labels.
    pub first_conflict: Option<String>,
    /// Where the first repeat is, and where the row it repeats is (`row 10`, `row 2`).
    pub first_repeat: Option<(String, String)>,
    /// The same for the first text found with both labels.
    pub first_conflict_rows: Option<(String, String)>,
    /// Sources named more than once (`--data a.csv --data a.csv`: every row repeats), in
    /// the order their second mention comes, each as first spelled.
    pub named_twice: Vec<String>,
    /// Other spellings of those sources (`./a.csv` or its absolute path for `a.csv`).
    pub also_as: Vec<String>,
}

impl Duplicates {
    /// A one-line description for a warning, or `None` without repeats.
    pub fn describe(&self) -> Option<String> {
        if self.repeated == 0 {
            return None;
        }
        let mut msg = format!(
            "{} row{} repeat{} an earlier row's text",
            self.repeated,
            if self.repeated == 1 { "" } else { "s" },
            if self.repeated == 1 { "s" } else { "" }
        );
        // The rows, to find them (it gave the count alone); not for a file named twice,
        // whose rows repeat themselves (`a.csv row 2, as a.csv row 2`): said below.
        if let Some((at, of)) = (self.first_repeat.as_ref()).filter(|(at, of)| at != of) {
            msg.push_str(&format!(" (the first: {at}, as {of})"));
        }
        if let Some(t) = &self.first_conflict {
            let cut: String = t.chars().take(60).collect();
            let more = if cut.len() < t.len() { "…" } else { "" };
            // A text with a line break (a cell of two lines) broke the warning over two lines.
            let shown = shown_label(&cut);
            let (at, of) = match &self.first_conflict_rows {
                Some((at, of)) => (format!("{at} "), format!(", as {of}")),
                None => ("e.g. ".into(), String::new()),
            };
            msg.push_str(&format!(
                ", {} of them with the other label ({at}\"{shown}{more}\"{of})",
                self.conflicting
            ));
        }
        if !self.named_twice.is_empty() {
            let also = if self.also_as.is_empty() {
                String::new()
            } else {
                format!(", also as {}", self.also_as.join(", "))
            };
            msg.push_str(&format!(
                " ({} named more than once{also})",
                self.named_twice.join(", ")
            ));
        }
        Some(msg)
    }
}

/// A reader that keeps the bytes it reads from the current record on, so the record can be
/// seen as written.
struct Tee<R> {
    inner: R,
    /// The bytes read from offset `base` of the stream on.
    seen: Vec<u8>,
    base: usize,
    /// While the header is read: the most bytes it may hold (with the reader's read-ahead)
    /// before reading fails (see [`HEADER_BYTES`]).
    cap: Option<usize>,
}

/// How long the header row (and the rows looked at for a header below it) may run: a file
/// with no line break, such as `/dev/zero` or a disk image given as data, was read whole into
/// one header field (memory without bound, then `memory allocation of 1073741824 bytes
/// failed` and an abort). A longer first row is told by its start where that says what the
/// file is ([`not_a_table`]: a model's JSON, binary bytes), else called too long.
const HEADER_BYTES: usize = 1 << 20;

impl<R> Tee<R> {
    /// Whether more than the header's cap ([`HEADER_BYTES`]) has been read while it applies.
    fn over_cap(&self) -> bool {
        self.cap
            .is_some_and(|cap| self.base + self.seen.len() > cap)
    }

    /// The bytes read from stream offset `pos` on.
    fn from(&self, pos: usize) -> &[u8] {
        (self.seen.get(pos.saturating_sub(self.base)..)).unwrap_or_default()
    }

    /// Let go of the bytes before stream offset `pos` (memory stays that of a record).
    fn forget_before(&mut self, pos: usize) {
        let n = pos.saturating_sub(self.base).min(self.seen.len());
        self.seen.drain(..n);
        self.base += n;
    }
}

impl<R: std::io::Read> std::io::Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.over_cap() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "the first row runs on for over {} MiB without a line break: not a CSV or TSV header row (a binary file?)",
                    HEADER_BYTES >> 20
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Field `idx` of the record that starts `raw`, as written, if it opens with a quotation
/// mark that closes before the field ends (`"No," she said.`): the CSV reader keeps only
/// what is between the marks and what follows them. The fields are cut where the reader
/// cuts them (a quote is special only at a field's start; `""` inside quotes is one mark; a
/// record ends at `\r` or `\n` outside quotes).
fn written_field(raw: &[u8], delimiter: u8, idx: usize) -> Option<&[u8]> {
    let ends = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut i = 0;
    for field in 0..=idx {
        let start = i;
        let mut closed_early = false;
        if raw.get(i) == Some(&b'"') {
            i += 1;
            loop {
                let q = i + memchr::memchr(b'"', raw.get(i..)?)?;
                if raw.get(q + 1) == Some(&b'"') {
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            let rest = i;
            while i < raw.len() && !ends(raw[i]) {
                i += 1;
            }
            closed_early = !raw[rest..i].trim_ascii().is_empty();
        } else {
            while i < raw.len() && !ends(raw[i]) {
                i += 1;
            }
        }
        if field == idx {
            return closed_early.then(|| &raw[start..i]);
        }
        if raw.get(i) != Some(&delimiter) {
            return None; // the record ends before field `idx`
        }
        i += 1;
    }
    None
}

/// The class a label value's name says, if it says one: `SUBJ`, `subjective`, `opinions`
/// are opinion, `OBJ`, `objective`, `factual` are fact (in any case).
fn class_named(value: &str) -> Option<Label> {
    let v = value.to_lowercase();
    if v.starts_with("subj") || v.starts_with("opinion") {
        Some(Label::Opinion)
    } else if v.starts_with("obj") || v.starts_with("fact") {
        Some(Label::Fact)
    } else {
        None
    }
}

/// A `--label-map` for a message about an unknown label: the mapping given, completed with
/// every unknown value of the file (`seen`, at most 6 of them), each mapped to the class its
/// name says or else to a class neither mapped nor in the file (fact first). Whether every class came from
/// a name (or the mapping given); when not, the user must check it (`0`, `1`). The example
/// once mapped the first unknown value to opinion whatever its name: `OBJ=opinion` for the
/// CheckThat! files, then `OBJ=opinion,SUBJ=fact`, every label inverted.
fn label_map_example(given: &LabelMap, seen: &BTreeMap<String, usize>) -> (String, bool) {
    let unknown: Vec<&str> = (seen.keys())
        .filter(|v| !v.is_empty() && given.map(v).is_none() && unnameable(v).is_none())
        .take(6)
        .map(String::as_str)
        .collect();
    let named: Vec<Option<Label>> = unknown.iter().map(|v| class_named(v)).collect();
    let known = seen.keys().filter_map(|v| given.map(v));
    let mut mapped: Vec<Label> = (given.0.values().copied())
        .chain(known)
        .chain(named.iter().flatten().copied())
        .collect();
    let mut example: Vec<String> = (given.0.iter()).map(|(k, l)| format!("{k}={l}")).collect();
    let mut sure = true;
    for (value, named) in unknown.iter().zip(named) {
        let class = named.unwrap_or_else(|| {
            sure = false;
            let class = if !mapped.contains(&Label::Fact) {
                Label::Fact
            } else {
                Label::Opinion
            };
            mapped.push(class);
            class
        });
        example.push(format!("{value}={class}"));
    }
    (example.join(","), sure)
}

/// The one column among `names` whose name is a usual one for what `flag` chooses (`text`,
/// `Statement`; `class`, `category`), if exactly one is: the hint for a missing column then
/// names it.
fn usual_column<'a>(names: &'a [String], flag: &str) -> Option<&'a str> {
    let usual: &[&str] = match flag {
        "--text-column" => &[
            "text",
            "sentence",
            "sentences",
            "statement",
            "content",
            "body",
            "claim",
            "tweet",
        ],
        "--label-column" => &[
            "label",
            "labels",
            "class",
            "category",
            "annotation",
            "gold",
            "target",
            "subjectivity",
        ],
        _ => &[],
    };
    let mut found = names
        .iter()
        .filter(|n| usual.contains(&n.to_lowercase().as_str()));
    match (found.next(), found.next()) {
        (Some(n), None) => Some(n),
        _ => None,
    }
}

/// A field of column `col` of the file `name` that is not UTF-8, with the fix: a spreadsheet
/// saved as plain "CSV" (Excel's default on Windows) is in Windows-1252 (`café` as `caf\xe9`),
/// and the bare "not valid UTF-8" named no way out.
fn not_utf8(col: &str, name: &str) -> String {
    let fix = if name == crate::error::STDIN {
        "convert it first (iconv -f WINDOWS-1252 -t UTF-8)".to_string()
    } else {
        // `-utf8` before the file's extension, kept as written (`X.CSV` gave `X.CSV-utf8.csv`:
        // only a lower-case `.csv` or `.tsv` was stripped); no extension: `-utf8.csv`, and a
        // name ending in a dot loses it (`file.` gave `file.-utf8.csv`).
        let out = match name.rsplit_once('.') {
            Some((stem, ext))
                if !ext.is_empty()
                    && !ext.contains(['/', '\\'])
                    && !stem.is_empty()
                    && !stem.ends_with(['/', '\\']) =>
            {
                format!("{stem}-utf8.{ext}")
            }
            _ => match name.strip_suffix('.') {
                Some(stem) if !stem.is_empty() && !stem.ends_with(['/', '\\', '.']) => {
                    format!("{stem}-utf8.csv")
                }
                _ => format!("{name}-utf8.csv"),
            },
        };
        format!(
            "convert it (iconv -f WINDOWS-1252 -t UTF-8 {} > {})",
            shell_word(name),
            shell_word(&out)
        )
    };
    format!(
        "column `{col}` is not valid UTF-8: the file is probably in Windows-1252, as a spreadsheet saves plain \"CSV\"; save it as \"CSV UTF-8\", or {fix}"
    )
}

/// Why a label value cannot be a `--label-map` key, if it cannot: the mapping is split at
/// `,` and `=`, and a line break or another control character cannot be typed in one line.
fn unnameable(v: &str) -> Option<&'static str> {
    if v.contains(['\n', '\r']) {
        Some("a line break")
    } else if v.contains('\t') {
        Some("a tab")
    } else if v.contains(char::is_control) {
        Some("a control character")
    } else if v.contains(',') {
        Some("a comma")
    } else if v.contains('=') {
        Some("an `=`")
    } else {
        None
    }
}

/// A label value (or a text) as a message shows it: control characters escaped (`\n`, `\t`, `\u{1b}`),
/// since the message is one line (a line break became a space).
fn shown_label(v: &str) -> std::borrow::Cow<'_, str> {
    if !v.contains(char::is_control) {
        return v.into();
    }
    v.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// `s` as one shell word: as it is when it holds only characters no shell reads specially,
/// else in single quotes (`'` written `'\''`), so that a suggested `--label-map` works when
/// pasted (`--label-map no opinion=fact` was two words; `(fact)=fact` a syntax error).
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,=:/+@%".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Why a header row shows that the file is not a CSV/TSV text file at all, if it does: the
/// column list of such a "header" would be noise (a whole JSON model file is one line).
fn not_a_table(headers: &csv::ByteRecord) -> Option<std::borrow::Cow<'static, str>> {
    let first = headers.get(0).unwrap_or_default();
    let starts = |magic: &[u8]| first.starts_with(magic);
    if starts(b"\x1f\x8b") {
        return Some("the file is gzip-compressed: decompress it first (gunzip -k FILE)".into());
    }
    if starts(b"PK\x03\x04") {
        return Some(
            "the file is a zip archive (an .xlsx or .ods workbook?): save the sheet as CSV (UTF-8) first"
            .into(),
        );
    }
    if starts(b"\xd0\xcf\x11\xe0") {
        return Some(
            "the file is an old Excel .xls workbook: save the sheet as CSV (UTF-8) first".into(),
        );
    }
    // UTF-32's mark is told from UTF-16LE's, which opens it.
    if let Some(code) = crate::stream::unicode_mark(first) {
        return Some(
            format!(
                "the file is {code} text: save it as UTF-8 (e.g. iconv -f {code} -t UTF-8 FILE > NEW.csv)"
            )
            .into(),
        );
    }
    // Excel's delimiter hint: `--delimiter ;` for `sep=;` read the hint as the header too.
    let no_bom = first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first);
    if no_bom.len() <= 5 && no_bom.to_ascii_lowercase().starts_with(b"sep=") {
        return Some(
            "the first line (`sep=...`) is Excel's delimiter hint, not the header row: delete that line (e.g. tail -n +2 FILE > NEW.csv) so that the header comes first, and give that delimiter with --delimiter (quoted: --delimiter ';')"
            .into(),
        );
    }
    // Without its mark, UTF-32 or UTF-16 read as bytes is a header of NUL-spaced letters,
    // which the check below called "not text".
    if let Some(code) = crate::stream::utf_without_mark(first) {
        return Some(
            format!(
                "the file is {} text (it has no byte-order mark, but {}): save it as UTF-8 (e.g. iconv -f {code} -t UTF-8 FILE > NEW.csv)",
                &code[..6],
                crate::stream::nul_evidence(code, "its first line")
            )
            .into(),
        );
    }
    let binary = headers
        .iter()
        .flatten()
        .any(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f);
    if binary {
        return Some(
            "the file is not text (binary bytes in its first line): expected CSV or TSV with a header row"
            .into(),
        );
    }
    let trimmed = first.trim_ascii_start();
    let trimmed = trimmed.strip_prefix(b"\xef\xbb\xbf").unwrap_or(trimmed);
    if trimmed.starts_with(b"{") || trimmed.starts_with(b"[") {
        return Some(
            "the file reads as JSON, not CSV or TSV with a header row (a model file? articles in JSONL go to classify --input-format jsonl)"
            .into(),
        );
    }
    None
}

/// When the columns are not found in the first row: the error for a row below it (among the
/// next 10) that holds both column names, such as an export's title row above the header
/// (`no column `text` (columns found: Export 2026-11-30, , )` said nothing of it).
fn header_below<R: std::io::Read>(
    rdr: &mut csv::Reader<R>,
    opts: &ReadOptions,
    name: &str,
) -> Option<Error> {
    let wanted = [&opts.text_column, &opts.label_column].map(|c| c.to_lowercase());
    let mut record = csv::ByteRecord::new();
    for _ in 0..10 {
        if !rdr.read_byte_record(&mut record).ok()? {
            return None;
        }
        let names: Vec<String> = (record.iter())
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect();
        let has = |w: &String| names.iter().any(|n| n.to_lowercase() == *w);
        if wanted.iter().all(has) {
            return Some(header_at(&record, &names, name));
        }
    }
    None
}

/// The error for a header found below the first row, in `record` (its column `names`).
fn header_at(record: &csv::ByteRecord, names: &[String], name: &str) -> Error {
    let row = record.position().map_or(2, |p| p.record() + 1);
    let above = row - 1;
    Error::Data {
        path: name.to_string(),
        msg: format!(
            "row 1 is not the header: row {row} holds the column names ({}); the header must be the first row: delete the {} above it",
            list_columns(names),
            if above == 1 { "row".to_string() } else { format!("{above} rows") }
        ),
    }
}

/// The error for a header row of white space alone (`  `, `,,`): a file of nothing but
/// white space says so, one with rows below says that the header is blank, unless one of the
/// next rows is the header ([`header_below`]). Both listed `columns found: ` with nothing
/// after it.
fn blank_header<R: std::io::Read>(
    rdr: &mut csv::Reader<R>,
    opts: &ReadOptions,
    name: &str,
) -> Error {
    let data_err = |msg: String| Error::Data {
        path: name.to_string(),
        msg,
    };
    // Read on to the first row with a value: the header may be below the blank rows.
    let mut record = csv::ByteRecord::new();
    let content = loop {
        match rdr.read_byte_record(&mut record) {
            Ok(true) if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => {}
            Ok(true) => break true,
            Ok(false) => break false,
            Err(_) => break true,
        }
    };
    if !content {
        return data_err(
            "the file holds no values (only white space, blank lines or empty fields): expected a header row and labelled rows".into(),
        );
    }
    let names: Vec<String> = (record.iter())
        .map(|f| String::from_utf8_lossy(f).trim().to_string())
        .collect();
    let wanted = [&opts.text_column, &opts.label_column].map(|c| c.to_lowercase());
    if (wanted.iter()).all(|w| names.iter().any(|n| n.to_lowercase() == *w)) {
        return header_at(&record, &names, name);
    }
    data_err(format!(
        "row 1, the header, names no column (white space or empty fields only): the first row must name the columns, such as `{}` and `{}`",
        opts.text_column, opts.label_column
    ))
}

/// The column names of a header for a message: each cut at 40 characters, at most 20 of them
/// (an article or a header-less file given as data would otherwise fill the screen).
fn list_columns(names: &[String]) -> String {
    const SHOWN: usize = 20;
    const CHARS: usize = 40;
    let mut shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| {
            let mut s: String = n.chars().take(CHARS).collect();
            if s.len() < n.len() {
                s.push('…');
            }
            s.escape_debug().to_string()
        })
        .collect();
    if names.len() > SHOWN {
        shown.push(format!("… {} more", names.len() - SHOWN));
    }
    shown.join(", ")
}

/// Whether the first line of the file `path` holds `own`, the delimiter it is read with, and
/// not `other`; anything but a regular file (standard input as `-` or `/dev/stdin`, a named
/// pipe, whose opening waits for a writer, a terminal, a folder) and a file that cannot be
/// read say no (nothing is consumed, nothing waited for).
fn header_uses(path: &Path, own: u8, other: u8) -> bool {
    use std::io::Read;
    if path.as_os_str() == "-" || !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    line.contains(&own) && !line.contains(&other)
}

fn default_delimiter(path: &Path) -> u8 {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("tsv") | Some("tab") => b'\t',
        _ => b',',
    }
}

/// A delimiter as the user would name it.
fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        b',' => "comma".into(),
        b';' => "semicolon".into(),
        b'|' => "pipe".into(),
        d => format!("`{}`", d.escape_ascii()),
    }
}

fn csv_error(name: &str, e: csv::Error) -> Error {
    let row = e.position().map(|p| p.line());
    let msg = match e.kind() {
        // Only standard input gets here (a named folder is refused before it is read):
        // redirected from a folder, it said `Is a directory (os error 21)`.
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::IsADirectory => {
            return Error::read(name, std::io::ErrorKind::IsADirectory.into());
        }
        csv::ErrorKind::Io(io) => io.to_string(),
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => e.to_string(),
    };
    match row {
        Some(row) => Error::Row {
            path: name.to_string(),
            row,
            msg,
        },
        None => Error::Data {
            path: name.to_string(),
            msg,
        },
    }
}

/// A small, fast, seedable generator (SplitMix64) so shuffles are reproducible everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Stratified k-fold assignment: `fold[i]` is the fold of example `i`.
pub fn stratified_folds(labels: &[Label], k: usize, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let mut fold = vec![0; labels.len()];
    for l in Label::ALL {
        let mut idx: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == l).collect();
        rng.shuffle(&mut idx);
        for (n, i) in idx.into_iter().enumerate() {
            fold[i] = n % k;
        }
    }
    fold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_count_repeats_and_contradictions() {
        let ex = |t: &str, l| Example::new(t, l);
        let d = Dataset {
            examples: vec![
                ex("a", Label::Fact),
                ex("b", Label::Opinion),
                ex("a", Label::Fact),
                ex("b", Label::Fact),
                ex("b", Label::Fact),
            ],
            ..Dataset::default()
        };
        let dup = d.duplicates();
        assert_eq!((dup.repeated, dup.conflicting), (3, 2));
        assert_eq!(dup.first_conflict.as_deref(), Some("b"));
        assert!(dup.describe().unwrap().starts_with("3 rows repeat"));
        assert_eq!(Dataset::default().duplicates().describe(), None);
    }

    #[test]
    fn duplicates_are_described_in_one_line_without_naming_a_row_as_its_own_repeat() {
        // A text with a line break (a spreadsheet cell with two lines) broke the warning over
        // two lines; the same file named twice said `the first: a.csv row 2, as a.csv row 2`.
        let mut d = read(
            "sentence,label\n\"The vote\npassed.\",fact\nIt is a shame.,opinion\n\"The vote\npassed.\",opinion\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap();
        let msg = d.duplicates().describe().unwrap();
        assert!(!msg.contains(['\n', '\r']), "{msg}");
        assert!(
            msg.contains("(row 4 \"The vote\\npassed.\", as row 2)"),
            "{msg}"
        );
        d.examples.truncate(2);
        d.origins.truncate(2);
        let twice = Dataset {
            examples: [d.examples.clone(), d.examples.clone()].concat(),
            origins: [
                d.origins.clone(),
                (d.origins.iter())
                    .map(|o| Origin {
                        source: 1,
                        row: o.row,
                    })
                    .collect(),
            ]
            .concat(),
            sources: vec!["a.csv".into(), "a.csv".into()],
            ..Dataset::default()
        };
        let msg = twice.duplicates().describe().unwrap();
        assert!(!msg.contains("row 2, as a.csv row 2"), "{msg}");
        assert!(msg.contains("a.csv named more than once"), "{msg}");
    }

    fn read(s: &str, delim: u8, opts: &ReadOptions) -> Result<Dataset> {
        Dataset::from_reader(s.as_bytes(), delim, "mem.csv", opts)
    }

    #[test]
    fn reads_csv_with_quotes_bom_and_crlf() {
        let d = read(
            "\u{feff}sentence,label\r\n\"He said, \"\"no\"\".\",fact\r\nIt is awful.,OPINION\r\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.examples.len(), 2);
        assert_eq!(d.examples[0].text, "He said, \"no\".");
        assert_eq!(d.examples[1].label, Label::Opinion);
    }

    #[test]
    fn label_map_keys_match_in_any_case_unless_they_disagree() {
        let m = LabelMap::parse("subj=opinion,obj=fact").unwrap();
        assert_eq!(m.map(" SUBJ "), Some(Label::Opinion));
        assert_eq!(m.map("Obj"), Some(Label::Fact));
        assert_eq!(m.map("FACT"), Some(Label::Fact));
        assert_eq!(m.map("neutral"), None);
        // `A` and `a` mapped apart: each as given, `a`'s other cases to neither.
        let m = LabelMap::parse("A=opinion,a=fact").unwrap();
        assert_eq!(
            (m.map("A"), m.map("a")),
            (Some(Label::Opinion), Some(Label::Fact))
        );
        let m = LabelMap::parse("Ab=opinion,aB=fact").unwrap();
        assert_eq!(m.map("AB"), None);
    }

    #[test]
    fn label_map_keys_are_not_empty() {
        for spec in ["=fact", " =opinion", "SUBJ=opinion, =fact"] {
            let e = LabelMap::parse(spec).unwrap_err().to_string();
            assert!(e.contains("has no RAW value before `=`"), "{spec}: {e}");
        }
    }

    #[test]
    fn unknown_label_example_completes_the_label_map_given() {
        let opts = ReadOptions {
            label_map: LabelMap::parse("SUBJ=opinion").unwrap(),
            ..ReadOptions::default()
        };
        let e = read("sentence,label\nx,SUBJ\ny,OBJ\n", b',', &opts)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("(e.g. --label-map SUBJ=opinion,OBJ=fact)"),
            "{e}"
        );
    }

    #[test]
    fn unknown_label_example_maps_each_value_by_its_name_or_says_to_check() {
        let err = |csv: &str| {
            read(csv, b',', &ReadOptions::default())
                .unwrap_err()
                .to_string()
        };
        // The CheckThat! labels (it suggested OBJ=opinion, then OBJ=opinion,SUBJ=fact).
        let e = err("sentence,label\nx,OBJ\ny,SUBJ\nz,OBJ\n");
        assert!(
            e.ends_with("(e.g. --label-map OBJ=fact,SUBJ=opinion)"),
            "{e}"
        );
        let e = err("sentence,label\nx,Subjective\ny,objective\n");
        assert!(
            e.contains("--label-map Subjective=opinion,objective=fact)"),
            "{e}"
        );
        // Values whose names say nothing: an example to check, fact first.
        let e = err("sentence,label\nx,1\ny,0\n");
        assert!(
            e.ends_with(
                "(e.g. --label-map 0=fact,1=opinion, after checking which value is which class)"
            ),
            "{e}"
        );
        // A known label beside an unknown one: the other class.
        let e = err("sentence,label\nx,fact\ny,maybe\n");
        assert!(
            e.contains("--label-map maybe=opinion, after checking"),
            "{e}"
        );
        // Labels -1 and 1: `--label-map -1=fact,1=opinion` is read as an unknown flag `-1`
        // when pasted; joined to the flag by `=`, it is the flag's value.
        let e = err("sentence,label\nx,-1\ny,1\n");
        assert!(
            e.contains("(e.g. --label-map=-1=fact,1=opinion, after checking"),
            "{e}"
        );
    }

    #[test]
    fn reads_checkthat_tsv_with_escaped_fields() {
        let tsv = "sentence_id\tsentence\tlabel\tsolved_conflict\n\
                   a1\t\"\"\"Rates will rise,\"\" the Fed said.\"\tOBJ\tFalse\n\
                   a2\tThis is a plain one.\tSUBJ\tTrue\n";
        let opts = ReadOptions {
            label_map: LabelMap::parse("SUBJ=opinion,OBJ=fact").unwrap(),
            ..ReadOptions::default()
        };
        let d = read(tsv, b'\t', &opts).unwrap();
        assert_eq!(d.examples[0].text, "\"Rates will rise,\" the Fed said.");
        assert_eq!(d.examples[0].label, Label::Fact);
        assert_eq!(d.examples[1].label, Label::Opinion);
    }

    #[test]
    fn unknown_label_names_row_and_value() {
        let e = read(
            "sentence,label\nok,fact\nbad,maybe\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("row 3"), "{e}");
        assert!(e.contains("`maybe`"), "{e}");
        assert!(e.contains("--label-map"), "{e}");
        // every label value of the file is listed, also those after the bad row
        let e = read(
            "sentence,label\nok,fact\nbad,maybe\nx,fact\ny,perhaps\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("row 3") && e.contains("`fact` ×2, `maybe` ×1, `perhaps` ×1"),
            "{e}"
        );
    }

    #[test]
    fn rows_count_records_not_lines() {
        for src in [
            "sentence,label\n\"two\nlines\",fact\nbad,maybe\n",
            "sentence,label\r\n\"two\r\nlines\",fact\r\nbad,maybe\r\n",
        ] {
            let e = read(src, b',', &ReadOptions::default())
                .unwrap_err()
                .to_string();
            assert!(e.contains("row 3:"), "{e}");
        }
    }

    #[test]
    fn origins_name_the_row_as_errors_do() {
        // Row 2 spans two lines; a blank line is no row; row 3 has empty text (skipped).
        let src = "sentence,label\n\"two\nlines\",fact\n\n  ,fact\nlast,opinion\n";
        let d = read(src, b',', &ReadOptions::default()).unwrap();
        let rows: Vec<u64> = d.origins.iter().map(|o| o.row).collect();
        assert_eq!(rows, [2, 4]);
        assert_eq!(d.origins.len(), d.examples.len());
        // Several files: the source index follows `sources`.
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        std::fs::write(&a, "sentence,label\nx,fact\ny,opinion\n").unwrap();
        std::fs::write(&b, "sentence,label\nz,fact\n").unwrap();
        let all = Dataset::load_all(&[&a, &b], &ReadOptions::default()).unwrap();
        let got: Vec<(usize, u64)> = all.origins.iter().map(|o| (o.source, o.row)).collect();
        assert_eq!(got, [(0, 2), (0, 3), (1, 2)]);
        assert_eq!(all.sources[1], b.display().to_string());
    }

    #[test]
    fn missing_column_lists_columns() {
        let e = read("text,label\nx,fact\n", b',', &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("columns found: text, label"), "{e}");
    }

    /// What a file that is no table at all reads as (the first line is its "header").
    fn bytes_err(src: &[u8]) -> String {
        Dataset::from_reader(src, b',', "mem.csv", &ReadOptions::default())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_file_that_is_no_table_says_what_it_is_instead_of_listing_its_columns() {
        let cases: [(&[u8], &str); 7] = [
            (b"\x1f\x8b\x08\x08rest\n", "gzip-compressed"),
            (b"PK\x03\x04\x14\x00\n", "zip archive"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\n", ".xls workbook"),
            (b"\xff\xfes\x00e\x00,\x00l\x00\n\x00", "UTF-16"),
            (b"abc\x00\x01\x02;def\n", "not text"),
            (b"{\"format\":\"factop-model\",\"weights\":[1,2,3]}", "JSON"),
            (b"\xef\xbb\xbf[1, 2]\n", "JSON"),
        ];
        for (src, what) in cases {
            let e = bytes_err(src);
            assert!(e.contains(what) && !e.contains("columns found"), "{e}");
            assert!(!e.contains("--delimiter"), "{e}");
        }
        // A plain text line still lists its columns, each cut short, at most 20 of them.
        let long = format!("{},label\n", "word ".repeat(100));
        let e = bytes_err(long.as_bytes());
        assert!(
            e.contains("columns found: word word") && e.contains("…, label"),
            "{e}"
        );
        assert!(e.len() < 200, "{e}");
        let wide: Vec<String> = (0..50).map(|i| format!("c{i}")).collect();
        let e = bytes_err(format!("{}\n", wide.join(",")).as_bytes());
        assert!(e.contains("c19, … 30 more"), "{e}");
        assert!(!e.contains("c20"), "{e}");
    }

    #[test]
    fn a_column_named_in_another_case_is_found_unless_two_are() {
        let d = read(
            "Sentence,LABEL\nIt rained.,Fact\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.examples[0].text, "It rained.");
        // The exact name wins over one in another case.
        let d = read(
            "Label,label,sentence\nopinion,fact,x\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.examples[0].label, Label::Fact);
        // Two names in other cases, or the same name twice: which one is meant is not
        // guessed.
        let e = read(
            "Label,LABEL,sentence\nfact,fact,x\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("2 columns are named `label` (`Label` (column 1), `LABEL` (column 2))"),
            "{e}"
        );
        let e = read(
            "sentence,label,sentence\nx,fact,y\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("mem.csv: 2 columns are named `sentence`")
                && e.contains("(column 1), `sentence` (column 3)"),
            "{e}"
        );
        // Repeated names among the columns not read are allowed.
        let d = read(
            "note,sentence,note,label\na,x,b,fact\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.examples[0].text, "x");
        // Two flags that find the same column.
        let opts = ReadOptions {
            text_column: "LABEL".into(),
            ..ReadOptions::default()
        };
        let e = read("Label,sentence\nfact,x\n", b',', &opts)
            .unwrap_err()
            .to_string();
        assert!(e.contains("the same column `Label`"), "{e}");
    }

    #[test]
    fn written_field_finds_a_quotation_closed_before_the_field_ends() {
        let w =
            |raw: &str, d: u8, i: usize| written_field(raw.as_bytes(), d, i).map(|f| f.to_vec());
        let some = |s: &str| Some(s.as_bytes().to_vec());
        assert_eq!(
            w("\"No,\" she said.\tfact\n", b'\t', 0),
            some("\"No,\" she said.")
        );
        assert_eq!(w("a,\"No\" x,fact\r\n", b',', 1), some("\"No\" x"));
        assert_eq!(
            w("\"No,\" she said.,fact", b',', 0),
            some("\"No,\" she said.")
        );
        // Quoted as CSV means: the whole field, doubled marks inside, spaces after.
        for (raw, i) in [
            ("\"\"\"No,\"\" she said.\"\tfact\n", 0),
            ("\"No, she said.\"  \tfact\n", 0),
            ("plain \"No\" text\tfact\n", 0),
            (" \"No\" text\tfact\n", 0),
            ("\"a\" b\tfact\n", 1),
            ("x\n\"a\" b,fact\n", 1),
            ("\"never closed\tfact\n", 0),
        ] {
            assert_eq!(w(raw, b'\t', i), None, "{raw:?}");
        }
        // A field before it may hold the delimiter and line breaks in quotes.
        assert_eq!(w("\"1,\n2\",\"No\" x,fact\n", b',', 1), some("\"No\" x"));
    }

    #[test]
    fn a_text_opening_with_a_quotation_keeps_its_marks_and_is_counted() {
        let src = "\u{feff}sentence\tlabel\r\nok\tfact\r\n\"No,\" she said.\tfact\r\n\"Fine.\"\topinion\r\n\"A\" b\tfact\r\n";
        let d = read(src, b'\t', &ReadOptions::default()).unwrap();
        let texts: Vec<&str> = d.examples.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["ok", "\"No,\" she said.", "Fine.", "\"A\" b"]);
        assert_eq!(d.written_quotes, 2);
        assert_eq!(d.first_written_quote, Some(("mem.csv".to_string(), 3)));
    }

    #[test]
    fn empty_text_skipped_or_strict() {
        let src = "sentence,label\n  ,fact\nfine,opinion\n";
        let d = read(src, b',', &ReadOptions::default()).unwrap();
        assert_eq!((d.examples.len(), d.skipped_empty), (1, 1));
        let strict = ReadOptions {
            strict: true,
            ..ReadOptions::default()
        };
        assert!(read(src, b',', &strict).is_err());
    }

    #[test]
    fn empty_and_header_only_are_errors() {
        assert!(read("", b',', &ReadOptions::default()).is_err());
        let e = read("sentence,label\n", b',', &ReadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("no data rows"), "{e}");
        // Rows with no value in any field are blank lines, not rows of empty text (it said
        // `all 2 rows have empty text`), and one row of empty text is not `all 1 rows`.
        let e = read("sentence,label\n,\n , \n", b',', &ReadOptions::default()).unwrap_err();
        assert!(
            e.to_string().contains("no data rows after the header"),
            "{e}"
        );
        let e = read("sentence,label\n,\n ,fact\n", b',', &ReadOptions::default()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("no usable rows: the only row has empty text"),
            "{e}"
        );
        let e = read(
            "sentence,label\n,fact\n,\n ,fact\n",
            b',',
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .ends_with("no usable rows: all 2 rows have empty text"),
            "{e}"
        );
    }

    #[test]
    fn folds_are_stratified_and_seeded() {
        let labels: Vec<Label> = (0..50)
            .map(|i| {
                if i % 5 == 0 {
                    Label::Opinion
                } else {
                    Label::Fact
                }
            })
            .collect();
        let f = stratified_folds(&labels, 5, 7);
        assert_eq!(f, stratified_folds(&labels, 5, 7));
        for k in 0..5 {
            let op = (0..50)
                .filter(|&i| f[i] == k && labels[i] == Label::Opinion)
                .count();
            assert_eq!(op, 2);
        }
    }
}
