//! The fuzz targets' checks on stable: the committed corpus of interesting inputs
//! (tests/fuzz-corpus/<target>/, found by the cargo-fuzz runs in docs/fuzzing.md) is replayed,
//! and proptest feeds the same checks fresh inputs on every run.

#[path = "../../fuzz/checks.rs"]
mod checks;

use crate::harness::root;
use proptest::prelude::*;

/// Run `check` on every file of tests/fuzz-corpus/<target>.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = root().join("tests/fuzz-corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {}", dir.display());
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let r = std::panic::catch_unwind(|| check(&data));
        assert!(r.is_ok(), "{target}: {} fails its check", f.display());
    }
}

#[test]
fn segment_corpus() {
    replay("segment", checks::segment);
}

#[test]
fn features_corpus() {
    replay("features", checks::features);
}

#[test]
fn csv_corpus() {
    replay("csv", checks::csv);
}

#[test]
fn model_corpus() {
    replay("model", checks::model);
}

/// Bytes that look like news text, CSV or JSON more often than uniform bytes do.
fn texty(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => any::<u8>().prop_map(|b| vec![b]),
        3 => prop::sample::select(vec![
            &b" "[..], b".", b"\n", b"\n\n", b"\r\n", b"\"", b",", b"\t", b"?", b"!", b"'",
            "\u{201c}".as_bytes(), "\u{201d}".as_bytes(), "\u{2026}".as_bytes(), "\u{feff}".as_bytes(),
            b"\xff", b"\xe2\x80", b"said", b"Dr.", b"U.S.", b"The", b"fact", b"opinion",
            b"sentence,label\n", b"SUBJ", b"OBJ",
        ])
        .prop_map(<[u8]>::to_vec),
        2 => "[A-Za-z]{1,8}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn segment_any(data in texty(400)) {
        checks::segment(&data);
    }

    #[test]
    fn features_any(data in texty(200)) {
        checks::features(&data);
    }

    #[test]
    fn csv_any(opt in any::<u8>(), data in texty(300)) {
        let mut d = vec![opt];
        d.extend(data);
        checks::csv(&d);
    }

    #[test]
    fn model_any(data in prop::collection::vec(any::<u8>(), 0..60)) {
        let mut d = vec![1u8];
        d.extend(data);
        checks::model(&d);
    }
}
