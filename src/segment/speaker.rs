//! Speaker labels: the `Name:` with which a transcript, an interview or a debate write-up opens
//! each speaker's turn, and the headline's colon attribution (`Minister: we will not back
//! down`). See `speaker_turn` in the module docs.
//!
//! A label is a short run of words at the start of a sentence, then a colon, white space and
//! the speaker's words. It names a speaker when it is
//! - a role or body, its last word one of `lexicons/speaker_roles.txt` (`The mayor:`, `Union
//!   leader:`, `Teachers' leader:`, `Ex-minister:`, `Police:`), the words before it a
//!   determiner, capitalised words or plain modifiers, none a function word (`The lesson for
//!   councils:` is no label); or
//! - a name: every word capitalised (`Sato:`, `Dr Amira Sato:`, `Ursula von der Leyen:`), none
//!   a function word (`Our View:`, `What We Know:`) and the first not a word of
//!   `lexicons/not_speakers.txt` (`Breaking News:`), all-capital words only after a title
//!   (`MR SATO:`; `NEW DELHI:` is a dateline, `UPDATE:` a head); or
//! - a broadcast transcript's name and role, all in capitals (`STEVE ROE, HOST:`, `AMIRA SATO,
//!   BYLINE:`; not a dateline's `WASHINGTON, D.C.:`);
//!
//! optionally followed by `on` and a topic of up to three words (`Mayor on congestion
//! charge:`). The author's own labels are not speakers: a label that is an entry of
//! `lexicons/not_speakers.txt` (`Note:`, `Verdict:`, `Why it matters:`, `Editor's note:`,
//! `Monday:`, `Method:`, `Housing:`, `Q:`); nor is anything with a digit (`10.40pm:`, `Step
//! 2:`) or other punctuation, nor a label before a figure or a rating (`Serves: 4`, `Novak:
//! 7/10`).

use super::scan::may_decode;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Longest label, in bytes (colon excluded).
const MAX_LABEL_BYTES: usize = 60;
/// How much of a block's start the segmenter hands to [`speaker_label`]: the longest label,
/// its colon and room for the white space and first word after it.
const SCAN_BYTES: usize = MAX_LABEL_BYTES + 64;
/// How many times longer than it reads a label may be written in scraped text: the bytes of
/// entities per byte of what they stand for (`&eacute;` is 8 bytes for the 2 of `é`, `&#8217;`
/// 7 for 3), with room. Labels are read decoded (see [`speaker_label`]), so the segmenter hands
/// a block's start that holds an entity this many times [`SCAN_BYTES`].
const ENTITY_SPREAD: usize = 8;
/// Most words of the speaker part of a label.
const MAX_SPEAKER_WORDS: usize = 4;
/// Most words of the topic after `on`.
const MAX_TOPIC_WORDS: usize = 3;

fn entries(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The author's labels (`lexicons/not_speakers.txt`).
static NOT_SPEAKERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("lexicons/not_speakers.txt")));

/// Roles and bodies that speak (`lexicons/speaker_roles.txt`).
static ROLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("lexicons/speaker_roles.txt")));

/// Titles before a name (`Dr`, `Mr.`): with one, a name may be written in capitals.
fn is_title(key: &str) -> bool {
    matches!(
        key.trim_end_matches('.'),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "prof"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "rev"
            | "cllr"
            | "capt"
            | "col"
            | "lt"
            | "sgt"
            | "det"
            | "insp"
            | "supt"
            | "judge"
            | "justice"
            | "senator"
            | "president"
            | "minister"
            | "mayor"
            | "governor"
            | "professor"
            | "father"
            | "sister"
            | "brother"
            | "bishop"
            | "rabbi"
            | "imam"
            | "sheikh"
            | "king"
            | "queen"
            | "prince"
            | "princess"
    )
}

/// Words that make a run of words a phrase of the author's, not a name or a role: articles
/// after the first word, pronouns, question words, prepositions, conjunctions, auxiliaries,
/// quantifiers (`The lesson for councils:`, `Our view:`, `Mark my words:`, `Here is why:`).
fn is_function_word(key: &str) -> bool {
    matches!(
        key,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "my"
            | "our"
            | "your"
            | "his"
            | "her"
            | "their"
            | "its"
            | "i"
            | "we"
            | "you"
            | "he"
            | "she"
            | "it"
            | "they"
            | "me"
            | "us"
            | "him"
            | "them"
            | "what"
            | "why"
            | "how"
            | "where"
            | "when"
            | "who"
            | "whom"
            | "which"
            | "whose"
            | "here"
            | "there"
            | "now"
            | "then"
            | "so"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "for"
            | "in"
            | "on"
            | "at"
            | "to"
            | "with"
            | "without"
            | "by"
            | "from"
            | "as"
            | "into"
            | "about"
            | "after"
            | "before"
            | "over"
            | "under"
            | "than"
            | "if"
            | "not"
            | "no"
            | "all"
            | "any"
            | "some"
            | "every"
            | "each"
            | "both"
            | "either"
            | "neither"
            | "one"
            | "two"
            | "three"
            | "more"
            | "most"
            | "less"
            | "least"
            | "other"
            | "another"
            | "such"
            | "only"
            | "just"
            | "even"
            | "also"
            | "still"
            | "very"
            | "too"
            | "much"
            | "many"
            | "few"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "am"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "let"
            | "let's"
            | "say"
            | "says"
            | "said"
    )
}

/// Lower-case particles inside a name (`Ursula von der Leyen`, `Ahmed bin Salman`).
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "ter"
            | "zu"
    )
}

/// One word of a label: as written and its key (lower case, `'` for `’`).
struct Word<'a> {
    raw: &'a str,
    key: String,
}

impl Word<'_> {
    fn capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }

    /// Written in capitals throughout (two letters or more): a heading's or dateline's word.
    fn all_caps(&self) -> bool {
        let mut letters = self.raw.chars().filter(|c| c.is_alphabetic());
        letters.clone().count() >= 2 && letters.all(char::is_uppercase)
    }

    /// The key without a possessive ending (`teachers'`, `union's`).
    fn bare(&self) -> &str {
        let k = self.key.as_str();
        k.strip_suffix("'s")
            .or_else(|| k.strip_suffix('\''))
            .unwrap_or(k)
    }

    /// Whether the word names a role or body: its last hyphenated part is one
    /// (`ex-minister`).
    fn is_role(&self) -> bool {
        let k = self.key.as_str();
        ROLES.contains(k) || k.rsplit('-').next().is_some_and(|p| ROLES.contains(p))
    }
}

/// How much of a block's start `head` the segmenter hands to [`speaker_label`]: [`SCAN_BYTES`],
/// or [`ENTITY_SPREAD`] times as much when an entity or a soft hyphen in it may make the label
/// shorter decoded.
pub(super) fn label_head(head: &[u8]) -> &[u8] {
    let mut scan = SCAN_BYTES;
    if may_decode(&head[..head.len().min(scan)]) {
        scan *= ENTITY_SPREAD;
    }
    &head[..head.len().min(scan)]
}

/// Whether the bytes `head` (a block) may open with a speaker label: a colon within
/// [`MAX_LABEL_BYTES`] of the start, or within [`ENTITY_SPREAD`] times [`SCAN_BYTES`] when an
/// entity or a soft hyphen near the start may make the label shorter decoded (a quick test
/// before [`speaker_label`]).
pub(super) fn may_open_label(head: &[u8]) -> bool {
    let near = &head[..head.len().min(MAX_LABEL_BYTES + 4)];
    memchr::memchr(b':', near).is_some()
        || may_decode(near)
            && memchr::memchr(b':', &head[..head.len().min(SCAN_BYTES * ENTITY_SPREAD)]).is_some()
}

/// The byte length of the speaker label that `text` (a sentence) opens with, up to and
/// including its colon, or `None` when it opens with none (see the module docs). Cheap when
/// there is no colon in the first [`MAX_LABEL_BYTES`] bytes. Cue rules 13's reading; cue
/// rules 14 read labels with [`speaker_label_14`].
///
/// Scraped text is read as [`super::decode_scraped`] gives it to the features, its entities
/// decoded and soft hyphens dropped (`Ren&eacute;e Dupont:` is `Renée Dupont:`, and
/// [`MAX_LABEL_BYTES`] counts the decoded bytes); the length is still of `text` as written.
pub(crate) fn speaker_label(text: &str) -> Option<usize> {
    decoded_label(text, false)
}

/// [`speaker_label`] as cue rules 14 read labels (the segmenter reads the whole first sentence
/// of a block with it, as a sentence read alone is read). A name's label (not a role's) is no
/// speaker's when the words after it
/// - open in lower case with no first person or quotation mark in them: a headline's topic
///   (`Inflation: what happens next?`) or a column's heading of the person it judges (`Novak:
///   solid, if slow`); a headline's colon attribution keeps its speaker (`Okafor: we will
///   not back down`, `Okafor: plan 'a disgrace'`);
/// - open with a third person's pronoun (`Novak: His best game in a year.`, `Sato: She has
///   never explained the cost.`): the author writes about the person named.
///
/// And a name's label is a speaker's when its first word is a given name that is also a common
/// word (`Will Hutton:`, `May Chen:`; `Will:` and `May:` alone only before the first person:
/// `May: I will not resign.`, not the month's `May: The council voted.`), or when it is in
/// capitals without a title before the first person (`SATO: I was not there.`, not the
/// dateline's `LONDON: The government said …`).
pub(crate) fn speaker_label_14(text: &str) -> Option<usize> {
    decoded_label(text, true)
}

/// Whether `decoded`, a sentence's text that [`super::decode_scraped`] gave, opens with a
/// speaker label as [`speaker_label`] reads it (without decoding it again: the features'
/// reading).
pub(crate) fn decoded_speaker_label(decoded: &str) -> bool {
    label(decoded, false).is_some()
}

/// [`decoded_speaker_label`] as cue rules 14 read labels ([`speaker_label_14`]).
pub(crate) fn decoded_speaker_label_14(decoded: &str) -> bool {
    label(decoded, true).is_some()
}

/// [`label`] of `text` decoded as [`super::decode_scraped`] decodes scraped text, as a length
/// of `text`. Text whose first [`MAX_LABEL_BYTES`] bytes hold a colon and which has no `&` and
/// no soft hyphen (the byte 0xAD) is read as it is; text that has neither a colon nor an `&` or
/// a soft hyphen there opens with no label (decoding leaves those bytes as they are) and costs
/// two short `memchr`s.
fn decoded_label(text: &str, rev14: bool) -> Option<usize> {
    let b = text.as_bytes();
    let near = &b[..b.len().min(MAX_LABEL_BYTES + 1 + '\u{feff}'.len_utf8())];
    let colon_near = memchr::memchr(b':', near).is_some();
    if !colon_near && !may_decode(near) {
        return None;
    }
    if colon_near && !may_decode(b) {
        return label(text, rev14);
    }
    let decoded = super::decode_scraped(text);
    let n = label(&decoded, rev14)?;
    // No entity stands for a colon and none is dropped with one: the label's colon is the
    // same-numbered colon of `text`.
    let colons = decoded.as_bytes()[..n]
        .iter()
        .filter(|&&c| c == b':')
        .count();
    memchr::memchr_iter(b':', b).nth(colons - 1).map(|k| k + 1)
}

/// A label's words split on spaces, each with its key (lower case, curly apostrophe straight).
fn label_words(label: &str) -> Vec<Word<'_>> {
    label
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|raw| Word {
            raw,
            key: raw.to_lowercase().replace('\u{2019}', "'"),
        })
        .collect()
}

/// Cue rules 16: the key of the name that heads a block with a label as
/// [`speaker_label_14`] reads it (`Rhian Pugh: The councillor …`, `ROSS: …`), a hash of the
/// label's last word in lower case (`Maya Ross` and `ROSS` give the same key), or `None` when
/// `text` opens with no label or with a role's (`The mayor:`, `Q:`). The segmenter compares
/// the keys of a document's labels to tell a transcript's turns (a label recurs) from a
/// column's headings (each name heads one paragraph).
pub(crate) fn name_label_key_16(text: &str) -> Option<u32> {
    let colon = speaker_label_14(text)?;
    let label = super::decode_scraped(&text[..colon - 1]);
    let label = label.trim_start_matches('\u{feff}');
    // A broadcast label's name comes before its comma (`STEVE ROE, HOST` is `ROE`'s).
    let label = label.split(',').next().unwrap_or(label);
    let words = label_words(label);
    if words.is_empty() || is_role_label(&words) {
        return None;
    }
    // FNV-1a over the last word's key.
    let last = &words[words.len() - 1].key;
    Some(last.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }))
}

/// Given names that are also function words (`Will`, `May`).
fn is_common_word_name(key: &str) -> bool {
    matches!(key, "will" | "may")
}

/// Whether the speaker's words `after` the colon hold the first person or a quotation mark
/// (`we will not back down`, `plan 'a disgrace'`): a turn or a headline's attribution.
fn speaks(after: &str) -> bool {
    super::report::first_person(after)
        || after.contains(['"', '\u{201C}', '\u{201D}', '\u{2018}', '\u{00AB}'])
        || after.contains(" '")
        || after.starts_with('\'')
}

/// Whether the words `after` the colon open with a third person's singular pronoun (`His best
/// game`, `She has never explained`): the one person the label names, written about. (`They`
/// is as often the speaker's word for others: `Sato: They never asked us.`)
fn opens_with_third_person(after: &str) -> bool {
    let first = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        first.to_ascii_lowercase().as_str(),
        "he" | "she" | "his" | "her" | "hers" | "him"
    )
}

fn label(text: &str, rev14: bool) -> Option<usize> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = &text[bom..];
    let b = text.as_bytes();
    let colon = memchr::memchr(b':', &b[..b.len().min(MAX_LABEL_BYTES + 1)])?;
    // The speaker's words follow, after white space.
    let after = &text[colon + 1..];
    let words_after = after.trim_start();
    if words_after.len() == after.len() || words_after.is_empty() {
        return None;
    }
    // A figure or a mark out of ten is the author's (`Serves: 4`, a player's rating `Novak:
    // 7/10, ran all day`), not speech.
    if words_after.starts_with(|c: char| c.is_ascii_digit()) || rates(words_after) {
        return None;
    }
    let label = &text[..colon];
    if broadcast_label(label) {
        return Some(bom + colon + 1);
    }
    if !label.chars().next().is_some_and(char::is_uppercase)
        || label.ends_with(char::is_whitespace)
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '\u{2019}' | '-' | '.' | '&'))
    {
        return None;
    }
    let words = label_words(label);
    // `Sato on the plan:`: the speaker, then `on` and the topic.
    let on = words
        .iter()
        .skip(1)
        .position(|w| w.raw == "on")
        .map(|p| p + 1);
    let speaker = match on {
        Some(p) if words.len() - p - 1 <= MAX_TOPIC_WORDS => &words[..p],
        Some(_) => return None,
        None => &words[..],
    };
    if speaker.is_empty() || speaker.len() > MAX_SPEAKER_WORDS {
        return None;
    }
    let whole = label.to_lowercase().replace('\u{2019}', "'");
    let first = &speaker[0].key;
    // Cue rules 14: `Will Hutton:`; `May:` and `Will:` alone before the first person.
    let common_name = rev14
        && is_common_word_name(first)
        && speaker[0].capitalised()
        && (speaker.len() > 1 || super::report::first_person(words_after));
    if !common_name
        && (NOT_SPEAKERS.contains(whole.as_str())
            || NOT_SPEAKERS.contains(speaker_key(speaker).as_str()))
    {
        return None;
    }
    // A name's first word may not be a listed word (`Breaking News:`, `Live Updates:`); a
    // role's modifier may (`Housing minister:`, `Climate panel:`).
    let listed_first = first.len() >= 2 && NOT_SPEAKERS.contains(first.as_str());
    // A word ending in `.` is a title's abbreviation or an initial (`Dr.`, `J.`).
    let dotted_ok = |w: &Word| {
        !w.raw.ends_with('.')
            || is_title(&w.key)
            || w.raw.chars().filter(|c| *c != '.').count() == 1
    };
    if !speaker.iter().all(dotted_ok) || speaker.len() == 1 && speaker[0].raw.chars().count() < 2 {
        return None;
    }
    let named = if !rev14 {
        is_role_label(speaker) || (!listed_first && is_name(speaker))
    } else if is_role_label(speaker) {
        true
    } else {
        // The speaker's words are read only when the shape of the label leaves it open.
        let name = if common_name {
            is_name(&speaker[1..])
        } else {
            !listed_first
                && (is_name(speaker) || is_name_in_capitals(speaker) && speaks(words_after))
        };
        // Lower-case words after a name's label are a topic's or a judgement's, unless the
        // name speaks in them.
        let lower_case = words_after.starts_with(char::is_lowercase);
        name && !opens_with_third_person(words_after) && (!lower_case || speaks(words_after))
    };
    named.then_some(bom + colon + 1)
}

/// The last words of a broadcast transcript's label that are no entries of
/// `lexicons/speaker_roles.txt` (which leaves an interview write-up's `Reporter:` out): the
/// roles of a programme's own people (`HOST`, `BYLINE` for the reporter's script).
fn is_broadcast_role(key: &str) -> bool {
    matches!(
        key,
        "host"
            | "anchor"
            | "byline"
            | "correspondent"
            | "reporter"
            | "presenter"
            | "announcer"
            | "narrator"
            | "guest"
            | "caller"
    )
}

/// A broadcast transcript's label (`STEVE ROE, HOST`, `AMIRA SATO, BYLINE`, `JANE ROE,
/// CO-HOST`): all in capitals, a name of one to four words, a comma and a space, then a role
/// of one to three words whose last one is a role (`lexicons/speaker_roles.txt` or
/// [`is_broadcast_role`]); no function word, no other punctuation. A dateline is none
/// (`WASHINGTON, D.C.`, `LONDON, ENGLAND`), nor a name and role in running text (`Sato, the
/// minister`).
fn broadcast_label(label: &str) -> bool {
    let Some((name, role)) = label.split_once(", ") else {
        return false;
    };
    fn shaped(part: &str, most: usize) -> Option<Vec<Word<'_>>> {
        let words = label_words(part);
        let ok = !words.is_empty()
            && words.len() <= most
            && !part.starts_with(' ')
            && !part.ends_with(' ')
            && part
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '\'' | '\u{2019}' | '-' | '.'))
            && words.iter().all(|w| {
                w.raw.chars().any(char::is_alphabetic)
                    && !is_function_word(&w.key)
                    && (!w.raw.ends_with('.') || w.raw.chars().filter(|c| *c != '.').count() == 1)
            });
        ok.then_some(words)
    }
    let (Some(name), Some(role)) = (shaped(name, MAX_SPEAKER_WORDS), shaped(role, 3)) else {
        return false;
    };
    let last = &role[role.len() - 1];
    let key = last.key.rsplit('-').next().unwrap_or("");
    name.iter()
        .flat_map(|w| w.raw.chars())
        .filter(|c| c.is_alphabetic())
        .count()
        >= 2
        && !NOT_SPEAKERS.contains(name[0].key.as_str())
        && (last.is_role() || is_broadcast_role(key))
}

/// A name in capitals without a title (`SATO`, `AMIRA SATO`): cue rules 14 read it as a
/// speaker's before the first person.
fn is_name_in_capitals(speaker: &[Word]) -> bool {
    speaker
        .iter()
        .all(|w| w.all_caps() && !is_function_word(&w.key))
}

/// Whether `text` gives a mark out of ten or five (`7/10`, `8 out of 10`, `3/5`): a rating.
fn rates(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, b"/10")
        .chain(memchr::memmem::find_iter(b, b"/5"))
        .chain(memchr::memmem::find_iter(b, b" out of "))
        .any(|i| i > 0 && b[i - 1].is_ascii_digit())
}

/// The speaker part's words, lower case, one space apart.
fn speaker_key(speaker: &[Word]) -> String {
    let mut k = String::new();
    for (i, w) in speaker.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(&w.key);
    }
    k
}

/// A role or body: the last word names one, the words before it are a determiner (first
/// only), capitalised words or plain modifiers, none a function word.
fn is_role_label(speaker: &[Word]) -> bool {
    let (head, before) = speaker.split_last().expect("a word");
    head.is_role()
        && before.iter().enumerate().all(|(i, w)| {
            (i == 0 && matches!(w.key.as_str(), "the" | "a" | "an"))
                || (!is_function_word(w.bare()) && !w.bare().is_empty())
        })
}

/// A name: every word capitalised (particles inside it excepted), none a function word, a
/// word in capitals only after a title.
fn is_name(speaker: &[Word]) -> bool {
    let mut titled = false;
    for (i, w) in speaker.iter().enumerate() {
        let inside = i > 0 && i + 1 < speaker.len();
        if inside && is_name_particle(w.raw) {
            continue;
        }
        if !w.capitalised() || is_function_word(&w.key) {
            return false;
        }
        if w.all_caps() && !titled && !is_title(&w.key) {
            return false;
        }
        titled |= is_title(&w.key);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{speaker_label, speaker_label_14};

    #[test]
    fn revision_14_reads_topics_judged_names_common_word_names_and_capitals() {
        // (sentence, revision 13's label, revision 14's)
        for (text, thirteen, fourteen) in [
            // A headline's topic, a column's heading of the person it judges.
            ("Inflation: what happens next?", true, false),
            ("Novak: solid, if slow to start.", true, false),
            ("Novak: His best game in a year.", true, false),
            (
                "Dr Amira Sato: She has never explained the cost.",
                true,
                false,
            ),
            // Headline attributions and turns keep their speakers.
            ("Okafor: we will not back down", true, true),
            ("Okafor: plan 'a disgrace'", true, true),
            ("Okafor: plan \u{201C}a disgrace\u{201D}", true, true),
            (
                "Sato: Anyone who calls it cheap has not costed it.",
                true,
                true,
            ),
            ("Sato: They never asked us.", true, true),
            // A role's label is read as before.
            ("Climate panel: coastal defences inadequate", true, true),
            ("Police: he was driving at 90mph", true, true),
            // Common-word names and capitals.
            ("Will Hutton: The Treasury has lost control.", false, true),
            ("May Chen: The board knew.", false, true),
            ("May: I will not resign.", false, true),
            ("May: The council voted to close the depot.", false, false),
            ("Will: Nobody asked.", false, false),
            ("SATO: I was not there.", false, true),
            ("AMIRA SATO: We were never asked.", false, true),
            (
                "LONDON: The government said the talks would resume.",
                false,
                false,
            ),
            ("UPDATE: We have added a statement.", false, false),
            ("MR NOVAK: I was not there.", true, true),
        ] {
            assert_eq!(speaker_label(text).is_some(), thirteen, "13: {text}");
            assert_eq!(speaker_label_14(text).is_some(), fourteen, "14: {text}");
            if let Some(n) = speaker_label_14(text) {
                assert!(text[..n].ends_with(':'), "{text}");
            }
        }
    }

    #[test]
    fn speakers_names_roles_and_bodies() {
        for (text, label) in [
            (
                "Sato: Anyone who calls it cheap has not costed it.",
                "Sato:",
            ),
            ("Dr Amira Sato: The numbers are clear.", "Dr Amira Sato:"),
            ("Dr. Sato: The numbers are clear.", "Dr. Sato:"),
            ("J. Okafor-Reid: We were never asked.", "J. Okafor-Reid:"),
            ("Hans van der Berg: It works.", "Hans van der Berg:"),
            ("Minister: We will not back down.", "Minister:"),
            ("The mayor: We have listened.", "The mayor:"),
            ("A spokesperson: No comment.", "A spokesperson:"),
            ("Police: Two men were arrested.", "Police:"),
            ("Union leader: This offer is an insult.", "Union leader:"),
            (
                "Nurses' leader: wards 'at breaking point'",
                "Nurses' leader:",
            ),
            (
                "Ex-chancellor: the deficit 'will haunt us'",
                "Ex-chancellor:",
            ),
            (
                "Port workers' union boss: jobs 'on the line'",
                "Port workers' union boss:",
            ),
            (
                "Judge on the ruling: 'The law is plain'",
                "Judge on the ruling:",
            ),
            ("MR NOVAK: I was not there.", "MR NOVAK:"),
            ("THE CHAIRMAN: Order, please.", "THE CHAIRMAN:"),
            ("\u{feff}Sato: Yes.", "\u{feff}Sato:"),
        ] {
            assert_eq!(speaker_label(text), Some(label.len()), "{text}");
        }
    }

    #[test]
    fn a_label_is_read_decoded_with_its_length_as_written() {
        // Invented: the names and words of scraped labels, written with entities or soft
        // hyphens, read as their characters (they were no labels before session 19: `&`, `;`
        // and U+00AD are no letters of a name).
        for (scraped, literal) in [
            (
                "Ren&eacute;e Dupont: We will not close the depot.",
                "Renée Dupont: We will not close the depot.",
            ),
            (
                "Ren&#233;e Dupont: We will not.",
                "Renée Dupont: We will not.",
            ),
            (
                "Ren&#xE9;e Dupont: We will not.",
                "Renée Dupont: We will not.",
            ),
            ("&Eacute;mile Zola: I accuse.", "Émile Zola: I accuse."),
            ("Zo&euml; Smith: I was there.", "Zoë Smith: I was there."),
            ("Sa\u{ad}to: We will not.", "Sato: We will not."),
            ("Sa&shy;to: We will not.", "Sato: We will not."),
            (
                "Nurses&rsquo; leader: wards full",
                "Nurses’ leader: wards full",
            ),
            (
                "Okafor: plan &lsquo;a disgrace&rsquo;",
                "Okafor: plan ‘a disgrace’",
            ),
            // The long name is long only as written.
            (
                "Fran&ccedil;ois-Ren&eacute; de Ch&acirc;teaubriand-L&eacute;v&ecirc;que: We will.",
                "François-René de Châteaubriand-Lévêque: We will.",
            ),
            // Entities that stand for no letter leave no label.
            ("Sato&mdash;Reid: We will not.", "Sato—Reid: We will not."),
            (
                "Breaking &amp; News: We will not.",
                "Breaking & News: We will not.",
            ),
            (
                "\u{feff}Ren&eacute;e: Yes, we will.",
                "\u{feff}Renée: Yes, we will.",
            ),
        ] {
            let label = |text: &str, f: fn(&str) -> Option<usize>| {
                f(text).map(|n| {
                    assert!(text[..n].ends_with(':'), "{text}");
                    super::super::decode_scraped(&text[..n]).into_owned()
                })
            };
            for f in [speaker_label, speaker_label_14] {
                assert_eq!(label(scraped, f), label(literal, f), "{scraped}");
            }
            assert_eq!(
                super::name_label_key_16(scraped),
                super::name_label_key_16(literal),
                "{scraped}"
            );
        }
        assert_eq!(
            speaker_label("Ren&eacute;e Dupont: We will not."),
            Some("Ren&eacute;e Dupont:".len())
        );
        assert!(speaker_label_14("Ren&eacute;e Dupont: We will not.").is_some());
        // A colon further than a label can be, decoded, is none; nor is an entity's `&#58;`.
        let far = format!("{}: We will not.", "Ren&eacute;e ".repeat(6));
        assert_eq!(speaker_label(&far), None);
        assert_eq!(speaker_label("Sato&#58; We will not."), None);
        // The key of `Ren&eacute;e Dupont` is the key of a later `DUPONT:`.
        assert_eq!(
            super::name_label_key_16("Jean Dup&ocirc;nt: We closed it."),
            super::name_label_key_16("DUPÔNT: We closed it in May.")
        );
    }

    #[test]
    fn a_broadcast_transcripts_name_comma_role_label_is_a_speakers() {
        for (text, label) in [
            ("STEVE ROE, HOST: Good morning.", "STEVE ROE, HOST:"),
            (
                "AMIRA SATO, BYLINE: The depot closed in May.",
                "AMIRA SATO, BYLINE:",
            ),
            ("JANE ROE, CO-HOST: Welcome back.", "JANE ROE, CO-HOST:"),
            (
                "MARIA DE LA CRUZ, SENIOR CORRESPONDENT: It rained.",
                "MARIA DE LA CRUZ, SENIOR CORRESPONDENT:",
            ),
            ("J. OKAFOR, MINISTER: We will not.", "J. OKAFOR, MINISTER:"),
            ("\u{feff}STEVE ROE, HOST: Yes.", "\u{feff}STEVE ROE, HOST:"),
        ] {
            assert_eq!(speaker_label(text), Some(label.len()), "13: {text}");
            assert_eq!(speaker_label_14(text), Some(label.len()), "14: {text}");
        }
        // The name's key is the name's last word, as a later `ROE:` gives it.
        assert_eq!(
            super::name_label_key_16("STEVE ROE, HOST: Good morning."),
            super::name_label_key_16("ROE: We closed it in May.")
        );
        assert!(super::name_label_key_16("ROE: We closed it in May.").is_some());
        for text in [
            // Datelines and places.
            "WASHINGTON, D.C.: The council voted.",
            "LONDON, ENGLAND: The talks resumed.",
            "NEW YORK, N.Y.: Shares fell.",
            "PARIS, AFP: Talks resumed.",
            // A name and a role in running text or in mixed case.
            "Sato, the minister: We will not.",
            "Steve Roe, host: Good morning.",
            "The mayor, a former teacher, said: it was fine.",
            "STEVE ROE, host: Good morning.",
            // Other shapes: a function word, two commas, no role, no space, figures.
            "ROE, HOST OF THE SHOW: Hello.",
            "SATO, MINISTER, HOST: Hello.",
            "STEVE ROE, THE HOST: Hello.",
            "STEVE ROE,HOST: Hello.",
            "STEVE ROE, HOST: 10.40",
            "STEVE ROE, HOST:",
            "BREAKING, HOST: The bridge is shut.",
            ", HOST: Hello.",
        ] {
            assert_eq!(speaker_label(text), None, "13: {text}");
            assert_eq!(speaker_label_14(text), None, "14: {text}");
        }
    }

    #[test]
    fn the_authors_labels_times_and_colons_later_are_no_speakers() {
        for text in [
            // Notes, updates, verdicts and heads of the author's own.
            "Note: the figures are provisional.",
            "Update: The council has since replied.",
            "Verdict: A near miss.",
            "Review: Slow, long and worth it.",
            "Analysis: The vote changes little.",
            "Comment: This is a poor deal.",
            "Background: The scheme began in 2019.",
            "Why it matters: Fares rise again.",
            "The bottom line: Wait for the sequel.",
            "Correction: An earlier version gave the wrong date.",
            "Warning: Spoilers follow.",
            "Key points: cost and delay.",
            "Key Points: cost and delay.",
            "Top Tips: Book early.",
            "New Delhi: The government announced a plan.",
            "Price: Twelve pounds.",
            "Rating: Three stars.",
            "Our view: The council got this wrong.",
            "Editor's note: This article was amended.",
            "Editor\u{2019}s Note: This article was amended.",
            "Breaking news: The bridge is shut.",
            "BREAKING: The bridge is shut.",
            "Q: Why now?",
            "A: Because the money ran out.",
            // Live blogs and diaries.
            "10.40pm: The count is under way.",
            "Monday: The app goes live.",
            "Earlier: The minister arrived late.",
            // A dateline in capitals.
            "NEW DELHI: The government announced a plan.",
            // A recipe, a listing and a review's credits.
            "Method: Heat the oven and grease a tin.",
            "Ingredients: flour, eggs and milk.",
            "Serves: Four.",
            "Director: Jane Roe.",
            "Getting there: Trains run hourly.",
            // Sentences with a colon later.
            "The reason is simple: the plan costs too much.",
            "There are two problems: cost and time.",
            "My prediction: the favourite wins.",
            "Mark my words: this will end badly.",
            "The inspectors were right: nothing has changed.",
            "The lesson for councils: consult first.",
            "Another win for Hale Rovers: their fifth in a row.",
            "Bus timetable: still a mess",
            "Yes: she is a nurse at the clinic.",
            // Ratings and figures, and a round-up's topics.
            "Novak: 7/10, ran all day.",
            "Novak: Ran all day and scored twice, 8 out of 10.",
            "Serves: 4",
            "Housing: The council's record is dismal.",
            // No speaker's words, other punctuation, too long.
            "Sato:",
            "Sato:no space",
            "Sato, the minister: We will not.",
            "Step 2: Stir well.",
            "One, two, three: go.",
            "The very long and winding name of a committee of inquiry: it reported.",
        ] {
            assert_eq!(speaker_label(text), None, "{text}");
        }
    }
}
