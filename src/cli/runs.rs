//! `ticklist runs list|start|rename|archive`: the runs of a pack done once per student.

use std::io::Write;

use super::{Cli, Failure, RunsCommand, load_pack, state_dir};
use crate::progress::{RunSummary, StateStore, Student, find_run};
use crate::session::Students;
use crate::text::fill;

/// The first pack done once per student, built in or installed: where runs are.
fn per_student_pack(cli: &Cli) -> Option<String> {
    let library =
        crate::library::Library::from_platform()?.with_builtin_lang(super::builtin_lang(cli));
    let (listed, _) = library.list().ok()?;
    listed
        .into_iter()
        .find(|listed| listed.pack.repeatable)
        .map(|listed| listed.pack.id)
}

/// A word of a command as a shell takes it: as it is when it holds only letters,
/// digits and `-_./`, else in single quotes (nothing in them is expanded: `$`, `!`,
/// backquotes), a quote in it closed, escaped and reopened.
fn quoted(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// A student's name as the last argument of a command: after `--` when it starts with
/// a dash, so that it is never read as an option.
fn name_argument(name: &str) -> String {
    match name.starts_with('-') {
        true => format!("-- {}", quoted(name)),
        false => quoted(name),
    }
}

/// `ticklist runs` as this command line needs it to reach the same students: with its
/// `--state-dir` and `--pack` when it named them, so that a command a message suggests
/// works as pasted.
pub(super) fn runs_command_prefix(cli: &Cli) -> String {
    let mut command = "ticklist".to_string();
    if let Some(dir) = &cli.options.state_dir {
        command.push_str(&format!(" --state-dir {}", quoted(&dir.to_string_lossy())));
    }
    if let Some(pack) = &cli.options.pack {
        command.push_str(&format!(" --pack {}", quoted(&pack.to_string_lossy())));
    }
    command + " runs"
}

/// The command as it should have been typed, on `pack`: ready to copy.
fn whole_command(pack: &str, command: &RunsCommand) -> String {
    let rest = match command {
        RunsCommand::List { all: true } => "list --all".to_string(),
        RunsCommand::List { all: false } => "list".to_string(),
        RunsCommand::Start { name, start } => match start {
            Some(day) => format!("start --start {day} {}", name_argument(name)),
            None => format!("start {}", name_argument(name)),
        },
        RunsCommand::Rename { name, new_name } => {
            let end = if name.starts_with('-') || new_name.starts_with('-') {
                "-- "
            } else {
                ""
            };
            format!("rename {end}{} {}", quoted(name), quoted(new_name))
        }
        RunsCommand::Archive { name, undo: true } => {
            format!("archive --undo {}", name_argument(name))
        }
        RunsCommand::Archive { name, undo: false } => format!("archive {}", name_argument(name)),
    };
    format!("ticklist --pack {pack} runs {rest}")
}

pub fn runs_command(cli: &Cli, command: &RunsCommand, out: &mut impl Write) -> Result<(), Failure> {
    let pack = load_pack(cli.options.pack.as_deref(), super::builtin_lang(cli))?;
    super::refuse_broken_default(cli)?;
    let t = super::lang_for(cli, &pack).text();
    if !pack.repeatable {
        return Err(Failure::NoRunsHere {
            instead: per_student_pack(cli).map(|other| whole_command(&other, command)),
            pack: pack.id,
        });
    }
    let store = StateStore::new(state_dir(cli.options.state_dir.clone())?);
    let now = crate::clock::now();
    let mut students = Students::new(&store, &pack);
    let prefix = runs_command_prefix(cli);
    let runs = students.list();
    let find = |name: &str| {
        find_run(&runs, name)
            .cloned()
            .ok_or_else(|| Failure::UnknownRun {
                command: runs_command_prefix(cli),
                name: name.into(),
                runs: runs.iter().map(|r| r.run.name.clone()).collect(),
            })
    };
    let said = match command {
        RunsCommand::List { all } => {
            let shown: Vec<&RunSummary> = runs.iter().filter(|r| *all || !r.run.archived).collect();
            if shown.is_empty() {
                // Archived students are put away, not gone: say so.
                let said = match runs.len() {
                    0 => fill(t.no_runs, &[("command", &prefix)]),
                    n => fill(
                        t.no_runs_but_archived,
                        &[("count", &n.to_string()), ("command", &prefix)],
                    ),
                };
                writeln!(out, "{said}").map_err(Failure::Output)?;
            }
            for run in shown {
                writeln!(out, "{}", run.describe(t)).map_err(Failure::Output)?;
            }
            return Ok(());
        }
        RunsCommand::Start { name, start } => match students.open_or_start(name, *start, now)? {
            Student::Started(key) => {
                let started = students.list().into_iter().find(|r| r.key == key);
                let name = started.map_or_else(|| name.trim().to_string(), |r| r.run.name);
                fill(t.run_started, &[("name", &name)])
            }
            Student::Existing(key) => {
                let existing = runs.iter().find(|r| r.key == key);
                let name = existing.map_or(name.trim(), |r| r.run.name.as_str());
                fill(t.run_exists, &[("name", name)])
            }
        },
        RunsCommand::Rename { name, new_name } => {
            let run = find(name)?;
            let new_name = students
                .rename(&run.key, new_name, now)?
                .unwrap_or_default();
            fill(
                t.run_renamed,
                &[("name", &run.run.name), ("new_name", &new_name)],
            )
        }
        RunsCommand::Archive { name, undo } => {
            let run = find(name)?;
            students.archive(&run.key, !undo, now)?;
            let said = if *undo {
                t.run_unarchived
            } else {
                t.run_archived
            };
            let back = format!("{prefix} archive --undo {}", name_argument(&run.run.name));
            fill(said, &[("name", &run.run.name), ("command", &back)])
        }
    };
    writeln!(out, "{said}").map_err(Failure::Output)
}
