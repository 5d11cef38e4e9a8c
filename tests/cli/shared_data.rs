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

/// Lower-cased ASCII letter/digit runs of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Hashes of every run of `n` consecutive words.
fn shingles(text: &str, n: usize) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    words(text)
        .windows(n)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Every file below `dir` (recursively), skipping build output.
fn files_below(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("target") && !p.ends_with(".venv") && !p.ends_with("out") {
                files_below(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}

#[test]
fn no_text_in_the_project_is_copied_from_the_shared_datasets() {
    // The project's datasets, examples, goldens, notebooks and docs hold only text written for
    // the project: no run of 8 words may also stand in a ../shared/datasets file.
    const N: usize = 8;
    let Some(dir) = shared() else { return };
    let mut shared_files = Vec::new();
    files_below(&dir, &mut shared_files);
    let mut seen = std::collections::HashSet::new();
    for p in shared_files.iter().filter(|p| {
        p.extension()
            .is_some_and(|e| e == "csv" || e == "tsv" || e == "txt")
    }) {
        let text = std::fs::read_to_string(p).unwrap();
        seen.extend(shingles(&text, N));
    }
    assert!(seen.len() > 100_000, "read too little of {}", dir.display());
    let mut ours = vec![std::path::PathBuf::from(repo("README.md"))];
    for d in [
        "datasets",
        "tests",
        "notebooks",
        "docs",
        "models",
        "src",
        "bench",
        "scripts",
    ] {
        files_below(std::path::Path::new(&repo(d)), &mut ours);
    }
    let mut checked = 0;
    for p in &ours {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue; // not UTF-8 text
        };
        checked += 1;
        let words = words(&text);
        for (i, h) in shingles(&text, N).iter().enumerate() {
            assert!(
                !seen.contains(h),
                "{}: \"{}\" also stands in ../shared/datasets",
                p.display(),
                words[i..i + N].join(" ")
            );
        }
    }
    assert!(checked > 50, "checked only {checked} project files");
}
