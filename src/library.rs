//! Installed packs: validated copies of managers' packs in the user's data directory,
//! one of which may be the default for a plain `ticklist`. The built-in pack is always
//! there and cannot be removed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::pack::{self, BUILTIN_ID, Pack, PackCache, PackError};
use crate::text::{EN, Lang, fill};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{0}")]
    Pack(#[from] PackError),
    #[error("{}", fill(EN.fail_unknown_pack, &[("id", .0)]))]
    Unknown(String),
    #[error("{}", EN.fail_builtin)]
    Builtin,
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> LibraryError {
    let path = path.to_path_buf();
    move |source| LibraryError::Io {
        action,
        path,
        source,
    }
}

/// Where installed packs, the default choice and the cache of validated packs live.
#[derive(Debug, Clone)]
pub struct Library {
    packs: PathBuf,
    default_file: PathBuf,
    cache: PackCache,
    /// The translation of the built-in packs this library hands out, and the language
    /// pack problems are written in.
    builtin_lang: Lang,
}

/// Ids a version added to the one installed before it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Added {
    version: String,
    ids: Vec<String>,
}

/// What `install` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Installed {
    New,
    /// Replaced an installed pack with the same id, whose version is given.
    Replaced(String),
}

impl Library {
    /// `data` holds the packs, `config` the default choice, `cache` validated copies.
    pub fn new(data: &Path, config: &Path, cache: &Path) -> Self {
        Library {
            packs: data.join("packs"),
            default_file: config.join("default-pack"),
            cache: PackCache::new(cache.join("packs")),
            builtin_lang: Lang::En,
        }
    }

    /// The same library, handing out the built-in pack in `lang`.
    pub fn with_builtin_lang(self, lang: Lang) -> Self {
        Library {
            builtin_lang: lang,
            ..self
        }
    }

    /// The platform's directories (`~/.local/share`, `~/.config`, `~/.cache` on Linux).
    pub fn from_platform() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "ticklist")?;
        Some(Library::new(
            dirs.data_dir(),
            dirs.config_dir(),
            dirs.cache_dir(),
        ))
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.packs.join(format!("{id}.yaml"))
    }

    /// The pack for this run: a file path, an installed or built-in id, or (`None`) the
    /// default chosen with `pack use`, else the built-in pack.
    pub fn resolve(&self, choice: Option<&Path>) -> Result<Pack, LibraryError> {
        let choice = match choice {
            Some(choice) => choice.to_path_buf(),
            None => match fs::read_to_string(&self.default_file) {
                Ok(id) if !id.trim().is_empty() => PathBuf::from(id.trim()),
                _ => return Ok(pack::builtin(self.builtin_lang)?),
            },
        };
        if choice.is_file() {
            return Ok(self.cache.load_file_in(&choice, self.builtin_lang.text())?);
        }
        let id = choice.to_string_lossy();
        if let Some(builtin) = pack::find_builtin(&id) {
            return Ok(builtin.load(self.builtin_lang)?);
        }
        let installed = self.path_of(&id);
        if is_plain_id(&id) && installed.is_file() {
            return Ok(self
                .cache
                .load_file_in(&installed, self.builtin_lang.text())?);
        }
        Err(LibraryError::Unknown(id.into_owned()))
    }

    /// Validates `file` and copies it in under its pack id.
    pub fn install(&self, file: &Path) -> Result<(Pack, Installed), LibraryError> {
        let pack = pack::load_file_in(file, self.builtin_lang.text())?;
        let target = self.path_of(&pack.id);
        let previous = target
            .is_file()
            .then(|| pack::load_file(&target).ok())
            .flatten();
        fs::create_dir_all(&self.packs).map_err(io_error("create", &self.packs))?;
        let tmp = target.with_extension("yaml.tmp");
        fs::copy(file, &tmp)
            .and_then(|_| fs::rename(&tmp, &target))
            .map_err(io_error("install into", &target))?;
        let added_path = self.added_path(&pack.id);
        let installed = match previous {
            Some(old) if old.version != pack.version => {
                // Remember what this version added, so mentors see those steps as new.
                let before: std::collections::HashSet<&str> =
                    old.nodes.iter().map(|n| n.id.as_str()).collect();
                let added = Added {
                    version: pack.version.clone(),
                    ids: pack
                        .nodes
                        .iter()
                        .map(|n| n.id.clone())
                        .filter(|id| !before.contains(id.as_str()))
                        .collect(),
                };
                let json = serde_json::to_vec(&added).map_err(std::io::Error::other);
                json.and_then(|json| fs::write(&added_path, json))
                    .map_err(io_error("write", &added_path))?;
                Installed::Replaced(old.version)
            }
            Some(old) => Installed::Replaced(old.version),
            None => {
                let _ = fs::remove_file(&added_path);
                Installed::New
            }
        };
        Ok((pack, installed))
    }

    fn added_path(&self, id: &str) -> PathBuf {
        self.packs.join(format!("{id}.added.json"))
    }

    /// Ids that `pack`'s version added to the previously installed one (empty when
    /// unknown: a pack not installed, or installed fresh).
    pub fn added_ids(&self, pack: &Pack) -> Vec<String> {
        fs::read(self.added_path(&pack.id))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Added>(&bytes).ok())
            .filter(|added| added.version == pack.version)
            .map(|added| added.ids)
            .unwrap_or_default()
    }

    /// Installed packs plus the built-in one (first), each with whether it is the default.
    pub fn list(&self) -> Result<Vec<(Pack, bool)>, LibraryError> {
        let default = fs::read_to_string(&self.default_file)
            .map(|id| id.trim().to_string())
            .unwrap_or_default();
        let mut packs = Vec::new();
        for builtin in pack::BUILTINS {
            let is_default =
                default == builtin.id || (default.is_empty() && builtin.id == BUILTIN_ID);
            packs.push((builtin.load(self.builtin_lang)?, is_default));
        }
        let mut files: Vec<PathBuf> = match fs::read_dir(&self.packs) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect(),
            Err(_) => Vec::new(),
        };
        files.sort();
        for file in files {
            let pack = self.cache.load_file_in(&file, self.builtin_lang.text())?;
            let is_default = pack.id == default;
            packs.push((pack, is_default));
        }
        Ok(packs)
    }

    /// Makes `id` the pack a plain `ticklist` opens.
    pub fn use_pack(&self, id: &str) -> Result<Pack, LibraryError> {
        let pack = self.resolve_id(id)?;
        if let Some(dir) = self.default_file.parent() {
            fs::create_dir_all(dir).map_err(io_error("create", dir))?;
        }
        fs::write(&self.default_file, format!("{}\n", pack.id))
            .map_err(io_error("write", &self.default_file))?;
        Ok(pack)
    }

    /// An installed or built-in pack by id (not a file path).
    pub fn resolve_id(&self, id: &str) -> Result<Pack, LibraryError> {
        if !is_plain_id(id) {
            return Err(LibraryError::Unknown(id.into()));
        }
        self.resolve(Some(Path::new(id)))
    }

    /// Deletes an installed pack (progress is kept). If it was the default, the
    /// built-in pack becomes the default again.
    pub fn remove(&self, id: &str) -> Result<Pack, LibraryError> {
        if pack::find_builtin(id).is_some() {
            return Err(LibraryError::Builtin);
        }
        let path = self.path_of(id);
        if !is_plain_id(id) || !path.is_file() {
            return Err(LibraryError::Unknown(id.into()));
        }
        let pack = self.cache.load_file_in(&path, self.builtin_lang.text())?;
        fs::remove_file(&path).map_err(io_error("remove", &path))?;
        let default = fs::read_to_string(&self.default_file).unwrap_or_default();
        if default.trim() == id {
            fs::remove_file(&self.default_file).map_err(io_error("remove", &self.default_file))?;
        }
        Ok(pack)
    }
}

/// An id that can only name a file inside the packs directory.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
