//! Word lists of the segmenter, written for factop: abbreviations, sentence openers and
//! attribution cues. All matching is on ASCII bytes; nothing here allocates.

/// How an abbreviation followed by `.` behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Never ends a sentence: titles before a name (`Dr.`, `Sen.`), `e.g.`, `vs.`.
    Inner,
    /// Ends a sentence only before a typical opener: `U.S.`, `Inc.`, `Jan.`, initials.
    Ambiguous,
    /// Ends a sentence before any capitalised word except a time zone, weekday or
    /// month: `a.m.`, `p.m.`, `etc.`.
    Loose,
    /// An abbreviation only before a number (`No. 5`, `p. 12`); otherwise a plain word.
    BeforeNumber,
}

/// Bytes that may stand before an abbreviation token (start of a word).
fn word_start_before(b: &[u8], t: usize, floor: usize) -> bool {
    if t <= floor {
        return true;
    }
    let p = b[t - 1];
    if p < 0x80 {
        return p.is_ascii_whitespace() || matches!(p, b'(' | b'[' | b'"' | b'\'' | b'-' | b'/');
    }
    // Non-ASCII: accept an opening quotation mark or a dash.
    if t >= floor + 3 && b[t - 3] == 0xE2 && b[t - 2] == 0x80 {
        return matches!(b[t - 1], 0x9C | 0x98 | 0x93 | 0x94 | 0x9E);
    }
    if t >= floor + 2 && b[t - 2] == 0xC2 {
        return matches!(b[t - 1], 0xAB | 0xA0);
    }
    false
}

/// Classify the token that ends at `dot` (the byte index of a `.`), if it is an
/// abbreviation. `floor` is the lowest index the look-back may reach.
pub(super) fn abbrev_before(b: &[u8], dot: usize, floor: usize) -> Option<Abbrev> {
    const MAX_TOKEN: usize = 16;
    let lo = floor.max(dot.saturating_sub(MAX_TOKEN + 1));
    let mut t = dot;
    while t > lo && (b[t - 1].is_ascii_alphabetic() || b[t - 1] == b'.') {
        t -= 1;
    }
    if t == dot || b[t] == b'.' || !word_start_before(b, t, floor) {
        return None;
    }
    let tok = &b[t..dot];
    if tok.contains(&b'.') {
        return dotted(tok);
    }
    if tok.len() == 1 {
        return match tok[0] {
            b'A'..=b'Z' => Some(Abbrev::Ambiguous),
            b'p' => Some(Abbrev::BeforeNumber),
            b'v' => Some(Abbrev::Inner),
            _ => None,
        };
    }
    word(tok)
}

/// Tokens with inner dots: `U.S`, `e.g`, `a.m`, `Ph.D`, `J.R.R`.
fn dotted(tok: &[u8]) -> Option<Abbrev> {
    if tok
        .split(|&c| c == b'.')
        .any(|seg| seg.is_empty() || seg.len() > 2)
    {
        return None;
    }
    let mut low = [0u8; 16];
    let n = tok.len().min(16);
    for (d, s) in low.iter_mut().zip(&tok[..n]) {
        *d = s.to_ascii_lowercase();
    }
    match &low[..n] {
        b"e.g" | b"i.e" | b"a.k.a" => Some(Abbrev::Inner),
        b"a.m" | b"p.m" => Some(Abbrev::Loose),
        _ => Some(Abbrev::Ambiguous),
    }
}

/// Single-word abbreviations (case-sensitive, as written in news copy).
fn word(tok: &[u8]) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match tok {
        // Titles and ranks: always followed by a name.
        b"Mr" | b"Mrs" | b"Ms" | b"Mx" | b"Messrs" | b"Mme" | b"Mlle" | b"Dr" | b"Drs"
        | b"Prof" | b"Sen" | b"Sens" | b"Rep" | b"Reps" | b"Gov" | b"Govs" | b"Gen" | b"Gens"
        | b"Lt" | b"Col" | b"Capt" | b"Sgt" | b"Cpl" | b"Pvt" | b"Adm" | b"Maj" | b"Cmdr"
        | b"Cdr" | b"Brig" | b"Rev" | b"Hon" | b"Pres" | b"Supt" | b"Det" | b"Insp" | b"Atty"
        | b"Amb" | b"Fr" | b"Sra" => Inner,
        // Latin and reference words that always continue.
        b"vs" | b"cf" | b"viz" | b"approx" | b"ca" | b"incl" | b"esp" | b"Approx" => Inner,
        // Before a number only.
        b"No" | b"Nos" | b"no" | b"Vol" | b"Vols" | b"vol" | b"pp" | b"Fig" | b"Figs" | b"fig"
        | b"Art" | b"Ch" | b"ch" | b"Sec" | b"Nr" | b"Pt" | b"Ex" | b"Op" | b"est" | b"Est" => {
            BeforeNumber
        }
        b"etc" => Loose,
        // Months and weekdays.
        b"Jan" | b"Feb" | b"Mar" | b"Apr" | b"Jun" | b"Jul" | b"Aug" | b"Sep" | b"Sept"
        | b"Oct" | b"Nov" | b"Dec" | b"Mon" | b"Tue" | b"Tues" | b"Wed" | b"Thu" | b"Thur"
        | b"Thurs" | b"Fri" | b"Sat" | b"Sun" => Ambiguous,
        // Companies, places, suffixes, et al.
        b"Inc" | b"Ltd" | b"Co" | b"Corp" | b"Cos" | b"Bros" | b"Plc" | b"Jr" | b"Sr" | b"St"
        | b"Ste" | b"Ave" | b"Blvd" | b"Rd" | b"Mt" | b"Ft" | b"Dept" | b"Univ" | b"Assn"
        | b"Intl" | b"Natl" | b"Govt" | b"al" | b"Esq" => Ambiguous,
        // US states in AP style.
        b"Ala" | b"Ariz" | b"Ark" | b"Calif" | b"Colo" | b"Conn" | b"Del" | b"Fla" | b"Ga"
        | b"Ill" | b"Ind" | b"Kan" | b"Ky" | b"La" | b"Md" | b"Mass" | b"Mich" | b"Minn"
        | b"Miss" | b"Mo" | b"Mont" | b"Neb" | b"Nev" | b"Okla" | b"Ore" | b"Pa" | b"Tenn"
        | b"Tex" | b"Va" | b"Vt" | b"Wash" | b"Wis" | b"Wyo" => Ambiguous,
        _ => return None,
    })
}

/// Words that typically open a sentence; after an ambiguous abbreviation they mean the
/// abbreviation ended the sentence (`… moved to the U.S. She said …`).
pub(super) fn is_starter(w: &[u8]) -> bool {
    matches!(
        w,
        b"The"
            | b"A"
            | b"An"
            | b"He"
            | b"She"
            | b"It"
            | b"They"
            | b"We"
            | b"I"
            | b"You"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"Their"
            | b"His"
            | b"Her"
            | b"Its"
            | b"Our"
            | b"My"
            | b"Your"
            | b"But"
            | b"And"
            | b"Or"
            | b"So"
            | b"Yet"
            | b"In"
            | b"On"
            | b"At"
            | b"For"
            | b"If"
            | b"When"
            | b"While"
            | b"After"
            | b"Before"
            | b"As"
            | b"However"
            | b"Meanwhile"
            | b"Still"
            | b"Then"
            | b"Now"
            | b"Some"
            | b"Many"
            | b"Most"
            | b"All"
            | b"Both"
            | b"Each"
            | b"No"
            | b"Not"
            | b"What"
            | b"Why"
            | b"How"
            | b"Who"
            | b"Where"
            | b"Although"
            | b"Though"
            | b"Because"
            | b"Since"
            | b"Once"
            | b"Last"
            | b"Earlier"
            | b"Later"
            | b"Today"
            | b"Yesterday"
            | b"Tomorrow"
            | b"Several"
            | b"Few"
            | b"Despite"
            | b"During"
            | b"Also"
            | b"Instead"
            | b"Indeed"
            | b"Nevertheless"
            | b"Overall"
            | b"Such"
            | b"Another"
            | b"Every"
            | b"Any"
            | b"According"
            | b"Asked"
            | b"Officials"
            | b"Police"
            | b"Critics"
            | b"Analysts"
            | b"Thousands"
            | b"Hundreds"
            | b"Dozens"
            | b"Millions"
            | b"Residents"
            | b"Witnesses"
            | b"Authorities"
            | b"Experts"
            | b"Protesters"
            | b"Voters"
            | b"Others"
            | b"Neither"
            | b"Nothing"
            | b"Nobody"
            | b"Everyone"
            | b"Here"
            | b"Only"
            | b"Even"
            | b"Like"
            | b"Unlike"
            | b"Maybe"
            | b"Perhaps"
            | b"Yes"
            | b"Well"
            | b"Let"
            | b"Please"
    )
}

/// Words that follow an apostrophe at the start of an elided word (`'em`, `'til`, `’cause`):
/// that apostrophe opens no quotation.
pub(crate) fn is_elision(w: &[u8]) -> bool {
    matches!(
        w,
        b"em"
            | b"til"
            | b"tis"
            | b"twas"
            | b"cause"
            | b"bout"
            | b"round"
            | b"n"
            | b"nuff"
            | b"cos"
            | b"cuz"
            | b"ello"
            | b"ere"
    )
}

/// Words after `a.m.`/`p.m.`/`etc.` that keep the sentence going (`6 p.m. Eastern time`,
/// `at 9 a.m. Tuesday`).
pub(super) fn is_time_follow(w: &[u8]) -> bool {
    matches!(
        w,
        b"ET"
            | b"EST"
            | b"EDT"
            | b"CT"
            | b"CST"
            | b"CDT"
            | b"MT"
            | b"MST"
            | b"MDT"
            | b"PT"
            | b"PST"
            | b"PDT"
            | b"GMT"
            | b"UTC"
            | b"BST"
            | b"CET"
            | b"CEST"
            | b"IST"
            | b"Eastern"
            | b"Central"
            | b"Mountain"
            | b"Pacific"
            | b"Monday"
            | b"Tuesday"
            | b"Wednesday"
            | b"Thursday"
            | b"Friday"
            | b"Saturday"
            | b"Sunday"
            | b"January"
            | b"February"
            | b"March"
            | b"April"
            | b"May"
            | b"June"
            | b"July"
            | b"August"
            | b"September"
            | b"October"
            | b"November"
            | b"December"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
    )
}

/// Speech and opinion verbs that attribute what is said to a source (lower-case, sorted).
pub(super) const CUE_VERBS: &[&[u8]] = &[
    b"accused",
    b"acknowledged",
    b"acknowledges",
    b"added",
    b"adds",
    b"admits",
    b"admitted",
    b"alleged",
    b"alleges",
    b"announced",
    b"announces",
    b"answered",
    b"argued",
    b"argues",
    b"asked",
    b"asks",
    b"asserted",
    b"asserts",
    b"believes",
    b"blamed",
    b"called",
    b"cautioned",
    b"cited",
    b"citing",
    b"claimed",
    b"claims",
    b"commented",
    b"complained",
    b"conceded",
    b"concedes",
    b"condemned",
    b"confirmed",
    b"confirms",
    b"contended",
    b"contends",
    b"continued",
    b"countered",
    b"criticised",
    b"criticized",
    b"declared",
    b"declares",
    b"denied",
    b"denies",
    b"emphasised",
    b"emphasized",
    b"estimated",
    b"explained",
    b"explains",
    b"insisted",
    b"insists",
    b"joked",
    b"maintained",
    b"noted",
    b"notes",
    b"observed",
    b"pledged",
    b"praised",
    b"predicted",
    b"predicts",
    b"promised",
    b"quipped",
    b"quoted",
    b"quoting",
    b"recalled",
    b"recalls",
    b"remarked",
    b"replied",
    b"replies",
    b"reported",
    b"responded",
    b"retorted",
    b"said",
    b"say",
    b"says",
    b"shouted",
    b"stated",
    b"stressed",
    b"suggested",
    b"tells",
    b"testified",
    b"thinks",
    b"told",
    b"tweeted",
    b"urged",
    b"urges",
    b"vowed",
    b"warned",
    b"warns",
    b"whispered",
    b"wondered",
    b"writes",
    b"wrote",
    b"yelled",
];

/// A bit per letter (`a` = bit 0) that some cue verb (or `according`) ends with: `d e g s y`.
pub(super) static CUE_LAST: u32 = {
    let mut t = 0u32;
    let mut k = 0;
    while k < CUE_VERBS.len() {
        let w = CUE_VERBS[k];
        t |= 1 << (w[w.len() - 1] - b'a');
        k += 1;
    }
    t | 1 << (b'g' - b'a') // according
};

/// Filter before the exact look-up: for a word length (up to 12) and first letter, a bit per
/// last letter (`a` = bit 0) that some cue verb (or `according`) has.
pub(super) static CUE_FILTER: [[u32; 26]; 13] = {
    let mut t = [[0u32; 26]; 13];
    let mut k = 0;
    while k <= CUE_VERBS.len() {
        let w: &[u8] = if k < CUE_VERBS.len() {
            CUE_VERBS[k]
        } else {
            b"according"
        };
        let n = w.len();
        t[n][(w[0] - b'a') as usize] |= 1 << (w[n - 1] - b'a');
        k += 1;
    }
    t
};

/// A lower-case ASCII word of at most 16 bytes packed into an integer, for fast comparison.
pub(super) const fn pack(w: &[u8]) -> u128 {
    let mut x = 0u128;
    let mut i = 0;
    while i < w.len() && i < 16 {
        x |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    x
}

/// [`CUE_VERBS`] packed and sorted.
static CUE_KEYS: [u128; CUE_VERBS.len()] = {
    let mut t = [0u128; CUE_VERBS.len()];
    let mut k = 0;
    while k < t.len() {
        t[k] = pack(CUE_VERBS[k]);
        k += 1;
    }
    // insertion sort (const context)
    let mut i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j - 1] > t[j] {
            let x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
            j -= 1;
        }
        i += 1;
    }
    t
};

/// Whether lower-case `w` is one of [`CUE_VERBS`].
pub(crate) fn is_cue_verb(w: &[u8]) -> bool {
    w.len() <= 16 && CUE_KEYS.binary_search(&pack(w)).is_ok()
}

/// Context that turns a cue verb into something else. `prev` and `next` are the lower-case
/// words around the verb `w` (empty when none); `initial`: `w` is the sentence's first word.
/// a determiner makes it a noun (`the said`, `his claims`, `That said`); a form of *be* or
/// *get* makes it passive (`can be said to`, `we'll be told`, `is predicted to`); `as`
/// makes it an aside (`As predicted`, `as noted`); `needless to say`, sentence-initial
/// imperative `Say your city …`; `so-called`; `called` only names something unless an
/// object or `for`/`on` follows (`a memo called tyomniki` vs `called the plan …`);
/// `predicted to`/`estimated to` are forecasts, not speech.
pub(crate) fn blocks_cue(prev: &[u8], w: &[u8], next: &[u8], initial: bool) -> bool {
    let determiner = matches!(
        prev,
        b"a" | b"an"
            | b"the"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"your"
            | b"my"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"no"
            | b"any"
            | b"some"
            | b"such"
            | b"every"
            | b"false"
            | b"unfounded"
    );
    let passive = matches!(
        prev,
        b"is"
            | b"was"
            | b"were"
            | b"are"
            | b"am"
            | b"be"
            | b"been"
            | b"being"
            | b"get"
            | b"gets"
            | b"got"
            | b"getting"
            | b"as"
            | b"so"
    );
    determiner
        || passive
        || (w == b"say" && (prev == b"to" || initial))
        || (w == b"continued" && prev != b"he" && prev != b"she")
        || (w == b"called"
            && !matches!(
                next,
                b"the"
                    | b"a"
                    | b"an"
                    | b"it"
                    | b"him"
                    | b"her"
                    | b"them"
                    | b"this"
                    | b"that"
                    | b"these"
                    | b"those"
                    | b"his"
                    | b"their"
                    | b"its"
                    | b"our"
                    | b"my"
                    | b"your"
                    | b"for"
                    | b"on"
                    | b"upon"
            ))
        || (matches!(w, b"predicted" | b"estimated") && next == b"to")
}
