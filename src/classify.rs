//! Score every sentence of an article: segment → featurise → P(opinion) → label.

use crate::dataset::Label;
use crate::features::Context;
use crate::model::Model;
use crate::segment::{self, Sentence};
use serde::Serialize;

/// One scored sentence of a document (the `jsonl` / `json` / `csv` output row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredSentence<'a> {
    /// The document: its path, or `-` for standard input.
    pub doc: &'a str,
    /// Position of the sentence in the document, from 0.
    pub index: usize,
    /// Byte offset where the sentence starts.
    pub start: usize,
    /// Byte offset one past the sentence end.
    pub end: usize,
    /// Exactly the document bytes `start..end`.
    pub text: &'a str,
    /// The predicted label.
    pub label: Label,
    /// Probability that the sentence is the author's opinion, rounded to 6 decimals.
    pub p_opinion: f64,
}

/// Round a probability for output (stable golden files, no spurious precision).
pub fn round6(p: f64) -> f64 {
    (p * 1e6).round() / 1e6
}

/// Score every sentence of `text`. `threshold` overrides the model's.
pub fn classify_text<'a>(
    model: &Model,
    doc: &'a str,
    text: &'a str,
    threshold: Option<f64>,
) -> Vec<ScoredSentence<'a>> {
    score_sentences(model, doc, text, 0, &segment::split(text), threshold)
}

/// Score already segmented sentences of a block of a document: `text` starts at byte
/// `offset` of the document and the sentences' offsets are document offsets (as
/// [`crate::stream::Blocks`] gives them).
pub fn score_sentences<'a>(
    model: &Model,
    doc: &'a str,
    text: &'a str,
    offset: usize,
    sentences: &[Sentence],
    threshold: Option<f64>,
) -> Vec<ScoredSentence<'a>> {
    sentences
        .iter()
        .map(|s| {
            let sentence = &text[s.start - offset..s.end - offset];
            let ctx = Context::of(s);
            let p = model.p_with_context(sentence, ctx);
            ScoredSentence {
                doc,
                index: s.index,
                start: s.start,
                end: s.end,
                text: sentence,
                label: model.label(p, threshold),
                p_opinion: round6(p),
            }
        })
        .collect()
}
