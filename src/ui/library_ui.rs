//! The library list: every show (with its status and how many threads are open) and, under
//! it, its articles by as-of date, to switch between them; plus import buttons. Only the rows
//! in view are drawn.

use egui::Ui;

use super::UiParts;
use super::widgets::row_height;
use crate::app::{Change, Command};
use crate::model::{ArticleEntry, Show};

/// One line of the list.
enum Row<'a> {
    /// A show.
    Show(&'a Show),
    /// An article, under its show.
    Article(&'a ArticleEntry),
}

/// The text of a show's row: its title, status and open threads, e.g. "It's Okay To Not Be
/// Okay · ended · 4 open".
pub fn show_row_text(show: &Show) -> String {
    format!(
        "{} · {} · {} open",
        show.title,
        show.status.label(),
        show.open_threads()
    )
}

/// Draws the left-hand panel.
pub fn library_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.add_space(6.0);
    ui.heading("Library");
    ui.add_space(4.0);
    let open_show = parts.view.open_show;
    let open_article = parts.view.open_article;
    // One line per show and per article, and only the lines in view are laid out and drawn,
    // so a library of hundreds of shows costs no more per frame than one of five. A long
    // title is cut to the panel's width and shown in full on hover.
    let row_height = row_height(ui);
    let rows: Vec<Row<'_>> = parts
        .library
        .shows
        .iter()
        .flat_map(|show| {
            std::iter::once(Row::Show(show))
                .chain(show.articles_by_date().into_iter().map(Row::Article))
        })
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, true])
        .max_height(ui.available_height() - 70.0)
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                match row {
                    Row::Show(show) => {
                        let selected = open_show == Some(show.id);
                        // The status and open threads stay in view at the right; the title
                        // is cut to the room left.
                        let response = ui
                            .horizontal(|ui| {
                                let facts = format!(
                                    "{} · {} open",
                                    show.status.label(),
                                    show.open_threads()
                                );
                                let facts = egui::RichText::new(facts).small().weak();
                                let room = ui.available_width();
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        ui.label(facts);
                                        let text = egui::RichText::new(&show.title).strong();
                                        let button =
                                            egui::Button::selectable(selected, text).truncate();
                                        let width = ui.available_width().max(room * 0.3);
                                        ui.add_sized([width, row_height], button)
                                    },
                                )
                                .inner
                            })
                            .inner
                            .on_hover_text(show.full_title());
                        super::widgets::set_label(
                            &response,
                            egui::Role::Button,
                            &show_row_text(show),
                        );
                        if response.clicked() {
                            parts.commands.push(Command::OpenShow(show.id));
                        }
                        response.context_menu(|ui| {
                            if ui.button("Remove show from library…").clicked() {
                                // Asked first: see `dialogs_ui::confirm_delete_show_ui`.
                                parts.view.confirm_delete_show = Some(show.id);
                            }
                        });
                    }
                    Row::Article(entry) => {
                        let selected = open_article == Some(entry.id);
                        let title = &entry.article.title;
                        let shown = match entry.article.as_of {
                            Some(date) => format!("{date} · {title}"),
                            None => title.clone(),
                        };
                        let button = egui::Button::selectable(selected, shown).truncate();
                        let response = ui
                            .horizontal(|ui| {
                                ui.add_space(14.0);
                                ui.add_sized([ui.available_width(), row_height], button)
                            })
                            .inner
                            .on_hover_text(title);
                        if response.clicked() && !selected {
                            parts.commands.push(Command::OpenArticle(entry.id));
                        }
                        response.context_menu(|ui| {
                            if ui.button("Remove from library").clicked() {
                                let change = Change::DeleteArticle(entry.id);
                                parts.commands.push(Command::Change(change));
                            }
                        });
                    }
                }
            }
        });
    ui.separator();
    if ui.button("Open article…").clicked() {
        parts.commands.push(Command::PickFile);
    }
    if ui.button("Paste article…").clicked() {
        parts.view.paste = Some(String::new());
    }
}
