//! factop: label each sentence of a news article as reported fact or editorial opinion.
//!
//! The data flow follows the module list:
//! text → [`segment`] (sentences with byte offsets) → [`features`] (tokens → sparse vectors)
//! → [`model`] (logistic regression) → scored sentences.

pub mod segment;
