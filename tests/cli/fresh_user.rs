//! Session 13's fixes: the known gaps (outputs that are standard streams or special files,
//! UTF-32 input, a half-replaced plot folder) and a fresh user's audit. Each test names the
//! defect it pins down; errors are one line naming the file, row or flag, and never a panic.

use crate::harness::{factop, Run};

const SEED: &str = "datasets/factop-seed.csv";

/// A usage error (exit 2) of one line: its message.
#[track_caller]
fn usage(r: Run) -> String {
    let code = r.code;
    let msg = r.err();
    assert_eq!(code, 2, "{msg}");
    msg
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_standard_stream_or_a_pipe_is_refused_naming_the_flag() {
    // `--predictions /dev/stdout` said `--predictions /proc/self/fd/pipe:[1232258]: cannot be
    // written (No such file or directory)`; with standard output redirected to a file, the
    // rename replaced that file with the predictions and the report went to the unlinked one.
    for (args, flag, stream) in [
        (
            &["evaluate", "--data", SEED, "--predictions", "/dev/stdout"][..],
            "--predictions",
            "/dev/stdout is factop's standard output",
        ),
        (
            &["evaluate", "--data", SEED, "--predictions", "/dev/fd/2"][..],
            "--predictions",
            "/dev/fd/2 is factop's standard error",
        ),
        (
            &["train", "--data", SEED, "-o", "/dev/stdout"][..],
            "--output",
            "/dev/stdout is factop's standard output",
        ),
    ] {
        let r = factop(args, None);
        assert_eq!(r.stdout, "");
        let msg = usage(r);
        assert!(
            msg.contains(&format!("invalid value for {flag}: {stream}")) && !msg.contains("/proc"),
            "{msg}"
        );
        assert!(msg.contains(&format!("e.g. {flag} ")), "{msg}");
    }
    // A pipe (a FIFO, or the `/dev/fd/63` of a shell's `>(...)`) says what it is.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let fifo = fifo.display().to_string();
    for flag in ["--predictions", "-o"] {
        let cmd = if flag == "-o" { "train" } else { "evaluate" };
        let msg = factop(&[cmd, "--data", SEED, flag, &fifo], None).err();
        assert!(
            msg.contains(&format!(" {fifo}: is a pipe (FIFO), not a regular file")),
            "{msg}"
        );
    }
    // Standard output redirected to the file named: refused, the file untouched.
    let out = dir.path().join("p.csv");
    std::fs::write(&out, "keep").unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_factop"))
        .current_dir(crate::harness::root())
        .args(["evaluate", "--data", SEED, "--predictions"])
        .arg(&out)
        .stdout(std::fs::OpenOptions::new().append(true).open(&out).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&child.stderr);
    assert_eq!(child.status.code(), Some(2), "{err}");
    assert!(err.contains("is factop's standard output"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep");
    // `/dev/null` as an output stays refused as a device, not as a standard stream.
    let msg = factop(
        &["evaluate", "--data", SEED, "--predictions", "/dev/null"],
        None,
    )
    .err();
    assert!(msg.contains("/dev/null: is a device"), "{msg}");
}
