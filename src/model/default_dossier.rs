//! The embedded default dossier: an article on whether *It's Okay To Not Be Okay* gets a
//! second season, with its four open threads anchored to the passages that raise them.

use super::{Anchor, ArticleFormat, Dossier, DossierId, Origin, Thread, ThreadId, import};

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

/// Builds the default dossier, taking ids from `next_id`.
pub fn default_dossier(next_id: &mut dyn FnMut() -> u64) -> Dossier {
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
    let mut dossier = Dossier::new(DossierId(next_id()), article);
    let document = dossier.article.document();
    for (title, quote) in DEFAULT_THREADS {
        let block = document
            .blocks
            .iter()
            .position(|b| b.text.contains(quote))
            .unwrap_or(0);
        dossier.threads.push(Thread::new(
            ThreadId(next_id()),
            title,
            Some(Anchor::new(quote, block)),
        ));
    }
    dossier
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_article_has_title_date_and_every_anchor_resolves() {
        let mut n = 0;
        let dossier = default_dossier(&mut || {
            n += 1;
            n
        });
        assert_eq!(
            dossier.article.title,
            "Will It's Okay To Not Be Okay come back for a second season?"
        );
        assert_eq!(dossier.article.as_of, Some(jiff::civil::date(2022, 3, 17)));
        let document = dossier.article.document();
        assert_eq!(dossier.threads.len(), 4);
        for thread in &dossier.threads {
            let anchor = thread.anchor.as_ref().unwrap();
            let found = anchor.resolve(&document).unwrap();
            assert_eq!(found.block, anchor.block_hint, "{}", thread.title);
        }
    }
}
