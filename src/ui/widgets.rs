//! Small shared widgets: text fields that follow an input method and keep what is typed as a
//! draft (their label reaches screen readers and tests), and the height of a one-line row of
//! the virtualized lists.

use std::ops::Range;
use std::time::Instant;

use egui::{Event, Id, ImeEvent, Response, Role, Ui, WidgetInfo};

use crate::app::{DraftField, TYPING_PAUSE, ViewState};

/// How a text field looks and what Enter does in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line; Enter ends it (egui's single-line field).
    Line,
    /// One line of text that wraps to be read whole; Enter ends it, adding no line break.
    WrappedLine,
    /// Several lines (a note); Enter adds a line.
    Note,
    /// A whole article pasted or typed: a tall box.
    Paste,
}

/// What a [`text_field`] reports.
pub struct Typed {
    /// The field's response.
    pub response: Response,
    /// While an input method composes in it: the byte range of the pre-edit text (shown in
    /// the field, not yet the fan's text).
    pub preedit: Option<Range<usize>>,
}

/// A text field editing `text` in place, that follows an input method: it reports the
/// syllable being composed (see [`Typed::preedit`]) and says so in
/// [`crate::app::ViewState::composing`] (through `composing`), so Enter, Backspace and Escape
/// stay the input method's while it composes.
///
/// `id` is the field's own (from its item, never its position), so a row or a notice appearing
/// above it while the fan types does not take the keyboard focus away.
pub fn text_field(
    ui: &mut Ui,
    id: Id,
    text: &mut String,
    kind: FieldKind,
    hint: &str,
    width: f32,
    composing: &mut bool,
) -> Typed {
    let composing_id = id.with("ime_composing");
    let focused = ui.memory(|m| m.has_focus(id));
    // egui puts the pre-edit text into the field; follow the input method's events to know
    // whether what is at the cursor is still being composed.
    let mut in_composition = focused && ui.data(|d| d.get_temp(composing_id)).unwrap_or(false);
    if focused {
        ui.input(|i| {
            for event in &i.events {
                match event {
                    Event::Ime(ImeEvent::Preedit { text, .. }) => in_composition = !text.is_empty(),
                    Event::Ime(ImeEvent::Commit(_)) => in_composition = false,
                    _ => {}
                }
            }
        });
    }
    let enter_ends = kind == FieldKind::WrappedLine
        && focused
        && !in_composition
        && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let edit = match kind {
        FieldKind::Line => egui::TextEdit::singleline(text),
        FieldKind::WrappedLine => egui::TextEdit::multiline(text)
            .desired_rows(1)
            .return_key(None),
        FieldKind::Note => egui::TextEdit::multiline(text).desired_rows(4),
        FieldKind::Paste => egui::TextEdit::multiline(text).desired_rows(14),
    };
    let output = edit.id(id).hint_text(hint).desired_width(width).show(ui);
    let response = output.response.response;
    if enter_ends {
        response.surrender_focus();
    }
    let in_composition = in_composition && response.has_focus();
    ui.data_mut(|d| d.insert_temp(composing_id, in_composition));
    *composing |= in_composition;
    let preedit = output.cursor_range.filter(|_| in_composition).map(|range| {
        let chars = range.as_sorted_char_range();
        byte_at(text, chars.start.0)..byte_at(text, chars.end.0)
    });
    Typed { response, preedit }
}

/// The byte offset of the `chars`-th character of `text` (its length past the end).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// A labelled field of saved data: it shows the saved text, or the fan's draft of it while one
/// is typed (see [`crate::app::Drafts`]), and asks for the draft to be committed after a
/// typing pause. The app commits it when the field lets go of the focus.
///
/// The field's AccessKit label is `label`, shown as a small caption above it.
pub fn draft_field(
    ui: &mut Ui,
    view: &mut ViewState,
    field: DraftField,
    label: &str,
    saved: &str,
    kind: FieldKind,
    hint: &str,
) -> Response {
    let caption = ui.label(egui::RichText::new(label).small().weak());
    draft_field_bare(ui, view, field, saved, kind, hint, f32::INFINITY).labelled_by(caption.id)
}

/// [`draft_field`] without its caption (the caller labels it), `width` wide.
pub fn draft_field_bare(
    ui: &mut Ui,
    view: &mut ViewState,
    field: DraftField,
    saved: &str,
    kind: FieldKind,
    hint: &str,
    width: f32,
) -> Response {
    let id = ui.make_persistent_id(("draft_field", field));
    let mut text = view
        .drafts
        .get(field)
        .map_or_else(|| saved.to_owned(), |d| d.text.clone());
    let typed = text_field(ui, id, &mut text, kind, hint, width, &mut view.composing);
    let response = typed.response;
    let now = Instant::now();
    if response.changed() {
        view.drafts.typed(field, text, now);
    }
    if let Some(draft) = view.drafts.get_mut(field) {
        draft.focused = response.has_focus();
        draft.preedit = typed.preedit;
        if draft.focused && draft.dirty && draft.preedit.is_none() {
            let idle = now.saturating_duration_since(draft.typed_at);
            match TYPING_PAUSE.checked_sub(idle) {
                Some(left) if !left.is_zero() => ui.ctx().request_repaint_after(left),
                _ => draft.commit_now = true,
            }
        }
        if let Some(why) = &draft.invalid {
            ui.colored_label(ui.visuals().warn_fg_color, why);
        }
    }
    response
}

/// A passage shown as a quotation: in “ ” unless it already opens with a quotation mark of
/// its own (“I'd marry them off tomorrow,” he laughs.), which is not doubled (““I'd …).
pub fn quoted(passage: &str) -> String {
    let opens_quoted = passage.starts_with(['“', '"', '‘', '\'', '「', '『', '«', '„']);
    if opens_quoted {
        passage.to_owned()
    } else {
        format!("“{passage}”")
    }
}

/// Gives a widget an AccessKit label other than its visible text.
pub fn set_label(response: &Response, role: Role, label: &str) {
    let enabled = response.enabled();
    response.widget_info(|| WidgetInfo::labeled(role, enabled, label));
}

/// The height of a one-line row in a virtualized list (the library's rows; the checklist's
/// rows before their wrapped titles are measured): enough for a checkbox, a button or a
/// one-line field.
pub fn row_height(ui: &Ui) -> f32 {
    let text = ui.text_style_height(&egui::TextStyle::Body);
    let spacing = ui.spacing();
    spacing
        .interact_size
        .y
        .max(text + 2.0 * spacing.button_padding.y)
        .max(text + 4.0)
        .ceil()
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn a_passage_is_quoted_once() {
        assert_eq!(quoted("The finale aired."), "“The finale aired.”");
        // A passage that opens with its own quotation mark keeps it, not doubled.
        assert_eq!(
            quoted("“A Christmas special,” says Tallis."),
            "“A Christmas special,” says Tallis."
        );
        assert_eq!(
            quoted("「다시 만나요」라고 했다."),
            "「다시 만나요」라고 했다."
        );
    }
}
