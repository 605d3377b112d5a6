//! The manager's copy of the storage: the objects listed, only those whose version
//! (ETag) changed since the last report downloaded, into a folder of the user's cache
//! that the report then reads exactly as a shared folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Object, Remote, RemoteError};

/// The versions of the objects already downloaded, beside them.
const INDEX: &str = ".versions.json";

/// Downloads under way at once.
const DOWNLOADS: usize = 8;

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
    // Only plain file names (never a path out of the cache folder), and only those
    // whose version changed or whose copy is gone.
    let wanted: Vec<&Object> = listed
        .iter()
        .filter(|o| !o.name.starts_with('.') && !o.name.contains(['/', '\\']))
        .filter(|o| {
            o.etag.is_empty()
                || known.get(&o.name) != Some(&o.etag)
                || !folder.join(&o.name).is_file()
        })
        .collect();
    // Several at once: a report of a thousand exports waits on the network, not the CPU.
    let lanes = DOWNLOADS.min(wanted.len()).max(1);
    let fetched: Vec<Result<Vec<(String, String)>, RemoteError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..lanes)
            .map(|lane| {
                let wanted = &wanted;
                scope.spawn(move || {
                    let mut done = Vec::new();
                    for object in wanted.iter().skip(lane).step_by(lanes) {
                        let bytes = remote.get(&object.name)?;
                        if crate::atomic_file::write(&folder.join(&object.name), &bytes).is_ok() {
                            done.push((object.name.clone(), object.etag.clone()));
                        }
                    }
                    Ok(done)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    Err(RemoteError::Listing {
                        address: remote.address(),
                    })
                })
            })
            .collect()
    });
    let mut downloaded = 0;
    let mut first_error = None;
    for lane in fetched {
        match lane {
            Ok(done) => {
                downloaded += done.len();
                known.extend(done);
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
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
    // What did arrive is kept for next time; the report itself needs every export.
    if let Some(error) = first_error {
        return Err(error);
    }
    Ok(Synced {
        folder: folder.to_path_buf(),
        listed: listed.len(),
        downloaded,
    })
}
