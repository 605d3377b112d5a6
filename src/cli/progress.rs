//! `ticklist status|list|check|uncheck|skip|unskip|note|start|export|reset|open`: one
//! pack's progress without the full-screen UI. Every change goes through the checklist
//! core ([`Session`]), with the UI's rules, and is saved like the UI saves (locked,
//! merged).

use std::io::Write;

use jiff::Timestamp;

use super::ids::{find, find_all};
use super::listing::{status, write_list, write_status};
use super::publishing::Publish;
use super::{
    Cli, Console, ExportFormat, Failure, ProgressCommand, confirm, default_notice, pack_and_words,
};
use crate::effects::{Opener, Saving};
use crate::export;
use crate::pack::Pack;
use crate::progress::{Urgency, pressing};
use crate::safe_text::printable;
use crate::session::{Effect, EffectResult, Notice, Outcome, Session, Severity, Started, open};
use crate::settings::{Settings, account_full_name};
use crate::text::{Text, fill};

/// Runs one progress command. Notices about the state file go to `err`.
pub fn progress_command<O: Write, E: Write>(
    cli: &Cli,
    command: &ProgressCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, err, ask } = console;
    let (pack, t) = pack_and_words(cli)?;
    // Never the built-in checklist's progress in place of the mentor's own pack.
    if let Some(Notice::DefaultProblem { path, error }) = default_notice(cli) {
        return Err(Failure::DefaultPack { path, error });
    }
    let (store, run) = super::progress_store(cli, &pack, false)?;
    let now = crate::clock::now();
    let Started {
        mut session,
        store,
        run,
        publisher,
        startup,
        said,
    } = open(pack, store, run, now).start(t);
    let mut to = Inline {
        saving: Saving::new(&store, publisher.as_ref()),
        now,
    };
    for (_, notice) in said {
        let _ = writeln!(err, "ticklist: {notice}");
    }
    // What opening changed (a new pack version, ticks moved by `renamed:`) is saved
    // once, as the UI and plain mode save it: its notices are not told again.
    if let Some(startup) = startup {
        let outcome = Outcome {
            notices: Vec::new(),
            save: Some(startup),
        };
        to.save(&mut session, outcome)?;
    }
    let written = match command {
        ProgressCommand::Status { check: true, .. } => {
            return if session.tracker().is_complete(&session.pack) {
                Ok(())
            } else {
                Err(Failure::NotDone)
            };
        }
        ProgressCommand::Status { due: true, .. } => write_due(out, &session, t, now),
        ProgressCommand::Status { json: true, .. } => {
            serde_json::to_writer_pretty(&mut *out, &status(&session.pack, session.tracker()))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        ProgressCommand::Status { .. } => {
            write_status(out, &status(&session.pack, session.tracker()), t)
                .and_then(|()| write_due(out, &session, t, now))
        }
        ProgressCommand::List { todo } => {
            write_list(out, &session.pack, session.tracker(), *todo, t)
        }
        ProgressCommand::Start { date } => {
            let outcome = session.start(*date);
            let said = to.save(&mut session, outcome)?;
            tell(out, err, &said, &session.pack, t)
        }
        ProgressCommand::Check { ids } | ProgressCommand::Uncheck { ids } => {
            let on = matches!(command, ProgressCommand::Check { .. });
            let nodes = find_all(&session.pack, ids)?;
            let outcome = session.set(&nodes, on, now);
            let count = changed(&outcome, |c| c.ticks.len());
            let said = to.save(&mut session, outcome)?;
            let template = if on { t.cli_ticked } else { t.cli_unticked };
            writeln!(out, "{}", counted(template, count, &session))
                .and_then(|()| tell(out, err, &said, &session.pack, t))
        }
        ProgressCommand::Skip { ids, .. } | ProgressCommand::Unskip { ids } => {
            let nodes = find_all(&session.pack, ids)?;
            let reason = match command {
                ProgressCommand::Skip { reason, .. } => Some(reason.as_str()),
                _ => None,
            };
            let outcome = match reason {
                Some(reason) => session.skip_all(&nodes, reason, now),
                None => nodes.iter().fold(Outcome::default(), |outcome, &node| {
                    outcome.then(session.unskip(node))
                }),
            };
            let count = changed(&outcome, |c| c.skipped.len());
            let said = to.save(&mut session, outcome)?;
            let template = match reason {
                Some(_) => t.cli_skipped,
                None => t.cli_unskipped,
            };
            writeln!(out, "{}", counted(template, count, &session))
                .and_then(|()| tell(out, err, &said, &session.pack, t))
        }
        ProgressCommand::Note { id, text, clear } => {
            let node = find(&session.pack, id)?;
            let note = text.as_deref().filter(|_| !clear).unwrap_or_default();
            let outcome = session.note(node, note, true);
            let said = to.save(&mut session, outcome)?;
            tell(out, err, &said, &session.pack, t)
        }
        ProgressCommand::Export {
            format,
            output,
            name,
        } => {
            // A calendar is about the steps, not about who did them: no name asked.
            let calendar = matches!(format, ExportFormat::Ics);
            let mentor = if calendar {
                String::new()
            } else {
                mentor_name(name.as_deref(), out, ask, t)?
            };
            let mut report = export::export(&session.pack, session.tracker(), &mentor, now);
            report.run = run;
            let mut text = Vec::new();
            match format {
                ExportFormat::Markdown => export::write_markdown(&mut text, &report, t),
                ExportFormat::Json => serde_json::to_writer_pretty(&mut text, &report)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(text)),
                ExportFormat::Ics => crate::calendar::write_ics(
                    &mut text,
                    &session.pack,
                    session.tracker(),
                    report.run.as_deref(),
                    &super::local_time_zone(),
                    now,
                ),
            }
            .map_err(Failure::Output)?;
            match output {
                Some(path) => std::fs::write(path, &text).and_then(|()| {
                    let path = path.display().to_string();
                    let said = if calendar {
                        fill(t.cli_calendar_written, &[("path", &path)])
                    } else {
                        fill(
                            t.cli_export_written,
                            &[("mentor", &mentor), ("path", &path)],
                        )
                    };
                    writeln!(err, "{said}")
                }),
                None => out.write_all(&text),
            }
        }
        ProgressCommand::Publish { dir, off, name } => {
            let publish = Publish {
                dir: dir.as_deref(),
                off: *off,
                name: name.as_deref(),
            };
            super::publishing::publish(&publish, &session, run, out, ask, t)?;
            Ok(())
        }
        ProgressCommand::Reset { yes } => {
            let pack = &session.pack;
            let count = session.tracker().state().ticks.len().to_string();
            let question = fill(
                t.cli_reset_question,
                &[("title", &pack.title), ("count", &count)],
            );
            if !yes && !confirm(out, ask, &question, t)? {
                return writeln!(out, "{}", t.cli_nothing_changed).map_err(Failure::Output);
            }
            match store.reset(&pack.id, now)? {
                Some(backup) => {
                    let path = backup.display().to_string();
                    writeln!(out, "{}", fill(t.cli_reset_done, &[("path", &path)]))
                }
                None => writeln!(out, "{}", t.cli_reset_nothing),
            }
        }
        ProgressCommand::Open { id, n } => {
            let node = find(&session.pack, id)?;
            let effect = session
                .open(node, *n, now)
                .map_err(|_| Failure::NoSuchLink {
                    id: id.clone(),
                    n: *n,
                    count: session.pack.nodes[node].links.len(),
                })?;
            let Effect::OpenUrl(url) = effect else {
                return Ok(());
            };
            let outcome = match Opener::from_env().open(&url) {
                EffectResult::OpenFailed { url, error } => {
                    return Err(Failure::OpenFailed { url, error });
                }
                EffectResult::Refused { url, problem } => {
                    let error = problem.message(t).to_string();
                    return Err(Failure::OpenFailed { url, error });
                }
                report => session.report(report),
            };
            // Recorded like the UI does; a file that cannot be saved only loses that,
            // and says so.
            let said = to.save(&mut session, outcome)?;
            tell(out, err, &said, &session.pack, t)
        }
    };
    written.map_err(Failure::Output)
}

/// The steps due soon or overdue, a line each.
fn write_due(
    out: &mut impl Write,
    session: &Session,
    t: &Text,
    now: Timestamp,
) -> std::io::Result<()> {
    let (pack, tracker) = (&session.pack, session.tracker());
    // Due dates only cost a look at the clock when the pack has some.
    if !pack.nodes.iter().any(|n| n.due.is_some()) {
        return Ok(());
    }
    let tz = super::local_time_zone();
    let today = now.to_zoned(tz.clone()).date();
    for (i, due) in pressing(pack, tracker, today, &tz) {
        let urgency = match due.urgency {
            Urgency::Overdue => t.overdue_badge,
            _ => t.soon_badge,
        };
        let values = [
            ("urgency", urgency),
            ("title", pack.nodes[i].title.as_str()),
            ("date", &t.date(due.date)),
        ];
        writeln!(out, "{}", fill(t.cli_pressing, &values))?;
    }
    Ok(())
}

/// The one save sequence, run inline for a command; what came of each save goes back
/// to the core, which may ask for more (none today: a command opens no link after).
struct Inline<'a> {
    saving: Saving<'a>,
    now: Timestamp,
}

impl Inline<'_> {
    /// Saves what `outcome` asks for and hands back what there is to say. A change the
    /// core refused (a note too long, progress that cannot be saved here) and a save that
    /// failed are the command's failure; a failed publish is only told.
    fn save(&mut self, session: &mut Session, outcome: Outcome) -> Result<Vec<Notice>, Failure> {
        let mut said = Vec::new();
        let mut next = Some(outcome);
        while let Some(outcome) = next.take() {
            for notice in outcome.notices {
                match notice {
                    Notice::TooLong(count) => return Err(Failure::NoteTooLong(count)),
                    Notice::SaveFailed(error) => return Err(Failure::Unsaved(error)),
                    // Progress that cannot be saved refuses the change; after a link that
                    // opened, only the record of it is lost, and that is told.
                    Notice::ReadOnly(reason) if said.is_empty() => {
                        return Err(Failure::ReadOnlyState(reason));
                    }
                    notice => said.push(notice),
                }
            }
            if let Some(Effect::Save { seq, changes }) = outcome.save {
                let state = session.tracker().state();
                for report in self.saving.save(seq, changes, state, self.now) {
                    let reported = session.report(report);
                    next = Some(match next.take() {
                        Some(before) => before.then(reported),
                        None => reported,
                    });
                }
            }
        }
        Ok(said)
    }
}

/// How many entries of the outcome's save `count` finds (ticks, skips).
fn changed(outcome: &Outcome, count: impl Fn(&crate::progress::Changes) -> usize) -> usize {
    match &outcome.save {
        Some(Effect::Save { changes, .. }) => count(changes),
        _ => 0,
    }
}

/// The notices a command prints beside its own summary (a reference card, the
/// completion, a note saved, a link opened); warnings and errors go to `err`.
fn tell(
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

/// "{count} {count:step|steps} …; {done}/{total}" from a catalogue template.
fn counted(template: &str, count: usize, session: &Session) -> String {
    let (done, total) = session.tracker().overall(&session.pack);
    let (count, done, total) = (count.to_string(), done.to_string(), total.to_string());
    fill(
        template,
        &[("count", &count), ("done", &done), ("total", &total)],
    )
}

/// Who an export is about: the name given (then remembered), else the one given last,
/// else the account's full name, else asked on a terminal; with none of these, refused
/// with [`Failure::NeedsName`] — never a made-up name.
pub(super) fn mentor_name(
    given: Option<&str>,
    out: &mut impl Write,
    ask: &mut Option<&mut dyn std::io::BufRead>,
    t: &Text,
) -> Result<String, Failure> {
    let settings = Settings::from_platform();
    let remember = |name: &str| {
        // Not remembering only costs a question next time.
        if let Some(settings) = &settings {
            let _ = settings.set_mentor_name(name);
        }
    };
    let given = given.map(str::trim).filter(|n| !n.is_empty());
    if let Some(name) = given {
        remember(name);
        return Ok(name.to_string());
    }
    if let Some(name) = settings.as_ref().and_then(Settings::mentor_name) {
        return Ok(name);
    }
    if let Some(name) = account_full_name() {
        remember(&name);
        return Ok(name);
    }
    let answer = super::ask_line(out, ask, t.ask_name)?.ok_or(Failure::NeedsName)?;
    let name = printable(&answer, false).into_owned();
    if name.is_empty() {
        return Err(Failure::NeedsName);
    }
    remember(&name);
    Ok(name)
}
