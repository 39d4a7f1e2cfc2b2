//! The open show: its titles, status (with the day it was last checked) and note, and its
//! timeline: articles by as-of date and when each thread was opened, resolved or dropped.

use egui::{Role, Ui};
use jiff::civil::Date;

use super::UiParts;
use super::widgets::{FieldKind, draft_field, set_label};
use crate::app::{Change, Command, DraftField};
use crate::model::{Show, ShowStatus, ThreadId, ThreadStatus, TypingField};

/// Label of the show's title field.
pub const SHOW_TITLE_LABEL: &str = "Show title";
/// Label of the show's original-title field.
pub const ORIGINAL_TITLE_LABEL: &str = "Original title";
/// Label of the show's note field.
pub const SHOW_NOTE_LABEL: &str = "Show note";
/// Heading of the timeline.
pub const TIMELINE_HEADING: &str = "Timeline";

/// Draws the show's details under its title (the Show tab: unfolded).
pub fn show_ui(ui: &mut Ui, parts: &mut UiParts<'_>, show: &Show) {
    let header = format!("Show: {}", show.full_title());
    egui::CollapsingHeader::new(egui::RichText::new(header).strong())
        .id_salt(("show_details", show.id.0))
        .default_open(true)
        .show(ui, |ui| {
            let original = show.original_title.as_deref().unwrap_or_default();
            let fields = [
                (
                    TypingField::ShowTitle(show.id),
                    SHOW_TITLE_LABEL,
                    show.title.as_str(),
                    FieldKind::Line,
                    "The show's name",
                ),
                (
                    TypingField::ShowOriginalTitle(show.id),
                    ORIGINAL_TITLE_LABEL,
                    original,
                    FieldKind::Line,
                    "Its title in the original language, e.g. 사이코지만 괜찮아",
                ),
            ];
            for (field, label, saved, kind, hint) in fields {
                draft_field(
                    ui,
                    parts.view,
                    DraftField::Text(field),
                    label,
                    saved,
                    kind,
                    hint,
                );
            }
            status_ui(ui, parts, show);
            draft_field(
                ui,
                parts.view,
                DraftField::Text(TypingField::ShowNote(show.id)),
                SHOW_NOTE_LABEL,
                &show.note,
                FieldKind::Note,
                "What you think of the show…",
            );
            ui.add_space(4.0);
            timeline_ui(ui, parts, show);
        });
}

/// The status picker and when it was last checked.
fn status_ui(ui: &mut Ui, parts: &mut UiParts<'_>, show: &Show) {
    ui.horizontal(|ui| {
        let mut status = show.status;
        let shown = format!("Status: {}", status.label());
        let combo = egui::ComboBox::from_id_salt(("show_status", show.id.0))
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                for choice in ShowStatus::ALL {
                    ui.selectable_value(&mut status, choice, choice.label());
                }
            });
        set_label(&combo.response, Role::ComboBox, &shown);
        if status != show.status {
            let change = Change::SetShowStatus(show.id, status);
            parts.commands.push(Command::Change(change));
        }
        let checked = match show.status_checked {
            Some(date) => format!("checked {}", date.strftime("%-d %B %Y")),
            None => "never checked".to_owned(),
        };
        ui.label(egui::RichText::new(checked).small().weak());
    });
}

/// One dated line of the timeline.
struct Entry {
    date: Option<Date>,
    text: String,
    /// The article to open when the line is clicked.
    article: Option<crate::model::ArticleId>,
}

/// The show's timeline, oldest first: each article at its as-of date, and each thread event
/// at its date. Undated articles come last.
pub fn timeline_entries(show: &Show) -> Vec<(Option<Date>, String)> {
    entries(show)
        .into_iter()
        .map(|e| (e.date, e.text))
        .collect()
}

fn entries(show: &Show) -> Vec<Entry> {
    let mut entries: Vec<Entry> = show
        .articles
        .iter()
        .map(|a| Entry {
            date: a.article.as_of,
            text: format!("Article: {}", a.article.title),
            article: Some(a.id),
        })
        .collect();
    let mut opened: Vec<ThreadId> = Vec::new();
    for event in &show.events {
        let what = match event.status {
            ThreadStatus::Open if opened.contains(&event.thread) => "Reopened",
            ThreadStatus::Open => "Opened",
            ThreadStatus::Resolved => "Resolved",
            ThreadStatus::Dropped => "Dropped",
        };
        opened.push(event.thread);
        // Named by the thread's title now (it may have been renamed since), or by the title
        // it had then when it is gone.
        let title = show
            .thread(event.thread)
            .map_or(event.title.as_str(), |t| t.title.as_str());
        entries.push(Entry {
            date: Some(event.date),
            text: format!("{what}: {title}"),
            article: None,
        });
    }
    // Stable: events of one day keep the order they happened in.
    entries.sort_by_key(|e| (e.date.is_none(), e.date));
    entries
}

/// The timeline, unfolded (the Show tab gives it the panel's height).
fn timeline_ui(ui: &mut Ui, parts: &mut UiParts<'_>, show: &Show) {
    egui::CollapsingHeader::new(TIMELINE_HEADING)
        .id_salt(("timeline", show.id.0))
        .default_open(true)
        .show(ui, |ui| {
            for entry in entries(show) {
                // Not wrapped as a whole: a long entry wraps within its own column, right of
                // the date.
                ui.horizontal_top(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                    let date = entry
                        .date
                        .map_or_else(|| "undated".to_owned(), |d| d.to_string());
                    ui.label(egui::RichText::new(date).monospace().weak());
                    match entry.article {
                        Some(article) if parts.view.open_article != Some(article) => {
                            let link = egui::Link::new(&entry.text);
                            if ui.add(link).clicked() {
                                parts.commands.push(Command::OpenArticle(article));
                            }
                        }
                        _ => {
                            ui.label(&entry.text);
                        }
                    }
                });
            }
            if show.events.is_empty() {
                ui.label(
                    egui::RichText::new(
                        "Threads opened, resolved or dropped from now on are dated here.",
                    )
                    .small()
                    .weak(),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Library, set_thread_status};

    #[test]
    fn the_timeline_lists_articles_and_events_by_date_and_names_reopening() {
        let mut library = Library::default();
        let thread = library.shows[0].threads[0].id;
        for (status, day) in [
            (ThreadStatus::Resolved, 1),
            (ThreadStatus::Open, 2),
            (ThreadStatus::Dropped, 3),
        ] {
            let today = jiff::civil::date(2026, 11, day);
            set_thread_status(&library, thread, status, today)
                .unwrap()
                .apply(&mut library)
                .unwrap();
        }
        let lines = timeline_entries(&library.shows[0]);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts.len(), 4);
        assert!(texts[0].starts_with("Article: Will It's Okay"));
        assert_eq!(lines[0].0, Some(jiff::civil::date(2022, 3, 17)));
        assert!(texts[1].starts_with("Resolved: Renewal"));
        assert!(texts[2].starts_with("Reopened: Renewal"));
        assert!(texts[3].starts_with("Dropped: Renewal"));
        // A renamed thread is named by its title now.
        library.shows[0].threads[0].title = "Season two at last?".into();
        let lines = timeline_entries(&library.shows[0]);
        assert_eq!(lines[1].1, "Resolved: Season two at last?");
    }
}
