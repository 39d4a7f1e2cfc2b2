//! The open article, parsed once by the model (on a job, [`super::Effect::Parse`]) and
//! shared: the window lays it out, the suggester reads it, and adding suggestions resolves
//! passages in it, without parsing the article again.

use std::sync::Arc;

use crate::model::{ArticleEntry, ArticleId, Document};

/// The last article parsed, with the body it was parsed from.
struct Parsed {
    article: ArticleId,
    body: Arc<str>,
    document: Arc<Document>,
}

/// Keeps the parsed document of the article last asked for (the open one).
#[derive(Default)]
pub struct DocumentCache {
    last: Option<Parsed>,
}

impl DocumentCache {
    /// `entry`'s article, parsed, if the cached document was parsed from the same text (the
    /// same shared body, or an equal one); `None` otherwise (the app then has a job parse it).
    pub fn cached(&mut self, entry: &ArticleEntry) -> Option<Arc<Document>> {
        let body = &entry.article.body;
        let last = self.last.as_mut().filter(|l| l.article == entry.id)?;
        if Arc::ptr_eq(&last.body, body) {
            return Some(last.document.clone());
        }
        if last.body.len() == body.len() && *last.body == **body {
            // The same text in another string (a merged or restored library): share it, so
            // the next look is a pointer comparison.
            last.body = body.clone();
            return Some(last.document.clone());
        }
        None
    }

    /// `entry`'s article, parsed: the cached document (see [`Self::cached`]), else parsed
    /// now with [`crate::model::Article::document`]. It parses on the calling thread: the app
    /// never calls it in a frame (a job parses the open article).
    pub fn get(&mut self, entry: &ArticleEntry) -> Arc<Document> {
        if let Some(document) = self.cached(entry) {
            return document;
        }
        let document = Arc::new(entry.article.document());
        self.adopt(entry.id, entry.article.body.clone(), document.clone());
        document
    }

    /// Keeps `document`, parsed elsewhere (on the loading thread at start) from `body`, the
    /// text of article `article`.
    pub fn adopt(&mut self, article: ArticleId, body: Arc<str>, document: Arc<Document>) {
        self.last = Some(Parsed {
            article,
            body,
            document,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Library;

    #[test]
    fn an_article_is_parsed_once_while_its_text_is_the_same() {
        let library = Library::default();
        let entry = &library.shows[0].articles[0];
        let mut cache = DocumentCache::default();
        assert!(cache.cached(entry).is_none(), "nothing parsed yet");
        let first = cache.get(entry);
        assert!(Arc::ptr_eq(&first, &cache.cached(entry).unwrap()));
        // An equal text in another string is not parsed again.
        let mut copy = entry.clone();
        copy.article.body = Arc::from(&*entry.article.body);
        assert!(Arc::ptr_eq(&first, &cache.get(&copy)));
        // Another text is.
        copy.article.body = Arc::from("Another text.");
        let other = cache.get(&copy);
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(other.blocks.len(), 1);
    }
}
