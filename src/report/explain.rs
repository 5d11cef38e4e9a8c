//! The readable form of an [`Explanation`].

use crate::explain::Explanation;
use std::io::{self, Write};

/// Write the logit decomposition: the bias, each listed feature and the rest.
pub fn write_explanation<W: Write>(out: &mut W, e: &Explanation) -> io::Result<()> {
    // `+ 0.0`: an empty sum is -0.0, which would print as `-0.0000`.
    let listed: f64 = e.features.iter().map(|c| c.contribution).sum::<f64>() + 0.0;
    write!(
        out,
        "logit      {:+.4} = bias {:+.4} + listed features {:+.4}",
        e.logit, e.bias, listed
    )?;
    if e.other_count > 0 {
        write!(out, " + {} other features {:+.4}", e.other_count, e.other)?;
    }
    writeln!(out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{:>12}  {:<7}  {:>7}  {:>8}  feature",
        "contribution", "toward", "value", "weight"
    )?;
    for c in &e.features {
        writeln!(
            out,
            "{:>+12.4}  {:<7}  {:>7.4}  {:>+8.4}  {}",
            c.contribution,
            c.toward.as_str(),
            c.value,
            c.weight,
            c.feature
        )?;
    }
    if e.other_count > 0 {
        writeln!(
            out,
            "{:>+12.4}  {:<7}  {:>7}  {:>8}  ({} other features)",
            e.other, "", "", "", e.other_count
        )?;
    }
    writeln!(
        out,
        "{:>+12.4}  {:<7}  {:>7}  {:>8}  (bias)",
        e.bias, "", "", ""
    )
}
