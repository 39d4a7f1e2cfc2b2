//! Building the merged library: ids for added items, items added, lists merged element by
//! element.

use std::collections::HashSet;

use super::super::{
    ArticleEntry, ArticleId, Library, PredictionId, Show, ShowId, Thread, ThreadId,
};
use super::MergeIn;
use super::matching::follow;

impl MergeIn<'_> {
    /// The id an added item of theirs gets: its own when ours never handed it out, else a
    /// fresh one.
    fn new_id(&mut self, theirs: u64) -> u64 {
        if theirs >= self.first_free && self.taken.insert(theirs) {
            return theirs;
        }
        while self.taken.contains(&self.fresh) {
            self.fresh += 1;
        }
        let id = self.fresh;
        self.taken.insert(id);
        self.fresh += 1;
        id
    }

    /// Ours with theirs merged in.
    pub(super) fn build(&mut self) -> Library {
        let (ours, theirs) = (self.ours, self.theirs);
        let mut library = ours.clone();
        // Ids of the items of theirs that are added, decided before anything refers to them.
        for show in &theirs.shows {
            if !self.shows.contains_key(&show.id) {
                let id = self.new_id(show.id.0);
                self.shows.insert(show.id, ShowId(id));
                self.added.shows += 1;
            }
            for entry in &show.articles {
                if !self.articles.contains_key(&entry.id) {
                    let id = self.new_id(entry.id.0);
                    self.articles.insert(entry.id, ArticleId(id));
                    self.added.articles += 1;
                }
            }
            for thread in &show.threads {
                if !self.threads.contains_key(&thread.id) {
                    let id = self.new_id(thread.id.0);
                    self.threads.insert(thread.id, ThreadId(id));
                    self.added.threads += 1;
                }
                for prediction in &thread.predictions {
                    if !self.predictions.contains_key(&prediction.id) {
                        let id = self.new_id(prediction.id.0);
                        self.predictions.insert(prediction.id, PredictionId(id));
                        self.added.predictions += 1;
                    }
                }
            }
        }
        let matched_articles: HashSet<ArticleId> = ours
            .articles()
            .map(|a| a.id)
            .filter(|id| self.articles.values().any(|v| v == id))
            .collect();
        for show in &theirs.shows {
            let show_id = self.shows[&show.id];
            let is_ours = ours.show(show_id).is_ok();
            if !is_ours {
                library.shows.push(Show {
                    id: show_id,
                    articles: Vec::new(),
                    threads: Vec::new(),
                    events: Vec::new(),
                    ..show.clone()
                });
            } else if let Ok(our) = library.show_mut(show_id) {
                self.merge_show_fields(our, show);
            }
            for entry in &show.articles {
                let id = self.articles[&entry.id];
                let entry = self.remap_article(entry);
                if matched_articles.contains(&id) {
                    if let Ok(our) = library.article_mut(id) {
                        self.merge_article(our, &entry);
                    }
                } else if let Ok(our_show) = library.show_mut(show_id) {
                    our_show.articles.push(entry);
                }
            }
            for thread in &show.threads {
                let thread = self.remap_thread(thread);
                let Ok(our_show) = library.show_mut(show_id) else {
                    continue;
                };
                match our_show.threads.iter_mut().find(|t| t.id == thread.id) {
                    Some(our) if is_ours => self.merge_thread(our, thread),
                    Some(_) => {}
                    None => our_show.threads.push(thread),
                }
            }
            if let Ok(our_show) = library.show_mut(show_id) {
                for event in &show.events {
                    let mut event = event.clone();
                    event.thread = self
                        .threads
                        .get(&event.thread)
                        .copied()
                        .unwrap_or(event.thread);
                    if !our_show.events.contains(&event) {
                        our_show.events.push(event);
                    }
                }
            }
        }
        let added = &self.added;
        if added.shows + added.articles + added.threads + added.predictions > 0 {
            // Their ids kept stay theirs for good: nothing of ours is ever given one.
            library.set_next_id_at_least(theirs.next_id_value());
        }
        library.repair_ids();
        library
    }

    /// Their article with our ids (its suggestions' passages follow).
    fn remap_article(&self, entry: &ArticleEntry) -> ArticleEntry {
        let mut entry = entry.clone();
        entry.id = self.articles[&entry.id];
        for passage in entry
            .suggestions
            .iter_mut()
            .flatten()
            .flat_map(|s| s.passages.iter_mut())
        {
            *passage = follow(&self.articles, passage);
        }
        entry
    }

    /// Their thread with our ids (passages and predictions follow).
    fn remap_thread(&self, thread: &Thread) -> Thread {
        let mut thread = thread.clone();
        thread.id = self.threads[&thread.id];
        for anchor in &mut thread.anchors {
            *anchor = follow(&self.articles, anchor);
        }
        for prediction in &mut thread.predictions {
            prediction.id = self.predictions[&prediction.id];
        }
        thread
    }
}
