//! `factop inspect`: the model card.

use crate::harness::{factop, golden};
use serde_json::Value;

#[test]
fn inspect_default_model_text() {
    let out = factop(&["inspect", "-k", "5"], None).ok();
    for part in [
        "configuration",
        "vocabulary",
        "threshold",
        "training",
        "top features toward opinion",
        "top features toward fact",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    golden("inspect-default.txt", &out);
}

#[test]
fn inspect_json_is_consistent() {
    let c: Value =
        serde_json::from_str(&factop(&["inspect", "-f", "json", "-k", "7"], None).ok()).unwrap();
    let v = &c["vocabulary"];
    assert_eq!(
        v["total"].as_u64().unwrap(),
        v["terms"].as_u64().unwrap()
            + v["cues"].as_u64().unwrap()
            + v["nb_score"].as_u64().unwrap()
    );
    // the default model has the naive-Bayes score feature
    assert_eq!(v["nb_score"], 1);
    assert!(c["params"]["nb_score"].as_f64().unwrap() > 0.0);
    assert!(v["terms"].as_u64().unwrap() > 100);
    let t = c["threshold"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&t));
    assert!(c["params"]["features"]["word_ngrams"].is_array());
    assert!(c["training"]["rows_fact"].as_u64().unwrap() > 0);
    let op = c["top_features"]["opinion"].as_array().unwrap();
    let fa = c["top_features"]["fact"].as_array().unwrap();
    assert_eq!((op.len(), fa.len()), (7, 7));
    let w = |f: &Value| f["weight"].as_f64().unwrap();
    assert!(op.iter().all(|f| w(f) > 0.0) && fa.iter().all(|f| w(f) < 0.0));
    assert!(op.windows(2).all(|p| w(&p[0]) >= w(&p[1])));
    assert!(fa.windows(2).all(|p| w(&p[0]) <= w(&p[1])));
}

#[test]
fn inspect_a_trained_model_file() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json").display().to_string();
    factop(
        &[
            "train",
            "--data",
            "datasets/factop-seed.csv",
            "--min-df",
            "1",
            "--threshold",
            "0.4",
            "-o",
            &m,
        ],
        None,
    )
    .ok();
    let c: Value =
        serde_json::from_str(&factop(&["inspect", &m, "-f", "json"], None).ok()).unwrap();
    assert_eq!(c["model"], m.as_str());
    assert_eq!(c["threshold"], 0.4);
    assert_eq!(c["params"]["features"]["min_df"], 1);
    assert_eq!(
        c["training"]["rows_fact"].as_u64().unwrap()
            + c["training"]["rows_opinion"].as_u64().unwrap(),
        40
    );
    let text = factop(&["inspect", &m], None).ok();
    assert!(
        text.contains("factop-seed.csv") && text.contains("0.4000"),
        "{text}"
    );
}

#[test]
fn inspect_bad_model_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json");
    std::fs::write(&m, "{\"format\":").unwrap();
    let e = factop(&["inspect", &m.display().to_string()], None).err();
    assert!(e.contains("truncated"), "{e}");
    let e = factop(&["inspect", "no/such/model.json"], None).err();
    assert!(e.contains("no/such/model.json"), "{e}");
}
