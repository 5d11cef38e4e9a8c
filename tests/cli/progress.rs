//! Progress bars: drawn on a terminal's standard error, never in redirected output.

use crate::harness::{factop, root};
use std::process::Command;

const SEED: &str = "datasets/factop-seed.csv";
const ARTICLE: &str = "datasets/examples/council-budget.txt";

#[track_caller]
fn assert_no_bar(stderr: &str) {
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b') && !stderr.contains("[="),
        "progress drawn to a non-terminal: {stderr:?}"
    );
}

#[test]
fn no_progress_in_redirected_output() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    let args = [
        "train",
        "--data",
        SEED,
        "--min-df",
        "1",
        "--cv",
        "3",
        "--threshold-cv",
        "3",
        "-o",
        &m,
    ];
    let r = factop(&args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_bar(&r.stderr);
    assert!(!r.stdout.contains('\r'));
    let r = factop(&["evaluate", "--data", SEED], None);
    assert_eq!(r.code, 0);
    assert_no_bar(&r.stderr);
    let r = factop(&["classify", ARTICLE, ARTICLE, "-f", "jsonl"], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}

/// Run factop under `script`, which gives it a pseudo-terminal; `None` without `script`.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_factop");
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &format!("'{bin}' {args}"), "/dev/null"])
        .current_dir(root())
        .env_remove("FACTOP_NO_PROGRESS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    match cmd.output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!("factop under script failed: {out:?}"),
        Err(_) => {
            eprintln!("skipping: `script` (util-linux) is not available");
            None
        }
    }
}

#[test]
fn progress_on_a_terminal_and_optional() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    let args = format!("train --data {SEED} --min-df 1 --cv 4 -o '{m}'");
    let Some(shown) = on_terminal(&args, &[]) else {
        return;
    };
    assert!(shown.contains("cross-validation ["), "{shown:?}");
    assert!(shown.contains("4/4"), "{shown:?}");
    // The report lines are intact after the bar is cleared.
    assert!(shown.contains("cv         4-fold macro-F1"), "{shown:?}");
    let hidden = on_terminal(&args, &[("FACTOP_NO_PROGRESS", "1")]).unwrap();
    assert!(!hidden.contains("cross-validation ["), "{hidden:?}");
    assert!(hidden.contains("cv         4-fold macro-F1"), "{hidden:?}");
}
