//! A first-time user's review (session 10): inputs a fact-checker gets wrong, each test naming
//! the defect it pins down. Errors are one line naming the file, row or flag.

use crate::harness::{factop, repo, write};
use std::path::Path;

const SEED: &str = "datasets/factop-seed.csv";

#[test]
fn a_model_or_a_compressed_file_given_as_data_says_what_it_is_in_one_short_line() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(
        dir.path(),
        "d.csv.gz",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    );
    let xlsx = write(dir.path(), "d.xlsx", b"PK\x03\x04\x14\x00\x06\x00");
    let model = repo("models/default.json");
    for (file, what) in [
        (&gz, "gzip-compressed"),
        (&xlsx, "save the sheet as CSV"),
        (&model, "reads as JSON"),
    ] {
        for cmd in ["train", "evaluate"] {
            let m = dir.path().join("m.json").display().to_string();
            let mut args = vec![cmd, "--data", file.as_str()];
            if cmd == "train" {
                args.extend(["-o", &m]);
            }
            let msg = factop(&args, None).err();
            // The default model was listed as one 1.6 MB "column".
            assert!(msg.len() < 300, "{cmd}: {} bytes: {msg:.300}", msg.len());
            assert!(msg.contains(file.as_str()) && msg.contains(what), "{msg}");
        }
    }
    // An article given as data: its first line is listed as a column, cut short.
    let article = repo("datasets/examples/council-budget.txt");
    let msg = factop(&["evaluate", "--data", &article], None).err();
    assert!(msg.contains("columns found") && msg.len() < 300, "{msg}");
}

/// Two labelled rows with the given header and labels.
fn two_rows(dir: &Path, name: &str, header: &str, fact: &str, opinion: &str) -> String {
    let d = if name.ends_with(".tsv") { '\t' } else { ',' };
    let body = format!(
        "{header}\nThe vote was held on Monday.{d}{fact}\nThis plan is a disgrace.{d}{opinion}\n"
    );
    write(dir, name, body)
}

#[test]
fn columns_named_in_another_case_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let f = two_rows(dir.path(), "d.csv", "Sentence,Label", "Fact", "Opinion");
    let out = factop(&["evaluate", "--data", &f, "--bootstrap", "0"], None).ok();
    assert!(out.starts_with("examples      2"), "{out}");
    // Two columns that differ from `label` only in case: neither is guessed.
    let f = two_rows(
        dir.path(),
        "e.csv",
        "sentence,Label,LABEL",
        "fact,fact",
        "opinion,opinion",
    );
    let msg = factop(&["evaluate", "--data", &f], None).err();
    assert!(msg.contains("2 columns are named `label`"), "{msg}");
}

#[test]
fn label_map_keys_match_the_file_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let f = two_rows(dir.path(), "d.tsv", "sentence\tlabel", "OBJ", "SUBJ");
    let args = ["evaluate", "--data", &f, "--bootstrap", "0", "--label-map"];
    let out = factop(&[&args[..], &["subj=opinion,obj=fact"]].concat(), None).ok();
    assert!(out.starts_with("examples      2"), "{out}");
    // Half a mapping: the example completes it (it suggested `OBJ=opinion`).
    let msg = factop(&[&args[..], &["SUBJ=opinion"]].concat(), None).err();
    assert!(
        msg.contains("unknown label `OBJ`") && msg.contains("--label-map SUBJ=opinion,OBJ=fact"),
        "{msg}"
    );
}

#[test]
fn data_dash_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(repo(SEED)).unwrap();
    let m = dir.path().join("m.json").display().to_string();
    let out = factop(&["train", "--data", "-", "-o", &m], Some(&seed)).ok();
    assert!(out.contains("40 rows"), "{out}");
    let out = factop(&["evaluate", "--data", "-", "-m", &m], Some(&seed)).ok();
    assert!(out.starts_with("examples      40"), "{out}");
    // Errors name standard input; it cannot be read twice.
    let msg = factop(&["evaluate", "--data", "-"], Some(b"text,label\n")).err();
    assert!(
        msg.starts_with("factop: error: standard input: no column `sentence`"),
        "{msg}"
    );
    let r = factop(&["evaluate", "--data", "-", "--data", "-"], Some(&seed));
    assert_eq!(r.code, 2);
    assert!(r.err().contains("--data"));
}

#[test]
fn negative_numbers_after_a_space_are_read_as_the_flags_values() {
    // Each was "unexpected argument '-1' found", naming no flag.
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    let article = repo("datasets/examples/council-budget.txt");
    let cases: [(&[&str], &str); 6] = [
        (
            &["train", "--data", SEED, "-o", &m, "--alpha", "-1"],
            "--alpha: -1 is not a positive",
        ),
        (
            &["train", "--data", SEED, "-o", &m, "--cue-scale", "-2"],
            "--cue-scale: -2",
        ),
        (&["train", "--data", SEED, "--cv", "-3"], "--cv"),
        (
            &["classify", &article, "--threshold", "-0.5"],
            "-0.5 is outside 0..1",
        ),
        (&["classify", &article, "-j", "-1"], "--threads"),
        (&["explain", "It is bad.", "-k", "-2"], "--top"),
    ];
    for (args, expect) in cases {
        let r = factop(args, None);
        assert_eq!(r.code, 2, "{args:?}");
        let msg = r.err();
        assert!(
            msg.contains(expect) && !msg.contains("unexpected argument"),
            "{msg}"
        );
    }
    assert!(!Path::new(&m).exists());
}

#[test]
fn an_output_folder_that_exists_but_takes_no_file_is_not_called_missing() {
    if !Path::new("/proc/self").is_dir() {
        return;
    }
    let msg = factop(&["train", "--data", SEED, "-o", "/proc/m.json"], None).err();
    assert!(
        msg.contains("--output /proc/m.json") && !msg.contains("does not exist"),
        "{msg}"
    );
}

#[test]
fn a_missing_input_among_several_fails_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let good = repo("datasets/examples/council-budget.txt");
    let missing = dir.path().join("typo.txt").display().to_string();
    let folder = dir.path().display().to_string();
    for bad in [&missing, &folder] {
        for args in [
            &["classify", "-f", "json", &good, bad][..],
            &["classify", "-f", "text", &good, bad],
            &["classify", "--explain", &good, bad],
            &["classify", "--input-format", "jsonl", &good, bad],
            &["sentences", &good, bad],
        ] {
            let r = factop(args, None);
            // The rows of the good file came first, then the error (a `json` array cut short).
            assert_eq!(r.stdout, "", "{args:?}");
            assert!(r.err().contains(bad.as_str()), "{args:?}");
        }
    }
}

/// On several threads the inputs' check runs alongside the scoring: its error still comes
/// first and nothing is written before it, also when a file before the missing one fails on
/// the reader (a streamed UTF-16 file) and when the format opens with a header.
#[test]
fn the_inputs_check_comes_first_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let good = repo("datasets/examples/council-budget.txt");
    let utf16 = dir.path().join("big-utf16.txt");
    let text: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "The council met. "
                .repeat(20_000)
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(&utf16, text).unwrap();
    let utf16 = utf16.display().to_string();
    let missing = dir.path().join("typo.txt").display().to_string();
    for j in ["1", "2", "3"] {
        for f in ["csv", "json", "jsonl", "text"] {
            for first in [&good, &utf16] {
                let r = factop(
                    &["classify", "-j", j, "-f", f, first, &good, &missing],
                    None,
                );
                assert_eq!(
                    (r.code, r.stdout.as_str()),
                    (1, ""),
                    "-j {j} -f {f} {first}"
                );
                let e = r.err();
                assert!(e.contains("typo.txt"), "-j {j} -f {f}: {e}");
            }
            // The check passes: its warning comes once, before the rows' warnings.
            let table = dir.path().join("rows.csv");
            std::fs::write(&table, "").unwrap();
            let table = table.display().to_string();
            let r = factop(&["classify", "-j", j, "-f", f, &good, &table], None);
            assert_eq!(r.code, 0, "{}", r.stderr);
            let lines: Vec<_> = r.stderr.lines().collect();
            assert_eq!(lines.len(), 2, "{}", r.stderr);
            assert!(
                lines[0].contains("a .csv file is read as the plain text"),
                "{}",
                r.stderr
            );
            assert!(lines[1].ends_with("rows.csv: no sentences"), "{}", r.stderr);
        }
    }
}

#[test]
fn explain_warns_that_several_sentences_are_scored_as_one() {
    let r = factop(&["explain", "The vote was held. It was a disgrace."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("sentence   The vote was held."),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("2 sentences") && r.stderr.contains("classify --explain"),
        "{}",
        r.stderr
    );
    let r = factop(&["explain", "It was a disgrace."], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn a_sentence_opening_with_a_quotation_keeps_its_quotation_marks() {
    // In a file that does not quote its fields (a TSV written by a script), the CSV reader
    // took `"…," the minister said.` as a quoted field and dropped both marks: the reported
    // quotation became the author's words (P(opinion) 0.68 instead of 0.08).
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "d.tsv",
        "sentence\tlabel\n\"This is a disgrace,\" the minister said.\tfact\nIt is awful.\topinion\n",
    );
    let p = dir.path().join("p.csv");
    let r = factop(
        &[
            "evaluate",
            "--data",
            &f,
            "--predictions",
            p.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("d.tsv: 1 row (the first: row 2)")
            && r.stderr.contains("quote the whole field"),
        "{}",
        r.stderr
    );
    let rows = std::fs::read_to_string(&p).unwrap();
    assert!(
        rows.contains("d.tsv,2,\"\"\"This is a disgrace,\"\" the minister said.\",fact,fact,"),
        "{rows}"
    );
    // Quoted as CSV (the whole field, marks doubled), the same text and no warning.
    let g = write(
        dir.path(),
        "g.csv",
        "sentence,label\n\"\"\"This is a disgrace,\"\" the minister said.\",fact\nIt is awful.,opinion\n",
    );
    let q = dir.path().join("q.csv");
    let r = factop(
        &[
            "evaluate",
            "--data",
            &g,
            "--predictions",
            q.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let quoted = std::fs::read_to_string(&q).unwrap();
    assert_eq!(quoted.replace("g.csv", "d.tsv"), rows);
}

#[test]
fn explain_reads_the_sentence_from_standard_input_given_a_dash() {
    let text = "The plan is a disgrace.";
    let piped = factop(
        &["explain", "-", "-f", "json"],
        Some(format!("{text}\n").as_bytes()),
    )
    .ok();
    let given = factop(&["explain", text, "-f", "json"], None).ok();
    assert_eq!(piped, given);
    assert!(piped.contains("disgrace"), "{piped}");
    let e = factop(&["explain", "-"], Some(b"\n")).err();
    assert!(e.contains("the sentence is empty"), "{e}");
}
