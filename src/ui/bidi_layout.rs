//! Lines that mix left-to-right and right-to-left text, drawn in the order the Unicode
//! Bidirectional Algorithm gives (UAX #9, through the `unicode-bidi` crate).
//!
//! egui 0.37 shapes each right-to-left word right to left but leaves the words themselves in
//! the text's order, left to right, so `מגדלור הנמל` reads backwards to a Hebrew reader and
//! a drag across both words cannot select them (egui issue #8576). [`reorder`] moves each
//! character's glyphs (and the backgrounds and lines drawn under them) to where UAX #9 puts
//! them on its row, and returns the [`CharBoxes`] of the galley as drawn, so selection,
//! highlights and the text drawn agree.

use std::ops::Range;
use std::sync::Arc;

use egui::epaint::{Mesh, Vertex};
use egui::{Color32, Galley, Rect, pos2};
use unicode_bidi::BidiInfo;

use super::char_boxes::{CharBox, CharBoxes, is_rtl};

/// `galley` with its rows drawn in bidirectional order, and where each character of it now
/// is; unchanged when its text has no right-to-left character.
pub(super) fn reorder(galley: Arc<Galley>) -> (Arc<Galley>, CharBoxes) {
    let boxes = CharBoxes::new(&galley);
    let text = galley.job.text.as_str();
    if !text.chars().any(is_rtl) || boxes.len() != text.chars().count() {
        return (galley, boxes);
    }
    let bidi = BidiInfo::new(text, None);
    let char_bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let mut moved = boxes.boxes.clone();
    let mut changed = false;
    for row in 0..galley.rows.len() {
        let on_row: Vec<usize> = (0..boxes.len())
            .filter(|&i| boxes.boxes[i].row == row && !text[char_bytes[i]..].starts_with('\n'))
            .collect();
        let (Some(&first), Some(&last)) = (on_row.first(), on_row.last()) else {
            continue;
        };
        if on_row.len() != last - first + 1 {
            // Not one run of the text: leave the row as egui drew it.
            continue;
        }
        let start = char_bytes[first];
        let end = char_bytes.get(last + 1).copied().unwrap_or(text.len());
        let Some(paragraph) = bidi
            .paragraphs
            .iter()
            .find(|p| p.range.start <= start && start < p.range.end)
        else {
            continue;
        };
        let line = start..end.min(paragraph.range.end);
        let (levels, runs) = bidi.visual_runs(paragraph, line);
        let mut x = on_row
            .iter()
            .map(|&i| boxes.boxes[i].x0)
            .fold(f32::INFINITY, f32::min);
        for run in runs {
            let chars = char_range(&char_bytes, &run);
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            // What egui drew in one piece (a word, shaped as a whole) moves as one piece, so
            // the letters keep their places relative to each other.
            let mut pieces = drawn_pieces(&boxes.boxes, chars, rtl);
            if rtl {
                pieces.reverse();
            }
            for piece in pieces {
                let left = piece
                    .iter()
                    .map(|&i| boxes.boxes[i].x0)
                    .fold(f32::INFINITY, f32::min);
                let right = piece
                    .iter()
                    .map(|&i| boxes.boxes[i].x1)
                    .fold(f32::NEG_INFINITY, f32::max);
                let dx = x - left;
                changed |= dx.abs() > 0.01;
                for i in piece {
                    let old = boxes.boxes[i];
                    moved[i] = CharBox {
                        row,
                        x0: old.x0 + dx,
                        x1: old.x1 + dx,
                        rtl,
                        ..old
                    };
                }
                x += right - left;
            }
        }
    }
    if !changed {
        return (galley, boxes);
    }
    let drawn = move_glyphs(&galley, &boxes, &moved, &char_bytes);
    let boxes = CharBoxes {
        boxes: moved,
        ..boxes
    };
    (Arc::new(drawn), boxes)
}

/// The characters `chars` (logical order) cut where egui's drawing of them breaks: a new piece
/// starts where a character is not drawn right next to the one before it (to its right in a
/// left-to-right run, to its left in a right-to-left one).
fn drawn_pieces(boxes: &[CharBox], chars: Range<usize>, rtl: bool) -> Vec<Vec<usize>> {
    const TOUCH: f32 = 1.0;
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    for i in chars {
        let b = boxes[i];
        let joins = pieces.last().and_then(|p| p.last()).is_some_and(|&prev| {
            let a = boxes[prev];
            if rtl {
                (b.x1 - a.x0).abs() <= TOUCH
            } else {
                (b.x0 - a.x1).abs() <= TOUCH
            }
        });
        match pieces.last_mut() {
            Some(piece) if joins || b.mark => piece.push(i),
            _ => pieces.push(vec![i]),
        }
    }
    pieces
}

/// The characters (indices) whose first bytes are in `bytes`.
fn char_range(char_bytes: &[usize], bytes: &Range<usize>) -> Range<usize> {
    let from = char_bytes.partition_point(|&b| b < bytes.start);
    let to = char_bytes.partition_point(|&b| b < bytes.end);
    from..to
}

/// A copy of `galley` whose glyphs moved from the `old` boxes of their characters to the
/// `new` ones; backgrounds, underlines and strike-throughs of moved rows drawn again under the
/// characters where they now are.
fn move_glyphs(galley: &Galley, old: &CharBoxes, new: &[CharBox], char_bytes: &[usize]) -> Galley {
    let mut out = galley.clone();
    let job = &galley.job;
    let mut flat = 0;
    for (row_index, placed) in out.rows.iter_mut().enumerate() {
        let glyphs = placed.row.glyphs.len();
        let chars_of: Vec<Option<usize>> = old.glyph_chars[flat..flat + glyphs].to_vec();
        flat += glyphs;
        let moves = chars_of
            .iter()
            .any(|c| c.is_some_and(|c| (new[c].x0 - old.boxes[c].x0).abs() > 0.01));
        if !moves {
            continue;
        }
        let row_x = placed.pos.x;
        let row = Arc::make_mut(&mut placed.row);
        let source = row.visuals.mesh.clone();
        let mut mesh = Mesh::with_texture(source.texture_id);
        // Backgrounds and lines under each character where it now is.
        let on_row: Vec<usize> = (0..new.len())
            .filter(|&i| new[i].row == row_index)
            .collect();
        let section_of = |i: usize| {
            job.sections
                .iter()
                .position(|s| (s.byte_range.start.0..s.byte_range.end.0).contains(&char_bytes[i]))
        };
        let extent_of = |i: usize| -> Option<(usize, f32, f32)> {
            let b = new[i];
            (b.x1 > b.x0).then(|| (section_of(i).unwrap_or(0), b.x0 - row_x, b.x1 - row_x))
        };
        // The height of each character's line box, from a glyph of its cluster.
        let line_box = |i: usize| {
            chars_of
                .iter()
                .position(|c| *c == Some(i))
                .map(|g| row.glyphs[g].logical_rect())
        };
        let parts: Vec<(usize, usize, f32, f32)> = on_row
            .iter()
            .filter_map(|&i| extent_of(i).map(|(s, x0, x1)| (i, s, x0, x1)))
            .collect();
        let fallback = row
            .glyphs
            .first()
            .map(egui::epaint::text::Glyph::logical_rect);
        for &(char_index, section, x0, x1) in &parts {
            let format = &job.sections[section].format;
            let Some(rect) = line_box(char_index).or(fallback) else {
                continue;
            };
            if format.background != Color32::TRANSPARENT {
                let area = Rect::from_min_max(pos2(x0, rect.top()), pos2(x1, rect.bottom()))
                    .expand(format.expand_bg);
                mesh.add_colored_rect(area, format.background);
            }
            for (stroke, y) in [
                (format.underline, rect.bottom()),
                (format.strikethrough, rect.center().y),
            ] {
                if stroke.width > 0.0 {
                    let line = Rect::from_min_max(
                        pos2(x0, y - stroke.width / 2.0),
                        pos2(x1, y + stroke.width / 2.0),
                    );
                    mesh.add_colored_rect(line, stroke.color);
                }
            }
        }
        // Each glyph by how far its character moved, in whole pixels (as egui placed it).
        let pixels = galley.pixels_per_point.max(f32::EPSILON);
        let start = mesh.vertices.len() as u32;
        let index_start = mesh.indices.len();
        for (glyph, char_index) in row.glyphs.iter_mut().zip(&chars_of) {
            let dx = char_index.map_or(0.0, |c| {
                ((new[c].x0 - old.boxes[c].x0) * pixels).round() / pixels
            });
            glyph.pos.x += dx;
            if glyph.uv_rect.is_nothing() {
                glyph.first_vertex = mesh.vertices.len() as u32;
                continue;
            }
            let from = glyph.first_vertex as usize;
            let Some(quad) = source.vertices.get(from..from + 4) else {
                continue;
            };
            glyph.first_vertex = mesh.vertices.len() as u32;
            let idx = mesh.vertices.len() as u32;
            mesh.indices
                .extend_from_slice(&[idx, idx + 1, idx + 2, idx + 2, idx + 1, idx + 3]);
            mesh.vertices.extend(quad.iter().map(|v| Vertex {
                pos: pos2(v.pos.x + dx, v.pos.y),
                ..*v
            }));
        }
        let end = mesh.vertices.len() as u32;
        row.visuals.glyph_index_start = index_start;
        row.visuals.glyph_vertex_range = start as usize..end as usize;
        row.visuals.mesh_bounds = mesh.calc_bounds();
        row.visuals.mesh = mesh;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::char_boxes::tests::context;
    use super::*;

    /// The characters of `text` in the order they are drawn, left to right.
    fn drawn_order(text: &str) -> String {
        let ctx = context();
        let galley = ctx.fonts_mut(|f| {
            f.layout(
                text.to_owned(),
                egui::FontId::proportional(16.0),
                egui::Color32::WHITE,
                2000.0,
            )
        });
        let (_, boxes) = reorder(galley);
        let mut chars: Vec<(f32, char)> = boxes
            .boxes
            .iter()
            .zip(text.chars())
            .map(|(b, c)| (b.x0, c))
            .collect();
        chars.sort_by(|a, b| a.0.total_cmp(&b.0));
        chars.into_iter().map(|(_, c)| c).collect()
    }

    #[test]
    fn hebrew_words_are_drawn_right_to_left_in_an_english_line() {
        // Drawn left to right: the second Hebrew word first, each word's letters reversed.
        assert_eq!(
            drawn_order("title is מגדלור הנמל, and"),
            "title is למנה רולדגמ, and"
        );
        // Numbers inside right-to-left text stay left to right.
        assert_eq!(drawn_order("שלום 42 עולם"), "םלוע 42 םולש");
        assert_eq!(drawn_order("plain text only"), "plain text only");
    }

    proptest::proptest! {
        /// In any line of English, Hebrew, Arabic and numbers, as drawn: a click on the half
        /// of a character where it starts (its left half left to right, its right half right
        /// to left) is before it, on the other half after it; any range of characters is
        /// painted as exactly their boxes.
        #[test]
        fn a_click_on_any_character_of_a_mixed_line_is_that_character(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "harbor", "מגדלור", "הנמל,", "فنار", "الميناء", "42", "season?", "השנייה?",
                    "لا", "שָׁלוֹם", "مَرحبا", "e\u{301}t\u{e9}",
                ]),
                1..8,
            ),
            a in proptest::prelude::any::<proptest::sample::Index>(),
            b in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let text = words.join(" ");
            let ctx = context();
            let galley = ctx.fonts_mut(|f| {
                f.layout(
                    text.clone(),
                    egui::FontId::proportional(16.0),
                    egui::Color32::WHITE,
                    2000.0,
                )
            });
            let (_, boxes) = reorder(galley);
            proptest::prop_assert_eq!(boxes.len(), text.chars().count());
            let chars: Vec<char> = text.chars().collect();
            for (i, b) in boxes.boxes.iter().enumerate() {
                if b.x1 - b.x0 < 2.0 {
                    continue;
                }
                // After a letter come the marks drawn on it.
                let mut after = i + 1;
                while after < chars.len()
                    && boxes.boxes[after].x1 <= boxes.boxes[after].x0
                    && unicode_normalization::char::is_combining_mark(chars[after])
                {
                    after += 1;
                }
                let (top, bottom) = boxes.rows[b.row];
                let y = (top + bottom) / 2.0;
                let (start, end) = if b.rtl { (b.x1 - 0.5, b.x0 + 0.5) } else { (b.x0 + 0.5, b.x1 - 0.5) };
                proptest::prop_assert_eq!(boxes.cursor_at(egui::vec2(start, y)), i);
                proptest::prop_assert_eq!(boxes.cursor_at(egui::vec2(end, y)), after);
            }
            let n = boxes.len();
            let (from, to) = (a.index(n + 1).min(b.index(n + 1)), a.index(n + 1).max(b.index(n + 1)));
            // Every selected box is painted, and every painted edge is a selected box's edge.
            let painted = boxes.row_rects(from..to);
            let selected = &boxes.boxes[from..to];
            for b in selected.iter().filter(|b| b.x1 > b.x0) {
                let covered = painted
                    .iter()
                    .any(|(row, r)| *row == b.row && r.min.x <= b.x0 && b.x1 <= r.max.x);
                proptest::prop_assert!(covered, "{b:?} in {painted:?}");
            }
            for (_, r) in &painted {
                proptest::prop_assert!(selected.iter().any(|b| (b.x0 - r.min.x).abs() < 0.01));
                proptest::prop_assert!(selected.iter().any(|b| (b.x1 - r.max.x).abs() < 0.01));
            }
        }
    }
}
