//! Storage a team already pays for, in place of a synced folder: an S3-compatible bucket
//! (`s3://BUCKET/PREFIX`) or a WebDAV folder (`https://HOST/PATH/`, Nextcloud and
//! ownCloud included). Three operations, enough for publishing and reporting: put an
//! object, list them all (every page), get one. Requests go out through the blocking
//! `ureq` client with a time limit; S3 requests are signed by `rusty-s3` (no I/O of its
//! own). Credentials come from where each ecosystem keeps them and never appear in a
//! message: every error names the object by its address without a query string.

mod error;
mod s3;
mod sync;
mod webdav;

use std::path::PathBuf;
use std::time::Duration;

use ureq::Agent;

pub use error::RemoteError;
pub use sync::{Synced, sync_to_folder};

/// How long one request may take before it is given up (and, for a publish, left
/// pending for the next change).
const TIMEOUT: Duration = Duration::from_secs(20);

/// [`TIMEOUT`], or in debug builds `TICKLIST_TEST_TIMEOUT_MS`, so that a test of a server
/// that never answers takes a second, not twenty.
fn timeout() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("TICKLIST_TEST_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    TIMEOUT
}

/// Largest object read back: the report's limit for a file in a folder (an export is a
/// few kilobytes to a few hundred).
pub const MAX_OBJECT_BYTES: u64 = crate::pack::MAX_PACK_BYTES as u64;

/// Where exports are kept, as the mentor or the manager named it.
#[derive(Debug, Clone)]
pub enum Remote {
    S3(s3::Store),
    WebDav(webdav::Store),
}

/// One object of a listing: its name under the prefix, and what tells its versions apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    pub name: String,
    pub etag: String,
    pub size: u64,
}

/// `given` as a web address that may be used: parsed (a space is encoded), with no
/// password in it (it would be stored and shown; the password has its own place), https
/// or plain http to this computer. Errors show the address without what follows `:` in
/// its user part.
pub(crate) fn web_address(given: &str) -> Result<url::Url, RemoteError> {
    let Ok(mut url) = url::Url::parse(given.trim()) else {
        return Err(RemoteError::Address {
            address: given.split('@').next_back().unwrap_or_default().to_string(),
        });
    };
    if url.password().is_some() {
        let _ = url.set_password(None);
        return Err(RemoteError::PasswordInAddress {
            address: url.to_string(),
        });
    }
    crate::fetch::check_address(url.as_str())
        .map_err(|e| RemoteError::from_fetch(e, url.as_str()))?;
    Ok(url)
}

/// Whether `text` names storage rather than a folder.
pub fn is_remote(text: &str) -> bool {
    text.starts_with("s3://") || text.starts_with("https://") || text.starts_with("http://")
}

impl Remote {
    /// The storage `address` names; `endpoint` and `region` for an S3-compatible service
    /// other than AWS (else `AWS_ENDPOINT_URL`, `AWS_REGION`).
    pub fn parse(
        address: &str,
        endpoint: Option<&str>,
        region: Option<&str>,
    ) -> Result<Remote, RemoteError> {
        if let Some(rest) = address.strip_prefix("s3://") {
            return s3::Store::new(address, rest, endpoint, region).map(Remote::S3);
        }
        if address.starts_with("https://") || address.starts_with("http://") {
            return webdav::Store::new(address).map(Remote::WebDav);
        }
        Err(RemoteError::Address {
            address: address.into(),
        })
    }

    /// The address as the person wrote it, without credentials.
    pub fn address(&self) -> String {
        match self {
            Remote::S3(store) => store.address(),
            Remote::WebDav(store) => store.address(),
        }
    }

    /// Replaces (or creates) the object `name` with `bytes`.
    /// Replaces (or creates) the object `name` with `bytes` — only if its version is
    /// still `expected`, when given (a conditional write, where the server offers one:
    /// otherwise [`RemoteError::Changed`]). The new version, when the server says it.
    pub fn put(
        &self,
        name: &str,
        bytes: &[u8],
        expected: Option<&str>,
    ) -> Result<Option<String>, RemoteError> {
        let answer = match self {
            Remote::S3(store) => store.put(&agent(), name, bytes, expected),
            Remote::WebDav(store) => store.put(&agent(), name, bytes, expected),
        };
        match answer {
            // Precondition failed; or, from some servers, "no such object": the one this
            // machine wrote is gone (a bucket emptied, a file removed).
            Err(RemoteError::Status { status, address })
                if status == 412 || (status == 404 && expected.is_some()) =>
            {
                Err(RemoteError::Changed { address })
            }
            answer => answer,
        }
    }

    /// Every object under the prefix (every page of the listing).
    pub fn list(&self) -> Result<Vec<Object>, RemoteError> {
        match self {
            Remote::S3(store) => store.list(&agent()),
            Remote::WebDav(store) => store.list(&agent()),
        }
    }

    /// The object `name`, refused past [`MAX_OBJECT_BYTES`].
    pub fn get(&self, name: &str) -> Result<Vec<u8>, RemoteError> {
        match self {
            Remote::S3(store) => store.get(&agent(), name),
            Remote::WebDav(store) => store.get(&agent(), name),
        }
    }
}

fn agent() -> Agent {
    Agent::config_builder()
        .timeout_global(Some(timeout()))
        // A network that drops packets is found out in seconds, not at the global limit.
        .timeout_connect(Some(timeout().min(Duration::from_secs(5))))
        .max_redirects(0)
        .http_status_as_error(false)
        .allow_non_standard_methods(true)
        .user_agent(concat!(
            "ticklist/",
            env!("CARGO_PKG_VERSION"),
            " (publish)"
        ))
        .build()
        .into()
}

/// What came back, or why not: `shown` is the address a person may read (no query
/// string, no credentials), used in every error instead of the one requested.
fn answer(
    sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    shown: &str,
) -> Result<ureq::http::Response<ureq::Body>, RemoteError> {
    let response = sent.map_err(|e| failed(e, shown))?;
    match response.status().as_u16() {
        200..=299 => Ok(response),
        status => Err(RemoteError::Status {
            address: shown.into(),
            status,
        }),
    }
}

fn failed(error: ureq::Error, shown: &str) -> RemoteError {
    RemoteError::from_fetch(crate::fetch::failure(shown, error, timeout()), shown)
}

/// A write of an export: JSON, and made on the condition that the object is still at
/// version `expected`, when given.
fn export_put<B>(
    request: ureq::RequestBuilder<B>,
    expected: Option<&str>,
) -> ureq::RequestBuilder<B> {
    let request = request.header("Content-Type", "application/json");
    match expected {
        Some(expected) => request.header("If-Match", expected),
        None => request,
    }
}

/// The version (ETag) an answer gives, if any.
fn etag(response: &ureq::http::Response<ureq::Body>) -> Option<String> {
    response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The body of an answer, at most [`MAX_OBJECT_BYTES`].
fn body(
    mut response: ureq::http::Response<ureq::Body>,
    shown: &str,
) -> Result<Vec<u8>, RemoteError> {
    let too_large = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|len| len > MAX_OBJECT_BYTES);
    if too_large {
        return Err(RemoteError::TooLarge {
            address: shown.into(),
        });
    }
    response
        .body_mut()
        .with_config()
        .limit(MAX_OBJECT_BYTES)
        .read_to_vec()
        .map_err(|e| failed(e, shown))
}

/// A file of the user's own holding a secret: refused when others may read it.
fn private_file(path: PathBuf) -> Result<Option<String>, RemoteError> {
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).map_or(0, |m| m.permissions().mode());
        if mode & 0o077 != 0 {
            return Err(RemoteError::PasswordFileOpen {
                path: path.display().to_string(),
            });
        }
    }
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::FetchError;

    #[test]
    fn addresses_name_a_bucket_or_a_webdav_folder() {
        assert!(is_remote("s3://team/exports"));
        assert!(is_remote(
            "https://cloud.example.org/remote.php/dav/files/anne/ticklist/"
        ));
        assert!(!is_remote("/shared/team"));
        assert!(matches!(
            Remote::parse("ftp://example.org/x", None, None),
            Err(RemoteError::Address { .. })
        ));
    }

    #[test]
    fn a_password_never_goes_in_an_address_and_a_space_is_no_mistake() {
        let refused = Remote::parse("https://anne:hunter2@cloud.example.org/dav/", None, None);
        let Err(e) = refused else {
            panic!("a password in the address was taken")
        };
        let said = e.message(&crate::text::EN);
        assert!(
            said.contains("TICKLIST_WEBDAV_PASSWORD") && !said.contains("hunter2"),
            "{said}"
        );
        let endpoint = Remote::parse(
            "s3://team/x",
            Some("https://KEY:SECRET@minio.example"),
            None,
        );
        let said = endpoint
            .err()
            .map(|e| e.message(&crate::text::EN))
            .unwrap_or_default();
        assert!(!said.is_empty() && !said.contains("SECRET"), "{said}");
        let spaced = Remote::parse("https://cloud.example.org/dav/Mentor Exports/", None, None);
        assert_eq!(
            spaced.map(|r| r.address()).ok().as_deref(),
            Some("https://cloud.example.org/dav/Mentor%20Exports/")
        );
        let far = Remote::parse("http://10.0.0.5/dav/", None, None);
        assert!(matches!(far, Err(RemoteError::Insecure { .. })));
    }

    #[test]
    fn a_signed_query_never_reaches_a_message() {
        let error = RemoteError::from_fetch(
            FetchError::Unreachable {
                url: "https://h/a.json?X-Amz-Credential=AKIA123".into(),
                error:
                    "connect https://h/a.json?X-Amz-Credential=AKIA123&X-Amz-Signature=abc failed"
                        .into(),
            },
            "s3://team/a.json",
        );
        let said = error.message(&crate::text::EN);
        assert!(
            !said.contains("AKIA123") && !said.contains("abc failed"),
            "{said}"
        );
    }
}
