//! Session 14's fixes: rough edges left from session 13 (standard input redirected from a
//! folder, a `--grid` listing one point twice, a label that `--label-map` cannot name) and a
//! data journalist's audit of `train` and `evaluate` on a spreadsheet export. Each test names
//! the defect it pins down; errors are one line naming the file, row or flag, never a panic.

use crate::harness::{factop, write, Run};
use std::process::{Command, Stdio};

const SEED: &str = "datasets/factop-seed.csv";

/// Run factop with standard input redirected from `stdin` (a file or a folder), as the
/// shell's `< PATH` does.
fn factop_from(args: &[&str], stdin: &std::path::Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_factop"))
        .args(args)
        .current_dir(crate::harness::root())
        .stdin(std::fs::File::open(stdin).expect("open the redirected input"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run factop");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn standard_input_redirected_from_a_folder_is_one_clear_error() {
    // `factop classify < somedir` suggested `standard input/*`; `evaluate --data - < somedir`
    // and `train --data - < somedir` said `standard input: Is a directory (os error 21)`.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.json").display().to_string();
    for args in [
        vec!["classify"],
        vec!["classify", "-"],
        vec!["classify", "--input-format", "jsonl"],
        vec!["sentences"],
        vec!["explain", "-"],
        vec!["evaluate", "--data", "-"],
        vec!["evaluate", "--data", "-", "--delimiter", "tab"],
        vec!["train", "--data", "-", "-o", &out],
        vec!["train", "--data", "-", "--cv", "2"],
    ] {
        let r = factop_from(&args, dir.path());
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        let msg = r.err();
        assert!(
            msg.starts_with("factop: error: standard input: is a folder, not a file")
                && msg.contains("< FILE")
                && !msg.contains("standard input/")
                && !msg.contains("os error"),
            "{args:?}: {msg}"
        );
    }
    assert!(!std::path::Path::new(&out).exists());
}

#[test]
fn a_grid_value_listed_twice_is_searched_once_with_a_warning() {
    // `--grid alpha=1,1` cross-validated the same point twice, and printed it twice, silently.
    // The same value spelled two ways (`1` and `1.0`, `1-1` and `1`) is the same point too.
    for (grid, kept, dropped, same) in [
        ("alpha=1,1", "alpha=1", "alpha=1", "alpha=1"),
        ("alpha=1,2,1.0", "alpha=2", "alpha=1.0", "alpha=1"),
        (
            "word-ngrams=1,1-1",
            "word-ngrams=1",
            "word-ngrams=1-1",
            "word-ngrams=1",
        ),
    ] {
        let r = factop(
            &["train", "--data", SEED, "--cv", "2", "--grid", grid],
            None,
        );
        assert_eq!(r.code, 0, "{grid}: {}", r.stderr);
        let settings = grid.split(',').count() - 1;
        assert!(
            r.stdout.contains(&format!(
                "grid       {settings} setting{}, 2-fold",
                if settings == 1 { "" } else { "s" }
            )),
            "{grid}: {}",
            r.stdout
        );
        assert_eq!(
            (r.stdout.lines())
                .filter(|l| l.contains("accuracy") && l.ends_with(&format!("  {same}")))
                .count(),
            1,
            "{grid}: {}",
            r.stdout
        );
        assert!(r.stdout.contains(kept), "{grid}: {}", r.stdout);
        let warning = if dropped == same {
            format!("factop: warning: --grid {grid}: `{dropped}` is listed twice, searched once")
        } else {
            format!(
                "factop: warning: --grid {grid}: `{dropped}` is the same setting as `{same}`, searched once"
            )
        };
        assert!(r.stderr.contains(&warning), "{grid}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{grid}: {}", r.stderr);
    }
}

#[test]
fn a_label_that_label_map_cannot_name_is_said_so_plainly() {
    // A label with a line break was shown, and suggested as `--label-map 'fa ct=opinion'`, with
    // a space: pasted, it maps `fa ct`, a value the file does not hold. A label with a `,` or
    // a `=` was suggested bare (`--label-map fa,ct=opinion`), which maps `ct`, or is refused.
    let dir = tempfile::tempdir().unwrap();
    for (label, shown, why) in [
        ("\"fa\nct\"", "fa\\nct", "a line break"),
        ("\"fa\r\nct\"", "fa\\r\\nct", "a line break"),
        ("\"fa\tct\"", "fa\\tct", "a tab"),
        ("\"fa,ct\"", "fa,ct", "a comma"),
        ("x=y", "x=y", "an `=`"),
    ] {
        let f = write(
            dir.path(),
            "d.csv",
            format!("sentence,label\nThe vote passed.,{label}\nIt is a shame.,opinion\nThe mayor spoke.,fact\n"),
        );
        let msg = factop(&["evaluate", "--data", &f], None).err();
        assert!(
            msg.contains(&format!(
                "row 2: unknown label `{shown}`; labels seen in the file: "
            )) && msg.contains(&format!(" `{shown}` ×1")),
            "{msg}"
        );
        assert!(
            msg.contains(&format!(
                "`{shown}` holds {why}, so --label-map cannot name it: change it in the file's label column"
            )) && !msg.contains("e.g. --label-map"),
            "{msg}"
        );
    }
    // Beside a value it can name, the hint maps that one and says the other cannot be.
    let f = write(
        dir.path(),
        "e.csv",
        "sentence,label\nThe vote passed.,\"OB\nJ\"\nIt is a shame.,SUBJ\nThe mayor spoke.,fact\n",
    );
    let msg = factop(&["evaluate", "--data", &f], None).err();
    assert!(
        msg.contains("(e.g. --label-map SUBJ=opinion); `OB\\nJ` holds a line break, so --label-map cannot name it"),
        "{msg}"
    );
}
