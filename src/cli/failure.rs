//! Why a command failed, in the user's language, and the exit code that says so.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{STATE_DIR_ENV, UnknownIds};
use crate::keymap::KeymapError;
use crate::library::LibraryError;
use crate::pack::{MAX_TEXT_CHARS, PackError};
use crate::plain::PlainError;
use crate::progress::StateError;
use crate::safe_text::printable;
use crate::session::StudentError;
use crate::text::{EN, Text, fill};

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
    Student(#[from] StudentError),
    ReadOnlyState(crate::progress::ReadOnlyWhy),
    /// The default pack of this computer is broken: a command does not act on another.
    DefaultPack {
        path: String,
        error: String,
    },
    /// A change the core made that could not be written.
    Unsaved(String),
    Output(#[source] std::io::Error),
    NoteTooLong(usize),
    /// `ticklist answer` with no such question, or what is no answer to it: the
    /// message, in the user's language.
    BadAnswer(String),
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
    /// A calendar asked of a checklist with no due dates: an empty one helps nobody.
    NoDueDates,
    /// A report asked of a file or folder that is not there.
    NoSuchPath(PathBuf),
    /// An install that would stop counting most of the mentor's ticks, asked without
    /// `--force` and with nobody to ask.
    TicksWouldStop {
        id: String,
        version: String,
        lost: usize,
        counted: usize,
        steps: Vec<String>,
        same_titles: Vec<(String, String)>,
    },
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
        /// `ticklist runs`, as this command line reaches the pack.
        command: String,
    },
    NotRepeatable(String),
    /// `runs …` on a pack done once: the whole command to type for a pack done per
    /// student, when there is one.
    NoRunsHere {
        pack: String,
        instead: Option<String>,
    },
    /// A pack could not be downloaded.
    Fetch(#[from] crate::fetch::FetchError),
    /// A bucket or WebDAV folder could not be used.
    Remote(crate::remote::RemoteError),
    /// A key to encrypt to, or to open exports with, that is not one.
    Sealed(crate::sealed::SealError),
    /// The first export did not reach where the mentor publishes.
    Publish(crate::publish::PublishError),
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
    /// `pack import`: what went wrong, said already in the manager's words.
    Import(String),
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
            Failure::BadAnswer(message) => message.clone(),
            Failure::Fetch(e) => e.message(t),
            Failure::Remote(e) => e.message(t),
            Failure::Sealed(e) => e.message(t),
            Failure::Publish(crate::publish::PublishError::Remote(e)) => e.message(t),
            Failure::Publish(crate::publish::PublishError::Sealed(e)) => e.message(t),
            Failure::Publish(crate::publish::PublishError::Write { path, source }) => {
                Failure::Write {
                    path: path.clone(),
                    source: std::io::Error::new(source.kind(), source.to_string()),
                }
                .message(t)
            }
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
            Failure::Import(message) => message.clone(),
            Failure::ReadOnlyState(reason) => {
                fill(t.fail_read_only, &[("reason", &reason.words(t))])
            }
            Failure::Unsaved(error) => fill(t.fail_unsaved, &[("error", error)]),
            Failure::DefaultPack { path, error } => {
                fill(t.fail_default_pack, &[("path", path), ("error", error)])
            }
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
            Failure::NoDueDates => t.fail_no_due_dates.into(),
            Failure::NoSuchPath(path) => {
                let path = path.display().to_string();
                fill(t.fail_no_such_path, &[("path", &printable(&path, false))])
            }
            Failure::TicksWouldStop {
                id,
                version,
                lost,
                counted,
                steps,
                same_titles,
            } => {
                let steps: Vec<String> = steps
                    .iter()
                    .map(|s| format!("“{}”", printable(s, false)))
                    .collect();
                let (lost, counted) = (lost.to_string(), counted.to_string());
                let mut said = fill(
                    t.fail_ticks_would_stop,
                    &[
                        ("id", id),
                        ("version", version),
                        ("lost", &lost),
                        ("counted", &counted),
                        ("steps", &steps.join(", ")),
                    ],
                );
                for line in crate::library::Change::renamed_lines(same_titles, t) {
                    said = format!("{said}\n{line}");
                }
                said
            }
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
            Failure::UnknownRun {
                name,
                runs,
                command,
            } => {
                let name = printable(name, false);
                if runs.is_empty() {
                    fill(
                        t.fail_unknown_run_none,
                        &[("name", &name), ("command", command)],
                    )
                } else {
                    let runs = runs.join(", ");
                    let values = [
                        ("name", &*name),
                        ("runs", runs.as_str()),
                        ("command", command),
                    ];
                    fill(t.fail_unknown_run, &values)
                }
            }
            Failure::NotRepeatable(pack) => fill(t.fail_not_repeatable, &[("pack", pack)]),
            Failure::NoRunsHere { pack, instead } => {
                let said = fill(t.fail_no_runs_here, &[("pack", pack)]);
                match instead {
                    Some(command) => {
                        let hint = fill(t.fail_no_runs_instead, &[("command", command)]);
                        format!("{said} {hint}")
                    }
                    None => said,
                }
            }
            Failure::Pack(e) => e.message(t),
            Failure::Library(e) => e.message(t),
            Failure::State(e) => e.words(t),
            Failure::Student(e) => e.words(t),
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
            | Failure::TicksWouldStop { .. }
            | Failure::NoSuchPath(_)
            | Failure::NoFolder { .. }
            | Failure::Exists { .. }
            | Failure::NoteTooLong(_)
            | Failure::BadAnswer(_)
            | Failure::DefaultPack { .. }
            | Failure::NoSuchLink { .. }
            | Failure::RunNeeded { .. }
            | Failure::UnknownRun { .. }
            | Failure::NotRepeatable(_)
            | Failure::NoRunsHere { .. }
            | Failure::Downgrade { .. }
            | Failure::Sha256Bad(_)
            | Failure::Sha256Local
            | Failure::Import(_)
            | Failure::Sealed(_)
            | Failure::Student(StudentError::NoName | StudentError::Taken(_))
            | Failure::Keymap(_) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

/// The runs named in a message, or a word saying there are none.
fn run_names(t: &Text, runs: &[String]) -> String {
    if runs.is_empty() {
        t.no_runs_yet.to_string()
    } else {
        runs.join(", ")
    }
}
