//! `factop explain` and `factop classify --explain`.

use crate::harness::{factop, golden};
use serde_json::Value;

const ARTICLE: &str = "datasets/examples/council-budget.txt";
const SENTENCE: &str = "Frankly, this budget is a reckless gamble with our money.";

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// bias + listed contributions + the rest = logit, and each contribution is weight × value.
#[track_caller]
fn assert_sums_to_logit(e: &Value) {
    let listed: f64 = e["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let (w, v, x) = (
                c["weight"].as_f64().unwrap(),
                c["value"].as_f64().unwrap(),
                c["contribution"].as_f64().unwrap(),
            );
            assert!((w * v - x).abs() < 1e-9, "{c}");
            let toward = if x > 0.0 { "opinion" } else { "fact" };
            assert_eq!(c["toward"], toward, "{c}");
            x
        })
        .sum();
    let logit = e["logit"].as_f64().unwrap();
    let total = e["bias"].as_f64().unwrap() + listed + e["other"].as_f64().unwrap();
    assert!((total - logit).abs() < 1e-9, "{total} != {logit}");
    assert!((sigmoid(logit) - e["p_opinion"].as_f64().unwrap()).abs() < 1e-12);
}

#[test]
fn explain_json_sums_with_the_bias_to_the_logit() {
    for k in ["0", "3", "10000"] {
        let out = factop(&["explain", SENTENCE, "-f", "json", "-k", k], None).ok();
        let e: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(e["text"], SENTENCE);
        assert_sums_to_logit(&e);
        let n = e["features"].as_array().unwrap().len();
        assert!(n <= k.parse().unwrap());
        if k == "10000" {
            assert_eq!(e["other_count"], 0);
            assert_eq!(e["other"], 0.0);
        }
        if k == "0" {
            assert!(e["other_count"].as_u64().unwrap() > 3);
        }
    }
}

#[test]
fn explain_agrees_with_classify() {
    let e: Value =
        serde_json::from_str(&factop(&["explain", SENTENCE, "-f", "json"], None).ok()).unwrap();
    let row: Value = serde_json::from_str(
        factop(&["classify", "-f", "jsonl"], Some(SENTENCE.as_bytes()))
            .ok()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let p = e["p_opinion"].as_f64().unwrap();
    assert!(((p * 1e6).round() / 1e6 - row["p_opinion"].as_f64().unwrap()).abs() < 1e-12);
    assert_eq!(e["label"], row["label"]);
}

#[test]
fn explain_text_lists_features_and_bias() {
    let out = factop(&["explain", SENTENCE, "-k", "8"], None).ok();
    assert!(
        out.contains("(bias)") && out.contains("other features"),
        "{out}"
    );
    golden("explain-sentence.txt", &out);
}

#[test]
fn explain_threshold_moves_the_label() {
    let all: Value = serde_json::from_str(
        &factop(
            &["explain", SENTENCE, "-f", "json", "--threshold", "0"],
            None,
        )
        .ok(),
    )
    .unwrap();
    assert_eq!(all["label"], "opinion");
    let none: Value = serde_json::from_str(
        &factop(
            &["explain", SENTENCE, "-f", "json", "--threshold", "1"],
            None,
        )
        .ok(),
    )
    .unwrap();
    assert_eq!(none["label"], "fact");
}

#[test]
fn classify_explain_adds_one_field_and_keeps_the_rest() {
    let plain = factop(&["classify", ARTICLE, "-f", "jsonl"], None).ok();
    let explained = factop(
        &[
            "classify",
            ARTICLE,
            "-f",
            "jsonl",
            "--explain",
            "--top",
            "4",
        ],
        None,
    )
    .ok();
    let (plain, explained): (Vec<Value>, Vec<Value>) = (
        plain
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        explained
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    );
    assert_eq!(plain.len(), explained.len());
    for (a, b) in plain.iter().zip(&explained) {
        let keys: Vec<&str> = b.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "doc",
                "index",
                "start",
                "end",
                "text",
                "label",
                "p_opinion",
                "explanation"
            ]
        );
        let mut b = b.clone();
        let e = b.as_object_mut().unwrap().remove("explanation").unwrap();
        assert_eq!(a, &b);
        assert!(e["features"].as_array().unwrap().len() <= 4);
        assert_sums_to_logit(&e);
        let p = e["p_opinion"].as_f64().unwrap();
        assert!(((p * 1e6).round() / 1e6 - a["p_opinion"].as_f64().unwrap()).abs() < 1e-12);
    }
    // json: the same objects in one array
    let arr: Value = serde_json::from_str(
        &factop(
            &["classify", ARTICLE, "-f", "json", "--explain", "--top", "4"],
            None,
        )
        .ok(),
    )
    .unwrap();
    assert_eq!(arr.as_array().unwrap(), &explained);
}

#[test]
fn classify_explain_text_and_csv() {
    let out = factop(
        &["classify", ARTICLE, "-f", "text", "--explain", "--top", "2"],
        None,
    )
    .ok();
    let plain = factop(&["classify", ARTICLE, "-f", "text"], None).ok();
    assert!(out.lines().count() > plain.lines().count());
    assert!(out.contains("cue:"), "{out}");
    let e = factop(&["classify", ARTICLE, "-f", "csv", "--explain"], None);
    assert_eq!(e.code, 2);
    assert!(e.err().contains("--explain"));
}
