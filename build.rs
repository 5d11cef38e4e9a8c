//! Pre-parses the embedded default model (`models/default.json`, the one source of truth) into
//! `$OUT_DIR/default_model.bin`, which `src/persist.rs` reads at start-up instead of parsing
//! 1.3 MB of JSON numbers and strings (two thirds of the load time).
//!
//! Layout (little-endian): the model file without its four large arrays as JSON (`u32` length,
//! then the text: it parses into the same `ModelFile`, with empty arrays), the vocabulary terms
//! (`u32` count, a `u32` byte length per term, then the terms' UTF-8 bytes one after the
//! other), the idf values (`u32` count, `f32` bits each), the weights (`u32` count, `f64` bits
//! each) and the naive-Bayes ratios (`u32::MAX` when the model has none, else the count and
//! `f32` bits each).
//!
//! The arrays are parsed with the same serde_json (same version and number features) into the
//! same Rust types as at run time, so every value has the same bits; a unit test in
//! `src/persist.rs` checks the whole model against the JSON parse anyway.

use serde::Deserialize;

const MODEL: &str = "models/default.json";

#[derive(Deserialize)]
struct Arrays {
    vocabulary: Vocabulary,
    weights: Vec<f64>,
    nb_ratio: Option<Vec<f32>>,
}

#[derive(Deserialize)]
struct Vocabulary {
    terms: Vec<String>,
    idf: Vec<f32>,
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    let n = u32::try_from(n).expect("embedded model array fits in u32");
    out.extend_from_slice(&n.to_le_bytes());
}

fn main() {
    println!("cargo:rerun-if-changed={MODEL}");
    println!("cargo:rerun-if-changed=build.rs");
    let json = std::fs::read(MODEL).expect("read models/default.json");
    let arrays: Arrays = serde_json::from_slice(&json).expect("models/default.json parses");
    // The rest of the file: everything but the four arrays, which become empty.
    let mut head: serde_json::Value = serde_json::from_slice(&json).expect("parses");
    let empty = || serde_json::Value::Array(Vec::new());
    head["vocabulary"]["terms"] = empty();
    head["vocabulary"]["idf"] = empty();
    head["weights"] = empty();
    if let Some(map) = head.as_object_mut() {
        map.remove("nb_ratio");
    }
    let head = serde_json::to_vec(&head).expect("serialises");

    let mut out = Vec::with_capacity(json.len() / 2);
    put_len(&mut out, head.len());
    out.extend_from_slice(&head);
    let terms = &arrays.vocabulary.terms;
    put_len(&mut out, terms.len());
    for t in terms {
        put_len(&mut out, t.len());
    }
    for t in terms {
        out.extend_from_slice(t.as_bytes());
    }
    put_len(&mut out, arrays.vocabulary.idf.len());
    for x in &arrays.vocabulary.idf {
        out.extend_from_slice(&x.to_bits().to_le_bytes());
    }
    put_len(&mut out, arrays.weights.len());
    for x in &arrays.weights {
        out.extend_from_slice(&x.to_bits().to_le_bytes());
    }
    match &arrays.nb_ratio {
        None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
        Some(r) => {
            put_len(&mut out, r.len());
            for x in r {
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
        }
    }
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&dir).join("default_model.bin");
    std::fs::write(path, out).expect("write default_model.bin");
}
