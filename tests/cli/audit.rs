//! A new user's audit: flags, inputs and error messages a fact-checker runs into. Each test
//! names the defect it pins down; every error must be one line naming the file, row or flag
//! with a hint, usage errors exiting 2.

use crate::harness::{factop, usage, write};
use std::path::Path;

const SEED: &str = "datasets/factop-seed.csv";

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

#[test]
fn a_wrong_delimiter_suggests_delimiter_not_text_column() {
    let dir = tempfile::tempdir().unwrap();
    let tabbed = write(
        dir.path(),
        "tabbed.csv",
        b"sentence\tlabel\nThe vote was 7-2.\tfact\nIt is awful.\topinion\n",
    );
    let msg = factop(&["evaluate", "--data", &tabbed], None).err();
    assert!(
        msg.contains("tabbed.csv") && msg.contains("--delimiter tab"),
        "{msg}"
    );
    assert!(
        !msg.contains('\t') && !msg.contains("--text-column"),
        "{msg}"
    );
    let msg = factop(&["evaluate", "--data", SEED, "--delimiter", ";"], None).err();
    assert!(msg.contains("--delimiter ,"), "{msg}");
    // A header that really lacks the column still points at --text-column.
    let other = write(dir.path(), "o.csv", b"text,label\nA.,fact\n");
    let msg = factop(&["evaluate", "--data", &other], None).err();
    assert!(msg.contains("--text-column"), "{msg}");
}

#[test]
fn an_empty_label_is_called_empty_and_not_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "unlabelled.csv",
        b"sentence,label\nThe vote was 7-2.,fact\nIt is awful.,\nIt is great., \n",
    );
    for cmd in ["train", "evaluate"] {
        let msg = factop(
            &[cmd, "--data", &f, "--cv", "2"][..if cmd == "train" { 5 } else { 3 }],
            None,
        )
        .err();
        assert!(
            msg.contains("unlabelled.csv: row 3: empty label in column `label`")
                && msg.contains("2 rows without one")
                && !msg.contains("``"),
            "{msg}"
        );
        assert!(!msg.contains("--label-map =opinion"), "{msg}");
    }
}

#[test]
fn an_unclosed_quote_is_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "q.csv",
        b"sentence,label\nThe vote was 7-2.,fact\n\"It is awful.,opinion\nIt is great.,opinion\n",
    );
    let msg = factop(&["evaluate", "--data", &f], None).err();
    assert!(
        msg.contains("q.csv: row 3: has 1 field, no value") && msg.contains("check the quotes"),
        "{msg}"
    );
}

#[test]
fn a_label_mapped_to_both_classes_is_a_usage_error() {
    let msg = usage(factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--label-map",
            "SUBJ=opinion,SUBJ=fact",
        ],
        None,
    ));
    assert!(
        msg.contains("--label-map") && msg.contains("`SUBJ`"),
        "{msg}"
    );
    // The same mapping twice is harmless.
    factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--label-map",
            "SUBJ=opinion,SUBJ=opinion",
        ],
        None,
    )
    .ok();
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let body = "\"This is a disgrace,\" the minister said.\r\nThe vote was 7-2.\r\n";
    let plain = write(dir.path(), "plain.txt", body.as_bytes());
    let bom = write(
        dir.path(),
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
    );
    let rows = |f: &str| -> Vec<serde_json::Value> {
        factop(&["classify", "-f", "jsonl", f], None)
            .ok()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (a, b) = (rows(&plain), rows(&bom));
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        // Same sentence and score; offsets still count the mark's three bytes.
        assert_eq!(a["text"], b["text"]);
        assert_eq!(a["p_opinion"], b["p_opinion"]);
        assert_eq!(
            a["start"].as_u64().unwrap() + 3,
            b["start"].as_u64().unwrap()
        );
    }
    let s = factop(&["sentences", "-f", "text", &bom], None).ok();
    assert!(s.starts_with("\"This is"), "{s:?}");
    // A JSONL file saved with a mark reads as JSONL.
    let jsonl = write(
        dir.path(),
        "a.jsonl",
        b"\xEF\xBB\xBF{\"id\": 1, \"text\": \"The vote was 7-2.\"}\r\n",
    );
    let out = factop(&["classify", "--input-format", "jsonl", &jsonl], None).ok();
    assert!(
        out.contains("\"id\":1") && out.contains("The vote was 7-2."),
        "{out}"
    );
}

#[test]
fn a_folder_given_for_a_file_says_how_to_name_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    for args in [
        vec!["classify", &d],
        vec!["sentences", &d],
        vec!["classify", "--input-format", "jsonl", &d],
        vec!["evaluate", "--data", &d],
        vec!["train", "--data", &d, "--cv", "2"],
    ] {
        let msg = factop(&args, None).err();
        assert!(
            msg.contains(&format!("{d}: is a folder, not a file")) && msg.contains("/*"),
            "{args:?}: {msg}"
        );
    }
    // A model that is not there is named as the model.
    for args in [
        vec!["classify", "-m", "nope.json", SEED],
        vec!["inspect", "nope.json"],
        vec!["explain", "-m", "nope.json", "It is bad."],
    ] {
        let msg = factop(&args, None).err();
        assert!(msg.contains("model nope.json: cannot read it"), "{msg}");
    }
}

#[test]
fn unwritable_output_paths_name_the_flag_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/dir/m.json").display().to_string();
    let r = factop(&["train", "--data", SEED, "-o", &missing], None);
    assert_eq!(r.stdout, "");
    let msg = r.err();
    assert!(
        msg.contains(&format!("--output {missing}")) && msg.contains("mkdir -p"),
        "{msg}"
    );
    let d = dir.path().display().to_string();
    let msg = factop(&["train", "--data", SEED, "-o", &d], None).err();
    assert!(
        msg.contains("is a folder") && msg.contains("model.json"),
        "{msg}"
    );
}

#[test]
fn a_bad_plots_folder_fails_before_scoring_and_names_plots() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "taken", b"keep me");
    let r = factop(&["evaluate", "--data", SEED, "--plots", &file], None);
    assert_eq!(r.stdout, "", "scored before failing");
    let msg = r.err();
    assert!(
        msg.contains(&format!("--plots {file}: is a file, not a folder")),
        "{msg}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    // The check runs before the data is read: a missing data file is not reached.
    let msg = factop(&["evaluate", "--data", "nope.csv", "--plots", &file], None).err();
    assert!(msg.contains("--plots"), "{msg}");
}

#[test]
fn explain_refuses_an_empty_sentence_and_prints_no_negative_zero() {
    for s in ["", "  \n"] {
        let msg = usage(factop(&["explain", s], None));
        assert!(msg.contains("<SENTENCE>") && msg.contains("empty"), "{msg}");
    }
    // A sentence with no listed feature: the empty sum is +0, not -0.
    let out = factop(&["explain", "."], None).ok();
    assert!(out.contains("listed features +0.0000"), "{out}");
    assert!(!out.contains("-0.0000"), "{out}");
}

#[test]
fn counts_in_summaries_agree_with_their_nouns() {
    let out = factop(&["classify", "-f", "text", "-"], Some(b"The vote was 7-2.")).ok();
    assert!(
        out.contains("-- 1 sentence, 0 opinion (0%), 1 fact"),
        "{out}"
    );
    let out = factop(
        &[
            "train", "--data", SEED, "--min-df", "1", "--grid", "alpha=1", "--cv", "2",
        ],
        None,
    )
    .ok();
    assert!(out.contains("grid       1 setting, 2-fold"), "{out}");
}

#[test]
fn every_format_flag_has_the_short_f() {
    for cmd in ["classify", "sentences", "explain", "inspect", "evaluate"] {
        let help = factop(&[cmd, "--help"], None).ok();
        assert!(help.contains("-f, --format"), "{cmd}: {help}");
    }
    let out = factop(&["evaluate", "--data", SEED, "-f", "json"], None).ok();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["n"], 40);
}

#[test]
fn grid_keys_fixed_twice_or_without_values_are_usage_errors() {
    for (extra, expect) in [
        (
            &["--grid", "alpha=1,2", "--alpha", "3"][..],
            "fixed by --alpha",
        ),
        (
            &["--grid", "cues=on,off", "--no-cues"][..],
            "fixed by --no-cues",
        ),
        (
            &[
                "--grid",
                "mask-reported-stance=on,off",
                "--mask-reported-stance",
            ][..],
            "fixed by --mask-reported-stance",
        ),
        (
            &[
                "--grid",
                "mask-reported-stance=on,off",
                "--no-mask-reported-stance",
            ][..],
            "fixed by --no-mask-reported-stance",
        ),
        (
            &["--grid", "reported-scope=on,off", "--reported-scope"][..],
            "fixed by --reported-scope",
        ),
        (
            &["--grid", "reported-scope=on,off", "--no-reported-scope"][..],
            "fixed by --no-reported-scope",
        ),
        (
            &["--grid", "split-evaluative=on,off", "--split-evaluative"][..],
            "fixed by --split-evaluative",
        ),
        (
            &["--grid", "split-evaluative=on,off", "--no-split-evaluative"][..],
            "fixed by --no-split-evaluative",
        ),
        (
            &[
                "--grid",
                "reported-stance=own,drop",
                "--reported-stance",
                "split",
            ][..],
            "fixed by --reported-stance",
        ),
        (
            &["--grid", "alpha=1", "--grid", "alpha=2"][..],
            "listed twice",
        ),
        (&["--grid", "alpha="][..], "lists no values"),
        (&["--grid", "alpha=,"][..], "lists no values"),
    ] {
        let mut args = vec!["train", "--data", SEED, "--cv", "2"];
        args.extend_from_slice(extra);
        let r = factop(&args, None);
        assert_eq!(r.stdout, "", "{extra:?} ran");
        let msg = usage(r);
        assert!(
            msg.contains("--grid") && msg.contains(expect),
            "{extra:?}: {msg}"
        );
    }
    // A flag the grid does not search still applies to every setting.
    factop(
        &[
            "train",
            "--data",
            SEED,
            "--cv",
            "2",
            "--grid",
            "alpha=1,2",
            "--min-df",
            "1",
        ],
        None,
    )
    .ok();
}

#[test]
fn more_cv_folds_than_rows_of_a_class_is_a_usage_error() {
    // 20 rows per class: 21 to 40 folds passed the `k <= rows` check, left folds empty or
    // one-class and reported their macro-F1 as 0 (40 folds: 0.37 instead of about 0.8).
    for k in ["21", "40"] {
        let msg = usage(factop(&["train", "--data", SEED, "--cv", k], None));
        assert!(
            msg.contains("--cv")
                && msg.contains("20 `fact` rows")
                && msg.contains("--cv 20 or fewer"),
            "{msg}"
        );
    }
    let out = factop(&["train", "--data", SEED, "--cv", "20"], None).ok();
    assert!(out.contains("20-fold macro-F1"), "{out}");
}

#[test]
fn evaluate_on_one_class_explains_its_macro_f1() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "facts.csv",
        b"sentence,label\nThe vote was 7-2.,fact\nThe road opened on Monday.,fact\n",
    );
    // Every row right, yet macro-F1 0.5: the report says why.
    let out = factop(&["evaluate", "--data", &f, "--threshold", "1"], None).ok();
    assert!(out.contains("accuracy      1.0000"), "{out}");
    assert!(
        out.contains("macro-F1      0.5000 (no opinion rows: its F1 of 0 is in the mean)"),
        "{out}"
    );
    assert!(out.contains("ROC AUC       n/a (one class only)"), "{out}");
    let both = factop(&["evaluate", "--data", SEED], None).ok();
    assert!(!both.contains("no opinion rows") && !both.contains("no fact rows"));
}

#[test]
fn explain_help_names_the_json_fields_it_writes() {
    let help = factop(&["explain", "--help"], None).ok();
    let out = factop(&["explain", "-f", "json", "It is bad."], None).ok();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        help.contains("(`text`)") && v["text"] == "It is bad.",
        "{help}"
    );
    for field in ["label", "threshold", "logit", "features"] {
        assert!(v.get(field).is_some(), "{field}");
    }
}

#[test]
fn repeated_rows_and_contradicting_labels_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "dup.csv",
        b"sentence,label\nThe vote was 7-2.,fact\nIt is awful.,opinion\nThe vote was 7-2.,fact\n It is awful. ,fact\nIt is grim.,opinion\n",
    );
    let r = factop(&["evaluate", "--data", &f], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("dup.csv: 2 rows repeat an earlier row's text (the first: row 4, as row 2), 1 of them with the other label (row 5 \"It is awful.\", as row 3)"),
        "{}",
        r.stderr
    );
    let r = factop(&["train", "--data", &f, "--cv", "2", "--min-df", "1"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("cross-validation split"), "{}", r.stderr);
    // No repeats, no warning.
    let r = factop(&["evaluate", "--data", SEED], None);
    assert_eq!(r.stderr, "");
}

#[test]
fn text_listings_keep_one_sentence_per_line() {
    // A sentence wrapped across lines (as articles pasted from e-mail or PDFs are) printed its
    // line break, and a CR, in `sentences -f text` (documented as one sentence per line) and
    // in classify's listing.
    let article = b"The council\nvoted 7-2 on Tuesday. It was\r\nlate.\n";
    let out = factop(&["sentences", "-f", "text"], Some(article)).ok();
    assert_eq!(out, "The council voted 7-2 on Tuesday.\nIt was late.\n");
    let out = factop(&["classify", "-f", "text"], Some(article)).ok();
    // Header, two sentences, summary, blank line.
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(!out.contains('\r'), "{out:?}");
    // The machine formats keep the exact bytes.
    let out = factop(&["sentences", "-f", "jsonl"], Some(article)).ok();
    assert!(
        out.contains(r#""text":"The council\nvoted 7-2 on Tuesday.""#),
        "{out}"
    );
}

#[test]
fn an_output_that_is_a_data_file_is_refused_before_training() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read(crate::harness::repo(SEED)).unwrap();
    let f = write(dir.path(), "mine.csv", &data);
    // The same file under another spelling, and through a symbolic link.
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&f, &link).unwrap();
    let dotted = dir.path().join(".").join("mine.csv").display().to_string();
    for (input, output) in [
        (f.as_str(), dotted.as_str()),
        (link.to_str().unwrap(), f.as_str()),
    ] {
        let r = factop(&["train", "--data", input, "-o", output], None);
        assert_eq!(r.stdout, "", "training started");
        let msg = usage(r);
        assert!(
            msg.contains("--output") && msg.contains("replace the data"),
            "{msg}"
        );
        assert_eq!(
            std::fs::read(&f).unwrap(),
            data,
            "the data file was overwritten"
        );
    }
}

#[test]
fn one_column_for_both_text_and_label_is_a_usage_error() {
    for args in [
        &["evaluate", "--data", SEED, "--text-column", "label"][..],
        &[
            "train",
            "--data",
            SEED,
            "--label-column",
            "sentence",
            "--cv",
            "2",
        ][..],
    ] {
        let msg = usage(factop(args, None));
        assert!(
            msg.contains("--text-column") && msg.contains("--label-column"),
            "{msg}"
        );
    }
}

/// Run factop with its standard output closed before it writes anything (as `| head -0`).
fn closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_factop"))
        .args(args)
        .current_dir(crate::harness::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_exits_zero_quietly_when_its_output_closes() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    // train printed its summary with println!, which panicked on the closed pipe (exit 101,
    // a backtrace) before the model was written.
    let (code, err) = closed_stdout(&["train", "--data", SEED, "--cv", "2", "-o", &m]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(Path::new(&m).is_file(), "the model was not written");
    for args in [
        &["train", "--data", SEED, "--grid", "alpha=1,2", "--cv", "2"][..],
        &["evaluate", "--data", SEED][..],
        &["evaluate", "--data", SEED, "-f", "json"][..],
        &["inspect", "-k", "500"][..],
        &["explain", "-k", "500", "It is a disgrace."][..],
        &[
            "classify",
            "-f",
            "html",
            "datasets/examples/council-budget.txt",
        ][..],
    ] {
        let (code, err) = closed_stdout(args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
    }
}
