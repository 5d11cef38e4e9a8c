//! Evaluation figures, computed by the project: confusion matrix, per-class precision, recall
//! and F1, macro-F1, accuracy, ROC AUC, Brier score and expected calibration error.

use crate::dataset::Label;
use serde::Serialize;
use std::collections::BTreeMap;

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClassMetrics {
    /// TP / (TP + FP); 0 when nothing was predicted as this class.
    pub precision: f64,
    /// TP / (TP + FN); 0 when the class has no true examples.
    pub recall: f64,
    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
    /// Number of true examples of the class.
    pub support: usize,
}

/// The full evaluation report (the `--format json` contract of `factop evaluate`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of examples.
    pub n: usize,
    /// Share of correct predictions.
    pub accuracy: f64,
    /// Unweighted mean of the two classes' F1.
    pub macro_f1: f64,
    /// Area under the ROC curve of P(opinion) (ties count half); `null` with one class only.
    pub roc_auc: Option<f64>,
    /// Mean squared error of P(opinion) against the 0/1 truth.
    pub brier: f64,
    /// Expected calibration error over 10 equal-width bins of P(opinion).
    pub ece: f64,
    /// The decision threshold used.
    pub threshold: f64,
    /// Per-class figures.
    pub classes: BTreeMap<&'static str, ClassMetrics>,
    /// Confusion counts: outer key the true label, inner key the predicted label.
    pub confusion: BTreeMap<&'static str, BTreeMap<&'static str, usize>>,
    /// 95% bootstrap intervals of macro-F1 and accuracy (`null` when not computed).
    pub ci95: Option<Bootstrap>,
}

/// 95% percentile bootstrap intervals of macro-F1 and accuracy at a fixed threshold: the
/// rows resampled with replacement `resamples` times, the 2.5th and 97.5th percentiles of
/// the figures over the resamples. They say how far the figures could move on another
/// sample of the same kind of text, which matters when two models differ by a few rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bootstrap {
    /// Number of resamples.
    pub resamples: usize,
    /// Seed of the resampling (the same seed gives the same intervals).
    pub seed: u64,
    /// Macro-F1 interval, `[low, high]`.
    pub macro_f1: [f64; 2],
    /// Accuracy interval, `[low, high]`.
    pub accuracy: [f64; 2],
}

/// The 95% bootstrap intervals of macro-F1 and accuracy of `pred` against `truth` (see
/// [`Bootstrap`]); `None` without rows or resamples.
pub fn bootstrap(
    truth: &[Label],
    pred: &[Label],
    resamples: usize,
    seed: u64,
) -> Option<Bootstrap> {
    let (mut f1, mut acc) = (Vec::new(), Vec::new());
    resample(truth, &[pred], resamples, seed, |c| {
        f1.push(c[0].macro_f1());
        acc.push(c[0].accuracy());
    })?;
    Some(Bootstrap {
        resamples,
        seed,
        macro_f1: interval95(&mut f1),
        accuracy: interval95(&mut acc),
    })
}

/// Draw `resamples` resamples of the rows with replacement (the same rows for every one of
/// `preds`) and hand `each` the confusion matrix of each prediction in the resample; `None`
/// without rows or resamples.
fn resample(
    truth: &[Label],
    preds: &[&[Label]],
    resamples: usize,
    seed: u64,
    mut each: impl FnMut(&[Confusion]),
) -> Option<()> {
    let n = truth.len();
    if n == 0 || resamples == 0 {
        return None;
    }
    // Each row is one cell of each confusion matrix; a resample only needs the cells.
    let cells: Vec<Vec<(usize, usize)>> = (preds.iter())
        .map(|pred| {
            (truth.iter().zip(*pred))
                .map(|(t, p)| (t.index(), p.index()))
                .collect()
        })
        .collect();
    let mut rng = crate::dataset::Rng::new(seed);
    let mut m = vec![Confusion::default(); preds.len()];
    for _ in 0..resamples {
        m.fill(Confusion::default());
        for _ in 0..n {
            let row = rng.below(n);
            for (c, cells) in m.iter_mut().zip(&cells) {
                let (t, p) = cells[row];
                c.0[t][p] += 1;
            }
        }
        each(&m);
    }
    Some(())
}

/// The 2.5th and 97.5th percentiles of `v` (sorted in place; not empty).
fn interval95(v: &mut [f64]) -> [f64; 2] {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    [at(0.025), at(0.975)]
}

/// How a second model's predictions of the same rows differ from a first one's: the
/// differences (second − first) of macro-F1 and accuracy and their 95% paired bootstrap
/// intervals (both models scored on the same resampled rows, so what the two get right
/// together does not widen the interval).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Difference {
    /// Macro-F1 of the second minus the first.
    pub macro_f1: f64,
    /// Accuracy of the second minus the first.
    pub accuracy: f64,
    /// The paired bootstrap (`null` when not computed).
    pub ci95: Option<DifferenceCi>,
}

/// The paired bootstrap of a [`Difference`]: the intervals of the differences (in JSON, its
/// fields next to `macro_f1_higher`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DifferenceCi {
    /// The resamples, the seed and the intervals of the two differences.
    #[serde(flatten)]
    pub interval: Bootstrap,
    /// Share of the resamples in which the second model's macro-F1 is higher.
    pub macro_f1_higher: f64,
}

/// The [`Difference`] of `second` from `first`, both predictions of the rows of `truth`.
pub fn difference(
    truth: &[Label],
    first: &[Label],
    second: &[Label],
    resamples: usize,
    seed: u64,
) -> Difference {
    let (a, b) = (
        Confusion::from_pairs(truth, first),
        Confusion::from_pairs(truth, second),
    );
    let (mut f1, mut acc) = (Vec::new(), Vec::new());
    let ci95 = resample(truth, &[first, second], resamples, seed, |c| {
        f1.push(c[1].macro_f1() - c[0].macro_f1());
        acc.push(c[1].accuracy() - c[0].accuracy());
    })
    .map(|()| {
        let higher = f1.iter().filter(|&&d| d > 0.0).count() as f64 / resamples as f64;
        DifferenceCi {
            interval: Bootstrap {
                resamples,
                seed,
                macro_f1: interval95(&mut f1),
                accuracy: interval95(&mut acc),
            },
            macro_f1_higher: higher,
        }
    });
    Difference {
        macro_f1: b.macro_f1() - a.macro_f1(),
        accuracy: b.accuracy() - a.accuracy(),
        ci95,
    }
}

/// A 2×2 confusion matrix, `m[true][predicted]` indexed by [`Label::index`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion(pub [[usize; 2]; 2]);

impl Confusion {
    /// Count pairs of (truth, prediction).
    pub fn from_pairs(truth: &[Label], pred: &[Label]) -> Confusion {
        let mut m = [[0; 2]; 2];
        for (t, p) in truth.iter().zip(pred) {
            m[t.index()][p.index()] += 1;
        }
        Confusion(m)
    }

    /// Figures for one class.
    pub fn class(&self, l: Label) -> ClassMetrics {
        let k = l.index();
        let o = 1 - k;
        let tp = self.0[k][k] as f64;
        let fp = self.0[o][k] as f64;
        let fn_ = self.0[k][o] as f64;
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        ClassMetrics {
            precision,
            recall,
            f1,
            support: self.0[k][0] + self.0[k][1],
        }
    }

    /// Mean F1 over both classes.
    pub fn macro_f1(&self) -> f64 {
        (self.class(Label::Fact).f1 + self.class(Label::Opinion).f1) / 2.0
    }

    /// Share of the diagonal.
    pub fn accuracy(&self) -> f64 {
        let n: usize = self.0.iter().flatten().sum();
        if n == 0 {
            0.0
        } else {
            (self.0[0][0] + self.0[1][1]) as f64 / n as f64
        }
    }
}

/// Predict labels from P(opinion): opinion when `p >= threshold`.
pub fn predict(p_opinion: &[f64], threshold: f64) -> Vec<Label> {
    p_opinion
        .iter()
        .map(|&p| {
            if p >= threshold {
                Label::Opinion
            } else {
                Label::Fact
            }
        })
        .collect()
}

/// Macro-F1 at a threshold.
pub fn macro_f1_at(truth: &[Label], p_opinion: &[f64], threshold: f64) -> f64 {
    Confusion::from_pairs(truth, &predict(p_opinion, threshold)).macro_f1()
}

/// ROC AUC of scores for the opinion class, by the rank-sum (Mann–Whitney) formula with ties
/// counted half. `None` unless both classes are present.
pub fn roc_auc(truth: &[Label], p_opinion: &[f64]) -> Option<f64> {
    let mut idx: Vec<usize> = (0..truth.len()).collect();
    idx.sort_by(|&a, &b| p_opinion[a].total_cmp(&p_opinion[b]));
    let n_pos = truth.iter().filter(|&&l| l == Label::Opinion).count();
    let n_neg = truth.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return None;
    }
    // Average ranks over ties.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && p_opinion[idx[j + 1]] == p_opinion[idx[i]] {
            j += 1;
        }
        let avg_rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            if truth[k] == Label::Opinion {
                rank_sum += avg_rank;
            }
        }
        i = j + 1;
    }
    let u = rank_sum - (n_pos * (n_pos + 1)) as f64 / 2.0;
    Some(u / (n_pos as f64 * n_neg as f64))
}

/// Mean squared error of P(opinion) against truth (1 = opinion).
pub fn brier(truth: &[Label], p_opinion: &[f64]) -> f64 {
    if truth.is_empty() {
        return 0.0;
    }
    truth
        .iter()
        .zip(p_opinion)
        .map(|(t, p)| {
            let y = if *t == Label::Opinion { 1.0 } else { 0.0 };
            (p - y) * (p - y)
        })
        .sum::<f64>()
        / truth.len() as f64
}

/// One bin of a reliability diagram.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// Lower edge of the bin.
    pub lo: f64,
    /// Upper edge of the bin.
    pub hi: f64,
    /// Examples in the bin.
    pub count: usize,
    /// Mean predicted P(opinion) in the bin.
    pub mean_p: f64,
    /// Observed share of opinion in the bin.
    pub observed: f64,
}

/// Reliability bins: `bins` equal-width bins over [0, 1]; p = 1 falls in the last bin.
pub fn calibration_bins(truth: &[Label], p_opinion: &[f64], bins: usize) -> Vec<CalibrationBin> {
    let mut sum_p = vec![0.0; bins];
    let mut pos = vec![0usize; bins];
    let mut count = vec![0usize; bins];
    for (t, &p) in truth.iter().zip(p_opinion) {
        let b = ((p * bins as f64) as usize).min(bins - 1);
        sum_p[b] += p;
        count[b] += 1;
        if *t == Label::Opinion {
            pos[b] += 1;
        }
    }
    (0..bins)
        .map(|b| CalibrationBin {
            lo: b as f64 / bins as f64,
            hi: (b + 1) as f64 / bins as f64,
            count: count[b],
            mean_p: if count[b] > 0 {
                sum_p[b] / count[b] as f64
            } else {
                0.0
            },
            observed: if count[b] > 0 {
                pos[b] as f64 / count[b] as f64
            } else {
                0.0
            },
        })
        .collect()
}

/// Expected calibration error: bin-size-weighted mean |observed − mean predicted|.
pub fn ece(truth: &[Label], p_opinion: &[f64], bins: usize) -> f64 {
    let n = truth.len();
    if n == 0 {
        return 0.0;
    }
    calibration_bins(truth, p_opinion, bins)
        .iter()
        .map(|b| b.count as f64 / n as f64 * (b.observed - b.mean_p).abs())
        .sum()
}

/// The threshold in `0.05..=0.95` (step 0.01) with the best macro-F1; ties go to the one
/// closest to 0.5.
pub fn best_threshold(truth: &[Label], p_opinion: &[f64]) -> f64 {
    let mut best: (f64, f64) = (f64::NEG_INFINITY, 0.5);
    for k in 5..=95 {
        let t = f64::from(k) / 100.0;
        let f = macro_f1_at(truth, p_opinion, t);
        let better = f > best.0 + 1e-12
            || ((f - best.0).abs() <= 1e-12 && (t - 0.5).abs() < (best.1 - 0.5).abs());
        if better {
            best = (f, t);
        }
    }
    best.1
}

/// One point of a ROC curve: predicting opinion when P(opinion) >= `threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RocPoint {
    /// The cut on P(opinion); the first point, (0, 0), has `f64::INFINITY`.
    pub threshold: f64,
    /// False-positive rate: facts predicted opinion / facts.
    pub fpr: f64,
    /// True-positive rate (opinion recall).
    pub tpr: f64,
}

/// One point of a precision–recall curve for the opinion class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PrPoint {
    /// The cut on P(opinion).
    pub threshold: f64,
    /// Opinion precision at the cut.
    pub precision: f64,
    /// Opinion recall at the cut.
    pub recall: f64,
}

/// F1 figures at one threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ThresholdPoint {
    /// The cut on P(opinion).
    pub threshold: f64,
    /// F1 of the opinion class.
    pub f1_opinion: f64,
    /// F1 of the fact class.
    pub f1_fact: f64,
    /// Mean of the two.
    pub macro_f1: f64,
}

/// Cumulative (true positives, false positives) after each group of tied scores, walking the
/// scores from the highest down, with the score of the group.
fn cumulative_counts(truth: &[Label], p_opinion: &[f64]) -> Vec<(f64, usize, usize)> {
    let mut idx: Vec<usize> = (0..truth.len().min(p_opinion.len())).collect();
    idx.sort_by(|&a, &b| p_opinion[b].total_cmp(&p_opinion[a]));
    let (mut tp, mut fp) = (0, 0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < idx.len() {
        let score = p_opinion[idx[i]];
        while i < idx.len() && p_opinion[idx[i]] == score {
            if truth[idx[i]] == Label::Opinion {
                tp += 1;
            } else {
                fp += 1;
            }
            i += 1;
        }
        out.push((score, tp, fp));
    }
    out
}

/// The ROC curve of P(opinion): (0, 0), then one point per distinct score from the highest
/// down, ending at (1, 1). Empty unless both classes are present.
pub fn roc_curve(truth: &[Label], p_opinion: &[f64]) -> Vec<RocPoint> {
    let n_pos = truth.iter().filter(|&&l| l == Label::Opinion).count();
    let n_neg = truth.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return Vec::new();
    }
    let mut out = vec![RocPoint {
        threshold: f64::INFINITY,
        fpr: 0.0,
        tpr: 0.0,
    }];
    for (t, tp, fp) in cumulative_counts(truth, p_opinion) {
        out.push(RocPoint {
            threshold: t,
            fpr: fp as f64 / n_neg as f64,
            tpr: tp as f64 / n_pos as f64,
        });
    }
    out
}

/// Area under a curve of (x, y) points by the trapezoid rule.
pub fn trapezoid_area(points: impl IntoIterator<Item = (f64, f64)>) -> f64 {
    let mut area = 0.0;
    let mut prev: Option<(f64, f64)> = None;
    for (x, y) in points {
        if let Some((px, py)) = prev {
            area += (x - px) * (y + py) / 2.0;
        }
        prev = Some((x, y));
    }
    area
}

/// The precision–recall curve of the opinion class: one point per distinct score from the
/// highest down (recall rising). Empty when there is no opinion example.
pub fn pr_curve(truth: &[Label], p_opinion: &[f64]) -> Vec<PrPoint> {
    let n_pos = truth.iter().filter(|&&l| l == Label::Opinion).count();
    if n_pos == 0 {
        return Vec::new();
    }
    cumulative_counts(truth, p_opinion)
        .into_iter()
        .map(|(t, tp, fp)| PrPoint {
            threshold: t,
            precision: tp as f64 / (tp + fp) as f64,
            recall: tp as f64 / n_pos as f64,
        })
        .collect()
}

/// Average precision of the opinion class: the sum over the PR points of
/// (recall gain) × precision (the step-wise area, without interpolation).
pub fn average_precision(truth: &[Label], p_opinion: &[f64]) -> Option<f64> {
    let pr = pr_curve(truth, p_opinion);
    if pr.is_empty() {
        return None;
    }
    let mut prev_recall = 0.0;
    let mut ap = 0.0;
    for p in pr {
        ap += (p.recall - prev_recall) * p.precision;
        prev_recall = p.recall;
    }
    Some(ap)
}

/// F1 of each class and macro-F1 at thresholds `0, 1/steps, ..., 1`.
pub fn f1_by_threshold(truth: &[Label], p_opinion: &[f64], steps: usize) -> Vec<ThresholdPoint> {
    let steps = steps.max(1);
    (0..=steps)
        .map(|k| {
            let t = k as f64 / steps as f64;
            let c = Confusion::from_pairs(truth, &predict(p_opinion, t));
            let (o, f) = (c.class(Label::Opinion).f1, c.class(Label::Fact).f1);
            ThresholdPoint {
                threshold: t,
                f1_opinion: o,
                f1_fact: f,
                macro_f1: (o + f) / 2.0,
            }
        })
        .collect()
}

/// Every figure of the report at a threshold.
pub fn report(truth: &[Label], p_opinion: &[f64], threshold: f64) -> Report {
    let pred = predict(p_opinion, threshold);
    let c = Confusion::from_pairs(truth, &pred);
    let mut classes = BTreeMap::new();
    let mut confusion = BTreeMap::new();
    for l in Label::ALL {
        classes.insert(l.as_str(), c.class(l));
        let mut row = BTreeMap::new();
        for p in Label::ALL {
            row.insert(p.as_str(), c.0[l.index()][p.index()]);
        }
        confusion.insert(l.as_str(), row);
    }
    Report {
        n: truth.len(),
        accuracy: c.accuracy(),
        macro_f1: c.macro_f1(),
        roc_auc: roc_auc(truth, p_opinion),
        brier: brier(truth, p_opinion),
        ece: ece(truth, p_opinion, 10),
        threshold,
        classes,
        confusion,
        ci95: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{Fact as F, Opinion as O};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// `n` rows, `wrong` of every 10 predicted wrongly, half of each class.
    fn rows(n: usize, wrong: usize) -> (Vec<Label>, Vec<Label>) {
        let truth: Vec<Label> = (0..n).map(|i| if i % 2 == 0 { O } else { F }).collect();
        let pred = (truth.iter().enumerate())
            .map(|(i, &t)| match (i / 2 % 10 < wrong, t) {
                (true, O) => F,
                (true, F) => O,
                (false, t) => t,
            })
            .collect();
        (truth, pred)
    }

    #[test]
    fn bootstrap_brackets_the_figures_and_is_seeded() {
        let (truth, pred) = rows(400, 2);
        let c = Confusion::from_pairs(&truth, &pred);
        let b = bootstrap(&truth, &pred, 500, 42).unwrap();
        for (iv, point) in [(b.macro_f1, c.macro_f1()), (b.accuracy, c.accuracy())] {
            assert!(iv[0] < point && point < iv[1], "{iv:?} {point}");
            // 80% right on 400 rows: the binomial 95% interval is about ±0.04.
            assert!(iv[1] - iv[0] > 0.04 && iv[1] - iv[0] < 0.12, "{iv:?}");
        }
        assert_eq!(bootstrap(&truth, &pred, 500, 42), Some(b));
        assert_ne!(bootstrap(&truth, &pred, 500, 7), Some(b));
        assert_eq!((b.resamples, b.seed), (500, 42));
    }

    #[test]
    fn bootstrap_narrows_with_more_rows_and_is_exact_when_all_right() {
        let width = |n| {
            let (t, p) = rows(n, 2);
            let b = bootstrap(&t, &p, 300, 1).unwrap();
            b.macro_f1[1] - b.macro_f1[0]
        };
        assert!(width(4000) < width(100) / 3.0);
        let (t, _) = rows(50, 0);
        let b = bootstrap(&t, &t, 100, 1).unwrap();
        assert_eq!((b.macro_f1, b.accuracy), ([1.0, 1.0], [1.0, 1.0]));
        assert_eq!(bootstrap(&t, &t, 0, 1), None);
        assert_eq!(bootstrap(&[], &[], 100, 1), None);
    }

    #[test]
    fn a_model_against_itself_differs_by_nothing_and_a_better_one_by_a_clear_margin() {
        let (truth, pred) = rows(400, 2);
        let same = difference(&truth, &pred, &pred, 300, 3);
        let ci = same.ci95.unwrap();
        assert_eq!((same.macro_f1, same.accuracy), (0.0, 0.0));
        assert_eq!(
            (
                ci.interval.macro_f1,
                ci.interval.accuracy,
                ci.macro_f1_higher
            ),
            ([0.0; 2], [0.0; 2], 0.0)
        );
        // 2 of 10 wrong against 1 of 10 wrong, on the same rows: +0.10 accuracy, and every
        // resample agrees (the rows the better one fixes are a subset).
        let (_, better) = rows(400, 1);
        let d = difference(&truth, &pred, &better, 300, 3);
        let ci = d.ci95.unwrap();
        assert!((d.accuracy - 0.1).abs() < 1e-12, "{d:?}");
        assert!(
            ci.interval.accuracy[0] > 0.05
                && ci.interval.accuracy[0] < d.accuracy
                && d.accuracy < ci.interval.accuracy[1]
        );
        assert_eq!(ci.macro_f1_higher, 1.0);
        // Pairing: the interval of the difference is narrower than the two models' own
        // intervals would suggest.
        let width = |b: Bootstrap| b.accuracy[1] - b.accuracy[0];
        let own = width(bootstrap(&truth, &pred, 300, 3).unwrap());
        assert!(
            ci.interval.accuracy[1] - ci.interval.accuracy[0] < own,
            "{ci:?} {own}"
        );
        // Reversed, the difference changes sign.
        let r = difference(&truth, &better, &pred, 300, 3);
        assert_eq!(r.accuracy, -d.accuracy);
        assert_eq!(r.ci95.unwrap().macro_f1_higher, 0.0);
        assert_eq!(difference(&truth, &pred, &better, 0, 3).ci95, None);
    }

    #[test]
    fn hand_computed_confusion_figures() {
        // truth:  O O O F F F F F ; pred: O O F O F F F F
        let truth = [O, O, O, F, F, F, F, F];
        let pred = [O, O, F, O, F, F, F, F];
        let c = Confusion::from_pairs(&truth, &pred);
        assert_eq!(c.0, [[4, 1], [1, 2]]);
        let o = c.class(O);
        assert!(close(o.precision, 2.0 / 3.0));
        assert!(close(o.recall, 2.0 / 3.0));
        assert!(close(o.f1, 2.0 / 3.0));
        let f = c.class(F);
        assert!(close(f.precision, 0.8));
        assert!(close(f.recall, 0.8));
        assert_eq!(f.support, 5);
        assert!(close(c.macro_f1(), (2.0 / 3.0 + 0.8) / 2.0));
        assert!(close(c.accuracy(), 6.0 / 8.0));
    }

    #[test]
    fn zero_division_is_zero_not_nan() {
        let c = Confusion::from_pairs(&[F, F], &[F, F]);
        let o = c.class(O);
        assert_eq!((o.precision, o.recall, o.f1), (0.0, 0.0, 0.0));
        assert!(close(c.macro_f1(), 0.5));
    }

    #[test]
    fn auc_by_hand_with_ties() {
        // positives 0.8, 0.4 ; negatives 0.4, 0.1 → pairs: (0.8>0.4)=1,(0.8>0.1)=1,(0.4=0.4)=.5,(0.4>0.1)=1
        let truth = [O, O, F, F];
        let p = [0.8, 0.4, 0.4, 0.1];
        assert!(close(roc_auc(&truth, &p).unwrap(), 3.5 / 4.0));
        assert_eq!(roc_auc(&[O, O], &[0.1, 0.2]), None);
    }

    #[test]
    fn brier_and_ece_by_hand() {
        let truth = [O, F, O, F];
        let p = [0.9, 0.2, 0.6, 0.6];
        // brier: (0.01 + 0.04 + 0.16 + 0.36)/4
        assert!(close(brier(&truth, &p), 0.57 / 4.0));
        // bins of 10: 0.9 → bin 9 (obs 1, mean .9, |.1|), 0.2 → bin 2 (obs 0, |.2|),
        // 0.6,0.6 → bin 6 (obs .5, mean .6, |.1|) ; ece = (1*.1 + 1*.2 + 2*.1)/4
        assert!(close(ece(&truth, &p, 10), 0.5 / 4.0));
    }

    #[test]
    fn threshold_search_finds_separating_cut() {
        let truth = [F, F, O, O];
        let p = [0.1, 0.3, 0.35, 0.9];
        let t = best_threshold(&truth, &p);
        assert!(t > 0.3 && t <= 0.35, "{t}");
        assert!(close(macro_f1_at(&truth, &p, t), 1.0));
    }

    #[test]
    fn report_contract_keys() {
        let r = report(&[O, F], &[0.7, 0.2], 0.5);
        assert_eq!(r.confusion["opinion"]["opinion"], 1);
        assert_eq!(r.confusion["fact"]["opinion"], 0);
        assert_eq!(r.classes["fact"].support, 1);
        assert!(close(r.macro_f1, 1.0));
    }

    #[test]
    fn roc_curve_by_hand() {
        // scores high→low: .9 O, .7 F, .7 O, .4 F, .2 O  (3 opinion, 2 fact)
        let truth = [O, F, O, F, O];
        let p = [0.9, 0.7, 0.7, 0.4, 0.2];
        let roc = roc_curve(&truth, &p);
        let pts: Vec<(f64, f64, f64)> = roc.iter().map(|r| (r.threshold, r.fpr, r.tpr)).collect();
        assert_eq!(
            pts,
            vec![
                (f64::INFINITY, 0.0, 0.0),
                (0.9, 0.0, 1.0 / 3.0),
                (0.7, 0.5, 2.0 / 3.0),
                (0.4, 1.0, 2.0 / 3.0),
                (0.2, 1.0, 1.0),
            ]
        );
        // The trapezoid area equals the rank-sum AUC (ties count half).
        let area = trapezoid_area(roc.iter().map(|r| (r.fpr, r.tpr)));
        assert!(close(area, roc_auc(&truth, &p).unwrap()));
        // pairs (O,F): (.9,.7)=1 (.9,.4)=1 (.7,.7)=.5 (.7,.4)=1 (.2,.7)=0 (.2,.4)=0 → 3.5/6
        assert!(close(area, 3.5 / 6.0));
        assert!(roc_curve(&[O, O], &[0.1, 0.2]).is_empty());
    }

    #[test]
    fn pr_curve_and_average_precision_by_hand() {
        let truth = [O, F, O, F, O];
        let p = [0.9, 0.7, 0.7, 0.4, 0.2];
        let pr = pr_curve(&truth, &p);
        let pts: Vec<(f64, f64, f64)> = pr
            .iter()
            .map(|r| (r.threshold, r.precision, r.recall))
            .collect();
        assert_eq!(
            pts,
            vec![
                (0.9, 1.0, 1.0 / 3.0),
                (0.7, 2.0 / 3.0, 2.0 / 3.0),
                (0.4, 0.5, 2.0 / 3.0),
                (0.2, 0.6, 1.0),
            ]
        );
        // AP = 1/3·1 + 1/3·2/3 + 0·1/2 + 1/3·3/5
        let ap = average_precision(&truth, &p).unwrap();
        assert!(close(ap, (1.0 + 2.0 / 3.0 + 0.6) / 3.0), "{ap}");
        assert!(pr_curve(&[F, F], &[0.3, 0.6]).is_empty());
    }

    #[test]
    fn f1_by_threshold_by_hand() {
        let truth = [O, F, O, F, O];
        let p = [0.9, 0.7, 0.7, 0.4, 0.2];
        let curve = f1_by_threshold(&truth, &p, 4);
        let ts: Vec<f64> = curve.iter().map(|c| c.threshold).collect();
        assert_eq!(ts, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        // t = 0: all opinion → opinion P 3/5 R 1 F1 3/4; fact F1 0.
        assert!(close(curve[0].f1_opinion, 0.75) && close(curve[0].f1_fact, 0.0));
        // t = .5: opinion {.9 O, .7 F, .7 O} → P 2/3 R 2/3; fact {.4 F, .2 O} → P 1/2 R 1/2.
        assert!(close(curve[2].f1_opinion, 2.0 / 3.0));
        assert!(close(curve[2].f1_fact, 0.5));
        assert!(close(curve[2].macro_f1, (2.0 / 3.0 + 0.5) / 2.0));
        // t = 1: all fact → fact P 2/5 R 1 F1 4/7; opinion 0.
        assert!(close(curve[4].f1_fact, 4.0 / 7.0) && close(curve[4].f1_opinion, 0.0));
        // agrees with macro_f1_at everywhere
        for c in &curve {
            assert!(close(c.macro_f1, macro_f1_at(&truth, &p, c.threshold)));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The ROC curve is monotone from (0,0) to (1,1) and its area is the rank-sum AUC; the
        /// PR curve's recall rises to 1; F1 by threshold agrees with the confusion matrix.
        #[test]
        fn curves_are_consistent(
            pairs in proptest::collection::vec((proptest::bool::ANY, 0u8..=20), 1..60)
        ) {
            let truth: Vec<Label> = pairs.iter().map(|(o, _)| if *o { O } else { F }).collect();
            // Coarse scores, so ties are common.
            let p: Vec<f64> = pairs.iter().map(|(_, s)| f64::from(*s) / 20.0).collect();
            let roc = roc_curve(&truth, &p);
            match roc_auc(&truth, &p) {
                None => proptest::prop_assert!(roc.is_empty()),
                Some(auc) => {
                    let area = trapezoid_area(roc.iter().map(|r| (r.fpr, r.tpr)));
                    proptest::prop_assert!((area - auc).abs() < 1e-9, "{} vs {}", area, auc);
                    proptest::prop_assert!(roc.windows(2).all(|w| w[0].fpr <= w[1].fpr
                        && w[0].tpr <= w[1].tpr && w[0].threshold > w[1].threshold));
                    let last = roc.last().unwrap();
                    proptest::prop_assert_eq!((last.fpr, last.tpr), (1.0, 1.0));
                }
            }
            let pr = pr_curve(&truth, &p);
            if !pr.is_empty() {
                proptest::prop_assert!(pr.windows(2).all(|w| w[0].recall <= w[1].recall));
                proptest::prop_assert_eq!(pr.last().unwrap().recall, 1.0);
                for pt in &pr {
                    let c = Confusion::from_pairs(&truth, &predict(&p, pt.threshold)).class(O);
                    proptest::prop_assert!((c.precision - pt.precision).abs() < 1e-12);
                    proptest::prop_assert!((c.recall - pt.recall).abs() < 1e-12);
                }
            }
            for t in f1_by_threshold(&truth, &p, 20) {
                proptest::prop_assert!((t.macro_f1 - macro_f1_at(&truth, &p, t.threshold)).abs() < 1e-12);
            }
        }
    }
}
