//! The built-in show: *It's Okay To Not Be Okay*, with one article on whether it gets a second
//! season and its four open threads anchored to the passages that raise them.

use super::{
    Anchor, ArticleEntry, ArticleFormat, ArticleId, Origin, Show, ShowId, ShowStatus, Thread,
    ThreadId, import,
};

/// The built-in show's title.
pub const DEFAULT_SHOW_TITLE: &str = "It's Okay To Not Be Okay";
/// The built-in show's title in Korean.
pub const DEFAULT_SHOW_ORIGINAL_TITLE: &str = "사이코지만 괜찮아";

/// The default article's Markdown source, embedded in the binary.
pub const DEFAULT_ARTICLE_MARKDOWN: &str = include_str!("../../assets/default-article.md");

/// The default checklist: thread titles and the passage each points at.
const DEFAULT_THREADS: [(&str, &str); 4] = [
    (
        "Renewal: will a second season be confirmed at all?",
        "As of 17 March 2022 no one behind the show has confirmed a second season",
    ),
    (
        "Could Moon-young and her imprisoned mother rebuild their relationship?",
        "in the last episode Moon-young goes to visit her there",
    ),
    (
        "Would a second season follow Gang-tae and Moon-young into marriage?",
        "Would we follow Gang-tae and Moon-young into a marriage",
    ),
    (
        "Would the original cast come back to their roles?",
        "would the original cast return to play the same roles",
    ),
];

/// Builds the built-in show, taking ids from `next_id` (show, article, then each thread).
pub fn default_show(next_id: &mut dyn FnMut() -> u64) -> Show {
    let article = match import(
        DEFAULT_ARTICLE_MARKDOWN.as_bytes(),
        Origin::File("default-article.md"),
    ) {
        Ok(imported) => imported.article,
        // The asset is checked by a unit test; this arm only keeps the app alive if it breaks.
        Err(error) => {
            log::error!("the embedded default article is invalid: {error}");
            super::Article {
                title: "Fan Tracker".into(),
                as_of: None,
                format: ArticleFormat::Markdown,
                body: DEFAULT_ARTICLE_MARKDOWN.into(),
                source_path: None,
                source_url: None,
            }
        }
    };
    let mut show = Show::new(ShowId(next_id()), DEFAULT_SHOW_TITLE);
    show.original_title = Some(DEFAULT_SHOW_ORIGINAL_TITLE.into());
    show.status = ShowStatus::Ended;
    let entry = ArticleEntry::new(ArticleId(next_id()), article);
    let document = entry.article.document();
    for (title, quote) in DEFAULT_THREADS {
        let block = document
            .blocks
            .iter()
            .position(|b| b.text.contains(quote))
            .unwrap_or(0);
        show.threads.push(Thread::new(
            ThreadId(next_id()),
            title,
            Some(Anchor::new(entry.id, quote, block)),
        ));
    }
    show.articles.push(entry);
    show
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_article_has_title_date_and_every_anchor_resolves() {
        let mut n = 0;
        let show = default_show(&mut || {
            n += 1;
            n
        });
        assert_eq!(show.title, DEFAULT_SHOW_TITLE);
        let article = &show.articles[0].article;
        assert_eq!(
            article.title,
            "Will It's Okay To Not Be Okay come back for a second season?"
        );
        assert_eq!(article.as_of, Some(jiff::civil::date(2022, 3, 17)));
        let document = article.document();
        assert_eq!(show.threads.len(), 4);
        for thread in &show.threads {
            let anchor = &thread.anchors[0];
            let found = anchor.resolve(&document).unwrap();
            assert_eq!(found.block, anchor.block_hint, "{}", thread.title);
        }
    }
}
