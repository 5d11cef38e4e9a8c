//! Sentence segmentation for news text, with byte offsets and quotation/attribution flags.
//!
//! [`split`] is a single forward byte scanner (no regular expressions, no allocation per
//! byte) that knows what news copy looks like:
//!
//! * **Blocks.** A blank line always ends a sentence. Inside a paragraph a single line
//!   break ends a sentence when the line is a headline, byline, dateline or list item
//!   (a line that was not filled up to the paragraph's wrap width, a `By …` line, an
//!   `ALL-CAPS —` dateline, a line before a `- ` / `1. ` / `a) ` marker); other line
//!   breaks (hard-wrapped prose) are plain spaces.
//! * **One paragraph per line.** Text with no blank lines and one paragraph on each line
//!   (scraped pages, JSONL `text` fields, copy-paste from a browser) is recognised: in a
//!   paragraph of two lines or more, more than half of the line breaks left to the
//!   terminator rules follow a line that ends a sentence (`.` `?` `!` …, optional closing
//!   marks, the next line not in lower case), two of them do or a line is longer than 100
//!   characters, and at least one line in ten holds two sentences (one sentence per line, a
//!   sentence splitter's output, is read as before). There, a line break where a sentence ends is a paragraph break for all
//!   that follows from paragraphs (a quotation's reach, a quotation reopened by the next
//!   paragraph, `Q:`/`A:` labels). Where sentences end does not change, except that a mark
//!   left open on an earlier line no longer makes a later quotation nested in it (so a short
//!   quoted exclamation may no longer end a sentence). Hard-wrapped prose, most of whose
//!   lines end mid-sentence, is not affected.
//! * **Terminators.** `.` `!` `?` `…` `‽` and runs of them (`?!`, `...`), followed by
//!   optional closing quotes or brackets, then white space. The next word decides: a
//!   lower-case start continues the sentence (`"Why?" she asked.`); otherwise the
//!   sentence ends, except after an abbreviation (see below) or when the terminator
//!   closes a quotation that is followed by its attribution (`"Why?" Smith asked.`).
//!   CJK full stops (`。！？`) end a sentence with no space after them. A spaced ellipsis
//!   (`. . .`) is one run. Scraped text: invisible characters ([`is_invisible`]) and the HTML
//!   entities of a closing quotation mark (`&quot;`, `&#8221;`) or a space (`&nbsp;`,
//!   `&#160;`) after a terminator do not hide the boundary; they stay in the sentence.
//!   `&hellip;` and `&#8230;` are `…`. An emoji or a run of them after a terminator on the same
//!   line, before white space, stays with the sentence (`We won! 🎉 The …`).
//! * **Abbreviations.** Titles (`Dr.` `Sen.` `Gen.` …) and Latin `e.g.` `i.e.` `vs.` `cf.`
//!   never end a sentence; `No.` `p.` `Vol.` don't before a number; acronyms and
//!   initials (`U.S.` `J.R.R.` `F.`), months, company suffixes (`Inc.` `Ltd.` `Co.`)
//!   and `Jr.` `St.` end one only before a typical sentence opener (`The`, `She`, `But`, a
//!   quotation…); `a.m.` `p.m.` `etc.` end one before any capitalised word that is not a
//!   time zone, weekday or month.
//! * **Length cap.** A sentence longer than [`MAX_SENTENCE_BYTES`] is cut at the last
//!   white space in its second half (or, with none, at a char boundary) and every piece is
//!   marked [`Sentence::capped`], so a 100 MB line without punctuation costs linear time.
//!
//! ## Quotation and attribution flags
//!
//! Quotation marks are `"` `“ ”` `„` `« »` `‹ ›` and single `' ‘ ’` `‚` (an apostrophe between
//! letters, as in `don't` or `O’Brien`, is not a quotation mark, nor is a `‚` glued to a word),
//! also written as HTML entities in scraped text (`&quot;`, `&ldquo;`, `&#8221;`, `&#39;`,
//! `&rsquo;`, `&bdquo;`, `&sbquo;`, `&lsaquo;`, `&#8250;`, …), which count as one
//! byte where `in_quote` weighs the quoted share. A quotation may run
//! over several sentences; it ends at its closing mark or at the end of the block
//! (paragraph, one-per-line paragraph, headline, list item). The rules, applied per sentence:
//!
//! * `attributed` — the sentence contains, **outside** quotation marks, an attribution cue:
//!   a speech or opinion verb (`said`, `says`, `told`, `added`, `argued`, `claimed`,
//!   `declared`, `insisted`, `warned`, `wrote`, `asked`, `stated`, `noted`, `explained`,
//!   …) or `according to` — not when its context makes it a noun, a passive or an idiom
//!   (`the said`, `his claims`, `That said`, `can be said to`, `As predicted`, `so-called`,
//!   `a fund called …`). **A quotation spanning several sentences shares its attribution:** when
//!   any sentence it touches is attributed (`He said: "…` or `…," she said.`), every
//!   sentence of that quotation is attributed. A quotation that opens a sentence right
//!   after an attributed quotation in the same block continues that speaker and is
//!   attributed too (`"…," said X. "…"`).
//! * `in_quote` — at least half of the sentence's bytes lie between quotation marks, or the
//!   sentence begins inside a quotation (it opens with a quotation mark, or continues one
//!   opened in an earlier sentence) and that quotation either is still open at the end of
//!   the sentence or is attributed. So each sentence of a multi-sentence quotation is
//!   `in_quote`, `"No," he said.` is too, while `The "reform" is a sham.` is not.
//! * `continues_quote` — the sentence begins inside a quotation opened in an earlier
//!   sentence of the same block (the quotation was still open where that sentence ended),
//!   and that quotation is attributed, closes before the block ends, or runs on into the
//!   next block: left open at the end of its block when the next block begins with an
//!   opening mark of the same kind (straight double, curly double or curly single), the
//!   news convention for a quotation over several paragraphs. A mark that never closes,
//!   names nobody and is not reopened may be a stray, and must not quote the rest of the
//!   paragraph. The feature analyzer then reads the sentence's first words as quoted
//!   although no mark opens them in its own text.
//!
//!   **Interview transcripts.** In a document where a block began with a question label
//!   (`Q:` or `Question:`, then white space), every sentence of a later block that begins
//!   with an answer label (`A:` or `Answer:`) continues a quotation, its first included: the
//!   answer is the interviewee's words. Labels count only at the start of a block, with the
//!   exact case; question blocks are left as they are. [`split_piece`] carries the flag from
//!   one piece of a document to the next ([`Carry`]).
//! * `continues_report` — the sentence continues, with no attribution of its own, a report
//!   made in the sentence before it in the same block: that sentence is attributed outside
//!   quotation marks (not `in_quote`) with no first or second person outside quotation marks
//!   (a third party's report, not `I said`), or itself continues a report (a chain); and
//!   this sentence is neither attributed nor `in_quote` nor `continues_quote`, ends in a full
//!   stop, and reads as the report's continuation: a back-shifted `would` or `could`, or an
//!   additive link (`also`, `as well`, `too` at the end, `meanwhile`, `in addition`,
//!   `additionally`; `should` and `might`, which the author advises and speculates with, count
//!   only with one of these); with no first or second person and no word of the author-stance
//!   lexicons (`wrong`, `deeply`, `simply`) outside quotation marks, no
//!   opening that answers the report (`But`, `That`, `It would`, `Of course`, `In fact`,
//!   `Surely`, …) and none of the author's frames after a modal (`would have`, `should never
//!   have`, `would do well to`, `be wise to`, `be entitled to`, `be ashamed`, `would say`).
//!   `It was, she said, a budget for the few. The tax cuts would mostly help the rich.`: the
//!   second sentence is hers. A paragraph break ends the report. The words are read only for a
//!   sentence right after an attributed one. Cue rules 10 read such a sentence as a sentence of
//!   a quotation (see `FeatureConfig::cue_rules`).
//! * `q_and_a` — questions and answers without labels. A block is a question block when it
//!   has at most two sentences, the last a question (it ends in `?`, neither `in_quote` nor
//!   attributed), and addresses someone (`you`, `your`, … outside quotation marks: `You have
//!   said the form is too long. What would you change?`), an interviewer's question; or when it
//!   opens with a question and answers it in more sentences, none in the first person and the
//!   last no question (an explainer's subhead: `Who pays? Visitors do.`). A columnist's
//!   rhetorical question is neither (`Is that fair?` on its own line, or `Is that fair? I do
//!   not think so.`). From the second question block of a document on, the question of a
//!   question block (the first sentence; both of an interviewer's) is `q_and_a`; answers are
//!   left as they read (read as the interviewee's, a long column's first-person paragraphs
//!   became answers once two questions to `you` had passed). A document with a question
//!   label (`Q:`) is left to the label rule above. The rule reads only blocks before and at
//!   the sentence (one count, carried from piece to piece), so the first question block is
//!   not flagged. Cue rules 12 read such a sentence as a
//!   sentence of a quotation (see `FeatureConfig::cue_rules`).
//!
//! * `speaker_turn` — a speaker's turn: the block opens with a speaker label, a name or a
//!   role of one to four words and a colon before the speaker's words (`Sato: …`, `Dr Amira
//!   Sato: …`, `The mayor: …`, `Union leader: …`, a headline's `Minister: we will not back
//!   down`, a broadcast transcript's `STEVE ROE, HOST: …`), and every sentence of the block is
//!   flagged. The author's own labels are no
//!   speakers (`Note:`, `Verdict:`, `Why it matters:`, `Editor's note:`, `Monday:`, `Method:`,
//!   `Q:`; `lexicons/not_speakers.txt`), nor are times (`10.40pm:`), datelines in capitals
//!   (`NEW DELHI:`) or sentences with a colon later (`The reason is simple: …`). The shape
//!   tests are in `speaker.rs`. Cue rules 13 read such a sentence as a sentence of a
//!   quotation, and a sentence that opens with a label so when it is read alone too.
//!   `speaker_turn_14` is the same flag as cue rules 14 read labels: on the block's whole
//!   first sentence (the flag above reads a window of its first bytes, so a long `Novak: …, 8
//!   out of 10.` paragraph could be a turn in an article and not alone), no speaker for a
//!   name's label before lower-case words without the first person or a quotation mark
//!   (`Inflation: what happens next?`) or before a third person's pronoun (`Novak: His best
//!   game.`), a speaker for a common word's name (`Will Hutton:`) and a name in capitals
//!   before the first person (`SATO: I was not there.`). `column_head` (read by cue rules
//!   16) marks a `speaker_turn_14` block whose label is a name (not a role) that heads a
//!   column's paragraph about the person (`Rhian Pugh: The Green councillor for Ashdale spent
//!   …`): the label's last word is new to the document, no label of the document so far
//!   recurred (a transcript's do: `MAYA ROSS:`, then `ROSS:`), and the block has no first
//!   person outside quotation marks and no question. The labels are carried from piece to
//!   piece (up to 16).
//!
//! * `subhead_16` — an explainer's question subhead as cue rules 16 read them: a block of one
//!   question of at most 12 words (not `in_quote`, attributed or `q_and_a`) with more text
//!   after it in the document, from the document's second such block on (`What is a king
//!   tide?` is not flagged, `Will it flood?` after it is). The count is carried from piece
//!   to piece. A columnist's one rhetorical line and a leader's closing question stay out.
//!
//! * `q_label_17` — a reader's letter in an advice column as cue rules 17 read them: every
//!   sentence of a block whose first sentence opens with a bare `Q`, a space and a capitalised
//!   word (`Q My cat …`, `Q We are adopting …`; a `Q:` label is the label rule's) and one of
//!   whose sentences is a question neither `in_quote` nor attributed. The answer's `A …`
//!   blocks are left as they read (the expert's advice is the column's).
//!
//! * `q_turn_18` — a transcript's questions as cue rules 18 read them: a sentence that asks
//!   a question (neither `in_quote` nor attributed) of at most 12 words (the label not
//!   counted) in a block whose first sentence opens with a question label (`Q:` or
//!   `Question:`, exact case, then white space: `Q: Fans booed on Tuesday. Do you understand
//!   why?`, `Q: Why now?`). The interviewer's bare question is reported speech, not the
//!   author's rhetorical question; the turn's statements and a long question with the
//!   interviewer's own comment in it (`Q: That is a braver answer than most would give, so
//!   was it a mistake?`) are left as they read, as are the answers' blocks.
//!
//! * `rhetorical` — the writer's rhetorical question: a yes/no question (it opens with an
//!   auxiliary or a modal: `Will the budget fix the roads?`, `Is that really too much to
//!   ask?`), neither `in_quote` nor attributed, with no `I`, `me` or `my` outside quotation
//!   marks (a reader's question: `Will my bills change?`), in a block that holds a sentence
//!   that is not a question: the writer asks and goes on (`Will it work? Perhaps, but …`, or
//!   asks at the end of an argument). An explainer's subhead on its own line (`Is the smoke
//!   dangerous?`) and a question word's question (`What happened?`) are not flagged. Cue rules
//!   14 read such a sentence as an author-stance frame.
//!
//! The full description, with examples and the benchmark, is in `docs/segmentation.md`.

mod lexicon;
mod lines;
mod report;
mod speaker;
#[cfg(test)]
pub(crate) use speaker::speaker_label_14;
/// A sentence's leading speaker label (`Sato:`), read by the feature analyzer from cue rules 13.
pub(crate) use speaker::{decoded_speaker_label, decoded_speaker_label_14, speaker_label};

/// The attribution verbs and their blocking contexts, shared with the feature analyzer's
/// reported-speech scope.
pub(crate) use lexicon::{blocks_cue, is_cue_verb, is_elision};
mod scan;
/// Scraped text's entities decoded (quotation marks, `&amp;`, `&nbsp;`, the named entities of
/// news copy such as `&mdash;` and `&eacute;`) and soft hyphens dropped, as the feature
/// analyzer reads a sentence.
pub(crate) use scan::decode_scraped;
#[cfg(test)]
mod tests;

/// Longest sentence, in bytes, that [`split`] returns; longer runs are cut and marked
/// [`Sentence::capped`].
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// One sentence of a document: a byte range into the original text plus flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Position of the sentence in the document, from 0.
    pub index: usize,
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence.
    pub end: usize,
    /// The sentence lies inside a quotation (see the module docs for the exact rule).
    pub in_quote: bool,
    /// The sentence carries an attribution (said, told, according to, ...), itself or
    /// through the multi-sentence quotation it belongs to.
    pub attributed: bool,
    /// The sentence was cut at [`MAX_SENTENCE_BYTES`] rather than at a real boundary.
    pub capped: bool,
    /// The sentence begins inside a quotation opened in an earlier sentence of its block, so
    /// its first words are quoted although its own text has no opening mark for them (the
    /// middle and last sentences of `"It is a disgrace. We were lied to," she said.`). Only
    /// for a quotation that is attributed, closes before the end of the block, or runs on
    /// into the next block, which reopens it. Every sentence of an interview's answer (a
    /// block that begins with `A:` after one that began with `Q:`) is quoted this way too,
    /// its first included (see the module docs).
    pub continues_quote: bool,
    /// The sentence continues a report made in the sentence before it in its block, with no
    /// attribution of its own (`The cuts would mostly help the rich.` after `It was, she said,
    /// a budget for the few.`; see the module docs for the exact rule).
    pub continues_report: bool,
    /// The sentence is a question of a text laid out as questions and answers without labels:
    /// an explainer's subhead or an interviewer's question to `you`, from the document's
    /// second on (see the module docs for the exact rule).
    pub q_and_a: bool,
    /// The sentence is a speaker's turn: its block opens with a speaker label (`Sato: …`,
    /// `The mayor: …`), so the block's sentences are that speaker's words (see the module
    /// docs for the exact rule).
    pub speaker_turn: bool,
    /// The sentence is a speaker's turn as cue rules 14 read labels: `speaker_turn`, with the
    /// label read on the block's whole first sentence (as that sentence is read alone) and
    /// with revision 14's shapes (`speaker_label_14`: a headline's topic and a column's
    /// heading of the person it judges are no speakers; `Will Hutton:`, `SATO: I …` are).
    pub speaker_turn_14: bool,
    /// The sentence is in a block headed by a name as a column heads its paragraphs (`Rhian
    /// Pugh: The Green councillor for Ashdale spent …`), not a speaker's turn, as cue rules 16
    /// read labels: the block has `speaker_turn_14` with a name's label (not a role's), no
    /// earlier block of the document had a label with the same last word, no label of the
    /// document so far recurred (a transcript's labels do: `MAYA ROSS: …`, then `ROSS: …`),
    /// no word of the block outside quotation marks is in the first person (the speaker's
    /// `I`, `we`; a column writes of the person named), and no sentence of the block is a
    /// question (an interviewer's first turn: `Tamar Ling: How bad was this year?`).
    pub column_head: bool,
    /// The sentence is a question subhead as cue rules 16 read them: a block of one short
    /// question (at most 12 words, neither `in_quote` nor attributed, nor `q_and_a`), not the
    /// document's last block, in a document that has had such a one-question block before (`What is a spring tide?`, then
    /// `Will it flood?`). Rules 12's question blocks leave out a subhead that does not
    /// address the reader (a columnist's `Is that fair?` on its own line, which stays out:
    /// only the second and later count).
    pub subhead_16: bool,
    /// The sentence is in a reader's letter of an advice column, as cue rules 17 read them:
    /// a block whose first sentence opens with `Q` and a capitalised word without a colon
    /// (`Q My cat, who is 14, …`) and that asks a question (see the module docs).
    pub q_label_17: bool,
    /// The sentence is a transcript's question, as cue rules 18 read them: a short question
    /// in a block that opens with a question label (`Q:`, `Question:`, then white space; see
    /// the module docs).
    pub q_turn_18: bool,
    /// The sentence is the writer's rhetorical question: a yes/no question of the author's
    /// in a block that goes on with a sentence that is not a question (see the module docs
    /// for the exact rule).
    pub rhetorical: bool,
}

impl Sentence {
    /// The sentence text: `&text[start..end]`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length of the sentence in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the sentence is empty (never true for sentences returned by [`split`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Split `text` into sentences. Offsets are increasing, non-overlapping, on char boundaries,
/// and each sentence is trimmed of surrounding whitespace and invisible characters
/// ([`is_invisible`]; never empty): only [`is_blank`] text lies outside the sentences. Never panics; runs in
/// time linear in `text.len()`.
pub fn split(text: &str) -> Vec<Sentence> {
    split_piece(text, "", &mut Carry::default())
}

/// How much of the next paragraph [`split_piece`] reads, in bytes from its first character
/// that is not white space: enough to tell whether it opens with a quotation mark.
pub const LOOKAHEAD_BYTES: usize = 32;

/// What [`split_piece`] learns from one piece of a document that it needs for the pieces after
/// it: whether a paragraph began with a question label (`Q:`, `Question:`), which makes the
/// document an interview transcript, and how many question blocks it has had (see `q_and_a`
/// in the module docs). `Carry::default()` starts a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carry {
    interview: bool,
    questions: u8,
    /// The keys of the document's first name labels so far (see `column_head`).
    labels: [u32; MAX_LABEL_KEYS],
    /// How many of `labels` are set.
    label_count: u8,
    /// A name label of the document so far recurred: it is a transcript.
    recurred: bool,
    /// One-question blocks of the document so far (see `subhead_16`).
    subheads: u8,
    /// Set by the streaming reader when it cut a paragraph longer than a block: what the
    /// paragraph's opening gave its sentences, for the piece that goes on inside it (see
    /// [`split_piece_marked`]).
    cut: Option<Opening>,
    /// With `cut`: the quotation state where the piece begins (the marks open, the chain of
    /// sentences they link, what the sentence before the cut was).
    quote: Option<scan::QuoteCarry>,
}

/// What a block's opening gives every sentence of the block (its labels), kept for a block
/// that the streaming reader cuts: the piece that goes on inside the block reads its sentences
/// as the block's, not as a block of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Opening {
    /// The block opens with a speaker label (`speaker_turn`).
    turn: bool,
    /// Its first sentence opens with a speaker label as cue rules 14 read them
    /// (`speaker_turn_14`), and the key of that label's name (`column_head`), to be counted
    /// once, where the block ends.
    turn_14: bool,
    key: Option<u32>,
    /// It is an interview's answer (`continues_quote` for every sentence).
    answer: bool,
    /// Its first sentence opens with a question label (`q_turn_18`).
    question: bool,
    /// Its first sentence opens with a bare `Q` and a capital (`q_label_17`).
    letter: bool,
}

/// How many name labels of a document [`Carry`] remembers (see `column_head`).
const MAX_LABEL_KEYS: usize = 16;

/// [`split`] a piece of a document, given the text that follows it (`next`, empty at the
/// document's end) and what the pieces before it left in `carry` (updated for the next piece).
/// Only the start of `next` is read: whether the paragraph after the piece opens with a
/// quotation mark, so that a quotation left open at the end of the piece runs on into it (see
/// `continues_quote` in the module docs). The sentences are those of [`split`] on the whole
/// document when the pieces end at paragraph breaks and each `next` holds the rest of the
/// document or at least [`LOOKAHEAD_BYTES`] of it after its leading white space. The
/// streaming reader ([`crate::stream`]) splits this way. Memory: `carry` is a few flags and
/// counts, 16 label keys, and the opening and the quotation state of a block the reader cut.
pub fn split_piece(text: &str, next: &str, carry: &mut Carry) -> Vec<Sentence> {
    let (sentences, after) = scan::Scanner::new(text, next, *carry).run();
    *carry = after;
    sentences
}

/// [`split_piece`], and the carry after each block of the piece that changed it, with the
/// block's end (its last sentence's end, an offset in `text`). The streaming reader reads a
/// paragraph longer than a block in pieces whose last sentences are read again with the next
/// piece: it keeps the carry of the last block that ends before them (or of the question
/// label that opens the block they are in, read once), so that what those blocks add (a
/// question block counted for `q_and_a`, a name label, a subhead) is added once, and with
/// [`Carry::cut_at`] what the opening of the block they are in gave its sentences.
pub(crate) fn split_piece_marked(text: &str, next: &str, carry: &mut Carry) -> Marked {
    let (sentences, after, marks, openings, quotes) = scan::Scanner::new(text, next, *carry)
        .marking()
        .run_marked();
    *carry = after;
    Marked {
        sentences,
        marks,
        openings,
        quotes,
    }
}

/// What [`split_piece_marked`] returns.
pub(crate) struct Marked {
    /// The sentences, as [`split_piece`] gives them.
    pub sentences: Vec<Sentence>,
    /// The carry after each block that changed it, with the offset from which it holds.
    pub marks: Vec<(usize, Carry)>,
    /// Each block's start and end and what its opening gave its sentences.
    pub openings: Vec<(usize, usize, Opening)>,
    /// The quotation state where each sentence begins (parallel to `sentences`).
    pub quotes: Vec<scan::QuoteCarry>,
}

impl Carry {
    /// The carry for a piece that starts where the sentence `marked.sentences[kept.len()]`
    /// starts (`cut`, an offset in the piece [`split_piece_marked`] read; `kept`: the
    /// sentences before it, `text`: the piece): inside a block (after its first byte and
    /// before its end) the piece goes on with that block's opening and with the quotation state
    /// there (the marks open, the chain of sentences they link, what the sentence before the
    /// cut was); otherwise it starts blocks of its own.
    pub(crate) fn cut_at(
        mut self,
        marked: (&[(usize, usize, Opening)], &[scan::QuoteCarry]),
        cut: usize,
        kept: &[Sentence],
        text: &str,
    ) -> Carry {
        let (openings, quotes) = marked;
        self.cut = (openings.iter().rev())
            .find(|&&(start, end, _)| start < cut && cut < end)
            .map(|&(_, _, o)| o);
        self.quote = self.cut.and(quotes.get(kept.len()).copied()).map(|mut q| {
            if let Some(prev) = kept.last() {
                q.prev_speech = prev.attributed && prev.in_quote;
                q.reports = prev.continues_report || (prev.attributed && !prev.in_quote);
                q.third = prev.continues_report || report::third_party(prev.text(text));
            }
            q
        });
        self
    }
}

/// Whether `text` is only white space and invisible characters ([`is_invisible`]), which
/// [`split`] leaves out of every sentence.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// The characters that take no room in a line and are no white space: the zero-width space
/// (U+200B, HTML's `&#8203;`, `<wbr>` in scraped text), the zero-width non-joiner and joiner
/// (U+200C, U+200D), the word joiner (U+2060) and the byte-order mark (U+FEFF, also a
/// zero-width no-break space). A line of them is a blank line, a sentence is trimmed of them,
/// and after a terminator they do not hide the white space that follows.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Number of sentences that were cut by the length cap rather than at a real boundary.
pub fn capped_count(sentences: &[Sentence]) -> usize {
    sentences.iter().filter(|s| s.capped).count()
}
