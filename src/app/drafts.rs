//! Drafts: what the fan types into a field of saved data (a title, a note, a statement, a
//! date) is kept here, in view state, and reaches the library as ONE edit when the field lets
//! go of it: when it loses the keyboard focus (Enter ends a one-line field), after a typing
//! pause of [`TYPING_PAUSE`], when the fan undoes or opens another page, and when the window
//! closes (then a date typed into the as-of form without *Set* is set too). Never while an input method is composing a syllable: the pre-edit text egui shows
//! in the field is not the fan's text yet.
//!
//! Each commit is one step of the history (a burst of typing between pauses), never merged
//! with the one before.
//!
//! Normalisation happens only at commit ([`normalized`]): trimmed, NFC, and a required field
//! left empty keeps its saved value. The field keeps showing the draft as typed (a trailing
//! space stays there while the fan types on).

use std::ops::Range;
use std::time::Instant;

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization as _;

use super::{App, TextBox};
use crate::model::{
    ArticleField, Edit, Given, Library, LibraryError, PredictionField, PredictionId, Probability,
    ShowField, SuggestionField, ThreadField, TypingField,
};

pub use crate::model::TYPING_PAUSE;

/// A field whose typing is kept as a draft until it is committed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DraftField {
    /// A text field of saved data (see [`TypingField`]).
    Text(TypingField),
    /// A prediction's resolve-by date, typed as `YYYY-MM-DD` (empty for none).
    ResolveBy(PredictionId),
    /// A prediction's probability, typed as a percentage or odds (see
    /// [`Probability::parse`]); committed when the field is left (Enter, focus lost, window
    /// closed), never on a typing pause, as each commit is one entry of the prediction's
    /// history. 0 % and 100 % are not committed from here: the field offers a confirmation.
    Probability(PredictionId),
}

/// What the fan typed into one field, not yet in the library.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The field's text as shown, pre-edit text included.
    pub text: String,
    /// While an input method composes: the byte range in `text` of the pre-edit text (the
    /// syllable being composed), which is shown but never saved.
    pub preedit: Option<Range<usize>>,
    /// When the fan last typed into it (for the typing pause).
    pub typed_at: Instant,
    /// Typed into since it was last committed.
    pub dirty: bool,
    /// Its field had the keyboard focus in the frame just drawn (set by the field each frame;
    /// a draft whose field did not say so is committed and dropped after the frame).
    pub focused: bool,
    /// The field asks for a commit now (a typing pause) while it keeps the focus.
    pub commit_now: bool,
    /// Why the text cannot be saved as it is (a date that is not one), shown by the field.
    pub invalid: Option<String>,
}

impl Draft {
    /// The text without the syllable being composed.
    pub fn settled(&self) -> String {
        without_preedit(&self.text, self.preedit.as_ref())
    }
}

/// `text` without its byte range `preedit` (the syllable an input method is composing); the
/// whole text when there is none, or the range is not one of `text`'s.
pub fn without_preedit(text: &str, preedit: Option<&Range<usize>>) -> String {
    match preedit {
        Some(range) if text.get(range.clone()).is_some() => {
            let mut text = text.to_owned();
            text.replace_range(range.clone(), "");
            text
        }
        _ => text.to_owned(),
    }
}

/// The drafts of the fields being typed into (a handful at most).
#[derive(Clone, Debug, Default)]
pub struct Drafts {
    drafts: Vec<(DraftField, Draft)>,
}

impl Drafts {
    /// The draft of `field`, if one is being typed.
    pub fn get(&self, field: DraftField) -> Option<&Draft> {
        self.drafts
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, d)| d)
    }

    /// The draft of `field`, to change.
    pub fn get_mut(&mut self, field: DraftField) -> Option<&mut Draft> {
        self.drafts
            .iter_mut()
            .find(|(f, _)| *f == field)
            .map(|(_, d)| d)
    }

    /// Records that the fan typed `text` into `field` at `now` (a draft starts if none was).
    pub fn typed(&mut self, field: DraftField, text: String, now: Instant) {
        match self.get_mut(field) {
            Some(draft) => {
                draft.text = text;
                draft.typed_at = now;
                draft.dirty = true;
                draft.invalid = None;
            }
            None => self.drafts.push((
                field,
                Draft {
                    text,
                    preedit: None,
                    typed_at: now,
                    dirty: true,
                    focused: true,
                    commit_now: false,
                    invalid: None,
                },
            )),
        }
    }

    /// Drops the draft of `field` (the fan cancelled it with Escape).
    pub fn discard(&mut self, field: DraftField) {
        self.drafts.retain(|(f, _)| *f != field);
    }

    /// Whether an input method is composing in one of the fields.
    pub fn composing(&self) -> bool {
        self.drafts.iter().any(|(_, d)| d.preedit.is_some())
    }

    /// Whether no field holds a draft.
    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// Every draft with its field.
    pub fn iter(&self) -> impl Iterator<Item = (DraftField, &Draft)> {
        self.drafts.iter().map(|(f, d)| (*f, d))
    }

    fn fields(&self) -> Vec<DraftField> {
        self.drafts.iter().map(|(f, _)| *f).collect()
    }
}

/// The text as it is saved: trimmed and in Unicode NFC (a Hangul syllable typed as jamo by
/// one input method and as one code point by another is the same text).
pub fn normalized(text: &str) -> String {
    text.trim().nfc().collect()
}

/// What committing a draft's text to its field makes.
#[derive(Debug, PartialEq, Eq)]
pub enum FieldEdit {
    /// This edit.
    Edit(Edit),
    /// Nothing: the field already holds it (or a required field was left empty).
    Unchanged,
    /// Nothing: the text cannot be saved in this field (the reason, in words).
    Invalid(String),
}

/// The edit that puts `text` (normalised) into `field` of `library`.
///
/// Required fields (a show's or thread's title, a prediction's statement, a suggestion's
/// title) left empty keep their value; optional ones (original title, notes, dates) are
/// cleared.
///
/// # Errors
/// [`LibraryError`] when the field's item is no longer in the library.
pub fn field_edit(
    library: &Library,
    field: DraftField,
    text: &str,
    today: Date,
) -> Result<FieldEdit, LibraryError> {
    let text = normalized(text);
    let edit = |current: &str, edit: Edit| {
        if current == text || (text.is_empty() && required(field)) {
            FieldEdit::Unchanged
        } else {
            FieldEdit::Edit(edit)
        }
    };
    let value = text.clone();
    Ok(match field {
        DraftField::Text(typing) => match typing {
            TypingField::ShowTitle(id) => edit(
                &library.show(id)?.title,
                Edit::SetShow(id, ShowField::Title(value)),
            ),
            TypingField::ShowOriginalTitle(id) => edit(
                library.show(id)?.original_title.as_deref().unwrap_or(""),
                Edit::SetShow(
                    id,
                    ShowField::OriginalTitle((!value.is_empty()).then_some(value)),
                ),
            ),
            TypingField::ShowNote(id) => edit(
                &library.show(id)?.note,
                Edit::SetShow(id, ShowField::Note(value)),
            ),
            TypingField::ArticleNote(id) => edit(
                &library.article(id)?.1.note,
                Edit::SetArticle(id, ArticleField::Note(value)),
            ),
            TypingField::ThreadNote(id) => edit(
                &library.thread(id)?.1.note,
                Edit::SetThread(id, ThreadField::Note(value)),
            ),
            TypingField::ThreadTitle(id) => edit(
                &library.thread(id)?.1.title,
                Edit::SetThread(id, ThreadField::Title(value)),
            ),
            TypingField::PredictionStatement(id) => edit(
                &library.prediction(id)?.1.statement,
                Edit::SetPrediction(id, PredictionField::Statement(value)),
            ),
            TypingField::SuggestionTitle(article, index) => {
                let suggestions = library.article(article)?.1.suggestions.as_deref();
                let current = suggestions
                    .and_then(|s| s.get(index))
                    .ok_or(LibraryError::NoSuchSuggestion(index))?;
                // A title is one line, however it was pasted.
                let value = value.replace(['\n', '\r'], " ");
                edit(
                    &current.title,
                    Edit::SetSuggestion {
                        article,
                        index,
                        field: SuggestionField::Title(value),
                    },
                )
            }
        },
        DraftField::ResolveBy(id) => {
            let current = library.prediction(id)?.1.resolve_by;
            match parse_optional_date(&text) {
                Ok(date) if date == current => FieldEdit::Unchanged,
                Ok(date) => {
                    FieldEdit::Edit(Edit::SetPrediction(id, PredictionField::ResolveBy(date)))
                }
                Err(_) => FieldEdit::Invalid("use YYYY-MM-DD".to_owned()),
            }
        }
        DraftField::Probability(id) => {
            let prediction = library.prediction(id)?.1;
            match Probability::parse(&text) {
                Ok(p) if p == prediction.probability() => FieldEdit::Unchanged,
                Ok(_) if prediction.is_locked() => {
                    FieldEdit::Invalid(LibraryError::PredictionLocked(id).to_string())
                }
                Ok(p) if p.is_certain() => FieldEdit::Invalid(certainty_question(p)),
                Ok(p) => FieldEdit::Edit(Edit::SetPrediction(
                    id,
                    PredictionField::Probability(Given {
                        probability: p,
                        on: Some(today),
                    }),
                )),
                Err(error) => FieldEdit::Invalid(error.to_string()),
            }
        }
    })
}

/// What a probability field says of a certainty typed into it, until the fan confirms it.
pub fn certainty_question(p: Probability) -> String {
    if p.permille() == 0 {
        "0 % says it certainly will not happen: confirm it with the button".to_owned()
    } else {
        "100 % says it certainly will happen: confirm it with the button".to_owned()
    }
}

/// Whether `field` keeps its value when left empty.
fn required(field: DraftField) -> bool {
    matches!(
        field,
        DraftField::Text(
            TypingField::ShowTitle(_)
                | TypingField::ThreadTitle(_)
                | TypingField::PredictionStatement(_)
                | TypingField::SuggestionTitle(..)
        )
    )
}

/// A date typed as `YYYY-MM-DD`, or `None` when nothing is typed.
///
/// # Errors
/// When the text is not such a date.
pub fn parse_optional_date(text: &str) -> Result<Option<Date>, jiff::Error> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

/// Reads an article's as-of date typed as `YYYY-MM-DD`: `Ok(None)` when empty, an error in words when
/// it is not a date in that form (or not a real day, like 2022-02-30).
///
/// # Errors
/// The reason, in words, shown under the box.
pub fn parse_as_of(text: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = shaped.then(|| text.parse::<Date>().ok()).flatten();
    parsed.map(Some).ok_or_else(|| {
        format!("“{text}” is not a date. Write it as YYYY-MM-DD (for example 2022-03-17), or leave it empty for no date.")
    })
}

impl App {
    /// Commits the drafts that are due: those whose field no longer has the focus (it was
    /// left, or not drawn), and those their field asked to commit after a typing pause
    /// (unless an input method is composing in it). With `all` (closing, undoing, leaving the
    /// page) every draft is committed, without the syllable being composed, and dropped,
    /// but for text that cannot be taken as it is (see below).
    ///
    /// A draft committed while its field keeps the focus stays, so the field goes on showing
    /// what was typed. What cannot be committed is told as a notice (a read-only window, an
    /// item gone); a date that is not one stays in its field, marked, until it is.
    pub fn commit_drafts(&mut self, all: bool) {
        for field in self.view.drafts.fields() {
            let Some(draft) = self.view.drafts.get(field) else {
                continue;
            };
            let leaving = all || !draft.focused;
            let on_pause = !matches!(field, DraftField::Probability(_));
            if !leaving && (!draft.commit_now || draft.preedit.is_some() || !on_pause) {
                continue;
            }
            let text = draft.settled();
            let today = jiff::ZonedDateTime::now().date();
            let outcome = field_edit(&self.library, field, &text, today);
            let mut keep = !leaving;
            match outcome {
                Ok(FieldEdit::Edit(edit)) => {
                    let label = edit.label(&self.library);
                    let committed = self.writable().and_then(|mut w| w.commit_step(edit, label));
                    if let Err(error) = committed {
                        self.notify(error.to_string());
                    }
                }
                Ok(FieldEdit::Unchanged) => {}
                Ok(FieldEdit::Invalid(why)) => {
                    // What cannot be taken stays in its field, marked, even on close (the
                    // window remembers it across a restart) or an undo: never dropped.
                    keep = true;
                    if let Some(draft) = self.view.drafts.get_mut(field) {
                        draft.invalid = Some(why);
                    }
                }
                // The item is gone (deleted, or taken back by an undo): nothing to keep.
                Err(error) => {
                    log::info!("a draft of an item no longer there was dropped: {error}");
                    keep = false;
                }
            }
            match self.view.drafts.get_mut(field) {
                Some(draft) if keep => {
                    draft.commit_now = false;
                    if draft.invalid.is_none() {
                        draft.dirty = false;
                    }
                }
                _ => self.view.drafts.discard(field),
            }
        }
        if all {
            self.commit_as_of_draft();
        }
        // Each field says again next frame whether it has the focus.
        for (_, draft) in &mut self.view.drafts.drafts {
            draft.focused = false;
        }
    }
}

impl super::PredictionDraft {
    /// The prediction this form would add: its statement (normalised), probability and date
    /// parsed, without a syllable being composed; `None` when there is no thread or statement, the probability or date is not
    /// one, or a certainty (0 % or 100 %) is not confirmed.
    pub fn to_change(&self) -> Option<super::Change> {
        let typed = self.settled();
        let statement = normalized(&typed.statement);
        let probability = Probability::parse(&typed.probability)
            .ok()
            .filter(|p| !p.is_certain() || self.certain)?;
        let resolve_by = parse_optional_date(&typed.resolve_by).ok()?;
        (!statement.is_empty()).then_some(super::Change::AddPrediction {
            thread: self.thread?,
            statement,
            probability,
            resolve_by,
        })
    }
}

impl App {
    /// New predictions typed but not added are added when the window closes, if they can be
    /// (see [`super::PredictionDraft::to_change`]); else they are kept in their forms (and
    /// the window remembers them across a restart, see `ui-state.json`).
    pub fn commit_new_prediction(&mut self) {
        let drafts = std::mem::take(&mut self.view.prediction_drafts);
        for draft in drafts {
            match draft.to_change() {
                Some(change) => {
                    // A change asks for no work off the UI thread; what goes wrong is told.
                    if let Err(error) = self.try_apply(super::Command::Change(change)) {
                        self.notify(error.to_string());
                    }
                }
                None if !draft.is_blank() => self.view.prediction_drafts.push(draft),
                None => {}
            }
        }
    }

    /// The as-of date being typed in the open article's header (a form with *Set*), set when
    /// the window closes or the page is left with a date typed that is one (and another than
    /// the article's): what was typed is not lost. The syllable an input method is composing
    /// there is left out. Text that is no date stays in the box, marked (the window remembers
    /// it across a restart, see `ui-state.json`), so nothing typed is lost either.
    fn commit_as_of_draft(&mut self) {
        let Some(typed) = self.view.settled(TextBox::AsOf) else {
            return;
        };
        let Some((_, entry)) = self.open_article() else {
            self.view.as_of_draft = None;
            return;
        };
        let (id, current) = (entry.id, entry.article.as_of);
        let date = match parse_as_of(&typed) {
            Ok(date) => date,
            Err(why) => {
                self.view.as_of_draft = Some(typed);
                self.view.as_of_error = Some(why);
                return;
            }
        };
        self.view.as_of_draft = None;
        self.view.as_of_error = None;
        if date != current {
            let edit = Edit::SetArticle(id, ArticleField::AsOf(date));
            let label = edit.label(&self.library);
            if let Err(error) = self.writable().and_then(|mut w| w.commit_step(edit, label)) {
                self.notify(error.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ShowId;

    const DAY: Date = jiff::civil::date(2026, 12, 7);

    fn draft(drafts: &mut Drafts, field: DraftField, text: &str) {
        drafts.typed(field, text.to_owned(), Instant::now());
    }

    #[test]
    fn normalising_trims_and_composes() {
        assert_eq!(normalized("  Harbor Lights \n"), "Harbor Lights");
        // ㅎ + ㅏ + ㄴ as conjoining jamo is the syllable 한.
        assert_eq!(normalized("\u{1112}\u{1161}\u{11AB}"), "한");
    }

    #[test]
    fn a_title_keeps_its_inner_space_and_an_empty_one_is_unchanged() {
        let library = Library::default();
        let show = library.shows[0].id;
        let field = DraftField::Text(TypingField::ShowTitle(show));
        assert_eq!(
            field_edit(&library, field, "Harbor Lights ", DAY).unwrap(),
            FieldEdit::Edit(Edit::SetShow(
                show,
                ShowField::Title("Harbor Lights".into())
            ))
        );
        assert_eq!(
            field_edit(&library, field, "  ", DAY).unwrap(),
            FieldEdit::Unchanged
        );
        let same = library.shows[0].title.clone() + " ";
        assert_eq!(
            field_edit(&library, field, &same, DAY).unwrap(),
            FieldEdit::Unchanged
        );
        let gone = DraftField::Text(TypingField::ShowTitle(ShowId(999)));
        assert!(field_edit(&library, gone, "x", DAY).is_err());
    }

    #[test]
    fn an_optional_field_left_empty_is_cleared_and_a_bad_date_is_invalid() {
        let library = Library::default();
        let show = library.shows[0].id;
        let original = DraftField::Text(TypingField::ShowOriginalTitle(show));
        assert_eq!(
            field_edit(&library, original, "", DAY).unwrap(),
            FieldEdit::Edit(Edit::SetShow(show, ShowField::OriginalTitle(None)))
        );
        let thread = library.shows[0].threads[0].id;
        let note = DraftField::Text(TypingField::ThreadNote(thread));
        assert_eq!(
            field_edit(&library, note, "", DAY).unwrap(),
            FieldEdit::Unchanged
        );
    }

    #[test]
    fn the_settled_text_leaves_out_the_syllable_being_composed() {
        let mut drafts = Drafts::default();
        let field = DraftField::Text(TypingField::ShowTitle(ShowId(1)));
        draft(&mut drafts, field, "한글");
        let composing = drafts.get_mut(field).unwrap();
        composing.preedit = Some("한".len().."한글".len());
        assert_eq!(composing.settled(), "한");
        assert!(drafts.composing());
        drafts.discard(field);
        assert!(drafts.is_empty());
    }

    #[test]
    fn as_of_dates_are_read_as_yyyy_mm_dd_only() {
        assert_eq!(
            parse_as_of(" 2022-03-17 "),
            Ok(Some(jiff::civil::date(2022, 3, 17)))
        );
        assert_eq!(parse_as_of("  "), Ok(None));
        for bad in [
            "2022-02-30",
            "17 March 2022",
            "2022-3-17",
            "20220317",
            "2022-03-17T10:00",
        ] {
            let error = parse_as_of(bad).expect_err(bad);
            assert!(error.contains("is not a date"), "{error}");
        }
    }
}
