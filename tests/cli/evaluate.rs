use crate::harness::{self, factop, repo};
use serde_json::Value;

const SEED: &str = "datasets/factop-seed.csv";
const CHAL2: &str = "datasets/attribution-challenge-2.csv";

#[test]
fn json_report_follows_the_contract() {
    let out = factop(&["evaluate", "--data", SEED, "--format", "json"], None).ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["n"], 40);
    for k in ["accuracy", "macro_f1", "roc_auc", "brier", "ece"] {
        let x = r[k].as_f64().unwrap_or_else(|| panic!("{k} missing"));
        assert!((0.0..=1.0).contains(&x), "{k}={x}");
    }
    for c in ["fact", "opinion"] {
        for k in ["precision", "recall", "f1", "support"] {
            assert!(r["classes"][c][k].is_number(), "{c}.{k}");
        }
    }
    let conf = &r["confusion"];
    let total: u64 = ["fact", "opinion"]
        .iter()
        .flat_map(|t| ["fact", "opinion"].map(|p| conf[t][p].as_u64().unwrap()))
        .sum();
    assert_eq!(total, 40);
    assert_eq!(
        conf["opinion"]["fact"].as_u64().unwrap() + conf["opinion"]["opinion"].as_u64().unwrap(),
        r["classes"]["opinion"]["support"].as_u64().unwrap()
    );
    // the macro-F1 is the mean of the two classes' F1
    let mean = (r["classes"]["fact"]["f1"].as_f64().unwrap()
        + r["classes"]["opinion"]["f1"].as_f64().unwrap())
        / 2.0;
    assert!((mean - r["macro_f1"].as_f64().unwrap()).abs() < 1e-12);
}

#[test]
fn text_report_has_the_same_figures() {
    let out = factop(&["evaluate", "--data", SEED], None).ok();
    let json: Value =
        serde_json::from_str(&factop(&["evaluate", "--data", SEED, "--format", "json"], None).ok())
            .unwrap();
    let f1 = format!("{:.4}", json["macro_f1"].as_f64().unwrap());
    assert!(out.contains(&f1), "{out}");
    assert!(out.contains("confusion"), "{out}");
}

/// The shipped default model's macro-F1 on a challenge set written for the project (never
/// trained on), after checking its row and fact counts, must be at least `floor`.
fn holds_floor(file: &str, rows: u64, facts: u64, floor: f64) {
    let out = factop(&["evaluate", "--data", file, "--format", "json"], None).ok();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["n"], rows, "{file}");
    assert_eq!(r["classes"]["fact"]["support"], facts, "{file}");
    let f1 = r["macro_f1"].as_f64().unwrap();
    assert!(f1 >= floor, "{file}: macro-F1 {f1:.4} < {floor}");
}

/// The shipped default model on the first seventeen attribution challenge sets
/// (`datasets/attribution-challenge.csv`, `-2` to `-17`; the second to seventeenth blind: written and labelled
/// before any model was run on them). Each floor is the measured macro-F1 minus 0.03, rounded
/// down to two decimals (`datasets/README.md` has the figures): room for a sentence or two,
/// not for losing attributed/unattributed sentences wholesale. Needs no `../shared`.
#[test]
fn default_model_holds_its_floors_on_the_attribution_challenge_sets() {
    holds_floor("datasets/attribution-challenge.csv", 175, 99, 0.84);
    holds_floor("datasets/attribution-challenge-2.csv", 212, 107, 0.81);
    holds_floor("datasets/attribution-challenge-3.csv", 212, 107, 0.82);
    holds_floor("datasets/attribution-challenge-4.csv", 227, 116, 0.82);
    holds_floor("datasets/attribution-challenge-5.csv", 217, 108, 0.80);
    holds_floor("datasets/attribution-challenge-6.csv", 222, 112, 0.82);
    holds_floor("datasets/attribution-challenge-7.csv", 236, 116, 0.86);
    holds_floor("datasets/attribution-challenge-8.csv", 250, 125, 0.80);
    holds_floor("datasets/attribution-challenge-9.csv", 239, 122, 0.78);
    holds_floor("datasets/attribution-challenge-10.csv", 244, 121, 0.78);
    holds_floor("datasets/attribution-challenge-11.csv", 240, 121, 0.78);
    holds_floor("datasets/attribution-challenge-12.csv", 246, 124, 0.76);
    holds_floor("datasets/attribution-challenge-13.csv", 248, 124, 0.78);
    holds_floor("datasets/attribution-challenge-14.csv", 248, 124, 0.75);
    holds_floor("datasets/attribution-challenge-15.csv", 248, 124, 0.76);
    holds_floor("datasets/attribution-challenge-16.csv", 248, 124, 0.72);
    holds_floor("datasets/attribution-challenge-17.csv", 248, 124, 0.84);
}

/// The blind article-level set (`datasets/article-challenge.csv`: 14 articles, labelled in
/// context, written before any model was run on them).
const ARTICLES: &str = "datasets/article-challenge.csv";
const IN_ARTICLES: [&str; 4] = ["--doc-column", "doc", "--para-column", "para"];

/// The default model on a blind article set: macro-F1 with each row read in its article at
/// least `floor`, and above the figure with each row read alone (a sentence inside a
/// quotation that runs over several sentences is the speaker's only in context).
fn reads_in_context(file: &str, rows: u64, facts: u64, articles: usize, floor: f64) {
    reads_in_context_at_least(file, rows, facts, articles, floor, true);
}

/// [`reads_in_context`] without the comparison with the rows read alone: for the sets that read
/// no better in context than alone, only the floor in context is held.
fn holds_floor_in_context(file: &str, rows: u64, facts: u64, articles: usize, floor: f64) {
    reads_in_context_at_least(file, rows, facts, articles, floor, false);
}

/// [`reads_in_context`], the comparison with the rows read alone only if `context_helps`.
fn reads_in_context_at_least(
    file: &str,
    rows: u64,
    facts: u64,
    articles: usize,
    floor: f64,
    context_helps: bool,
) {
    let score = |extra: &[&str]| {
        let mut args = vec!["evaluate", "--data", file, "--format", "json"];
        args.extend(extra);
        let run = factop(&args, None);
        let stderr = run.stderr.clone();
        let r: Value = serde_json::from_str(&run.ok()).unwrap();
        assert_eq!(r["n"], rows, "{file}");
        assert_eq!(r["classes"]["fact"]["support"], facts, "{file}");
        (r["macro_f1"].as_f64().unwrap(), stderr)
    };
    let (in_context, note) = score(&IN_ARTICLES);
    let grouped = format!("{rows} rows read as the sentences of {articles} articles");
    assert!(
        note.contains(&grouped) && !note.contains("warning"),
        "{note}"
    );
    assert!(
        in_context >= floor,
        "{file} in context: macro-F1 {in_context:.4} < {floor}"
    );
    if !context_helps {
        return;
    }
    let (alone, _) = score(&[]);
    assert!(
        alone < in_context,
        "{file}: alone {alone:.4} >= in context {in_context:.4}"
    );
}

/// The twenty-two article sets written blind (`datasets/article-challenge.csv`, `-2` to `-22`; the
/// reserved ones after them are not scored here). Each floor is the default
/// model's macro-F1 in context when the set was added (`datasets/README.md`; 0.9201 for the
/// first, 0.8893 for the second, 0.8682 for the third, 0.9152 for the sixth, 0.7727 for the
/// seventh, 0.9181 for the eighth, 0.9062 for the ninth, 0.8354 for the tenth, 0.8081 for the
/// eleventh with cue rules 15, 0.8661 for the twelfth with cue rules 15 and 16, 0.8500 for the
/// thirteenth with cue rules 16, 0.8643 with 17, 0.8760 for the fourteenth with cue rules 17,
/// 0.8823 with 18, 0.8783 for the fifteenth with cue rules 18, 0.8819 for the sixteenth with cue
/// rules 18, 0.9144 for the seventeenth with cue rules 18 and 20, 0.8739 for the eighteenth with
/// cue rules 20 and 22, 0.8974 for the nineteenth with cue rules 22 and 23, 0.8875 for the
/// twentieth with cue rules 23, against 0.8723 alone, 0.9082 for the twenty-first with cue rules
/// 23, against 0.8934 alone, 0.9107 for the twenty-second with cue rules 23 and 26) minus about
/// 0.03, rounded down. The eighth, the twelfth, the seventeenth, the nineteenth and the
/// twenty-second read no better in context than alone (0.9181 and 0.9185 at the eighth's first
/// run, 0.8661 both at the twelfth's, 0.9144 both at the seventeenth's, 0.8974 both at the
/// nineteenth's, 0.9107 both at the twenty-second's), so only their floors are
/// held; the eleventh read worse in context at its first run (0.8081 against 0.8167 alone) and
/// better with cue rules 16 (0.8298), which is held.
#[test]
fn default_model_reads_the_article_sets_in_context() {
    reads_in_context(ARTICLES, 278, 164, 14, 0.89);
    reads_in_context("datasets/article-challenge-2.csv", 290, 173, 13, 0.85);
    reads_in_context("datasets/article-challenge-3.csv", 298, 193, 13, 0.83);
    reads_in_context("datasets/article-challenge-4.csv", 320, 223, 13, 0.84);
    reads_in_context("datasets/article-challenge-5.csv", 316, 217, 13, 0.86);
    reads_in_context("datasets/article-challenge-6.csv", 338, 230, 14, 0.88);
    reads_in_context("datasets/article-challenge-7.csv", 349, 248, 14, 0.74);
    holds_floor_in_context("datasets/article-challenge-8.csv", 329, 226, 14, 0.88);
    reads_in_context("datasets/article-challenge-9.csv", 351, 261, 14, 0.87);
    reads_in_context("datasets/article-challenge-10.csv", 324, 243, 14, 0.80);
    reads_in_context("datasets/article-challenge-11.csv", 339, 254, 14, 0.77);
    holds_floor_in_context("datasets/article-challenge-12.csv", 338, 250, 14, 0.83);
    reads_in_context("datasets/article-challenge-13.csv", 348, 249, 14, 0.82);
    reads_in_context("datasets/article-challenge-14.csv", 349, 251, 14, 0.84);
    reads_in_context("datasets/article-challenge-15.csv", 350, 242, 14, 0.84);
    reads_in_context("datasets/article-challenge-16.csv", 367, 261, 14, 0.85);
    holds_floor_in_context("datasets/article-challenge-17.csv", 351, 244, 14, 0.88);
    reads_in_context("datasets/article-challenge-18.csv", 363, 277, 14, 0.84);
    holds_floor_in_context("datasets/article-challenge-19.csv", 350, 248, 14, 0.86);
    reads_in_context("datasets/article-challenge-20.csv", 360, 259, 14, 0.85);
    reads_in_context("datasets/article-challenge-21.csv", 378, 270, 14, 0.87);
    holds_floor_in_context("datasets/article-challenge-22.csv", 346, 250, 14, 0.88);
}

/// `evaluate --doc-column` predicts for each row what `classify` says of that sentence in the
/// rebuilt article (rows of a paragraph joined by a space, paragraphs by a blank line).
#[test]
fn rows_of_an_article_score_as_classify_scores_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.csv");
    let mut args = vec!["evaluate", "--data", ARTICLES, "--predictions"];
    args.push(pred.to_str().unwrap());
    args.extend(IN_ARTICLES);
    factop(&args, None).ok();
    let predicted: Vec<String> = csv::Reader::from_path(&pred)
        .unwrap()
        .records()
        .map(|r| r.unwrap()[4].to_string())
        .collect();
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for r in csv::Reader::from_path(repo(ARTICLES)).unwrap().records() {
        let r = r.unwrap();
        rows.push((r[0].to_string(), r[1].to_string(), r[2].to_string()));
    }
    let mut labels = Vec::new();
    let mut docs = 0;
    for chunk in rows.chunk_by(|a, b| a.0 == b.0) {
        let mut article = String::new();
        for (i, (_, para, sentence)) in chunk.iter().enumerate() {
            if i > 0 {
                article.push_str(if *para != chunk[i - 1].1 { "\n\n" } else { " " });
            }
            article.push_str(sentence);
        }
        let path = dir.path().join(format!("{}.txt", chunk[0].0));
        std::fs::write(&path, &article).unwrap();
        let out = factop(&["classify", path.to_str().unwrap()], None).ok();
        let sentences: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(sentences.len(), chunk.len(), "{}", chunk[0].0);
        for (s, (_, _, text)) in sentences.iter().zip(chunk) {
            assert_eq!(s["text"], text.as_str());
            labels.push(s["label"].as_str().unwrap().to_string());
        }
        docs += 1;
    }
    assert_eq!(docs, 14);
    assert_eq!(predicted, labels);
}

/// The article columns' mistakes: one line each naming the row, column or flag.
#[test]
fn article_columns_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| harness::write(dir.path(), name, body);
    let back = write(
        "back.csv",
        "doc,sentence,label\na,It rained.,fact\nb,It stopped.,fact\na,Sad.,opinion\n",
    );
    let run = |file: &str, extra: &[&str]| {
        let mut args = vec!["evaluate", "--data", file];
        args.extend(extra);
        factop(&args, None)
    };
    let e = run(&back, &["--doc-column", "doc"]).err();
    assert!(
        e.contains("row 4: article `a` (column `doc`) already ended"),
        "{e}"
    );
    let e = run(&back, &["--doc-column", "article"]).err();
    assert!(
        e.contains("no column `article`") && e.contains("--doc-column"),
        "{e}"
    );
    let r = run(&back, &["--para-column", "para"]);
    assert_eq!(r.code, 2);
    let e = r.err();
    assert!(
        e.contains("--para-column") && e.contains("needs --doc-column"),
        "{e}"
    );
    let empty = write(
        "empty.csv",
        "doc,sentence,label\na,It rained.,fact\n ,Sad.,opinion\n",
    );
    let e = run(&empty, &["--doc-column", "doc"]).err();
    assert!(e.contains("row 3: empty value in column `doc`"), "{e}");
    // Two sentences in one row: scored, with a warning naming the file.
    let two = write(
        "two.csv",
        "doc,sentence,label\na,It rained. It stopped.,fact\na,What a pity.,opinion\n",
    );
    let r = run(&two, &["--doc-column", "doc"]);
    assert!(
        r.stderr.contains("warning") && r.stderr.contains("two.csv: 1 row is not one sentence"),
        "{}",
        r.stderr
    );
    r.ok();
}

/// `--predictions` writes one CSV row per example, naming the file and row it came from, with
/// the wrong ones marked: as many as the confusion matrix's off-diagonal.
#[test]
fn predictions_list_every_row_with_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pred.csv");
    let json = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--format",
            "json",
            "--predictions",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(json.stderr.contains("40 predictions ("), "{}", json.stderr);
    let r: Value = serde_json::from_str(&json.ok()).unwrap();
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    assert_eq!(
        rdr.headers().unwrap(),
        vec![
            "source",
            "row",
            "text",
            "label",
            "predicted",
            "p_opinion",
            "correct"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 40);
    // Row numbers are the data file's (the header is row 1), with its text and label.
    let mut seed = csv::Reader::from_path(crate::harness::repo(SEED)).unwrap();
    for (i, (got, want)) in rows
        .iter()
        .zip(seed.records().map(Result::unwrap))
        .enumerate()
    {
        assert_eq!(&got[0], SEED);
        assert_eq!(got[1].parse::<usize>().unwrap(), i + 2);
        assert_eq!((&got[2], &got[3]), (want[0].trim(), want[1].trim()));
        let p: f64 = got[5].parse().unwrap();
        let predicted = if p >= r["threshold"].as_f64().unwrap() {
            "opinion"
        } else {
            "fact"
        };
        assert_eq!(&got[4], predicted, "{got:?}");
        assert_eq!(&got[6], if got[3] == got[4] { "yes" } else { "no" });
    }
    let wrong = rows.iter().filter(|r| &r[6] == "no").count() as u64;
    let c = &r["confusion"];
    let off = c["fact"]["opinion"].as_u64().unwrap() + c["opinion"]["fact"].as_u64().unwrap();
    assert_eq!(wrong, off);
}

/// A predictions path that is one of the --data files is refused before anything is written;
/// an existing predictions file is left as it was when the run fails.
#[test]
fn predictions_never_replace_the_data_or_survive_a_failed_run_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.csv");
    std::fs::copy(crate::harness::repo(SEED), &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    let d = data.to_str().unwrap();
    let e = factop(&["evaluate", "--data", d, "--predictions", d], None);
    assert_eq!(e.code, 2);
    let e = e.err();
    assert!(
        e.contains("--predictions") && e.contains("--data file"),
        "{e}"
    );
    assert_eq!(std::fs::read(&data).unwrap(), before);
    // Nor a model file (--model or --compare).
    let m = dir.path().join("m.json");
    let shipped = crate::harness::repo("models/default.json");
    std::fs::copy(&shipped, &m).unwrap();
    let ms = m.to_str().unwrap();
    for flag in ["--model", "--compare"] {
        let r = factop(
            &["evaluate", "--data", SEED, flag, ms, "--predictions", ms],
            None,
        );
        assert_eq!(r.code, 2);
        let e = r.err();
        assert!(e.contains(&format!("the {flag} file")), "{e}");
    }
    assert_eq!(std::fs::read(&m).unwrap(), std::fs::read(&shipped).unwrap());

    let old = dir.path().join("old.csv");
    std::fs::write(&old, "earlier predictions\n").unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "sentence,label\nfine,fact\nodd,maybe\n").unwrap();
    let e = factop(
        &[
            "evaluate",
            "--data",
            bad.to_str().unwrap(),
            "--predictions",
            old.to_str().unwrap(),
        ],
        None,
    )
    .err();
    assert!(e.contains("row 3"), "{e}");
    assert_eq!(
        std::fs::read_to_string(&old).unwrap(),
        "earlier predictions\n"
    );
    let e = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--predictions",
            dir.path().to_str().unwrap(),
        ],
        None,
    )
    .err();
    assert!(
        e.contains("--predictions") && e.contains("is a folder"),
        "{e}"
    );
}

/// The 95% bootstrap intervals: around the figures, the same for the same seed, and off with
/// `--bootstrap 0` (on a file the model gets partly wrong, so the intervals have width).
#[test]
fn bootstrap_intervals_bracket_the_figures_and_follow_the_seed() {
    let run = |extra: &[&str]| -> Value {
        let mut args = vec!["evaluate", "--data", CHAL2, "--format", "json"];
        args.extend_from_slice(extra);
        serde_json::from_str(&factop(&args, None).ok()).unwrap()
    };
    let r = run(&[]);
    let ci = &r["ci95"];
    assert_eq!(
        (ci["resamples"].as_u64(), ci["seed"].as_u64()),
        (Some(1000), Some(42))
    );
    for k in ["macro_f1", "accuracy"] {
        let (lo, hi) = (ci[k][0].as_f64().unwrap(), ci[k][1].as_f64().unwrap());
        let x = r[k].as_f64().unwrap();
        assert!(lo <= x && x <= hi && lo < hi, "{k}: {lo} {x} {hi}");
    }
    assert_eq!(run(&[]), r);
    assert_ne!(run(&["--seed", "7"])["ci95"], r["ci95"]);
    assert!(run(&["--bootstrap", "0"])["ci95"].is_null());
    let text = factop(&["evaluate", "--data", CHAL2], None).ok();
    let line = format!(
        "95% interval  macro-F1 {:.4}-{:.4}",
        ci["macro_f1"][0].as_f64().unwrap(),
        ci["macro_f1"][1].as_f64().unwrap()
    );
    assert!(text.contains(&line), "{text}");
    let off = factop(&["evaluate", "--data", CHAL2, "--bootstrap", "0"], None).ok();
    assert!(!off.contains("95% interval"), "{off}");
    let e = factop(&["evaluate", "--data", CHAL2, "--bootstrap", "many"], None).err();
    assert!(e.contains("--bootstrap"), "{e}");
    // One resample's "interval" is no interval: too few are refused, 100 is enough.
    for few in ["1", "99"] {
        let e = factop(&["evaluate", "--data", CHAL2, "--bootstrap", few], None).err();
        assert!(
            e.contains("--bootstrap") && e.contains("at least 100"),
            "{e}"
        );
    }
    assert!(run(&["--bootstrap", "100"])["ci95"].is_object());
}

/// `--compare`: the second model's report is the one `evaluate -m` gives it, the difference is
/// second minus first, its paired interval brackets it, and a model against itself differs by
/// nothing at all.
#[test]
fn compare_reports_the_paired_difference_of_two_models() {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("seed.json");
    let ms = m.to_str().unwrap();
    factop(&["train", "--data", SEED, "-o", ms], None).ok();
    let json = |args: &[&str]| -> Value {
        let mut a = vec!["evaluate", "--data", CHAL2, "--format", "json"];
        a.extend_from_slice(args);
        serde_json::from_str(&factop(&a, None).ok()).unwrap()
    };
    let both = json(&["--compare", ms]);
    let mut alone = json(&["-m", ms]);
    let c = &both["compare"];
    assert_eq!(c["model"], ms);
    // The rows skipped are the data's, said once at the top.
    let skipped = alone.as_object_mut().unwrap().remove("skipped_empty");
    assert_eq!(
        (skipped.as_ref(), both.get("skipped_empty")),
        (Some(&0.into()), Some(&0.into()))
    );
    assert_eq!(c["report"], alone);
    let f1 = |r: &Value| r["macro_f1"].as_f64().unwrap();
    let d = &c["difference"];
    assert_eq!(d["macro_f1"].as_f64().unwrap(), f1(&alone) - f1(&both));
    let (lo, hi) = (
        d["ci95"]["macro_f1"][0].as_f64().unwrap(),
        d["ci95"]["macro_f1"][1].as_f64().unwrap(),
    );
    let diff = d["macro_f1"].as_f64().unwrap();
    assert!(lo <= diff && diff <= hi && lo < hi, "{d}");
    assert!(json(&[])["compare"].is_null());
    // The shipped model against its own file: nothing differs.
    let same = json(&["--compare", "models/default.json"]);
    let d = &same["compare"]["difference"];
    assert_eq!(
        (d["macro_f1"].as_f64(), d["accuracy"].as_f64()),
        (Some(0.0), Some(0.0))
    );
    assert_eq!(d["ci95"]["macro_f1_higher"].as_f64(), Some(0.0));
    let text = factop(&["evaluate", "--data", CHAL2, "--compare", ms], None).ok();
    assert!(
        text.contains("compared (second minus first") && text.contains(ms),
        "{text}"
    );
    assert!(text.contains(&format!("{diff:+.4}")), "{text}");
    // The predictions file then holds both models' predictions, row by row.
    let pred = dir.path().join("pred.csv");
    factop(
        &[
            "evaluate",
            "--data",
            CHAL2,
            "--compare",
            ms,
            "--predictions",
            pred.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    let mut rdr = csv::Reader::from_path(&pred).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[7..],
        ["compare_predicted", "compare_p_opinion", "compare_correct"]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let right = |col: usize| rows.iter().filter(|r| &r[col] == "yes").count() as f64;
    let acc = |r: &Value| r["accuracy"].as_f64().unwrap();
    assert_eq!(right(6) / rows.len() as f64, acc(&both));
    assert_eq!(right(9) / rows.len() as f64, acc(&alone));
    let e = factop(
        &[
            "evaluate",
            "--data",
            SEED,
            "--compare",
            "no-such-model.json",
        ],
        None,
    )
    .err();
    assert!(e.contains("no-such-model.json"), "{e}");
}
