//! A small harness: run `factop` with arguments and optional stdin, capture everything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    /// A finished process's exit code (-1 if a signal ended it) and its output as text.
    fn from(out: std::process::Output) -> Self {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Assert success and return stdout.
    #[track_caller]
    pub fn ok(self) -> String {
        assert_eq!(self.code, 0, "factop failed: {}", self.stderr);
        self.stdout
    }

    /// Assert a failure with a one-line error and return stderr.
    #[track_caller]
    pub fn err(self) -> String {
        assert_ne!(
            self.code, 0,
            "factop unexpectedly succeeded: {}",
            self.stdout
        );
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("RUST_BACKTRACE"),
            "panic: {}",
            self.stderr
        );
        assert_eq!(self.stderr.trim().lines().count(), 1, "{}", self.stderr);
        self.stderr
    }
}

/// A usage error (exit 2) of one line: its message.
#[track_caller]
pub fn usage(r: Run) -> String {
    exits_with(r, 2)
}

/// A failure (exit 1) of one line: its message.
#[track_caller]
pub fn failure(r: Run) -> String {
    exits_with(r, 1)
}

/// A one-line error with exit code `code`: its message.
#[track_caller]
fn exits_with(r: Run, code: i32) -> String {
    let got = r.code;
    let msg = r.err();
    assert_eq!(got, code, "{msg}");
    msg
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path in the repository.
pub fn repo(p: &str) -> String {
    root().join(p).display().to_string()
}

/// Run factop with `args`, feeding `stdin` if given.
pub fn factop(args: &[&str], stdin: Option<&[u8]>) -> Run {
    factop_in(&root(), args, stdin)
}

/// Run factop in a working directory.
pub fn factop_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factop"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn factop");
    // Feed stdin from another thread: a large input must not block on a full output pipe.
    let mut si = child.stdin.take().expect("stdin");
    let input = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(input) = input {
            // The child may exit without reading everything (an error): not a failure here.
            let _ = si.write_all(&input);
        }
    });
    let out = child.wait_with_output().expect("wait factop");
    feeder.join().expect("stdin feeder");
    Run::from(out)
}

/// Write `content` to the file `name` in `dir`; its path.
pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

/// Compare `actual` with a golden file under tests/golden; `UPDATE_GOLDEN=1` rewrites it.
#[track_caller]
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "output differs from {} (rerun with UPDATE_GOLDEN=1 if the change is intended)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

/// The shared datasets folder beside the repository, if present. When FACTOP_REQUIRE_SHARED
/// is set (as in CI), its absence is a failure rather than a skip.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared/datasets");
    if p.is_dir() {
        return Some(p);
    }
    if std::env::var_os("FACTOP_REQUIRE_SHARED").is_some() {
        panic!(
            "FACTOP_REQUIRE_SHARED is set but {} is missing",
            p.display()
        );
    }
    eprintln!("skipping: {} not present", p.display());
    None
}
