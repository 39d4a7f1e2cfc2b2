//! Front matter: the metadata block static-site generators and web clippers put at the top of
//! a Markdown file, YAML between `---` lines (Jekyll, Hugo, Obsidian) or TOML between `+++`
//! lines (Hugo, Zola).
//!
//! Read: the title, the published date (`date`, `published`, …; else the updated date,
//! `updated`, `lastmod`, …) and the source URL (`canonical`, `source`, `url`, …). A block that
//! does not parse as a mapping is not front matter and stays in the text.

use jiff::civil::Date;

use super::dates::parse_date_value;

/// What the front matter says about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title`.
    pub title: Option<String>,
    /// The published date, else the updated date.
    pub as_of: Option<Date>,
    /// The article's address on the web (`http(s)://…` only).
    pub source_url: Option<String>,
}

/// Keys of the published date, in order of preference (lower case).
const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publish_date",
    "pubdate",
    "date_published",
    "datepublished",
    "published_time",
    "created",
];
/// Keys of the updated date, used when no published date is given.
const UPDATED_KEYS: &[&str] = &[
    "updated",
    "lastmod",
    "modified",
    "last_modified",
    "date_modified",
    "datemodified",
    "updated_at",
];
/// Keys of the source address, in order of preference.
const URL_KEYS: &[&str] = &[
    "canonical",
    "canonical_url",
    "source",
    "source_url",
    "url",
    "original_url",
    "link",
    "permalink",
];

/// Splits front matter off the start of `text`: what it says, and the text after it. `None`
/// when the text does not start with a front-matter block that parses.
pub fn split(text: &str) -> Option<(FrontMatter, &str)> {
    let first_end = text.find('\n')?;
    let fence = text[..first_end].trim_end();
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let mut offset = first_end + 1;
    for line in text[offset..].split_inclusive('\n') {
        let bare = line.trim_end();
        let closes = if toml {
            bare == "+++"
        } else {
            bare == "---" || bare == "..."
        };
        if closes {
            let block = &text[first_end + 1..offset];
            let rest = &text[offset + line.len()..];
            let fields = if toml {
                toml_fields(block)?
            } else {
                yaml_fields(block)?
            };
            return Some((read_fields(&fields), rest));
        }
        offset += line.len();
    }
    None
}

/// Top-level scalar fields of a YAML mapping, keys lower-cased.
fn yaml_fields(block: &str) -> Option<Vec<(String, String)>> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(block).ok()?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return None;
    };
    Some(
        map.into_iter()
            .filter_map(|(key, value)| {
                let Yaml::String(key) = key else { return None };
                let value = match value {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(n) => n.to_string(),
                    _ => return None,
                };
                Some((key.to_lowercase(), value))
            })
            .collect(),
    )
}

/// Top-level scalar fields of a TOML table, keys lower-cased.
fn toml_fields(block: &str) -> Option<Vec<(String, String)>> {
    let table: toml::Table = toml::from_str(block).ok()?;
    Some(
        table
            .into_iter()
            .filter_map(|(key, value)| {
                let value = match value {
                    toml::Value::String(s) => s,
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::Integer(n) => n.to_string(),
                    _ => return None,
                };
                Some((key.to_lowercase(), value))
            })
            .collect(),
    )
}

fn read_fields(fields: &[(String, String)]) -> FrontMatter {
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v))
    };
    let date = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            fields
                .iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| parse_date_value(v))
        })
    };
    let source_url = URL_KEYS.iter().find_map(|k| {
        fields
            .iter()
            .find(|(key, v)| key == k && is_web_address(v))
            .map(|(_, v)| v.trim().to_owned())
    });
    FrontMatter {
        title: get(&["title", "headline"])
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
        as_of: date(PUBLISHED_KEYS).or_else(|| date(UPDATED_KEYS)),
        source_url,
    }
}

/// `http://…` or `https://…`.
pub fn is_web_address(value: &str) -> bool {
    let value = value.trim();
    (value.starts_with("https://") || value.starts_with("http://"))
        && !value.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn yaml_front_matter() {
        let (fm, rest) = split(
            "---\ntitle: \"Harbor Lights renewal watch\"\nsource: https://example.org/a\npublished: 2023-06-02\ntags: [a, b]\n---\n\n# Heading\n",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("Harbor Lights renewal watch"));
        assert_eq!(fm.as_of, Some(date(2023, 6, 2)));
        assert_eq!(fm.source_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(rest, "\n# Heading\n");
    }

    #[test]
    fn toml_front_matter_with_a_datetime_and_updated_only() {
        let (fm, rest) = split(
            "+++\ntitle = 'Season two?'\nlastmod = 2023-06-04T09:00:00+09:00\nurl = \"https://example.org/b\"\n+++\nBody\n",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("Season two?"));
        assert_eq!(fm.as_of, Some(date(2023, 6, 4)));
        assert_eq!(fm.source_url.as_deref(), Some("https://example.org/b"));
        assert_eq!(rest, "Body\n");
    }

    #[test]
    fn not_front_matter_stays_text() {
        assert_eq!(split("---\nJust a rule and a setext heading\n---\n"), None);
        assert_eq!(split("---\ntitle: never closed\n"), None);
        assert_eq!(split("# Title\n---\n"), None);
        let (fm, _) = split("---\nsource: Korea Daily\ndate: 17 March 2022\n---\n").unwrap();
        assert_eq!(fm.source_url, None, "a name is not an address");
        assert_eq!(fm.as_of, Some(date(2022, 3, 17)));
    }
}
