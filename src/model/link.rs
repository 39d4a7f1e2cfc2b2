//! Which links in an article may be opened: web pages (`http`, `https`) and mail (`mailto`)
//! only. Anything else (`javascript:`, `file:`, `data:`, an app's own scheme, an address
//! with no scheme) is refused, in words: a click on an article's link must never run code or
//! open a local file.

use std::fmt;

/// The schemes a click opens, lower case.
pub const OPENABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Why a link is not opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRefused {
    /// The address as written in the article.
    pub url: String,
    /// Its scheme (lower case), or `None` when it has none.
    pub scheme: Option<String>,
}

impl fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scheme {
            Some(scheme) => write!(
                f,
                "Not opened: {} is a “{scheme}:” link. Only web (http, https) and mail (mailto) links open from an article.",
                self.url
            ),
            None => write!(
                f,
                "Not opened: {} is not a full web address. Only web (http, https) and mail (mailto) links open from an article.",
                self.url
            ),
        }
    }
}

/// Checks that `url` may be opened in the system's browser or mail app: its scheme (before
/// the first `:`, with nothing but letters, digits, `+`, `-` and `.`) is one of
/// [`OPENABLE_SCHEMES`], in any case.
///
/// # Errors
/// [`LinkRefused`] for any other scheme or none.
pub fn check_link(url: &str) -> Result<(), LinkRefused> {
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let scheme = scheme.map(str::to_ascii_lowercase);
    match &scheme {
        Some(s) if OPENABLE_SCHEMES.contains(&s.as_str()) => Ok(()),
        _ => Err(LinkRefused {
            url: url.to_owned(),
            scheme,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_open() {
        for ok in [
            "https://studio.example/news",
            "HTTP://example.com",
            "mailto:fan@example.com",
        ] {
            assert_eq!(check_link(ok), Ok(()), "{ok}");
        }
        for refused in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,hi",
            "vbscript:x",
            "/relative/page",
            "www.example.com",
            "",
        ] {
            let error = check_link(refused).expect_err(refused);
            assert!(error.to_string().starts_with("Not opened"), "{error}");
        }
    }
}
