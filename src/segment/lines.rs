//! Paragraphs and lines: which line breaks end a sentence.
//!
//! A blank line always does. Inside a paragraph, a single line break ends a sentence when
//! the next line is a list item, when either line is a byline, when the line is a
//! dateline or an all-caps heading, or when the line was not filled up to the paragraph's
//! width (its length plus the next line's first word still fits in the longest line, so
//! the break was not made by wrapping). A break after a comma, after a hyphenated word
//! part, or before a lower-case word is a wrap; a break after terminal punctuation is left
//! to the terminator rules.
//!
//! **One paragraph per line.** Scraped text and copy-paste from a browser often put each
//! paragraph on one line, with no blank line between them. A paragraph of at least two lines
//! is read that way ([`Unit::line_paragraphs`]) when more than half of the line breaks that the
//! rules above leave to the terminator rules (all but headline, byline, dateline and list-item
//! breaks) follow a line that ends a sentence (`.` `?` `!` …, then optional closing quotation
//! marks or brackets, and the next line does not begin in lower case), and either two of them
//! do or the paragraph has a line longer than [`MAX_WRAP_WIDTH`] (a two-line hard-wrapped
//! paragraph whose first line happens to end a sentence stays one paragraph), and at least one
//! line in ten holds more than one sentence (text with one sentence per line, a sentence
//! splitter's output, keeps its quotations running from line to line). Hard-wrapped prose,
//! where most lines end mid-sentence, is not. The scanner then treats every line break
//! where a sentence ends as a paragraph break; which line breaks end a sentence does not change.

use super::lexicon;
use memchr::{memchr, memchr3};

/// Narrowest wrap width assumed for hard-wrapped prose: a line shorter than this (plus the
/// next word) was ended on purpose even if no longer line shows the paragraph's width.
const MIN_WRAP_WIDTH: usize = 60;

/// Widest wrap width assumed for hard-wrapped prose (e-mail wraps at 72 to 80 characters): a
/// line longer than this was not wrapped.
const MAX_WRAP_WIDTH: usize = 100;

/// A block of text that the scanner treats on its own (see [`for_each_unit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset of the end, the line break excluded.
    pub end: usize,
    /// The unit is part of a paragraph laid out one paragraph per line: a line break inside it
    /// where a sentence ends is a paragraph break.
    pub line_paragraphs: bool,
}

/// Call `f` for each block of text that the scanner treats on its own: paragraphs, or the
/// parts of a paragraph between line breaks that end a sentence. Blocks are increasing and
/// disjoint; `end` excludes the line break.
pub(super) fn for_each_unit(text: &str, mut f: impl FnMut(Unit)) {
    let b = text.as_bytes();
    let mut para: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    loop {
        let nl = memchr(b'\n', &b[pos..]).map(|x| pos + x);
        let end = nl.unwrap_or(b.len());
        let mut le = end;
        if le > pos && b[le - 1] == b'\r' {
            le -= 1;
        }
        if super::is_blank(&text[pos..le]) {
            flush(text, &mut para, &mut f);
        } else {
            para.push((pos, le));
        }
        match nl {
            Some(n) => pos = n + 1,
            None => break,
        }
    }
    flush(text, &mut para, &mut f);
}

fn flush(text: &str, para: &mut Vec<(usize, usize)>, f: &mut impl FnMut(Unit)) {
    match para.len() {
        0 => {}
        1 => f(Unit {
            start: para[0].0,
            end: para[0].1,
            line_paragraphs: false,
        }),
        n => {
            let width = para
                .iter()
                .map(|&(s, e)| char_len(text[s..e].trim()))
                .max()
                .unwrap_or(0);
            // Which breaks end a unit, and the layout: how many of the others follow a line
            // that ends a sentence.
            let mut ends = Vec::with_capacity(n - 1);
            let (mut soft, mut final_) = (0usize, 0usize);
            for k in 0..n - 1 {
                let (end, terminal) = line_break(text, para[k], para[k + 1], width);
                if !end {
                    soft += 1;
                    final_ += usize::from(terminal);
                }
                ends.push(end);
            }
            let line_paragraphs = 2 * final_ > soft
                && (final_ >= 2 || width > MAX_WRAP_WIDTH)
                && holds_paragraphs(text, para);
            let mut unit_start = para[0].0;
            for (k, &end) in ends.iter().enumerate() {
                if end {
                    f(Unit {
                        start: unit_start,
                        end: para[k].1,
                        line_paragraphs,
                    });
                    unit_start = para[k + 1].0;
                }
            }
            f(Unit {
                start: unit_start,
                end: para[n - 1].1,
                line_paragraphs,
            });
        }
    }
    para.clear();
}

/// Whether the lines of `para` hold paragraphs rather than single sentences: at least one
/// line in ten (and at least one) holds a sentence end before its last word. Text with one
/// sentence per line keeps its quotations running from line to line.
fn holds_paragraphs(text: &str, para: &[(usize, usize)]) -> bool {
    let mut multi = 0;
    for &(s, e) in para {
        // Scraped text: a closing mark's entity (`.&quot; The`) reads as the mark.
        let line = super::decode_scraped(&text[s..e]);
        multi += usize::from(holds_two_sentences(&line, 0, line.len()));
        if 10 * multi >= para.len() {
            return true;
        }
    }
    false
}

/// Whether the line `[s, e)` holds a sentence end before its last word: `.` `?` `!` (a `.`
/// not after an abbreviation), closing marks, white space, opening marks, a capital letter.
/// Rougher than the terminator rules, enough to tell a paragraph from a sentence.
fn holds_two_sentences(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let mut i = s;
    while let Some(x) = memchr3(b'.', b'?', b'!', &b[i..e]) {
        let t = i + x;
        let mut k = t + 1;
        while k < e && matches!(b[k], b'.' | b'?' | b'!') {
            k += 1;
        }
        let after = text[k..e].trim_start_matches(['"', '\'', '”', '’', '»', ')', ']']);
        let word = after.trim_start();
        if word.len() < after.len()
            && word
                .trim_start_matches(['"', '\'', '“', '‘', '«', '('])
                .starts_with(char::is_uppercase)
            && !(k == t + 1 && b[t] == b'.' && lexicon::abbrev_before(b, t, s).is_some())
        {
            return true;
        }
        i = k;
    }
    false
}

/// Whether the line `cur` ends a sentence where the line `next` begins: it ends with
/// sentence-final punctuation (and closing marks) and `next` does not begin in lower case. The
/// reference for [`line_break`]'s second answer, which reads each line once for both.
#[cfg(test)]
pub(super) fn line_ends_paragraph(text: &str, cur: (usize, usize), next: (usize, usize)) -> bool {
    ends_with_terminal(super::decode_scraped(&text[cur.0..cur.1]).trim_end())
        && !line_start(&text[next.0..next.1])
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// The line `s` trimmed at its start, its entities decoded when it opens with one (`&bull;
/// More buses` opens with a bullet, `&eacute;lite` in lower case); borrowed otherwise.
fn line_start(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim_start();
    if s.starts_with('&') {
        match super::decode_scraped(s) {
            std::borrow::Cow::Owned(d) => std::borrow::Cow::Owned(d.trim_start().to_owned()),
            b => b,
        }
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn char_len(s: &str) -> usize {
    s.bytes().filter(|&c| (c & 0xC0) != 0x80).count()
}

/// How the line break between the lines `cur` and `next` of a paragraph `width` characters
/// wide reads: whether it ends a sentence, and, when it does not, whether `cur` ends a
/// sentence where `next` begins (the one-paragraph-per-line test counts those: it ends with
/// sentence-final punctuation and closing marks, and `next` does not begin in lower case).
/// Each line is decoded once for both answers.
pub(super) fn line_break(
    text: &str,
    cur: (usize, usize),
    next: (usize, usize),
    width: usize,
) -> (bool, bool) {
    let cur_raw = text[cur.0..cur.1].trim();
    // Scraped text: how the line ends is read with its entities decoded (`&quot;A new
    // era&quot;` ends in a quotation mark, not in `;`); its width as written.
    let decoded = super::decode_scraped(cur_raw);
    let cur_t = decoded.trim();
    let next_raw = &text[next.0..next.1];
    let next_t = next_raw.trim_start();
    // The next line's start with its entities decoded (`&bull; More buses`).
    let next_start = line_start(next_t);
    if list_marker_len(&next_start) > 0 {
        return (true, false);
    }
    let next_lower = next_start.chars().next().is_some_and(char::is_lowercase);
    let terminal = ends_with_terminal(cur_t);
    // No sentence ends at the break: whether the line ends one where the next begins.
    let soft = (false, terminal && !next_lower);
    if list_marker_len(cur_t) > 0 && next_t.len() != next_raw.len() {
        return soft; // indented continuation of a list item
    }
    let mut rev = cur_t.chars().rev();
    let last = rev.next().unwrap_or(' ');
    if matches!(last, ',' | ';' | '(' | '&' | '/') {
        return soft;
    }
    if last == '-' && rev.next().is_some_and(char::is_alphabetic) {
        return soft; // hyphenated word wrapped across lines
    }
    if next_lower || terminal {
        return soft; // a wrap, or the terminator rules decide
    }
    if is_byline(cur_t) || is_byline(next_t) || is_heading(cur_t) {
        return (true, false);
    }
    let first_word = next_t.split(char::is_whitespace).next().unwrap_or("");
    // Neither the line nor the next: `terminal` is false.
    (
        char_len(cur_raw) + 1 + char_len(first_word) <= width.max(MIN_WRAP_WIDTH),
        false,
    )
}

fn ends_with_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    t.ends_with(['.', '!', '?', '…', '‽', '。', '！', '？'])
}

/// `By Jane Roe`, `By JANE ROE and JOHN DOE`: "By" and two capitalised words.
fn is_byline(s: &str) -> bool {
    let mut w = s.split_whitespace();
    w.next() == Some("By")
        && s.len() <= 100
        && w.take(2)
            .filter(|x| x.chars().next().is_some_and(char::is_uppercase))
            .count()
            == 2
}

/// A dateline or heading line: first word in capitals and either the line ends with a dash
/// (`WASHINGTON —`) or it has no lower-case letter at all (`BREAKING NEWS`).
fn is_heading(s: &str) -> bool {
    let first = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(')
        .next()
        .unwrap_or("");
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2
        || first.chars().any(char::is_lowercase)
    {
        return false;
    }
    s.ends_with(['-', '–', '—']) || (s.len() <= 80 && !s.chars().any(char::is_lowercase))
}

/// The characters that mark a bulleted list item at the start of a line: ASCII, the bullets
/// and dashes of typesetting, and the geometric shapes and arrows of web pages and word
/// processors.
const BULLETS: [char; 21] = [
    '-', '*', '+', '•', '‣', '◦', '▪', '▫', '●', '○', '■', '□', '►', '▶', '▸', '➢', '➤', '·', '∙',
    '–', '—',
];

/// Length in bytes of a list marker at the start of `s` (`- `, `* `, `• `, `● `, `► `, `1. `,
/// `2) `, `a) `; the space may be a tab or a no-break space), or 0. A bullet must not be
/// followed by a lower-case word.
pub(super) fn list_marker_len(s: &str) -> usize {
    let Some(c) = s.chars().next() else {
        return 0;
    };
    if BULLETS.contains(&c) {
        let rest = &s[c.len_utf8()..];
        let sep = marker_space_len(rest.as_bytes());
        let ok = sep > 0
            && !rest[sep..]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == ' ');
        return if ok { c.len_utf8() + sep } else { 0 };
    }
    numbered_marker_len(s.as_bytes())
}

/// Length of the space after a list marker at the start of `b`: a space, a tab or a no-break
/// space (U+00A0, as web pages and word processors paste a list), or 0.
fn marker_space_len(b: &[u8]) -> usize {
    match b {
        [b' ' | b'\t', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        _ => 0,
    }
}

/// Length of a `1. ` / `12) ` / `a) ` marker at the start of `b`, or 0.
pub(super) fn numbered_marker_len(b: &[u8]) -> usize {
    let digits = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    let i = if (1..=3).contains(&digits) {
        if !matches!(b.get(digits), Some(b'.' | b')')) {
            return 0;
        }
        digits + 1
    } else if digits == 0
        && b.first().is_some_and(u8::is_ascii_lowercase)
        && b.get(1) == Some(&b')')
    {
        2
    } else {
        return 0;
    };
    match marker_space_len(&b[i..]) {
        0 => 0,
        n => i + n,
    }
}
