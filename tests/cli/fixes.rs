//! Sessions 11 and 12's fixes to the first-time user's review: each test names the defect it
//! pins down. Errors are one line naming the file, row or flag, and never a panic.

use crate::harness::{factop, repo, write};

const SEED: &str = "datasets/factop-seed.csv";

#[cfg(unix)]
#[test]
fn outputs_written_through_a_symbolic_link_keep_the_link() {
    // `-o latest.json` (a link to the current model) replaced the link with a regular file.
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("store")).unwrap();
    std::fs::write(d.join("store/m.json"), "old").unwrap();
    std::fs::write(d.join("store/p.csv"), "old").unwrap();
    symlink("store/m.json", d.join("latest.json")).unwrap();
    symlink(d.join("store/p.csv"), d.join("p.csv")).unwrap();
    let is_link = |name: &str| {
        std::fs::symlink_metadata(d.join(name))
            .unwrap()
            .file_type()
            .is_symlink()
    };
    let path = |name: &str| d.join(name).display().to_string();
    let out = factop(&["train", "--data", SEED, "-o", &path("latest.json")], None).ok();
    assert!(out.contains("40 rows"), "{out}");
    assert!(is_link("latest.json"));
    let model = std::fs::read_to_string(d.join("store/m.json")).unwrap();
    assert!(model.starts_with('{'), "{model:.80}");
    let args = ["evaluate", "--data", SEED, "--bootstrap", "0"];
    let r = factop(
        &[
            &args[..],
            &["-m", &path("latest.json"), "--predictions", &path("p.csv")],
        ]
        .concat(),
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(is_link("p.csv"));
    let rows = std::fs::read_to_string(d.join("store/p.csv")).unwrap();
    assert!(rows.starts_with("source,row,text,"), "{rows:.80}");
    // Nothing left behind: the two links, the store and its two files.
    assert_eq!(std::fs::read_dir(d).unwrap().count(), 3);
    assert_eq!(std::fs::read_dir(d.join("store")).unwrap().count(), 2);
    // A dangling link: its target is written if its folder exists...
    symlink("store/new.json", d.join("new.json")).unwrap();
    factop(&["train", "--data", SEED, "-o", &path("new.json")], None).ok();
    assert!(is_link("new.json") && d.join("store/new.json").is_file());
    // ... and refused before training, naming the link and the folder, if it does not.
    symlink("gone/m.json", d.join("gone.json")).unwrap();
    let r = factop(&["train", "--data", SEED, "-o", &path("gone.json")], None);
    assert_eq!(r.stdout, "");
    let msg = r.err();
    assert!(
        msg.contains("--output")
            && msg.contains("gone.json")
            && msg.contains("gone does not exist"),
        "{msg}"
    );
}

#[test]
fn a_negative_or_fractional_count_says_the_flag_takes_a_non_negative_integer() {
    // `--seed=-5` said "invalid digit found in string".
    let article = repo("datasets/examples/council-budget.txt");
    let train = ["train", "--data", SEED, "--cv", "2"];
    let cases: [(&[&str], &str, &str); 12] = [
        (&train, "--seed=-5", "--seed"),
        (&train, "--seed", "--seed"),
        (&["evaluate", "--data", SEED], "--seed", "--seed"),
        (&train, "--max-features", "--max-features"),
        (&train, "--min-df", "--min-df"),
        (&train, "--char-max-features", "--char-max-features"),
        (&train, "--char-min-df", "--char-min-df"),
        (&train, "--mask-min-words", "--mask-min-words"),
        (&train, "--max-iter", "--max-iter"),
        (&["classify", &article], "--top", "--top"),
        (&["explain", "It is bad."], "-k", "--top"),
        (&["inspect"], "-k", "--top"),
    ];
    for (cmd, flag, named) in cases {
        for value in ["-5", "1.5"] {
            let args = if flag.contains('=') {
                [cmd, &[flag]].concat()
            } else {
                [cmd, &[flag, value]].concat()
            };
            let r = factop(&args, None);
            assert_eq!(r.code, 2, "{args:?}");
            let msg = r.err();
            assert!(
                msg.contains(named) && msg.contains("is not a non-negative integer"),
                "{args:?}: {msg}"
            );
            assert!(!msg.contains("invalid digit"), "{msg}");
        }
    }
    // Real numbers and the other counts say what they take.
    let o = ["train", "--data", SEED, "-o", "/nonexistent/m.json"];
    let cases: [(&[&str], &str); 6] = [
        (&[&o[..], &["--alpha", "x"]].concat(), "--alpha"),
        (&[&o[..], &["--tolerance", "x"]].concat(), "--tolerance"),
        (&[&o[..], &["--cue-scale", "x"]].concat(), "--cue-scale"),
        (
            &[&o[..], &["--cue-rules", "-1"]].concat(),
            "revision of the cue rules (1 to 26)",
        ),
        (&["classify", &article, "-j", "x"], "threads from 1 to 1024"),
        (&["train", "--data", SEED, "--cv", "-3"], "--cv"),
    ];
    for (args, expect) in cases {
        let r = factop(args, None);
        assert_eq!(r.code, 2, "{args:?}");
        let msg = r.err();
        assert!(msg.contains(expect), "{args:?}: {msg}");
        assert!(
            !msg.contains("invalid digit") && !msg.contains("float literal"),
            "{msg}"
        );
    }
}

#[test]
fn a_column_read_that_appears_twice_is_an_error_naming_the_file_and_the_column() {
    // factop read the first of two `label` columns, silently.
    let dir = tempfile::tempdir().unwrap();
    let body = "the vote was held.,fact,x,1\nit is a disgrace.,opinion,x,1\n";
    let cases = [
        ("sentence,label,label,para", "label", &[][..]),
        ("Sentence,label,SENTENCE,para", "sentence", &[]),
        ("sentence,label,Doc,DOC", "doc", &["--doc-column", "doc"]),
        (
            "sentence,label,para,para",
            "para",
            &["--doc-column", "label", "--para-column", "para"],
        ),
        ("text,label,text,para", "text", &["--text-column", "text"]),
    ];
    for (i, (header, col, flags)) in cases.into_iter().enumerate() {
        let f = write(
            dir.path(),
            &format!("d{i}.csv"),
            format!("{header}\n{body}"),
        );
        for cmd in ["train", "evaluate"] {
            let mut args = vec![cmd, "--data", f.as_str()];
            args.extend(flags);
            if cmd == "train" {
                args.extend(["--cv", "2"]);
            }
            let msg = factop(&args, None).err();
            assert!(
                msg.contains(&format!("d{i}.csv: 2 columns are named `{col}`")),
                "{args:?}: {msg}"
            );
        }
    }
    // A column factop does not read may repeat.
    let f = write(
        dir.path(),
        "ok.csv",
        format!("sentence,label,note,note\n{body}"),
    );
    let out = factop(&["evaluate", "--data", &f, "--bootstrap", "0"], None).ok();
    assert!(out.starts_with("examples      2"), "{out}");
}

#[test]
fn standard_input_named_twice_is_a_usage_error() {
    // `classify - -` read standard input twice: the article, then nothing.
    let article = repo("datasets/examples/council-budget.txt");
    let seed = std::fs::read(repo(SEED)).unwrap();
    let text = b"The vote was held on Monday.\n";
    let cases: [(&[&str], &[u8]); 7] = [
        (&["classify", "-", "-"], text),
        (&["classify", "-f", "html", "-", &article, "-"], text),
        (&["classify", "--explain", "-", "-"], text),
        (
            &["classify", "--input-format", "jsonl", "-", "-"],
            b"{\"id\":1,\"text\":\"x\"}\n",
        ),
        (&["sentences", "-", "-"], text),
        (&["evaluate", "--data", "-", "--data", "-"], &seed),
        (&["train", "--data", "-", "--data", "-", "--cv", "2"], &seed),
    ];
    for (args, stdin) in cases {
        let r = factop(args, Some(stdin));
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains("`-` (standard input) is given more than once"),
            "{args:?}: {msg}"
        );
    }
    // Once is fine, with other files.
    let out = factop(&["sentences", "-f", "text", "-", &article], Some(text)).ok();
    assert!(out.starts_with("The vote was held on Monday.\n"), "{out}");
}

#[test]
fn an_article_with_no_sentences_is_warned_about_once() {
    // An empty or white-space-only article exited 0 with no rows and no word about it.
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    let blank = write(dir.path(), "blank.txt", " \n\n\t \r\n");
    let good = write(dir.path(), "good.txt", "The vote was held on Monday.\n");
    let expected = format!(
        "factop: warning: {empty}: no sentences\nfactop: warning: {blank}: no sentences\nfactop: warning: standard input: no sentences\n"
    );
    let files = [empty.as_str(), good.as_str(), blank.as_str(), "-"];
    for opts in [
        &["classify", "-f", "jsonl"][..],
        &["classify", "-f", "json", "-j", "1"],
        &["classify", "-f", "csv"],
        &["classify", "-f", "text"],
        &["classify", "-f", "html"],
        &["classify", "--explain", "-f", "jsonl"],
        &["sentences", "-f", "jsonl"],
    ] {
        let r = factop(&[opts, &files[..]].concat(), Some(b""));
        assert_eq!(r.code, 0, "{opts:?}: {}", r.stderr);
        assert_eq!(r.stderr, expected, "{opts:?}");
        // The rows are those of the good article, as before.
        assert!(
            r.stdout.contains("The vote was held on Monday."),
            "{opts:?}"
        );
    }
    // JSONL input: each article with no sentences, by its line.
    let jsonl = b"{\"id\": 1, \"text\": \"It rained.\"}\n\n{\"id\": 2, \"text\": \" \"}\n";
    let r = factop(&["classify", "--input-format", "jsonl"], Some(jsonl));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "factop: warning: standard input: line 3: no sentences\n"
    );
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    // An article with sentences: no warning.
    let r = factop(&["classify", &good], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn a_folder_or_a_data_file_given_as_the_model_says_what_a_model_is() {
    // `-m DIR` said "cannot read it: Is a directory (os error 21)"; `-m data.csv` said only
    // "invalid JSON (expected value at line 1 column 1)".
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let article = repo("datasets/examples/council-budget.txt");
    let seed = repo(SEED);
    for args in [
        &["classify", "-m", &d, &article][..],
        &["evaluate", "--data", SEED, "-m", &d],
        &["explain", "-m", &d, "It is bad."],
        &["inspect", &d],
    ] {
        let msg = factop(args, None).err();
        assert!(
            msg.contains(&format!("model {d}: is a folder, not a model file"))
                && msg.contains("model.json"),
            "{args:?}: {msg}"
        );
    }
    for m in [&seed, &article] {
        for args in [
            &["classify", "-m", m, &article][..],
            &["evaluate", "--data", SEED, "--compare", m],
            &["inspect", m],
        ] {
            let msg = factop(args, None).err();
            assert!(
                msg.contains(&format!("model {m}: not a factop model"))
                    && msg.contains("`factop train --output` writes"),
                "{args:?}: {msg}"
            );
        }
    }
}

#[test]
fn a_table_a_jsonl_file_or_a_model_given_as_an_article_is_warned_about() {
    // `classify data.csv`, `classify articles.jsonl` (no --input-format jsonl) and
    // `classify model.json article.txt` (no -m) scored the file's syntax as sentences, silently.
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "rows.CSV", "sentence,label\nIt rained.,fact\n");
    let tsv = write(
        dir.path(),
        "rows.tsv",
        "sentence\tlabel\nIt rained.\tfact\n",
    );
    let jsonl = write(
        dir.path(),
        "a.jsonl",
        "{\"id\": 1, \"text\": \"It rained.\"}\n",
    );
    let json = write(dir.path(), "m.json", "{\"format\": \"factop-model\"}\n");
    let txt = write(dir.path(), "a.txt", "It rained.\n");
    let r = factop(&["classify", &csv, &tsv, &jsonl, &json, &txt], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stderr);
    for (line, (file, hint)) in lines.iter().zip([
        (&csv, format!("`factop evaluate --data {csv}`")),
        (&tsv, format!("`factop evaluate --data {tsv}`")),
        (&jsonl, "add --input-format jsonl".into()),
        (&json, "give it with --model".into()),
    ]) {
        assert!(
            line.starts_with(&format!("factop: warning: {file}: a ."))
                && line.contains("read as the plain text of one article")
                && line.contains(&hint),
            "{line}"
        );
    }
    // The rows are unchanged: each file is still one article.
    assert_eq!(r.stdout.lines().count(), 2 + 2 + 1 + 1 + 1, "{}", r.stdout);
    // `sentences` warns about tables; JSONL input and a plain text file get no warning.
    let r = factop(&["sentences", &tsv, &jsonl, &txt], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = factop(&["classify", "--input-format", "jsonl", &jsonl], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn explain_given_a_file_name_says_it_scores_the_name() {
    let article = repo("datasets/examples/council-budget.txt");
    let r = factop(&["explain", &article], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with(&format!("factop: warning: {article}: is a file's name"))
            && r.stderr
                .contains(&format!("factop classify --explain {article}")),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    // A sentence that names no file: no warning.
    let r = factop(&["explain", "README.md is a file here."], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn inspect_takes_the_model_with_m_as_the_other_commands_do() {
    let model = repo("models/default.json");
    let positional = factop(&["inspect", &model, "-f", "json"], None).ok();
    for flag in ["-m", "--model"] {
        let out = factop(&["inspect", flag, &model, "-f", "json"], None).ok();
        assert_eq!(out, positional, "{flag}");
    }
    let r = factop(&["inspect", &model, "-m", &model], None);
    assert_eq!(r.code, 2);
    assert!(r.err().contains("cannot be used with"));
}

#[test]
fn a_bad_label_map_names_the_flag_once() {
    // "invalid value 'x' for '--label-map <RAW=LABEL,...>': invalid value for --label-map: ..."
    for (map, expect) in [
        ("x", "`x` is not RAW=LABEL"),
        ("a=b", "`b` is not a label"),
        ("a=fact,a=opinion", "mapped to both"),
    ] {
        let r = factop(&["evaluate", "--data", SEED, "--label-map", map], None);
        assert_eq!(r.code, 2);
        let msg = r.err();
        assert!(msg.contains(expect), "{msg}");
        assert_eq!(msg.matches("--label-map").count(), 1, "{msg}");
    }
}

#[test]
fn a_lexicon_that_cannot_be_read_names_the_flag() {
    // "/path: No such file or directory (os error 2)" named neither --lexicon nor the lexicon;
    // then "/path: --lexicon loaded: cannot read it" put the file before the flag, where every
    // other input names the flag first (`--data missing.csv: no such file`).
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("words.txt").display().to_string();
    let folder = dir.path().display().to_string();
    let m = dir.path().join("m.json").display().to_string();
    for (file, expect) in [
        (&missing, "no such file"),
        (&folder, "is a folder, not a word list: name one file"),
    ] {
        let spec = format!("loaded={file}");
        let r = factop(
            &["train", "--data", SEED, "-o", &m, "--lexicon", &spec],
            None,
        );
        let msg = r.err();
        assert_eq!(msg, format!("factop: error: --lexicon {spec}: {expect}\n"));
    }
    assert!(!std::path::Path::new(&m).exists());
}

#[test]
fn plots_given_a_file_name_says_it_takes_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("roc.png").display().to_string();
    let r = factop(&["evaluate", "--data", SEED, "--plots", &png], None);
    assert_eq!(r.stdout, "");
    let msg = r.err();
    assert!(
        msg.contains(&format!("--plots {png}: names a file"))
            && msg.contains("takes a folder")
            && msg.contains(&format!("(e.g. {})", dir.path().join("roc").display())),
        "{msg}"
    );
    assert!(!std::path::Path::new(&png).exists());
    // An existing folder of that name is used as before.
    std::fs::create_dir(&png).unwrap();
    let r = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--bootstrap",
            "0",
            "--plots",
            &png,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(std::path::Path::new(&png).join("roc.svg").is_file());
}

#[test]
fn classify_takes_top_as_k_as_explain_and_inspect_do() {
    // `explain -k 3` and `inspect -k 3` worked; `classify --explain -k 3` did not.
    let text = b"The plan is a disgrace, the mayor said. It is a disgrace.";
    let long = factop(
        &["classify", "--explain", "-f", "jsonl", "--top", "3"],
        Some(text),
    )
    .ok();
    let short = factop(
        &["classify", "--explain", "-f", "jsonl", "-k", "3"],
        Some(text),
    )
    .ok();
    assert_eq!(short, long);
    assert_eq!(long.matches("\"feature\"").count(), 6, "{long}");
}

#[test]
fn a_utf16_article_is_an_error_saying_to_save_it_as_utf8() {
    // Notepad's "Unicode" (UTF-16 with a byte-order mark) was scored as one sentence of
    // NUL-spaced letters, with only "2 invalid UTF-8 sequences replaced" said about it.
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |bom: [u8; 2], text: &str| -> Vec<u8> {
        let mut b = bom.to_vec();
        for u in text.encode_utf16() {
            let pair = if bom == [0xFF, 0xFE] {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            };
            b.extend(pair);
        }
        b
    };
    let le = write(
        dir.path(),
        "le.txt",
        utf16([0xFF, 0xFE], "It rained. It is awful.\r\n"),
    );
    let be = write(dir.path(), "be.txt", utf16([0xFE, 0xFF], "It rained.\n"));
    let jsonl = write(
        dir.path(),
        "a.jsonl",
        utf16([0xFF, 0xFE], "{\"id\": 1, \"text\": \"It rained.\"}\n"),
    );
    for (args, file) in [
        (&["classify", &le][..], le.as_str()),
        (&["classify", "-f", "text", &be], &be),
        (&["classify", "-f", "html", &le], &le),
        (&["classify", "--explain", &le], &le),
        (&["sentences", &be], &be),
        (&["classify", "--input-format", "jsonl", &jsonl], &jsonl),
    ] {
        let msg = factop(args, None).err();
        assert!(
            msg.contains(&format!("{file}: is UTF-16 text")) && msg.contains("save it as UTF-8"),
            "{args:?}: {msg}"
        );
    }
    let bytes = std::fs::read(&le).unwrap();
    let msg = factop(&["classify"], Some(&bytes)).err();
    assert!(msg.contains("standard input: is UTF-16 text"), "{msg}");
    // UTF-8 with its byte-order mark is read as before.
    let out = factop(
        &["sentences", "-f", "text"],
        Some(b"\xEF\xBB\xBFIt rained."),
    )
    .ok();
    assert_eq!(out, "It rained.\n");
}

#[test]
fn explain_reads_standard_input_as_classify_does() {
    // Latin-1 on standard input was "stream did not contain valid UTF-8"; classify reads it
    // with the bytes replaced and a warning.
    let r = factop(
        &["explain", "-", "-f", "json"],
        Some(b"The caf\xe9 is awful.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\"text\": \"The caf\u{fffd} is awful.\""),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stderr,
        "factop: warning: standard input: 1 invalid UTF-8 sequence(s) replaced with U+FFFD\n"
    );
    let msg = factop(&["explain", "-"], Some(b"\xFF\xFEI\0t\0")).err();
    assert!(msg.contains("standard input: is UTF-16 text"), "{msg}");
    // UTF-8 as before, without a warning.
    let r = factop(&["explain", "-"], Some("The café is awful.\n".as_bytes()));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn output_given_to_a_command_that_writes_to_standard_output_says_to_redirect() {
    // `classify a.txt --output rows.csv` said "a similar argument exists: '--top'", and `-o`
    // "to pass '-o' as a value, use '-- -o'".
    let article = repo("datasets/examples/council-budget.txt");
    for args in [
        &["classify", &article, "-o", "rows.csv"][..],
        &["classify", &article, "--output", "rows.csv"],
        &["classify", &article, "--output=rows.csv"],
        &["sentences", &article, "-o", "s.jsonl"],
        &["evaluate", "--data", SEED, "-o", "r.txt"],
        &["explain", "It is bad.", "-o", "e.txt"],
        &["inspect", "-o", "card.txt"],
    ] {
        let r = factop(args, None);
        assert_eq!(r.code, 2, "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains(&format!("factop {} has no --output", args[0]))
                && msg.contains("> FILE")
                && !msg.contains("--top")
                && !msg.contains("-- -o"),
            "{args:?}: {msg}"
        );
        assert_eq!(
            msg.contains("--predictions"),
            args[0] == "evaluate",
            "{msg}"
        );
    }
    assert!(!crate::harness::root().join("rows.csv").exists());
}

#[test]
fn data_named_without_its_flag_says_to_use_data() {
    for (args, expect) in [
        (
            &["evaluate", SEED][..],
            format!("factop evaluate --data {SEED})"),
        ),
        (
            &["evaluate", "--data", SEED, SEED],
            format!("give each file its own --data (factop evaluate --data FILE --data {SEED})"),
        ),
        (
            &["train", SEED, "-o", "m.json"],
            format!("factop train --data {SEED} -o MODEL.json)"),
        ),
    ] {
        let r = factop(args, None);
        assert_eq!(r.code, 2, "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains(&format!("unexpected argument '{SEED}'")) && msg.contains(&expect),
            "{args:?}: {msg}"
        );
    }
    assert!(!crate::harness::root().join("m.json").exists());
}

/// Output formats and other named values are read in any case (`-f JSON`, `--tf Raw`).
#[test]
fn named_values_are_read_in_any_case() {
    let article = format!(
        "{}/datasets/examples/council-budget.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let lower = factop(&["classify", "-f", "json", &article], None).ok();
    let upper = factop(
        &["classify", "-f", "JSON", "--input-format", "Text", &article],
        None,
    )
    .ok();
    assert_eq!(lower, upper);
}

/// Cue rules 10 read a report continued without a verb as the source's, but never a sentence
/// where the author judges with a stance word right after a report (the second read's cases).
#[test]
fn the_authors_verdict_after_a_report_stays_the_authors() {
    let labels = |text: &str| -> Vec<String> {
        let out = factop(&["classify", "-f", "jsonl", "-"], Some(text.as_bytes())).ok();
        out.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["label"].as_str().unwrap().to_string()
            })
            .collect()
    };
    for text in [
        "Critics say the plan is flawed. They could not be more wrong.",
        "The minister said the levy was fair. It is also deeply unfair to renters.",
        "The minister said the levy was fair. Her critics, meanwhile, are simply wrong.",
    ] {
        assert_eq!(labels(text), ["fact", "opinion"], "{text}");
    }
    let continued = "It was, she said, a budget for the few. \
                     The tax cuts would mostly benefit people who did not need them.";
    assert_eq!(labels(continued), ["fact", "fact"]);
}

// ---- session 12 ------------------------------------------------------------------------------

/// `evaluate --plots DIR` under a file-size limit of 8 KiB (RLIMIT_FSIZE, which binds root
/// too; SIGXFSZ ignored, so a write fails with EFBIG as on a full disk): confusion.svg (3 KB)
/// fits, confusion.png (37 KB) does not.
#[cfg(unix)]
pub(crate) fn plots_with_size_limit(dir: &std::path::Path) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factop"));
    cmd.current_dir(crate::harness::root()).args([
        "evaluate",
        "--data",
        SEED,
        "--bootstrap",
        "0",
        "--plots",
        &dir.display().to_string(),
    ]);
    // SAFETY: only async-signal-safe calls (setrlimit, signal) between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 8192,
                rlim_max: 8192,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd.output().expect("run factop")
}

#[cfg(unix)]
#[test]
fn a_png_plot_that_fails_to_write_leaves_the_previous_one_whole() {
    // The PNG files were written in place by plotters (truncated, then filled): a full disk
    // left an earlier confusion.png cut at 8 KiB. The SVG files and curves.json were already
    // written to a temporary file and renamed.
    let dir = tempfile::tempdir().unwrap();
    let plots = dir.path().join("plots");
    let fresh = dir.path().join("fresh");
    factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--bootstrap",
            "0",
            "--plots",
            &fresh.display().to_string(),
        ],
        None,
    )
    .ok();
    std::fs::create_dir(&plots).unwrap();
    let names: Vec<_> = std::fs::read_dir(&fresh)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 11, "{names:?}");
    for n in &names {
        std::fs::write(plots.join(n), "previous").unwrap();
    }
    let out = plots_with_size_limit(&plots);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("confusion.png") && err.contains("File too large"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // Each file is the previous one or the new one, whole; no temporary file is left.
    for n in &names {
        let now = std::fs::read(plots.join(n)).unwrap();
        let new = std::fs::read(fresh.join(n)).unwrap();
        assert!(now == b"previous" || now == new, "{n:?} is half written");
    }
    assert_eq!(
        std::fs::read(plots.join("confusion.png")).unwrap(),
        b"previous"
    );
    assert_eq!(std::fs::read_dir(&plots).unwrap().count(), 11);
    // PNG files are still PNG files, the same bytes run after run.
    let again = dir.path().join("again");
    let again_s = again.display().to_string();
    factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--bootstrap",
            "0",
            "--plots",
            &again_s,
        ],
        None,
    )
    .ok();
    for n in &names {
        assert_eq!(
            std::fs::read(again.join(n)).unwrap(),
            std::fs::read(fresh.join(n)).unwrap(),
            "{n:?}"
        );
    }
    let png = std::fs::read(fresh.join("roc.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn predictions_are_written_in_the_format_their_extension_names() {
    // `--predictions p.json` wrote CSV under a JSON name.
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let run = |name: &str, extra: &[&str]| {
        let args = ["evaluate", "--data", SEED, "--bootstrap", "0"];
        let p = path(name);
        factop(&[&args[..], &["--predictions", &p], extra].concat(), None).ok();
        std::fs::read_to_string(&p).unwrap()
    };
    let csv = run("p.csv", &[]);
    assert!(csv.starts_with("source,row,text,label,predicted,p_opinion,correct\n"));
    assert_eq!(run("p", &[]), csv, "no extension: CSV");
    assert_eq!(run("P.CSV", &[]), csv, "in any case");
    let tsv = run("p.tsv", &[]);
    assert!(tsv.starts_with("source\trow\ttext\tlabel\tpredicted\tp_opinion\tcorrect\n"));
    assert_eq!(tsv.lines().count(), csv.lines().count());
    // .json: one array, one object per line, as classify --format json writes.
    let json = run("p.json", &[]);
    assert!(
        json.starts_with("[\n{\"source\":") && json.ends_with("}\n]\n"),
        "{json:.80}"
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), 40);
    let first = &rows[0];
    assert!(first["source"]
        .as_str()
        .unwrap()
        .ends_with("factop-seed.csv"));
    assert_eq!(first["row"], 2, "the header is row 1");
    assert!(first["p_opinion"].is_f64() && first["correct"].is_boolean());
    let keys: Vec<_> = first.as_object().unwrap().keys().cloned().collect();
    let csv_header = csv.lines().next().unwrap();
    assert_eq!(keys.join(","), csv_header, "the CSV's columns, in order");
    // The same rows as the CSV, the same numbers.
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    for (row, rec) in rows.iter().zip(reader.records()) {
        let rec = rec.unwrap();
        assert_eq!(row["text"], rec[2]);
        assert_eq!(row["p_opinion"].to_string(), rec[5]);
        assert_eq!(row["correct"], rec[6] == *"yes");
    }
    // .jsonl / .ndjson: one object per line; --compare adds its three fields.
    let model = repo("models/default.json");
    let jsonl = run("p.jsonl", &["--compare", &model]);
    assert_eq!(run("p.ndjson", &["--compare", &model]), jsonl);
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 40);
    assert_eq!(lines[0]["compare_p_opinion"], rows[0]["p_opinion"]);
    assert_eq!(lines[0]["compare_correct"], rows[0]["correct"]);
    // Another extension is a usage error naming --predictions and the extensions, before
    // the data is read (a missing data file is not reached) or anything is written.
    for name in ["p.txt", "p.xlsx", "p.html"] {
        let p = path(name);
        let r = factop(
            &["evaluate", "--data", "missing.csv", "--predictions", &p],
            None,
        );
        assert_eq!(r.code, 2, "{name}");
        let msg = r.err();
        assert!(
            msg.contains("--predictions")
                && msg.contains(name)
                && msg.contains(".csv, .tsv, .json or .jsonl"),
            "{msg}"
        );
        assert!(!dir.path().join(name).exists());
    }
}

/// UTF-16 without a byte-order mark, as some editors and tools save it.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let pair = |u: u16| {
        if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }
    };
    text.encode_utf16().flat_map(pair).collect()
}

#[test]
fn utf16_without_a_byte_order_mark_is_refused_with_the_same_hint() {
    // Without the mark it was decoded as UTF-8 and scored: one sentence of NUL-spaced
    // letters, with no warning at all (NUL is valid UTF-8).
    let dir = tempfile::tempdir().unwrap();
    let article = "It rained on Monday. The council raised the levy, and it is a disgrace.\n";
    let le = write(dir.path(), "le.txt", utf16(article, true));
    let be = write(dir.path(), "be.txt", utf16(article, false));
    let short = write(dir.path(), "short.txt", utf16("Hi.", true));
    let jsonl = write(
        dir.path(),
        "a.jsonl",
        utf16(
            "{\"id\": 1, \"text\": \"It rained on Monday, and it is awful.\"}\n",
            true,
        ),
    );
    // A JSONL file of one line shorter than the 64 bytes the reader looks at.
    let short_jsonl = write(
        dir.path(),
        "short.jsonl",
        utf16("{\"id\":1,\"text\":\"x\"}\n", false),
    );
    for (args, file, which) in [
        (&["classify", &le][..], le.as_str(), "UTF-16LE"),
        (&["classify", "-f", "text", &be], &be, "UTF-16BE"),
        (&["classify", "-f", "html", &le], &le, "UTF-16LE"),
        (&["classify", "--explain", &be], &be, "UTF-16BE"),
        (&["classify", &short], &short, "UTF-16LE"),
        (&["sentences", &be], &be, "UTF-16BE"),
        (
            &["classify", "--input-format", "jsonl", &short_jsonl],
            &short_jsonl,
            "UTF-16BE",
        ),
        (
            &["classify", "--input-format", "jsonl", &jsonl],
            &jsonl,
            "UTF-16LE",
        ),
    ] {
        let msg = factop(args, None).err();
        assert!(
            msg.contains(&format!("{file}: is UTF-16 text"))
                && msg.contains("no byte-order mark")
                && msg.contains(&format!(
                    "save it as UTF-8 (e.g. iconv -f {which} -t UTF-8)"
                )),
            "{args:?}: {msg}"
        );
    }
    for cmd in ["classify", "sentences", "explain"] {
        let msg = factop(&[cmd, "-"], Some(&utf16(article, false))).err();
        assert!(
            msg.contains("standard input: is UTF-16 text") && msg.contains("UTF-16BE"),
            "{msg}"
        );
    }
    // A labelled file said "not text (binary bytes in its first line)".
    let table = "sentence,label\nIt rained.,fact\nIt is awful.,opinion\n";
    for (le, which) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let data = write(dir.path(), "d.csv", utf16(table, le));
        for cmd in ["train", "evaluate"] {
            let mut args = vec![cmd, "--data", &data];
            if cmd == "train" {
                args.extend(["-o", "/nonexistent/m.json"]);
            }
            let r = factop(&args, None);
            // train checks its --output first.
            if cmd == "train" {
                assert!(r.err().contains("--output"));
                continue;
            }
            let msg = r.err();
            assert!(
                msg.contains("d.csv: the file is UTF-16 text")
                    && msg.contains(&format!("iconv -f {which} -t UTF-8")),
                "{msg}"
            );
        }
    }
}

#[test]
fn every_example_article_and_golden_input_reads_as_utf8() {
    // The UTF-16 check looks for NUL bytes: no UTF-8 article is refused.
    let mut files = Vec::new();
    for dir in ["datasets/examples", "tests/golden/segment"] {
        let Ok(entries) = std::fs::read_dir(repo(dir)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p.display().to_string());
            }
        }
    }
    assert!(files.len() >= 2, "{files:?}");
    for f in &files {
        let r = factop(&["sentences", f], None);
        assert_eq!(r.code, 0, "{f}: {}", r.stderr);
        assert!(!r.stderr.contains("UTF-16"), "{f}: {}", r.stderr);
    }
    let mut args = vec!["classify", "-f", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let r = factop(&args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_refused_article_after_good_ones_ends_the_run_after_their_rows() {
    // What several articles with a bad one among them give (docs/robustness.md): the rows of
    // the articles before it on standard output, then a one-line error naming it and exit 1;
    // none of the articles after it. There is no -o: a file given with it is never touched.
    let dir = tempfile::tempdir().unwrap();
    let good = repo("datasets/examples/council-budget.txt");
    let bad = [&[0xFF, 0xFE][..], &utf16("It rained on Monday.\n", true)].concat();
    let bad = write(dir.path(), "bad.txt", bad);
    let alone = factop(&["classify", "-f", "jsonl", &good], None).ok();
    let n = alone.lines().count();
    for threads in ["1", "2"] {
        for format in ["jsonl", "csv", "json"] {
            let r = factop(
                &["classify", "-j", threads, "-f", format, &good, &bad, &good],
                None,
            );
            assert_eq!(r.code, 1, "{}", r.stderr);
            assert!(r.stderr.contains("bad.txt: is UTF-16 text"), "{}", r.stderr);
            assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
            match format {
                "jsonl" => assert_eq!(r.stdout, alone),
                "csv" => assert_eq!(r.stdout.lines().count(), n + 1),
                // The array is not closed: the output is cut short, not valid JSON.
                _ => {
                    assert_eq!(r.stdout.matches("\"doc\":").count(), n);
                    assert!(serde_json::from_str::<serde_json::Value>(&r.stdout).is_err());
                }
            }
        }
    }
    let out = write(dir.path(), "out.jsonl", "earlier rows\n");
    let r = factop(&["classify", &good, &bad, "-o", &out], None);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier rows\n");
}

#[test]
fn the_label_map_suggested_for_unknown_labels_maps_them_by_their_names() {
    // A CheckThat! file read without --label-map suggested `--label-map OBJ=opinion`, and
    // with that `OBJ=opinion,SUBJ=fact`: every label inverted, for whoever follows the hint.
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(
        dir.path(),
        "d.tsv",
        "sentence\tlabel\nThe vote was held on Monday.\tOBJ\nIt is a disgrace.\tSUBJ\n",
    );
    let msg = factop(&["evaluate", "--data", &tsv], None).err();
    let map = "OBJ=fact,SUBJ=opinion";
    assert!(msg.contains(&format!("(e.g. --label-map {map})")), "{msg}");
    let args = ["evaluate", "--data", &tsv, "--bootstrap", "0", "-f", "json"];
    let out = factop(&[&args[..], &["--label-map", map]].concat(), None).ok();
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["accuracy"], 1.0, "{out}");
    // Values whose names say nothing: an example to check.
    let csv = write(
        dir.path(),
        "n.csv",
        "sentence,label\nIt rained.,1\nIt is bad.,0\n",
    );
    let msg = factop(&["train", "--data", &csv, "-o", "/tmp/never.json"], None).err();
    assert!(
        msg.contains(
            "(e.g. --label-map 0=fact,1=opinion, after checking which value is which class)"
        ),
        "{msg}"
    );
}

#[cfg(unix)]
#[test]
fn the_suggested_delimiter_works_when_pasted_into_a_shell() {
    // "use --delimiter ;" pasted into a shell ran `factop ... --delimiter` and then an empty
    // command (`;` ends a command; `|` pipes): "a value is required for '--delimiter'".
    let dir = tempfile::tempdir().unwrap();
    let rows = "sentence{d}label\nThe vote was held.{d}fact\nIt is a disgrace.{d}opinion\n";
    for d in [";", "|"] {
        let f = write(dir.path(), "d.csv", rows.replace("{d}", d));
        let msg = factop(&["evaluate", "--data", &f], None).err();
        let hint = msg.trim().rsplit("use ").next().unwrap();
        assert_eq!(hint, format!("--delimiter '{d}'"), "{msg}");
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
            out.status.success() && stdout.starts_with("examples      2"),
            "{line}: {stdout}"
        );
    }
    // Excel's `sep=;` line before the header: the hint led to "columns found: sep=, ".
    let f = write(
        dir.path(),
        "excel.csv",
        format!("sep=;\n{}", rows.replace("{d}", ";")),
    );
    for extra in [&[][..], &["--delimiter", ";"]] {
        let args = [&["evaluate", "--data", f.as_str()][..], extra].concat();
        let msg = factop(&args, None).err();
        assert!(
            msg.contains("`sep=...`) is Excel's delimiter hint")
                && msg.contains("delete that line"),
            "{msg}"
        );
    }
}

#[test]
fn a_jsonl_line_that_is_not_an_object_is_an_error_naming_the_line() {
    // `["a", "b"]` was read as the article `b` with the id `a` (serde reads a struct from an
    // array), without a word.
    let input = "{\"id\": 1, \"text\": \"It rained.\"}\n[\"a\", \"It is awful.\"]\n";
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
        let r = factop(&args, Some(input.as_bytes()));
        assert!(!r.stdout.contains("awful"), "{}", r.stdout);
        let msg = r.err();
        assert!(
            msg.contains("standard input: line 2: expected one JSON object")
                && msg.contains("not a JSON object"),
            "{msg}"
        );
    }
    for line in ["\"It rained.\"", "42", "null"] {
        let r = factop(
            &["classify", "--input-format", "jsonl"],
            Some(line.as_bytes()),
        );
        assert!(
            r.err().contains("line 1: expected one JSON object"),
            "{line}"
        );
    }
}

#[test]
fn a_utf16_lexicon_is_an_error_saying_to_save_it_as_utf8() {
    // Without a byte-order mark UTF-16 is valid UTF-8: "line 4: ` ` has no word a sentence
    // could match", naming a NUL; with the mark "line 1 is not valid UTF-8".
    let dir = tempfile::tempdir().unwrap();
    let words = "awful\nbad\nterrible\n";
    let cases = [
        ("le.txt", utf16(words, true), "UTF-16LE"),
        ("be.txt", utf16(words, false), "UTF-16BE"),
        (
            "bom.txt",
            [&[0xFF, 0xFE][..], &utf16(words, true)].concat(),
            "UTF-16LE",
        ),
    ];
    let model = dir.path().join("m.json").display().to_string();
    for (name, bytes, which) in cases {
        let f = write(dir.path(), name, bytes);
        let lexicon = format!("neg={f}");
        let args = ["train", "--data", SEED, "-o", &model, "--lexicon", &lexicon];
        let msg = factop(&args, None).err();
        assert!(
            msg.contains(&format!("{name}: lexicon `neg` is UTF-16 text"))
                && msg.contains(&format!("iconv -f {which} -t UTF-8")),
            "{msg}"
        );
    }
    // The same words in UTF-8 train.
    let f = write(dir.path(), "utf8.txt", words);
    let lexicon = format!("neg={f}");
    factop(
        &["train", "--data", SEED, "-o", &model, "--lexicon", &lexicon],
        None,
    )
    .ok();
}

#[test]
fn predictions_named_as_a_plot_file_in_the_plots_folder_are_refused() {
    // `--plots out --predictions out/curves.json` said "40 predictions written to
    // out/curves.json", and then the plots replaced them with the curves.
    let dir = tempfile::tempdir().unwrap();
    let plots = dir.path().join("out");
    let p = plots.display().to_string();
    let args = [
        "evaluate",
        "--data",
        SEED,
        "--bootstrap",
        "0",
        "--plots",
        &p,
    ];
    for (given, named) in [
        (format!("{p}/curves.json"), "curves.json"),
        (format!("{p}/../out/curves.json"), "curves.json"),
    ] {
        let r = factop(&[&args[..], &["--predictions", &given]].concat(), None);
        assert_eq!(r.code, 2);
        let msg = r.err();
        assert!(
            msg.contains("--predictions") && msg.contains(named) && msg.contains("--plots writes"),
            "{msg}"
        );
        assert!(!plots.join("curves.json").exists());
    }
    // Another name in the same folder is fine.
    let other = format!("{p}/predictions.json");
    factop(&[&args[..], &["--predictions", &other]].concat(), None).ok();
    let rows = std::fs::read_to_string(plots.join("predictions.json")).unwrap();
    assert!(rows.starts_with("[\n{\"source\":"), "{rows:.40}");
    assert!(plots.join("curves.json").is_file());
}

#[test]
fn an_output_given_as_dash_is_refused_not_written_as_a_file_named_dash() {
    // `-` is standard input or output everywhere else; `train -o -` and `evaluate
    // --predictions -` wrote a file named `-` in the working folder.
    let dir = tempfile::tempdir().unwrap();
    for (args, flag) in [
        (&["train", "--data", "SEED", "-o", "-"][..], "--output"),
        (
            &["evaluate", "--data", "SEED", "--predictions", "-"],
            "--predictions",
        ),
    ] {
        let seed = repo(SEED);
        let args: Vec<&str> = args
            .iter()
            .map(|&a| if a == "SEED" { seed.as_str() } else { a })
            .collect();
        let r = crate::harness::factop_in(dir.path(), &args, None);
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains(&format!("invalid value for {flag}: takes a file, not `-`")),
            "{msg}"
        );
        assert!(!dir.path().join("-").exists(), "{args:?}");
    }
}

#[test]
fn the_same_data_file_named_twice_is_said_so() {
    // `--data a.csv --data a.csv` only warned that 40 rows repeat an earlier row; naming a file
    // twice stays allowed (it weighs its rows twice), and the warning now says why they repeat.
    let r = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--data",
            SEED,
            "--bootstrap",
            "0",
        ],
        None,
    );
    let e = r.stderr.clone();
    r.ok();
    assert!(
        e.contains("40 rows repeat") && e.contains(&format!("({SEED} named more than once)")),
        "{e}"
    );
    let once = factop(&["evaluate", "--data", SEED, "--bootstrap", "0"], None);
    assert!(
        !once.stderr.contains("named more than once"),
        "{}",
        once.stderr
    );
}

#[test]
fn a_model_named_like_a_data_file_gets_a_warning() {
    // `train -o m.csv` wrote a JSON model under a CSV name, silently.
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let r = factop(&["train", "--data", SEED, "-o", &path("m.csv")], None);
    let e = r.stderr.clone();
    r.ok();
    assert!(e.contains("m.csv") && e.contains("name it .json"), "{e}");
    let model = std::fs::read_to_string(dir.path().join("m.csv")).unwrap();
    assert!(model.starts_with('{'), "{model:.40}");
    for name in ["m.json", "model"] {
        let r = factop(&["train", "--data", SEED, "-o", &path(name)], None);
        assert!(!r.stderr.contains("name it .json"), "{}", r.stderr);
    }
}
