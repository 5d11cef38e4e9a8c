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
    Run::from(out)
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

/// A spreadsheet export as Excel writes it with "CSV UTF-8" and a semicolon list separator:
/// a byte-order mark, CRLF line ends, an id column, `text` rather than `sentence`, labels in
/// several cases and with spaces, a cell with a line break, a cell of spaces, two rows
/// repeated and an empty row at the end (`;;`, a row Excel keeps once a cell was touched).
fn excel_export() -> String {
    let rows = [
        (
            "101",
            "The council approved the new parking fees on Tuesday.",
            "fact",
        ),
        (
            "102",
            "This parking policy is a disgrace to the whole town.",
            "Opinion",
        ),
        (
            "103",
            "Ticket sales for the festival rose by twelve percent.",
            "FACT",
        ),
        (
            "104",
            "\"The report came out on Monday.\nIt runs to 212 pages.\"",
            " fact ",
        ),
        (
            "105",
            "The council should stop wasting time on vanity projects.",
            "OPINION",
        ),
        ("106", "   ", "fact"),
        (
            "107",
            "Forty volunteers cleaned the riverbank on Saturday.",
            "Fact",
        ),
        (
            "108",
            "Residents deserve far more honesty from their officials.",
            " Opinion",
        ),
        (
            "109",
            "The council approved the new parking fees on Tuesday.",
            "fact",
        ),
        (
            "110",
            "The museum's new wing is simply breathtaking.",
            "opinion",
        ),
        (
            "111",
            "Ticket sales for the festival rose by twelve percent.",
            "opinion",
        ),
    ];
    let mut s = String::from("\u{feff}id;text;label\r\n");
    for (id, text, label) in rows {
        s.push_str(&format!("{id};{text};{label}\r\n"));
    }
    s.push_str(";;\r\n");
    s
}

#[test]
fn an_excel_export_trains_with_its_empty_last_row_and_says_what_it_skipped() {
    // The `;;` row at the end was `row 13: empty label ... remove the unlabelled rows`: a row
    // with no value at all is a blank line, skipped as one.
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "export.csv", excel_export());
    let flags = ["--delimiter", ";", "--text-column", "text"];
    let r = factop(
        &[&["train", "--data", &f, "--cv", "2"][..], &flags].concat(),
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // One row of spaces skipped: said in the singular ("1 empty rows skipped").
    assert!(
        r.stdout
            .contains("data       10 rows: 5 fact, 5 opinion (1 empty row skipped)"),
        "{}",
        r.stdout
    );
    // The repeats name the rows to look at, as the spreadsheet numbers them (the header is
    // row 1, the cell with a line break one row).
    assert!(
        r.stderr.contains(
            "export.csv: 2 rows repeat an earlier row's text (the first: row 10, as row 2), 1 of them with the other label (row 12 \"Ticket sales for the festival rose by twelve percent.\", as row 4)"
        ),
        "{}",
        r.stderr
    );
    let r = factop(&[&["evaluate", "--data", &f][..], &flags].concat(), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("export.csv: 1 row with empty text skipped (--strict"),
        "{}",
        r.stderr
    );
    // The JSON report counts the skipped row too (`n` leaves it out; only standard error said so).
    let r = factop(
        &[&["evaluate", "--data", &f, "--format", "json"][..], &flags].concat(),
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&r.ok()).unwrap();
    assert_eq!(
        (v["n"].as_u64(), v["skipped_empty"].as_u64()),
        (Some(10), Some(1))
    );
    // A row with only the id, or the label alone, is not empty.
    let g = write(
        dir.path(),
        "partial.csv",
        "id;text;label\r\n1;The vote passed.;fact\r\n2;It is a shame.;opinion\r\n3;;\r\n",
    );
    let msg = factop(&[&["evaluate", "--data", &g][..], &flags].concat(), None).err();
    assert!(msg.contains("row 4: empty label"), "{msg}");
    // --strict still refuses the row of spaces, but not the empty row.
    let msg = factop(
        &[&["evaluate", "--strict", "--data", &f][..], &flags].concat(),
        None,
    )
    .err();
    assert!(msg.contains("row 7: empty text (--strict)"), "{msg}");
    // (The row of spaces comes first above: the empty row itself, under --strict, and a row
    // with the label alone, which is an empty text, skipped and counted or refused.)
    let h = write(
        dir.path(),
        "tail.csv",
        "id;text;label\r\n1;The vote passed.;fact\r\n2;It is a shame.;opinion\r\n;;\r\n ; ; \r\n;;fact\r\n",
    );
    let json = |extra: &[&str]| {
        let args = [
            &["evaluate", "--data", &h, "--format", "json"][..],
            &flags,
            extra,
        ]
        .concat();
        let v: serde_json::Value = serde_json::from_str(&factop(&args, None).ok()).unwrap();
        (v["n"].as_u64(), v["skipped_empty"].as_u64())
    };
    assert_eq!(json(&[]), (Some(2), Some(1)));
    let msg = factop(
        &[&["evaluate", "--strict", "--data", &h][..], &flags].concat(),
        None,
    )
    .err();
    assert!(msg.contains("row 6: empty text (--strict)"), "{msg}");
    // The same file without its last row.
    write(
        dir.path(),
        "tail.csv",
        "id;text;label\r\n1;The vote passed.;fact\r\n2;It is a shame.;opinion\r\n;;\r\n ; ; \r\n",
    );
    assert_eq!(json(&["--strict"]), (Some(2), Some(0)));
}

#[test]
fn a_text_column_by_another_common_name_is_suggested_by_name() {
    // `no column `sentence` (columns found: id, text, label); choose one with --text-column`:
    // the column is plainly `text`, so the hint gives the flag with it.
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "export.csv", excel_export());
    let msg = factop(&["evaluate", "--data", &f, "--delimiter", ";"], None).err();
    assert!(
        msg.contains("no column `sentence` (columns found: id, text, label); choose one with --text-column (e.g. --text-column text)"),
        "{msg}"
    );
    let g = write(
        dir.path(),
        "sheet.tsv",
        "Statement\tClass\nThe vote passed.\t0\nIt is a shame.\t1\n",
    );
    let msg = factop(&["evaluate", "--data", &g], None).err();
    assert!(msg.contains("(e.g. --text-column Statement)"), "{msg}");
    let msg = factop(
        &["evaluate", "--data", &g, "--text-column", "Statement"],
        None,
    )
    .err();
    assert!(msg.contains("(e.g. --label-column Class)"), "{msg}");
    // No such name, or two of them: no guess.
    let h = write(dir.path(), "h.csv", "a,b,label\nx,y,fact\n");
    let msg = factop(&["evaluate", "--data", &h], None).err();
    assert!(msg.ends_with("choose one with --text-column\n"), "{msg}");
}

#[test]
fn a_windows_1252_export_says_how_to_convert_it() {
    // Excel's plain "CSV" saves Windows-1252: `row 2: column `text` is not valid UTF-8`
    // named no fix.
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "ansi.csv",
        b"text;label\r\nThe caf\xe9 opened in May.;fact\r\nIt is the town\x92s best caf\xe9.;opinion\r\n",
    );
    let msg = factop(
        &[
            "evaluate",
            "--data",
            &f,
            "--delimiter",
            ";",
            "--text-column",
            "text",
        ],
        None,
    )
    .err();
    assert!(
        msg.contains("row 2: column `text` is not valid UTF-8")
            && msg.contains("Windows-1252")
            && msg.contains(&format!("iconv -f WINDOWS-1252 -t UTF-8 {f} > ")),
        "{msg}"
    );
}

#[test]
fn the_windows_1252_hint_keeps_an_upper_case_extension() {
    // `ANSI.CSV` was told to convert it to `ANSI.CSV-utf8.csv`: the suffix was stripped only
    // in lower case. Any extension keeps its case, as `ansi.csv` gives `ansi-utf8.csv`; a
    // name ending in a dot loses the dot (`ansi.` gave `ansi.-utf8.csv`).
    let dir = tempfile::tempdir().unwrap();
    for (name, out) in [
        ("ANSI.CSV", "ANSI-utf8.CSV"),
        ("ansi.csv", "ansi-utf8.csv"),
        ("Ansi.Txt", "Ansi-utf8.Txt"),
        ("ansi", "ansi-utf8.csv"),
        ("ansi.", "ansi-utf8.csv"),
    ] {
        let f = write(
            dir.path(),
            name,
            b"text;label\r\nThe caf\xe9 opened in May.;fact\r\nIt is a caf\xe9.;opinion\r\n",
        );
        let args = [
            "evaluate",
            "--data",
            &f,
            "--delimiter",
            ";",
            "--text-column",
            "text",
        ];
        let msg = factop(&args, None).err();
        let out = dir.path().join(out).display().to_string();
        assert!(
            msg.contains(&format!("iconv -f WINDOWS-1252 -t UTF-8 {f} > {out})")),
            "{msg}"
        );
    }
}

#[test]
fn evaluating_a_model_on_its_own_training_file_is_warned_about() {
    // `train --data export.csv -o m.json` then `evaluate --data export.csv -m m.json` printed
    // accuracy 1.0000 with no word that these rows were the model's training data.
    let dir = tempfile::tempdir().unwrap();
    let rows = "sentence,label\nThe vote passed on Tuesday.,fact\nIt is a shameful decision.,opinion\nThe bridge reopens in May.,fact\nThe plan is simply brilliant.,opinion\n";
    write(dir.path(), "mine.csv", rows);
    write(dir.path(), "other.csv", rows);
    let run = |args: &[&str]| crate::harness::factop_in(dir.path(), args, None);
    let r = run(&[
        "train", "--data", "mine.csv", "--min-df", "1", "-o", "m.json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let full = dir.path().join("mine.csv").display().to_string();
    for data in ["mine.csv", "./mine.csv", &full] {
        let r = run(&[
            "evaluate",
            "--data",
            data,
            "-m",
            "m.json",
            "--bootstrap",
            "0",
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "factop: warning: {data}: the model m.json was trained on this file (its training data: mine.csv), so these figures are not held-out"
            )),
            "{data}: {}",
            r.stderr
        );
    }
    // The same rows in another file, or the file given to --compare's model only: no claim.
    let r = run(&[
        "evaluate",
        "--data",
        "other.csv",
        "-m",
        "m.json",
        "--bootstrap",
        "0",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("trained on"), "{}", r.stderr);
    let r = run(&[
        "evaluate",
        "--data",
        "mine.csv",
        "--compare",
        "m.json",
        "--bootstrap",
        "0",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the model m.json (--compare) was trained on this file"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_training_file_is_found_when_evaluate_runs_in_another_folder_than_train() {
    // The model names its training files as they were given to `train` (`data/mine.csv`,
    // relative to the folder train ran in). `evaluate` resolved that name from its own folder:
    // run from another folder (or on the file's absolute path from there), it missed the file.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for sub in ["proj/data", "other"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    let rows = "sentence,label\nThe vote passed on Tuesday.,fact\nIt is a shameful decision.,opinion\nThe bridge reopens in May.,fact\nThe plan is simply brilliant.,opinion\n";
    write(&root.join("proj/data"), "mine.csv", rows);
    write(&root.join("proj/data"), "copy.csv", rows);
    write(&root.join("other"), "mine.csv", rows);
    let run = |cwd: &str, args: &[&str]| crate::harness::factop_in(&root.join(cwd), args, None);
    let r = run(
        "proj",
        &[
            "train",
            "--data",
            "data/mine.csv",
            "--min-df",
            "1",
            "-o",
            "m.json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let model = root.join("proj/m.json").display().to_string();
    let full = root.join("proj/data/mine.csv").display().to_string();
    let evaluate = |cwd: &str, data: &str| {
        let r = run(
            cwd,
            &["evaluate", "--data", data, "-m", &model, "--bootstrap", "0"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stderr
    };
    for (cwd, data) in [
        ("proj", "data/mine.csv"),
        ("proj/data", "mine.csv"),
        ("other", "../proj/data/mine.csv"),
        ("other", full.as_str()),
    ] {
        let stderr = evaluate(cwd, data);
        assert!(
            stderr.contains(&format!(
                "factop: warning: {data}: the model {model} was trained on"
            )) && stderr
                .contains("(its training data: data/mine.csv), so these figures are not held-out"),
            "{cwd}: {data}: {stderr}"
        );
    }
    // Another file with the same rows, and a file of the same name in another folder (its path
    // does not end with `data/mine.csv`): no claim.
    for (cwd, data) in [("other", "../proj/data/copy.csv"), ("other", "mine.csv")] {
        let stderr = evaluate(cwd, data);
        assert!(!stderr.contains("trained on"), "{cwd}: {data}: {stderr}");
    }
}

#[test]
fn a_title_row_above_the_header_is_named() {
    // An export with a title row above the column names said `no column `text` (columns
    // found: Export 2026-11-30, , ); choose one with --text-column`.
    let dir = tempfile::tempdir().unwrap();
    for (rows, row, above) in [
        (
            "Export 2026-11-30;;\r\nid;Text;Label\r\n1;The vote passed.;fact\r\n",
            2,
            "row",
        ),
        (
            "Survey;;\r\n;;\r\nid;text;label\r\n1;The vote passed.;fact\r\n",
            3,
            "2 rows",
        ),
    ] {
        let f = write(dir.path(), "title.csv", rows);
        let msg = factop(
            &[
                "evaluate",
                "--data",
                &f,
                "--delimiter",
                ";",
                "--text-column",
                "text",
            ],
            None,
        )
        .err();
        assert!(
            msg.contains(&format!(
                "title.csv: row 1 is not the header: row {row} holds the column names (id, "
            )),
            "{msg}"
        );
        assert!(
            msg.contains(&format!(
                "the header must be the first row: delete the {above} above it"
            )),
            "{msg}"
        );
    }
}

#[test]
fn files_with_different_delimiters_are_said_not_to_be_read_together() {
    // `--data export.csv --data sheet.tsv --delimiter ';'` said of sheet.tsv to use
    // `--delimiter tab`, which then broke export.csv: a loop of hints.
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "export.csv", excel_export());
    let b = write(
        dir.path(),
        "sheet.tsv",
        "text\tlabel\nThe vote passed.\tfact\nIt is a shame.\topinion\n",
    );
    let args = [
        "train",
        "--data",
        &a,
        "--data",
        &b,
        "--text-column",
        "text",
        "--cv",
        "2",
    ];
    let msg = factop(&[&args[..], &["--delimiter", ";"]].concat(), None).err();
    assert!(
        msg.contains("sheet.tsv: no column `text`")
            && msg.contains("use --delimiter tab; but --delimiter is used for every --data file, so files with different delimiters cannot be read in one run"),
        "{msg}"
    );
    // No --delimiter: sheet.tsv is read with tab by its name, and the hint for export.csv
    // named `;` only, which then broke sheet.tsv. It says so now, naming the file.
    let msg = factop(&args, None).err();
    assert!(
        msg.contains("export.csv: no column `text`")
            && msg.ends_with(&format!("use --delimiter ';'; but --delimiter is used for every --data file, and the header of {b} is tab-separated: files with different delimiters cannot be read in one run: save them with the same delimiter\n")),
        "{msg}"
    );
    // One file, or the others with the same delimiter (two `;` exports): the hint alone.
    let a2 = write(dir.path(), "export2.csv", excel_export());
    for files in [&[&a][..], &[&a, &a2][..]] {
        let mut one = vec!["train", "--text-column", "text", "--cv", "2"];
        for f in files {
            one.extend(["--data", f.as_str()]);
        }
        let msg = factop(&one, None).err();
        assert!(msg.ends_with("use --delimiter ';'\n"), "{msg}");
    }
    // Several files that share a delimiter, all read with another: the first fails, and
    // nothing says they differ (it said they could not be read in one run; `--delimiter
    // tab` reads both).
    let c = write(
        dir.path(),
        "sheet2.tsv",
        "text\tlabel\nThe bridge reopened.\tfact\nIt is a pity.\topinion\n",
    );
    let both = [
        "train",
        "--data",
        &b,
        "--data",
        &c,
        "--text-column",
        "text",
        "--cv",
        "2",
    ];
    let msg = factop(&[&both[..], &["--delimiter", ";"]].concat(), None).err();
    assert!(
        msg.contains("sheet.tsv: no column `text`") && msg.ends_with("use --delimiter tab\n"),
        "{msg}"
    );
    let r = factop(&[&both[..], &["--delimiter", "tab"]].concat(), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn the_delimiter_hint_reads_no_pipe_nor_standard_input_ahead() {
    // The hint for export.csv (`;`) read the first line of every other --data file to see
    // whether it had another delimiter: a named pipe (opening it waits for a writer), or
    // `/dev/stdin` left open by the caller, hung the run before the error was printed. Only
    // regular files are read ahead.
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "export.csv", excel_export());
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let fifo = fifo.display().to_string();
    for other in [fifo.as_str(), "/dev/stdin"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factop"))
            .args([
                "train",
                "--data",
                &a,
                "--data",
                other,
                "--text-column",
                "text",
            ])
            .args(["--cv", "2"])
            .current_dir(crate::harness::root())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn factop");
        // Standard input stays open (a terminal, a writer that has not finished).
        let _stdin = child.stdin.take();
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break Some(s);
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                child.kill().unwrap();
                child.wait().unwrap();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(
            status.is_some_and(|s| s.code().is_some_and(|c| c != 0)),
            "--data {other}: {status:?} {err}"
        );
        assert!(err.ends_with("use --delimiter ';'\n"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_label_map_suggested_for_negative_labels_works_when_pasted() {
    // Labels -1 and 1 were suggested as `--label-map -1=fact,1=opinion`: pasted, `-1` is read
    // as an unknown flag (`unexpected argument '-1' found`), quoted or not.
    let dir = tempfile::tempdir().unwrap();
    for (rows, n) in [
        ("sentence,label\nIt rained.,-1\nIt is bad.,1\n", 2),
        (
            "sentence,label\nIt rained.,-1 x\nIt is bad.,1\nIt is a shame.,1\n",
            3,
        ),
    ] {
        let f = write(dir.path(), "d.csv", rows);
        let msg = factop(&["evaluate", "--data", &f], None).err();
        let hint = msg.split("(e.g. ").nth(1).unwrap();
        let hint = hint.split(", after checking").next().unwrap();
        assert!(
            hint.starts_with("--label-map=-1") || hint.starts_with("--label-map='-1"),
            "{msg}"
        );
        let line = format!(
            "'{}' evaluate --data '{f}' --bootstrap 0 {hint}",
            env!("CARGO_BIN_EXE_factop")
        );
        let out = Command::new("sh").args(["-c", &line]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.starts_with(&format!("examples      {n}")),
            "{line}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_missing_input_file_names_its_flag_and_says_no_such_file() {
    // `--data missing.csv` said `missing.csv: No such file or directory (os error 2)`, naming
    // the file but not the flag; every missing input now says `no such file`, with its flag.
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    for (args, expect) in [
        (
            vec!["train", "--data", "missing.csv", "-o", &m],
            "factop: error: --data missing.csv: no such file",
        ),
        (
            vec![
                "train",
                "--data",
                SEED,
                "--data",
                "missing.csv",
                "--cv",
                "2",
            ],
            "factop: error: --data missing.csv: no such file",
        ),
        (
            vec!["evaluate", "--data", "missing.csv"],
            "factop: error: --data missing.csv: no such file",
        ),
        (
            vec!["classify", "MISSING.txt"],
            "factop: error: MISSING.txt: no such file",
        ),
        (
            vec!["evaluate", "-m", "MISSING.json", "--data", SEED],
            "factop: error: model MISSING.json: cannot read it: no such file",
        ),
        (
            vec![
                "train",
                "--data",
                SEED,
                "-o",
                &m,
                "--lexicon",
                "loaded=MISSING.txt",
            ],
            "factop: error: --lexicon loaded=MISSING.txt: no such file",
        ),
    ] {
        let r = crate::harness::factop(&args, None);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        let msg = r.err();
        assert!(
            msg.starts_with(expect) && !msg.contains("os error") && msg.lines().count() == 1,
            "{args:?}: {msg}"
        );
    }
    assert!(!std::path::Path::new(&m).exists());
}

#[test]
fn the_same_data_file_under_two_spellings_is_said_to_be_named_twice() {
    // `--data a.csv --data ./a.csv` (or its absolute path) weighed every row twice with only
    // `40 rows repeat`: the note `named more than once` compared the spellings.
    let dot = format!("./{SEED}");
    let abs = crate::harness::repo(SEED);
    for other in [dot.as_str(), abs.as_str()] {
        let r = crate::harness::factop(
            &[
                "evaluate",
                "--data",
                SEED,
                "--data",
                other,
                "--bootstrap",
                "0",
            ],
            None,
        );
        let e = r.stderr.clone();
        r.ok();
        assert!(
            e.contains("40 rows repeat")
                && e.contains(&format!("({SEED} named more than once, also as {other})")),
            "{other}: {e}"
        );
    }
}
