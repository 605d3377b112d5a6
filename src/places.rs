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
    format!("{:016x}", stable_hash(key))
}

/// FNV-1a of `key`; `const` so that a build can fingerprint its own source.
pub const fn stable_hash(key: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut i = 0;
    while i < key.len() {
        hash = (hash ^ key[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}
