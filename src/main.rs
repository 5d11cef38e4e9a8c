//! The `factop` command line: parse flags, run the subcommand, map errors to exit codes
//! (0 ok, 1 error, 2 usage; a closed pipe exits 0 quietly).

/// `eprintln!` that drops what standard error cannot take. With standard error a pipe that
/// closed (`factop classify *.txt 2>&1 | head -1`), `eprintln!` panicked on the next warning
/// or notice (`failed printing to stderr`), so a run that went well exited 101 instead of
/// 0, and one that failed 101 instead of 1. Defined before `mod cli` so every module has it.
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod cli;

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The matches too: which flags were typed (not defaulted) decides some conflicts.
    let mut matches = match cli::Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    // `train` reads the matches afterwards, so its arguments are copied out of them; the other
    // commands take theirs out (`from_arg_matches` clones the matches: each of thousands of
    // file names copied, then freed twice, before anything is read).
    let args = if matches.subcommand_name() == Some("train") {
        cli::Cli::from_arg_matches(&matches)
    } else {
        cli::Cli::from_arg_matches_mut(&mut matches)
    };
    let args = match args {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    match cli::run(args, &matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let usage = e.chain().any(|c| {
                matches!(
                    c.downcast_ref::<factop::Error>(),
                    Some(factop::Error::Param { .. })
                )
            });
            let stdout = if writes_stdout(&e) {
                "standard output: "
            } else {
                ""
            };
            stderr_line!("factop: error: {stdout}{}", one_line(&e));
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// Help and version go to stdout as clap prints them; a usage mistake becomes one line on
/// stderr (the problem, clap's hint or the valid values, where to read more) and exit 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    if let Some(msg) = no_output_flag(&e).or_else(|| data_without_flag(&e)) {
        stderr_line!("factop: error: {msg}");
        return ExitCode::from(2);
    }
    let rendered = e.render().to_string();
    stderr_line!("factop: error: {}", clap_one_line(&rendered));
    ExitCode::from(2)
}

/// A file named without `--data` to `train` or `evaluate` (`factop evaluate held-out.csv`):
/// say how to name it, where clap only listed the usage.
fn data_without_flag(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let cmd = subcommand()?;
    if arg.starts_with('-') || !matches!(cmd.as_str(), "train" | "evaluate") {
        return None;
    }
    // `--data a.csv b.csv`: the flag was given, for one file.
    let had_data =
        std::env::args_os().any(|a| a == "--data" || a.to_string_lossy().starts_with("--data="));
    if had_data {
        return Some(format!(
            "unexpected argument '{arg}': --data takes one file; give each file its own --data (factop {cmd} --data FILE --data {arg}) (more: --help)"
        ));
    }
    Some(format!(
        "unexpected argument '{arg}': factop {cmd} reads labelled data given with --data (factop {cmd} --data {arg}{}) (more: --help)",
        if cmd == "train" { " -o MODEL.json" } else { "" }
    ))
}

/// `-o`/`--output` given to a command that writes to standard output (only `train` takes
/// it): say so and how to write a file, where clap suggested `--top` or `-- -o`.
fn no_output_flag(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    if !matches!(arg.split('=').next(), Some("-o" | "--output")) {
        return None;
    }
    let cmd = subcommand().filter(|c| !c.starts_with('-'))?;
    let extra = if cmd == "evaluate" {
        "; --predictions FILE.csv writes every row's prediction"
    } else {
        ""
    };
    Some(format!(
        "unexpected argument '{arg}': factop {cmd} has no --output (only train writes a file with it); it writes to standard output, so redirect that: factop {cmd} ... > FILE{extra} (more: --help)"
    ))
}

/// The first argument (the subcommand, when the user gave one), read without panicking on an
/// argument that is not UTF-8 (`std::env::args` would).
fn subcommand() -> Option<String> {
    std::env::args_os()
        .nth(1)
        .map(|a| a.to_string_lossy().into_owned())
}

/// clap's multi-line message as one line: the problem (with the arguments it lists), its tip
/// or valid values, and the usage line.
fn clap_one_line(rendered: &str) -> String {
    let mut problem = String::new();
    let mut hints: Vec<&str> = Vec::new();
    let mut usage = None;
    for line in rendered.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(msg) = line.strip_prefix("error: ") {
            problem.push_str(msg);
        } else if let Some(u) = line.strip_prefix("Usage: ") {
            usage = Some(u);
        } else if line.starts_with("For more information") {
            continue;
        } else if line.starts_with("tip:") || line.starts_with('[') || usage.is_some() {
            hints.push(line);
        } else {
            // Continuation of the problem, e.g. the missing arguments clap lists.
            problem.push_str(if problem.ends_with(':') { " " } else { ", " });
            problem.push_str(line);
        }
    }
    if problem.is_empty() {
        problem.push_str("invalid arguments");
    }
    let mut out = problem;
    for h in hints {
        out.push_str("; ");
        out.push_str(h);
    }
    if let Some(u) = usage {
        out.push_str(&format!("; usage: {u}"));
    }
    out.push_str(" (more: --help)");
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<factop::Error>()
                .is_some_and(factop::Error::is_broken_pipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// Whether `e` is a bare I/O error: the commands write their report to standard output with
/// `?` (every read and file write names its file), so `> /dev/full` or a full disk said
/// only `No space left on device (os error 28)`.
fn writes_stdout(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>().is_some()
        || e.downcast_ref::<serde_json::Error>()
            .is_some_and(|j| j.io_error_kind().is_some())
}

/// The error and its causes on one line, without repeating a cause already in the message.
fn one_line(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg.replace('\n', " ")
}
