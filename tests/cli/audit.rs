//! A new user's audit: flags, inputs and error messages a fact-checker runs into. Each test
//! names the defect it pins down; every error must be one line naming the file, row or flag
//! with a hint, usage errors exiting 2.

use crate::harness::{factop, Run};
use std::path::Path;

const SEED: &str = "datasets/factop-seed.csv";

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

/// A usage error (exit 2) with a one-line message; the message.
#[track_caller]
fn usage(r: Run) -> String {
    let code = r.code;
    let msg = r.err();
    assert_eq!(code, 2, "{msg}");
    msg
}

#[test]
fn threshold_cv_folds_beyond_the_rows_name_threshold_cv() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    let msg = usage(factop(
        &["train", "--data", SEED, "--threshold-cv", "100", "-o", &m],
        None,
    ));
    assert!(!Path::new(&m).exists());
    assert!(
        msg.contains("--threshold-cv") && msg.contains("40 rows"),
        "{msg}"
    );
    assert!(!msg.contains("--cv:"), "{msg}");
}

#[test]
fn cross_validation_with_one_row_of_a_class_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "one.csv",
        b"sentence,label\nThe vote was 7-2.,fact\nThe count ended.,fact\nIt is awful.,opinion\nThe road opened.,fact\n",
    );
    let m = dir.path().join("m.json").display().to_string();
    for flag in ["--cv", "--threshold-cv"] {
        let r = factop(&["train", "--data", &f, flag, "2", "-o", &m], None);
        let msg = r.err();
        assert!(
            msg.contains("one.csv")
                && msg.contains(flag)
                && msg.contains("at least 2 `opinion` rows (found 1)"),
            "{msg}"
        );
    }
}
