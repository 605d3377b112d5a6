//! The command line: what `ticklist` accepts (`args`), and one module per family of
//! subcommands. Errors are [`Failure`]s, each with its exit code.

mod args;
mod checklist;
mod dispatch;
mod help;
mod ids;
mod listing;
mod open;
mod pack_install;
mod packs;
mod progress;
mod publishing;
mod reports;
mod runs;
mod search;
mod shell;
mod validate;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::keymap::{KEYMAP_FILE, Keymap, KeymapError};
use crate::library::{Library, LibraryError};
use crate::pack::{self, MAX_TEXT_CHARS, Pack, PackError};
use crate::plain::PlainError;
use crate::progress::{StateError, StateStore, find_run, list_runs, start_run};
use crate::safe_text::printable;
use crate::text::{EN, Lang, Text, fill, locale_lang};

pub use args::{
    Cli, Command, ExportFormat, PackCommand, ProgressCommand, ReportFormat, RunsCommand,
};
pub use dispatch::run;
pub use help::{command, early_lang};
pub use ids::UnknownIds;
pub use packs::pack_command;
pub use progress::progress_command;
pub use reports::{ReportRequest, report};
pub use runs::runs_command;
pub use search::search;
pub use shell::{completions, man};
pub use validate::validate;

/// Environment variable that overrides where progress is kept.
pub const STATE_DIR_ENV: &str = "TICKLIST_STATE_DIR";

/// Why a command failed, and the exit code that says so. Shown to the user through
/// [`Failure::message`] in their language; `Display` is the English text.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(&EN))]
pub enum Failure {
    Pack(#[from] PackError),
    NoStateDir,
    Session(#[from] crate::tui::Error),
    UnknownIds(#[from] UnknownIds),
    Library(#[from] LibraryError),
    State(#[from] StateError),
    ReadOnlyState(String),
    Output(#[source] std::io::Error),
    NoteTooLong(usize),
    /// Some files given to `report` were not exports; the report names them.
    Unread(usize),
    /// `status --check`: some steps are still to do.
    NotDone,
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    Exists {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    NeedsYes,
    /// An export without `--name`, and no name known or to ask for.
    NeedsName,
    NoFolder {
        dir: PathBuf,
        #[source]
        error: std::io::Error,
    },
    NoSuchLink {
        id: String,
        n: usize,
        count: usize,
    },
    OpenFailed {
        url: String,
        error: String,
    },
    Keymap(#[from] KeymapError),
    Plain(#[from] PlainError),
    /// `search` found nothing (not an error of the user's, but worth a status).
    NoMatch(String),
    /// A repeatable pack opened without `--run` where no one can pick a run.
    RunNeeded {
        pack: String,
        runs: Vec<String>,
    },
    UnknownRun {
        name: String,
        runs: Vec<String>,
    },
    NotRepeatable(String),
    /// A pack could not be downloaded.
    Fetch(#[from] crate::fetch::FetchError),
    /// An older version offered without `--allow-downgrade`.
    Downgrade {
        id: String,
        old: String,
        version: String,
    },
    Sha256Bad(String),
    Sha256Mismatch {
        url: String,
        actual: String,
        expected: String,
    },
    /// `--sha256` with a file rather than an address.
    Sha256Local,
    /// `pack update`: some packs failed (each said on its own line).
    NotUpdated,
}

impl Failure {
    /// What went wrong, in the language of `t`. Pack, state-file and keymap problems
    /// come from their own modules and stay in English, like the system's own errors.
    pub fn message(&self, t: &Text) -> String {
        let error = |e: &dyn std::fmt::Display| e.to_string();
        match self {
            Failure::NoStateDir => fill(t.fail_no_state_dir, &[("env", STATE_DIR_ENV)]),
            Failure::Session(crate::tui::Error::Terminal(e)) => {
                fill(t.fail_terminal, &[("error", &error(e))])
            }
            Failure::Session(crate::tui::Error::Unsaved(e))
            | Failure::Plain(PlainError::Unsaved(e)) => fill(t.fail_unsaved, &[("error", e)]),
            Failure::UnknownIds(unknown) => unknown.message(t),
            Failure::Library(LibraryError::Unknown(id)) => {
                fill(t.fail_unknown_pack, &[("id", &printable(id, false))])
            }
            Failure::Library(LibraryError::Builtin) => t.fail_builtin.into(),
            Failure::Library(LibraryError::BuiltinId(id)) => fill(t.fail_builtin_id, &[("id", id)]),
            Failure::Library(LibraryError::System { id, path }) => {
                let path = path.display().to_string();
                fill(t.fail_system_pack, &[("id", id), ("path", &path)])
            }
            Failure::Fetch(e) => e.message(t),
            Failure::Downgrade { id, old, version } => fill(
                t.fail_downgrade,
                &[("id", id), ("old", old), ("version", version)],
            ),
            Failure::Sha256Bad(given) => fill(t.fail_sha256_bad, &[("given", given)]),
            Failure::Sha256Mismatch {
                url,
                actual,
                expected,
            } => fill(
                t.fail_sha256_mismatch,
                &[("url", url), ("actual", actual), ("expected", expected)],
            ),
            Failure::Sha256Local => t.fail_sha256_local.into(),
            Failure::NotUpdated => t.fail_not_updated.into(),
            Failure::ReadOnlyState(reason) => fill(t.fail_read_only, &[("reason", reason)]),
            Failure::Output(e) | Failure::Plain(PlainError::Output(e)) => {
                fill(t.fail_output, &[("error", &error(e))])
            }
            Failure::NoteTooLong(count) => {
                let (max, count) = (MAX_TEXT_CHARS.to_string(), count.to_string());
                fill(t.fail_note_too_long, &[("max", &max), ("count", &count)])
            }
            Failure::NotDone => t.fail_not_done.into(),
            Failure::Unread(count) => fill(t.fail_unread, &[("count", &count.to_string())]),
            Failure::Write { path, source } => {
                let path = path.display().to_string();
                fill(t.fail_write, &[("path", &path), ("error", &error(source))])
            }
            Failure::Exists { path, source } => {
                let path = path.display().to_string();
                fill(t.fail_exists, &[("path", &path), ("error", &error(source))])
            }
            Failure::NeedsYes => t.fail_needs_yes.into(),
            Failure::NeedsName => t.fail_needs_name.into(),
            Failure::NoFolder { dir, error: e } => {
                let dir = dir.display().to_string();
                fill(t.fail_no_folder, &[("dir", &dir), ("error", &error(e))])
            }
            Failure::NoSuchLink { id, n, count } => {
                let (n, count) = (n.to_string(), count.to_string());
                let id = printable(id, false);
                fill(
                    t.fail_no_such_link,
                    &[("id", &id), ("n", &n), ("count", &count)],
                )
            }
            Failure::OpenFailed { url, error } => {
                fill(t.fail_open, &[("url", url), ("error", error)])
            }
            Failure::Plain(PlainError::Input(e)) => fill(t.fail_input, &[("error", &error(e))]),
            Failure::NoMatch(text) => fill(t.fail_no_match, &[("text", text)]),
            Failure::RunNeeded { pack, runs } => {
                let runs = run_names(t, runs);
                fill(t.fail_run_needed, &[("pack", pack), ("runs", &runs)])
            }
            Failure::UnknownRun { name, runs } => {
                let runs = run_names(t, runs);
                let name = printable(name, false);
                fill(t.fail_unknown_run, &[("name", &name), ("runs", &runs)])
            }
            Failure::NotRepeatable(pack) => fill(t.fail_not_repeatable, &[("pack", pack)]),
            Failure::Pack(e) | Failure::Library(LibraryError::Pack(e)) => e.message(t),
            Failure::Library(e) => e.to_string(),
            Failure::State(e) => e.to_string(),
            Failure::Keymap(e) => e.to_string(),
        }
    }

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
            | Failure::NeedsName
            | Failure::NoFolder { .. }
            | Failure::Exists { .. }
            | Failure::NoteTooLong(_)
            | Failure::NoSuchLink { .. }
            | Failure::RunNeeded { .. }
            | Failure::UnknownRun { .. }
            | Failure::NotRepeatable(_)
            | Failure::Downgrade { .. }
            | Failure::Sha256Bad(_)
            | Failure::Sha256Local
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

/// The pack chosen for this run: `--pack FILE|ID`, else the one chosen with `pack use`,
/// else the built-in one, in `builtin_lang`. Without a home directory, only files and
/// the built-in pack.
pub fn load_pack(choice: Option<&Path>, builtin_lang: Lang) -> Result<Pack, Failure> {
    if let Some(library) = Library::from_platform() {
        return Ok(library.with_builtin_lang(builtin_lang).resolve(choice)?);
    }
    let builtin = choice.and_then(|c| c.to_str()).and_then(pack::find_builtin);
    match (choice, builtin) {
        (Some(path), _) if path.is_file() => Ok(pack::load_file_in(path, builtin_lang.text())?),
        (_, Some(builtin)) => Ok(builtin.load(builtin_lang)?),
        (Some(path), None) => Ok(pack::load_file_in(path, builtin_lang.text())?),
        (None, None) => Ok(pack::builtin(builtin_lang)?),
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

/// The runs named in a message, or a word saying there are none.
fn run_names(t: &Text, runs: &[String]) -> String {
    if runs.is_empty() {
        t.no_runs_yet.to_string()
    } else {
        runs.join(", ")
    }
}

/// Where `pack`'s progress is read and written: for a repeatable pack, the run named by
/// `--run` (started when `start` allows and it is new). Without `--run`, `Ok(None)`:
/// the caller must let the user pick a run, or refuse.
pub fn progress_store(
    cli: &Cli,
    pack: &Pack,
    start: bool,
) -> Result<(StateStore, Option<String>), Failure> {
    let store = StateStore::new(state_dir(cli.state_dir.clone())?);
    match (&cli.run, pack.repeatable) {
        (None, false) => Ok((store, None)),
        (Some(_), false) => Err(Failure::NotRepeatable(pack.id.clone())),
        (None, true) => {
            let runs = list_runs(&store, pack);
            Err(Failure::RunNeeded {
                pack: pack.id.clone(),
                runs: runs
                    .into_iter()
                    .filter(|r| !r.run.archived)
                    .map(|r| r.run.name)
                    .collect(),
            })
        }
        (Some(name), true) if name.trim().is_empty() => Err(Failure::UnknownRun {
            name: name.clone(),
            runs: list_runs(&store, pack)
                .into_iter()
                .map(|r| r.run.name)
                .collect(),
        }),
        (Some(name), true) => {
            let runs = list_runs(&store, pack);
            let key = match find_run(&runs, name) {
                Some(run) => run.key.clone(),
                None if start => start_run(&store, pack, name, crate::clock::now())?,
                None => {
                    return Err(Failure::UnknownRun {
                        name: name.clone(),
                        runs: runs.into_iter().map(|r| r.run.name).collect(),
                    });
                }
            };
            let run = store.for_run(&key);
            let name = find_run(&list_runs(&store, pack), &key).map(|r| r.run.name.clone());
            Ok((run, name))
        }
    }
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
pub fn keymap(t: &Text) -> Result<Keymap, Failure> {
    let Some(dirs) = directories::ProjectDirs::from("", "", "ticklist") else {
        return Ok(Keymap::default());
    };
    Ok(Keymap::load(&dirs.config_dir().join(KEYMAP_FILE), t)?)
}

/// The local time zone. With `TZ` unset, `/etc/localtime` is read directly: asking jiff
/// for the system zone also walks the whole zoneinfo tree (dozens of directory reads)
/// before the first frame.
pub fn local_time_zone() -> TimeZone {
    if cfg!(unix)
        && std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = TimeZone::tzif("Local", &bytes)
    {
        return tz;
    }
    TimeZone::system()
}

/// Asks a yes/no question on `ask`; no terminal means no answer, so `NeedsYes`.
pub(crate) fn confirm(
    out: &mut impl Write,
    ask: &mut Option<&mut dyn BufRead>,
    question: &str,
    t: &Text,
) -> Result<bool, Failure> {
    let prompt = format!("{question} {}", t.cli_yes_no);
    let answer = ask_line(out, ask, &prompt)?.ok_or(Failure::NeedsYes)?;
    Ok(matches!(
        answer.as_str(),
        "y" | "Y" | "yes" | "o" | "O" | "oui"
    ))
}

/// Asks `prompt` on `ask` and reads the answer, trimmed; `None` without a terminal.
pub(crate) fn ask_line(
    out: &mut impl Write,
    ask: &mut Option<&mut dyn BufRead>,
    prompt: &str,
) -> Result<Option<String>, Failure> {
    let Some(ask) = ask else {
        return Ok(None);
    };
    write!(out, "{prompt} ")
        .and_then(|()| out.flush())
        .map_err(Failure::Output)?;
    let mut answer = String::new();
    ask.read_line(&mut answer).map_err(Failure::Output)?;
    Ok(Some(answer.trim().to_string()))
}
