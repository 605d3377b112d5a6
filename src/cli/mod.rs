//! The command line: what `ticklist` accepts (`args`), and one module per family of
//! subcommands. Errors are [`Failure`]s, each with its exit code.

mod answering;
mod args;
mod checklist;
mod dispatch;
mod exporting;
mod failure;
mod help;
mod ids;
mod listing;
mod marks;
mod pack_import;
mod pack_install;
mod packs;
mod paths;
mod progress;
mod publishing;
mod reports;
mod runs;
mod search;
mod shell;
mod validate;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::keymap::{KEYMAP_FILE, Keymap};
use crate::library::Library;
use crate::pack::{self, Pack};
use crate::progress::{StateStore, find_run, list_runs};
use crate::session::{Notice, Students};
use crate::text::{Lang, Text, locale_lang};

pub use args::{
    Cli, Command, ExportFormat, Options, PackCommand, ProgressCommand, ReportFormat, RunsCommand,
};
pub use dispatch::run;
pub use failure::Failure;
pub use help::{clap_error, command, early_lang};
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

/// The pack asked for and the language to speak about it.
pub fn pack_and_words(cli: &Cli) -> Result<(Pack, &'static Text), Failure> {
    let pack = load_pack(cli.options.pack.as_deref(), builtin_lang(cli))?;
    let text = lang_for(cli, &pack).text();
    Ok((pack, text))
}

/// Why the pack a plain `ticklist` opens is not the system's default, if it should be:
/// said when the checklist opens, so that a broken preloaded pack is seen. The UI and
/// plain mode go on with the built-in checklist; the commands refuse
/// ([`Failure::DefaultPack`]), never acting on another pack than the mentor's.
pub fn default_notice(cli: &Cli) -> Option<Notice> {
    if cli.options.pack.is_some() {
        return None;
    }
    let library = Library::from_platform()?.with_builtin_lang(builtin_lang(cli));
    let problem = library.default_problem()?;
    Some(Notice::DefaultProblem {
        path: problem.path.display().to_string(),
        error: problem.error,
    })
}

/// A command on progress never acts on the built-in checklist in place of the pack the
/// computer names as its default: while that pack cannot be opened, it refuses.
pub fn refuse_broken_default(cli: &Cli) -> Result<(), Failure> {
    match default_notice(cli) {
        Some(Notice::DefaultProblem { path, error }) => Err(Failure::DefaultPack { path, error }),
        _ => Ok(()),
    }
}

/// The language the built-in pack is handed out in: `--lang`, else the locale's, else
/// English.
pub fn builtin_lang(cli: &Cli) -> Lang {
    cli.options.lang.or_else(locale_lang).unwrap_or(Lang::En)
}

/// The language to speak with `pack` open: `--lang`, then the locale's, then the pack's.
pub fn lang_for(cli: &Cli, pack: &Pack) -> Lang {
    Lang::choose(cli.options.lang, Some(&pack.lang), locale_lang())
}

/// Where `pack`'s progress is read and written: for a repeatable pack, the run named by
/// `--run` (started when `start` allows and it is new). Without `--run`, `Ok(None)`:
/// the caller must let the user pick a run, or refuse.
pub fn progress_store(
    cli: &Cli,
    pack: &Pack,
    start: bool,
) -> Result<(StateStore, Option<String>), Failure> {
    progress_store_saying(cli, pack, start).map(|(store, run, _)| (store, run))
}

/// A checklist's progress store, the student's name if it is theirs, and what opening
/// it has to say.
pub type Place = (StateStore, Option<String>, Option<Notice>);

/// [`progress_store`], with what opening it has to say: a student's checklist started
/// because the name was new (and a student's name close to it, likely meant).
pub fn progress_store_saying(cli: &Cli, pack: &Pack, start: bool) -> Result<Place, Failure> {
    let store = StateStore::new(state_dir(cli.options.state_dir.clone())?);
    match (&cli.options.run, pack.repeatable) {
        (None, false) => Ok((store, None, None)),
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
        (Some(name), true) => {
            crate::session::student_name(name)?;
            let runs = list_runs(&store, pack);
            // Started here: said on opening, with a student's name it may have meant.
            let mut started = None;
            let key = match find_run(&runs, name) {
                Some(run) => run.key.clone(),
                None if start => {
                    let students = Students::new(&store, pack);
                    started = Some(students.like(name));
                    let now = crate::clock::now();
                    students.open_or_start(name, None, now)?.key().to_string()
                }
                None => {
                    return Err(Failure::UnknownRun {
                        command: runs::runs_command_prefix(cli),
                        name: name.clone(),
                        runs: runs.into_iter().map(|r| r.run.name).collect(),
                    });
                }
            };
            let run = store.for_run(&key);
            let name = find_run(&list_runs(&store, pack), &key).map(|r| r.run.name.clone());
            let notice = started.map(|like| Notice::StudentStarted {
                name: name.clone().unwrap_or_default(),
                like,
            });
            Ok((run, name, notice))
        }
    }
}

/// Where progress is kept: `--state-dir`/`TICKLIST_STATE_DIR`, else the platform
/// config directory (`$XDG_CONFIG_HOME/ticklist` on Linux).
pub fn state_dir(cli_choice: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(dir) = cli_choice {
        return Ok(dir);
    }
    crate::places::dirs()
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or(Failure::NoStateDir)
}

/// The keys for the full-screen UI: the defaults with the user's keymap file
/// (`keys.yaml` in the config directory) applied, if there is one.
pub fn keymap(t: &Text) -> Result<Keymap, Failure> {
    let Some(dirs) = crate::places::dirs() else {
        return Ok(Keymap::default());
    };
    Ok(Keymap::load(&dirs.config_dir().join(KEYMAP_FILE), t)?)
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
