//! factop: label each sentence of a news article as reported fact or editorial opinion.
//!
//! The data flow follows the module list:
//! text → [`segment`] (sentences with byte offsets) → [`features`] (tokens → sparse vectors)
//! → [`model`] (logistic regression, trained with linfa-logistic) → [`classify`] (scored
//! sentences) → [`report`] (output formats). [`dataset`] reads labelled CSV/TSV,
//! [`persist`] stores models, [`metrics`] computes evaluation figures.

pub mod classify;
pub mod context;
pub mod dataset;
pub mod dense;
pub mod error;
pub mod explain;
pub mod features;
pub mod logistic;
pub mod metrics;
pub mod model;
pub mod nb;
pub mod persist;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod stream;
mod swar;

pub use error::{Error, Result};
