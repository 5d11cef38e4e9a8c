//! The versioned, self-describing model file, and atomic writes.
//!
//! A model file is JSON: a format tag and version, the full training parameters (feature
//! configuration included), the label orientation, threshold, vocabulary, weights and a
//! training summary, so `classify` and `evaluate` need no feature flags.

use crate::error::{Error, Result};
use crate::features::{Featurizer, Vocabulary};
use crate::model::{Model, TrainParams, TrainingSummary};
use crate::nb::NbScore;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The newest model format this factop reads (and writes for models that need it).
///
/// Version 2 added the naive-Bayes score feature (`nb_ratio`), version 3 the reported-speech
/// scope (`params.features.reported_scope` and its `cue:reported_*` features), version 4 the
/// masking of stance words in reported speech (`params.features.mask_reported_stance`: a
/// factop that ignored the field would compute other n-grams than the model learned), version 5
/// the split evaluative lexicon (`params.features.split_evaluative` and its `cue:descriptive`
/// feature), version 6 the cue scale (`params.features.cue_scale`, stored only when not 1),
/// version 7 revision 2 of the cue rules (`params.features.cue_rules` and its
/// `cue:scare_quotes` feature), version 8 the user's lexicons (`params.features.lexicons` and
/// their `cue:lex:*` features), version 9 single quotation marks read as quotation marks
/// (`params.features.single_quotes`: a factop that ignored the field would mask other words
/// than the model learned with), version 10 revision 3 of the cue rules (attribution frames in
/// the reported-speech scope: an older factop would read other cue values), version 11
/// revision 4 of the cue rules (a subject with an aside before its reporting verb), version 12
/// reported speech masked as quoted (`params.features.mask_reported`), version 13 revision 5
/// of the cue rules (more attribution forms), version 14 revision 6 (thoughts and feelings),
/// version 15 revision 7 (court and inquest reporting), version 16 revision 8 (word senses),
/// version 17 revision 9 (timetables), version 18 revision 10 (continued reports), version 19
/// revision 11 (author-stance frames), version 20 revision 12 (questions and answers), version
/// 21 revision 13 (recommendations and speakers' turns), version 22 revision 14 (the writer's
/// rhetorical questions), version 23 revision 15 (the newsroom's own `we`/`our`), version 24
/// revision 16 (a column's name headings, question subheads), version 25 revision 17 (the
/// newsroom's tests, ratings, broadcast formulae, link lines, a reader's `Q` letter), version
/// 26 revision 18 (the newsroom's staff, a writer's question to an expert, verdict labels, a
/// transcript's `Q:` turns), version 27 revision 19 (the reader's calls to action), version
/// 28 revision 20 (the author's verdict on a report), version 29 revision 21 (loaded words in
/// the author's voice), version 30 revision 22 (more verdicts on a report, imperatives after a
/// fronted clause), version 31 revision 23 (evaluative words on a figure, judgements attributed
/// by a colon, byline tags, verdicts in relative clauses), version 32 revision 24 (hedged
/// predictions, pressing questions), version 33 revision 25 (revision 23's colon fixed, the
/// author's verdict on a source, evaluative words on a figure from the lexicons), version 34
/// revision 26 (the author's `too` of excess, superlatives of evaluative adjectives).
/// `params.features.reported_stance` (stored only when not `own`) has no version of its own:
/// its other modes change the cue names, so a factop from before it refuses such a file.
/// A model is
/// written with the oldest version that holds it (models without either feature as version 1,
/// byte for byte as before), so older factops keep reading what they can.
pub const FORMAT_VERSION: u32 = 34;
/// Largest log-count ratio magnitude a model file may hold (real ones are below about 20).
const MAX_NB_RATIO: f32 = 1e3;
/// Largest weight or bias magnitude a model file may hold.
const MAX_WEIGHT: f64 = 1e6;
/// The format tag at the top of every model file.
pub const FORMAT_TAG: &str = "factop-model";

/// Which class the weights point toward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orientation {
    /// The class a positive logit means (`opinion`).
    pub positive: String,
    /// The other class (`fact`).
    pub negative: String,
}

/// The on-disk form of a [`Model`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    /// Always [`FORMAT_TAG`].
    pub format: String,
    /// The format version.
    pub format_version: u32,
    /// Label orientation of the weights.
    pub labels: Orientation,
    /// Decision threshold on P(opinion).
    pub threshold: f64,
    /// Intercept.
    pub bias: f64,
    /// Training parameters, including the feature configuration.
    pub params: TrainParams,
    /// What training saw.
    pub training: TrainingSummary,
    /// Vocabulary and idf.
    pub vocabulary: Vocabulary,
    /// Weights, one per feature (terms, then cues, then the naive-Bayes score if any).
    pub weights: Vec<f64>,
    /// The naive-Bayes log-count ratio of each word n-gram term (format version 2), when the
    /// model was trained with `nb_score`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb_ratio: Option<Vec<f32>>,
}

/// The format version a model is written with: the oldest that can hold it.
pub fn format_version_of(m: &Model) -> u32 {
    // Each revision of the cue rules from 5 on came with a format version of its own: 13 for
    // revision 5, and one more for each revision since (34 for revision 26).
    let rules = m.params.features.cue_rules.min(crate::features::CUE_RULES);
    if rules >= 5 {
        u32::from(rules) + 8
    } else if m.params.features.mask_reported {
        12
    } else if m.params.features.cue_rules >= 4 {
        11
    } else if m.params.features.cue_rules >= 3 {
        10
    } else if m.params.features.single_quotes {
        9
    } else if !m.params.features.lexicons.is_empty() {
        8
    } else if m.params.features.cue_rules >= 2 {
        7
    } else if m.params.features.cue_scale != 1.0 {
        6
    } else if m.params.features.split_evaluative {
        5
    } else if m.params.features.mask_reported_stance {
        4
    } else if m.params.features.reported_scope {
        3
    } else if m.nb.is_some() {
        2
    } else {
        1
    }
}

impl ModelFile {
    /// The file form of a model.
    pub fn from_model(m: &Model) -> ModelFile {
        ModelFile {
            format: FORMAT_TAG.into(),
            format_version: format_version_of(m),
            labels: Orientation {
                positive: "opinion".into(),
                negative: "fact".into(),
            },
            threshold: m.threshold,
            bias: m.bias,
            params: m.params.clone(),
            training: m.summary.clone(),
            vocabulary: m.featurizer.vocabulary().clone(),
            weights: m.weights.clone(),
            nb_ratio: m.nb.as_ref().map(|nb| nb.ratio.clone()),
        }
    }

    /// Rebuild the model, checking consistency.
    pub fn into_model(self, name: &str) -> Result<Model> {
        let err = |msg: String| Error::Model {
            path: name.to_string(),
            msg,
        };
        if self.labels.positive != "opinion" || self.labels.negative != "fact" {
            return Err(err(format!(
                "unsupported label orientation {}/{}",
                self.labels.positive, self.labels.negative
            )));
        }
        let featurizer = Featurizer::from_parts(self.params.features.clone(), self.vocabulary)
            .map_err(|e| match e {
                Error::Model { msg, .. } => err(msg),
                // A setting no flag gave: the field of the file, not `invalid value for
                // --cue-rules`, which sent the user to a flag they had not typed.
                Error::Param { name, msg } => {
                    let field = name.trim_start_matches('-').replace('-', "_");
                    let field = if field == "lexicon" { "lexicons".into() } else { field };
                    err(format!(
                        "params.features.{field}: {msg} (a corrupted or hand-edited file?); retrain or restore the model"
                    ))
                }
                other => err(other.to_string()),
            })?;
        let nb = match (self.params.nb_score, self.nb_ratio) {
            (None, None) => None,
            (Some(_), Some(ratio)) => {
                let (start, len) = crate::model::word_terms(&featurizer);
                if ratio.len() != len {
                    return Err(err(format!(
                        "nb_ratio has {} values for {len} word n-gram terms",
                        ratio.len()
                    )));
                }
                if let Some(x) = ratio
                    .iter()
                    .find(|x| !(-MAX_NB_RATIO..=MAX_NB_RATIO).contains(*x))
                {
                    return Err(err(format!(
                        "nb_ratio value {x} is outside ±{MAX_NB_RATIO} (a corrupted file?)"
                    )));
                }
                Some(NbScore { start, ratio })
            }
            (Some(_), None) => {
                return Err(err("params.nb_score is set but nb_ratio is missing".into()))
            }
            (None, Some(_)) => {
                return Err(err(
                    "nb_ratio is present but params.nb_score is not set".into()
                ))
            }
        };
        let dim = featurizer.dim() + usize::from(nb.is_some());
        if self.weights.len() != dim {
            return Err(err(format!(
                "wrong dimensions: {} weights for {dim} features",
                self.weights.len(),
            )));
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(err(format!("threshold {} is outside 0..1", self.threshold)));
        }
        // Trained weights are small numbers; huge ones could only overflow a logit to NaN.
        let ok = |w: &f64| w.abs() <= MAX_WEIGHT;
        if !ok(&self.bias) || !self.weights.iter().all(ok) {
            return Err(err(format!(
                "weights or bias outside ±{MAX_WEIGHT:e} (a corrupted file?)"
            )));
        }
        Ok(Model {
            params: self.params,
            featurizer,
            weights: self.weights,
            bias: self.bias,
            threshold: self.threshold,
            summary: self.training,
            nb,
        })
    }
}

/// Serialise a model to JSON bytes (deterministic: same model, same bytes).
pub fn to_bytes(m: &Model) -> Vec<u8> {
    let mut v = serde_json::to_vec(&ModelFile::from_model(m)).expect("model serialises");
    v.push(b'\n');
    v
}

/// Parse a model from JSON bytes; `name` is used in error messages.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model> {
    // A well-formed model of a supported version parses straight into its struct (no
    // `serde_json::Value` tree in between: about half the load time); anything else goes
    // the careful way below, which names what is wrong.
    if let Ok(file) = serde_json::from_slice::<ModelFile>(bytes) {
        if file.format == FORMAT_TAG && file.format_version <= FORMAT_VERSION {
            return file.into_model(name);
        }
    }
    let err = |msg: String| Error::Model {
        path: name.to_string(),
        msg,
    };
    if bytes.trim_ascii().is_empty() {
        return Err(err(format!(
            "the file is empty (an interrupted copy or download?); retrain or restore the model (this factop reads {FORMAT_TAG} format version {FORMAT_VERSION})"
        )));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            err(format!(
                "truncated file ({e}); retrain or restore the model (this factop reads {FORMAT_TAG} format version {FORMAT_VERSION})"
            ))
        } else {
            // Not even an object: a data file, an article or a spreadsheet given as a model.
            let opens = bytes.trim_ascii_start().strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes.trim_ascii_start());
            let hint = if opens.starts_with(b"{") {
                ""
            } else {
                " (a model is the JSON file `factop train --output` writes: is this a data file or an article?)"
            };
            err(format!(
                "not a factop model: invalid JSON ({e}){hint}; this factop reads {FORMAT_TAG} format version {FORMAT_VERSION}"
            ))
        }
    })?;
    if value.get("format").and_then(|v| v.as_str()) != Some(FORMAT_TAG) {
        return Err(err(format!(
            "not a factop model: no \"format\": \"{FORMAT_TAG}\" field (this factop reads {FORMAT_TAG} format version {FORMAT_VERSION})"
        )));
    }
    // A version that is not a whole number (`"26"`, `-1`, `2.5`) was called `no
    // format_version field`, though the file has one.
    let (version, shown) = match value.get("format_version") {
        None => return Err(err("no format_version field".into())),
        Some(v) => match (v.as_u64(), v.as_f64()) {
            (Some(n), _) => (n, n.to_string()),
            // Beyond u64 (read as a float): newer than any version.
            (None, Some(x)) if x > u64::MAX as f64 => (u64::MAX, v.to_string()),
            _ => {
                return Err(err(format!(
                    "format_version {v} is not a version number (a whole number from 1; this factop reads {FORMAT_TAG} format version {FORMAT_VERSION})"
                )))
            }
        },
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(err(format!(
            "format version {shown} is newer than this factop supports (version {FORMAT_VERSION}); upgrade factop"
        )));
    }
    let file: ModelFile = serde_json::from_value(value).map_err(|e| {
        err(format!(
            "malformed model file ({e}); this factop reads {FORMAT_TAG} format version {FORMAT_VERSION}"
        ))
    })?;
    file.into_model(name)
}

/// The default model shipped in `models/default.json`, embedded in the binary.
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../models/default.json");
/// How the embedded model is named in messages.
pub const DEFAULT_MODEL_NAME: &str = "<embedded default>";

/// [`DEFAULT_MODEL`] pre-parsed by `build.rs` (its layout is described there): the model file
/// without its large arrays as JSON, then the vocabulary terms, idf values, weights and
/// naive-Bayes ratios as lengths and raw bits. Reading it costs a fraction of parsing the JSON
/// numbers and strings; the values are the same bits (a unit test compares the whole model).
const DEFAULT_MODEL_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default_model.bin"));

/// Reads [`DEFAULT_MODEL_BIN`] front to back.
struct BinReader<'a>(&'a [u8]);

impl<'a> BinReader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    /// `n` little-endian words of `N` bytes.
    fn words<const N: usize>(&mut self, n: usize) -> Option<impl Iterator<Item = [u8; N]> + 'a> {
        let bytes = self.bytes(n.checked_mul(N)?)?;
        Some(bytes.chunks_exact(N).map(|c| {
            let mut w = [0; N];
            w.copy_from_slice(c);
            w
        }))
    }

    fn u32(&mut self) -> Option<u32> {
        self.words::<4>(1)?.next().map(u32::from_le_bytes)
    }

    fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    fn f32s(&mut self) -> Option<Vec<f32>> {
        let n = self.len()?;
        Some(self.words(n)?.map(f32::from_le_bytes).collect())
    }
}

/// A model's file form from its pre-parsed form `bin` ([`DEFAULT_MODEL_BIN`]; `None` if it
/// does not read as written by `build.rs`).
fn read_pre_parsed(bin: &[u8]) -> Option<ModelFile> {
    let mut r = BinReader(bin);
    let head_len = r.len()?;
    let mut file: ModelFile = serde_json::from_slice(r.bytes(head_len)?).ok()?;
    let n = r.len()?;
    let lens: Vec<usize> = r
        .words(n)?
        .map(|w| u32::from_le_bytes(w) as usize)
        .collect();
    let text = std::str::from_utf8(r.bytes(lens.iter().sum())?).ok()?;
    let mut at = 0;
    let mut terms = Vec::with_capacity(n);
    for len in lens {
        terms.push(text.get(at..at + len)?.into());
        at += len;
    }
    file.vocabulary.terms = terms;
    file.vocabulary.idf = r.f32s()?;
    let n = r.len()?;
    file.weights = r.words(n)?.map(f64::from_le_bytes).collect();
    file.nb_ratio = match r.u32()? {
        u32::MAX => None,
        n => Some(r.words(n as usize)?.map(f32::from_le_bytes).collect()),
    };
    (r.0.is_empty() && file.format == FORMAT_TAG && file.format_version <= FORMAT_VERSION)
        .then_some(file)
}

/// The embedded default model: from its pre-parsed form, or (should that ever not read) from
/// the JSON it was made from.
pub fn default_model() -> Result<Model> {
    match read_pre_parsed(DEFAULT_MODEL_BIN) {
        Some(file) => file.into_model(DEFAULT_MODEL_NAME),
        None => from_bytes(DEFAULT_MODEL, DEFAULT_MODEL_NAME),
    }
}

/// Read a model file, or the embedded default when `path` is `None`.
pub fn load_or_default(path: Option<&Path>) -> Result<Model> {
    match path {
        Some(p) => load(p),
        None => default_model(),
    }
}

/// Read a model file.
pub fn load(path: &Path) -> Result<Model> {
    // `-` is standard input everywhere else; here it said `No such file or directory`.
    if path.as_os_str() == "-" {
        return Err(Error::Model {
            path: "-".into(),
            msg: "a model is read from its file, not from standard input: name the model file (e.g. my-model.json, as factop train --output wrote it)".into(),
        });
    }
    let bytes = read_model_file(path, MODEL_MAX_BYTES).map_err(|msg| Error::Model {
        path: path.display().to_string(),
        msg,
    })?;
    from_bytes(&bytes, &path.display().to_string())
}

/// The most a model file may hold. Models are JSON of a few MB (the default's is under 1 MB,
/// SUBJ's with 200,000 n-grams about 10 MB); `-m /dev/zero` was read until memory ran out.
const MODEL_MAX_BYTES: u64 = 1 << 30;

/// Read a model file, stopping early at what cannot be one: a NUL byte in its first 64 KiB
/// (a model is JSON text, which has none: `/dev/zero`, a disk image, a binary) or more than
/// `cap` bytes. The error is the message for [`Error::Model`].
fn read_model_file(path: &Path, cap: u64) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read;
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::IsADirectory {
            format!(
                "is a folder, not a model file: name the file (e.g. {}/model.json)",
                path.display().to_string().trim_end_matches('/')
            )
        } else {
            format!("cannot read it: {}", crate::error::io_reason(&e))
        }
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(cap.min(1 << 16))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.contains(&0) {
        return Err("the file is not text (binary bytes): a model is the JSON file `factop train --output` writes".into());
    }
    let rest = cap + 1 - bytes.len() as u64;
    file.take(rest).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err("the file runs on for over 1 GiB: not a model (a model is the JSON file `factop train --output` writes, a few MB)".into());
    }
    Ok(bytes)
}

/// Fail early if the model path `path` (`--output`) cannot be written: see [`check_output`].
pub fn check_writable(path: &Path) -> Result<()> {
    check_output("--output", path, "model.json")
}

/// Fail early if `path`, given with `flag`, cannot be written: its folder must exist and
/// accept a new file, and `path` itself must not be a folder or a device (an atomic rename
/// would replace it), nor `-` (standard output to the user, a file named `-` to the
/// system). `example` names a file for the hint.
pub fn check_output(flag: &'static str, path: &Path, example: &str) -> Result<()> {
    let out = |msg: String| Error::Output {
        flag,
        path: path.to_path_buf(),
        msg,
    };
    // `-` means standard input or output everywhere else; here it made a file named `-`.
    if path.as_os_str() == "-" {
        return Err(Error::Param {
            name: flag,
            msg: format!(
                "takes a file, not `-` (standard output holds the command's report): name a file (e.g. {flag} {example})"
            ),
        });
    }
    // `-o out/` (a folder not yet made): the check wrote its probe beside `out`, and the
    // rename after training or scoring failed with `out/: Not a directory (os error 20)`.
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") && !path.is_dir() {
        let folder = path.display().to_string();
        let folder = folder.trim_end_matches('/');
        return Err(out(format!(
            "ends with `/`, so it names a folder, and there is no folder {folder}: name the file (e.g. {folder}/{example}, after mkdir -p {folder})"
        )));
    }
    // The temporary file's name is cut to fit (see `temp_path`), so its probe below does not
    // show that the name itself is too long: the rename after the work failed.
    let name_len = path.file_name().map_or(0, |n| n.as_encoded_bytes().len());
    if name_len > NAME_MAX {
        return Err(out(format!(
            "the file name is {name_len} bytes long, and file systems take at most {NAME_MAX}: choose a shorter name"
        )));
    }
    // `/dev/stdout`, `/dev/fd/1`, or the file standard output is redirected to: the rename
    // replaced that file (the report then went to the unlinked one) or, for a pipe, failed
    // with a message about `/proc/self/fd/pipe:[...]`.
    if let Some(stream) = standard_stream(path) {
        return Err(Error::Param {
            name: flag,
            msg: format!(
                "{} is factop's standard {stream}{}: {flag} takes a file of its own (e.g. {flag} {example})",
                path.display(),
                if stream == "output" { ", which holds the command's report" } else { "" }
            ),
        });
    }
    // A pipe or a device reached through a link the kernel resolves (`/dev/fd/63` of a
    // shell's `>(...)`, `/proc/self/fd/N`): its target is no path, so say what it is here.
    if let Ok(m) = std::fs::metadata(path) {
        if !m.is_dir() && !m.is_file() {
            return Err(out(format!(
                "is {}, not a regular file (it is written to a temporary file, then renamed over it): name a file (e.g. {flag} {example})",
                special_kind(&m)
            )));
        }
    }
    // A symbolic link is written through: its target is checked (a dangling link's too).
    let target = link_target(path).map_err(|e| out(e.to_string()))?;
    if target.is_dir() {
        return Err(out(format!(
            "is a folder: name the file (e.g. {}/{example})",
            path.display().to_string().trim_end_matches('/')
        )));
    }
    if target.exists() && !target.is_file() {
        return Err(out(
            "not a regular file (it is written to a temporary file, then renamed): choose a file path".into(),
        ));
    }
    let probe = temp_path(&target);
    // The folder named in the hint is the one written: the link target's.
    std::fs::File::create(&probe).map_err(|e| Error::output(flag, &target, &e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Which of factop's standard streams (`output`, `error`, `input`) `path` is the same file
/// as, if any (through `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` or its own name): a
/// stream that is `/dev/null` takes nothing from the report and is not counted.
#[cfg(unix)]
fn standard_stream(path: &Path) -> Option<&'static str> {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let id = |m: std::fs::Metadata| (m.dev(), m.ino());
    let file = id(std::fs::metadata(path).ok()?);
    if std::fs::metadata("/dev/null").is_ok_and(|m| id(m) == file) {
        return None;
    }
    let stream_id = |fd: std::os::fd::BorrowedFd<'_>| {
        let owned = fd.try_clone_to_owned().ok()?;
        std::fs::File::from(owned).metadata().ok().map(id)
    };
    let streams = [
        ("output", stream_id(std::io::stdout().as_fd())),
        ("error", stream_id(std::io::stderr().as_fd())),
        ("input", stream_id(std::io::stdin().as_fd())),
    ];
    streams
        .into_iter()
        .find(|(_, s)| *s == Some(file))
        .map(|(name, _)| name)
}

#[cfg(not(unix))]
fn standard_stream(_path: &Path) -> Option<&'static str> {
    None
}

/// What a file that is neither a regular file nor a folder is, for a message.
fn special_kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = m;
    "a special file"
}

/// Refuse an output path (given with `flag`) that names one of the input files given with
/// `input_flag`, which hold `what` (`train --data d.csv -o d.csv` would replace the training
/// data with the model).
pub fn check_not_an_input<P: AsRef<Path>>(
    flag: &'static str,
    path: &Path,
    (input_flag, what): (&str, &str),
    inputs: &[P],
) -> Result<()> {
    let Ok(out) = std::fs::canonicalize(path) else {
        return Ok(()); // not there yet: it cannot be an input
    };
    for input in inputs {
        let input = input.as_ref();
        if std::fs::canonicalize(input).is_ok_and(|i| i == out) {
            return Err(Error::Param {
                name: flag,
                msg: format!(
                    "{} is the {input_flag} file {}: writing {flag} would replace {what}; choose another path",
                    path.display(),
                    input.display()
                ),
            });
        }
    }
    Ok(())
}

/// Symbolic links followed at most this many times (as the system's ELOOP limit).
const MAX_LINKS: usize = 40;

/// The file that writing `path` replaces: `path` itself, or, if it is a symbolic link, the
/// file it points to (followed link by link; a relative target is read from the link's
/// folder), so that the link survives a write and points at the new content. A dangling
/// link's target is written if its folder exists; otherwise the error says so.
pub fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let t = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if t.is_relative() => dir.join(t),
                    _ => t,
                };
            }
            _ => {
                if p != path && std::fs::symlink_metadata(&p).is_err() {
                    let folder = match p.parent() {
                        Some(d) if !d.as_os_str().is_empty() => d,
                        _ => Path::new("."),
                    };
                    if !folder.is_dir() {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::NotFound,
                            format!(
                                "is a symbolic link to {}, whose folder {} does not exist: create the folder or replace the link",
                                p.display(),
                                folder.display()
                            ),
                        ));
                    }
                }
                return Ok(p);
            }
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?): choose another path"
    )))
}

fn temp_path(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "model".into());
    // Unique per call in this process (and per process by its id): two targets whose names
    // are cut to the same start below, or one target staged twice, had one temporary file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let suffix = format!(".tmp-{}-{n}", std::process::id());
    // A name near the system's 255-byte limit is a valid output, but its temporary name,
    // 16 bytes longer, was not: `-o` failed with `File name too long`.
    let mut keep = NAME_MAX.saturating_sub(1 + suffix.len()).min(name.len());
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    name.truncate(keep);
    dir.join(format!(".{name}{suffix}"))
}

/// The longest file name (in bytes) most file systems take.
const NAME_MAX: usize = 255;

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over `path`. On any failure the previous file is untouched. A symbolic link
/// is written through: its target is replaced and the link kept (see [`link_target`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut staged = Staged::default();
    staged.stage(path, bytes)?;
    staged.commit()
}

/// Files written as one set: each is written to a temporary file in its target's folder and
/// flushed to disk ([`Staged::stage`]), and only when every one is written are they all
/// renamed over their targets ([`Staged::commit`]). A failure while writing (a full disk)
/// leaves every earlier file of the set as it was, where writing them one by one left a mix
/// of new and old files. Dropped before its commit, it removes its temporary files.
#[derive(Debug, Default)]
pub struct Staged {
    /// The temporary file, the file it replaces, and the path as given (for messages).
    files: Vec<(PathBuf, PathBuf, PathBuf)>,
}

impl Staged {
    /// Write `bytes` to a temporary file beside `path` (beside its target, for a symbolic
    /// link: see [`link_target`]), to be renamed over it by [`Staged::commit`].
    pub fn stage(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        let target = link_target(path).map_err(|e| Error::io(path, e))?;
        let tmp = temp_path(&target);
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::io(path, e));
        }
        self.files.push((tmp, target, path.to_path_buf()));
        Ok(())
    }

    /// Rename every staged file over its target, in the order staged.
    pub fn commit(mut self) -> Result<()> {
        for i in 0..self.files.len() {
            let (tmp, target, path) = &self.files[i];
            if let Err(e) = std::fs::rename(tmp, target) {
                let e = Error::io(path, e);
                self.files.drain(..i); // renamed: nothing left to remove
                return Err(e);
            }
        }
        self.files.clear();
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for (tmp, ..) in &self.files {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Save a model atomically.
pub fn save(m: &Model, path: &Path) -> Result<()> {
    write_atomic(path, &to_bytes(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the feature `name` is in `m`'s vector of `text` (scored on its own).
    fn fires(m: &Model, text: &str, name: &str) -> bool {
        let v = m
            .featurizer
            .transform(text, crate::features::Context::default());
        (v.indices.iter()).any(|&i| m.featurizer.feature_name(i as usize) == name)
    }

    /// Add the cue `name` with weight `w` to a model file: last among the cues, its weight
    /// after theirs (before the naive-Bayes score's, if any).
    fn with_cue(v: &mut serde_json::Value, name: &str, w: f64) {
        let cues = v["vocabulary"]["cues"].as_array_mut().unwrap();
        cues.push(name.into());
        let at = v["vocabulary"]["terms"].as_array().unwrap().len()
            + v["vocabulary"]["cues"].as_array().unwrap().len()
            - 1;
        v["weights"].as_array_mut().unwrap().insert(at, w.into());
    }

    #[test]
    fn a_model_file_is_read_up_to_its_cap_and_refused_past_it_or_at_a_nul_byte() {
        let dir = tempfile::tempdir().unwrap();
        let kind = |r: std::result::Result<Vec<u8>, String>| match r {
            Ok(b) => format!("ok {}", b.len()),
            Err(msg) => msg,
        };
        let text = dir.path().join("m.json");
        std::fs::write(&text, "x".repeat(100_000)).unwrap();
        assert_eq!(kind(read_model_file(&text, 100_000)), "ok 100000");
        assert!(kind(read_model_file(&text, 99_999)).starts_with("the file runs on"));
        // Under 64 KiB the cap holds too.
        assert!(kind(read_model_file(&text, 10)).starts_with("the file runs on"));
        let nul = dir.path().join("zero.bin");
        std::fs::write(&nul, [b'{', 0, b'}']).unwrap();
        assert!(kind(read_model_file(&nul, MODEL_MAX_BYTES)).starts_with("the file is not text"));
        // A NUL past the first 64 KiB is left to the JSON parser (which names where).
        let late = dir.path().join("late.bin");
        let mut b = vec![b' '; 70_000];
        b.push(0);
        std::fs::write(&late, &b).unwrap();
        assert_eq!(kind(read_model_file(&late, MODEL_MAX_BYTES)), "ok 70001");
        assert!(kind(read_model_file(&dir.path().join("none.json"), 10))
            .starts_with("cannot read it: "));
    }

    #[test]
    fn the_pre_parsed_default_model_is_the_json_one_bit_for_bit() {
        let pre = read_pre_parsed(DEFAULT_MODEL_BIN).expect("build.rs's default_model.bin reads");
        let json: ModelFile = serde_json::from_slice(DEFAULT_MODEL).unwrap();
        let bits32 = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let bits64 = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(pre.vocabulary.terms, json.vocabulary.terms);
        assert_eq!(bits32(&pre.vocabulary.idf), bits32(&json.vocabulary.idf));
        assert_eq!(bits64(&pre.weights), bits64(&json.weights));
        let ratio = |f: &ModelFile| f.nb_ratio.as_deref().map(bits32);
        assert!(json.nb_ratio.is_some());
        assert_eq!(ratio(&pre), ratio(&json));
        assert_eq!(
            (pre.threshold.to_bits(), pre.bias.to_bits()),
            (json.threshold.to_bits(), json.bias.to_bits())
        );
        assert_eq!(pre, json);
        // Everything else too: written out, both are models/default.json byte for byte.
        let from_pre = to_bytes(&pre.into_model("pre").unwrap());
        assert_eq!(from_pre, to_bytes(&json.into_model("json").unwrap()));
        assert!(
            from_pre == DEFAULT_MODEL,
            "default.json is not as factop writes it"
        );
        assert_eq!(to_bytes(&default_model().unwrap()), DEFAULT_MODEL);
    }

    #[test]
    fn a_damaged_pre_parsed_model_reads_as_none() {
        let bin = DEFAULT_MODEL_BIN;
        let head = u32::from_le_bytes(bin[..4].try_into().unwrap()) as usize;
        for cut in [0, 3, 4, 4 + head, 8 + head, bin.len() / 2, bin.len() - 1] {
            assert!(read_pre_parsed(&bin[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bin.to_vec();
        longer.push(0);
        assert!(read_pre_parsed(&longer).is_none());
        // The first term's first byte made invalid UTF-8.
        let n = u32::from_le_bytes(bin[4 + head..8 + head].try_into().unwrap()) as usize;
        let mut bad = bin.to_vec();
        bad[8 + head + 4 * n] = 0xff;
        assert!(read_pre_parsed(&bad).is_none());
    }

    #[test]
    fn rejects_newer_version_and_garbage() {
        let e = from_bytes(
            br#"{"format":"factop-model","format_version":99}"#,
            "m.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("newer") && e.contains(&format!("version {FORMAT_VERSION}")),
            "{e}"
        );
        let e = from_bytes(b"{\"format\": \"factop-mo", "m.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("truncated"), "{e}");
        for empty in [&b""[..], b" \n"] {
            let e = from_bytes(empty, "m.json").unwrap_err().to_string();
            assert!(e.contains("the file is empty"), "{e}");
        }
        let e = from_bytes(b"hello", "m.json").unwrap_err().to_string();
        assert!(e.contains("invalid JSON"), "{e}");
        // A data file or an article given as a model says what a model is.
        for not_json in [&b"sentence,label\nx,fact\n"[..], b"\xEF\xBB\xBFThe vote."] {
            let e = from_bytes(not_json, "m.json").unwrap_err().to_string();
            assert!(e.contains("`factop train --output` writes"), "{e}");
        }
        let e = from_bytes(b"{\"format\": x}", "m.json")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("factop train"), "{e}");
        let e = from_bytes(b"{}", "m.json").unwrap_err().to_string();
        assert!(e.contains("not a factop model"), "{e}");
    }

    /// A model file with its naive-Bayes score removed: the `nb_score` parameter, the ratio
    /// and the score's weight (the last one).
    fn without_nb_score(v: &serde_json::Value) -> serde_json::Value {
        let mut v = v.clone();
        assert!(v["params"]
            .as_object_mut()
            .unwrap()
            .remove("nb_score")
            .is_some());
        assert!(v.as_object_mut().unwrap().remove("nb_ratio").is_some());
        v["weights"].as_array_mut().unwrap().pop();
        v
    }

    /// The default model's file without single quotes and with the first cue rules: the
    /// format versions the tests below check are those of models without them (single quotes
    /// make any model version 9, cue rules 3 version 10, cue rules 4 version 11, cue rules 5
    /// version 13, cue rules 6 version 14, cue rules 7 version 15, cue rules 8 version 16, cue rules 9
    /// version 17, cue rules 10 version 18, cue rules 11 version 19, cue rules 12 version 20, cue
    /// rules 13 version 21, cue rules 14 version 22, cue rules 15 version 23, cue rules 16 version 24,
    /// cue rules 17 version 25, cue rules 18 version 26, cue rules 19 version 27, cue rules 20
    /// version 28, cue rules 21 version 29, cue rules 22 version 30, cue rules 23 version 31, cue
    /// rules 24 version 32, cue rules 25 version 33, cue rules 26 version 34).
    /// Its reported-stance
    /// matches count as before the option (`own`: see [`with_reported_stance_cue`]) and it has
    /// no stance frames' cue (cue rules 11) or weight.
    fn default_json() -> serde_json::Value {
        let mut v = with_reported_stance_cue(serde_json::from_slice(DEFAULT_MODEL).unwrap(), 0.0);
        let features = v["params"]["features"].as_object_mut().unwrap();
        assert_eq!(features.remove("single_quotes"), Some(true.into()));
        assert_eq!(features.remove("cue_rules"), Some(26.into()));
        remove_cue(&mut v, "cue:stance_frames");
        v["format_version"] = 3.into();
        v
    }

    /// Removes a cue and its weight from a model file.
    fn remove_cue(v: &mut serde_json::Value, name: &str) {
        let at = cue_position(v, name).unwrap();
        v["vocabulary"]["cues"].as_array_mut().unwrap().remove(at);
        let terms = v["vocabulary"]["terms"].as_array().unwrap().len();
        v["weights"].as_array_mut().unwrap().remove(terms + at);
    }

    fn cue_position(v: &serde_json::Value, name: &str) -> Option<usize> {
        v["vocabulary"]["cues"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c == name)
    }

    /// The default model's file (`--reported-stance drop`) as an `own` model: without the
    /// field, with `cue:reported_stance` back after `cue:reported_evaluative`, weighing
    /// `weight`.
    fn with_reported_stance_cue(mut v: serde_json::Value, weight: f32) -> serde_json::Value {
        let features = v["params"]["features"].as_object_mut().unwrap();
        assert_eq!(features.remove("reported_stance"), Some("drop".into()));
        let at = cue_position(&v, "cue:reported_evaluative").unwrap() + 1;
        v["vocabulary"]["cues"]
            .as_array_mut()
            .unwrap()
            .insert(at, "cue:reported_stance".into());
        let terms = v["vocabulary"]["terms"].as_array().unwrap().len();
        v["weights"]
            .as_array_mut()
            .unwrap()
            .insert(terms + at, weight.into());
        v
    }

    /// [`default_json`] as a model.
    fn default_double() -> Model {
        from_bytes(default_json().to_string().as_bytes(), "double.json").unwrap()
    }

    #[test]
    fn single_quotes_and_cue_rules_3_to_26_are_stored_and_make_version_9_to_34() {
        let m = default_model().unwrap();
        assert!(m.params.features.single_quotes);
        // The default model has cue rules 26: version 34, read back as 26.
        assert_eq!(m.params.features.cue_rules, 26);
        assert_eq!(format_version_of(&m), 34);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert_eq!(v["format_version"], 34);
        assert_eq!(v["params"]["features"]["single_quotes"], true);
        assert_eq!(v["params"]["features"]["cue_rules"], 26);
        let back = from_bytes(&to_bytes(&m), "default.json").unwrap();
        assert_eq!(back.params.features.cue_rules, 26);
        for (rules, version) in [
            (25, 33),
            (24, 32),
            (23, 31),
            (22, 30),
            (21, 29),
            (20, 28),
            (19, 27),
            (18, 26),
            (17, 25),
            (16, 24),
            (15, 23),
            (14, 22),
            (13, 21),
            (12, 20),
            (11, 19),
            (10, 18),
            (9, 17),
            (8, 16),
            (7, 15),
            (6, 14),
            (5, 13),
            (4, 11),
            (3, 10),
            (1, 9),
        ] {
            let mut older = m.clone();
            older.params.features.cue_rules = rules;
            assert_eq!(format_version_of(&older), version, "cue rules {rules}");
        }
        // A file without the field reads as before single quotes, and is written as such.
        let old = default_double();
        assert!(!old.params.features.single_quotes);
        assert_eq!(format_version_of(&old), 3);
        let text = "\u{2018}This is a disgrace and a scandal,\u{2019} said the mayor.";
        assert_ne!(m.p_opinion(text), old.p_opinion(text));
        // The same weights: only sentences with single marks read differently.
        let plain = "The council voted on Tuesday.";
        assert_eq!(m.p_opinion(plain), old.p_opinion(plain));
    }

    #[test]
    fn a_model_from_before_the_reported_scope_loads_as_it_was() {
        let m = default_double();
        assert!(m.params.features.reported_scope);
        assert_eq!(format_version_of(&m), 3);
        // The default model as a version-1 file (no reported-speech field or cues, no
        // naive-Bayes score) loads with the scope off, and scores as such a model always did.
        let mut v = without_nb_score(&default_json());
        v["format_version"] = 1.into();
        v["params"]["features"]
            .as_object_mut()
            .unwrap()
            .remove("reported_scope");
        let reported = 3;
        let cues = v["vocabulary"]["cues"].as_array_mut().unwrap();
        cues.truncate(cues.len() - reported);
        let weights = v["weights"].as_array_mut().unwrap();
        weights.truncate(weights.len() - reported);
        let old = from_bytes(v.to_string().as_bytes(), "old.json").unwrap();
        assert!(!old.params.features.reported_scope);
        assert_eq!(format_version_of(&old), 1);
        // A source's judgement: the author's evaluative cue fires only in the old model.
        let text = "The harbour board called the ferry deal disastrous.";
        let fires = |m: &Model, name: &str| fires(m, text, name);
        assert!(fires(&old, "cue:evaluative"));
        assert!(!fires(&m, "cue:evaluative"));
        assert!(fires(&m, "cue:reported_evaluative"));
        // Re-saved, the old model is byte for byte the version-1 file it came from.
        let again: serde_json::Value = serde_json::from_slice(&to_bytes(&old)).unwrap();
        assert_eq!(again, v);
    }

    #[test]
    fn the_split_evaluative_lexicon_is_stored_only_when_on() {
        let m = default_double();
        assert!(!m.params.features.split_evaluative);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert!(v["params"]["features"].get("split_evaluative").is_none());
        // On, the model has one more cue (last) and is written as version 5.
        let mut v: serde_json::Value = default_json();
        v["params"]["features"]["split_evaluative"] = true.into();
        let e = from_bytes(v.to_string().as_bytes(), "split.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("cue features differ"), "{e}");
        with_cue(&mut v, "cue:descriptive", 0.5);
        let on = from_bytes(v.to_string().as_bytes(), "split.json").unwrap();
        assert!(on.params.features.split_evaluative);
        assert_eq!(format_version_of(&on), 5);
        let saved: serde_json::Value = serde_json::from_slice(&to_bytes(&on)).unwrap();
        assert_eq!(saved["format_version"], 5);
        assert_eq!(saved["params"]["features"]["split_evaluative"], true);
        // A report of a crisis fires the descriptive cue, not the evaluative one.
        let text = "The flood left the valley in a severe crisis.";
        let fires = |m: &Model, name: &str| fires(m, text, name);
        assert!(fires(&m, "cue:evaluative"));
        assert!(!fires(&on, "cue:evaluative"));
        assert!(fires(&on, "cue:descriptive"));
    }

    #[test]
    fn the_cue_scale_is_stored_only_when_not_one_and_checked_at_load() {
        let m = default_double();
        assert_eq!(m.params.features.cue_scale, 1.0);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert!(v["params"]["features"].get("cue_scale").is_none());
        let with = |scale: serde_json::Value| {
            let mut v: serde_json::Value = default_json();
            v["params"]["features"]["cue_scale"] = scale;
            from_bytes(v.to_string().as_bytes(), "scaled.json")
        };
        let on = with(2.0.into()).unwrap();
        assert_eq!(format_version_of(&on), 6);
        let saved: serde_json::Value = serde_json::from_slice(&to_bytes(&on)).unwrap();
        assert_eq!(saved["format_version"], 6);
        assert_eq!(saved["params"]["features"]["cue_scale"], 2.0);
        // The same weights see doubled cues: a question's probability moves.
        let text = "Is this really the best the council can do?";
        assert_ne!(m.p_opinion(text), on.p_opinion(text));
        for bad in [0.0, -1.0, 1e9] {
            let e = with(bad.into()).unwrap_err().to_string();
            assert!(
                e.contains("scaled.json") && e.contains("params.features.cue_scale: "),
                "{e}"
            );
        }
    }

    #[test]
    fn user_lexicons_are_checked_at_load() {
        let with = |entries: serde_json::Value, cue: bool| {
            let mut v: serde_json::Value = default_json();
            v["params"]["features"]["lexicons"] =
                serde_json::json!([{"name": "loaded", "entries": entries}]);
            if cue {
                with_cue(&mut v, "cue:lex:loaded", 2.0);
            }
            from_bytes(v.to_string().as_bytes(), "lex.json")
        };
        let m = with(serde_json::json!(["fiasco", "utter disgrace"]), true).unwrap();
        assert_eq!(format_version_of(&m), 8);
        let text = "The launch was an utter disgrace.";
        assert!(m.p_opinion(text) > default_double().p_opinion(text));
        for (entries, cue, expect) in [
            (serde_json::json!(["fiasco"]), false, "cue features differ"),
            (serde_json::json!(["Fiasco"]), true, "malformed entry"),
            (serde_json::json!([]), true, "has no entries"),
        ] {
            let e = with(entries, cue).unwrap_err().to_string();
            assert!(e.contains("lex.json") && e.contains(expect), "{e}");
        }
    }

    #[test]
    fn the_reported_stance_mode_is_stored_only_when_not_own() {
        use crate::features::ReportedStance;
        // The default model drops them (stored); `cue:reported_stance` is not among its cues.
        let m = default_model().unwrap();
        assert_eq!(m.params.features.reported_stance, ReportedStance::Drop);
        let stored: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert_eq!(stored["params"]["features"]["reported_stance"], "drop");
        let text = "Critics say the council should act and will regret it.";
        assert!(!fires(&m, text, "cue:reported_stance"));
        assert!(fires(&m, text, "cue:reported_words"));
        // Without the field a file reads as `own`, which needs `cue:reported_stance` among the
        // cues: the default model's cues alone are refused.
        let mut v: serde_json::Value = serde_json::from_slice(DEFAULT_MODEL).unwrap();
        v["params"]["features"]
            .as_object_mut()
            .unwrap()
            .remove("reported_stance");
        let e = from_bytes(v.to_string().as_bytes(), "own.json")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("own.json") && e.contains("cue features differ"),
            "{e}"
        );
        // With the cue (and a weight) back, it loads as `own` and is written without the field.
        let v = with_reported_stance_cue(serde_json::from_slice(DEFAULT_MODEL).unwrap(), 0.9);
        let own = from_bytes(v.to_string().as_bytes(), "own.json").unwrap();
        assert_eq!(own.params.features.reported_stance, ReportedStance::Own);
        // No format version of its own: a factop from before the field reads `own`'s cue names
        // and refuses a `drop` file (its cues differ).
        assert_eq!(format_version_of(&own), format_version_of(&m));
        let saved: serde_json::Value = serde_json::from_slice(&to_bytes(&own)).unwrap();
        assert_eq!(saved, v);
        assert!(saved["params"]["features"].get("reported_stance").is_none());
        assert!(fires(&own, text, "cue:reported_stance"));
        // Without reported stance words the two models score alike: the same weights.
        for plain in [
            "The council voted on Tuesday.",
            "The plan is a disgrace, officials said.",
            "We should act now.",
        ] {
            assert_eq!(m.p_opinion(plain), own.p_opinion(plain), "{plain}");
        }
        assert_ne!(m.p_opinion(text), own.p_opinion(text));
        // An unknown mode is an error naming the file.
        let mut v = v;
        v["params"]["features"]["reported_stance"] = "sideways".into();
        let e = from_bytes(v.to_string().as_bytes(), "mode.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("mode.json"), "{e}");
    }

    #[test]
    fn masking_reported_stance_is_stored_only_when_on() {
        let m = default_double();
        assert!(!m.params.features.mask_reported_stance);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert!(v["params"]["features"]
            .get("mask_reported_stance")
            .is_none());
        let mut on = m.clone();
        on.params.features.mask_reported_stance = true;
        assert_eq!(format_version_of(&on), 4);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&on)).unwrap();
        assert_eq!(v["format_version"], 4);
        assert_eq!(v["params"]["features"]["mask_reported_stance"], true);
        let back = from_bytes(&to_bytes(&on), "on.json").unwrap();
        assert!(back.params.features.mask_reported_stance);
    }

    #[test]
    fn masking_reported_speech_is_stored_only_when_on_as_version_12() {
        let m = default_model().unwrap();
        assert!(!m.params.features.mask_reported);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&m)).unwrap();
        assert!(v["params"]["features"].get("mask_reported").is_none());
        let mut on = m.clone();
        on.params.features.mask_reported = true;
        // (With cue rules 26 the model is version 34 whatever else it holds.)
        assert_eq!(format_version_of(&on), 34);
        // With cue rules 4 (the default model as the first cue rules read it, cue rules 4 on).
        let m = default_double();
        let mut on = m.clone();
        on.params.features.mask_reported = true;
        on.params.features.cue_rules = 4;
        assert_eq!(format_version_of(&on), 12);
        let v: serde_json::Value = serde_json::from_slice(&to_bytes(&on)).unwrap();
        assert_eq!(v["format_version"], 12);
        assert_eq!(v["params"]["features"]["mask_reported"], true);
        let back = from_bytes(&to_bytes(&on), "on.json").unwrap();
        assert!(back.params.features.mask_reported);
        // The same weights read other n-grams: a source's judgement scores otherwise.
        let text = "Harbour traders say the new toll is a reckless gamble.";
        assert_ne!(m.p_opinion(text), back.p_opinion(text));
    }

    #[test]
    fn version_1_loads_and_nb_fields_must_agree() {
        let m = default_double();
        assert_eq!(m.params.nb_score, Some(1.0));
        assert!(m.nb.is_some());
        // Without the score (its parameter, ratio and weight) the file loads as a model
        // without it.
        let mut v = without_nb_score(&default_json());
        let plain = from_bytes(v.to_string().as_bytes(), "m.json").unwrap();
        assert!(plain.nb.is_none() && plain.params.nb_score.is_none());
        v["params"]["nb_score"] = serde_json::json!(0.5);
        let e = from_bytes(v.to_string().as_bytes(), "m.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("nb_ratio is missing"), "{e}");
        v["nb_ratio"] = serde_json::json!([0.5]);
        let e = from_bytes(v.to_string().as_bytes(), "m.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("word n-gram terms"), "{e}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        check_writable(&p).unwrap();
        assert!(check_writable(dir.path()).is_err());
        assert!(check_writable(&dir.path().join("missing/m.json")).is_err());
    }

    #[test]
    fn staged_files_leave_no_temporary_file_on_any_failure() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, b"old a").unwrap();
        std::fs::write(&b, b"old b").unwrap();
        let names = || {
            let mut v: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        // A failure while staging (a missing folder): the earlier file's temporary file is
        // removed when the set is dropped, and no file is replaced.
        let mut staged = Staged::default();
        staged.stage(&a, b"new a").unwrap();
        assert!(staged
            .stage(&dir.path().join("missing/c.txt"), b"c")
            .is_err());
        drop(staged);
        assert_eq!(names(), ["a.txt", "b.txt"]);
        assert_eq!(std::fs::read(&a).unwrap(), b"old a");
        // Dropped before its commit: nothing replaced, nothing left.
        let mut staged = Staged::default();
        staged.stage(&a, b"new a").unwrap();
        staged.stage(&b, b"new b").unwrap();
        drop(staged);
        assert_eq!(names(), ["a.txt", "b.txt"]);
        assert_eq!(std::fs::read(&b).unwrap(), b"old b");
        // A rename that fails at commit (the target became a folder that is not empty): the
        // files before it are renamed, its temporary file and the later ones are removed.
        let c = dir.path().join("c.txt");
        let mut staged = Staged::default();
        staged.stage(&a, b"new a").unwrap();
        staged.stage(&c, b"new c").unwrap();
        staged.stage(&b, b"new b").unwrap();
        std::fs::create_dir(&c).unwrap();
        std::fs::write(c.join("inside"), b"x").unwrap();
        let e = staged.commit().unwrap_err().to_string();
        assert!(e.contains("c.txt"), "{e}");
        assert_eq!(names(), ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(std::fs::read(&b).unwrap(), b"old b");
    }

    #[cfg(unix)]
    #[test]
    fn targets_whose_names_share_their_start_get_their_own_temporary_files() {
        // Two names that share their first 238 bytes had one temporary name once cut to fit
        // the 255-byte limit: the second staging overwrote the first's file, the commit put
        // the second's bytes under the first name and then failed on the second.
        let dir = tempfile::tempdir().unwrap();
        let stem = "r".repeat(248);
        let a = dir.path().join(format!("{stem}-a.svg"));
        let b = dir.path().join(format!("{stem}-b.svg"));
        // The same target twice (two spellings of one path) also gets two temporary files.
        let c = dir.path().join("c.svg");
        let c2 = dir.path().join(".").join("c.svg");
        assert_ne!(temp_path(&a), temp_path(&b));
        assert_ne!(temp_path(&c), temp_path(&c));
        let mut staged = Staged::default();
        staged.stage(&a, b"first").unwrap();
        staged.stage(&b, b"second").unwrap();
        staged.stage(&c, b"third").unwrap();
        staged.stage(&c2, b"fourth").unwrap();
        staged.commit().unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"first");
        assert_eq!(std::fs::read(&b).unwrap(), b"second");
        assert_eq!(std::fs::read(&c).unwrap(), b"fourth");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            3,
            "a temporary file was left"
        );
        for p in [&a, &b] {
            let name = temp_path(p);
            assert!(
                name.file_name().unwrap().len() <= NAME_MAX,
                "{}",
                name.display()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_through_a_symbolic_link_keeps_the_link() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("models");
        std::fs::create_dir(&real).unwrap();
        let target = real.join("m.json");
        std::fs::write(&target, b"old").unwrap();
        // A relative link, through a second link.
        let link = dir.path().join("latest.json");
        symlink("models/m.json", &link).unwrap();
        let link2 = dir.path().join("current.json");
        symlink(&link, &link2).unwrap();
        check_writable(&link2).unwrap();
        write_atomic(&link2, b"new").unwrap();
        for l in [&link, &link2] {
            assert!(std::fs::symlink_metadata(l)
                .unwrap()
                .file_type()
                .is_symlink());
        }
        assert_eq!(std::fs::read(&link2).unwrap(), b"new");
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        // No temporary file left beside the link or the target.
        assert_eq!(std::fs::read_dir(&real).unwrap().count(), 1);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
        // A dangling link: its target is written when its folder exists.
        let dangling = dir.path().join("next.json");
        symlink(real.join("next.json"), &dangling).unwrap();
        check_writable(&dangling).unwrap();
        write_atomic(&dangling, b"n").unwrap();
        assert_eq!(std::fs::read(real.join("next.json")).unwrap(), b"n");
        // ... and an error naming the link and the missing folder otherwise.
        let nowhere = dir.path().join("nowhere.json");
        symlink(dir.path().join("gone/m.json"), &nowhere).unwrap();
        for e in [
            check_writable(&nowhere).unwrap_err().to_string(),
            write_atomic(&nowhere, b"x").unwrap_err().to_string(),
        ] {
            assert!(
                e.contains("nowhere.json") && e.contains("gone") && e.contains("does not exist"),
                "{e}"
            );
        }
        // A loop of links.
        let a = dir.path().join("a.json");
        symlink(dir.path().join("b.json"), &a).unwrap();
        symlink(&a, dir.path().join("b.json")).unwrap();
        let e = write_atomic(&a, b"x").unwrap_err().to_string();
        assert!(e.contains("a loop"), "{e}");
    }
}
