//! Progress bars on standard error, drawn only when it is a terminal (never in redirected or
//! piped output). `FACTOP_NO_PROGRESS` turns them off.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Whether progress may be drawn: standard error is a terminal and not turned off.
pub fn enabled() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("FACTOP_NO_PROGRESS").is_none()
}

/// A bar of `len` steps labelled `what`, hidden unless [`enabled`].
pub fn bar(len: u64, what: &str) -> ProgressBar {
    if !enabled() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{msg:>16} [{bar:30}] {pos}/{len} {elapsed_precise} (eta {eta})",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    pb.set_style(style);
    pb.set_message(what.to_string());
    pb
}

/// A spinner for a step of unknown length, hidden unless [`enabled`].
pub fn spinner(what: &str) -> ProgressBar {
    if !enabled() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg:>16} {spinner} {elapsed_precise}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    pb.set_style(style);
    pb.set_message(what.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// A bar over a batch of `n` items whose results go to standard output: only for two or more
/// items, and only when standard output is not the same terminal (it would garble the output).
pub fn batch(n: usize, what: &str) -> ProgressBar {
    if n < 2 || std::io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    bar(n as u64, what)
}
