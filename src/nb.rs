//! The naive-Bayes score feature: one extra feature holding a sentence's NB log-count-ratio score.
//!
//! Following Wang & Manning (2012, "Baselines and bigrams"), each word n-gram term `i` gets the
//! log-count ratio `r_i = ln((p_i/‖p‖₁) / (q_i/‖q‖₁))`, where `p = α + Σ` binarised term vectors
//! of the opinion rows and `q` likewise for the fact rows. A sentence's score is `Σ r_i` over the
//! word n-gram terms it contains — the log-odds of binarised multinomial naive Bayes, minus the
//! class prior. The logistic model gets that score as one more feature next to the usual ones, so
//! it can lean on naive Bayes where it is strong (short, sparse texts) and correct it elsewhere.
//!
//! On training rows the score must not come from a ratio that saw the row itself (naive Bayes
//! memorises rare n-grams, and the logistic model would learn to over-trust it), so
//! [`cross_fitted_scores`] scores each training row with a ratio fitted on the other inner folds;
//! the stored ratio, used at inference, is fitted on all training rows.

use crate::dataset::{stratified_folds, Label};
use crate::features::SparseVec;

/// Inner folds used to score the training rows.
pub const INNER_FOLDS: usize = 5;
/// The name of the score feature in explanations and weight listings.
pub const FEATURE_NAME: &str = "nb:score";

/// A fitted log-count ratio over the word n-gram terms `start..start + ratio.len()` of a
/// vocabulary (character n-grams and cues do not take part).
#[derive(Debug, Clone, PartialEq)]
pub struct NbScore {
    /// Index of the first word n-gram term.
    pub start: u32,
    /// `r_i` for each word n-gram term, in vocabulary order.
    pub ratio: Vec<f32>,
}

impl NbScore {
    /// Fit the ratio on `rows` (only which word terms are present counts) with smoothing `alpha`.
    pub fn fit<'a>(
        rows: impl IntoIterator<Item = (&'a SparseVec, Label)>,
        start: u32,
        len: usize,
        alpha: f64,
    ) -> NbScore {
        let mut p = vec![alpha; len];
        let mut q = vec![alpha; len];
        for (v, label) in rows {
            let counts = if label == Label::Opinion {
                &mut p
            } else {
                &mut q
            };
            for &i in &v.indices {
                if let Some(j) = i.checked_sub(start).map(|j| j as usize) {
                    if j < len {
                        counts[j] += 1.0;
                    }
                }
            }
        }
        let (sp, sq) = (p.iter().sum::<f64>(), q.iter().sum::<f64>());
        let ratio = p
            .iter()
            .zip(&q)
            .map(|(a, b)| ((a / sp) / (b / sq)).ln() as f32)
            .collect();
        NbScore { start, ratio }
    }

    /// The score of a sentence vector: `Σ r_i` over the word terms present in it.
    pub fn score(&self, v: &SparseVec) -> f32 {
        self.score_indices(&v.indices)
    }

    /// The score of the features present at `indices` (increasing, as in a [`SparseVec`]):
    /// `Σ r_i` over the word terms among them.
    pub fn score_indices(&self, indices: &[u32]) -> f32 {
        // Indices are increasing: skip the character n-grams before the word terms by a
        // binary search; the sum runs over the same terms in the same order.
        let from = indices.partition_point(|&i| i < self.start);
        indices[from..]
            .iter()
            .map(|&i| i - self.start)
            .map_while(|j| self.ratio.get(j as usize))
            .sum()
    }

    /// `v` with the score appended as feature `index` (which must exceed every index of `v`);
    /// a zero score adds nothing, as for every other sparse feature.
    pub fn append(&self, mut v: SparseVec, index: u32) -> SparseVec {
        let s = self.score(&v);
        debug_assert!(v.indices.last().is_none_or(|&l| l < index));
        if s != 0.0 {
            v.indices.push(index);
            v.values.push(s);
        }
        v
    }
}

/// Divide the training scores and the ratio by the scores' standard deviation (when it is
/// positive), so the feature has unit spread like the others; a raw score of ±20 against
/// unit-length n-gram blocks would leave the solver badly conditioned. Scaling the ratio keeps
/// inference consistent with training.
pub fn standardise(scores: &mut [f32], nb: &mut NbScore) {
    let n = scores.len() as f64;
    if n == 0.0 {
        return;
    }
    let mean = scores.iter().map(|&s| f64::from(s)).sum::<f64>() / n;
    let var = scores
        .iter()
        .map(|&s| (f64::from(s) - mean).powi(2))
        .sum::<f64>()
        / n;
    let sd = var.sqrt();
    if sd > 0.0 && sd.is_finite() {
        scores
            .iter_mut()
            .for_each(|s| *s = (f64::from(*s) / sd) as f32);
        nb.ratio
            .iter_mut()
            .for_each(|r| *r = (f64::from(*r) / sd) as f32);
    }
}

/// Training-row scores: row `i` is scored by a ratio fitted on the rows outside its inner fold
/// ([`INNER_FOLDS`] stratified folds drawn with `seed`), so no row's score saw its own label.
pub fn cross_fitted_scores(
    rows: &[SparseVec],
    labels: &[Label],
    start: u32,
    len: usize,
    alpha: f64,
    seed: u64,
) -> Vec<f32> {
    let k = INNER_FOLDS.min(rows.len()).max(2);
    let fold = stratified_folds(labels, k, seed);
    let mut out = vec![0.0; rows.len()];
    for f in 0..k {
        let nb = NbScore::fit(
            (0..rows.len())
                .filter(|&i| fold[i] != f)
                .map(|i| (&rows[i], labels[i])),
            start,
            len,
            alpha,
        );
        for i in (0..rows.len()).filter(|&i| fold[i] == f) {
            out[i] = nb.score(&rows[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(indices: &[u32]) -> SparseVec {
        SparseVec {
            indices: indices.to_vec(),
            // Values do not matter: only presence counts.
            values: indices.iter().map(|&i| 0.5 + i as f32).collect(),
        }
    }

    #[test]
    fn ratio_matches_hand_computation() {
        // Terms 0 (a char n-gram, ignored), then word terms 1, 2, 3 (start 1, len 3).
        let rows = [
            (v(&[0, 1, 2]), Label::Opinion),
            (v(&[1]), Label::Opinion),
            (v(&[0, 3]), Label::Fact),
        ];
        let nb = NbScore::fit(rows.iter().map(|(x, l)| (x, *l)), 1, 3, 1.0);
        // p = 1 + [2, 1, 0] = [3, 2, 1], |p| = 6; q = 1 + [0, 0, 1] = [1, 1, 2], |q| = 4.
        let expect = [
            ((3.0f64 / 6.0) / (1.0 / 4.0)).ln(),
            ((2.0f64 / 6.0) / (1.0 / 4.0)).ln(),
            ((1.0f64 / 6.0) / (2.0 / 4.0)).ln(),
        ];
        for (r, e) in nb.ratio.iter().zip(expect) {
            assert!((f64::from(*r) - e).abs() < 1e-6, "{r} vs {e}");
        }
        assert_eq!(nb.start, 1);
        // Score ignores the char term 0 and indices past the word block (cues).
        let s = nb.score(&v(&[0, 1, 3, 9]));
        assert!((f64::from(s) - (expect[0] + expect[2])).abs() < 1e-6);
    }

    #[test]
    fn append_adds_the_score_last_and_is_pure() {
        let nb = NbScore {
            start: 0,
            ratio: vec![0.5, -2.0],
        };
        let x = v(&[0, 1]);
        let y = nb.append(x.clone(), 7);
        assert_eq!(y.indices, vec![0, 1, 7]);
        assert_eq!(y.values[2], -1.5);
        assert_eq!(y, nb.append(x, 7));
        // A sentence with no known word term gets no score feature at all.
        assert_eq!(nb.append(SparseVec::default(), 7), SparseVec::default());
    }

    #[test]
    fn standardise_gives_unit_spread_and_scales_the_ratio_alike() {
        let mut nb = NbScore {
            start: 0,
            ratio: vec![2.0, -4.0],
        };
        let mut s = vec![2.0, -2.0, 2.0, -2.0];
        standardise(&mut s, &mut nb);
        assert_eq!(s, vec![1.0, -1.0, 1.0, -1.0]);
        assert_eq!(nb.ratio, vec![1.0, -2.0]);
        // No spread: left alone.
        let mut s = vec![0.0; 3];
        standardise(&mut s, &mut nb);
        assert_eq!(nb.ratio, vec![1.0, -2.0]);
    }

    #[test]
    fn cross_fitted_scores_never_see_their_own_row() {
        // Term 0 appears only in row 0 (opinion): a ratio that saw row 0 would score it
        // positive; cross-fitted, the term is unseen (equal smoothing) and scores exactly 0.
        let rows: Vec<SparseVec> = (0..10)
            .map(|i| if i == 0 { v(&[0]) } else { v(&[1]) })
            .collect();
        let labels: Vec<Label> = (0..10)
            .map(|i| if i < 5 { Label::Opinion } else { Label::Fact })
            .collect();
        let s = cross_fitted_scores(&rows, &labels, 0, 2, 1.0, 3);
        let full = NbScore::fit(rows.iter().zip(labels.iter().copied()), 0, 2, 1.0);
        assert!(full.score(&rows[0]) > 0.0);
        // Unseen term: (α/|p|)/(α/|q|) with |p| = |q| (balanced folds) → ln 1 = 0.
        assert!(s[0].abs() < 1e-6, "{}", s[0]);
        assert_eq!(s, cross_fitted_scores(&rows, &labels, 0, 2, 1.0, 3));
    }
}
