//! Training through linfa-logistic itself, on a dense matrix (`train --solver linfa`).
//!
//! The default solver ([`crate::logistic`]) runs linfa-logistic's objective on a sparse matrix at
//! a cost proportional to the non-zeros. This module is the reference path: it materialises the
//! (bounded) feature matrix densely and calls `linfa_logistic::LogisticRegression` directly, so a
//! user can check any model against the upstream implementation, and the test suite compares
//! the two solvers on real models.

use crate::error::{Error, Result};
use crate::features::SparseVec;
use crate::logistic::{Fitted, Settings};
use linfa::traits::Fit;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2, ShapeBuilder};

/// The largest dense matrix `--solver linfa` builds (f64 cells): 4 GiB.
pub const MAX_DENSE_BYTES: u64 = 4 << 30;

/// Bytes a dense `n_rows × n_cols` f64 matrix takes.
pub fn dense_bytes(n_rows: usize, n_cols: usize) -> u64 {
    (n_rows as u64)
        .saturating_mul(n_cols as u64)
        .saturating_mul(8)
}

/// Refuse a dense matrix over [`MAX_DENSE_BYTES`], saying what to do instead.
pub fn check_size(n_rows: usize, n_cols: usize) -> Result<()> {
    let bytes = dense_bytes(n_rows, n_cols);
    if bytes > MAX_DENSE_BYTES {
        return Err(Error::Param {
            name: "--solver",
            msg: format!(
                "linfa needs a dense {n_rows} x {n_cols} matrix ({:.1} GiB, limit {} GiB): \
                 use --solver sparse (same objective) or lower --max-features/--char-max-features",
                bytes as f64 / (1u64 << 30) as f64,
                MAX_DENSE_BYTES >> 30
            ),
        });
    }
    Ok(())
}

/// Fit `linfa_logistic::LogisticRegression` on the rows, densified, with boolean targets
/// (`true` = opinion). The result is in linfa's terms: `positive` names the class linfa made
/// positive (read from its `labels()`).
pub fn fit<'a>(
    rows: impl ExactSizeIterator<Item = &'a SparseVec>,
    n_cols: usize,
    y: &[bool],
    settings: Settings,
) -> Result<Fitted> {
    let n_rows = rows.len();
    if n_rows != y.len() {
        return Err(Error::Train(format!(
            "{n_rows} rows but {} targets",
            y.len()
        )));
    }
    check_size(n_rows, n_cols)?;
    // Column-major, as linfa's products are fastest on it (and as the sparse solver mirrors).
    let mut x = Array2::<f64>::zeros((n_rows, n_cols).f());
    for (r, v) in rows.enumerate() {
        for (j, val) in v.iter() {
            x[[r, j]] = f64::from(val);
        }
    }
    let targets: Array1<bool> = y.iter().copied().collect();
    let fitted = LogisticRegression::default()
        .alpha(settings.alpha)
        .max_iterations(settings.max_iterations)
        .gradient_tolerance(settings.gradient_tolerance)
        .fit(&linfa::Dataset::new(x, targets))
        .map_err(|e| Error::Train(format!("linfa-logistic: {e}")))?;
    Ok(Fitted {
        weights: fitted.params().to_vec(),
        intercept: fitted.intercept(),
        positive: fitted.labels().pos.class,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_matrix_over_the_limit_with_advice() {
        assert!(check_size(10_000, 50_000).is_ok());
        let err = check_size(100_000, 1 << 20).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Param {
                    name: "--solver",
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("--solver sparse"), "{err}");
    }

    #[test]
    fn dense_bytes_saturates() {
        assert_eq!(dense_bytes(2, 3), 48);
        assert_eq!(dense_bytes(usize::MAX, usize::MAX), u64::MAX);
    }
}
