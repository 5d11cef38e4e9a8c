//! Session 20's audit by a demanding new user: inputs the earlier audits had not tried. Each
//! test names the defect it pins down (what the message said before); errors are one line
//! naming the file, row, line, flag or model, never a panic.

use crate::harness::{factop, failure, write, Run};

const SEED: &str = "datasets/factop-seed.csv";

#[test]
fn a_data_file_of_white_space_alone_says_so() {
    // A file of spaces, tabs and blank lines said `no column `sentence` (columns found: );
    // choose one with --text-column`: the list empty, the advice beside the point.
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("spaces.csv", &b"  \n\t\n \r\n"[..]),
        ("commas.csv", b",\n,\n"),
        ("tabs.tsv", b" \t \n"),
    ] {
        let f = write(dir.path(), name, content);
        for cmd in ["train", "evaluate"] {
            let mut args = vec![cmd, "--data", &f];
            if cmd == "train" {
                args.extend(["-o", "m.json"]);
            }
            let msg = failure(factop(&args, None));
            assert!(
                msg.contains(&format!("{name}: the file holds no values"))
                    && !msg.contains("columns found")
                    && !msg.contains("--text-column"),
                "{msg}"
            );
        }
    }
    let msg = failure(factop(&["evaluate", "--data", "-"], Some(b"  \n\n , \n")));
    assert!(
        msg.contains("standard input: the file holds no values"),
        "{msg}"
    );
    // A blank first row above other rows: the header names no column.
    let f = write(dir.path(), "blank-header.csv", "  \nfoo,bar\n1,2\n");
    let msg = failure(factop(&["evaluate", "--data", &f], None));
    assert!(
        msg.contains("blank-header.csv: row 1, the header, names no column")
            && msg.contains("`sentence` and `label`"),
        "{msg}"
    );
    // A blank row above the real header, even past the ten rows looked at for a title row:
    // the header is named (as it was for one blank row).
    let seed = std::fs::read_to_string(crate::harness::repo(SEED)).unwrap();
    let f = write(
        dir.path(),
        "blank-rows.csv",
        format!("{}{seed}", " \n".repeat(12)),
    );
    let msg = failure(factop(&["evaluate", "--data", &f], None));
    assert!(
        msg.contains("row 13 holds the column names (sentence, label)")
            && msg.contains("delete the 12 rows above it"),
        "{msg}"
    );
}

#[test]
fn a_jsonl_line_that_ends_before_its_json_says_why() {
    // A pretty-printed JSON object said `EOF while parsing an object at line 2 column 0` and
    // a text with a raw line break (or a missing closing quote) `control character
    // (\u0000-\u001F) found while parsing a string at line 2 column 0`, beside the `line 1`
    // of the file: two line numbers that disagree, and no word of the cause.
    let dir = tempfile::tempdir().unwrap();
    for (name, content, cause) in [
        (
            "pretty.jsonl",
            "{\n  \"id\": \"a\",\n  \"text\": \"It is bad.\"\n}\n",
            "the line ends before its object closes: each object must be on one line",
        ),
        (
            "broken.jsonl",
            "{\"id\": \"a\", \"text\": \"It is\nbad.\"}\n",
            "the line ends inside a string: a quotation mark not closed, or a text broken over two lines",
        ),
        (
            "unclosed.jsonl",
            "{\"id\": \"a\", \"text\": \"It is bad.}\r\n",
            "the line ends inside a string",
        ),
    ] {
        let f = write(dir.path(), name, content);
        let msg = failure(factop(&["classify", "--input-format", "jsonl", &f], None));
        assert!(
            msg.contains(&format!("{name}: line 1: ")) && msg.contains(cause),
            "{msg}"
        );
        assert!(!msg.contains("line 2") && !msg.contains("control character"), "{msg}");
    }
    // Other errors are placed by their column in the line.
    let f = write(
        dir.path(),
        "trailing.jsonl",
        "{\"id\": \"a\", \"text\": \"x\"} y\n",
    );
    let msg = failure(factop(&["classify", "--input-format", "jsonl", &f], None));
    assert!(msg.contains("trailing characters at column 26"), "{msg}");
    // Files joined with `cat`, each opening with a byte-order mark: the mark on a later line
    // was only `the line is not a JSON object`.
    let f = write(
        dir.path(),
        "joined.jsonl",
        b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"It rained.\"}\n\xEF\xBB\xBF{\"id\": \"b\", \"text\": \"It is bad.\"}\n",
    );
    let r = factop(&["classify", "--input-format", "jsonl", &f], None);
    assert!(r.stdout.contains("\"id\":\"a\""), "{}", r.stdout);
    let msg = failure(r);
    assert!(
        msg.contains("joined.jsonl: line 2: ")
            && msg.contains("opens with a UTF-8 byte-order mark"),
        "{msg}"
    );
}

#[test]
fn a_model_whose_version_or_settings_are_bad_names_the_field() {
    // `"format_version": "26"` (or -1) said `no format_version field`, and a setting out of
    // range in the file `invalid value for --cue-rules`, a flag the user had not typed.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    let model_s = model.display().to_string();
    factop(&["train", "--data", SEED, "-o", &model_s], None).ok();
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(&model).unwrap()).unwrap();
    let edit = |name: &str, f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        write(dir.path(), name, serde_json::to_vec(&v).unwrap())
    };
    for (name, version, said) in [
        (
            "string.json",
            serde_json::json!("26"),
            "format_version \"26\" is not a version number",
        ),
        (
            "negative.json",
            serde_json::json!(-1),
            "format_version -1 is not a version number",
        ),
        (
            "fraction.json",
            serde_json::json!(2.5),
            "format_version 2.5 is not a version number",
        ),
        (
            "huge.json",
            serde_json::json!(1e23),
            "format version 1e+23 is newer than this factop supports",
        ),
    ] {
        let f = edit(name, &|v| v["format_version"] = version.clone());
        let msg = failure(factop(&["inspect", &f], None));
        assert!(
            msg.contains(&format!("model {f}: {said}")) && !msg.contains("no format_version field"),
            "{msg}"
        );
    }
    for (name, field, value, said) in [
        (
            "rules.json",
            "cue_rules",
            serde_json::json!(99),
            "params.features.cue_rules: 99 is not a revision of the cue rules",
        ),
        (
            "ngrams.json",
            "word_ngrams",
            serde_json::json!([5, 1]),
            "params.features.word_ngrams: 5-1 is not a range",
        ),
        (
            "min-df.json",
            "min_df",
            serde_json::json!(0),
            "params.features.min_df: must be at least 1",
        ),
    ] {
        let f = edit(name, &|v| v["params"]["features"][field] = value.clone());
        for args in [&["inspect", &f][..], &["explain", "-m", &f, "It is bad."]] {
            let msg = failure(factop(args, None));
            assert!(
                msg.contains(&format!("model {f}: {said}"))
                    && !msg.contains("invalid value for --"),
                "{msg}"
            );
        }
    }
}

#[test]
fn a_bad_grid_value_is_named_as_the_grid_s() {
    // `--grid alpha=1,-1` said `invalid value for --alpha: -1 is not a positive number`,
    // naming a flag the user had not typed (and which, typed, conflicts with the grid key).
    for (grid, said) in [
        (
            "alpha=1,-1",
            "invalid value for --grid: `alpha=-1`: -1 is not a positive number",
        ),
        (
            "alpha=nan",
            "invalid value for --grid: `alpha=nan`: NaN is not a positive number",
        ),
        (
            "cue-rules=18,99",
            "invalid value for --grid: `cue-rules=99`: 99 is not a revision",
        ),
        (
            "word-ngrams=3-1",
            "invalid value for --grid: `word-ngrams=3-1`: 3-1 is not a range",
        ),
        (
            "min-df=0",
            "invalid value for --grid: `min-df=0`: must be at least 1",
        ),
    ] {
        let r = factop(
            &["train", "--data", SEED, "--grid", grid, "-o", "m.json"],
            None,
        );
        let code = r.code;
        let msg = r.err();
        assert_eq!(code, 2, "{msg}");
        assert!(msg.contains(said), "{grid}: {msg}");
    }
    // A grid value that conflicts with a flag names both.
    let r = factop(
        &[
            "train",
            "--data",
            SEED,
            "--grid",
            "nb-score=1",
            "--word-ngrams",
            "0",
            "-o",
            "m.json",
        ],
        None,
    );
    let msg = r.err();
    assert!(
        msg.contains("invalid value for --grid: `nb-score=1`: the naive-Bayes score is computed over word n-grams"),
        "{msg}"
    );
}

/// Run factop with its address space limited to `bytes` (RLIMIT_AS), so that reading without
/// bound fails fast instead of taking the machine's memory.
#[cfg(unix)]
fn factop_with_memory(args: &[&str], bytes: u64) -> Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factop"));
    cmd.current_dir(crate::harness::root())
        .args(args)
        .stdin(std::process::Stdio::null());
    // SAFETY: only setrlimit, async-signal-safe, between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("run factop");
    Run::from(out)
}

#[cfg(unix)]
#[test]
fn a_data_file_with_no_line_break_is_refused_without_reading_it_whole() {
    // `--data /dev/zero` (or a disk image, a sparse file) was read whole into one header
    // field: memory without bound, then `memory allocation of 1073741824 bytes failed` and
    // an abort with a backtrace. Now the header may run 1 MiB.
    for cmd in ["train", "evaluate"] {
        let mut args = vec![cmd, "--data", "/dev/zero"];
        if cmd == "train" {
            args.extend(["-o", "m.json"]);
        }
        let msg = failure(factop_with_memory(&args, 1 << 30));
        assert!(
            msg.contains("/dev/zero: the file is not text (binary bytes in its first line)"),
            "{msg}"
        );
    }
    // A first line of text over 1 MiB, from standard input: called too long.
    let input = "word ".repeat(250_000);
    let msg = failure(factop(&["evaluate", "--data", "-"], Some(input.as_bytes())));
    assert!(
        msg.contains("standard input: the first row runs on for over 1 MiB without a line break"),
        "{msg}"
    );
    // A long data row after the header is still read.
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(crate::harness::repo(SEED)).unwrap();
    let long = format!("{seed}\"{}\",opinion\n", "It is bad. ".repeat(100_000));
    let f = write(dir.path(), "long-row.csv", long);
    let out = factop(&["evaluate", "--data", &f], None).ok();
    assert!(out.contains("examples      41"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_model_that_is_not_text_is_refused_without_reading_it_whole() {
    // `-m /dev/zero` was read until memory ran out. A model is JSON text: a NUL byte in its
    // first 64 KiB ends the read with one line naming the file.
    for cmd in ["classify", "evaluate", "inspect"] {
        let mut args = vec![cmd, "-m", "/dev/zero"];
        match cmd {
            "classify" => args.push("datasets/examples/council-budget.txt"),
            "evaluate" => args.extend(["--data", SEED]),
            _ => {}
        }
        let msg = failure(factop_with_memory(&args, 1 << 30));
        assert!(
            msg.contains(
                "/dev/zero: the file is not text (binary bytes): a model is the JSON file"
            ),
            "{cmd}: {msg}"
        );
    }
}

#[test]
fn an_article_or_paragraph_column_that_is_another_role_s_is_a_usage_error() {
    // `--doc-column sentence` read each of 278 rows as an article of its own, and
    // `--para-column doc` each article as one paragraph, without a word.
    let data = "datasets/article-challenge.csv";
    for (extra, flag, said) in [
        (
            &["--doc-column", "sentence"][..],
            "--doc-column",
            "`sentence` is the text column",
        ),
        (
            &["--doc-column", "LABEL"],
            "--doc-column",
            "`LABEL` is the label column (`label`, --label-column)",
        ),
        (
            &["--doc-column", "doc", "--para-column", "doc"],
            "--para-column",
            "`doc` is the article column",
        ),
        (
            &["--doc-column", "doc", "--para-column", "sentence"],
            "--para-column",
            "`sentence` is the text column",
        ),
    ] {
        for cmd in ["evaluate", "train"] {
            let mut args = vec![cmd, "--data", data];
            args.extend(extra);
            if cmd == "train" {
                args.extend(["-o", "m.json"]);
            }
            let r = factop(&args, None);
            let code = r.code;
            let msg = r.err();
            assert_eq!(code, 2, "{msg}");
            assert!(
                msg.contains(&format!("invalid value for {flag}: {said}")),
                "{msg}"
            );
        }
    }
    // The columns as meant still read.
    factop(
        &[
            "evaluate",
            "--data",
            data,
            "--doc-column",
            "doc",
            "--para-column",
            "para",
        ],
        None,
    )
    .ok();
}

/// Run factop with standard error a pipe whose reading end is closed (as `2>&1 | head -1`
/// leaves it once `head` has exited) and standard output discarded: its exit code.
#[cfg(unix)]
fn factop_with_stderr_closed(dir: &std::path::Path, args: &[&str]) -> Option<i32> {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe() writes.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (reader, writer) = unsafe {
        (
            std::fs::File::from_raw_fd(fds[0]),
            std::fs::File::from_raw_fd(fds[1]),
        )
    };
    drop(reader);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_factop"))
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(writer)
        .status()
        .expect("run factop");
    status.code()
}

#[cfg(unix)]
#[test]
fn a_closed_standard_error_neither_panics_nor_changes_the_exit_code() {
    // With standard error a closed pipe (`factop ... 2>&1 | head -1`), the next warning,
    // notice or error panicked in `eprintln!`: a run that went well exited 101, not 0, and
    // one that failed 101, not 1 (or 2).
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::harness::repo(SEED);
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "bad.csv", "sentence,label\nIt is bad.,opinon\n");
    for (args, code) in [
        // `warning: empty.txt: no sentences`
        (&["classify", "empty.txt"][..], 0),
        // `40 predictions (0 wrong) written to p.csv`
        (&["evaluate", "--data", &seed, "--predictions", "p.csv"], 0),
        // `error: bad.csv: row 2: unknown label`
        (&["train", "--data", "bad.csv", "-o", "m.json"], 1),
        // a usage error
        (&["classify", "empty.txt", "--threshold", "2"], 2),
    ] {
        assert_eq!(
            factop_with_stderr_closed(dir.path(), args),
            Some(code),
            "{args:?}"
        );
    }
    assert!(dir.path().join("p.csv").is_file());
    assert!(!dir.path().join("m.json").exists());
}
