//! The command line: what `ticklist` accepts, and one function per subcommand.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use jiff::Timestamp;

use crate::app::Report;
use crate::commands::{self, UnknownIds};
use crate::effects::Opener;
use crate::export;
use crate::library::{Installed, Library, LibraryError};
use crate::pack::{self, MAX_TEXT_CHARS, Pack, PackError};
use crate::progress::{Changes, LoadOutcome, StateError, StateStore, Tracker};
use crate::safe_text::printable;

/// Environment variable that overrides where progress is kept.
pub const STATE_DIR_ENV: &str = "TICKLIST_STATE_DIR";

/// A terminal checklist for new mentors: tick the steps, open the help articles,
/// watch your progress. Without a command, opens the checklist.
#[derive(Debug, Parser)]
#[command(name = "ticklist", version, about, long_about = None)]
pub struct Cli {
    /// Use this pack file, or this installed pack id, instead of the default pack.
    #[arg(long, value_name = "FILE|ID", global = true)]
    pub pack: Option<PathBuf>,

    /// Keep progress in this directory instead of the platform's config directory.
    #[arg(long, value_name = "DIR", env = STATE_DIR_ENV, global = true)]
    pub state_dir: Option<PathBuf>,

    /// Leave the mouse to the terminal, so that its own text selection keeps working.
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a synthetic pack of N items, for benchmarks (`bench/e2e`).
    #[command(hide = true)]
    GeneratePack {
        #[arg(long)]
        items: usize,
    },
    #[command(flatten)]
    Progress(ProgressCommand),
    /// Install, list, choose and remove packs.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// A manager's table from many JSON exports (`ticklist export --format json`).
    Report {
        #[arg(required = true, value_name = "EXPORT")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Flag mentors with no tick in this many days.
        #[arg(long, value_name = "DAYS")]
        stale_days: Option<i64>,
    },
    /// Check pack files and print every problem found (exit 2 if any).
    Validate {
        /// Pack files to check.
        #[arg(required = true, value_name = "PACK")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Validate a pack file and keep a copy under its id (replacing an older version).
    Install {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Installed packs and the built-in one, with your progress on each.
    List,
    /// Open this pack when `ticklist` is run without `--pack`.
    Use {
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Remove an installed pack; your progress on it is kept.
    Remove {
        #[arg(value_name = "ID")]
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Csv,
    Json,
}

/// Commands on the progress of the chosen pack, without the full-screen UI.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Progress per stage and part, and the total.
    Status {
        /// Print JSON for scripts instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// The checklist as text: boxes, ids, titles and links.
    List {
        /// Only what is left to do.
        #[arg(long)]
        todo: bool,
    },
    /// Tick steps by id; a stage, part or item id ticks every step under it.
    Check {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Untick steps by id, with the same rules as `check`.
    Uncheck {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Write your own note on a step, shown in the details pane (`--clear` removes it).
    Note {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "TEXT", required_unless_present = "clear")]
        text: Option<String>,
        #[arg(long, conflicts_with = "text")]
        clear: bool,
    },
    /// Write a progress report to send: per stage and part, each step with its date and note.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Who the report is about (default: your user name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Start afresh; the old progress is kept as a backup file.
    Reset {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Open link N (default 1) of a step in the browser.
    Open {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "N", default_value_t = 1)]
        n: usize,
    },
}

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
    #[error("this asks for confirmation and there is no terminal to ask on: pass --yes")]
    NeedsYes,
    #[error("step {id:?} has {count} link(s), so there is no link {n}")]
    NoSuchLink { id: String, n: usize, count: usize },
    #[error("could not open {url}: {error}")]
    OpenFailed { url: String, error: String },
}

impl Failure {
    /// 2 for bad input (a pack that does not validate), 1 for runtime errors.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Library(LibraryError::Io { .. }) => ExitCode::from(1),
            Failure::Pack(_)
            | Failure::Library(_)
            | Failure::UnknownIds(_)
            | Failure::NeedsYes
            | Failure::NoteTooLong(_)
            | Failure::BadExport { .. }
            | Failure::NoSuchLink { .. } => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

/// The pack chosen for this run: `--pack FILE|ID`, else the one chosen with `pack use`,
/// else the built-in one. Without a home directory, only files and the built-in pack.
pub fn load_pack(choice: Option<&Path>) -> Result<Pack, Failure> {
    if let Some(library) = Library::from_platform() {
        return Ok(library.resolve(choice)?);
    }
    match choice {
        Some(path) => Ok(pack::load_file(path)?),
        None => Ok(pack::builtin()?),
    }
}

fn library() -> Result<Library, Failure> {
    Library::from_platform().ok_or(Failure::NoStateDir)
}

/// Asks a yes/no question on `ask`; no terminal means no answer, so `NeedsYes`.
fn confirm(
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

/// `ticklist pack …`: the packs installed for this user.
pub fn pack_command<O: Write, E: Write>(
    cli: &Cli,
    command: &PackCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let library = library()?;
    let Console { out, ask, .. } = console;
    let written = match command {
        PackCommand::Install { file } => {
            let (pack, installed) = library.install(file)?;
            match installed {
                Installed::New => writeln!(
                    out,
                    "installed {} v{}: {}",
                    pack.id, pack.version, pack.title
                ),
                Installed::Replaced(old) => writeln!(
                    out,
                    "updated {} from v{old} to v{}: {}",
                    pack.id, pack.version, pack.title
                ),
            }
        }
        PackCommand::List => {
            let store = StateStore::new(state_dir(cli.state_dir.clone())?);
            let mut lines = Vec::new();
            for (pack, is_default) in library.list()? {
                let state = store
                    .load(&pack.id, &pack.version, Timestamp::now())
                    .into_state();
                let (done, total) = Tracker::new(&pack, state).overall(&pack);
                let mark = if is_default { "*" } else { " " };
                lines.push(format!(
                    "{mark} {}  v{}  {done}/{total}  {}",
                    pack.id, pack.version, pack.title
                ));
            }
            writeln!(out, "{}", lines.join("\n"))
        }
        PackCommand::Use { id } => {
            let pack = library.use_pack(id)?;
            writeln!(
                out,
                "plain `ticklist` now opens {}: {}",
                pack.id, pack.title
            )
        }
        PackCommand::Remove { id, yes } => {
            let pack = library.resolve_id(id)?;
            let question = format!(
                "Remove the installed pack {} ({})? Your progress on it is kept.",
                pack.id, pack.title
            );
            if !yes && !confirm(out, ask, &question)? {
                return writeln!(out, "nothing changed").map_err(Failure::Output);
            }
            library.remove(id)?;
            writeln!(out, "removed {}; progress kept", pack.id)
        }
    };
    written.map_err(Failure::Output)
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

/// `ticklist validate FILE…`: every problem of every file, then a summary.
pub fn validate(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match pack::load_file(file) {
            Ok(pack) => {
                let steps = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).count();
                let _ = writeln!(
                    out,
                    "{}: ok ({} \"{}\" v{}, {steps} steps to tick)",
                    file.display(),
                    pack.id,
                    pack.title,
                    pack.version
                );
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(err, "{failed} of {} pack(s) have problems", files.len());
        ExitCode::from(2)
    }
}

/// Where a command talks to its user: output, notices, and answers to its questions
/// (`ask` is `None` when there is no terminal to ask on).
pub struct Console<'a, O: Write, E: Write> {
    pub out: O,
    pub err: E,
    pub ask: Option<&'a mut dyn BufRead>,
}

/// `status`, `list`, `check`, `uncheck`, `reset`, `open`: the pack's progress without the
/// UI. Notices about the state file go to `err`; changes are saved like the UI does
/// (locked, merged).
pub fn progress_command<O: Write, E: Write>(
    cli: &Cli,
    command: &ProgressCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, err, ask } = console;
    let pack = load_pack(cli.pack.as_deref())?;
    let store = StateStore::new(state_dir(cli.state_dir.clone())?);
    let now = Timestamp::now();
    let loaded = store.load(&pack.id, &pack.version, now);
    let mut read_only = None;
    match &loaded {
        LoadOutcome::MovedAside {
            reason, moved_to, ..
        } => {
            let _ = writeln!(
                err,
                "ticklist: the progress file was unusable ({reason}); moved to {}",
                moved_to.display()
            );
        }
        LoadOutcome::ReadOnly { reason, .. } => {
            let _ = writeln!(err, "ticklist: the progress file cannot be used ({reason})");
            read_only = Some(reason.clone());
        }
        LoadOutcome::Fresh(_) | LoadOutcome::Loaded(_) => {}
    }
    let mut tracker = Tracker::new(&pack, loaded.into_state());
    let written = match command {
        ProgressCommand::Status { json: true } => {
            serde_json::to_writer_pretty(&mut *out, &commands::status(&pack, &tracker))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        ProgressCommand::Status { json: false } => {
            commands::write_status(out, &commands::status(&pack, &tracker))
        }
        ProgressCommand::List { todo } => commands::write_list(out, &pack, &tracker, *todo),
        ProgressCommand::Check { ids } | ProgressCommand::Uncheck { ids } => {
            let on = matches!(command, ProgressCommand::Check { .. });
            let changes = commands::set(&pack, &mut tracker, ids, on, now)?;
            if !changes.is_empty() {
                if let Some(reason) = read_only {
                    return Err(Failure::ReadOnlyState(reason));
                }
                store.save(tracker.state(), &changes, now)?;
            }
            let (done, total) = tracker.overall(&pack);
            let verb = if on { "ticked" } else { "unticked" };
            writeln!(
                out,
                "{verb} {} step(s); {done}/{total} done",
                changes.ticks.len()
            )
        }
        ProgressCommand::Note { id, text, clear } => {
            if pack.find(id).is_none() {
                let close = commands::close_matches(&pack, id);
                return Err(UnknownIds(vec![(id.clone(), close)]).into());
            }
            let note = text
                .as_deref()
                .filter(|_| !clear)
                .map(|text| printable(text.trim(), true).into_owned())
                .filter(|text| !text.is_empty());
            if let Some(note) = &note {
                let chars = note.chars().count();
                if chars > MAX_TEXT_CHARS {
                    return Err(Failure::NoteTooLong(chars));
                }
            }
            if let Some(reason) = read_only {
                return Err(Failure::ReadOnlyState(reason));
            }
            let mut changes = Changes::new();
            let said = if note.is_some() { "saved" } else { "cleared" };
            changes.notes.insert(id.clone(), note);
            let mut mine = tracker.state().clone();
            mine.apply(&changes);
            store.save(&mine, &changes, now)?;
            writeln!(out, "note {said} for {id}")
        }
        ProgressCommand::Export {
            format,
            output,
            name,
        } => {
            let mentor = name.clone().unwrap_or_else(user_name);
            let report = export::export(&pack, &tracker, &mentor, now);
            let mut text = Vec::new();
            match format {
                ExportFormat::Markdown => export::write_markdown(&mut text, &report),
                ExportFormat::Json => serde_json::to_writer_pretty(&mut text, &report)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(text)),
            }
            .map_err(Failure::Output)?;
            match output {
                Some(path) => std::fs::write(path, &text).and_then(|()| {
                    writeln!(err, "progress of {mentor} written to {}", path.display())
                }),
                None => out.write_all(&text),
            }
        }
        ProgressCommand::Reset { yes } => {
            let ticks = tracker.state().ticks.len();
            let question = format!(
                "Reset the progress of \"{}\" ({ticks} tick(s))? A backup is kept.",
                pack.title
            );
            if !yes && !confirm(out, ask, &question)? {
                return writeln!(out, "nothing changed").map_err(Failure::Output);
            }
            match store.reset(&pack.id, now)? {
                Some(backup) => writeln!(
                    out,
                    "progress reset; the old file is kept as {}",
                    backup.display()
                ),
                None => writeln!(out, "no progress saved yet: nothing to reset"),
            }
        }
        ProgressCommand::Open { id, n } => {
            let Some(node) = pack.find(id) else {
                let close = commands::close_matches(&pack, id);
                return Err(UnknownIds(vec![(id.clone(), close)]).into());
            };
            let links = &pack.nodes[node].links;
            let Some(link) = links.get(n.wrapping_sub(1)) else {
                return Err(Failure::NoSuchLink {
                    id: id.clone(),
                    n: *n,
                    count: links.len(),
                });
            };
            match Opener::from_env().open(&link.url) {
                Report::NoBrowser(url) => writeln!(out, "no browser to open it here: {url}"),
                Report::OpenFailed { url, error } | Report::Refused { url, error } => {
                    return Err(Failure::OpenFailed { url, error });
                }
                _ => writeln!(out, "opened {}", link.url),
            }
        }
    };
    written.map_err(Failure::Output)
}

/// The OS user name, for `export` without `--name`.
fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// `ticklist report EXPORT…`: one row per mentor, a column per stage, the steps most
/// often left open, and who has gone quiet.
pub fn report(
    files: &[PathBuf],
    format: ReportFormat,
    stale_days: Option<i64>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut exports = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| Failure::BadExport {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let parsed = export::parse_export(&bytes).map_err(|reason| Failure::BadExport {
            path: path.clone(),
            reason,
        })?;
        exports.push(parsed);
    }
    let summary = export::summarize(&exports, Timestamp::now(), stale_days);
    match format {
        ReportFormat::Markdown => export::write_summary_markdown(out, &summary),
        ReportFormat::Csv => export::write_summary_csv(out, &summary),
        ReportFormat::Json => serde_json::to_writer_pretty(&mut *out, &summary)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
    }
    .map_err(Failure::Output)
}
