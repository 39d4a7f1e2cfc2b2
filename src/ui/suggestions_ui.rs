//! The Suggested section under the checklist: the open questions the article raises, found by
//! the suggester, each with its passages, to add as threads or dismiss.
//!
//! While the suggestions are computed (on another thread) the section says it is reading the
//! article. Each suggestion's title can be edited before it is added; clicking a passage
//! scrolls the article there and highlights it.

use egui::{Role, Ui};

use super::widgets::set_label;
use crate::app::{Command, UiParts};
use crate::model::{Dossier, SavedSuggestion, offered_suggestions};

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

/// Draws the Suggested section for `dossier`, the open dossier.
pub fn suggestions_ui(ui: &mut Ui, parts: &mut UiParts<'_>, dossier: &Dossier) {
    let offered = offered(parts, dossier);
    ui.horizontal(|ui| {
        ui.strong(SUGGESTED_HEADING);
        if dossier.suggestions.is_some() {
            ui.label(egui::RichText::new(count_text(offered.len())).weak());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if offered.len() > 1 {
                let button = ui
                    .small_button("Add all")
                    .on_hover_text("Add every suggested question to the checklist");
                set_label(&button, Role::Button, ADD_ALL_LABEL);
                if button.clicked() {
                    parts.commands.push(Command::AddSuggestions(offered.clone()));
                }
            }
        });
    });
    let Some(suggestions) = &dossier.suggestions else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(egui::RichText::new(READING_TEXT).weak());
        });
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
    let max_height = (ui.available_height() * 0.5).max(120.0);
    egui::ScrollArea::vertical()
        .id_salt(("suggestions_scroll", dossier.id.0))
        .auto_shrink([false, true])
        .max_height(max_height)
        .show(ui, |ui| {
            for (position, &index) in offered.iter().enumerate() {
                suggestion_ui(ui, parts, index, position + 1, &suggestions[index]);
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
fn offered(parts: &mut UiParts<'_>, dossier: &Dossier) -> Vec<usize> {
    let key = (dossier.id.0, parts.generation);
    if let Some((id, generation, offered)) = &parts.view.offered
        && (*id, *generation) == key
    {
        return offered.clone();
    }
    let offered = offered_suggestions(dossier, parts.cache.document());
    parts.view.offered = Some((key.0, key.1, offered.clone()));
    offered
}

/// One suggestion: its title field, its passages, and Add / Dismiss.
fn suggestion_ui(
    ui: &mut Ui,
    parts: &mut UiParts<'_>,
    index: usize,
    position: usize,
    suggestion: &SavedSuggestion,
) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut title = suggestion.title.clone();
            let edit = ui.add(
                egui::TextEdit::singleline(&mut title)
                    .id_salt(("suggestion_title", index))
                    .hint_text("The question, in your words")
                    .desired_width(f32::INFINITY),
            );
            set_label(&edit, Role::TextInput, &suggestion_title_label(position));
            if edit.changed() {
                parts
                    .commands
                    .push(Command::SetSuggestionTitle(index, title.clone()));
            }
            for passage in &suggestion.passages {
                let shown = parts.view.highlighted_passage.as_ref() == Some(passage);
                let text = egui::RichText::new(format!("“{}”", passage.quote)).small();
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
            ui.horizontal(|ui| {
                let add = ui
                    .button("Add")
                    .on_hover_text("Add this question to the checklist");
                set_label(&add, Role::Button, &add_suggestion_label(&title));
                if add.clicked() {
                    parts.commands.push(Command::AddSuggestions(vec![index]));
                }
                let dismiss = ui
                    .button("Dismiss")
                    .on_hover_text("Do not suggest this question again for this article");
                set_label(&dismiss, Role::Button, &dismiss_suggestion_label(&title));
                if dismiss.clicked() {
                    parts.commands.push(Command::DismissSuggestion(index));
                }
            });
        });
    ui.add_space(4.0);
}
