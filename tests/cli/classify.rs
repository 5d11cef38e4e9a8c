use crate::harness::{factop, golden, repo};
use serde_json::Value;

const ARTICLE: &str = "datasets/examples/council-budget.txt";

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

#[test]
fn jsonl_rows_follow_the_contract_and_slice_back() {
    let text = std::fs::read_to_string(repo(ARTICLE)).unwrap();
    let out = factop(&["classify", ARTICLE, "--format", "jsonl"], None).ok();
    let rows = jsonl(&out);
    assert!(rows.len() > 5);
    for (i, r) in rows.iter().enumerate() {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["doc", "index", "start", "end", "text", "label", "p_opinion"]
        );
        assert_eq!(r["doc"], ARTICLE);
        assert_eq!(r["index"], i);
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(r["text"], &text[s..e]);
        let p = r["p_opinion"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p));
        assert!(r["label"] == "fact" || r["label"] == "opinion");
    }
    golden("classify-council.jsonl", &out);
}

#[test]
fn stdin_and_dash_match_the_file() {
    let text = std::fs::read(repo(ARTICLE)).unwrap();
    let from_file = jsonl(&factop(&["classify", ARTICLE, "-f", "jsonl"], None).ok());
    let from_stdin = jsonl(&factop(&["classify", "-f", "jsonl"], Some(&text)).ok());
    let from_dash = jsonl(&factop(&["classify", "-", "-f", "jsonl"], Some(&text)).ok());
    assert_eq!(from_stdin.len(), from_file.len());
    for ((a, b), c) in from_file.iter().zip(&from_stdin).zip(&from_dash) {
        assert_eq!(b["doc"], "-");
        assert_eq!(b, c);
        assert_eq!(a["text"], b["text"]);
        assert_eq!(a["p_opinion"], b["p_opinion"]);
    }
}

#[test]
fn several_files_keep_order_and_doc_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "The vote was held on Monday. It passed.").unwrap();
    std::fs::write(&b, "This is an outrage. We deserve better!").unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let rows = jsonl(&factop(&["classify", &a, &b, "-f", "jsonl"], None).ok());
    let docs: Vec<&str> = rows.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, [a.as_str(), &a, &b, &b]);
}

#[test]
fn json_is_one_array_with_the_same_objects() {
    let lines = jsonl(&factop(&["classify", ARTICLE, "-f", "jsonl"], None).ok());
    let arr: Value =
        serde_json::from_str(&factop(&["classify", ARTICLE, "-f", "json"], None).ok()).unwrap();
    assert_eq!(arr.as_array().unwrap(), &lines);
    let empty: Value =
        serde_json::from_str(&factop(&["classify", "-f", "json"], Some(b"")).ok()).unwrap();
    assert_eq!(empty, serde_json::json!([]));
}

#[test]
fn csv_has_the_same_columns() {
    let out = factop(&["classify", ARTICLE, "-f", "csv"], None).ok();
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        ["doc", "index", "start", "end", "text", "label", "p_opinion"]
    );
    let lines = jsonl(&factop(&["classify", ARTICLE, "-f", "jsonl"], None).ok());
    let recs: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), lines.len());
    for (r, l) in recs.iter().zip(&lines) {
        assert_eq!(&r[4], l["text"].as_str().unwrap());
        assert_eq!(&r[5], l["label"].as_str().unwrap());
    }
}

#[test]
fn text_format_lists_sentences_and_summary() {
    let out = factop(&["classify", ARTICLE, "-f", "text"], None).ok();
    assert!(out.starts_with(&format!("== {ARTICLE}\n")));
    assert!(out.contains(" sentences, "), "{out}");
    assert!(out.contains("% "), "{out}");
    golden("classify-council.txt", &out);
}

/// A news article with quotations that run over several sentences (written for the project).
const QUOTES: &str = "datasets/examples/library-closure.txt";

#[test]
fn every_sentence_of_a_quotation_is_the_speakers() {
    let rows = jsonl(&factop(&["classify", QUOTES], None).ok());
    let label = |text: &str| {
        let r = rows.iter().find(|r| r["text"] == text).expect(text);
        r["label"].as_str().unwrap().to_string()
    };
    // The middle sentence has no quotation mark of its own; the next one closes the quotation
    // with a straight mark before its attribution.
    let middle = "It is cruel and it is stupid.";
    for text in [
        "\"This is a shameful decision.",
        middle,
        "The children of this town deserve better,\" said Maria Lopez, who has run the library's reading club for a decade.",
        "\"We have no choice.",
        "The budget cannot carry three branches, and anyone who says otherwise has not read the accounts,\" he told reporters after the meeting.",
    ] {
        assert_eq!(label(text), "fact", "{text}");
    }
    // The author's own verdict stays an opinion.
    assert_eq!(
        label("Frankly, the council got this one badly wrong."),
        "opinion"
    );
    // What makes the middle sentence a fact is its place in the quotation: alone, the same
    // words are an opinion.
    let alone = jsonl(&factop(&["classify", "-"], Some(middle.as_bytes())).ok());
    assert_eq!(alone[0]["label"], "opinion");
    golden(
        "classify-library.txt",
        &factop(&["classify", QUOTES, "-f", "text"], None).ok(),
    );
}

#[test]
fn threshold_flag_changes_labels() {
    let all = jsonl(
        &factop(
            &["classify", ARTICLE, "-f", "jsonl", "--threshold", "0"],
            None,
        )
        .ok(),
    );
    assert!(all.iter().all(|r| r["label"] == "opinion"));
    let none = jsonl(
        &factop(
            &["classify", ARTICLE, "-f", "jsonl", "--threshold", "1"],
            None,
        )
        .ok(),
    );
    assert!(none.iter().all(|r| r["label"] == "fact"));
    let e = factop(&["classify", ARTICLE, "--threshold", "1.5"], None);
    assert_eq!(e.code, 2, "{}", e.stderr);
}

#[test]
fn missing_file_is_a_clear_error() {
    let e = factop(&["classify", "no/such/article.txt"], None).err();
    assert!(e.contains("no/such/article.txt"), "{e}");
}

#[test]
fn sentences_command_prints_offsets() {
    let text = std::fs::read_to_string(repo(ARTICLE)).unwrap();
    let out = factop(&["sentences", ARTICLE, "-f", "jsonl"], None).ok();
    let rows = jsonl(&out);
    assert!(!rows.is_empty());
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(r["text"], &text[s..e]);
        for flag in ["in_quote", "attributed", "continues_quote"] {
            assert!(r[flag].is_boolean(), "{flag}: {r}");
        }
    }
    // Two separate quotations in the council article; in the library article the
    // sentences after the first of a multi-sentence quotation continue it.
    assert!(rows.iter().all(|r| r["continues_quote"] == false));
    let quotes = jsonl(&factop(&["sentences", QUOTES, "-f", "jsonl"], None).ok());
    let continuing: Vec<u64> = quotes
        .iter()
        .filter(|r| r["continues_quote"] == true)
        .map(|r| r["index"].as_u64().unwrap())
        .collect();
    assert_eq!(continuing, [5, 6, 9]);
    let plain = factop(&["sentences", ARTICLE, "-f", "text"], None).ok();
    assert_eq!(plain.lines().count(), rows.len());
}
