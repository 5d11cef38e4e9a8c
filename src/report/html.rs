//! `classify --format html`: one self-contained page for a run.
//!
//! Each article is shown in full with every sentence shaded by P(opinion) and labelled; hovering
//! over, clicking (focusing) or linking to (`#d0-s3`) a sentence shows its top contributing features. A summary
//! gives the share of opinion sentences and the most opinionated passages. The page has no
//! scripts and loads nothing (a Content-Security-Policy forbids it); all article text is
//! escaped, so markup in an article shows as text. The same input gives the same bytes.

use crate::classify::ScoredSentence;
use crate::dataset::Label;
use crate::explain::Explanation;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Sentences per passage in the "most opinionated passages" summary.
pub const PASSAGE_LEN: usize = 3;
/// Passages listed per document.
pub const PASSAGES: usize = 3;

struct Sentence {
    index: usize,
    start: usize,
    end: usize,
    label: Label,
    p: f64,
    explanation: Explanation,
}

struct Doc {
    name: String,
    text: String,
    sentences: Vec<Sentence>,
}

/// A page being assembled: add documents, then [`write`](Page::write) it.
pub struct Page {
    model: String,
    threshold: Option<f64>,
    docs: Vec<Doc>,
}

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A passage: consecutive sentences `first..first + len` of a document and their mean P(opinion).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Passage {
    /// Position of the first sentence in the document's rows.
    pub first: usize,
    /// Number of sentences.
    pub len: usize,
    /// Mean P(opinion) over them.
    pub mean_p: f64,
}

/// The `count` non-overlapping windows of `len` consecutive sentences with the highest mean
/// P(opinion), best first (ties: the earlier passage). Shorter documents give one passage.
pub fn top_passages(p: &[f64], len: usize, count: usize) -> Vec<Passage> {
    if p.is_empty() || len == 0 {
        return Vec::new();
    }
    let len = len.min(p.len());
    let mut windows: Vec<Passage> = (0..=p.len() - len)
        .map(|first| Passage {
            first,
            len,
            mean_p: p[first..first + len].iter().sum::<f64>() / len as f64,
        })
        .collect();
    windows.sort_by(|a, b| b.mean_p.total_cmp(&a.mean_p).then(a.first.cmp(&b.first)));
    let mut taken: Vec<Passage> = Vec::new();
    for w in windows {
        if taken.len() == count {
            break;
        }
        let overlaps = taken
            .iter()
            .any(|t| w.first < t.first + t.len && t.first < w.first + w.len);
        if !overlaps {
            taken.push(w);
        }
    }
    taken
}

impl Page {
    /// An empty page. `model` names the model; `threshold` is the override in force, if any.
    pub fn new(model: &str, threshold: Option<f64>) -> Page {
        Page {
            model: model.to_string(),
            threshold,
            docs: Vec::new(),
        }
    }

    /// Add one document: its full text, its scored sentences and their explanations (same order).
    pub fn add(
        &mut self,
        doc: &str,
        text: &str,
        rows: &[ScoredSentence<'_>],
        explanations: Vec<Explanation>,
    ) {
        let sentences = rows
            .iter()
            .zip(explanations)
            .map(|(r, e)| Sentence {
                index: r.index,
                start: r.start,
                end: r.end,
                label: r.label,
                p: r.p_opinion,
                explanation: e,
            })
            .collect();
        self.docs.push(Doc {
            name: doc.to_string(),
            text: text.to_string(),
            sentences,
        });
    }

    /// Write the page.
    pub fn write<W: Write>(&self, mut out: W) -> io::Result<()> {
        let mut h = String::new();
        self.render(&mut h)
            .expect("writing to a String cannot fail");
        out.write_all(h.as_bytes())?;
        out.flush()
    }

    fn render(&self, h: &mut String) -> std::fmt::Result {
        let n: usize = self.docs.iter().map(|d| d.sentences.len()).sum();
        let k: usize = self
            .docs
            .iter()
            .flat_map(|d| &d.sentences)
            .filter(|s| s.label == Label::Opinion)
            .count();
        let title = match self.docs.as_slice() {
            [d] => format!("factop: {}", d.name),
            docs => format!("factop: {} documents", docs.len()),
        };
        write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"factop {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&title),
            CSS
        )?;
        write!(
            h,
            "<header>\n<h1>Fact or opinion?</h1>\n<p class=\"meta\">Model <code>{}</code>{} · {} document{} · \
             {n} sentences · <b>{k} opinion ({})</b> · {} fact</p>\n",
            escape(&self.model),
            self.threshold
                .map_or(String::new(), |t| format!(", threshold {t:.2}")),
            self.docs.len(),
            if self.docs.len() == 1 { "" } else { "s" },
            percent(k, n),
            n - k
        )?;
        h.push_str(
            "<p class=\"legend\"><span class=\"key\">P(opinion)</span> \
             <span class=\"swatch\" style=\"background:rgba(214,39,40,0.04)\">0.0</span>\
             <span class=\"swatch\" style=\"background:rgba(214,39,40,0.17)\">0.25</span>\
             <span class=\"swatch\" style=\"background:rgba(214,39,40,0.31)\">0.5</span>\
             <span class=\"swatch\" style=\"background:rgba(214,39,40,0.44)\">0.75</span>\
             <span class=\"swatch\" style=\"background:rgba(214,39,40,0.58)\">1.0</span> \
             Opinion sentences are underlined. Hover over or click a sentence to see why.</p>\n</header>\n",
        );
        if self.docs.len() > 1 {
            h.push_str("<nav>\n<table class=\"docs\">\n<thead><tr><th>document</th><th>sentences</th><th>opinion</th><th>share</th></tr></thead>\n<tbody>\n");
            for (d, doc) in self.docs.iter().enumerate() {
                let (dn, dk) = doc.counts();
                writeln!(
                    h,
                    "<tr><td><a href=\"#d{d}\">{}</a></td><td>{dn}</td><td>{dk}</td><td>{}</td></tr>",
                    escape(&doc.name),
                    percent(dk, dn)
                )?;
            }
            h.push_str("</tbody>\n</table>\n</nav>\n");
        }
        for (d, doc) in self.docs.iter().enumerate() {
            doc.render(d, h)?;
        }
        h.push_str("</body>\n</html>\n");
        Ok(())
    }
}

fn percent(k: usize, n: usize) -> String {
    if n == 0 {
        "0%".into()
    } else {
        format!("{:.0}%", 100.0 * k as f64 / n as f64)
    }
}

/// Background alpha for a probability: light for facts, strong for confident opinions.
fn alpha(p: f64) -> f64 {
    0.04 + 0.54 * p.clamp(0.0, 1.0)
}

fn clip(s: &str, max_chars: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max_chars {
        s
    } else {
        let mut t: String = s.chars().take(max_chars).collect();
        t.push('…');
        t
    }
}

impl Doc {
    fn counts(&self) -> (usize, usize) {
        let k = self
            .sentences
            .iter()
            .filter(|s| s.label == Label::Opinion)
            .count();
        (self.sentences.len(), k)
    }

    fn render(&self, d: usize, h: &mut String) -> std::fmt::Result {
        let (n, k) = self.counts();
        writeln!(h, "<section class=\"doc\" id=\"d{d}\">")?;
        writeln!(h, "<h2>{}</h2>", escape(&self.name))?;
        writeln!(
            h,
            "<div class=\"summary\">\n<p class=\"share\"><b>{n}</b> sentences: <b class=\"op\">{k} opinion ({})</b>, {} fact.</p>",
            percent(k, n),
            n - k
        )?;
        let p: Vec<f64> = self.sentences.iter().map(|s| s.p).collect();
        let passages = top_passages(&p, PASSAGE_LEN, PASSAGES);
        if !passages.is_empty() {
            h.push_str("<h3>Most opinionated passages</h3>\n<ol class=\"passages\">\n");
            for ps in passages {
                let first = &self.sentences[ps.first];
                let last = &self.sentences[ps.first + ps.len - 1];
                writeln!(
                    h,
                    "<li><a href=\"#d{d}-s{}\">sentences {}–{}</a> <span class=\"mean\">mean P(opinion) {:.2}</span><blockquote>{}</blockquote></li>",
                    first.index,
                    first.index + 1,
                    last.index + 1,
                    ps.mean_p,
                    escape(&clip(&self.text[first.start..last.end], 280))
                )?;
            }
            h.push_str("</ol>\n");
        }
        h.push_str("</div>\n<article class=\"text\">");
        let mut at = 0;
        for s in &self.sentences {
            h.push_str(&escape(&self.text[at..s.start]));
            s.render(d, &self.text[s.start..s.end], h)?;
            at = s.end;
        }
        h.push_str(&escape(&self.text[at..]));
        h.push_str("</article>\n</section>\n");
        Ok(())
    }
}

impl Sentence {
    fn render(&self, d: usize, text: &str, h: &mut String) -> std::fmt::Result {
        let label = self.label.as_str();
        write!(
            h,
            "<span class=\"s {label}\" id=\"d{d}-s{}\" data-label=\"{label}\" data-p=\"{}\" tabindex=\"0\" \
             style=\"background:rgba(214,39,40,{:.2})\"><span class=\"t\">{}</span><sup class=\"lab\">{label} {:.2}</sup>",
            self.index,
            self.p,
            alpha(self.p),
            escape(text),
            self.p
        )?;
        let e = &self.explanation;
        write!(
            h,
            "<span class=\"tip\" role=\"tooltip\"><span class=\"head\"><b class=\"{label}\">{label}</b> · P(opinion) {:.3} · logit {:+.3}</span>\
             <table><thead><tr><th>feature</th><th>contribution</th></tr></thead><tbody>",
            self.p, e.logit
        )?;
        for c in &e.features {
            write!(
                h,
                "<tr class=\"{}\"><td>{}</td><td>{:+.3}</td></tr>",
                c.toward.as_str(),
                escape(&c.feature),
                c.contribution
            )?;
        }
        if e.other_count > 0 {
            write!(
                h,
                "<tr class=\"rest\"><td>{} other features</td><td>{:+.3}</td></tr>",
                e.other_count, e.other
            )?;
        }
        write!(
            h,
            "<tr class=\"rest\"><td>bias</td><td>{:+.3}</td></tr></tbody></table>\
             <span class=\"note\">Positive contributions push toward opinion, negative toward fact.</span></span></span>",
            e.bias
        )
    }
}

const CSS: &str = "
body{font-family:Georgia,'DejaVu Serif',serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1d;background:#fff;line-height:1.65}
header h1{font-family:sans-serif;font-size:1.5rem;margin:0 0 .25rem}
.meta,.legend,.summary,nav,h2,h3{font-family:sans-serif}
.meta{color:#444;margin:.2rem 0}
.legend{font-size:.85rem;color:#444}
.swatch{display:inline-block;padding:0 .45rem;margin-right:1px;border:1px solid #ddd}
.key{font-weight:bold}
table.docs{border-collapse:collapse;font-size:.9rem}
table.docs td,table.docs th{border-bottom:1px solid #ddd;padding:.15rem .6rem;text-align:left}
section.doc{border-top:2px solid #333;margin-top:1.5rem}
h2{font-size:1.15rem;margin:.8rem 0 .3rem;word-break:break-all}
h3{font-size:.95rem;margin:.6rem 0 .2rem}
.summary{background:#f6f6f6;border:1px solid #e2e2e2;border-radius:6px;padding:.3rem .9rem .6rem;font-size:.9rem}
.summary .op{color:#b31b1b}
ol.passages{margin:.2rem 0;padding-left:1.3rem}
ol.passages blockquote{margin:.1rem 0 .4rem;font-family:Georgia,serif;color:#333;border-left:3px solid #d62728;padding-left:.6rem}
.mean{color:#666}
article.text{white-space:pre-wrap;font-size:1.05rem;margin-top:1rem}
.s{position:relative;border-radius:3px;padding:1px 0;cursor:help;outline:none}
.s.opinion{border-bottom:2px solid #b31b1b}
.s:focus{box-shadow:0 0 0 2px #1f77b4}
.lab{font-family:sans-serif;font-size:.6rem;color:#777;margin-left:.15rem;white-space:nowrap}
.s.opinion .lab{color:#b31b1b;font-weight:bold}
.tip{display:none;position:absolute;left:0;top:1.7em;z-index:10;width:24rem;max-width:80vw;white-space:normal;background:#fff;border:1px solid #999;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:.5rem .7rem;font-family:sans-serif;font-size:.8rem;line-height:1.35;color:#1d1d1d}
.s:hover .tip,.s:focus .tip,.s:target .tip{display:block}
.s:target{box-shadow:0 0 0 2px #1f77b4}
.tip .head{display:block;margin-bottom:.3rem}
.tip b.opinion{color:#b31b1b}
.tip b.fact{color:#1f5f99}
.tip table{border-collapse:collapse;width:100%}
.tip td,.tip th{padding:.05rem .3rem;border-bottom:1px solid #eee;text-align:left}
.tip td:last-child,.tip th:last-child{text-align:right;font-variant-numeric:tabular-nums}
.tip tr.opinion td:last-child{color:#b31b1b}
.tip tr.fact td:last-child{color:#1f5f99}
.tip tr.rest td{color:#666}
.tip .note{display:block;color:#666;margin-top:.3rem;font-size:.72rem}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn passages_by_hand() {
        let p = [0.1, 0.9, 0.8, 0.7, 0.2, 0.6, 0.95, 0.1];
        let top = top_passages(&p, 3, 3);
        // windows: [.1,.9,.8]=.6 [.9,.8,.7]=.8 [.8,.7,.2]=.567 [.7,.2,.6]=.5 [.2,.6,.95]=.583
        // [.6,.95,.1]=.55 → .8 at 1, then .583 at 4 (no overlap), then nothing left that fits
        assert_eq!(top.len(), 2);
        assert_eq!((top[0].first, top[1].first), (1, 4));
        assert!((top[0].mean_p - 0.8).abs() < 1e-12);
        let short = top_passages(&[0.3, 0.4], 3, 3);
        assert_eq!(short.len(), 1);
        assert_eq!((short[0].first, short[0].len), (0, 2));
        assert!(top_passages(&[], 3, 3).is_empty());
    }
}
