//! Matching the items of theirs to ours: by id where alike, then by content.

use std::collections::{HashMap, HashSet};

use super::super::{Anchor, ArticleEntry, ArticleId, Show};
use super::{MergeIn, key, same_passage};

impl MergeIn<'_> {
    /// Matches every item of theirs to one of ours where it can (fills the id maps).
    pub(super) fn match_items(&mut self) {
        let (ours, theirs) = (self.ours, self.theirs);
        // Articles first, across shows: a show is alike when it has an article in common.
        let our_articles: Vec<&ArticleEntry> = ours.articles().collect();
        let articles = match_pairs(
            &theirs.articles().collect::<Vec<_>>(),
            &our_articles,
            |a| a.id,
            |a| a.id,
            |t, o| self.same_text(t, o),
            |t, o| self.same_text(t, o),
        );
        self.articles = articles;
        let articles = self.articles.clone();
        let shares_article = |t: &Show, o: &Show| {
            t.articles.iter().any(|a| {
                articles
                    .get(&a.id)
                    .is_some_and(|id| o.article(*id).is_some())
            })
        };
        let same_title = |t: &Show, o: &Show| {
            key(&t.title) == key(&o.title)
                || t.original_title.as_deref().map(key).is_some_and(|k| {
                    !k.is_empty() && Some(k) == o.original_title.as_deref().map(key)
                })
        };
        self.shows = match_pairs(
            &theirs.shows.iter().collect::<Vec<_>>(),
            &ours.shows.iter().collect::<Vec<_>>(),
            |s| s.id,
            |s| s.id,
            |t, o| same_title(t, o) || shares_article(t, o),
            same_title,
        );
        for their_show in &theirs.shows {
            let Some(our_show) = self
                .shows
                .get(&their_show.id)
                .and_then(|id| ours.show(*id).ok())
            else {
                continue;
            };
            let map = &self.articles;
            let threads = match_pairs(
                &their_show.threads.iter().collect::<Vec<_>>(),
                &our_show.threads.iter().collect::<Vec<_>>(),
                |t| t.id,
                |t| t.id,
                |t, o| {
                    key(&t.title) == key(&o.title)
                        || t.anchors.iter().any(|a| {
                            let a = follow(map, a);
                            o.anchors.iter().any(|b| same_passage(&a, b))
                        })
                        || t.predictions.iter().any(|p| {
                            o.predictions
                                .iter()
                                .any(|q| key(&p.statement) == key(&q.statement))
                        })
                },
                |t, o| key(&t.title) == key(&o.title),
            );
            for their_thread in &their_show.threads {
                let Some(our_thread) = threads
                    .get(&their_thread.id)
                    .and_then(|id| our_show.threads.iter().find(|t| t.id == *id))
                else {
                    continue;
                };
                self.predictions.extend(match_pairs(
                    &their_thread.predictions.iter().collect::<Vec<_>>(),
                    &our_thread.predictions.iter().collect::<Vec<_>>(),
                    |p| p.id,
                    |p| p.id,
                    |t, o| key(&t.statement) == key(&o.statement) || t.current == o.current,
                    |t, o| key(&t.statement) == key(&o.statement),
                ));
            }
            self.threads.extend(threads);
        }
    }
}

/// `anchor` pointing at our id of its article.
pub(super) fn follow(articles: &HashMap<ArticleId, ArticleId>, anchor: &Anchor) -> Anchor {
    let mut anchor = anchor.clone();
    if let Some(id) = articles.get(&anchor.article) {
        anchor.article = *id;
    }
    anchor
}

/// Matches each of `theirs` to at most one of `ours`, and each of ours at most once: first
/// the same id where `alike`, then the first left over where `same`. Returns their id → ours.
fn match_pairs<T, Id: Copy + Eq + std::hash::Hash>(
    theirs: &[&T],
    ours: &[&T],
    their_id: impl Fn(&T) -> Id,
    our_id: impl Fn(&T) -> Id,
    alike: impl Fn(&T, &T) -> bool,
    same: impl Fn(&T, &T) -> bool,
) -> HashMap<Id, Id> {
    let mut matched: HashMap<Id, Id> = HashMap::new();
    let mut used: HashSet<Id> = HashSet::new();
    for t in theirs {
        let id = their_id(t);
        if let Some(o) = ours.iter().find(|o| our_id(o) == id)
            && alike(t, o)
            && used.insert(id)
        {
            matched.insert(id, id);
        }
    }
    for t in theirs {
        let id = their_id(t);
        if matched.contains_key(&id) {
            continue;
        }
        if let Some(o) = ours
            .iter()
            .find(|o| !used.contains(&our_id(o)) && same(t, o))
        {
            used.insert(our_id(o));
            matched.insert(id, our_id(o));
        }
    }
    matched
}
