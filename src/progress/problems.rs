//! Why a progress file could not be used, in the words of the person reading it: what
//! was being done to which file, or what is wrong inside it.

use std::io;
use std::path::{Path, PathBuf};

use crate::text::{Text, fill};

/// A progress file that could not be read or written. `Display` is English, for logs;
/// a person reads [`StateError::words`]. The system's reason is kept as text, so that
/// the error can be told again (a refused change says it each time).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("cannot {} {}: {os}", action.words(&crate::text::EN), path.display())]
    Io {
        action: FileAction,
        path: PathBuf,
        /// What the system said (its words stay as it gives them).
        os: String,
    },
}

impl StateError {
    /// What went wrong, in `t`'s words.
    pub fn words(&self, t: &Text) -> String {
        match self {
            StateError::Io { action, path, os } => fill(
                t.file_cannot,
                &[
                    ("action", action.words(t)),
                    ("path", &path.display().to_string()),
                    ("error", os),
                ],
            ),
        }
    }
}

/// The error of `action` on `path`, from what the system said.
pub(super) fn io_error(action: FileAction, path: &Path) -> impl FnOnce(io::Error) -> StateError {
    let path = path.to_path_buf();
    move |source: io::Error| StateError::Io {
        action,
        path,
        os: source.to_string(),
    }
}

/// What was being done to a progress file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Create,
    Lock,
    Read,
    MoveAside,
    Write,
    Remove,
}

impl FileAction {
    /// What was being done, as the sentence of [`Text::file_cannot`] says it.
    pub fn words(self, t: &Text) -> &'static str {
        match self {
            FileAction::Remove => t.file_remove,
            FileAction::Create => t.file_create,
            FileAction::Lock => t.file_lock,
            FileAction::Read => t.file_read,
            FileAction::MoveAside => t.file_move_aside,
            FileAction::Write => t.file_write,
        }
    }
}

/// Why a progress file that was read cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// A folder where the file should be.
    Directory,
    /// Written by a newer ticklist, in this format.
    Newer(u32),
    /// The progress of another pack (its id).
    OtherPack(String),
    /// Not a progress file: broken from this line and column on (1-based).
    Invalid { line: usize, column: usize },
}

impl Unusable {
    pub fn words(&self, t: &Text) -> String {
        match self {
            Unusable::Directory => t.state_is_directory.into(),
            Unusable::Newer(format) => fill(
                t.state_newer,
                &[
                    ("format", &format.to_string()),
                    ("known", &super::FORMAT_VERSION.to_string()),
                ],
            ),
            Unusable::OtherPack(id) => fill(
                t.state_other_pack,
                &[("pack", &crate::safe_text::printable(id, false))],
            ),
            Unusable::Invalid { line, column } => fill(
                t.state_invalid,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
        }
    }
}

/// Why progress cannot be saved this session, so it keeps ticks in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    /// The file could not be read, or written back.
    Failed(StateError),
    /// The file could not be used, nor moved aside.
    Stuck(Unusable, StateError),
}

impl ReadOnlyWhy {
    pub fn words(&self, t: &Text) -> String {
        match self {
            ReadOnlyWhy::Failed(e) => e.words(t),
            ReadOnlyWhy::Stuck(unusable, e) => fill(
                t.state_stuck,
                &[("reason", &unusable.words(t)), ("error", &e.words(t))],
            ),
        }
    }
}
