//! An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph, Scaleway, OVH, Google
//! Cloud Storage's XML API): requests presigned by `rusty-s3`, credentials from the
//! standard variables or `~/.aws/credentials`.

use std::time::Duration;

use rusty_s3::actions::{ListObjectsV2, S3Action as _};
use rusty_s3::{Bucket, Credentials, UrlStyle};
use ureq::Agent;

use super::{Object, RemoteError, answer, body, etag, export_put};

/// How long a signed request stays valid: long enough for a slow upload, short enough
/// that a leaked address is soon useless.
const SIGNED_FOR: Duration = Duration::from_secs(300);

/// Pages of a listing followed at most: a thousand objects each, ten million in all.
const MAX_PAGES: usize = 10_000;

#[derive(Debug, Clone)]
pub struct Store {
    bucket: Bucket,
    /// Objects are named `PREFIX/NAME` (no prefix: at the bucket's root).
    prefix: String,
    credentials: Credentials,
    address: String,
}

impl Store {
    /// `rest` is the address without `s3://`: `BUCKET` or `BUCKET/PREFIX`.
    pub fn new(
        address: &str,
        rest: &str,
        endpoint: Option<&str>,
        region: Option<&str>,
    ) -> Result<Store, RemoteError> {
        let bad = || RemoteError::Address {
            address: address.into(),
        };
        let (name, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if name.is_empty() {
            return Err(bad());
        }
        let region = region
            .map(str::to_string)
            .or_else(|| var("AWS_REGION"))
            .or_else(|| var("AWS_DEFAULT_REGION"))
            .unwrap_or_else(|| "us-east-1".into());
        let given = endpoint
            .map(str::to_string)
            .or_else(|| var("AWS_ENDPOINT_URL_S3"))
            .or_else(|| var("AWS_ENDPOINT_URL"));
        // Another service is addressed by path (`ENDPOINT/BUCKET/KEY`), which every
        // S3-compatible server understands; AWS itself by host, except a bucket whose
        // name no certificate covers as a host (dots, capitals).
        let by_host = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let (endpoint, style) = match given {
            Some(endpoint) => (endpoint, UrlStyle::Path),
            None if by_host => (
                format!("https://s3.{region}.amazonaws.com"),
                UrlStyle::VirtualHost,
            ),
            None => (format!("https://s3.{region}.amazonaws.com"), UrlStyle::Path),
        };
        let endpoint = super::web_address(&endpoint)?;
        let bucket = Bucket::new(endpoint, style, name.to_string(), region).map_err(|_| bad())?;
        let credentials = credentials().ok_or_else(|| RemoteError::NoS3Credentials {
            address: address.into(),
        })?;
        Ok(Store {
            bucket,
            prefix: prefix.trim_matches('/').to_string(),
            credentials,
            address: address.trim_end_matches('/').to_string(),
        })
    }

    pub fn address(&self) -> String {
        self.address.clone()
    }

    fn key(&self, name: &str) -> String {
        if self.prefix.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", self.prefix)
        }
    }

    fn shown(&self, name: &str) -> String {
        format!("{}/{name}", self.address)
    }

    pub fn put(
        &self,
        agent: &Agent,
        name: &str,
        bytes: &[u8],
        expected: Option<&str>,
    ) -> Result<Option<String>, RemoteError> {
        let key = self.key(name);
        let url = self
            .bucket
            .put_object(Some(&self.credentials), &key)
            .sign(SIGNED_FOR);
        let request = export_put(agent.put(url.as_str()), expected);
        answer(request.send(bytes), &self.shown(name)).map(|r| etag(&r))
    }

    pub fn get(&self, agent: &Agent, name: &str) -> Result<Vec<u8>, RemoteError> {
        let key = self.key(name);
        let url = self
            .bucket
            .get_object(Some(&self.credentials), &key)
            .sign(SIGNED_FOR);
        let shown = self.shown(name);
        body(answer(agent.get(url.as_str()).call(), &shown)?, &shown)
    }

    pub fn list(&self, agent: &Agent) -> Result<Vec<Object>, RemoteError> {
        let mut objects = Vec::new();
        let mut token: Option<String> = None;
        // A server that keeps handing out new tokens is not followed for ever.
        let mut pages = 0;
        let prefix = if self.prefix.is_empty() {
            String::new()
        } else {
            format!("{}/", self.prefix)
        };
        loop {
            let mut action = ListObjectsV2::new(&self.bucket, Some(&self.credentials));
            if !prefix.is_empty() {
                action.with_prefix(prefix.as_str());
            }
            if let Some(token) = &token {
                action.with_continuation_token(token.as_str());
            }
            let url = action.sign(SIGNED_FOR);
            let page = body(
                answer(agent.get(url.as_str()).call(), &self.address)?,
                &self.address,
            )?;
            let listing = String::from_utf8(page)
                .ok()
                .and_then(|text| ListObjectsV2::parse_response(&text).ok())
                .ok_or_else(|| RemoteError::Listing {
                    address: self.address.clone(),
                })?;
            for content in listing.contents {
                // Only the objects right under the prefix: a folder below is not ours.
                let Some(name) = content.key.strip_prefix(&prefix) else {
                    continue;
                };
                if name.is_empty() || name.contains('/') {
                    continue;
                }
                objects.push(Object {
                    name: name.to_string(),
                    etag: content.etag.unwrap_or_default(),
                    size: content.size.unwrap_or(0),
                });
            }
            pages += 1;
            match listing.next_continuation_token {
                Some(next) if Some(&next) != token.as_ref() && pages < MAX_PAGES => {
                    token = Some(next);
                }
                _ => return Ok(objects),
            }
        }
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The standard variables first, then the profile (`AWS_PROFILE`, else `default`) of
/// the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`).
fn credentials() -> Option<Credentials> {
    if let (Some(key), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        return Some(match var("AWS_SESSION_TOKEN") {
            Some(token) => Credentials::new_with_token(key, secret, token),
            None => Credentials::new(key, secret),
        });
    }
    let file = var("AWS_SHARED_CREDENTIALS_FILE")
        .map(Into::into)
        .or_else(|| {
            directories::BaseDirs::new()
                .map(|dirs| dirs.home_dir().join(".aws").join("credentials"))
        })?;
    let text = std::fs::read_to_string(file).ok()?;
    let profile = var("AWS_PROFILE").unwrap_or_else(|| "default".into());
    let found = profile_values(&text, &profile);
    let value = |name: &str| {
        found
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let (key, secret) = (value("aws_access_key_id")?, value("aws_secret_access_key")?);
    Some(match value("aws_session_token") {
        Some(token) => Credentials::new_with_token(key, secret, token),
        None => Credentials::new(key, secret),
    })
}

/// The `key = value` lines of `[profile]` in an INI file.
fn profile_values(text: &str, profile: &str) -> Vec<(String, String)> {
    let mut inside = false;
    let mut values = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = section.trim() == profile;
        } else if inside && let Some((key, value)) = line.split_once('=') {
            values.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_read_from_its_own_section() {
        let text = "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n[team]\naws_access_key_id=C\naws_secret_access_key = D\n";
        let team = profile_values(text, "team");
        assert_eq!(
            team,
            [
                ("aws_access_key_id".to_string(), "C".to_string()),
                ("aws_secret_access_key".to_string(), "D".to_string())
            ]
        );
        assert_eq!(profile_values(text, "default").len(), 2);
        assert!(profile_values(text, "other").is_empty());
    }
}
