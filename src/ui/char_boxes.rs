//! Where each character of a laid-out piece of text is drawn, in logical order, in every
//! script: the one map between positions on screen and characters of the text that the
//! article's selection uses.
//!
//! egui 0.37's own cursor code assumes a galley row holds one glyph per character, in the
//! text's order, left to right. Right-to-left text breaks that (egui issue #8576): harfrust
//! returns a right-to-left run's glyphs in visual order, and the galley then pads the run with
//! one invisible glyph per character after its first, so a Hebrew word of four letters has seven
//! glyphs and every cursor after it points at the wrong character. [`CharBoxes`] reads the
//! galley as it really is (real glyphs of a right-to-left run right to left, then its padding)
//! and gives every character its own box, so a click on a letter means that letter, in
//! left-to-right, right-to-left and mixed lines alike.

use std::ops::Range;

use egui::{Galley, Rect, Vec2, pos2};

/// Whether `c` is a strongly right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms; bidi classes R and AL, with the marks of
/// those blocks).
pub fn is_rtl(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// Where one character is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct CharBox {
    /// The galley row it is on.
    pub row: usize,
    /// Its left and right edges, in galley coordinates (equal for a character drawn with no
    /// width of its own: a line break, a combining mark, a joiner).
    pub x0: f32,
    pub x1: f32,
    /// Read right to left: its logical start is its right edge.
    pub rtl: bool,
    /// A combining mark: drawn on the letter before it, and selected with it.
    pub mark: bool,
}

/// One glyph of a galley, flattened out of its row.
#[derive(Clone, Copy, Debug)]
struct FlatGlyph {
    row: usize,
    x0: f32,
    x1: f32,
    chr: char,
    /// Zero width and nothing drawn: padding egui adds so a cluster has one glyph per char.
    padding: bool,
}

/// The boxes of every character of one galley, in the order of its text.
#[derive(Clone, Debug, Default)]
pub struct CharBoxes {
    pub(super) boxes: Vec<CharBox>,
    /// Each row's top and bottom, in galley coordinates.
    pub(super) rows: Vec<(f32, f32)>,
    /// For each glyph of the galley (rows in order, each row's glyphs in order), the
    /// character whose cluster it draws; `None` for padding.
    pub(super) glyph_chars: Vec<Option<usize>>,
}

/// The most characters a right-to-left run is looked for in (a run longer than this is read
/// one glyph per character, as egui does).
const MAX_RUN: usize = 4096;

impl CharBoxes {
    /// Reads where each character of `galley`'s text is drawn.
    pub fn new(galley: &Galley) -> Self {
        let text: Vec<char> = galley.job.text.chars().collect();
        let mut glyphs = Vec::new();
        let mut rows = Vec::with_capacity(galley.rows.len());
        for (index, placed) in galley.rows.iter().enumerate() {
            let rect = placed.rect();
            rows.push((rect.min.y, rect.max.y));
            for glyph in &placed.row.glyphs {
                let x0 = placed.pos.x + glyph.pos.x;
                glyphs.push(FlatGlyph {
                    row: index,
                    x0,
                    x1: x0 + glyph.advance_width,
                    chr: glyph.chr,
                    padding: glyph.advance_width == 0.0 && glyph.uv_rect.is_nothing(),
                });
            }
        }
        let row_end = |row: usize| {
            galley
                .rows
                .get(row)
                .map_or(0.0, |placed| placed.rect().max.x)
        };
        let mut boxes = Vec::with_capacity(text.len());
        let mut glyph_chars = vec![None; glyphs.len()];
        let (mut p, mut g, mut row) = (0, 0, 0);
        while p < text.len() {
            let c = text[p];
            if c == '\n' || g >= glyphs.len() {
                let x = row_end(row);
                boxes.push(CharBox {
                    row: row.min(rows.len().saturating_sub(1)),
                    x0: x,
                    x1: x,
                    rtl: false,
                    mark: false,
                });
                if c == '\n' {
                    row += 1;
                }
                p += 1;
                continue;
            }
            if is_rtl(c)
                && let Some(run) = rtl_run(&text[p..], &glyphs[g..], &mut boxes)
            {
                for (k, owner) in run.owners.iter().enumerate() {
                    glyph_chars[g + k] = Some(p + owner);
                }
                p += run.chars;
                g += run.glyphs;
                row = glyphs[g - 1].row;
                continue;
            }
            let glyph = glyphs[g];
            glyph_chars[g] = Some(p);
            boxes.push(CharBox {
                row: glyph.row,
                x0: glyph.x0,
                x1: glyph.x1,
                rtl: is_rtl(c),
                mark: unicode_normalization::char::is_combining_mark(c),
            });
            row = glyph.row;
            p += 1;
            g += 1;
        }
        Self {
            boxes,
            rows,
            glyph_chars,
        }
    }

    /// How many characters there are.
    pub(super) fn len(&self) -> usize {
        self.boxes.len()
    }

    /// The cursor (a character index, `0..=len`) at `pos` (galley coordinates): the row under
    /// it (the first row above the text, the last below it), then the character edge nearest
    /// to it on that row; a click on the right half of a right-to-left letter is before it.
    pub fn cursor_at(&self, pos: Vec2) -> usize {
        let Some(row) = self.row_at(pos.y) else {
            return 0;
        };
        if pos.y < self.rows[0].0 {
            return 0;
        }
        if pos.y > self.rows[self.rows.len() - 1].1 {
            return self.len();
        }
        let on_row = self
            .boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| b.row == row && b.x1 > b.x0);
        let nearest =
            on_row.min_by(|(_, a), (_, b)| distance(a, pos.x).total_cmp(&distance(b, pos.x)));
        let Some((index, found)) = nearest else {
            // A row with nothing drawn: the first character on it (a line break).
            return self
                .boxes
                .iter()
                .position(|b| b.row == row)
                .unwrap_or(self.len());
        };
        let left_half = pos.x < (found.x0 + found.x1) / 2.0;
        if left_half != found.rtl {
            index
        } else {
            self.after_cluster(index)
        }
    }

    /// The rectangles (galley coordinates) covering characters `chars`, one per run of
    /// adjacent boxes on a row (gaps of a pixel from rounding closed): a logical range of mixed
    /// text can be several pieces on screen.
    /// Each with the index of its row.
    pub fn row_rects(&self, chars: Range<usize>) -> Vec<(usize, Rect)> {
        let mut out: Vec<(usize, f32, f32)> = Vec::new();
        let end = chars.end.min(self.len());
        for b in self.boxes[chars.start.min(end)..end]
            .iter()
            .filter(|b| b.x1 > b.x0)
        {
            let joined = out
                .iter_mut()
                .find(|(row, x0, x1)| *row == b.row && b.x0 <= *x1 + 1.5 && b.x1 >= *x0 - 1.5);
            match joined {
                Some((_, x0, x1)) => {
                    *x0 = x0.min(b.x0);
                    *x1 = x1.max(b.x1);
                }
                None => out.push((b.row, b.x0, b.x1)),
            }
        }
        out.into_iter()
            .map(|(row, x0, x1)| {
                let (top, bottom) = self.rows[row];
                (row, Rect::from_min_max(pos2(x0, top), pos2(x1, bottom)))
            })
            .collect()
    }

    /// The row at height `y`: the one containing it, else the nearest.
    fn row_at(&self, y: f32) -> Option<usize> {
        self.rows
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| row_distance(**a, y).total_cmp(&row_distance(**b, y)))
            .map(|(i, _)| i)
    }

    /// The index after character `index` and the combining marks drawn on it.
    fn after_cluster(&self, index: usize) -> usize {
        let row = self.boxes[index].row;
        let mut next = index + 1;
        while self
            .boxes
            .get(next)
            .is_some_and(|b| b.mark && b.x1 - b.x0 < 0.5 && b.row == row)
        {
            next += 1;
        }
        next
    }
}

/// How far `x` is from a box horizontally (0 inside it).
fn distance(b: &CharBox, x: f32) -> f32 {
    if x < b.x0 {
        b.x0 - x
    } else if x > b.x1 {
        x - b.x1
    } else {
        0.0
    }
}

/// How far `y` is from a row (0 inside it).
fn row_distance((top, bottom): (f32, f32), y: f32) -> f32 {
    if y < top {
        top - y
    } else if y > bottom {
        y - bottom
    } else {
        0.0
    }
}

/// Reads the right-to-left run that starts `text` out of `glyphs` (which start at its first
/// glyph): the run's real glyphs, right to left, then its padding (one invisible glyph for each
/// character after the first cluster, the run's text in logical order). Pushes a box for each of
/// the run's characters and returns how many characters and glyphs it took, or `None` when the
/// glyphs are not laid out that way (then they are read one per character).
fn rtl_run(text: &[char], glyphs: &[FlatGlyph], boxes: &mut Vec<CharBox>) -> Option<RunRead> {
    let limit = glyphs.len().min(MAX_RUN);
    // The real glyphs end at the first padding glyph; the padding repeats the run's text
    // from its second cluster on.
    let tail = (1..limit).find(|&t| glyphs[t].padding);
    if let Some(t) = tail
        && glyphs[t - 1].chr == text[0]
        && let Some((first_cluster, padding)) = (1..=3)
            .filter(|&c0| c0 < text.len())
            .map(|c0| (c0, padding_len(&text[c0..], &glyphs[t..])))
            .find(|(_, len)| *len > 0)
    {
        let chars = first_cluster + padding;
        if let Some(owners) = assign(&text[..chars], &glyphs[..t], boxes) {
            return Some(RunRead {
                chars,
                glyphs: t + padding,
                owners,
            });
        }
    }
    // A run of one cluster: one letter and the marks drawn with it.
    if glyphs[0].chr != text[0] {
        return None;
    }
    let marks = text[1..]
        .iter()
        .take_while(|c| unicode_normalization::char::is_combining_mark(**c))
        .count();
    let mark_glyphs = glyphs[1..limit]
        .iter()
        .take_while(|g| g.chr == text[0] && g.x1 <= g.x0 && !g.padding)
        .count();
    let chars = 1 + marks;
    let owners = assign(&text[..chars], &glyphs[..1 + mark_glyphs], boxes)?;
    Some(RunRead {
        chars,
        glyphs: 1 + mark_glyphs,
        owners,
    })
}

/// A right-to-left run read out of a galley.
struct RunRead {
    /// How many characters it has.
    chars: usize,
    /// How many glyphs it took (real glyphs, then padding).
    glyphs: usize,
    /// For each real glyph, the run's character (index in the run) whose cluster it draws.
    owners: Vec<usize>,
}

/// How many padding glyphs at the start of `glyphs` spell `text` from its start.
fn padding_len(text: &[char], glyphs: &[FlatGlyph]) -> usize {
    glyphs
        .iter()
        .zip(text)
        .take_while(|(g, c)| g.padding && g.chr == **c)
        .count()
}

/// Gives each character of a right-to-left run `text` a box from its real glyphs `glyphs`
/// (visual order: the last cluster first). Each glyph carries its cluster's first character;
/// a cluster's width is shared by its characters (marks take none). Returns false, pushing
/// nothing, when the glyphs do not spell the run right to left. Gives, for each glyph, the
/// character whose cluster it draws.
fn assign(text: &[char], glyphs: &[FlatGlyph], boxes: &mut Vec<CharBox>) -> Option<Vec<usize>> {
    // Clusters in logical order: (first char, extent).
    let mut clusters: Vec<(usize, usize, f32, f32)> = Vec::new();
    let mut owners = vec![0; glyphs.len()];
    let mut next = 0;
    for (index, glyph) in glyphs.iter().enumerate().rev() {
        if let Some(last) = clusters.last_mut()
            && text[last.0] == glyph.chr
            && glyph.x1 <= glyph.x0
        {
            // A mark drawn in its letter's cluster.
            last.2 = last.2.min(glyph.x0);
            last.3 = last.3.max(glyph.x1);
            owners[index] = last.0;
            continue;
        }
        let start = (next..text.len()).find(|&j| text[j] == glyph.chr)?;
        if start > next + 2 || (clusters.is_empty() && start != 0) {
            return None;
        }
        clusters.push((start, glyph.row, glyph.x0, glyph.x1));
        owners[index] = start;
        next = start + 1;
    }
    if clusters.is_empty() || text.len() - clusters[clusters.len() - 1].0 > 3 {
        return None;
    }
    for (k, &(start, row, x0, x1)) in clusters.iter().enumerate() {
        let end = clusters.get(k + 1).map_or(text.len(), |c| c.0);
        let members: Vec<usize> = (start..end).collect();
        let letters = members
            .iter()
            .filter(|&&j| !unicode_normalization::char::is_combining_mark(text[j]))
            .count()
            .max(1);
        let share = (x1 - x0) / letters as f32;
        // Right to left: the cluster's first letter takes its right part.
        let mut right = x1;
        for j in members {
            let mark = j != start && unicode_normalization::char::is_combining_mark(text[j]);
            let left = if mark { right } else { right - share };
            boxes.push(CharBox {
                row,
                x0: left,
                x1: right,
                rtl: true,
                mark: unicode_normalization::char::is_combining_mark(text[j]),
            });
            right = left;
        }
    }
    Some(owners)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A context with DejaVu Sans (Hebrew and Arabic) as the proportional family's fallback,
    /// as the system font provider adds it in the app.
    pub(in crate::ui) fn context() -> egui::Context {
        let ctx = egui::Context::default();
        let font = std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
            .expect("DejaVu Sans (fonts-dejavu-core)");
        ctx.add_font(egui::epaint::text::FontInsert::new(
            "dejavu",
            egui::FontData::from_owned(font),
            vec![egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        ));
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx
    }

    fn lay_out(ctx: &egui::Context, text: &str, width: f32) -> std::sync::Arc<Galley> {
        ctx.fonts_mut(|f| {
            f.layout(
                text.to_owned(),
                egui::FontId::proportional(16.0),
                egui::Color32::WHITE,
                width,
            )
        })
    }

    /// The character a click in the middle of character `index`'s box lands before.
    fn click_on(boxes: &CharBoxes, index: usize, right_half: bool) -> usize {
        let b = boxes.boxes[index];
        let x = if right_half { b.x1 - 0.5 } else { b.x0 + 0.5 };
        let (top, bottom) = boxes.rows[b.row];
        boxes.cursor_at(egui::vec2(x, (top + bottom) / 2.0))
    }

    #[test]
    fn every_character_has_a_box_in_every_script() {
        let ctx = context();
        for text in [
            "Its Hebrew title is מגדלור הנמל, and the first teaser ends.",
            "The Arabic dub, فنار الميناء, airs on a Gulf channel",
            "שלום 42 עולם",
            "plain text\nwith a line break",
            // A lam-alef ligature, Hebrew and Arabic vowel marks.
            "x لا شكرا y",
            "x שָׁלוֹם y",
            "x مَرحبا y",
        ] {
            let galley = lay_out(&ctx, text, 2000.0);
            let boxes = CharBoxes::new(&galley);
            assert_eq!(boxes.len(), text.chars().count(), "{text}");
            // Each right-to-left letter is drawn inside its word, right to left.
            for (i, c) in text.chars().enumerate() {
                if c == '\n' {
                    continue;
                }
                // (A Latin ligature such as "fi" draws two letters with one glyph.)
                let b = boxes.boxes[i];
                let mark = unicode_normalization::char::is_combining_mark(c);
                assert!(
                    b.x1 > b.x0 || !is_rtl(c) || mark,
                    "{c:?} of {text} has a width"
                );
                assert_eq!(b.rtl, is_rtl(c));
            }
        }
    }

    #[test]
    fn a_click_on_a_hebrew_letter_is_that_letter() {
        let ctx = context();
        let text = "title is מגדלור הנמל, and";
        let galley = lay_out(&ctx, text, 2000.0);
        let boxes = CharBoxes::new(&galley);
        let word = text.find("הנמל").expect("word");
        let first = text[..word].chars().count();
        // The word's first letter (ה) is drawn rightmost: its right half is before it, its
        // left half after it.
        assert_eq!(click_on(&boxes, first, true), first);
        assert_eq!(click_on(&boxes, first, false), first + 1);
        let last = first + 3;
        assert!(boxes.boxes[last].x1 <= boxes.boxes[first].x0, "ל left of ה");
        assert_eq!(click_on(&boxes, last, false), last + 1);
        // The whole word is one rectangle, as wide as its letters, and a click in its
        // middle is inside the word.
        let rects: Vec<Rect> = boxes
            .row_rects(first..first + 4)
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(rects.len(), 1);
        let letters: f32 = (first..first + 4)
            .map(|i| boxes.boxes[i].x1 - boxes.boxes[i].x0)
            .sum();
        assert!((rects[0].width() - letters).abs() < 0.5);
        let middle = boxes.cursor_at(rects[0].center().to_vec2());
        assert!((first + 1..first + 4).contains(&middle), "{middle}");
    }

    #[test]
    fn latin_text_reads_as_egui_reads_it() {
        let ctx = context();
        let text = "Fans online still wonder if the original series could get a second season.";
        let galley = lay_out(&ctx, text, 200.0);
        assert!(galley.rows.len() > 1);
        let boxes = CharBoxes::new(&galley);
        for x in [3.0, 40.0, 120.0] {
            for row in &galley.rows {
                let pos = egui::vec2(x, row.rect().center().y);
                assert_eq!(boxes.cursor_at(pos), galley.cursor_from_pos(pos).index.0);
            }
        }
    }
}
