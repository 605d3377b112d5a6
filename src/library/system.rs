//! Packs an organisation preloads for every user of a machine: `ticklist/packs/*.yaml`
//! in the system data directories and a default in `ticklist/default-pack` in the
//! system config directories, as a package or a machine image installs them. The first
//! directory that has a file wins, as the XDG base directory rules say.

use std::path::PathBuf;

use crate::pack::{Pack, PackCache};
use crate::text::Text;

/// The system directories to read, most important first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemDirs {
    /// Each holds `ticklist/packs/`.
    pub data: Vec<PathBuf>,
    /// Each may hold `ticklist/default-pack`.
    pub config: Vec<PathBuf>,
}

/// A pack (installed, preloaded, or the default) that cannot be used: reported, then
/// skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackProblem {
    pub path: PathBuf,
    pub error: String,
}

impl PackProblem {
    /// The pack skipped and why, in `t`'s words.
    pub fn words(&self, t: &crate::text::Text) -> String {
        let path = self.path.display().to_string();
        crate::text::fill(
            t.list_pack_problem,
            &[("path", &path), ("error", &self.error)],
        )
    }
}

impl SystemDirs {
    /// `$XDG_DATA_DIRS` and `$XDG_CONFIG_DIRS`, or the platform's defaults when unset.
    pub fn from_env() -> Self {
        SystemDirs {
            data: dirs_from("XDG_DATA_DIRS", default_data_dirs()),
            config: dirs_from("XDG_CONFIG_DIRS", default_config_dirs()),
        }
    }

    /// Where preloaded packs are looked for, first first.
    pub fn packs_dirs(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.data
            .iter()
            .map(|dir| dir.join("ticklist").join("packs"))
    }

    /// The first preloaded file of pack `id` (a plain id, checked by the caller).
    pub fn pack_file(&self, id: &str) -> Option<PathBuf> {
        self.packs_dirs()
            .map(|dir| dir.join(format!("{id}.yaml")))
            .find(|file| file.is_file())
    }

    /// The first system default-pack file.
    pub fn default_file(&self) -> Option<PathBuf> {
        self.config
            .iter()
            .map(|dir| dir.join("ticklist").join("default-pack"))
            .find(|file| file.is_file())
    }

    /// The id the system default names, if any.
    pub fn default_id(&self) -> Option<String> {
        super::read_id(&self.default_file()?)
    }

    /// Every preloaded pack that loads, with its directory (the first of an id only),
    /// and those that do not.
    pub fn packs(
        &self,
        cache: &PackCache,
        t: &'static Text,
    ) -> (Vec<(Pack, PathBuf)>, Vec<PackProblem>) {
        let mut packs: Vec<(Pack, PathBuf)> = Vec::new();
        let mut problems = Vec::new();
        for dir in self.packs_dirs() {
            for file in super::yaml_files(&dir) {
                match cache.load_file_in(&file, t) {
                    Ok(pack) if packs.iter().any(|(p, _)| p.id == pack.id) => {}
                    Ok(pack) => packs.push((pack, dir.clone())),
                    Err(e) => problems.push(PackProblem {
                        path: file,
                        error: e.message(t),
                    }),
                }
            }
        }
        (packs, problems)
    }
}

fn dirs_from(var: &str, defaults: Vec<PathBuf>) -> Vec<PathBuf> {
    match std::env::var_os(var) {
        // Relative entries are invalid and ignored, as the XDG rules say.
        Some(value) if !value.is_empty() => std::env::split_paths(&value)
            .filter(|dir| dir.is_absolute())
            .collect(),
        _ => defaults,
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn default_data_dirs() -> Vec<PathBuf> {
    vec!["/usr/local/share".into(), "/usr/share".into()]
}

#[cfg(all(unix, not(target_os = "macos")))]
fn default_config_dirs() -> Vec<PathBuf> {
    vec!["/etc/xdg".into()]
}

#[cfg(target_os = "macos")]
fn default_data_dirs() -> Vec<PathBuf> {
    vec!["/Library/Application Support".into()]
}

#[cfg(target_os = "macos")]
fn default_config_dirs() -> Vec<PathBuf> {
    default_data_dirs()
}

/// `%ProgramData%` (`C:\ProgramData`) for packs and the default alike.
#[cfg(not(unix))]
fn default_data_dirs() -> Vec<PathBuf> {
    std::env::var_os("ProgramData")
        .map(PathBuf::from)
        .into_iter()
        .collect()
}

#[cfg(not(unix))]
fn default_config_dirs() -> Vec<PathBuf> {
    default_data_dirs()
}
