//! The hot path of [`Featurizer::transform`]: the same sparse vector as the straightforward
//! version (emit every n-gram as a `String`, look it up in a `HashMap<String, _>`, sort the
//! hits), without building a string per n-gram.
//!
//! * At load, the vocabulary becomes two tries ([`Index`]): word n-grams as paths of word ids
//!   (one id per distinct word of the vocabulary's word n-grams), character n-grams as paths of
//!   characters. A trie matches exactly -- no hashing of n-grams, no false hits -- and walking
//!   it from each start position stops as soon as no vocabulary term extends the path.
//! * Per thread, each distinct token text is analysed once and cached ([`Cache`]): its word id,
//!   the vocabulary indices of its character n-grams (those depend on the token alone, as
//!   they are taken within word boundaries) and what the cues need to know about it. News
//!   text repeats the same few thousand words, so most tokens cost one hash look-up.
//! * Term frequencies are counted in a dense per-thread array with a two-level bit set of the
//!   touched terms, which yields the indices in increasing order without sorting.
//! * Tokens borrow from the normalised sentence; all buffers are reused.

use super::analyzer::{
    normalise_decoded_into, span_runs, tokenise_into, Context, Quotes, Span, Tok, NEWSROOM,
    REPORTED_STANCE,
};
use super::cues::{TokenInfo, TokenSeq, N_CUES};
use super::{Featurizer, SparseVec, CHAR_PREFIX};
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// No term / no word id.
const NONE: u32 = u32::MAX;

/// Cached token texts per thread before the cache starts afresh (bounds memory).
const MAX_ENTRIES: usize = 1 << 16;
/// Cached character n-gram hits per thread before the cache starts afresh.
const MAX_ARENA: usize = 1 << 21;

/// Identifies an [`Index`] (so a thread's cache is never used with another vocabulary).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A trie over sequences of `u32` symbols, its edges in one open-addressing table (linear
/// probing, at most half full): a step is a multiply, a shift and usually one compare.
/// Built by [`TrieBuilder`].
#[derive(Debug)]
struct Trie {
    /// The edges: `((node << 32) | symbol, child)`, `EMPTY_EDGE` in free slots; a
    /// power-of-two size.
    table: Vec<(u64, u32)>,
    /// `64 - log2(table.len())`: the high bits of the hashed edge index the table.
    shift: u32,
    /// The term index ending at each node (`NONE`: none); node 0 is the root.
    terms: Vec<u32>,
}

/// No edge: node `u32::MAX` never exists.
const EMPTY_EDGE: u64 = u64::MAX;

fn edge(node: u32, symbol: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(symbol)
}

/// The symbol sequences of a [`Trie`] and the term each one ends in, collected before the
/// trie is built.
#[derive(Debug, Default)]
struct TrieBuilder {
    /// Every sequence's symbols, one after another.
    symbols: Vec<u32>,
    /// Each sequence's end in `symbols` and its term.
    seqs: Vec<(usize, u32)>,
}

impl TrieBuilder {
    fn push(&mut self, symbols: impl Iterator<Item = u32>, term: u32) {
        self.symbols.extend(symbols);
        self.seqs.push((self.symbols.len(), term));
    }

    /// The trie of the sequences (for a sequence given twice, the last one's term).
    fn build(self) -> Trie {
        self.build_in_order().unwrap_or_else(|| {
            let sorted = self.sorted();
            sorted
                .build_in_order()
                .expect("sorted sequences share exactly their common prefixes")
        })
    }

    /// The trie, built on the assumption that the sequences come in lexicographic order (as
    /// a sorted vocabulary gives them): then a sequence shares with the ones before it exactly
    /// its common prefix with the one just before, and its other edges are new and go into the
    /// table without looking any up. `None` if that was not so (an edge made twice).
    fn build_in_order(&self) -> Option<Trie> {
        // Each sequence with the length of its common prefix with the one before, and its term.
        let sequences = || {
            let (mut start, mut prev) = (0, 0..0);
            self.seqs.iter().map(move |&(end, term)| {
                let seq = &self.symbols[start..end];
                let common = (seq.iter().zip(&self.symbols[prev.clone()]))
                    .take_while(|(a, b)| a == b)
                    .count();
                prev = start..end;
                start = end;
                (seq, common, term)
            })
        };
        let edges = sequences().map(|(seq, common, _)| seq.len() - common).sum();
        let mut trie = Trie::with_edges(edges);
        // The nodes along the previous sequence (after its first, second, ... symbol).
        let mut path: Vec<u32> = Vec::new();
        for (seq, common, term) in sequences() {
            path.truncate(common);
            let mut node = path.last().copied().unwrap_or(0);
            for &s in &seq[common..] {
                let child = trie.terms.len() as u32;
                trie.terms.push(NONE);
                trie.add_edge(edge(node, s), child)?;
                path.push(child);
                node = child;
            }
            trie.terms[node as usize] = term;
        }
        Some(trie)
    }

    /// The same sequences in lexicographic order (equal ones in their order).
    fn sorted(&self) -> TrieBuilder {
        let mut seqs: Vec<(&[u32], u32)> = Vec::with_capacity(self.seqs.len());
        let mut start = 0;
        for &(end, term) in &self.seqs {
            seqs.push((&self.symbols[start..end], term));
            start = end;
        }
        seqs.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = TrieBuilder::default();
        for (seq, term) in seqs {
            out.push(seq.iter().copied(), term);
        }
        out
    }
}

impl Trie {
    /// A trie of only the root, with room for `edges` edges.
    fn with_edges(edges: usize) -> Trie {
        let size = (2 * edges).next_power_of_two().max(2);
        let mut terms = Vec::with_capacity(edges + 1);
        terms.push(NONE);
        Trie {
            table: vec![(EMPTY_EDGE, NONE); size],
            shift: 64 - size.trailing_zeros(),
            terms,
        }
    }

    /// Add an edge to the table (`None` if it is there already).
    fn add_edge(&mut self, e: u64, child: u32) -> Option<()> {
        let mask = self.table.len() - 1;
        let mut i = self.home(e);
        while self.table[i].0 != EMPTY_EDGE {
            if self.table[i].0 == e {
                return None;
            }
            i = (i + 1) & mask;
        }
        self.table[i] = (e, child);
        Some(())
    }

    #[inline]
    fn home(&self, e: u64) -> usize {
        (e.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn step(&self, node: u32, symbol: u32) -> Option<u32> {
        let e = edge(node, symbol);
        let mask = self.table.len().wrapping_sub(1);
        let mut i = self.home(e);
        loop {
            let (key, child) = *self.table.get(i)?;
            if key == e {
                return Some(child);
            }
            if key == EMPTY_EDGE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The vocabulary as tries, built once per [`Featurizer`].
#[derive(Debug)]
pub(crate) struct Index {
    id: u64,
    /// Every word of the vocabulary's word n-grams → its id.
    words: FxHashMap<Box<str>, u32>,
    word_trie: Trie,
    /// Longest word n-gram emitted (0: word n-grams off).
    word_max: usize,
    char_trie: Trie,
    /// Longest character n-gram emitted (0: off).
    char_max: usize,
    n_terms: usize,
    /// [`tf_weight`](super::tf_weight) for small term frequencies (no `ln` per term).
    tf_table: [f32; TF_TABLE],
}

/// Term frequencies below this have their weight factor tabulated.
const TF_TABLE: usize = 32;

impl Index {
    /// Index the n-gram terms that [`Analyzer::terms`](super::Analyzer::terms) can emit under
    /// `config` (a term it never emits can never be hit, so it is left out).
    pub(crate) fn new(config: &super::FeatureConfig, terms: &[CompactString]) -> Index {
        let wmax = config.word_ngrams[1];
        let cmax = config.char_ngrams[1];
        let (words, word_trie, char_trie) = Self::sequences(config, terms);
        Index {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            words,
            word_trie: word_trie.build(),
            word_max: wmax,
            char_trie: char_trie.build(),
            char_max: cmax,
            n_terms: terms.len(),
            tf_table: std::array::from_fn(|tf| super::tf_weight(config, tf as u32)),
        }
    }

    /// The word ids and the symbol sequences of the two tries: word n-grams as word ids,
    /// character n-grams as characters. Both come in lexicographic order from a sorted
    /// vocabulary (words hold no character below the space that joins them), so the tries are
    /// built without looking edges up.
    fn sequences(
        config: &super::FeatureConfig,
        terms: &[CompactString],
    ) -> (FxHashMap<Box<str>, u32>, TrieBuilder, TrieBuilder) {
        let [wmin, wmax] = config.word_ngrams;
        let [cmin, cmax] = config.char_ngrams;
        let mut words: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut word_trie = TrieBuilder::default();
        let mut char_trie = TrieBuilder::default();
        // At most a symbol per byte: the sequences are collected without reallocating.
        let bytes: usize = terms.iter().map(|t| t.len()).sum();
        char_trie.symbols.reserve(bytes);
        char_trie.seqs.reserve(terms.len());
        word_trie.seqs.reserve(terms.len());
        let mut ids = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            if let Some(rest) = t.strip_prefix(CHAR_PREFIX) {
                let start = char_trie.symbols.len();
                if rest.is_ascii() {
                    char_trie.symbols.extend(rest.bytes().map(u32::from));
                } else {
                    char_trie.symbols.extend(rest.chars().map(u32::from));
                }
                let n = char_trie.symbols.len() - start;
                if cmax > 0 && (cmin.max(1)..=cmax).contains(&n) {
                    char_trie.seqs.push((char_trie.symbols.len(), i as u32));
                } else {
                    char_trie.symbols.truncate(start);
                }
            } else if let Some(rest) = t.strip_prefix("w:") {
                let n = rest.bytes().filter(|&b| b == b' ').count() + 1;
                if wmax == 0 || !(wmin.max(1)..=wmax).contains(&n) {
                    continue;
                }
                ids.clear();
                // The words between spaces, found byte by byte: `rest.split(' ')` gives the
                // same words for 0.6M more instructions at load (callgrind, default model).
                let spaces = rest.bytes().enumerate().filter(|&(_, b)| b == b' ');
                let mut at = 0;
                for end in spaces.map(|(k, _)| k).chain([rest.len()]) {
                    let w = &rest[at..end];
                    at = end + 1;
                    let id = match words.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            words.insert(w.into(), id);
                            id
                        }
                    };
                    ids.push(id);
                }
                word_trie.push(ids.iter().copied(), i as u32);
            }
        }
        (words, word_trie, char_trie)
    }
}

/// What is cached about one token text.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Its word id (`NONE`: in no vocabulary word n-gram).
    wid: u32,
    /// The word trie's node after this token from the root (`NONE`: no word n-gram starts
    /// with it).
    word_node: u32,
    /// Its character n-gram hits: `arena[start..start + len]`.
    start: u32,
    len: u32,
    info: TokenInfo,
}

/// A token text of at most 16 bytes as two words that, with its length, identify it exactly:
/// bytes `0..8` and `len - 8..len` (overlapping) from 8 bytes on, the same with 4 bytes from
/// 4 on, bytes `0`, `len / 2` and `len - 1` below that. No allocation, no `memcmp`.
#[inline]
fn short_key(b: &[u8]) -> Option<[u64; 2]> {
    let n = b.len();
    let word = |at: usize| {
        b.get(at..at + 8)
            .map_or(0, |w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
    };
    let half = |at: usize| {
        b.get(at..at + 4).map_or(0, |w| {
            u64::from(u32::from_le_bytes(w.try_into().unwrap_or_default()))
        })
    };
    Some(match n {
        17.. => return None,
        8.. => [word(0), word(n - 8)],
        4.. => [half(0), half(n - 4)],
        1.. => [
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ],
        0 => [0, 0],
    })
}

/// One slot of [`ShortTable`]: a key, its length (`u32::MAX`: empty) and the entry id.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: [u64; 2],
    len: u32,
    id: u32,
}

const EMPTY: Slot = Slot {
    key: [0, 0],
    len: u32::MAX,
    id: NONE,
};

/// Open addressing (linear probing) from [`short_key`]s to entry ids: the token cache's
/// look-up for tokens of up to 16 bytes (nearly all of them).
#[derive(Debug, Default)]
struct ShortTable {
    slots: Vec<Slot>,
    used: usize,
}

impl ShortTable {
    #[inline]
    fn home(&self, key: [u64; 2], len: u32) -> usize {
        let h =
            (key[0].rotate_left(29) ^ key[1] ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The table size is a power of two: the high bits of the product index it.
        (h >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    #[inline]
    fn get(&self, key: [u64; 2], len: u32) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key, len);
        loop {
            let s = &self.slots[i];
            if s.len == len && s.key == key {
                return Some(s.id);
            }
            if s.len == u32::MAX {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: [u64; 2], len: u32, id: u32) {
        // At most half full.
        if 2 * (self.used + 1) > self.slots.len() {
            let size = (2 * self.slots.len()).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
            self.used = 0;
            for s in old.into_iter().filter(|s| s.len != u32::MAX) {
                self.insert(s.key, s.len, s.id);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key, len);
        while self.slots[i].len != u32::MAX {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, len, id };
        self.used += 1;
    }

    fn clear(&mut self) {
        self.slots.iter_mut().for_each(|s| *s = EMPTY);
        self.used = 0;
    }
}

/// Per-thread cache of token texts (for one [`Index`]).
#[derive(Debug, Default)]
struct Cache {
    /// Tokens of up to 16 bytes.
    short: ShortTable,
    /// Longer tokens.
    map: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
    arena: Vec<u32>,
    padded: Vec<u32>,
}

impl Cache {
    fn clear(&mut self) {
        self.short.clear();
        self.map.clear();
        self.entries.clear();
        self.arena.clear();
    }

    /// The entry of a token text, analysing it on first sight.
    #[inline]
    fn lookup(&mut self, f: &Featurizer, text: &str) -> u32 {
        self.lookup_bytes(f, text.as_bytes(), || text)
    }

    /// [`lookup`](Self::lookup) of the token whose bytes are `b` and whose text is `text()`,
    /// called only for a token longer than 16 bytes or seen for the first time (a token's
    /// bytes are sliced without the checks of char boundaries that its text needs).
    #[inline]
    fn lookup_bytes<'t>(&mut self, f: &Featurizer, b: &[u8], text: impl Fn() -> &'t str) -> u32 {
        let short = short_key(b);
        let len = b.len() as u32;
        let found = match short {
            Some(key) => self.short.get(key, len),
            None => self.map.get(text()).copied(),
        };
        match found {
            Some(e) => e,
            None => self.analyse(f, text(), short, len),
        }
    }

    /// Analyse a token text seen for the first time and cache it (kept out of line: the
    /// look-up above stays small where nearly every token is found).
    #[cold]
    #[inline(never)]
    fn analyse(&mut self, f: &Featurizer, text: &str, short: Option<[u64; 2]>, len: u32) -> u32 {
        let idx = &*f.fast;
        let start = self.arena.len();
        if idx.char_max > 0 {
            // Character n-grams of ` token `, as `Analyzer::terms` takes them.
            let p = &mut self.padded;
            p.clear();
            p.push(u32::from(' '));
            p.extend(text.chars().map(u32::from));
            p.push(u32::from(' '));
            for s in 0..p.len() {
                let mut node = 0;
                for &c in &p[s..p.len().min(s + idx.char_max)] {
                    match idx.char_trie.step(node, c) {
                        Some(n) => node = n,
                        None => break,
                    }
                    let t = idx.char_trie.terms[node as usize];
                    if t != NONE {
                        self.arena.push(t);
                    }
                }
            }
        }
        let c = f.config();
        let info = if c.cues || c.mask_reported_stance || c.mask_reported {
            f.analyzer.cue_set().token_info(text)
        } else {
            TokenInfo::default()
        };
        let id = self.entries.len() as u32;
        let wid = idx.words.get(text).copied().unwrap_or(NONE);
        let word_node = match wid {
            NONE => NONE,
            w => idx.word_trie.step(0, w).unwrap_or(NONE),
        };
        self.entries.push(Entry {
            wid,
            word_node,
            start: start as u32,
            len: (self.arena.len() - start) as u32,
            info,
        });
        match short {
            Some(key) => self.short.insert(key, len, id),
            None => {
                self.map.insert(text.into(), id);
            }
        }
        id
    }
}

/// Reused per-thread buffers.
#[derive(Debug, Default)]
struct Scratch {
    /// The [`Index`] the cache and counters belong to.
    owner: u64,
    cache: Cache,
    norm: String,
    chars: Vec<(usize, char)>,
    toks: Vec<Tok>,
    /// Cache entry of each (unmasked) token.
    ent: Vec<u32>,
    info: Vec<TokenInfo>,
    /// Cache entry of each token after quote masking.
    masked: Vec<u32>,
    /// Term frequency per term (zero outside a call), for a vocabulary of more than
    /// `SMALL_TERMS` terms (else empty).
    counts: Vec<u32>,
    /// For a vocabulary of up to `SMALL_TERMS` terms (else empty): each term's frequency (zero
    /// outside a call) beside its idf, padded to `SMALL_TERMS` terms, so that `Counter::drain`
    /// finds both at one address.
    tallies: Vec<Tally>,
    /// Bit per term with a non-zero count, and a bit per non-zero word of `bits`.
    bits: Vec<u64>,
    summary: Vec<u64>,
    /// The weighted terms for [`transform_dot`] (longer than needed: only grown).
    out_indices: Vec<u32>,
    out_values: Vec<f32>,
    /// The cue values of the last sentence [`run`] read with cues on.
    cues: CueValues,
}

/// A term's frequency in the sentence being counted and its idf (see [`Scratch::tallies`]).
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    count: u32,
    idf: f32,
}

/// Cue values, written in place (arrays of more than 32 have no `Default`).
#[derive(Debug)]
struct CueValues([f32; N_CUES]);

impl Default for CueValues {
    fn default() -> Self {
        CueValues([0.0; N_CUES])
    }
}

impl Scratch {
    fn reset(&mut self, idx: &Index, idf: &[f32]) {
        self.owner = idx.id;
        self.cache.clear();
        // Room for a full cache from the start: growing the arena and the entries copies them
        // each time (pages never written cost no memory).
        self.cache.arena.reserve(MAX_ARENA);
        self.cache.entries.reserve(MAX_ENTRIES);
        // A vocabulary of up to `SMALL_TERMS` terms gets counters of exactly that size, which
        // `Counter::small` indexes as fixed-size arrays.
        let n = if idx.n_terms <= SMALL_TERMS {
            SMALL_TERMS
        } else {
            idx.n_terms
        };
        self.counts.clear();
        self.tallies.clear();
        if idx.n_terms <= SMALL_TERMS {
            self.tallies
                .extend(idf.iter().map(|&idf| Tally { count: 0, idf }));
            self.tallies.resize(SMALL_TERMS, Tally::default());
        } else {
            self.counts.resize(n, 0);
        }
        self.bits.clear();
        self.bits.resize(n.div_ceil(64), 0);
        self.summary.clear();
        self.summary.resize(self.bits.len().div_ceil(64), 0);
        // Output buffers as long as the counters for a small vocabulary, so that `drain`
        // writes them with no bounds check (allocated zeroed: pages never written cost no
        // memory).
        if idx.n_terms <= SMALL_TERMS && self.out_indices.len() < SMALL_TERMS {
            self.out_indices = vec![0; SMALL_TERMS];
            self.out_values = vec![0.0; SMALL_TERMS];
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Tokens borrowed from the normalised sentence, for the cues.
struct View<'a> {
    norm: &'a str,
    toks: &'a [Tok],
    /// Whether any token is quoted (found while the tokens are looked up).
    quoted: bool,
}

impl TokenSeq for View<'_> {
    fn count(&self) -> usize {
        self.toks.len()
    }
    fn text(&self, i: usize) -> &str {
        self.toks[i].text(self.norm)
    }
    fn span(&self, i: usize) -> Span {
        self.toks[i].span
    }
    fn gap(&self, i: usize) -> u8 {
        self.toks[i].gap
    }
    fn any_quoted(&self) -> bool {
        self.quoted
    }
}

/// Push the weighted n-gram terms of `text` onto `v` (in index order) and return the cue
/// values (`None` when cues are off).
pub(crate) fn transform(
    f: &Featurizer,
    text: &str,
    ctx: Context,
    v: &mut SparseVec,
) -> Option<[f32; N_CUES]> {
    let mut cues = |s: &mut Scratch| run(f, s, text, ctx, Some(v)).0.then_some(s.cues.0);
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => cues(&mut s),
        Err(_) => cues(&mut Scratch::default()),
    })
}

/// The dot product of `w` with the transform of `text`, plus what `terms` makes of the indices
/// of its n-gram terms when that is `Some` (see [`Featurizer::transform_dot_and`]), the vector
/// built in a reused per-thread buffer.
pub(crate) fn transform_dot(
    f: &Featurizer,
    text: &str,
    ctx: Context,
    w: &[f64],
    terms: impl FnOnce(&[u32]) -> Option<f64>,
) -> f64 {
    let dot = |indices: &[u32], values: &[f32], cues: Option<&[f32; N_CUES]>| {
        let z = f.finish_dot(indices, values, f.cue_values(cues), w);
        match terms(indices) {
            Some(x) => z + x,
            None => z,
        }
    };
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => {
            // Weighted terms into the scratch's own buffers, which only ever grow: no
            // zero-filling per sentence.
            let (cues, n) = run(f, &mut s, text, ctx, None);
            dot(
                &s.out_indices[..n],
                &s.out_values[..n],
                cues.then_some(&s.cues.0),
            )
        }
        Err(_) => {
            let mut v = SparseVec::default();
            let mut s = Scratch::default();
            let cues = run(f, &mut s, text, ctx, Some(&mut v)).0;
            dot(&v.indices, &v.values, cues.then_some(&s.cues.0))
        }
    })
}

/// Weigh the n-gram terms of `text` and compute its cue values (into `s.cues`, when cues are
/// on). The terms, in index order, are pushed onto `v`, or without `v` written to the start of
/// `s.out_indices` and `s.out_values`; returns whether cues are on and the number of terms.
fn run(
    f: &Featurizer,
    s: &mut Scratch,
    text: &str,
    ctx: Context,
    v: Option<&mut SparseVec>,
) -> (bool, usize) {
    let idx = &*f.fast;
    let cfg = f.config();
    if s.owner != idx.id {
        s.reset(idx, &f.vocab.idf);
    }
    let Scratch {
        cache,
        norm,
        chars,
        toks,
        ent,
        info,
        masked,
        counts,
        tallies,
        bits,
        summary,
        out_indices,
        out_values,
        cues: cue_values,
        ..
    } = s;
    // Entries are only dropped between sentences: `ent` holds ids of this one.
    if cache.entries.len() >= MAX_ENTRIES || cache.arena.len() >= MAX_ARENA {
        cache.clear();
    }
    // Scraped text decoded once: for the speaker label, for the tokens and for the cues,
    // which read it as written.
    let decoded = crate::segment::decode_scraped(text);
    let ctx = ctx.with_label(&decoded, cfg.cue_rules).read(cfg.cue_rules);
    normalise_decoded_into(&decoded, cfg.lowercase, norm);
    tokenise_into(
        norm,
        Quotes::new(ctx.continues_quote, cfg.single_quotes),
        chars,
        toks,
    );
    // A continued report (cue rules 10; a question, 12; a speaker's turn, 13) is quoted throughout, as `Analyzer::terms` reads it.
    if ctx.quoted_whole(cfg.cue_rules) {
        toks.iter_mut().for_each(|t| t.span = Span::Quoted);
    }
    ent.clear();
    let mut quoted = false;
    for t in toks.iter() {
        ent.push(cache.lookup_bytes(f, t.bytes(norm), || t.text(norm)));
        quoted |= t.span != Span::Author;
    }
    if cfg.cues || cfg.mask_reported_stance || cfg.mask_reported {
        info.clear();
        info.extend(ent.iter().map(|&e| cache.entries[e as usize].info));
    }
    let view = View { norm, toks, quoted };
    // The newsroom's own `we`/`our` (cue rules 15), as `Analyzer::mask` reads it; the cues
    // read the same marks (found once).
    let mut marks = Vec::new();
    if super::cues::reads_revision_15(cfg.cue_rules) {
        // With the tokens' lexicon bits at hand, only tokens that start a first-person entry.
        let have_info = cfg.cues || cfg.mask_reported_stance || cfg.mask_reported;
        let bit = f.analyzer.cue_set().first_person_bit();
        let rules = cfg.cue_rules;
        let mark = |i: usize| marks.push(i);
        if have_info {
            let firsts = (info.iter().enumerate())
                .filter(|(_, inf)| inf.lexicons & bit != 0)
                .map(|(i, _)| i);
            // Only before a token that may be a word of the readings (cached per token).
            let may_follow = |k: usize| info.get(k).is_some_and(|inf| inf.may_follow_newsroom());
            super::analyzer::newsroom_tokens(&view, rules, firsts, may_follow, mark);
        } else {
            super::analyzer::newsroom_tokens(&view, rules, 0..toks.len(), |_| true, mark);
        }
    }
    if cfg.cues {
        f.analyzer.cue_set().fill_values(
            &view,
            info,
            &decoded,
            ctx,
            cfg.reported_scope,
            Some(&marks),
            true,
            &mut cue_values.0,
        );
    }
    // Stance words in reported speech, as `mask_reported_stance`, on entries (after the cues,
    // which read the words themselves).
    if cfg.mask_reported_stance && info.iter().any(|inf| inf.may_open_scope()) {
        let placeholder = cache.lookup(f, REPORTED_STANCE);
        f.analyzer
            .cue_set()
            .reported_stance_starts(&view, info, |i| ent[i] = placeholder);
    }
    // The newsroom's marks as placeholders in the n-grams.
    if !marks.is_empty() {
        let placeholder = cache.lookup(f, NEWSROOM);
        for i in marks {
            ent[i] = placeholder;
        }
    }
    // Reported speech read as quoted, as `mask_reported`.
    if cfg.mask_reported && info.iter().any(|inf| inf.may_open_scope()) {
        let scope = f.analyzer.cue_set().scope_of(&view, info);
        for i in scope.ranges().flatten() {
            toks[i].span = Span::Quoted;
            quoted = true;
        }
    }
    // Quote masking, as `mask_quotes`, on entries (`quoted`: whether any token is quoted now).
    masked.clear();
    if !cfg.mask_quotes || !quoted {
        masked.extend_from_slice(ent);
    } else {
        for (span, run) in span_runs(toks.len(), |i| toks[i].span) {
            if span == Span::Quoted && run.len() >= cfg.mask_min_words {
                masked.push(cache.lookup(f, "<quote>"));
            } else {
                masked.extend_from_slice(&ent[run]);
            }
        }
    }
    let mut counter = Counter {
        counts,
        tallies,
        bits,
        summary,
    };
    // Word n-grams: walk the word trie from each token.
    if idx.word_max > 0 {
        word_hits(idx, &cache.entries, masked, &mut counter);
    }
    // Character n-grams: cached per token.
    if idx.char_max > 0 {
        char_hits(cache, masked, &mut counter);
    }
    // The weighted terms into the scratch's own buffers, which only ever grow: as long as the
    // vocabulary, or for a small one `SMALL_TERMS` long from the start (see `Scratch::reset`).
    let need = if counter.tallies.len() == SMALL_TERMS {
        SMALL_TERMS
    } else {
        idx.n_terms
    };
    if out_indices.len() < need {
        out_indices.resize(need, 0);
        out_values.resize(need, 0.0);
    }
    let n = counter.drain(idx, cfg, &f.vocab.idf, out_indices, out_values);
    if let Some(v) = v {
        v.indices.extend_from_slice(&out_indices[..n]);
        v.values.extend_from_slice(&out_values[..n]);
    }
    (cfg.cues, n)
}

/// Vocabularies of up to this many terms are counted in fixed-size arrays ([`SmallCounter`]).
const SMALL_TERMS: usize = 1 << 16;

/// Counting a hit on term `t`, with or without fixed-size arrays.
trait Hit {
    fn hit(&mut self, t: u32);
}

/// [`Counter`] over counters of exactly [`SMALL_TERMS`] terms: a term index is cut to 16 bits
/// (it is below the vocabulary's size, so it stays as it is), and no index needs a bounds check.
struct SmallCounter<'a> {
    tallies: &'a mut [Tally; SMALL_TERMS],
    bits: &'a mut [u64; SMALL_TERMS / 64],
    summary: &'a mut [u64; SMALL_TERMS / 4096],
}

impl Hit for SmallCounter<'_> {
    #[inline]
    fn hit(&mut self, t: u32) {
        // Cut to 16 bits, the index is in bounds of the fixed-size arrays: no checks.
        let t = usize::from(t as u16);
        count_hit(
            &mut self.tallies[t].count,
            &mut self.bits[..],
            &mut self.summary[..],
            t,
        );
    }
}

/// One hit on term `t`, whose count is `count`: the count goes up, and a term seen for the
/// first time is marked in `bits` (and its word of bits in `summary`), which `drain` walks (and
/// counts: the hit loops keep no count of distinct terms).
#[inline(always)]
fn count_hit(count: &mut u32, bits: &mut [u64], summary: &mut [u64], t: usize) {
    let c = *count;
    *count = c + 1;
    if c == 0 {
        let word = &mut bits[t / 64];
        if *word == 0 {
            summary[t / 4096] |= 1 << ((t / 64) % 64);
        }
        *word |= 1 << (t % 64);
    }
}

impl Hit for Counter<'_> {
    #[inline]
    fn hit(&mut self, t: u32) {
        Counter::hit(self, t);
    }
}

/// Term frequencies of one sentence.
struct Counter<'a> {
    /// The counts, or (for a small vocabulary) the tallies: see [`Scratch::tallies`].
    counts: &'a mut [u32],
    tallies: &'a mut [Tally],
    bits: &'a mut [u64],
    summary: &'a mut [u64],
}

impl Counter<'_> {
    #[inline]
    fn hit(&mut self, t: u32) {
        let t = t as usize;
        count_hit(&mut self.counts[t], self.bits, self.summary, t);
    }

    /// This counter as a [`SmallCounter`], when its arrays are of that size.
    #[inline]
    fn small(&mut self) -> Option<SmallCounter<'_>> {
        Some(SmallCounter {
            tallies: (&mut *self.tallies).try_into().ok()?,
            bits: (&mut *self.bits).try_into().ok()?,
            summary: (&mut *self.summary).try_into().ok()?,
        })
    }

    /// Write the touched terms with their weights to the start of `indices` and `values` (at
    /// least as long as the vocabulary; for a small vocabulary, at least `SMALL_TERMS`) in
    /// increasing order, clearing the counts on the way, and return their number. `idf`: the
    /// vocabulary's idf values.
    #[inline(never)]
    fn drain(
        self,
        idx: &Index,
        cfg: &super::FeatureConfig,
        idf: &[f32],
        indices: &mut [u32],
        values: &mut [f32],
    ) -> usize {
        // A copy on the stack: read there, the table needs no register of its own.
        let tf_table = idx.tf_table;
        let weight = |tf: u32| match tf_table.get(tf as usize) {
            Some(&w) => w,
            None => super::tf_weight(cfg, tf),
        };
        let Counter {
            counts,
            tallies,
            bits,
            summary,
            ..
        } = self;
        match <&mut [Tally; SMALL_TERMS]>::try_from(tallies) {
            Ok(tallies) if indices.len() >= SMALL_TERMS && values.len() >= SMALL_TERMS => {
                walk::<true>(summary, bits, indices, values, |t| {
                    let tally = &mut tallies[t];
                    weight(std::mem::take(&mut tally.count)) * tally.idf
                })
            }
            _ => {
                // The counts as long as `idf` (one entry per term): a term in bounds of one
                // is in bounds of the other, with no second check.
                let counts = &mut counts[..idf.len()];
                walk::<false>(summary, bits, indices, values, |t| {
                    weight(std::mem::take(&mut counts[t])) * idf[t]
                })
            }
        }
    }
}

/// [`Counter::drain`]'s walk over the touched terms in increasing order (clearing `bits` and
/// `summary`), writing each term and `value(term)` to the next place of `indices` and
/// `values`, and return their number. With `SMALL`, `bits` of `SMALL_TERMS / 64` words and `indices` and `values` of at
/// least `SMALL_TERMS`: term indices and places are cut to 16 bits (they are below that:
/// nothing is cut), so that no index needs a bounds check.
#[inline(always)]
fn walk<const SMALL: bool>(
    summary: &mut [u64],
    bits: &mut [u64],
    indices: &mut [u32],
    values: &mut [f32],
    mut value: impl FnMut(usize) -> f32,
) -> usize {
    let (mask, indices, values, bits) = if SMALL {
        (
            SMALL_TERMS - 1,
            &mut indices[..SMALL_TERMS],
            &mut values[..SMALL_TERMS],
            &mut bits[..SMALL_TERMS / 64],
        )
    } else {
        (usize::MAX, indices, values, bits)
    };
    let mut k = 0;
    for (si, sw) in summary.iter_mut().enumerate() {
        let mut x = std::mem::take(sw);
        while x != 0 {
            let wi = (si * 64 + x.trailing_zeros() as usize) & (mask >> 6);
            x &= x - 1;
            let mut y = std::mem::take(&mut bits[wi]);
            while y != 0 {
                let t = (wi * 64 + y.trailing_zeros() as usize) & mask;
                y &= y - 1;
                let v = value(t);
                indices[k & mask] = t as u32;
                values[k & mask] = v;
                k += 1;
            }
        }
    }
    k
}

/// A loop of hits that runs on either counter: see [`Counter::hits`].
trait HitLoop {
    fn run(self, counter: &mut impl Hit);
}

impl Counter<'_> {
    /// Run `hits` on this counter as a [`SmallCounter`] when its arrays are of that size, else
    /// on the general counter: each form gets its own copy of the loop.
    #[inline(always)]
    fn hits(&mut self, hits: impl HitLoop) {
        match self.small() {
            Some(mut c) => hits.run(&mut c),
            None => hits.run(self),
        }
    }
}

/// Count the word n-grams of the (masked) tokens: walk the word trie from each token.
#[inline(never)]
fn word_hits(idx: &Index, entries: &[Entry], masked: &[u32], counter: &mut Counter<'_>) {
    counter.hits(WordHits {
        idx,
        entries,
        masked,
    });
}

/// [`word_hits`]' loop.
struct WordHits<'a> {
    idx: &'a Index,
    entries: &'a [Entry],
    masked: &'a [u32],
}

impl HitLoop for WordHits<'_> {
    #[inline(always)]
    fn run(self, counter: &mut impl Hit) {
        let WordHits {
            idx,
            entries,
            masked,
        } = self;
        for start in 0..masked.len() {
            // The first step is cached per token.
            let mut node = entries[masked[start] as usize].word_node;
            if node == NONE {
                continue;
            }
            let t = idx.word_trie.terms[node as usize];
            if t != NONE {
                counter.hit(t);
            }
            let end = masked.len().min(start + idx.word_max);
            for &e in &masked[start + 1..end] {
                let wid = entries[e as usize].wid;
                if wid == NONE {
                    break;
                }
                match idx.word_trie.step(node, wid) {
                    Some(n) => node = n,
                    None => break,
                }
                let t = idx.word_trie.terms[node as usize];
                if t != NONE {
                    counter.hit(t);
                }
            }
        }
    }
}

/// Count the character n-grams of the (masked) tokens, cached per token.
#[inline(never)]
fn char_hits(cache: &Cache, masked: &[u32], counter: &mut Counter<'_>) {
    counter.hits(CharHits { cache, masked });
}

/// [`char_hits`]' loop.
struct CharHits<'a> {
    cache: &'a Cache,
    masked: &'a [u32],
}

impl HitLoop for CharHits<'_> {
    #[inline(always)]
    fn run(self, counter: &mut impl Hit) {
        let CharHits { cache, masked } = self;
        for &e in masked {
            let e = cache.entries[e as usize];
            let hits = &cache.arena[e.start as usize..(e.start + e.len) as usize];
            // Four hits per step: the loop's own count and test once for four.
            let mut quads = hits.chunks_exact(4);
            for q in &mut quads {
                counter.hit(q[0]);
                counter.hit(q[1]);
                counter.hit(q[2]);
                counter.hit(q[3]);
            }
            for &t in quads.remainder() {
                counter.hit(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FeatureConfig, Featurizer, ReportedStance};
    use super::*;
    use proptest::prelude::*;

    /// Words and marks that exercise every branch of the analyzer: quotes of all kinds,
    /// numbers, years, currency, case, non-ASCII letters, lexicon words and phrases.
    const PIECES: &[&str] = &[
        "the",
        "The",
        "council",
        "budget",
        "is",
        "a",
        "terrible",
        "mistake",
        "said",
        "we",
        "should",
        "must",
        "I",
        "think",
        "it",
        "time",
        "most",
        "least",
        "important",
        "greatest",
        "interest",
        "on",
        "Monday",
        "in",
        "2019",
        "3.5",
        "1,200",
        "%",
        "$",
        "€",
        "?",
        "!",
        "?!",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "\u{00AB}",
        "\u{00BB}",
        "'",
        "\u{2019}",
        "-",
        "\u{2014}",
        ",",
        ".",
        "(",
        ")",
        "don't",
        "well-known",
        "Café",
        "naïve",
        "ÉCOLE",
        "straße",
        "İstanbul",
        "日本",
        "x",
        "of",
        "percent",
        "million",
        "clearly",
        "perhaps",
        "you",
        "our",
        "asked",
        "analysis",
        "looked",
        "reckless",
        "\n",
        "\t",
        "  ",
        "minister",
        "disgrace",
        "reform",
        "will",
        "never",
        "best",
        ",",
        ";",
        "say",
        "called",
        "critics",
        "according",
        "to",
        "who",
        "but",
        // Word senses (cue rules 8).
        "Good",
        "Friday",
        "just",
        "after",
        "such",
        "so",
        "fine",
        "kind",
        "of",
        // Timetables (cue rules 9).
        "will",
        "be",
        "reopen",
        "frozen",
        // Cue rules 13: speakers' labels, recommendations and imperatives, more frames,
        // `would say that`, `the lies in`.
        "Sato:",
        "Ünal:",
        "The",
        "mayor:",
        ":",
        "Note:",
        "?",
        "Book",
        "Go",
        "Take",
        "early",
        "Do",
        "not",
        "expect",
        "helpfully",
        "hindsight",
        "worth",
        "visit",
        "would",
        "that",
        "wouldn't",
        "lies",
        "his",
    ];

    /// More pieces for the proptests' sentences (not the fitted corpus, whose sentences
    /// [`PIECES`] alone form): cue rules 17's newsroom tests, the writer's record, broadcast
    /// formulae, link lines, ratings; 18's labels; 20's verdicts, 21's loaded words, 22's
    /// verdicts and fronted imperatives, 23's figures, colons, bylines and relative clauses and
    /// 24's hedges and pressing questions.
    const PIECES_17: &[&str] = &[
        "bought",
        "tested",
        "tests",
        "us",
        "from",
        "all",
        "That's",
        "have",
        "driven",
        "for",
        "22",
        "years",
        "Welcome",
        "evening",
        "Read",
        "more:",
        "Four",
        "stars",
        "\u{2605}",
        "3/5",
        // Cue rules 18.
        "librarian",
        "asked",
        "Dr",
        "put",
        "to",
        "Professor",
        "Best",
        "buy:",
        "Avoid:",
        // Cue rules 20: verdicts on a report (adverbs on the verb, closing clauses).
        "rightly",
        "Wrongly",
        "CORRECTLY",
        "claimed",
        "concluded",
        "which",
        "and",
        "they",
        "she",
        "was",
        "are",
        "simply",
        "nonsense",
        "right",
        "untrue",
        "wrong",
        "good",
        "reason",
        "point",
        // Cue rules 21: loaded words, pairs and forced-through verbs.
        "splurged",
        "Cronies",
        "gravy",
        "train",
        "caved",
        "bone",
        "rammed",
        "through",
        // Cue rules 22: more verdicts on a report, the imperative after a fronted clause.
        "presciently",
        "With",
        "straight",
        "face",
        "against",
        "evidence",
        "fairly",
        "enough",
        "told",
        "hearing",
        "Until",
        "If",
        "expect",
        "Believe",
        // Cue rules 23: words on a figure, colons, byline tags, relative clauses.
        "paltry",
        "whopping",
        "Pitiful",
        "an",
        "12%",
        "£4m",
        "14,000",
        "verdict",
        "union's",
        "inspectors'",
        "Their",
        "conclusion:",
        "view:",
        "writes",
        "Ann",
        "Corrie",
        "who",
        "which,",
        "hopelessly",
        "should",
        // Cue rules 26: the `too` of excess and superlatives over a comparison class.
        "too",
        "far",
        "small",
        "lenient",
        "finest",
        "ugliest",
        "best",
        "most",
        "absurd",
        "largest",
        "in",
        "since",
        "the",
        "county.",
        // Cue rules 25: verdicts on a source, imagined sources, comment adverbs, figures, colons.
        "right",
        "wrong",
        "point",
        "Mistaken",
        "correct",
        "has",
        "a",
        "would",
        "will",
        "tell",
        "Any",
        "Few",
        "Mercifully,",
        "outrageous",
        "£40,000",
        "10:30",
        "verdict:",
        "Officials'",
        "panel's",
        "they",
        "to",
        // Cue rules 24: hedged predictions and pressing questions.
        "likely",
        "Unlikely",
        "probably",
        "almost",
        "certainly",
        "could",
        "well",
        "really?",
        "exactly",
        "anyone",
        "why",
        "How",
        "many",
        "more",
        "not",
        "you",
        "?",
        // The imperative's openers and verbs, the newsroom's words (cached marks), and more
        // of revision 22's fronted clauses before them (`When in doubt, please ask.`).
        "Please",
        "please",
        "Never",
        "Write",
        "bother",
        "don't",
        "correspondent",
        "correspondent's",
        "editor\u{2019}s",
        "contacted",
        "WE",
        "Our",
        "I've",
        "worked",
        "When",
        "while",
        "ONCE",
        "doubt,",
        "then,",
        "ask",
        "VISIT",
        "book",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(PIECES.iter().chain(PIECES_17).copied().collect::<Vec<_>>()),
                prop_oneof![Just(" "), Just(""), Just("  ")],
            ),
            0..40,
        )
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    fn ctx() -> impl Strategy<Value = Context> {
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            (
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    in_quote,
                    attributed,
                    continues_quote,
                    continues_report,
                    q_and_a,
                    speaker_turn,
                    speaker_turn_14,
                    (column_head, subhead_16, rhetorical, q_label_17, q_turn_18),
                )| {
                    Context {
                        in_quote,
                        attributed,
                        continues_quote,
                        continues_report,
                        q_and_a,
                        speaker_turn,
                        speaker_turn_14,
                        column_head,
                        subhead_16,
                        q_label_17,
                        q_turn_18,
                        rhetorical,
                    }
                },
            )
    }

    fn training() -> Vec<(String, Context)> {
        let mut docs = Vec::new();
        for i in 0..60 {
            let words: Vec<&str> = (0..12)
                .map(|k| PIECES[(i * 7 + k * k * 3 + k) % PIECES.len()])
                .collect();
            docs.push((words.join(" "), Context::default()));
        }
        // Reported stance words, twice (min_df), whatever the pieces above happen to form: the
        // stance-masking configurations need their placeholder in the vocabulary (a reported
        // clause of two words, which `mask_reported` leaves unmasked below three).
        for _ in 0..2 {
            for text in [
                "the council said the budget is a terrible mistake",
                "critics said terrible mistake",
                "we asked the council and our analysis looked at the budget",
                "we bought it and our tests found that i have driven for 22 years",
            ] {
                docs.push((text.to_string(), Context::default()));
            }
        }
        docs
    }

    /// Featurizers of several configurations fitted on a small corpus, and the default model's.
    fn featurizers() -> Vec<Featurizer> {
        let docs = training();
        let docs: Vec<(&str, Context)> = docs.iter().map(|(t, c)| (t.as_str(), *c)).collect();
        let base = FeatureConfig {
            min_df: 1,
            char_min_df: 1,
            ..FeatureConfig::default()
        };
        let configs = [
            base.clone(),
            FeatureConfig {
                word_ngrams: [1, 3],
                char_ngrams: [1, 4],
                lowercase: false,
                mask_min_words: 1,
                ..base.clone()
            },
            FeatureConfig {
                reported_scope: false,
                ..base.clone()
            },
            FeatureConfig {
                reported_scope: true,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported_stance: true,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported_stance: true,
                reported_scope: false,
                lowercase: false,
                mask_min_words: 1,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported_stance: true,
                cues: false,
                char_ngrams: [1, 3],
                ..base.clone()
            },
            FeatureConfig {
                split_evaluative: true,
                ..base.clone()
            },
            FeatureConfig {
                reported_stance: ReportedStance::Split,
                split_evaluative: true,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                reported_stance: ReportedStance::Drop,
                mask_reported_stance: true,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported: true,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported: true,
                mask_reported_stance: true,
                reported_scope: false,
                cue_rules: 1,
                ..base.clone()
            },
            // The revision before speakers' turns and recommendations (cue rules 12).
            FeatureConfig {
                cue_rules: 12,
                mask_reported_stance: true,
                ..base.clone()
            },
            // The newsroom's `we`/`our` (cue rules 15), with and without the other masks and
            // the cues.
            FeatureConfig {
                cue_rules: 15,
                mask_reported_stance: true,
                mask_reported: true,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 15,
                cues: false,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 17's further newsroom and writer's words (`us`, `I`), ratings and link
            // lines, with and without the cues.
            FeatureConfig {
                cue_rules: 17,
                mask_reported_stance: true,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 17,
                cues: false,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 18's newsroom staff, questions to an expert and verdict labels.
            FeatureConfig {
                cue_rules: 18,
                mask_reported_stance: true,
                ..base.clone()
            },
            // Cue rules 20's verdicts on a report and 21's loaded words (read on the fast path
            // only where the cached flags show a candidate).
            FeatureConfig {
                cue_rules: 20,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 21,
                mask_reported_stance: true,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 21,
                reported_scope: false,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 22's verdicts (read on the fast path only where the cached flags show a
            // candidate) and imperatives that open no report.
            FeatureConfig {
                cue_rules: 22,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 22,
                mask_reported_stance: true,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 26's `too` of excess and superlatives over a comparison class.
            FeatureConfig {
                cue_rules: 26,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 26,
                mask_reported_stance: true,
                mask_reported: true,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 25's verdicts on a source, imagined sources, comment adverbs, figures and
            // fixed colons.
            FeatureConfig {
                cue_rules: 25,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 25,
                mask_reported_stance: true,
                mask_reported: true,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 24's hedged predictions (read on the fast path only where the cached
            // flags show a candidate) and pressing questions.
            FeatureConfig {
                cue_rules: 24,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 24,
                mask_reported_stance: true,
                mask_reported: true,
                lowercase: false,
                ..base.clone()
            },
            // Cue rules 23's words on a figure (read on the fast path only where the cached
            // flags show a candidate), colons, byline tags and relative clauses.
            FeatureConfig {
                cue_rules: 23,
                ..base.clone()
            },
            FeatureConfig {
                cue_rules: 23,
                mask_reported_stance: true,
                mask_reported: true,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                mask_reported: true,
                cues: false,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                split_evaluative: true,
                reported_scope: false,
                mask_reported_stance: true,
                lowercase: false,
                ..base.clone()
            },
            FeatureConfig {
                word_ngrams: [2, 2],
                char_ngrams: [0, 0],
                cues: false,
                mask_quotes: false,
                binary: true,
                ..base.clone()
            },
            FeatureConfig {
                word_ngrams: [0, 0],
                char_ngrams: [3, 8],
                sublinear_tf: false,
                idf: false,
                max_features: 5,
                char_max_features: 40,
                ..base
            },
        ];
        let mut out: Vec<Featurizer> = configs
            .into_iter()
            .map(|c| Featurizer::fit(c, &docs).unwrap())
            .collect();
        out.push(crate::persist::default_model().unwrap().featurizer);
        out
    }

    fn check(fs: &[Featurizer], text: &str, ctx: Context) -> Result<(), TestCaseError> {
        for (k, f) in fs.iter().enumerate() {
            let want = f.transform_reference(text, ctx);
            let got = f.transform(text, ctx);
            // Bit for bit: the same indices and the same f32 values.
            prop_assert_eq!(
                &got.indices,
                &want.indices,
                "featurizer {} on {:?}",
                k,
                text
            );
            let bits = |v: &SparseVec| v.values.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&got), bits(&want), "featurizer {} on {:?}", k, text);
            // The fused dot product is the reference vector's, bit for bit.
            let w: Vec<f64> = (0..f.dim())
                .map(|i| ((i as u64 * 2_654_435_761) % 10_007) as f64 / 997.0 - 5.0)
                .collect();
            prop_assert_eq!(
                f.transform_dot(text, ctx, &w).to_bits(),
                want.dot(&w).to_bits(),
                "featurizer {} on {:?}",
                k,
                text
            );
        }
        Ok(())
    }

    /// The fixed-size counter (vocabularies of up to `SMALL_TERMS` terms) and the general one
    /// (larger vocabularies) leave the same counts and bits.
    #[test]
    fn the_small_and_the_general_counter_count_alike() {
        // Repeated and scattered terms below `SMALL_TERMS`, the last one among them.
        let mut hits: Vec<u32> = (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 7) % SMALL_TERMS as u32)
            .collect();
        hits.extend([0, 0, 63, 64, 4095, 4096, SMALL_TERMS as u32 - 1]);
        let count = |n: usize| {
            let small = n == SMALL_TERMS;
            let mut counts = vec![0u32; if small { 0 } else { n }];
            let mut tallies = vec![Tally::default(); if small { n } else { 0 }];
            let mut bits = vec![0u64; n.div_ceil(64)];
            let mut summary = vec![0u64; bits.len().div_ceil(64)];
            let mut c = Counter {
                counts: &mut counts,
                tallies: &mut tallies,
                bits: &mut bits,
                summary: &mut summary,
            };
            let small = match c.small() {
                Some(mut s) => {
                    hits.iter().for_each(|&t| Hit::hit(&mut s, t));
                    true
                }
                None => {
                    hits.iter().for_each(|&t| Hit::hit(&mut c, t));
                    false
                }
            };
            if small {
                counts = tallies.iter().map(|t| t.count).collect();
            }
            let distinct = counts.iter().filter(|&&c| c != 0).count();
            counts.truncate(SMALL_TERMS);
            bits.truncate(SMALL_TERMS / 64);
            summary.truncate(SMALL_TERMS / 4096);
            (small, distinct, counts, bits, summary)
        };
        let (small, general) = (count(SMALL_TERMS), count(SMALL_TERMS + 100));
        assert!(small.0 && !general.0);
        assert_eq!(
            (small.1, &small.2, &small.3, &small.4),
            (general.1, &general.2, &general.3, &general.4)
        );
        assert!(small.1 > 1000 && small.2.iter().sum::<u32>() == hits.len() as u32);
    }

    #[test]
    fn the_reported_stance_placeholder_is_in_the_masking_vocabularies() {
        let fs = featurizers();
        for f in fs.iter().filter(|f| f.config().mask_reported_stance) {
            assert!(
                f.vocab
                    .terms
                    .iter()
                    .any(|t| t.starts_with("w:") && t.contains("<rstance>")),
                "{:?}",
                f.config()
            );
        }
        for f in fs.iter().filter(|f| !f.config().mask_reported_stance) {
            assert!(!f.vocab.terms.iter().any(|t| t.contains("<rstance>")));
        }
    }

    #[test]
    fn fast_path_matches_reference_on_examples() {
        let fs = featurizers();
        let article = include_str!("../../datasets/examples/council-budget.txt");
        for s in crate::segment::split(article) {
            let ctx = Context::of(&s);
            check(&fs, &article[s.start..s.end], ctx).unwrap();
        }
        for (t, c) in training() {
            check(&fs, &t, c).unwrap();
        }
        check(&fs, "", Context::default()).unwrap();
        // The author's imperative after a fronted clause (cue rules 22) and openers.
        for s in [
            "Until then, please expect delays.",
            "When in doubt, just ask the staff.",
            "If you can, don't bother with the extended warranty.",
            "While you are there, so visit the crypt, the curator said.",
            "Never trust a forecast, we believe.",
        ] {
            check(&fs, s, Context::default()).unwrap();
        }
        // Long quotes are masked; a repeated term counts more than once.
        check(
            &fs,
            "\"We will never, ever accept this reckless reform,\" the the the minister said.",
            Context::default(),
        )
        .unwrap();
    }

    /// The general `drain` (a vocabulary of more than `SMALL_TERMS` terms) weighs the terms
    /// as the one for small vocabularies does, bit for bit.
    #[test]
    fn the_general_drain_weighs_like_the_small_one() {
        let article = include_str!("../../datasets/examples/council-budget.txt");
        for f in featurizers() {
            let mut small = Scratch::default();
            let mut general = Scratch::default();
            general.reset(&f.fast, &f.vocab.idf);
            // Counted as a vocabulary of more than `SMALL_TERMS` terms is.
            general.tallies = Vec::new();
            general.counts = vec![0; f.vocab.terms.len()];
            for s in crate::segment::split(article) {
                let (text, ctx) = (&article[s.start..s.end], Context::of(&s));
                let (mut a, mut b) = (SparseVec::default(), SparseVec::default());
                assert_eq!(
                    run(&f, &mut small, text, ctx, Some(&mut a)),
                    run(&f, &mut general, text, ctx, Some(&mut b))
                );
                assert_eq!(small.tallies.len(), SMALL_TERMS);
                assert!(small.counts.is_empty() && general.tallies.is_empty());
                assert_eq!(a.indices, b.indices);
                let bits = |v: &SparseVec| v.values.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&a), bits(&b));
            }
        }
    }

    #[test]
    fn cache_restarts_when_full_and_per_featurizer() {
        let fs = featurizers();
        // Many distinct tokens: the per-thread cache fills and starts afresh between sentences.
        for i in 0..(MAX_ENTRIES / 500 + 2) {
            let letters = |mut n: usize| {
                let mut w = String::from("w");
                while n > 0 {
                    w.push(char::from(b'a' + (n % 26) as u8));
                    n /= 26;
                }
                w
            };
            let text: Vec<String> = (0..1000).map(|k| letters(i * 1000 + k)).collect();
            check(&fs[..1], &text.join(" "), Context::default()).unwrap();
            check(&fs[..1], "the council", Context::default()).unwrap();
        }
        // Alternating featurizers on one thread.
        for _ in 0..3 {
            check(
                &fs,
                "The council is a terrible mistake?",
                Context::default(),
            )
            .unwrap();
        }
    }

    /// The term at the end of `seq` in `trie` (`Err` if the path does not exist).
    fn walk(trie: &Trie, seq: &[u32]) -> Result<u32, ()> {
        let mut node = 0;
        for &s in seq {
            node = trie.step(node, s).ok_or(())?;
        }
        Ok(trie.terms[node as usize])
    }

    /// `trie` holds exactly the sequences `seqs` (the last term of a repeated one) and their
    /// prefixes; `probes` are checked too.
    fn holds_exactly(trie: &Trie, seqs: &[(Vec<u32>, u32)], probes: &[Vec<u32>]) {
        // Every prefix (the root too) → its term.
        let mut want: std::collections::HashMap<&[u32], u32> = [(&[][..], NONE)].into();
        for (seq, term) in seqs {
            for k in 0..seq.len() {
                want.entry(&seq[..k]).or_insert(NONE);
            }
            want.insert(seq, *term);
        }
        for p in probes.iter().chain(seqs.iter().map(|(s, _)| s)) {
            for k in 0..=p.len() {
                let got = walk(trie, &p[..k]).ok();
                assert_eq!(got, want.get(&p[..k]).copied(), "{:?}", &p[..k]);
            }
        }
        // A node per distinct prefix.
        assert_eq!(trie.terms.len(), want.len());
    }

    fn built(seqs: &[(Vec<u32>, u32)]) -> TrieBuilder {
        let mut b = TrieBuilder::default();
        for (seq, term) in seqs {
            b.push(seq.iter().copied(), *term);
        }
        b
    }

    #[test]
    fn tries_from_sequences_in_and_out_of_order() {
        let sorted = vec![
            (vec![], 9),
            (vec![1], 0),
            (vec![1, 2], 1),
            (vec![1, 2, 3], 2),
            (vec![1, 3], 3),
            (vec![2], 4),
            (vec![2, 1, 1], 5),
        ];
        assert!(built(&sorted).build_in_order().is_some());
        holds_exactly(&built(&sorted).build(), &sorted, &[vec![2, 1], vec![3]]);
        // Out of order, [1] would get a second node: found, and the trie built sorted.
        let mut shuffled = sorted.clone();
        shuffled.swap(1, 5);
        assert!(built(&shuffled).build_in_order().is_none());
        holds_exactly(&built(&shuffled).build(), &shuffled, &[]);
        // A sequence given twice keeps its last term.
        let twice = vec![(vec![4, 5], 1), (vec![4], 2), (vec![4, 5], 3)];
        holds_exactly(&built(&twice).build(), &twice, &[]);
    }

    #[test]
    fn vocabularies_give_their_sequences_in_order() {
        // A sorted vocabulary never needs the sorting fallback (it would only cost time).
        for f in featurizers() {
            let (_, words, chars) = Index::sequences(f.config(), &f.vocab.terms);
            assert!(words.build_in_order().is_some(), "{:?}", f.config());
            assert!(chars.build_in_order().is_some(), "{:?}", f.config());
        }
    }

    proptest! {
        /// A trie holds exactly its sequences, in whatever order they came.
        #[test]
        fn tries_hold_their_sequences(
            seqs in prop::collection::vec(
                (prop::collection::vec(0u32..4, 0..5), 0u32..1000), 0..40),
            probes in prop::collection::vec(prop::collection::vec(0u32..4, 0..6), 0..10),
            sort in any::<bool>(),
        ) {
            let mut seqs = seqs;
            if sort {
                seqs.sort_by(|a, b| a.0.cmp(&b.0));
            }
            holds_exactly(&built(&seqs).build(), &seqs, &probes);
        }
    }

    proptest! {
        /// A short key and the length identify a token text exactly.
        #[test]
        fn short_keys_identify_texts(
            a in prop::collection::vec(prop::sample::select(b"ab\xc3\xa9".to_vec()), 0..20),
            b in prop::collection::vec(prop::sample::select(b"ab\xc3\xa9".to_vec()), 0..20),
        ) {
            match (short_key(&a), short_key(&b)) {
                (Some(x), Some(y)) => prop_assert_eq!(x == y && a.len() == b.len(), a == b),
                (x, y) => prop_assert!(
                    (x.is_none() == (a.len() > 16)) && (y.is_none() == (b.len() > 16))
                ),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The fast path gives exactly the reference's sparse vector.
        #[test]
        fn fast_path_matches_reference(text in sentence(), ctx in ctx()) {
            thread_local! {
                static FS: Vec<Featurizer> = featurizers();
            }
            FS.with(|fs| check(fs, &text, ctx))?;
        }

        /// Sentences opening with a speaker label or an author's label (cue rules 13).
        #[test]
        fn fast_path_matches_reference_after_a_label(
            label in prop::sample::select(vec![
                "Sato: ", "Ünal: ", "The mayor: ", "Union leader: ", "Note: ", "Sato:", "é: ",
            ]),
            text in sentence(),
            ctx in ctx(),
        ) {
            thread_local! {
                static FS: Vec<Featurizer> = featurizers();
            }
            let text = format!("{label}{text}");
            FS.with(|fs| check(fs, &text, ctx))?;
        }

        /// Arbitrary Unicode too.
        #[test]
        fn fast_path_matches_reference_on_any_text(text in "\\PC{0,80}", ctx in ctx()) {
            thread_local! {
                static FS: Vec<Featurizer> = featurizers();
            }
            FS.with(|fs| check(fs, &text, ctx))?;
        }
    }
}
