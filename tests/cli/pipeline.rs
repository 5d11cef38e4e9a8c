//! `classify` on many articles: JSONL input with ids, and output independent of --threads.

use crate::harness::{factop, repo};
use serde_json::Value;

const ARTICLE: &str = "datasets/examples/council-budget.txt";

/// A JSONL stream of articles written for the test (ids of both kinds, a blank line).
fn stream() -> String {
    let text = std::fs::read_to_string(repo(ARTICLE)).unwrap();
    let mut s = String::new();
    for i in 0..40 {
        let id = if i % 2 == 0 {
            Value::from(format!("art-{i}"))
        } else {
            Value::from(i)
        };
        let body = match i % 3 {
            0 => text.clone(),
            1 => {
                format!("Article {i}. The mayor said the plan \"is a disaster\". It is a disaster.")
            }
            _ => String::new(),
        };
        s.push_str(&serde_json::json!({"id": id, "text": body}).to_string());
        s.push('\n');
        if i == 7 {
            s.push_str("   \n");
        }
    }
    s
}

#[test]
fn jsonl_input_rows_carry_the_id_and_slice_back() {
    let input = stream();
    let out = factop(
        &["classify", "--input-format", "jsonl", "--format", "jsonl"],
        Some(input.as_bytes()),
    )
    .ok();
    let articles: Vec<Value> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 100);
    let mut last = None;
    for r in &rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "doc",
                "id",
                "index",
                "start",
                "end",
                "text",
                "label",
                "p_opinion"
            ]
        );
        assert_eq!(r["doc"], "-");
        let a = articles.iter().find(|a| a["id"] == r["id"]).unwrap();
        let text = a["text"].as_str().unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(r["text"], &text[s..e]);
        // Articles in input order, sentences in order within each.
        let pos = articles.iter().position(|x| x["id"] == r["id"]).unwrap();
        let key = (pos, r["index"].as_u64().unwrap());
        assert!(last.is_none_or(|l| l < key), "{key:?} after {last:?}");
        last = Some(key);
    }
    // Each article scores as it does on its own.
    let single = factop(&["classify", ARTICLE, "--format", "jsonl"], None).ok();
    let p: Vec<Value> = single
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let from_stream: Vec<&Value> = rows.iter().filter(|r| r["id"] == "art-0").collect();
    assert_eq!(from_stream.len(), p.len());
    for (a, b) in from_stream.iter().zip(&p) {
        assert_eq!(a["p_opinion"], b["p_opinion"]);
        assert_eq!(a["start"], b["start"]);
    }
}

#[test]
fn output_does_not_depend_on_threads() {
    let input = stream();
    for format in ["jsonl", "json", "csv", "text"] {
        let run = |j: &str| {
            factop(
                &[
                    "classify",
                    "--input-format",
                    "jsonl",
                    "--format",
                    format,
                    "-j",
                    j,
                ],
                Some(input.as_bytes()),
            )
            .ok()
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(run("2"), one, "{format}");
        assert_eq!(run("3"), one, "{format}");
    }
    let files = [ARTICLE, ARTICLE, "datasets/examples/council-budget.txt"];
    let run = |j: &str| {
        let mut args = vec!["classify", "--format", "jsonl", "-j", j];
        args.extend(files);
        factop(&args, None).ok()
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn bad_jsonl_lines_are_one_line_errors_naming_the_line() {
    let input =
        "{\"id\": 1, \"text\": \"Fine.\"}\n{\"id\": 2}\n{\"id\": 3, \"text\": \"Not reached.\"}\n";
    for j in ["1", "2"] {
        let r = factop(
            &[
                "classify",
                "--input-format",
                "jsonl",
                "-f",
                "jsonl",
                "-j",
                j,
            ],
            Some(input.as_bytes()),
        );
        // The line before the bad one is written, nothing after it.
        assert!(r.stdout.contains("\"Fine.\""), "-j {j}: {}", r.stdout);
        assert!(!r.stdout.contains("Not reached"), "-j {j}: {}", r.stdout);
        let err = r.err();
        assert!(err.contains("standard input: line 2"), "{err}");
    }
    let err = factop(
        &["classify", "--input-format", "jsonl", "--format", "html"],
        Some(b"{\"id\": 1, \"text\": \"Fine.\"}\n"),
    )
    .err();
    assert!(err.contains("--input-format"), "{err}");
    // 0 and more than 1024 worker threads are usage errors naming the flag.
    for j in ["0", "1025"] {
        let r = factop(&["classify", "-j", j, ARTICLE], None);
        assert_eq!(r.code, 2, "-j {j}");
        assert!(r.stderr.contains("--threads"), "{}", r.stderr);
    }
    factop(&["classify", "-j", "1024", ARTICLE], None).ok();
}

/// Small files are opened and read on the worker threads, larger ones streamed by the reader
/// thread: either way each file's rows, warnings and errors are those of the same bytes
/// streamed from standard input, for any number of threads.
#[test]
fn files_read_on_workers_score_like_streamed_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read(repo(ARTICLE)).unwrap();
    // Invalid UTF-8 that decodes to more than one 256 KB block, from a file under that size.
    let mut expands = b"It is a disgrace \xff\xfe. The vote was held. ".repeat(2000);
    expands.extend(std::iter::repeat_n(0xffu8, 100_000));
    let mut big = Vec::new();
    while big.len() < 600_000 {
        big.extend_from_slice(&article);
        big.extend_from_slice(b"\n\n");
    }
    let files: [(&str, &[u8]); 5] = [
        ("a.txt", &article),
        ("empty.txt", b""),
        ("expands.txt", &expands),
        ("big.txt", &big),
        ("short.txt", b"We must act now! The council said so."),
    ];
    let mut names = Vec::new();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        names.push(name);
    }
    for format in ["jsonl", "json", "csv", "text"] {
        let run = |j: &str, names: &[&str]| {
            let mut args = vec!["classify", "--format", format, "-j", j];
            args.extend(names);
            crate::harness::factop_in(dir.path(), &args, None)
        };
        let one = run("1", &names);
        assert_eq!(one.code, 0, "{}", one.stderr);
        for j in ["2", "3"] {
            let r = run(j, &names);
            assert_eq!(
                (&r.stdout, &r.stderr, r.code),
                (&one.stdout, &one.stderr, 0),
                "{format} -j {j}"
            );
        }
        if format != "jsonl" {
            continue;
        }
        // File by file: the rows (but for the name) and warnings of standard input.
        let mut want = (String::new(), String::new());
        for (name, bytes) in files {
            let r = factop(&["classify", "--format", "jsonl"], Some(bytes));
            assert_eq!(r.code, 0, "{}", r.stderr);
            want.0 += &r
                .stdout
                .replace("{\"doc\":\"-\"", &format!("{{\"doc\":\"{name}\""));
            want.1 += &r
                .stderr
                .replace(": standard input: ", &format!(": {name}: "));
        }
        assert_eq!(
            (one.stdout.as_str(), one.stderr.as_str()),
            (&*want.0, &*want.1)
        );
        assert!(
            one.stderr.contains("expands.txt: 104000 invalid UTF-8"),
            "{}",
            one.stderr
        );
    }
    // An error names its file, after everything before it was written, on any thread count:
    // a file that fails when read (/proc/self/mem: EIO at offset 0). A missing file or a
    // folder fails before anything is written (`review::a_missing_input_among_several_...`).
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    for bad in ["missing.txt", "adir", "/proc/self/mem"] {
        let fails_when_read = bad.starts_with('/');
        if fails_when_read && !std::path::Path::new(bad).exists() {
            continue;
        }
        for j in ["1", "2"] {
            let r = crate::harness::factop_in(
                dir.path(),
                &[
                    "classify",
                    "-f",
                    "jsonl",
                    "-j",
                    j,
                    "a.txt",
                    bad,
                    "short.txt",
                ],
                None,
            );
            assert_eq!(
                r.stdout.contains("\"doc\":\"a.txt\""),
                fails_when_read,
                "{bad} -j {j}"
            );
            assert!(!r.stdout.contains("short.txt"), "{bad} -j {j}");
            let err = r.err();
            assert!(err.starts_with(&format!("factop: error: {bad}: ")), "{err}");
        }
    }
}
