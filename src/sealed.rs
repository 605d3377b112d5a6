//! Exports sealed for the manager alone, when the storage is shared: encrypted to their
//! public key in the age format (`publish … --encrypt-to age1…`), opened with their
//! identity file (`report --identity FILE`). A student's name in a first-session
//! checklist is then unreadable to anyone else who can read the bucket or the folder.

use std::path::Path;
use std::str::FromStr as _;
use std::sync::Arc;

/// The manager's public key: post-quantum (`age1pq1…`, what `age-keygen -pq` makes), or
/// classic X25519 (`age1…`, what every `age-keygen` made before).
#[derive(Clone)]
pub struct Recipient(Arc<dyn age::Recipient + Send + Sync>);

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recipient(age)")
    }
}

/// The manager's secret key, of either kind.
pub type Identity = Box<dyn age::Identity + Send + Sync>;

/// How every age file begins: what tells a sealed export from a plain one.
const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Why an export could not be sealed or opened, for a person to act on.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("{given}: not an age public key (age1…)")]
    BadRecipient { given: String },
    #[error("{path}: no age secret key in this file (AGE-SECRET-KEY-1…)")]
    BadIdentity { path: String },
    #[error("{path}: the identity file cannot be read ({error})")]
    Unreadable { path: String, error: String },
    #[error("sealed for another key")]
    NotForThisKey,
    #[error("the export could not be encrypted")]
    Failed,
}

impl SealError {
    /// The same, in the language of `t`.
    pub fn message(&self, t: &crate::text::Text) -> String {
        use crate::text::fill;
        match self {
            SealError::BadRecipient { given } => fill(t.seal_bad_recipient, &[("given", given)]),
            SealError::BadIdentity { path } => fill(t.seal_bad_identity, &[("path", path)]),
            SealError::Unreadable { path, error } => {
                fill(t.seal_unreadable, &[("path", path), ("error", error)])
            }
            SealError::NotForThisKey => t.unread_sealed.into(),
            SealError::Failed => t.seal_failed.into(),
        }
    }
}

/// The manager's public key, checked when the mentor gives it.
pub fn recipient(given: &str) -> Result<Recipient, SealError> {
    let given = given.trim();
    let bad = || SealError::BadRecipient {
        given: given.into(),
    };
    if let Ok(pq) = age::pq::Recipient::from_str(given) {
        return Ok(Recipient(Arc::new(pq)));
    }
    // Kept for the keys managers already have; new ones are post-quantum.
    #[allow(deprecated)]
    let classic = age::x25519::Recipient::from_str(given).map_err(|_| bad())?;
    Ok(Recipient(Arc::new(classic)))
}

/// `bytes` encrypted to `recipient`.
pub fn seal(bytes: &[u8], recipient: &Recipient) -> Result<Vec<u8>, SealError> {
    let recipients = std::iter::once(recipient.0.as_ref() as &dyn age::Recipient);
    let sealed = age::Encryptor::with_recipients(recipients).and_then(|encryptor| {
        let mut out = Vec::with_capacity(bytes.len() + 512);
        let mut writer = encryptor.wrap_output(&mut out)?;
        std::io::Write::write_all(&mut writer, bytes)?;
        writer.finish()?;
        Ok(out)
    });
    // Never an empty object in place of a good export.
    sealed.map_err(|_| SealError::Failed)
}

/// Whether `bytes` are sealed (else they are read as they are).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The manager's identity, from a file as `age-keygen` writes it (comments allowed).
pub fn identity(path: &Path) -> Result<Identity, SealError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| SealError::Unreadable {
        path: shown.clone(),
        error: e.to_string(),
    })?;
    text.lines()
        .map(str::trim)
        .filter(|line| line.starts_with("AGE-SECRET-KEY-"))
        .find_map(parse_identity)
        .ok_or(SealError::BadIdentity { path: shown })
}

fn parse_identity(line: &str) -> Option<Identity> {
    if let Ok(pq) = age::pq::Identity::from_str(line) {
        return Some(Box::new(pq));
    }
    #[allow(deprecated)]
    let classic = age::x25519::Identity::from_str(line).ok()?;
    Some(Box::new(classic))
}

/// What `bytes` held before sealing.
pub fn open(bytes: &[u8], identity: &Identity) -> Result<Vec<u8>, SealError> {
    let opened = age::Decryptor::new_buffered(bytes)
        .ok()
        .and_then(|decryptor| {
            let identities = std::iter::once(identity.as_ref() as &dyn age::Identity);
            let mut reader = decryptor.decrypt(identities).ok()?;
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut reader, &mut out).ok()?;
            Some(out)
        });
    opened.ok_or(SealError::NotForThisKey)
}

#[cfg(test)]
mod tests {
    use age::secrecy::ExposeSecret as _;

    use super::*;

    #[test]
    fn sealed_for_one_key_opens_with_it_alone() {
        let manager = age::pq::Identity::generate();
        let to = recipient(&manager.to_public().to_string()).unwrap();
        let sealed = seal(b"{\"student\":\"Alice\"}", &to).unwrap();
        assert!(is_sealed(&sealed) && !is_sealed(b"{}"));
        assert!(!String::from_utf8_lossy(&sealed).contains("Alice"));
        let secret = manager.to_string();
        let key = parse_identity(secret.expose_secret()).unwrap();
        assert_eq!(open(&sealed, &key).unwrap(), b"{\"student\":\"Alice\"}");
        let other = parse_identity(age::pq::Identity::generate().to_string().expose_secret());
        assert!(matches!(
            open(&sealed, &other.unwrap()),
            Err(SealError::NotForThisKey)
        ));
        assert!(matches!(
            recipient("age1notakey"),
            Err(SealError::BadRecipient { .. })
        ));
        // A classic key (age-keygen before post-quantum keys) still works.
        #[allow(deprecated)]
        let classic = age::x25519::Identity::generate();
        let to = recipient(&classic.to_public().to_string()).unwrap();
        let key = parse_identity(classic.to_string().expose_secret()).unwrap();
        assert_eq!(open(&seal(b"x", &to).unwrap(), &key).unwrap(), b"x");
    }
}
