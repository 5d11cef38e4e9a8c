//! The library's error type: every failure names the file, row, flag or model it concerns.

use std::path::{Path, PathBuf};

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How messages name standard input (`-` on the command line).
pub const STDIN: &str = "standard input";

/// Everything that can go wrong in factop's library code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O failure on a named file.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A problem with a data file as a whole (empty, missing column, one class only, ...).
    #[error("{path}: {msg}")]
    Data {
        /// The file concerned.
        path: String,
        /// What is wrong and how to fix it.
        msg: String,
    },
    /// A problem with one row of a data file.
    #[error("{path}: row {row}: {msg}")]
    Row {
        /// The file concerned.
        path: String,
        /// 1-based row number, counting the header as row 1.
        row: u64,
        /// What is wrong and how to fix it.
        msg: String,
    },
    /// A model file that cannot be used.
    #[error("model {path}: {msg}")]
    Model {
        /// The model file (or `<embedded default>`).
        path: String,
        /// What is wrong.
        msg: String,
    },
    /// An output path (given with `flag`) that cannot be written; checked before any work.
    #[error("{flag} {}: {msg}", path.display())]
    Output {
        /// The option, as the user spells it (e.g. `--output`).
        flag: &'static str,
        /// The path given.
        path: PathBuf,
        /// What is wrong and how to fix it.
        msg: String,
    },
    /// An invalid hyperparameter or option value.
    #[error("invalid value for {name}: {msg}")]
    Param {
        /// The option name, as the user spells it (e.g. `--alpha`).
        name: &'static str,
        /// What is wrong.
        msg: String,
    },
    /// The optimiser failed.
    #[error("training failed: {0}")]
    Train(String),
}

/// Why a file could not be read, for a message: `no such file` for a missing one (the
/// system's `No such file or directory (os error 2)` in every other case's words), else the
/// system's own reason.
pub fn io_reason(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "no such file".into()
    } else {
        e.to_string()
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An error reading the input file `path`; a folder given for a file says so, with the
    /// fix (the system's "Is a directory" names no remedy).
    pub fn read(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        let source = if source.kind() == std::io::ErrorKind::IsADirectory {
            // Standard input redirected from a folder (`< somedir`) has no name to suggest
            // `somedir/*` from: it said `standard input/*`, or `Is a directory (os error 21)`.
            let fix = if path.as_os_str() == STDIN {
                "redirect a file (< FILE), not a folder".to_string()
            } else {
                format!(
                    "name the files in it (e.g. {}/*)",
                    path.display().to_string().trim_end_matches('/')
                )
            };
            std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                format!("is a folder, not a file: {fix}"),
            )
        } else if source.kind() == std::io::ErrorKind::NotFound {
            std::io::Error::new(std::io::ErrorKind::NotFound, io_reason(&source))
        } else {
            source
        };
        Error::Io { path, source }
    }

    /// An output path given with `flag` that cannot be written, with a hint from the I/O error.
    pub fn output(flag: &'static str, path: impl Into<PathBuf>, e: &std::io::Error) -> Self {
        let path = path.into();
        let folder = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.display().to_string(),
            _ => ".".into(),
        };
        let msg = match e.kind() {
            // A folder that is there but takes no new file (such as /proc) also says NotFound.
            std::io::ErrorKind::NotFound if !Path::new(&folder).is_dir() => {
                format!("the folder {folder} does not exist: create it first (mkdir -p {folder})")
            }
            std::io::ErrorKind::PermissionDenied => {
                format!("cannot write in the folder {folder} ({e}): choose another path")
            }
            _ => format!("cannot be written ({e}): choose another path"),
        };
        Error::Output { flag, path, msg }
    }

    /// True if this error (or its source) is a broken pipe.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
