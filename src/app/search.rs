//! Find (issue 20, items 1–3): the search box's state, the index kept up to date off the UI
//! thread, and going to a hit.
//!
//! While Find is open, the app keeps a [`SearchIndex`] of the library: built on the jobs
//! runtime when Find first opens, built again (reusing every unchanged article) after each
//! edit. Each change of the query, of the article on screen or of the index runs the search
//! on a job too; its [`Found`] comes back as [`Command::Searched`]. So a frame never folds,
//! parses or searches: it draws what the last search found. One build and one search run at
//! a time; what was asked meanwhile runs when they are done.
//!
//! The query is what the box holds without what an input method is still composing (the
//! pre-edit syllable is never searched).

use std::ops::Range;
use std::sync::Arc;

use super::drafts::without_preedit;
use super::{App, Command};
use crate::model::search::{Field, Found, Hit, SearchIndex};
use crate::model::{AnchorMatch, ArticleId};

/// The Find panel's state: window-level, kept from page to page.
#[derive(Clone, Debug, Default)]
pub struct SearchView {
    /// Whether the panel is shown.
    pub open: bool,
    /// The box's text, with what an input method is composing in it.
    pub typed: String,
    /// While an input method composes in the box: the byte range of the pre-edit text.
    pub preedit: Option<Range<usize>>,
    /// The box takes the keyboard focus in the next frame (Ctrl+F).
    pub focus: bool,
    /// What the last search found (for [`SearchView::query`], or a query typed just before).
    pub found: Option<Arc<Found>>,
    /// Which of the open article's hits is shown (an index into
    /// [`Found::in_article`]'s hits).
    pub current: Option<usize>,
    /// The hit highlighted in an article: the article and where in its text.
    pub hit: Option<(ArticleId, AnchorMatch)>,
}

impl SearchView {
    /// What is looked for: the box's text without the syllable being composed.
    pub fn query(&self) -> String {
        without_preedit(&self.typed, self.preedit.as_ref())
    }

    /// The hits to step through in `article`, when the last search was made for it.
    pub fn article_hits(&self, article: Option<ArticleId>) -> &[AnchorMatch] {
        match self.found.as_ref().and_then(|f| f.in_article.as_ref()) {
            Some((id, hits)) if Some(*id) == article => hits,
            _ => &[],
        }
    }

    /// Opens the panel and puts the keyboard focus in its box.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Closes the panel: the hit is no longer highlighted (the query is kept for next time).
    pub fn close(&mut self) {
        self.open = false;
        self.hit = None;
        self.current = None;
        self.preedit = None;
    }
}

/// What the app keeps to search: the index and the jobs under way.
#[derive(Debug, Default)]
pub(super) struct Searcher {
    /// The newest index built (possibly of an older library while a new one is built).
    index: Option<Arc<SearchIndex>>,
    /// An index is being built.
    pub(super) building: bool,
    /// A search is running.
    pub(super) searching: bool,
    /// What the last search started was asked for.
    asked: Option<SearchKey>,
}

/// What a search is asked for: the query, the article on screen, the index's generation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchKey {
    /// The query as typed (without pre-edit text).
    pub typed: String,
    /// The article whose hits are kept to step through.
    pub article: Option<ArticleId>,
    /// The generation of the index searched.
    pub generation: u64,
}

impl App {
    /// Starts what Find needs: an index of the current library if the one kept is older (or
    /// none), and a search when the query, the open article or the index changed. Nothing
    /// while Find is closed.
    pub(super) fn request_search(&mut self) {
        if !self.view.search.open {
            return;
        }
        let stale = self
            .searcher
            .index
            .as_ref()
            .is_none_or(|i| i.generation != self.edit_generation);
        if stale && !self.searcher.building {
            self.searcher.building = true;
            self.effect(super::Effect::BuildSearchIndex {
                library: self.library.clone(),
                previous: self.searcher.index.clone(),
                generation: self.edit_generation,
            });
        }
        let Some(index) = &self.searcher.index else {
            return;
        };
        let key = SearchKey {
            typed: self.view.search.query(),
            article: self.view.open_article,
            generation: index.generation,
        };
        if self.searcher.searching || self.searcher.asked.as_ref() == Some(&key) {
            return;
        }
        self.searcher.searching = true;
        self.searcher.asked = Some(key.clone());
        let index = Arc::clone(index);
        self.effect(super::Effect::Search { index, key });
    }

    /// A Find job stopped with a fault: nothing is under way any more, so the next keystroke
    /// or edit starts a new build or search (the query that failed is not tried again).
    pub(super) fn search_fault(&mut self) {
        self.searcher.building = false;
        self.searcher.searching = false;
    }

    /// Keeps an index a job built.
    pub(super) fn take_index(&mut self, index: SearchIndex) {
        self.searcher.building = false;
        if let Some(old) = self.searcher.index.replace(Arc::new(index)) {
            // Freeing tens of thousands of texts takes milliseconds: a job does it.
            self.jobs
                .spawn(super::JobKind::Search, "the index before", move || {
                    drop(old);
                    None
                });
        }
    }

    /// Shows what a search found; the hit on screen stays the current one if it is among the
    /// new hits.
    pub(super) fn take_found(&mut self, found: Found) {
        self.searcher.searching = false;
        let search = &mut self.view.search;
        search.current = search.hit.as_ref().and_then(|(article, hit)| {
            let (id, hits) = found.in_article.as_ref()?;
            (id == article).then(|| hits.iter().position(|h| h == hit))?
        });
        search.found = Some(Arc::new(found));
    }

    /// Goes to `hit`: an article's text scrolls to it and highlights it; a thread, its note or
    /// a prediction selects the thread (its show opened); a title or note opens its show or
    /// article.
    pub(super) fn go_to_hit(&mut self, hit: &Hit) -> Result<(), super::AppError> {
        self.library.show(hit.show)?;
        match hit.field {
            Field::ArticleText(article, block) => {
                self.library.article(article)?;
                self.open_place(hit.show, Some(article));
                let found = AnchorMatch {
                    block,
                    range: hit.range.clone(),
                };
                let search = &mut self.view.search;
                search.current = search
                    .article_hits(Some(article))
                    .iter()
                    .position(|h| *h == found);
                self.show_hit(article, found);
            }
            Field::ArticleTitle(article) | Field::ArticleNote(article) => {
                self.library.article(article)?;
                self.open_place(hit.show, Some(article));
            }
            Field::ThreadTitle(thread)
            | Field::ThreadNote(thread)
            | Field::Prediction(thread, _) => {
                self.library.thread(thread)?;
                if self.view.open_show != Some(hit.show) {
                    let article = self.library.show(hit.show)?.latest_article().map(|a| a.id);
                    self.open_place(hit.show, article);
                }
                self.view.search.hit = None;
                self.view.selected_thread = Some(thread);
                self.view.scroll_to_selected = true;
                self.view.highlighted_passage = None;
            }
            Field::ShowTitle | Field::OriginalTitle | Field::ShowNote => {
                if self.view.open_show != Some(hit.show) {
                    self.apply_open_show(hit.show)?;
                }
            }
        }
        Ok(())
    }

    /// Opens a show at its latest article.
    fn apply_open_show(&mut self, show: crate::model::ShowId) -> Result<(), super::AppError> {
        let article = self.library.show(show)?.latest_article().map(|a| a.id);
        self.open_place(show, article);
        Ok(())
    }

    /// Steps to the next (or previous) hit in the article on screen, wrapping around.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let article = self.view.open_article;
        let search = &self.view.search;
        let hits = search.article_hits(article);
        let (Some(article), false) = (article, hits.is_empty()) else {
            return;
        };
        let count = hits.len();
        let next = match (search.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        let found = hits[next].clone();
        self.view.search.current = Some(next);
        self.show_hit(article, found);
    }

    /// Highlights `found` in `article` (open) and scrolls there.
    fn show_hit(&mut self, article: ArticleId, found: AnchorMatch) {
        self.view.search.hit = Some((article, found));
        self.view.highlighted_passage = None;
        self.view.scroll_to_selected = true;
    }

    /// Whether Find has an index and no build or search under way (tests wait for it).
    pub fn search_settled(&self) -> bool {
        !self.view.search.open
            || (self.searcher.index.is_some()
                && !self.searcher.building
                && !self.searcher.searching)
    }
}

/// A search's result, for [`Command::Searched`].
pub fn searched(index: &SearchIndex, key: &SearchKey) -> Command {
    Command::Searched(super::Finished::new(index.search(&key.typed, key.article)))
}
