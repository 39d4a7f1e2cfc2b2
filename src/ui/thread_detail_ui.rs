//! The selected thread: its status, the passages it points at (in any of the show's
//! articles), its note and predictions.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, draft_field, quoted, set_label};
use crate::app::{Change, Command, DraftField};
use crate::model::{Thread, ThreadStatus, TypingField};

/// Draws the details of `thread`.
pub fn thread_detail_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(egui::RichText::new(&thread.title).strong().size(16.0)).wrap());
    ui.horizontal(|ui| {
        ui.label("Status:");
        for status in ThreadStatus::ALL {
            if ui.radio(thread.status == status, status.label()).clicked()
                && thread.status != status
            {
                let change = Change::SetThreadStatus(thread.id, status);
                parts.commands.push(Command::Change(change));
            }
        }
    });
    anchor_ui(ui, parts, thread);
    ui.add_space(4.0);
    draft_field(
        ui,
        parts.view,
        DraftField::Text(TypingField::ThreadNote(thread.id)),
        "Thread note",
        &thread.note,
        FieldKind::Note,
        "Your thoughts on this thread…",
    );
    ui.add_space(6.0);
    super::predictions_ui::predictions_ui(ui, parts, thread);
}

/// The passages the thread points at, each with "show" (opening its article when it is in
/// another one) and "remove", and "add the selected passage".
fn anchor_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    if thread.anchors.is_empty() {
        ui.label(egui::RichText::new("Not tied to a passage.").weak());
    }
    for (index, anchor) in thread.anchors.iter().enumerate() {
        let here = parts.view.open_article == Some(anchor.article);
        let found = !here || !parts.cache.resolve(anchor).is_empty();
        let elsewhere = (!here)
            .then(|| parts.library.article(anchor.article).ok())
            .flatten()
            .map(|(_, entry)| entry.article.title.clone());
        ui.horizontal_wrapped(|ui| {
            if found {
                ui.label(egui::RichText::new(quoted(&anchor.quote)).italics().weak());
            } else {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "The passage “{}” is no longer in the article.",
                        anchor.quote
                    ),
                );
            }
            if let Some(title) = &elsewhere {
                ui.label(egui::RichText::new(format!("in {title}")).small().weak());
            } else if !here {
                ui.label(
                    egui::RichText::new("in an article no longer in the library")
                        .small()
                        .weak(),
                );
            }
            if found && (here || elsewhere.is_some()) {
                let show = ui.small_button("Show passage");
                set_label(&show, Role::Button, &super::passage_label(&anchor.quote));
                if show.clicked() {
                    parts
                        .commands
                        .push(Command::ShowPassage(Some(anchor.clone())));
                }
            }
            if ui
                .small_button("Remove")
                .on_hover_text("This passage no longer raises the question")
                .clicked()
            {
                let change = Change::RemovePassage(thread.id, index);
                parts.commands.push(Command::Change(change));
            }
        });
    }
    let anchor =
        super::threads_ui::selected_anchor(parts.view.selection.as_ref(), parts.view.open_article);
    if let Some(anchor) = anchor
        && ui
            .small_button("Add selected passage")
            .on_hover_text(quoted(&anchor.quote))
            .clicked()
    {
        let change = Change::AddPassage(thread.id, anchor);
        parts.commands.push(Command::Change(change));
        parts.view.selection = None;
    }
}
