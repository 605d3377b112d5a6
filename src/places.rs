//! Where ticklist keeps its files on this platform: decided here, once.

use directories::ProjectDirs;

/// The platform's folders for ticklist (`~/.config/ticklist`, `~/.local/share/ticklist`,
/// `~/.cache/ticklist` on Linux, or where `XDG_*` says); none without a home folder.
pub fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "ticklist")
}
