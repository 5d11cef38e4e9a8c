//! The segmenter's context for labelled rows that are the consecutive sentences of an article
//! (`--doc-column`): each row is scored, and trained on, as `classify` would score it in its
//! article, so a sentence in the middle of a quotation that runs over several sentences is
//! read as the speaker's although it has no quotation mark of its own.
//!
//! The article is rebuilt from its rows: the rows of a paragraph joined by one space,
//! paragraphs joined by a blank line. [`segment::split`] then splits it, and a row that is
//! exactly one of its sentences gets that sentence's [`Context::of`]. A row the segmenter
//! splits or joins with a neighbour gets the flags of the sentences it overlaps (quoted only
//! if all of them are, attributed if any is; it continues a quotation only if its first
//! sentence starts with it and does, a report only if all of them do), and is counted in
//! [`InArticle::misaligned`].
//!
//! A row that stands alone keeps [`crate::model::context_of`], the context of a training row.

use crate::features::Context;
use crate::segment::{self, Sentence};

/// The contexts of an article's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InArticle {
    /// One context per row, in order.
    pub contexts: Vec<Context>,
    /// Rows that are not exactly one sentence of the rebuilt article.
    pub misaligned: usize,
}

/// Rebuild an article from its rows — `(text, starts a new paragraph)` — and give each row
/// the segmenter's context in it.
pub fn in_article(rows: &[(&str, bool)]) -> InArticle {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(rows.len());
    for (i, &(row, new_paragraph)) in rows.iter().enumerate() {
        if i > 0 {
            text.push_str(if new_paragraph { "\n\n" } else { " " });
        }
        let start = text.len();
        text.push_str(row);
        spans.push((start, text.len()));
    }
    let sentences = segment::split(&text);
    let mut first = 0;
    let mut misaligned = 0;
    let contexts = spans
        .into_iter()
        .map(|(a, b)| {
            while first < sentences.len() && sentences[first].end <= a {
                first += 1;
            }
            let overlap: &[Sentence] = {
                let n = sentences[first..]
                    .iter()
                    .take_while(|s| s.start < b)
                    .count();
                &sentences[first..first + n]
            };
            match overlap {
                [s] if s.start == a && s.end == b => Context::of(s),
                _ => {
                    misaligned += 1;
                    Context {
                        in_quote: !overlap.is_empty() && overlap.iter().all(|s| s.in_quote),
                        attributed: overlap.iter().any(|s| s.attributed),
                        continues_quote: overlap
                            .first()
                            .is_some_and(|s| s.start == a && s.continues_quote),
                        continues_report: !overlap.is_empty()
                            && overlap.iter().all(|s| s.continues_report),
                        q_and_a: !overlap.is_empty() && overlap.iter().all(|s| s.q_and_a),
                        speaker_turn: !overlap.is_empty() && overlap.iter().all(|s| s.speaker_turn),
                        speaker_turn_14: !overlap.is_empty()
                            && overlap.iter().all(|s| s.speaker_turn_14),
                        column_head: !overlap.is_empty() && overlap.iter().all(|s| s.column_head),
                        subhead_16: !overlap.is_empty() && overlap.iter().all(|s| s.subhead_16),
                        q_label_17: !overlap.is_empty() && overlap.iter().all(|s| s.q_label_17),
                        q_turn_18: !overlap.is_empty() && overlap.iter().all(|s| s.q_turn_18),
                        rhetorical: !overlap.is_empty() && overlap.iter().all(|s| s.rhetorical),
                    }
                }
            }
        })
        .collect();
    InArticle {
        contexts,
        misaligned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rows_of_a_quotation_share_its_context() {
        let rows = [
            ("The council voted on Tuesday.", false),
            ("\"This is a disgrace.", true),
            ("It is cruel.", false),
            ("We will fight,\" said Ana Ruiz.", false),
            ("The plan is reckless.", true),
        ];
        let got = in_article(&rows);
        assert_eq!(got.misaligned, 0);
        let flags: Vec<_> = got
            .contexts
            .iter()
            .map(|c| (c.in_quote, c.attributed, c.continues_quote))
            .collect();
        assert_eq!(
            flags,
            [
                (false, false, false),
                (true, true, false),
                (true, true, true),
                (true, true, true),
                (false, false, false),
            ]
        );
        // A paragraph break ends the quotation: the same rows in two paragraphs.
        let split = [rows[1], ("It is cruel.", true)];
        let c = in_article(&split).contexts;
        assert!(!c[1].continues_quote && !c[1].in_quote);
    }

    #[test]
    fn rows_that_continue_a_report_are_marked_in_their_paragraph_only() {
        let rows = [
            (
                "The scheme, its leader said, was a fair deal for tenants.",
                false,
            ),
            ("The new levy would mostly fall on large landlords.", false),
            ("That would be a welcome change.", false),
            (
                "The scheme, its leader said, was a fair deal for tenants.",
                true,
            ),
            ("The new levy would mostly fall on large landlords.", true),
        ];
        let got = in_article(&rows);
        assert_eq!(got.misaligned, 0);
        let flags: Vec<bool> = got.contexts.iter().map(|c| c.continues_report).collect();
        assert_eq!(flags, [false, true, false, false, false]);
        // A row joined with its neighbour continues the report only if both sentences do.
        let joined = [
            ("The scheme, its leader said, was fair.", false),
            (
                "The levy would mostly fall on landlords. Its critics are wrong.",
                false,
            ),
        ];
        assert!(!in_article(&joined).contexts[1].continues_report);
    }

    #[test]
    fn rows_the_segmenter_splits_or_joins_are_counted() {
        // Two sentences in one row; then a row the segmenter joins to the next.
        let rows = [
            ("It rained. Then it stopped.", false),
            ("Mr.", false),
            ("Smith left.", false),
        ];
        let got = in_article(&rows);
        assert_eq!(got.contexts.len(), 3);
        assert_eq!(got.misaligned, 3);
    }

    proptest! {
        /// An article cut into rows where the segmenter cuts it: every row is aligned and
        /// gets its sentence's context in the article.
        #[test]
        fn rows_cut_at_the_segmenters_boundaries_keep_their_context(
            text in "([A-Za-z]{1,7}( |, |\" |\\. |\\.\" |: \"| said\\. | \")){1,30}[A-Za-z]{1,5}\\.",
        ) {
            let sentences = segment::split(&text);
            let rows: Vec<(&str, bool)> = sentences.iter().map(|s| (s.text(&text), false)).collect();
            let got = in_article(&rows);
            prop_assert_eq!(got.misaligned, 0);
            let expected: Vec<Context> = sentences.iter().map(Context::of).collect();
            prop_assert_eq!(got.contexts, expected);
        }
    }
}
