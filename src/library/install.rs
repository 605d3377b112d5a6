//! Installing a pack (from a file or a download) over whatever version is there: the
//! offered pack is validated and weighed against the installed one first, so that the
//! caller can say what changes, refuse a downgrade, or do nothing, before any file is
//! touched.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::change::compare_versions;
use super::{Library, LibraryError, io_error};
use crate::pack::{self, Pack};
use crate::progress::FileAction;

/// A validated pack, ready to replace what is installed under its id.
#[derive(Debug)]
pub struct Offered {
    pub pack: Pack,
    text: String,
    /// The installed pack of the same id, if any (a user's copy, not a system one).
    pub installed: Option<Pack>,
}

/// How the offered pack stands to the installed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    New,
    Newer,
    /// Same version, same content: nothing to do.
    Identical,
    /// Same version number but other content: the manager forgot to raise `version`.
    Reworked,
    Older,
}

impl Offered {
    pub fn standing(&self) -> Standing {
        let Some(installed) = &self.installed else {
            return Standing::New;
        };
        match compare_versions(&self.pack.version, &installed.version) {
            Ordering::Greater => Standing::Newer,
            Ordering::Less => Standing::Older,
            Ordering::Equal if self.pack.digest() == installed.digest() => Standing::Identical,
            Ordering::Equal => Standing::Reworked,
        }
    }
}

/// Where an installed pack was downloaded from, for `pack update` and `pack list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// SHA-256 of the bytes downloaded, in hex, as `sha256sum` prints it.
    pub sha256: String,
    /// Pinned with `--sha256`: an update with other content is refused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
    /// When the server was last asked.
    pub checked: Timestamp,
}

/// What a version changed against the one installed before it: the steps it added
/// (shown as new until seen) and the titles of those it dropped (named to a mentor whose
/// ticks on them no longer count).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Added {
    version: String,
    ids: Vec<String>,
    #[serde(default)]
    removed: BTreeMap<String, String>,
}

impl Library {
    /// Validates pack text (`name` is how errors refer to it) against what is installed.
    pub fn offer(&self, text: String, name: &str) -> Result<Offered, LibraryError> {
        let pack = pack::load_str_in(&text, name, self.builtin_lang.text())?;
        if pack::find_builtin(&pack.id).is_some() {
            return Err(LibraryError::BuiltinId(pack.id));
        }
        let target = self.path_of(&pack.id);
        let installed = target
            .is_file()
            .then(|| pack::load_file(&target).ok())
            .flatten();
        Ok(Offered {
            pack,
            text,
            installed,
        })
    }

    /// Puts `offered` in place (atomically) and records where it came from: `None` for
    /// a file, which forgets any earlier download address.
    pub fn commit(&self, offered: &Offered, source: Option<&Source>) -> Result<(), LibraryError> {
        let pack = &offered.pack;
        let target = self.path_of(&pack.id);
        fs::create_dir_all(&self.packs).map_err(io_error(FileAction::Create, &self.packs))?;
        write_atomically(&target, offered.text.as_bytes())?;
        self.set_source(&pack.id, source)?;
        let added_path = self.added_path(&pack.id);
        match &offered.installed {
            Some(old) if old.version != pack.version => {
                let before: HashSet<&str> = old.nodes.iter().map(|n| n.id.as_str()).collect();
                let now: HashSet<&str> = pack.nodes.iter().map(|n| n.id.as_str()).collect();
                let added = Added {
                    version: pack.version.clone(),
                    ids: pack
                        .nodes
                        .iter()
                        .map(|n| n.id.clone())
                        .filter(|id| !before.contains(id.as_str()))
                        .collect(),
                    removed: old
                        .nodes
                        .iter()
                        .filter(|n| !now.contains(n.id.as_str()))
                        .map(|n| (n.id.clone(), n.title.clone()))
                        .collect(),
                };
                let json = serde_json::to_vec(&added).unwrap_or_default();
                write_atomically(&added_path, &json)?;
            }
            Some(_) => {}
            None => {
                let _ = fs::remove_file(&added_path);
            }
        }
        Ok(())
    }

    fn added(&self, pack: &Pack) -> Added {
        fs::read(self.added_path(&pack.id))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Added>(&bytes).ok())
            .filter(|added| added.version == pack.version)
            .unwrap_or_default()
    }

    /// Ids that `pack`'s version added to the previously installed one (empty when
    /// unknown: a pack not installed, or installed fresh).
    pub fn added_ids(&self, pack: &Pack) -> Vec<String> {
        self.added(pack).ids
    }

    /// The title a step had before `pack`'s version dropped it, if this library knows.
    pub fn removed_titles(&self, pack: &Pack) -> BTreeMap<String, String> {
        self.added(pack).removed
    }

    fn added_path(&self, id: &str) -> PathBuf {
        self.packs.join(format!("{id}.added.json"))
    }

    fn source_path(&self, id: &str) -> PathBuf {
        self.packs.join(format!("{id}.source.json"))
    }

    /// Where the installed pack `id` was downloaded from, if it was.
    pub fn source(&self, id: &str) -> Option<Source> {
        let bytes = fs::read(self.source_path(id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Records (or, with `None`, forgets) where `id` came from.
    pub fn set_source(&self, id: &str, source: Option<&Source>) -> Result<(), LibraryError> {
        let path = self.source_path(id);
        match source {
            Some(source) => {
                let json = serde_json::to_vec_pretty(source).unwrap_or_default();
                write_atomically(&path, &json)
            }
            None => match fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(io_error(FileAction::Remove, &path)(e))
                }
                _ => Ok(()),
            },
        }
    }
}

/// Writes beside `path`, then renames over it: a reader sees the old file or the new.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), LibraryError> {
    crate::atomic_file::write(path, bytes).map_err(io_error(FileAction::Write, path))
}
