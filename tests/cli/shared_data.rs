//! Checks on the real data in ../shared (skipped without it; required in CI).

use crate::harness::{factop, repo, shared};
use serde_json::Value;

/// Figures the model card states, from its `<!-- ci:macro_f1 FILE VALUE -->` markers.
fn card_figures() -> Vec<(String, f64)> {
    let card = std::fs::read_to_string(repo("models/README.md")).unwrap();
    card.lines()
        .filter_map(|l| l.trim().strip_prefix("<!-- ci:macro_f1 "))
        .map(|l| {
            let mut it = l.trim_end_matches("-->").split_whitespace();
            let file = it.next().unwrap().to_string();
            let v: f64 = it.next().unwrap().parse().unwrap();
            (file, v)
        })
        .collect()
}

#[test]
fn default_model_holds_the_model_card_figures() {
    let Some(dir) = shared() else { return };
    let figures = card_figures();
    assert!(figures.len() >= 2, "the model card states no figures");
    for (file, stated) in figures {
        let path = dir.join(&file).display().to_string();
        let out = factop(&["evaluate", "--data", &path, "--format", "json"], None).ok();
        let r: Value = serde_json::from_str(&out).unwrap();
        let got = r["macro_f1"].as_f64().unwrap();
        assert!(
            got >= stated - 0.0005,
            "{file}: macro-F1 {got:.4} is below the model card's {stated:.4}"
        );
    }
}

#[test]
fn pipeline_beats_the_reference_on_the_2024_test() {
    let Some(dir) = shared() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m.json").display().to_string();
    let d = |f: &str| dir.join(f).display().to_string();
    factop(
        &[
            "train",
            "--data",
            &d("newssd-eng/train.csv"),
            "--data",
            &d("newssd-eng/val.csv"),
            "--data",
            &d("newssd-eng/test.csv"),
            "-o",
            &m,
        ],
        None,
    )
    .ok();
    let out = factop(
        &[
            "evaluate",
            "-m",
            &m,
            "--data",
            &d("checkthat-en/dev_test.csv"),
            "--format",
            "json",
        ],
        None,
    )
    .ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert!(r["macro_f1"].as_f64().unwrap() >= 0.57, "{out}");
}

#[test]
fn linfa_logistic_itself_learns_the_same_model_on_news() {
    // The default solver promises linfa-logistic's weights bit for bit: check it on real data,
    // with the default configuration, against `linfa_logistic::LogisticRegression` itself.
    let Some(dir) = shared() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.join(f).display().to_string();
    let train = |solver: &str| -> Value {
        let m = tmp.path().join(format!("{solver}.json"));
        let ms = m.display().to_string();
        let (a, b, c) = (
            d("newssd-eng/train.csv"),
            d("newssd-eng/val.csv"),
            d("newssd-eng/test.csv"),
        );
        let args = [
            "train", "--data", &a, "--data", &b, "--data", &c, "--solver", solver, "-o", &ms,
        ];
        factop(&args, None).ok();
        serde_json::from_slice(&std::fs::read(&m).unwrap()).unwrap()
    };
    let sparse = train("sparse");
    let mut linfa = train("linfa");
    assert_eq!(linfa["params"]["solver"], "linfa");
    linfa["params"].as_object_mut().unwrap().remove("solver");
    assert!(sparse["params"].get("solver").is_none());
    assert_eq!(sparse["weights"], linfa["weights"]);
    assert_eq!(sparse, linfa);
}
