//! The manager's copy of the storage: the objects listed, only those whose version
//! (ETag) changed since the last report downloaded, into a folder of the user's cache
//! that the report then reads exactly as a shared folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Object, Remote, RemoteError};

/// The versions of the objects already downloaded, beside them.
const INDEX: &str = ".versions.json";

/// What one lane of downloads brought: (name, version) of each object written, and
/// the error that stopped it, if one did.
type Lane = (Vec<(String, String)>, Option<RemoteError>);

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
    private_folder(folder)?;
    let index_path = folder.join(INDEX);
    let mut known: BTreeMap<String, String> = std::fs::read(&index_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    // Only names as `publish` makes them (never a path, a drive, a device, a hidden
    // file), each once whatever its case (one file on a case-blind disk).
    let mut seen = std::collections::HashSet::new();
    let usable: Vec<&Object> = listed
        .iter()
        .filter(|o| plain_name(&o.name) && seen.insert(o.name.to_ascii_lowercase()))
        .collect();
    // Those whose version changed or whose copy is gone.
    let wanted: Vec<&&Object> = usable
        .iter()
        .filter(|o| {
            o.etag.is_empty()
                || known.get(&o.name) != Some(&o.etag)
                || !folder.join(&o.name).is_file()
        })
        .collect();
    // Several at once: a report of a thousand exports waits on the network, not the CPU.
    let lanes = DOWNLOADS.min(wanted.len()).max(1);
    let fetched: Vec<Lane> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..lanes)
            .map(|lane| {
                let wanted = &wanted;
                scope.spawn(move || {
                    let mut done = Vec::new();
                    for object in wanted.iter().skip(lane).step_by(lanes) {
                        if let Err(e) = fetch(remote, object, folder) {
                            return (done, Some(e));
                        }
                        done.push((object.name.clone(), object.etag.clone()));
                    }
                    (done, None)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    let address = remote.address();
                    (Vec::new(), Some(RemoteError::Listing { address }))
                })
            })
            .collect()
    });
    let mut downloaded = 0;
    let mut first_error = None;
    for (done, error) in fetched {
        downloaded += done.len();
        known.extend(done);
        if let Some(error) = error {
            first_error.get_or_insert(error);
        }
    }
    // What the storage no longer holds is no longer reported: the folder is pruned by
    // what is in it, not by the index alone (which may be lost).
    let names: std::collections::HashSet<&str> = usable.iter().map(|o| o.name.as_str()).collect();
    known.retain(|name, _| names.contains(name.as_str()));
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != INDEX && !names.contains(name.as_str()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    if let Ok(json) = serde_json::to_vec(&known) {
        let _ = crate::atomic_file::write(&index_path, &json);
    }
    // What did arrive is kept for next time; the report itself needs every export.
    if let Some(error) = first_error {
        return Err(error);
    }
    Ok(Synced {
        folder: folder.to_path_buf(),
        listed: usable.len(),
        downloaded,
    })
}

/// One object into the folder.
fn fetch(remote: &Remote, object: &Object, folder: &Path) -> Result<(), RemoteError> {
    let bytes = remote.get(&object.name)?;
    let path = folder.join(&object.name);
    crate::atomic_file::write(&path, &bytes).map_err(|e| RemoteError::Cache {
        path: path.display().to_string(),
        error: e.to_string(),
    })
}

/// Whether `name` is a file name as `publish` makes them: letters, digits, `.`, `-` and
/// `_`, not starting with a dot, not too long for any disk.
fn plain_name(name: &str) -> bool {
    name.len() <= 200
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// The folder, made if needed, readable by its owner alone: exports hold students' names.
fn private_folder(folder: &Path) -> Result<(), RemoteError> {
    let failed = |e: std::io::Error| RemoteError::Cache {
        path: folder.display().to_string(),
        error: e.to_string(),
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_as_publish_makes_them_are_written() {
        for good in [
            "openclassrooms-mentor--zoe--3f2a9c1d.json",
            "a.json.age",
            "m0001.json",
        ] {
            assert!(plain_name(good), "{good}");
        }
        for bad in [
            "C:evil.cmd",
            "../x.json",
            ".hidden",
            "a/b.json",
            "a\\b",
            "con .json",
            "",
            "é.json",
        ] {
            assert!(!plain_name(bad), "{bad}");
        }
        assert!(!plain_name(&"a".repeat(201)));
    }
}
