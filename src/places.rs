//! Where ticklist keeps its files on this platform: decided here, once.

use directories::ProjectDirs;

/// The platform's folders for ticklist (`~/.config/ticklist`, `~/.local/share/ticklist`,
/// `~/.cache/ticklist` on Linux, or where `XDG_*` says); none without a home folder.
pub fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "ticklist")
}

/// A file name made from `key` that stays the same from one build to the next (the
/// standard hasher may change between Rust releases): FNV-1a, 16 hex digits.
pub fn stable_name(key: &[u8]) -> String {
    let hash = key.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
