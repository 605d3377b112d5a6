//! `ticklist status` and `ticklist list`: the progress as lines (or JSON) for scripts
//! and prompt lines, never escapes.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use super::progress::Opened;
use super::{Failure, ProgressCommand};
use crate::export::{GroupProgress, groups};
use crate::pack::Pack;
use crate::progress::{Check, Tracker, Urgency, percent, pressing};
use crate::safe_text::printable;
use crate::session::Session;
use crate::text::{Text, fill};

/// What `ticklist status --json` prints.
#[derive(Debug, Serialize)]
pub struct Status {
    pub pack_id: String,
    pub pack_version: String,
    pub title: String,
    pub done: u32,
    pub total: u32,
    pub groups: Vec<GroupProgress>,
    /// The day the checklist started (due dates count from it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<jiff::civil::Date>,
}

pub fn status(pack: &Pack, tracker: &Tracker) -> Status {
    let (done, total) = tracker.overall(pack);
    Status {
        pack_id: pack.id.clone(),
        pack_version: pack.version.clone(),
        title: pack.title.clone(),
        done,
        total,
        groups: groups(pack, tracker),
        // Shown where due dates count from it.
        start: tracker.state().start.filter(|_| pack.has_due_dates()),
    }
}

/// `ticklist status`: a line per stage and part, then the total.
pub fn write_status(out: &mut impl Write, status: &Status, t: &Text) -> io::Result<()> {
    let line = |template: &str, done: u32, total: u32, title: &str| {
        let (d, n, p) = (done.to_string(), total.to_string(), percent(done, total));
        let p = p.to_string();
        fill(
            template,
            &[
                ("done", &d),
                ("total", &n),
                ("percent", &p),
                ("title", title),
            ],
        )
    };
    for group in &status.groups {
        let indent = "  ".repeat(group.depth);
        let said = line(t.cli_group, group.done, group.total, &group.title);
        writeln!(out, "{indent}{said}")?;
    }
    let said = line(t.cli_total, status.done, status.total, &status.title);
    writeln!(out, "{said}")?;
    if let Some(start) = status.start {
        writeln!(
            out,
            "{}",
            fill(t.status_started, &[("date", &t.date(start))])
        )?;
    }
    Ok(())
}

/// `ticklist list`: the tree with boxes, ids and links; with `todo`, only what is left.
pub fn write_list(
    out: &mut impl Write,
    pack: &Pack,
    tracker: &Tracker,
    todo: bool,
    t: &Text,
) -> io::Result<()> {
    for (i, node) in pack.nodes.iter().enumerate() {
        if node.hidden {
            continue;
        }
        let check = tracker.check(i);
        let (_, steps) = tracker.counts(i);
        if todo && (check == Check::Done || steps == 0) {
            continue;
        }
        let indent = "  ".repeat(node.depth);
        let counts = if pack.is_leaf(i) || steps == 0 {
            String::new()
        } else {
            let (done, total) = tracker.counts(i);
            format!(" ({done}/{total})")
        };
        let new = if tracker.is_new(pack, i) {
            format!(" {}", t.cli_new_mark)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{indent}{} {}  {}{counts}{new}",
            tracker.node_state(pack, i).glyph(),
            node.id,
            node.title
        )?;
        for (n, link) in node.links.iter().enumerate() {
            writeln!(
                out,
                "{indent}    {}. {} <{}>",
                n + 1,
                link.label,
                crate::safe_text::readable_url(&link.url)
            )?;
        }
        if let Some(skip) = tracker.skip_of(pack, i) {
            let reason = printable(&skip.reason, false);
            let said = t.not_applicable(&reason);
            writeln!(out, "{indent}    {said}")?;
        }
        if let Some(note) = tracker.state().notes.get(&node.id) {
            let note = fill(t.cli_note, &[("text", &printable(note, false))]);
            writeln!(out, "{indent}    {note}")?;
        }
    }
    Ok(())
}

/// Runs `status` or `list`: progress read, nothing changed.
pub(super) fn read(
    command: &ProgressCommand,
    c: &Opened<'_>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let (session, t) = (&c.session, c.t);
    let written = match command {
        ProgressCommand::Status { check: true, .. } => {
            return if session.tracker().is_complete(&session.pack) {
                Ok(())
            } else {
                Err(Failure::NotDone)
            };
        }
        ProgressCommand::Status { due: true, .. } => write_due(out, session, t, c.now, true),
        ProgressCommand::Status { json: true, .. } => {
            serde_json::to_writer_pretty(&mut *out, &status(&session.pack, session.tracker()))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        ProgressCommand::Status { .. } => {
            write_status(out, &status(&session.pack, session.tracker()), t)
                .and_then(|()| write_due(out, session, t, c.now, false))
        }
        ProgressCommand::List { todo } => {
            write_list(out, &session.pack, session.tracker(), *todo, t)
        }
        _ => Ok(()),
    };
    written.map_err(Failure::Output)
}

/// The steps due soon or overdue, a line each; `asked` (`status --due`): says so when
/// there are none, or no due dates at all, rather than print nothing.
fn write_due(
    out: &mut impl Write,
    session: &Session,
    t: &Text,
    now: Timestamp,
    asked: bool,
) -> std::io::Result<()> {
    let (pack, tracker) = (&session.pack, session.tracker());
    // Due dates only cost a look at the clock when the pack has some.
    if !pack.has_due_dates() {
        return match asked {
            true => writeln!(out, "{}", t.no_due_dates),
            false => Ok(()),
        };
    }
    let tz = crate::clock::time_zone();
    let today = now.to_zoned(tz.clone()).date();
    let pressing = pressing(pack, tracker, today, &tz);
    if pressing.is_empty() && asked {
        let days = crate::progress::SOON_DAYS.to_string();
        return writeln!(out, "{}", fill(t.nothing_pressing, &[("days", &days)]));
    }
    for (i, due) in pressing {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack;
    use crate::progress::State;
    use crate::session::Session;

    #[test]
    fn status_counts_each_stage_then_the_whole() {
        let pack = pack::builtin(crate::text::Lang::Fr).unwrap();
        let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
        let mut session = Session::new(pack, tracker);
        let stage = session.pack.find("etape-1").unwrap();
        let now = "2026-11-22T09:30:00Z".parse().unwrap();
        let _ = session.set(&[stage], true, now);
        let mut out = Vec::new();
        let status = status(&session.pack, session.tracker());
        write_status(&mut out, &status, &crate::text::FR).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("6/6 (100 %) Étape 1"), "{text}");
        assert!(
            text.ends_with("total 6/24 (25 %) Checklist pour démarrer votre mission de mentor\n")
        );
    }
}
