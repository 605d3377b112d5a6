//! `ticklist status|list|check|uncheck|skip|unskip|note|start|export|publish|reset|open`:
//! one pack's progress without the full-screen UI. The checklist is opened by the core
//! ([`open`]) as the UI opens it; every change goes through the core, with the UI's
//! rules, and is saved by the one save sequence, whose results go back to the core. One
//! module per family of commands: [`super::marks`] changes, [`super::listing`] reads,
//! [`super::exporting`] what leaves the machine.

use std::io::Write;

use jiff::Timestamp;

use super::ids::find;
use super::{Cli, Console, Failure, ProgressCommand, confirm, pack_and_words};
use crate::effects::{Opener, Runner, Saving};
use crate::pack::Pack;
use crate::progress::StateStore;
use crate::session::{Notice, Outcome, Session, Severity, Started, open};
use crate::text::{Text, fill};

/// A checklist opened for one command: the core, the save sequence run inline, the
/// words, and "now".
pub(super) struct Opened<'a> {
    pub session: Session,
    pub to: Inline<'a>,
    pub store: &'a StateStore,
    pub run: Option<String>,
    pub t: &'static Text,
    pub now: Timestamp,
}

/// Runs one progress command. Notices about the state file go to `err`.
pub fn progress_command<O: Write, E: Write>(
    cli: &Cli,
    command: &ProgressCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, err, ask } = console;
    let (pack, t) = pack_and_words(cli)?;
    super::refuse_broken_default(cli)?;
    let (store, run) = super::progress_store(cli, &pack, false)?;
    let now = crate::clock::now();
    let Started {
        session,
        store,
        run,
        publisher,
        startup,
        said,
    } = open(pack, store, run, now).start(t);
    let mut c = Opened {
        session,
        to: Inline {
            runner: Runner::inline(
                Saving::new(&store, publisher.as_ref(), t),
                Opener::from_env(),
            ),
            t,
        },
        store: &store,
        run,
        t,
        now,
    };
    for (_, notice) in said {
        let _ = writeln!(err, "ticklist: {notice}");
    }
    // What opening changed (a new pack version, ticks moved by `renamed:`) is saved
    // once, as the UI and plain mode save it: its notices are not told again.
    c.to.save(&mut c.session, startup)?;
    match command {
        ProgressCommand::Status { .. } | ProgressCommand::List { .. } => {
            super::listing::read(command, &c, out)
        }
        ProgressCommand::Start { .. }
        | ProgressCommand::Check { .. }
        | ProgressCommand::Uncheck { .. }
        | ProgressCommand::Skip { .. }
        | ProgressCommand::Unskip { .. }
        | ProgressCommand::Note { .. } => super::marks::change(command, &mut c, out, err),
        ProgressCommand::Answer { .. } | ProgressCommand::Answers => {
            super::answering::answer(command, &mut c, out, err)
        }
        ProgressCommand::Export { .. } | ProgressCommand::Publish { .. } => {
            super::exporting::send(command, &c, out, err, ask)
        }
        ProgressCommand::Reset { yes } => reset(&c, *yes, out, ask),
        ProgressCommand::Open { id, n } => open_link(&mut c, id, *n, out, err),
    }
}

/// `ticklist reset`: progress set aside in a backup, after asking.
fn reset(
    c: &Opened<'_>,
    yes: bool,
    out: &mut impl Write,
    ask: &mut Option<&mut dyn std::io::BufRead>,
) -> Result<(), Failure> {
    let (pack, t) = (&c.session.pack, c.t);
    let count = c.session.tracker().state().ticks.len().to_string();
    let question = fill(
        t.cli_reset_question,
        &[("title", &pack.title), ("count", &count)],
    );
    if !yes && !confirm(out, ask, &question, t)? {
        return writeln!(out, "{}", t.cli_nothing_changed).map_err(Failure::Output);
    }
    let said = match c.store.reset(&pack.id, c.now)? {
        Some(backup) => {
            let path = backup.display().to_string();
            fill(t.cli_reset_done, &[("path", &path)])
        }
        None => t.cli_reset_nothing.to_string(),
    };
    writeln!(out, "{said}").map_err(Failure::Output)
}

/// `ticklist open ID [N]`: the step's link in the browser, recorded as the UI does.
fn open_link(
    c: &mut Opened<'_>,
    id: &str,
    n: usize,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Failure> {
    let node = find(&c.session.pack, id)?;
    let outcome = c.session.open(node, n, c.now);
    if outcome.effects.is_empty() {
        return Err(Failure::NoSuchLink {
            id: id.to_string(),
            n,
            count: c.session.pack.nodes[node].links.len(),
        });
    }
    // Recorded like the UI does. Progress that cannot be saved here was said at opening:
    // the link opened all the same, and only the record of it is lost.
    let mut said = c.to.save(&mut c.session, outcome)?;
    said.retain(|notice| !matches!(notice, Notice::ReadOnly(_)));
    tell(out, err, &said, &c.session.pack, c.t).map_err(Failure::Output)
}

/// The one runner, inline, for a command: what came of each effect goes back to the
/// core, and the notices that are a command's failure become it.
pub(super) struct Inline<'a> {
    runner: Runner<'a>,
    t: &'static Text,
}

impl Inline<'_> {
    /// Runs what `outcome` asks for and hands back what there is to say. A change the
    /// core refused (a note too long, progress that cannot be saved here), a save that
    /// failed and a link that could not be opened are the command's failure; a failed
    /// publish is only told.
    pub(super) fn save(
        &mut self,
        session: &mut Session,
        outcome: Outcome,
    ) -> Result<Vec<Notice>, Failure> {
        let mut said = Vec::new();
        for notice in self.runner.settle(session, outcome) {
            match notice {
                Notice::TooLong(count) => return Err(Failure::NoteTooLong(count)),
                Notice::SaveFailed(error) => return Err(Failure::Unsaved(error)),
                Notice::OpenFailed { url, error } => {
                    return Err(Failure::OpenFailed { url, error });
                }
                Notice::Refused { url, problem } => {
                    let error = problem.message(self.t).to_string();
                    return Err(Failure::OpenFailed { url, error });
                }
                // Progress that cannot be saved refuses the change; after a link that
                // opened, only the record of it is lost, and that is told.
                Notice::ReadOnly(reason) if said.is_empty() => {
                    return Err(Failure::ReadOnlyState(reason));
                }
                notice => said.push(notice),
            }
        }
        Ok(said)
    }
}

/// The notices a command prints beside its own summary (a reference card, the
/// completion, a note saved, a link opened); warnings and errors go to `err`.
pub(super) fn tell(
    out: &mut impl Write,
    err: &mut impl Write,
    said: &[Notice],
    pack: &Pack,
    t: &Text,
) -> std::io::Result<()> {
    for notice in said {
        match notice {
            Notice::Ticked(_) | Notice::Unticked(_) | Notice::Skipped(_) | Notice::Unskipped(_) => {
            }
            notice if notice.severity() == Severity::Info => {
                writeln!(out, "{}", notice.words(pack, t))?;
            }
            notice => {
                let _ = writeln!(err, "ticklist: {}", notice.words(pack, t));
            }
        }
    }
    Ok(())
}
