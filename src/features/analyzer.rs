//! The analyzer: normalise → tokenise → mask quoted speech → word and character n-grams.
//!
//! Every step is a pure function of the text and the [`FeatureConfig`]: `fit` and `transform`
//! both call [`Analyzer::terms`], so train and inference can never disagree.

use super::cues::CueSet;
use super::FeatureConfig;

/// Where a token came from, so features can tell the author's words from quoted speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Outside quotation marks: the author's (or the narrator's) voice.
    Author,
    /// Inside quotation marks.
    Quoted,
}

/// One token of a normalised sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised token text (`<num>` for numbers).
    pub text: String,
    /// Inside or outside quotation marks.
    pub span: Span,
    /// The clause punctuation between the previous token and this one: [`GAP_COMMA`] and
    /// [`GAP_STOP`] bits (0: none).
    pub gap: u8,
}

/// A comma, a free-standing dash or a bracket stands before the token.
pub const GAP_COMMA: u8 = 1;
/// A semicolon or colon stands before the token.
pub const GAP_STOP: u8 = 2;

/// The [`GAP_COMMA`] / [`GAP_STOP`] class of a punctuation byte between tokens.
#[inline]
const fn gap_class(b: u8) -> u8 {
    match b {
        b',' | b'-' | b'(' | b')' => GAP_COMMA,
        b';' | b':' => GAP_STOP,
        _ => 0,
    }
}

/// Context from the segmenter about the sentence's place in the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The whole sentence sits inside a quotation.
    pub in_quote: bool,
    /// The sentence attributes speech or opinion to a source.
    pub attributed: bool,
    /// The sentence begins inside a quotation opened in an earlier sentence
    /// ([`Sentence::continues_quote`](crate::segment::Sentence::continues_quote)): its words
    /// are quoted up to the first closing mark. Stand-alone sentences (training rows) never
    /// have it.
    pub continues_quote: bool,
    /// The sentence continues a report made in the sentence before it in its paragraph, with no
    /// attribution of its own
    /// ([`Sentence::continues_report`](crate::segment::Sentence::continues_report)). Cue rules
    /// 10 read it as a sentence of the reporter's quotation. Stand-alone sentences (training
    /// rows) never have it.
    pub continues_report: bool,
    /// The sentence is a question of a text laid out as questions and answers, or an
    /// interviewee's answer without a label
    /// ([`Sentence::q_and_a`](crate::segment::Sentence::q_and_a)). Cue rules 12 read it as a
    /// sentence of a quotation. Stand-alone sentences (training rows) never have it.
    pub q_and_a: bool,
    /// The sentence is a speaker's turn: it or the first sentence of its paragraph opens with a
    /// speaker label (`Sato: …`, `The mayor: …`;
    /// [`Sentence::speaker_turn`](crate::segment::Sentence::speaker_turn)). Cue rules 13 read
    /// it as a sentence of a quotation, and read a sentence that opens with a label so even
    /// without the flag (a sentence read alone).
    pub speaker_turn: bool,
    /// The sentence is a speaker's turn as cue rules 14 read labels
    /// ([`Sentence::speaker_turn_14`](crate::segment::Sentence::speaker_turn_14)); cue rules
    /// 14 read it, and a sentence that opens with such a label, instead of `speaker_turn`.
    pub speaker_turn_14: bool,
    /// The sentence is in a block a column heads with the name of the person it writes about
    /// (`Rhian Pugh: The Green councillor …`;
    /// [`Sentence::column_head`](crate::segment::Sentence::column_head)). Cue rules 16 read it
    /// as no speaker's turn, though its label is one as cue rules 14 read labels. Stand-alone
    /// sentences (training rows) never have it.
    pub column_head: bool,
    /// The sentence is a question subhead of a document with more than one
    /// ([`Sentence::subhead_16`](crate::segment::Sentence::subhead_16)). Cue rules 16 read
    /// it as a sentence of a quotation, as rules 12 read a question block's question.
    /// Stand-alone sentences (training rows) never have it.
    pub subhead_16: bool,
    /// The sentence is in a reader's letter headed `Q` without a colon (`Q My cat …?`;
    /// [`Sentence::q_label_17`](crate::segment::Sentence::q_label_17)). Cue rules 17 read it
    /// as a sentence of a quotation, as rules 12 read a question block's question.
    /// Stand-alone sentences (training rows) never have it.
    pub q_label_17: bool,
    /// The sentence is a short question of a transcript's question turn (`Q: …?`;
    /// [`Sentence::q_turn_18`](crate::segment::Sentence::q_turn_18)). Cue rules 18 read it as
    /// a sentence of a quotation, as rules 12 read a question block's question. Stand-alone
    /// sentences (training rows) never have it.
    pub q_turn_18: bool,
    /// The sentence is the writer's rhetorical question: a yes/no question of the author's in
    /// a paragraph that goes on with a sentence that is not a question
    /// ([`Sentence::rhetorical`](crate::segment::Sentence::rhetorical)). Cue rules 14 count it
    /// as an author-stance frame. Stand-alone sentences (training rows) never have it.
    pub rhetorical: bool,
}

impl Context {
    /// The context the segmenter gives a sentence of an article.
    pub fn of(s: &crate::segment::Sentence) -> Context {
        Context {
            in_quote: s.in_quote,
            attributed: s.attributed,
            continues_quote: s.continues_quote,
            continues_report: s.continues_report,
            q_and_a: s.q_and_a,
            speaker_turn: s.speaker_turn,
            speaker_turn_14: s.speaker_turn_14,
            column_head: s.column_head,
            subhead_16: s.subhead_16,
            q_label_17: s.q_label_17,
            q_turn_18: s.q_turn_18,
            rhetorical: s.rhetorical,
        }
    }

    /// The context with the leading speaker label of `decoded` (a sentence's text as
    /// `segment::decode_scraped` gives it) read: from cue rules 13, a sentence that opens with
    /// one (`Sato: …`) is a speaker's turn, read alone or in an article; from 14, with revision
    /// 14's reading of labels (`speaker_turn_14`); from 16, not in a column's heading
    /// (`column_head`).
    #[inline]
    pub(crate) fn with_label(self, decoded: &str, cue_rules: u8) -> Context {
        if cue_rules >= 14 {
            let heading = cue_rules >= 16 && self.column_head;
            if !(self.speaker_turn_14 || heading)
                && crate::segment::decoded_speaker_label_14(decoded)
            {
                return Context {
                    speaker_turn_14: true,
                    ..self
                };
            }
            self
        } else if cue_rules >= 13
            && !self.speaker_turn
            && crate::segment::decoded_speaker_label(decoded)
        {
            Context {
                speaker_turn: true,
                ..self
            }
        } else {
            self
        }
    }

    /// Whether the features of cue rules `cue_rules` read every word of the sentence as
    /// quoted: a continued report from cue rules 10 on, a question or an answer of a text in
    /// question-and-answer form from cue rules 12 on, a speaker's turn from cue rules 13 on
    /// (`speaker_turn` for 13, `speaker_turn_14` from 14, and from 16 not in a column's
    /// heading, `column_head`).
    #[inline]
    pub(crate) fn quoted_whole(self, cue_rules: u8) -> bool {
        (cue_rules >= 10 && self.continues_report)
            || (cue_rules >= 12 && self.q_and_a)
            || (cue_rules >= 16 && self.subhead_16)
            || (cue_rules >= 17 && self.q_label_17)
            || (cue_rules >= 18 && self.q_turn_18)
            || (cue_rules == 13 && self.speaker_turn)
            || (cue_rules >= 14 && self.speaker_turn_14 && !(cue_rules >= 16 && self.column_head))
    }

    /// The context as the features of cue rules `cue_rules` read it: from cue rules 10, a
    /// continued report (from 12, a question or an answer of a text in question-and-answer
    /// form; from 13, a speaker's turn) is read as a sentence inside an attributed quotation (`in_quote` and
    /// `attributed`; its words are quoted, see [`quoted_whole`](Self::quoted_whole)), as the
    /// middle sentence of a quotation over several sentences is. Otherwise as it is.
    #[inline]
    pub(crate) fn read(self, cue_rules: u8) -> Context {
        if self.quoted_whole(cue_rules) {
            Context {
                in_quote: true,
                attributed: true,
                ..self
            }
        } else {
            self
        }
    }
}

/// Applies one feature configuration to sentences.
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: FeatureConfig,
    cues: CueSet,
}

/// Opening-type quotation mark after [`normalise`] (from `“ „ ‟ «`).
pub const OPEN_QUOTE: char = '\u{201C}';
/// Closing-type quotation mark after [`normalise`] (from `” »`).
pub const CLOSE_QUOTE: char = '\u{201D}';

/// Decode the quotation-mark, ellipsis, ampersand and no-break-space entities of scraped text
/// (`&quot;` → `"`, `&ldquo;` → `“`, `&hellip;` → `…`, `&amp;` → `&`, `&nbsp;` → U+00A0) and
/// the named entities of news copy (`&mdash;` → `—`, `&pound;` → `£`, `&eacute;` → `é`), and
/// drop soft hyphens (U+00AD, `&shy;`), map apostrophes to `'` and
/// dashes to `-`, fold opening/closing quotation marks to
/// [`OPEN_QUOTE`] / [`CLOSE_QUOTE`] (straight `"` stays), collapse whitespace, optionally lower-case.
pub fn normalise(text: &str, lowercase: bool) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_into(text, lowercase, &mut out);
    out
}

/// [`normalise`] into a reused buffer (cleared first).
pub(crate) fn normalise_into(text: &str, lowercase: bool, out: &mut String) {
    // Scraped text: `&quot;` reads as `"`, `&amp;` as `&`, a soft hyphen as nothing
    // (`decode_scraped`).
    normalise_decoded_into(&crate::segment::decode_scraped(text), lowercase, out);
}

/// [`normalise_into`] of text that `segment::decode_scraped` has decoded already (the fast
/// path decodes a sentence once for this and for the cues).
pub(crate) fn normalise_decoded_into(text: &str, lowercase: bool, out: &mut String) {
    // Built as bytes: ASCII (most text) goes byte by byte, anything else char by char.
    let mut buf = std::mem::take(out).into_bytes();
    buf.clear();
    if text.is_ascii() {
        normalise_ascii(text.as_bytes(), lowercase, &mut buf);
        *out = String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        return;
    }
    let mut space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b.is_ascii() {
            i += 1;
            match b {
                b'`' => '\'',
                // `char::is_whitespace` in ASCII (vertical tab included).
                b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => ' ',
                _ => {
                    space = false;
                    buf.push(if lowercase { b.to_ascii_lowercase() } else { b });
                    continue;
                }
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' => OPEN_QUOTE,
                '\u{201D}' | '\u{00BB}' => CLOSE_QUOTE,
                '\u{2013}' | '\u{2014}' => '-',
                c if c.is_whitespace() => ' ',
                c => c,
            }
        };
        if c == ' ' {
            if !space && !buf.is_empty() {
                buf.push(b' ');
            }
            space = true;
            continue;
        }
        space = false;
        let mut tmp = [0u8; 4];
        if lowercase && !c.is_ascii() {
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
        } else {
            buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        }
    }
    if buf.last() == Some(&b' ') {
        buf.pop();
    }
    // Only whole chars were pushed.
    *out = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Each ASCII byte as [`normalise_into`] maps it: white space to `' '`, `` ` `` to `'`,
/// upper-case letters to lower case when `lowercase`.
const fn ascii_map(lowercase: bool) -> [u8; 128] {
    let mut m = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        m[b] = match c {
            b'`' => b'\'',
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => b' ',
            _ if lowercase => c.to_ascii_lowercase(),
            _ => c,
        };
        b += 1;
    }
    m
}

const ASCII_LOWER: [u8; 128] = ascii_map(true);
const ASCII_KEEP: [u8; 128] = ascii_map(false);

/// [`normalise_into`] of ASCII text, eight bytes at a time where it can: a chunk with no
/// control byte, no `` ` `` and no space next to another space (or at the start) is only
/// lower-cased (word arithmetic, exact for ASCII bytes); any other chunk, and the tail, go
/// byte by byte through a table, collapsing runs of white space.
fn normalise_ascii(bytes: &[u8], lowercase: bool, buf: &mut Vec<u8>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte of `x` (all below 0x80) that equals `c`.
    let equal = |x: u64, c: u8| {
        let t = x ^ (ONES * u64::from(c));
        !(((t & !HIGH) + !HIGH) | t) & HIGH
    };
    // High bit of each byte at least `c` (bytes and `c` below 0x80: no carries).
    let at_least = |x: u64, c: u8| (x + ONES * u64::from(0x80 - c)) & HIGH;
    let map = if lowercase { &ASCII_LOWER } else { &ASCII_KEEP };
    buf.resize(bytes.len(), 0);
    let mut n = 0;
    let mut prev_space = true;
    let byte = |b: u8, n: &mut usize, prev_space: &mut bool, buf: &mut Vec<u8>| {
        let c = map[usize::from(b & 0x7F)];
        let space = c == b' ';
        // n never passes the input position: always in bounds.
        if let Some(slot) = buf.get_mut(*n) {
            *slot = c;
        }
        *n += usize::from(!(space && *prev_space));
        *prev_space = space;
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let spaces = equal(x, b' ');
        let plain = at_least(x, 0x20) == HIGH
            && equal(x, b'`') == 0
            && spaces & (spaces << 8) == 0
            && !(prev_space && spaces & 0x80 != 0);
        match buf.get_mut(n..n + 8) {
            Some(out) if plain => {
                let upper = at_least(x, b'A') & !at_least(x, b'Z' + 1);
                let y = if lowercase { x | (upper >> 2) } else { x };
                out.copy_from_slice(&y.to_le_bytes());
                n += 8;
                prev_space = spaces >> 63 != 0;
            }
            _ => {
                for &b in chunk {
                    byte(b, &mut n, &mut prev_space, buf);
                }
            }
        }
    }
    for &b in chunks.remainder() {
        byte(b, &mut n, &mut prev_space, buf);
    }
    if n > 0 && buf[n - 1] == b' ' {
        n -= 1;
    }
    buf.truncate(n);
}

/// The original char-by-char [`normalise`], the reference for the byte-wise one.
#[cfg(test)]
pub(crate) fn normalise_reference(text: &str, lowercase: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let decoded = crate::segment::decode_scraped(text);
    let mut space = false;
    for c in decoded.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' => OPEN_QUOTE,
            '\u{201D}' | '\u{00BB}' => CLOSE_QUOTE,
            '\u{2013}' | '\u{2014}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if lowercase {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Split normalised text into tokens: words (letters/digits with inner `'`, `-`, `.`, `,`),
/// the punctuation that carries stance (`?`, `!`), and `<pct>` / `<cur>` for `%` and currency
/// signs; numbers become `<num>`. Double quotation marks open and close the quoted [`Span`] of
/// the tokens between them (a closing mark with nothing open quotes the sentence's start);
/// single marks do too with [`tokenise_in`]'s `single_quotes`.
pub fn tokenise(norm: &str) -> Vec<Token> {
    tokenise_in(norm, false, false)
}

/// [`tokenise`] a sentence that may begin inside a quotation ([`Context::continues_quote`]):
/// then its tokens are quoted up to the first closing mark. With `single_quotes`
/// ([`FeatureConfig::single_quotes`](super::FeatureConfig::single_quotes)) single quotation
/// marks quote as double ones do.
pub fn tokenise_in(norm: &str, continues_quote: bool, single_quotes: bool) -> Vec<Token> {
    let mut toks = Vec::new();
    let start = Quotes::new(continues_quote, single_quotes);
    tokenise_into(norm, start, &mut Vec::new(), &mut toks);
    toks.iter()
        .map(|t| Token {
            text: t.text(norm).to_string(),
            span: t.span,
            gap: t.gap,
        })
        .collect()
}

/// The text of a [`Tok`]: a slice of the normalised sentence or a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokText {
    /// `norm[start..end]`.
    Slice(usize, usize),
    /// `<num>`, `<year>`, `<pct>`, `<cur>`, `?`, `!`.
    Static(&'static str),
}

/// A token that borrows its text from the normalised sentence (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub text: TokText,
    pub span: Span,
    /// As [`Token::gap`].
    pub gap: u8,
}

impl Tok {
    /// The token's text, given the normalised sentence it came from.
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        match self.text {
            TokText::Slice(a, b) => &norm[a..b],
            TokText::Static(s) => s,
        }
    }

    /// The bytes of [`text`](Self::text), sliced without its checks of char boundaries (the
    /// token cache's look-up reads bytes).
    pub fn bytes<'a>(&self, norm: &'a str) -> &'a [u8] {
        match self.text {
            TokText::Slice(a, b) => &norm.as_bytes()[a..b],
            TokText::Static(s) => s.as_bytes(),
        }
    }
}

/// [`tokenise_in`] into reused buffers, from the quotation state `start`: `chars` is scratch
/// space, `tokens` is cleared first.
pub(crate) fn tokenise_into(
    norm: &str,
    start: Quotes,
    chars: &mut Vec<(usize, char)>,
    tokens: &mut Vec<Tok>,
) {
    tokens.clear();
    if norm.is_ascii() {
        // Bytes are chars: no decoding.
        tokenise_ascii(norm, start, tokens);
    } else {
        chars.clear();
        chars.extend(norm.char_indices());
        tokenise_chars(norm, &chars[..], start, tokens);
    }
}

/// Which quotation is open while a sentence is tokenised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// Opened by a double mark: only a double mark closes it (single ones inside are nested).
    Double,
    /// Opened by a single mark: only a single mark closes it.
    Single,
    /// Opened in an earlier sentence ([`Context::continues_quote`]): the first closing mark of
    /// either kind closes it.
    Carried,
}

/// The tokeniser's quotation state: which quotation is open, whether single marks quote, and
/// how many quotations have closed (a stray closing mark re-quotes the start of the sentence
/// only when none has).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quotes {
    open: Open,
    single: bool,
    closed: usize,
}

impl Quotes {
    /// The state where a sentence begins: inside a quotation when it continues one.
    pub(crate) fn new(continues_quote: bool, single_quotes: bool) -> Quotes {
        Quotes {
            open: if continues_quote {
                Open::Carried
            } else {
                Open::None
            },
            single: single_quotes,
            closed: 0,
        }
    }

    fn span(&self) -> Span {
        if self.open == Open::None {
            Span::Author
        } else {
            Span::Quoted
        }
    }

    fn close(&mut self) {
        self.open = Open::None;
        self.closed += 1;
    }

    /// A closing mark with nothing open: the sentence began inside a quotation, so every
    /// token so far is quoted (unless a quotation has already closed).
    fn began_quoted(&mut self, tokens: &mut [Tok]) {
        if self.closed == 0 {
            for t in tokens.iter_mut() {
                t.span = Span::Quoted;
            }
            self.closed += 1;
        }
    }

    /// An opening-type double mark (`“ „ «`).
    fn open_double(&mut self) {
        if self.open == Open::None {
            self.open = Open::Double;
        }
    }

    /// A straight `"` or a closing-type double mark `”`, between `prev` and `next` (chars
    /// of the normalised sentence); `word_follows`: a letter or digit comes later.
    fn double(
        &mut self,
        curly: bool,
        prev: Option<char>,
        next: Option<char>,
        word_follows: bool,
        tokens: &mut [Tok],
    ) {
        match self.open {
            Open::Double | Open::Carried => self.close(),
            Open::Single => {}
            Open::None => {
                // Either the sentence began inside a quotation (everything so far was
                // quoted) or this mark opens one.
                let glued = prev.is_some_and(|p| !matches!(p, ' ' | '(' | '[' | '-'));
                let closes = if curly {
                    glued
                } else {
                    prev.is_some_and(|p| straight_closes(p, next.unwrap_or(' ')))
                };
                if !word_follows || closes {
                    self.began_quoted(tokens);
                } else {
                    self.open = Open::Double;
                }
            }
        }
    }

    /// A single mark `'` (straight, or `‘ ’` after normalising) that is not an apostrophe
    /// inside a word, between `prev` and `next`; `word` is the word after it, lower-cased
    /// ASCII letters (for elisions: `'tis`, `'em`). The segmenter's rules: a mark glued to
    /// what precedes it and not followed by a letter or digit closes an open single
    /// quotation; one not after a letter or digit and before a letter (not an elision)
    /// opens one; with nothing open, one glued to a comma, full stop, `!` or `?` with no
    /// letter or digit after it closes a quotation the sentence began inside
    /// (`… we will fight,’ she said.`). Nothing with single quotes off.
    fn single(&mut self, prev: Option<char>, next: Option<char>, word: &[u8], tokens: &mut [Tok]) {
        if !self.single {
            return;
        }
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        match self.open {
            Open::Single | Open::Carried => {
                if prev.is_some_and(|p| p != ' ') && !next_alnum {
                    self.close();
                }
            }
            Open::Double => {}
            Open::None => {
                if !prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphabetic)
                    && !crate::segment::is_elision(word)
                {
                    self.open = Open::Single;
                } else if prev.is_some_and(|p| matches!(p, ',' | '.' | '!' | '?')) && !next_alnum {
                    self.began_quoted(tokens);
                }
            }
        }
    }
}

/// The ASCII letters that `bytes` starts with (up to 8), lower-cased, in `buf`.
fn next_word(bytes: impl Iterator<Item = u8>, buf: &mut [u8; 8]) -> &[u8] {
    let mut n = 0;
    for b in bytes {
        if !b.is_ascii_alphabetic() || n == buf.len() {
            break;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    &buf[..n]
}

/// The chars of a normalised sentence with their byte offsets.
trait CharSeq {
    fn count(&self) -> usize;
    fn at(&self, i: usize) -> (usize, char);
}

impl CharSeq for [(usize, char)] {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }
    #[inline]
    fn at(&self, i: usize) -> (usize, char) {
        self[i]
    }
}

fn tokenise_chars<C: CharSeq + ?Sized>(
    norm: &str,
    chars: &C,
    mut quotes: Quotes,
    tokens: &mut Vec<Tok>,
) {
    // The chars before and after position `i`, for the quotation marks (only they need them).
    let around = |i: usize| {
        let prev = (i > 0).then(|| chars.at(i - 1).1);
        (prev, (i + 1 < chars.count()).then(|| chars.at(i + 1).1))
    };
    let mut gap = 0u8;
    let mut i = 0;
    while i < chars.count() {
        let (pos, c) = chars.at(i);
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.count() {
                let d = chars.at(j).1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if matches!(d, '\'' | '-' | '.' | ',')
                    && j + 1 < chars.count()
                    && chars.at(j + 1).1.is_alphanumeric()
                    && (d != '.' && d != ',' || chars.at(j - 1).1.is_ascii_digit())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = if j < chars.count() {
                chars.at(j).0
            } else {
                norm.len()
            };
            let has_digit = norm[pos..end].bytes().any(|b| b.is_ascii_digit());
            let text = word_text(norm, pos, end, has_digit);
            let gap = std::mem::take(&mut gap);
            tokens.push(Tok {
                text,
                span: quotes.span(),
                gap,
            });
            i = j;
            continue;
        }
        let text = match c {
            OPEN_QUOTE => {
                quotes.open_double();
                None
            }
            '"' | CLOSE_QUOTE => {
                let word_follows = (i + 1..chars.count()).any(|k| chars.at(k).1.is_alphanumeric());
                let (prev, next) = around(i);
                quotes.double(c == CLOSE_QUOTE, prev, next, word_follows, tokens);
                None
            }
            '\'' if quotes.single => {
                let mut buf = [0u8; 8];
                let after =
                    (i + 1..chars.count()).map(|k| u8::try_from(chars.at(k).1).unwrap_or(0));
                let (prev, next) = around(i);
                quotes.single(prev, next, next_word(after, &mut buf), tokens);
                None
            }
            '?' => Some("?"),
            '!' => Some("!"),
            '%' => Some("<pct>"),
            '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}' => Some("<cur>"),
            c if c.is_ascii() => {
                gap |= gap_class(c as u8);
                None
            }
            _ => None,
        };
        if let Some(t) = text {
            tokens.push(Tok {
                text: TokText::Static(t),
                span: quotes.span(),
                gap: std::mem::take(&mut gap),
            });
        }
        i += 1;
    }
}

/// Byte classes of [`tokenise_ascii`].
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
/// `'`, `-`, `.`, `,`: may join two parts of a word.
const JOINER: u8 = 4;

const ASCII_CLASS: [u8; 128] = {
    let mut m = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        m[b] = if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\'' | b'-' | b'.' | b',') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    m
};

/// [`tokenise_chars`] of an ASCII sentence, on bytes with a class table (the same tokens;
/// the curly quotation marks and non-ASCII currency signs cannot occur).
fn tokenise_ascii(norm: &str, mut quotes: Quotes, tokens: &mut Vec<Tok>) {
    let b = norm.as_bytes();
    let class = |i: usize| ASCII_CLASS[usize::from(b[i] & 0x7F)];
    // As in `tokenise_chars`: the bytes around a quotation mark.
    let around = |i: usize| {
        let prev = (i > 0).then(|| char::from(b[i - 1]));
        (prev, b.get(i + 1).map(|&c| char::from(c)))
    };
    let mut gap = 0u8;
    let mut i = 0;
    while i < b.len() {
        let c = class(i);
        if c & ALNUM != 0 {
            let mut digits = c & DIGIT;
            let mut j = i + 1;
            while j < b.len() {
                let d = class(j);
                if d & ALNUM != 0 {
                    digits |= d;
                    j += 1;
                } else if d & JOINER != 0
                    && j + 1 < b.len()
                    && class(j + 1) & ALNUM != 0
                    && (!matches!(b[j], b'.' | b',') || class(j - 1) & DIGIT != 0)
                {
                    digits |= class(j + 1);
                    j += 2;
                } else {
                    break;
                }
            }
            let text = word_text(norm, i, j, digits & DIGIT != 0);
            let gap = std::mem::take(&mut gap);
            tokens.push(Tok {
                text,
                span: quotes.span(),
                gap,
            });
            i = j;
            continue;
        }
        let text = match b[i] {
            b'"' => {
                let word_follows = (i + 1..b.len()).any(|k| class(k) & ALNUM != 0);
                let (prev, next) = around(i);
                quotes.double(false, prev, next, word_follows, tokens);
                None
            }
            b'\'' if quotes.single => {
                let mut buf = [0u8; 8];
                let word = next_word(b[i + 1..].iter().copied(), &mut buf);
                let (prev, next) = around(i);
                quotes.single(prev, next, word, tokens);
                None
            }
            b'?' => Some("?"),
            b'!' => Some("!"),
            b'%' => Some("<pct>"),
            b'$' => Some("<cur>"),
            c => {
                gap |= gap_class(c);
                None
            }
        };
        if let Some(t) = text {
            tokens.push(Tok {
                text: TokText::Static(t),
                span: quotes.span(),
                gap: std::mem::take(&mut gap),
            });
        }
        i += 1;
    }
}

/// A four-digit year from 1800 to 2099.
/// Whether a straight double quotation mark between `prev` and `next`, with no quotation
/// open, closes one that the sentence began inside: it is glued to the word or punctuation
/// before it (not to a digit: `a 6" pipe`) and either follows a letter or has a space after
/// it (`... deserve better," said Ana Ruiz.`). Otherwise it opens one (`She said "no`,
/// `said:"No`). The segmenter's reading is the same: it does not open a quotation there.
#[inline]
fn straight_closes(prev: char, next: char) -> bool {
    !matches!(prev, ' ' | '(' | '[' | '-')
        && !prev.is_ascii_digit()
        && (prev.is_alphanumeric() || next == ' ')
}

/// A word token's text: `<year>` or `<num>` if it has a digit, else the slice `start..end` of
/// the normalised sentence `norm`.
#[inline]
fn word_text(norm: &str, start: usize, end: usize, has_digit: bool) -> TokText {
    if !has_digit {
        TokText::Slice(start, end)
    } else if is_year(&norm[start..end]) {
        TokText::Static("<year>")
    } else {
        TokText::Static("<num>")
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// The maximal runs of consecutive tokens with the same [`Span`], in order: `span(i)` is the
/// span of token `i` of `n`. Quote masking ([`mask_quotes`] and the fast path) and the quote
/// cues all work on these runs.
pub(crate) fn span_runs<F: Fn(usize) -> Span>(n: usize, span: F) -> SpanRuns<F> {
    SpanRuns { n, i: 0, span }
}

/// Iterator of [`span_runs`]: `(span, range of token indices)`.
pub(crate) struct SpanRuns<F> {
    n: usize,
    i: usize,
    span: F,
}

impl<F: Fn(usize) -> Span> Iterator for SpanRuns<F> {
    type Item = (Span, std::ops::Range<usize>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.i >= self.n {
            return None;
        }
        let start = self.i;
        let s = (self.span)(start);
        self.i += 1;
        while self.i < self.n && (self.span)(self.i) == s {
            self.i += 1;
        }
        Some((s, start..self.i))
    }
}

/// Replace each run of at least `min_words` quoted tokens by a single `<quote>` token.
/// Shorter quoted runs (scare quotes, titles) stay as words: they are often the author's framing.
pub fn mask_quotes(tokens: Vec<Token>, min_words: usize) -> Vec<Token> {
    if tokens.iter().all(|t| t.span == Span::Author) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    for (span, run) in span_runs(tokens.len(), |i| tokens[i].span) {
        if span == Span::Quoted && run.len() >= min_words {
            out.push(Token {
                text: "<quote>".into(),
                span: Span::Quoted,
                gap: tokens[run.start].gap,
            });
        } else {
            out.extend(tokens[run].iter().cloned());
        }
    }
    out
}

/// The placeholder of a stance word in reported speech (`FeatureConfig::mask_reported_stance`).
pub const REPORTED_STANCE: &str = "<rstance>";

/// Replace each token of unquoted reported speech that starts a stance-lexicon match by
/// [`REPORTED_STANCE`] (see `FeatureConfig::mask_reported_stance`). The tokens are unmasked
/// (quoted spans marked, not yet replaced).
pub(crate) fn mask_reported_stance(cues: &CueSet, tokens: &mut [Token]) {
    let info: Vec<_> = tokens.iter().map(|t| cues.token_info(&t.text)).collect();
    let mut starts = Vec::new();
    cues.reported_stance_starts(&*tokens, &info, |i| starts.push(i));
    for i in starts {
        tokens[i].text = REPORTED_STANCE.into();
    }
}

/// The placeholder of the newsroom's own `we`/`our` in plain reporting (cue rules 15,
/// `senses::is_newsrooms`) in the n-grams.
pub const NEWSROOM: &str = "<newsroom>";

/// The author tokens of unmasked `tokens` that are the newsroom's own `we`/`our` in plain
/// reporting, which cue rules 15 read as [`NEWSROOM`] in the n-grams; in increasing order.
/// Only the tokens of `candidates` (indices in increasing order) are read: all of them, or
/// those that start a first-person lexicon entry (a cheap pre-check: `we` and `our` do).
/// From cue rules 17 (`rules`), `us`, `I` and `I've` are read too. `may_follow(k)`: whether
/// token `k` may be a word the readings look for after the first person
/// (`TokenInfo::may_follow_newsroom`; anything out of range may say no), or always `true`.
pub(crate) fn newsroom_tokens<T: super::cues::TokenSeq + ?Sized>(
    tokens: &T,
    rules: u8,
    candidates: impl IntoIterator<Item = usize>,
    may_follow: impl Fn(usize) -> bool,
    mut mark: impl FnMut(usize),
) {
    for i in candidates {
        let t = tokens.text(i);
        // The word lower-cased, without a copy.
        let key = if t.eq_ignore_ascii_case("we") {
            "we"
        } else if t.eq_ignore_ascii_case("our") {
            "our"
        } else if rules >= 17 && t.eq_ignore_ascii_case("us") {
            "us"
        } else if rules >= 17 && t.eq_ignore_ascii_case("i") {
            "i"
        } else if rules >= 17 && t.eq_ignore_ascii_case("i've") {
            "i've"
        } else {
            continue;
        };
        // Every reading but `all from us` needs a word of the lists one or two tokens on.
        if key != "us" && !may_follow(i + 1) && !may_follow(i + 2) {
            continue;
        }
        if tokens.span(i) == Span::Author && super::senses::is_newsrooms(tokens, i, key, rules) {
            mark(i);
        }
    }
}

/// The reported-speech scope of unmasked tokens, whose tokens `FeatureConfig::mask_reported`
/// marks as quoted for [`mask_quotes`] to replace.
fn reported_scope_of(cues: &CueSet, tokens: &[Token]) -> super::scope::Scope {
    let info: Vec<_> = tokens.iter().map(|t| cues.token_info(&t.text)).collect();
    cues.scope_of(tokens, &info)
}

impl Analyzer {
    /// An analyzer for a configuration.
    pub fn new(config: FeatureConfig) -> Self {
        Analyzer {
            cues: CueSet::with_user_lexicons_and_rules(
                config.split_evaluative,
                &config.lexicons,
                config.cue_rules,
            )
            .scaled(config.cue_scale)
            .with_reported_stance(config.reported_stance),
            config,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// The cue lexicons.
    pub(crate) fn cue_set(&self) -> &CueSet {
        &self.cues
    }

    /// The tokens of a sentence after normalisation and masking.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.mask(tokenise(&normalise(text, self.config.lowercase)))
    }

    fn mask(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        // The scope is read from the words as written, before any placeholder.
        let reported = self
            .config
            .mask_reported
            .then(|| reported_scope_of(&self.cues, &tokens));
        // The newsroom's `we`/`our` (cue rules 15), read from the words as written.
        let mut newsroom = Vec::new();
        if super::cues::reads_revision_15(self.config.cue_rules) {
            newsroom_tokens(
                &tokens[..],
                self.config.cue_rules,
                0..tokens.len(),
                |_| true,
                |i| newsroom.push(i),
            );
        }
        if self.config.mask_reported_stance {
            mask_reported_stance(&self.cues, &mut tokens);
        }
        for i in newsroom {
            tokens[i].text = NEWSROOM.into();
        }
        if let Some(scope) = reported {
            for i in scope.ranges().flatten() {
                tokens[i].span = Span::Quoted;
            }
        }
        if self.config.mask_quotes {
            mask_quotes(tokens, self.config.mask_min_words)
        } else {
            tokens
        }
    }

    /// Call `emit(term)` for every n-gram term of the sentence (with repeats) and return the
    /// cue values `(name, value)` for it. Word terms are prefixed `w:`, character terms `c:`.
    pub fn terms(
        &self,
        text: &str,
        ctx: Context,
        emit: &mut dyn FnMut(&str),
    ) -> Vec<(String, f32)> {
        let ctx = ctx
            .with_label(&crate::segment::decode_scraped(text), self.config.cue_rules)
            .read(self.config.cue_rules);
        let mut unmasked = tokenise_in(
            &normalise(text, self.config.lowercase),
            ctx.continues_quote,
            self.config.single_quotes,
        );
        if ctx.quoted_whole(self.config.cue_rules) {
            unmasked.iter_mut().for_each(|t| t.span = Span::Quoted);
        }
        let cues = if self.config.cues {
            self.cues
                .values(&unmasked, text, ctx, self.config.reported_scope)
        } else {
            Vec::new()
        };
        let tokens = self.mask(unmasked);
        let cfg = &self.config;
        let mut buf = String::new();
        let [wmin, wmax] = cfg.word_ngrams;
        if wmax > 0 {
            for n in wmin.max(1)..=wmax {
                for w in tokens.windows(n) {
                    buf.clear();
                    buf.push_str("w:");
                    for (k, t) in w.iter().enumerate() {
                        if k > 0 {
                            buf.push(' ');
                        }
                        buf.push_str(&t.text);
                    }
                    emit(&buf);
                }
            }
        }
        let [cmin, cmax] = cfg.char_ngrams;
        if cmax > 0 {
            let mut chars: Vec<char> = Vec::new();
            for t in &tokens {
                chars.clear();
                chars.push(' ');
                chars.extend(t.text.chars());
                chars.push(' ');
                for n in cmin.max(1)..=cmax {
                    if n > chars.len() {
                        break;
                    }
                    for w in chars.windows(n) {
                        buf.clear();
                        buf.push_str("c:");
                        buf.extend(w.iter());
                        emit(&buf);
                    }
                }
            }
        }
        cues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &[Token]) -> Vec<&str> {
        t.iter().map(|t| t.text.as_str()).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// The byte-wise normaliser is the char-by-char one.
        #[test]
        fn normalise_matches_the_reference(
            text in "[ -~\t\n\r\x0b\x0c\x1c-\x1f`´‘’‚‛“”„‟«»–—\u{85}\u{a0}\u{2028}\u{3000}ÉİßΣ日a-z]{0,60}|\\PC{0,40}|[ -~\t\n\r\x0b\x0c]{0,60}|[ \tAb`]{0,12}|( ?[A-Za-z.,\"]{1,9}[ \n]{1,2}){0,12}",
            lower in proptest::prelude::any::<bool>(),
        ) {
            proptest::prop_assert_eq!(normalise(&text, lower), normalise_reference(&text, lower));
        }

        /// The ASCII tokeniser (bytes as chars) is the general one.
        #[test]
        fn ascii_tokeniser_matches_the_general_one(
            text in "[ -~]{0,80}|[aZ09'.,\\- \"?!%$]{0,40}|( ?'?[a-z]{1,4}[,.!?]?'? ?\"?){0,12}",
            quoted in proptest::prelude::any::<bool>(),
            single in proptest::prelude::any::<bool>(),
        ) {
            let start = Quotes::new(quoted, single);
            let norm = normalise(&text, false);
            let mut a = Vec::new();
            tokenise_ascii(&norm, start, &mut a);
            let chars: Vec<(usize, char)> = norm.char_indices().collect();
            let mut b = Vec::new();
            tokenise_chars(&norm, &chars[..], start, &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn normalises_quotes_and_space() {
        assert_eq!(
            normalise("  It\u{2019}s  \u{00AB}Fine\u{201D}\n", true),
            "it's \u{201C}fine\u{201D}"
        );
    }

    #[test]
    fn tokenises_words_numbers_and_marks() {
        let t = tokenise("it's 3.5% of $1,200 - really?!");
        assert_eq!(
            texts(&t),
            ["it's", "<num>", "<pct>", "of", "<cur>", "<num>", "really", "?", "!"]
        );
    }

    #[test]
    fn sentence_starting_inside_a_quote() {
        let t = tokenise("it is a disgrace,\u{201D} he said.");
        let spans: Vec<Span> = t.iter().map(|t| t.span).collect();
        assert_eq!(
            spans,
            [
                Span::Quoted,
                Span::Quoted,
                Span::Quoted,
                Span::Quoted,
                Span::Author,
                Span::Author
            ]
        );
        let t = tokenise("the cut is \"reckless\" and \"cruel\" she said");
        assert_eq!(t[3].span, Span::Quoted);
        assert_eq!(t[4].span, Span::Author);
        assert_eq!(t[5].span, Span::Quoted);
        assert_eq!(t[6].span, Span::Author);
        assert_eq!(
            texts(&tokenise("in 1999 and 12345")),
            ["in", "<year>", "and", "<num>"]
        );
    }

    fn spans(t: &[Token]) -> Vec<Span> {
        t.iter().map(|t| t.span).collect()
    }

    #[test]
    fn scraped_entities_quote_and_soft_hyphens_join() {
        use Span::{Author as A, Quoted as Q};
        // A soft hyphen (U+00AD or `&shy;`) inside a word leaves it one token, in both the
        // ASCII and the general path.
        for text in [
            "The infor\u{ad}mation was wrong.",
            "The infor&shy;mation was wrong.",
            "The infor&#173;mation was wrong.",
        ] {
            let t = tokenise(&normalise(text, true));
            assert_eq!(texts(&t), ["the", "information", "was", "wrong"], "{text}");
        }
        // Quotation marks written as entities quote as the marks do.
        for text in [
            "&quot;It is a disgrace,&quot; he said.",
            "&ldquo;It is a disgrace,&rdquo; he said.",
            "&#8220;It is a disgrace,&#8221; he said.",
        ] {
            let norm = normalise(text, true);
            assert_eq!(spans(&tokenise(&norm)), [Q, Q, Q, Q, A, A], "{text}");
            let literal = normalise(
                &text
                    .replace("&quot;", "\"")
                    .replace("&ldquo;", "“")
                    .replace("&rdquo;", "”")
                    .replace("&#8220;", "“")
                    .replace("&#8221;", "”"),
                true,
            );
            assert_eq!(norm, literal, "{text}");
        }
        // The ampersand's and the no-break space's read as their characters; an entity
        // outside the table is text.
        assert_eq!(normalise("Smith &amp; Sons", true), "smith & sons");
        assert_eq!(normalise("4m&nbsp;pounds", true), "4m pounds");
        assert_eq!(normalise("Smith &foo; Sons", true), "smith &foo; sons");
        // The named entities of news copy read as their characters (dashes as `-`).
        assert_eq!(
            normalise("Smith &copy; Sons &mdash; caf&eacute;", true),
            "smith © sons - café"
        );
    }

    #[test]
    fn a_glued_straight_mark_closes_a_quotation_the_sentence_began_inside() {
        use Span::{Author as A, Quoted as Q};
        // After a letter or before a space: the words before it were quoted.
        for text in [
            "they deserve better,\" said ana ruiz.",
            "they deserve better\" said ana ruiz.",
            "they deserve better\", ana ruiz said.",
        ] {
            assert_eq!(spans(&tokenise(text)), [Q, Q, Q, A, A, A], "{text}");
        }
        // Before a word after punctuation, after a space or after a digit: it opens one.
        assert_eq!(spans(&tokenise("she said:\"no more.")), [A, A, Q, Q]);
        assert_eq!(spans(&tokenise("she said \"no more.")), [A, A, Q, Q]);
        assert_eq!(spans(&tokenise("a 6\" pipe burst")), [A, A, Q, Q]);
    }

    #[test]
    fn single_quotation_marks_quote_when_on() {
        use Span::{Author as A, Quoted as Q};
        let on = |t: &str| spans(&tokenise_in(&normalise(t, true), false, true));
        let off = |t: &str| spans(&tokenise_in(&normalise(t, true), false, false));
        // British style, curly and straight; the opening mark alone, and the closing alone.
        for t in [
            "\u{2018}It is a disgrace,\u{2019} she said.",
            "'It is a disgrace,' she said.",
        ] {
            assert_eq!(on(t), [Q, Q, Q, Q, A, A], "{t}");
            assert_eq!(off(t), [A, A, A, A, A, A], "{t}");
        }
        assert_eq!(on("\u{2018}It is a disgrace."), [Q, Q, Q, Q]);
        assert_eq!(
            on("It is a disgrace,\u{2019} she said."),
            [Q, Q, Q, Q, A, A]
        );
        // Apostrophes and elisions are no quotation marks; `'90s` neither.
        assert_eq!(on("don't blame O'Brien for the '90s"), [A, A, A, A, A, A]);
        assert_eq!(on("'tis the season, said the mayor."), [A, A, A, A, A, A]);
        // A scare quote closes after a letter.
        assert_eq!(on("the \u{2018}reform\u{2019} is a sham"), [A, Q, A, A, A]);
        // Nested: single inside double and double inside single.
        assert_eq!(
            on("\"he said 'no' to me,\" she said."),
            [Q, Q, Q, Q, Q, A, A]
        );
        assert_eq!(
            on("\u{2018}he said \u{201C}no\u{201D} to me,\u{2019} she said."),
            [Q, Q, Q, Q, Q, A, A]
        );
        // A sentence that continues a quotation closes it at a single mark too.
        let t = tokenise_in("we will fight,' she said.", true, true);
        assert_eq!(spans(&t), [Q, Q, Q, A, A]);
    }

    #[test]
    fn a_sentence_that_continues_a_quotation_starts_quoted() {
        use Span::{Author as A, Quoted as Q};
        let t = tokenise_in("we were lied to.", true, false);
        assert_eq!(spans(&t), [Q, Q, Q, Q]);
        // Its first closing mark, straight or curly, ends the quotation.
        for text in [
            "we will fight,\" said ana.",
            "we will fight,\u{201D} said ana.",
        ] {
            assert_eq!(
                spans(&tokenise_in(text, true, false)),
                [Q, Q, Q, A, A],
                "{text}"
            );
        }
        // A later quotation opens and closes as usual.
        let t = tokenise_in("no,\" he said, \"never.\"", true, false);
        assert_eq!(spans(&t), [Q, A, A, Q]);
        // Without the flag the same words are the author's.
        assert_eq!(
            spans(&tokenise_in("we were lied to.", false, false)),
            [A, A, A, A]
        );
    }

    #[test]
    fn span_runs_are_maximal_and_cover_every_token() {
        use Span::{Author as A, Quoted as Q};
        let spans = [Q, Q, A, Q, A, A, Q, Q, Q];
        let runs: Vec<_> = span_runs(spans.len(), |i| spans[i]).collect();
        assert_eq!(
            runs,
            [(Q, 0..2), (A, 2..3), (Q, 3..4), (A, 4..6), (Q, 6..9)]
        );
        assert_eq!(span_runs(0, |i| spans[i]).count(), 0);
    }

    #[test]
    fn masks_long_quotes_keeps_scare_quotes() {
        let t = tokenise("\"this is a total disgrace\" he said of the \"reform\"");
        let m = mask_quotes(t, 3);
        assert_eq!(texts(&m), ["<quote>", "he", "said", "of", "the", "reform"]);
        assert_eq!(m[0].span, Span::Quoted);
        assert_eq!(m[5].span, Span::Quoted);
    }

    #[test]
    fn masks_reported_speech_as_a_quotation() {
        let on = Analyzer::new(FeatureConfig {
            mask_reported: true,
            ..FeatureConfig::default()
        });
        let off = Analyzer::new(FeatureConfig::default());
        for (text, want) in [
            (
                // (From cue rules 5 the verb is reported too.)
                "Harbour traders say the new toll is reckless.",
                &["harbour", "traders", "<quote>"][..],
            ),
            (
                "The ferry timetable is a disaster, commuters said on Friday.",
                &["<quote>", "commuters", "<quote>"],
            ),
            // Two reported words: shorter than a masked quotation (3 words).
            ("Critics say so.", &["critics", "say", "so"]),
            // The author's own words stay.
            (
                "I think the new toll is reckless.",
                &["i", "think", "the", "new", "toll", "is", "reckless"],
            ),
        ] {
            assert_eq!(texts(&on.tokens(text)), want, "{text}");
        }
        let text = "Harbour traders say the new toll is reckless.";
        assert_eq!(texts(&off.tokens(text)).len(), 8);
    }

    #[test]
    fn masks_stance_words_in_reported_speech_only() {
        let on = Analyzer::new(FeatureConfig {
            mask_reported_stance: true,
            ..FeatureConfig::default()
        });
        let off = Analyzer::new(FeatureConfig::default());
        // A source's judgement, unquoted: the evaluative word becomes the placeholder, the
        // reporting verb and the plain words stay.
        let text = "Harbour traders say the new toll is reckless.";
        assert_eq!(
            texts(&on.tokens(text)),
            [
                "harbour",
                "traders",
                "say",
                "the",
                "new",
                "toll",
                "is",
                "<rstance>"
            ]
        );
        assert_eq!(texts(&off.tokens(text))[7], "reckless");
        // After an attribution clause too.
        let t = on.tokens("The ferry timetable is a disaster, commuters said on Friday.");
        assert!(texts(&t).contains(&"<rstance>"), "{:?}", texts(&t));
        assert!(!texts(&t).contains(&"disaster"));
        // The author's own judgement is left as it is.
        for text in [
            "I think the new toll is reckless.",
            "The new toll is reckless.",
            "The toll, frankly, is a disaster.",
        ] {
            assert!(!texts(&on.tokens(text)).contains(&"<rstance>"), "{text}");
            assert_eq!(on.tokens(text), off.tokens(text), "{text}");
        }
        // Quoted words are quote masking's business, not this one's.
        let t = on.tokens("Traders say the toll is \"reckless\".");
        assert_eq!(texts(&t).last(), Some(&"reckless"));
        // The placeholder reaches the n-grams, word and character ones.
        let mut terms = Vec::new();
        on.terms(text, Context::default(), &mut |t| terms.push(t.to_string()));
        assert!(terms.iter().any(|t| t == "w:is <rstance>"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "c:<rst"), "{terms:?}");
        assert!(!terms.iter().any(|t| t.contains("reckless")), "{terms:?}");
    }
}
