//! Drawing: one file per panel. Panels read the library, change only view state, and push
//! [`crate::app::Command`]s for everything that changes saved data. The window around them
//! (the `eframe::App` impl, what is kept across frames) is [`crate::shell::Shell`].

mod article_cache;
mod article_layout;
mod article_selection;
mod article_ui;
mod backups_ui;
mod bidi_layout;
mod char_boxes;
mod checklist_ui;
mod dialogs_ui;
mod due_ui;
mod export_ui;
mod help_ui;
mod history_chart_ui;
mod ledger_ui;
mod library_ui;
mod menu_ui;
mod predictions_ui;
mod search_ui;
mod show_ui;
mod status_ui;
mod suggestions_ui;
mod tabs_ui;
mod thread_detail_ui;
mod threads_ui;
mod widgets;
mod workspace;

pub use article_cache::{ArticleCache, HighlightKind, PreparedArticle};
pub use article_ui::{
    AS_OF_FIELD_LABEL, EDIT_AS_OF_LABEL, SET_AS_OF_LABEL, SHOW_PICKER_LABEL, article_ui,
};
pub use due_ui::due_heading;
pub use help_ui::SHORTCUTS_TITLE;
pub use ledger_ui::{PREDICTIONS_VIEW, ledger_ui, ledger_window};
pub use menu_ui::{redo_menu_label, undo_menu_label};
pub use search_ui::{
    CLOSE_SEARCH_LABEL, NEXT_HIT_LABEL, PREVIOUS_HIT_LABEL, SEARCH_BOX_LABEL, hit_label, step_text,
};
pub use show_ui::{SHOW_NOTE_LABEL, SHOW_TITLE_LABEL, TIMELINE_HEADING, timeline_entries};
pub use suggestions_ui::{
    ADD_ALL_LABEL, READING_TEXT, SUGGESTED_HEADING, add_suggestion_label, dismiss_suggestion_label,
    passage_label, suggestion_title_label,
};
pub use tabs_ui::tab_label;
pub use workspace::{
    ARTICLE_MIN_WIDTH, Arrangement, LIBRARY_FOLD_WIDTH, LIBRARY_RANGE, MIN_WINDOW, PanelWidths,
    TOOLS_DRAWER_WIDTH, TOOLS_RANGE, ToolTab, Workspace,
};

use crate::app::Command;

/// What the panels draw from: the app's parts (see [`crate::app::UiParts`]) with the laid-out
/// article the shell keeps across frames.
pub type UiParts<'a> = crate::app::UiParts<'a, ArticleCache>;

/// The Find panel's width range, in points.
const SEARCH_RANGE: std::ops::RangeInclusive<f32> = 300.0..=480.0;

/// Label of the checklist panel, for tests and screen readers.
pub const THREADS_HEADING: &str = "Open threads";

/// AccessKit label of the toggle folding the library (it reads *Library*).
pub const LIBRARY_TOGGLE_LABEL: &str = "Show or hide the library";
/// AccessKit label of the toggle opening the tools drawer (it reads *Tools*).
pub const TOOLS_TOGGLE_LABEL: &str = "Show or hide the tools";

/// Draws the whole window from `parts`, arranged as `workspace` says for the window's width
/// (see [`workspace`]); the side panels' widths are read back into it as drawn.
pub fn root_ui(ui: &mut egui::Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
    // The article is parsed before any panel draws: the Suggested section (drawn before the
    // article) resolves passages in it.
    if let (Some((_, entry)), Some(document)) = (parts.open_article(), &parts.document) {
        parts.cache.sync_document(entry.id, document);
    }
    // The suggested passages are marked in the article: worked out (when the library changed)
    // before the article is drawn, whichever tab shows, so it is laid out once with them.
    if let (Some(show), Some((_, entry))) = (parts.open_show(), parts.open_article()) {
        suggestions_ui::offered(parts, show, entry);
    }
    handle_dropped_files(ui, parts.commands);
    let window = ui.available_rect_before_wrap().width();
    handle_shortcuts(ui, parts, workspace, window);
    let arrangement = workspace.arrangement(window);
    // Set again by the text field an input method composes in, if any, as it is drawn.
    parts.view.composing = false;
    // The panels are not filled: the window is cleared to the panel colour instead (see
    // `Shell::clear_color`). Filling them painted every pixel of the window a second time in
    // the same colour, which a software renderer (a VM, a remote desktop, no GPU driver) pays
    // for on every frame: it was half the cost of the first frame there.
    let bar = egui::Frame::side_top_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    let central = egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    egui::Panel::top("menu").frame(bar).show(ui, |ui| {
        menu_ui::menu_ui(ui, parts, workspace, window);
    });
    // The status line and the tools have their room taken now but are drawn after the
    // article, so Tab moves in reading order: menu, library, article, tools, status line.
    let status_height = widgets::row_height(ui) + bar.total_margin().sum().y;
    let status = egui::Panel::bottom("status")
        .frame(bar)
        .exact_size(status_height)
        .show(ui, reserve)
        .inner;
    if !parts.notices.is_empty() {
        egui::Panel::top("notices")
            .frame(bar)
            .show(ui, |ui| status_ui::notices_ui(ui, parts));
    }
    if parts.view.search.open {
        // Find takes the library's place while open.
        let tools = if arrangement.drawer {
            0.0
        } else {
            workspace.widths.threads
        };
        let max = workspace::max_side_width(&SEARCH_RANGE, window, tools);
        egui::Panel::left("search")
            .default_size(*SEARCH_RANGE.start())
            .size_range(*SEARCH_RANGE.start()..=max)
            .frame(bar)
            .show(ui, |ui| {
                contained(ui, |ui| search_ui::search_ui(ui, parts, workspace));
            });
    } else if arrangement.library {
        let tools = if arrangement.drawer {
            0.0
        } else {
            workspace.widths.threads
        };
        let max = workspace::max_side_width(&workspace::LIBRARY_RANGE, window, tools);
        let library = egui::Panel::left("library")
            .default_size(workspace.widths.library)
            .size_range(*workspace::LIBRARY_RANGE.start()..=max)
            .frame(bar)
            .show(ui, |ui| {
                contained(ui, |ui| library_ui::library_ui(ui, parts))
            });
        workspace.widths.library = library.response.rect.width();
    }
    let mut tools = None;
    if !arrangement.drawer {
        let library = if arrangement.library {
            workspace.widths.library
        } else {
            0.0
        };
        let max = workspace::max_side_width(&workspace::TOOLS_RANGE, window, library);
        let threads = egui::Panel::right("threads")
            .default_size(workspace.widths.threads)
            .size_range(*workspace::TOOLS_RANGE.start()..=max)
            .frame(bar)
            .show(ui, reserve);
        workspace.widths.threads = threads.response.rect.width();
        tools = Some(threads.inner);
    }
    let article = egui::CentralPanel::default()
        .frame(central)
        .show(ui, |ui| article_ui(ui, parts));
    if let Some(rect) = tools {
        draw_in(ui, rect, |ui| tabs_ui::tabs_ui(ui, parts, workspace));
    }
    draw_in(ui, status, |ui| {
        ui.horizontal(|ui| status_ui::status_ui(ui, parts));
    });
    if arrangement.drawer && workspace.drawer_open {
        drawer_ui(ui, parts, workspace, article.response.rect);
    }
    dialogs_ui::paste_ui(ui, parts);
    dialogs_ui::backups_ui(ui, parts);
    dialogs_ui::save_elsewhere_ui(ui, parts);
    dialogs_ui::unsaved_on_close_ui(ui, parts);
    help_ui::help_windows_ui(ui, parts);
    dialogs_ui::confirm_delete_show_ui(ui, parts);
    export_ui::confirm_replace_notes_ui(ui, parts);
    ledger_ui::ledger_window(ui, parts);
    due_ui::due_ui(ui, parts);
    help_ui::help_ui(ui, workspace);
    handle_escape(ui, parts, workspace, arrangement);
    focus_ring(ui);
    // Only a field that takes typing asks for the input method; the article's selectable text
    // does not.
    parts.view.editing_text = ui.ctx().output(|o| o.ime.is_some());
}

/// Draws `add` in the room `ui` has, and takes exactly that room: what is too wide is cut off
/// (wrapped text wraps), never widening the panel around it (a warning under a prediction
/// once widened the panel for good).
fn contained(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let rect = ui.available_rect_before_wrap();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.shrink_clip_rect(rect);
    add(&mut child);
    ui.advance_cursor_after_rect(rect);
}

/// A ring around the widget that has the keyboard focus, whatever it is (some widgets, like
/// a frameless button or the article's links, show no focus of their own), over everything
/// else and clipped to where the widget is seen.
fn focus_ring(ui: &egui::Ui) {
    let ctx = ui.ctx();
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    let rect = response.interact_rect;
    if !rect.is_positive() {
        return;
    }
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("focus_ring"));
    ctx.layer_painter(layer)
        .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Outside);
}

/// Takes the room `ui` has without drawing in it; returns that room (see [`draw_in`]).
fn reserve(ui: &mut egui::Ui) -> egui::Rect {
    let rect = ui.available_rect_before_wrap();
    ui.advance_cursor_after_rect(rect);
    rect
}

/// Draws `add` in `rect`, room taken earlier with [`reserve`], clipped to it.
fn draw_in(ui: &mut egui::Ui, rect: egui::Rect, add: impl FnOnce(&mut egui::Ui)) {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.shrink_clip_rect(rect);
    add(&mut child);
}

/// The tools as a drawer over the right of the article (narrow windows), `area` being the
/// article's rectangle. Escape or *Tools* closes it.
fn drawer_ui(ui: &egui::Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace, area: egui::Rect) {
    let width = workspace
        .widths
        .threads
        .clamp(
            *workspace::TOOLS_RANGE.start(),
            *workspace::TOOLS_RANGE.end(),
        )
        .min(area.width() - 24.0);
    let rect = egui::Rect::from_min_max(egui::pos2(area.right() - width, area.top()), area.max);
    egui::Area::new(egui::Id::unique("tools_drawer"))
        .order(egui::Order::Middle)
        .fixed_pos(rect.min)
        .show(ui.ctx(), |ui| {
            let frame = egui::Frame::popup(ui.style()).corner_radius(0.0);
            let inner = rect.shrink2(frame.total_margin().sum() / 2.0);
            frame.show(ui, |ui| {
                ui.set_min_size(inner.size());
                ui.set_max_size(inner.size());
                contained(ui, |ui| tabs_ui::tabs_ui(ui, parts, workspace));
            });
        });
}

/// Escape closes what is on top: the shortcuts sheet, a dialog, Find, then the tools drawer. A field
/// that takes Escape itself (a rename, the as-of date) has it first: this runs after them.
fn handle_escape(
    ui: &egui::Ui,
    parts: &mut UiParts<'_>,
    workspace: &mut Workspace,
    arrangement: Arrangement,
) {
    if !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        return;
    }
    if workspace.help_open {
        workspace.help_open = false;
    } else if parts.view.paste.is_some() {
        parts.view.paste = None;
    } else if parts.view.backups.is_some() {
        parts.view.backups = None;
    } else if parts.view.elsewhere.is_some() {
        parts.view.elsewhere = None;
    } else if parts.view.confirm_replace_notes.is_some() {
        // Escape answers the question on top ("Replace the notes already there?"): Cancel.
        parts.view.confirm_replace_notes = None;
    } else if parts.view.search.open && !parts.view.editing_text {
        parts.view.search.close();
    } else if arrangement.drawer && workspace.drawer_open && !parts.view.editing_text {
        workspace.drawer_open = false;
    }
}

/// Files dropped on the window are imported like `fan-tracker FILE`.
fn handle_dropped_files(ui: &egui::Ui, commands: &mut Vec<Command>) {
    let dropped = ui.input(|i| i.raw.dropped_files.clone());
    for file in dropped {
        commands.push(Command::ImportFile(file.path().to_owned()));
    }
}

/// The keyboard shortcuts (see [`help_ui`]'s table): Ctrl+Z undoes the last change and
/// Ctrl+Shift+Z (or Ctrl+Y) redoes it, and Alt+↑/↓ move between threads, when no text field
/// is being typed into (a text field keeps egui's own text undo and arrows; selecting article
/// text does not count).
fn handle_shortcuts(
    ui: &egui::Ui,
    parts: &mut UiParts<'_>,
    workspace: &mut Workspace,
    window: f32,
) {
    use help_ui as keys;
    let pressed =
        |shortcut: &egui::KeyboardShortcut| ui.input_mut(|i| i.consume_shortcut(shortcut));
    if !parts.view.editing_text {
        // The longer shortcut is consumed first, or Ctrl+Z would take Ctrl+Shift+Z.
        if pressed(&keys::REDO) || pressed(&keys::REDO_Y) {
            if parts.redo_label.is_some() {
                parts.commands.push(Command::Redo);
            }
        } else if pressed(&keys::UNDO) && parts.undo_label.is_some() {
            parts.commands.push(Command::Undo);
        }
        if pressed(&keys::NEXT_THREAD) {
            step_thread(parts, workspace, true);
        }
        if pressed(&keys::PREVIOUS_THREAD) {
            step_thread(parts, workspace, false);
        }
    }
    if pressed(&keys::FIND) {
        parts.view.search.open();
    }
    // Shift+F3 first, or F3 would take it.
    if pressed(&keys::FIND_PREVIOUS) {
        parts.commands.push(Command::StepHit(false));
    } else if pressed(&keys::FIND_NEXT) {
        parts.commands.push(Command::StepHit(true));
    }
    if pressed(&keys::OPEN) {
        parts.commands.push(Command::PickFile);
    }
    if pressed(&keys::PASTE) {
        parts.view.paste.get_or_insert_with(String::new);
    }
    if pressed(&keys::NEW_THREAD) {
        workspace.show_tab(ToolTab::Threads);
        ui.ctx()
            .data_mut(|d| d.insert_temp(threads_ui::focus_new_thread_id(), true));
    }
    if pressed(&keys::TICK) {
        tick_selected(parts);
    }
    for (index, tab) in ToolTab::ALL.into_iter().enumerate() {
        if pressed(&keys::tab_shortcut(index)) {
            workspace.show_tab(tab);
        }
    }
    if pressed(&keys::LIBRARY) {
        workspace.toggle_library(window);
    }
    if pressed(&keys::HELP) {
        workspace.help_open = !workspace.help_open;
    }
    if pressed(&keys::QUIT) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Selects the thread after (or before) the selected one, the first (or last) when none is.
pub(super) fn step_thread(parts: &mut UiParts<'_>, workspace: &mut Workspace, forward: bool) {
    let Some(show) = parts.open_show() else {
        return;
    };
    let count = show.threads.len();
    if count == 0 {
        return;
    }
    let at = parts
        .view
        .selected_thread
        .and_then(|id| show.threads.iter().position(|t| t.id == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1).min(count - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    workspace.show_tab(ToolTab::Threads);
    parts
        .commands
        .push(Command::SelectThread(Some(show.threads[next].id)));
}

/// Ticks the selected thread (resolved), or opens it again when it is resolved.
pub(super) fn tick_selected(parts: &mut UiParts<'_>) {
    use crate::model::ThreadStatus;
    let Some(thread) = parts
        .open_show()
        .zip(parts.view.selected_thread)
        .and_then(|(show, id)| show.thread(id).ok())
    else {
        return;
    };
    let status = if thread.status == ThreadStatus::Resolved {
        ThreadStatus::Open
    } else {
        ThreadStatus::Resolved
    };
    let change = crate::app::Change::SetThreadStatus(thread.id, status);
    parts.commands.push(Command::Change(change));
}
