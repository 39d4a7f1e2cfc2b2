//! Importing articles: whatever bytes a user opens never panic the importer.

use fan_tracker::model::{ArticleFormat, import_article};
use proptest::prelude::*;

proptest! {
    #[test]
    fn any_bytes_import_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for format in [ArticleFormat::PlainText, ArticleFormat::Markdown] {
            if let Ok(article) = import_article(&bytes, format, None) {
                prop_assert!(!article.title.is_empty());
                let _ = article.document();
            }
        }
    }

    #[test]
    fn any_text_imports_with_a_title(text in "\\PC{1,400}") {
        prop_assume!(!text.trim().is_empty() && !text.contains('\0'));
        let article = import_article(text.as_bytes(), ArticleFormat::PlainText, None);
        if let Ok(article) = article {
            prop_assert!(!article.title.trim().is_empty());
        }
    }
}
