//! `ticklist status|list|check|uncheck|note|export|reset|open`: one pack's progress
//! without the full-screen UI.

use std::io::Write;

use jiff::Timestamp;

use super::{Cli, Console, ExportFormat, Failure, ProgressCommand, confirm, load_pack};
use crate::app::Report;
use crate::commands;
use crate::effects::Opener;
use crate::export;
use crate::pack::{MAX_TEXT_CHARS, Pack};
use crate::progress::{Changes, LoadOutcome, StateStore, Tracker, Urgency, pressing};
use crate::safe_text::printable;
use crate::text::fill;

/// `status`, `list`, `check`, `uncheck`, `reset`, `open`: the pack's progress without the
/// UI. Notices about the state file go to `err`; changes are saved like the UI does
/// (locked, merged).
pub fn progress_command<O: Write, E: Write>(
    cli: &Cli,
    command: &ProgressCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, err, ask } = console;
    let pack = load_pack(cli.pack.as_deref(), super::builtin_lang(cli))?;
    let t = super::lang_for(cli, &pack).text();
    let (store, run) = super::progress_store(cli, &pack, false)?;
    let now = crate::clock::now();
    let loaded = store.load(&pack.id, &pack.version, now);
    let mut read_only = None;
    match &loaded {
        LoadOutcome::MovedAside {
            reason, moved_to, ..
        } => {
            let path = moved_to.display().to_string();
            let said = fill(t.cli_moved_aside, &[("reason", reason), ("path", &path)]);
            let _ = writeln!(err, "ticklist: {said}");
        }
        LoadOutcome::ReadOnly { reason, .. } => {
            let said = fill(t.cli_read_only, &[("reason", reason)]);
            let _ = writeln!(err, "ticklist: {said}");
            read_only = Some(reason.clone());
        }
        LoadOutcome::Fresh(_) | LoadOutcome::Loaded(_) => {}
    }
    let (mut tracker, _) = super::open_progress(&pack, loaded);
    let written = match command {
        ProgressCommand::Status { json: true } => {
            serde_json::to_writer_pretty(&mut *out, &commands::status(&pack, &tracker))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        ProgressCommand::Status { json: false } => {
            commands::write_status(out, &commands::status(&pack, &tracker), t).and_then(|()| {
                // Due dates only cost a look at the clock when the pack has some.
                if !pack.nodes.iter().any(|n| n.due.is_some()) {
                    return Ok(());
                }
                let tz = super::local_time_zone();
                let today = now.to_zoned(tz.clone()).date();
                for (i, due) in pressing(&pack, &tracker, today, &tz) {
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
            })
        }
        ProgressCommand::Start { date } => {
            let changes = Changes {
                start: Some(*date),
                ..Changes::default()
            };
            if let Some(reason) = read_only {
                return Err(Failure::ReadOnlyState(reason));
            }
            let mut mine = tracker.state().clone();
            mine.apply(&changes);
            store.save(&mine, &changes, now)?;
            writeln!(
                out,
                "{}",
                fill(t.cli_start_set, &[("date", &t.date(*date))])
            )
        }
        ProgressCommand::List { todo } => commands::write_list(out, &pack, &tracker, *todo, t),
        ProgressCommand::Check { ids } | ProgressCommand::Uncheck { ids } => {
            let on = matches!(command, ProgressCommand::Check { .. });
            let changes = commands::set(&pack, &mut tracker, ids, on, now)?;
            if !changes.is_empty() {
                save(&store, &tracker, &changes, read_only, now)?;
            }
            let said = if on { t.cli_ticked } else { t.cli_unticked };
            writeln!(
                out,
                "{}",
                counted(said, changes.ticks.len(), &tracker, &pack)
            )
        }
        ProgressCommand::Skip { ids, .. } | ProgressCommand::Unskip { ids } => {
            let reason = match command {
                ProgressCommand::Skip { reason, .. } => Some(printable(reason.trim(), false)),
                _ => None,
            };
            if let Some(reason) = &reason {
                let chars = reason.chars().count();
                if chars > MAX_TEXT_CHARS {
                    return Err(Failure::NoteTooLong(chars));
                }
            }
            let changes = commands::skip(&pack, &mut tracker, ids, reason.as_deref(), now)?;
            if !changes.is_empty() {
                save(&store, &tracker, &changes, read_only, now)?;
            }
            let said = if reason.is_some() {
                t.cli_skipped
            } else {
                t.cli_unskipped
            };
            writeln!(
                out,
                "{}",
                counted(said, changes.skipped.len(), &tracker, &pack)
            )
        }
        ProgressCommand::Note { id, text, clear } => {
            let node = commands::find(&pack, id)?;
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
            let said = if note.is_some() {
                t.cli_note_saved
            } else {
                t.cli_note_cleared
            };
            tracker.set_note(&pack, node, note);
            let changes = tracker.take_changes();
            save(&store, &tracker, &changes, read_only, now)?;
            writeln!(out, "{}", fill(said, &[("id", id)]))
        }
        ProgressCommand::Export {
            format,
            output,
            name,
        } => {
            let mentor = name.clone().unwrap_or_else(user_name);
            let mut report = export::export(&pack, &tracker, &mentor, now);
            report.run = run;
            let mut text = Vec::new();
            match format {
                ExportFormat::Markdown => export::write_markdown(&mut text, &report, t),
                ExportFormat::Json => serde_json::to_writer_pretty(&mut text, &report)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(text)),
            }
            .map_err(Failure::Output)?;
            match output {
                Some(path) => std::fs::write(path, &text).and_then(|()| {
                    let path = path.display().to_string();
                    let said = fill(
                        t.cli_export_written,
                        &[("mentor", &mentor), ("path", &path)],
                    );
                    writeln!(err, "{said}")
                }),
                None => out.write_all(&text),
            }
        }
        ProgressCommand::Reset { yes } => {
            let ticks = tracker.state().ticks.len();
            let count = ticks.to_string();
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
            let node = commands::find(&pack, id)?;
            let links = &pack.nodes[node].links;
            let Some(link) = links.get(n.wrapping_sub(1)) else {
                return Err(Failure::NoSuchLink {
                    id: id.clone(),
                    n: *n,
                    count: links.len(),
                });
            };
            match Opener::from_env().open(&link.url) {
                Report::NoBrowser(url) => {
                    writeln!(out, "{}", fill(t.cli_open_no_browser, &[("url", &url)]))
                }
                Report::OpenFailed { url, error } => {
                    return Err(Failure::OpenFailed { url, error });
                }
                Report::Refused { url, problem } => {
                    let error = problem.message(t).to_string();
                    return Err(Failure::OpenFailed { url, error });
                }
                _ => {
                    // Recorded like the UI does; a file that cannot be saved only loses that.
                    tracker.opened(&pack, node, now);
                    if read_only.is_none() {
                        let changes = tracker.take_changes();
                        store.save(tracker.state(), &changes, now)?;
                    }
                    writeln!(out, "{}", fill(t.cli_opened, &[("url", &link.url)]))
                }
            }
        }
    };
    written.map_err(Failure::Output)
}

/// Saves `changes` the way the UI does, unless progress cannot be saved here.
fn save(
    store: &StateStore,
    tracker: &Tracker,
    changes: &Changes,
    read_only: Option<String>,
    now: Timestamp,
) -> Result<(), Failure> {
    if let Some(reason) = read_only {
        return Err(Failure::ReadOnlyState(reason));
    }
    store.save(tracker.state(), changes, now)?;
    Ok(())
}

/// "{count} step(s) …; {done}/{total}" from a catalogue template.
fn counted(template: &str, count: usize, tracker: &Tracker, pack: &Pack) -> String {
    let (done, total) = tracker.overall(pack);
    let (count, done, total) = (count.to_string(), done.to_string(), total.to_string());
    fill(
        template,
        &[("count", &count), ("done", &done), ("total", &total)],
    )
}

/// The OS user name, for `export` without `--name`.
fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}
