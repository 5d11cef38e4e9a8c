//! The fuzz checks, shared by the cargo-fuzz targets (fuzz/fuzz_targets/*.rs, nightly) and
//! the corpus replay test (tests/cli/fuzz_corpus.rs, stable): each takes arbitrary bytes and
//! panics only when factop misbehaves — a panic inside factop, or a broken invariant.
//! Library errors for bad input are the expected outcome, not failures.

#![allow(dead_code)]

use factop::dataset::{Dataset, LabelMap, ReadOptions};
use factop::features::{Context, FeatureConfig, Featurizer, SparseVec};
use factop::model::{Model, TrainParams};
use factop::segment::{self, Sentence};
use factop::stream::Blocks;
use factop::{classify, persist};
use serde_json::Value;
use std::io::Read;
use std::sync::OnceLock;

/// A labelled set written for the project (the repository's seed data).
const SEED_CSV: &str = include_str!("../datasets/factop-seed.csv");

/// Every combination of the segmenter's twelve flags.
static CONTEXTS: [Context; 4096] = {
    let mut all = [Context {
        in_quote: false,
        attributed: false,
        continues_quote: false,
        continues_report: false,
        q_and_a: false,
        speaker_turn: false,
        speaker_turn_14: false,
        column_head: false,
        subhead_16: false,
        q_label_17: false,
        q_turn_18: false,
        rhetorical: false,
    }; 4096];
    let mut i = 0;
    while i < 4096 {
        all[i] = Context {
            in_quote: i & 1 != 0,
            attributed: i & 2 != 0,
            continues_quote: i & 4 != 0,
            continues_report: i & 8 != 0,
            q_and_a: i & 16 != 0,
            speaker_turn: i & 32 != 0,
            rhetorical: i & 64 != 0,
            speaker_turn_14: i & 128 != 0,
            column_head: i & 256 != 0,
            subhead_16: i & 512 != 0,
            q_label_17: i & 1024 != 0,
            q_turn_18: i & 2048 != 0,
        };
        i += 1;
    }
    all
};

// ---- segmentation ------------------------------------------------------------------------------

/// A reader that hands out at most `step` bytes per read.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(out.len()).min(self.data.len());
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Offsets increase, lie on char boundaries, index counts up, sentences are trimmed, short
/// enough and non-empty, and only white space lies between them.
pub fn check_sentences(text: &str, sents: &[Sentence]) {
    let mut prev = 0;
    for (k, s) in sents.iter().enumerate() {
        assert_eq!(s.index, k, "index");
        assert!(
            s.start >= prev && s.start < s.end && s.end <= text.len(),
            "bad range {s:?} after {prev}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.text(text);
        assert_eq!(t.trim(), t, "not trimmed");
        assert!(s.len() <= segment::MAX_SENTENCE_BYTES, "{} bytes", s.len());
        assert!(
            segment::is_blank(&text[prev..s.start]),
            "dropped {:?}",
            &text[prev..s.start]
        );
        prev = s.end;
    }
    assert!(segment::is_blank(&text[prev..]), "dropped the tail");
}

/// Where [`Blocks`] may cut: just after a white-space-only line that follows a line break.
fn paragraph_cuts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let nls: Vec<usize> = (0..b.len()).filter(|&i| b[i] == b'\n').collect();
    nls.windows(2)
        .filter(|w| text[w[0] + 1..w[1]].trim().is_empty())
        .map(|w| w[1] + 1)
        .collect()
}

/// Segmentation of arbitrary bytes, whole and streamed in small blocks.
pub fn segment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let whole = segment::split(&text);
    check_sentences(&text, &whole);
    assert_eq!(
        segment::capped_count(&whole),
        whole.iter().filter(|s| s.capped).count()
    );

    let block = 16 + 8 * usize::from(data.first().copied().unwrap_or(0));
    let step = 1 + usize::from(data.get(1).copied().unwrap_or(0)) % 97;
    let mut blocks = Blocks::with_block_bytes(Trickle { data, step }, block);
    let mut streamed_text = String::new();
    let mut streamed = Vec::new();
    while let Some(b) = blocks.next_block().expect("reading from memory") {
        assert_eq!(b.offset, streamed_text.len());
        for s in &b.sentences {
            assert_eq!(b.text_of(s), &text[s.start..s.end]);
        }
        streamed_text.push_str(b.text);
        streamed.extend(b.sentences);
    }
    assert_eq!(
        streamed_text, text,
        "streamed text differs from lossy decoding"
    );
    check_sentences(&text, &streamed);
    // Paragraphs shorter than half a block: exactly the whole-text sentences.
    let mut cuts = paragraph_cuts(&text);
    cuts.insert(0, 0);
    cuts.push(text.len());
    if cuts.windows(2).all(|w| w[1] - w[0] <= block / 2) {
        assert_eq!(streamed, whole, "streamed sentences differ (block {block})");
    }
}

// ---- tokenisation and featurisation --------------------------------------------------------------

fn seed_dataset() -> Dataset {
    Dataset::from_reader(SEED_CSV.as_bytes(), b',', "seed", &ReadOptions::default())
        .expect("the seed data reads")
}

/// A model trained on the seed data with every feature family on (small, fast to load).
pub fn rich_model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let params = TrainParams {
            features: FeatureConfig {
                word_ngrams: [1, 3],
                char_ngrams: [2, 4],
                min_df: 1,
                max_features: 400,
                reported_scope: true,
                ..FeatureConfig::default()
            },
            ..TrainParams::default()
        };
        params
            .check()
            .and_then(|p| p.fit(&seed_dataset()))
            .expect("the seed model trains")
    })
}

fn default_model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| persist::default_model().expect("the embedded model loads"))
}

fn check_vector(v: &SparseVec, dim: usize) {
    assert_eq!(v.indices.len(), v.values.len());
    assert!(
        v.indices.windows(2).all(|w| w[0] < w[1]),
        "indices not increasing"
    );
    assert!(
        v.indices.iter().all(|&i| (i as usize) < dim),
        "index out of range"
    );
    assert!(v.values.iter().all(|x| x.is_finite()), "non-finite value");
}

fn check_p(p: f64) {
    assert!((0.0..=1.0).contains(&p), "P(opinion) = {p}");
}

/// Tokenise, featurise and score arbitrary text; fit a featurizer on it too.
pub fn features(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for model in [default_model(), rich_model()] {
        for ctx in CONTEXTS {
            let v = model.featurizer.transform(&text, ctx);
            check_vector(&v, model.featurizer.dim());
            check_p(model.p_sparse(&v));
        }
        check_p(model.p_opinion(&text));
    }
    // Fitting on arbitrary documents (its lines) with every feature family.
    let docs: Vec<(&str, Context)> = text
        .lines()
        .take(64)
        .enumerate()
        .map(|(i, l)| (l, CONTEXTS[i % CONTEXTS.len()]))
        .collect();
    let config = FeatureConfig {
        word_ngrams: [1, 1 + usize::from(data.first().copied().unwrap_or(0)) % 8],
        char_ngrams: [1, 1 + usize::from(data.get(1).copied().unwrap_or(0)) % 6],
        min_df: 1,
        reported_scope: data.get(2).is_some_and(|b| b & 1 == 1),
        ..FeatureConfig::default()
    };
    if let Ok(f) = Featurizer::fit(config, &docs) {
        for (d, ctx) in &docs {
            check_vector(&f.transform(d, *ctx), f.dim());
        }
    }
}

// ---- CSV loading -----------------------------------------------------------------------------

/// Read arbitrary bytes as a labelled file; the first byte picks the reading options.
pub fn csv(data: &[u8]) {
    let Some((&opt, body)) = data.split_first() else {
        return;
    };
    let opts = ReadOptions {
        delimiter: None,
        text_column: if opt & 16 != 0 { "text" } else { "sentence" }.into(),
        label_column: "label".into(),
        label_map: if opt & 8 != 0 {
            LabelMap::parse("SUBJ=opinion,OBJ=fact").expect("a valid map")
        } else {
            LabelMap::default()
        },
        strict: opt & 4 != 0,
        // Articles: a `doc` column, and a `para` column with it.
        doc_column: (opt & 32 != 0).then(|| "doc".into()),
        para_column: (opt & 96 == 96).then(|| "para".into()),
    };
    let delimiter = [b',', b'\t', b';', b'|'][usize::from(opt & 3)];
    match Dataset::from_reader(body, delimiter, "fuzz.csv", &opts) {
        Ok(d) => {
            assert!(!d.examples.is_empty(), "Ok with no examples");
            for e in &d.examples {
                assert!(
                    !e.text.is_empty() && e.text.trim() == e.text,
                    "{:?}",
                    e.text
                );
            }
            let [f, o] = d.counts();
            assert_eq!(f + o, d.len());
            // Rows of articles have their article's context, other rows none.
            let articles = opts.doc_column.is_some();
            assert!(d.examples.iter().all(|e| e.context.is_some() == articles));
            assert!(d.misaligned <= d.len() && d.documents <= d.len());
            assert_eq!(d.documents == 0, !articles);
            match d.require_both_classes() {
                Ok(()) => assert!(f > 0 && o > 0),
                Err(e) => assert!(e.to_string().contains("no `")),
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

// ---- model loading ---------------------------------------------------------------------------

/// The JSON of [`rich_model`] and the paths (JSON pointers) of all its nodes.
fn model_json() -> &'static (Value, Vec<String>) {
    static J: OnceLock<(Value, Vec<String>)> = OnceLock::new();
    J.get_or_init(|| {
        let v: Value = serde_json::from_slice(&persist::to_bytes(rich_model())).expect("json");
        let mut paths = Vec::new();
        collect_paths(&v, String::new(), &mut paths);
        (v, paths)
    })
}

fn collect_paths(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                collect_paths(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        // Long arrays: only a few elements, so every field stays likely to be picked.
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate().take(4) {
                collect_paths(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A replacement value built from fuzz bytes.
fn value_from(kind: u8, b: &[u8]) -> Value {
    let n = b.iter().fold(0u64, |a, &x| (a << 8) | u64::from(x));
    match kind % 12 {
        0 => Value::Null,
        1 => Value::from(n),
        2 => Value::from(-(n as i64)),
        3 => Value::from([0u64, 1, 2, 8, 9, 255, u64::from(u32::MAX), u64::MAX][(n % 8) as usize]),
        4 => serde_json::Number::from_f64(f64::from_bits(n))
            .map_or(Value::from(1e300), Value::Number),
        5 => Value::from([-1.0, 0.0, 0.5, 1.0, 1.5, 1e-300, 1e300, -1e300][(n % 8) as usize]),
        6 => Value::from(String::from_utf8_lossy(b).into_owned()),
        7 => Value::Bool(n & 1 == 1),
        8 => Value::Array(Vec::new()),
        9 => Value::Object(Default::default()),
        10 => {
            Value::from(["", "fact", "opinion", "factop-model", "w:the", "1-2"][(n % 6) as usize])
        }
        _ => Value::Array(vec![Value::from(n % 16), Value::from((n >> 8) % 16)]),
    }
}

/// Apply up to 8 fuzz-chosen edits to the model JSON: replace a node, delete it, or cut an
/// array short.
fn mutate(data: &[u8]) -> Value {
    let (base, paths) = model_json();
    let mut v = base.clone();
    for op in data.chunks(6).take(8) {
        if op.len() < 3 {
            break;
        }
        let path = &paths[(usize::from(op[0]) << 8 | usize::from(op[1])) % paths.len()];
        let Some((parent, last)) = path.rsplit_once('/') else {
            continue;
        };
        let kind = op[2];
        let Some(node) = v.pointer_mut(parent) else {
            continue;
        };
        match (kind >> 4, node) {
            (0, Value::Object(m)) => {
                m.remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            (1, Value::Array(a)) => a.truncate(usize::from(op.get(3).copied().unwrap_or(0))),
            (2, Value::Array(a)) => {
                if let Some(x) = a.first().cloned() {
                    a.push(x);
                }
            }
            (_, node) => {
                if let Some(target) = node.pointer_mut(&format!("/{last}")) {
                    *target = value_from(kind, &op[3..]);
                }
            }
        }
    }
    v
}

/// Load arbitrary bytes as a model (first byte even), or a valid model with fuzz-chosen
/// edits (odd); a model that loads must score every sentence with a probability.
pub fn model(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        body.to_vec()
    } else {
        serde_json::to_vec(&mutate(body)).expect("serialises")
    };
    let m = match persist::from_bytes(&bytes, "fuzz.json") {
        Ok(m) => m,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let article = "The council met on Monday. \"This is a disgrace,\" he said. \
        Frankly, it is the worst plan in years! Will it pass?";
    for r in classify::classify_text(&m, "fuzz", article, None) {
        check_p(r.p_opinion);
    }
    for ctx in CONTEXTS {
        check_p(m.p_with_context("Prices rose 3% in May.", ctx));
    }
    // A loaded model saves and loads back to the same bytes.
    let saved = persist::to_bytes(&m);
    let again = persist::from_bytes(&saved, "again.json").expect("a saved model loads");
    assert_eq!(persist::to_bytes(&again), saved);
}
