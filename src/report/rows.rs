//! Rows rendered on their own, so articles (or blocks of one) can be scored and rendered on
//! several threads and written in order (see [`crate::pipeline`]). [`ChunkWriter`] fed with
//! [`render`]'s chunks writes the bytes [`Writer`](super::Writer) writes for the same rows.

use super::{write_text_rows, write_text_summary, Format};
use crate::classify::ScoredSentence;
#[cfg(test)]
use crate::dataset::Label;
#[cfg(test)]
use serde::Serialize;
use std::io::{self, Write};

/// A sentence row of an article read from a JSONL stream (the reference for
/// `write_json_row`'s field order, checked by the tests): the usual fields plus the article's
/// `id` (as given in the input) right after `doc`.
#[cfg(test)]
#[derive(Serialize)]
struct RowWithId<'r, 'a> {
    doc: &'a str,
    id: &'r serde_json::Value,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    label: Label,
    p_opinion: f64,
}

#[cfg(test)]
impl<'r, 'a> RowWithId<'r, 'a> {
    fn new(r: &'r ScoredSentence<'a>, id: &'r serde_json::Value) -> Self {
        RowWithId {
            doc: r.doc,
            id,
            index: r.index,
            start: r.start,
            end: r.end,
            text: r.text,
            label: r.label,
            p_opinion: r.p_opinion,
        }
    }
}

/// Write one row as serde_json writes [`ScoredSentence`] (or [`RowWithId`] with an id):
/// the same fields in the same order, strings and numbers formatted by serde_json, without
/// re-escaping the field names and the document name for every row.
fn write_json_row(
    out: &mut Vec<u8>,
    doc_json: &mut (String, Vec<u8>),
    id_json: Option<&[u8]>,
    r: &ScoredSentence<'_>,
) -> io::Result<()> {
    if doc_json.1.is_empty() || doc_json.0 != r.doc {
        doc_json.1.clear();
        serde_json::to_writer(&mut doc_json.1, r.doc)?;
        doc_json.0 = r.doc.to_string();
    }
    out.extend_from_slice(b"{\"doc\":");
    out.extend_from_slice(&doc_json.1);
    if let Some(id) = id_json {
        out.extend_from_slice(b",\"id\":");
        out.extend_from_slice(id);
    }
    let mut num = Decimal([0; 20]);
    out.extend_from_slice(b",\"index\":");
    out.extend_from_slice(num.format(r.index));
    out.extend_from_slice(b",\"start\":");
    out.extend_from_slice(num.format(r.start));
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(num.format(r.end));
    out.extend_from_slice(b",\"text\":");
    write_json_str(out, r.text);
    out.extend_from_slice(b",\"label\":\"");
    out.extend_from_slice(r.label.as_str().as_bytes());
    out.extend_from_slice(b"\",\"p_opinion\":");
    serde_json::to_writer(&mut *out, &r.p_opinion)?;
    out.push(b'}');
    Ok(())
}

/// Write `s` as a JSON string exactly as serde_json does: `"` and `\\` escaped, the control
/// characters below U+0020 as `\b \f \n \r \t` or `\u00xx` (lower-case hex), everything else
/// as it is. Runs without anything to escape are copied whole, found sixteen bytes at a time.
fn write_json_str(out: &mut Vec<u8>, s: &str) {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of `x` that is below 0x20, `"` or `\\` (bytes of 0x80 and
    // above never are). Every byte of `t` and of `t ^ c` is below 0x80, so the additions carry
    // into no other byte.
    let escapes = |x: u64| {
        let t = x & LO7;
        let ge_space = t + ONES * 0x60;
        let not = |c: u8| (t ^ (ONES * u64::from(c))) + LO7;
        !((ge_space & not(b'"') & not(b'\\')) | x) & HIGH
    };
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or_default());
    let b = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(c) = b.get(i..i + 16) {
            if escapes(word(&c[..8])) | escapes(word(&c[8..])) == 0 {
                i += 16;
                continue;
            }
        }
        // The next eight bytes, or near the end the last eight (some already seen).
        let chunk = match b.get(i..i + 8) {
            None if b.len() >= 8 => b.get(b.len() - 8..),
            chunk => chunk,
        };
        if chunk.is_some_and(|c| escapes(word(c)) == 0) {
            i = (i + 8).min(b.len());
            continue;
        }
        let c = b[i];
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0C => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x00..=0x1F => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xF)]);
        } else {
            out.extend_from_slice(esc);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Write `s` as one field of a csv record exactly as the csv crate's default writer does
/// (`QuoteStyle::Necessary`): in double quotes, each `"` doubled, when it holds a comma, a
/// double quote, `\r` or `\n`; as it is otherwise.
fn write_csv_field(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if !b.iter().any(|c| matches!(c, b',' | b'"' | b'\r' | b'\n')) {
        out.extend_from_slice(b);
        return;
    }
    out.push(b'"');
    let mut start = 0;
    for q in memchr::memchr_iter(b'"', b) {
        out.extend_from_slice(&b[start..=q]);
        out.push(b'"');
        start = q + 1;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Formats integers as serde_json does (plain decimal digits), two digits at a time.
struct Decimal([u8; 20]);

/// `00` to `99`.
static DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut t = [[0u8; 2]; 100];
    let mut k = 0;
    while k < 100 {
        t[k] = [b'0' + (k / 10) as u8, b'0' + (k % 10) as u8];
        k += 1;
    }
    t
};

impl Decimal {
    fn format(&mut self, mut n: usize) -> &[u8] {
        let mut i = self.0.len();
        while n >= 100 {
            i -= 2;
            self.0[i..i + 2].copy_from_slice(&DIGIT_PAIRS[n % 100]);
            n /= 100;
        }
        if n >= 10 {
            i -= 2;
            self.0[i..i + 2].copy_from_slice(&DIGIT_PAIRS[n]);
        } else {
            i -= 1;
            self.0[i] = b'0' + n as u8;
        }
        &self.0[i..]
    }
}

/// The CSV header row for `format` csv (with an `id` column after `doc` for JSONL input).
pub fn csv_header(with_id: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut cols = vec!["doc", "index", "start", "end", "text", "label", "p_opinion"];
    if with_id {
        cols.insert(1, "id");
    }
    // Writing to memory cannot fail.
    let _ = w.write_record(&cols);
    w.into_inner().unwrap_or_default()
}

/// The id as text (strings without their quotes).
pub fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Bytes of a jsonl/json row besides its text, document name and id: field names, quotes,
/// numbers and label (124 with index, start and end of 7-8 digits and a 24-byte float).
const ROW_FIELD_BYTES: usize = 136;

/// Render some rows of a document. For `json` the chunk holds `\n{row}` items separated by
/// commas; for `csv` it has no header; for `text` no document header or summary:
/// [`ChunkWriter`] adds what joins the chunks. `html` is not a row format.
pub fn render(
    format: Format,
    id: Option<&serde_json::Value>,
    rows: &[ScoredSentence<'_>],
) -> io::Result<Vec<u8>> {
    // The document name and id, escaped once (rows of a chunk share them).
    let mut doc_json = (String::new(), Vec::new());
    let id_json = match (format, id) {
        (Format::Jsonl | Format::Json, Some(id)) => Some(serde_json::to_vec(id)?),
        _ => None,
    };
    // Room for every row (its text, name, id and the fields around them), so the buffer of a
    // 256 KB block is not regrown and copied as it fills.
    let texts: usize = rows.iter().map(|r| r.text.len() + r.doc.len()).sum();
    let fields = ROW_FIELD_BYTES + id_json.as_ref().map_or(0, Vec::len);
    let mut out = Vec::with_capacity(texts + rows.len() * fields);
    match format {
        Format::Jsonl | Format::Json => {
            for (k, r) in rows.iter().enumerate() {
                if format == Format::Json {
                    if k > 0 {
                        out.push(b',');
                    }
                    out.push(b'\n');
                }
                write_json_row(&mut out, &mut doc_json, id_json.as_deref(), r)?;
                if format == Format::Jsonl {
                    out.push(b'\n');
                }
            }
        }
        Format::Text => write_text_rows(&mut out, rows, &[])?,
        Format::Csv => {
            let id = id.map(id_text);
            let mut num = Decimal([0; 20]);
            for r in rows {
                write_csv_field(&mut out, r.doc);
                if let Some(id) = &id {
                    out.push(b',');
                    write_csv_field(&mut out, id);
                }
                for n in [r.index, r.start, r.end] {
                    out.push(b',');
                    out.extend_from_slice(num.format(n));
                }
                out.push(b',');
                write_csv_field(&mut out, r.text);
                out.push(b',');
                out.extend_from_slice(r.label.as_str().as_bytes());
                // As `f64::to_string` writes it.
                writeln!(out, ",{}", r.p_opinion)?;
            }
        }
        Format::Html => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "html is a page format, not a row format",
            ))
        }
    }
    Ok(out)
}

/// Writes rendered chunks in order, adding what joins them: the csv header, the json brackets
/// and commas, the text format's document header and summary.
pub struct ChunkWriter<W: Write> {
    out: W,
    format: Format,
    wrote_row: bool,
    /// Sentences and opinions of the current document (the text summary).
    counts: (usize, usize),
}

impl<W: Write> ChunkWriter<W> {
    /// Start the output (csv header, with an `id` column for JSONL input; json `[`).
    pub fn new(mut out: W, format: Format, with_id: bool) -> io::Result<Self> {
        match format {
            Format::Csv => out.write_all(&csv_header(with_id))?,
            Format::Json => out.write_all(b"[")?,
            _ => {}
        }
        Ok(ChunkWriter {
            out,
            format,
            wrote_row: false,
            counts: (0, 0),
        })
    }

    /// Start a document (the text format's `== doc` line).
    pub fn begin(&mut self, doc: &str) -> io::Result<()> {
        self.counts = (0, 0);
        if self.format == Format::Text {
            writeln!(self.out, "== {doc}")?;
        }
        Ok(())
    }

    /// Write one rendered chunk of the current document holding `sentences` rows, `opinions`
    /// of them labelled opinion.
    pub fn chunk(&mut self, bytes: &[u8], sentences: usize, opinions: usize) -> io::Result<()> {
        self.counts.0 += sentences;
        self.counts.1 += opinions;
        if bytes.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json && self.wrote_row {
            self.out.write_all(b",")?;
        }
        self.wrote_row = true;
        self.out.write_all(bytes)
    }

    /// Close the current document (the text format's summary line).
    pub fn end(&mut self) -> io::Result<()> {
        if self.format == Format::Text {
            write_text_summary(&mut self.out, self.counts.0, self.counts.1)?;
        }
        Ok(())
    }

    /// Close the output (json `]`) and flush.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"\n]\n")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Writer;
    use proptest::prelude::*;

    proptest! {
        /// Hand-written rows are serde_json's, byte for byte.
        #[test]
        fn json_rows_are_serde_json_rows(
            doc in "\\PC{0,12}|[\"\\\\\x00-\x1f]{0,4}",
            text in "\\PC{0,40}|[a\"\\\\\x00-\x1f\u{7f}\u{2028}é]{0,20}|([a-z ]{0,12}[\"\\\\\x00-\x1fé]){0,6}",
            (index, start, end) in (any::<usize>(), 0usize..1 << 40, any::<usize>()),
            p in prop_oneof![Just(0.0), Just(1.0), Just(0.5), Just(1e-6), 0.0f64..1.0],
            opinion in any::<bool>(),
            id in prop_oneof![
                Just(None),
                Just(Some(serde_json::json!(7))),
                Just(Some(serde_json::json!("a\"b"))),
                Just(Some(serde_json::json!({"k": [1, 2.5, null]}))),
            ],
        ) {
            let r = ScoredSentence {
                doc: &doc,
                index,
                start,
                end,
                text: &text,
                label: if opinion { Label::Opinion } else { Label::Fact },
                p_opinion: crate::classify::round6(p),
            };
            let mut want = match &id {
                Some(id) => serde_json::to_vec(&RowWithId::new(&r, id)).unwrap(),
                None => serde_json::to_vec(&r).unwrap(),
            };
            want.push(b'\n');
            let got = render(Format::Jsonl, id.as_ref(), std::slice::from_ref(&r)).unwrap();
            prop_assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    /// Rows as the csv crate writes them (what `render` wrote before it wrote csv by hand).
    fn csv_crate_rows(id: Option<&serde_json::Value>, rows: &[ScoredSentence<'_>]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = csv::Writer::from_writer(&mut out);
        let id = id.map(id_text);
        for r in rows {
            let (index, start, end) = (r.index.to_string(), r.start.to_string(), r.end.to_string());
            let p = r.p_opinion.to_string();
            let mut rec: Vec<&str> = vec![r.doc];
            if let Some(id) = &id {
                rec.push(id);
            }
            rec.extend([index.as_str(), start.as_str(), end.as_str()]);
            rec.extend([r.text, r.label.as_str(), &p]);
            w.write_record(&rec).unwrap();
        }
        w.flush().unwrap();
        drop(w);
        out
    }

    proptest! {
        /// Hand-written csv rows are the csv crate's, byte for byte.
        #[test]
        fn csv_rows_are_csv_crate_rows(
            doc in "\\PC{0,12}|[,\"\r\n a\\\\]{0,6}",
            texts in prop::collection::vec(
                "\\PC{0,40}|[a,\"\r\n\\\\\x00-\x1fé ]{0,20}|([a-z ]{0,12}[,\"\r\n]){0,6}", 0..4),
            (index, start, end) in (any::<usize>(), 0usize..1 << 40, any::<usize>()),
            p in prop_oneof![Just(0.0), Just(1.0), Just(0.5), Just(1e-6), 0.0f64..1.0],
            opinion in any::<bool>(),
            id in prop_oneof![
                Just(None),
                Just(Some(serde_json::json!(7))),
                Just(Some(serde_json::json!("a,\"b"))),
                Just(Some(serde_json::json!({"k": [1, 2.5, null]}))),
            ],
        ) {
            let rows: Vec<ScoredSentence> = texts
                .iter()
                .map(|text| ScoredSentence {
                    doc: &doc,
                    index,
                    start,
                    end,
                    text,
                    label: if opinion { Label::Opinion } else { Label::Fact },
                    p_opinion: crate::classify::round6(p),
                })
                .collect();
            let want = csv_crate_rows(id.as_ref(), &rows);
            let got = render(Format::Csv, id.as_ref(), &rows).unwrap();
            prop_assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    fn rows<'a>(doc: &'a str, text: &'a str) -> Vec<ScoredSentence<'a>> {
        vec![
            ScoredSentence {
                doc,
                index: 0,
                start: 0,
                end: 5,
                text: &text[0..5],
                label: Label::Fact,
                p_opinion: 0.25,
            },
            ScoredSentence {
                doc,
                index: 1,
                start: 6,
                end: text.len(),
                text: &text[6..],
                label: Label::Opinion,
                p_opinion: 0.75,
            },
        ]
    }

    #[test]
    fn chunks_concatenate_to_what_the_writer_writes() {
        let (a, b) = ("Hello world, \"quoted\".", "One. Two, three");
        for format in [Format::Jsonl, Format::Json, Format::Text, Format::Csv] {
            let mut expected = Vec::new();
            let mut w = Writer::new(&mut expected, format).unwrap();
            w.document("a.txt", &rows("a.txt", a)).unwrap();
            w.document("e.txt", &[]).unwrap();
            w.document("b.txt", &rows("b.txt", b)).unwrap();
            w.finish().unwrap();
            let mut got = Vec::new();
            let mut c = ChunkWriter::new(&mut got, format, false).unwrap();
            for (doc, text) in [("a.txt", a), ("e.txt", ""), ("b.txt", b)] {
                let r = if text.is_empty() {
                    vec![]
                } else {
                    rows(doc, text)
                };
                c.begin(doc).unwrap();
                // In two chunks, as streamed blocks come.
                let (x, y) = r.split_at(r.len() / 2);
                for part in [x, y] {
                    let k = part.iter().filter(|r| r.label == Label::Opinion).count();
                    c.chunk(&render(format, None, part).unwrap(), part.len(), k)
                        .unwrap();
                }
                c.end().unwrap();
            }
            c.finish().unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{format:?}"
            );
        }
    }

    #[test]
    fn rows_of_jsonl_input_carry_the_id_after_doc() {
        let id = serde_json::json!("art-7");
        let out = render(Format::Jsonl, Some(&id), &rows("in.jsonl", "Hello world.")).unwrap();
        let first = String::from_utf8(out)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert!(
            first.starts_with(r#"{"doc":"in.jsonl","id":"art-7","index":0,"start":0"#),
            "{first}"
        );
        let csv = String::from_utf8(
            render(Format::Csv, Some(&id), &rows("in.jsonl", "Hello world.")).unwrap(),
        )
        .unwrap();
        assert!(
            csv.starts_with("in.jsonl,art-7,0,0,5,Hello,fact,0.25\n"),
            "{csv}"
        );
        assert_eq!(
            csv_header(true),
            b"doc,id,index,start,end,text,label,p_opinion\n"
        );
    }
}
