//! The tools beside the article, as tabs: *Threads* (the checklist and the selected thread's
//! detail), *Suggested* (the article's open questions) and *Show* (the show's details, its
//! timeline and the note on the article). Each tab has the whole height of the panel, so a
//! thread's note and predictions are never squeezed under other sections.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::set_label;
use super::workspace::{ToolTab, Workspace};

/// The AccessKit label of the tab button for `tab` ("Threads tab").
pub fn tab_label(tab: ToolTab) -> String {
    format!("{} tab", tab.label())
}

/// Draws the tab bar and the tab on show.
pub fn tabs_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
    let Some(show) = parts.open_show() else {
        return;
    };
    let entry = parts.open_article().map(|(_, entry)| entry);
    // Worked out whichever tab shows: the suggested passages are marked in the article, and
    // the tab's name counts them.
    let offered = entry.map(|entry| super::suggestions_ui::offered(parts, show, entry).len());
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for (index, tab) in ToolTab::ALL.into_iter().enumerate() {
            let text = match tab {
                ToolTab::Suggested => match offered {
                    Some(count) if count > 0 && entry.is_some_and(|e| e.suggestions.is_some()) => {
                        format!("{} ({count})", tab.label())
                    }
                    _ => tab.label().to_owned(),
                },
                _ => tab.label().to_owned(),
            };
            let button = ui.add(egui::Button::selectable(workspace.tab == tab, text));
            set_label(&button, Role::Tab, &tab_label(tab));
            let shortcut = ui
                .ctx()
                .format_shortcut(&super::help_ui::tab_shortcut(index));
            if button.on_hover_text(shortcut).clicked() {
                workspace.tab = tab;
            }
        }
    });
    ui.separator();
    match workspace.tab {
        ToolTab::Threads => super::threads_ui::threads_ui(ui, parts),
        ToolTab::Suggested => {
            // The section scrolls its own list, under its heading.
            match entry {
                Some(entry) => super::suggestions_ui::suggestions_ui(ui, parts, show, entry),
                None => {
                    ui.label(
                        egui::RichText::new("Open an article to see the questions it raises.")
                            .weak(),
                    );
                }
            }
        }
        ToolTab::Show => {
            egui::ScrollArea::vertical()
                .id_salt(("show_scroll", show.id.0))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::show_ui::show_ui(ui, parts, show);
                    if let Some(entry) = entry {
                        ui.separator();
                        super::threads_ui::article_note_ui(ui, parts.view, entry);
                    }
                });
        }
    }
}
