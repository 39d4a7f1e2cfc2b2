//! Plain text to blocks: paragraphs, tables of tab-separated rows, and the line breaks that
//! carry structure.
//!
//! - Two or more consecutive lines with tabs between their words (as spreadsheets and sites'
//!   tables copy) are a table: one row per line, one cell per tab-separated field, the first
//!   row a header when it holds no numbers, numeric columns right-aligned.
//! - With blank lines in the text, paragraphs are separated by them and their lines joined
//!   with spaces (text wrapped by hand), except before a line that carries structure (a list
//!   item `- `, `* `, `• `, `1. `, `1) `; a `Label: value` line; a line with a tab) and after
//!   a `Label: value` or tabbed line: those breaks are kept as line breaks.
//! - Without blank lines every non-empty line is a paragraph.
//! - Tabs left in a paragraph (a lone tabbed line) read as a space. Bare web addresses are
//!   links ([`super::autolink`]).
//! - HTML leftovers of a copied web page (well-formed known tags, `&amp;`) are removed first
//!   ([`super::raw_html::strip_leftovers`]): a block tag breaks the paragraph.

use super::{Block, BlockKind, CellAlign, Document, Span, SpanStyle, TableRow, autolink};

/// The longest label of a `Label: value` line, in characters.
const MAX_LABEL_CHARS: usize = 32;
/// The most words in the label of a `Label: value` line.
const MAX_LABEL_WORDS: usize = 4;

/// Parses plain text (see the module docs).
pub(super) fn parse(source: &str) -> Document {
    let source = super::raw_html::strip_leftovers(source);
    let lines: Vec<&str> = source.lines().collect();
    let non_empty = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let by_blank_lines = non_empty > 1 && lines.iter().any(|l| l.trim().is_empty());
    let mut blocks = Vec::new();
    let mut tables = 0;
    let mut paragraph: Vec<&str> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if let Some((rows, cells)) = table_at(&lines[index..]) {
            push_paragraph(&mut blocks, &mut paragraph);
            blocks.extend(table(cells, tables));
            tables += 1;
            index += rows;
            continue;
        }
        let line = lines[index];
        index += 1;
        if line.trim().is_empty() {
            push_paragraph(&mut blocks, &mut paragraph);
            continue;
        }
        paragraph.push(line);
        if !by_blank_lines {
            push_paragraph(&mut blocks, &mut paragraph);
        }
    }
    push_paragraph(&mut blocks, &mut paragraph);
    Document { blocks }
}

/// Ends the paragraph of `lines` (if any) as a block.
fn push_paragraph(blocks: &mut Vec<Block>, lines: &mut Vec<&str>) {
    let mut text = String::new();
    let mut previous: Option<&str> = None;
    for line in lines.drain(..) {
        let trimmed = line.trim();
        if let Some(before) = previous {
            let kept = is_structured(trimmed) || is_label_line(before) || before.contains('\t');
            text.push(if kept { '\n' } else { ' ' });
        }
        text.push_str(&tabs_as_spaces(trimmed));
        previous = Some(trimmed);
    }
    if !text.is_empty() {
        let mut block = Block::paragraph(text);
        autolink::apply(&mut block);
        blocks.push(block);
    }
}

/// A run of tabs (with the spaces around it) as one space.
fn tabs_as_spaces(line: &str) -> String {
    if !line.contains('\t') {
        return line.to_owned();
    }
    line.split('\t')
        .map(str::trim)
        .filter(|field| !field.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest cell of a table whose columns are lined up with spaces, in characters:
/// longer runs of words are prose with double spaces between sentences.
const MAX_SPACED_CELL_CHARS: usize = 40;

/// The table starting at `lines[0]`, if one does: how many lines it takes and each row's
/// cells. Either tab-separated rows (two or more [`is_row`] lines, then any line with a tab)
/// or columns lined up with runs of two or more spaces (two or more lines cut into the same
/// number of short cells).
pub(super) fn table_at<'a>(lines: &[&'a str]) -> Option<(usize, Vec<Vec<&'a str>>)> {
    let cells = |line: &'a str| line.trim_end().split('\t').map(str::trim).collect();
    if lines.len() >= 2 && is_row(lines[0]) && is_row(lines[1]) {
        let rows = 2 + lines[2..]
            .iter()
            .take_while(|l| l.contains('\t') && !l.trim().is_empty())
            .count();
        return Some((rows, lines[..rows].iter().map(|l| cells(l)).collect()));
    }
    let first = spaced_cells(lines.first()?)?;
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map_while(|l| spaced_cells(l).filter(|c| c.len() == first.len()))
        .collect();
    (rows.len() >= 2).then_some((rows.len(), rows))
}

/// A line cut at runs of two or more spaces into at least two short cells, none but the last
/// ending like a sentence.
fn spaced_cells(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut rest = line;
    while let Some(gap) = rest.find("  ") {
        let at = start + gap;
        cells.push(line[start..at].trim());
        let after = line[at..].trim_start_matches(' ');
        start = line.len() - after.len();
        rest = after;
    }
    cells.push(line[start..].trim());
    let short = cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().count() <= MAX_SPACED_CELL_CHARS);
    // Two spaces after the end of a sentence is how some people type prose.
    let sentences = cells[..cells.len() - 1]
        .iter()
        .any(|c| c.ends_with(['.', '!', '?', ',', ';']));
    (cells.len() >= 2 && short && !sentences && !line.contains('\t')).then_some(cells)
}

/// Markdown with its tab-separated rows (two or more, outside code, not indented) written as
/// GitHub pipe tables, so a table pasted into Markdown is drawn as a table too. Borrowed when
/// there are none.
pub(super) fn tab_rows_as_pipe_tables(source: &str) -> std::borrow::Cow<'_, str> {
    if !source.contains('\t') {
        return std::borrow::Cow::Borrowed(source);
    }
    let lines: Vec<&str> = source.split('\n').collect();
    // Not indented (code), not inside a quote, a list item, a pipe table or a heading.
    let row = |l: &str| is_row(l) && !l.starts_with([' ', '\t', '>', '|', '#', '-', '*', '+']);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut fence: Option<&str> = None;
    let mut index = 0;
    let mut changed = false;
    while index < lines.len() {
        let line = lines[index];
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else {
            let rows = lines[index..].iter().take_while(|l| row(l)).count();
            if rows >= 2 {
                out.push(String::new());
                out.extend(pipe_table(&lines[index..index + rows]));
                out.push(String::new());
                index += rows;
                changed = true;
                continue;
            }
        }
        out.push(line.to_owned());
        index += 1;
    }
    if changed {
        std::borrow::Cow::Owned(out.join("\n"))
    } else {
        std::borrow::Cow::Borrowed(source)
    }
}

/// Tab-separated `rows` as the lines of a pipe table, the first row its header.
fn pipe_table(rows: &[&str]) -> Vec<String> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.trim_end()
                .split('\t')
                .map(|c| c.trim().replace('|', "\\|"))
                .collect()
        })
        .collect();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let line = |row: &[String]| {
        let mut padded: Vec<&str> = row.iter().map(String::as_str).collect();
        padded.resize(columns, "");
        format!("| {} |", padded.join(" | "))
    };
    let mut out = vec![line(&cells[0]), format!("|{}", " --- |".repeat(columns))];
    out.extend(cells[1..].iter().map(|r| line(r)));
    out
}

/// A table row: a line whose tabs separate at least two fields with text.
fn is_row(line: &str) -> bool {
    line.contains('\t') && line.split('\t').filter(|f| !f.trim().is_empty()).count() >= 2
}

/// A line whose break before it is kept: a list item, a `Label: value` line, a tabbed line.
fn is_structured(line: &str) -> bool {
    is_list_item(line) || is_label_line(line) || line.contains('\t')
}

/// `- item`, `* item`, `• item`, `· item`, `1. item`, `1) item`.
fn is_list_item(line: &str) -> bool {
    if ["- ", "* ", "• ", "· ", "– "]
        .iter()
        .any(|m| line.starts_with(m))
    {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// `Network: tvN`, `Episodes: 16`, `방송사: tvN`: a short label that does not start in lower
/// case, a colon and a space, then a value.
fn is_label_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    let label = label.trim();
    !label.is_empty()
        && !value.trim().is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && !label.starts_with(char::is_lowercase)
        && !label.ends_with(['.', '!', '?', ','])
        && !label.contains("://")
}

/// A cell that holds a number (`16`, `4.1%`, `1.2m`, `-3`, `1,024`, `₩5,000`).
fn is_numeric(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    digits > 0 && letters <= 2 && digits >= letters
}

/// The rows of one table, the `index`-th of the document, from each row's cells.
fn table(rows: Vec<Vec<&str>>, index: usize) -> Vec<Block> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let header = !rows[0].iter().any(|c| is_numeric(c));
    let body = &rows[usize::from(header)..];
    let align: Vec<CellAlign> = (0..columns)
        .map(|column| {
            let cells: Vec<&str> = body
                .iter()
                .filter_map(|r| r.get(column).copied())
                .filter(|c| !c.is_empty())
                .collect();
            if !cells.is_empty() && cells.iter().all(|c| is_numeric(c)) {
                CellAlign::Right
            } else {
                CellAlign::Left
            }
        })
        .collect();
    let mut column_chars = vec![1_u32; columns];
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            let chars = u32::try_from(cell.chars().count()).unwrap_or(u32::MAX);
            column_chars[column] = column_chars[column].max(chars);
        }
    }
    rows.iter()
        .enumerate()
        .map(|(number, row)| {
            let mut text = String::new();
            let mut cells = Vec::with_capacity(columns);
            for column in 0..columns {
                if column > 0 {
                    text.push('\t');
                }
                let start = text.len();
                text.push_str(row.get(column).copied().unwrap_or(""));
                cells.push(start..text.len());
            }
            let header = header && number == 0;
            let mut block = Block {
                kind: BlockKind::TableRow,
                spans: vec![Span {
                    range: 0..text.len(),
                    style: SpanStyle {
                        strong: header,
                        ..SpanStyle::default()
                    },
                }],
                text,
                list_depth: 0,
                quote_depth: 0,
                marker: None,
                table: Some(TableRow {
                    table: index,
                    header,
                    cells,
                    column_chars: column_chars.clone(),
                    align: align.clone(),
                }),
            };
            autolink::apply(&mut block);
            block
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn tab_separated_rows_are_a_table() {
        let doc = parse("Show\tNetwork\tEpisodes\nHarbor Lights\ttvN\t16\nPaper Moon\tJTBC\t12\n");
        assert_eq!(doc.blocks.len(), 3);
        let rows: Vec<&TableRow> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
        assert!(rows[0].header && !rows[1].header);
        assert_eq!(rows[1].column_chars, [13, 7, 8]);
        assert_eq!(
            rows[1].align,
            [CellAlign::Left, CellAlign::Left, CellAlign::Right]
        );
        let cell = |b: usize, c: usize| &doc.blocks[b].text[rows[b].cells[c].clone()];
        assert_eq!(
            (cell(1, 0), cell(1, 1), cell(2, 2)),
            ("Harbor Lights", "tvN", "12")
        );
    }

    #[test]
    fn a_row_without_a_header_and_short_rows_are_padded() {
        let doc = parse("1\t4.1%\t1.2m\n2\t5.0%\n");
        let rows: Vec<&TableRow> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
        assert!(!rows[0].header);
        assert_eq!(rows[1].cells.len(), 3);
        assert_eq!(doc.blocks[1].text, "2\t5.0%\t");
    }

    #[test]
    fn structured_line_breaks_are_kept_and_wrapped_prose_is_joined() {
        let doc = parse(
            "Network: tvN\nEpisodes: 16\n\nThe finale left\nthree questions:\n- the letter\n- the lamp\n\n1. One\n2) Two",
        );
        assert_eq!(
            texts(&doc),
            [
                "Network: tvN\nEpisodes: 16",
                "The finale left three questions:\n- the letter\n- the lamp",
                "1. One\n2) Two"
            ]
        );
    }

    #[test]
    fn a_table_goes_on_over_rows_with_one_field_and_space_aligned_columns_are_one_too() {
        let doc = parse("Ep\tNote\n1\tpilot\n2\t\n\nAfter.");
        assert_eq!(doc.blocks.iter().filter(|b| b.table.is_some()).count(), 3);
        let doc = parse(
            "Show           Network   Episodes\nHarbor Lights  tvN       16\nPaper Moon     JTBC      12\n\nIt ended.  Nobody knows more.\nThe rest is prose.  Really.",
        );
        let rows: Vec<&TableRow> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&doc.blocks[1].text[rows[1].cells[2].clone()], "16");
        assert_eq!(
            doc.blocks[3].text,
            "It ended.  Nobody knows more. The rest is prose.  Really."
        );
    }

    #[test]
    fn tab_rows_in_markdown_become_a_pipe_table_outside_code() {
        let source = "Intro line.\nEp\tRating\n1\t4.1%|x\n\n```\na\tb\nc\td\n```\n";
        assert_eq!(
            tab_rows_as_pipe_tables(source),
            "Intro line.\n\n| Ep | Rating |\n| --- | --- |\n| 1 | 4.1%\\|x |\n\n\n```\na\tb\nc\td\n```\n"
        );
        let doc = Document::from_markdown(source);
        let rows: Vec<&Block> = doc.blocks.iter().filter(|b| b.table.is_some()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].text, "1\t4.1%|x");
        assert_eq!(tab_rows_as_pipe_tables("no tabs"), "no tabs");
    }

    #[test]
    fn a_lone_tabbed_line_is_prose() {
        let doc = parse("Title\n\nThe network\thas not said\t whether.");
        assert_eq!(texts(&doc), ["Title", "The network has not said whether."]);
        assert!(doc.blocks.iter().all(|b| b.table.is_none()));
    }

    #[test]
    fn labels_are_short_and_do_not_start_in_lower_case() {
        assert!(is_label_line("Status: renewed"));
        assert!(is_label_line("방송사: tvN"));
        assert!(!is_label_line("as the director put it: it is over"));
        assert!(!is_label_line("See https://example.org: it is there"));
        assert!(!is_label_line(
            "The one thing every fan of the show wants to know: when"
        ));
    }
}
