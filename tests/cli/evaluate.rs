use crate::harness::factop;
use serde_json::Value;

const SEED: &str = "datasets/factop-seed.csv";

#[test]
fn json_report_follows_the_contract() {
    let out = factop(&["evaluate", "--data", SEED, "--format", "json"], None).ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["n"], 40);
    for k in ["accuracy", "macro_f1", "roc_auc", "brier", "ece"] {
        let x = r[k].as_f64().unwrap_or_else(|| panic!("{k} missing"));
        assert!((0.0..=1.0).contains(&x), "{k}={x}");
    }
    for c in ["fact", "opinion"] {
        for k in ["precision", "recall", "f1", "support"] {
            assert!(r["classes"][c][k].is_number(), "{c}.{k}");
        }
    }
    let conf = &r["confusion"];
    let total: u64 = ["fact", "opinion"]
        .iter()
        .flat_map(|t| ["fact", "opinion"].map(|p| conf[t][p].as_u64().unwrap()))
        .sum();
    assert_eq!(total, 40);
    assert_eq!(
        conf["opinion"]["fact"].as_u64().unwrap() + conf["opinion"]["opinion"].as_u64().unwrap(),
        r["classes"]["opinion"]["support"].as_u64().unwrap()
    );
    // the macro-F1 is the mean of the two classes' F1
    let mean = (r["classes"]["fact"]["f1"].as_f64().unwrap()
        + r["classes"]["opinion"]["f1"].as_f64().unwrap())
        / 2.0;
    assert!((mean - r["macro_f1"].as_f64().unwrap()).abs() < 1e-12);
}

#[test]
fn text_report_has_the_same_figures() {
    let out = factop(&["evaluate", "--data", SEED], None).ok();
    let json: Value =
        serde_json::from_str(&factop(&["evaluate", "--data", SEED, "--format", "json"], None).ok())
            .unwrap();
    let f1 = format!("{:.4}", json["macro_f1"].as_f64().unwrap());
    assert!(out.contains(&f1), "{out}");
    assert!(out.contains("confusion"), "{out}");
}

/// The shipped default model on the held-out attribution challenge set
/// (`datasets/attribution-challenge.csv`, written for the project, never trained on): the floor is
/// the measured macro-F1 rounded down to two decimals (`datasets/README.md` has the figure), so a
/// model change that loses attributed/unattributed sentences fails here. Needs no `../shared`.
#[test]
fn default_model_holds_its_floor_on_the_attribution_challenge_set() {
    const FLOOR: f64 = 0.84;
    let out = factop(
        &[
            "evaluate",
            "--data",
            "datasets/attribution-challenge.csv",
            "--format",
            "json",
        ],
        None,
    )
    .ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["n"], 175);
    let f1 = r["macro_f1"].as_f64().unwrap();
    assert!(f1 >= FLOOR, "challenge macro-F1 {f1:.4} < {FLOOR}");
}

/// The shipped default model on the second, blind attribution challenge set
/// (`datasets/attribution-challenge-2.csv`: written and labelled before any model was run on it,
/// never trained on). The floor is the measured macro-F1 minus 0.03, rounded down to two decimals
/// (`datasets/README.md` has the figure): room for small model changes, not for losing
/// attributed/unattributed sentences wholesale. Needs no `../shared`.
#[test]
fn default_model_holds_its_floor_on_the_second_attribution_challenge_set() {
    const FLOOR: f64 = 0.79;
    let out = factop(
        &[
            "evaluate",
            "--data",
            "datasets/attribution-challenge-2.csv",
            "--format",
            "json",
        ],
        None,
    )
    .ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["n"], 212);
    assert_eq!(r["classes"]["fact"]["support"], 107);
    let f1 = r["macro_f1"].as_f64().unwrap();
    assert!(f1 >= FLOOR, "challenge-2 macro-F1 {f1:.4} < {FLOOR}");
}
