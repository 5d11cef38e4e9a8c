//! Session 13's fixes: the known gaps (outputs that are standard streams or special files,
//! UTF-32 input, a half-replaced plot folder) and a fresh user's audit. Each test names the
//! defect it pins down; errors are one line naming the file, row or flag, and never a panic.

use crate::harness::{factop, usage, write};

const SEED: &str = "datasets/factop-seed.csv";

#[cfg(unix)]
#[test]
fn an_output_that_is_a_standard_stream_or_a_pipe_is_refused_naming_the_flag() {
    // `--predictions /dev/stdout` said `--predictions /proc/self/fd/pipe:[1232258]: cannot be
    // written (No such file or directory)`; with standard output redirected to a file, the
    // rename replaced that file with the predictions and the report went to the unlinked one.
    for (args, flag, stream) in [
        (
            &["evaluate", "--data", SEED, "--predictions", "/dev/stdout"][..],
            "--predictions",
            "/dev/stdout is factop's standard output",
        ),
        (
            &["evaluate", "--data", SEED, "--predictions", "/dev/fd/2"][..],
            "--predictions",
            "/dev/fd/2 is factop's standard error",
        ),
        (
            &["train", "--data", SEED, "-o", "/dev/stdout"][..],
            "--output",
            "/dev/stdout is factop's standard output",
        ),
    ] {
        let r = factop(args, None);
        assert_eq!(r.stdout, "");
        let msg = usage(r);
        assert!(
            msg.contains(&format!("invalid value for {flag}: {stream}")) && !msg.contains("/proc"),
            "{msg}"
        );
        assert!(msg.contains(&format!("e.g. {flag} ")), "{msg}");
    }
    // A pipe (a FIFO, or the `/dev/fd/63` of a shell's `>(...)`) says what it is.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let fifo = fifo.display().to_string();
    for flag in ["--predictions", "-o"] {
        let cmd = if flag == "-o" { "train" } else { "evaluate" };
        let msg = factop(&[cmd, "--data", SEED, flag, &fifo], None).err();
        assert!(
            msg.contains(&format!(" {fifo}: is a pipe (FIFO), not a regular file")),
            "{msg}"
        );
    }
    // Standard output redirected to the file named: refused, the file untouched.
    let out = dir.path().join("p.csv");
    std::fs::write(&out, "keep").unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_factop"))
        .current_dir(crate::harness::root())
        .args(["evaluate", "--data", SEED, "--predictions"])
        .arg(&out)
        .stdout(std::fs::OpenOptions::new().append(true).open(&out).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&child.stderr);
    assert_eq!(child.status.code(), Some(2), "{err}");
    assert!(err.contains("is factop's standard output"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep");
    // `/dev/null` as an output stays refused as a device, not as a standard stream.
    let msg = factop(
        &["evaluate", "--data", SEED, "--predictions", "/dev/null"],
        None,
    )
    .err();
    assert!(msg.contains("/dev/null: is a device"), "{msg}");
}

/// `text` in UTF-32 with its byte-order mark, little- or big-endian.
fn utf32(text: &str, le: bool) -> Vec<u8> {
    let unit = |c: char| {
        let u = u32::from(c);
        if le {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }
    };
    std::iter::once('\u{FEFF}')
        .chain(text.chars())
        .flat_map(unit)
        .collect()
}

#[test]
fn utf32_input_is_refused_with_the_iconv_hint() {
    // UTF-32LE's mark (FF FE 00 00) was taken for UTF-16LE's (`iconv -f UTF-16`, which
    // turns it into other garbage); UTF-32BE's (00 00 FE FF) was not seen at all, and the
    // NUL-spaced letters were scored as one sentence.
    let dir = tempfile::tempdir().unwrap();
    let hint = "iconv -f UTF-32 -t UTF-8";
    for le in [true, false] {
        let article = utf32("The council met on Monday. The plan is a disgrace.\n", le);
        let a = write(dir.path(), "a.txt", &article);
        for args in [
            &["classify", &a][..],
            &["sentences", &a],
            &["classify", "-f", "jsonl", "-"],
        ] {
            let r = factop(args, Some(&article));
            assert_eq!(r.stdout, "", "{args:?}");
            let msg = r.err();
            assert!(
                msg.contains("is UTF-32 text") && msg.contains(hint),
                "{args:?}: {msg}"
            );
        }
        let jsonl = utf32("{\"id\": 1, \"text\": \"It rained.\"}\n", le);
        let j = write(dir.path(), "a.jsonl", &jsonl);
        let msg = factop(&["classify", "--input-format", "jsonl", &j], None).err();
        assert!(
            msg.contains(&format!("{j}: is UTF-32 text")) && msg.contains(hint),
            "{msg}"
        );
        let csv = std::fs::read_to_string(crate::harness::repo(SEED)).unwrap();
        let d = write(dir.path(), "d.csv", utf32(&csv, le));
        let msg = factop(&["evaluate", "--data", &d], None).err();
        assert!(
            msg.contains(&format!("{d}: the file is UTF-32 text")) && msg.contains(hint),
            "{msg}"
        );
        let lex = write(dir.path(), "lex.txt", utf32("awful\nsplendid\n", le));
        let m = dir.path().join("m.json").display().to_string();
        let spec = format!("mine={lex}");
        let msg = factop(
            &["train", "--data", SEED, "--lexicon", &spec, "-o", &m],
            None,
        )
        .err();
        assert!(
            msg.contains("lexicon `mine` is UTF-32 text") && msg.contains(hint),
            "{msg}"
        );
        assert!(!dir.path().join("m.json").exists());
    }
    // UTF-16 keeps its own hint.
    let utf16: Vec<u8> = "\u{FEFF}Hi there."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let msg = factop(&["classify", "-"], Some(&utf16)).err();
    assert!(
        msg.contains("is UTF-16 text") && msg.contains("iconv -f UTF-16 -t UTF-8"),
        "{msg}"
    );
}

#[cfg(unix)]
#[test]
fn a_failed_plots_write_leaves_the_whole_previous_set() {
    // Each plot file was written atomically, one after the other: a full disk at
    // confusion.png left confusion.svg new and the other nine files old, a set that no run
    // drew. Now all eleven are written to temporary files first, renamed only when every one
    // is written.
    let dir = tempfile::tempdir().unwrap();
    let plots = dir.path().join("plots");
    let fresh = dir.path().join("fresh");
    let fresh_s = fresh.display().to_string();
    let args = [
        "evaluate",
        "--data",
        SEED,
        "--bootstrap",
        "0",
        "--plots",
        &fresh_s,
    ];
    factop(&args, None).ok();
    let names: Vec<_> = std::fs::read_dir(&fresh)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 11, "{names:?}");
    std::fs::create_dir(&plots).unwrap();
    for n in &names {
        std::fs::write(plots.join(n), "previous").unwrap();
    }
    let out = crate::fixes::plots_with_size_limit(&plots);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    for n in &names {
        assert_eq!(std::fs::read(plots.join(n)).unwrap(), b"previous", "{n:?}");
    }
    assert_eq!(
        std::fs::read_dir(&plots).unwrap().count(),
        11,
        "a temporary file was left"
    );
    // A run that succeeds replaces them all.
    let plots_s = plots.display().to_string();
    let args = [
        "evaluate",
        "--data",
        SEED,
        "--bootstrap",
        "0",
        "--plots",
        &plots_s,
    ];
    factop(&args, None).ok();
    for n in &names {
        assert_eq!(
            std::fs::read(plots.join(n)).unwrap(),
            std::fs::read(fresh.join(n)).unwrap()
        );
    }
    assert_eq!(std::fs::read_dir(&plots).unwrap().count(), 11);
}

#[test]
fn an_output_ending_in_a_slash_names_the_flag_before_any_work() {
    // `-o models/` (no such folder) trained, then failed with `models/: Not a directory (os
    // error 20)`, naming no flag; `--predictions out/` the same after scoring.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    for (args, flag, example) in [
        (
            vec!["train", "--data", SEED, "-o"],
            "--output",
            "model.json",
        ),
        (
            vec!["evaluate", "--data", SEED, "--predictions"],
            "--predictions",
            "predictions.csv",
        ),
    ] {
        let out = format!("{d}/new/");
        let r = factop(&[&args[..], &[&out]].concat(), None);
        assert_eq!(r.stdout, "", "worked before failing");
        let msg = r.err();
        assert!(
            msg.contains(&format!("{flag} {out}: ends with `/`"))
                && msg.contains(&format!("{d}/new/{example}, after mkdir -p {d}/new")),
            "{msg}"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "a file was left"
        );
    }
}

#[test]
fn a_model_given_as_dash_says_it_is_read_from_a_file() {
    // `factop inspect - < m.json` and `-m -` said `model -: cannot read it: No such file or
    // directory (os error 2)`, where `-` is standard input everywhere else.
    let model = std::fs::read(crate::harness::repo("models/default.json")).unwrap();
    for args in [
        &["inspect", "-"][..],
        &[
            "classify",
            "-m",
            "-",
            "datasets/examples/council-budget.txt",
        ],
        &["evaluate", "--data", SEED, "--compare", "-"],
        &["explain", "-m", "-", "It rained."],
    ] {
        let r = factop(args, Some(&model));
        assert_eq!(r.stdout, "", "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains("model -: a model is read from its file, not from standard input"),
            "{args:?}: {msg}"
        );
    }
}

#[test]
fn the_suggested_label_map_works_when_pasted_into_a_shell() {
    // Label values with a space, a parenthesis or a quote (`strong opinion`, `(fact)`,
    // `it's mine`) were suggested bare: `--label-map (fact)=fact,no opinion=opinion` pasted
    // into a shell is a syntax error, or two words.
    let dir = tempfile::tempdir().unwrap();
    let rows = "sentence,label\nIt is a disgrace.,strong opinion\nThe vote was held.,(fact)\nIt rained.,it's fact\n";
    let f = write(dir.path(), "d.csv", rows);
    let msg = factop(&["evaluate", "--data", &f], None).err();
    let hint = msg.split("(e.g. ").nth(1).unwrap();
    let hint = hint.split(", after checking").next().unwrap();
    assert!(hint.starts_with("--label-map '"), "{msg}");
    let line = format!(
        "'{}' evaluate --data '{f}' --bootstrap 0 {hint}",
        env!("CARGO_BIN_EXE_factop")
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &line])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.starts_with("examples      3"),
        "{line}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Plain values stay unquoted.
    let f = write(
        dir.path(),
        "e.csv",
        "sentence,label\nIt rained.,OBJ\nIt is bad.,SUBJ\n",
    );
    let msg = factop(&["evaluate", "--data", &f], None).err();
    assert!(
        msg.contains("(e.g. --label-map OBJ=fact,SUBJ=opinion)"),
        "{msg}"
    );
}

#[cfg(unix)]
#[test]
fn a_failed_write_to_standard_output_names_it() {
    // `factop classify a.txt > /dev/full` (a full disk) said only `No space left on device
    // (os error 28)`, naming nothing; train already said `standard output: ...`.
    let article = "datasets/examples/council-budget.txt";
    for args in [
        &["classify", "-f", "jsonl", article][..],
        &["classify", "-f", "json", "-j", "2", article, article],
        &["classify", "-f", "html", article],
        &["sentences", article],
        &["evaluate", "--data", SEED, "-f", "json", "--bootstrap", "0"],
        &["evaluate", "--data", SEED, "--bootstrap", "0"],
        &["explain", "It is a disgrace."],
        &["inspect"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factop"))
            .current_dir(crate::harness::root())
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err.trim(),
            "factop: error: standard output: No space left on device (os error 28)",
            "{args:?}"
        );
    }
}

#[test]
fn an_output_name_near_the_length_limit_is_written_and_one_over_it_refused_first() {
    // A 250-byte name is valid, but its temporary name (`.NAME.tmp-PID`) was not: `-o` failed
    // with `File name too long` naming the flag, for a file that could be written.
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}.json", "m".repeat(245));
    let out = dir.path().join(&long).display().to_string();
    let r = factop(&["train", "--data", SEED, "-o", &out], None).ok();
    assert!(r.contains("written"), "{r}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
    let p = dir
        .path()
        .join(format!("{}.csv", "p".repeat(250)))
        .display()
        .to_string();
    factop(&["evaluate", "--data", SEED, "--predictions", &p], None).ok();
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "a temporary file was left"
    );
    // One over the limit: refused before any work, naming the flag (it used to be caught by
    // the temporary file's probe, which now fits).
    for (cmd, flag) in [("train", "-o"), ("evaluate", "--predictions")] {
        let p = dir.path().join("x".repeat(256)).display().to_string();
        let r = factop(&[cmd, "--data", SEED, flag, &p], None);
        assert_eq!(r.stdout, "");
        let msg = r.err();
        assert!(msg.contains("the file name is 256 bytes long"), "{msg}");
        assert!(
            msg.contains(" --output ") || msg.contains(" --predictions "),
            "{msg}"
        );
    }
}

#[test]
fn an_empty_jsonl_input_is_warned_about_once() {
    // `classify --input-format jsonl empty.jsonl` wrote nothing and said nothing, where an
    // empty text article gets `no sentences`.
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.jsonl", "");
    let blank = write(dir.path(), "blank.jsonl", "\n  \r\n");
    let good = write(
        dir.path(),
        "good.jsonl",
        "{\"id\": 1, \"text\": \"It rained.\"}\n",
    );
    for j in ["1", "2"] {
        let args = [
            "classify",
            "--input-format",
            "jsonl",
            "-f",
            "jsonl",
            "-j",
            j,
        ];
        let r = factop(&[&args[..], &[&empty, &good, &blank]].concat(), None);
        let warnings: Vec<_> = r.stderr.lines().collect();
        assert_eq!(
            warnings,
            [
                format!("factop: warning: {empty}: no articles (no JSON lines)"),
                format!("factop: warning: {blank}: no articles (no JSON lines)")
            ],
            "-j {j}"
        );
        assert_eq!(r.ok().lines().count(), 1);
    }
    let r = factop(&["classify", "--input-format", "jsonl", "-"], Some(b""));
    assert_eq!(
        r.stderr,
        "factop: warning: standard input: no articles (no JSON lines)\n"
    );
    assert_eq!(r.code, 0);
}

#[test]
fn a_nan_threshold_is_called_not_a_number() {
    // `--threshold NaN` parses as a float: it was "NaN is outside 0..1".
    for (cmd, extra) in [
        ("classify", &["-"][..]),
        ("evaluate", &["--data", SEED]),
        ("explain", &["It rained."]),
        ("train", &["--data", SEED, "-o", "unused.json"]),
    ] {
        for nan in ["NaN", "nan"] {
            let args = [&[cmd, "--threshold", nan][..], extra].concat();
            let msg = usage(factop(&args, Some(b"It rained.")));
            assert!(
                msg.contains(&format!(
                    "`{nan}` is not a number: give a probability from 0 to 1"
                )),
                "{cmd}: {msg}"
            );
        }
    }
}

#[test]
fn a_folder_under_a_plots_name_is_refused_before_scoring() {
    // `--plots out` with a folder `out/roc.svg`: scored, renamed the plots before it into
    // place, then `out/roc.svg: Is a directory (os error 21)`, naming no flag: a mixed set.
    let dir = tempfile::tempdir().unwrap();
    let plots = dir.path().join("out");
    std::fs::create_dir_all(plots.join("roc.svg")).unwrap();
    std::fs::write(plots.join("confusion.svg"), "previous").unwrap();
    let p = plots.display().to_string();
    let r = factop(&["evaluate", "--data", SEED, "--plots", &p], None);
    assert_eq!(r.stdout, "", "scored before failing");
    let msg = r.err();
    assert!(
        msg.contains(&format!("--plots {p}: {p}/roc.svg is a folder")),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(plots.join("confusion.svg")).unwrap(),
        b"previous"
    );
    assert_eq!(std::fs::read_dir(&plots).unwrap().count(), 2);
}

#[test]
fn utf32_without_a_byte_order_mark_is_refused_naming_the_byte_order() {
    // `iconv -t UTF-32LE` (or Python's `utf-32-le`) writes no mark: an article was scored as
    // one sentence of NUL-spaced letters without a word, a `--data` file was "not text".
    let dir = tempfile::tempdir().unwrap();
    for (le, which) in [(true, "UTF-32LE"), (false, "UTF-32BE")] {
        let bare = |text: &str| utf32(text, le)[4..].to_vec();
        let hint = format!("iconv -f {which} -t UTF-8");
        let article = bare("The council met on Monday. The plan is a disgrace.\n");
        let a = write(dir.path(), "a.txt", &article);
        for (args, stdin) in [
            (&["classify", &a][..], None),
            (&["sentences", "-"], Some(&article[..])),
            (&["classify", "-"], Some(&bare("Hi.")[..])),
        ] {
            let r = factop(args, stdin);
            assert_eq!(r.stdout, "", "{args:?}");
            let msg = r.err();
            assert!(
                msg.contains("is UTF-32 text (it has no byte-order mark") && msg.contains(&hint),
                "{args:?}: {msg}"
            );
        }
        let j = write(dir.path(), "a.jsonl", bare("{\"id\": 1}\n"));
        let msg = factop(&["classify", "--input-format", "jsonl", &j], None).err();
        assert!(
            msg.contains("bytes of line 1 are NUL") && msg.contains(&hint),
            "{msg}"
        );
        let csv = std::fs::read_to_string(crate::harness::repo(SEED)).unwrap();
        let d = write(dir.path(), "d.csv", bare(&csv));
        let msg = factop(&["evaluate", "--data", &d], None).err();
        assert!(
            msg.contains("the file is UTF-32 text") && msg.contains(&hint),
            "{msg}"
        );
        let lex = write(dir.path(), "lex.txt", bare("awful\nsplendid\n"));
        let spec = format!("mine={lex}");
        let m = dir.path().join("m.json").display().to_string();
        let msg = factop(
            &["train", "--data", SEED, "--lexicon", &spec, "-o", &m],
            None,
        )
        .err();
        assert!(
            msg.contains("lexicon `mine` is UTF-32 text") && msg.contains(&hint),
            "{msg}"
        );
    }
}
