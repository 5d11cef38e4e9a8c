//! `factop evaluate --plots DIR`.

use crate::harness::{factop, golden};
use serde_json::Value;

const SEED: &str = "datasets/factop-seed.csv";
const PLOTS: [&str; 5] = [
    "confusion",
    "precision-recall",
    "roc",
    "calibration",
    "f1-threshold",
];

#[test]
fn evaluate_writes_every_plot_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let plots = dir.path().join("plots");
    let p = plots.display().to_string();
    let with = factop(
        &[
            "evaluate", "--data", SEED, "--format", "json", "--plots", &p,
        ],
        None,
    )
    .ok();
    let without = factop(&["evaluate", "--data", SEED, "--format", "json"], None).ok();
    assert_eq!(with, without, "--plots must not change the report");
    for name in PLOTS {
        let png = std::fs::read(plots.join(format!("{name}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        assert!(png.len() > 5_000, "{name}.png is nearly empty");
        let svg = std::fs::read_to_string(plots.join(format!("{name}.svg"))).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{name}"
        );
        assert!(svg.contains("<text"), "{name}.svg has no text");
    }
    // The curves behind the plots agree with the report.
    let report: Value = serde_json::from_str(&with).unwrap();
    let curves: Value =
        serde_json::from_str(&std::fs::read_to_string(plots.join("curves.json")).unwrap()).unwrap();
    assert_eq!(curves["n"], report["n"]);
    assert_eq!(curves["roc_auc"], report["roc_auc"]);
    assert_eq!(curves["ece"], report["ece"]);
    assert_eq!(
        curves["confusion"][1][1],
        report["confusion"]["opinion"]["opinion"]
    );
    assert_eq!(
        curves["confusion"][0][1],
        report["confusion"]["fact"]["opinion"]
    );
    let roc = curves["roc"].as_array().unwrap();
    let last = roc.last().unwrap();
    assert_eq!(
        (last["fpr"].as_f64(), last["tpr"].as_f64()),
        (Some(1.0), Some(1.0))
    );
    let f1 = curves["f1_by_threshold"].as_array().unwrap();
    assert_eq!(f1.len(), 101);
    let at = f1.iter().find(|p| p["threshold"] == 0.5).unwrap();
    assert!(
        (at["macro_f1"].as_f64().unwrap() - report["macro_f1"].as_f64().unwrap()).abs() < 1e-12
    );
    let svg = std::fs::read_to_string(plots.join("roc.svg")).unwrap();
    let auc = format!("AUC {:.3}", report["roc_auc"].as_f64().unwrap());
    assert!(svg.contains(&auc), "roc.svg lacks {auc}");
    golden(
        "plots-seed-confusion.svg",
        &std::fs::read_to_string(plots.join("confusion.svg")).unwrap(),
    );
}

#[test]
fn plots_are_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for d in [&a, &b] {
        factop(
            &[
                "evaluate",
                "--data",
                SEED,
                "--plots",
                &d.path().display().to_string(),
            ],
            None,
        )
        .ok();
    }
    for e in std::fs::read_dir(a.path()).unwrap() {
        let name = e.unwrap().file_name();
        assert_eq!(
            std::fs::read(a.path().join(&name)).unwrap(),
            std::fs::read(b.path().join(&name)).unwrap(),
            "{name:?}"
        );
    }
}

#[test]
fn plots_into_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("not-a-dir");
    std::fs::write(&f, "x").unwrap();
    let e = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--plots",
            &f.display().to_string(),
        ],
        None,
    )
    .err();
    assert!(e.contains("not-a-dir"), "{e}");
}
