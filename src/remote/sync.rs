//! The manager's copy of the storage: the objects listed, only those whose version
//! (ETag) changed since the last report downloaded, into a folder of the user's cache
//! that the report then reads exactly as a shared folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Object, Remote, RemoteError};

/// The versions of the objects already downloaded, beside them.
const INDEX: &str = ".versions.json";

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// The folder to report from.
    pub folder: PathBuf,
    pub listed: usize,
    pub downloaded: usize,
}

/// Brings `folder` (under the user's cache, one per address) up to date with `remote`:
/// new and changed objects downloaded, those gone from the storage removed.
pub fn sync_to_folder(remote: &Remote, folder: &Path) -> Result<Synced, RemoteError> {
    let listed = remote.list()?;
    let _ = std::fs::create_dir_all(folder);
    let index_path = folder.join(INDEX);
    let mut known: BTreeMap<String, String> = std::fs::read(&index_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let mut downloaded = 0;
    for Object { name, etag, .. } in &listed {
        // Only plain file names: never a path out of the cache folder.
        if name.starts_with('.') || name.contains(['/', '\\']) {
            continue;
        }
        let path = folder.join(name);
        if known.get(name) == Some(etag) && !etag.is_empty() && path.is_file() {
            continue;
        }
        let bytes = remote.get(name)?;
        if crate::atomic_file::write(&path, &bytes).is_ok() {
            known.insert(name.clone(), etag.clone());
            downloaded += 1;
        }
    }
    // What the storage no longer holds is no longer reported.
    let names: Vec<&str> = listed.iter().map(|o| o.name.as_str()).collect();
    known.retain(|name, _| {
        let kept = names.contains(&name.as_str());
        if !kept {
            let _ = std::fs::remove_file(folder.join(name));
        }
        kept
    });
    if let Ok(json) = serde_json::to_vec(&known) {
        let _ = crate::atomic_file::write(&index_path, &json);
    }
    Ok(Synced {
        folder: folder.to_path_buf(),
        listed: listed.len(),
        downloaded,
    })
}
