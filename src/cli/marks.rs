//! `ticklist check|uncheck|skip|unskip|note|start`: changes made by the core, saved by
//! the one save sequence, said with what is now settled.

use std::io::Write;

use super::ids::{find, find_all};
use super::progress::{Opened, tell};
use super::{Failure, ProgressCommand};
use crate::session::{Effect, Outcome, Session};
use crate::text::fill;

/// Runs one command that changes progress.
pub(super) fn change(
    command: &ProgressCommand,
    c: &mut Opened<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Failure> {
    let (t, now) = (c.t, c.now);
    let session = &mut c.session;
    let (outcome, summary) = match command {
        ProgressCommand::Start { date } => (session.start(*date), None),
        ProgressCommand::Check { ids } | ProgressCommand::Uncheck { ids } => {
            let on = matches!(command, ProgressCommand::Check { .. });
            let nodes = find_all(&session.pack, ids)?;
            let outcome = session.set(&nodes, on, now);
            let count = changed(&outcome, |c| c.ticks.len());
            let template = if on { t.cli_ticked } else { t.cli_unticked };
            (outcome, Some((template, count)))
        }
        ProgressCommand::Skip { ids, reason } => {
            let nodes = find_all(&session.pack, ids)?;
            let outcome = session.skip_all(&nodes, reason, now);
            let count = changed(&outcome, |c| c.skipped.len());
            (outcome, Some((t.cli_skipped, count)))
        }
        ProgressCommand::Unskip { ids } => {
            let nodes = find_all(&session.pack, ids)?;
            let outcome = nodes.iter().fold(Outcome::default(), |outcome, &node| {
                outcome.then(session.unskip(node))
            });
            let count = changed(&outcome, |c| c.skipped.len());
            (outcome, Some((t.cli_unskipped, count)))
        }
        ProgressCommand::Note { id, text, clear } => {
            let node = find(&session.pack, id)?;
            let note = text.as_deref().filter(|_| !clear).unwrap_or_default();
            (session.note(node, note, true), None)
        }
        _ => return Ok(()),
    };
    let said = c.to.save(&mut c.session, outcome)?;
    if let Some((template, count)) = summary {
        writeln!(out, "{}", counted(template, count, &c.session)).map_err(Failure::Output)?;
    }
    tell(out, err, &said, &c.session.pack, t).map_err(Failure::Output)
}

/// How many entries of the outcome's save `count` finds (ticks, skips).
fn changed(outcome: &Outcome, count: impl Fn(&crate::progress::Changes) -> usize) -> usize {
    match outcome.save() {
        Some(Effect::Save { changes, .. }) => count(changes),
        _ => 0,
    }
}

/// "{count} {count:step|steps} …; {done}/{total}" from a catalogue template.
fn counted(template: &str, count: usize, session: &Session) -> String {
    let (done, total) = session.tracker().overall(&session.pack);
    let (count, done, total) = (count.to_string(), done.to_string(), total.to_string());
    fill(
        template,
        &[("count", &count), ("done", &done), ("total", &total)],
    )
}
