//! Segmentation benchmark: factop::segment vs sentencex on the golden suite (pass rates,
//! side by side) and throughput in MB/s on one core over a generated article corpus.
//!
//! Usage: `cargo run --release --manifest-path bench/segment/Cargo.toml -- [--mb N]
//! [--runs N] [--shared DIR] [--show-failures] [--factop-only]`
//!
//! The corpus is assembled in memory at run time from the sentences of
//! `../shared/datasets` (training splits only), grouped into articles with a headline line
//! and paragraphs; without `../shared` it falls back to the golden inputs. Nothing is written.

use std::path::{Path, PathBuf};
use std::time::Instant;

mod golden {
    include!("../../../tests/golden/segment/format.rs");
}

const SUITE: &str = include_str!("../../../tests/golden/segment/cases.txt");

struct Opts {
    mb: usize,
    runs: usize,
    shared: PathBuf,
    show_failures: bool,
    factop_only: bool,
}

fn parse_args() -> Opts {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = Opts {
        mb: 64,
        runs: 5,
        shared: manifest.join("../../../shared"),
        show_failures: false,
        factop_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} needs a positive integer"))
        };
        match a.as_str() {
            "--mb" => o.mb = num("--mb").max(1),
            "--runs" => o.runs = num("--runs").max(1),
            "--shared" => o.shared = PathBuf::from(args.next().expect("--shared needs a path")),
            "--show-failures" => o.show_failures = true,
            "--factop-only" => o.factop_only = true,
            other => panic!("unknown argument {other:?}"),
        }
    }
    o
}

fn factop_sentences(text: &str) -> Vec<(String, bool, bool)> {
    factop::segment::split(text)
        .iter()
        .map(|s| (s.text(text).to_string(), s.in_quote, s.attributed))
        .collect()
}

fn sentencex_sentences(text: &str) -> Vec<(String, bool, bool)> {
    sentencex::segment("en", text)
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| (s.to_string(), false, false))
        .collect()
}

fn golden_report(show_failures: bool) -> (f64, f64) {
    let cases = golden::parse_golden(SUITE);
    let mut cats: Vec<String> = Vec::new();
    for c in &cases {
        if !cats.contains(&c.category) {
            cats.push(c.category.clone());
        }
    }
    println!(
        "golden suite: {} cases (tests/golden/segment/cases.txt)",
        cases.len()
    );
    println!(
        "{:<14} {:>5} {:>15} {:>15} {:>15}",
        "category", "cases", "factop", "factop+flags", "sentencex"
    );
    let (mut ft, mut ff, mut sx) = (0, 0, 0);
    let mut failures = Vec::new();
    for cat in cats
        .iter()
        .map(String::as_str)
        .chain(std::iter::once("TOTAL"))
    {
        let sel: Vec<_> = cases
            .iter()
            .filter(|c| cat == "TOTAL" || c.category == cat)
            .collect();
        let (mut a, mut b, mut c) = (0, 0, 0);
        for case in &sel {
            let f = factop_sentences(&case.input);
            a += golden::golden_diff(case, &f, false).is_none() as usize;
            b += golden::golden_diff(case, &f, true).is_none() as usize;
            match golden::golden_diff(case, &sentencex_sentences(&case.input), false) {
                None => c += 1,
                Some(d) if cat == "TOTAL" => {
                    failures.push(format!("sentencex [{}] {}: {d}", case.category, case.name))
                }
                Some(_) => {}
            }
            if cat == "TOTAL" {
                if let Some(d) = golden::golden_diff(case, &f, true) {
                    failures.push(format!("factop [{}] {}: {d}", case.category, case.name));
                }
            }
        }
        let n = sel.len();
        let pct = |x: usize| format!("{x}/{n} {:5.1}%", 100.0 * x as f64 / n as f64);
        println!(
            "{cat:<14} {n:>5} {:>15} {:>15} {:>15}",
            pct(a),
            pct(b),
            pct(c)
        );
        if cat == "TOTAL" {
            (ft, ff, sx) = (a, b, c);
        }
    }
    if show_failures {
        for f in &failures {
            println!("FAIL {f}");
        }
    }
    let n = cases.len() as f64;
    let _ = ft;
    (100.0 * ff as f64 / n, 100.0 * sx as f64 / n)
}

/// Sentences from the training splits of the shared datasets (never the reporting splits).
fn shared_sentences(shared: &Path) -> Vec<String> {
    let files = [
        "datasets/newssd-eng/train.csv",
        "datasets/checkthat-en/train.csv",
        "datasets/claimbuster/train.csv",
    ];
    let mut out = Vec::new();
    for f in files {
        let Ok(mut rdr) = csv::Reader::from_path(shared.join(f)) else {
            continue;
        };
        for rec in rdr.records().flatten() {
            if let Some(s) = rec.get(0) {
                let s = s.trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

/// Articles: a headline line, a blank line, then paragraphs of four sentences. Returns the
/// text and the byte ranges of the source sentences and headlines (the reference split).
fn build_corpus(sentences: &[String], target: usize) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(target + 4096);
    let mut gold = Vec::new();
    let mut k = 0usize;
    let mut round = 0usize;
    while out.len() < target {
        let first = &sentences[k % sentences.len()];
        let headline: Vec<&str> = first
            .split_whitespace()
            .take(7)
            .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()))
            .filter(|w| !w.is_empty())
            .collect();
        let h0 = out.len();
        out.push_str(&headline.join(" "));
        if out.len() > h0 {
            gold.push((h0, out.len()));
        }
        out.push_str("\n\n");
        for p in 0..6 {
            for s in 0..4 {
                // Walk the sentences with a stride that changes each round, so repeated
                // rounds do not repeat the same paragraphs.
                let idx = (k + (p * 4 + s) * (1 + round % 7)) % sentences.len();
                let s0 = out.len();
                out.push_str(&sentences[idx]);
                gold.push((s0, out.len()));
                out.push(' ');
            }
            out.pop();
            out.push_str("\n\n");
        }
        k += 24;
        if k >= sentences.len() {
            k %= sentences.len();
            round += 1;
        }
    }
    (out, gold)
}

/// Agreement with the reference split: the share of reference sentences reproduced exactly,
/// and the share of reference sentence ends where the segmenter also ends a sentence.
/// (A reference row may hold several sentences, so precision is not measurable here.)
fn agreement(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> (f64, f64) {
    let preds: std::collections::HashSet<(usize, usize)> = pred.iter().copied().collect();
    let ends: std::collections::HashSet<usize> = pred.iter().map(|p| p.1).collect();
    let exact = gold.iter().filter(|g| preds.contains(g)).count();
    let end = gold.iter().filter(|g| ends.contains(&g.1)).count();
    let n = gold.len().max(1) as f64;
    (100.0 * exact as f64 / n, 100.0 * end as f64 / n)
}

fn sentencex_spans(text: &str) -> Vec<(usize, usize)> {
    let base = text.as_ptr() as usize;
    sentencex::segment("en", text)
        .into_iter()
        .filter_map(|s| {
            let t = s.trim();
            (!t.is_empty()).then(|| {
                let a = t.as_ptr() as usize - base;
                (a, a + t.len())
            })
        })
        .collect()
}

/// CPU time of the calling thread, in seconds.
fn thread_cpu_secs() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the valid timespec we pass.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Best (lowest) wall-clock and thread-CPU seconds over `runs` runs, and `f`'s result.
fn time_best<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, f64, usize) {
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    let mut n = 0;
    for _ in 0..runs {
        let (t, c) = (Instant::now(), thread_cpu_secs());
        n = std::hint::black_box(f());
        cpu = cpu.min(thread_cpu_secs() - c);
        wall = wall.min(t.elapsed().as_secs_f64());
    }
    (wall, cpu, n)
}

fn main() {
    let o = parse_args();
    let (factop_rate, sentencex_rate) = golden_report(o.show_failures);
    println!();

    let mut sentences = shared_sentences(&o.shared);
    let source = if sentences.is_empty() {
        sentences = golden::parse_golden(SUITE)
            .into_iter()
            .map(|c| c.input)
            .collect();
        "golden inputs (../shared not found)".to_string()
    } else {
        format!("{} sentences from {}", sentences.len(), o.shared.display())
    };
    let (corpus, gold) = build_corpus(&sentences, o.mb << 20);
    let mb = corpus.len() as f64 / (1u64 << 20) as f64;
    println!("throughput corpus: {mb:.1} MB generated from {source}; single thread");

    println!(
        "{:<26} {:>14} {:>14} {:>10} {:>8}",
        "splitter", "MB/s (CPU)", "MB/s (wall)", "sentences", "runs"
    );
    let (wall, cpu, n) = time_best(o.runs, || factop::segment::split(&corpus).len());
    let sents = factop::segment::split(&corpus);
    let capped = factop::segment::capped_count(&sents);
    let spans: Vec<(usize, usize)> = sents.iter().map(|s| (s.start, s.end)).collect();
    let (rec, prec) = agreement(&gold, &spans);
    println!(
        "{:<26} {:>14.1} {:>14.1} {n:>10} {:>8}",
        "factop::segment::split",
        mb / cpu,
        mb / wall,
        o.runs
    );
    // Pathological input: one line of words without any punctuation, same size.
    let line = "word ".repeat(corpus.len() / 5);
    let (wall, cpu, n) = time_best(o.runs.min(3), || factop::segment::split(&line).len());
    let line_capped = factop::segment::capped_count(&factop::segment::split(&line));
    println!(
        "{:<26} {:>14.1} {:>14.1} {n:>10} {:>8}   ({line_capped} capped)",
        "factop, one unpunctuated line",
        mb / cpu,
        mb / wall,
        o.runs.min(3)
    );
    if o.factop_only {
        return;
    }
    let sx_runs = o.runs.min(2);
    let (wall, cpu, _) = time_best(sx_runs, || sentencex::segment("en", &corpus).len());
    let sx = sentencex_spans(&corpus);
    let (sx_rec, sx_prec) = agreement(&gold, &sx);
    println!(
        "{:<26} {:>14.1} {:>14.1} {:>10} {sx_runs:>8}",
        "sentencex::segment(\"en\")",
        mb / cpu,
        mb / wall,
        sx.len()
    );
    println!("(best run of each; factop capped {capped} sentences at the length cap)");
    println!();
    println!(
        "agreement with the {} source rows (headlines and dataset rows; a row may hold several \
         sentences or lack an end mark, so 100 % is not reachable):",
        gold.len()
    );
    println!("  factop     rows reproduced exactly {rec:5.1}%   row ends found {prec:5.1}%");
    println!("  sentencex  rows reproduced exactly {sx_rec:5.1}%   row ends found {sx_prec:5.1}%");
    if o.show_failures {
        // Rows that sentencex reproduces and factop does not: where factop may be wrong.
        let fp: std::collections::HashSet<_> = spans.iter().copied().collect();
        let sp: std::collections::HashSet<_> = sx.iter().copied().collect();
        let mut seen = std::collections::HashSet::new();
        for &(a, b) in &gold {
            if sp.contains(&(a, b)) && !fp.contains(&(a, b)) && seen.insert(&corpus[a..b]) {
                let over: Vec<&str> = sents
                    .iter()
                    .filter(|s| s.start < b && s.end > a)
                    .map(|s| s.text(&corpus))
                    .collect();
                println!("  row {:?}\n    factop {:?}", &corpus[a..b], over);
            }
        }
    }
    println!();
    println!(
        "golden pass rate (texts and flags): factop {factop_rate:.1}%, sentencex (texts) {sentencex_rate:.1}%"
    );
    if factop_rate < sentencex_rate || factop_rate < 95.0 {
        eprintln!("factop's pass rate is below sentencex's or below 95 %");
        std::process::exit(1);
    }
}
