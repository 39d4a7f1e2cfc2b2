//! A name for a new show, made for an article that names none of the fan's shows.
//!
//! Articles set a show's title in italics (*It's Okay To Not Be Okay*), so the first italic
//! phrase near the top that reads like a title is taken; an article without one gives its own
//! title, which the fan renames in the Show section.

use super::{Article, Document};

/// How many blocks from the top are searched for a title in italics.
const BLOCKS_SEARCHED: usize = 8;
/// The most words a title in italics may have (a longer italic run is a quote or a sentence).
const MAX_TITLE_WORDS: usize = 8;

/// The name to give a new show for `article` (parsed as `document`): the first italic phrase
/// of its opening blocks that reads like a title (see [`looks_like_title`]), else the
/// article's title.
pub fn guess_show_title(article: &Article, document: &Document) -> String {
    document
        .blocks
        .iter()
        .take(BLOCKS_SEARCHED)
        .flat_map(|block| {
            block
                .spans
                .iter()
                .filter(|s| s.style.emphasis && s.style.link.is_none())
                .filter_map(|s| block.text.get(s.range.clone()))
        })
        .map(str::trim)
        .find(|text| looks_like_title(text))
        .map_or_else(|| article.title.trim().to_owned(), str::to_owned)
}

/// Whether an italic phrase reads like a title: two to 60 characters, at most
/// [`MAX_TITLE_WORDS`] words, not a sentence (no closing full stop), and either in a script
/// without capitals (Hangul) or with most of its words capitalised.
fn looks_like_title(text: &str) -> bool {
    let chars = text.chars().count();
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=60).contains(&chars) || words.len() > MAX_TITLE_WORDS || text.ends_with(['.', '!']) {
        return false;
    }
    let first_letters: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .collect();
    if first_letters.is_empty() {
        return false;
    }
    let cased = first_letters
        .iter()
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .count();
    if cased == 0 {
        return true;
    }
    let capitals = first_letters.iter().filter(|c| c.is_uppercase()).count();
    first_letters[0].is_uppercase() && capitals * 2 >= cased
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleFormat;

    fn article(title: &str, body: &str) -> (Article, Document) {
        let article = Article {
            title: title.into(),
            as_of: None,
            format: ArticleFormat::Markdown,
            body: body.into(),
            source_path: None,
            source_url: None,
        };
        let document = article.document();
        (article, document)
    }

    #[test]
    fn the_first_title_in_italics_names_the_show() {
        let (a, d) = article(
            "Is a second half coming?",
            "Viewers of *Harbor Lights* still wait. *This is not news.*\n\nMore on *Paper Moon*.",
        );
        assert_eq!(guess_show_title(&a, &d), "Harbor Lights");
        let (a, d) = article("소식", "팬들은 *항구의 불빛* 을 기다린다.");
        assert_eq!(guess_show_title(&a, &d), "항구의 불빛");
    }

    #[test]
    fn emphasis_that_is_not_a_title_is_passed_over_and_the_article_title_is_the_fallback() {
        let (a, d) = article(
            "Four years on",
            "It was *really* long. *That visit is where the story stops, not where it ends.*",
        );
        assert_eq!(guess_show_title(&a, &d), "Four years on");
        let (a, d) = article("Plain", "No emphasis at all.");
        assert_eq!(guess_show_title(&a, &d), "Plain");
    }
}
