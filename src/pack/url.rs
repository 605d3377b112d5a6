//! Which link targets a pack may carry and the app may hand to a browser.

/// Longest URL accepted; browsers and help centres stay well below it.
pub const MAX_URL_LEN: usize = 2_048;

/// Why a URL is refused, phrased as what to change.
pub fn check(url: &str) -> Result<(), &'static str> {
    if url.is_empty() {
        return Err("the URL is empty: write an absolute https:// address");
    }
    if url.len() > MAX_URL_LEN {
        return Err("the URL is longer than 2048 bytes: link to a shorter address");
    }
    if url.starts_with('-') {
        return Err("a URL may not start with '-': write an absolute https:// address");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("the URL contains spaces or control characters: percent-encode them (%20)");
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit('@').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') {
            return Err("the URL has no host: write it as https://host/path");
        }
        return Ok(());
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        return match rest.split_once('@') {
            Some((user, domain)) if !user.is_empty() && !domain.is_empty() => Ok(()),
            _ => Err("a mailto: link needs an address, as in mailto:someone@example.org"),
        };
    }
    Err("only absolute http://, https:// and mailto: links are allowed")
}

#[cfg(test)]
mod tests {
    use super::check;

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
