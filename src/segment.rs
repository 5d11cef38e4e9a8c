//! Sentence segmentation with byte offsets (placeholder: replaced by the news segmenter).

/// One sentence of a document: a byte range into the original text plus flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Position of the sentence in the document, from 0.
    pub index: usize,
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence.
    pub end: usize,
    /// The sentence lies inside a quotation.
    pub in_quote: bool,
    /// The sentence carries an attribution (said, told, according to, ...).
    pub attributed: bool,
}

impl Sentence {
    /// The sentence text: `&text[start..end]`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Split `text` into sentences. Offsets are increasing, non-overlapping, on char boundaries,
/// and each sentence is trimmed of surrounding whitespace.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    let mut push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let seg = &text[s..e];
        let trimmed = seg.trim();
        if !trimmed.is_empty() {
            let ls = s + (seg.len() - seg.trim_start().len());
            out.push(Sentence {
                index: out.len(),
                start: ls,
                end: ls + trimmed.len(),
                in_quote: false,
                attributed: false,
            });
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' && i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?')
            && (i + 1 == bytes.len() || bytes[i + 1].is_ascii_whitespace())
        {
            push(start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push(start, bytes.len(), &mut out);
    out
}
