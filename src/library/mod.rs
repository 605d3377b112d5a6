//! Installed packs: validated copies of managers' packs in the user's data directory,
//! packs an organisation preloaded in the system's data directories, and the default
//! for a plain `ticklist` (the user's choice, else the system's). The built-in packs are
//! always there and cannot be removed.

mod change;
mod install;
mod system;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::pack::{self, BUILTIN_ID, Pack, PackCache, PackError};
use crate::progress::FileAction;
use crate::safe_text::printable;
use crate::text::{EN, Lang, Text, fill};

pub use change::{Change, compare_versions};
pub use install::{Offered, Source, Standing};
pub use system::{PackProblem, SystemDirs};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{0}")]
    Pack(#[from] PackError),
    #[error("{}", fill(EN.fail_unknown_pack, &[("id", .0)]))]
    Unknown(String),
    #[error("{}", EN.fail_builtin)]
    Builtin,
    #[error("{}", fill(EN.fail_builtin_id, &[("id", .0)]))]
    BuiltinId(String),
    #[error("{}", fill(EN.fail_system_pack, &[("id", .id), ("path", &.path.display().to_string())]))]
    System { id: String, path: PathBuf },
    #[error("cannot {} {}: {source}", action.words(&EN), path.display())]
    Io {
        action: FileAction,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl LibraryError {
    /// What went wrong, in `t`'s words.
    pub fn message(&self, t: &Text) -> String {
        match self {
            LibraryError::Pack(e) => e.message(t),
            LibraryError::Unknown(id) => {
                fill(t.fail_unknown_pack, &[("id", &printable(id, false))])
            }
            LibraryError::Builtin => t.fail_builtin.into(),
            LibraryError::BuiltinId(id) => fill(t.fail_builtin_id, &[("id", id)]),
            LibraryError::System { id, path } => {
                let path = path.display().to_string();
                fill(t.fail_system_pack, &[("id", id), ("path", &path)])
            }
            LibraryError::Io {
                action,
                path,
                source,
            } => fill(
                t.file_cannot,
                &[
                    ("action", action.words(t)),
                    ("path", &path.display().to_string()),
                    ("error", &source.to_string()),
                ],
            ),
        }
    }
}

fn io_error(action: FileAction, path: &Path) -> impl FnOnce(io::Error) -> LibraryError {
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
    /// Packs and a default preloaded for every user of the machine.
    system: SystemDirs,
}

impl Library {
    /// `data` holds the packs, `config` the default choice, `cache` validated copies.
    pub fn new(data: &Path, config: &Path, cache: &Path) -> Self {
        Library {
            packs: data.join("packs"),
            default_file: config.join("default-pack"),
            cache: PackCache::new(cache.join("packs")),
            builtin_lang: Lang::En,
            system: SystemDirs::default(),
        }
    }

    /// The same library, with the packs and default of these system directories.
    pub fn with_system(self, system: SystemDirs) -> Self {
        Library { system, ..self }
    }

    /// The same library, handing out the built-in pack in `lang`.
    pub fn with_builtin_lang(self, lang: Lang) -> Self {
        Library {
            builtin_lang: lang,
            ..self
        }
    }

    /// The platform's directories (`~/.local/share`, `~/.config`, `~/.cache` on Linux)
    /// and its system ones (`$XDG_DATA_DIRS`, `$XDG_CONFIG_DIRS`).
    pub fn from_platform() -> Option<Self> {
        let dirs = crate::places::dirs()?;
        let library = Library::new(dirs.data_dir(), dirs.config_dir(), dirs.cache_dir());
        Some(library.with_system(SystemDirs::from_env()))
    }

    /// Where this library keeps what it keeps, for `ticklist paths`.
    pub fn packs_dir(&self) -> &Path {
        &self.packs
    }

    /// The user's default choice (`pack use`).
    pub fn default_file(&self) -> &Path {
        &self.default_file
    }

    /// Where validated copies of packs are cached.
    pub fn cache_dir(&self) -> &Path {
        self.cache.dir()
    }

    /// The system directories this library reads.
    pub fn system(&self) -> &SystemDirs {
        &self.system
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.packs.join(format!("{id}.yaml"))
    }

    /// The pack for this run: a file path, an installed, preloaded or built-in id, or
    /// (`None`) the default: the user's (`pack use`), else the system's, else the
    /// built-in pack. A system default that does not load is skipped (see
    /// [`Library::default_problem`]).
    pub fn resolve(&self, choice: Option<&Path>) -> Result<Pack, LibraryError> {
        let choice = match choice {
            Some(choice) => choice.to_path_buf(),
            None => match read_id(&self.default_file) {
                Some(id) => PathBuf::from(id),
                None => {
                    if let Some(Ok(pack)) = self.system_default().map(|id| self.resolve_id(&id)) {
                        return Ok(pack);
                    }
                    return Ok(pack::builtin(self.builtin_lang)?);
                }
            },
        };
        if choice.is_file() {
            return Ok(self.cache.load_file_in(&choice, self.builtin_lang.text())?);
        }
        let id = choice.to_string_lossy();
        if let Some(builtin) = pack::find_builtin(&id) {
            return Ok(builtin.load(self.builtin_lang)?);
        }
        match self.file_of(&id) {
            Some((file, _)) => Ok(self.cache.load_file_in(&file, self.builtin_lang.text())?),
            None => Err(LibraryError::Unknown(id.into_owned())),
        }
    }

    /// The file of an installed or preloaded pack, and whether it is the system's.
    fn file_of(&self, id: &str) -> Option<(PathBuf, bool)> {
        if !is_plain_id(id) {
            return None;
        }
        let installed = self.path_of(id);
        if installed.is_file() {
            return Some((installed, false));
        }
        self.system.pack_file(id).map(|file| (file, true))
    }

    /// The system default's id, when the user has not chosen one.
    fn system_default(&self) -> Option<String> {
        read_id(&self.default_file)
            .is_none()
            .then(|| self.system.default_id())
            .flatten()
    }

    /// Why the system's default pack is not the one a plain `ticklist` opens, if it
    /// should be and cannot: worth a notice, never fatal.
    pub fn default_problem(&self) -> Option<PackProblem> {
        let id = self.system_default()?;
        let error = self
            .resolve_id(&id)
            .err()?
            .message(self.builtin_lang.text());
        Some(PackProblem {
            path: self.system.default_file().unwrap_or_default(),
            error,
        })
    }

    /// The built-in packs (first), then installed and preloaded ones by id, each with
    /// where it comes from and whether it is the default; installed and preloaded packs
    /// that do not load are left out and returned apart, so one broken pack never hides
    /// the others (nor the way to choose another default).
    pub fn list(&self) -> Result<(Vec<Listed>, Vec<PackProblem>), LibraryError> {
        let default = read_id(&self.default_file)
            .or_else(|| {
                self.system_default()
                    .filter(|id| self.resolve_id(id).is_ok())
            })
            .unwrap_or_else(|| BUILTIN_ID.to_string());
        let mut packs = Vec::new();
        for builtin in pack::BUILTINS {
            let pack = builtin.load(self.builtin_lang)?;
            packs.push(Listed::new(pack, Origin::Builtin, &default));
        }
        let t = self.builtin_lang.text();
        let mut problems = Vec::new();
        for file in yaml_files(&self.packs) {
            match self.cache.load_file_in(&file, t) {
                Ok(pack) => packs.push(Listed::new(pack, Origin::Installed, &default)),
                Err(e) => problems.push(PackProblem {
                    error: e.message(t),
                    path: file,
                }),
            }
        }
        let (preloaded, broken) = self.system.packs(&self.cache, t);
        problems.extend(broken);
        for (pack, dir) in preloaded {
            if !packs.iter().any(|listed| listed.pack.id == pack.id) {
                packs.push(Listed::new(pack, Origin::System(dir), &default));
            }
        }
        let builtins = pack::BUILTINS.len();
        packs[builtins..].sort_by(|a, b| a.pack.id.cmp(&b.pack.id));
        Ok((packs, problems))
    }

    /// Makes `id` the pack a plain `ticklist` opens.
    pub fn use_pack(&self, id: &str) -> Result<Pack, LibraryError> {
        let pack = self.resolve_id(id)?;
        if let Some(dir) = self.default_file.parent() {
            fs::create_dir_all(dir).map_err(io_error(FileAction::Create, dir))?;
        }
        crate::atomic_file::write(&self.default_file, format!("{}\n", pack.id).as_bytes())
            .map_err(io_error(FileAction::Write, &self.default_file))?;
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
        let (path, system) = self
            .file_of(id)
            .ok_or_else(|| LibraryError::Unknown(id.into()))?;
        if system {
            return Err(LibraryError::System {
                id: id.into(),
                path,
            });
        }
        let pack = self.cache.load_file_in(&path, self.builtin_lang.text())?;
        fs::remove_file(&path).map_err(io_error(FileAction::Remove, &path))?;
        self.set_source(id, None)?;
        let default = fs::read_to_string(&self.default_file).unwrap_or_default();
        if default.trim() == id {
            fs::remove_file(&self.default_file)
                .map_err(io_error(FileAction::Remove, &self.default_file))?;
        }
        Ok(pack)
    }
}

/// Where a listed pack comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    Installed,
    /// Preloaded in this system directory.
    System(PathBuf),
}

/// One pack of [`Library::list`].
#[derive(Debug)]
pub struct Listed {
    pub pack: Pack,
    pub origin: Origin,
    pub is_default: bool,
}

impl Listed {
    fn new(pack: Pack, origin: Origin, default: &str) -> Self {
        let is_default = pack.id == default;
        Listed {
            pack,
            origin,
            is_default,
        }
    }
}

/// The `.yaml` files of `dir`, sorted (none if it does not exist).
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// The pack id written in a default-pack file, if there is one.
fn read_id(file: &Path) -> Option<String> {
    let id = fs::read_to_string(file).ok()?;
    let id = id.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// An id that can only name a file inside the packs directory.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
