use crate::harness::{self, factop, repo};

const SEED: &str = "datasets/factop-seed.csv";

/// `factop train --data SEED --min-df 1 EXTRA...`, which must succeed; its standard output.
fn train_seed(extra: &[&str]) -> String {
    let mut args = vec!["train", "--data", SEED, "--min-df", "1"];
    args.extend_from_slice(extra);
    factop(&args, None).ok()
}

fn train_to(path: &std::path::Path, extra: &[&str]) -> String {
    let p = path.display().to_string();
    let mut args = vec!["--output", &p];
    args.extend_from_slice(extra);
    train_seed(&args)
}

/// Read only double quotation marks as quotes: the format versions the tests below expect
/// are those of models without single quotes (which make any model version 9).
const DOUBLE_ONLY: &str = "--no-single-quotes";

/// The default model's options before single quotation marks and the attribution frames of
/// cue rules 3 (which make any model version 9 or 10): the format versions the tests below
/// expect are those of such models.
const FORMAT_3: &[&str] = &[DOUBLE_ONLY, "--cue-rules", "1"];

/// `flags` with those of [`FORMAT_3`] they do not set themselves, and the reported stance
/// words counted as models before `--reported-stance` counted them (`own`).
fn format_3<'a>(flags: &[&'a str]) -> Vec<&'a str> {
    let mut all = flags.to_vec();
    if !flags.contains(&"--cue-rules") {
        all.extend_from_slice(&FORMAT_3[1..]);
    }
    if !flags.contains(&"--reported-stance") {
        all.extend_from_slice(&["--reported-stance", "own"]);
    }
    all.push(DOUBLE_ONLY);
    all
}

/// A model file as JSON.
fn model_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn same_data_config_and_seed_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let summary = train_to(&a, &["--seed", "7"]);
    assert!(summary.contains("20 fact, 20 opinion"), "{summary}");
    assert!(summary.contains("converged"), "{summary}");
    train_to(&b, &["--seed", "7"]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn linfa_solver_learns_the_same_weights_as_the_sparse_solver() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        dir.path().join("sparse.json"),
        dir.path().join("linfa.json"),
    );
    train_to(&a, &[]);
    train_to(&b, &["--solver", "linfa"]);
    let (mut sparse, mut linfa) = (model_json(&a), model_json(&b));
    assert_eq!(linfa["params"]["solver"], "linfa");
    assert!(sparse["params"].get("solver").is_none());
    // Everything but the recorded solver is identical, weights bit for bit.
    linfa["params"].as_object_mut().unwrap().remove("solver");
    sparse["params"].as_object_mut().unwrap().remove("solver");
    assert_eq!(sparse, linfa);
    let err = factop(&["train", "--data", SEED, "--solver", "dense"], None).err();
    assert!(err.contains("--solver"), "{err}");
}

#[test]
fn model_file_is_self_describing() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json");
    train_to(&m, &["--word-ngrams", "1-3", "--alpha", "0.5"]);
    let v = model_json(&m);
    assert_eq!(v["format"], "factop-model");
    assert_eq!(v["format_version"], 34);
    assert_eq!(v["params"]["features"]["single_quotes"], true);
    assert_eq!(v["params"]["features"]["cue_rules"], 26);
    assert_eq!(v["labels"]["positive"], "opinion");
    assert_eq!(
        v["params"]["features"]["word_ngrams"],
        serde_json::json!([1, 3])
    );
    assert_eq!(v["params"]["alpha"], 0.5);
    assert_eq!(v["training"]["rows_opinion"], 20);
    // classify needs no feature flags: the model file carries them
    let out = factop(
        &["classify", "-m", &m.display().to_string(), "-f", "jsonl"],
        Some(b"We should be ashamed. The vote took place on Monday."),
    )
    .ok();
    assert_eq!(out.lines().count(), 2);
}

#[test]
fn cv_prints_mean_and_sd() {
    let out = factop(
        &["train", "--data", SEED, "--min-df", "1", "--cv", "4"],
        None,
    )
    .ok();
    assert!(out.contains("4-fold macro-F1"), "{out}");
    assert!(out.contains(" ± "), "{out}");
}

#[test]
fn tsv_with_label_map_and_escaped_fields() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("d.tsv");
    let mut s = String::from("sentence_id\tsentence\tlabel\tsolved_conflict\n");
    for i in 0..6 {
        s.push_str(&format!(
            "f{i}\t\"\"\"Rates rose {i} points,\"\" the bank said.\"\tOBJ\tFalse\n"
        ));
        s.push_str(&format!(
            "o{i}\tThis policy is a shameful mistake number {i}.\tSUBJ\tFalse\n"
        ));
    }
    std::fs::write(&tsv, s).unwrap();
    let m = dir.path().join("m.json");
    let out = factop(
        &[
            "train",
            "--data",
            &tsv.display().to_string(),
            "--label-map",
            "SUBJ=opinion,OBJ=fact",
            "--min-df",
            "1",
            "-o",
            &m.display().to_string(),
        ],
        None,
    )
    .ok();
    assert!(out.contains("6 fact, 6 opinion"), "{out}");
    let v = model_json(&m);
    let terms = v["vocabulary"]["terms"].as_array().unwrap();
    // the quoted speech was decoded and masked, not kept with escape quotes
    assert!(terms.iter().any(|t| t == "w:<quote> the"), "{terms:?}");
}

#[test]
fn bad_label_names_row_and_suggests_label_map() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.csv");
    std::fs::write(&f, "sentence,label\nA fact.,fact\nA view.,SUBJ\n").unwrap();
    let e = factop(
        &[
            "train",
            "--data",
            &f.display().to_string(),
            "-o",
            "/tmp/never-written.json",
        ],
        None,
    )
    .err();
    assert!(
        e.contains("row 3") && e.contains("SUBJ") && e.contains("--label-map"),
        "{e}"
    );
    assert!(
        e.contains("labels seen in the file: `SUBJ` ×1, `fact` ×1"),
        "{e}"
    );
}

#[test]
fn missing_data_file_is_a_clear_error() {
    let e = factop(&["train", "--data", "nope.csv", "-o", "/tmp/x.json"], None).err();
    assert!(e.contains("nope.csv"), "{e}");
}

#[test]
fn unwritable_output_fails_before_training_and_keeps_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let r = factop(
        &[
            "train",
            "--data",
            SEED,
            "-o",
            &dir.path().join("no/dir/m.json").display().to_string(),
        ],
        None,
    );
    assert_eq!(r.stdout, "", "training started");
    let e = r.err();
    assert!(e.contains("no/dir/m.json"), "{e}");
    // a folder or a device (here a FIFO) is refused too: a rename would replace it
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for out in [dir.path().to_path_buf(), fifo.clone()] {
        let r = factop(
            &["train", "--data", SEED, "-o", &out.display().to_string()],
            None,
        );
        assert_eq!(r.stdout, "", "training started");
        let e = r.err();
        assert!(e.contains(&out.display().to_string()), "{e}");
    }
    std::fs::remove_file(&fifo).unwrap();
    // a failed run (bad data) leaves an existing model untouched
    let m = dir.path().join("m.json");
    std::fs::write(&m, "previous").unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "sentence,label\nx,fact\n").unwrap();
    factop(
        &[
            "train",
            "--data",
            &bad.display().to_string(),
            "-o",
            &m.display().to_string(),
        ],
        None,
    )
    .err();
    assert_eq!(std::fs::read_to_string(&m).unwrap(), "previous");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn invalid_hyperparameters_are_usage_errors() {
    for args in [
        &["--alpha", "-1"][..],
        &["--alpha", "0"][..],
        &["--alpha", "nan"][..],
        &["--tolerance", "-1"][..],
        &["--max-iter", "0"][..],
        &["--min-df", "0"][..],
        &["--word-ngrams", "3-1"][..],
        &["--threshold", "1.5"][..],
        &["--threshold", "-0.1"][..],
        &["--threshold-cv", "1"][..],
        &["--threshold-cv", "0"][..],
        &["--cv", "1"][..],
        &["--cv", "0"][..],
        &["--cv", "-3"][..],
        &["--cue-scale", "0"][..],
        &["--cue-scale", "-2"][..],
        &["--cue-scale", "nan"][..],
        &["--cue-scale", "1000"][..],
        &["--cue-rules", "0"][..],
        &["--cue-rules", "27"][..],
        &["--reported-stance", "sideways"][..],
    ] {
        // `--alpha=-1`: a value, not an unknown flag `-1` (which would also exit 2)
        let flag = format!("{}={}", args[0], args[1]);
        let a = [
            "train",
            "--data",
            SEED,
            "-o",
            "/tmp/factop-never.json",
            &flag,
        ];
        let r = factop(&a, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(args[0]), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}: training started");
    }
    let _ = repo(SEED);
}

#[test]
fn grid_search_picks_by_cross_validation_and_records_the_winner() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json");
    let out = train_seed(&[
        "--cv",
        "3",
        "--grid",
        "alpha=0.5,4",
        "--grid",
        "word-ngrams=1,1-2",
        "-o",
        &m.display().to_string(),
    ]);
    assert!(out.contains("4 settings, 3-fold"), "{out}");
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("macro-F1 0.")).collect();
    assert_eq!(rows.len(), 4, "{out}");
    let best = rows
        .iter()
        .find(|l| l.trim_start().starts_with('*'))
        .unwrap();
    let score = |l: &str| -> f64 { l.split("macro-F1 ").nth(1).unwrap()[..6].parse().unwrap() };
    assert!(rows.iter().all(|l| score(l) <= score(best)), "{out}");
    // the written model carries the winning settings
    let label = best.split("  ").last().unwrap().trim();
    let v = model_json(&m);
    let alpha = label
        .split(' ')
        .next()
        .unwrap()
        .trim_start_matches("alpha=");
    assert_eq!(
        v["params"]["alpha"].as_f64().unwrap(),
        alpha.parse::<f64>().unwrap()
    );
    let bad = factop(&["train", "--data", SEED, "--grid", "gamma=1"], None);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn nb_score_model_stores_ratio_and_classifies_without_flags() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("nb.json");
    let summary = train_to(&m, &format_3(&["--nb-score", "0.5", "--no-reported-scope"]));
    assert!(summary.contains("naive-Bayes score"), "{summary}");
    let v = model_json(&m);
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["params"]["nb_score"], 0.5);
    let words = v["vocabulary"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t.as_str().unwrap().starts_with("w:"))
        .count();
    assert_eq!(v["nb_ratio"].as_array().unwrap().len(), words);
    let terms = v["vocabulary"]["terms"].as_array().unwrap().len();
    let cues = v["vocabulary"]["cues"].as_array().unwrap().len();
    assert_eq!(v["weights"].as_array().unwrap().len(), terms + cues + 1);
    let mp = m.display().to_string();
    let out = factop(
        &["classify", "-m", &mp, "-f", "jsonl"],
        Some(b"We should be ashamed of this reckless plan. The vote took place on Monday."),
    )
    .ok();
    assert_eq!(out.lines().count(), 2);
    // explain names the score feature; evaluate runs on the same model
    let out = factop(
        &[
            "explain",
            "We should be ashamed of this reckless plan.",
            "-m",
            &mp,
            "-k",
            "200",
        ],
        None,
    )
    .ok();
    assert!(out.contains("nb:score"), "{out}");
    factop(&["evaluate", "-m", &mp, "--data", SEED], None).ok();
    // a model without it (or the reported-speech scope) stays format version 1
    let plain = dir.path().join("plain.json");
    train_to(
        &plain,
        &format_3(&["--no-reported-scope", "--nb-score", "off"]),
    );
    let v = model_json(&plain);
    assert_eq!(v["format_version"], 1);
    assert!(v.get("nb_ratio").is_none() && v["params"].get("nb_score").is_none());
}

#[test]
fn reported_scope_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let (on, off) = (dir.path().join("on.json"), dir.path().join("off.json"));
    let no_nb = ["--nb-score", "off"];
    train_to(
        &on,
        &format_3(&[
            "--no-reported-scope",
            "--reported-scope",
            no_nb[0],
            no_nb[1],
        ]),
    );
    // the last of the two opposite flags wins
    train_to(
        &off,
        &format_3(&[
            "--reported-scope",
            "--no-reported-scope",
            no_nb[0],
            no_nb[1],
        ]),
    );
    let (v, plain) = (model_json(&on), model_json(&off));
    assert_eq!(v["format_version"], 3);
    assert_eq!(v["params"]["features"]["reported_scope"], true);
    let cues: Vec<&str> = v["vocabulary"]["cues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(cues.ends_with(&[
        "cue:reported_evaluative",
        "cue:reported_stance",
        "cue:reported_words"
    ]));
    // off: the model file has no trace of the option (format version 1, as before)
    assert_eq!(plain["format_version"], 1);
    assert!(plain["params"]["features"].get("reported_scope").is_none());
    let text = "The harbour board called the ferry deal disastrous.";
    the_option_needs_no_flag_later(
        &on,
        text,
        Some("cue:reported_evaluative"),
        "reported-scope=true,false",
    );
}

/// A model trained with an option (`on`) explains `text` with `cue` (if given) in place of
/// the author's `cue:evaluative`, classifies and evaluates with no flag, and the option is a
/// `--grid` key (`grid` is a grid over it, such as `cue-rules=1,2`).
fn the_option_needs_no_flag_later(on: &std::path::Path, text: &str, cue: Option<&str>, grid: &str) {
    let mp = on.display().to_string();
    if let Some(cue) = cue {
        let out = factop(&["explain", text, "-m", &mp, "-k", "300"], None).ok();
        assert!(out.contains(cue), "{out}");
        assert!(!out.contains("cue:evaluative "), "{out}");
    }
    factop(
        &["classify", "-m", &mp, "-f", "jsonl"],
        Some(text.as_bytes()),
    )
    .ok();
    factop(&["evaluate", "-m", &mp, "--data", SEED], None).ok();
    let key = grid.split('=').next().unwrap();
    let out = train_seed(&["--grid", grid, "--cv", "2"]);
    assert!(out.contains(key), "{out}");
}

/// Two models of the seed data trained by [`on_and_off`]: the paths and the files.
struct OnOff {
    on: std::path::PathBuf,
    off: std::path::PathBuf,
    v: serde_json::Value,
    plain: serde_json::Value,
}

/// Train the seed data into `dir` with the `on` flags and with the `off` flags: the first model
/// stores the feature option `field` as `value` in format `version`, the second has no trace
/// of it (the default model's format, version 3).
fn on_and_off(
    dir: &std::path::Path,
    (on, off): (&[&str], &[&str]),
    field: &str,
    value: serde_json::Value,
    version: u64,
) -> OnOff {
    let (on_path, off_path) = (dir.join("on.json"), dir.join("off.json"));
    train_to(&on_path, &format_3(on));
    train_to(&off_path, &format_3(off));
    let (v, plain) = (model_json(&on_path), model_json(&off_path));
    assert_eq!(v["format_version"], version);
    assert_eq!(v["params"]["features"][field], value);
    assert_eq!(plain["format_version"], 3);
    assert!(plain["params"]["features"].get(field).is_none());
    OnOff {
        on: on_path,
        off: off_path,
        v,
        plain,
    }
}

/// [`on_and_off`] for an on/off option given as both of its opposite flags, the last of which
/// wins: `no_flag flag` turns it on (stored as `true`), `flag no_flag` leaves it off.
fn toggled(dir: &std::path::Path, flag: &str, no_flag: &str, field: &str, version: u64) -> OnOff {
    let flags = (&[no_flag, flag][..], &[flag, no_flag][..]);
    on_and_off(dir, flags, field, true.into(), version)
}

impl OnOff {
    /// `inspect` of the first model says `says`; of the second, nothing with `off_lacks`.
    fn cards(&self, says: &str, off_lacks: &str) {
        let card = |p: &std::path::Path| factop(&["inspect", &p.display().to_string()], None).ok();
        let (on, off) = (card(&self.on), card(&self.off));
        assert!(on.contains(says), "{on}");
        assert!(!off.contains(off_lacks), "{off}");
    }
}

/// The last cue feature of a model file.
fn last_cue(v: &serde_json::Value) -> Option<serde_json::Value> {
    v["vocabulary"]["cues"].as_array().unwrap().last().cloned()
}

#[test]
fn split_evaluative_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let trained = toggled(
        dir.path(),
        "--split-evaluative",
        "--no-split-evaluative",
        "split_evaluative",
        5,
    );
    let OnOff { on, v, plain, .. } = &trained;
    assert_eq!(last_cue(v), Some("cue:descriptive".into()));
    // off: no trace of the option (the default model's format, version 3)
    assert_eq!(last_cue(plain), Some("cue:reported_words".into()));
    trained.cards("evaluative lexicon split", "evaluative lexicon split");
    let text = "The flood left the valley in a severe crisis.";
    the_option_needs_no_flag_later(
        on,
        text,
        Some("cue:descriptive"),
        "split-evaluative=true,false",
    );
}

#[test]
fn the_reported_stance_mode_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let flags = (
        &["--reported-stance", "split"][..],
        &["--reported-stance", "own"][..],
    );
    // No new format version: the cue names alone tell the modes apart.
    let trained = on_and_off(dir.path(), flags, "reported_stance", "split".into(), 3);
    let OnOff { on, v, plain, .. } = &trained;
    let cues = |v: &serde_json::Value| -> Vec<String> {
        let all = v["vocabulary"]["cues"].as_array().unwrap();
        all.iter()
            .filter_map(|c| c.as_str().filter(|c| c.starts_with("cue:reported_")))
            .map(String::from)
            .collect()
    };
    assert_eq!(
        cues(plain),
        [
            "cue:reported_evaluative",
            "cue:reported_stance",
            "cue:reported_words"
        ]
    );
    // New models drop them by default, and say so in the file.
    let dropped = dir.path().join("default.json");
    train_to(&dropped, &[]);
    let d = model_json(&dropped);
    assert_eq!(d["params"]["features"]["reported_stance"], "drop");
    assert_eq!(cues(&d), ["cue:reported_evaluative", "cue:reported_words"]);
    let split = cues(v);
    assert_eq!(split.len(), 11, "{split:?}");
    assert!(split.contains(&"cue:reported_obligation".to_string()));
    assert!(!split.contains(&"cue:reported_stance".to_string()));
    trained.cards("reported stance split", "reported stance");
    // (The seed data has no reported obligation to give that cue a weight, so `explain` has
    // none to show: the cue's value is checked in `features::cues`.)
    let text = "Critics say the council should act now.";
    the_option_needs_no_flag_later(on, text, None, "reported-stance=own,drop");
    // The modes change the reported-speech cues: without that scope they are an error.
    let r = factop(
        &[
            "train",
            "--data",
            SEED,
            "-o",
            "/tmp/factop-never.json",
            "--no-reported-scope",
            "--reported-stance",
            "split",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--reported-stance"), "{}", r.stderr);
}

#[test]
fn the_cue_scale_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let flags = (&["--cue-scale", "2.5"][..], &["--cue-scale", "1"][..]);
    let trained = on_and_off(dir.path(), flags, "cue_scale", 2.5.into(), 6);
    trained.cards("cue scale 2.5", "cue scale");
    let on = trained.on;
    let text = "Surely the council must act now?";
    the_option_needs_no_flag_later(&on, text, None, "cue-scale=0.5,2");
    let e = factop(
        &[
            "train",
            "--data",
            SEED,
            "--grid",
            "cue-scale=1,x",
            "--cv",
            "2",
        ],
        None,
    )
    .err();
    assert!(e.contains("cue-scale=x"), "{e}");
}

/// [`on_and_off`] for cue-rules revision `rev` (stored in format `version`, its last cue
/// `last`) against revision 1 (last cue `cue:reported_words`).
fn cue_rules_against_1(dir: &std::path::Path, rev: &str, version: u64, last: &str) -> OnOff {
    let flags = (&["--cue-rules", rev][..], &["--cue-rules", "1"][..]);
    let value = rev.parse::<u64>().unwrap().into();
    let trained = on_and_off(dir, flags, "cue_rules", value, version);
    assert_eq!(last_cue(&trained.v), Some(last.into()));
    assert_eq!(last_cue(&trained.plain), Some("cue:reported_words".into()));
    trained
}

#[test]
fn cue_rules_2_are_stored_in_the_model_and_need_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let trained = cue_rules_against_1(dir.path(), "2", 7, "cue:scare_quotes");
    let on = &trained.on;
    trained.cards("cue rules 2", "cue rules");
    let text = "Tenants were offered a \"consultation\" that lasted a week.";
    factop(&["explain", text, "-m", &on.display().to_string()], None).ok();
    the_option_needs_no_flag_later(on, text, None, "cue-rules=1,2");
}

/// Revision `rev` of the cue rules (format `version`, named `card` in the model card) against
/// revision 1 on `text`, whose evaluative word only `rev` reads as reported: it changes the
/// scope, not the cue features (no scare-quote cue), and each model reads the sentence the
/// same way without the flag.
fn cue_rules_move_a_word_into_the_reported_counts(rev: &str, version: u64, card: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let trained = cue_rules_against_1(dir.path(), rev, version, "cue:reported_words");
    let on = &trained.on;
    trained.cards(card, "cue rules");
    let (new, one) = (explained(on, text), explained(&trained.off, text));
    assert!(lists(&new, "cue:reported_evaluative"), "{new}");
    assert!(!lists(&new, "cue:evaluative"), "{new}");
    assert!(lists(&one, "cue:evaluative"), "{one}");
    assert!(!lists(&one, "cue:reported_evaluative"), "{one}");
    the_option_needs_no_flag_later(on, text, None, &format!("cue-rules=1,{rev}"));
}

#[test]
fn cue_rules_3_are_stored_in_the_model_and_need_no_flag_later() {
    // An attribution frame.
    cue_rules_move_a_word_into_the_reported_counts(
        "3",
        10,
        "attribution frames (cue rules 3)",
        "In her view, the verdict was a disgrace.",
    );
}

/// `explain`'s features of `text` under model `m` (the top 400).
fn explained(m: &std::path::Path, text: &str) -> String {
    factop(
        &["explain", text, "-k", "400", "-m", &m.display().to_string()],
        None,
    )
    .ok()
}

/// Whether `explain` output lists feature `f`.
fn lists(out: &str, f: &str) -> bool {
    out.lines().any(|l| l.split_whitespace().last() == Some(f))
}

/// Revision `rev` of the cue rules (format `version`, named `card` in the model card) against
/// revision 1 on `text`, where `rev` no longer counts `cue` (a word in a sense the rules read as
/// neutral); each model reads the sentence the same way without the flag.
fn cue_rules_stop_counting(rev: &str, version: u64, card: &str, text: &str, cue: &str) {
    let dir = tempfile::tempdir().unwrap();
    let trained = cue_rules_against_1(dir.path(), rev, version, "cue:reported_words");
    let on = &trained.on;
    trained.cards(card, "cue rules");
    let (new, one) = (explained(on, text), explained(&trained.off, text));
    assert!(!lists(&new, cue), "{new}");
    assert!(lists(&one, cue), "{one}");
    the_option_needs_no_flag_later(on, text, None, &format!("cue-rules=1,{rev}"));
}

/// An invented article: a report that runs on over two sentences, the author's verdict after
/// it, and the report's first continuation again in a paragraph of its own.
const RUN_ON: &str = "The council met on Tuesday. The scheme, its leader said, was a fair deal \
    for tenants. The new levy would mostly fall on large landlords. Bus routes, meanwhile, would \
    keep their current timetables. That would be a welcome change.\n\n\
    The new levy would mostly fall on large landlords.\n";

/// `classify`'s P(opinion) for each sentence of `text` under model `m`.
fn p_opinion(m: &std::path::Path, text: &str) -> Vec<f64> {
    let mp = m.display().to_string();
    factop(
        &["classify", "-m", &mp, "-f", "jsonl"],
        Some(text.as_bytes()),
    )
    .ok()
    .lines()
    .map(|l| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        v["p_opinion"].as_f64().unwrap()
    })
    .collect()
}

/// Two models of the seed data, trained with `--cue-rules OLD` and `--cue-rules NEW` into a
/// temporary directory that lives as long as this: the paths and the files.
struct Revisions {
    dir: tempfile::TempDir,
    rev: u8,
    old: std::path::PathBuf,
    new: std::path::PathBuf,
    old_json: serde_json::Value,
    new_json: serde_json::Value,
}

impl Revisions {
    /// Train the seed data with revisions `old` and `new` of the cue rules.
    fn train(old: u8, new: u8) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = |rev: u8| dir.path().join(format!("{rev}.json"));
        let (old_path, new_path) = (path(old), path(new));
        train_to(&old_path, &["--cue-rules", &old.to_string()]);
        train_to(&new_path, &["--cue-rules", &new.to_string()]);
        let (old_json, new_json) = (model_json(&old_path), model_json(&new_path));
        Revisions {
            dir,
            rev: new,
            old: old_path,
            new: new_path,
            old_json,
            new_json,
        }
    }

    /// The old model has format version `old`, the new one `new` and stores its revision.
    fn versions(&self, old: u64, new: u64) {
        assert_eq!(self.old_json["format_version"], old);
        assert_eq!(self.new_json["format_version"], new);
        assert_eq!(self.new_json["params"]["features"]["cue_rules"], self.rev);
    }

    /// Both models have the same weights.
    fn same_weights(&self) {
        assert_eq!(self.old_json["weights"], self.new_json["weights"]);
    }

    /// [`p_opinion`] of `text` under the old model and under the new one.
    fn p_opinion(&self, text: &str) -> (Vec<f64>, Vec<f64>) {
        (p_opinion(&self.old, text), p_opinion(&self.new, text))
    }

    /// `inspect` of the new model says `says`.
    fn card_says(&self, says: &str) {
        let card = factop(&["inspect", &self.new.display().to_string()], None).ok();
        assert!(card.contains(says), "{card}");
    }
}

/// Only the sentences that `moved` picks read differently under `new` than under `old`.
fn only_move(old: &[f64], new: &[f64], moved: impl Fn(usize) -> bool) {
    for (i, (a, b)) in new.iter().zip(old).enumerate() {
        assert_eq!(a == b, !moved(i), "sentence {i}: {a} {b}");
    }
}

/// Cue rules `new` against `old` (format versions `versions`: the old model's, the new one's)
/// on an invented `article` of `sentences` sentences whose sentence `moved` reads differently,
/// toward opinion; `inspect` names `(cue rules NEW)`. The models and the article's P(opinion)
/// under each (old, new).
fn revision_moves(
    (old, new): (u8, u8),
    versions: (u64, u64),
    article: &str,
    sentences: usize,
    moved: usize,
) -> (Revisions, Vec<f64>, Vec<f64>) {
    let r = Revisions::train(old, new);
    r.versions(versions.0, versions.1);
    let (before, after) = r.p_opinion(article);
    assert_eq!(before.len(), sentences);
    assert!(
        after[moved] > before[moved],
        "{} {}",
        after[moved],
        before[moved]
    );
    r.card_says(&format!("(cue rules {new})"));
    (r, before, after)
}

#[test]
fn cue_rules_10_read_a_continued_report_as_its_sources_quotation() {
    let dir = tempfile::tempdir().unwrap();
    let trained = cue_rules_against_1(dir.path(), "10", 18, "cue:reported_words");
    trained.cards("continued reports (cue rules 10)", "cue rules");
    let nine = dir.path().join("nine.json");
    train_to(&nine, &format_3(&["--cue-rules", "9"]));
    // Training rows stand alone: the weights are revision 9's.
    assert_eq!(model_json(&nine)["weights"], trained.v["weights"]);
    let out = factop(&["sentences", "-f", "jsonl"], Some(RUN_ON.as_bytes())).ok();
    let flags: Vec<bool> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["continues_report"] == true)
        .collect();
    assert_eq!(flags, [false, false, true, true, false, false], "{out}");
    // Only the two continuations read differently, each as the middle sentence of a quotation
    // with the same words.
    let (ten, old) = (p_opinion(&trained.on, RUN_ON), p_opinion(&nine, RUN_ON));
    assert_eq!(ten.len(), 6);
    for (i, (a, b)) in ten.iter().zip(&old).enumerate() {
        assert_eq!(a == b, !(2..=3).contains(&i), "sentence {i}: {a} {b}");
    }
    assert_eq!(ten[5], old[5]);
    let quoted = "\"It is a fair deal. The new levy would mostly fall on large landlords. It is \
        fair,\" its leader said.\n";
    assert_eq!(ten[2], p_opinion(&trained.on, quoted)[1]);
    the_option_needs_no_flag_later(&trained.on, RUN_ON, None, "cue-rules=1,10");
}

/// Invented sentences: the author's frames set off as asides, and the same words in a literal
/// use, in a quotation and in reported speech.
const FRAMES: &str = "Once again, the council has failed to fix the roads.\n\
    The river burst its banks once again on Tuesday.\n\
    That will be cold comfort to the tenants, to put it mildly.\n\
    Critics said that, once again, the council had failed.\n";

#[test]
fn cue_rules_11_count_the_authors_stance_frames() {
    let dir = tempfile::tempdir().unwrap();
    let trained = cue_rules_against_1(dir.path(), "11", 19, "cue:stance_frames");
    trained.cards("author-stance frames (cue rules 11)", "cue rules");
    let ten = dir.path().join("ten.json");
    train_to(&ten, &format_3(&["--cue-rules", "10"]));
    let v10 = model_json(&ten);
    assert_eq!(v10["format_version"], 18);
    assert_eq!(last_cue(&v10), Some("cue:reported_words".into()));
    // Revision 10 reads as it did before revision 11: P(opinion) of the seed data's model as
    // the factop of main d155d4c (before revision 11) printed them. (The embedded default
    // model of that time, trained again with `--cue-rules 10 --reported-stance own`, is
    // byte for byte the file it was: `docs/experiments.md`, "Author-stance frames".)
    let p = |m: Option<&std::path::Path>| {
        let mut args = vec!["classify".to_string(), "-f".into(), "jsonl".into()];
        if let Some(m) = m {
            args.extend(["-m".into(), m.display().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        factop(&args, Some(FRAMES.as_bytes()))
            .ok()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["p_opinion"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(p(Some(&ten)), SEED_TEN_P.map(serde_json::Value::from));
    // Revision 11 counts the frames in the author's words only.
    let cue = |text: &str| lists(&explained(&trained.on, text), "cue:stance_frames");
    let lines: Vec<&str> = FRAMES.lines().collect();
    assert_eq!(
        lines.iter().map(|t| cue(t)).collect::<Vec<_>>(),
        [true, false, true, false]
    );
    the_option_needs_no_flag_later(&trained.on, lines[0], None, "cue-rules=10,11");
}

/// P(opinion) of [`FRAMES`] under the seed data's revision-10 model (`train --data
/// datasets/factop-seed.csv --cue-rules 10 --no-single-quotes`) before revision 11.
const SEED_TEN_P: [f64; 4] = [0.724692, 0.506476, 0.565265, 0.392678];

#[test]
fn cue_rules_9_are_stored_in_the_model_and_need_no_flag_later() {
    // A timetable: a prediction for revision 1, not for revision 9.
    cue_rules_stop_counting(
        "9",
        17,
        "word senses and timetables (cue rules 9)",
        "The library will reopen on Monday.",
        "cue:predictions",
    );
}

#[test]
fn cue_rules_8_are_stored_in_the_model_and_need_no_flag_later() {
    // A judging word in a name: counted by revision 1, not by revision 8.
    cue_rules_stop_counting(
        "8",
        16,
        "feelings, courts and word senses (cue rules 8)",
        "Shops in the town will close early on Good Friday.",
        "cue:evaluative",
    );
}

#[test]
fn cue_rules_7_are_stored_in_the_model_and_need_no_flag_later() {
    // An inquest's hearing.
    cue_rules_move_a_word_into_the_reported_counts(
        "7",
        15,
        "attribution frames, asides, more attribution forms, feelings and courts (cue rules 7)",
        "The decision was a disgrace, the inquest heard.",
    );
}

#[test]
fn cue_rules_6_are_stored_in_the_model_and_need_no_flag_later() {
    // A third party's state of mind.
    cue_rules_move_a_word_into_the_reported_counts(
        "6",
        14,
        "attribution frames, asides, more attribution forms and feelings (cue rules 6)",
        "Residents are convinced the closure is a disgrace.",
    );
}

#[test]
fn cue_rules_5_are_stored_in_the_model_and_need_no_flag_later() {
    // A passive report.
    cue_rules_move_a_word_into_the_reported_counts(
        "5",
        13,
        "attribution frames, asides and more attribution forms (cue rules 5)",
        "The verdict has been described as a disgrace.",
    );
}

#[test]
fn cue_rules_4_are_stored_in_the_model_and_need_no_flag_later() {
    // A subject with an aside before its verb.
    cue_rules_move_a_word_into_the_reported_counts(
        "4",
        11,
        "attribution frames and asides (cue rules 4)",
        "Jane Okafor, the council's finance chief, said the verdict was a disgrace.",
    );
}

#[test]
fn a_user_lexicon_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("loaded.txt");
    std::fs::write(&lex, "# loaded words\nboondoggle\nvanity project\n").unwrap();
    // Sentences written for this test: the loaded words only in opinions.
    let data = dir.path().join("data.csv");
    let mut csv = String::from("sentence,label\n");
    for (k, place) in ["Arden", "Brill", "Corbin", "Dunmore", "Elston", "Fenwick"]
        .iter()
        .enumerate()
    {
        csv += &format!("The {place} tram line is a boondoggle.,opinion\n");
        csv += &format!("The {place} stadium was a vanity project from the start.,opinion\n");
        csv += &format!("The {place} tram line opened in 20{:02}.,fact\n", k + 10);
        csv += &format!(
            "The {place} stadium seats {} people.,fact\n",
            1000 * (k + 2)
        );
    }
    std::fs::write(&data, csv).unwrap();
    let (on, off) = (dir.path().join("on.json"), dir.path().join("off.json"));
    let d = data.display().to_string();
    let spec = format!("loaded={}", lex.display());
    for (out, extra) in [(&on, &["--lexicon", spec.as_str()][..]), (&off, &[][..])] {
        let o = out.display().to_string();
        let mut args = vec!["train", "--data", &d, "--min-df", "1", "-o", &o];
        args.extend_from_slice(FORMAT_3);
        args.extend_from_slice(extra);
        factop(&args, None).ok();
    }
    let (v, plain) = (model_json(&on), model_json(&off));
    assert_eq!(v["format_version"], 8);
    let stored = &v["params"]["features"]["lexicons"][0];
    assert_eq!(stored["name"], "loaded");
    assert_eq!(
        stored["entries"],
        serde_json::json!(["boondoggle", "vanity project"])
    );
    assert_eq!(last_cue(&v), Some("cue:lex:loaded".into()));
    assert!(plain["params"]["features"].get("lexicons").is_none());
    assert_eq!(plain["format_version"], 3);
    let card = factop(&["inspect", &on.display().to_string()], None).ok();
    assert!(card.contains("user lexicons loaded (2 entries)"), "{card}");
    // The lexicon file can go: the model carries its entries.
    std::fs::remove_file(&lex).unwrap();
    let mp = on.display().to_string();
    let text = "The new bridge is a vanity project.";
    let out = factop(&["explain", text, "-m", &mp, "-k", "300"], None).ok();
    assert!(out.contains("cue:lex:loaded"), "{out}");
    factop(
        &["classify", "-m", &mp, "-f", "jsonl"],
        Some(text.as_bytes()),
    )
    .ok();
    factop(&["evaluate", "-m", &mp, "--data", &d], None).ok();
}

#[test]
fn bad_user_lexicons_are_one_line_errors_naming_the_flag_or_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| harness::write(dir.path(), name, text);
    let good = write("good.txt", "fiasco\n");
    let empty = write("empty.txt", "# nothing here\n\n");
    let junk = write("junk.txt", "fiasco\n- - -\n");
    let latin1 = harness::write(dir.path(), "latin1.txt", b"fiasco\nd\xe9bacle\n");
    let missing = dir.path().join("missing.txt").display().to_string();
    // Flag mistakes are usage errors (exit 2), file problems exit 1.
    let cases: Vec<(Vec<String>, &str, i32)> = vec![
        (vec![good.clone()], "is not NAME=FILE", 2),
        (vec!["x=".to_string()], "is not NAME=FILE", 2),
        (
            vec![format!("Bad-Name={good}")],
            "must be 1 to 32 of a-z",
            2,
        ),
        (
            vec![format!("Bad-Name={missing}")],
            "must be 1 to 32 of a-z",
            2,
        ),
        (
            vec![format!("x={good}"), format!("x={good}")],
            "given twice",
            2,
        ),
        (vec![format!("x={missing}")], "missing.txt", 1),
        (
            vec![format!("x={empty}")],
            "empty.txt: lexicon `x` has no entries",
            1,
        ),
        (vec![format!("x={junk}")], "junk.txt: line 2:", 1),
        // It said only "stream did not contain valid UTF-8".
        (
            vec![format!("x={latin1}")],
            "latin1.txt: lexicon `x`: line 2 is not valid UTF-8",
            1,
        ),
    ];
    for (specs, expect, code) in cases {
        let mut args = vec!["train", "--data", SEED, "-o", "/tmp/factop-never.json"];
        for s in &specs {
            args.extend(["--lexicon", s.as_str()]);
        }
        let r = factop(&args, None);
        assert_eq!(r.code, code, "{specs:?}: {}", r.stderr);
        let e = r.err();
        assert!(e.contains(expect), "{specs:?}: {e}");
    }
    // The model may not be written over a lexicon file.
    let spec = format!("x={good}");
    let args = ["train", "--data", SEED, "--lexicon", &spec, "-o", &good];
    let e = factop(&args, None).err();
    assert!(e.contains("--output") && e.contains("--lexicon"), "{e}");
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "fiasco\n");
    let args = [
        "train",
        "--data",
        SEED,
        "--no-cues",
        "--lexicon",
        &spec,
        "--cv",
        "2",
    ];
    let e = factop(&args, None).err();
    assert!(e.contains("--lexicon") && e.contains("--no-cues"), "{e}");
}

#[test]
fn mask_reported_stance_is_stored_in_the_model_and_needs_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let trained = toggled(
        dir.path(),
        "--mask-reported-stance",
        "--no-mask-reported-stance",
        "mask_reported_stance",
        4,
    );
    trained.cards("reported stance masked", "reported stance masked");
    let on = trained.on;
    let text = "Ferry operators say the new harbour toll is ruinous.";
    the_option_needs_no_flag_later(&on, text, None, "mask-reported-stance=true,false");
}

#[test]
fn nb_score_flag_is_validated_and_searchable() {
    let e = factop(
        &["train", "--data", SEED, "--cv", "3", "--nb-score", "0"],
        None,
    )
    .err();
    assert!(e.contains("--nb-score") && e.contains("(0, 1e6]"), "{e}");
    let e = factop(
        &[
            "train",
            "--data",
            SEED,
            "--cv",
            "3",
            "--nb-score",
            "1",
            "--word-ngrams",
            "0",
        ],
        None,
    )
    .err();
    // asked for explicitly, the score needs word n-grams; the message says how to turn it off
    assert!(
        e.contains("--word-ngrams") && e.contains("--nb-score off"),
        "{e}"
    );
    let out = train_seed(&["--cv", "3", "--grid", "nb-score=off,0.5"]);
    assert!(
        out.contains("nb-score=off") && out.contains("nb-score=0.5"),
        "{out}"
    );
    let bad = factop(
        &["train", "--data", SEED, "--cv", "3", "--nb-score", "much"],
        None,
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("not off or a smoothing"),
        "{}",
        bad.stderr
    );
}

#[test]
fn nb_score_is_on_by_default_and_off_on_request_or_without_word_ngrams() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.json");
    // the default is the shipped model's: alpha 1
    train_to(&m, &[]);
    let v = model_json(&m);
    assert_eq!(v["params"]["nb_score"], 1.0);
    assert!(v["nb_ratio"].is_array());
    for off in [&["--nb-score", "off"][..], &["--word-ngrams", "0"][..]] {
        train_to(&m, off);
        let v = model_json(&m);
        assert!(v["params"].get("nb_score").is_none(), "{off:?}");
        assert!(v.get("nb_ratio").is_none(), "{off:?}");
    }
    // In a grid, too: the points without word n-grams train without the score, unless the
    // score is asked for (then that point is an error naming it).
    let grid = |extra: &[&str]| {
        let mut a = vec![
            "train",
            "--data",
            SEED,
            "--cv",
            "3",
            "--grid",
            "word-ngrams=0,1-2",
        ];
        a.extend_from_slice(extra);
        factop(&a, None)
    };
    let out = grid(&["-o", m.to_str().unwrap()]).ok();
    assert!(
        out.contains("word-ngrams=0") && out.contains("2 settings"),
        "{out}"
    );
    let e = grid(&["--nb-score", "1"]).err();
    assert!(e.contains("--nb-score off"), "{e}");
    let e = grid(&["--grid", "nb-score=1"]).err();
    assert!(e.contains("--nb-score off"), "{e}");
}

#[test]
fn grid_help_lists_every_settable_key() {
    let help = factop(&["train", "--help"], None).ok();
    for key in factop::model::TrainParams::SETTABLE {
        assert!(
            help.contains(key),
            "`train --help` does not list the grid key {key}"
        );
    }
}

/// `train --doc-column` reads each row in its article's context, as `evaluate` and `classify`
/// do: the rows inside quotations that run over several sentences get other features, so the
/// model differs from one trained on the same rows alone.
#[test]
fn doc_column_trains_on_sentences_in_their_articles() {
    let dir = tempfile::tempdir().unwrap();
    let train = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec!["train", "--data", "datasets/article-challenge.csv", "-o"];
        args.push(out.to_str().unwrap());
        args.extend(extra);
        let run = factop(&args, None);
        let stderr = run.stderr.clone();
        run.ok();
        (std::fs::read(out).unwrap(), stderr)
    };
    let (in_articles, note) = train("a.json", &["--doc-column", "doc", "--para-column", "para"]);
    assert!(note.contains("sentences of 14 articles"), "{note}");
    let (alone, note) = train("b.json", &[]);
    assert!(!note.contains("articles"), "{note}");
    assert_ne!(in_articles, alone);
}

/// Single quotation marks (British style) quote speech by default, stored in the model as
/// format version 9; `--no-single-quotes` trains the model as before (no trace of the option).
/// The model reads a sentence with single marks as it was trained, without a flag.
#[test]
fn single_quotes_are_stored_in_the_model_and_need_no_flag_later() {
    let dir = tempfile::tempdir().unwrap();
    let (on, off) = (dir.path().join("on.json"), dir.path().join("off.json"));
    train_to(
        &on,
        &[&FORMAT_3[1..], &[DOUBLE_ONLY, "--single-quotes"]].concat(),
    );
    train_to(
        &off,
        &[&FORMAT_3[1..], &["--single-quotes", DOUBLE_ONLY]].concat(),
    );
    let (v, plain) = (model_json(&on), model_json(&off));
    assert_eq!(v["format_version"], 9);
    assert_eq!(v["params"]["features"]["single_quotes"], true);
    assert!(plain["params"]["features"].get("single_quotes").is_none());
    assert_eq!(plain["format_version"], 3);
    let card = factop(&["inspect", &on.display().to_string()], None).ok();
    assert!(card.contains("(single marks too)"), "{card}");
    let card = factop(&["inspect", &off.display().to_string()], None).ok();
    assert!(!card.contains("single marks"), "{card}");
    // A single-quoted sentence: the quoted words are masked by the first model only.
    let text = "\u{2018}This plan is a shameful disgrace,\u{2019} said the mayor.";
    let explain = |m: &std::path::Path| {
        factop(
            &["explain", text, "-m", &m.display().to_string(), "-k", "300"],
            None,
        )
        .ok()
    };
    assert!(explain(&on).contains("w:<quote>"));
    assert!(!explain(&off).contains("w:<quote>"));
}

/// An invented interview without labels: an introduction, three questions put to `you` (each a
/// paragraph of its own), the answers in the first person, and the writer's closing paragraph.
const INTERVIEW: &str = "Ana Ruiz has run the shelter since 2019.\n\n\
    Why did demand rise, do you think?\n\n\
    Rent, mostly.\n\n\
    Will you keep growing?\n\n\
    I hope not. A shelter that grows every year is a sign that something has failed.\n\n\
    What keeps you going?\n\n\
    Our volunteers, who are better at this than I will ever be.\n\n\
    The shelter's winter appeal is a sensible cause.\n";

#[test]
fn cue_rules_12_read_the_questions_of_an_interview_as_quoted() {
    let r = Revisions::train(11, 12);
    r.versions(19, 20);
    // Training rows stand alone, and the seed data has no word of revision 12's senses: the
    // weights are revision 11's.
    r.same_weights();
    let out = factop(&["sentences", "-f", "jsonl"], Some(INTERVIEW.as_bytes())).ok();
    let flags: Vec<bool> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["q_and_a"] == true)
        .collect();
    assert_eq!(
        flags,
        [false, false, false, true, false, false, true, false, false],
        "{out}"
    );
    let (old, new) = r.p_opinion(INTERVIEW);
    assert_eq!(new.len(), 9);
    only_move(&old, &new, |i| flags[i]);
    // A column's rhetorical questions (answered by the writer, or on a line of their own with
    // no `you`) are no interview: revision 12 reads them as revision 11 does (the review's
    // finding: as first built, it read the later ones as quoted subheads).
    let (old, new) = r.p_opinion(COLUMN);
    assert_eq!(new, old);
}

/// Invented sentences for revision 13: a stance adverb, a recommendation, an imperative of
/// advice, a recipe's step, a report and the author's `He would say that.` after it, and `the
/// lies in` as a noun.
const RECOMMEND: &str = "Helpfully, the council published the figures a day after the vote.\n\
    Investors may want to look past the headline figure.\n\
    Book early for the Mahler in March.\n\
    Add the flour and stir for two minutes.\n\
    The mayor insists the scheme will pay for itself. He would say that.\n\
    The lies in the report were exposed by the audit.\n";

/// P(opinion) of [`RECOMMEND`] under the seed data's revision-12 model (`train --data
/// datasets/factop-seed.csv --min-df 1 --cue-rules 12`) as main's factop (fade328, before
/// revision 13) printed them.
const SEED_TWELVE_P: [f64; 7] = [
    0.45258, 0.514327, 0.560509, 0.563746, 0.402401, 0.513267, 0.325232,
];

#[test]
fn cue_rules_13_leave_revision_12_as_it_read() {
    let r = Revisions::train(12, 13);
    r.versions(20, 21);
    // Revision 12 reads as it did before revision 13.
    let (old, new) = r.p_opinion(RECOMMEND);
    assert_eq!(old, SEED_TWELVE_P);
    // The seed data has none of revision 13's words: the same weights, and only the sentences
    // with them read differently (not the recipe's step, not the report).
    r.same_weights();
    only_move(&old, &new, |i| i != 3 && i != 4);
    for i in [0, 1, 2, 5, 6] {
        assert!(new[i] > old[i], "sentence {i}: {} {}", new[i], old[i]);
    }
    r.card_says("recommendations and speakers' turns (cue rules 13)");
}

/// An invented debate write-up: the writer's opening, a speaker's turn of two sentences under
/// a name label, the writer's verdict under a label of the writer's own, and a colon later in a
/// sentence of the writer's.
const DEBATE: &str = "The two candidates met on Tuesday evening.\n\n\
    Moroz: The bypass is a waste of money. Nobody in this town asked for it.\n\n\
    Verdict: A dull debate that settled nothing.\n\n\
    The reason is simple: neither has a plan for the buses.\n";

#[test]
fn cue_rules_13_read_a_speakers_turn_as_quoted() {
    let r = Revisions::train(12, 13);
    // The seed data has no speaker label: the same weights.
    r.same_weights();
    let out = factop(&["sentences", "-f", "jsonl"], Some(DEBATE.as_bytes())).ok();
    let flags: Vec<bool> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["speaker_turn"] == true)
        .collect();
    assert_eq!(flags, [false, true, true, false, false], "{out}");
    // Only the turn's sentences move, toward the speaker's (fact).
    let (old, new) = r.p_opinion(DEBATE);
    only_move(&old, &new, |i| flags[i]);
    for (i, (a, b)) in new.iter().zip(&old).enumerate() {
        assert!(!flags[i] || a < b, "sentence {i}: {a} {b}");
    }
}

/// Invented paragraphs for revision 14: the writer's rhetorical question and its answer, an
/// explainer's subhead on its own line, a common word's name as a speaker label, and a
/// headline's topic before a colon.
const REVISION_14: &str = "The council wants another £2m for its new headquarters.\n\n\
    Will the new building pay for itself? Perhaps, in thirty years.\n\n\
    Is the site safe?\n\n\
    Will Hutton: The Treasury has lost control of the story.\n\n\
    Inflation: what happens next?\n";

/// P(opinion) of [`REVISION_14`] under the seed data's revision-13 model (`train --data
/// datasets/factop-seed.csv --min-df 1`) as main's factop (055903a, before revision 14)
/// printed them.
const SEED_THIRTEEN_P: [f64; 6] = [0.447629, 0.712025, 0.644311, 0.67268, 0.348396, 0.353098];

#[test]
fn cue_rules_14_leave_revision_13_as_it_read() {
    let r = Revisions::train(13, 14);
    r.versions(21, 22);
    // Revision 13 reads as it did.
    let (old, new) = r.p_opinion(REVISION_14);
    assert_eq!(old, SEED_THIRTEEN_P);
    // Training rows stand alone and have no rhetorical question in context, and the seed data
    // no label that revision 14 reads otherwise: the same weights. Only the rhetorical
    // question (toward opinion), `Will Hutton:` (now a speaker's turn, toward fact) and the
    // topic (no longer a turn, toward opinion) move.
    r.same_weights();
    only_move(&old, &new, |i| [1, 4, 5].contains(&i));
    assert!(
        new[1] > old[1] && new[4] < old[4] && new[5] > old[5],
        "{new:?} {old:?}"
    );
    let out = factop(&["sentences", "-f", "jsonl"], Some(REVISION_14.as_bytes())).ok();
    let flag = |name: &str| -> Vec<bool> {
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()[name] == true)
            .collect()
    };
    assert_eq!(
        flag("rhetorical"),
        [false, true, false, false, false, false]
    );
    assert_eq!(
        flag("speaker_turn"),
        [false, false, false, false, false, true]
    );
    assert_eq!(
        flag("speaker_turn_14"),
        [false, false, false, false, true, false]
    );
    r.card_says("rhetorical questions (cue rules 14)");
}

/// Invented sentences for cue rules 15: the newsroom's own `we`/`our` in plain reporting
/// (sentences 0 to 2), then the author's `we` and a sentence with no first person.
const REVISION_15: &str = "We asked the council for comment.\n\n\
    Our analysis of the figures shows a rise in complaints.\n\n\
    By our court reporter\n\n\
    We should scrap the scheme.\n\n\
    The council voted on Tuesday.\n";

#[test]
fn cue_rules_15_read_the_newsrooms_we_as_reporting() {
    let r = Revisions::train(14, 15);
    r.versions(22, 23);
    // The seed data has no newsroom `we`: the same weights. Only the newsroom's sentences
    // move, toward fact.
    r.same_weights();
    let (old, new) = r.p_opinion(REVISION_15);
    for (i, (a, b)) in new.iter().zip(&old).enumerate() {
        assert_eq!(a < b, i < 3, "sentence {i}: {a} {b}");
    }
    only_move(&old, &new, |i| i < 3);
    r.card_says("the newsroom's first person (cue rules 15)");
}

/// An invented column whose paragraphs open with rhetorical questions.
const COLUMN: &str = "The council wants another £2m for its new headquarters.\n\n\
    Who will pay for this? Residents, as always.\n\n\
    Is that fair? I do not think so.\n\n\
    Should we simply shrug?\n\n\
    I would rather we voted them out.\n\n\
    Is that too much to ask?\n";

/// An invented column that heads paragraphs with names (sentences 1 to 4), then an invented
/// transcript whose labels recur.
const REVISION_16_COLUMN: &str = "This column picks the week's winners and losers.\n\n\
    Ada Quist: The councillor for Fenmoor asked about the consultants for a year. \
    It was patient, thankless work.\n\n\
    Bryn Tallis: The deputy leader called the backlog stable. Nobody believed him.\n\n\
    The budget comes out next week.\n";
const REVISION_16_TRANSCRIPT: &str = "Jo Marsh: Welcome back. I am talking to Ken Alder.\n\n\
    Ken Alder: Thanks for having me.\n\n\
    Marsh: That is a stark figure.\n\n\
    Alder: The plan is a disaster. It will fail.\n";

#[test]
fn cue_rules_16_read_a_columns_name_headings_as_the_authors() {
    let r = Revisions::train(15, 16);
    r.versions(23, 24);
    let seventeen = r.dir.path().join("17.json");
    train_to(&seventeen, &["--cue-rules", "17"]);
    let v17 = model_json(&seventeen);
    assert_eq!(v17["format_version"], 25);
    assert_eq!(v17["params"]["features"]["cue_rules"], 17);
    // The seed data has no articles: the same weights. Only the column's headed paragraphs
    // move; the transcript's turns read as before.
    r.same_weights();
    let (old, new) = r.p_opinion(REVISION_16_COLUMN);
    assert_eq!(old.len(), 6);
    only_move(&old, &new, |i| (1..=4).contains(&i));
    let (old, new) = r.p_opinion(REVISION_16_TRANSCRIPT);
    assert_eq!(old, new);
    r.card_says("a column's name headings and question subheads (cue rules 16)");
}

/// Invented: a press conference written up as a transcript (cue rules 18 read its short
/// questions as a question block's; the manager's answers read as before).
const REVISION_18_TRANSCRIPT: &str = "The manager met the press on Friday.\n\n\
    Q: The fans booed on Tuesday. Do you understand why?\n\n\
    Ivo Lind: Of course. We were poor.\n";

#[test]
fn cue_rules_18_have_format_version_26() {
    let r = Revisions::train(17, 18);
    r.versions(25, 26);
    // Only the interviewer's short question moves (the seed data has no such words: the
    // same weights).
    r.same_weights();
    let (old, new) = r.p_opinion(REVISION_18_TRANSCRIPT);
    assert_eq!(old.len(), 5);
    only_move(&old, &new, |i| i == 2);
    r.card_says("(cue rules 18)");
}

/// An invented article: a report, the author's call to action (cue rules 19), a reported call.
const REVISION_19_CALL: &str = "The council will vote on the bus cuts next Thursday.\n\n\
    Write to your councillor before the vote.\n\n\
    Campaigners have urged residents to write to their councillors.\n";

#[test]
fn cue_rules_19_are_opt_in_with_format_version_27() {
    // The seed data has no call of revision 19's: the same weights, and only the author's
    // call to action moves, toward opinion.
    let (r, old, new) = revision_moves((18, 19), (26, 27), REVISION_19_CALL, 3, 1);
    r.same_weights();
    only_move(&old, &new, |i| i == 1);
}

/// An invented article: a report, the author's verdict on a claim (cue rules 20), a report of
/// someone else's verdict.
const REVISION_20_VERDICT: &str = "The council will vote on the bus cuts next Thursday.\n\n\
    The leader claimed, wrongly, that the cuts would save two million pounds.\n\n\
    The auditors said the savings figure was wrong.\n";

#[test]
fn cue_rules_20_have_format_version_28() {
    // The seed data has no verdict of revision 20's: the same weights as 19, and only the
    // author's verdict on the leader's claim moves, toward opinion.
    let (r, old, new) = revision_moves((19, 20), (27, 28), REVISION_20_VERDICT, 3, 1);
    r.same_weights();
    only_move(&old, &new, |i| i == 1);
}

/// An invented article: a report, the author's loaded verb (cue rules 21), the same word in a
/// quotation.
const REVISION_21_LOADED: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The council splurged two million pounds on a new logo last spring.\n\n\
    \"It was a splurge,\" said the opposition leader, Ann Tolley.\n";

#[test]
fn cue_rules_21_are_opt_in_with_format_version_29() {
    // The seed data has no loaded word of revision 21's: the same weights as 20, and only the
    // author's loaded verb moves, toward opinion.
    let (r, old, new) = revision_moves((20, 21), (28, 29), REVISION_21_LOADED, 3, 1);
    r.same_weights();
    only_move(&old, &new, |i| i == 1);
}

/// An invented article: a report, the author's verdict on a source in a phrase revision 20 does
/// not read (cue rules 22), the same source's words in plain report.
const REVISION_22_VERDICT: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The harbourmaster insisted, with a straight face, that the moorings were full.\n\n\
    The harbourmaster said the moorings would be inspected in May.\n";

#[test]
fn cue_rules_22_have_format_version_30() {
    // The author's verdict moves toward opinion; the plain report and the timetable do not move.
    revision_moves((21, 22), (29, 30), REVISION_22_VERDICT, 3, 1);
}

/// An invented article: a report, the author's evaluative word on a figure (cue rules 23), the
/// same figure in plain report.
const REVISION_23_FIGURE: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The mooring fees went up by a paltry 2% this spring.\n\n\
    The harbourmaster said the dues would be reviewed in May.\n";

#[test]
fn cue_rules_23_have_format_version_31() {
    // The author's word on a figure moves toward opinion.
    revision_moves((22, 23), (30, 31), REVISION_23_FIGURE, 3, 1);
}

/// An invented article: a report, the author's hedged prediction (cue rules 24), the same
/// outcome in plain report.
const REVISION_24_HEDGE: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The new mooring fees are likely to drive the fishing boats out of the harbour.\n\n\
    The harbourmaster said the dues would be reviewed in May.\n";

#[test]
fn cue_rules_24_are_opt_in_with_format_version_32() {
    // The author's hedged prediction moves toward opinion.
    revision_moves((23, 24), (31, 32), REVISION_24_HEDGE, 3, 1);
}

/// An article (invented) with the author's verdict on a source in its second sentence.
const REVISION_25_VERDICT: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The harbourmaster says the new fees will drive the boats away. She is right, though her \
    own office drew them up.\n\n\
    The harbourmaster said the dues would be reviewed in May.\n";

#[test]
fn cue_rules_25_are_opt_in_with_format_version_33() {
    // The author's verdict on a source moves toward opinion.
    revision_moves((23, 25), (31, 33), REVISION_25_VERDICT, 4, 2);
}

/// An article (invented) with the author's `too` of excess in its second sentence.
const REVISION_26_EXCESS: &str = "The council will vote on the harbour plan next Thursday.\n\n\
    The new berths open in May. They are far too small for the fishing fleet.\n\n\
    The harbourmaster said the dues would be reviewed in May.\n";

#[test]
fn cue_rules_26_are_the_default_with_format_version_34() {
    // The author's `too` of excess moves toward opinion.
    let (r, _, _) = revision_moves((25, 26), (33, 34), REVISION_26_EXCESS, 4, 2);
    // The default is revision 26 (since 2 December 2026, 07:08 UTC): the same file.
    let default = r.dir.path().join("default.json");
    train_to(&default, &[]);
    assert_eq!(
        std::fs::read(&default).unwrap(),
        std::fs::read(&r.new).unwrap()
    );
}
