//! The notebooks in notebooks/ are committed without outputs (CI executes them; see notebooks/README.md).

use crate::harness::root;
use serde_json::Value;

fn notebooks() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir(root().join("notebooks"))
        .expect("notebooks/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ipynb"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read notebook");
            let nb = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), nb)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn committed_notebooks_have_no_outputs() {
    let nbs = notebooks();
    assert!(
        nbs.iter()
            .any(|(p, _)| p.ends_with("factop-walkthrough.ipynb")),
        "the walkthrough notebook is missing"
    );
    for (path, nb) in &nbs {
        assert_eq!(nb["nbformat"], 4, "{path}: nbformat");
        let cells = nb["cells"].as_array().expect("cells");
        assert!(!cells.is_empty(), "{path}: no cells");
        for (i, cell) in cells.iter().enumerate() {
            let id = cell["id"].as_str().unwrap_or("");
            assert!(!id.is_empty(), "{path}: cell {i} has no id");
            assert_eq!(
                cell["metadata"],
                serde_json::json!({}),
                "{path}: cell {id} has metadata; run python3 notebooks/strip.py"
            );
            if cell["cell_type"] == "code" {
                assert_eq!(
                    cell["outputs"],
                    serde_json::json!([]),
                    "{path}: cell {id} has outputs; run python3 notebooks/strip.py"
                );
                assert!(
                    cell["execution_count"].is_null(),
                    "{path}: cell {id} has an execution count; run python3 notebooks/strip.py"
                );
            }
        }
    }
}

#[test]
fn notebooks_leave_the_checkthat_test_sets_alone() {
    // dev_test.csv and test.csv of checkthat-en are for final reporting only.
    for (path, nb) in notebooks() {
        for cell in nb["cells"].as_array().expect("cells") {
            let source = match &cell["source"] {
                Value::String(s) => s.clone(),
                Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect(),
                _ => String::new(),
            };
            if cell["cell_type"] == "code" {
                assert!(
                    !source.contains("dev_test"),
                    "{path}: a code cell reads dev_test"
                );
            }
        }
    }
}

#[test]
fn notebook_requirements_are_pinned() {
    let req = std::fs::read_to_string(root().join("notebooks/requirements.txt")).expect("read");
    let pins: Vec<&str> = req
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    for must in ["pandas", "matplotlib", "nbclient", "ipykernel"] {
        assert!(
            pins.iter().any(|l| l.starts_with(&format!("{must}=="))),
            "notebooks/requirements.txt does not pin {must}"
        );
    }
    for l in pins {
        assert!(l.contains("=="), "not pinned: {l}");
    }
}
