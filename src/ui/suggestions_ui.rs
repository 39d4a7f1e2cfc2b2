//! The Suggested section under the checklist: the open questions the article raises, found by
//! the suggester, each with its passages, to add as threads or dismiss.
//!
//! While the suggestions are computed (on another thread) the section says it is reading the
//! article. Each suggestion's title can be edited before it is added; clicking a passage
//! scrolls the article there and highlights it. The passages of the suggestions offered are
//! marked faintly in the article.

use egui::{Role, Ui};

use super::widgets::{FieldKind, draft_field_bare, quoted, set_label};
use super::{HighlightKind, UiParts};
use crate::app::{Change, Command, DraftField};
use crate::model::{
    ArticleEntry, ArticleId, Offer, SavedSuggestion, Show, TypingField, offered_suggestions,
    suggested_passages,
};

/// Heading of the section, for tests and screen readers.
pub const SUGGESTED_HEADING: &str = "Suggested";
/// Label of the button that adds every offered suggestion.
pub const ADD_ALL_LABEL: &str = "Add all suggestions";
/// What the section says while the article is being read.
pub const READING_TEXT: &str = "Reading the article…";

/// The AccessKit label of the title field of the `position`-th offered suggestion (from 1).
pub fn suggestion_title_label(position: usize) -> String {
    format!("Suggested question {position}")
}

/// The AccessKit label of the button adding the suggestion titled `title`.
pub fn add_suggestion_label(title: &str) -> String {
    format!("Add suggestion: {title}")
}

/// The AccessKit label of the button dismissing the suggestion titled `title`.
pub fn dismiss_suggestion_label(title: &str) -> String {
    format!("Dismiss suggestion: {title}")
}

/// The AccessKit label of a passage button, showing `quote` in the article.
pub fn passage_label(quote: &str) -> String {
    format!("Show passage: {quote}")
}

/// Draws the Suggested section for `entry`, the open article of `show`.
pub fn suggestions_ui(ui: &mut Ui, parts: &mut UiParts<'_>, show: &Show, entry: &ArticleEntry) {
    let offered = offered(parts, show, entry);
    ui.horizontal(|ui| {
        ui.strong(SUGGESTED_HEADING);
        if entry.suggestions.is_some() {
            ui.label(egui::RichText::new(count_text(offered.len())).weak());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !offered.is_empty() {
                let button = ui
                    .small_button("Add all")
                    .on_hover_text("Add every suggested question to the checklist");
                set_label(&button, Role::Button, ADD_ALL_LABEL);
                if button.clicked() {
                    let all = offered.iter().map(|o| o.index).collect();
                    let change = Change::AddSuggestions(all);
                    parts.commands.push(Command::Change(change));
                }
            }
        });
    });
    let Some(suggestions) = &entry.suggestions else {
        // No spinner: it would repaint the window every frame; the worker wakes it when done.
        ui.label(egui::RichText::new(READING_TEXT).weak());
        return;
    };
    if offered.is_empty() {
        let text = if suggestions.is_empty() {
            "No open questions found in this article."
        } else {
            "Nothing more to suggest: every question found is on the checklist or dismissed."
        };
        ui.label(egui::RichText::new(text).weak());
        return;
    }
    // The section has a tab of its own: it takes the room left in it.
    let max_height = ui.available_height().max(120.0);
    egui::ScrollArea::vertical()
        .id_salt(("suggestions_scroll", entry.id.0))
        .auto_shrink([false, true])
        .max_height(max_height)
        .show(ui, |ui| {
            for (position, offer) in offered.iter().enumerate() {
                let joins = offer.joins.and_then(|id| show.thread(id).ok());
                let suggestion = &suggestions[offer.index];
                suggestion_ui(
                    ui,
                    parts,
                    entry.id,
                    offer.index,
                    position + 1,
                    suggestion,
                    joins,
                );
            }
        });
}

/// "1 question" / "3 questions".
fn count_text(count: usize) -> String {
    match count {
        1 => "1 question".to_owned(),
        n => format!("{n} questions"),
    }
}

/// Which suggestions to offer, computed again only when the library changed.
pub(super) fn offered(parts: &mut UiParts<'_>, show: &Show, entry: &ArticleEntry) -> Vec<Offer> {
    let key = (entry.id, parts.generation);
    if let Some((id, generation, offered)) = &parts.view.offered
        && (*id, *generation) == key
    {
        return offered.clone();
    }
    let offered = offered_suggestions(show, entry, parts.cache.document());
    parts.view.offered = Some((key.0, key.1, offered.clone()));
    // The passages of what is offered are marked faintly in the article.
    let indices: Vec<usize> = offered.iter().map(|o| o.index).collect();
    let marked = suggested_passages(entry, parts.cache.document(), &indices);
    parts.cache.set_highlights(HighlightKind::Suggested, marked);
    offered
}

/// How many passages of a suggestion show before "more".
const PASSAGES_SHOWN: usize = 3;

/// A suggestion's passages, each a button that shows it in the article; past the first
/// [`PASSAGES_SHOWN`], a button shows the rest.
fn passages_ui(ui: &mut Ui, parts: &mut UiParts<'_>, index: usize, suggestion: &SavedSuggestion) {
    let expanded_id = ui.make_persistent_id(("suggestion_passages_expanded", index));
    let expanded = ui
        .data(|d| d.get_temp::<bool>(expanded_id))
        .unwrap_or(false);
    let shown_count = if expanded {
        suggestion.passages.len()
    } else {
        PASSAGES_SHOWN
    };
    for passage in suggestion.passages.iter().take(shown_count) {
        let shown = parts.view.highlighted_passage.as_ref() == Some(passage);
        let text = egui::RichText::new(quoted(&passage.quote)).size(13.0);
        let text = if shown { text } else { text.weak() };
        let button = ui
            .add(egui::Button::selectable(shown, text).wrap())
            .on_hover_text("Show this passage in the article");
        set_label(&button, Role::Button, &passage_label(&passage.quote));
        if button.clicked() {
            let anchor = (!shown).then(|| passage.clone());
            parts.commands.push(Command::ShowPassage(anchor));
        }
    }
    let hidden = suggestion.passages.len().saturating_sub(PASSAGES_SHOWN);
    if hidden > 0 {
        let label = match (expanded, hidden) {
            (true, _) => "Fewer passages".to_owned(),
            (false, 1) => "1 more passage".to_owned(),
            (false, n) => format!("{n} more passages"),
        };
        if ui.small_button(label).clicked() {
            ui.data_mut(|d| d.insert_temp(expanded_id, !expanded));
        }
    }
}

/// One suggestion: its title field, its passages, and Add / Dismiss. When the show already has
/// a thread asking the same question (`joins`), Add adds the passage to it instead.
#[allow(clippy::too_many_arguments)]
fn suggestion_ui(
    ui: &mut Ui,
    parts: &mut UiParts<'_>,
    article: ArticleId,
    index: usize,
    position: usize,
    suggestion: &SavedSuggestion,
    joins: Option<&crate::model::Thread>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Wraps so a long question can be read whole; Enter adds no line break (a title
            // is one line).
            let field = DraftField::Text(TypingField::SuggestionTitle(article, index));
            let edit = draft_field_bare(
                ui,
                parts.view,
                field,
                &suggestion.title,
                FieldKind::WrappedLine,
                "The question, in your words",
                f32::INFINITY,
            );
            set_label(&edit, Role::TextInput, &suggestion_title_label(position));
            // The buttons name the question as it is being typed.
            let title = parts
                .view
                .drafts
                .get(field)
                .map_or_else(|| suggestion.title.clone(), |d| d.text.clone());
            if let Some(thread) = joins {
                ui.label(
                    egui::RichText::new(format!("Asks the same as the thread “{}”", thread.title))
                        .small()
                        .weak(),
                );
            }
            passages_ui(ui, parts, index, suggestion);
            ui.horizontal(|ui| {
                let (text, hover) = match joins {
                    Some(_) => (
                        "Add to thread",
                        "Add this passage to the thread that asks it",
                    ),
                    None => ("Add", "Add this question to the checklist"),
                };
                let add = ui.button(text).on_hover_text(hover);
                set_label(&add, Role::Button, &add_suggestion_label(&title));
                if add.clicked() {
                    let change = Change::AddSuggestions(vec![index]);
                    parts.commands.push(Command::Change(change));
                }
                let dismiss = ui
                    .button("Dismiss")
                    .on_hover_text("Do not suggest this question again for this article");
                set_label(&dismiss, Role::Button, &dismiss_suggestion_label(&title));
                if dismiss.clicked() {
                    let change = Change::DismissSuggestion(index);
                    parts.commands.push(Command::Change(change));
                }
            });
        });
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::app::{SaveStatus, ViewState};
    use crate::model::{Anchor, ArticleId, Library, SavedSuggestion, SuggestionState};
    use crate::ui::ArticleCache;

    /// What the section draws from, owned by the test.
    struct State {
        library: Library,
        documents: crate::app::DocumentCache,
        view: ViewState,
        cache: ArticleCache,
        commands: Vec<Command>,
    }

    /// The section on the default article with `suggestions`, in a harness.
    fn section(suggestions: Option<Vec<SavedSuggestion>>) -> Harness<'static, State> {
        let mut library = Library::default();
        library.shows[0].articles[0].suggestions = suggestions;
        let state = State {
            library,
            documents: crate::app::DocumentCache::default(),
            view: ViewState::default(),
            cache: ArticleCache::default(),
            commands: Vec::new(),
        };
        Harness::new_ui_state(
            |ui, state: &mut State| {
                let status = SaveStatus::UpToDate;
                let show = &state.library.shows[0];
                let entry = &show.articles[0];
                let document = state.documents.get(entry);
                state.cache.sync_document(entry.id, &document);
                let mut parts = UiParts {
                    document: Some(document),
                    library: &state.library,
                    status: &status,
                    notices: &[],
                    importing: Vec::new(),
                    undo_label: None,
                    redo_label: None,
                    data_dir: std::path::Path::new("."),
                    unsaved: false,
                    view: &mut state.view,
                    cache: &mut state.cache,
                    commands: &mut state.commands,
                    generation: 0,
                };
                suggestions_ui(ui, &mut parts, show, entry);
            },
            state,
        )
    }

    fn saved(title: &str, quote: &str, state: SuggestionState) -> SavedSuggestion {
        SavedSuggestion {
            title: title.into(),
            passages: vec![Anchor::new(ARTICLE, quote, 0)],
            best: 0,
            state,
        }
    }

    /// The default article's id.
    const ARTICLE: ArticleId = ArticleId(2);

    /// Two sentences of the default article no curated thread points at.
    const FIRST: &str = "The two fell in love, and both of them changed for it.";
    const SECOND: &str = "Anything you read beyond that is a wish, not news.";

    #[test]
    fn says_it_is_reading_until_suggestions_are_computed() {
        let harness = section(None);
        harness.get_by_label(READING_TEXT);
        assert!(harness.query_by_label(ADD_ALL_LABEL).is_none());
    }

    #[test]
    fn shows_offered_suggestions_and_sends_add_dismiss_and_add_all() {
        let mut harness = section(Some(vec![
            saved("Will they stay together?", FIRST, SuggestionState::Offered),
            saved("Gone?", FIRST, SuggestionState::Dismissed),
            saved("Is it news?", SECOND, SuggestionState::Offered),
        ]));
        assert!(harness.query_by_label(READING_TEXT).is_none());
        let title = harness.get_by_label(&suggestion_title_label(1)).value();
        assert_eq!(title.as_deref(), Some("Will they stay together?"));
        let title = harness.get_by_label(&suggestion_title_label(2)).value();
        assert_eq!(title.as_deref(), Some("Is it news?"));
        assert!(harness.query_by_label(&suggestion_title_label(3)).is_none());
        assert!(
            harness
                .query_by_label(&add_suggestion_label("Gone?"))
                .is_none()
        );

        harness
            .get_by_label(&add_suggestion_label("Is it news?"))
            .click();
        harness
            .get_by_label(&dismiss_suggestion_label("Will they stay together?"))
            .click();
        harness.get_by_label(ADD_ALL_LABEL).click();
        harness.get_by_label(&passage_label(SECOND)).click();
        harness.run();
        assert_eq!(
            harness.state().commands,
            vec![
                Command::Change(Change::AddSuggestions(vec![2])),
                Command::Change(Change::DismissSuggestion(0)),
                Command::Change(Change::AddSuggestions(vec![0, 2])),
                Command::ShowPassage(Some(Anchor::new(ARTICLE, SECOND, 0))),
            ]
        );
    }

    #[test]
    fn long_lists_of_passages_show_three_then_the_rest_on_request() {
        let quotes: Vec<String> = (1..=5).map(|i| format!("Passage number {i}.")).collect();
        let mut many = saved("Will it return?", &quotes[0], SuggestionState::Offered);
        many.passages = quotes
            .iter()
            .map(|q| Anchor::new(ARTICLE, q.as_str(), 0))
            .collect();
        let mut harness = section(Some(vec![many]));
        let shown = |harness: &Harness<'static, State>| {
            quotes
                .iter()
                .filter(|q| harness.query_by_label(&passage_label(q)).is_some())
                .count()
        };
        assert_eq!(shown(&harness), 3);
        harness.get_by_label("2 more passages").click();
        harness.run();
        assert_eq!(shown(&harness), 5);
        harness.get_by_label("Fewer passages").click();
        harness.run();
        assert_eq!(shown(&harness), 3);
    }

    #[test]
    fn says_so_when_nothing_is_left_to_offer() {
        let harness = section(Some(vec![saved(
            "Gone?",
            FIRST,
            SuggestionState::Dismissed,
        )]));
        harness.get_by_label_contains("Nothing more to suggest");
        let harness = section(Some(Vec::new()));
        harness.get_by_label("No open questions found in this article.");
    }
}
