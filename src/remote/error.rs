//! Why storage could not be used, in words a person can act on, in their language.

use super::MAX_OBJECT_BYTES;
use crate::fetch::FetchError;
use crate::text::{Text, fill};

/// Why storage could not be used, for a person to act on.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error(
        "{address}: not a bucket (s3://BUCKET/PREFIX) nor a WebDAV folder (https://HOST/PATH/)"
    )]
    Address { address: String },
    #[error(
        "{address}: no S3 credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials)"
    )]
    NoS3Credentials { address: String },
    #[error("{path}: others can read this password file; make it yours alone (chmod 600 {path})")]
    PasswordFileOpen { path: String },
    #[error("{address}: only https addresses (plain http only to this computer)")]
    Insecure { address: String },
    #[error("{address}: a password does not go in the address")]
    PasswordInAddress { address: String },
    #[error("{address}: no password for {user}")]
    NoPassword { address: String, user: String },
    #[error("{path}: the copy of the storage cannot be written ({error})")]
    Cache { path: String, error: String },
    #[error("cannot reach {address} ({error})")]
    Unreachable { address: String, error: String },
    #[error("{address} did not answer within {secs} s")]
    Timeout { address: String, secs: u64 },
    #[error("{address}: the server answered {status}")]
    Status { address: String, status: u16 },
    #[error("{address}: larger than an export may be")]
    TooLarge { address: String },
    #[error("{address}: the server's listing could not be read")]
    Listing { address: String },
    /// Written by someone else since this machine last wrote it.
    #[error("{address}: written by another copy of ticklist since this one last wrote it")]
    Changed { address: String },
}

impl RemoteError {
    /// What the HTTP client's failure means here, about `address` (the one a person may
    /// read: an HTTP client's words may quote the signed one, whose query is cut).
    pub(super) fn from_fetch(error: FetchError, address: &str) -> RemoteError {
        let address = address.to_string();
        match error {
            FetchError::Insecure { .. } => RemoteError::Insecure { address },
            FetchError::BadUrl { .. } => RemoteError::Address { address },
            FetchError::Unreachable { error, .. } => RemoteError::Unreachable {
                address,
                error: unsigned(&error),
            },
            FetchError::Timeout { secs, .. } => RemoteError::Timeout { address, secs },
            FetchError::Status { status, .. } => RemoteError::Status { address, status },
            FetchError::TooLarge { .. } => RemoteError::TooLarge { address },
            FetchError::TooManyRedirects { .. } => RemoteError::Status {
                address,
                status: 310,
            },
        }
    }
}

impl RemoteError {
    /// The same, in the language of `t`.
    pub fn message(&self, t: &Text) -> String {
        match self {
            RemoteError::Address { address } => fill(t.remote_address, &[("address", address)]),
            RemoteError::NoS3Credentials { address } => {
                fill(t.remote_no_s3_credentials, &[("address", address)])
            }
            RemoteError::PasswordFileOpen { path } => {
                fill(t.remote_password_file_open, &[("path", path)])
            }
            RemoteError::Insecure { address } => fill(t.remote_insecure, &[("address", address)]),
            RemoteError::PasswordInAddress { address } => {
                fill(t.remote_password_in_address, &[("address", address)])
            }
            RemoteError::NoPassword { address, user } => fill(
                t.remote_no_password,
                &[("address", address), ("user", user)],
            ),
            RemoteError::Cache { path, error } => {
                fill(t.remote_cache, &[("path", path), ("error", error)])
            }
            RemoteError::Unreachable { address, error } => fill(
                t.remote_unreachable,
                &[("address", address), ("error", error)],
            ),
            RemoteError::Timeout { address, secs } => fill(
                t.remote_timeout,
                &[("address", address), ("secs", &secs.to_string())],
            ),
            RemoteError::Status { address, status } => {
                let said = match status {
                    401 | 403 => t.remote_refused,
                    404 | 410 => t.remote_missing,
                    500.. => t.remote_server,
                    _ => t.remote_other,
                };
                fill(
                    said,
                    &[("address", address), ("status", &status.to_string())],
                )
            }
            RemoteError::TooLarge { address } => {
                let max = (MAX_OBJECT_BYTES / (1024 * 1024)).to_string();
                fill(t.remote_too_large, &[("address", address), ("max", &max)])
            }
            RemoteError::Listing { address } => fill(t.remote_listing, &[("address", address)]),
            RemoteError::Changed { address } => fill(t.remote_changed, &[("address", address)]),
        }
    }
}

/// An HTTP client's words with any signed address's query cut: it carries the key's id
/// and the signature, which never go into a message.
fn unsigned(error: &str) -> String {
    error
        .split_whitespace()
        .map(|word| match word.split_once('?') {
            Some((before, _)) if word.contains("X-Amz-") => before,
            _ => word,
        })
        .collect::<Vec<_>>()
        .join(" ")
}
