//! The command line: what `ticklist` accepts (`args`), and one module per family of
//! subcommands. Errors are [`Failure`]s, each with its exit code.

mod args;
mod packs;
mod progress;
mod reports;
mod shell;
mod validate;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::commands::UnknownIds;
use crate::keymap::{KEYMAP_FILE, Keymap, KeymapError};
use crate::library::{Library, LibraryError};
use crate::pack::{self, MAX_TEXT_CHARS, Pack, PackError};
use crate::plain::PlainError;
use crate::progress::{LoadOutcome, StateError, Tracker};
use crate::text::{Lang, locale_lang};

pub use args::{Cli, Command, ExportFormat, PackCommand, ProgressCommand, ReportFormat};
pub use packs::pack_command;
pub use progress::progress_command;
pub use reports::report;
pub use shell::{completions, man};
pub use validate::validate;

/// Environment variable that overrides where progress is kept.
pub const STATE_DIR_ENV: &str = "TICKLIST_STATE_DIR";

/// Why a command failed, and the exit code that says so.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Pack(#[from] PackError),
    #[error(
        "no home directory found to keep progress in: pass --state-dir DIR or set {STATE_DIR_ENV}"
    )]
    NoStateDir,
    #[error("{0}")]
    Session(#[from] crate::tui::Error),
    #[error("{0}")]
    UnknownIds(#[from] UnknownIds),
    #[error("{0}")]
    Library(#[from] LibraryError),
    #[error("{0}")]
    State(#[from] StateError),
    #[error("progress cannot be saved: {0}")]
    ReadOnlyState(String),
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
    #[error("a note is at most {MAX_TEXT_CHARS} characters; this one has {0}")]
    NoteTooLong(usize),
    #[error("{}: {reason}", path.display())]
    BadExport { path: PathBuf, reason: String },
    #[error("cannot create {}: {source}", path.display())]
    Exists {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("this asks for confirmation and there is no terminal to ask on: pass --yes")]
    NeedsYes,
    #[error("step {id:?} has {count} link(s), so there is no link {n}")]
    NoSuchLink { id: String, n: usize, count: usize },
    #[error("could not open {url}: {error}")]
    OpenFailed { url: String, error: String },
    #[error("{0}")]
    Keymap(#[from] KeymapError),
    #[error("{0}")]
    Plain(#[from] PlainError),
}

impl Failure {
    /// 2 for bad input (a pack that does not validate), 1 for runtime errors.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Library(LibraryError::Io { .. }) | Failure::Keymap(KeymapError::Io { .. }) => {
                ExitCode::from(1)
            }
            Failure::Pack(_)
            | Failure::Library(_)
            | Failure::UnknownIds(_)
            | Failure::NeedsYes
            | Failure::Exists { .. }
            | Failure::NoteTooLong(_)
            | Failure::BadExport { .. }
            | Failure::NoSuchLink { .. }
            | Failure::Keymap(_) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

/// Where a command talks to its user: output, notices, and answers to its questions
/// (`ask` is `None` when there is no terminal to ask on).
pub struct Console<'a, O: Write, E: Write> {
    pub out: O,
    pub err: E,
    pub ask: Option<&'a mut dyn BufRead>,
}

/// The progress of `pack` from what was loaded, and whether it was saved with an older
/// version of the pack; if so, the steps that version added are marked new.
pub fn open_progress(pack: &Pack, loaded: LoadOutcome) -> (Tracker, bool) {
    let upgraded = matches!(&loaded, LoadOutcome::Loaded(s) if s.pack_version != pack.version);
    let mut tracker = Tracker::new(pack, loaded.into_state());
    if upgraded && let Some(library) = Library::from_platform() {
        tracker.mark_new(pack, &library.added_ids(pack));
    }
    (tracker, upgraded)
}

/// The pack chosen for this run: `--pack FILE|ID`, else the one chosen with `pack use`,
/// else the built-in one, in `builtin_lang`. Without a home directory, only files and
/// the built-in pack.
pub fn load_pack(choice: Option<&Path>, builtin_lang: Lang) -> Result<Pack, Failure> {
    if let Some(library) = Library::from_platform() {
        return Ok(library.with_builtin_lang(builtin_lang).resolve(choice)?);
    }
    match choice {
        Some(path) => Ok(pack::load_file(path)?),
        None => Ok(pack::builtin(builtin_lang)?),
    }
}

/// The language the built-in pack is handed out in: `--lang`, else the locale's, else
/// English.
pub fn builtin_lang(cli: &Cli) -> Lang {
    cli.lang.or_else(locale_lang).unwrap_or(Lang::En)
}

/// The language to speak with `pack` open: `--lang`, then the pack's, then the locale's.
pub fn lang_for(cli: &Cli, pack: &Pack) -> Lang {
    Lang::choose(cli.lang, Some(&pack.lang), locale_lang())
}

/// Where progress is kept: `--state-dir`/`TICKLIST_STATE_DIR`, else the platform
/// config directory (`$XDG_CONFIG_HOME/ticklist` on Linux).
pub fn state_dir(cli_choice: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(dir) = cli_choice {
        return Ok(dir);
    }
    directories::ProjectDirs::from("", "", "ticklist")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or(Failure::NoStateDir)
}

/// The keys for the full-screen UI: the defaults with the user's keymap file
/// (`keys.yaml` in the config directory) applied, if there is one.
pub fn keymap() -> Result<Keymap, Failure> {
    let Some(dirs) = directories::ProjectDirs::from("", "", "ticklist") else {
        return Ok(Keymap::default());
    };
    Ok(Keymap::load(&dirs.config_dir().join(KEYMAP_FILE))?)
}

/// Asks a yes/no question on `ask`; no terminal means no answer, so `NeedsYes`.
pub(crate) fn confirm(
    out: &mut impl Write,
    ask: &mut Option<&mut dyn BufRead>,
    question: &str,
) -> Result<bool, Failure> {
    let Some(ask) = ask else {
        return Err(Failure::NeedsYes);
    };
    write!(out, "{question} [y/N] ")
        .and_then(|()| out.flush())
        .map_err(Failure::Output)?;
    let mut answer = String::new();
    ask.read_line(&mut answer).map_err(Failure::Output)?;
    Ok(matches!(
        answer.trim(),
        "y" | "Y" | "yes" | "o" | "O" | "oui"
    ))
}
