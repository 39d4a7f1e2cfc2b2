//! Fuzzes article import and parsing: any bytes become an article or a clear error.
#![no_main]

use fan_tracker::model::{ArticleFormat, import_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for format in [ArticleFormat::Markdown, ArticleFormat::PlainText] {
        if let Ok(article) = import_article(bytes, format, None) {
            assert!(!article.title.is_empty());
            let _ = article.document();
        }
    }
});
