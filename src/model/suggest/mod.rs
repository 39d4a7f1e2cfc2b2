//! The suggester: the open questions an article raises, found in its text.
//!
//! Pure and deterministic: a parsed [`Document`] in, [`Suggestion`]s out, no UI toolkit, no
//! file system. Sentences are split with Unicode sentence boundaries, scored on cues that mark
//! open questions (direct questions, future and modal hedges, speculation, negated settlement,
//! and their Korean equivalents), and grouped by the subject terms they share.

use std::collections::HashMap;
use std::ops::Range;

mod cues;
mod group;
mod sentences;
mod terms;
mod title;

use group::{Candidate, TermCounts, group};
use sentences::sentence_ranges;
use terms::{Topic, subject_terms, topics_of};

use super::{BlockKind, Document};

/// One sentence of the article that raises a suggested question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Index of the block (in [`Document::blocks`]) holding the sentence.
    pub block: usize,
    /// Byte range of the sentence within that block's text.
    pub range: Range<usize>,
    /// The sentence, exactly `document.blocks[block].text[range]` (trimmed of surrounding
    /// white space).
    pub text: String,
}

/// An open question the article raises, with the sentences that raise it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// A question in plain words, e.g. "Will a second season be confirmed?".
    pub title: String,
    /// The sentences that raise it, in article order (never empty).
    pub passages: Vec<Passage>,
    /// Index into `passages` of the strongest sentence (the one a new thread is anchored to).
    pub best: usize,
}

/// The most suggestions made for one article (the strongest are kept).
pub const MAX_SUGGESTIONS: usize = 12;

/// The open questions `document` raises, strongest first, each with its passages in article
/// order. Deterministic: the same document always gives the same list.
///
/// Every sentence of every block except code is scored on the cues in `cues`; sentences of at
/// least [`MIN_WORDS`] words that reach the threshold are grouped by shared subject terms
/// (`group`), and each group is titled from its strongest sentence (`title`). At most
/// [`MAX_SUGGESTIONS`] are returned. Time and memory grow linearly with the text.
pub fn suggest(document: &Document) -> Vec<Suggestion> {
    let sentences = sentences_of(document);
    let text_of = |s: &Sentence| &document.blocks[s.block].text[s.range.clone()];
    let mut counts = TermCounts::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut passages: Vec<Passage> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let block = &document.blocks[sentence.block];
        let text = text_of(sentence);
        let score = cues::score(text);
        if !score.is_open() || word_count(text) < MIN_WORDS {
            continue;
        }
        let heading = matches!(block.kind, BlockKind::Heading(_));
        if heading && !heading_raises_question(text, score) {
            continue;
        }
        let own = subject_terms(text);
        counts.add(&own);
        let mut terms = own.clone();
        if heading {
            // A heading asks what the section under it is about.
            for next in sentences[index + 1..]
                .iter()
                .filter(|s| s.block != sentence.block)
                .take(HEADING_CONTEXT_SENTENCES)
            {
                terms.extend(subject_terms(text_of(next)));
            }
            terms.sort();
            terms.dedup();
        }
        candidates.push(Candidate {
            sentence_index: index,
            block: sentence.block,
            points: score.points + i32::from(score.question),
            topics: topics_of(&own),
            question: score.question,
            terms,
        });
        passages.push(Passage {
            block: sentence.block,
            range: sentence.range.clone(),
            text: text.to_owned(),
        });
    }
    // Only the strongest groups are titled (and merged when their titles agree): a very long
    // article keeps the passages of its strongest [`TITLED_GROUPS`] groups.
    let mut ranked: Vec<(i32, Vec<usize>)> = group(&candidates, &counts)
        .into_iter()
        .map(|members| (strength(&members, &candidates), members))
        .collect();
    ranked.sort_by(|(a, ma), (b, mb)| b.cmp(a).then_with(|| ma[0].cmp(&mb[0])));
    ranked.truncate(TITLED_GROUPS);
    let mut made: Vec<(i32, Suggestion)> = Vec::new();
    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (strength, suggestion) in ranked
        .into_iter()
        .map(|(strength, members)| (strength, build(&members, &candidates, &passages)))
    {
        // Groups that come out as the same question are one suggestion.
        let same = (suggestion.title != title::GENERIC_TITLE)
            .then(|| by_title.get(&suggestion.title).copied())
            .flatten();
        match same {
            Some(index) => merge_into(&mut made[index], (strength, suggestion)),
            None => {
                by_title.insert(suggestion.title.clone(), made.len());
                made.push((strength, suggestion));
            }
        }
    }
    // Strongest first; ties in article order.
    made.sort_by(|(a, sa), (b, sb)| {
        b.cmp(a)
            .then_with(|| first_position(sa).cmp(&first_position(sb)))
    });
    made.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, suggestion)| suggestion)
        .collect()
}

/// How many of the strongest groups are titled and kept (then merged by title and cut to
/// [`MAX_SUGGESTIONS`]).
const TITLED_GROUPS: usize = 4 * MAX_SUGGESTIONS;

/// How many sentences after a heading lend it their subject terms.
const HEADING_CONTEXT_SENTENCES: usize = 2;

/// A sentence of the article: its block and byte range there.
struct Sentence {
    block: usize,
    range: Range<usize>,
}

/// Every sentence of every block except code, in reading order.
fn sentences_of(document: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block_index, block) in document.blocks.iter().enumerate() {
        if block.kind == BlockKind::Code {
            continue;
        }
        for range in sentence_ranges(&block.prose_text()) {
            out.push(Sentence {
                block: block_index,
                range,
            });
        }
    }
    out
}

/// The fewest words a sentence needs to be suggested ("No." and "Why?" say too little).
pub const MIN_WORDS: usize = 3;

/// A group's strength: twice its strongest sentence's points plus the others' points.
fn strength(members: &[usize], candidates: &[Candidate]) -> i32 {
    let points = members.iter().map(|&m| candidates[m].points);
    let top = points.clone().max().unwrap_or(0);
    2 * top + points.sum::<i32>() - top
}

/// One suggestion from a group of candidates (indices in article order).
fn build(members: &[usize], candidates: &[Candidate], passages: &[Passage]) -> Suggestion {
    // Strongest first; ties go to the earlier sentence.
    let mut by_strength: Vec<usize> = (0..members.len()).collect();
    by_strength.sort_by_key(|&k| (std::cmp::Reverse(candidates[members[k]].points), k));
    let ordered: Vec<&str> = by_strength
        .iter()
        .map(|&k| passages[members[k]].text.as_str())
        .collect();
    Suggestion {
        title: title::title(&ordered, key_topic(members, candidates)),
        passages: members.iter().map(|&m| passages[m].clone()).collect(),
        best: by_strength[0],
    }
}

/// Adds `other`'s passages to `into` (article order kept), the stronger best passage winning.
fn merge_into(into: &mut (i32, Suggestion), other: (i32, Suggestion)) {
    let (strength, suggestion) = other;
    let best_text = if strength > into.0 {
        suggestion.passages[suggestion.best].clone()
    } else {
        into.1.passages[into.1.best].clone()
    };
    into.0 = into.0.max(strength) + strength.min(into.0) / 2;
    into.1.passages.extend(suggestion.passages);
    into.1.passages.sort_by_key(|p| (p.block, p.range.start));
    into.1.passages.dedup();
    into.1.best = into
        .1
        .passages
        .iter()
        .position(|p| *p == best_text)
        .unwrap_or(0);
}

/// The group's main topic: the primary topic of most of its sentences, if at least half name
/// one (ties go to the topic met first).
fn key_topic(members: &[usize], candidates: &[Candidate]) -> Option<Topic> {
    let mut tally: Vec<(Topic, usize)> = Vec::new();
    for &m in members {
        if let Some(topic) = candidates[m].primary_topic() {
            match tally.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, n)) => *n += 1,
                None => tally.push((topic, 1)),
            }
        }
    }
    let (topic, count) =
        tally
            .iter()
            .copied()
            .fold(None, |best: Option<(Topic, usize)>, (t, n)| match best {
                Some((_, bn)) if bn >= n => best,
                _ => Some((t, n)),
            })?;
    (count * 2 >= members.len()).then_some(topic)
}

/// Whether a heading raises a question: a direct question, or a strong cue in a heading that
/// does not open with a question word ("What we know" and "Why it might never happen" are
/// section labels, not questions).
fn heading_raises_question(text: &str, score: cues::Score) -> bool {
    if score.question {
        return true;
    }
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let wh = ["what", "why", "how", "who", "when", "where", "which"];
    score.points >= HEADING_POINTS && !wh.contains(&first.as_str())
}

/// Points a heading that is not a question needs.
const HEADING_POINTS: i32 = 3;

/// Where a suggestion's first passage sits in the article.
fn first_position(suggestion: &Suggestion) -> (usize, usize) {
    suggestion
        .passages
        .first()
        .map_or((usize::MAX, 0), |p| (p.block, p.range.start))
}

/// Words in `text`, counted by white space (a Korean eojeol counts as one).
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DEFAULT_ARTICLE_MARKDOWN;

    fn suggest_markdown(source: &str) -> Vec<Suggestion> {
        suggest(&Document::from_markdown(source))
    }

    /// The suggestion whose passages hold `quote`.
    fn holding<'a>(suggestions: &'a [Suggestion], quote: &str) -> Option<&'a Suggestion> {
        suggestions
            .iter()
            .find(|s| s.passages.iter().any(|p| p.text.contains(quote)))
    }

    #[test]
    fn default_article_raises_its_four_threads_apart() {
        let suggestions = suggest_markdown(DEFAULT_ARTICLE_MARKDOWN);
        let renewal = holding(
            &suggestions,
            "no one behind the show has confirmed a second season",
        );
        let mother = holding(
            &suggestions,
            "Could Moon-young and her mother rebuild anything",
        );
        let marriage = holding(
            &suggestions,
            "Would we follow Gang-tae and Moon-young into a marriage",
        );
        let cast = holding(&suggestions, "would the original cast return");
        let found = [renewal, mother, marriage, cast];
        assert!(found.iter().all(Option::is_some), "{suggestions:#?}");
        let titles: Vec<&str> = found.iter().flatten().map(|s| s.title.as_str()).collect();
        let mut distinct = titles.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "{titles:?}");
        assert_eq!(titles[0], "Will a second season be confirmed?");
    }

    #[test]
    fn passages_are_their_block_text_and_titles_are_short_questions() {
        let document = Document::from_markdown(DEFAULT_ARTICLE_MARKDOWN);
        let suggestions = suggest(&document);
        assert!(!suggestions.is_empty());
        for suggestion in &suggestions {
            assert!(suggestion.best < suggestion.passages.len());
            assert!(suggestion.title.ends_with('?'), "{}", suggestion.title);
            assert!(suggestion.title.chars().count() <= title::MAX_TITLE_CHARS);
            let mut last = (0, 0);
            for passage in &suggestion.passages {
                let block = &document.blocks[passage.block].text;
                assert_eq!(&block[passage.range.clone()], passage.text);
                assert_eq!(passage.text.trim(), passage.text);
                assert!((passage.block, passage.range.start) >= last);
                last = (passage.block, passage.range.start);
            }
        }
    }

    #[test]
    fn the_same_document_gives_the_same_suggestions() {
        let document = Document::from_markdown(DEFAULT_ARTICLE_MARKDOWN);
        assert_eq!(suggest(&document), suggest(&document));
    }

    #[test]
    fn renewal_sentences_are_one_suggestion() {
        let suggestions = suggest_markdown(
            "Will the drama get a second season? The network has not renewed it. \
             There is no confirmation yet. Fans hope it gets greenlit soon.",
        );
        assert_eq!(suggestions.len(), 1, "{suggestions:#?}");
        assert_eq!(suggestions[0].passages.len(), 4);
        assert_eq!(suggestions[0].title, "Will a second season be confirmed?");
    }

    #[test]
    fn a_korean_paragraph_raises_suggestions() {
        let suggestions = suggest_markdown(
            "시즌2 제작 여부는 아직 미정이다. 방송 시기도 불투명한 것으로 보인다. \
             두 사람은 결혼할까?",
        );
        assert!(!suggestions.is_empty());
        assert!(holding(&suggestions, "두 사람은 결혼할까?").is_some());
    }

    #[test]
    fn settled_news_and_code_raise_nothing() {
        let suggestions = suggest_markdown(
            "The network confirmed that the drama has been renewed for a second season. \
             It will premiere on 4 April 2026.\n\n```\nwill it? could it? nobody knows\n```",
        );
        assert!(suggestions.is_empty(), "{suggestions:#?}");
    }
}
