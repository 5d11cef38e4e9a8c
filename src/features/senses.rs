//! Word senses (cue rules 8): a word of a stance lexicon used in a sense that judges nothing.
//! Revision 12 adds a few ([`is_neutral_12`]): `the fine by a third` (a penalty after a
//! determiner, before `by`/`to`/`on`/`in`), `victim surcharge`/`support`/`services`, `lies`
//! (`lie`, `lay`) before a preposition of place (`lies in a valley`), `striking` after `clock`,
//! `bell`, `lightning`, `within` or before `workers`, `drivers`, `distance`, `for`.
//!
//! The lexicons list words by their form, so `a fine of £500`, `Good Friday`, `what kind of
//! school`, `just after midnight`, `such as` or `rather than` counted as the author's judgement
//! or hedging. From revision 8 of the cue rules, [`is_neutral`] looks at the words around a
//! match and drops it from the sense-bearing lexicons' counts (evaluative, descriptive,
//! intensifiers, boosters, superlatives, hedges) when the neighbours show one of these senses:
//!
//! * **part of a name**: the word is capitalised and so is the next one (`Good Friday`, `the
//!   Great Western Railway`, `Fine Gael`), unless the next is a title (`Poor Mr Hale`) or the
//!   sentence is in title case;
//! * **a kind, a sort**: `kind of` / `sort of` / `type of` after a determiner (`what kind of`,
//!   `this sort of`), and `in kind`;
//! * **time and measure**: `just` before a preposition or unit of time or measure (`just after
//!   midnight`, `just over half`, `just weeks later`), after `has/have/had` (`has just
//!   announced`) or `only` (`only just`);
//! * **connectives**: `such as`, `rather than`, `so that`, `so far`, `so` after clause
//!   punctuation or at a clause's end (`…, so drivers used the bypass`, `he said so`), `even
//!   though`, `even if`, `even so` and `too` at the end of a clause (`she voted, too`);
//! * **nouns and verbs**: `fine` as a penalty (`a fine of`, `a £500 fine`, `the fine was`),
//!   `fair` as an event or a legal or accounting term (`the county fair`, `fair value`,
//!   `fair trial`), `clear` as a verb or a distance (`to clear the site`, `six points clear of`,
//!   `the all clear`), `critical condition`, `statistically significant`, `no significant
//!   difference`, `for good`, `perfect score`, `appealing for witnesses`, `waste collection`
//!   and the grades of weather warnings (`a severe thunderstorm watch`, `extreme heat`).
//!
//! Each rule reads only the words next to the match, so the judging sense of the same word
//! is untouched (`a fine example`, `the fair thing`, `It is clear the plan failed`, `just
//! wrong`, `so bad`, `too late`).
//!
//! Revision 9 reads one more sense, of the predictions lexicon's `will`: a timetable
//! ([`is_scheduled`]: `The library will reopen on Monday`, `Fuel duty will be frozen until
//! April`) is announced, not foreseen, while `will fail` or `will be seen as` stay predictions.
//!
//! Revision 11 reads the literal use of the author-stance frames ([`is_authors_frame`]): `once
//! again`, `as usual` or `to be fair` in the middle of a clause report a repeat or a requirement
//! (`The river burst its banks once again on Tuesday.`), set off as an aside they are the
//! author's comment (`Once again, the network has failed.`).

use super::analyzer::Span;
use super::cues::TokenSeq;

/// The text of token `k` if it exists and is the author's (not quoted).
fn word<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> Option<&str> {
    (k < tokens.count() && tokens.span(k) == Span::Author).then(|| tokens.text(k))
}

/// Whether token `k` is the author's and is one of `words` (case-insensitive).
fn is_any<T: TokenSeq + ?Sized>(tokens: &T, k: Option<usize>, words: &[&str]) -> bool {
    k.and_then(|k| word(tokens, k))
        .is_some_and(|t| words.iter().any(|w| t.eq_ignore_ascii_case(w)))
}

/// Whether `word` is in `list` (sorted, in lower case), ignoring ASCII case: a binary search,
/// for lists read once per sentence.
fn in_sorted(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|w| w.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase())))
        .is_ok()
}

/// Titles before a name: an evaluative word before them is the author's (`Poor Mr Hale`).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "i",
];

/// Determiners before `kind of` / `sort of` / `type of` in the sense of "a type of".
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "whatever", "any",
    "every", "each", "some", "no", "same", "other", "another", "one", "only", "first", "its",
    "their", "his", "her", "our", "my", "your", "new", "right", "wrong",
];

/// What follows `just` in its sense of time or measure.
const JUST_TIME: &[&str] = &[
    "after", "before", "past", "ahead", "over", "under", "below", "above", "short", "shy",
    "outside", "inside", "behind", "beyond", "off", "north", "south", "east", "west", "as", "when",
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "moments",
];

/// Weather that forecasters grade `severe` or `extreme` (`a severe thunderstorm watch`).
const WEATHER: &[&str] = &[
    "weather",
    "thunderstorm",
    "thunderstorms",
    "storm",
    "storms",
    "heat",
    "cold",
    "wind",
    "winds",
    "gale",
    "gales",
    "flood",
    "floods",
    "flooding",
    "rain",
    "rainfall",
    "snow",
    "frost",
    "ice",
    "fog",
    "drought",
];

/// Whether the sentence is in title case (a headline), where capitals do not mark names: at
/// least three words, and none of four letters or more starts in lower case.
fn title_case(raw: &str) -> bool {
    let mut words = 0usize;
    for w in raw.split_whitespace() {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        if let Some(c) = letters.next() {
            words += 1;
            if c.is_lowercase() && letters.nth(2).is_some() {
                return false;
            }
        }
    }
    words >= 3
}

/// Whether the byte at `k` of `b` (if any) is a letter or digit: a word goes on.
fn word_byte(b: &[u8], k: usize) -> bool {
    b.get(k).is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether the word after byte `end` of `raw`, after white space only, is capitalised and not
/// a title.
fn capitalised_word_after(raw: &str, end: usize) -> bool {
    let rest = &raw[end..];
    let next = rest.trim_start();
    if next.len() == rest.len() {
        return false;
    }
    let len = next
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(next.len(), |(k, _)| k);
    let word = &next[..len];
    word.chars().next().is_some_and(char::is_uppercase)
        && !TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// Whether token `i` (an ASCII word, `key` lower-cased) is written capitalised in `raw` and
/// followed, after white space only, by another capitalised word that is not a title. The
/// tokens are lower-cased, so the token is found in the raw sentence: its occurrence among
/// the tokens of the same text is the same occurrence among whole words of `raw` (when the
/// counts disagree, as when the tokeniser split the text otherwise, it is not read as a name).
fn in_name<T: TokenSeq + ?Sized>(tokens: &T, i: usize, key: &str, raw: &str) -> bool {
    let (b, k) = (raw.as_bytes(), key.as_bytes());
    if k.is_empty() || !k.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let upper = k[0].to_ascii_uppercase();
    // A whole word equal to `key` (any case) at byte `p`.
    let at = |p: usize| {
        b[p..].len() >= k.len()
            && b[p..p + k.len()].eq_ignore_ascii_case(k)
            && !(p > 0 && word_byte(b, p - 1))
            && !word_byte(b, p + k.len())
    };
    // Most matches are never written capitalised before another capitalised word: rejected
    // by one search for the capital letter.
    if !memchr::memchr_iter(upper, b).any(|p| at(p) && capitalised_word_after(raw, p + k.len())) {
        return false;
    }
    let same = |j: &usize| tokens.text(*j).eq_ignore_ascii_case(key);
    let nth = (0..i).filter(same).count();
    let total = nth + (i..tokens.count()).filter(same).count();
    let mut found = memchr::memchr2_iter(k[0], upper, b).filter(|&p| at(p));
    let Some(p) = found.by_ref().nth(nth) else {
        return false;
    };
    found.count() == total - nth - 1
        && b[p] == upper
        && capitalised_word_after(raw, p + k.len())
        && !title_case(raw)
}

/// Whether the stance-lexicon match at author token `i` is in a neutral sense (see the module
/// documentation). `key` is token `i` lower-cased; `raw` is the sentence as written, which
/// tells names (the tokens are lower-cased): without it (the stance masking options) only
/// the other senses are read.
pub(crate) fn is_neutral<T: TokenSeq + ?Sized>(
    tokens: &T,
    i: usize,
    key: &str,
    raw: Option<&str>,
) -> bool {
    let prev = i.checked_sub(1);
    let next = Some(i + 1);
    let next_is = |words: &[&str]| is_any(tokens, next, words);
    let prev_is = |words: &[&str]| is_any(tokens, prev, words);
    // Part of a name.
    if raw.is_some_and(|raw| in_name(tokens, i, key, raw)) {
        return true;
    }
    // The end of a clause after the word: the end of the sentence or clause punctuation.
    let clause_ends = || i + 1 >= tokens.count() || tokens.gap(i + 1) != 0;
    match key {
        "kind" | "sort" | "type" => (next_is(&["of"]) && prev_is(DETERMINERS)) || prev_is(&["in"]),
        "just" => next_is(JUST_TIME) || prev_is(&["has", "have", "had", "having", "only"]),
        "such" => next_is(&["as"]),
        "rather" => next_is(&["than"]),
        // `…, so drivers used the bypass`: a connective after clause punctuation.
        "so" => next_is(&["that", "far"]) || clause_ends() || tokens.gap(i) != 0,
        "even" => next_is(&["though", "if", "so"]),
        "too" => clause_ends(),
        "fine" => {
            prev_is(&[
                "<num>", "record", "maximum", "hefty", "heavy", "parking", "speeding",
            ]) || (prev_is(&["a", "the", "his", "her", "its", "their"])
                && (next_is(&["of", "for", "was", "is", "will", "would", "has", "had"])
                    || clause_ends()))
        }
        "fair" => {
            next_is(&["value", "use", "trade", "trial", "housing"])
                || prev_is(&[
                    "trade",
                    "county",
                    "book",
                    "job",
                    "jobs",
                    "careers",
                    "craft",
                    "science",
                    "food",
                    "art",
                    "arts",
                    "antiques",
                    "village",
                    "summer",
                    "christmas",
                    "agricultural",
                    "world's",
                ])
                || (prev_is(&["the"]) && clause_ends())
        }
        "clear" => {
            (prev_is(&[
                "to", "will", "would", "could", "can", "cannot", "must", "should", "may", "might",
                "did", "helped", "all",
            ]) && !next_is(&["that"]))
                || next_is(&["of", "up", "away"])
        }
        "critical" => next_is(&["condition", "care"]),
        "significant" => {
            prev_is(&["statistically"])
                || (prev_is(&["no"]) && next_is(&["difference", "change", "effect"]))
        }
        "severe" | "extreme" => next_is(WEATHER),
        "appealing" => next_is(&["for", "against"]),
        "waste" => next_is(&[
            "incinerator",
            "water",
            "management",
            "collection",
            "collections",
            "disposal",
            "site",
            "sites",
            "plant",
            "treatment",
            "bins",
        ]),
        "perfect" => next_is(&["score", "record"]),
        "good" => prev_is(&["for"]) && clause_ends(),
        _ => false,
    }
}

/// Determiners and possessives before a noun: from cue rules 13, `lies` after one of them (or
/// after a possessive `'s`) is the noun, not `lies` = is located (`the lies in the report`,
/// `his lies in court`, `the minister's lies in the Commons`). `this` and `that` are left out:
/// they are also pronouns and relatives (`The problem that lies in the design`).
const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "your", "my", "these", "those", "such",
    "no", "any", "some", "whose", "own", "more", "many",
];

/// More neutral senses (cue rules 12, from set 7's errors): `the fine by …`, `victim surcharge`,
/// `lies` = is located, a clock `striking`, `striking workers`. From cue rules 13 (`rules`),
/// `lies` after a determiner or possessive is the noun and keeps its judging sense.
pub(crate) fn is_neutral_12<T: TokenSeq + ?Sized>(
    tokens: &T,
    i: usize,
    key: &str,
    rules: u8,
) -> bool {
    let prev = i.checked_sub(1);
    let next = Some(i + 1);
    let next_is = |words: &[&str]| is_any(tokens, next, words);
    let prev_is = |words: &[&str]| is_any(tokens, prev, words);
    match key {
        "fine" | "fines" => {
            prev_is(&["a", "the", "his", "her", "its", "their"])
                && next_is(&["by", "to", "on", "in"])
        }
        "victim" => next_is(&["surcharge", "support", "services", "impact", "liaison"]),
        "lies" | "lie" | "lay" if rules >= 13 && is_noun_after_determiner(tokens, prev) => false,
        "lies" | "lie" | "lay" => next_is(&[
            "in", "inside", "on", "at", "between", "within", "off", "near", "beside", "behind",
            "beneath", "under", "north", "south", "east", "west", "outside", "about", "just",
        ]),
        // Broadcast and live-page formulae (cue rules 17): `Welcome back to …`, `Good evening
        // from …`, `That's all from us tonight`, at the start of a clause.
        "welcome" if rules >= 17 => opens_entry(tokens, i) && next_is(&["back", "to"]),
        "good" if rules >= 17 => {
            opens_entry(tokens, i) && next_is(&["morning", "afternoon", "evening", "night"])
        }
        "all" if rules >= 17 => {
            prev_is(&["that's"]) && next_is(&["from", "for"]) && opens_entry(tokens, i - 1)
        }
        "striking" => {
            prev_is(&["clock", "clocks", "bell", "bells", "lightning", "within"])
                || next_is(&[
                    "workers", "drivers", "staff", "members", "nurses", "doctors", "teachers",
                    "miners", "distance", "for", "over", "again",
                ])
        }
        _ => false,
    }
}

/// Whether token `k` opens its clause: the sentence's first token or one after clause
/// punctuation (a speaker's label's colon: `ROSS: Welcome back …`).
fn opens<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    k == 0 || tokens.gap(k) != 0
}

/// Whether token `k` opens its clause or follows nothing but numbers (a live page's
/// timestamp: `18.02 Good evening from …`, `16:45 That's all from us …`).
fn opens_entry<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    opens(tokens, k) || (0..k).all(|j| tokens.text(j) == "<num>")
}

/// Whether token `prev` (the word before a match) is a determiner or possessive
/// ([`NOUN_DETERMINERS`], or a word ending in `'s`): the match is a noun (cue rules 13).
fn is_noun_after_determiner<T: TokenSeq + ?Sized>(tokens: &T, prev: Option<usize>) -> bool {
    is_any(tokens, prev, NOUN_DETERMINERS)
        || prev.and_then(|k| word(tokens, k)).is_some_and(|w| {
            matches!(w, "'s" | "\u{2019}s")
                || w.len() > 2 && (w.ends_with("'s") || w.ends_with("\u{2019}s"))
        })
}

/// Verbs of the author's advice and calls to action, read as an imperative at the start of a
/// sentence (cue rules 13, [`imperative_at`]): what to see, read, buy or book, what to expect
/// or avoid, what to do about a policy. Verbs of procedure (`add`, `stir`, `make`, `put`, `cut`,
/// `use`, `let`, `click`, `enter`, `apply`, `register`, `back up`, …) are left out: a recipe's or an explainer's
/// steps are no recommendation the guidelines settle. `consider`, `imagine`, `remember`, `stop`,
/// `join`, `demand` are in the exhortation lexicon already (counted wherever they stand).
const IMPERATIVE_VERBS: &[&str] = &[
    "ask", "avoid", "believe", "beware", "blame", "book", "bring", "buy", "choose", "ditch",
    "draw", "enjoy", "expect", "fix", "forget", "forgive", "fund", "get", "give", "go", "grab",
    "head", "ignore", "judge", "keep", "leave", "listen", "merge", "order", "pick", "read",
    "reject", "sack", "save", "scrap", "see", "skip", "spare", "spend", "stay", "stick", "take",
    "tell", "trust", "try", "visit", "vote", "wait", "watch", "wear", "win",
];

/// Words an imperative may open with before its verb (`Please book early`, `So go`, `Do not
/// expect miracles`, `Never trust a forecast`).
const IMPERATIVE_OPENERS: &[&str] = &[
    "and", "but", "do", "don't", "dont", "just", "never", "not", "now", "please", "simply", "so",
    "then",
];

/// What follows an imperative verb: an object's determiner or pronoun, a particle or adverb
/// (`Take a cushion.`, `Book early`, `Go, sit …`, `Watch the first three`); a word after
/// the verb that is none of these makes it a noun (`Book sales fell`, `Watch makers …`).
const IMPERATIVE_NEXT: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "every",
    "each",
    "all",
    "no",
    "both",
    "your",
    "yourself",
    "yourselves",
    "my",
    "our",
    "his",
    "her",
    "its",
    "their",
    "it",
    "them",
    "me",
    "us",
    "him",
    "one",
    "nothing",
    "everything",
    "something",
    "anything",
    "now",
    "early",
    "late",
    "here",
    "there",
    "away",
    "back",
    "up",
    "out",
    "down",
    "off",
    "ahead",
    "home",
    "online",
    "slowly",
    "carefully",
    "again",
    "and",
    "well",
    "what",
    "whatever",
    "more",
    "less",
    "little",
    "much",
    "twice",
];

/// Prepositions after a verb of going, asking or waiting (`Go for the first act`, `Ask for a
/// room`, `Head to the coast`, `Stay in the old town`); after other verbs they make the verb a
/// noun (`Win for City`, `Back in 2019`).
const IMPERATIVE_PREPOSITIONS: &[&str] = &["for", "to", "in", "on", "at", "with", "into", "by"];

/// The verbs of [`IMPERATIVE_VERBS`] that take [`IMPERATIVE_PREPOSITIONS`].
const MOTION_VERBS: &[&str] = &["go", "head", "ask", "stay", "wait", "listen", "book"];

/// The verbs of [`IMPERATIVE_VERBS`] that are hardly ever a noun opening a sentence: any word
/// may follow them (`Expect delays.`, `Avoid crowds.`, `Do not expect miracles.`).
const VERBS_ONLY: &[&str] = &[
    "go", "see", "buy", "expect", "avoid", "ignore", "forget", "bring", "choose", "believe",
    "beware", "enjoy", "scrap", "ditch", "reject", "spare", "forgive",
];

/// Verbs added to [`IMPERATIVE_VERBS`] from cue rules 19 (sorted): the reader's calls to
/// action on a public matter (`Write to your councillor before the vote.`, `Complain to the
/// regulator.`, `Lobby your MP.`) and `bother` after a negative (`Don't bother with the
/// extended warranty.`; [`imperative_at`] reads it only there). Each is a verb of what the reader should do, not of procedure.
const IMPERATIVE_VERBS_19: &[&str] = &["bother", "complain", "lobby", "write"];

/// Conjunctions of a clause of time or condition that the author's imperative may follow
/// from cue rules 22 (`Until that changes, expect …`, `If in doubt, ask.`, `While you are
/// there, visit the crypt.`). Lower case, in increasing order.
const FRONTED_22: &[&str] = &[
    "after", "before", "if", "once", "unless", "until", "when", "whenever", "while",
];

/// The token after the comma that closes a fronted clause opening at token `first` (cue
/// rules 22): the first comma within twelve words, with no colon, semicolon or dash before
/// it; `None` without one.
fn fronted_clause_end_22<T: TokenSeq + ?Sized>(tokens: &T, first: usize) -> Option<usize> {
    use super::analyzer::{GAP_COMMA, GAP_STOP};
    for k in first + 1..tokens.count().min(first + 13) {
        let gap = tokens.gap(k);
        if gap & GAP_STOP != 0 {
            return None;
        }
        if gap & GAP_COMMA != 0 {
            return Some(k);
        }
    }
    None
}

/// The verbs of [`IMPERATIVE_VERBS_19`] that take [`IMPERATIVE_PREPOSITIONS`] (`Write to …`,
/// `Complain to …`, `Don't bother with …`).
const MOTION_VERBS_19: &[&str] = &["bother", "complain", "write"];

/// The objects a verb of [`IMPERATIVE_VERBS_19`] takes, at once or after a preposition: a
/// determiner or another's possessive (`the regulator`, `your MP`, `their landlord`).
const OBJECTS_19: &[&str] = &[
    "a", "an", "any", "every", "her", "his", "its", "the", "their", "your",
];

/// The author's imperative (cue rules 13): the index of the verb when the sentence opens with
/// a bare verb of [`IMPERATIVE_VERBS`] (after at most two [`IMPERATIVE_OPENERS`]), the
/// author's word, followed by an object, a particle or adverb, clause punctuation or nothing
/// (any word after [`VERBS_ONLY`])
/// (`Book early for the Mahler.`, `Go, and take a cushion.`, `Do not expect miracles.`); never
/// in a question (`Take the bus?` asks). Reported speech is the caller's to leave out. From
/// cue rules 19 (`rules`) the verbs of [`IMPERATIVE_VERBS_19`] count too.
pub(crate) fn imperative_at<T: TokenSeq + ?Sized>(tokens: &T, rules: u8) -> Option<usize> {
    let n = tokens.count();
    let (first, v) = imperative_place(tokens, rules, |v| {
        word(tokens, v).is_some_and(|w| in_sorted(IMPERATIVE_OPENERS, w))
    })?;
    // The sentence is searched for `?` only when it opens with a listed verb (most do not).
    let verb = word(tokens, v)?;
    let more = super::cues::reads_revision_19(rules) && in_sorted(IMPERATIVE_VERBS_19, verb);
    if !(in_sorted(IMPERATIVE_VERBS, verb) || more) || (0..n).any(|k| tokens.text(k) == "?") {
        return None;
    }
    let listed = |list: &[&str]| list.iter().any(|w| verb.eq_ignore_ascii_case(w));
    let next = v + 1;
    let ends = next >= n
        || tokens.gap(next) != 0
        || !tokens
            .text(next)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    if more {
        // Revision 19's verbs: an object that is someone else's, at once or after a
        // preposition (`Write to your councillor`), not the newsroom's own contact line (`Write
        // to us at …`, `Write to Money Matters, …`).
        let object = |k: usize| is_any(tokens, Some(k), OBJECTS_19);
        // `bother` only after a negative (`Don't bother with …`; `Bother at the depot …` is
        // the noun).
        let negated = v > first && is_any(tokens, Some(v - 1), &["don't", "dont", "never", "not"]);
        if verb.eq_ignore_ascii_case("bother") && !negated {
            return None;
        }
        let fits = ends
            || object(next)
            || listed(MOTION_VERBS_19)
                && is_any(tokens, Some(next), IMPERATIVE_PREPOSITIONS)
                && object(next + 1);
        return fits.then_some(v);
    }
    let fits = ends
        || listed(VERBS_ONLY)
        || is_any(tokens, Some(next), IMPERATIVE_NEXT)
        || listed(MOTION_VERBS) && is_any(tokens, Some(next), IMPERATIVE_PREPOSITIONS);
    fits.then_some(v)
}

/// Where [`imperative_at`] looks for the verb: `(first, v)`, the sentence's first word (from
/// cue rules 22 the first after a fronted clause of time or condition set off by a comma:
/// `Until that changes, expect …`, `If you can, book early.`) and the place after at most two
/// of its openers (`is_opener(k)`: whether token `k` is one of [`IMPERATIVE_OPENERS`]).
fn imperative_place<T: TokenSeq + ?Sized>(
    tokens: &T,
    rules: u8,
    is_opener: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let n = tokens.count();
    let mut first = (0..n).find(|&k| {
        tokens
            .text(k)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    })?;
    if super::cues::reads_revision_22(rules) && is_any(tokens, Some(first), FRONTED_22) {
        first = fronted_clause_end_22(tokens, first)?;
    }
    let mut v = first;
    while v < n && v - first < 2 && is_opener(v) {
        v += 1;
    }
    Some((first, v))
}

/// [`imperative_at`] on the fast path, with what is cached per distinct token: `opener(k)`,
/// whether token `k` is one of [`IMPERATIVE_OPENERS`] (exactly), and `verb(k)`, whether it may
/// be one of the verbs ([`IMPERATIVE_VERBS`], [`IMPERATIVE_VERBS_19`]; see [`word_marks`]).
/// The verb's place is found as [`imperative_at`] finds it (after revision 22's fronted
/// clause too); the lists and the rest are read only where the verb may be one (most
/// sentences open with no listed verb); the answer is [`imperative_at`]'s.
pub(crate) fn imperative_at_marked<T: TokenSeq + ?Sized>(
    tokens: &T,
    rules: u8,
    opener: impl Fn(usize) -> bool,
    verb: impl Fn(usize) -> bool,
) -> Option<usize> {
    // The same openers skipped as `imperative_at` skips them, to the same verb's place.
    let (_, v) = imperative_place(tokens, rules, |v| word(tokens, v).is_some() && opener(v))?;
    word(tokens, v)?;
    if !verb(v) {
        return None;
    }
    imperative_at(tokens, rules)
}

/// Whether the imperative verb at author token `v` ([`imperative_at`]) heads a link or
/// furniture line (cue rules 17): a colon right after it or after one of `more`, `also`,
/// `next` (`Read more: Council votes to …`, `Watch: the moment the bridge fell`, `See also:
/// …`). Such a line points to another page; it recommends nothing.
pub(crate) fn is_link_line<T: TokenSeq + ?Sized>(tokens: &T, v: usize) -> bool {
    let stop = |k: usize| k < tokens.count() && tokens.gap(k) & super::analyzer::GAP_STOP != 0;
    stop(v + 1) || (is_any(tokens, Some(v + 1), &["more", "also", "next"]) && stop(v + 2))
}

/// Number words of a rating (`Four stars`, `three stars out of five`).
const RATING_NUMBERS: &[&str] = &[
    "eight", "five", "four", "nine", "no", "one", "seven", "six", "ten", "three", "two", "zero",
];

/// Words of a rating line's label (`Rating: 3/5`, `Our verdict: 4 out of 5`).
const RATING_LABELS: &[&str] = &["overall", "rated", "rating", "score", "stars", "verdict"];

/// Whether the words `w` are one number of a rating: digits (`4`, `4.5`), a number word, or
/// either with `and a half`; the count of words read, if so.
fn rating_number(w: &[&str]) -> Option<usize> {
    let first = *w.first()?;
    let number = first.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && first.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || in_sorted(RATING_NUMBERS, first);
    if !number {
        return None;
    }
    if w.len() >= 4 && w[1] == "and" && w[2] == "a" && w[3] == "half" {
        Some(4)
    } else {
        Some(1)
    }
}

/// Whether the sentence `raw` (as written) is a rating line in the author's voice (cue rules
/// 17): after an optional label of at most four words and a colon or dash (`Rating:`,
/// `Verdict –`), nothing but a number of stars (`Four stars`, `three and a half stars out of
/// five`), star signs (`★★★☆☆`), or a score out of five or ten (`3/5`, `8 out of 10`; with a
/// label word of [`RATING_LABELS`] when there is a label). A rating is the author's
/// evaluation; a sentence that reports one has more words (`The hotel has five stars`).
pub(crate) fn is_rating(raw: &str) -> bool {
    let is_star = |c: char| {
        matches!(
            c,
            '\u{2605}' | '\u{2606}' | '\u{2729}' | '\u{272D}' | '\u{2B50}'
        )
    };
    // A rating line is short and ends in its scale or stars: other sentences are turned away
    // by their length or their last word, read from the end (most sentences, at little cost).
    if raw.len() > 120 {
        return false;
    }
    let s = raw.trim().trim_end_matches(['.', '!']).trim_end();
    let last = s
        .rsplit(|c: char| c.is_whitespace() || c == '/' || c == ':')
        .next()
        .unwrap_or("");
    let ends = ["star", "stars", "5", "five", "10", "ten"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        || last
            .chars()
            .next_back()
            .is_some_and(|c| is_star(c) || c == '\u{00BD}');
    if !ends {
        return false;
    }
    let cut = s
        .rfind(':')
        .map(|p| (p, 1))
        .or_else(|| s.rfind(" \u{2013} ").map(|p| (p, 5)))
        .or_else(|| s.rfind(" - ").map(|p| (p, 3)));
    let (label, body) = match cut {
        Some((p, len)) => (Some(&s[..p]), s[p + len..].trim()),
        None => (None, s),
    };
    if label.is_some_and(|l| l.split_whitespace().count() > 4 || l.trim().is_empty()) {
        return false;
    }
    if body.chars().any(is_star)
        && body
            .chars()
            .all(|c| is_star(c) || c == '\u{00BD}' || c.is_whitespace())
    {
        return true;
    }
    let lower = body.to_lowercase();
    let spaced = lower.replace('/', " / ");
    let w: Vec<&str> = spaced.split_whitespace().collect();
    if w.is_empty() || w.len() > 8 {
        return false;
    }
    let Some(k) = rating_number(&w) else {
        return false;
    };
    let rest = &w[k..];
    // The scale after the first number: `out of five`, `/5`, `from ten`.
    let scale = |r: &[&str]| -> bool {
        let r = match r {
            ["out", "of", r @ ..] | ["/", r @ ..] | ["from", r @ ..] => r,
            _ => return false,
        };
        matches!(r, ["5" | "five" | "10" | "ten"])
    };
    match rest {
        ["star" | "stars", r @ ..] => r.is_empty() || scale(r),
        r => {
            scale(r)
                && label.is_none_or(|l| {
                    l.split_whitespace()
                        .any(|x| in_sorted(RATING_LABELS, &x.to_lowercase()))
                })
        }
    }
}

/// `would say that` / `would say so` with nothing after it in its clause (cue rules 13): the
/// author's sceptical aside on a source (`He would say that.`, `Well, she would say so,
/// wouldn't she?`), no report; with a clause after it (`Critics would say that the plan
/// fails`) it stays one. The index of `say`.
pub(crate) fn would_say_aside<T: TokenSeq + ?Sized>(tokens: &T) -> Option<usize> {
    let n = tokens.count();
    (1..n.saturating_sub(1)).find(|&v| {
        is_any(tokens, Some(v), &["say"])
            && tokens.gap(v) == 0
            && word(tokens, v - 1).is_some_and(|p| {
                p.eq_ignore_ascii_case("would")
                    || p.len() > 2 && (p.ends_with("'d") || p.ends_with("\u{2019}d"))
            })
            && is_any(tokens, Some(v + 1), &["that", "so"])
            && (v + 2 >= n
                || tokens.gap(v + 2) != 0
                || !tokens
                    .text(v + 2)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                || is_any(tokens, Some(v + 2), &["wouldn't", "wouldn\u{2019}t"]))
    })
}

/// Verbs of a timetable after `will`: what is announced, scheduled or decided, not foreseen
/// (`The library will reopen on Monday`, `The inquiry will publish its report in June`).
const SCHEDULE_VERBS: &[&str] = &[
    "open",
    "reopen",
    "close",
    "shut",
    "meet",
    "begin",
    "start",
    "resume",
    "end",
    "finish",
    "run",
    "hold",
    "host",
    "publish",
    "announce",
    "launch",
    "visit",
    "travel",
    "attend",
    "sit",
    "hear",
    "debate",
    "consider",
    "review",
    "report",
    "decide",
    "appear",
    "stand",
    "retire",
    "step",
    "leave",
    "join",
    "replace",
    "apply",
    "move",
    "return",
    "receive",
    "pay",
    "operate",
    "serve",
    "stop",
    "kick",
    "lead",
    "chair",
    "vote",
    "sign",
    "release",
    "unveil",
    "present",
    "deliver",
    "introduce",
    "tour",
    "perform",
    "play",
    "broadcast",
    "air",
    "stream",
    "cost",
    "last",
    "continue",
    "remain",
    "give",
    "take",
    "come",
];

/// Participles after `will be` in a timetable (`Fuel duty will be frozen until April`, `The
/// match will be played behind closed doors`).
const SCHEDULE_PARTICIPLES: &[&str] = &[
    "held",
    "played",
    "closed",
    "opened",
    "reopened",
    "published",
    "given",
    "spread",
    "introduced",
    "replaced",
    "built",
    "paid",
    "named",
    "announced",
    "launched",
    "shown",
    "broadcast",
    "streamed",
    "staged",
    "hosted",
    "funded",
    "run",
    "led",
    "chaired",
    "sentenced",
    "buried",
    "phased",
    "rolled",
    "extended",
    "reduced",
    "cut",
    "raised",
    "frozen",
    "scrapped",
    "delivered",
    "sent",
    "offered",
    "available",
    "open",
    "shut",
    "increased",
    "capped",
    "charged",
    "allowed",
    "required",
    "asked",
    "invited",
    "heard",
    "tried",
    "released",
    "unveiled",
    "presented",
    "screened",
    "renamed",
    "demolished",
    "moved",
    "transferred",
    "split",
    "merged",
    "lifted",
    "suspended",
    "postponed",
    "delayed",
    "cancelled",
    "canceled",
    "televised",
    "collected",
    "issued",
];

/// Adverbs skipped after `will` (`will also open`, `will not reopen until`).
const WILL_ADVERBS: &[&str] = &[
    "not",
    "also",
    "then",
    "now",
    "only",
    "again",
    "first",
    "initially",
    "still",
    "each",
];

/// The first token from `j` on that is not one of up to two [`WILL_ADVERBS`].
fn past_adverbs<T: TokenSeq + ?Sized>(tokens: &T, j: usize) -> usize {
    (j..j + 2)
        .find(|&k| !is_any(tokens, Some(k), WILL_ADVERBS))
        .unwrap_or(j + 2)
}

/// Whether the `will` at author token `i` (`key` lower-cased) states a timetable rather than a
/// prediction (cue rules 9): a verb of announcement, schedule or decision after it
/// (`will reopen`, `will publish`, `will take place`, `will come into force`), or `will be` with
/// such a participle (`will be frozen`, `will be held`). Verbs of outcome (`will fail`, `will
/// win`, `will collapse`) and of reception (`will be seen as`, `will be remembered`) stay
/// predictions.
pub(crate) fn is_scheduled<T: TokenSeq + ?Sized>(tokens: &T, i: usize, key: &str) -> bool {
    if key != "will" {
        return false;
    }
    let j = past_adverbs(tokens, i + 1);
    let Some(verb) = word(tokens, j) else {
        return false;
    };
    let lower = verb.to_ascii_lowercase();
    match lower.as_str() {
        "be" => is_any(
            tokens,
            Some(past_adverbs(tokens, j + 1)),
            SCHEDULE_PARTICIPLES,
        ),
        "take" => is_any(tokens, Some(j + 1), &["place", "effect", "over", "part"]),
        "come" => is_any(tokens, Some(j + 1), &["into", "in"]),
        "give" => is_any(tokens, Some(j + 1), &["evidence", "way"]),
        v => SCHEDULE_VERBS.contains(&v),
    }
}

/// Words that may stand before an aside at the start of a clause (`But once again, …`).
const ASIDE_OPENERS: &[&str] = &["but", "and", "yet", "so", "now", "still"];

/// Whether the author-stance frame (cue rules 11, `lexicons/stance_frames.txt`) matched at
/// author token `i` (`key` lower-cased) is the author's comment rather than a literal use of
/// its words. The frames that start with `once`, `yet`, `then`, `as` or `to` (`once again`,
/// `yet again`, `then again`, `as usual`, `as ever`, `to be fair`, `to be sure`, `to say the
/// least`, …) count only as an aside: at the start of the sentence or after clause punctuation,
/// or after a conjunction that stands there (`Once again, the council …`, `…, as usual, …`,
/// `But then again, …`). In the middle of a clause they report a repeat or a requirement
/// (`The river burst its banks once again on Tuesday.`, `Schools will open as usual.`, `and
/// then again in May`, `The trial must be seen to be fair.`). The other frames always count.
pub(crate) fn is_authors_frame<T: TokenSeq + ?Sized>(tokens: &T, i: usize, key: &str) -> bool {
    if !matches!(key, "once" | "yet" | "then" | "as" | "to") {
        return true;
    }
    let opens = |k: usize| k == 0 || tokens.gap(k) != 0;
    opens(i) || (opens(i - 1) && is_any(tokens, Some(i - 1), ASIDE_OPENERS))
}

/// Verbs of the newsroom's own reporting after `we` (cue rules 15, sorted): `We asked the
/// council`, `We looked at the figures`, `economists we spoke to`.
const NEWSROOM_VERBS: &[&str] = &[
    "analysed",
    "analyzed",
    "approached",
    "asked",
    "calculated",
    "checked",
    "compared",
    "contacted",
    "counted",
    "emailed",
    "examined",
    "interviewed",
    "looked",
    "obtained",
    "phoned",
    "requested",
    "reviewed",
    "spoke",
    "surveyed",
    "talked",
    "visited",
    "wrote",
];

/// Words that may stand between `we` and its verb (`We also asked`, `we have contacted`).
const NEWSROOM_BETWEEN: &[&str] = &["also", "then", "have", "had", "first", "again"];

/// Nouns of the newsroom's own work after `our` (cue rules 15, sorted): `Our analysis of the
/// data`, `our live coverage`, `By our court reporter`.
const NEWSROOM_NOUNS: &[&str] = &[
    "analysis",
    "correspondent",
    "correspondents",
    "coverage",
    "editor",
    "editors",
    "enquiries",
    "inquiries",
    "investigation",
    "journalist",
    "journalists",
    "newsroom",
    "reporter",
    "reporters",
    "reporting",
    "request",
    "requests",
    "visit",
    "visits",
];

/// More verbs of the newsroom's own work after `we` (cue rules 17, sorted): its own tests and
/// purchases (`the 20 chargers we bought`, `We tested each kettle`, `we timed the trains`),
/// and what it learned (`Five things we learned from the match`).
const NEWSROOM_VERBS_17: &[&str] = &[
    "bought",
    "commissioned",
    "filmed",
    "learned",
    "learnt",
    "measured",
    "monitored",
    "photographed",
    "purchased",
    "sampled",
    "sent",
    "submitted",
    "tested",
    "timed",
    "tracked",
    "weighed",
];

/// More nouns of the newsroom's own work and staff after `our` (cue rules 17, sorted): `our
/// safety tests`, `our survey of readers`, `Our findings`, `our football writer`, `our
/// theatre critic`.
const NEWSROOM_NOUNS_17: &[&str] = &[
    "columnist",
    "columnists",
    "critic",
    "findings",
    "lab",
    "laboratory",
    "poll",
    "research",
    "researchers",
    "sample",
    "samples",
    "survey",
    "surveys",
    "test",
    "testers",
    "testing",
    "tests",
    "writer",
    "writers",
];

/// What a live page or a broadcast will be doing after `we will be` (cue rules 17): `we will
/// be following the meeting`, `we will be back at 6am`.
const BROADCAST_DOING: &[&str] = &[
    "back",
    "bringing",
    "covering",
    "following",
    "live",
    "reporting",
    "updating",
];

/// Verbs of a life's work after a letter or guest writer's `I` (`have`/`had`) (cue rules 17):
/// `I have driven a bus …`, `I worked at the mill …`, `I have been a nurse …`.
const BIOGRAPHY_VERBS: &[&str] = &[
    "been",
    "coached",
    "driven",
    "farmed",
    "lived",
    "managed",
    "nursed",
    "owned",
    "played",
    "practised",
    "ran",
    "represented",
    "run",
    "served",
    "taught",
    "trained",
    "volunteered",
    "was",
    "worked",
];

/// Number words of a duration (`for twenty years`, `for many years`); digits are `<num>`.
const DURATION_NUMBERS: &[&str] = &[
    "<num>",
    "eight",
    "eighteen",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "many",
    "nine",
    "nineteen",
    "seven",
    "seventeen",
    "several",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "three",
    "twelve",
    "twenty",
    "two",
];

/// Whether author token `v` (a verb of [`BIOGRAPHY_VERBS`]) is followed later in its clause
/// by a duration: `for` and a number of years, months or decades (`for 22 years`, `for
/// twenty years`), or `since` and a year.
fn with_duration<T: TokenSeq + ?Sized>(tokens: &T, v: usize) -> bool {
    let n = tokens.count();
    let mut k = v + 1;
    while k + 1 < n && tokens.gap(k) & super::analyzer::GAP_STOP == 0 {
        if is_any(tokens, Some(k), &["since"]) && word(tokens, k + 1) == Some("<year>") {
            return true;
        }
        if is_any(tokens, Some(k), &["for"])
            && word(tokens, k + 1).is_some_and(|w| in_sorted(DURATION_NUMBERS, w))
            && is_any(
                tokens,
                Some(k + 2),
                &["years", "months", "decades", "year", "weeks"],
            )
        {
            return true;
        }
        k += 1;
    }
    false
}

/// Whether `we` at token `i` comes before a verb of `verbs` (sorted), after at most one of
/// [`NEWSROOM_BETWEEN`] (`we have contacted`).
fn we_before<T: TokenSeq + ?Sized>(tokens: &T, i: usize, verbs: &[&str]) -> bool {
    let j = if is_any(tokens, Some(i + 1), NEWSROOM_BETWEEN) {
        i + 2
    } else {
        i + 1
    };
    word(tokens, j).is_some_and(|w| in_sorted(verbs, w))
}

/// Cue rules 17's further first-person words of plain reporting or record (read as
/// [`is_newsrooms`] reads revision 15's): `we` before a verb of [`NEWSROOM_VERBS_17`] (`we
/// bought`, `We tested`) or before `will be` and one of [`BROADCAST_DOING`] (`we will be
/// following the meeting`); `our` before a noun of [`NEWSROOM_NOUNS_17`] (`our safety tests`);
/// `us` in `all from us` (`That's all from us tonight`); a letter or guest writer's `I`
/// (`I've`) before a verb of [`BIOGRAPHY_VERBS`] (after `have`/`had`) with a duration later in
/// its clause (`I have driven a bus for the council for 22 years`, `I worked there since
/// 1998`): the writer's record, `fact` by the labelling conventions, no view.
fn is_newsrooms_17<T: TokenSeq + ?Sized>(tokens: &T, i: usize, key: &str) -> bool {
    match key {
        "we" => {
            we_before(tokens, i, NEWSROOM_VERBS_17)
                || (is_any(tokens, Some(i + 1), &["will"])
                    && is_any(tokens, Some(i + 2), &["be"])
                    && is_any(tokens, Some(i + 3), BROADCAST_DOING))
        }
        "our" => {
            let noun = |k: usize| word(tokens, k).is_some_and(|w| in_sorted(NEWSROOM_NOUNS_17, w));
            noun(i + 1) || (word(tokens, i + 1).is_some() && noun(i + 2))
        }
        "us" => {
            i >= 2
                && is_any(tokens, Some(i - 1), &["from"])
                && is_any(tokens, Some(i - 2), &["all"])
        }
        "i" | "i've" => {
            let mut v = i + 1;
            if key == "i" && is_any(tokens, Some(v), &["have", "had"]) {
                v += 1;
            }
            word(tokens, v).is_some_and(|w| in_sorted(BIOGRAPHY_VERBS, w))
                && with_duration(tokens, v)
        }
        _ => false,
    }
}

/// Nouns of the newsroom's staff after `our` that cue rules 18 read as the newsroom's
/// (`our librarian`, `our photographer`, `our archivist`), in increasing order.
const NEWSROOM_NOUNS_18: &[&str] = &[
    "archivist",
    "archivists",
    "cartoonist",
    "librarian",
    "librarians",
    "photographer",
    "photographers",
    "sketchwriter",
];

/// Verbs of a writer's putting a question to someone, after `I` (`I asked Dr …`), in
/// increasing order.
const ASKING_VERBS_18: &[&str] = &["asked", "consulted", "contacted", "interviewed", "put"];

/// Titles that open a named expert's name (`Dr`, `Professor`), in increasing order.
const EXPERT_TITLES_18: &[&str] = &["doctor", "dr", "prof", "professor"];

/// Cue rules 18's further first-person words of plain reporting: `our` before a noun of
/// [`NEWSROOM_NOUNS_18`], with at most one word between (`our librarian`, `our chief
/// photographer`); a writer's `I` before a verb of [`ASKING_VERBS_18`] and a title of
/// [`EXPERT_TITLES_18`] (`I asked Dr Osei what …`, `I consulted Professor Lund`; `I put
/// this to Dr …`, with `this`/`that`/`it`/`the question` and `to` between): the writer
/// reports a question put to an expert, no view. `I asked my friends` stays first person.
fn is_newsrooms_18<T: TokenSeq + ?Sized>(tokens: &T, i: usize, key: &str) -> bool {
    match key {
        "our" => {
            let noun = |k: usize| word(tokens, k).is_some_and(|w| in_sorted(NEWSROOM_NOUNS_18, w));
            noun(i + 1) || (word(tokens, i + 1).is_some() && noun(i + 2))
        }
        "i" => {
            let Some(v) = word(tokens, i + 1) else {
                return false;
            };
            if !in_sorted(ASKING_VERBS_18, v) {
                return false;
            }
            let mut k = i + 2;
            if v == "put" {
                if is_any(tokens, Some(k), &["the"]) && is_any(tokens, Some(k + 1), &["question"]) {
                    k += 1;
                }
                if !is_any(tokens, Some(k), &["this", "that", "it", "question", "them"]) {
                    return false;
                }
                k += 1;
                if !is_any(tokens, Some(k), &["to"]) {
                    return false;
                }
                k += 1;
            }
            word(tokens, k).is_some_and(|w| in_sorted(EXPERT_TITLES_18, w))
        }
        _ => false,
    }
}

/// Labels of the author's verdict on a product or a pick (cue rules 18), read before a colon
/// at the start of a line: `Best buy: …`, `Worst buy: …`, `Avoid: …`, lower-cased, in
/// increasing order.
const VERDICT_LABELS_18: &[&str] = &[
    "avoid",
    "best buy",
    "best value",
    "budget buy",
    "don't buy",
    "editor's choice",
    "top pick",
    "worst buy",
];

/// Adverbs of the author's verdict on what a source said (cue rules 20), read on a reporting
/// verb: `X claimed, wrongly, that …`, `X rightly concluded …`. Manner adverbs (`drily`,
/// `quietly`) describe how the source spoke, and adverbs of measure (`accurately`) are often
/// plain reporting: neither is here. Lower case, in increasing order.
const VERDICT_ADVERBS_20: &[&str] = &[
    "absurdly",
    "belatedly",
    "conveniently",
    "correctly",
    "disingenuously",
    "erroneously",
    "falsely",
    "implausibly",
    "justly",
    "laughably",
    "misleadingly",
    "mistakenly",
    "optimistically",
    "rightly",
    "sensibly",
    "unconvincingly",
    "wisely",
    "wrongly",
];

/// The author's verdict words in a clause after a report (cue rules 20): `…, and they are
/// right.`, `…, which is nonsense.` Lower case, in increasing order.
const VERDICT_WORDS_20: &[&str] = &[
    "correct", "false", "mistaken", "nonsense", "right", "rubbish", "true", "untrue", "wrong",
];

/// Personal subjects of an endorsement or rebuttal clause after a report (cue rules 20): `…,
/// and she was right to say so.` Lower case, in increasing order.
const VERDICT_PEOPLE_20: &[&str] = &["he", "she", "they"];

/// Subjects that stand for the report itself (`…, and that is nonsense.`): the verdict word
/// must then close the sentence. Lower case, in increasing order.
const VERDICT_THINGS_20: &[&str] = &["it", "that", "this"];

/// Degree words allowed between the verb and the verdict word (`…, which is simply untrue.`).
/// Lower case, in increasing order.
const VERDICT_DEGREE_20: &[&str] = &["absolutely", "entirely", "plainly", "quite", "simply"];

/// The author's verdict on a source inside a reported sentence (cue rules 20), as the index
/// of its word. Two forms, read on the author's tokens only:
/// - an adverb of [`VERDICT_ADVERBS_20`] on a verb that may open a reported-speech scope
///   (`opens`): just before it (`X rightly concluded …`, `As X correctly noted, …`), or just
///   after it, set off by clause punctuation or before `that` (`X claimed, wrongly, that …`,
///   `X insisted (implausibly) that …`). Not after a form of `be` (`was wrongly accused`: a
///   passive, the newsroom's report of a finding);
/// - an endorsement or rebuttal closing a sentence, after its last comma, with such a verb
///   before that comma: `…, and rightly so.`, `…, which is nonsense.`, `…, and she was right
///   to say so.`, `…, and the critics are wrong.`, `…, and that is not true.`, `…, and with
///   good reason.`, `…, and they have a point.`
///
/// The words are the author's judgement of the report, whatever the scope says.
///
/// From cue rules 22 (`rules`), [`verdict_word_22`] reads more adverbs and phrases, and more
/// places on the verb, in the first form.
pub(crate) fn verdict_on_report<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: impl Fn(usize) -> bool,
    rules: u8,
) -> Option<usize> {
    // An adverb on the reporting verb.
    for k in 0..tokens.count() {
        if verdict_word_at(tokens, &opens, k, rules) {
            return Some(k);
        }
    }
    verdict_closing(tokens, &opens, closing_clause(tokens)?)
}

/// Whether the author's token `k` is the first form of [`verdict_on_report`]: an adverb of
/// [`VERDICT_ADVERBS_20`] on a reporting verb as revision 20 reads it, or, from cue rules 22,
/// the word or phrase [`verdict_word_22`] reads there. Not inlined: the fast path's search
/// for flagged tokens stays a tight loop (few tokens are flagged).
#[inline(never)]
fn verdict_word_at<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: &impl Fn(usize) -> bool,
    k: usize,
    rules: u8,
) -> bool {
    let Some(t) = word(tokens, k) else {
        return false;
    };
    // The place first (a few flag tests), the word's list only on a reporting verb: most
    // flagged tokens are revision 22's phrase starts (`in`, `with`, `not`) away from one.
    if verdict_adverb_at(tokens, opens, k) && is_verdict_adverb_20(t) {
        return true;
    }
    super::cues::reads_revision_22(rules) && verdict_word_22(tokens, opens, k)
}

/// Adverbs of the author's verdict on what a source said added by cue rules 22 (`X warned,
/// presciently, that …`), read as [`VERDICT_ADVERBS_20`] are. As there, manner adverbs and
/// adverbs of measure are not here. Written for factop. Lower case, in increasing order.
const VERDICT_ADVERBS_22: &[&str] = &[
    "astutely",
    "baselessly",
    "brazenly",
    "cynically",
    "dishonestly",
    "fancifully",
    "groundlessly",
    "hypocritically",
    "inaccurately",
    "incorrectly",
    "ludicrously",
    "perceptively",
    "preposterously",
    "presciently",
    "prophetically",
    "risibly",
    "shamelessly",
    "shrewdly",
    "speciously",
    "understandably",
    "unfairly",
    "unjustly",
];

/// Phrases of the author's verdict on what a source said (cue rules 22), read where
/// [`VERDICT_ADVERBS_22`] are: `X replied, with a straight face, that …`, `X insisted, against
/// all the evidence, that …`, `X pointed out, fairly enough, that …`. Written for factop. Lower
/// case, in increasing order; the first words are [`VERDICT_PHRASE_STARTS_22`].
const VERDICT_PHRASES_22: &[&str] = &[
    "against all evidence",
    "against all the evidence",
    "against the evidence",
    "fairly enough",
    "in defiance of the evidence",
    "in the teeth of the evidence",
    "naturally enough",
    "not unreasonably",
    "quite correctly",
    "quite rightly",
    "quite wrongly",
    "reasonably enough",
    "understandably enough",
    "with a perfectly straight face",
    "with a straight face",
    "with complete justification",
    "with every justification",
    "with good reason",
    "with justification",
    "with some justification",
    "without a shred of evidence",
    "without a trace of irony",
    "without apparent irony",
    "without irony",
];

/// The most words a phrase of [`VERDICT_PHRASES_22`] has.
const VERDICT_MAX_WORDS_22: usize = 6;

/// The first words of [`VERDICT_PHRASES_22`]. Lower case, in increasing order.
const VERDICT_PHRASE_STARTS_22: &[&str] = &[
    "against",
    "fairly",
    "in",
    "naturally",
    "not",
    "quite",
    "reasonably",
    "understandably",
    "with",
    "without",
];

/// The number of words of the verdict word or phrase of cue rules 22 at the author's token
/// `k` (a word of [`VERDICT_ADVERBS_20`] or [`VERDICT_ADVERBS_22`], or a phrase of
/// [`VERDICT_PHRASES_22`]), if there is one.
fn verdict_len_22<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> Option<usize> {
    let t = word(tokens, k)?;
    if is_verdict_adverb_20(t) || in_sorted(VERDICT_ADVERBS_22, t) {
        return Some(1);
    }
    if !in_sorted(VERDICT_PHRASE_STARTS_22, t) {
        return None;
    }
    // Only the phrases that start with `t` are split into words (`in`, `with` and `not` are
    // common words: splitting every phrase at each of them cost ~10% of the default model's
    // scoring).
    let opens_with_t = |p: &&&str| {
        let p = p.as_bytes();
        p.len() > t.len() && p[t.len()] == b' ' && p[..t.len()].eq_ignore_ascii_case(t.as_bytes())
    };
    VERDICT_PHRASES_22
        .iter()
        .filter(opens_with_t)
        .filter(|p| {
            p.split(' ').enumerate().all(|(j, w)| {
                word(tokens, k + j).is_some_and(|x| x.eq_ignore_ascii_case(w))
                    && (j == 0 || tokens.gap(k + j) & super::analyzer::GAP_COMMA == 0)
            })
        })
        .map(|p| p.split(' ').count())
        .max()
}

/// Whether the author's token `k` opens a verdict of cue rules 22 on a reporting verb (one
/// that may open a reported-speech scope, `opens`): a word or phrase of [`verdict_len_22`]
/// - just before the verb, not after a form of `be` (`X quite rightly concluded …`, `X, with a
///   straight face, insisted …`), as revision 20 reads its adverbs;
/// - just after the verb before `that` (`X insisted presciently that …`);
/// - or set off by commas (or a comma and `that`) after the verb and at most three words of
///   its object, with no clause punctuation between (`X told the hearing, with complete
///   justification, that …`, `X pointed out, fairly enough, that …`).
fn verdict_word_22<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: &impl Fn(usize) -> bool,
    k: usize,
) -> bool {
    use super::analyzer::{GAP_COMMA, GAP_STOP};
    let n = tokens.count();
    let is = |k: usize, w: &str| word(tokens, k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    let verb = |k: usize| word(tokens, k).is_some() && opens(k);
    let comma = |k: usize| k < n && tokens.gap(k) & GAP_COMMA != 0;
    // Every form below needs a comma before `k`, a verb just before it, or a verb just after
    // the word or phrase (at most VERDICT_MAX_WORDS_22 words): look the phrase up only then.
    if !(comma(k) || k > 0 && verb(k - 1) || (k + 1..=k + VERDICT_MAX_WORDS_22).any(verb)) {
        return false;
    }
    let Some(len) = verdict_len_22(tokens, k) else {
        return false;
    };
    let e = k + len;
    if verb(e) && !is_any(tokens, k.checked_sub(1), &VERDICT_BE_20) {
        return true;
    }
    if k > 0 && verb(k - 1) && is(e, "that") {
        return true;
    }
    if !(comma(k) && (e == n || comma(e) || is(e, "that"))) {
        return false;
    }
    // The verb, then at most three words without clause punctuation, then the comma.
    for j in (k.saturating_sub(4)..k).rev() {
        if j + 1 < k && tokens.gap(j + 1) & (GAP_COMMA | GAP_STOP) != 0 {
            return false;
        }
        if verb(j) {
            return true;
        }
    }
    false
}

/// [`verdict_on_report`] on the fast path, with the same result: `adverbs` are the tokens
/// whose text may be a verdict word (one of [`VERDICT_ADVERBS_20`], or from cue rules 22 the
/// start of a verdict phrase: a flag cached per distinct token), in increasing order, so only
/// those tokens are read for the first form; and the closing clause is read only when the
/// word after the last comma is the author's `and` or `which`, which every closing form
/// starts with (most sentences have neither, and cost a scan of the flags and of the gaps).
pub(crate) fn verdict_on_report_cached<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: impl Fn(usize) -> bool,
    adverbs: impl Iterator<Item = usize>,
    rules: u8,
) -> Option<usize> {
    for k in adverbs {
        if verdict_word_at(tokens, &opens, k, rules) {
            return Some(k);
        }
    }
    let c = closing_clause(tokens)?;
    if !is_any(tokens, Some(c), &["and", "which"]) {
        return None;
    }
    verdict_closing(tokens, &opens, c)
}

/// Where the clause that may close the sentence starts: the token after its last comma, or
/// after its last colon or semicolon (which [`verdict_closing`] refuses).
fn closing_clause<T: TokenSeq + ?Sized>(tokens: &T) -> Option<usize> {
    use super::analyzer::{GAP_COMMA, GAP_STOP};
    (1..tokens.count())
        .rev()
        .find(|&k| tokens.gap(k) & (GAP_COMMA | GAP_STOP) != 0)
}

/// The forms of `be` that make a passive of the verb after them (`was wrongly accused`).
const VERDICT_BE_20: [&str; 7] = ["is", "are", "was", "were", "be", "been", "being"];

/// Whether the author's token `k`, an adverb of [`VERDICT_ADVERBS_20`], is on a verb that
/// may open a reported-speech scope, as [`verdict_on_report`]'s first form reads it.
fn verdict_adverb_at<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: &impl Fn(usize) -> bool,
    k: usize,
) -> bool {
    use super::analyzer::GAP_COMMA;
    let n = tokens.count();
    let is = |k: usize, w: &str| word(tokens, k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    let verb = |k: usize| word(tokens, k).is_some() && opens(k);
    let comma = |k: usize| k < n && tokens.gap(k) & GAP_COMMA != 0;
    let before = verb(k + 1) && !is_any(tokens, k.checked_sub(1), &VERDICT_BE_20);
    let after =
        k > 0 && verb(k - 1) && (comma(k) && (k + 1 == n || comma(k + 1)) || is(k + 1, "that"));
    before || after
}

/// [`verdict_on_report`]'s second form: the verdict in a clause closing the sentence, which
/// starts at token `c` ([`closing_clause`]).
fn verdict_closing<T: TokenSeq + ?Sized>(
    tokens: &T,
    opens: &impl Fn(usize) -> bool,
    c: usize,
) -> Option<usize> {
    use super::analyzer::GAP_STOP;
    let n = tokens.count();
    let is = |k: usize, w: &str| word(tokens, k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    let in_list = |k: usize, list: &[&str]| word(tokens, k).is_some_and(|t| in_sorted(list, t));
    let verb = |k: usize| word(tokens, k).is_some() && opens(k);
    let be = VERDICT_BE_20;
    // A clause closing the sentence, after its last comma (no colon or semicolon after it).
    if tokens.gap(c) & GAP_STOP != 0
        || !(0..c).any(verb)
        || !(c..n).all(|k| word(tokens, k).is_some())
    {
        return None;
    }
    if n == c + 3 && is(c, "and") && is(c + 1, "rightly") && is(c + 2, "so") {
        return Some(c + 1);
    }
    // `…, and with good reason.`, `…, and for good reason.`
    if n == c + 4
        && is(c, "and")
        && (is(c + 1, "with") || is(c + 1, "for"))
        && is(c + 2, "good")
        && is(c + 3, "reason")
    {
        return Some(c + 2);
    }
    // `…, and they have a point.`
    if n == c + 5
        && is(c, "and")
        && in_list(c + 1, VERDICT_PEOPLE_20)
        && ["has", "have", "had"].iter().any(|w| is(c + 2, w))
        && is(c + 3, "a")
        && is(c + 4, "point")
    {
        return Some(c + 4);
    }
    // The subject, then whether the verdict word must close the sentence.
    let (mut k, closes) = if is(c, "which") {
        (c + 1, true)
    } else if is(c, "and") && in_list(c + 1, VERDICT_PEOPLE_20) {
        (c + 2, false)
    } else if is(c, "and") && in_list(c + 1, VERDICT_THINGS_20) {
        (c + 2, true)
    } else if is(c, "and") && is(c + 1, "the") && c + 2 < n {
        // `the critics`, `the tribunal`: one word after `the`.
        (c + 3, false)
    } else {
        return None;
    };
    if !be[..4].iter().any(|w| is(k, w)) {
        return None;
    }
    k += 1;
    // `not`, a degree word, or both (`simply not`, `not entirely`).
    for _ in 0..2 {
        if is(k, "not") || in_list(k, VERDICT_DEGREE_20) {
            k += 1;
        }
    }
    let to = !closes && is(k + 1, "to") && k + 2 < n;
    (in_list(k, VERDICT_WORDS_20) && (k + 1 == n || to)).then_some(k)
}

/// Loaded words (cue rules 21): verbs, nouns and adjectives that a news editor would strike
/// from a report as the writer's judgement, and which the evaluative lexicon does not hold
/// (`splurged`, `junket`, `cronies`, `stonewalling`, `shambolic`). Words with a plain sense
/// common in news (`slashed`, `axed`, `snubbed`, `regime`, `racket`, `stunt`) are not here.
/// Written for factop. Lower case, in increasing order.
const LOADED_WORDS_21: &[&str] = &[
    "bleated",
    "bleating",
    "blundered",
    "blundering",
    "boondoggle",
    "boondoggles",
    "botching",
    "bungled",
    "bungles",
    "cabal",
    "cronies",
    "crony",
    "cronyism",
    "cushy",
    "diktat",
    "dithered",
    "dithering",
    "dithers",
    "duped",
    "exorbitant",
    "eye-watering",
    "fat-cat",
    "fat-cats",
    "fleeced",
    "fleecing",
    "foisted",
    "freebie",
    "freebies",
    "frittered",
    "frittering",
    "gimmick",
    "gimmicks",
    "gimmicky",
    "gloated",
    "gloating",
    "grandstanding",
    "grovelled",
    "grovelling",
    "hoodwinked",
    "jobsworth",
    "jobsworths",
    "junket",
    "junkets",
    "kowtowed",
    "kowtowing",
    "lackey",
    "lackeys",
    "lavished",
    "lavishing",
    "meddled",
    "meddling",
    "mouthpiece",
    "omnishambles",
    "pontificated",
    "pontificating",
    "railroaded",
    "rubber-stamped",
    "rubber-stamping",
    "shambles",
    "shambolic",
    "shoehorned",
    "sky-high",
    "splurge",
    "splurged",
    "splurges",
    "splurging",
    "spouted",
    "spouting",
    "squandering",
    "squanders",
    "steamrollered",
    "stitch-up",
    "stonewalled",
    "stonewalling",
    "stooge",
    "stooges",
    "trousered",
    "trumpeted",
    "whinged",
    "whingeing",
    "whitewash",
];

/// Two-word loaded nouns (cue rules 21), as (first word, second words): `gravy train`, `slush
/// fund`, `white elephant`, `cosy deal`. Read at the first word. Lower case, the first words
/// in increasing order.
const LOADED_PAIRS_21: &[(&str, &[&str])] = &[
    (
        "cosy",
        &[
            "arrangement",
            "arrangements",
            "cartel",
            "club",
            "consensus",
            "deal",
            "deals",
            "relationship",
            "relationships",
        ],
    ),
    ("fat", &["cats"]),
    ("gravy", &["train"]),
    ("long", &["grass"]),
    ("power", &["grab"]),
    ("publicity", &["stunt", "stunts"]),
    ("slush", &["fund", "funds"]),
    ("spin", &["doctor", "doctors"]),
    ("sweetheart", &["deal", "deals"]),
    ("vanity", &["project", "projects"]),
    ("white", &["elephant", "elephants"]),
];

/// Verbs that are loaded when the object is forced `through` (`rammed the charges through`),
/// not when the verb is (`rammed through the gates`). Lower case, in increasing order.
const FORCED_THROUGH_21: &[&str] = &["bulldozed", "bulldozing", "rammed", "ramming"];

/// Whether the author's token `k` is a loaded word of cue rules 21: one of
/// [`LOADED_WORDS_21`]; the first word of a pair of [`LOADED_PAIRS_21`] (`gravy train`); `caved`
/// or `caving` before `in`; `bone` closing `to the bone`; or a verb of [`FORCED_THROUGH_21`]
/// with its object forced `through` (`rammed the charges through in an evening`: at least one
/// word between, and `through` not followed by a determiner, as `rammed the van through the
/// gates` is).
pub(crate) fn is_loaded_21<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    use super::analyzer::{GAP_COMMA, GAP_STOP};
    let Some(t) = word(tokens, k) else {
        return false;
    };
    if in_sorted(LOADED_WORDS_21, t) {
        return true;
    }
    let is = |j: usize, w: &str| word(tokens, j).is_some_and(|x| x.eq_ignore_ascii_case(w));
    if let Some(seconds) = loaded_pair_21(t) {
        return is_any(tokens, Some(k + 1), seconds);
    }
    if is_any(tokens, Some(k), &CAVED_21) && is(k + 1, "in") {
        return true;
    }
    if t.eq_ignore_ascii_case("bone") && k >= 2 && is(k - 1, "the") && is(k - 2, "to") {
        return true;
    }
    if in_sorted(FORCED_THROUGH_21, t) {
        let n = tokens.count();
        let determiners = ["a", "an", "his", "her", "its", "the", "their"];
        for j in k + 2..(k + 8).min(n) {
            if tokens.gap(j) & (GAP_COMMA | GAP_STOP) != 0 {
                return false;
            }
            if is(j, "through") {
                return !is_any(tokens, Some(j + 1), &determiners);
            }
        }
    }
    false
}

/// Whether a token with text `t` may be a loaded word of cue rules 21: [`is_loaded_21`] reads
/// the words around only for these texts (the words of [`LOADED_WORDS_21`] and
/// [`FORCED_THROUGH_21`], the first words of [`LOADED_PAIRS_21`], `caved`, `caving` and
/// `bone`), and is false for every other token. Cached per distinct token on the fast path.
pub(crate) fn may_be_loaded_21(t: &str) -> bool {
    in_sorted(LOADED_WORDS_21, t)
        || loaded_pair_21(t).is_some()
        || CAVED_21.iter().any(|w| t.eq_ignore_ascii_case(w))
        || t.eq_ignore_ascii_case("bone")
        || in_sorted(FORCED_THROUGH_21, t)
}

/// The second words of the pair of [`LOADED_PAIRS_21`] whose first word is `t` (any ASCII
/// case), if there is one.
fn loaded_pair_21(t: &str) -> Option<&'static [&'static str]> {
    LOADED_PAIRS_21
        .binary_search_by(|(w, _)| w.bytes().cmp(t.bytes().map(|b| b.to_ascii_lowercase())))
        .ok()
        .map(|p| LOADED_PAIRS_21[p].1)
}

/// The verbs loaded before `in` (cue rules 21: `caved in`).
const CAVED_21: [&str; 2] = ["caved", "caving"];

/// Whether a token with text `t` is one of [`VERDICT_ADVERBS_20`], ignoring ASCII case (as
/// [`verdict_on_report`] reads them). Cached per distinct token on the fast path.
pub(crate) fn is_verdict_adverb_20(t: &str) -> bool {
    in_sorted(VERDICT_ADVERBS_20, t)
}

/// Whether a token with text `t` may open a verdict of cue rules 22 ([`verdict_word_22`]):
/// a word of [`VERDICT_ADVERBS_22`] or a first word of [`VERDICT_PHRASES_22`], ignoring ASCII
/// case; false for every other token. Cached per distinct token on the fast path.
pub(crate) fn may_open_verdict_22(t: &str) -> bool {
    in_sorted(VERDICT_ADVERBS_22, t) || in_sorted(VERDICT_PHRASE_STARTS_22, t)
}

/// Whether the sentence `raw` (as written) opens with the author's verdict label (cue rules
/// 18): one of [`VERDICT_LABELS_18`] (a curly apostrophe read as straight), then a colon and
/// a name or figure (`Best buy: Kelso Quick 1.7`, `Avoid: the Heritage`); the label is the
/// author's evaluation of what it names. A sentence that reports one has words before it
/// (`The magazine named it a best buy`).
pub(crate) fn is_verdict_label(raw: &str) -> bool {
    let s = raw.trim_start();
    // The longest label (`Editor’s choice`, 17 bytes) and its colon are in the first 20
    // bytes; most sentences have no colon there.
    let head = &s.as_bytes()[..s.len().min(20)];
    let Some(p) = memchr::memchr(b':', head) else {
        return false;
    };
    let label = s[..p].trim().to_lowercase().replace('\u{2019}', "'");
    in_sorted(VERDICT_LABELS_18, &label)
        && s[p + 1..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Whether the first-person word at author token `i` (`key` lower-cased) is the newsroom's in
/// its plain reporting (cue rules 15), not the author's view: `we` before a verb of reporting
/// or investigating ([`NEWSROOM_VERBS`], after at most one of [`NEWSROOM_BETWEEN`]: `We
/// asked the council for comment`, `we have contacted`, `economists we spoke to`); `our`
/// before a noun of the newsroom's work, with at most one word between ([`NEWSROOM_NOUNS`]:
/// `Our analysis of the data`, `our education correspondent`, `our live coverage`, `On our
/// visit`). The author's `we should`, `we must`, `we believe`, `our country`, `let us` stay
/// first person (`told us` is in the reported-speech scope already).
/// From cue rules 17 (`rules`), also [`is_newsrooms_17`]'s words; from 18,
/// [`is_newsrooms_18`]'s.
pub(crate) fn is_newsrooms<T: TokenSeq + ?Sized>(
    tokens: &T,
    i: usize,
    key: &str,
    rules: u8,
) -> bool {
    if rules >= 17 && is_newsrooms_17(tokens, i, key) {
        return true;
    }
    if rules >= 18 && is_newsrooms_18(tokens, i, key) {
        return true;
    }
    let noun = |k: usize| {
        word(tokens, k).is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(&w);
            in_sorted(NEWSROOM_NOUNS, w)
        })
    };
    match key {
        "we" => we_before(tokens, i, NEWSROOM_VERBS),
        "our" => noun(i + 1) || (word(tokens, i + 1).is_some() && noun(i + 2)),
        _ => false,
    }
}

/// [`word_marks`]: the word is one of [`IMPERATIVE_OPENERS`].
pub(crate) const MARK_IMPERATIVE_OPENER: u8 = 1;
/// [`word_marks`]: the word may be an imperative's verb ([`IMPERATIVE_VERBS`] or
/// [`IMPERATIVE_VERBS_19`]).
pub(crate) const MARK_IMPERATIVE_VERB: u8 = 1 << 1;
/// [`word_marks`]: the word may make a first-person word before it the newsroom's
/// ([`is_newsrooms`]): a verb or noun of its lists (a noun also with `'s` / `’s`), or `will`.
pub(crate) const MARK_NEWSROOM_NEXT: u8 = 1 << 2;

/// The words of the lists [`word_marks`] reads (as bytes), with their marks, and the length
/// of the longest.
fn marked_words() -> &'static (rustc_hash::FxHashMap<&'static [u8], u8>, usize) {
    static WORDS: std::sync::OnceLock<(rustc_hash::FxHashMap<&'static [u8], u8>, usize)> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        let lists: [(&[&'static str], u8); 10] = [
            (IMPERATIVE_OPENERS, MARK_IMPERATIVE_OPENER),
            (IMPERATIVE_VERBS, MARK_IMPERATIVE_VERB),
            (IMPERATIVE_VERBS_19, MARK_IMPERATIVE_VERB),
            (NEWSROOM_VERBS, MARK_NEWSROOM_NEXT),
            (NEWSROOM_NOUNS, MARK_NEWSROOM_NEXT),
            (NEWSROOM_VERBS_17, MARK_NEWSROOM_NEXT),
            (NEWSROOM_NOUNS_17, MARK_NEWSROOM_NEXT),
            (BIOGRAPHY_VERBS, MARK_NEWSROOM_NEXT),
            (NEWSROOM_NOUNS_18, MARK_NEWSROOM_NEXT),
            (ASKING_VERBS_18, MARK_NEWSROOM_NEXT),
        ];
        let mut longest = 0;
        for (list, mark) in lists
            .into_iter()
            .chain([(&["will"][..], MARK_NEWSROOM_NEXT)])
        {
            for &w in list {
                *m.entry(w.as_bytes()).or_insert(0) |= mark;
                longest = longest.max(w.len());
            }
        }
        (m, longest)
    })
}

/// What the fast path caches per distinct token text `t` for [`imperative_at_marked`] and
/// the newsroom's first person ([`is_newsrooms`]): `MARK_*` bits. The lists are in ASCII
/// lower case and searched ignoring ASCII case ([`in_sorted`]), so only an ASCII text can be
/// one of their words: [`MARK_IMPERATIVE_OPENER`] is exact, the other marks may be set for
/// more words than the lists hold (they only let the lists be read).
pub(crate) fn word_marks(t: &str) -> u8 {
    let (words, longest) = marked_words();
    let find = |w: &[u8]| -> u8 {
        let mut low = [0u8; 32];
        if w.len() > *longest || w.len() > low.len() {
            return 0;
        }
        for (d, c) in low.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        words.get(&low[..w.len()]).copied().unwrap_or(0)
    };
    let b = t.as_bytes();
    // Every word of the lists starts with a letter.
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let mut marks = find(b);
    // A noun with a possessive `'s` or `’s`, as `is_newsrooms` strips it.
    let stem = b
        .strip_suffix(b"'s")
        .or_else(|| b.strip_suffix(b"'S"))
        .or_else(|| b.strip_suffix("\u{2019}s".as_bytes()))
        .or_else(|| b.strip_suffix("\u{2019}S".as_bytes()));
    if let Some(stem) = stem {
        marks |= find(stem) & MARK_NEWSROOM_NEXT;
    }
    marks
}

/// Words that do not belong to a name after a byline's `writes` (cue rules 23): with one of
/// them the words after the verb are its object or a clause (`…, writes that …`, `…, writes
/// the mayor in …`), not the writer's name. Lower case, in increasing order.
const NOT_NAME_23: &[&str] = &[
    "a", "about", "an", "for", "from", "her", "his", "in", "of", "on", "that", "the", "their",
    "this", "to",
];

/// A standfirst's byline tag (cue rules 23): `…, writes Ann Corrie` closing the sentence, a
/// comma before `writes` and one to three words of a name after it, nothing else. It names
/// the writer of the piece, so it is no report of someone else's words. The index of
/// `writes`.
pub(crate) fn byline_tag_23<T: TokenSeq + ?Sized>(tokens: &T) -> Option<usize> {
    use super::analyzer::GAP_COMMA;
    let n = tokens.count();
    let mut places = byline_places_23(n);
    // Without a comma before one of the places, `writes` (if there) has none: the gaps are
    // read before the words.
    if !places.clone().any(|v| tokens.gap(v) & GAP_COMMA != 0) {
        return None;
    }
    let v = places.find(|&v| is_any(tokens, Some(v), &["writes"]))?;
    (tokens.gap(v) & GAP_COMMA != 0 && name_words_23(tokens, v + 1..n)).then_some(v)
}

/// Whether every token of `name` is a word of a name (letters, hyphens, apostrophes; none of
/// [`NOT_NAME_23`]) with no punctuation before it: the name after a byline's `writes`.
fn name_words_23<T: TokenSeq + ?Sized>(tokens: &T, mut name: std::ops::Range<usize>) -> bool {
    name.all(|k| {
        tokens.gap(k) == 0
            && word(tokens, k).is_some_and(|t| {
                t.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                    && !in_sorted(NOT_NAME_23, t)
            })
    })
}

/// Where [`byline_tag_23`] looks for `writes` in a sentence of `n` tokens: one of the last three
/// tokens with two before it and one after it, from the end.
pub(crate) fn byline_places_23(n: usize) -> impl Iterator<Item = usize> + Clone {
    (2..n.saturating_sub(1)).rev().take(3)
}

/// Whether the author's token `i` is inside a relative clause set off by commas (cue rules
/// 23): after a comma and `who`, `which` or `whose`, with no clause punctuation between, and
/// closed by a comma before any colon, semicolon or the end (`The treasurer, who is utterly
/// incompetent, resigned …`). A verdict there is the author's aside on the main clause's subject.
#[inline(never)]
pub(crate) fn in_relative_clause_23<T: TokenSeq + ?Sized>(tokens: &T, i: usize) -> bool {
    use super::analyzer::{GAP_COMMA, GAP_STOP};
    let n = tokens.count();
    let mut s = i;
    loop {
        let gap = tokens.gap(s);
        if gap & GAP_STOP != 0 || (s == 0 && gap & GAP_COMMA == 0) {
            return false;
        }
        if gap & GAP_COMMA != 0 {
            break;
        }
        s -= 1;
    }
    s < i
        && s > 0
        && is_any(tokens, Some(s), &["which", "who", "whose"])
        && (i + 1..n)
            .find(|&k| tokens.gap(k) != 0)
            .is_some_and(|k| tokens.gap(k) == GAP_COMMA)
}

/// Evaluative words that frame a figure as the author judges it (cue rules 23): `a paltry
/// 1.5%`, `a staggering £4m`, `a mere 3%`, `a whopping 14,000`, `an eye-watering £160,000`.
/// Each judges the size of the figure, large or small; neutral modifiers of a figure
/// (`a further`, `an estimated`, `a record`, `an extra`) are not here. Written for factop.
/// Lower case, in increasing order.
const FIGURE_FRAMES_23: &[&str] = &[
    "astonishing",
    "astounding",
    "astronomical",
    "breathtaking",
    "colossal",
    "derisory",
    "dismal",
    "eye-popping",
    "eye-watering",
    "hefty",
    "jaw-dropping",
    "laughable",
    "meager",
    "meagre",
    "measly",
    "mere",
    "mind-boggling",
    "miserable",
    "miserly",
    "painful",
    "paltry",
    "pathetic",
    "piffling",
    "pitiful",
    "princely",
    "puny",
    "scandalous",
    "shocking",
    "staggering",
    "stingy",
    "stunning",
    "whopping",
    "woeful",
];

/// Whether a token with text `t` may be the evaluative word of [`figure_frame_23`]: one of
/// [`FIGURE_FRAMES_23`], ignoring ASCII case. Cached per distinct token on the fast path.
pub(crate) fn may_frame_figure_23(t: &str) -> bool {
    in_keyed_list_23(&FIGURE_FRAME_KEYS_23, FIGURE_FRAMES_23, t)
}

/// [`list_keys_23`] of [`FIGURE_FRAMES_23`].
const FIGURE_FRAME_KEYS_23: [u64; 26] = list_keys_23(FIGURE_FRAMES_23);

/// Per first letter (`a` to `z`) of the words of `list` (in ASCII lower case, each starting
/// and ending with a letter and shorter than 16 bytes): bit `l` set when one of them has `l`
/// bytes, bit `32 + k` when one ends with letter `k`.
const fn list_keys_23(list: &[&str]) -> [u64; 26] {
    let mut keys = [0u64; 26];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        let (first, last) = (w[0], w[w.len() - 1]);
        assert!(w.len() < 16 && first.is_ascii_lowercase() && last.is_ascii_lowercase());
        keys[(first - b'a') as usize] |= 1 << w.len() | 1 << (32 + (last - b'a') as u32);
        i += 1;
    }
    keys
}

/// [`in_sorted`] for a list with its [`list_keys_23`]: a word of the list has its first
/// letter, its length and its last letter, read first (ignoring ASCII case), and only the few
/// words that have them search the list.
fn in_keyed_list_23(keys: &[u64; 26], list: &[&str], t: &str) -> bool {
    let b = t.as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() || b.len() >= 16 {
        return false;
    }
    let key = keys[usize::from(first - b'a')];
    key & 1 << b.len() != 0 && key & 1 << (32 + u32::from(last - b'a')) != 0 && in_sorted(list, t)
}

/// Whether token `k` is an evaluative word on a figure (cue rules 23): one of
/// [`FIGURE_FRAMES_23`] after `a`, `an` or `the` and before a number or a currency sign, with no
/// punctuation between (`a paltry 1.5% rise`, `Only a miserable 42 of …`, `an eye-watering
/// £160,000`). The word judges the figure; whose judgement it is, the scope says (`Unions
/// called it a paltry 1.5% rise.` stays the report's).
#[inline(never)]
pub(crate) fn figure_frame_23<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    if k == 0 || !word(tokens, k).is_some_and(may_frame_figure_23) {
        return false;
    }
    is_any(tokens, Some(k - 1), &["a", "an", "the"])
        && word(tokens, k + 1).is_some_and(|t| t == "<num>" || t == "<cur>")
        && tokens.gap(k) == 0
        && tokens.gap(k + 1) == 0
}

/// Words that may hedge the author's own prediction (cue rules 24): `likely`, `unlikely`,
/// `probably`, `certainly` and `well` (the last two only in the forms of
/// [`hedged_prediction_24`]). Lower case, in increasing order.
const HEDGE_WORDS_24: &[&str] = &["certainly", "likely", "probably", "unlikely", "well"];

/// Whether a token with text `t` may be the word of [`hedged_prediction_24`]: one of
/// [`HEDGE_WORDS_24`], ignoring ASCII case. Cached per distinct token on the fast path.
pub(crate) fn may_hedge_prediction_24(t: &str) -> bool {
    in_sorted(HEDGE_WORDS_24, t)
}

/// Whether token `k` hedges a prediction or a conclusion as one judges it (cue rules 24): a
/// form of `be` then `likely`/`unlikely to` (`The merger is likely to lead to …`), `will`,
/// `would`, `has`, `have` or `won't` next to `probably` (`will probably fall`, `probably
/// won't`), `almost certainly` (`has almost certainly driven …`), or `could`, `may` or `might`
/// then `well` and a word (`could well be relegated`), with no punctuation inside the form.
/// The hedge weighs an outcome; whose weighing it is, the scope says (`Analysts said the merger
/// is likely to …` stays the report's).
pub(crate) fn hedged_prediction_24<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    let Some(t) = word(tokens, k).filter(|t| may_hedge_prediction_24(t)) else {
        return false;
    };
    let t = t.to_ascii_lowercase();
    let prev = k.checked_sub(1);
    let tight = tokens.gap(k) == 0;
    match &*t {
        "likely" | "unlikely" => {
            tight
                && is_any(
                    tokens,
                    prev,
                    &["is", "are", "was", "were", "be", "been", "seems", "looks"],
                )
                && is_any(tokens, Some(k + 1), &["to"])
                && tokens.gap(k + 1) == 0
        }
        "probably" => {
            (tight && is_any(tokens, prev, &["will", "would", "has", "have"]))
                || (is_any(tokens, Some(k + 1), &["will", "won't", "wo"]) && tokens.gap(k + 1) == 0)
        }
        "certainly" => tight && is_any(tokens, prev, &["almost"]),
        "well" => {
            tight
                && is_any(tokens, prev, &["could", "may", "might"])
                && word(tokens, k + 1).is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                && tokens.gap(k + 1) == 0
        }
        _ => false,
    }
}

/// Words that make an author's question a rhetorical one (cue rules 24): the question presses
/// its point (`Did we really need …?`, `What exactly are fans getting …?`, `How did anyone let
/// …?`). Lower case, in increasing order.
const PRESSING_WORDS_24: &[&str] = &[
    "anybody",
    "anyone",
    "exactly",
    "honestly",
    "really",
    "seriously",
];

/// Whether the sentence (`raw`, its tokens `tokens`) is the author's pressing question (cue
/// rules 24): it ends with a question mark and has, in the author's words, one of
/// [`PRESSING_WORDS_24`], a `why` with a negation after it (`why will the minister not
/// simply say so?`) or `how many more`, `how much more` or `how much longer` (`How many more
/// winters must the tenants wait?`), and no second person (an interviewer's `Did you really …?` asks). A
/// question that presses its point is the writer's judgement put as a question.
pub(crate) fn pressing_question_24<T: TokenSeq + ?Sized>(tokens: &T, raw: &str) -> bool {
    if !raw.trim_end().ends_with('?') {
        return false;
    }
    let n = tokens.count();
    let author = |k: usize| word(tokens, k).map(|t| t.to_ascii_lowercase());
    if (0..n).any(|k| author(k).is_some_and(|t| matches!(&*t, "you" | "your" | "yours"))) {
        return false;
    }
    let why = (0..n).find(|&k| author(k).is_some_and(|t| t == "why"));
    let how_more = (2..n).any(|k| {
        author(k).is_some_and(|t| matches!(&*t, "more" | "longer"))
            && is_any(tokens, Some(k - 1), &["many", "much"])
            && is_any(tokens, Some(k - 2), &["how"])
    });
    how_more
        || (0..n).any(|k| author(k).is_some_and(|t| in_sorted(PRESSING_WORDS_24, &t)))
        || why.is_some_and(|w| {
            (w + 1..n).any(|k| author(k).is_some_and(|t| matches!(&*t, "not" | "n't" | "never")))
        })
}

/// Nouns of a judgement that a colon may attribute (cue rules 23): `The union's verdict: …`,
/// `The inspectors' conclusion on …: …`. Lower case, in increasing order.
const JUDGEMENT_NOUNS_23: &[&str] = &[
    "assessment",
    "conclusion",
    "conclusions",
    "diagnosis",
    "findings",
    "judgement",
    "judgment",
    "summing-up",
    "verdict",
    "verdicts",
    "view",
];

/// [`list_keys_23`] of [`JUDGEMENT_NOUNS_23`].
const JUDGEMENT_NOUN_KEYS_23: [u64; 26] = list_keys_23(JUDGEMENT_NOUNS_23);

/// The first token after a colon that attributes what follows it to someone else (cue rules
/// 23): the sentence opens, before its first colon or semicolon and within fourteen tokens,
/// with a judgement of [`JUDGEMENT_NOUNS_23`] owned by a source named in the possessive (`The
/// union's verdict: …`, `The inspectors' conclusion on the care home: …`, `Their verdict: …`),
/// not by the author (`My verdict: …`, `Our view: …` are the author's), with no comma between
/// the judgement and the colon. What follows the colon
/// is the source's judgement, as a report's complement is. `None` without one.
#[inline(never)]
pub(crate) fn colon_report_23<T: TokenSeq + ?Sized>(tokens: &T, raw: &str) -> Option<usize> {
    use super::analyzer::GAP_STOP;
    let n = tokens.count();
    let c = (1..n.min(15)).find(|&k| tokens.gap(k) & GAP_STOP != 0)?;
    // The judgement's places, found before the list is searched: after the last punctuation
    // before the colon (none stands between them), and before the first quoted token (every
    // token up to the judgement is the author's).
    let from = (1..c).rev().find(|&m| tokens.gap(m) != 0).unwrap_or(1);
    let to = (0..c)
        .find(|&m| tokens.span(m) != Span::Author)
        .unwrap_or(c);
    let owned = (from..to).any(|j| {
        let Some(noun) = word(tokens, j)
            .filter(|t| in_keyed_list_23(&JUDGEMENT_NOUN_KEYS_23, JUDGEMENT_NOUNS_23, t))
        else {
            return false;
        };
        owned_judgement_23(tokens, raw, j, c, noun)
    });
    owned.then_some(c)
}

/// Whether the judgement noun `noun` at token `j`, before the colon at token `c`, has an owner
/// just before it (`his`, `her`, `their`, `its`, `X's`, `Xs'`), every token up to it is the
/// author's, and no punctuation stands between it and the colon.
fn owned_judgement_23<T: TokenSeq + ?Sized>(
    tokens: &T,
    raw: &str,
    j: usize,
    c: usize,
    noun: &str,
) -> bool {
    let Some(p) = word(tokens, j - 1) else {
        return false;
    };
    let p = p.to_ascii_lowercase();
    (0..j).all(|m| tokens.span(m) == Span::Author)
        && (j + 1..c).all(|m| tokens.gap(m) == 0)
        && (matches!(&*p, "his" | "her" | "their" | "its")
            || (p.len() > 2 && p.ends_with("'s"))
            || (p.len() > 2 && p.ends_with('s') && plural_owner_23(raw, noun)))
}

/// Whether `raw`, before its first colon or semicolon, has a plural owner's apostrophe before
/// `noun` (`The inspectors' conclusion`, with a straight or curly mark): the tokens drop that
/// apostrophe.
fn plural_owner_23(raw: &str, noun: &str) -> bool {
    let head = raw.split([':', ';']).next().unwrap_or("").to_lowercase();
    let noun = noun.to_ascii_lowercase();
    head.contains(&format!("s' {noun}")) || head.contains(&format!("s\u{2019} {noun}"))
}

/// Whether the stop before token `k` is a time's or a score's colon (cue rules 25): a number on
/// each side of it (`At 10:30 the panel's verdict: …`) and a colon between digits in `raw`.
/// Such a colon closes no clause.
pub(crate) fn time_colon_25<T: TokenSeq + ?Sized>(tokens: &T, raw: &str, k: usize) -> bool {
    let num = |m: usize| m < tokens.count() && matches!(tokens.text(m), "<num>" | "<year>");
    k > 0 && num(k - 1) && num(k) && digit_colon_25(raw).is_some()
}

/// The byte offset of the first colon between two digits in `raw` (`10:30`), if any.
fn digit_colon_25(raw: &str) -> Option<usize> {
    let b = raw.as_bytes();
    (1..b.len().saturating_sub(1))
        .find(|&i| b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

/// [`colon_report_23`] as cue rules 25 read it: a colon between digits (`At 10:30 the panel's
/// verdict: …`) is no clause's colon, so the judgement's colon is the first other one; and a
/// plural owner's apostrophe must stand right before the judgement noun (`The inspectors'
/// conclusion: …`), not anywhere in the opening (`Unlike the inspectors' verdict, this verdict:
/// …` attributes nothing: `this` owns nothing).
#[inline(never)]
pub(crate) fn colon_report_25<T: TokenSeq + ?Sized>(tokens: &T, raw: &str) -> Option<usize> {
    use super::analyzer::GAP_STOP;
    let n = tokens.count();
    let gap = |k: usize| {
        let g = tokens.gap(k);
        if g & GAP_STOP != 0 && time_colon_25(tokens, raw, k) {
            0
        } else {
            g
        }
    };
    let c = (1..n.min(15)).find(|&k| gap(k) & GAP_STOP != 0)?;
    let from = (1..c).rev().find(|&m| gap(m) != 0).unwrap_or(1);
    let to = (0..c)
        .find(|&m| tokens.span(m) != Span::Author)
        .unwrap_or(c);
    // The lower-cased head is needed only for a plural owner: made at most once, when one is met.
    let head = std::cell::OnceCell::new();
    let owned = (from..to).any(|j| {
        let Some(noun) = word(tokens, j)
            .filter(|t| in_keyed_list_23(&JUDGEMENT_NOUN_KEYS_23, JUDGEMENT_NOUNS_23, t))
        else {
            return false;
        };
        let Some(p) = word(tokens, j - 1) else {
            return false;
        };
        let p = p.to_ascii_lowercase();
        (0..j).all(|m| tokens.span(m) == Span::Author)
            && (j + 1..c).all(|m| gap(m) == 0)
            && (matches!(&*p, "his" | "her" | "their" | "its")
                || (p.len() > 2 && p.ends_with("'s"))
                || (p.len() > 2
                    && p.ends_with('s')
                    && plural_owner_25(head.get_or_init(|| clause_head_25(raw)), &p, noun)))
    });
    owned.then_some(c)
}

/// `raw` before its first colon or semicolon that is not between digits, in lower case.
fn clause_head_25(raw: &str) -> String {
    let b = raw.as_bytes();
    let end = (0..b.len())
        .find(|&i| {
            b[i] == b';'
                || (b[i] == b':'
                    && !(i > 0
                        && b[i - 1].is_ascii_digit()
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        })
        .unwrap_or(b.len());
    raw[..end].to_lowercase()
}

/// Whether `head` (lower case) has the owner `owner` with a plural owner's apostrophe right
/// before `noun` (`inspectors' conclusion`, straight or curly mark), each a whole word.
fn plural_owner_25(head: &str, owner: &str, noun: &str) -> bool {
    let noun = noun.to_ascii_lowercase();
    ["'", "\u{2019}"].iter().any(|mark| {
        let form = format!("{owner}{mark} {noun}");
        head.match_indices(&form).any(|(i, _)| {
            let before = head[..i].chars().next_back();
            let after = head[i + form.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Words that make a speaker an imagined one (cue rules 25): `Any driver who … will tell you`,
/// `Talk to any doctor … and they will say`. (`Nobody will say …` is a refusal to comment.) Lower case, in
/// increasing order.
const GENERIC_SPEAKERS_25: &[&str] = &["any", "anybody", "anyone"];

/// Words that open a sentence with an imagined group as its speaker (`Some will call …`, `Few
/// parents would call …`, `Many would argue …`). Lower case, in increasing order.
const GENERIC_OPENERS_25: &[&str] = &["few", "many", "most", "some"];

/// Modals that put a speaker's words in a supposed future or a hypothesis (cue rules 25).
/// Lower case, in increasing order.
const HYPOTHETICAL_MODALS_25: &[&str] = &["could", "might", "will", "would"];

/// Whether token `v`, a verb that may open a reported-speech scope, has an imagined speaker (cue
/// rules 25): a modal of [`HYPOTHETICAL_MODALS_25`] right before it, and a speaker no one can
/// name: a word of [`GENERIC_SPEAKERS_25`] among the author's words before the modal (`Any fan
/// who travelled … would tell you …`, `Talk to any doctor … and they will say …`), or a sentence
/// opened by a word of [`GENERIC_OPENERS_25`] at most two words before the modal (`Some will
/// call …`, `Few parents would call … affordable.`). No one said those words: the author puts
/// his own claim in an imagined mouth, so the verb opens no report. A named or real speaker
/// (`She will call the budget a betrayal when …`, `Some residents said …`) is read as before.
pub(crate) fn imagined_source_25<T: TokenSeq + ?Sized>(tokens: &T, v: usize) -> bool {
    if v == 0 || word(tokens, v).is_none() || tokens.gap(v) != 0 {
        return false;
    }
    let m = v - 1;
    if !word(tokens, m).is_some_and(|t| in_sorted(HYPOTHETICAL_MODALS_25, t)) {
        return false;
    }
    (0..m).any(|k| word(tokens, k).is_some_and(|t| in_sorted(GENERIC_SPEAKERS_25, t)))
        || (m <= 2
            && word(tokens, 0).is_some_and(|t| in_sorted(GENERIC_OPENERS_25, t))
            && (1..=m).all(|k| tokens.gap(k) == 0))
}

/// Whether token `k` may be the author's comment adverb on the sentence (cue rules 25), read
/// only where a lexicon counts it as evaluative (the caller's test): a word in `-ly` opening the
/// sentence and set off by a comma (`Mercifully, the roof held.`, `Shamefully, the association
/// has delayed …`): a disjunct, the author's comment on the whole clause after it. The same
/// adverb on a verb (`was unfairly dismissed`, a tribunal's finding) is not read.
pub(crate) fn comment_adverb_25<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    use super::analyzer::GAP_COMMA;
    k == 0
        && tokens.count() > 2
        && word(tokens, 0).is_some_and(|t| t.len() > 4 && t.ends_with("ly"))
        && tokens.gap(1) == GAP_COMMA
}

/// Personal subjects of the author's verdict on a source (cue rules 25).
const SOURCE_PEOPLE_25: &[&str] = &["he", "she", "they"];

/// Words of the author's verdict on whether a source is right (cue rules 25). Lower case, in
/// increasing order.
const SOURCE_VERDICTS_25: &[&str] = &["correct", "mistaken", "right", "wrong"];

/// Words that may stand between `be` and the verdict of [`source_verdict_25`]. Lower case, in
/// increasing order.
const SOURCE_DEGREE_25: &[&str] = &[
    "absolutely",
    "also",
    "entirely",
    "half",
    "largely",
    "not",
    "partly",
    "plainly",
    "quite",
    "simply",
    "surely",
];

/// Whether `t` is one of the verdict words that [`source_verdict_25`] returns (ignoring ASCII
/// case): one of [`SOURCE_VERDICTS_25`] or `point`. Every form ends in one, so a sentence
/// without one among its tokens has no such verdict (the fast path reads the function only
/// where a token's cached flag says so).
pub(crate) fn is_source_verdict_word_25(t: &str) -> bool {
    matches!(t.len(), 5 | 7 | 8)
        && (t.eq_ignore_ascii_case("point") || in_sorted(SOURCE_VERDICTS_25, t))
}

/// The author's verdict on a source (cue rules 25), as the index of its verdict word: a clause
/// of the author's that says a person is right or wrong, or has a point (`She is right, though
/// …`, `…; they are wrong.`, `On the shortage, at least, he has a point: …`, `Critics might
/// argue …, and they would have a point.`), or that someone was right or wrong to act (`The
/// judge was right to say what she did …`). The clause opens the sentence or follows clause
/// punctuation, `and`, `but` or `yet`; its subject is `he`, `she` or `they` (any subject before
/// `was right to`). Revision 20 reads such a clause when it closes a reported sentence after a
/// comma; this form reads it anywhere, also as a sentence of its own. In reported speech
/// (`in_scope`: `The minister said she was right to resign.`) or quoted it is the source's, and
/// not read, unless it follows a comma and `and` or `but` (`X argued …, and they have a
/// point.`: the author's comment on the report).
pub(crate) fn source_verdict_25<T: TokenSeq + ?Sized>(
    tokens: &T,
    in_scope: impl Fn(usize) -> bool,
) -> Option<usize> {
    use super::analyzer::GAP_COMMA;
    let n = tokens.count();
    let is = |k: usize, w: &str| word(tokens, k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    let in_list = |k: usize, list: &[&str]| word(tokens, k).is_some_and(|t| in_sorted(list, t));
    let be = ["is", "are", "was", "were"];
    let clause_end = |k: usize| k >= n || tokens.gap(k) != 0;
    for s in 0..n {
        // The clause's opening: the sentence's start, clause punctuation, or a conjunction.
        let joined = s > 0 && ["and", "but", "yet"].iter().any(|w| is(s - 1, w));
        let after_comma_and = joined && tokens.gap(s - 1) & GAP_COMMA != 0;
        let opens = s == 0 || tokens.gap(s) != 0 || (joined && tokens.gap(s) == 0);
        if !opens || (in_scope(s) && !after_comma_and) {
            continue;
        }
        let mut v = s + 1;
        // `X was right to …`, any subject: the verdict after the first form of `be`.
        if !in_list(s, SOURCE_PEOPLE_25) {
            let Some(b) = (s + 1..n.min(s + 8))
                .take_while(|&k| tokens.gap(k) == 0)
                .find(|&k| be.iter().any(|w| is(k, w)))
            else {
                continue;
            };
            let mut r = b + 1;
            while in_list(r, SOURCE_DEGREE_25) && tokens.gap(r) == 0 {
                r += 1;
            }
            if (is(r, "right") || is(r, "wrong"))
                && tokens.gap(r) == 0
                && is(r + 1, "to")
                && tokens.gap(r + 1) == 0
                && (s..r).all(|k| word(tokens, k).is_some() && (!in_scope(k) || after_comma_and))
            {
                return Some(r);
            }
            continue;
        }
        // `… has a point`, `… would have a point`.
        if ["would", "may", "might", "could", "do", "does"]
            .iter()
            .any(|w| is(v, w))
            && is(v + 1, "have")
        {
            v += 1;
        }
        if ["has", "have", "had"].iter().any(|w| is(v, w))
            && is(v + 1, "a")
            && is(v + 2, "point")
            && (v + 1..=v + 2).all(|k| tokens.gap(k) == 0)
            && clause_end(v + 3)
        {
            return Some(v + 2);
        }
        // `… is right`, `… are (simply) wrong`.
        if be.iter().any(|w| is(s + 1, w)) && tokens.gap(s + 1) == 0 {
            let mut r = s + 2;
            while in_list(r, SOURCE_DEGREE_25) && tokens.gap(r) == 0 {
                r += 1;
            }
            if in_list(r, SOURCE_VERDICTS_25)
                && tokens.gap(r) == 0
                && (clause_end(r + 1) || ["to", "about", "on"].iter().any(|w| is(r + 1, w)))
            {
                return Some(r);
            }
        }
    }
    None
}

/// Whether the figure at token `k` (a number or a currency sign) is judged by the word before it
/// (cue rules 25), as the index of that word: `a`, `an` or `the`, then one word, or an adverb in
/// `-ly` and one word, right before the figure with no punctuation between (`a negligible 0.2`,
/// `a magnificent 11,200`, `a richly deserved $45 million`). Whether the word judges, a lexicon
/// says (the caller reads its evaluative match); revision 23's own words are read by
/// [`figure_frame_23`].
pub(crate) fn figure_judged_25<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> Option<usize> {
    if k < 2
        || !word(tokens, k).is_some_and(|t| t == "<num>" || t == "<cur>")
        || tokens.gap(k) != 0
        || tokens.gap(k - 1) != 0
    {
        return None;
    }
    let w = k - 1;
    if word(tokens, w).is_none_or(may_frame_figure_23) {
        return None;
    }
    let det = |m: usize| is_any(tokens, Some(m), &["a", "an", "the"]);
    if det(k - 2) {
        return Some(w);
    }
    (k >= 3
        && tokens.gap(k - 2) == 0
        && word(tokens, k - 2).is_some_and(|t| t.len() > 4 && t.ends_with("ly"))
        && det(k - 3))
    .then_some(w)
}

/// Verbs right after `too` that show it means `also` (`He too was arrested`), not excess
/// (cue rules 26). Lower case, sorted.
const TOO_ALSO_26: &[&str] = &[
    "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may",
    "might", "must", "shall", "should", "was", "were", "will", "would",
];

/// Whether token `k` is the author's `too` of excess on the word after it (cue rules 26): `too
/// small for families`, `far too lenient`, `two verses too long`: the author measures a thing
/// against a standard of their own and finds it wanting. Not read: `too` at a clause's end or
/// set off by commas (`she voted, too`; `also`), before a verb (`He too was arrested`) or a
/// figure, and a degree with its consequence (`too ill to travel`, `too late to save it`: a
/// `to` among the next four words of the clause), which reports a result.
pub(crate) fn excess_degree_26<T: TokenSeq + ?Sized>(tokens: &T, k: usize) -> bool {
    if !word(tokens, k).is_some_and(|t| t.eq_ignore_ascii_case("too"))
        || tokens.gap(k) != 0
        || k + 1 >= tokens.count()
        || tokens.gap(k + 1) != 0
    {
        return false;
    }
    let Some(next) = word(tokens, k + 1) else {
        return false;
    };
    if next.starts_with('<') || in_sorted(TOO_ALSO_26, next) {
        return false;
    }
    for j in k + 2..(k + 6).min(tokens.count()) {
        if tokens.gap(j) != 0 {
            break;
        }
        if is_any(tokens, Some(j), &["to"]) {
            return false;
        }
    }
    true
}

/// Words that open a superlative's comparison class (cue rules 26): `in the county`, `on any
/// road`, `outside the capital`, `since 1989`, `anywhere`, `ever`. Lower case, sorted.
const COMPARISON_CLASS_26: &[&str] = &["anywhere", "ever", "in", "on", "outside", "since"];

/// The adjective a superlative after `the` grades, as candidates for the caller's evaluative
/// lexicon (cue rules 26), and the token that carries it: `the best` (`good`), `the worst`
/// (`bad`), `the finest` (`fine`), `the ugliest` (`ugly`), `the most absurd` (`absurd`) - if a
/// comparison class of [`COMPARISON_CLASS_26`] follows within five words of the clause (`the
/// finest concert venue in the north`, `the best seen at the ground since 1989`). A superlative
/// of an evaluative adjective over a comparison class is the author's ranking; one of
/// measure (`the largest employer in the county`) is not read, since its base is no judgement.
pub(crate) fn judged_superlative_26<T: TokenSeq + ?Sized>(
    tokens: &T,
    k: usize,
) -> Option<(usize, Vec<String>)> {
    if k == 0 || !is_any(tokens, Some(k - 1), &["the"]) || tokens.gap(k) != 0 {
        return None;
    }
    let s = word(tokens, k)?.to_ascii_lowercase();
    let (w, bases) = match s.as_str() {
        "best" => (k, vec!["good".to_string()]),
        "worst" => (k, vec!["bad".to_string()]),
        "most" | "least" => {
            let next = word(tokens, k + 1)?;
            if tokens.gap(k + 1) != 0 || next.starts_with('<') {
                return None;
            }
            (k + 1, vec![next.to_ascii_lowercase()])
        }
        _ if s.len() > 5 && s.ends_with("iest") => (k, vec![format!("{}y", &s[..s.len() - 4])]),
        _ if s.len() > 5 && s.ends_with("est") => {
            let stem = &s[..s.len() - 3];
            let mut b = vec![stem.to_string(), format!("{stem}e")];
            let sb = stem.as_bytes();
            if sb.len() > 2 && sb[sb.len() - 1] == sb[sb.len() - 2] {
                b.push(stem[..stem.len() - 1].to_string());
            }
            (k, b)
        }
        _ => return None,
    };
    let class = (w + 1..(w + 7).min(tokens.count()))
        .take_while(|&j| tokens.gap(j) == 0)
        .any(|j| word(tokens, j).is_some_and(|t| in_sorted(COMPARISON_CLASS_26, t)));
    class.then_some((w, bases))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyzer::{normalise, tokenise, Token};

    fn toks(s: &str) -> Vec<Token> {
        tokenise(&normalise(s, true))
    }

    #[test]
    fn the_lists_searched_by_halves_are_sorted_and_in_lower_case() {
        for list in [
            IMPERATIVE_VERBS,
            IMPERATIVE_OPENERS,
            NEWSROOM_VERBS,
            NEWSROOM_NOUNS,
            NEWSROOM_VERBS_17,
            NEWSROOM_NOUNS_17,
            BIOGRAPHY_VERBS,
            DURATION_NUMBERS,
            RATING_NUMBERS,
            RATING_LABELS,
            NEWSROOM_NOUNS_18,
            ASKING_VERBS_18,
            EXPERT_TITLES_18,
            VERDICT_LABELS_18,
            VERDICT_ADVERBS_20,
            VERDICT_WORDS_20,
            VERDICT_PEOPLE_20,
            VERDICT_THINGS_20,
            VERDICT_DEGREE_20,
            LOADED_WORDS_21,
            FORCED_THROUGH_21,
            VERDICT_ADVERBS_22,
            VERDICT_PHRASES_22,
            VERDICT_PHRASE_STARTS_22,
            FRONTED_22,
            FIGURE_FRAMES_23,
            JUDGEMENT_NOUNS_23,
            NOT_NAME_23,
            TOO_ALSO_26,
            COMPARISON_CLASS_26,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(
                list.iter().all(|w| w.to_ascii_lowercase() == *w),
                "{list:?}"
            );
        }
        assert!(LOADED_PAIRS_21.windows(2).all(|w| w[0].0 < w[1].0));
        for (first, seconds) in LOADED_PAIRS_21 {
            assert_eq!(first.to_ascii_lowercase(), *first);
            assert!(seconds.windows(2).all(|w| w[0] < w[1]), "{seconds:?}");
        }
        // Revision 21's loaded words are the ones the evaluative lexicon does not hold.
        let evaluative = include_str!("lexicons/evaluative.txt");
        for w in LOADED_WORDS_21 {
            assert!(!evaluative.lines().any(|l| l.trim() == *w), "{w}");
        }
        // Revision 22's phrase starts are the first words of its phrases, and its adverbs are
        // not revision 20's.
        let mut starts: Vec<&str> = VERDICT_PHRASES_22
            .iter()
            .map(|p| p.split(' ').next().unwrap())
            .collect();
        starts.dedup();
        assert_eq!(starts, VERDICT_PHRASE_STARTS_22);
        // The look-ahead that gates the phrase look-up reaches past the longest phrase.
        let longest = VERDICT_PHRASES_22
            .iter()
            .map(|p| p.split(' ').count())
            .max();
        assert_eq!(longest, Some(VERDICT_MAX_WORDS_22));
        assert!(VERDICT_ADVERBS_22.iter().all(|w| !is_verdict_adverb_20(w)));
        assert!(in_sorted(IMPERATIVE_VERBS, "Book") && in_sorted(IMPERATIVE_VERBS, "FORGIVE"));
        assert!(!in_sorted(IMPERATIVE_VERBS, "The") && !in_sorted(IMPERATIVE_OPENERS, "Doe"));
    }

    #[test]
    fn word_marks_cover_the_lists_they_stand_for() {
        let newsroom_lists = [
            NEWSROOM_VERBS,
            NEWSROOM_NOUNS,
            NEWSROOM_VERBS_17,
            NEWSROOM_NOUNS_17,
            BIOGRAPHY_VERBS,
            NEWSROOM_NOUNS_18,
            ASKING_VERBS_18,
        ];
        let mut words: Vec<String> = [IMPERATIVE_OPENERS, IMPERATIVE_VERBS, IMPERATIVE_VERBS_19]
            .into_iter()
            .chain(newsroom_lists)
            .flatten()
            .map(|w| w.to_string())
            .collect();
        words.extend(
            [
                "will",
                "the",
                "we",
                "xyz",
                "",
                "<num>",
                "?",
                "don\u{2019}t",
                "\u{212A}eep",
                "bo\u{f6}k",
                "correspondents",
                "'s",
                "s",
            ]
            .map(String::from),
        );
        let mut all = Vec::new();
        for w in &words {
            let mut chars = w.chars();
            let title = chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().collect())
                + chars.as_str();
            for v in [w.clone(), w.to_uppercase(), title] {
                for end in ["", "'s", "'S", "\u{2019}s", "\u{2019}S", "s"] {
                    all.push(format!("{v}{end}"));
                }
            }
        }
        for w in &all {
            let m = word_marks(w);
            assert_eq!(
                m & MARK_IMPERATIVE_OPENER != 0,
                in_sorted(IMPERATIVE_OPENERS, w),
                "{w}"
            );
            if in_sorted(IMPERATIVE_VERBS, w) || in_sorted(IMPERATIVE_VERBS_19, w) {
                assert!(m & MARK_IMPERATIVE_VERB != 0, "{w}");
            }
            // As `is_newsrooms` reads the word after the first person.
            let low = w.to_ascii_lowercase();
            let stem = low
                .strip_suffix("'s")
                .or_else(|| low.strip_suffix("\u{2019}s"))
                .unwrap_or(&low);
            if newsroom_lists.iter().any(|l| in_sorted(l, w))
                || in_sorted(NEWSROOM_NOUNS, stem)
                || w.eq_ignore_ascii_case("will")
            {
                assert!(m & MARK_NEWSROOM_NEXT != 0, "{w}");
            }
        }
    }

    /// Whether the first token whose lower-cased text is `w` is read in a neutral sense.
    fn neutral(s: &str, w: &str) -> bool {
        let t = toks(s);
        assert_eq!(t, toks(&s.to_lowercase()), "tokens are lower-cased");
        let i = t
            .iter()
            .position(|x| x.text.eq_ignore_ascii_case(w))
            .unwrap_or_else(|| panic!("{w:?} not in {s:?}: {t:?}"));
        is_neutral(&t[..], i, &w.to_lowercase(), Some(s))
    }

    /// Whether the first token `w` of `s` is read in a neutral sense by revision 12's senses.
    fn neutral_12(s: &str, w: &str) -> bool {
        let t = toks(s);
        let i = t
            .iter()
            .position(|x| x.text.eq_ignore_ascii_case(w))
            .unwrap();
        is_neutral_12(&t[..], i, &w.to_lowercase(), 12)
    }

    #[test]
    fn revision_13_reads_lies_after_a_determiner_as_the_noun() {
        let neutral = |s: &str, rules: u8| {
            let t = toks(s);
            let i = t.iter().position(|x| x.text == "lies").unwrap();
            is_neutral_12(&t[..], i, "lies", rules)
        };
        for s in [
            "The lies in the report were exposed by the audit.",
            "His lies in court cost him the case.",
            "The minister's lies in the Commons were not corrected.",
            "Such lies in a sworn statement are a crime.",
        ] {
            assert!(neutral(s, 12), "{s}: revision 12 reads the place");
            assert!(!neutral(s, 13), "{s}: revision 13 reads the noun");
        }
        // The verb of place stays neutral, after a subject, a relative or a pronoun.
        for s in [
            "The village lies in a valley.",
            "The problem that lies in the design is old.",
            "It lies inside the habitable zone.",
            "What lies in store for the club is unclear.",
        ] {
            assert!(neutral(s, 12) && neutral(s, 13), "{s}");
        }
    }

    /// The token of the author's imperative in `s` (cue rules 13), as text.
    fn imperative(s: &str) -> Option<String> {
        let t = toks(s);
        imperative_at(&t[..], 13).map(|i| t[i].text.clone())
    }

    /// The verb that [`imperative_at`] finds in `s` under cue rules `rules`, lower-cased.
    fn imperative_word_in(s: &str, rules: u8) -> Option<String> {
        let t = toks(s);
        imperative_at(&t[..], rules).map(|i| t[i].text.to_lowercase())
    }

    /// The words of `s` (lower-cased) at which `hit` holds, in order.
    fn words_where(s: &str, hit: impl Fn(&[Token], usize) -> bool) -> Vec<String> {
        let t = toks(s);
        (0..t.len())
            .filter(|&k| hit(&t[..], k))
            .map(|k| t[k].text.to_lowercase())
            .collect()
    }

    /// The verdict word that [`verdict_on_report`] finds in `s` under cue rules `rules`, lower-cased.
    fn verdict_word_in(s: &str, rules: u8) -> Option<String> {
        let t = toks(s);
        verdict_on_report(
            &t[..],
            |k| super::super::scope::may_open_scope(&t[k].text.to_lowercase()),
            rules,
        )
        .map(|i| t[i].text.to_lowercase())
    }

    #[test]
    fn revision_23_reads_figures_colons_bylines_and_relative_clauses() {
        // Invented sentences. An evaluative word between `a`/`an`/`the` and a figure.
        let figure = |s: &str| words_where(s, figure_frame_23);
        assert_eq!(figure("Porters got a paltry 1.5% increase."), ["paltry"]);
        assert_eq!(
            figure("Only a miserable 42 flats were finished."),
            ["miserable"]
        );
        assert_eq!(
            figure("The refit cost an eye-watering £90,000."),
            ["eye-watering"]
        );
        for s in [
            "Prices rose a further 2% in May.",
            "It was a paltry sum.",
            "A whopping, 9,000 seats.",
            "Paltry 2% rises are common.",
        ] {
            assert!(figure(s).is_empty(), "{s}");
        }
        // A judgement owned by a source, then a colon.
        let colon = |s: &str| colon_report_23(&toks(s)[..], s);
        assert_eq!(
            colon("The auditors' verdict: the budget is unrealistic."),
            Some(3)
        );
        assert_eq!(
            colon("The panel's conclusion on the depot: tidy yards."),
            Some(6)
        );
        assert_eq!(colon("Their view: sound, but with little margin."), Some(2));
        for s in [
            "My verdict: the budget is unrealistic.",
            "Our view: the depot needs a new manager.",
            "The verdict: guilty.",
            "The panel's verdict was blunt, and the depot went: nobody minded.",
            "The panel's members voted: the depot stays.",
        ] {
            assert_eq!(colon(s), None, "{s}");
        }
        // A byline tag closing a standfirst.
        let byline = |s: &str| byline_tag_23(&toks(s)[..]);
        assert_eq!(
            byline("Three days on a canal boat is a test of nerves, writes Ann Corrie"),
            Some(11)
        );
        for s in [
            "The scheme is flawed, writes Ann Corrie in the bulletin.",
            "She writes that the scheme is flawed.",
            "The scheme is flawed, writes the editor",
            "The scheme is flawed writes Ann Corrie",
        ] {
            assert_eq!(byline(s), None, "{s}");
        }
        // A relative clause set off by commas.
        let relative = |s: &str, w: &str| {
            let t = toks(s);
            let k = t.iter().position(|x| x.text == w).unwrap();
            in_relative_clause_23(&t[..], k)
        };
        assert!(relative(
            "The treasurer, who is utterly incompetent, resigned.",
            "incompetent"
        ));
        assert!(relative(
            "The scheme, which will ruin the canal, goes to a vote.",
            "ruin"
        ));
        assert!(!relative(
            "The treasurer who is utterly lost resigned.",
            "lost"
        ));
        assert!(!relative("The treasurer, who is utterly lost.", "lost"));
        assert!(!relative(
            "The treasurer resigned, and it is awful.",
            "awful"
        ));
    }

    #[test]
    fn revision_26_reads_too_of_excess_and_superlatives_over_a_comparison_class() {
        // Invented sentences. The author's `too` of excess:
        let excess = |s: &str| {
            let t = toks(s);
            (0..t.len()).any(|k| excess_degree_26(&t[..], k))
        };
        for s in [
            "The flats at the quarry are too small for families.",
            "The sentence was far too lenient.",
            "The closing song is two verses too long.",
            "Tickets were too expensive this year.",
        ] {
            assert!(excess(s), "{s}");
        }
        // `too` as `also`, at a clause's end, before a verb or a figure, and a degree with its
        // consequence: not read.
        for s in [
            "She voted, too.",
            "He too was arrested on Friday.",
            "The bridge was too narrow to take the lorries.",
            "He was too ill to travel to the hearing.",
            "The council, too, has cut its budget.",
            "Prices rose too.",
            "The fine was too 5 per cent higher.",
        ] {
            assert!(!excess(s), "{s}");
        }
        // The superlative after `the` over a comparison class, with the adjective it grades.
        let superlative = |s: &str| {
            let t = toks(s);
            (0..t.len())
                .filter_map(|k| judged_superlative_26(&t[..], k))
                .map(|(w, bases)| (t[w].text.to_ascii_lowercase(), bases))
                .collect::<Vec<_>>()
        };
        let one = |s: &str, w: &str, base: &str| {
            let found = superlative(s);
            assert_eq!(found.len(), 1, "{s} {found:?}");
            assert_eq!(found[0].0, w, "{s}");
            assert!(found[0].1.iter().any(|b| b == base), "{s} {found:?}");
        };
        one(
            "The hall is the finest concert venue in the north.",
            "finest",
            "fine",
        );
        one(
            "It is the ugliest footbridge in the county.",
            "ugliest",
            "ugly",
        );
        one(
            "It was the best seen at the ground since 1989.",
            "best",
            "good",
        );
        one(
            "Prices here are the most absurd in the county.",
            "absurd",
            "absurd",
        );
        one("The biggest employer in the town closed.", "biggest", "big");
        // No comparison class, a comma before it, no `the`: not read.
        for s in [
            "The finest of the three won.",
            "It was the best, in the end.",
            "Her best year in the job was 2019.",
            "The most recent figures were published.",
        ] {
            assert!(superlative(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn revision_25_reads_verdicts_on_a_source_imagined_sources_and_23_fixed() {
        let none = |_: usize| false;
        // The author's verdict on a source: invented sentences.
        let verdict = |s: &str| {
            let t = toks(s);
            source_verdict_25(&t[..], none).map(|k| t[k].text.to_ascii_lowercase())
        };
        for (s, w) in [
            ("She is right, though her party signed it off.", "right"),
            ("They are simply wrong.", "wrong"),
            ("The fares will rise; they are wrong.", "wrong"),
            ("On the fares, at least, he has a point.", "point"),
            (
                "Critics may argue so, and they would have a point.",
                "point",
            ),
            ("The referee was right to stop the match.", "right"),
            ("He is right about the tower.", "right"),
        ] {
            assert_eq!(verdict(s).as_deref(), Some(w), "{s}");
        }
        for s in [
            "The right to appeal is in the contract.",
            "She turned right at the lights.",
            "They are right-handed.",
            "He has a point of order.",
            "Is she right?",
            "It was the right decision.",
        ] {
            assert_eq!(verdict(s), None, "{s}");
        }
        // In reported speech it is the source's, unless the author's comment follows `, and`.
        let t = toks("The minister said she was right to resign.");
        assert_eq!(source_verdict_25(&t[..], |k| k >= 3), None);
        let t = toks("Critics argue the fares are too high, and they have a point.");
        assert!(source_verdict_25(&t[..], |k| k >= 2).is_some());
        // Imagined sources: the verb after the modal.
        let imagined = |s: &str, v: &str| {
            let t = toks(s);
            let k = t.iter().position(|x| x.text == v).unwrap();
            imagined_source_25(&t[..], k)
        };
        assert!(imagined(
            "Any commuter who has waited at Elm Road will tell you the buses are hopeless.",
            "tell"
        ));
        assert!(imagined(
            "Talk to any nurse and they will say the ward is full.",
            "say"
        ));
        assert!(imagined(
            "Some will call the closure short-sighted.",
            "call"
        ));
        assert!(imagined("Few tenants would call the charges fair.", "call"));
        assert!(!imagined(
            "She will call the budget a betrayal when it is debated.",
            "call"
        ));
        assert!(!imagined("Nobody will say what happens next.", "say"));
        assert!(!imagined(
            "Some residents said the buses were late.",
            "said"
        ));
        assert!(!imagined(
            "Some of the older residents in the village would say so.",
            "say"
        ));
        // Comment adverbs open the sentence, set off by a comma.
        let adverb = |s: &str| comment_adverb_25(&toks(s)[..], 0);
        assert!(adverb("Mercifully, the roof held."));
        assert!(!adverb("Mercifully the roof held."));
        assert!(!adverb("Unfairly dismissed, tribunal rules"));
        // The form alone (`Sally, …` too): whether the word judges, the caller's lexicon says.
        assert!(adverb("Sally, the dog, ran off."));
        // A figure judged by the word before it (the caller reads the lexicon).
        let judged = |s: &str| {
            let t = toks(s);
            (0..t.len())
                .filter_map(|k| figure_judged_25(&t[..], k))
                .map(|k| t[k].text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(judged("A magnificent 11,200 runners ran."), ["magnificent"]);
        assert_eq!(
            judged("The jury awarded a richly deserved $45 million."),
            ["deserved"]
        );
        assert!(judged("A paltry 2% rise.").is_empty(), "23's own word");
        assert!(judged("Prices rose 2% in May.").is_empty());
        assert!(judged("A magnificent, 11,200 runners.").is_empty());
        // 23's colon, fixed: a time's colon is skipped; a plural owner must stand right before
        // the judgement noun.
        let c23 = |s: &str| colon_report_23(&toks(s)[..], s);
        let c25 = |s: &str| colon_report_25(&toks(s)[..], s);
        let timed = "At 10:30 the panel's verdict: the scheme is reckless.";
        assert_eq!(c23(timed), None);
        assert!(c25(timed).is_some());
        let elsewhere = "Unlike the inspectors' verdict, this verdict: the scheme is reckless.";
        assert!(c23(elsewhere).is_some());
        assert_eq!(c25(elsewhere), None);
        for s in [
            "The auditors' verdict: the budget is unrealistic.",
            "The auditors\u{2019} verdict: the budget is unrealistic.",
            "The panel's conclusion on the depot: tidy yards.",
            "Their view: sound, but with little margin.",
            "His verdict, and hers: no.",
            "My verdict: the budget is unrealistic.",
            "The verdict: guilty.",
            "The union's verdict; the board's view: both no.",
        ] {
            assert_eq!(c25(s), c23(s), "{s}");
        }
        assert!(c25("The auditors' verdicts: no.").is_some());
        assert_eq!(
            c25("The auditorsx' verdict: no."),
            c23("The auditorsx' verdict: no.")
        );
    }

    /// [`colon_report_23`] and [`byline_tag_23`] as first written (every place read, the
    /// list searched first), for the tests of the cheaper forms.
    fn colon_report_23_reference(tokens: &[Token], raw: &str) -> Option<usize> {
        use super::super::analyzer::GAP_STOP;
        let n = tokens.count();
        let c = (1..n.min(15)).find(|&k| tokens.gap(k) & GAP_STOP != 0)?;
        let owned = (1..c).any(|j| {
            let Some(noun) = word(tokens, j).filter(|t| in_sorted(JUDGEMENT_NOUNS_23, t)) else {
                return false;
            };
            owned_judgement_23(tokens, raw, j, c, noun)
        });
        owned.then_some(c)
    }

    fn byline_tag_23_reference(tokens: &[Token]) -> Option<usize> {
        use super::super::analyzer::GAP_COMMA;
        let n = tokens.count();
        let v = (2..n.saturating_sub(1))
            .rev()
            .take(3)
            .find(|&v| is_any(tokens, Some(v), &["writes"]))?;
        (tokens.gap(v) & GAP_COMMA != 0 && name_words_23(tokens, v + 1..n)).then_some(v)
    }

    #[test]
    fn revision_23_cheaper_reads_agree_with_the_first_forms() {
        // Invented sentences, and their tokens with every span and gap changed in turn.
        for s in [
            "The auditors' verdict: the budget is unrealistic.",
            "The panel's conclusion on the depot: tidy yards.",
            "Their view: sound, but with little margin.",
            "His verdict, and hers: no.",
            "\"The union's\" verdict: no.",
            "Sources close to the union's view said: no.",
            "The union's verdict; the board's view: both no.",
            "My verdict: the budget is unrealistic.",
            "The verdict: guilty.",
            "Three days on a canal boat is a test of nerves, writes Ann Corrie",
            "A test, writes Ann writes Corrie",
            "A test, writes, writes Ann",
            "The scheme is flawed, writes the editor",
            "It works, writes Jo",
            "a, writes",
        ] {
            let t = toks(s);
            let mut variants = vec![t.clone()];
            for k in 0..t.len() {
                for gap in [0, 1, 2, 3] {
                    let mut v = t.clone();
                    v[k].gap = gap;
                    variants.push(v);
                }
                let mut v = t.clone();
                v[k].span = Span::Quoted;
                variants.push(v);
            }
            for v in &variants {
                assert_eq!(
                    colon_report_23(&v[..], s),
                    colon_report_23_reference(&v[..], s),
                    "{s}"
                );
                assert_eq!(
                    byline_tag_23(&v[..]),
                    byline_tag_23_reference(&v[..]),
                    "{s}"
                );
            }
        }
        // The keyed lists read as their binary search.
        for (keys, list) in [
            (&FIGURE_FRAME_KEYS_23, FIGURE_FRAMES_23),
            (&JUDGEMENT_NOUN_KEYS_23, JUDGEMENT_NOUNS_23),
        ] {
            let mut words: Vec<String> =
                ["", "a", "<num>", "1.5", "p\u{e4}ltry", "mere\u{e9}", "Zz"]
                    .map(String::from)
                    .to_vec();
            for w in list {
                words.extend([
                    w.to_string(),
                    w.to_uppercase(),
                    w[1..].to_string(),
                    w[..w.len() - 1].to_string(),
                    format!("{w}s"),
                    format!("{w}ly"),
                    format!("x{w}"),
                ]);
            }
            for w in &words {
                assert_eq!(in_keyed_list_23(keys, list, w), in_sorted(list, w), "{w}");
            }
        }
    }

    #[test]
    fn revision_22_reads_more_verdicts_on_a_report() {
        let at = verdict_word_in;
        // Invented sentences: a verdict revision 20 does not read, then one it reads in a
        // place it does not.
        for (s, word) in [
            (
                "The mayor insisted, with a straight face, that the trams ran on time.",
                "with",
            ),
            (
                "In 2015 the engineer warned, presciently, that the dam would leak.",
                "presciently",
            ),
            (
                "The landlord claimed, against all the evidence, that the flats were dry.",
                "against",
            ),
            (
                "The tenant told the tribunal, with complete justification, that the roof leaked.",
                "with",
            ),
            (
                "The coach argued, fairly enough, that the pitch was waterlogged.",
                "fairly",
            ),
            (
                "The minister told MPs, wrongly, that the ward had reopened.",
                "wrongly",
            ),
            (
                "The auditor quite rightly concluded that the books did not add up.",
                "quite",
            ),
            ("The bishop, shrewdly, predicted a narrow vote.", "shrewdly"),
        ] {
            assert_eq!(at(s, 22).as_deref(), Some(word), "{s}");
        }
        assert_eq!(
            at(
                "The engineer warned, presciently, that the dam would leak.",
                21
            ),
            None
        );
        // Not on a reporting verb, a literal phrase, a phrase broken by a comma, a clause
        // between the verb and the phrase.
        for s in [
            "The fans cheered, with a straight face, for the whole match.",
            "She played the final hand with a straight face.",
            "The clerk said the ticket was, fairly, enough for two.",
            "The mayor said the tram was late, and with complete justification the fares fell.",
            "The coach said the pitch was wet; understandably, the match was off.",
        ] {
            assert_eq!(at(s, 22), None, "{s}");
        }
    }

    #[test]
    fn revision_22_reads_the_imperative_after_a_fronted_clause() {
        let at = imperative_word_in;
        // Invented sentences.
        for (s, verb) in [
            ("Until the bridge reopens, expect long queues.", "expect"),
            ("If you can, book a table by the window.", "book"),
            ("While you are there, visit the crypt.", "visit"),
            ("When in doubt, ask the staff.", "ask"),
        ] {
            assert_eq!(at(s, 22).as_deref(), Some(verb), "{s}");
            assert_eq!(at(s, 21), None, "{s}");
        }
        for s in [
            "If approved, the scheme will start in May.",
            "When it opened, visit numbers doubled.",
            "Until 2019, the ferry ran twice a day.",
            "If you can, book a table?",
        ] {
            assert_eq!(at(s, 22), None, "{s}");
        }
    }

    #[test]
    fn the_marked_imperative_reads_as_the_reference_one() {
        // Invented sentences: openers, listed and unlisted verbs, fronted clauses (cue rules
        // 22) with openers after them, clauses too long or cut by a stop, quoted openings.
        let sentences = [
            "Until the bridge reopens, expect long queues.",
            "Until then, please expect delays.",
            "When in doubt, just ask the staff.",
            "If you can, do not bother with the tour.",
            "If you can, don't bother with the extended warranty.",
            "Once there, never trust a forecast.",
            "While you are there, so visit the crypt.",
            "Unless it rains, then go.",
            "If approved, the scheme will start in May.",
            "When it opened, visit numbers doubled.",
            "If you can, book a table?",
            "If the one two three four five six seven eight nine ten eleven twelve, book.",
            "If you can; book early.",
            "After all, write to your councillor.",
            "Before, Please WRITE to the regulator.",
            "Please book early for the Mahler.",
            "Do not expect miracles.",
            "Never bother at the depot.",
            "Book early.",
            "The council met on Monday.",
            "\"Book early,\" she said.",
            "Whenever, ask.",
            "If",
            "",
        ];
        for s in sentences {
            let t = toks(s);
            let marks = |k: usize| word_marks(&t[k].text);
            for rules in [13, 18, 19, 21, 22] {
                assert_eq!(
                    imperative_at_marked(
                        &t[..],
                        rules,
                        |k| marks(k) & MARK_IMPERATIVE_OPENER != 0,
                        |k| marks(k) & MARK_IMPERATIVE_VERB != 0,
                    ),
                    imperative_at(&t[..], rules),
                    "{s} ({rules})"
                );
            }
        }
        // The fronted clause is read on the marked path too.
        let t = toks("Until then, please expect delays.");
        let marks = |k: usize| word_marks(&t[k].text);
        let v = imperative_at_marked(
            &t[..],
            22,
            |k| marks(k) & MARK_IMPERATIVE_OPENER != 0,
            |k| marks(k) & MARK_IMPERATIVE_VERB != 0,
        );
        assert_eq!(v.map(|i| t[i].text.as_str()), Some("expect"));
    }

    #[test]
    fn revision_21_reads_loaded_words() {
        let at = |s: &str| words_where(s, is_loaded_21);
        // Invented sentences: loaded words, pairs and phrases in the author's voice.
        for (s, word) in [
            ("The club splurged a fortune on a goalkeeper.", "splurged"),
            ("Two directors enjoyed a junket to Monaco.", "junket"),
            ("The board is full of the owner's cronies.", "cronies"),
            ("The minister caved in after two days.", "caved"),
            ("The hospice budget was cut to the bone.", "bone"),
            ("The pier is a white elephant.", "white"),
            ("The scheme was a gravy train for consultants.", "gravy"),
            ("The council has a cosy deal with the developer.", "cosy"),
            (
                "The council rammed the charges through in an evening.",
                "rammed",
            ),
            ("The plan was kicked into the long grass.", "long"),
            ("The inquiry was a whitewash.", "whitewash"),
        ] {
            assert_eq!(at(s), [word], "{s}");
        }
        // Plain senses, literal ones, and quoted words.
        for s in [
            "A van rammed through the gates of the depot.",
            "The cave in the cliff flooded.",
            "A fat cat slept on the wall.",
            "The budget was cut by a tenth.",
            "The team wore white shirts.",
            "\"It was a junket,\" he said.",
            "The long walk ended at the grass verge.",
        ] {
            assert!(at(s).is_empty(), "{s}: {:?}", at(s));
        }
    }

    #[test]
    fn revision_20_reads_the_authors_verdict_on_a_report() {
        let at = |s: &str| verdict_word_in(s, 20);
        // Invented sentences: an adverb of the author's on the reporting verb, and an
        // endorsement or rebuttal closing the sentence.
        for (s, word) in [
            (
                "The chairman claimed, wrongly, that the club had never been in debt.",
                "wrongly",
            ),
            (
                "The landlord insisted (implausibly) that the damp was the tenants' fault.",
                "implausibly",
            ),
            (
                "The operator argued - unconvincingly - that the delays were unavoidable.",
                "unconvincingly",
            ),
            (
                "The mayor said falsely that the tram was on budget.",
                "falsely",
            ),
            (
                "The board rightly argued that the stand was unsafe.",
                "rightly",
            ),
            (
                "As the inspectors correctly reported, the fire doors were locked.",
                "correctly",
            ),
            (
                "The ferry company belatedly admitted that the timetable was unworkable.",
                "belatedly",
            ),
            (
                "Residents say the bypass has ruined the village, and they are right.",
                "right",
            ),
            (
                "The coach said the referee had cost them the game, and he was wrong to say so.",
                "wrong",
            ),
            (
                "The developer claims the towers will blend in, which is nonsense.",
                "nonsense",
            ),
            (
                "Teachers warned that the reforms would backfire, and the teachers were right.",
                "right",
            ),
            (
                "The airline says its fares are the lowest, which is simply not true.",
                "true",
            ),
            (
                "The inspectors praised the new ward, and rightly so.",
                "rightly",
            ),
            (
                "Ministers say the scheme pays for itself, and that is untrue.",
                "untrue",
            ),
            (
                "Parents say the crossing is dangerous, and with good reason.",
                "good",
            ),
            // A feeling opens a scope too: the endorsement is still the author's.
            ("Parents are angry, and with good reason.", "good"),
            (
                "The dockers argue the cranes are unsafe, and they have a point.",
                "point",
            ),
            (
                "The club conveniently claimed that the fixture clash was a coincidence.",
                "conveniently",
            ),
        ] {
            assert_eq!(at(s).as_deref(), Some(word), "{s}");
        }
        // How the source spoke, a passive, a verdict of the source's, a verdict in the
        // source's quotation, a plain sentence, and a clause that may go on with the report.
        for s in [
            "The minister said quietly that the figures had been revised.",
            "The chairman claimed, with a smile, that the club was debt-free.",
            "He added drily that the council had been warned.",
            "The driver was wrongly accused of speeding, the court heard.",
            "The ombudsman said the refusal was wrong.",
            "The judge said the evidence was thin, and the jury agreed.",
            "\"The critics are wrong,\" the director said.",
            "\"They rightly concluded that the bridge was unsafe,\" she said.",
            "The bridge was rightly closed.",
            "The tram is late, and the council is wrong.",
            "The judge said the evidence was thin, and it was wrong to proceed.",
            "Doctors said the ward was full, which was true of most hospitals that week.",
            "The dockers said they had a point to prove.",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
    }

    #[test]
    fn revision_19_reads_the_readers_calls_to_action_as_an_imperative() {
        let at = imperative_word_in;
        // Invented sentences: a call to act on a public matter, advice to spare oneself.
        for (s, verb) in [
            ("Write to your MP before the second reading.", "write"),
            (
                "Complain to the ombudsman if the refund is refused.",
                "complain",
            ),
            ("Lobby the committee while there is still time.", "lobby"),
            ("Don't bother with the premium seats.", "bother"),
            ("Never bother with the airport shuttle.", "bother"),
        ] {
            assert_eq!(at(s, 19).as_deref(), Some(verb), "{s}");
            assert_eq!(at(s, 18), None, "{s}");
        }
        // Nouns, reports and questions stay as they were.
        for s in [
            "Write-offs at the bank doubled last year.",
            "Complaints to the council rose by a fifth.",
            "Lobby groups spent £2m on the campaign.",
            "Bother at the depot delayed the first train.",
            "Write to the council or phone it?",
            "Residents were told to write to the council.",
            // The newsroom's own contact line: no one else's object.
            "Write to us at the address below.",
            "Write to Ask Alys, The Gazette, Quay Street, Porthavon.",
        ] {
            assert_eq!(at(s, 19), None, "{s}");
        }
    }

    #[test]
    fn revision_13_reads_an_opening_imperative_of_advice() {
        for (s, verb) in [
            ("Book early for the Mahler in March.", "book"),
            ("Go for the first act, and stay for the last.", "go"),
            ("Take a cushion.", "take"),
            ("Go, sit at the front and forgive the third act.", "go"),
            ("Read it slowly, in winter if you can.", "read"),
            ("Please book now.", "book"),
            ("Do not expect miracles from the new timetable.", "expect"),
            ("Draw your own conclusions.", "draw"),
            ("Ask for a room on the quiet side.", "ask"),
            ("Scrap the levy and start again.", "scrap"),
            ("So ignore the headline figure.", "ignore"),
        ] {
            assert_eq!(imperative(s).as_deref(), Some(verb), "{s}");
        }
        for s in [
            // A noun or a participle where a verb could be.
            "Book sales rose by a third last year.",
            "Watch makers in the town employ 300 people.",
            "Win for City in the derby lifts them to third.",
            "Order was restored after an hour.",
            "Leave campaigners held a rally on Saturday.",
            "Set 247 to win, they were 88 for three at lunch.",
            // A recipe's steps and an explainer's instructions: verbs of procedure.
            "Add the flour and stir for two minutes.",
            "Preheat the oven to 200C.",
            "Put the pan on a low heat and let the onions soften.",
            "Make a well in the centre of the flour.",
            "Cut the potatoes into chunks.",
            "Apply online through the council's website.",
            "Click the link in the email and enter your code.",
            "Use the app to check your balance.",
            // A question, an imperative later in the sentence, a statement.
            "Take the bus or drive?",
            "If you go, take a coat.",
            "Expectations were high before the vote.",
            "The council should scrap the levy.",
        ] {
            assert_eq!(imperative(s), None, "{s}");
        }
        // Quoted words are no author's imperative (the caller leaves out reported speech).
        assert_eq!(imperative("\"Go and see it,\" she said."), None);
    }

    /// The index of `say` in `would say that` read as an aside, in `s`.
    fn would_say(s: &str) -> bool {
        would_say_aside(&toks(s)[..]).is_some()
    }

    #[test]
    fn revision_13_reads_would_say_that_alone_as_an_aside() {
        for s in [
            "He would say that.",
            "Well, she would say so, wouldn't she?",
            "They would say that, of course.",
            "The developer would say that; the residents disagree.",
        ] {
            assert!(would_say(s), "{s}");
        }
        for s in [
            "Critics would say that the plan fails the poorest.",
            "She would say that it was never her decision.",
            "He said that.",
            "He would say nothing more.",
            "I would say so much more if I could.",
        ] {
            assert!(!would_say(s), "{s}");
        }
    }

    #[test]
    fn revision_12_reads_more_literal_senses() {
        for (s, w) in [
            ("The court reduced the fine by a third.", "fine"),
            ("He must pay a victim surcharge of £190.", "victim"),
            ("The village lies in a valley.", "lies"),
            (
                "The council voted to stop the clock striking at night.",
                "striking",
            ),
            ("Striking workers gathered at the depot.", "striking"),
            (
                "The side came within striking distance of the lead.",
                "striking",
            ),
        ] {
            assert!(neutral_12(s, w), "{s}");
        }
        for (s, w) in [
            ("It was a fine example of leadership.", "fine"),
            ("He was the victim of his own success.", "victim"),
            ("The campaign was built on lies.", "lies"),
            ("It was a striking performance.", "striking"),
        ] {
            assert!(!neutral_12(s, w), "{s}");
        }
    }

    #[test]
    fn neutral_senses_are_read_from_the_neighbours() {
        for (s, w) in [
            ("Shops will close on Good Friday.", "good"),
            ("Trains on the Great Western line were cancelled.", "great"),
            ("He was given a fine of £500.", "fine"),
            ("She paid a £500 fine.", "fine"),
            ("The fine was paid within a week.", "fine"),
            ("What kind of school will it be?", "kind"),
            ("This sort of case takes months.", "sort"),
            ("The firm paid its staff in kind.", "kind"),
            ("The fire started just after midnight.", "just"),
            ("Turnout was just over half.", "just"),
            ("The council has just approved the plan.", "just"),
            ("Cities such as Leeds have bus lanes.", "such"),
            ("They chose to walk rather than wait.", "rather"),
            ("The road was closed so that crews could work.", "so"),
            ("Sales have risen so far this year.", "so"),
            ("The road was closed, so drivers used the bypass.", "so"),
            (
                "The budget passed even though two members abstained.",
                "even",
            ),
            ("Her brother voted for the plan, too.", "too"),
            ("Crowds visited the county fair.", "fair"),
            ("The shares were sold at fair value.", "fair"),
            ("Crews worked to clear the site.", "clear"),
            ("The leaders are six points clear of the pack.", "clear"),
            ("The patient is in a critical condition.", "critical"),
            ("The effect was statistically significant.", "significant"),
            ("The mill closed for good.", "good"),
            ("Police are appealing for witnesses.", "appealing"),
            ("A severe thunderstorm watch is in place.", "severe"),
            ("The trial found no significant difference.", "significant"),
            ("The Shocking Pink Cafe will provide food.", "shocking"),
            (
                "Fans met at the Dreadful Winter of 1740 exhibition.",
                "dreadful",
            ),
        ] {
            assert!(neutral(s, w), "{w:?} in {s:?} should read as neutral");
        }
    }

    #[test]
    fn timetables_are_read_apart_from_predictions() {
        let scheduled = |s: &str| {
            let t = toks(s);
            let i = t.iter().position(|x| x.text == "will").unwrap();
            is_scheduled(&t[..], i, "will")
        };
        for s in [
            "The library will reopen on Monday.",
            "Fuel duty will be frozen until April.",
            "The inquiry will not publish its report until June.",
            "The new rules will come into force next year.",
            "The final will take place in Cardiff.",
            "The money will be spread over ten years.",
            "Both leaders will also attend the summit.",
        ] {
            assert!(scheduled(s), "{s}");
        }
        for s in [
            "The plan will fail.",
            "Ireland will win on Saturday.",
            "The decision will be seen as a betrayal.",
            "Voters will not forgive them.",
            "It will be a disaster.",
            "The deal will collapse before Christmas.",
        ] {
            assert!(!scheduled(s), "{s}");
        }
    }

    #[test]
    fn the_judging_sense_stays() {
        for (s, w) in [
            ("It was a good decision.", "good"),
            ("This is a fine example of waste.", "fine"),
            ("The ruling is fine.", "fine"),
            ("It was kind of strange.", "kind"),
            ("It was kind of them to help.", "kind"),
            ("The plan is just wrong.", "just"),
            ("The plan is so bad it hurts.", "so"),
            ("It is too late.", "too"),
            ("It is only fair that they pay.", "fair"),
            ("It is clear the plan failed.", "clear"),
            ("The minister made it clear that he would stay.", "clear"),
            ("Poor Mr Hale never had a chance.", "poor"),
            ("The report is critical of the police.", "critical"),
            ("It was a significant failure.", "significant"),
            ("Great News For Savers As Rates Rise", "great"),
            ("Even the minister admits it.", "even"),
            ("The offer is appealing to many buyers.", "appealing"),
            ("The scheme is a waste of money.", "waste"),
            ("It was a dreadful winter for the farmers.", "dreadful"),
            ("The rather dull speech ended early.", "rather"),
        ] {
            assert!(
                !neutral(s, w),
                "{w:?} in {s:?} should keep its judging sense"
            );
        }
    }

    /// Whether the frame whose first word is `w` (the first such token) is read as the
    /// author's.
    fn authors_frame(s: &str, w: &str) -> bool {
        let t = toks(s);
        let i = t
            .iter()
            .position(|x| x.text.eq_ignore_ascii_case(w))
            .unwrap_or_else(|| panic!("{w:?} not in {s:?}: {t:?}"));
        is_authors_frame(&t[..], i, &w.to_lowercase())
    }

    #[test]
    fn stance_frames_count_as_an_aside_only_where_they_have_a_literal_use() {
        for (s, w) in [
            (
                "Once again, the council has failed to fix the roads.",
                "once",
            ),
            ("The outside world, once again, is looking away.", "once"),
            ("But once again the warnings were ignored.", "once"),
            ("Then again, the fans have heard that before.", "then"),
            ("Passengers, as usual, will pay the price.", "as"),
            ("The plan is, to be fair, only a draft.", "to"),
            ("To say the least, the timing was odd.", "to"),
            // Frames without a literal use count wherever they stand.
            ("That will be cold comfort to the tenants.", "cold"),
            ("Whether it works remains to be seen.", "remains"),
            ("The result was hardly a surprise.", "hardly"),
        ] {
            assert!(authors_frame(s, w), "{w:?} in {s:?} is the author's");
        }
        for (s, w) in [
            ("The river burst its banks once again on Tuesday.", "once"),
            ("He was fined in 2019 and then again in 2021.", "then"),
            ("Schools will open as usual on Monday.", "as"),
            ("The trial must be seen to be fair.", "to"),
            ("The club has yet again been fined.", "yet"),
        ] {
            assert!(!authors_frame(s, w), "{w:?} in {s:?} is literal");
        }
    }
}
