//! Why the model scored a sentence as it did: per-feature contributions to the logit.
//!
//! The model is linear, so the logit of opinion is exactly `bias + Σ weight × value` over the
//! sentence's features. An [`Explanation`] lists the `k` largest contributions and keeps the
//! sum of the rest in [`Explanation::other`], so `bias + Σ top + other == logit` always holds.

use crate::dataset::Label;
use crate::features::{Context, SparseVec};
use crate::model::{context_of, Model};
use crate::segment;
use serde::Serialize;

/// One feature's share of the logit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The feature name (`w:` word n-grams, `c:` character n-grams, `cue:` cues).
    pub feature: String,
    /// The feature's value in the sentence vector.
    pub value: f64,
    /// The model's weight for the feature (positive pushes toward opinion).
    pub weight: f64,
    /// `weight × value`, the feature's contribution to the logit.
    pub contribution: f64,
    /// The class the contribution pushes toward.
    pub toward: Label,
}

/// The decomposition of one sentence's logit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The logit of opinion: `bias + Σ contributions`.
    pub logit: f64,
    /// P(opinion) = sigmoid(logit).
    pub p_opinion: f64,
    /// The model's intercept.
    pub bias: f64,
    /// The largest contributions by magnitude (ties by feature index).
    pub features: Vec<Contribution>,
    /// The sum of the contributions not listed in `features`.
    pub other: f64,
    /// How many features those are.
    pub other_count: usize,
}

/// Explain a sentence vector, listing at most `k` contributions.
pub fn explain_vector(model: &Model, v: &SparseVec, k: usize) -> Explanation {
    let all = model.contributions(v);
    let values: std::collections::HashMap<usize, f32> = v.iter().collect();
    let logit = model.logit(v);
    let features: Vec<Contribution> = all
        .iter()
        .take(k)
        .map(|&(i, c)| Contribution {
            feature: model.feature_name(i).to_string(),
            value: f64::from(values[&i]),
            weight: model.weights[i],
            contribution: c,
            toward: if c > 0.0 { Label::Opinion } else { Label::Fact },
        })
        .collect();
    let rest = &all[features.len()..];
    Explanation {
        logit,
        p_opinion: model.p_sparse(v),
        bias: model.bias,
        // `+ 0.0` turns the empty sum's -0.0 into 0.0.
        other: rest.iter().map(|(_, c)| c).sum::<f64>() + 0.0,
        other_count: rest.len(),
        features,
    }
}

/// Explain a sentence with known article context.
pub fn explain_with_context(model: &Model, text: &str, ctx: Context, k: usize) -> Explanation {
    explain_vector(model, &model.vector(text, ctx), k)
}

/// Explain a stand-alone sentence, scored as [`Model::p_opinion`] scores it.
pub fn explain_sentence(model: &Model, text: &str, k: usize) -> Explanation {
    explain_with_context(model, text, context_of(text), k)
}

/// Explain every sentence of an article, in the order and with the article context that
/// [`crate::classify::classify_text`] uses.
pub fn explain_document(model: &Model, text: &str, k: usize) -> Vec<Explanation> {
    segment::split(text)
        .into_iter()
        .map(|s| {
            let ctx = Context::of(&s);
            explain_with_context(model, s.text(text), ctx, k)
        })
        .collect()
}

/// The features with the largest weights toward one class: `(name, weight)`, strongest first,
/// ties by feature index. Only features whose weight points toward `class` are listed.
pub fn top_weights(model: &Model, class: Label, k: usize) -> Vec<(String, f64)> {
    let sign = if class == Label::Opinion { 1.0 } else { -1.0 };
    let mut idx: Vec<usize> = (0..model.weights.len())
        .filter(|&i| sign * model.weights[i] > 0.0)
        .collect();
    idx.sort_by(|&a, &b| {
        (sign * model.weights[b])
            .total_cmp(&(sign * model.weights[a]))
            .then(a.cmp(&b))
    });
    idx.into_iter()
        .take(k)
        .map(|i| (model.feature_name(i).to_string(), model.weights[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist;

    fn model() -> Model {
        persist::default_model().unwrap()
    }

    #[test]
    fn contributions_sum_with_the_bias_to_the_logit() {
        let m = model();
        for text in [
            "This is a shameful and reckless decision.",
            "The council approved the budget on Monday.",
            "\"This is a disgrace,\" the minister said.",
            "",
        ] {
            for k in [0, 3, 1000] {
                let e = explain_sentence(&m, text, k);
                let sum: f64 = e.bias + e.features.iter().map(|c| c.contribution).sum::<f64>();
                assert!((sum + e.other - e.logit).abs() < 1e-9, "{text} k={k}");
                assert!((e.p_opinion - m.p_opinion(text)).abs() < 1e-12);
                assert!(e.features.len() <= k);
                for c in &e.features {
                    assert!((c.weight * c.value - c.contribution).abs() < 1e-12);
                    assert_eq!(c.toward == Label::Opinion, c.contribution > 0.0);
                }
            }
            // With every feature listed nothing is left over.
            let e = explain_sentence(&m, text, usize::MAX);
            assert_eq!((e.other, e.other_count), (0.0, 0));
        }
    }

    #[test]
    fn largest_magnitude_first() {
        let e = explain_sentence(&model(), "Frankly, this plan is an absurd waste.", 10);
        assert!(e
            .features
            .windows(2)
            .all(|w| w[0].contribution.abs() >= w[1].contribution.abs()));
    }

    #[test]
    fn document_explanations_match_classify() {
        let m = model();
        let text = "The mayor opened the bridge on Monday. It is a wonderful, overdue gift. \
                    \"We did it,\" she said.";
        let rows = crate::classify::classify_text(&m, "-", text, None);
        let ex = explain_document(&m, text, 5);
        assert_eq!(rows.len(), ex.len());
        for (r, e) in rows.iter().zip(&ex) {
            assert!((crate::classify::round6(e.p_opinion) - r.p_opinion).abs() < 1e-12);
        }
    }

    #[test]
    fn top_weights_point_the_right_way() {
        let m = model();
        let op = top_weights(&m, Label::Opinion, 5);
        let fa = top_weights(&m, Label::Fact, 5);
        assert_eq!((op.len(), fa.len()), (5, 5));
        assert!(op.iter().all(|(_, w)| *w > 0.0));
        assert!(fa.iter().all(|(_, w)| *w < 0.0));
        assert!(op.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(fa.windows(2).all(|w| w[0].1 <= w[1].1));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Whatever the sentence and k: bias + listed + other = logit, and P = sigmoid(logit)
        /// is the model's P(opinion).
        #[test]
        fn decomposition_holds_for_any_sentence(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "council", "is", "a", "disgrace", "said", "\"", "we", "must", "3.5%",
                    "frankly", "budget", "on", "Monday", "!", "?", "never", "best", "reported", ",",
                ]),
                0..25,
            ),
            k in 0usize..12,
        ) {
            let m = shared_model();
            let text = words.join(" ");
            let e = explain_sentence(m, &text, k);
            let listed: f64 = e.features.iter().map(|c| c.contribution).sum();
            proptest::prop_assert!((e.bias + listed + e.other - e.logit).abs() < 1e-9);
            proptest::prop_assert!((e.p_opinion - m.p_opinion(&text)).abs() < 1e-12);
            proptest::prop_assert!(e.features.len() <= k);
        }
    }

    fn shared_model() -> &'static Model {
        static M: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        M.get_or_init(model)
    }
}
