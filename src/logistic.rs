//! L2-regularised logistic regression on a sparse matrix: linfa-logistic's computation, bit for bit.
//!
//! linfa-logistic fits on a dense matrix. With a vocabulary of 20 000 n-grams and 10 000 rows
//! that is 1.6 GB of `f64`, and every L-BFGS step reads all of it, although a sentence has a few
//! dozen non-zero features. This module runs **the same solver** — argmin's L-BFGS with memory
//! 10 and the Moré–Thuente line search, linfa's objective (sum of log-losses plus
//! `alpha/2·|w|²`, intercept unpenalised), its gradient, initial point, stopping rule and
//! class-label convention — on a compressed sparse matrix, and it performs the floating-point
//! operations of the two matrix products **in the order linfa's dense products perform them**:
//!
//! * `X·w` (linfa calls ndarray's matrix product, which is matrixmultiply's `dgemm`): per row,
//!   a chain of multiply-adds in column order inside blocks of 256 columns, starting from zero,
//!   and the block sums added in order. The multiply-add is fused when matrixmultiply's FMA
//!   kernel runs (x86-64 with `fma` and `avx2`, or aarch64), separate otherwise.
//! * `Xᵀ·r` (ndarray's 1-D dot of each column with `r`): eight interleaved partial sums,
//!   combined as `(p0+p4) + (p1+p5) + (p2+p6) + (p3+p7)`, then the tail.
//!
//! A zero entry adds an exact zero to these sums, so skipping it changes no bit: the fitted
//! weights are those linfa-logistic returns on the dense matrix (the tests compare them with
//! linfa itself), at a cost proportional to the non-zeros. Everything else (the vector algebra
//! of the objective and of L-BFGS) is the same ndarray and argmin code linfa uses.

use crate::error::{Error, Result};
use crate::features::SparseVec;
use argmin::core::{CostFunction, Executor, Gradient};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use argmin_math::{
    ArgminAdd, ArgminDot, ArgminL1Norm, ArgminL2Norm, ArgminMinMax, ArgminMul, ArgminSignum,
    ArgminSub, ArgminZeroLike,
};
use ndarray::{s, Array1, ArrayView1, Zip};
use std::sync::Mutex;

/// Columns per block of matrixmultiply's `dgemm` (its `KC` for `f64`).
const GEMM_KC: usize = 256;

/// A sparse matrix stored both by rows and by columns, with `f32` values (the feature values
/// are `f32`; widening to `f64` is exact, so this changes no result).
#[derive(Debug, Clone, Default)]
pub struct SparseMatrix {
    n_rows: usize,
    n_cols: usize,
    row_ptr: Vec<usize>,
    row_cols: Vec<u32>,
    row_vals: Vec<f32>,
    col_ptr: Vec<usize>,
    col_rows: Vec<u32>,
    col_vals: Vec<f32>,
    /// The entries again, laid out for `X·w` (see [`GemmChunk`]).
    gemm: Vec<GemmChunk>,
}

/// Row chunks of the `X·w` layout (the unit of parallel work).
const GEMM_CHUNKS: usize = 16;

/// The entries of a run of rows in the order `X·w` consumes them: by block of [`GEMM_KC`]
/// columns, then by position `p` inside the row's part of the block, then by row. All
/// entries of one *group* (a block and a position) belong to different rows, so the CPU can
/// run their multiply-adds in parallel, while each row still sees its entries in column
/// order: the same operations, one at a time per row, as a row-by-row loop, without its
/// unpredictable branch at every block boundary.
#[derive(Debug, Clone, Default)]
struct GemmChunk {
    first_row: usize,
    n_rows: usize,
    /// Row (relative to `first_row`), column and value of each entry.
    rows: Vec<u32>,
    cols: Vec<u32>,
    vals: Vec<f32>,
    /// Group `g` is `group_ptr[g]..group_ptr[g + 1]`.
    group_ptr: Vec<usize>,
    /// The groups of the `b`-th non-empty block are `block_groups[b]..block_groups[b + 1]`.
    block_groups: Vec<usize>,
}

impl GemmChunk {
    fn new(m: &SparseMatrix, first_row: usize, end_row: usize) -> GemmChunk {
        let n_blocks = m.n_cols.div_ceil(GEMM_KC);
        let entries = m.row_ptr[first_row]..m.row_ptr[end_row];
        // (block, position) of every entry, rows in order.
        let mut keyed: Vec<(u32, u32)> = Vec::with_capacity(entries.len());
        let mut per_block = vec![0usize; n_blocks + 1];
        for i in first_row..end_row {
            let mut prev = u32::MAX;
            let mut p = 0;
            for &j in &m.row_cols[m.row_ptr[i]..m.row_ptr[i + 1]] {
                let b = j / GEMM_KC as u32;
                p = if b == prev { p + 1 } else { 0 };
                prev = b;
                keyed.push((b, p));
                per_block[b as usize + 1] += 1;
            }
        }
        for b in 0..n_blocks {
            per_block[b + 1] += per_block[b];
        }
        // Counting sort by block (stable: rows stay in order), then by position.
        let mut by_block = vec![0usize; entries.len()];
        let mut next = per_block.clone();
        for (k, &(b, _)) in keyed.iter().enumerate() {
            by_block[next[b as usize]] = k;
            next[b as usize] += 1;
        }
        let mut c = GemmChunk {
            first_row,
            n_rows: end_row - first_row,
            group_ptr: vec![0],
            block_groups: vec![0],
            ..GemmChunk::default()
        };
        let row_of: Vec<u32> = (first_row..end_row)
            .flat_map(|i| {
                std::iter::repeat_n((i - first_row) as u32, m.row_ptr[i + 1] - m.row_ptr[i])
            })
            .collect();
        for b in 0..n_blocks {
            let bucket = &by_block[per_block[b]..per_block[b + 1]];
            if bucket.is_empty() {
                continue;
            }
            let depth = bucket.iter().map(|&k| keyed[k].1).max().unwrap_or(0) as usize + 1;
            let mut per_pos = vec![0usize; depth + 1];
            for &k in bucket {
                per_pos[keyed[k].1 as usize + 1] += 1;
            }
            for p in 0..depth {
                per_pos[p + 1] += per_pos[p];
            }
            let base = c.rows.len();
            c.rows.resize(base + bucket.len(), 0);
            c.cols.resize(base + bucket.len(), 0);
            c.vals.resize(base + bucket.len(), 0.0);
            let mut next = per_pos.clone();
            for &k in bucket {
                let at = base + next[keyed[k].1 as usize];
                next[keyed[k].1 as usize] += 1;
                let e = entries.start + k;
                c.rows[at] = row_of[k];
                c.cols[at] = m.row_cols[e];
                c.vals[at] = m.row_vals[e];
            }
            c.group_ptr
                .extend(per_pos[1..].iter().map(|&end| base + end));
            c.block_groups.push(c.group_ptr.len() - 1);
        }
        c
    }

    /// This chunk's rows of `X·w` into `out` (zeros on entry), `acc` a scratch buffer.
    #[inline(always)]
    fn run(&self, fused: bool, w: &[f64], out: &mut [f64], acc: &mut Vec<f64>) {
        acc.clear();
        acc.resize(self.n_rows, 0.0);
        for blk in self.block_groups.windows(2) {
            for (g, gp) in (blk[0]..blk[1]).zip(self.group_ptr[blk[0]..].windows(2)) {
                let e = gp[0]..gp[1];
                let rows = &self.rows[e.clone()];
                let cols = &self.cols[e.clone()];
                let vals = &self.vals[e];
                let first = g == blk[0];
                for ((&r, &j), &v) in rows.iter().zip(cols).zip(vals) {
                    let r = r as usize;
                    // Every row of the block starts its sum from zero at position 0.
                    let ab = if first { 0.0 } else { acc[r] };
                    let (v, x) = (f64::from(v), w[j as usize]);
                    acc[r] = if fused { v.mul_add(x, ab) } else { ab + v * x };
                }
            }
            // Position 0 lists every row with entries in this block.
            let e = self.group_ptr[blk[0]]..self.group_ptr[blk[0] + 1];
            for &r in &self.rows[e] {
                out[r as usize] += acc[r as usize];
            }
        }
    }
}

impl SparseMatrix {
    /// A matrix with `n_cols` columns whose rows are `rows` (indices strictly increasing).
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = &'a SparseVec>, n_cols: usize) -> Self {
        let mut m = SparseMatrix {
            n_cols,
            row_ptr: vec![0],
            ..SparseMatrix::default()
        };
        for r in rows {
            debug_assert!(r.indices.windows(2).all(|w| w[0] < w[1]));
            for (&j, &v) in r.indices.iter().zip(&r.values) {
                if v != 0.0 {
                    m.row_cols.push(j);
                    m.row_vals.push(v);
                }
            }
            m.row_ptr.push(m.row_cols.len());
        }
        m.n_rows = m.row_ptr.len() - 1;
        let mut counts = vec![0usize; n_cols + 1];
        for &j in &m.row_cols {
            counts[j as usize + 1] += 1;
        }
        for j in 0..n_cols {
            counts[j + 1] += counts[j];
        }
        m.col_ptr = counts.clone();
        m.col_rows = vec![0; m.row_cols.len()];
        m.col_vals = vec![0.0; m.row_cols.len()];
        for i in 0..m.n_rows {
            for k in m.row_ptr[i]..m.row_ptr[i + 1] {
                let j = m.row_cols[k] as usize;
                m.col_rows[counts[j]] = i as u32;
                m.col_vals[counts[j]] = m.row_vals[k];
                counts[j] += 1;
            }
        }
        let chunks = GEMM_CHUNKS.min(m.n_rows).max(1);
        let mut start = 0;
        for t in 1..=chunks {
            let end = if t == chunks {
                m.n_rows
            } else {
                m.row_ptr
                    .partition_point(|&p| p < m.nnz() * t / chunks)
                    .clamp(start, m.n_rows)
            };
            if end > start || m.n_rows == 0 {
                m.gemm.push(GemmChunk::new(&m, start, end));
            }
            start = end;
        }
        m
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// Number of stored (non-zero) entries.
    pub fn nnz(&self) -> usize {
        self.row_cols.len()
    }

    fn row(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.row_ptr[i]..self.row_ptr[i + 1];
        self.row_cols[r.clone()]
            .iter()
            .zip(&self.row_vals[r])
            .map(|(&j, &v)| (j as usize, f64::from(v)))
    }

    /// `X·w` as ndarray's matrix product (matrixmultiply's `dgemm`) computes it on the dense
    /// matrix: see the module documentation. Per row, each block of `GEMM_KC` columns is
    /// summed from zero (fused multiply-adds when `dgemm`'s kernel fuses) and the block sums
    /// are added in order to a sum starting at `+0`. The kernel's `α·ab + 0` only turns a
    /// `-0` block sum into `+0`, and an empty block adds `+0`: neither changes a sum that is
    /// never `-0` (a rounded-to-nearest sum is `-0` only when both terms are), so both are
    /// left out.
    pub fn dot_gemm(&self, w: ArrayView1<'_, f64>) -> Array1<f64> {
        self.dot_gemm_threads(w, 1)
    }

    /// [`dot_gemm`](Self::dot_gemm) on up to `threads` threads, each taking a contiguous run
    /// of rows. Every row is computed exactly as on one thread, so the result does not
    /// depend on `threads`.
    pub fn dot_gemm_threads(&self, w: ArrayView1<'_, f64>, threads: usize) -> Array1<f64> {
        let owned;
        let w = match w.as_slice() {
            Some(w) => w,
            None => {
                owned = w.to_vec();
                &owned
            }
        };
        let mut z = Array1::zeros(self.n_rows);
        let out = z.as_slice_mut().expect("fresh array is contiguous");
        let fused = gemm_fuses();
        let threads = if self.nnz() < PARALLEL_MIN_NNZ {
            1
        } else {
            threads.clamp(1, self.gemm.len().max(1))
        };
        // Thread t takes chunks t·K/T.. (t+1)·K/T (the chunks hold about equal entries).
        let k = self.gemm.len();
        let work = |chunks: &[GemmChunk], out: &mut [f64]| {
            let mut acc = Vec::new();
            let first = chunks.first().map_or(0, |c| c.first_row);
            for c in chunks {
                let o = &mut out[c.first_row - first..][..c.n_rows];
                #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
                if fused {
                    // SAFETY: the CPU supports `fma` (checked by `gemm_fuses`).
                    unsafe { gemm_chunk_fma(c, w, o, &mut acc) };
                    continue;
                }
                c.run(fused, w, o, &mut acc);
            }
        };
        if threads == 1 {
            work(&self.gemm, out);
            return z;
        }
        std::thread::scope(|s| {
            let mut rest = out;
            for t in 0..threads {
                let chunks = &self.gemm[t * k / threads..(t + 1) * k / threads];
                let n: usize = chunks.iter().map(|c| c.n_rows).sum();
                let (mine, tail) = rest.split_at_mut(n);
                rest = tail;
                let work = &work;
                if t + 1 == threads {
                    work(chunks, mine);
                } else {
                    s.spawn(move || work(chunks, mine));
                }
            }
        });
        z
    }

    /// `X·w` as ndarray's matrix-vector product computes it on a column-major dense matrix
    /// (a plain left-to-right sum per row).
    pub fn dot_seq(&self, w: ArrayView1<'_, f64>) -> Array1<f64> {
        (0..self.n_rows)
            .map(|i| self.row(i).fold(0.0, |acc, (j, v)| acc + v * w[j]))
            .collect()
    }

    /// `Xᵀ·r` as ndarray computes it on the dense matrix (each column dotted with `r` by its
    /// eight-way unrolled dot product).
    pub fn t_dot(&self, r: &Array1<f64>) -> Array1<f64> {
        self.t_dot_threads(r, 1)
    }

    /// [`t_dot`](Self::t_dot) on up to `threads` threads, each taking a contiguous run of
    /// columns; the result does not depend on `threads`.
    pub fn t_dot_threads(&self, r: &Array1<f64>, threads: usize) -> Array1<f64> {
        let n = self.n_rows;
        let n8 = n - n % 8;
        let mut g = Array1::zeros(self.n_cols);
        let out = g.as_slice_mut().expect("fresh array is contiguous");
        split_work(out, &self.col_ptr, threads, |first, out| {
            for (j, gj) in (first..).zip(out.iter_mut()) {
                let range = self.col_ptr[j]..self.col_ptr[j + 1];
                let rows = &self.col_rows[range.clone()];
                let vals = &self.col_vals[range];
                let mut p = [0.0f64; 8];
                let mut k = 0;
                while k < rows.len() && (rows[k] as usize) < n8 {
                    let i = rows[k] as usize;
                    p[i % 8] += f64::from(vals[k]) * r[i];
                    k += 1;
                }
                let mut sum = 0.0;
                sum += p[0] + p[4];
                sum += p[1] + p[5];
                sum += p[2] + p[6];
                sum += p[3] + p[7];
                for (&i, &v) in rows[k..].iter().zip(&vals[k..]) {
                    sum += f64::from(v) * r[i as usize];
                }
                *gj = sum;
            }
        });
        g
    }
}

/// Below this many stored entries a product runs on one thread (spawning costs more); unit
/// tests split even tiny matrices.
const PARALLEL_MIN_NNZ: usize = if cfg!(test) { 1 } else { 200_000 };

/// Fill `out` (one value per row or column, `ptr` its CSR/CSC offsets) by calling
/// `work(first, chunk)` on contiguous chunks, one per thread, with about equal numbers of
/// stored entries. Each output element is computed by one call on its own, so the chunking
/// changes no result.
fn split_work(
    out: &mut [f64],
    ptr: &[usize],
    threads: usize,
    work: impl Fn(usize, &mut [f64]) + Sync,
) {
    let nnz = ptr[out.len()];
    let threads = threads.min(out.len()).max(1);
    if threads == 1 || nnz < PARALLEL_MIN_NNZ {
        work(0, out);
        return;
    }
    std::thread::scope(|s| {
        let mut rest = out;
        let mut first = 0;
        for t in 1..=threads {
            let end = if t == threads {
                first + rest.len()
            } else {
                let target = nnz * t / threads;
                ptr.partition_point(|&p| p < target)
                    .clamp(first, first + rest.len())
            };
            let (chunk, tail) = rest.split_at_mut(end - first);
            rest = tail;
            let (work, start) = (&work, first);
            if t == threads {
                work(start, chunk);
            } else {
                s.spawn(move || work(start, chunk));
            }
            first = end;
        }
    });
}

/// [`GemmChunk::run`] compiled with `fma` enabled, so that `mul_add` is one instruction, not
/// a libm call.
#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
#[target_feature(enable = "fma")]
unsafe fn gemm_chunk_fma(c: &GemmChunk, w: &[f64], out: &mut [f64], acc: &mut Vec<f64>) {
    c.run(true, w, out, acc);
}

/// Whether matrixmultiply's `dgemm` uses its fused multiply-add kernel on this CPU.
fn gemm_fuses() -> bool {
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    {
        std::arch::is_x86_feature_detected!("fma") && std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(target_arch = "aarch64")]
    {
        true
    }
    #[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")))]
    {
        false
    }
}

/// A fitted binary logistic regression, in linfa's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// Weights toward the positive class.
    pub weights: Vec<f64>,
    /// Intercept toward the positive class.
    pub intercept: f64,
    /// The label linfa makes positive: the more frequent one (on a tie, the first seen).
    pub positive: bool,
}

/// Solver settings (linfa's `alpha`, `max_iterations`, `gradient_tolerance`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// L2 strength.
    pub alpha: f64,
    /// L-BFGS iteration limit.
    pub max_iterations: u64,
    /// Gradient-norm tolerance.
    pub gradient_tolerance: f64,
    /// Threads for the matrix products (the result is the same for any number).
    pub threads: usize,
}

/// Fit on rows `x` with boolean targets `y`, exactly as
/// `linfa_logistic::LogisticRegression::default().alpha(..).max_iterations(..)
/// .gradient_tolerance(..).fit(..)` on the dense matrix.
pub fn fit(x: &SparseMatrix, y: &[bool], settings: Settings) -> Result<Fitted> {
    if x.n_rows() != y.len() {
        return Err(Error::Train(format!(
            "{} rows but {} targets",
            x.n_rows(),
            y.len()
        )));
    }
    let (positive, target) = label_classes(y)?;
    let problem = Problem {
        x,
        target,
        alpha: settings.alpha,
        threads: settings.threads,
        last: Mutex::new(None),
    };
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(settings.gradient_tolerance)
        .map_err(|e| Error::Train(e.to_string()))?;
    let init = Param(Array1::zeros(x.n_cols() + 1));
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(init).max_iters(settings.max_iterations))
        .run()
        .map_err(|e| Error::Train(e.to_string()))?;
    let w = result
        .state
        .best_param
        .map_or_else(|| Array1::zeros(x.n_cols() + 1), |p| p.0);
    let d = x.n_cols();
    Ok(Fitted {
        weights: w.slice(s![..d]).to_vec(),
        intercept: w[d],
        positive,
    })
}

/// linfa's `label_classes`: the more frequent label is `+1` (on a tie, the first one seen).
fn label_classes(y: &[bool]) -> Result<(bool, Array1<f64>)> {
    let first = *y
        .first()
        .ok_or_else(|| Error::Train("no training rows".into()))?;
    let n_first = y.iter().filter(|&&v| v == first).count();
    let n_other = y.len() - n_first;
    if n_other == 0 {
        return Err(Error::Train("only one class in the training rows".into()));
    }
    let mut target: Array1<f64> = y
        .iter()
        .map(|&v| if v == first { 1.0 } else { -1.0 })
        .collect();
    if n_first < n_other {
        target *= -1.0;
        Ok((!first, target))
    } else {
        Ok((first, target))
    }
}

/// linfa's numerically stable `log(σ(x))`.
fn log_logistic(x: f64) -> f64 {
    if x > 0.0 {
        -(1.0 + (-x).exp()).ln()
    } else {
        x - (1.0 + x.exp()).ln()
    }
}

/// linfa's `σ(x)`.
fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

struct Problem<'a> {
    x: &'a SparseMatrix,
    target: Array1<f64>,
    alpha: f64,
    threads: usize,
    /// The last point with its margins and (once asked for) its gradient: the line search
    /// asks for the cost and then the gradient at the same point, and L-BFGS asks for the
    /// gradient at the point the line search returned, so each is computed once.
    last: Mutex<Option<Evaluated>>,
}

struct Evaluated {
    point: Array1<f64>,
    margins: Array1<f64>,
    gradient: Option<Array1<f64>>,
}

impl Problem<'_> {
    /// Run `f` on the cached evaluation at `w`, computing the margins `y ⊙ (X·w + b)` first
    /// if `w` is not the cached point (compared bit for bit).
    fn at<T>(&self, w: &Array1<f64>, f: impl FnOnce(&mut Evaluated) -> T) -> T {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let same = last.as_ref().is_some_and(|e| {
            e.point.len() == w.len()
                && e.point
                    .iter()
                    .zip(w)
                    .all(|(a, b)| a.to_bits() == b.to_bits())
        });
        if !same {
            let d = self.x.n_cols();
            let params = w.slice(s![..d]);
            let intercept = w[d];
            let yz = self.x.dot_gemm_threads(params, self.threads) + intercept;
            *last = Some(Evaluated {
                point: w.clone(),
                margins: yz * &self.target,
                gradient: None,
            });
        }
        f(last.as_mut().expect("just filled"))
    }
}

impl CostFunction for Problem<'_> {
    type Param = Param;
    type Output = f64;

    fn cost(&self, p: &Param) -> std::result::Result<f64, argmin::core::Error> {
        let w = &p.0;
        let params = w.slice(s![..self.x.n_cols()]);
        let mut yz = self.at(w, |e| e.margins.clone());
        yz.mapv_inplace(log_logistic);
        Ok(-yz.sum() + 0.5 * self.alpha * params.dot(&params))
    }
}

impl Gradient for Problem<'_> {
    type Param = Param;
    type Gradient = Param;

    fn gradient(&self, p: &Param) -> std::result::Result<Param, argmin::core::Error> {
        let w = &p.0;
        let d = self.x.n_cols();
        let params = w.slice(s![..d]);
        let grad = self.at(w, |e| {
            e.gradient
                .get_or_insert_with(|| {
                    let mut yz = e.margins.clone();
                    yz.mapv_inplace(logistic);
                    yz -= 1.0;
                    yz *= &self.target;
                    let mut grad = Array1::zeros(w.len());
                    grad.slice_mut(s![..d]).assign(
                        &(self.x.t_dot_threads(&yz, self.threads) + (&params * self.alpha)),
                    );
                    grad[d] = yz.sum();
                    grad
                })
                .clone()
        });
        Ok(Param(grad))
    }
}

/// Norm of the gradient of the objective at `(w, b)` with boolean targets (`true` = positive),
/// computed as the dense ndarray expression on a column-major matrix would.
pub fn gradient_norm(x: &SparseMatrix, y: &[bool], w: &[f64], b: f64, alpha: f64) -> f64 {
    let w_arr = Array1::from(w.to_vec());
    let z = x.dot_seq(w_arr.view()) + b;
    let r: Array1<f64> = z
        .iter()
        .zip(y)
        .map(|(&z, &yy)| {
            let s = if yy { 1.0 } else { -1.0 };
            -s * sigmoid(-s * z)
        })
        .collect();
    let gw = x.t_dot(&r) + &(&w_arr * alpha);
    let gb: f64 = r.sum();
    (gw.iter().map(|g| g * g).sum::<f64>() + gb * gb).sqrt()
}

/// The logistic function, computed without overflow for large |z|.
pub(crate) fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The optimiser's parameter vector, with linfa's vector algebra (its `ArgminParam`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Param(pub Array1<f64>);

fn elem_dot(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    Zip::from(a).and(b).fold(0.0, |acc, &a, &b| acc + a * b)
}

impl ArgminSub<f64, Param> for Param {
    fn sub(&self, other: &f64) -> Param {
        Param(&self.0 - *other)
    }
}

impl ArgminSub<Param, Param> for Param {
    fn sub(&self, other: &Param) -> Param {
        Param(&self.0 - &other.0)
    }
}

impl ArgminAdd<f64, Param> for Param {
    fn add(&self, other: &f64) -> Param {
        Param(&self.0 + *other)
    }
}

impl ArgminAdd<Param, Param> for Param {
    fn add(&self, other: &Param) -> Param {
        Param(&self.0 + &other.0)
    }
}

impl ArgminDot<Param, f64> for Param {
    fn dot(&self, other: &Param) -> f64 {
        elem_dot(&self.0, &other.0)
    }
}

impl ArgminL1Norm<f64> for Param {
    fn l1_norm(&self) -> f64 {
        // linfa's definition (the L2 norm).
        elem_dot(&self.0, &self.0).sqrt()
    }
}

impl ArgminL2Norm<f64> for Param {
    fn l2_norm(&self) -> f64 {
        elem_dot(&self.0, &self.0).sqrt()
    }
}

impl ArgminMul<f64, Param> for Param {
    fn mul(&self, other: &f64) -> Param {
        Param(&self.0 * *other)
    }
}

impl ArgminMul<Param, Param> for Param {
    fn mul(&self, other: &Param) -> Param {
        Param(&self.0 * &other.0)
    }
}

impl ArgminMul<Param, Param> for f64 {
    fn mul(&self, other: &Param) -> Param {
        Param(&other.0 * *self)
    }
}

impl ArgminSignum for Param {
    fn signum(self) -> Param {
        self
    }
}

impl ArgminZeroLike for Param {
    fn zero_like(&self) -> Param {
        Param(Array1::zeros(self.0.raw_dim()))
    }
}

impl ArgminMinMax for Param {
    fn min(x: &Self, y: &Self) -> Param {
        Param(
            x.0.iter()
                .zip(&y.0)
                .map(|(&a, &b)| if a < b { a } else { b })
                .collect(),
        )
    }

    fn max(x: &Self, y: &Self) -> Param {
        Param(
            x.0.iter()
                .zip(&y.0)
                .map(|(&a, &b)| if a > b { a } else { b })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Rng;
    use linfa::prelude::*;
    use linfa_logistic::LogisticRegression;
    use ndarray::{Array2, ShapeBuilder};

    /// Random sparse rows, normalised like tf-idf vectors, with some dense-ish columns.
    fn random_rows(n: usize, d: usize, seed: u64) -> Vec<SparseVec> {
        let mut rng = Rng::new(seed);
        (0..n)
            .map(|_| {
                let mut idx: Vec<u32> = (0..8 + rng.below(20))
                    .map(|_| rng.below(d) as u32)
                    .collect();
                idx.push((d - 1 - rng.below(3)) as u32);
                idx.sort_unstable();
                idx.dedup();
                let values = idx
                    .iter()
                    .map(|_| (rng.below(1000) as f32 + 1.0) / 997.0)
                    .collect();
                SparseVec {
                    indices: idx,
                    values,
                }
            })
            .collect()
    }

    fn dense(rows: &[SparseVec], d: usize) -> Array2<f64> {
        let mut x = Array2::<f64>::zeros((rows.len(), d).f());
        for (r, v) in rows.iter().enumerate() {
            for (j, val) in v.iter() {
                x[[r, j]] = f64::from(val);
            }
        }
        x
    }

    #[test]
    fn products_match_ndarray_bit_for_bit() {
        for (n, d) in [(37, 600), (64, 20), (9, 1000), (1000, 300)] {
            let rows = random_rows(n, d, n as u64);
            let x = dense(&rows, d);
            let m = SparseMatrix::from_rows(&rows, d);
            let w: Array1<f64> = (0..d)
                .map(|j| ((j * 7919) % 113) as f64 / 17.0 - 3.0)
                .collect();
            let r: Array1<f64> = (0..n)
                .map(|i| ((i * 104729) % 89) as f64 / 13.0 - 3.3)
                .collect();
            let wc = w.clone().into_shape_with_order((d, 1)).unwrap();
            let gemm = x.dot(&wc).into_shape_with_order(n).unwrap();
            assert_eq!(m.dot_gemm(w.view()), gemm, "gemm n={n} d={d}");
            assert_eq!(m.dot_seq(w.view()), x.dot(&w), "gemv n={n} d={d}");
            assert_eq!(m.t_dot(&r), x.t().dot(&r), "t_dot n={n} d={d}");
            for threads in [2, 3, 8] {
                assert_eq!(
                    m.dot_gemm_threads(w.view(), threads),
                    gemm,
                    "{threads} threads"
                );
                assert_eq!(
                    m.t_dot_threads(&r, threads),
                    x.t().dot(&r),
                    "{threads} threads"
                );
            }
        }
    }

    #[test]
    fn fit_matches_linfa_bit_for_bit() {
        // Unbalanced both ways, a tie, a dimension over several gemm blocks.
        for (n, d, seed, skew) in [
            (120, 700, 1, 3),
            (61, 90, 2, 2),
            (80, 300, 3, 0),
            (45, 40, 4, 5),
        ] {
            let rows = random_rows(n, d, seed);
            let y: Vec<bool> = (0..n)
                .map(|i| match skew {
                    0 => i % 2 == 1,
                    k => i % k == 0,
                })
                .collect();
            let settings = |threads| Settings {
                alpha: 0.5,
                max_iterations: 200,
                gradient_tolerance: 1e-4,
                threads,
            };
            let m = SparseMatrix::from_rows(&rows, d);
            let ours = fit(&m, &y, settings(1)).unwrap();
            for threads in [2, 3, 7] {
                assert_eq!(
                    fit(&m, &y, settings(threads)).unwrap(),
                    ours,
                    "{threads} threads"
                );
            }
            let data = linfa::Dataset::new(dense(&rows, d), Array1::from(y.clone()));
            let theirs = LogisticRegression::default()
                .alpha(0.5)
                .max_iterations(200)
                .gradient_tolerance(1e-4)
                .fit(&data)
                .unwrap();
            assert_eq!(ours.positive, theirs.labels().pos.class, "n={n}");
            assert_eq!(ours.intercept, theirs.intercept(), "n={n}");
            assert_eq!(
                &ours.weights[..],
                theirs.params().as_slice().unwrap(),
                "n={n}"
            );
        }
    }

    #[test]
    fn one_class_is_an_error() {
        let rows = random_rows(4, 10, 1);
        let s = Settings {
            alpha: 1.0,
            max_iterations: 10,
            gradient_tolerance: 1e-4,
            threads: 1,
        };
        assert!(fit(&SparseMatrix::from_rows(&rows, 10), &[true; 4], s).is_err());
    }

    /// Manual check on a real, large problem (1.6 GB dense matrix, minutes of CPU):
    /// `cargo test --lib logistic::tests::subj_matches_linfa -- --ignored`.
    #[test]
    #[ignore]
    fn subj_matches_linfa() {
        use crate::dataset::{Dataset, ReadOptions};
        use crate::features::{FeatureConfig, Featurizer};
        let path = std::path::PathBuf::from("../shared/datasets/subj/all.csv");
        let data = Dataset::load_all(&[path], &ReadOptions::default()).unwrap();
        let docs: Vec<_> = data
            .examples
            .iter()
            .map(|e| (e.text.as_str(), crate::model::context_of(&e.text)))
            .collect();
        let f = Featurizer::fit(FeatureConfig::default(), &docs).unwrap();
        let rows: Vec<SparseVec> = docs.iter().map(|(t, c)| f.transform(t, *c)).collect();
        let y: Vec<bool> = data
            .examples
            .iter()
            .map(|e| e.label == crate::dataset::Label::Opinion)
            .collect();
        let s = Settings {
            alpha: 1.0,
            max_iterations: 1000,
            gradient_tolerance: 1e-4,
            threads: 1,
        };
        let ours = fit(&SparseMatrix::from_rows(&rows, f.dim()), &y, s).unwrap();
        let data = linfa::Dataset::new(dense(&rows, f.dim()), Array1::from(y));
        let theirs = LogisticRegression::default()
            .alpha(1.0)
            .max_iterations(1000)
            .gradient_tolerance(1e-4)
            .fit(&data)
            .unwrap();
        assert_eq!(ours.intercept, theirs.intercept());
        assert_eq!(&ours.weights[..], theirs.params().as_slice().unwrap());
    }
}
