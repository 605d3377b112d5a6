//! Downloading a manager's pack: https only (plain http to this machine alone, so that a
//! manager trying a pack, or a test, can serve it locally), at most one pack's worth of
//! bytes, a time limit, and redirects followed by hand so every hop obeys the same rule.
//! A second request carries the validators of the first, so an unchanged pack costs the
//! server a "304 Not Modified".

use std::net::IpAddr;
use std::time::Duration;

use ureq::Agent;
use ureq::http::Uri;

use crate::pack::MAX_PACK_BYTES;
use crate::text::{Text, fill};

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// What the server said last time, to ask "has it changed since?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Fetched {
    /// The validators still hold: the pack has not changed.
    NotModified,
    Body {
        bytes: Vec<u8>,
        /// The validators to send next time.
        validators: Validators,
    },
}

/// Why no pack came back, for a person to act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a web address")]
    BadUrl { url: String },
    #[error("{url}: only https addresses are allowed (http only on this machine)")]
    Insecure { url: String },
    #[error("{url}: cannot reach the server ({error})")]
    Unreachable { url: String, error: String },
    #[error("{url}: no answer within {secs} s")]
    Timeout { url: String, secs: u64 },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: larger than a pack may be")]
    TooLarge { url: String },
    #[error("{url}: more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects { url: String },
}

impl FetchError {
    /// The same, in the language of `t`.
    pub fn message(&self, t: &Text) -> String {
        match self {
            FetchError::BadUrl { url } => fill(t.fetch_bad_url, &[("url", url)]),
            FetchError::Insecure { url } => fill(t.fetch_insecure, &[("url", url)]),
            FetchError::Unreachable { url, error } => {
                fill(t.fetch_unreachable, &[("url", url), ("error", error)])
            }
            FetchError::Timeout { url, secs } => fill(
                t.fetch_timeout,
                &[("url", url), ("secs", &secs.to_string())],
            ),
            FetchError::Status { url, status } => {
                let said = match status {
                    404 | 410 => t.fetch_status_gone,
                    401 | 403 => t.fetch_status_refused,
                    500.. => t.fetch_status_server,
                    _ => t.fetch_status_other,
                };
                fill(said, &[("url", url), ("status", &status.to_string())])
            }
            FetchError::TooLarge { url } => {
                let max = (MAX_PACK_BYTES / (1024 * 1024)).to_string();
                fill(t.fetch_too_large, &[("url", url), ("max", &max)])
            }
            FetchError::TooManyRedirects { url } => {
                let max = MAX_REDIRECTS.to_string();
                fill(t.fetch_redirects, &[("url", url), ("max", &max)])
            }
        }
    }
}

/// Whether `text` is meant as an address (`scheme://…`) rather than a file: then it is
/// fetched, or refused with a word about its scheme, never looked for on disk.
pub fn is_url(text: &str) -> bool {
    text.split_once("://").is_some_and(|(scheme, _)| {
        scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Downloads `url` (asking only for a change since `since`, if given), waiting at most
/// `timeout` for the whole exchange.
pub fn fetch(url: &str, since: &Validators, timeout: Duration) -> Result<Fetched, FetchError> {
    let agent: Agent = Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!("ticklist/", env!("CARGO_PKG_VERSION"), " (pack)"))
        .build()
        .into();
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        check_address(&current)?;
        let mut request = agent.get(&current);
        if let Some(etag) = &since.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &since.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let failed = |e: ureq::Error| failure(&current, e, timeout);
        let mut response = request.call().map_err(failed)?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        match status {
            304 if *since != Validators::default() => return Ok(Fetched::NotModified),
            301 | 302 | 303 | 307 | 308 => {
                let Some(location) = header("location") else {
                    return Err(FetchError::Status {
                        url: current,
                        status,
                    });
                };
                current = resolve_location(&current, &location);
            }
            200..=299 => {
                let validators = Validators {
                    etag: header("etag"),
                    last_modified: header("last-modified"),
                };
                let too_large = header("content-length")
                    .and_then(|len| len.parse::<u64>().ok())
                    .is_some_and(|len| len > MAX_PACK_BYTES as u64);
                if too_large {
                    return Err(FetchError::TooLarge { url: current });
                }
                let bytes = response
                    .body_mut()
                    .with_config()
                    .limit(MAX_PACK_BYTES as u64)
                    .read_to_vec()
                    .map_err(|e| failure(&current, e, timeout))?;
                return Ok(Fetched::Body { bytes, validators });
            }
            _ => {
                return Err(FetchError::Status {
                    url: current,
                    status,
                });
            }
        }
    }
    Err(FetchError::TooManyRedirects { url: url.into() })
}

/// The absolute address a `Location` header points to from `base` (RFC 3986, through
/// `url`): an address of any scheme stays itself, to be checked like the first.
pub(crate) fn resolve_location(base: &str, location: &str) -> String {
    url::Url::parse(base)
        .and_then(|base| base.join(location))
        .map_or_else(|_| location.to_string(), String::from)
}

pub(crate) fn failure(url: &str, error: ureq::Error, timeout: Duration) -> FetchError {
    let url = url.to_string();
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            secs: timeout.as_secs().max(1),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url },
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            url,
            secs: timeout.as_secs().max(1),
        },
        ureq::Error::BadUri(_) => FetchError::BadUrl { url },
        e => FetchError::Unreachable {
            url,
            error: e.to_string(),
        },
    }
}

/// https anywhere; http only to a loopback address (`localhost`, `127.0.0.0/8`, `::1`).
pub(crate) fn check_address(url: &str) -> Result<(), FetchError> {
    let bad = || FetchError::BadUrl { url: url.into() };
    let uri: Uri = url.parse().map_err(|_| bad())?;
    let host = uri.host().ok_or_else(bad)?;
    match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("https") => Ok(()),
        Some("http") if is_loopback(host) => Ok(()),
        Some("http") => Err(FetchError::Insecure { url: url.into() }),
        _ => Err(bad()),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_is_allowed_only_to_this_machine() {
        for ok in [
            "https://example.org/team.yaml",
            "http://127.0.0.1:8080/team.yaml",
            "http://localhost/team.yaml",
            "http://[::1]:9/team.yaml",
            "HTTPS://EXAMPLE.ORG/",
        ] {
            assert_eq!(check_address(ok), Ok(()), "{ok}");
        }
        for insecure in [
            "http://example.org/team.yaml",
            "http://10.0.0.1/p.yaml",
            "http://127.0.0.1.example.org/",
        ] {
            assert!(
                matches!(check_address(insecure), Err(FetchError::Insecure { .. })),
                "{insecure}"
            );
        }
        for bad in ["ftp://example.org/p.yaml", "https://", "not a url"] {
            assert!(
                matches!(check_address(bad), Err(FetchError::BadUrl { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn locations_resolve_against_the_current_url() {
        let base = "https://example.org/a/b?x=1";
        let resolve = |to| resolve_location(base, to);
        assert_eq!(resolve("https://other.org/"), "https://other.org/");
        assert_eq!(resolve("/c"), "https://example.org/c");
        assert_eq!(resolve("//cdn.example.org/d"), "https://cdn.example.org/d");
        assert_eq!(resolve("e"), "https://example.org/a/e");
        assert_eq!(resolve("../f?y"), "https://example.org/f?y");
        assert_eq!(resolve("ftp://127.0.0.1/p"), "ftp://127.0.0.1/p");
        assert_eq!(
            resolve_location("https://example.org", "f"),
            "https://example.org/f"
        );
    }

    #[test]
    fn web_addresses_are_told_from_files() {
        assert!(is_url("https://example.org/p.yaml"));
        assert!(is_url("HTTP://localhost/p.yaml"));
        assert!(is_url("ftp://example.org/p.yaml"));
        assert!(!is_url("team.yaml"));
        assert!(!is_url("./https/p.yaml"));
    }
}
