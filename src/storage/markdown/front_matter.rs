//! The YAML front matter of an exported show: what Obsidian shows as the note's properties.
//!
//! Built as a YAML mapping and written by `yaml-rust2`'s emitter, which quotes and escapes
//! every string that needs it (a title `"true"`, `2020`, `: x`, `#1`, one with quotes or a
//! backslash). Characters YAML does not allow in a document at all (C0 and C1 controls but
//! tab, `U+FEFF`, `U+FFFE`, `U+FFFF`) and the line breaks YAML 1.1 readers count (`U+0085`,
//! `U+2028`, `U+2029`) are made spaces first: a title is one line.

use jiff::civil::Date;
use yaml_rust2::yaml::{Hash, Yaml};
use yaml_rust2::{EmitError, YamlEmitter};

use crate::model::Show;

/// The fields of a show's front matter, in order:
/// - `title`, `original_title` (when set; also as the one entry of `aliases`, so Obsidian
///   finds the note by either title);
/// - `status` (its words, e.g. `renewal rumoured`) and `status_checked` (`YYYY-MM-DD`);
/// - `first_as_of` and `latest_as_of`: the earliest and latest as-of dates of its articles;
/// - `articles`, `threads`, `open_threads`: counts;
/// - `sources`: each article's web address (or, without one, the file it was imported from);
/// - `tags`: `fan-tracker`.
///
/// Returned between `---` lines, ending with a line break.
///
/// # Errors
/// Only what the emitter can report while writing to a `String` (nothing in practice).
pub fn front_matter(show: &Show) -> Result<String, EmitError> {
    let mut map = Hash::new();
    let mut put = |key: &str, value: Yaml| {
        map.insert(Yaml::String(key.to_owned()), value);
    };
    put("title", text(&show.title));
    let original = show
        .original_title
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    if let Some(original) = original {
        put("original_title", text(original));
        put("aliases", Yaml::Array(vec![text(original)]));
    }
    put("status", text(show.status.label()));
    if let Some(checked) = show.status_checked {
        put("status_checked", date(checked));
    }
    let dates: Vec<Date> = show
        .articles
        .iter()
        .filter_map(|a| a.article.as_of)
        .collect();
    if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) {
        put("first_as_of", date(*first));
        put("latest_as_of", date(*last));
    }
    put("articles", count(show.articles.len()));
    put("threads", count(show.threads.len()));
    put("open_threads", count(show.open_threads()));
    let sources: Vec<Yaml> = show
        .articles
        .iter()
        .filter_map(|a| {
            let article = &a.article;
            article
                .source_url
                .as_deref()
                .or(article.source_path.as_deref())
        })
        .map(text)
        .collect();
    if !sources.is_empty() {
        put("sources", Yaml::Array(sources));
    }
    put("tags", Yaml::Array(vec![text("fan-tracker")]));
    let mut out = String::new();
    YamlEmitter::new(&mut out).dump(&Yaml::Hash(map))?;
    out.push_str("\n---\n");
    Ok(out)
}

/// A YAML string of `value` made one line of characters YAML allows (see the module).
fn text(value: &str) -> Yaml {
    let cleaned: String = value
        .chars()
        .map(|c| {
            let disallowed = (c.is_control() && c != '\t')
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                );
            if disallowed { ' ' } else { c }
        })
        .collect();
    Yaml::String(cleaned)
}

/// A date as YAML reads it: `YYYY-MM-DD`, unquoted (Obsidian shows it as a date).
fn date(value: Date) -> Yaml {
    Yaml::String(value.to_string())
}

/// A count.
fn count(n: usize) -> Yaml {
    Yaml::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ShowId;
    use proptest::prelude::*;
    use yaml_rust2::YamlLoader;

    /// The front matter of `show`, parsed back.
    fn parsed(show: &Show) -> Yaml {
        let written = front_matter(show).unwrap();
        let inner = written
            .strip_prefix("---\n")
            .and_then(|s| s.strip_suffix("\n---\n"))
            .expect("between --- lines");
        YamlLoader::load_from_str(inner)
            .unwrap_or_else(|e| panic!("{e}: {written}"))
            .remove(0)
    }

    #[test]
    fn tricky_titles_parse_back_as_the_same_strings() {
        for title in [
            "true",
            "2020",
            "1e5",
            "null",
            "~",
            "- a",
            ": b",
            "#1 fan",
            "a: b",
            "\"quoted\"",
            "it's",
            "back\\slash",
            "[list]",
            "{map}",
            "  spaced  ",
            "@x",
            "%y",
            "&anchor",
            "*ref",
            "!tag",
            "|",
            ">",
            "0x1F",
            ".5",
            "사이코지만 괜찮아",
            "",
        ] {
            let mut show = Show::new(ShowId(1), title);
            show.original_title = Some(title.to_owned());
            let yaml = parsed(&show);
            assert_eq!(yaml["title"].as_str(), Some(title), "{title:?}");
        }
    }

    #[test]
    fn fields_are_there_with_dates_unquoted() {
        let mut show = Show::new(ShowId(1), "It's Okay to Not Be Okay");
        show.original_title = Some("사이코지만 괜찮아".into());
        show.status_checked = Some(jiff::civil::date(2022, 3, 17));
        let written = front_matter(&show).unwrap();
        assert!(
            written.contains("\nstatus_checked: 2022-03-17\n"),
            "{written}"
        );
        let yaml = parsed(&show);
        assert_eq!(yaml["original_title"].as_str(), Some("사이코지만 괜찮아"));
        assert_eq!(yaml["aliases"][0].as_str(), Some("사이코지만 괜찮아"));
        assert_eq!(yaml["status"].as_str(), Some("not checked"));
        assert_eq!(yaml["threads"].as_i64(), Some(0));
    }

    proptest! {
        #[test]
        fn any_title_parses_back(title in any::<String>()) {
            let show = Show::new(ShowId(1), title.clone());
            let yaml = parsed(&show);
            let Yaml::String(back) = &yaml["title"] else {
                return Err(TestCaseError::fail(format!("{:?}", yaml["title"])));
            };
            let Yaml::String(expected) = text(&title) else { unreachable!() };
            prop_assert_eq!(back, &expected);
        }
    }
}
