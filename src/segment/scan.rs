//! The byte scanner: finds sentence ends inside one block, tracks quotation marks and
//! computes the per-sentence flags.

use super::lexicon::{self, Abbrev};
use super::{lines, report, Sentence, MAX_SENTENCE_BYTES};

/// Bytes the scanner must look at; everything else is skipped by a table look-up.
/// `. ! ? " ' &` and the lead bytes of the multi-byte terminators and quotation marks.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'&' as usize] = true; // an HTML entity left in scraped text (`&quot;`, `&hellip;`)
    t[0xC2] = true; // « »
    t[0xD8] = true; // ؟
    t[0xE0] = true; // । ॥
    t[0xE2] = true; // … ‽ “ ” ‘ ’ ‚ „ ‹ ›
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？
    t
};

/// Whether the scanner must look at byte `c` ([`SPECIAL`]).
#[cfg(test)]
pub(super) fn is_special(c: u8) -> bool {
    SPECIAL[c as usize]
}

/// Position of the first byte of `b[i..end]` that [`SPECIAL`] marks, or `end` (or `i` when it
/// is past `end`): eight bytes at a time, a word with none of `. ! ? " '` and no byte above
/// 0x7F skipped whole.
#[inline]
pub(super) fn next_special(b: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= end {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let mut m = special_candidates8(w);
        while m != 0 {
            let k = i + (m.trailing_zeros() / 8) as usize;
            if SPECIAL[b[k] as usize] {
                return k;
            }
            m &= m - 1;
        }
        i += 8;
    }
    while i < end && !SPECIAL[b[i] as usize] {
        i += 1;
    }
    i
}

/// The bytes of `w` (little-endian) that may be [`SPECIAL`], as the high bit of each: ASCII
/// `!` to `?` (`. ! ? " '` among them, with digits and other punctuation) and every byte above
/// 0x7F (the lead bytes of the multi-byte marks among them).
#[inline]
fn special_candidates8(w: u64) -> u64 {
    crate::swar::in_range_or_high(w, b'!', b'?')
}

// Kinds of opening quotation marks kept on the stack.
const Q_DOUBLE: u8 = 1; // "
const Q_LDQUO: u8 = 2; // “
const Q_LOW9: u8 = 3; // „
const Q_GUIL: u8 = 4; // «
const Q_SGUIL: u8 = 5; // ‹
const Q_SINGLE: u8 = 6; // '
const Q_LSQUO: u8 = 7; // ‘
const Q_RDQUO: u8 = 8; // ” used as an opening mark
const Q_SLOW9: u8 = 9; // ‚ (closed by ‘ or ’)

const MAX_DEPTH: usize = 8;

/// The quotation state where a sentence begins, for a piece of a paragraph that the streaming
/// reader cuts there ([`super::Carry::cut_at`]): the quotation marks open (the stack), and the
/// chain of sentences linked by that open quotation the sentence goes on (its sentences before
/// the cut: whether one has an attribution cue, whether the chain follows a speaker's
/// quotation). With what the sentence before the cut was (a quotation of a speaker's, a
/// report), it lets the piece after the cut read its first sentences as the whole paragraph
/// reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QuoteCarry {
    stack: [u8; MAX_DEPTH],
    depth: u8,
    /// The sentence goes on a chain that began in an earlier sentence.
    chain: bool,
    /// A sentence of that chain before it has an attribution cue.
    cue: bool,
    /// The chain follows a speaker's quotation (`"…," said X. "…`).
    follows: bool,
    /// The sentence before it is an attributed quotation (`prev_speech` in `finish_unit`).
    pub(super) prev_speech: bool,
    /// The sentence before it reports (`continued_reports`: it continues a report, or it is
    /// attributed and not quoted) ...
    pub(super) reports: bool,
    /// ... and it continues a report or speaks of a third party.
    pub(super) third: bool,
}

impl QuoteCarry {
    /// Whether the sentence goes on a chain of sentences linked by a quotation that an
    /// earlier sentence opened.
    pub(crate) fn goes_on(&self) -> bool {
        self.chain
    }
}

/// Labels that open a question or an answer paragraph of an interview transcript (followed by
/// white space; case matters).
const QUESTION_LABELS: [&[u8]; 2] = [b"Q:", b"Question:"];
const ANSWER_LABELS: [&[u8]; 2] = [b"A:", b"Answer:"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Lower,
    Upper,
    Digit,
    Other,
}

#[derive(Debug, Clone, Copy, Default)]
struct Meta {
    /// An attribution cue outside quotation marks.
    cue: bool,
    /// The sentence begins inside a quotation.
    begins: bool,
    /// A quotation is still open where the sentence ends (it links to the next one).
    continues: bool,
    /// Bytes of the sentence that lie inside quotation marks.
    quoted: usize,
    /// Bytes of the sentence beyond the first of each entity of a quotation mark or an
    /// ellipsis (`&quot;` counts as one byte, as `"` would), left out of its length and of
    /// `quoted` for `in_quote`.
    excess: usize,
}

pub(super) struct Scanner<'a> {
    text: &'a str,
    /// The text that follows `text` in the document (empty at its end): only its start is
    /// read, to see how the paragraph after the last block begins.
    next: &'a str,
    b: &'a [u8],
    out: Vec<Sentence>,
    /// Flags-in-progress of the sentences of the current block (parallel to
    /// `out[unit_first..]`).
    meta: Vec<Meta>,
    unit_first: usize,
    unit_start: usize,
    /// Quoted byte ranges (marks included) of the sentence in progress.
    spans: Vec<(usize, usize)>,
    span_cursor: usize,
    stack: [u8; MAX_DEPTH],
    depth: usize,
    outer_open: usize,
    sent_start: usize,
    /// A block of the document began with a question label (from an earlier piece too).
    interview: bool,
    /// With [`Self::marking`]: the carry after each block that changed it, with the block's end.
    marks: Option<Vec<(usize, super::Carry)>>,
    /// Question blocks of the document so far (from earlier pieces too; see `q_and_a`).
    questions: u8,
    /// Read paragraphs laid out one per line (off only in tests, to compare with).
    line_paragraphs: bool,
    /// The current block opens with a speaker label (see `speaker_turn`).
    turn: bool,
    /// The keys of the document's first name labels (see `column_head`).
    labels: [u32; super::MAX_LABEL_KEYS],
    /// How many of `labels` are set.
    label_count: u8,
    /// A name label of the document recurred (see `column_head`).
    recurred: bool,
    /// One-question blocks of the document so far (see `subhead_16`).
    subheads: u8,
    /// The opening of a block the streaming reader cut, for the piece's first block, which
    /// goes on inside it ([`super::Carry::cut_at`]).
    resume: Option<super::Opening>,
    /// What the current block's opening gave its sentences.
    opening: super::Opening,
    /// The current block goes on inside a block the streaming reader cut: `opening` is that
    /// block's, and its first sentence is none of the block's labels.
    resumed: bool,
    /// Where the current block's first byte that is not white space is.
    block_start: usize,
    /// With [`Self::marking`]: each block's start, end and opening.
    openings: Vec<(usize, usize, super::Opening)>,
    /// The quotation state where the piece begins, inside a block the streaming reader cut.
    resume_quote: Option<QuoteCarry>,
    /// The current block goes on inside a cut block with this quotation state.
    resumed_quote: Option<QuoteCarry>,
    /// With [`Self::marking`]: the quotation marks open after each sentence (parallel to
    /// `out`).
    quote_after: Vec<([u8; MAX_DEPTH], u8)>,
    /// With [`Self::marking`]: the quotation state where each sentence begins (parallel to
    /// `out`).
    quote_at: Vec<QuoteCarry>,
}

impl<'a> Scanner<'a> {
    /// A scanner for `text`, followed in the document by `next`; `carry`: what the earlier
    /// pieces of the document left (a question label, the question blocks).
    pub(super) fn new(text: &'a str, next: &'a str, carry: super::Carry) -> Self {
        Scanner {
            text,
            next,
            b: text.as_bytes(),
            out: Vec::with_capacity(text.len() / 128 + 1),
            meta: Vec::new(),
            unit_first: 0,
            unit_start: 0,
            spans: Vec::new(),
            span_cursor: 0,
            stack: [0; MAX_DEPTH],
            depth: 0,
            outer_open: 0,
            sent_start: 0,
            interview: carry.interview,
            questions: carry.questions,
            labels: carry.labels,
            label_count: carry.label_count,
            recurred: carry.recurred,
            subheads: carry.subheads,
            line_paragraphs: true,
            turn: false,
            marks: None,
            resume: carry.cut,
            opening: super::Opening::default(),
            resumed: false,
            block_start: 0,
            openings: Vec::new(),
            resume_quote: carry.quote,
            resumed_quote: None,
            quote_after: Vec::new(),
            quote_at: Vec::new(),
        }
    }

    /// The same scanner, recording the carry ([`Self::run_marked`]) wherever a block changed
    /// it: with the block's end, and with its start when its beginning did (a question label
    /// turned `interview` on), so that a cut inside that block keeps it ([`Self::mark`]).
    pub(super) fn marking(mut self) -> Self {
        self.marks = Some(Vec::new());
        self
    }

    /// What the document so far leaves for its next piece.
    fn carry(&self) -> super::Carry {
        super::Carry {
            interview: self.interview,
            questions: self.questions,
            labels: self.labels,
            label_count: self.label_count,
            recurred: self.recurred,
            subheads: self.subheads,
            cut: None,
            quote: None,
        }
    }

    /// [`Self::run`], and with [`Self::marking`] the carry after each block that changed it,
    /// with the block's end.
    #[allow(clippy::type_complexity)]
    pub(super) fn run_marked(
        mut self,
    ) -> (
        Vec<Sentence>,
        super::Carry,
        Vec<(usize, super::Carry)>,
        Vec<(usize, usize, super::Opening)>,
        Vec<QuoteCarry>,
    ) {
        let text = self.text;
        lines::for_each_unit(text, |u| self.unit(u));
        let carry = self.carry();
        let marks = self.marks.unwrap_or_default();
        (self.out, carry, marks, self.openings, self.quote_at)
    }

    /// The same scanner, reading every paragraph as if it were not laid out one per line.
    #[cfg(test)]
    pub(super) fn without_line_paragraphs(mut self) -> Self {
        self.line_paragraphs = false;
        self
    }

    /// The sentences, and what the document so far leaves for its next piece (whether a block
    /// began with a question label, the question blocks).
    pub(super) fn run(self) -> (Vec<Sentence>, super::Carry) {
        let (out, carry, _, _, _) = self.run_marked();
        (out, carry)
    }

    /// Scan one unit of [`lines::for_each_unit`]: one block, or in a paragraph laid out one
    /// paragraph per line, one block per line that ends a sentence.
    fn unit(&mut self, u: lines::Unit) {
        let (us, ue) = (u.start, u.end);
        self.unit_start = us;
        self.sent_start = us;
        let b = self.b;
        let lead = b[us..ue]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        let mut answer = self.begin_block(us + lead, ue);
        let mut i = us + lead + lines::numbered_marker_len(&b[us + lead..ue]);
        loop {
            i = next_special(b, i, ue);
            if i >= ue {
                break;
            }
            i = self.special(i, ue);
            // A sentence ended at `i` (only a cut leaves `sent_start` there): where its line
            // ends too, one paragraph per line, a paragraph ends. The cut was made with the
            // next line in view, so it is where it is without the break.
            if u.line_paragraphs && self.line_paragraphs && i == self.sent_start {
                let p = skip_ws(b, i, ue);
                if p < ue && b[i..p].contains(&b'\n') {
                    self.end_block(i, answer);
                    answer = self.begin_block(p, ue);
                    i = p;
                }
            }
        }
        self.end_block(ue, answer);
    }

    /// Start a block whose first byte that is not white space is at `head` (the sentence in
    /// progress starts at `sent_start`); returns whether it is an interview answer.
    fn begin_block(&mut self, head: usize, ue: usize) -> bool {
        let at = head;
        self.depth = 0;
        self.spans.clear();
        self.meta.clear();
        self.unit_first = self.out.len();
        self.block_start = at;
        // The piece goes on inside a block the streaming reader cut: that block's opening.
        if let Some(o) = self.resume.take() {
            self.resumed = true;
            self.opening = o;
            self.turn = o.turn;
            // A quotation open where the reader cut stays open.
            self.resumed_quote = self.resume_quote.take();
            if let Some(q) = self.resumed_quote {
                self.stack = q.stack;
                self.depth = usize::from(q.depth);
                self.outer_open = at;
            }
            return o.answer;
        }
        self.resumed = false;
        self.resumed_quote = None;
        // An interview transcript: a block that begins with an answer label, after one that
        // began with a question label, is the interviewee's words.
        let mut head = &self.b[head..ue];
        while invisible_len(head, 0) > 0 {
            head = &head[3..];
        }
        let answer = self.interview && starts_with_label(head, &ANSWER_LABELS);
        self.interview |= starts_with_label(head, &QUESTION_LABELS);
        // The streaming reader may cut the block after its label: what it keeps of the carry
        // has what the block's start changed (see `Self::marking`).
        self.mark(at);
        // A speaker's turn: the block opens with a speaker label (`Sato: …`). Only a colon
        // near the start is read; a label is read decoded (`Ren&eacute;e Dupont:`), so a start
        // with an entity or a soft hyphen is read further.
        self.turn = super::speaker::may_open_label(head) && {
            let head = super::speaker::label_head(head);
            let head = std::str::from_utf8(head)
                .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""));
            super::speaker_label(head).is_some()
        };
        self.opening = super::Opening {
            turn: self.turn,
            answer,
            ..super::Opening::default()
        };
        answer
    }

    /// End the block at `ue` and resolve its sentences' flags; `answer`: it is an interview
    /// answer.
    fn end_block(&mut self, ue: usize, answer: bool) {
        // A quotation left open is closed by the end of the block. It runs on into the next
        // block when that begins with an opening mark of the same kind (news style for a
        // quotation over several paragraphs: no closing mark where a paragraph ends, an opening
        // one where the next begins).
        let open_at_end = self.depth > 0;
        let runs_on = open_at_end && self.next_block_opens(ue, self.stack[0]);
        if open_at_end {
            self.spans.push((self.outer_open.max(self.sent_start), ue));
            self.depth = 0;
        }
        let s = self.sent_start;
        self.emit(s, ue, false);
        self.finish_unit(open_at_end && !runs_on, answer);
        self.mark(ue);
        if self.marks.is_some() {
            self.openings.push((self.block_start, ue, self.opening));
        }
    }

    /// With [`Self::marking`]: record the carry, with the offset `at` from which it holds,
    /// when it differs from the last one recorded. A block changes the carry where it begins
    /// (a question label) and where it ends (its questions, labels, subheads).
    fn mark(&mut self, at: usize) {
        if self.marks.is_none() {
            return;
        }
        let c = self.carry();
        if let Some(marks) = &mut self.marks {
            if marks.last().is_none_or(|m| m.1 != c) {
                marks.push((at, c));
            }
        }
    }

    /// Whether the block after the one that ends at `ue` begins with a mark that opens a
    /// quotation of `kind` (straight double, curly double or curly single; no other kind).
    fn next_block_opens(&self, ue: usize, kind: u8) -> bool {
        // A mark's entity (`&quot;`, `&ldquo;`) opens as the mark.
        let strip = |rest: &'a str, mark: char, entity: Mark| -> Option<&'a str> {
            rest.strip_prefix(mark).or_else(|| {
                entity_mark(rest.as_bytes(), 0, rest.len())
                    .filter(|&(_, m)| m == entity)
                    .and_then(|(n, _)| rest.get(n..))
            })
        };
        // Only white space separates blocks; past the end of `text`, `next` follows.
        let blank = |c: char| c.is_whitespace() || super::is_invisible(c);
        let rest = self.text[ue..].trim_start_matches(blank);
        let rest = if rest.is_empty() {
            self.next.trim_start_matches(blank)
        } else {
            rest
        };
        // The rules of `straight_double` and `lsquo` for a mark with nothing before it.
        match kind {
            Q_DOUBLE => {
                strip(rest, '"', Mark::Straight).is_some_and(|r| double_may_open(r.chars().next()))
            }
            Q_LDQUO => strip(rest, '“', Mark::Ldquo).is_some(),
            Q_LSQUO => strip(rest, '‘', Mark::Lsquo).is_some_and(|r| lsquo_may_open(r.as_bytes())),
            _ => false,
        }
    }

    fn byte(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    /// Handle the special byte at `i`; returns where scanning continues.
    fn special(&mut self, i: usize, ue: usize) -> usize {
        let (b1, b2) = (self.byte(i + 1), self.byte(i + 2));
        match self.b[i] {
            b'.' | b'!' | b'?' => return self.terminator(i, ue),
            b'"' => self.straight_double(i, 1),
            b'\'' => self.straight_single(i, 1),
            b'&' => return self.entity(i, ue),
            0xC2 => match b1 {
                0xAB => self.open(Q_GUIL, i),
                0xBB => self.close(i + 2, |q| q == Q_GUIL),
                _ => {}
            },
            0xE2 if b1 == 0x80 => match b2 {
                0xA6 | 0xBD => return self.terminator(i, ue),
                0x9C => self.ldquo(i, 3),
                0x9D => self.rdquo(i, 3),
                0x98 => self.lsquo(i, 3),
                0x99 => self.rsquo(i, 3),
                0x9E => self.open(Q_LOW9, i),
                0x9A => self.sbquo(i, 3),
                0xB9 => self.open(Q_SGUIL, i),
                0xBA => self.close(i + 3, |q| q == Q_SGUIL),
                _ => {}
            },
            0xE3 | 0xEF | 0xD8 | 0xE0 if term_at(self.b, i).is_some() => {
                return self.terminator(i, ue)
            }
            _ => {}
        }
        i + 1
    }

    // ---- quotation marks -------------------------------------------------------------

    fn top(&self) -> Option<u8> {
        self.depth.checked_sub(1).map(|d| self.stack[d])
    }

    fn has(&self, pred: impl Fn(u8) -> bool) -> bool {
        self.stack[..self.depth].iter().any(|&q| pred(q))
    }

    fn open(&mut self, kind: u8, pos: usize) {
        if self.depth == 0 {
            self.outer_open = pos;
        }
        if self.depth < MAX_DEPTH {
            self.stack[self.depth] = kind;
            self.depth += 1;
        }
    }

    /// Close the innermost open quotation whose kind satisfies `pred`; `end` is the byte
    /// after the closing mark. Does nothing when none is open.
    fn close(&mut self, end: usize, pred: impl Fn(u8) -> bool) {
        if let Some(d) = self.stack[..self.depth].iter().rposition(|&q| pred(q)) {
            self.depth = d;
            if d == 0 {
                self.spans.push((self.outer_open.max(self.sent_start), end));
            }
        }
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        self.text[self.unit_start..i].chars().next_back()
    }

    fn next_char(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// An HTML entity at `i` (the byte is `&`), as scraped text leaves them: the entity of a
    /// quotation mark is read as that mark (`&quot;` as `"`, `&ldquo;` and `&#8220;` as `“`,
    /// `&#39;` as `'`, `&lsaquo;` as `‹`, `&sbquo;` as `‚`, …) and `&hellip;` or `&#8230;` as `…`; any other is text. Returns where
    /// scanning continues.
    fn entity(&mut self, i: usize, ue: usize) -> usize {
        let Some((n, mark)) = entity_mark(self.b, i, ue) else {
            return i + 1;
        };
        match mark {
            Mark::Hellip => return self.terminator(i, ue),
            Mark::Straight => self.straight_double(i, n),
            Mark::Single => self.straight_single(i, n),
            Mark::Ldquo => self.ldquo(i, n),
            Mark::Rdquo => self.rdquo(i, n),
            Mark::Lsquo => self.lsquo(i, n),
            Mark::Rsquo => self.rsquo(i, n),
            Mark::Low9 => self.open(Q_LOW9, i),
            Mark::Sbquo => self.sbquo(i, n),
            Mark::Laquo => self.open(Q_GUIL, i),
            Mark::Raquo => self.close(i + n, |q| q == Q_GUIL),
            Mark::Lsaquo => self.open(Q_SGUIL, i),
            Mark::Rsaquo => self.close(i + n, |q| q == Q_SGUIL),
        }
        i + n
    }

    /// A straight `"` (or its entity, `n` bytes long) at `i`.
    fn straight_double(&mut self, i: usize, n: usize) {
        if self.has(|q| q == Q_DOUBLE) {
            self.close(i + n, |q| q == Q_DOUBLE);
            return;
        }
        let prev_ok = !self.prev_char(i).is_some_and(char::is_alphanumeric);
        if prev_ok && double_may_open(self.next_char(i + n)) {
            self.open(Q_DOUBLE, i);
        }
    }

    /// A straight `'` (or its entity, `n` bytes long) at `i`.
    fn straight_single(&mut self, i: usize, n: usize) {
        let prev = self.prev_char(i);
        let next = self.next_char(i + n);
        let prev_alnum = prev.is_some_and(char::is_alphanumeric);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        if prev_alnum && next_alnum {
            return; // apostrophe: don't, O'Brien
        }
        if self.has(is_single) && prev.is_some_and(|c| !c.is_whitespace()) && !next_alnum {
            self.close(i + n, is_single);
        } else if !prev_alnum
            && next.is_some_and(char::is_alphabetic)
            && !lexicon::is_elision(ascii_word(self.b, i + n, self.b.len()))
        {
            self.open(Q_SINGLE, i);
        }
    }

    /// A `“` (or its entity, `n` bytes long) at `i`: it closes `„` (German style), otherwise
    /// opens.
    fn ldquo(&mut self, i: usize, n: usize) {
        if self.top() == Some(Q_LOW9) {
            self.close(i + n, |q| q == Q_LOW9);
        } else {
            self.open(Q_LDQUO, i);
        }
    }

    /// A `‘` (or its entity, `n` bytes long) at `i`: it closes `‚` (German style), otherwise
    /// it may open.
    fn lsquo(&mut self, i: usize, n: usize) {
        if self.top() == Some(Q_SLOW9) {
            self.close(i + n, |q| q == Q_SLOW9);
            return;
        }
        let prev_alnum = self.prev_char(i).is_some_and(char::is_alphanumeric);
        if !prev_alnum && lsquo_may_open(&self.b[i + n..]) {
            self.open(Q_LSQUO, i);
        }
    }

    /// A `‚` (or its entity, `n` bytes long) at `i`: a single low-9 quotation mark (German
    /// `‚…‘`, Polish or Dutch `‚…’`) opens as `‘` may, after no letter or digit and before no
    /// digit or elision; one glued to a word (a comma typed as `‚`) is text.
    fn sbquo(&mut self, i: usize, n: usize) {
        let prev_alnum = self.prev_char(i).is_some_and(char::is_alphanumeric);
        if !prev_alnum && lsquo_may_open(&self.b[i + n..]) {
            self.open(Q_SLOW9, i);
        }
    }

    /// A `’` (or its entity, `n` bytes long) at `i`.
    fn rsquo(&mut self, i: usize, n: usize) {
        let prev_alnum = self.prev_char(i).is_some_and(char::is_alphanumeric);
        let next_alnum = self.next_char(i + n).is_some_and(char::is_alphanumeric);
        if prev_alnum && next_alnum {
            return; // apostrophe
        }
        if self.has(is_single) && !next_alnum {
            self.close(i + n, is_single);
        }
    }

    /// A `”` (or its entity, `n` bytes long) at `i`.
    fn rdquo(&mut self, i: usize, n: usize) {
        if self.has(is_double) {
            self.close(i + n, is_double);
            return;
        }
        let prev_ws = self.prev_char(i).is_none_or(char::is_whitespace);
        let next_ok = self.next_char(i + n).is_some_and(|c| !c.is_whitespace());
        if prev_ws && next_ok {
            self.open(Q_RDQUO, i); // Swedish/Finnish ”…”
        }
    }

    /// Closing marks that follow a terminator (`."`, `?”`, `!’`, `.»`).
    fn apply_closers(&mut self, from: usize, to: usize) {
        let mut k = from;
        while k < to {
            // A closing mark's entity (`&quot;`, `&rdquo;`, `&#39;`, …) closes as the mark.
            if let Some((len, mark)) = entity_mark(self.b, k, to) {
                let end = k + len;
                match mark {
                    Mark::Straight | Mark::Rdquo => self.close(end, is_double),
                    Mark::Single | Mark::Rsquo => self.close(end, is_single),
                    Mark::Raquo => self.close(end, |q| q == Q_GUIL),
                    Mark::Rsaquo => self.close(end, |q| q == Q_SGUIL),
                    _ => break,
                }
                k = end;
                continue;
            }
            let Some((len, _)) = closer_at(self.b, k) else {
                break;
            };
            let end = k + len;
            match (self.b[k], self.byte(k + 2)) {
                (b'"', _) | (0xE2, 0x9D) => self.close(end, is_double),
                (b'\'', _) | (0xE2, 0x99) => self.close(end, is_single),
                (0xE2, 0xBA) => self.close(end, |q| q == Q_SGUIL),
                (0xC2, _) => self.close(end, |q| q == Q_GUIL),
                _ => {}
            }
            k = end;
        }
    }

    // ---- terminators ------------------------------------------------------------------

    /// A terminator starts at `i`. Decide whether the sentence ends after it (and after
    /// any closing marks); returns where scanning continues.
    fn terminator(&mut self, i: usize, ue: usize) -> usize {
        let b = self.b;
        let mut j = i;
        let mut dots = 0usize;
        let mut others = 0usize;
        let mut cjk = false;
        let mut spaced_dots = 0usize;
        while j < ue {
            // `&hellip;` left in scraped text is a `…`.
            match term_at(b, j).or_else(|| hellip_at(b, j, ue)) {
                Some((len, kind)) => {
                    match kind {
                        Term::Dot => dots += 1,
                        Term::Other => others += 1,
                        Term::Cjk => cjk = true,
                    }
                    j += len;
                }
                // A spaced ellipsis, `. . .`, is one run (see `spaced_dot`).
                None if spaced_dot(b, j, ue, spaced_dots) => {
                    dots += 1;
                    spaced_dots += 1;
                    j += 2;
                }
                None => break,
            }
        }
        let mut k = j;
        let mut quote_closer = false;
        while k < ue {
            // A closing mark, or its entity left in scraped text (`&quot;`).
            let (len, q) = match closer_at(b, k) {
                Some(c) => c,
                None => match entity_mark(b, k, ue) {
                    Some((n, mark)) if mark.closes() => (n, true),
                    _ => break,
                },
            };
            quote_closer |= q;
            k += len;
        }
        // Zero-width characters and entities for a space (`&nbsp;`) after the closers belong
        // to the sentence; an entity for a space is white space here.
        let mut spaced = false;
        while k < ue && matches!(b[k], b'&' | 0xE2 | 0xEF) {
            let n = invisible_len(b, k);
            let e = if n == 0 {
                entity_len(b, k, ue, &ENTITY_SPACES)
            } else {
                0
            };
            if n + e == 0 {
                break;
            }
            spaced |= e > 0;
            k += n + e;
        }
        // An emoji or a run of them after the terminator (glued to it or after a space on the
        // same line) and before white space is the sentence's: `We won! 🎉 The …`.
        if let Some(e) = emoji_after(self.text, k, ue) {
            k = e;
        }
        if k < ue && !cjk && !spaced && ws_len(b, k) == 0 {
            return j; // `3.5`, `U.S`, `example.com`, `?x=1`
        }
        let m = skip_ws(b, k, ue);
        let (m2, opened_quote) = skip_openers(b, m, ue);
        let next = self.next_kind(m2, ue);
        let word = ascii_word(b, m2, ue);
        let normal = next != Next::Lower;
        let mut cut = if next == Next::End || cjk {
            true
        } else if !quote_closer && self.short_inner_quote(i) {
            false // `They chanted "No! No! No!" as …`
        } else if dots == 1 && others == 0 {
            match lexicon::abbrev_before(b, i, self.unit_start) {
                Some(Abbrev::Inner) => false,
                Some(Abbrev::BeforeNumber) => next != Next::Digit && normal,
                Some(Abbrev::Ambiguous) => {
                    (opened_quote && next == Next::Upper) || lexicon::is_starter(word)
                }
                Some(Abbrev::Loose) => {
                    (matches!(next, Next::Upper | Next::Other) && !lexicon::is_time_follow(word))
                        || (opened_quote && next == Next::Upper)
                }
                None => normal,
            }
        } else {
            normal
        };
        if cut && quote_closer && !opened_quote && next == Next::Upper {
            cut = !self.attribution_follows(m2, ue);
        }
        if cut {
            self.apply_closers(j, k);
            self.cut(k);
            k
        } else {
            j
        }
    }

    /// Inside a quotation opened after the start of the current sentence, at most two
    /// words before the terminator at `i`: a quoted exclamation, not a sentence.
    fn short_inner_quote(&self, i: usize) -> bool {
        if self.depth == 0
            || i - self.outer_open > 40
            || self.outer_open <= self.sent_start
            || is_single(self.stack[0])
        {
            return false; // single quotes are too easily apostrophes for this rule
        }
        let opened_mid_sentence = self.b[self.sent_start..self.outer_open]
            .iter()
            .rev()
            .take(64)
            .any(|c| !c.is_ascii_whitespace());
        opened_mid_sentence
            && self.b[self.outer_open..i]
                .iter()
                .filter(|&&c| c == b' ')
                .count()
                <= 1
    }

    fn next_kind(&self, m: usize, ue: usize) -> Next {
        let Some(c) = self.text.get(m..ue).and_then(|s| s.chars().next()) else {
            return Next::End;
        };
        if c.is_lowercase() {
            // iPhone, eBay: a lower-case brand name can open a sentence.
            let camel = self.text[m..ue]
                .chars()
                .take(12)
                .take_while(|c| c.is_alphanumeric())
                .any(char::is_uppercase);
            if camel {
                Next::Upper
            } else {
                Next::Lower
            }
        } else if c.is_uppercase() {
            Next::Upper
        } else if c.is_numeric() {
            Next::Digit
        } else if let Some((_, e)) = entity_text(self.b, m, ue).filter(|_| c == '&') {
            // Scraped text: `&eacute;lite` opens in lower case, `&Eacute;lise` in upper.
            if e.is_lowercase() {
                Next::Lower
            } else if e.is_uppercase() {
                Next::Upper
            } else {
                Next::Other
            }
        } else {
            Next::Other
        }
    }

    /// `"Why?" Senator Jane Roe asked.`: up to four capitalised words, the first not a
    /// typical sentence opener (`The`, `He`, …), then a speech verb.
    fn attribution_follows(&self, m: usize, ue: usize) -> bool {
        let mut end = ue.min(m + 120);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(rest) = self.text.get(m..end) else {
            return false;
        };
        let mut caps = 0;
        for tok in rest.split(char::is_whitespace).take(6) {
            let w = tok.trim_end_matches([',', '.', ';', ':', '!', '?']);
            if w.is_empty() {
                return false;
            }
            if w.chars().next().is_some_and(char::is_uppercase) {
                if caps == 0 && lexicon::is_starter(w.as_bytes()) {
                    return false; // `"We won." The coach said …` starts a new sentence
                }
                caps += 1;
                if caps > 4 {
                    return false;
                }
                continue;
            }
            let wb = w.as_bytes();
            return caps > 0 && (lexicon::is_cue_verb(wb) || wb == b"continued");
        }
        false
    }

    // ---- emitting sentences ------------------------------------------------------------

    /// End the sentence in progress at `k`.
    fn cut(&mut self, k: usize) {
        let continues = self.depth > 0;
        if continues {
            self.spans.push((self.outer_open.max(self.sent_start), k));
        }
        let s = self.sent_start;
        self.emit(s, k, continues);
        self.sent_start = k;
    }

    /// Trim `[s, e)`, apply the length cap and push the sentence(s).
    fn emit(&mut self, s: usize, e: usize, continues: bool) {
        let (ts, te) = trim(self.text, s, e);
        self.span_cursor = 0;
        if ts < te {
            if te - ts <= MAX_SENTENCE_BYTES {
                self.push(ts, te, continues, false);
            } else {
                let mut p = ts;
                while p < te {
                    if te - p <= MAX_SENTENCE_BYTES {
                        self.push(p, te, continues, true);
                        break;
                    }
                    let c = self.cap_cut(p);
                    let (a, z) = trim(self.text, p, c);
                    let crossing = self
                        .spans
                        .iter()
                        .skip(self.span_cursor)
                        .any(|&(x, y)| x < z && y > z);
                    if a < z {
                        self.push(a, z, crossing, true);
                    }
                    p = skip_ws(self.b, c, te);
                }
            }
        }
        self.spans.clear();
    }

    /// Where to cut a run that starts at `p` and is longer than the cap: the last white
    /// space in the second half of the window, else the last char boundary in it.
    fn cap_cut(&self, p: usize) -> usize {
        let lim = p + MAX_SENTENCE_BYTES;
        let lo = p + MAX_SENTENCE_BYTES / 2;
        if let Some(w) = memchr::memrchr3(b' ', b'\n', b'\t', &self.b[lo..lim]) {
            return lo + w;
        }
        let mut c = lim;
        while !self.text.is_char_boundary(c) {
            c -= 1;
        }
        c
    }

    fn push(&mut self, ps: usize, pe: usize, continues: bool, capped: bool) {
        // Quoted bytes and whether the sentence begins inside a quotation.
        while self.span_cursor < self.spans.len() && self.spans[self.span_cursor].1 <= ps {
            self.span_cursor += 1;
        }
        let spans = &self.spans[self.span_cursor..];
        let mut quoted = 0;
        for &(x, y) in spans {
            if x >= pe {
                break;
            }
            quoted += y.min(pe) - x.max(ps);
        }
        let begins = spans.first().is_some_and(|&(x, _)| {
            x < pe
                && (x <= ps
                    || (x - ps <= 4
                        && self.text[ps..x]
                            .chars()
                            .all(|c| matches!(c, '(' | '[' | '-' | '–' | '—' | ' '))))
        });
        // Entities of marks count as the one byte of a mark (`The &quot;reform&quot; is a
        // sham.` reads as `The "reform" is a sham.`), other entities as their character's bytes.
        let mut excess = 0;
        let mut k = ps;
        while let Some(d) = memchr::memchr(b'&', &self.b[k..pe]) {
            let at = k + d;
            match entity_mark(self.b, at, pe) {
                Some((n, _)) => {
                    excess += n - 1;
                    if spans.iter().any(|&(x, y)| x <= at && at < y) {
                        quoted = quoted.saturating_sub(n - 1);
                    }
                    k = at + n;
                }
                // Other characters' entities (`&mdash;`) weigh what the character does.
                None => match entity_text(self.b, at, pe) {
                    Some((n, c)) => {
                        let extra = n - c.len_utf8();
                        excess += extra;
                        if spans.iter().any(|&(x, y)| x <= at && at < y) {
                            quoted = quoted.saturating_sub(extra);
                        }
                        k = at + n;
                    }
                    None => k = at + 1,
                },
            }
        }
        let cue = self.cue_in(ps, pe, spans);
        if self.marks.is_some() {
            let depth = if continues { self.depth as u8 } else { 0 };
            self.quote_after.push((self.stack, depth));
        }
        self.out.push(Sentence {
            index: self.out.len(),
            start: ps,
            end: pe,
            in_quote: false,
            attributed: false,
            capped,
            continues_quote: false,
            continues_report: false,
            q_and_a: false,
            speaker_turn: false,
            speaker_turn_14: false,
            column_head: false,
            subhead_16: false,
            q_label_17: false,
            q_turn_18: false,
            rhetorical: false,
        });
        self.meta.push(Meta {
            cue,
            begins,
            continues,
            quoted,
            excess,
        });
    }

    /// Whether `[ps, pe)` contains an attribution cue outside the quoted `spans`.
    fn cue_in(&self, ps: usize, pe: usize, spans: &[(usize, usize)]) -> bool {
        let mut g0 = ps;
        for &(x, y) in spans {
            if x >= pe {
                break;
            }
            if x > g0 && self.cue_in_gap(g0, x, ps) {
                return true;
            }
            g0 = g0.max(y);
        }
        g0 < pe && self.cue_in_gap(g0, pe, ps)
    }

    /// Cue search in a stretch of text without quotation marks. Words are found 64 bytes
    /// at a time from a bit mask of ASCII letters (no branch per byte), and each word is
    /// filtered by (length, first letter, last letter) before the exact look-up.
    fn cue_in_gap(&self, g0: usize, g1: usize, ps: usize) -> bool {
        let b = self.b;
        let mut word_start = g0; // start of a word that began in an earlier chunk
        let mut prev_letter = false;
        let mut c = g0;
        while c < g1 {
            let n = (g1 - c).min(64);
            let mask = letter_mask(&b[c..c + n]);
            let next_letter = c + n < g1 && b[c + n].is_ascii_alphabetic();
            let starts = mask & !((mask << 1) | prev_letter as u64);
            let ends = mask & !((mask >> 1) | ((next_letter as u64) << (n - 1)));
            let mut e = ends;
            while e != 0 {
                let k = e.trailing_zeros() as usize;
                e &= e - 1;
                // Half the words end in a letter no cue ends in: skipped before finding where
                // they start.
                let last = (b[c + k] | 0x20).wrapping_sub(b'a') & 31;
                if lexicon::CUE_LAST & (1u32 << last) == 0 {
                    continue;
                }
                let below = starts & (u64::MAX >> (63 - k));
                let ws = if below != 0 {
                    c + 63 - below.leading_zeros() as usize
                } else {
                    word_start
                };
                if self.word_is_cue(ws, c + k + 1, g0, g1, ps) {
                    return true;
                }
            }
            if starts != 0 {
                word_start = c + 63 - starts.leading_zeros() as usize;
            }
            prev_letter = (mask >> (n - 1)) & 1 == 1;
            c += n;
        }
        false
    }

    /// Whether the ASCII word `[ws, we)` (inside the unquoted stretch `[g0, g1)` of the
    /// sentence that starts at `ps`) is an attribution cue here.
    #[inline]
    fn word_is_cue(&self, ws: usize, we: usize, g0: usize, g1: usize, ps: usize) -> bool {
        let b = self.b;
        let n = we - ws;
        if !(3..=12).contains(&n) {
            return false;
        }
        let first = ((b[ws] | 0x20).wrapping_sub(b'a') as usize).min(25);
        let last = (b[we - 1] | 0x20).wrapping_sub(b'a') & 31;
        if lexicon::CUE_FILTER[n][first] & (1u32 << last) == 0 {
            return false;
        }
        // A letter glued to the word on either side (José, naïve) makes it no word.
        if ws > 0 && b[ws - 1] >= 0x80 || we < g1 && b[we] >= 0x80 {
            return false;
        }
        let mut low = [0u8; 12];
        for (d, c) in low.iter_mut().zip(&b[ws..we]) {
            *d = c.to_ascii_lowercase();
        }
        let w = &low[..n];
        if w == b"according" {
            return next_word_is(b, we, g1, b"to");
        }
        if !lexicon::is_cue_verb(w) {
            return false;
        }
        let (mut pl, mut nl) = ([0u8; 12], [0u8; 12]);
        let prev = prev_word(b, ws, g0, &mut pl);
        let next = next_word(b, we, g1, &mut nl);
        let initial = ws - ps < 8 && b[ps..ws].iter().all(|c| !c.is_ascii_alphanumeric());
        !lexicon::blocks_cue(prev, w, next, initial)
    }

    /// Resolve the flags of the block's sentences: chains of sentences linked by an open
    /// quotation share attribution; then `in_quote` and `continues_quote`. `open_at_end`: the
    /// block ended inside a quotation (no closing mark before its end) that does not run on
    /// into the next block. `answer`: the block is an interview answer, every sentence of it
    /// the interviewee's.
    fn finish_unit(&mut self, open_at_end: bool, answer: bool) {
        let n = self.meta.len();
        let base = self.unit_first;
        let mut a = 0;
        // A block the streaming reader cut goes on with the quotation state of the cut.
        let rq = self.resumed_quote.take();
        // The previous sentence was an attributed quotation: a quotation that opens the
        // next sentence continues the same speaker (`"…," said X. "…"`).
        let mut prev_speech = rq.is_some_and(|q| q.prev_speech);
        while a < n {
            let mut z = a;
            while z + 1 < n && self.meta[z].continues {
                z += 1;
            }
            // The block's first chain began before the cut.
            let carried = rq.filter(|q| a == 0 && q.chain);
            let follows_speech = carried.map_or(prev_speech && self.meta[a].begins, |q| q.follows);
            let chain_cue =
                carried.is_some_and(|q| q.cue) || self.meta[a..=z].iter().any(|m| m.cue);
            let linked = z > a || carried.is_some();
            // The chain's quotation closes inside the block (or runs on into the next one):
            // only the block's last chain can run into its end.
            let closed = !(z + 1 == n && open_at_end);
            for t in a..=z {
                let m = self.meta[t];
                let s = &mut self.out[base + t];
                let attributed = m.cue || (linked && chain_cue) || follows_speech;
                let len = s.end - s.start - m.excess;
                s.attributed = attributed;
                // Its words are quoted if the quotation is someone's (attributed) or closes
                // before the block ends: a mark that never closes and names nobody is as
                // likely a stray (a lost closing mark, a fragment pasted in) as a quotation,
                // and must not turn the rest of the paragraph into quoted speech.
                let goes_on = t > a || carried.is_some();
                s.continues_quote = answer || (goes_on && (attributed || closed));
                s.in_quote = 2 * m.quoted >= len || (m.begins && (m.continues || attributed));
            }
            if self.marks.is_some() {
                // Where each sentence of the chain begins: the marks open after the one
                // before it, and what the chain was up to it.
                let mut cue = carried.is_some_and(|q| q.cue);
                for t in a..=z {
                    let (stack, depth) = if t > a {
                        self.quote_after[base + t - 1]
                    } else {
                        carried.map_or(([0; MAX_DEPTH], 0), |q| (q.stack, q.depth))
                    };
                    self.quote_at.push(QuoteCarry {
                        stack,
                        depth,
                        chain: t > a || carried.is_some(),
                        cue,
                        follows: follows_speech,
                        ..QuoteCarry::default()
                    });
                    cue |= self.meta[t].cue;
                }
            }
            let last = &self.out[base + z];
            prev_speech = last.attributed && last.in_quote;
            a = z + 1;
        }
        self.continued_reports(base, rq);
        self.questions_and_answers(base);
        self.subheads(base);
        self.reader_letters(base);
        self.question_turns(base);
        self.rhetorical_questions(base);
        if self.turn {
            for s in &mut self.out[base..] {
                s.speaker_turn = true;
            }
        }
        // Cue rules 14's reading of a speaker's turn: the block's whole first sentence, as the
        // sentence read alone is read (`speaker_label_14` looks for the colon first, so a
        // sentence without one costs one short `memchr`).
        if let Some(first) = self.out.get(base) {
            if !self.resumed {
                self.opening.turn_14 =
                    super::speaker::speaker_label_14(first.text(self.text)).is_some();
                self.opening.key = (self.opening.turn_14)
                    .then(|| super::speaker::name_label_key_16(first.text(self.text)))
                    .flatten();
            }
            if self.opening.turn_14 {
                for s in &mut self.out[base..] {
                    s.speaker_turn_14 = true;
                }
                self.column_heads(base);
            }
        }
        self.meta.clear();
    }

    /// Cue rules 17: mark every sentence of a block that opens with a bare `Q` label and asks
    /// a question (see `q_label_17` in the module docs).
    fn reader_letters(&mut self, base: usize) {
        let text = self.text;
        let Some(first) = self.out.get(base) else {
            return;
        };
        let b = first.text(text).as_bytes();
        if !self.resumed {
            self.opening.letter =
                b.len() > 2 && b[0] == b'Q' && b[1] == b' ' && b[2].is_ascii_uppercase();
        }
        if !self.opening.letter {
            return;
        }
        let asks = |s: &Sentence| !s.in_quote && !s.attributed && report::asks(s.text(text));
        if self.out[base..].iter().any(asks) {
            for s in &mut self.out[base..] {
                s.q_label_17 = true;
            }
        }
    }

    /// Cue rules 18: mark the short questions of a block that opens with a question label
    /// (see `q_turn_18` in the module docs).
    fn question_turns(&mut self, base: usize) {
        // `begin_block` has set `interview` if this block opens with a question label: other
        // documents are turned away here.
        if !self.interview {
            return;
        }
        let text = self.text;
        let Some(first) = self.out.get(base) else {
            return;
        };
        let t = first.text(text).trim_start_matches('\u{feff}');
        if !self.resumed {
            self.opening.question = starts_with_label(t.as_bytes(), &QUESTION_LABELS);
        }
        if !self.opening.question {
            return;
        }
        // The label is no word of the question (in a block that goes on inside a cut one,
        // the first sentence has none).
        let label = usize::from(!self.resumed);
        for (k, s) in self.out[base..].iter_mut().enumerate() {
            let t = s.text(text).trim_start_matches('\u{feff}');
            let words = t.split_whitespace().count() - usize::from(k == 0) * label;
            s.q_turn_18 = !s.in_quote && !s.attributed && words <= 12 && report::asks(t);
        }
    }

    /// Cue rules 16: mark the question of a block of one short question from the document's
    /// second such block on (see `subhead_16` in the module docs).
    fn subheads(&mut self, base: usize) {
        if self.out.len() != base + 1 {
            return;
        }
        let text = self.text;
        let s = self.out[base];
        let t = s.text(text);
        if s.in_quote || s.attributed || s.q_and_a || !report::asks(t) {
            return;
        }
        // A subhead has its answer after it: a document's last block (a leader's closing `Is
        // that too much to ask?`) is none.
        if t.split_whitespace().count() > 12
            || (super::is_blank(&text[s.end..]) && super::is_blank(self.next))
        {
            return;
        }
        self.subheads = self.subheads.saturating_add(1);
        if self.subheads >= 2 {
            self.out[base].subhead_16 = true;
        }
    }

    /// Cue rules 16: mark the block that starts at `out[base]` (a speaker's turn as cue rules
    /// 14 read labels) as a column's heading when its name label is new to the document, no
    /// label of the document recurred and the block holds no first person and no question
    /// (see `column_head` in the module docs); remember the label.
    fn column_heads(&mut self, base: usize) {
        let first = self.out[base];
        let Some(key) = self.opening.key else {
            return;
        };
        let n = usize::from(self.label_count);
        if self.labels[..n].contains(&key) {
            self.recurred = true;
        } else if n < super::MAX_LABEL_KEYS {
            self.labels[n] = key;
            self.label_count += 1;
        }
        if self.recurred {
            return;
        }
        let end = self.out[self.out.len() - 1].end;
        let text = self.text;
        if !super::report::first_person(&text[first.start..end])
            && !self.out[base..].iter().any(|s| report::asks(s.text(text)))
        {
            for s in &mut self.out[base..] {
                s.column_head = true;
            }
        }
    }

    /// Mark the sentences of the block that starts at `out[base]` that continue a report made
    /// in the sentence before them (see `continues_report` in the module docs). The words are
    /// read only for a sentence right after a report.
    fn continued_reports(&mut self, base: usize, resumed: Option<QuoteCarry>) {
        let text = self.text;
        // A block the streaming reader cut: its first sentence follows the one before the cut.
        if let (Some(q), Some(&s)) = (resumed, self.out.get(base)) {
            if q.reports
                && q.third
                && !s.attributed
                && !s.in_quote
                && !s.continues_quote
                && report::reads_on(s.text(text))
            {
                self.out[base].continues_report = true;
            }
        }
        for t in base + 1..self.out.len() {
            let (prev, s) = (self.out[t - 1], self.out[t]);
            let reports = prev.continues_report || (prev.attributed && !prev.in_quote);
            if reports
                && !s.attributed
                && !s.in_quote
                && !s.continues_quote
                && report::reads_on(s.text(text))
                && (prev.continues_report || report::third_party(prev.text(text)))
            {
                self.out[t].continues_report = true;
            }
        }
    }
}

impl Scanner<'_> {
    /// Mark the question of the block that starts at `out[base]` (both sentences of an
    /// interviewer's), in a document laid out as questions and answers (see `q_and_a` in the
    /// module docs). A document with a question label is left to the label rule.
    fn questions_and_answers(&mut self, base: usize) {
        let n = self.out.len().saturating_sub(base);
        if self.interview || n == 0 {
            return;
        }
        let text = self.text;
        let asks = |s: &Sentence| !s.in_quote && !s.attributed && report::asks(s.text(text));
        let block = &self.out[base..];
        let short = n <= 2 && asks(&block[n - 1]);
        // A block that opens with a question and answers it in the first person is a
        // columnist's rhetorical question (`Is that fair? I do not think so.`), not a subhead.
        let answered_by_writer = || {
            block[1..]
                .iter()
                .any(|s| report::first_person(s.text(text)))
        };
        // A question on its own counts only when it addresses someone (`you`): an
        // interviewer's. A columnist's one-line rhetorical question (`Is that fair?`) is no
        // subhead.
        let addressed = || block.iter().any(|s| report::second_person(s.text(text)));
        let k = if short && addressed() {
            n
        } else if n > 1 && asks(&block[0]) && !asks(&block[n - 1]) && !answered_by_writer() {
            1
        } else {
            0
        };
        // Only the questions: an answer is left as it reads. (Answers in the first person
        // after an interviewer's question were read as the interviewee's at first; in a long
        // document that had passed two questions to `you`, every later first-person
        // paragraph became an answer: `docs/experiments.md`, "Questions and answers".)
        if k > 0 {
            self.questions = self.questions.saturating_add(1);
        }
        if self.questions >= 2 && k > 0 {
            for s in &mut self.out[base..base + k] {
                s.q_and_a = true;
            }
        }
    }
}

impl Scanner<'_> {
    /// Mark the writer's rhetorical questions in the block that starts at `out[base]` (see
    /// `rhetorical` in the module docs): only a block with a question and a sentence that is
    /// not one is read word by word.
    fn rhetorical_questions(&mut self, base: usize) {
        let text = self.text;
        let block = &self.out[base..];
        if block.len() < 2 {
            return;
        }
        let asks = |s: &Sentence| report::asks(s.text(text));
        if !block.iter().any(asks) || block.iter().all(asks) {
            return;
        }
        for s in &mut self.out[base..] {
            s.rhetorical = !s.in_quote
                && !s.attributed
                && !s.q_and_a
                && report::writers_yes_no_question(s.text(text));
        }
    }
}

/// Whether `head` begins with one of `labels` followed by ASCII white space.
fn starts_with_label(head: &[u8], labels: &[&[u8]]) -> bool {
    labels
        .iter()
        .any(|l| head.starts_with(l) && head.get(l.len()).is_some_and(u8::is_ascii_whitespace))
}

fn is_single(q: u8) -> bool {
    matches!(q, Q_SINGLE | Q_LSQUO | Q_SLOW9)
}

fn is_double(q: u8) -> bool {
    matches!(q, Q_DOUBLE | Q_LDQUO | Q_LOW9 | Q_RDQUO)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Dot,
    Other,
    /// Full-width terminators that need no space after them.
    Cjk,
}

/// The terminator at `j`, if any: its length in bytes and kind.
fn term_at(b: &[u8], j: usize) -> Option<(usize, Term)> {
    let at = |k: usize| b.get(j + k).copied().unwrap_or(0);
    match at(0) {
        b'.' => Some((1, Term::Dot)),
        b'!' | b'?' => Some((1, Term::Other)),
        0xE2 if at(1) == 0x80 && matches!(at(2), 0xA6 | 0xBD) => Some((3, Term::Other)), // … ‽
        0xE3 if at(1) == 0x80 && at(2) == 0x82 => Some((3, Term::Cjk)),                  // 。
        0xEF if at(1) == 0xBC && matches!(at(2), 0x81 | 0x9F) => Some((3, Term::Cjk)),   // ！ ？
        0xD8 if at(1) == 0x9F => Some((2, Term::Other)),                                 // ؟
        0xE0 if at(1) == 0xA5 && matches!(at(2), 0xA4 | 0xA5) => Some((3, Term::Other)), // । ॥
        _ => None,
    }
}

/// A closing mark at `k` that may follow a terminator: its length and whether it is a
/// quotation mark.
fn closer_at(b: &[u8], k: usize) -> Option<(usize, bool)> {
    let at = |x: usize| b.get(k + x).copied().unwrap_or(0);
    match at(0) {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' | b'}' => Some((1, false)),
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x9D | 0x99 | 0xBA) => Some((3, true)), // ” ’ ›
        0xC2 if at(1) == 0xBB => Some((2, true)),                                        // »
        0xE3 if at(1) == 0x80 && matches!(at(2), 0x8D | 0x8F) => Some((3, true)),        // 」 』
        0xEF if at(1) == 0xBC && at(2) == 0x89 => Some((3, false)),                      // ）
        _ => None,
    }
}

/// Opening marks before the first word of the next sentence; returns the position after
/// them and whether one of them was a quotation mark.
fn skip_openers(b: &[u8], mut m: usize, ue: usize) -> (usize, bool) {
    let mut quote = false;
    for _ in 0..8 {
        let at = |x: usize| b.get(m + x).copied().unwrap_or(0);
        // An opening mark's entity (`&quot;`, `&ldquo;`) left in scraped text.
        let opener = entity_mark(b, m, ue).filter(|&(_, mark)| {
            matches!(
                mark,
                Mark::Straight
                    | Mark::Single
                    | Mark::Ldquo
                    | Mark::Lsquo
                    | Mark::Low9
                    | Mark::Sbquo
                    | Mark::Laquo
                    | Mark::Lsaquo
            )
        });
        if let Some((len, _)) = opener {
            quote = true;
            m += len;
            continue;
        }
        let (len, q) = match at(0) {
            b'"' | b'\'' => (1, true),
            b'(' | b'[' => (1, false),
            0xE2 if at(1) == 0x80 && matches!(at(2), 0x9C | 0x98 | 0x9A | 0x9E | 0xB9) => (3, true),
            0xC2 if at(1) == 0xAB => (2, true),
            0xC2 if matches!(at(1), 0xBF | 0xA1) => (2, false), // ¿ ¡
            _ => break,
        };
        if m + len > ue {
            break;
        }
        quote |= q;
        m += len;
    }
    (m, quote)
}

/// Whether a spaced ellipsis, `. . .`, goes on at `j`, just after a `.`: one space and another
/// `.`, where that `.` is followed by one more spaced `.` or, once the ellipsis has begun
/// (`spaced` > 0), by neither a `.` nor a letter or a digit. A sentence that ends before an
/// unspaced ellipsis (`all seniors. ...and`) or a decimal (`. .5`) is not one.
fn spaced_dot(b: &[u8], j: usize, ue: usize, spaced: usize) -> bool {
    let at = |x: usize| if j + x < ue { b[j + x] } else { 0 };
    j > 0
        && b[j - 1] == b'.'
        && at(0) == b' '
        && at(1) == b'.'
        && ((at(2) == b' ' && at(3) == b'.')
            || (spaced > 0 && at(2) != b'.' && !at(2).is_ascii_alphanumeric()))
}

/// Length of the white-space character at `i` (Unicode White_Space), or 0.
fn ws_len(b: &[u8], i: usize) -> usize {
    let at = |x: usize| b.get(i + x).copied().unwrap_or(0);
    match at(0) {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 if matches!(at(1), 0xA0 | 0x85) => 2,
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Whether a straight `"` followed by the character `next` may open a quotation (as far as
/// what follows it tells): not before white space or the end of the text (`None`).
fn double_may_open(next: Option<char>) -> bool {
    next.is_some_and(|c| !c.is_whitespace())
}

/// Whether a `‘` followed by the bytes `after` may open a quotation (as far as what follows
/// it tells): not before a digit (`‘90s`) or an elision (`‘tis`).
fn lsquo_may_open(after: &[u8]) -> bool {
    !after.first().is_some_and(u8::is_ascii_digit)
        && !lexicon::is_elision(ascii_word(after, 0, after.len()))
}

fn skip_ws(b: &[u8], mut k: usize, end: usize) -> usize {
    while k < end {
        let n = ws_len(b, k);
        if n == 0 {
            break;
        }
        k += n;
    }
    k.min(end)
}

/// The ASCII word (letters only) at `m`, at most 16 bytes; empty if none.
fn ascii_word(b: &[u8], m: usize, ue: usize) -> &[u8] {
    let end = ue.min(m + 16);
    let n = b.get(m..end).map_or(0, |s| {
        s.iter().take_while(|c| c.is_ascii_alphabetic()).count()
    });
    &b[m..m + n]
}

/// Bit `k` set when `chunk[k]` (at most 64 bytes) is an ASCII letter; eight bytes at a
/// time (SWAR).
#[inline]
pub(super) fn letter_mask(chunk: &[u8]) -> u64 {
    let mut mask = 0u64;
    let mut k = 0;
    let mut words = chunk.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        mask |= letters8(w) << k;
        k += 8;
    }
    for (j, &x) in words.remainder().iter().enumerate() {
        mask |= (((x | 0x20).wrapping_sub(b'a') < 26) as u64) << (k + j);
    }
    mask
}

/// The ASCII letters among the eight bytes of `w` (little-endian), one bit per byte.
#[inline]
fn letters8(w: u64) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    let t = (w & LO7) | 0x2020_2020_2020_2020; // lower-cased, high bit cleared: no carries
    let ge_a = t.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & HI; // t >= 'a'
    let gt_z = t.wrapping_add(0x0505_0505_0505_0505) & HI; // t > 'z'
    let bits = ge_a & !gt_z & !w & HI; // and the byte was ASCII
    (bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Whether the word after the white space at `i` is `w` (case-insensitive), within `end`.
fn next_word_is(b: &[u8], i: usize, end: usize, w: &[u8]) -> bool {
    let m = skip_ws(b, i, end);
    let n = w.len();
    m + n <= end
        && b[m..m + n].eq_ignore_ascii_case(w)
        && !b.get(m + n).is_some_and(u8::is_ascii_alphabetic)
}

/// The lower-cased ASCII word before `ws` (skipping spaces and punctuation, not crossing
/// `floor`), written into `buf`; empty if none or longer than 12 bytes.
fn prev_word<'b>(b: &[u8], ws: usize, floor: usize, buf: &'b mut [u8; 12]) -> &'b [u8] {
    let mut e = ws;
    while e > floor && !b[e - 1].is_ascii_alphabetic() && ws - e < 8 {
        e -= 1;
    }
    let mut s = e;
    while s > floor && b[s - 1].is_ascii_alphabetic() && e - s <= 12 {
        s -= 1;
    }
    if e == s || e - s > 12 {
        return &buf[..0];
    }
    for (d, c) in buf.iter_mut().zip(&b[s..e]) {
        *d = c.to_ascii_lowercase();
    }
    &buf[..e - s]
}

/// The lower-cased ASCII word after `we` (skipping white space only, not crossing `end`),
/// written into `buf`; empty if none or longer than 12 bytes.
fn next_word<'b>(b: &[u8], we: usize, end: usize, buf: &'b mut [u8; 12]) -> &'b [u8] {
    let s = skip_ws(b, we, end.min(we + 8));
    let mut e = s;
    while e < end && b[e].is_ascii_alphabetic() && e - s <= 12 {
        e += 1;
    }
    if e == s || e - s > 12 || (e < end && b[e] >= 0x80) {
        return &buf[..0];
    }
    for (d, c) in buf.iter_mut().zip(&b[s..e]) {
        *d = c.to_ascii_lowercase();
    }
    &buf[..e - s]
}

/// `[s, e)` without surrounding Unicode white space and invisible characters (a byte-order
/// mark, as some editors start a UTF-8 file, a zero-width space left by a web page: they are
/// no part of the sentence; [`super::is_invisible`]).
fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let blank = |c: char| c.is_whitespace() || super::is_invisible(c);
    let seg = &text[s..e];
    let t = seg.trim_start_matches(blank);
    let ts = s + (seg.len() - t.len());
    let te = ts + t.trim_end_matches(blank).len();
    (ts, te)
}

/// Length of the invisible character at `i` ([`super::is_invisible`]: U+200B, U+200C, U+200D,
/// U+2060, U+FEFF), or 0.
fn invisible_len(b: &[u8], i: usize) -> usize {
    let at = |x: usize| b.get(i + x).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        (0xE2, 0x80, 0x8B..=0x8D) | (0xE2, 0x81, 0xA0) | (0xEF, 0xBB, 0xBF) => 3,
        _ => 0,
    }
}

/// HTML entities for a space (`&nbsp;`, `&#160;`, …); matched without regard to case.
const ENTITY_SPACES: [&[u8]; 8] = [
    b"&nbsp;",
    b"&#160;",
    b"&#xa0;",
    b"&ensp;",
    b"&emsp;",
    b"&thinsp;",
    b"&#8201;",
    b"&#8239;",
];

/// Length of the entity of `table` at `k` (ending by `ue`), or 0.
fn entity_len(b: &[u8], k: usize, ue: usize, table: &[&[u8]]) -> usize {
    if b.get(k) != Some(&b'&') {
        return 0;
    }
    let rest = &b[k..ue.max(k)];
    table
        .iter()
        .find(|e| rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e))
        .map_or(0, |e| e.len())
}

/// What the entity of a quotation mark or an ellipsis stands for ([`entity_mark`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `"`: `&quot;`.
    Straight,
    /// `'`: `&#39;`, `&apos;`.
    Single,
    /// `“`: `&ldquo;`.
    Ldquo,
    /// `”`: `&rdquo;`.
    Rdquo,
    /// `‘`: `&lsquo;`.
    Lsquo,
    /// `’`: `&rsquo;`.
    Rsquo,
    /// `„`: `&bdquo;`.
    Low9,
    /// `‚`: `&sbquo;`.
    Sbquo,
    /// `«`: `&laquo;`.
    Laquo,
    /// `»`: `&raquo;`.
    Raquo,
    /// `‹`: `&lsaquo;`.
    Lsaquo,
    /// `›`: `&rsaquo;`.
    Rsaquo,
    /// `…`: `&hellip;`.
    Hellip,
}

impl Mark {
    /// Whether the mark can close a quotation after a terminator (`said.&quot;`): the straight
    /// marks and the closing ones, as `closer_at` reads their characters.
    fn closes(self) -> bool {
        matches!(
            self,
            Mark::Straight | Mark::Single | Mark::Rdquo | Mark::Rsquo | Mark::Raquo | Mark::Rsaquo
        )
    }
}

/// The entities of quotation marks and of the ellipsis, named and numbered (decimal and hex),
/// without their `&` and `;`; matched without regard to case.
const ENTITY_MARKS: [(&[u8], Mark); 40] = [
    (b"quot", Mark::Straight),
    (b"#34", Mark::Straight),
    (b"#x22", Mark::Straight),
    (b"apos", Mark::Single),
    (b"#39", Mark::Single),
    (b"#039", Mark::Single),
    (b"#x27", Mark::Single),
    (b"ldquo", Mark::Ldquo),
    (b"#8220", Mark::Ldquo),
    (b"#x201c", Mark::Ldquo),
    (b"rdquo", Mark::Rdquo),
    (b"#8221", Mark::Rdquo),
    (b"#x201d", Mark::Rdquo),
    (b"lsquo", Mark::Lsquo),
    (b"#8216", Mark::Lsquo),
    (b"#x2018", Mark::Lsquo),
    (b"rsquo", Mark::Rsquo),
    (b"#8217", Mark::Rsquo),
    (b"#x2019", Mark::Rsquo),
    (b"bdquo", Mark::Low9),
    (b"#8222", Mark::Low9),
    (b"#x201e", Mark::Low9),
    (b"sbquo", Mark::Sbquo),
    (b"#8218", Mark::Sbquo),
    (b"#x201a", Mark::Sbquo),
    (b"laquo", Mark::Laquo),
    (b"#171", Mark::Laquo),
    (b"#xab", Mark::Laquo),
    (b"raquo", Mark::Raquo),
    (b"#187", Mark::Raquo),
    (b"#xbb", Mark::Raquo),
    (b"lsaquo", Mark::Lsaquo),
    (b"#8249", Mark::Lsaquo),
    (b"#x2039", Mark::Lsaquo),
    (b"rsaquo", Mark::Rsaquo),
    (b"#8250", Mark::Rsaquo),
    (b"#x203a", Mark::Rsaquo),
    (b"hellip", Mark::Hellip),
    (b"#8230", Mark::Hellip),
    (b"#x2026", Mark::Hellip),
];

/// The entity of a quotation mark or an ellipsis at `k` (`&quot;`, `&#8220;`, `&hellip;`;
/// [`ENTITY_MARKS`]), ending by `ue`: its length in bytes and what it stands for.
fn entity_mark(b: &[u8], k: usize, ue: usize) -> Option<(usize, Mark)> {
    if b.get(k) != Some(&b'&') {
        return None;
    }
    let end = ue.min(b.len()).min(k + 9);
    let semi = k + 1 + b.get(k + 1..end)?.iter().position(|&c| c == b';')?;
    let name = &b[k + 1..semi];
    ENTITY_MARKS
        .iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n))
        .map(|&(_, mark)| (semi + 1 - k, mark))
}

/// `&hellip;` (or `&#8230;`) at `j`, ending by `ue`, as a terminator (`…`).
fn hellip_at(b: &[u8], j: usize, ue: usize) -> Option<(usize, Term)> {
    entity_mark(b, j, ue)
        .filter(|&(_, mark)| mark == Mark::Hellip)
        .map(|(n, _)| (n, Term::Other))
}

/// Whether `c` is an emoji as news copy pasted from social media has them after a sentence
/// (`🎉`, `🔥`, `❤`, `⚽`, `⭐`, a flag's regional indicators); not the arrows that mark list
/// items (`➢`, `➤`).
pub(super) fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1f000}'..='\u{1faff}'
            | '\u{2600}'..='\u{2793}'
            | '\u{231a}'
            | '\u{231b}'
            | '\u{23e9}'..='\u{23fa}'
            | '\u{2b50}'
            | '\u{2b55}'
    )
}

/// Characters that go on an emoji sequence: the zero-width joiner, variation selectors, the
/// keycap and tag characters.
fn extends_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}'
    )
}

/// After a terminator and its closing marks at `k`: the end of the emoji that follow it on the
/// same line (glued to it or after spaces and tabs, several of them with spaces between) when
/// white space or the end of the block (`ue`) follows them; `None` when no emoji follows so.
fn emoji_after(text: &str, k: usize, ue: usize) -> Option<usize> {
    let rest = text.get(k..ue)?;
    let mut end = None;
    let mut pos = 0;
    let mut chars = rest.char_indices().peekable();
    loop {
        // Spaces on the same line, then an emoji sequence.
        while let Some(&(_, c)) = chars.peek() {
            if c == ' ' || c == '\t' || c == '\u{a0}' {
                chars.next();
            } else {
                break;
            }
        }
        match chars.peek() {
            Some(&(_, c)) if is_emoji(c) => {}
            _ => break,
        }
        while let Some(&(p, c)) = chars.peek() {
            if is_emoji(c) || extends_emoji(c) {
                chars.next();
                pos = p + c.len_utf8();
            } else {
                break;
            }
        }
        match chars.peek() {
            None => {
                end = Some(k + pos);
                break;
            }
            Some(&(_, c)) if c.is_whitespace() => end = Some(k + pos),
            Some(_) => break,
        }
    }
    end
}

/// The character an entity of [`ENTITY_MARKS`] stands for.
fn mark_char(mark: Mark) -> char {
    match mark {
        Mark::Straight => '"',
        Mark::Single => '\'',
        Mark::Ldquo => '“',
        Mark::Rdquo => '”',
        Mark::Lsquo => '‘',
        Mark::Rsquo => '’',
        Mark::Low9 => '„',
        Mark::Sbquo => '‚',
        Mark::Laquo => '«',
        Mark::Raquo => '»',
        Mark::Lsaquo => '‹',
        Mark::Rsaquo => '›',
        Mark::Hellip => '…',
    }
}

/// The soft hyphen's entities, without `&` and `;`.
const ENTITY_SHY: [&[u8]; 3] = [b"shy", b"#173", b"#xad"];

/// The entities of the ampersand and of the no-break space, without `&` and `;`, and the
/// characters they stand for; matched without regard to case.
const ENTITY_CHARS: [(&[u8], char); 7] = [
    (b"amp", '&'),
    (b"#38", '&'),
    (b"#038", '&'),
    (b"#x26", '&'),
    (b"nbsp", '\u{a0}'),
    (b"#160", '\u{a0}'),
    (b"#xa0", '\u{a0}'),
];

/// The named entities that scraped news copy leaves in its text for characters other than
/// quotation marks, the ellipsis, the ampersand and the spaces read above (those are
/// [`ENTITY_MARKS`], which the scanner reads as the marks, and `ENTITY_CHARS`): dashes,
/// bullets and typographic signs, `<` and `>`, currency signs, and the letters of Latin-1 with
/// `œ`, `Œ`, `š`, `Š` and `Ÿ`. Names as HTML spells them, case included (`&Eacute;` is `É`,
/// `&EACUTE;` is text); each character is also read by number (`&#8212;`, `&#x2014;`). A
/// bounded table rather than HTML's 2,231 names: no entity of this list changes where a
/// sentence or a quotation ends, so decoding one changes only the words the features and the
/// flags' word rules read (a full decoder would also turn `&NewLine;` into a line break, or an
/// entity of a quotation mark outside [`ENTITY_MARKS`] into a mark the scanner does not see).
const ENTITY_TEXT: [(&[u8], char); 106] = [
    (b"ndash", '\u{2013}'),
    (b"mdash", '\u{2014}'),
    (b"minus", '\u{2212}'),
    (b"bull", '\u{2022}'),
    (b"middot", '\u{b7}'),
    (b"prime", '\u{2032}'),
    (b"Prime", '\u{2033}'),
    (b"dagger", '\u{2020}'),
    (b"Dagger", '\u{2021}'),
    (b"permil", '\u{2030}'),
    (b"sect", '\u{a7}'),
    (b"para", '\u{b6}'),
    (b"iexcl", '\u{a1}'),
    (b"iquest", '\u{bf}'),
    (b"lt", '<'),
    (b"gt", '>'),
    (b"copy", '\u{a9}'),
    (b"reg", '\u{ae}'),
    (b"trade", '\u{2122}'),
    (b"cent", '\u{a2}'),
    (b"pound", '\u{a3}'),
    (b"yen", '\u{a5}'),
    (b"euro", '\u{20ac}'),
    (b"deg", '\u{b0}'),
    (b"micro", '\u{b5}'),
    (b"times", '\u{d7}'),
    (b"divide", '\u{f7}'),
    (b"plusmn", '\u{b1}'),
    (b"frac14", '\u{bc}'),
    (b"frac12", '\u{bd}'),
    (b"frac34", '\u{be}'),
    (b"sup1", '\u{b9}'),
    (b"sup2", '\u{b2}'),
    (b"sup3", '\u{b3}'),
    (b"ordf", '\u{aa}'),
    (b"ordm", '\u{ba}'),
    (b"ensp", '\u{2002}'),
    (b"emsp", '\u{2003}'),
    (b"thinsp", '\u{2009}'),
    (b"Agrave", '\u{c0}'),
    (b"Aacute", '\u{c1}'),
    (b"Acirc", '\u{c2}'),
    (b"Atilde", '\u{c3}'),
    (b"Auml", '\u{c4}'),
    (b"Aring", '\u{c5}'),
    (b"AElig", '\u{c6}'),
    (b"Ccedil", '\u{c7}'),
    (b"Egrave", '\u{c8}'),
    (b"Eacute", '\u{c9}'),
    (b"Ecirc", '\u{ca}'),
    (b"Euml", '\u{cb}'),
    (b"Igrave", '\u{cc}'),
    (b"Iacute", '\u{cd}'),
    (b"Icirc", '\u{ce}'),
    (b"Iuml", '\u{cf}'),
    (b"ETH", '\u{d0}'),
    (b"Ntilde", '\u{d1}'),
    (b"Ograve", '\u{d2}'),
    (b"Oacute", '\u{d3}'),
    (b"Ocirc", '\u{d4}'),
    (b"Otilde", '\u{d5}'),
    (b"Ouml", '\u{d6}'),
    (b"Oslash", '\u{d8}'),
    (b"Ugrave", '\u{d9}'),
    (b"Uacute", '\u{da}'),
    (b"Ucirc", '\u{db}'),
    (b"Uuml", '\u{dc}'),
    (b"Yacute", '\u{dd}'),
    (b"THORN", '\u{de}'),
    (b"szlig", '\u{df}'),
    (b"agrave", '\u{e0}'),
    (b"aacute", '\u{e1}'),
    (b"acirc", '\u{e2}'),
    (b"atilde", '\u{e3}'),
    (b"auml", '\u{e4}'),
    (b"aring", '\u{e5}'),
    (b"aelig", '\u{e6}'),
    (b"ccedil", '\u{e7}'),
    (b"egrave", '\u{e8}'),
    (b"eacute", '\u{e9}'),
    (b"ecirc", '\u{ea}'),
    (b"euml", '\u{eb}'),
    (b"igrave", '\u{ec}'),
    (b"iacute", '\u{ed}'),
    (b"icirc", '\u{ee}'),
    (b"iuml", '\u{ef}'),
    (b"eth", '\u{f0}'),
    (b"ntilde", '\u{f1}'),
    (b"ograve", '\u{f2}'),
    (b"oacute", '\u{f3}'),
    (b"ocirc", '\u{f4}'),
    (b"otilde", '\u{f5}'),
    (b"ouml", '\u{f6}'),
    (b"oslash", '\u{f8}'),
    (b"ugrave", '\u{f9}'),
    (b"uacute", '\u{fa}'),
    (b"ucirc", '\u{fb}'),
    (b"uuml", '\u{fc}'),
    (b"yacute", '\u{fd}'),
    (b"thorn", '\u{fe}'),
    (b"yuml", '\u{ff}'),
    (b"OElig", '\u{152}'),
    (b"oelig", '\u{153}'),
    (b"Scaron", '\u{160}'),
    (b"scaron", '\u{161}'),
    (b"Yuml", '\u{178}'),
];

/// The entity of a character of [`ENTITY_TEXT`] at `k` (`&mdash;`, `&#8212;`, `&#x2014;`),
/// ending by `ue`: its length in bytes and the character.
pub(super) fn entity_text(b: &[u8], k: usize, ue: usize) -> Option<(usize, char)> {
    if b.get(k) != Some(&b'&') {
        return None;
    }
    let end = ue.min(b.len()).min(k + 9);
    let semi = k + 1 + b.get(k + 1..end)?.iter().position(|&c| c == b';')?;
    let name = &b[k + 1..semi];
    let c = match name {
        [b'#', b'x' | b'X', hex @ ..]
            if !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit) =>
        {
            let hex = std::str::from_utf8(hex).ok()?;
            char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
        }
        [b'#', dec @ ..] if !dec.is_empty() && dec.iter().all(u8::is_ascii_digit) => {
            let dec = std::str::from_utf8(dec).ok()?;
            char::from_u32(dec.parse().ok()?)?
        }
        _ => {
            return (ENTITY_TEXT.iter())
                .find(|(n, _)| *n == name)
                .map(|&(_, c)| (semi + 1 - k, c))
        }
    };
    ENTITY_TEXT
        .iter()
        .any(|&(_, t)| t == c)
        .then_some((semi + 1 - k, c))
}

/// Whether the bytes `b` hold an `&` or the byte 0xAD (a soft hyphen's second byte): the
/// only bytes [`decode_scraped`] may change.
pub(super) fn may_decode(b: &[u8]) -> bool {
    memchr::memchr2(b'&', 0xAD, b).is_some()
}

/// `text` as the feature analyzer reads scraped text: the entities of quotation marks and of
/// the ellipsis that the segmenter reads as those marks ([`ENTITY_MARKS`]: `&quot;` → `"`,
/// `&ldquo;` → `“`, `&hellip;` → `…`), of the ampersand (`&amp;` `&#38;` → `&`, so `A&amp;E`
/// reads as `A&E`), of the no-break space (`&nbsp;` `&#160;` → U+00A0) and of the characters
/// of [`ENTITY_TEXT`] (`&mdash;` → `—`, `&pound;` → `£`, `&eacute;` → `é`) are decoded, once
/// (`&amp;quot;` gives the text `&quot;`), and soft hyphens (U+00AD, `&shy;`) are dropped, so
/// that `infor`U+00AD`mation` is one word. Any other entity stays as written. Borrowed when
/// there is nothing to change (no `&` and no soft hyphen: one `memchr2`).
pub(crate) fn decode_scraped(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    if !may_decode(b) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(d) = memchr::memchr2(b'&', 0xC2, &b[i..]) {
        let k = i + d;
        // The replacement and the bytes it replaces.
        let found = if b[k] == 0xC2 {
            (b.get(k + 1) == Some(&0xAD)).then_some((None, 2))
        } else if let Some((n, mark)) = entity_mark(b, k, b.len()) {
            Some((Some(mark_char(mark)), n))
        } else {
            let name_end = b[k + 1..b.len().min(k + 7)].iter().position(|&c| c == b';');
            name_end
                .and_then(|e| {
                    let name = &b[k + 1..k + 1 + e];
                    if ENTITY_SHY.iter().any(|n| name.eq_ignore_ascii_case(n)) {
                        return Some((None, e + 2));
                    }
                    (ENTITY_CHARS.iter())
                        .find(|(n, _)| name.eq_ignore_ascii_case(n))
                        .map(|&(_, c)| (Some(c), e + 2))
                })
                .or_else(|| entity_text(b, k, b.len()).map(|(n, c)| (Some(c), n)))
        };
        match found {
            Some((c, n)) => {
                out.push_str(&text[copied..k]);
                out.extend(c);
                copied = k + n;
                i = k + n;
            }
            None => i = k + 1,
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}
