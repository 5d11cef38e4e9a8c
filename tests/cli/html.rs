//! `factop classify --format html`.

use crate::harness::{factop, golden};
use serde_json::Value;

const ARTICLE: &str = "datasets/examples/council-budget.txt";
const MARKUP: &str = "tests/browser/markup-article.txt";

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The `data-label` attribute of each sentence element, in page order.
fn page_labels(html: &str) -> Vec<String> {
    html.split("<span class=\"s ")
        .skip(1)
        .map(|s| {
            let at = s.find("data-label=\"").unwrap() + "data-label=\"".len();
            s[at..at + s[at..].find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn one_self_contained_page_for_all_documents() {
    let html = factop(&["classify", ARTICLE, MARKUP, "-f", "html"], None).ok();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert_eq!(html.matches("<section class=\"doc\"").count(), 2);
    // Offline: nothing is loaded and nothing runs.
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element in the page");
    for bad in ["src=", "href=\"http", "url(", "@import", "<link"] {
        assert!(!lower.contains(bad), "{bad}");
    }
    assert!(html.contains("default-src 'none'"));
    // Every sentence is there with its label, in order.
    let rows = jsonl(&factop(&["classify", ARTICLE, MARKUP, "-f", "jsonl"], None).ok());
    let labels: Vec<String> = rows
        .iter()
        .map(|r| r["label"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(page_labels(&html), labels);
    assert!(html.contains("Most opinionated passages"));
    assert!(html.contains("<table class=\"docs\">"));
}

#[test]
fn article_markup_is_shown_as_text() {
    let html = factop(&["classify", MARKUP, "-f", "html"], None).ok();
    assert!(
        html.contains("&lt;script&gt;document.body.innerHTML = &quot;hacked&quot;;&lt;/script&gt;")
    );
    assert!(html.contains("&lt;b&gt;Again&lt;/b&gt;"));
    assert!(html.contains("step in &amp; fix it?"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<b>Again"));
}

#[test]
fn the_article_text_is_complete_and_in_order() {
    // Strip the tags of the article element; what is left, unescaped, is the article.
    let html = factop(&["classify", MARKUP, "-f", "html"], None).ok();
    let body = &html
        [html.find("<article class=\"text\">").unwrap() + 22..html.find("</article>").unwrap()];
    let mut text = String::new();
    let mut depth_skip = 0usize;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        if depth_skip == 0 {
            text.push_str(&rest[..lt]);
        }
        let gt = rest[lt..].find('>').unwrap() + lt;
        let tag = &rest[lt..=gt];
        let opens_hidden = tag.starts_with("<sup") || tag.starts_with("<span class=\"tip\"");
        if opens_hidden || (depth_skip > 0 && tag.starts_with("<span")) {
            depth_skip += 1;
        } else if depth_skip > 0 && (tag == "</sup>" || tag == "</span>") {
            depth_skip -= 1;
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    assert_eq!(
        text,
        std::fs::read_to_string(crate::harness::repo(MARKUP)).unwrap()
    );
}

#[test]
fn each_sentence_carries_its_top_features() {
    let html = factop(&["classify", MARKUP, "-f", "html", "--top", "3"], None).ok();
    let n = page_labels(&html).len();
    assert_eq!(
        html.matches("<span class=\"tip\" role=\"tooltip\">")
            .count(),
        n
    );
    assert!(html.contains("<td>bias</td>"));
    assert!(html.contains("cue:"));
}

#[test]
fn html_is_stable() {
    let html = factop(&["classify", ARTICLE, "-f", "html"], None).ok();
    golden("classify-council.html", &html);
}

#[test]
fn empty_input_gives_a_valid_page() {
    let html = factop(&["classify", "-f", "html"], Some(b"")).ok();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("0 sentences"));
    assert!(page_labels(&html).is_empty());
}
