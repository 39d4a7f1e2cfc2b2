//! Small shared widgets: labelled text fields whose label reaches screen readers and tests, and
//! the height of a one-line row of the virtualized lists.

use egui::{Response, Role, Ui, WidgetInfo};

/// A text field edited through a copy: returns the new text when the user changed it.
///
/// The field's AccessKit label is `label`, shown as a small caption above it. Its id comes
/// from `id_salt` (e.g. the thread's id), never from its position, so a notice or a row
/// appearing above it while the user types does not take the keyboard focus away.
pub fn edited_text(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    text: &str,
    multiline: bool,
    hint: &str,
) -> Option<String> {
    let caption = ui.label(egui::RichText::new(label).small().weak());
    let mut copy = text.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut copy).desired_rows(4)
    } else {
        egui::TextEdit::singleline(&mut copy)
    };
    let response = ui.add(
        edit.id_salt(id_salt)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    let response = response.labelled_by(caption.id);
    response.changed().then_some(copy)
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
