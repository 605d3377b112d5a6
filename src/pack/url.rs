//! Which link targets a pack may carry and the app may hand to a browser.

use crate::text::{EN, Text};

/// Longest URL accepted; browsers and help centres stay well below it.
pub const MAX_URL_LEN: usize = 2_048;

/// Why a URL is refused; [`UrlProblem::message`] says what to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    TooLong,
    LeadingDash,
    Spaces,
    NoHost,
    BadMailto,
    Scheme,
}

impl UrlProblem {
    /// What to change, in the language of `t`.
    pub fn message(self, t: &Text) -> &'static str {
        match self {
            UrlProblem::Empty => t.url_empty,
            UrlProblem::TooLong => t.url_too_long,
            UrlProblem::LeadingDash => t.url_dash,
            UrlProblem::Spaces => t.url_spaces,
            UrlProblem::NoHost => t.url_no_host,
            UrlProblem::BadMailto => t.url_mailto,
            UrlProblem::Scheme => t.url_scheme,
        }
    }
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(&EN))
    }
}

/// Whether `url` may be carried by a pack and handed to a browser.
/// Whether `url` points at a domain reserved for examples (RFC 2606, RFC 6761):
/// `example.org`, `example.com`, `example.net`, `*.example`, `*.test`, `*.invalid`; a link
/// left there from a template or a draft leads a mentor nowhere.
pub fn is_example(url: &str) -> bool {
    let rest = url
        .split_once("://")
        .map(|(_, rest)| rest)
        .or_else(|| url.strip_prefix("mailto:"))
        .unwrap_or(url);
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let reserved = [
        "example.org",
        "example.com",
        "example.net",
        "example",
        "test",
        "invalid",
    ];
    reserved
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
}

pub fn check(url: &str) -> Result<(), UrlProblem> {
    if url.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if url.len() > MAX_URL_LEN {
        return Err(UrlProblem::TooLong);
    }
    if url.starts_with('-') {
        return Err(UrlProblem::LeadingDash);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Spaces);
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit('@').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') {
            return Err(UrlProblem::NoHost);
        }
        return Ok(());
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        return match rest.split_once('@') {
            Some((user, domain)) if !user.is_empty() && !domain.is_empty() => Ok(()),
            _ => Err(UrlProblem::BadMailto),
        };
    }
    Err(UrlProblem::Scheme)
}

#[cfg(test)]
mod tests {
    use super::{check, is_example};

    #[test]
    fn example_domains_are_told_from_real_ones() {
        for example in [
            "https://example.org/guide",
            "https://www.example.com",
            "mailto:manager@example.org",
            "https://intranet.test/page",
            "http://EXAMPLE.NET:8080/x",
        ] {
            assert!(is_example(example), "{example}");
        }
        for real in [
            "https://openclassrooms.com/fr",
            "https://example.organic.com/",
            "mailto:a@b.fr",
        ] {
            assert!(!is_example(real), "{real}");
        }
    }

    #[test]
    fn accepts_web_and_mail_links() {
        for url in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "HTTPS://Example.org/path",
            "mailto:someone@example.org",
        ] {
            assert_eq!(check(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for url in [
            "",
            "example.org",
            "/relative/path",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\u{1b}[2J",
            "-https://example.org",
            "mailto:",
            "mailto:nobody",
        ] {
            assert!(check(url).is_err(), "{url:?} should be refused");
        }
    }
}
