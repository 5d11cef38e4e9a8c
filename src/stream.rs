//! Streaming segmentation: read a document of any size in blocks, with bounded memory.
//!
//! [`Blocks`] reads bytes from any [`Read`], decodes them as UTF-8 (invalid sequences become
//! U+FFFD, exactly as [`String::from_utf8_lossy`] would on the whole input, also when a
//! multi-byte sequence straddles two reads) and hands out blocks of about
//! [`BLOCK_BYTES`] that the segmenter can treat on their own:
//!
//! * **At a paragraph break** (a line holding only white space) whenever the buffer has one,
//!   preferably one with the start of the next paragraph in the buffer. The segmenter never
//!   joins text across a blank line and resets its state there; it only looks at how the next
//!   paragraph begins (a quotation that runs over paragraphs) and carries one flag from block
//!   to block (the document is an interview transcript), see [`segment::split_piece`]. So
//!   for any document whose paragraphs, with the blank lines after them, are shorter than
//!   the block size (less [`segment::LOOKAHEAD_BYTES`]) the sentences are exactly those of
//!   [`segment::split`] on the whole document. Text laid out one paragraph per line has no
//!   blank line: whether a run of lines is so laid out is decided over the whole run, so such
//!   a run is read exactly only when it fits in a block (256 KiB: a long article).
//! * **Otherwise at a sentence start**: a paragraph longer than the block size (a single
//!   100 MB line, say) is segmented as far as the buffer goes and cut where its last
//!   sentence begins, or an earlier one when the last begins less than 256 bytes before the
//!   buffer's end (the segmenter looks that far past a sentence end to decide it); those
//!   sentences are read again with the next block (what their paragraphs added to what the
//!   segmenter carries from block to block, a question block for `q_and_a`, is added once).
//!   A quotation open where the cut falls is carried into the next block, and the cut moves
//!   back to where it opened when that is within half a block, so such a paragraph reads as
//!   whole unless a quotation longer than half a block is open at a block's end (its sentences
//!   before the cut then miss an attribution or a closing mark further on).
//!   The segmenter's length cap ([`segment::MAX_SENTENCE_BYTES`]) guarantees a cut inside every block, so
//!   time stays linear and memory stays flat whatever the input.
//!
//! Sentence offsets (`start`, `end`) and `index` are those of the whole decoded document.

use crate::segment::{self, Carry, Sentence};
use std::io::{self, Read};

/// Target size of a block, in bytes of decoded text.
pub const BLOCK_BYTES: usize = 256 << 10;

/// How far past a sentence end the segmenter may look to decide it (a spaced ellipsis
/// `. . .` runs on; `"Why?" Senator Jane Roe asked.` reads 120 bytes for the speech verb): a
/// paragraph longer than a block is cut where a sentence begins at least this far before the
/// block's end, so every cut kept was decided on the whole text after it.
const RULE_LOOKAHEAD_BYTES: usize = 256;

/// Size of one read from the underlying reader.
const READ_BYTES: usize = 64 << 10;

/// Size of the first read: the read buffer starts small and grows to [`READ_BYTES`] when a
/// read fills it, so a small file costs no 64 KB buffer (`classify` opens thousands).
const FIRST_READ_BYTES: usize = 8 << 10;

/// The encoding (`UTF-32` or `UTF-16`, as iconv names them; either byte order) whose
/// byte-order mark `head`, the start of a text (at least its first 4 bytes when it has
/// them), opens with, if any. UTF-32 is tested first: its little-endian mark `FF FE 00 00`
/// opens with UTF-16's `FF FE` (a UTF-16 text whose first character is NUL: none).
pub fn unicode_mark(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("UTF-16"),
        _ => None,
    }
}

/// How many bytes at the start of a text [`unicode_mark`] needs to tell UTF-32 from UTF-16.
pub const MARK_BYTES: usize = 4;

/// How many bytes at the start of a text [`utf16_without_mark`] is meant to look at.
pub const UTF16_WINDOW: usize = 64;

/// Which UTF-16 (`UTF-16LE` or `UTF-16BE`, as iconv names them) `head`, the start of a text
/// (its first [`UTF16_WINDOW`] bytes, or all of a shorter text), reads as without a
/// byte-order mark, if any: NUL in at least 2 and at least half of the byte places of one
/// parity (the high bytes of Latin letters, digits, spaces and punctuation) and in at most
/// an eighth of the other's. Text with fewer than 2 NUL bytes (any article written as UTF-8)
/// never does; UTF-16 of other scripts (no NUL bytes) is not recognised.
pub fn utf16_without_mark(head: &[u8]) -> Option<&'static str> {
    let pairs = head.len() / 2;
    let nuls = |parity: usize| {
        head[..2 * pairs]
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let high = |nul: usize, other: usize| nul >= 2 && 2 * nul >= pairs && 8 * other <= pairs;
    let (even, odd) = (nuls(0), nuls(1));
    if high(odd, even) {
        Some("UTF-16LE")
    } else if high(even, odd) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Which UTF-32 (`UTF-32LE` or `UTF-32BE`) `head`, the start of a text (its first
/// [`UTF16_WINDOW`] bytes, or all of a shorter text), reads as without a byte-order mark, if
/// any: of each 4 bytes, the two high ones NUL in (nearly) every place, the third in at least
/// half (Latin letters, digits, spaces and punctuation) and the low one in at most an eighth,
/// over at least 2 characters. Text with fewer than 4 NUL bytes never does, and UTF-32 never
/// reads as UTF-16 ([`utf16_without_mark`]: half the bytes of both parities are NUL).
pub fn utf32_without_mark(head: &[u8]) -> Option<&'static str> {
    let quads = head.len() / 4;
    if quads < 2 {
        return None;
    }
    let nuls = |place: usize| {
        head[..4 * quads]
            .iter()
            .skip(place)
            .step_by(4)
            .filter(|&&b| b == 0)
            .count()
    };
    let n = [nuls(0), nuls(1), nuls(2), nuls(3)];
    let all = |k: usize| 8 * k >= 7 * quads;
    let half = |k: usize| 2 * k >= quads;
    let few = |k: usize| 8 * k <= quads;
    if n[3] == quads && all(n[2]) && half(n[1]) && few(n[0]) {
        Some("UTF-32LE")
    } else if n[0] == quads && all(n[1]) && half(n[2]) && few(n[3]) {
        Some("UTF-32BE")
    } else {
        None
    }
}

/// Which UTF-32 or UTF-16 (`UTF-32LE`, `UTF-32BE`, `UTF-16LE` or `UTF-16BE`, as iconv names
/// them) `head`, the start of a text, reads as without a byte-order mark, if any:
/// [`utf32_without_mark`], else [`utf16_without_mark`].
pub fn utf_without_mark(head: &[u8]) -> Option<&'static str> {
    utf32_without_mark(head).or_else(|| utf16_without_mark(head))
}

/// What shows that a text is `code` (a name [`utf_without_mark`] gives) without its mark,
/// said of `place` (`its start`, `line 3`): `three of every four bytes of its start are NUL`
/// for UTF-32, `every other byte of line 3 is NUL` for UTF-16.
pub fn nul_evidence(code: &str, place: &str) -> String {
    if code.starts_with("UTF-32") {
        format!("three of every four bytes of {place} are NUL")
    } else {
        format!("every other byte of {place} is NUL")
    }
}

/// One block of a document and its sentences.
#[derive(Debug)]
pub struct Block<'a> {
    /// Offset of the block's first byte in the decoded document.
    pub offset: usize,
    /// The decoded text of the block.
    pub text: &'a str,
    /// The block's sentences, with offsets and indexes into the whole document.
    pub sentences: Vec<Sentence>,
}

impl<'a> Block<'a> {
    /// The text of a sentence of this block.
    pub fn text_of(&self, s: &Sentence) -> &'a str {
        &self.text[s.start - self.offset..s.end - self.offset]
    }
}

/// What [`Blocks::next_piece_deferred`] hands out.
#[derive(Debug)]
pub enum Piece<'a> {
    /// A segmented block.
    Block(Block<'a>),
    /// The rest of the document, not yet segmented: `text` starts at byte `offset` of the
    /// document and its first sentence has index `index` (see [`segment_rest`]).
    Rest {
        /// Offset of `text` in the decoded document.
        offset: usize,
        /// Index of the first sentence of `text` in the document.
        index: usize,
        /// What the segmenter carries from the blocks before `text`.
        carry: Carry,
        /// The decoded text.
        text: &'a str,
    },
}

/// Segment the rest of a document handed out as [`Piece::Rest`]: the sentences, with document
/// offsets and indexes, that [`Blocks::next_block`] would have given.
pub fn segment_rest(text: &str, offset: usize, index: usize, carry: Carry) -> Vec<Sentence> {
    let mut carry = carry;
    let mut sentences = segment::split_piece(text, "", &mut carry);
    for s in &mut sentences {
        s.start += offset;
        s.end += offset;
        s.index += index;
    }
    sentences
}

/// Reads a document in blocks; see the module documentation.
#[derive(Debug)]
pub struct Blocks<R: Read> {
    inner: R,
    block_bytes: usize,
    /// Decoded text not yet handed out (after `consume` bytes of it).
    buf: String,
    /// Bytes at the front of `buf` handed out with the previous block.
    consume: usize,
    /// The undecoded tail of the last read: an incomplete UTF-8 sequence.
    pending: Vec<u8>,
    raw: Vec<u8>,
    /// Offset of `buf[0]` in the decoded document.
    base: usize,
    next_index: usize,
    /// What the segmenter carries from the blocks handed out to the next.
    carry: Carry,
    eof: bool,
    replaced: usize,
    capped: usize,
}

impl<R: Read> Blocks<R> {
    /// Blocks of [`BLOCK_BYTES`] from `inner`.
    pub fn new(inner: R) -> Self {
        Self::with_block_bytes(inner, BLOCK_BYTES)
    }

    /// Blocks of [`BLOCK_BYTES`] from `inner`, which holds about `len` bytes (a file's size as
    /// listed): a file smaller than the usual first read is read into a buffer of `len + 1`
    /// bytes, which still takes two reads, and costs less to allocate and zero (`classify`
    /// opens thousands). The blocks are the same as with [`new`](Self::new).
    pub fn with_len_hint(inner: R, len: u64) -> Self {
        let first = usize::try_from(len).map_or(FIRST_READ_BYTES, |n| n.saturating_add(1));
        Self::with_first_read(inner, BLOCK_BYTES, first.min(FIRST_READ_BYTES))
    }

    /// Blocks of about `block_bytes` (at least 16) from `inner`.
    pub fn with_block_bytes(inner: R, block_bytes: usize) -> Self {
        Self::with_first_read(inner, block_bytes, FIRST_READ_BYTES)
    }

    /// Blocks of about `block_bytes` from `inner`, its first read of `first_read` bytes (at
    /// least 1).
    fn with_first_read(inner: R, block_bytes: usize, first_read: usize) -> Self {
        Blocks {
            inner,
            block_bytes: block_bytes.max(16),
            buf: String::new(),
            consume: 0,
            pending: Vec::new(),
            raw: vec![0; first_read.max(1)],
            base: 0,
            next_index: 0,
            carry: Carry::default(),
            eof: false,
            replaced: 0,
            capped: 0,
        }
    }

    /// Invalid UTF-8 sequences replaced by U+FFFD so far.
    pub fn replaced(&self) -> usize {
        self.replaced
    }

    /// Sentences cut at the length cap so far (see [`Sentence::capped`]).
    pub fn capped(&self) -> usize {
        self.capped
    }

    /// The next block, or `None` at the end of the document.
    pub fn next_block(&mut self) -> io::Result<Option<Block<'_>>> {
        // Without deferring, every piece is a block.
        Ok(match self.next_piece(false)? {
            Some(Piece::Block(b)) => Some(b),
            _ => None,
        })
    }

    /// As [`next_block`](Self::next_block), except that the rest of the document, when it fits
    /// in one block, comes back unsegmented ([`Piece::Rest`]): whoever segments it (with
    /// [`segment_rest`], say on another thread) gets exactly the sentences `next_block` would
    /// have given. Its capped sentences are not in [`capped`](Self::capped).
    pub fn next_piece_deferred(&mut self) -> io::Result<Option<Piece<'_>>> {
        self.next_piece(true)
    }

    fn next_piece(&mut self, defer_rest: bool) -> io::Result<Option<Piece<'_>>> {
        if self.consume > 0 {
            self.buf.drain(..self.consume);
            self.base += self.consume;
            self.consume = 0;
        }
        while self.buf.len() < self.block_bytes && !self.eof {
            self.fill()?;
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        // Look at exactly `block_bytes` (floored to a char boundary), however the reads fell,
        // so where blocks are cut -- and so the output -- does not depend on read sizes.
        let last = self.eof && self.buf.len() <= self.block_bytes;
        let mut window = self.buf.len().min(self.block_bytes);
        while !self.buf.is_char_boundary(window) {
            window -= 1;
        }
        let view = &self.buf[..window];
        if last && defer_rest {
            self.consume = view.len();
            return Ok(Some(Piece::Rest {
                offset: self.base,
                index: self.next_index,
                carry: self.carry,
                text: view,
            }));
        }
        let carry = &mut self.carry;
        let (cut, mut sentences) = if last {
            (view.len(), segment::split_piece(view, "", carry))
        } else if let Some(p) = last_paragraph_break(view) {
            (p, segment::split_piece(&view[..p], &view[p..], carry))
        } else {
            let before = *carry;
            let segment::Marked {
                sentences: mut s,
                marks,
                openings,
                quotes,
            } = segment::split_piece_marked(view, "", carry);
            if s.len() >= 2 {
                // The last sentence, and every one that starts within `RULE_LOOKAHEAD_BYTES`
                // of the block's end: where the sentence before it ends was decided looking
                // past the block (`said . .` was cut after `said .`).
                let mut cut = view.len();
                while s.len() >= 2 && view.len() - cut < RULE_LOOKAHEAD_BYTES {
                    cut = s.pop().map_or(0, |l| l.start);
                }
                // A quotation open where the sentence at the cut begins links it to the
                // sentences before it, whose flags depend on how the quotation goes on (an
                // attribution, a closing mark) and may depend on text past the block: cut
                // where the quotation opened instead, when that is within half a block (the
                // next block reads it whole). A longer quotation is cut inside, with the
                // quotation state carried (`Carry::cut_at`).
                let chain_start = (1..=s.len())
                    .rev()
                    .take_while(|&k| k == s.len() || s[k].start + self.block_bytes / 2 >= cut)
                    .find(|&k| !quotes.get(k).is_some_and(|q| q.goes_on()));
                if let Some(k) = chain_start.filter(|&k| k < s.len()) {
                    cut = s[k].start;
                    s.truncate(k);
                }
                // The popped sentences are read again with the next block, and what their
                // blocks added to `carry` (a question block counted for `q_and_a`, a name
                // label, a subhead) would be added twice: keep the carry as it was after the
                // last block that ends by the cut (and a question label read at the start of
                // the block cut, which is not read again). The next block goes on inside the
                // block cut, with what its opening gave its sentences (its labels).
                if cut < view.len() {
                    *carry = (marks.iter().rev())
                        .find(|m| m.0 <= cut)
                        .map_or(before, |m| m.1)
                        .cut_at((&openings, &quotes), cut, &s, view);
                }
                (cut, s)
            } else {
                (view.len(), s)
            }
        };
        for s in &mut sentences {
            s.start += self.base;
            s.end += self.base;
            s.index += self.next_index;
        }
        self.next_index += sentences.len();
        self.capped += segment::capped_count(&sentences);
        self.consume = cut;
        Ok(Some(Piece::Block(Block {
            offset: self.base,
            text: &self.buf[..cut],
            sentences,
        })))
    }

    /// Read once from the underlying reader and decode what can be decoded.
    fn fill(&mut self) -> io::Result<()> {
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
            let rest = std::mem::take(&mut self.pending);
            self.decode(&rest, true);
            return Ok(());
        }
        if self.pending.is_empty() {
            let raw = std::mem::take(&mut self.raw);
            self.decode(&raw[..n], false);
            self.raw = raw;
        } else {
            let mut bytes = std::mem::take(&mut self.pending);
            bytes.extend_from_slice(&self.raw[..n]);
            self.decode(&bytes, false);
        }
        if n == self.raw.len() && n < READ_BYTES {
            // The read filled the buffer: more is coming, read it in bigger pieces.
            self.raw.resize(READ_BYTES, 0);
        }
        Ok(())
    }

    /// Append `bytes` to the buffer, replacing invalid sequences; an incomplete sequence at
    /// the end is kept for the next read unless `last`.
    fn decode(&mut self, mut bytes: &[u8], last: bool) {
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    self.buf.push_str(s);
                    return;
                }
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    self.buf.push_str(&String::from_utf8_lossy(valid));
                    match e.error_len() {
                        Some(len) => {
                            self.buf.push('\u{FFFD}');
                            self.replaced += 1;
                            bytes = &rest[len..];
                        }
                        None if last => {
                            self.buf.push('\u{FFFD}');
                            self.replaced += 1;
                            return;
                        }
                        None => {
                            self.pending = rest.to_vec();
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// The position just after the last paragraph break of `text` with the first
/// [`segment::LOOKAHEAD_BYTES`] of the next paragraph after it in `text`, so the segmenter
/// sees how the next paragraph begins (whether it reopens a quotation); else just after the
/// last paragraph break.
fn last_paragraph_break(text: &str) -> Option<usize> {
    let mut end = text.len();
    while let Some(p) = paragraph_break_in(&text[..end]) {
        if text[p..].trim_start().len() >= segment::LOOKAHEAD_BYTES {
            return Some(p);
        }
        // `p` is just after a line break: look before it.
        end = p - 1;
    }
    paragraph_break_in(text)
}

/// The position just after the last paragraph break of `text`: a line holding only white
/// space, with a line break before and after it inside `text`.
fn paragraph_break_in(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut end = memchr::memrchr(b'\n', b)?;
    while let Some(start) = memchr::memrchr(b'\n', &b[..end]) {
        if text[start + 1..end].trim().is_empty() {
            return Some(end + 1);
        }
        end = start;
    }
    None
}

/// Segment a whole document from `reader`, collecting the decoded text and the sentences
/// (for tests and small inputs; the command line streams with [`Blocks`]).
pub fn split_all<R: Read>(reader: R, block_bytes: usize) -> io::Result<(String, Vec<Sentence>)> {
    let mut blocks = Blocks::with_block_bytes(reader, block_bytes);
    let mut text = String::new();
    let mut sentences = Vec::new();
    while let Some(b) = blocks.next_block()? {
        text.push_str(b.text);
        sentences.extend(b.sentences);
    }
    Ok((text, sentences))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader that hands out at most `step` bytes per read.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    fn streamed(bytes: &[u8], block: usize, step: usize) -> (String, Vec<Sentence>) {
        split_all(Trickle { data: bytes, step }, block).unwrap()
    }

    const ARTICLE: &str = "CITY HALL — The council voted 7-2 on Monday.\n\n\
        \"This is a disgrace,\" the mayor said. Critics disagree.\r\n\r\n\
        It is, frankly, the worst budget in a decade! Will anyone notice?\n \n\
        By Jane Roe\nThe U.S. economy grew 2.5% in Q3. Dr. Smith wasn't surprised.\n";

    #[test]
    fn a_length_hint_changes_no_block() {
        // Hints below, at and above the real length (a file that grew or shrank after it
        // was listed), and one past the usual first read.
        let text = ARTICLE.repeat(200);
        let blocks = |mut b: Blocks<&[u8]>| {
            let mut out = Vec::new();
            while let Some(x) = b.next_block().unwrap() {
                out.push((x.offset, x.text.to_string(), x.sentences));
            }
            out
        };
        let want = blocks(Blocks::new(text.as_bytes()));
        let n = text.len() as u64;
        for hint in [0, 1, 10, n - 1, n, n + 1, 1 << 20, u64::MAX] {
            assert_eq!(
                blocks(Blocks::with_len_hint(text.as_bytes(), hint)),
                want,
                "{hint}"
            );
        }
        let short = blocks(Blocks::new(ARTICLE.as_bytes()));
        for hint in [0, 1, 10, ARTICLE.len() as u64] {
            let got = blocks(Blocks::with_len_hint(ARTICLE.as_bytes(), hint));
            assert_eq!(got, short, "{hint}");
        }
    }

    #[test]
    fn paragraph_blocks_match_the_whole_split() {
        let whole = segment::split(ARTICLE);
        for block in [16, 40, 100, 1 << 20] {
            for step in [1, 3, 7, 64, 1 << 16] {
                let (text, sents) = streamed(ARTICLE.as_bytes(), block, step);
                assert_eq!(text, ARTICLE);
                if block >= 100 {
                    assert_eq!(sents, whole, "block {block} step {step}");
                }
            }
        }
    }

    #[test]
    fn a_quotation_over_paragraphs_is_carried_across_blocks() {
        // The middle paragraph ends in one block; the next one, which reopens the quotation,
        // starts the next block (or lies beyond it, after a long run of blank lines).
        for gap in ["\n\n", "\n\n\n\n\n\n"] {
            let text = format!(
                "The mayor spoke at length.\n\n\"We will fight. We will win.{gap}\
                 \"We will not stop. Never,\" she said.\n"
            );
            let flags: Vec<bool> = segment::split(&text)
                .iter()
                .map(|s| s.continues_quote)
                .collect();
            assert_eq!(flags, [false, false, true, false, true], "gap {gap:?}");
            streams_as_whole(&text, &[40, 50, 60, 1 << 20]);
        }
    }

    /// An interview: the answer in the last paragraph is the interviewee's because of a
    /// question label several blocks before it.
    const TRANSCRIPT: &str = "The mayor spoke to us on Monday.\n\n\
        Q: Will the library close?\n\n\
        A: Never. Not while I am mayor.\n\n\
        The interview was edited for length.\n\n\
        Q: And the pool?\n\n\
        Answer: It will reopen. I promise that.\n";

    /// The sentences of `text` that continue a quotation, split whole.
    fn carried(text: &str) -> Vec<&str> {
        segment::split(text)
            .iter()
            .filter(|s| s.continues_quote)
            .map(|s| s.text(text))
            .collect()
    }

    /// `text` streamed in blocks of each of `blocks` bytes, read in steps of 1, 7 and 64
    /// bytes, gives the text and the sentences of the whole split.
    fn streams_as_whole(text: &str, blocks: &[usize]) {
        let whole = segment::split(text);
        for &block in blocks {
            for step in [1, 7, 64] {
                let (t, s) = streamed(text.as_bytes(), block, step);
                assert_eq!(t, text);
                assert_eq!(s, whole, "block {block} step {step}");
            }
        }
    }

    #[test]
    fn an_interview_is_recognised_across_blocks() {
        assert_eq!(
            carried(TRANSCRIPT),
            [
                "A: Never.",
                "Not while I am mayor.",
                "Answer: It will reopen.",
                "I promise that."
            ]
        );
        // Blocks longer than each paragraph, the blank line after it and the look-ahead: the
        // answers lie in other blocks than their questions.
        streams_as_whole(TRANSCRIPT, &[80, 100, 1 << 20]);
    }

    /// Two articles laid out one paragraph per line, a blank line between them; the first
    /// ends inside a quotation that the second reopens.
    const LINES: &str = "Q: Will the depot close?\n\
        A: Not this year. The money is there.\n\
        The union was not convinced. Its leader said: \"We have heard this before. Many times.\n\
        \"We will believe it when we see it.\n\
        \r\n\
        \"And we are watching. All of us,\" she said.\r\n\
        A: We will see. It is not up to me.\r\n\
        The talks resume on Monday.\r\n";

    #[test]
    fn paragraphs_one_per_line_match_the_whole_split() {
        assert_eq!(
            carried(LINES),
            [
                "A: Not this year.",
                "The money is there.",
                "Many times.",
                "All of us,\" she said.",
                "A: We will see.",
                "It is not up to me."
            ]
        );
        // Blocks end at the blank line, with or without the next paragraph's start in view.
        streams_as_whole(LINES, &[200, 210, 250, 1 << 20]);
    }

    #[test]
    fn a_question_block_cut_at_a_blocks_end_counts_once() {
        // One run of lines laid out one paragraph per line, longer than a block: no blank line
        // to cut at, so a block ends where a sentence begins and the sentences of its last 256
        // bytes are read again with the next block. A question block among them (`q_and_a`
        // counts them; from a document's second one on, the question is flagged) was counted
        // in both blocks: the document's first question was flagged.
        let mut text = String::new();
        for k in 0..12 {
            text.push_str(&format!(
                "The depot on route {k} closed in the spring. Its staff moved to the new site.\n"
            ));
        }
        text.push_str("Will you reopen the depot next year?\n");
        for k in 0..12 {
            text.push_str(&format!(
                "The bus on route {k} runs every hour. Its drivers were not consulted.\n"
            ));
        }
        text.push_str("Do you accept the blame for the closure?\n");
        for k in 0..4 {
            text.push_str(&format!(
                "The fares on route {k} rose in May. Few noticed.\n"
            ));
        }
        let flagged = |s: &[Sentence]| -> Vec<String> {
            (s.iter())
                .filter(|s| s.q_and_a)
                .map(|s| s.text(&text).to_string())
                .collect()
        };
        let whole = segment::split(&text);
        assert_eq!(
            flagged(&whole),
            ["Do you accept the blame for the closure?"]
        );
        // Every block size that ends a block just after the first question (and many others).
        let first = text.find("Will you").unwrap();
        for block in (first + 36..first + 36 + 256)
            .step_by(5)
            .chain([400, 700, 1 << 20])
        {
            let (t, s) = streamed(text.as_bytes(), block, 64);
            assert_eq!(t, text);
            assert_eq!(flagged(&s), flagged(&whole), "block {block}");
        }
    }

    #[test]
    fn a_question_label_before_a_cut_inside_its_paragraph_is_kept() {
        // The document's first question paragraph is longer than a block: the block is cut
        // inside it, where the paragraph's label is already read. The answer after it is the
        // interviewee's, in the whole text and streamed (the carry kept after the cut is that
        // of the last block ending by it, and the question label of the block cut).
        let mut text = String::from("Q: The depot closed in the spring.");
        for k in 0..40 {
            text.push_str(&format!(" Route {k} lost its bus."));
        }
        text.push_str("\n\nA: Never. Not while I am mayor.\n");
        let answers = |s: &[Sentence]| -> Vec<String> {
            (s.iter())
                .filter(|s| s.continues_quote)
                .map(|s| s.text(&text).to_string())
                .collect()
        };
        let whole = segment::split(&text);
        assert_eq!(answers(&whole), ["A: Never.", "Not while I am mayor."]);
        for block in [300, 400, 500, 700] {
            assert!(block < text.find("\n\n").unwrap());
            let (t, s) = streamed(text.as_bytes(), block, 64);
            assert_eq!(t, text);
            assert_eq!(answers(&s), answers(&whole), "block {block}");
        }
    }

    #[test]
    fn a_labelled_paragraph_cut_inside_keeps_its_labels_flags() {
        // A paragraph longer than a block, opening with a label: the flags its label gives
        // every sentence (`speaker_turn`, `speaker_turn_14`, an answer's `continues_quote`, a
        // question label's short questions, `q_turn_18`) and its name label (counted once, so
        // that the next paragraph's label recurs) hold after every cut, as in the whole text.
        let long = |label: &str| {
            let mut p = String::from(label);
            for k in 0..30 {
                p.push_str(&format!(
                    " Route {k} lost its bus in the spring. Why did it go?"
                ));
            }
            p
        };
        let docs = [
            long("Sato:"),
            long("The mayor:"),
            format!("Q: Will the depot close?\n\n{}", long("A: Not this year.")),
            format!("{}\n\nA: Never.", long("Q: Why did it close?")),
            format!(
                "{}\n\nRoss: The plan was late.\n",
                long("Maya Ross: The plan ran on.")
            ),
        ];
        for text in &docs {
            let whole = segment::split(text);
            assert!(whole
                .iter()
                .any(|s| s.speaker_turn_14 || s.continues_quote || s.q_turn_18));
            for block in [300, 450, 700, 1000] {
                assert!(block + 300 < text.len());
                for step in [7, 64] {
                    let (t, s) = streamed(text.as_bytes(), block, step);
                    assert_eq!(&t, text);
                    assert_eq!(s, whole, "block {block} step {step}: {text}");
                }
            }
        }
    }

    #[test]
    fn a_quotation_open_at_a_cut_reads_as_in_the_whole_paragraph() {
        // One paragraph longer than a block, with quotations over several sentences that a
        // cut falls inside: short ones (the cut moves back to where the quotation opened),
        // ones longer than half a block attributed where they open (the quotation state is
        // carried over the cut), a speaker's quotation after another (`"…," X said. "…"`) and
        // a report read on after an attributed sentence. Before session 19 the sentences after
        // the cut were read outside the quotation.
        let mut p = String::from("Q: Why did the depot close?");
        for k in 0..12 {
            p.push_str(&format!(
                " A: \"Route {k} lost its bus. Then we lost the staff. It was cold,\" \
                 the manager said. \"We waited.\" Later she told us: \u{201c}"
            ));
            for d in 0..(8 + 3 * k) {
                p.push_str(&format!("The night bus ran late on day {d}. "));
            }
            p.push_str(
                "Nobody came.\u{201d} The plan was, she said, a budget for the few. \
                 The tax cuts would mostly help the rich. \u{2018}It is over. Go home.\u{2019} \
                 We went home.",
            );
        }
        let whole = segment::split(&p);
        assert!(whole.iter().filter(|s| s.continues_quote).count() > 100);
        assert!(whole.iter().any(|s| s.continues_report));
        for block in [300, 450, 700, 1000, 2000] {
            for step in [7, 64] {
                let (t, s) = streamed(p.as_bytes(), block, step);
                assert_eq!(t, p);
                assert_eq!(s, whole, "block {block} step {step}");
            }
        }
    }

    #[test]
    fn a_quotation_longer_than_half_a_block_differs_only_before_its_last_cut() {
        // The bound: a quotation longer than half a block that is open at a block's end is
        // read, before the cut, as far as the block goes (its attribution and closing mark
        // further on are not seen), so `attributed` and `continues_quote` of those sentences
        // may differ from the whole reading; every other sentence, and every other flag,
        // reads as whole.
        let mut p = String::from("The depot opened in 1990. \u{201c}The buses were late.");
        for d in 0..60 {
            p.push_str(&format!(" The night bus ran late on day {d}."));
        }
        let end = p.len();
        p.push_str(" Nobody came,\u{201d} the manager said. The depot closed in 2020.");
        let whole = segment::split(&p);
        let (_, s) = streamed(p.as_bytes(), 700, 64);
        assert_eq!(s.len(), whole.len());
        let mut differ = 0;
        for (c, w) in s.iter().zip(&whole) {
            let same = |x: &Sentence| Sentence {
                attributed: false,
                continues_quote: false,
                ..*x
            };
            assert_eq!(same(c), same(w));
            if c != w {
                differ += 1;
                assert!(w.start >= 26 && w.end <= end, "{w:?}");
            }
        }
        assert!(differ > 0);
    }

    #[test]
    fn deferred_rest_segments_like_next_block() {
        for (doc, block) in [16, 40, 100, 1 << 20]
            .into_iter()
            .flat_map(|b| [(ARTICLE, b), (TRANSCRIPT, b), (LINES, b)])
        {
            let (text, want) = streamed(doc.as_bytes(), block, 7);
            let mut blocks = Blocks::with_block_bytes(
                Trickle {
                    data: doc.as_bytes(),
                    step: 7,
                },
                block,
            );
            let (mut got_text, mut got) = (String::new(), Vec::new());
            let mut capped = 0;
            while let Some(p) = blocks.next_piece_deferred().unwrap() {
                match p {
                    Piece::Block(b) => {
                        got_text.push_str(b.text);
                        got.extend(b.sentences);
                    }
                    Piece::Rest {
                        offset,
                        index,
                        carry,
                        text,
                    } => {
                        assert_eq!(offset, got_text.len());
                        got_text.push_str(text);
                        let s = segment_rest(text, offset, index, carry);
                        capped += segment::capped_count(&s);
                        got.extend(s);
                    }
                }
            }
            assert_eq!((got_text, got), (text, want), "block {block}");
            assert_eq!(capped + blocks.capped(), 0);
        }
    }

    #[test]
    fn invalid_utf8_matches_lossy_decoding_across_reads() {
        let mut bytes = b"Caf\xc3\xa9 ok. Bad \xff\xfe here. Cut \xe2\x80".to_vec();
        bytes.extend_from_slice(b" mid. \xf0\x9f\x98\x80 emoji.\n\nEnd \xe2\x82");
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        for step in 1..8 {
            let mut blocks = Blocks::with_block_bytes(Trickle { data: &bytes, step }, 16);
            let mut text = String::new();
            while let Some(b) = blocks.next_block().unwrap() {
                for s in &b.sentences {
                    assert_eq!(b.text_of(s), &lossy[s.start..s.end]);
                }
                text.push_str(b.text);
            }
            assert_eq!(text, lossy, "step {step}");
            assert_eq!(blocks.replaced(), 4, "step {step}");
        }
    }

    #[test]
    fn one_long_line_is_cut_at_sentence_starts() {
        let line = "word ".repeat(20_000) + "end.";
        let (text, sents) = streamed(line.as_bytes(), 4096, 1000);
        assert_eq!(text, line);
        let mut blocks = Blocks::with_block_bytes(line.as_bytes(), 4096);
        while blocks.next_block().unwrap().is_some() {}
        assert!(blocks.capped() >= 40, "{}", blocks.capped());
        check(&text, &sents).unwrap();
    }

    #[test]
    fn a_long_paragraph_is_cut_where_no_rule_looks_past_the_block() {
        // A paragraph longer than the block is cut where a sentence begins, and what follows
        // is read again with the next block. A rule that looks past a terminator (a spaced
        // ellipsis `. . .` runs on; `"Why?" Roe asked.` is one sentence) must not decide at
        // the block's end: `said . .` at the end of a block was cut after `said .` (and
        // `"Why?" Senator Jane Roe as` after `"Why?"`), where the whole text has one sentence.
        let mut line = String::new();
        for k in 0..12 {
            line += "The vote was held on Monday. ";
            line += if k % 2 == 0 {
                "He said . . . that it was over. "
            } else {
                "\"Why?\" Senator Jane Roe asked. "
            };
        }
        let whole = segment::split(&line);
        for block in (40..200).chain(300..line.len()) {
            let (text, sents) = streamed(line.as_bytes(), block, 7);
            assert_eq!(text, line);
            check(&text, &sents).unwrap();
            let got: Vec<_> = sents.iter().map(|s| s.text(&text)).collect();
            let want: Vec<_> = whole.iter().map(|s| s.text(&line)).collect();
            assert_eq!(got, want, "block {block}");
        }
    }

    #[test]
    fn no_whitespace_at_all_still_progresses() {
        let blob = "x".repeat(50_000);
        let (text, sents) = streamed(blob.as_bytes(), 1000, 333);
        assert_eq!(text, blob);
        check(&text, &sents).unwrap();
        let ws = " \n".repeat(5000) + &" ".repeat(5000);
        let (text, sents) = streamed(ws.as_bytes(), 100, 7);
        assert_eq!((text.as_str(), sents.len()), (ws.as_str(), 0));
    }

    /// Offsets increase, lie on char boundaries, index counts up, nothing but white space
    /// is dropped.
    fn check(text: &str, sents: &[Sentence]) -> Result<(), String> {
        let mut prev = 0;
        for (k, s) in sents.iter().enumerate() {
            if s.index != k || s.start < prev || s.start >= s.end || s.end > text.len() {
                return Err(format!("bad sentence {k}: {s:?} after {prev}"));
            }
            if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                return Err(format!("not on char boundaries: {s:?}"));
            }
            if s.len() > segment::MAX_SENTENCE_BYTES {
                return Err(format!("{} bytes", s.len()));
            }
            if !crate::segment::is_blank(&text[prev..s.start]) {
                return Err(format!("dropped {:?}", &text[prev..s.start]));
            }
            prev = s.end;
        }
        if !crate::segment::is_blank(&text[prev..]) {
            return Err("dropped the tail".into());
        }
        Ok(())
    }

    fn paragraphs() -> impl Strategy<Value = String> {
        let sentence = prop_oneof![
            Just("The vote was held on Monday."),
            Just("\"It is a disgrace,\" she said."),
            Just("Is this right?"),
            Just("Dr. Roe left at 5 p.m. Then it rained."),
            Just("“Café prices,” he wrote, “are absurd.”"),
            Just("We must act now!"),
            Just("- a list item"),
            Just("By Jane Roe"),
            // Quotations left open at the end of a paragraph, that the next may reopen.
            Just("\"We will fight. We will win."),
            Just("“It is cruel. It is wrong."),
            Just("‘Nobody listens. Nobody cares."),
            // Interview labels: a paragraph that opens with one.
            Just("Q: Why did you stay?"),
            Just("A: Because it is home."),
        ];
        let sentences = prop::collection::vec(
            (
                sentence.clone(),
                prop_oneof![Just(" "), Just("\n"), Just("\r\n")],
            ),
            1..6,
        )
        .prop_map(|v| v.into_iter().map(|(s, sep)| format!("{s}{sep}")).collect());
        // Paragraphs one per line, with no blank line between them (a quotation left open at
        // the end of one line, reopened by the next; labels at line starts).
        let lines = prop::collection::vec(
            (
                prop::collection::vec(sentence, 1..4),
                prop_oneof![Just("\n"), Just("\r\n")],
            ),
            2..8,
        )
        .prop_map(|v| {
            v.into_iter()
                .map(|(s, sep)| format!("{}{sep}", s.join(" ")))
                .collect()
        });
        let para = prop_oneof![sentences, lines];
        let sep = prop_oneof![
            Just("\n\n"),
            Just("\r\n\r\n"),
            Just("\n \t\n"),
            Just("\n\n\n")
        ];
        prop::collection::vec((para, sep), 0..12).prop_map(|v| {
            v.into_iter()
                .map(|(p, s): (String, &str)| format!("{}{s}", p.trim_end()))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any block size larger than every paragraph gives exactly the whole-text split.
        #[test]
        fn streamed_equals_whole(text in paragraphs(), step in 1usize..300) {
            let whole = segment::split(&text);
            let longest = text.split("\n\n").map(str::len).max().unwrap_or(0);
            let (t, s) = streamed(text.as_bytes(), 2 * longest + 64, step);
            prop_assert_eq!(&t, &text);
            prop_assert_eq!(s, whole);
        }

        /// Whatever the bytes and block size: lossy text, valid offsets, no panic.
        #[test]
        fn arbitrary_bytes_stream_safely(
            bytes in prop::collection::vec(prop_oneof![
                4 => any::<u8>(),
                4 => prop::sample::select(b" .\n?\"'ab".to_vec()),
            ], 0..3000),
            block in 16usize..600,
            step in 1usize..100,
        ) {
            let (t, s) = streamed(&bytes, block, step);
            prop_assert_eq!(&t, &String::from_utf8_lossy(&bytes));
            check(&t, &s).map_err(TestCaseError::fail)?;
        }
    }
}
