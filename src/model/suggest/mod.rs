//! The suggester: the open questions an article raises, found in its text.
//!
//! Pure and deterministic: a parsed [`Document`] in, [`Suggestion`]s out, no UI toolkit, no
//! file system. Sentences are split with Unicode sentence boundaries, scored on cues that mark
//! open questions (direct questions, future and modal hedges, speculation, negated settlement,
//! and their Korean equivalents), and grouped by the subject terms they share.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod answer;
mod context;
mod cues;
mod group;
mod language;
mod sentences;
mod terms;
mod title;

use context::{ArticleContext, list_entries};
use group::{Candidate, TermCounts, group};
use sentences::sentence_ranges;
use terms::{Term, Topic, subject_terms, topics_of};
use title::{Antecedent, TitleContext};

pub use language::SuggestError;
use language::{all_tables, contains_any};
pub use title::check::{TitleProblem, title_problem};

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
    /// A question in plain words, e.g. "Will a second season be confirmed?"; never one the
    /// title checker ([`title_problem`]) flags.
    pub title: String,
    /// The sentences that raise it, in article order (never empty).
    pub passages: Vec<Passage>,
    /// Index into `passages` of the strongest sentence (the one a new thread is anchored to).
    pub best: usize,
}

/// The most suggestions made for one article (the strongest are kept).
pub const MAX_SUGGESTIONS: usize = 12;

/// The open questions `document` raises, strongest first, each with its passages in article
/// order: [`try_suggest`], with an error logged and no suggestions when the cue matchers
/// cannot be built (they are fixed data, built by the unit tests, so a tested build never
/// meets that error; callers that can show an error should call [`try_suggest`]).
pub fn suggest(document: &Document) -> Vec<Suggestion> {
    logged(try_suggest(document))
}

/// [`suggest`] for an article whose title (`headline`) is kept apart from its body
/// (`document`), as every imported [`crate::model::Article`] is: see [`try_suggest_titled`].
pub fn suggest_titled(document: &Document, headline: &str) -> Vec<Suggestion> {
    logged(try_suggest_titled(document, headline))
}

/// The suggestions, or none with the error logged.
fn logged(result: Result<Vec<Suggestion>, SuggestError>) -> Vec<Suggestion> {
    result.unwrap_or_else(|error| {
        log::error!("no suggestions: {error}");
        Vec::new()
    })
}

/// [`try_suggest`] for a body whose headline is given apart (an imported article's title):
/// the headline and the lede under it name the show and the people the piece is about, so a
/// name they give is never the subject of a story question of its own ("What will happen to
/// Harbor Lights?"). Without it the body's first block is read as the headline.
///
/// Errors: as [`try_suggest`].
pub fn try_suggest_titled(
    document: &Document,
    headline: &str,
) -> Result<Vec<Suggestion>, SuggestError> {
    suggest_with_headline(document, Some(headline))
}

/// The open questions `document` raises, strongest first, each with its passages in article
/// order. Deterministic: the same document always gives the same list.
///
/// Every sentence of every block except code is scored on the cues of its language
/// (`language`, chosen by script); sentences of at least [`MIN_WORDS`] words that reach the
/// threshold are grouped by shared subject terms (`group`; in a list of shows, by the show's
/// entry), and each group is titled from its sentences (`title`); a group whose every title
/// the checker flags is dropped. The article as a whole (`context`) turns claims about an
/// unconfirmed season into open questions. At most [`MAX_SUGGESTIONS`] are returned. Time and
/// memory grow linearly with the text.
///
/// Errors: [`SuggestError::CueMatcher`] when a language's cue matcher cannot be built.
pub fn try_suggest(document: &Document) -> Result<Vec<Suggestion>, SuggestError> {
    suggest_with_headline(document, None)
}

/// [`try_suggest`], the headline given or (`None`) the body's first block.
fn suggest_with_headline(
    document: &Document,
    headline: Option<&str>,
) -> Result<Vec<Suggestion>, SuggestError> {
    let sentences = sentences_of(document);
    let text_of = |s: &Sentence| &document.blocks[s.block].text[s.range.clone()];
    // Each block's castings, read once: the actors, and the names no story question is about.
    let castings: Vec<Vec<title::Casting>> = document
        .blocks
        .iter()
        .map(|b| title::cast_of(&b.text))
        .collect();
    let mut context = ArticleContext {
        show_of_block: list_entries(document),
        // The title and the lede under it name what the piece is about.
        headline: {
            let lede = document.blocks.first().map(|b| b.text.as_str());
            match (headline, lede) {
                (Some(title), Some(lede)) => Some(format!("{title}\n{lede}")),
                (title, lede) => title.or(lede).map(str::to_owned),
            }
        },
        section_show: context::section_shows(document),
        makers: {
            // Each name once: a long article names its showrunner many times.
            let mut makers: Vec<String> = document
                .blocks
                .iter()
                .zip(&castings)
                .flat_map(|(b, cast)| title::makers_in(&b.text, cast))
                .collect();
            makers.sort_unstable();
            makers.dedup();
            makers
        },
        cast: {
            let mut cast: Vec<title::Casting> = castings.into_iter().flatten().collect();
            cast.dedup();
            cast
        },
        // "Review: 'Thimble & Thorn' says goodbye with a final season": the headline says it.
        series_over: headline.is_some_and(context::final_season_said),
        ..ArticleContext::default()
    };
    // First pass: every sentence's score and own terms; the article's reading of its season;
    // the last name given before each sentence (who its "she" is).
    let mut read: Vec<(cues::Score, Vec<Term>)> = Vec::with_capacity(sentences.len());
    let mut antecedents: Vec<Antecedent> = Vec::with_capacity(sentences.len());
    let mut named = NamesSoFar::default();
    for sentence in &sentences {
        let text = text_of(sentence);
        // The script is read once per sentence, for its names and for its cues.
        let korean = language::is_korean(text);
        antecedents.push(named.next_sentence_in(text, korean));
        let score = cues::score_in(text, korean)?;
        // A premiere date given plainly ("premieres on April 4, 2026") settles the season too.
        let dated = score.points < 0 && cues::has_date(text);
        let terms = if score.is_open() || score.settled || dated {
            subject_terms(text)
        } else {
            Vec::new()
        };
        // "Kofi Danquah is back as the headteacher": a return told with no cue that it is
        // open (no hedge, modal or condition) or told as settled.
        if (score.settled || score.points <= 0) && !score.is_open() && !score.question {
            let returned = context::returns_reported(text);
            context.returned.extend(returned);
        }
        // "Has the show been renewed for season 2?" asks; it settles nothing.
        context.note(
            text,
            &topics_of(&terms),
            score.is_open(),
            (score.settled || dated) && !score.question,
        );
        read.push((score, terms));
    }
    // Per block: whether the heading of its section names a later season ("Copper Street
    // Season 2 Cast"), so the claims under it are about that season.
    let mut under_season = false;
    let season_section: Vec<bool> = document
        .blocks
        .iter()
        .map(|block| {
            if matches!(block.kind, BlockKind::Heading(_)) {
                under_season = terms::season_number(&block.text).is_some();
            }
            under_season
        })
        .collect();
    let mut counts = TermCounts::default();
    let mut entry_headings: Vec<(String, Passage)> = Vec::new();
    // "Bonus: Greenhouse Nine … Pellucid renewed it": that entry's next season is settled.
    let renewed_entries: HashSet<&str> = sentences
        .iter()
        .filter_map(|sentence| Some((context.show(sentence.block)?, sentence)))
        .filter(|(_, sentence)| renews(text_of(sentence)))
        .map(|(show, _)| show)
        .collect();
    let wants_return = context.headline.as_deref().is_some_and(asks_for_returns)
        && !context.listed_shows().is_empty();
    let mut candidate_antecedents: Vec<Antecedent> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut passages: Vec<Passage> = Vec::new();
    // The actors the article casts, each looked up by name.
    let actors: HashSet<&str> = context.cast.iter().map(|c| c.actor.as_str()).collect();
    // The block of the last outright answer, with the terms of the question it answers.
    let mut answered_in: Option<(usize, Vec<Term>)> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let block = &document.blocks[sentence.block];
        let text = text_of(sentence);
        if let Some(show) = context.show(sentence.block)
            && context::heading_level(block).is_some()
            && context::show_entry(text).as_deref() == Some(show)
        {
            // A list entry's heading names its show: it joins that show's strongest group.
            entry_headings.push((show.to_owned(), passage_of(sentence, text)));
            continue;
        }
        // Each sentence is read once here: its first reading is taken, not copied.
        let (mut score, mut own) = std::mem::take(&mut read[index]);
        // A sentence not open on its own may be a claim about a later season the article says
        // is unconfirmed: only then are its terms read (whether it names that season).
        if !score.is_open() && may_claim_about_open_season(&context, &score) {
            if own.is_empty() {
                own = subject_terms(text);
            }
            let names_season =
                own.contains(&Term::Topic(Topic::Renewal)) || season_section[sentence.block];
            if names_season && !cues::has_date(text) {
                score.points += SEASON_CLAIM_POINTS;
                score.weak_only = false;
            }
        }
        // In a list of shows that need to come back, an entry's case for coming back ("Why it
        // needs to come back: it was cancelled after one season") is that show's thread.
        if wants_return
            && context.show(sentence.block).is_some()
            && !renewed_entries.contains(context.show(sentence.block).unwrap_or_default())
            && asks_for_returns(text)
            && !renews(text)
        {
            // About the show coming back, whatever else it names (the cast, a plot).
            own = vec![Term::Topic(Topic::Renewal)];
            if !score.is_open() {
                score.points += SEASON_CLAIM_POINTS;
                score.weak_only = false;
            }
        }
        // "This one actually IS coming back": in an entry its renewal settles, what speaks of
        // the renewal asks nothing.
        let renewed_entry = context
            .show(sentence.block)
            .is_some_and(|show| renewed_entries.contains(show));
        // Its terms, read here if the first pass did not need them (only when asked below).
        let terms_now = |own: &Vec<Term>| {
            if own.is_empty() {
                subject_terms(text)
            } else {
                own.clone()
            }
        };
        if renewed_entry && (renews(text) || terms_now(&own).contains(&Term::Topic(Topic::Renewal)))
        {
            continue;
        }
        // "Q: 원작 있는 드라마예요? A: 없어요", "Is Jonah dead? He is not.": a question its
        // FAQ answer, or the next sentence's outright yes or no, settles.
        let answered = score.question
            && sentences.get(index + 1).is_some_and(|next| {
                let next_text = text_of(next);
                let faq = ["A:", "A.", "A)", "답:", "답변:"]
                    .iter()
                    .any(|m| next_text.trim_start().starts_with(m));
                (faq || answer::answers_outright(text, next_text)) && !read[index + 1].0.is_open()
            });
        // The answer's paragraph goes on to explain it ("Yes, and I'm sorry. For weeks fans
        // held on to the theory that Haru survived …"): what it says of the question's
        // subject is answered too.
        // A question of its own in that paragraph still asks ("But will Odile return?").
        let explains_answer = !score.question
            && answered_in.as_ref().is_some_and(|(block, asked)| {
                *block == sentence.block && terms_now(&own).iter().any(|t| asked.contains(t))
            });
        if answered && let Some(next) = sentences.get(index + 1) {
            answered_in = Some((next.block, subject_terms(text)));
        }
        if !score.is_open()
            || word_count(text) < MIN_WORDS
            || asks_the_reader(text, score)
            || answered
            || explains_answer
        {
            continue;
        }
        let heading = matches!(block.kind, BlockKind::Heading(_));
        if heading && !heading_raises_question(text, score) {
            continue;
        }
        // "Should the show be renewed, the leads would return": the consequence is the
        // thread, so the condition's words do not join it to the renewal.
        let own = match consequence_of(text) {
            Some(consequence) => subject_terms(consequence),
            None => own,
        };
        let own = terms::with_renewal_as_subject(own, text);
        counts.add(&own);
        let mut terms = own.clone();
        // A heading asks what the section under it is about, unless it is about the next
        // season ("What Could Happen in Season 2?" heads several threads, not one).
        if heading && !own.contains(&Term::Topic(Topic::Renewal)) {
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
        candidate_antecedents.push(std::mem::take(&mut antecedents[index]));
        let topics = topics_of(&own);
        // Only the cast's sentences are grouped by the actor they name.
        let actor = (terms::primary_topic(&topics) == Some(Topic::Cast))
            .then(|| title::actor_in(text, &actors))
            .flatten()
            .map(str::to_owned);
        candidates.push(Candidate {
            sentence_index: index,
            block: sentence.block,
            points: score.points + i32::from(score.question),
            topics,
            question: score.question,
            refers_back: score.question && group::asks_about_a_pronoun(text),
            terms,
            // A list entry's show, or the show its section's heading names ("### Red Lantern
            // Inn" in a piece of two shows): sentences about two shows are two threads.
            section: context
                .show(sentence.block)
                .or_else(|| context.section_show.get(sentence.block)?.as_deref())
                .map(str::to_owned),
            actor,
        });
        passages.push(passage_of(sentence, text));
    }
    // Only the strongest groups are titled (and merged when their titles agree): a very long
    // article keeps the passages of its strongest [`TITLED_GROUPS`] groups.
    let mut groups = group(&candidates, &counts);
    // In a list of shows that need to come back, an entry is a thread even when its lines
    // hedge nothing ("no sequel announcement, no movie"): unless it is renewed.
    let entry_headings: Vec<(String, Passage, bool)> = entry_headings
        .into_iter()
        .map(|(show, heading)| {
            let alone = wants_return && !renewed_entries.contains(show.as_str());
            (show, heading, alone)
        })
        .collect();
    attach_entry_headings(&mut groups, &mut candidates, &mut passages, entry_headings);
    let mut ranked: Vec<(i32, Vec<usize>)> = groups
        .into_iter()
        .map(|members| (strength(&members, &candidates), members))
        .collect();
    ranked.sort_by(|(a, ma), (b, mb)| b.cmp(a).then_with(|| ma[0].cmp(&mb[0])));
    ranked.truncate(TITLED_GROUPS);
    let mut made: Vec<(i32, Suggestion)> = Vec::new();
    let mut by_title: HashMap<String, usize> = HashMap::new();
    let listed_shows = context.listed_shows();
    // Per suggestion made: the sentences (their indices in the article) it holds, and whether
    // it asks about the story (no topic of the show's future: renewal, cast, air date).
    let mut sentences_of: Vec<Vec<usize>> = Vec::new();
    let mut about_the_story: Vec<bool> = Vec::new();
    for (strength, suggestion, members) in ranked.into_iter().filter_map(|(strength, members)| {
        build(
            &members,
            &candidates,
            &passages,
            &candidate_antecedents,
            &context,
            document,
        )
        .map(|s| (strength, s, members))
    }) {
        // Groups that come out as the same question are one suggestion, however it is worded
        // ("Will the show be saved?" and "Will a second season be confirmed?" in an article
        // about one show; "Did Abigail survive?" and "Is Abigail really dead?").
        let headline = context.headline.as_deref().unwrap_or_default();
        // A date asked in a list of shows names its entry's show; the lede's ("…vanished
        // from the release schedule") is no one's.
        let mut suggestion = suggestion;
        if title::dates_no_listed_show(&suggestion.title, &listed_shows) {
            let best = &suggestion.passages[suggestion.best];
            if let Some(show) = context.show(best.block) {
                suggestion.title = title::show_date_question(show);
            } else if context
                .first_entry_block()
                .is_some_and(|first| best.block < first)
            {
                continue;
            }
        }
        let key = title::question_key(&suggestion.title, headline, &listed_shows);
        let sentences = members.iter().map(|&m| candidates[m].sentence_index);
        match by_title.get(&key).copied() {
            Some(index) => {
                merge_into(&mut made[index], (strength, suggestion));
                sentences_of[index].extend(sentences);
            }
            None => {
                by_title.insert(key, made.len());
                made.push((strength, suggestion));
                sentences_of.push(sentences.collect());
                about_the_story.push(!matches!(
                    key_topic(&members, &candidates),
                    Some(Topic::Renewal | Topic::Spinoff | Topic::Cast | Topic::Schedule)
                ));
            }
        }
    }
    let mut made = with_scenes_merged(made, &sentences_of, &about_the_story, &candidates);
    // Strongest first; ties in article order.
    made.sort_by(|(a, sa), (b, sb)| {
        b.cmp(a)
            .then_with(|| first_position(sa).cmp(&first_position(sb)))
    });
    Ok(made
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, suggestion)| suggestion)
        .collect())
}

/// Whether a direct question asks the reader and names no one ("Which storyline are you most
/// looking forward to?", "여러분은 …?"): a poll, not an open thread of the story.
fn asks_the_reader(text: &str, score: cues::Score) -> bool {
    if !score.question {
        return false;
    }
    // The reader addressed in Korean: "여러분", "…분들 많으시죠?", "어떠세요?".
    let honorific_to_reader = [
        "여러분",
        "어떠세요",
        "어떠신가요",
        "분들",
        "으시죠",
        "하시죠",
        "시나요",
    ];
    if honorific_to_reader.iter().any(|w| text.contains(w)) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let to_reader = words.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
                .as_str(),
            "you" | "your"
        )
    });
    let names = words
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    to_reader && !names
}

/// The passage of a sentence.
fn passage_of(sentence: &Sentence, text: &str) -> Passage {
    Passage {
        block: sentence.block,
        range: sentence.range.clone(),
        text: text.to_owned(),
    }
}

/// Whether a list piece's headline (and lede) asks for its shows to return ("The Shows We
/// Are Still Not Over", "cancelled too soon"): `Renewals::wanted_back` of any language (a
/// headline may mix them).
fn asks_for_returns(headline: &str) -> bool {
    let lower = headline.to_lowercase();
    all_tables()
        .iter()
        .any(|table| contains_any(&lower, table.renewals.wanted_back))
}

/// Whether a sentence reports a renewal plainly ("Pellucid renewed it", "FoodNet picked up
/// Kitchen Kings", "was revived by Northgate", "it's back", "MBC renewed 나의 해방일지"), with
/// no hedge (a negation or condition): `Renewals::reported` and `Renewals::hedges` of any
/// language.
fn renews(text: &str) -> bool {
    let lower = text.to_lowercase();
    let tables = all_tables();
    tables
        .iter()
        .any(|table| contains_any(&lower, table.renewals.reported))
        && !tables
            .iter()
            .any(|table| contains_any(&lower, table.renewals.hedges))
}

/// Adds each list entry's heading to the strongest group of its show's entry, as a passage
/// worth no points, keeping every group's members in article order; an entry with no group of
/// its own becomes one when `alone` (then it asks the show's renewal question).
fn attach_entry_headings(
    groups: &mut Vec<Vec<usize>>,
    candidates: &mut Vec<Candidate>,
    passages: &mut Vec<Passage>,
    entry_headings: Vec<(String, Passage, bool)>,
) {
    // Each show's groups, found once (a long article may hold many entries).
    let mut by_show: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, members) in groups.iter().enumerate() {
        if let Some(show) = &candidates[members[0]].section {
            by_show.entry(show.clone()).or_default().push(g);
        }
    }
    for (show, heading, alone) in entry_headings {
        let own = by_show.get(&show).map(Vec::as_slice).unwrap_or_default();
        if own.is_empty() && !alone {
            continue;
        }
        let strongest = own
            .iter()
            .map(|&g| (g, &groups[g]))
            .max_by_key(|(g, members)| {
                // The entry's renewal question first: the heading names the show it asks for.
                let renewal = members.iter().any(|&m| {
                    matches!(candidates[m].primary_topic(), None | Some(Topic::Renewal))
                        && candidates[m].topics.contains(&Topic::Renewal)
                });
                (
                    renewal,
                    strength(members, candidates),
                    std::cmp::Reverse(*g),
                )
            })
            .map(|(g, _)| g);
        let g = match strongest {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                by_show
                    .entry(show.clone())
                    .or_default()
                    .push(groups.len() - 1);
                groups.len() - 1
            }
        };
        candidates.push(Candidate {
            sentence_index: usize::MAX,
            block: heading.block,
            points: 0,
            terms: Vec::new(),
            topics: Vec::new(),
            question: false,
            refers_back: false,
            section: Some(show),
            actor: None,
        });
        passages.push(heading);
        groups[g].push(candidates.len() - 1);
        groups[g].sort_by_key(|&m| (passages[m].block, passages[m].range.start));
    }
}

/// A question title for a passage the reader chose (*New thread from selection*): the same
/// title generator the suggester uses, so the thread reads "Will the leads return?" rather
/// than the whole passage. `None` when no title the checker accepts can be made from it.
pub fn title_for_passage(passage: &str) -> Option<String> {
    let text = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    let terms = terms::with_renewal_as_subject(subject_terms(&text), &text);
    let key = terms::primary_topic(&topics_of(&terms));
    title::title(&[text.as_str()], key, &TitleContext::default())
}

/// The consequence of an English sentence that opens with a condition ("Should the network
/// order more episodes, the two leads would sign on again" → "the two leads would sign on
/// again"), when it has one of at least three words.
fn consequence_of(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?.to_lowercase();
    if !matches!(
        first.as_str(),
        "if" | "should" | "were" | "once" | "assuming" | "unless"
    ) {
        return None;
    }
    let (_, consequence) = text.split_once(',')?;
    (consequence.split_whitespace().count() >= 3).then(|| consequence.trim())
}

/// Points a claim about an unconfirmed season gains ("the cast is coming back for season
/// two" in an article that says season two is not confirmed).
const SEASON_CLAIM_POINTS: i32 = 2;

/// Whether a sentence not open on its own, scored `score`, may be a claim about a later season
/// that the article says is unconfirmed: the article says so (and not that it is confirmed),
/// and nothing in the sentence is settled or asked. It is such a claim when it also names
/// that season (or its section's heading does) and gives no date.
fn may_claim_about_open_season(context: &ArticleContext, score: &cues::Score) -> bool {
    context.season_open
        && !context.season_confirmed
        && !score.settled
        && !score.question
        && score.points >= 0
}

/// How many of the strongest groups are titled and kept (then merged by title and cut to
/// [`MAX_SUGGESTIONS`]).
const TITLED_GROUPS: usize = 4 * MAX_SUGGESTIONS;

/// How many sentences after a heading lend it their subject terms.
const HEADING_CONTEXT_SENTENCES: usize = 2;

/// The names an article has given so far, with the gender it showed for each: who a "he" or
/// a "she" in the next sentence most likely is.
#[derive(Default)]
struct NamesSoFar {
    /// Names in the order last given (the latest last), each once.
    order: Vec<String>,
    /// The gender first shown for a name.
    gender: HashMap<String, terms::Gender>,
    /// Every word of the names in `order` (split on white space), with how many of those
    /// names hold it: whether a word is part of a known name, without reading every name.
    name_words: HashMap<String, usize>,
    /// The two people the previous sentence named together, if it did
    /// ([`terms::korean_pair`]).
    pair: Option<(String, String)>,
}

impl NamesSoFar {
    /// A name given before that opens `text` ("Abe also sails out …").
    fn opening(&self, text: &str) -> Option<String> {
        let first = text
            .split_whitespace()
            .next()?
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let first = first.strip_suffix("'s").unwrap_or(first);
        // "Moon-young" of "Ko Moon-young", "Maren" of "Maren Holt".
        let part_of_name = first.chars().count() >= 3;
        let known = (part_of_name && self.name_words.contains_key(first))
            || self.order.iter().any(|n| n.as_str() == first);
        known.then(|| first.to_owned())
    }

    /// Counts the words of `name` in `name_words` ([`Self::name_words`]): up when the name is
    /// `added` to `order`, down when it is removed.
    fn count_words(name_words: &mut HashMap<String, usize>, name: &str, added: bool) {
        for word in name.split_whitespace() {
            if added {
                *name_words.entry(word.to_owned()).or_default() += 1;
            } else if let Some(count) = name_words.get_mut(word) {
                *count -= 1;
                if *count == 0 {
                    name_words.remove(word);
                }
            }
        }
    }

    /// How many recent names a pronoun looks back over.
    const LOOK_BACK: usize = 12;

    /// Reads the next sentence, `text`: the [`Antecedent`] of its pronouns (the names given
    /// before it), then notes the names it gives. The name that opens it is looked up once for
    /// both.
    #[cfg(test)]
    fn next_sentence(&mut self, text: &str) -> Antecedent {
        self.next_sentence_in(text, language::is_korean(text))
    }

    /// Reads the next sentence, as `next_sentence` does, its script already known (`korean`).
    fn next_sentence_in(&mut self, text: &str, korean: bool) -> Antecedent {
        let opening = self.opening(text);
        let mut antecedent = self.antecedent(opening.as_deref());
        self.read(text, opening, korean);
        // "두 사람" means a pair named in this sentence or the one before, never an older one
        // (the next paragraph may be about someone else).
        let own = korean.then(|| terms::korean_pair(text)).flatten();
        antecedent.pair = own.clone().or_else(|| self.pair.take());
        self.pair = own;
        antecedent
    }

    /// Notes the names `text` gives; `opening` is [`Self::opening`] of `text`, `korean`
    /// whether it is Korean.
    fn read(&mut self, text: &str, opening: Option<String>, korean: bool) {
        let mut names: Vec<(String, Option<terms::Gender>)> = Vec::new();
        // A name given before may open the sentence on its own ("Moon-young went to …").
        if let Some(opening) = opening {
            names.push((opening, None));
        }
        if korean {
            names.extend(terms::last_name(text).map(|n| (n, None)));
        } else {
            names.extend(terms::names_with_gender(text));
        }
        // The sentence's subject is whom its next sentence's pronoun most likely means
        // (the subject outranks what it names later: "Oduya, who plays Gus, cracked up. 'I'd
        // play Gus forever,' he told us"): a name that opens the sentence is noted last.
        // A name addressed ("Noreen, Vee spent all season …") is not the subject. An
        // answer's speaker label ("Aldana: He's not dead") is no one the answer's "he" means:
        // it is not noted.
        let opened = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let after_first = names.first().and_then(|(name, _)| {
            Some(
                opened
                    .strip_prefix(name.as_str())?
                    .trim_start_matches(['*', '_']),
            )
        });
        if after_first.is_some_and(|rest| rest.starts_with(':')) {
            names.remove(0);
        } else if let Some(rest) = after_first {
            let addressed = rest
                .strip_prefix(',')
                .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase));
            if names.len() > 1 && !korean && !addressed {
                names.rotate_left(1);
            }
        }
        for (name, gender) in names {
            if let Some(gender) = gender {
                self.gender.entry(name.clone()).or_insert(gender);
            }
            let before = self.order.len();
            self.order.retain(|n| *n != name);
            for _ in self.order.len()..before {
                Self::count_words(&mut self.name_words, &name, false);
            }
            Self::count_words(&mut self.name_words, &name, true);
            self.order.push(name);
        }
        if self.order.len() > 4 * Self::LOOK_BACK {
            let forgotten = self.order.len() - Self::LOOK_BACK;
            for name in self.order.drain(..forgotten) {
                Self::count_words(&mut self.name_words, &name, false);
            }
        }
    }

    /// For the pronouns of a sentence that `opening` opens ([`Self::opening`]): the latest
    /// name, and the latest not shown to be a woman ("he") or a man ("she"). A name given
    /// before opens the sentence is the latest ("Abe also sails out …, so we do not know if he
    /// made it").
    fn antecedent(&self, opening: Option<&str>) -> Antecedent {
        let latest = |not: Option<terms::Gender>| {
            opening
                .into_iter()
                .chain(
                    self.order
                        .iter()
                        .rev()
                        .take(Self::LOOK_BACK)
                        .map(String::as_str),
                )
                .find(|n| not.is_none() || self.gender.get(*n).copied() != not)
                .map(str::to_owned)
        };
        Antecedent {
            any: latest(None),
            he: latest(Some(terms::Gender::Female)),
            she: latest(Some(terms::Gender::Male)),
            pair: None,
        }
    }
}

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

/// One suggestion from a group of candidates (indices in article order), or `None` when no
/// title the checker accepts can be made for it.
fn build(
    members: &[usize],
    candidates: &[Candidate],
    passages: &[Passage],
    antecedents: &[Antecedent],
    context: &ArticleContext,
    document: &Document,
) -> Option<Suggestion> {
    // Strongest first; ties go to the earlier sentence.
    let mut by_strength: Vec<usize> = (0..members.len()).collect();
    by_strength.sort_by_key(|&k| (std::cmp::Reverse(candidates[members[k]].points), k));
    let ordered: Vec<&str> = by_strength
        .iter()
        .map(|&k| passages[members[k]].text.as_str())
        .collect();
    // A list entry's show names the group that holds the entry's heading.
    let first = &passages[members[0]];
    let holds_heading = candidates[members[0]].sentence_index == usize::MAX;
    let key = key_topic(members, candidates);
    let title_context = TitleContext {
        // The entry's renewal or date group asks the show's question even without its
        // heading.
        show: context
            .show(first.block)
            .filter(|_| holds_heading || matches!(key, Some(Topic::Renewal | Topic::Schedule)))
            .map(str::to_owned),
        // In a list of shows, one show's renewal says nothing about the others'.
        season_confirmed: context.confirmed() && context.show(first.block).is_none(),
        // In a list of shows, one show's premiere date says nothing about the others'.
        date_given: context.date_given && context.listed_shows().is_empty(),
        // In a list of shows, one show's last season says nothing about the others'.
        series_over: context.series_over && context.listed_shows().is_empty(),
        season: context.season,
        headline: context.headline.clone(),
        makers: context.makers.clone(),
        cast: context.cast.clone(),
        returned: context.returned.clone(),
        listed_shows: context.listed_shows(),
        // The show of its section's heading, or of its list entry.
        section_show: context
            .section_show
            .get(first.block)
            .cloned()
            .flatten()
            .or_else(|| context.show(first.block).map(str::to_owned)),
        antecedents: by_strength
            .iter()
            .map(|&k| antecedents.get(members[k]).cloned().unwrap_or_default())
            .collect(),
        speakers: by_strength
            .iter()
            .map(|&k| {
                let passage = &passages[members[k]];
                let block = &document.blocks[passage.block].text;
                let antecedent = antecedents.get(members[k]);
                // A quote with no tag: who the sentence before it names, if the article writes
                // that name as a name (an opener like "Fans" is no one).
                let said = title::speaker_of(block, &passage.text).or_else(|| {
                    title::lead_in_of(block, &passage.text).filter(|name| {
                        matches!(name.as_str(), "he" | "she") || named_mid_sentence(document, name)
                    })
                });
                match said?.as_str() {
                    "he" => antecedent?.he.clone(),
                    "she" => antecedent?.she.clone(),
                    // "RO: I'd love to direct": initials of a name the article gives.
                    name => Some(
                        title::name_with_initials(name, &context.makers)
                            .unwrap_or_else(|| name.to_owned()),
                    ),
                }
            })
            .collect(),
    };
    Some(Suggestion {
        title: title::title(&ordered, key, &title_context)?,
        passages: members.iter().map(|&m| passages[m].clone()).collect(),
        best: by_strength[0],
    })
}

/// Whether `document` writes `name` capitalised inside a sentence somewhere ("… said Farrow",
/// "creator Dominic Farrow"): a name, not a capitalised sentence opener ("Fans are hoping").
fn named_mid_sentence(document: &Document, name: &str) -> bool {
    document.blocks.iter().any(|block| {
        block.text.match_indices(name).any(|(at, _)| {
            let before = block.text[..at].trim_end();
            let after = block.text[at + name.len()..].chars().next();
            !before.is_empty()
                && !before.ends_with(['.', '!', '?', '"', '“', '”', ':', '—'])
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// `made` with each story suggestion that only asks what becomes of someone
/// ([`title::asks_only_a_fate`]) merged into a story suggestion holding the sentence right
/// before or after one of its own in the same paragraph: the scene a finale ended on and the
/// question asked about it next ("The episode ends with Tom boarding the train. Does Priya go
/// with him?") are one thread, titled by the question. Per suggestion, `sentences_of` gives
/// the article indices of its sentences and `story` whether it is about the story rather than
/// the show's future (a list entry's renewal is another thread); `candidates` give the
/// sentences' paragraphs.
fn with_scenes_merged(
    made: Vec<(i32, Suggestion)>,
    sentences_of: &[Vec<usize>],
    story: &[bool],
    candidates: &[Candidate],
) -> Vec<(i32, Suggestion)> {
    let block_of: HashMap<usize, usize> = candidates
        .iter()
        .map(|c| (c.sentence_index, c.block))
        .collect();
    let fate: Vec<bool> = made
        .iter()
        .zip(story)
        .map(|((_, s), &story)| story && title::asks_only_a_fate(&s.title))
        .collect();
    // Per sentence: the first story suggestion that holds it and merges into no other.
    let mut host_of: HashMap<usize, usize> = HashMap::new();
    for (j, sentences) in sentences_of.iter().enumerate() {
        if story[j] && !fate[j] {
            for &b in sentences {
                host_of.entry(b).or_insert(j);
            }
        }
    }
    // The host of the sentence `b` next to `a` in `a`'s paragraph, if any.
    let host_next_to = |a: usize, b: usize| {
        let same_block = block_of
            .get(&a)
            .is_some_and(|x| block_of.get(&b) == Some(x));
        same_block.then(|| host_of.get(&b).copied()).flatten()
    };
    // Per suggestion: the suggestion it merges into, if any (never one that merges itself).
    let into: Vec<Option<usize>> = (0..made.len())
        .map(|i| {
            let neighbours = sentences_of[i]
                .iter()
                .flat_map(|&a| {
                    [
                        a.checked_sub(1).map(|b| (a, b)),
                        a.checked_add(1).map(|b| (a, b)),
                    ]
                })
                .flatten();
            fate[i]
                .then(|| neighbours.filter_map(|(a, b)| host_next_to(a, b)).min())
                .flatten()
        })
        .collect();
    let mut kept: Vec<Option<(i32, Suggestion)>> = made.into_iter().map(Some).collect();
    for (i, target) in into.iter().enumerate() {
        if let Some(j) = *target
            && let Some(merged) = kept[i].take()
            && let Some(host) = kept[j].as_mut()
        {
            merge_into(host, merged);
        }
    }
    kept.into_iter().flatten().collect()
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

    /// The key [`title::question_key`] gives every title asking whether the show goes on.
    const RENEWAL_TITLE_KEY: &str = "\u{1}renewal";

    fn suggest_markdown(source: &str) -> Vec<Suggestion> {
        suggest(&Document::from_markdown(source))
    }

    #[test]
    fn curly_quotes_and_full_width_commas_split_no_character() {
        // Each of these once sliced inside a multi-byte quote or comma and panicked.
        let titles: Vec<String> = suggest_markdown(
            "Nobody knows who sent the “unsigned” letter, and we never found out whether Ana \
             kept it.\n\n“We still dont know who took it,” she said.\n\n\
             제작진은 “시즌2는 아직 모른다”라며 “정말 돌아올 수 있을까”라고 말했다，하지만 \
             팬들은 시즌2 제작 여부를 궁금해하고 있다.",
        )
        .into_iter()
        .map(|s| s.title)
        .collect();
        assert!(
            titles
                .iter()
                .any(|t| t == "Who sent the “unsigned” letter?"),
            "{titles:?}"
        );
    }

    #[test]
    fn two_people_are_named_only_from_the_sentence_before() {
        let titles = |source: &str| -> Vec<String> {
            suggest_markdown(source)
                .into_iter()
                .map(|s| s.title)
                .collect()
        };
        let named = titles(
            "둘째, 잠수부 태오(배우 김라헌)와 은채의 관계요. 두 사람이 다시 만나게 될지 너무 \
             궁금해요.",
        );
        assert!(
            named.iter().any(|t| t == "태오와 은채가 다시 만나게 될까?"),
            "{named:?}"
        );
        // A pair named further back may not be whom the sentence means.
        let unnamed = titles(
            "둘째, 잠수부 태오(배우 김라헌)와 은채의 관계요. 은채는 어머니를 찾아갔다. 두 \
             사람이 다시 만나게 될지 너무 궁금해요.",
        );
        assert!(unnamed.iter().all(|t| !t.contains("태오와")), "{unnamed:?}");
    }

    #[test]
    fn a_show_whose_last_season_has_aired_is_not_asked_about_another() {
        let body = "Fans still hope a fourth season will be made, but nobody has said anything.\n\n\
                    We still do not know who sent Ada the unsigned letter.";
        let titles = |headline: &str| -> Vec<String> {
            suggest_titled(&Document::from_markdown(body), headline)
                .into_iter()
                .map(|s| s.title)
                .collect()
        };
        let over = titles("Marrowgate ended its third and final season on Sunday night");
        assert_eq!(over, ["Who sent Ada the unsigned letter?"]);
        // The same body under a headline that ends nothing asks for the season.
        let open = titles("Marrowgate season three ended on Sunday night");
        assert!(open.iter().any(|t| t.contains("fourth season")), "{open:?}");
    }

    #[test]
    fn a_confirmed_season_is_not_asked_about_its_air_date_is_and_datelines_stay_out() {
        let suggestions = suggest_markdown(
            "Harbor Lights renewed for a third season\n\n\
             NEW YORK (Newswire) — The network has renewed the drama Harbor Lights for a third season, the company said on Monday.\n\n\
             The network did not say when the new episodes would air.\n\n\
             It is not yet known whether Ana Pires, who plays the detective, will return.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(
            titles.contains(&"When will season three premiere?"),
            "{titles:?}"
        );
        // A return asked of the season the article names.
        assert!(
            titles.contains(&"Will Ana Pires return for season three?"),
            "{titles:?}"
        );
        for title in &titles {
            assert_eq!(title_problem(title), None, "{title}");
            assert!(
                !title.contains("confirmed") && !title.contains("renewed"),
                "{title}"
            );
            assert!(!title.contains("YORK"), "{title}");
        }
    }

    #[test]
    fn a_question_about_a_character_is_its_own_thread_not_her_actress_s() {
        let suggestions = suggest_markdown(
            "The actress Lin Yue, who plays the heroine Bai Xue, said she hopes to continue the role.\n\n\
             Is Bai Xue really dead, or will she be revived?",
        );
        let fate = holding(&suggestions, "Is Bai Xue really dead").map(|s| s.title.as_str());
        let cast = holding(&suggestions, "hopes to continue").map(|s| s.title.as_str());
        assert_eq!(
            fate,
            Some("Is Bai Xue really dead, or will she be revived?"),
            "{suggestions:?}"
        );
        assert!(
            cast.is_some_and(|t| t != "Is Bai Xue really dead?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_premiere_date_given_is_not_asked_for() {
        let suggestions = suggest_markdown(
            "Kite Runners season 2 premieres on April 4, 2026 on Crunchwave, the studio confirmed.\n\n\
             What Will Season 2 Cover?\n\n\
             No word yet on whether Daichi Mori, who voiced Sora, will be back.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        // The actor's return names the part the article gives.
        assert!(
            titles.contains(&"Will Daichi Mori return as Sora?"),
            "{titles:?}"
        );
        for title in &titles {
            assert!(!title.starts_with("When"), "{title}");
            assert!(!title.contains("confirmed"), "{title}");
        }
    }

    #[test]
    fn a_question_its_faq_answer_settles_is_no_thread() {
        let suggestions = suggest_markdown(
            "# 안개 정류장 결말 해석\n\n\
             Q: 편의점 사장님은 결국 돌아가신 건가요?\n\
             A: 네, 마지막 회에 장례식까지 나왔어요.\n\n\
             Q: 시즌2 나오나요?\n\
             A: 아직 공식 발표는 없어요.\n",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(
            !titles.iter().any(|t| t.contains("사장님")),
            "answered: {titles:?}"
        );
        assert!(
            suggestions
                .iter()
                .any(|s| s.passages.iter().any(|p| p.text.contains("시즌2 나오나요"))),
            "still open: {titles:?}"
        );
    }

    #[test]
    fn a_question_the_next_sentence_answers_outright_is_no_thread() {
        let suggestions = suggest_markdown(
            "# Gravel Harbour ending explained\n\n\
             ## Is Odile really dead?\n\n\
             Sadly, yes. For weeks fans held on to the theory that Odile survived the fall, \
             but the last episode shows her grave.\n\n\
             ## Did Bram betray the crew?\n\n\
             He did not. The letter was forged. But will Bram ever forgive the crew for \
             doubting him?\n\n\
             ## Will there be a season 2?\n\n\
             No word yet. The studio may decide after the disc sales are in.\n\n\
             ## Who sent the forged letter?\n\n\
             Nobody knows, and the finale never says.\n",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        let raised = |sentence: &str| {
            suggestions
                .iter()
                .any(|s| s.passages.iter().any(|p| p.text.contains(sentence)))
        };
        for answered in ["Is Odile really dead?", "Odile survived", "Did Bram betray"] {
            assert!(!raised(answered), "answered, {answered}: {titles:?}");
        }
        // A question of its own in the answer's paragraph still asks.
        for open in [
            "Will there be a season 2?",
            "Who sent the forged letter?",
            "will Bram ever forgive",
        ] {
            assert!(
                suggestions
                    .iter()
                    .any(|s| s.passages.iter().any(|p| p.text.contains(open))),
                "still open, {open}: {titles:?}"
            );
        }
    }

    #[test]
    fn a_question_to_the_reader_is_no_thread() {
        let suggestions = suggest_markdown(
            "마지막 회를 보고 나서 잠이 안 오는 분들 많으시죠?\n\n\
             Which of these would you bring back?",
        );
        assert!(suggestions.is_empty(), "{suggestions:?}");
    }

    #[test]
    fn she_and_he_are_the_last_names_of_their_gender() {
        let suggestions = suggest_markdown(
            "Tobias Reed plays her brother Abe, and Ines Walcott plays Maren.\n\n\
             Abe sails out after the storm, and we still do not know if he made it.\n\n\
             Maren went to see the old keeper in the last episode.\n\n\
             I would love to know if she ever goes back.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"Did Abe make it?"), "{titles:?}");
        assert!(titles.contains(&"Will Maren ever go back?"), "{titles:?}");
    }

    /// The suggestion whose passages hold `quote`.
    /// Asserts that some suggestion holds each of `quotes`.
    fn assert_all_held(suggestions: &[Suggestion], quotes: &[&str]) {
        for quote in quotes {
            assert!(
                holding(suggestions, quote).is_some(),
                "{quote}: {suggestions:#?}"
            );
        }
    }

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
    fn default_article_offers_its_four_threads_and_at_most_two_others_none_generic() {
        let suggestions = suggest_markdown(DEFAULT_ARTICLE_MARKDOWN);
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(
            suggestions.len() <= 4 + 2,
            "{} suggestions: {titles:?}",
            suggestions.len()
        );
        for title in &titles {
            assert_eq!(title_problem(title), None, "{title}");
            assert!(!title.starts_with("What happens next"), "{title}");
        }
    }

    #[test]
    fn claims_about_an_unconfirmed_season_are_threads_split_by_subject() {
        let suggestions = suggest_markdown(
            "Nobody has confirmed a second season of Glass Harbor yet.\n\n\
             The whole main cast is coming back for season two, according to a fan account. \
             Season two should show us how the couple copes with the move abroad. \
             Expect it to land late next year.",
        );
        let cast = holding(&suggestions, "The whole main cast is coming back");
        let story = holding(&suggestions, "how the couple copes with the move abroad");
        let date = holding(&suggestions, "Expect it to land late next year");
        let renewal = holding(&suggestions, "Nobody has confirmed a second season");
        let found = [renewal, cast, story, date];
        assert!(found.iter().all(Option::is_some), "{suggestions:#?}");
        let mut titles: Vec<&str> = found.iter().flatten().map(|s| s.title.as_str()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), 4, "{suggestions:#?}");
    }

    #[test]
    fn a_question_heading_asking_about_the_renewal_settles_nothing() {
        // An "everything we know" post asks "Has … been renewed?" as a heading; the claims
        // under its Cast and Plot headings are still about an unconfirmed season, and what a
        // season's story is said to do is its own thread, not the renewal's.
        let suggestions = suggest_markdown(
            "# Lanternfall Season 2: Everything We Know\n\n\
             ## Has Lanternfall been renewed for season 2?\n\n\
             Not yet. The streamer has not renewed Lanternfall, but the numbers look good.\n\n\
             ## Lanternfall Season 2 Cast\n\n\
             Obviously Ines Varga will return as Captain Oda, the show revolves around her.\n\n\
             ## Lanternfall Season 2 Plot\n\n\
             Season 2 will pick up with the crew sailing to Oslo to find the mapmaker, and we \
             will finally learn why he burned the charts.",
        );
        let cast = holding(&suggestions, "Obviously Ines Varga will return");
        let story = holding(&suggestions, "Season 2 will pick up with the crew");
        let renewal = holding(&suggestions, "The streamer has not renewed Lanternfall");
        let (Some(cast), Some(story), Some(renewal)) = (cast, story, renewal) else {
            panic!("{suggestions:#?}");
        };
        assert_eq!(cast.title, "Will Ines Varga return for season two?");
        assert_ne!(story.title, renewal.title, "{suggestions:#?}");
        assert!(story.title.contains("charts"), "{}", story.title);
    }

    #[test]
    fn where_the_season_ended_is_a_thread_and_one_show_s_renewal_is_asked_once() {
        let suggestions = suggest_markdown(
            "Copperleaf has not been renewed for a second season yet.\n\n\
             Season one ended with Rosa finding the survey map in her father's old trunk.\n\n\
             Fans have started a petition, and they hope the show can be saved by another \
             streamer if it comes to that.",
        );
        let ending = holding(
            &suggestions,
            "Season one ended with Rosa finding the survey map",
        );
        assert_eq!(
            ending.map(|s| s.title.as_str()),
            Some("What will come of Rosa finding the survey map?"),
            "{suggestions:#?}"
        );
        let asks_renewal = suggestions
            .iter()
            .filter(|s| title::question_key(&s.title, "", &[]) == RENEWAL_TITLE_KEY)
            .count();
        assert_eq!(asks_renewal, 1, "{suggestions:#?}");
    }

    #[test]
    fn a_place_is_no_antecedent_and_the_show_s_renewal_is_asked_once() {
        let suggestions = suggest_titled(
            &Document::from_markdown(
                "Brightbox has not renewed Hollowpike Lanes for a second season yet.\n\n\
                 The pair finally kissed, only for Marcus to announce that he has accepted a \
                 coaching job in Phoenix. Does he \
                 actually go?\n\n\
                 Even if Brightbox renewed Hollowpike Lanes tomorrow, it would be a year out \
                 at the very least.",
            ),
            "Hollowpike Lanes Season 2: Everything We Know",
        );
        let going = holding(&suggestions, "Does he actually go?");
        assert_eq!(
            going.map(|s| s.title.as_str()),
            Some("Does Marcus actually go?"),
            "{suggestions:#?}"
        );
        let asks_renewal = suggestions
            .iter()
            .filter(|s| title::question_key(&s.title, "Hollowpike Lanes", &[]) == RENEWAL_TITLE_KEY)
            .count();
        assert_eq!(asks_renewal, 1, "{suggestions:#?}");
    }

    #[test]
    fn a_korean_season_left_on_a_scene_is_a_thread() {
        let suggestions = suggest_markdown(
            "'밤의 세탁소' 시즌2 제작은 아직 확정되지 않았다.\n\n\
             마지막 회에서 봉팔이 하숙집 열쇠를 우체통에 넣고 떠나는 장면으로 끝났다.\n\n\
             과연 히바리는 살아 있는 것인가.\n\n\
             주연 성우도 그날을 기다리고 있겠다며 웃었다.\n\n\
             렌카의 생사는 명확하게 되지 않은 채로 방송이 끝났다.",
        );
        assert_all_held(
            &suggestions,
            &[
                "봉팔이 하숙집 열쇠를",
                "과연 히바리는",
                "그날을 기다리고 있겠다",
                "렌카의 생사는",
            ],
        );
    }

    #[test]
    fn a_scene_and_the_question_asked_about_it_next_are_one_thread() {
        // The finale's last scene, then the question it leaves: one thread, titled by the
        // question, not "What will happen to …?" beside it.
        let cases = [
            (
                "The streamer has not renewed Northlight Ward yet.\n\n\
                 The finale ends with Tom boarding the night train to Edinburgh. Does Priya \
                 go with him, or does she stay to rebuild the ward?",
                "Tom boarding",
                "Does Priya go",
            ),
            (
                "'오후 세 시의 검도관' 시즌2 제작은 아직 확정되지 않았다.\n\n\
                 최종회에서는 관장 석무현이 결승 직전 자취를 감추고, 텅 빈 도장에 낡은 호구만 \
                 남은 장면으로 끝이 났다. 석무현이 왜 떠났는지, 다시 돌아올지는 끝내 밝혀지지 \
                 않아 시청자들 사이에서 추측이 오가고 있다.",
                "자취를 감추고",
                "석무현이 왜 떠났는지",
            ),
        ];
        for (article, scene, question) in cases {
            let suggestions = suggest_markdown(article);
            let thread = holding(&suggestions, question).expect(question);
            assert!(
                thread.passages.iter().any(|p| p.text.contains(scene)),
                "{suggestions:#?}"
            );
            assert!(!title::asks_only_a_fate(&thread.title), "{}", thread.title);
            assert!(
                suggestions
                    .iter()
                    .all(|s| !title::asks_only_a_fate(&s.title)),
                "{suggestions:#?}"
            );
        }
    }

    #[test]
    fn a_speaker_s_own_wish_or_plan_is_a_thread() {
        let suggestions = suggest_markdown(
            "Marchbanks: I want a Christmas special for the whole street.\n\n\
             Vuong has the next three seasons sketched out on index cards above her desk.",
        );
        assert_all_held(
            &suggestions,
            &[
                "I want a Christmas special",
                "the next three seasons sketched out",
            ],
        );
    }

    #[test]
    fn a_conditional_raises_its_consequence_and_a_wish_is_a_thread() {
        let suggestions = suggest_markdown(
            "Should the network order more episodes, the two leads would sign on again.\n\n\
             The writer told us she would happily keep going for years.",
        );
        let leads =
            holding(&suggestions, "the two leads would sign on again").map(|s| s.title.as_str());
        assert_eq!(leads, Some("Would the two leads sign on again?"));
        let writer = holding(&suggestions, "keep going for years").map(|s| s.title.as_str());
        assert_eq!(writer, Some("Will the writer keep going for years?"));
    }

    #[test]
    fn a_direct_question_is_its_own_title_and_a_hint_raises_what_it_hints_at() {
        let suggestions = suggest_markdown(
            "Can the crew ever get off the island, or are they stuck there for good?\n\n\
             In the last scene the stranger says he is not the only one, which hints at others like him.\n\n\
             We still do not know who sent the letter.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        // Over the length limit, the question keeps its first clause.
        assert!(
            titles.contains(&"Can the crew ever get off the island?"),
            "{titles:?}"
        );
        assert!(
            titles.contains(&"Are there others like the stranger?"),
            "{titles:?}"
        );
        assert!(titles.contains(&"Who sent the letter?"), "{titles:?}");
    }

    #[test]
    fn a_confirmed_season_asks_for_its_air_date_not_whether_it_is_made() {
        let suggestions = suggest_markdown(
            "The network has renewed Glass Harbor for a second season. \
             There is no air date yet for season two.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["When will season two premiere?"]);
    }

    #[test]
    fn a_list_of_shows_gives_a_thread_per_show_titled_with_the_show() {
        let suggestions = suggest_markdown(
            "# Three shows that need to come back\n\n\
             ## 1. Paper Moon\n\nThe finale left the sisters on a cliffhanger and fans still hope for more.\n\n\
             ## 2. Starfall\n\nThe network has not renewed it, and the cast would return in a heartbeat.\n\n\
             ## 3. Iron Tide\n\nA revival is rumoured, though nothing is confirmed.\n",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        for show in ["Paper Moon", "Starfall", "Iron Tide"] {
            assert!(
                titles.iter().any(|t| t.contains(show)),
                "{show}: {titles:?}"
            );
        }
        assert_eq!(suggestions.len(), 3, "{titles:?}");
    }

    #[test]
    fn two_shows_under_their_own_headings_are_two_threads() {
        let suggestions = suggest_markdown(
            "A round-up of two dramas we still worry about.\n\n\
             ### Ghost Bakery\n\n\
             The finale left Min-ah trapped in the mirror, and nothing has been announced.\n\n\
             ### Red Lantern Inn\n\n\
             Netflix hasn't renewed it, and the lead just signed on to a movie.",
        );
        let bakery = holding(&suggestions, "trapped in the mirror");
        let inn = holding(&suggestions, "hasn't renewed it");
        assert!(bakery.is_some() && inn.is_some(), "{suggestions:?}");
        assert_ne!(bakery.map(|s| &s.title), inn.map(|s| &s.title));
    }

    #[test]
    fn a_list_of_shows_to_bring_back_under_bold_labels_asks_for_each_but_the_renewed() {
        let document = Document::from_markdown(
            "We still can't let these go, so here is the list.\n\n\
             **Pilot Light Diner** (Fernway, 2 seasons)\n\n\
             The pitch: a chef buys a diner off the interstate.\n\n\
             Why it needs to come back: Fernway dropped it in 2025 and the cast never got a goodbye.\n\n\
             **The Orrery Thieves** (anime, 1 cour)\n\n\
             Why it needs to come back: the one season came out in 2023 and there has been \
             nothing since.\n\n\
             **Skerry Island** (Albion One, 1 season)\n\n\
             Why it needs to come back: it was cancelled after one season in a budget cut.\n\n\
             **Bonus: Greenhouse Nine** (Pellucid, renewed)\n\n\
             Pellucid renewed the mystery for season 3 in the summer.\n\n\
             **Gull Point** (Halvard, 1 season)\n\n\
             Why it needs to come back: in the finale Mara is rescued by a new crew, and \
             then Halvard dropped it.\n\n\
             **Tin Lantern** (Orbit+, 2 seasons)\n\n\
             Ok, cheating a little, because this one actually IS coming back. \
             After a two year gap the show was revived by Halvard and its third season \
             premieres in March.",
        );
        let suggestions =
            try_suggest_titled(&document, "Gone Too Soon: The Shows We Are Still Not Over")
                .unwrap_or_default();
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        // A rescue in the story renews nothing ("Mara is rescued by a new crew").
        for show in [
            "Pilot Light Diner",
            "The Orrery Thieves",
            "Skerry Island",
            "Gull Point",
        ] {
            let asked = format!("Will {show} get another season?");
            assert!(titles.contains(&asked.as_str()), "{titles:?}");
        }
        // Renewed: nothing to ask; the outlet in a label is no story's subject.
        assert!(
            titles.iter().all(|t| !t.contains("Greenhouse Nine")
                && !t.contains("Tin Lantern")
                && !t.contains("Fernway")),
            "{titles:?}"
        );
    }

    #[test]
    fn a_date_in_a_list_of_shows_names_its_entry_and_the_lede_asks_none() {
        let document = Document::from_markdown(
            "These shows quietly vanished from the release schedule, and nobody knows when \
             they will premiere again.\n\n\
             ## Brass Monkeys\n\n\
             The heist comedy was cancelled after two seasons on a cliffhanger.\n\n\
             ## Lamplight Row\n\n\
             A third season was announced in July, but there is no air date yet and nobody \
             knows when it will premiere.\n\n\
             ## Wren Hollow\n\n\
             The folk-horror anime ended mid-arc and the studio has gone quiet.",
        );
        let suggestions =
            try_suggest_titled(&document, "Shows that need to come back").unwrap_or_default();
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        let dates: Vec<&&str> = titles.iter().filter(|t| t.starts_with("When")).collect();
        assert_eq!(dates, [&"When will Lamplight Row return?"], "{titles:?}");
    }

    #[test]
    fn each_actor_s_return_is_a_thread_of_its_own() {
        let suggestions = suggest_markdown(
            "# '새벽 빵집' 시즌2 제작 논의\n\n\
             제작사 관계자는 시즌2 제작을 논의 중이라고 밝혔다. 주인공 윤하 역을 맡은 배우 \
             한지수의 출연 여부는 아직 정해지지 않았다. 반면 제빵사 도윤 역의 배우 박서호는 \
             군 입대를 앞두고 있어 시즌2 출연이 불투명하다.\n",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        // Each actor's own question, not the other's.
        for (actor, other) in [("한지수", "박서호"), ("박서호", "한지수")] {
            assert!(
                titles
                    .iter()
                    .any(|t| t.starts_with(actor) && t.contains("출연") && !t.contains(other)),
                "{titles:?}"
            );
        }
    }

    #[test]
    fn a_wish_in_an_interview_is_asked_about_its_speaker() {
        let suggestions = suggest_markdown(
            "Creator Marisol Quintana and star Teddy Oduya talked to us last week.\n\n\
             \"I've got a whole third season in my head, and I'd love to finally take them off \
             the mountain and into the city for a few episodes,\" Quintana said.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(
            titles.contains(&"Will Quintana take them off the mountain and into the city?"),
            "{titles:?}"
        );
    }

    #[test]
    fn a_long_question_is_shortened_not_dropped() {
        let suggestions = suggest_markdown(
            "The finale aired last week.\n\n\
             - Who was the woman in the grey coat watching the confession from the lane?\n\
             - Will Bettany and the constable ever act on what was obviously going on between them?",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(
            // Its trailing participle clause goes first ("watching the confession …").
            titles.contains(&"Who was the woman in the grey coat?"),
            "{titles:?}"
        );
        assert!(
            titles
                .contains(&"Will Bettany and the constable act on what was going on between them?"),
            "{titles:?}"
        );
    }

    #[test]
    fn the_title_given_apart_names_the_show_no_question_asks_about() {
        let document = Document::from_markdown(
            "Season two is not confirmed yet.\n\n\
             So that is everything we know about Harbor Lights season 2 so far.",
        );
        let titled = try_suggest_titled(&document, "Harbor Lights Season 2: Everything We Know")
            .unwrap_or_default();
        let about_the_show = |list: &[Suggestion]| {
            list.iter()
                .any(|s| s.title == "What will happen to Harbor Lights?")
        };
        assert!(!about_the_show(&titled), "{titled:?}");
        // Without the title the piece names no show, and the name is a subject like any.
        let untitled = try_suggest(&document).unwrap_or_default();
        assert!(about_the_show(&untitled), "{untitled:?}");
    }

    #[test]
    fn korean_kinds_raise_threads_with_korean_questions() {
        let suggestions = suggest_markdown(
            "시즌2 제작이 확정됐다. 다만 편성은 아직 미정이다.\n\n\
             주연 배우들의 출연 여부는 알려지지 않았다.\n\n\
             작가는 이야기를 더 이어가고 싶다는 희망을 내비쳤다.",
        );
        let titles: Vec<&str> = suggestions.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"시즌2는 언제 방송될까?"), "{titles:?}");
        assert!(
            holding(&suggestions, "주연 배우들의 출연 여부").is_some(),
            "{titles:?}"
        );
        assert!(
            holding(&suggestions, "희망을 내비쳤다").is_some(),
            "{titles:?}"
        );
        for title in &titles {
            assert_eq!(title_problem(title), None, "{title}");
            assert!(!title.contains("앞으로 어떻게 될까"), "{title}");
        }
    }

    #[test]
    fn a_selected_passage_is_titled_as_a_question() {
        assert_eq!(
            title_for_passage(
                "Should the network order more episodes, the two leads would sign on again."
            )
            .as_deref(),
            Some("Would the two leads sign on again?")
        );
        assert_eq!(title_for_passage("   "), None);
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
    fn a_pronoun_means_the_subject_before_a_name_the_subject_gave() {
        // The antecedent of the last of `sentences`, read in order.
        let last = |sentences: &[&str]| {
            let mut named = NamesSoFar::default();
            sentences
                .iter()
                .map(|s| named.next_sentence(s))
                .last()
                .unwrap_or_default()
        };
        let he = last(&[
            "Teddy Oduya, who plays the night technician Gus, cracked up.",
            "\"I'd play Gus until I'm eighty,\" he told us.",
        ]);
        assert_eq!(he.he.as_deref(), Some("Teddy Oduya"));
        // A name addressed, or an answer's speaker label, is not the subject.
        let she = last(&[
            "Noreen Hale, Vee Park spent all season looking for her dad.",
            "Does she ever find him?",
        ]);
        assert_eq!(she.she.as_deref(), Some("Vee Park"));
        let he = last(&[
            "Quintana: Anton Haverford is doing a play in London.",
            "Whether he walks back through it depends on us.",
        ]);
        assert_eq!(he.he.as_deref(), Some("Anton Haverford"));
        // The answer's "he" is not its speaker.
        let he = last(&[
            "What happened to Jonah Pike at the end?",
            "Felix Aldana: He's not dead, I'll say that much.",
            "Whether he ever comes home is another question.",
        ]);
        assert_eq!(he.he.as_deref(), Some("Jonah Pike"));
    }

    #[test]
    fn the_words_of_known_names_follow_the_names_kept() {
        let mut named = NamesSoFar::default();
        for i in 0..60 {
            named.next_sentence(&format!("Later Ana Pires{i} met Tom Holt{i} at the pier."));
            // A name given again is kept once.
            named
                .next_sentence("Then Mara Quinn and Ana Pires0 left the harbour together at dawn.");
        }
        let mut recounted: HashMap<String, usize> = HashMap::new();
        for name in &named.order {
            for word in name.split_whitespace() {
                *recounted.entry(word.to_owned()).or_default() += 1;
            }
        }
        assert_eq!(named.name_words, recounted);
        assert_eq!(named.name_words.get("Quinn"), Some(&1));
        assert_eq!(
            named.opening("Holt59 sails out."),
            Some("Holt59".to_owned())
        );
        // Long forgotten: not among the names kept.
        assert_eq!(named.opening("Holt1 sails out."), None);
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
