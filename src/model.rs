//! The classifier: [`TrainParams`] → [`CheckedParams`] → fitted [`Model`].
//!
//! Training runs linfa-logistic's solver on a sparse matrix ([`crate::logistic`]: the same
//! weights as linfa on the dense matrix, bit for bit, at a cost proportional to the non-zeros),
//! or, with [`Solver::Linfa`], calls linfa-logistic itself on the dense matrix
//! ([`crate::dense`]); scoring uses the learned weights directly on sparse vectors.

use crate::dataset::{stratified_folds, Dataset, Label, Rng};
use crate::dense;
use crate::error::{Error, Result};
use crate::features::{Context, FeatureConfig, Featurizer, SparseVec};
use crate::logistic::{self, sigmoid, SparseMatrix};
use crate::metrics;
use crate::nb::{self, NbScore};
use crate::segment;
use serde::{Deserialize, Serialize};

/// How to counter class imbalance (linfa-logistic has no sample weights).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Balance {
    /// Train on the data as it is.
    None,
    /// Repeat minority-class rows (seeded) until both classes have the same count.
    Oversample,
}

/// Which implementation fits the logistic regression.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Solver {
    /// linfa-logistic's objective and L-BFGS on a sparse matrix (fast; the default).
    #[default]
    Sparse,
    /// `linfa_logistic::LogisticRegression` itself on the dense matrix (the reference; needs
    /// rows × features × 8 bytes of memory).
    Linfa,
}

impl Solver {
    fn is_sparse(&self) -> bool {
        *self == Solver::Sparse
    }
}

/// How the decision threshold is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThresholdRule {
    /// A fixed threshold on P(opinion).
    Fixed(f64),
    /// The threshold with the best macro-F1 on out-of-fold predictions of k-fold CV.
    Cv(usize),
}

/// Everything that determines a trained model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainParams {
    /// The feature configuration.
    pub features: FeatureConfig,
    /// L2 regularisation strength (linfa's `alpha`; about 1/C in scikit-learn terms).
    pub alpha: f64,
    /// L-BFGS iteration limit.
    pub max_iterations: u64,
    /// L-BFGS gradient-norm tolerance.
    pub gradient_tolerance: f64,
    /// Class balancing.
    pub balance: Balance,
    /// Threshold rule.
    pub threshold: ThresholdRule,
    /// Seed for oversampling and fold assignment.
    pub seed: u64,
    /// The solver (stored only when it is not the default, so older model files still load
    /// and sparse-trained files are unchanged).
    #[serde(default, skip_serializing_if = "Solver::is_sparse")]
    pub solver: Solver,
    /// Add the naive-Bayes log-count-ratio score of the word n-grams as one feature, with this
    /// smoothing α (see [`crate::nb`]); `None` leaves it out. On (α = 1) by default since it
    /// was adopted under the rule in `docs/experiments.md`; model files without the field load
    /// with it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb_score: Option<f64>,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            features: FeatureConfig::default(),
            alpha: 2.0,
            max_iterations: 1000,
            gradient_tolerance: 1e-4,
            balance: Balance::Oversample,
            threshold: ThresholdRule::Fixed(0.5),
            seed: 42,
            solver: Solver::Sparse,
            nb_score: Some(1.0),
        }
    }
}

/// Parameters that passed [`TrainParams::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedParams(TrainParams);

impl TrainParams {
    /// The hyperparameter names [`set`](TrainParams::set) accepts (the `train` flags without `--`).
    pub const SETTABLE: &'static [&'static str] = &[
        "alpha",
        "word-ngrams",
        "char-ngrams",
        "min-df",
        "max-features",
        "char-min-df",
        "char-max-features",
        "mask-min-words",
        "mask-quotes",
        "cues",
        "reported-scope",
        "mask-reported-stance",
        "mask-reported",
        "split-evaluative",
        "cue-scale",
        "cue-rules",
        "reported-stance",
        "tf",
        "idf",
        "balance",
        "solver",
        "nb-score",
    ];

    /// Set one hyperparameter from text, as a search grid or config file names it
    /// (`alpha=0.5`, `char-ngrams=2-5`, `tf=binary`, `cues=false`, ...).
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let bad = |what: &str| Error::Param {
            name: "--grid",
            msg: format!("`{key}={value}`: {what}"),
        };
        let num = |v: &str| {
            v.trim()
                .parse::<usize>()
                .map_err(|_| bad("not a whole number"))
        };
        let flag = |v: &str| match v.trim() {
            "true" | "on" | "yes" => Ok(true),
            "false" | "off" | "no" => Ok(false),
            _ => Err(bad("expected true or false")),
        };
        let range = |v: &str| -> Result<[usize; 2]> {
            if v.trim() == "0" {
                return Ok([0, 0]);
            }
            let (a, b) = v.split_once('-').unwrap_or((v, v));
            Ok([num(a)?, num(b)?])
        };
        let f = &mut self.features;
        match key {
            "alpha" => self.alpha = value.trim().parse().map_err(|_| bad("not a number"))?,
            "word-ngrams" => f.word_ngrams = range(value)?,
            "char-ngrams" => f.char_ngrams = range(value)?,
            "min-df" => f.min_df = num(value)?,
            "max-features" => f.max_features = num(value)?,
            "char-min-df" => f.char_min_df = num(value)?,
            "char-max-features" => f.char_max_features = num(value)?,
            "mask-min-words" => f.mask_min_words = num(value)?,
            "mask-quotes" => f.mask_quotes = flag(value)?,
            "cues" => f.cues = flag(value)?,
            "reported-scope" => f.reported_scope = flag(value)?,
            "mask-reported-stance" => f.mask_reported_stance = flag(value)?,
            "mask-reported" => f.mask_reported = flag(value)?,
            "split-evaluative" => f.split_evaluative = flag(value)?,
            "reported-stance" => {
                f.reported_stance = crate::features::ReportedStance::parse(value.trim())
                    .ok_or_else(|| bad("expected own, drop, evaluative, words or split"))?
            }
            "cue-rules" => {
                f.cue_rules = value
                    .trim()
                    .parse()
                    .map_err(|_| bad("expected a revision number such as 2"))?
            }
            "cue-scale" => f.cue_scale = value.trim().parse().map_err(|_| bad("not a number"))?,
            "idf" => f.idf = flag(value)?,
            "tf" => {
                (f.sublinear_tf, f.binary) = match value.trim() {
                    "sublinear" => (true, false),
                    "raw" => (false, false),
                    "binary" => (false, true),
                    _ => return Err(bad("expected sublinear, raw or binary")),
                }
            }
            "balance" => {
                self.balance = match value.trim() {
                    "none" => Balance::None,
                    "oversample" => Balance::Oversample,
                    _ => return Err(bad("expected none or oversample")),
                }
            }
            "solver" => {
                self.solver = match value.trim() {
                    "sparse" => Solver::Sparse,
                    "linfa" => Solver::Linfa,
                    _ => return Err(bad("expected sparse or linfa")),
                }
            }
            "nb-score" => {
                self.nb_score = match value.trim() {
                    "off" | "none" => None,
                    v => Some(
                        v.parse()
                            .map_err(|_| bad("expected off or a smoothing α such as 0.25"))?,
                    ),
                }
            }
            _ => {
                return Err(Error::Param {
                    name: "--grid",
                    msg: format!(
                        "unknown hyperparameter `{key}`; known: {}",
                        Self::SETTABLE.join(", ")
                    ),
                })
            }
        }
        Ok(())
    }

    /// Validate every hyperparameter in one place.
    pub fn check(self) -> Result<CheckedParams> {
        self.features.validate()?;
        if !(self.alpha.is_finite() && self.alpha > 0.0) {
            return Err(Error::Param {
                name: "--alpha",
                msg: format!("{} is not a positive number", self.alpha),
            });
        }
        if self.max_iterations == 0 {
            return Err(Error::Param {
                name: "--max-iter",
                msg: "must be at least 1".into(),
            });
        }
        if !(self.gradient_tolerance.is_finite() && self.gradient_tolerance > 0.0) {
            return Err(Error::Param {
                name: "--tolerance",
                msg: format!("{} is not a positive number", self.gradient_tolerance),
            });
        }
        if let Some(a) = self.nb_score {
            if !(a > 0.0 && a <= 1e6) {
                return Err(Error::Param {
                    name: "--nb-score",
                    msg: format!("smoothing α {a} is not a number in (0, 1e6] (e.g. 0.25)"),
                });
            }
            if self.features.word_ngrams[1] == 0 {
                return Err(Error::Param {
                    name: "--nb-score",
                    msg: "the naive-Bayes score is computed over word n-grams: turn them on with --word-ngrams, or the score off with --nb-score off".into(),
                });
            }
        }
        match self.threshold {
            ThresholdRule::Fixed(t) if !(0.0..=1.0).contains(&t) => {
                return Err(Error::Param {
                    name: "--threshold",
                    msg: format!("{t} is outside 0..1"),
                })
            }
            ThresholdRule::Cv(k) if k < 2 => {
                return Err(Error::Param {
                    name: "--threshold-cv",
                    msg: format!("{k} folds: need at least 2"),
                })
            }
            _ => {}
        }
        Ok(CheckedParams(self))
    }
}

/// What training saw and did; stored in the model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// The data files, as given.
    pub sources: Vec<String>,
    /// Rows per class before balancing.
    pub rows_fact: usize,
    /// Rows per class before balancing.
    pub rows_opinion: usize,
    /// Rows skipped for empty text.
    pub skipped_empty: usize,
    /// Rows the optimiser saw after balancing.
    pub rows_trained: usize,
    /// Features (n-grams + cues).
    pub features: usize,
    /// Norm of the objective's gradient at the solution.
    pub gradient_norm: f64,
    /// Whether the gradient norm reached the tolerance.
    pub converged: bool,
    /// Out-of-fold macro-F1 at the stored threshold when the threshold came from CV.
    pub cv_macro_f1: Option<f64>,
}

/// A fitted model: featurizer, weights toward `opinion`, bias and threshold.
#[derive(Debug, Clone)]
pub struct Model {
    /// The parameters it was trained with.
    pub params: TrainParams,
    /// The fitted feature extractor.
    pub featurizer: Featurizer,
    /// One weight per feature; positive pushes toward `opinion`.
    pub weights: Vec<f64>,
    /// The intercept (logit of opinion with no features).
    pub bias: f64,
    /// Decision threshold on P(opinion).
    pub threshold: f64,
    /// Training summary.
    pub summary: TrainingSummary,
    /// The naive-Bayes score feature (the last feature) when trained with `nb_score`.
    pub nb: Option<NbScore>,
}

/// The segmenter's flags for a stand-alone sentence (training rows have no article around them).
pub fn context_of(text: &str) -> Context {
    let sents = segment::split(text);
    Context {
        in_quote: !sents.is_empty() && sents.iter().all(|s| s.in_quote),
        attributed: sents.iter().any(|s| s.attributed),
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
    }
}

/// Result of k-fold cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CvReport {
    /// Number of folds.
    pub folds: usize,
    /// Macro-F1 per fold at the fold model's threshold.
    pub macro_f1: Vec<f64>,
    /// Accuracy per fold.
    pub accuracy: Vec<f64>,
    /// Out-of-fold P(opinion) for every example, in data order.
    #[serde(skip)]
    pub oof: Vec<f64>,
}

/// Mean and sample standard deviation.
pub fn mean_sd(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let m = v.iter().sum::<f64>() / n;
    let var = if v.len() > 1 {
        v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (m, var.sqrt())
}

impl CheckedParams {
    /// The validated parameters.
    pub fn params(&self) -> &TrainParams {
        &self.0
    }

    /// Train a model on `data`.
    pub fn fit(&self, data: &Dataset) -> Result<Model> {
        self.fit_reporting(data, &|| {})
    }

    /// [`fit`](Self::fit), calling `fold_done` as each cross-validation fold of the threshold
    /// rule finishes (for a progress bar; not at all with a fixed threshold).
    pub fn fit_reporting(&self, data: &Dataset, fold_done: &(dyn Fn() + Sync)) -> Result<Model> {
        data.require_both_classes()?;
        let p = &self.0;
        let (threshold, cv_macro_f1) = match p.threshold {
            ThresholdRule::Fixed(t) => (t, None),
            ThresholdRule::Cv(k) => {
                let cv = self.cross_validate_flag(data, k, "--threshold-cv", fold_done)?;
                let truth: Vec<Label> = data.examples.iter().map(|e| e.label).collect();
                let t = metrics::best_threshold(&truth, &cv.oof);
                (t, Some(metrics::macro_f1_at(&truth, &cv.oof, t)))
            }
        };
        let mut model = self.fit_plain(data, available_threads())?;
        model.threshold = threshold;
        model.summary.cv_macro_f1 = cv_macro_f1;
        Ok(model)
    }

    /// Train with the threshold fixed at 0.5 (or the fixed rule), no CV, the solver's
    /// matrix products on `threads` threads (the model is the same for any number).
    fn fit_plain(&self, data: &Dataset, threads: usize) -> Result<Model> {
        let p = &self.0;
        let docs: Vec<(&str, Context)> = data
            .examples
            .iter()
            .map(|e| (e.text.as_str(), e.context()))
            .collect();
        let featurizer = Featurizer::fit_threads(p.features.clone(), &docs, threads)?;
        let mut rows = transform_all(&featurizer, &docs, threads);
        let labels: Vec<Label> = data.examples.iter().map(|e| e.label).collect();
        let order = balanced_order(&labels, p.balance, p.seed);
        let mut d = featurizer.dim();
        let nb = p.nb_score.map(|alpha| {
            let (start, len) = word_terms(&featurizer);
            // Training rows get out-of-inner-fold scores; the stored ratio sees every row.
            let mut scores = nb::cross_fitted_scores(&rows, &labels, start, len, alpha, p.seed);
            let mut fitted =
                NbScore::fit(rows.iter().zip(labels.iter().copied()), start, len, alpha);
            nb::standardise(&mut scores, &mut fitted);
            for (v, s) in rows.iter_mut().zip(scores) {
                if s != 0.0 {
                    v.indices.push(d as u32);
                    v.values.push(s);
                }
            }
            d += 1;
            fitted
        });
        let x = SparseMatrix::from_rows(order.iter().map(|&i| &rows[i]), d);
        let y: Vec<bool> = order.iter().map(|&i| labels[i] == Label::Opinion).collect();
        let settings = logistic::Settings {
            alpha: p.alpha,
            max_iterations: p.max_iterations,
            gradient_tolerance: p.gradient_tolerance,
            threads,
        };
        let fitted = match p.solver {
            // linfa-logistic's solver on a sparse matrix, bit for bit (see `logistic`).
            Solver::Sparse => logistic::fit(&x, &y, settings)?,
            // linfa-logistic itself on the dense matrix (see `dense`).
            Solver::Linfa => dense::fit(order.iter().map(|&i| &rows[i]), d, &y, settings)?,
        };
        // linfa makes the more frequent class positive: read which one it picked.
        let sign = if fitted.positive { 1.0 } else { -1.0 };
        let weights: Vec<f64> = fitted.weights.iter().map(|w| sign * w).collect();
        let bias = sign * fitted.intercept;
        let gradient_norm = logistic::gradient_norm(&x, &y, &weights, bias, p.alpha);
        let counts = data.counts();
        let threshold = match p.threshold {
            ThresholdRule::Fixed(t) => t,
            ThresholdRule::Cv(_) => 0.5,
        };
        Ok(Model {
            params: p.clone(),
            summary: TrainingSummary {
                sources: data.sources.clone(),
                rows_fact: counts[0],
                rows_opinion: counts[1],
                skipped_empty: data.skipped_empty,
                rows_trained: order.len(),
                features: d,
                gradient_norm,
                converged: gradient_norm <= p.gradient_tolerance * 1.01,
                cv_macro_f1: None,
            },
            featurizer,
            weights,
            bias,
            threshold,
            nb,
        })
    }

    /// Stratified k-fold cross-validation: each fold's model is trained (vocabulary included)
    /// on the other folds only. Folds run in parallel; results do not depend on scheduling.
    pub fn cross_validate(&self, data: &Dataset, k: usize) -> Result<CvReport> {
        self.cross_validate_reporting(data, k, &|| {})
    }

    /// [`cross_validate`](Self::cross_validate), calling `fold_done` (from any thread) as each
    /// fold finishes.
    pub fn cross_validate_reporting(
        &self,
        data: &Dataset,
        k: usize,
        fold_done: &(dyn Fn() + Sync),
    ) -> Result<CvReport> {
        self.cross_validate_flag(data, k, "--cv", fold_done)
    }

    /// Cross-validation whose fold count came from the option `flag` (named in errors).
    fn cross_validate_flag(
        &self,
        data: &Dataset,
        k: usize,
        flag: &'static str,
        fold_done: &(dyn Fn() + Sync),
    ) -> Result<CvReport> {
        if k < 2 || k > data.len() {
            return Err(Error::Param {
                name: flag,
                msg: format!(
                    "{k} folds for {} rows: need 2 <= k <= rows (use {flag} {})",
                    data.len(),
                    data.len().clamp(2, 10)
                ),
            });
        }
        data.require_both_classes()?;
        // Every fold trains on the other folds: each class needs a row outside any one fold.
        let counts = data.counts();
        if let Some(l) = Label::ALL.into_iter().find(|l| counts[l.index()] < 2) {
            return Err(Error::Data {
                path: data.sources.join(", "),
                msg: format!(
                    "{flag} {k}: cross-validation needs at least 2 `{l}` rows (found {}), so that every fold trains on both classes; add `{l}` rows or drop {flag}",
                    counts[l.index()]
                ),
            });
        }
        // `--cv` scores each fold on its own: a fold without one of the classes (with more
        // folds than rows of a class, the stratified split leaves some folds without it, or
        // empty) would count that class's F1, or the whole fold, as 0.
        let smallest = Label::ALL
            .into_iter()
            .min_by_key(|l| counts[l.index()])
            .expect("two labels");
        if flag == "--cv" && k > counts[smallest.index()] {
            return Err(Error::Param {
                name: flag,
                msg: format!(
                    "{k} folds but {} `{smallest}` rows: every fold must hold both classes; use {flag} {} or fewer",
                    counts[smallest.index()],
                    counts[smallest.index()]
                ),
            });
        }
        let labels: Vec<Label> = data.examples.iter().map(|e| e.label).collect();
        let fold = stratified_folds(&labels, k, self.0.seed);
        let mut inner = self.0.clone();
        if let ThresholdRule::Cv(_) = inner.threshold {
            inner.threshold = ThresholdRule::Fixed(0.5);
        }
        let inner = CheckedParams(inner);
        let threads = available_threads().min(k);
        // Threads left over for each fold's solver.
        let inner_threads = (available_threads() / threads).max(1);
        let results: Vec<Result<FoldPredictions>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (inner, fold, data) = (&inner, &fold, data);
                    s.spawn(move || {
                        let mut out = Vec::new();
                        for f in (t..k).step_by(threads) {
                            let train = subset(data, |i| fold[i] != f);
                            let model = match inner.fit_plain(&train, inner_threads) {
                                Ok(m) => m,
                                Err(e) => {
                                    out.push(Err(e));
                                    continue;
                                }
                            };
                            let preds = (0..data.len())
                                .filter(|&i| fold[i] == f)
                                .map(|i| {
                                    let e = &data.examples[i];
                                    (i, model.p_with_context(&e.text, e.context()))
                                })
                                .collect();
                            out.push(Ok((f, preds)));
                            fold_done();
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join().unwrap_or_else(|_| {
                        vec![Err(Error::Train(
                            "a cross-validation thread panicked".into(),
                        ))]
                    })
                })
                .collect()
        });
        let mut oof = vec![0.0; data.len()];
        let mut per_fold = vec![Vec::new(); k];
        for r in results {
            let (f, preds) = r?;
            per_fold[f] = preds;
        }
        let mut macro_f1 = Vec::with_capacity(k);
        let mut accuracy = Vec::with_capacity(k);
        for preds in &per_fold {
            let truth: Vec<Label> = preds.iter().map(|(i, _)| labels[*i]).collect();
            let p: Vec<f64> = preds.iter().map(|(_, p)| *p).collect();
            let t = match self.0.threshold {
                ThresholdRule::Fixed(t) => t,
                ThresholdRule::Cv(_) => 0.5,
            };
            let c = metrics::Confusion::from_pairs(&truth, &metrics::predict(&p, t));
            macro_f1.push(c.macro_f1());
            accuracy.push(c.accuracy());
            for (i, p) in preds {
                oof[*i] = *p;
            }
        }
        Ok(CvReport {
            folds: k,
            macro_f1,
            accuracy,
            oof,
        })
    }
}

/// Every sentence's feature vector, in order, transformed on up to `threads` threads
/// (contiguous runs of sentences; each vector is computed alone, so the same for any number).
fn transform_all(f: &Featurizer, docs: &[(&str, Context)], threads: usize) -> Vec<SparseVec> {
    crate::pipeline::map_parts(docs, threads, 1000, |part| {
        part.iter()
            .map(|(t, c)| f.transform(t, *c))
            .collect::<Vec<_>>()
    })
    .concat()
}

/// The number of threads to use (the available parallelism).
fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// One fold's out-of-fold predictions: the fold and `(row, P(opinion))` pairs.
type FoldPredictions = (usize, Vec<(usize, f64)>);

fn subset(data: &Dataset, keep: impl Fn(usize) -> bool) -> Dataset {
    fn kept<T: Clone>(v: &[T], keep: &impl Fn(usize) -> bool) -> Vec<T> {
        (v.iter().enumerate())
            .filter(|(i, _)| keep(*i))
            .map(|(_, x)| x.clone())
            .collect()
    }
    Dataset {
        examples: kept(&data.examples, &keep),
        skipped_empty: 0,
        sources: data.sources.clone(),
        origins: kept(&data.origins, &keep),
        // The examples keep the contexts of their whole articles.
        ..Dataset::default()
    }
}

/// Row order for training: every row once, then (with oversampling) seeded repeats of the
/// minority class until both classes are equal.
fn balanced_order(labels: &[Label], balance: Balance, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    if balance == Balance::Oversample {
        let mut by_class = [Vec::new(), Vec::new()];
        for (i, l) in labels.iter().enumerate() {
            by_class[l.index()].push(i);
        }
        let (small, big) = if by_class[0].len() < by_class[1].len() {
            (&by_class[0], &by_class[1])
        } else {
            (&by_class[1], &by_class[0])
        };
        let mut rng = Rng::new(seed);
        let mut need = big.len() - small.len();
        while need > 0 && !small.is_empty() {
            let mut pool = small.clone();
            rng.shuffle(&mut pool);
            let take = need.min(pool.len());
            order.extend_from_slice(&pool[..take]);
            need -= take;
        }
    }
    order
}

/// The word n-gram block of a featurizer's vocabulary: first index and length.
pub fn word_terms(f: &Featurizer) -> (u32, usize) {
    let terms = &f.vocabulary().terms;
    let start = terms.partition_point(|t| t.starts_with(crate::features::CHAR_PREFIX));
    (start as u32, terms.len() - start)
}

impl Model {
    /// The sentence vector the weights apply to: the featurizer's, plus the naive-Bayes score
    /// feature when the model has one.
    pub fn vector(&self, text: &str, ctx: Context) -> SparseVec {
        let v = self.featurizer.transform(text, ctx);
        match &self.nb {
            Some(nb) => nb.append(v, self.featurizer.dim() as u32),
            None => v,
        }
    }

    /// Number of features (one weight each).
    pub fn dim(&self) -> usize {
        self.featurizer.dim() + usize::from(self.nb.is_some())
    }

    /// The name of feature `i`.
    pub fn feature_name(&self, i: usize) -> &str {
        if i < self.featurizer.dim() {
            self.featurizer.feature_name(i)
        } else {
            nb::FEATURE_NAME
        }
    }

    /// Logit of opinion for a sparse vector.
    pub fn logit(&self, v: &SparseVec) -> f64 {
        v.dot(&self.weights) + self.bias
    }

    /// P(opinion) for a sparse vector.
    pub fn p_sparse(&self, v: &SparseVec) -> f64 {
        sigmoid(self.logit(v))
    }

    /// P(opinion) for a stand-alone sentence (context from the segmenter on the sentence).
    pub fn p_opinion(&self, text: &str) -> f64 {
        self.p_with_context(text, context_of(text))
    }

    /// P(opinion) for a sentence with known article context.
    pub fn p_with_context(&self, text: &str, ctx: Context) -> f64 {
        // `self.logit(&self.vector(text, ctx))` bit for bit, without storing the vector: the
        // naive-Bayes score (the last feature) comes from the indices of the terms present.
        let z = match &self.nb {
            None => self.featurizer.transform_dot(text, ctx, &self.weights),
            Some(nb) => {
                let w = self.weights[self.featurizer.dim()];
                self.featurizer
                    .transform_dot_and(text, ctx, &self.weights, |indices| {
                        let s = nb.score_indices(indices);
                        (s != 0.0).then(|| w * f64::from(s))
                    })
            }
        };
        sigmoid(z + self.bias)
    }

    /// The label at the model's threshold (or an override).
    pub fn label(&self, p_opinion: f64, threshold: Option<f64>) -> Label {
        if p_opinion >= threshold.unwrap_or(self.threshold) {
            Label::Opinion
        } else {
            Label::Fact
        }
    }

    /// Per-feature contributions (weight × value) to the logit, largest magnitude first.
    pub fn contributions(&self, v: &SparseVec) -> Vec<(usize, f64)> {
        let mut c: Vec<(usize, f64)> = v
            .iter()
            .map(|(i, x)| (i, self.weights[i] * f64::from(x)))
            .filter(|(_, c)| *c != 0.0)
            .collect();
        c.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Example;
    use linfa::traits::{Fit, Predict};
    use linfa_logistic::LogisticRegression;
    use ndarray::{Array1, Array2};

    fn toy() -> Dataset {
        let fact = [
            "The council voted on Tuesday to approve the budget.",
            "Officials said the bridge will reopen in March.",
            "The company reported revenue of 3 million dollars.",
            "The minister announced the plan at a press conference.",
            "Police arrested two men on Friday night.",
            "The report was published by the agency last week.",
        ];
        let opinion = [
            "This is a shameful and reckless decision.",
            "We should stop pretending this plan works.",
            "Frankly, the whole idea is absurd.",
            "It is time for the council to admit its failure.",
        ];
        let mut examples = Vec::new();
        for t in fact {
            examples.push(Example::new(t, Label::Fact));
        }
        for t in opinion {
            examples.push(Example::new(t, Label::Opinion));
        }
        Dataset {
            examples,
            sources: vec!["toy".into()],
            ..Dataset::default()
        }
    }

    fn params() -> TrainParams {
        TrainParams {
            features: FeatureConfig {
                min_df: 1,
                ..FeatureConfig::default()
            },
            alpha: 0.1,
            ..TrainParams::default()
        }
    }

    #[test]
    fn learns_toy_data_and_converges() {
        let m = params().check().unwrap().fit(&toy()).unwrap();
        assert!(m.summary.converged, "{:?}", m.summary);
        for e in &toy().examples {
            assert_eq!(m.label(m.p_opinion(&e.text), None), e.label, "{}", e.text);
        }
    }

    #[test]
    fn sparse_scoring_matches_linfa_probabilities() {
        let data = toy();
        // The featurizer's rows only: the naive-Bayes score is not among them.
        let plain = TrainParams {
            nb_score: None,
            ..params()
        };
        let m = plain.check().unwrap().fit(&data).unwrap();
        // Rebuild the dense matrix and ask linfa directly, with both class orders.
        let d = m.featurizer.dim();
        let rows: Vec<SparseVec> = data
            .examples
            .iter()
            .map(|e| m.featurizer.transform(&e.text, context_of(&e.text)))
            .collect();
        let mut x = Array2::<f64>::zeros((rows.len(), d));
        for (r, v) in rows.iter().enumerate() {
            for (j, val) in v.iter() {
                x[[r, j]] = f64::from(val);
            }
        }
        let y: Array1<bool> = data
            .examples
            .iter()
            .map(|e| e.label == Label::Opinion)
            .collect();
        let order = balanced_order(
            &data.examples.iter().map(|e| e.label).collect::<Vec<_>>(),
            Balance::Oversample,
            42,
        );
        let xb = x.select(ndarray::Axis(0), &order);
        let yb = y.select(ndarray::Axis(0), &order);
        let fitted = LogisticRegression::default()
            .alpha(0.1)
            .max_iterations(1000)
            .gradient_tolerance(1e-4)
            .fit(&linfa::Dataset::new(xb, yb))
            .unwrap();
        let probs = fitted.predict_probabilities(&x);
        let pos_is_opinion = fitted.labels().pos.class;
        let preds = fitted.predict(&x);
        for (r, v) in rows.iter().enumerate() {
            let linfa_p = if pos_is_opinion {
                probs[r]
            } else {
                1.0 - probs[r]
            };
            assert!((linfa_p - m.p_sparse(v)).abs() < 1e-9);
            assert_eq!(preds[r], m.p_sparse(v) >= 0.5);
        }
    }

    #[test]
    fn linfa_solver_gives_the_sparse_solvers_weights() {
        let data = toy();
        let sparse = params().check().unwrap().fit(&data).unwrap();
        let dense = TrainParams {
            solver: Solver::Linfa,
            ..params()
        }
        .check()
        .unwrap()
        .fit(&data)
        .unwrap();
        assert_eq!(dense.params.solver, Solver::Linfa);
        assert_eq!(sparse.weights, dense.weights);
        assert_eq!(sparse.bias, dense.bias);
    }

    #[test]
    fn solver_is_settable_and_only_stored_when_not_default() {
        let mut p = TrainParams::default();
        p.set("solver", "linfa").unwrap();
        assert_eq!(p.solver, Solver::Linfa);
        assert!(serde_json::to_string(&p)
            .unwrap()
            .contains(r#""solver":"linfa""#));
        assert!(p.set("solver", "dense").is_err());
        p.set("solver", "sparse").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert!(!json.contains("solver"), "{json}");
        let back: TrainParams = serde_json::from_str(&json).unwrap();
        assert_eq!(back.solver, Solver::Sparse);
    }

    #[test]
    fn oversampling_balances_and_is_seeded() {
        let labels = [Label::Fact, Label::Fact, Label::Fact, Label::Opinion];
        let o = balanced_order(&labels, Balance::Oversample, 1);
        assert_eq!(o.len(), 6);
        assert_eq!(o.iter().filter(|&&i| i == 3).count(), 3);
        assert_eq!(balanced_order(&labels, Balance::None, 1), vec![0, 1, 2, 3]);
    }

    #[test]
    fn set_parses_every_settable_key() {
        let mut p = TrainParams::default();
        for (k, v) in [
            ("alpha", "0.25"),
            ("word-ngrams", "1-3"),
            ("char-ngrams", "2-5"),
            ("min-df", "3"),
            ("max-features", "500"),
            ("mask-min-words", "4"),
            ("mask-quotes", "false"),
            ("cues", "off"),
            ("tf", "binary"),
            ("idf", "no"),
            ("balance", "none"),
            ("nb-score", "0.5"),
        ] {
            p.set(k, v).unwrap();
        }
        assert_eq!(p.alpha, 0.25);
        assert_eq!(p.features.word_ngrams, [1, 3]);
        assert_eq!(p.features.char_ngrams, [2, 5]);
        assert_eq!((p.features.min_df, p.features.max_features), (3, 500));
        assert_eq!(p.features.mask_min_words, 4);
        assert!(!p.features.mask_quotes && !p.features.cues && !p.features.idf);
        assert!(p.features.binary && !p.features.sublinear_tf);
        assert_eq!(p.balance, Balance::None);
        assert_eq!(p.nb_score, Some(0.5));
        p.set("nb-score", "off").unwrap();
        assert_eq!(p.nb_score, None);
        assert!(p.set("nb-score", "much").is_err());
        let e = p.set("gamma", "1").unwrap_err().to_string();
        assert!(
            e.contains("unknown hyperparameter") && e.contains("alpha"),
            "{e}"
        );
        assert!(p.set("alpha", "x").is_err());
    }

    #[test]
    fn check_rejects_bad_hyperparameters() {
        let bad = TrainParams {
            alpha: -1.0,
            ..TrainParams::default()
        };
        assert!(bad.check().unwrap_err().to_string().contains("--alpha"));
        let bad = TrainParams {
            threshold: ThresholdRule::Fixed(1.5),
            ..TrainParams::default()
        };
        assert!(bad.check().unwrap_err().to_string().contains("--threshold"));
        for a in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e300] {
            let bad = TrainParams {
                nb_score: Some(a),
                ..TrainParams::default()
            };
            assert!(bad.check().unwrap_err().to_string().contains("--nb-score"));
        }
    }

    /// The shipped model has the naive-Bayes score: its copy-free scoring path gives the bits
    /// of its explicit vectors' logits on hundreds of sentences written for the project.
    #[test]
    fn the_default_model_scores_without_vectors_bit_for_bit() {
        let m = crate::persist::default_model().unwrap();
        assert!(m.nb.is_some());
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/datasets/attribution-challenge-2.csv"
        );
        let data = Dataset::load(path.as_ref(), &Default::default()).unwrap();
        assert!(data.len() > 200);
        for e in &data.examples {
            for ctx in [context_of(&e.text), Context::default()] {
                let want = m.p_sparse(&m.vector(&e.text, ctx));
                assert_eq!(
                    m.p_with_context(&e.text, ctx).to_bits(),
                    want.to_bits(),
                    "{}",
                    e.text
                );
            }
        }
    }

    /// Scraped text: `&amp;` and `&nbsp;` inside a sentence (named, decimal and hex, in any
    /// case) give the features of the characters they stand for (`A&amp;E` reads as `A&E`).
    #[test]
    fn ampersand_and_no_break_space_entities_score_as_their_characters() {
        let m = crate::persist::default_model().unwrap();
        assert_scores_as_plain(
            &m,
            &[
                (
                    "Waits at A&amp;E grew again, a shameful record.",
                    "Waits at A&E grew again, a shameful record.",
                ),
                (
                    "Waits at A&#38;E and A&#038;E and A&#x26;E and A&AMP;E grew.",
                    "Waits at A&E and A&E and A&E and A&E grew.",
                ),
                (
                    "The fund lost 4m&nbsp;pounds, which is simply absurd.",
                    "The fund lost 4m\u{a0}pounds, which is simply absurd.",
                ),
                (
                    "It lost 4m&#160;pounds, 5m&#xA0;euros and 6m&NBSP;dollars.",
                    "It lost 4m\u{a0}pounds, 5m\u{a0}euros and 6m\u{a0}dollars.",
                ),
                (
                    "&quot;Rock &amp; roll is dead,&quot; he said.",
                    "\"Rock & roll is dead,\" he said.",
                ),
            ],
        );
    }

    /// Each scraped text (`(scraped, plain)`) gives the plain text's features and, bit for bit,
    /// its probability.
    fn assert_scores_as_plain(m: &Model, pairs: &[(&str, &str)]) {
        for &(scraped, plain) in pairs {
            assert_eq!(
                m.vector(scraped, context_of(scraped)),
                m.vector(plain, context_of(plain)),
                "{scraped}"
            );
            assert_eq!(
                m.p_opinion(scraped).to_bits(),
                m.p_opinion(plain).to_bits(),
                "{scraped}"
            );
        }
    }

    /// Scraped text: the named entities of news copy (`&mdash;`, `&pound;`, `&eacute;`, …, and
    /// their numbers) give the features of the characters they stand for, and the quotation
    /// marks' entities those of the marks.
    #[test]
    fn named_entities_score_as_their_characters() {
        let m = crate::persist::default_model().unwrap();
        assert_scores_as_plain(&m, &[
            (
                "The caf&eacute; closed &mdash; a shameful end &ndash; after 40 years.",
                "The café closed — a shameful end – after 40 years.",
            ),
            (
                "Fares rise to &pound;4 and &euro;5, which is simply absurd&hellip;",
                "Fares rise to £4 and €5, which is simply absurd…",
            ),
            (
                "&ldquo;It&rsquo;s a disgrace &#8212; truly,&rdquo; she said of the &lt;plan&gt;.",
                "“It’s a disgrace — truly,” she said of the <plan>.",
            ),
            (
                "&copy; 2026 Norland Press &bull; All rights reserved &#169;",
                "© 2026 Norland Press • All rights reserved ©",
            ),
        ]);
    }

    #[test]
    fn nb_score_is_the_last_feature_and_round_trips() {
        let p = TrainParams {
            nb_score: Some(0.5),
            ..params()
        };
        let m = p.check().unwrap().fit(&toy()).unwrap();
        assert!(m.nb.is_some());
        let d = m.featurizer.dim();
        assert_eq!((m.dim(), m.weights.len()), (d + 1, d + 1));
        assert_eq!(m.feature_name(d), nb::FEATURE_NAME);
        let text = "This is a shameful and reckless decision.";
        let v = m.vector(text, context_of(text));
        assert_eq!(v.indices.last(), Some(&(d as u32)));
        assert!(
            *v.values.last().unwrap() > 0.0,
            "an opinion row scores toward opinion"
        );
        // The model file carries the ratio: the reloaded model scores identically.
        let back = crate::persist::from_bytes(&crate::persist::to_bytes(&m), "m").unwrap();
        assert_eq!(back.nb, m.nb);
        assert_eq!(back.p_opinion(text), m.p_opinion(text));
        // The copy-free scoring path gives the bits of the explicit vector's.
        assert_eq!(m.p_opinion(text), m.p_sparse(&v));
        for e in &toy().examples {
            assert_eq!(m.label(m.p_opinion(&e.text), None), e.label, "{}", e.text);
        }
    }

    #[test]
    fn cross_validation_gives_oof_for_every_row() {
        let cv = params().check().unwrap().cross_validate(&toy(), 2).unwrap();
        assert_eq!(cv.oof.len(), 10);
        assert_eq!(cv.macro_f1.len(), 2);
        assert!(cv.oof.iter().all(|p| (0.0..=1.0).contains(p)));
    }
}
