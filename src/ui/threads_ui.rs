//! The *Threads* tab: the open show's checklist of threads, the box to add one, and the
//! selected thread's detail in a pane of its own below them.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, draft_field, set_label, text_field};
use crate::app::{Change, Command, DraftField, TextBox, TextSelection, ViewState, normalized};
use crate::model::{Anchor, ArticleEntry, ArticleId, TypingField};

/// The id of the flag asking the new-thread field to take the keyboard focus (Ctrl+N).
pub fn focus_new_thread_id() -> egui::Id {
    egui::Id::unique("focus_new_thread_title")
}

/// Draws the Threads tab: the checklist, the "new thread" box, then the selected thread's
/// detail, which has at least half the tab's height (the checklist scrolls above it).
///
/// The checklist is virtualized: only the rows in view are drawn, so a show with thousands of
/// threads costs no more per frame than one with a handful.
pub fn threads_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(show) = parts.open_show() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(super::THREADS_HEADING);
        let open = show.open_threads();
        ui.label(egui::RichText::new(format!("{open} of {} open", show.threads.len())).weak());
    });
    ui.add_space(4.0);
    let selected = parts
        .view
        .selected_thread
        .and_then(|id| show.thread(id).ok());
    if show.threads.is_empty() {
        ui.label(
            egui::RichText::new(
                "No threads yet. Add the questions this show leaves open, or select a passage in the article and make a thread from it.",
            )
            .weak(),
        );
    } else {
        // The list takes what it needs, up to the room left above the new-thread box (and,
        // with a thread selected, above its detail's half).
        let room = ui.available_height();
        let cap = if selected.is_some() {
            room * 0.4
        } else {
            room - 90.0
        }
        .max(3.0 * super::widgets::row_height(ui));
        let width = ui.available_width();
        ui.allocate_ui(egui::vec2(width, cap), |ui| {
            super::checklist_ui::checklist_ui(ui, parts.view, parts.commands, show);
        });
    }
    ui.add_space(6.0);
    new_thread_ui(ui, parts);
    if let Some(thread) = selected {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt(("thread_details_scroll", thread.id.0))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::thread_detail_ui::thread_detail_ui(ui, parts, thread);
            });
    }
}

/// The "new thread" box, and "from selection" when text is selected in the article.
fn new_thread_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.horizontal(|ui| {
        let view = &mut *parts.view;
        let id = ui.make_persistent_id("new_thread_title");
        let width = ui.available_width() - 60.0;
        let typed = text_field(
            ui,
            id,
            &mut view.new_thread_title,
            FieldKind::Line,
            "A new open question…",
            width,
            &mut view.composing,
        );
        view.record_preedit(TextBox::NewThreadTitle, typed.preedit);
        let edit = typed.response;
        set_label(&edit, Role::TextInput, "New thread title");
        if ui.data_mut(|d| d.remove_temp::<bool>(focus_new_thread_id()).is_some()) {
            edit.request_focus();
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_title = !parts.view.new_thread_title.trim().is_empty();
        if (ui
            .add_enabled(has_title, egui::Button::new("Add"))
            .clicked()
            || enter)
            && has_title
        {
            let title = std::mem::take(&mut parts.view.new_thread_title);
            parts.commands.push(Command::Change(Change::AddThread {
                title: normalized(&title),
                anchor: None,
            }));
        }
    });
    let anchor = selected_anchor(parts.view.selection.as_ref(), parts.view.open_article);
    let button = egui::Button::new("New thread from selection");
    let response = ui
        .add_enabled(anchor.is_some(), button)
        .on_disabled_hover_text("Select a passage in the article first");
    if response.clicked()
        && let Some(anchor) = anchor
    {
        // Untitled, the thread is titled by its quote on one line (a quote spanning
        // paragraphs keeps its blank lines; the title does not).
        let title = match std::mem::take(&mut parts.view.new_thread_title) {
            typed if typed.trim().is_empty() => anchor
                .quote
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            typed => typed,
        };
        parts.commands.push(Command::Change(Change::AddThread {
            title: normalized(&title),
            anchor: Some(anchor),
        }));
        parts.view.selection = None;
    }
}

/// The passage selected in the open article, as an anchor.
pub fn selected_anchor(
    selection: Option<&TextSelection>,
    article: Option<ArticleId>,
) -> Option<Anchor> {
    let selection = selection?;
    Some(Anchor::new(
        article?,
        selection.text.trim(),
        selection.block,
    ))
}

/// The note on the whole article.
pub(super) fn article_note_ui(ui: &mut Ui, view: &mut ViewState, entry: &ArticleEntry) {
    ui.strong("Your note on this article");
    draft_field(
        ui,
        view,
        DraftField::Text(TypingField::ArticleNote(entry.id)),
        "Article note",
        &entry.note,
        FieldKind::Note,
        "What you think of the article as a whole…",
    );
}
