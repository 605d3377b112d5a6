//! Progress reports: a mentor's export (JSON, versioned, or Markdown to send), and the
//! manager's table built from many JSON exports, possibly of different pack versions.

use std::collections::BTreeMap;
use std::io::{self, Write};

use jiff::{Span, Timestamp};
use serde::{Deserialize, Serialize};

use crate::pack::Pack;
use crate::progress::{Check, Tracker, percent};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Tag and version of the export format; readers refuse other tags and newer versions.
pub const EXPORT_FORMAT: &str = "ticklist-export";
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub generated_at: Timestamp,
    pub mentor: String,
    /// For a pack done once per student: the run (the student) this is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    pub pack: PackInfo,
    pub done: u32,
    pub total: u32,
    /// Stages and parts, in order.
    pub groups: Vec<GroupProgress>,
    /// Every node, in order, with its state.
    pub items: Vec<ItemProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    /// [`Pack::digest`]: exactly which content the progress is on.
    #[serde(default)]
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupProgress {
    pub id: String,
    pub title: String,
    /// 0 for a stage, 1 for a part.
    pub depth: usize,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemProgress {
    pub id: String,
    pub title: String,
    pub depth: usize,
    /// Whether it is a step one ticks (no sub-items).
    pub step: bool,
    /// "done", "partial", "todo", "skipped" (a step marked not applicable) or "info" (a
    /// reference card).
    pub state: String,
    pub ticked_at: Option<Timestamp>,
    pub note: Option<String>,
    /// Why a skipped step does not apply.
    #[serde(default)]
    pub skipped: Option<String>,
    /// When the step's link was last opened.
    #[serde(default)]
    pub opened_at: Option<Timestamp>,
}

/// The export of one mentor's progress on `pack`.
pub fn export(pack: &Pack, tracker: &Tracker, mentor: &str, now: Timestamp) -> Export {
    let (done, total) = tracker.overall(pack);
    let state = tracker.state();
    Export {
        format: EXPORT_FORMAT.into(),
        version: EXPORT_VERSION,
        generated_at: now.round(jiff::Unit::Second).unwrap_or(now),
        mentor: mentor.into(),
        run: None,
        pack: PackInfo {
            id: pack.id.clone(),
            version: pack.version.clone(),
            title: pack.title.clone(),
            digest: pack.digest(),
        },
        done,
        total,
        groups: groups(pack, tracker),
        items: pack
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| ItemProgress {
                id: node.id.clone(),
                title: node.title.clone(),
                depth: node.depth,
                step: pack.is_step(i),
                state: match tracker.check(i) {
                    _ if pack.is_info(i) => "info",
                    _ if tracker.skip_of(pack, i).is_some() => "skipped",
                    Check::Done => "done",
                    Check::Partial => "partial",
                    Check::Empty => "todo",
                }
                .into(),
                ticked_at: tracker.ticked_at(pack, i),
                note: state.notes.get(&node.id).cloned(),
                skipped: tracker.skip_of(pack, i).map(|s| s.reason.clone()),
                opened_at: tracker.opened_at(pack, i),
            })
            .collect(),
    }
}

/// Stages and parts with their counts, in order (also `ticklist status --json`).
pub fn groups(pack: &Pack, tracker: &Tracker) -> Vec<GroupProgress> {
    pack.groups
        .iter()
        .map(|&i| {
            let (done, total) = tracker.counts(i);
            let node = &pack.nodes[i];
            GroupProgress {
                id: node.id.clone(),
                title: node.title.clone(),
                depth: node.depth,
                done,
                total,
            }
        })
        .collect()
}

/// Markdown text, escaped so that titles cannot break the table or the list.
fn md(text: &str) -> String {
    printable(text, false)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
}

/// The export as a Markdown document a mentor can paste into a message.
pub fn write_markdown(out: &mut impl Write, export: &Export, t: &Text) -> io::Result<()> {
    match &export.run {
        Some(run) => {
            let title = fill(t.run_title, &[("title", &export.pack.title), ("run", run)]);
            writeln!(out, "# {} — {}", md(&title), md(&export.mentor))?;
        }
        None => writeln!(out, "# {} — {}", md(&export.pack.title), md(&export.mentor))?,
    }
    writeln!(out)?;
    let at = export.generated_at.to_string();
    let values = [
        ("id", md(&export.pack.id)),
        ("version", md(&export.pack.version)),
        ("digest", md(&export.pack.digest)),
        ("at", at),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(out, "{}", fill(t.md_pack, &values))?;
    writeln!(out)?;
    let (done, total) = (export.done.to_string(), export.total.to_string());
    let percent_done = percent(export.done, export.total).to_string();
    let values = [
        ("done", &*done),
        ("total", &total),
        ("percent", &percent_done),
    ];
    writeln!(out, "{}", fill(t.md_done, &values))?;
    writeln!(out)?;
    writeln!(out, "{}", t.md_group_header)?;
    writeln!(out, "|---|---:|---:|")?;
    for g in &export.groups {
        let indent = if g.depth > 0 { "↳ " } else { "" };
        writeln!(
            out,
            "| {indent}{} | {}/{} | {} |",
            md(&g.title),
            g.done,
            g.total,
            percent(g.done, g.total)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t.md_steps)?;
    writeln!(out)?;
    for item in &export.items {
        let indent = "  ".repeat(item.depth);
        let box_ = match item.state.as_str() {
            "done" => "[x]",
            "partial" => "[~]",
            "skipped" => "[-]",
            "info" => "(i)",
            _ => "[ ]",
        };
        let when = item
            .ticked_at
            .map(|at| {
                let date = at.strftime("%Y-%m-%d").to_string();
                format!(" — {}", fill(t.md_ticked, &[("date", &date)]))
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{indent}- {box_} {} (`{}`){when}",
            md(&item.title),
            md(&item.id)
        )?;
        if let Some(reason) = &item.skipped {
            let said = fill(t.skip_reason, &[("reason", &md(reason))]);
            writeln!(out, "{indent}  - {said}")?;
        }
        if let Some(at) = item.opened_at {
            let date = at.strftime("%Y-%m-%d").to_string();
            writeln!(out, "{indent}  - {}", fill(t.opened_on, &[("date", &date)]))?;
        }
        if let Some(note) = &item.note {
            let note = fill(t.cli_note, &[("text", &md(note))]);
            writeln!(out, "{indent}  - {note}")?;
        }
    }
    Ok(())
}

/// Why an export file cannot be read into a report.
pub fn parse_export(bytes: &[u8]) -> Result<Export, String> {
    let export: Export =
        serde_json::from_slice(bytes).map_err(|e| format!("not a ticklist export ({e})"))?;
    if export.format != EXPORT_FORMAT {
        return Err(format!(
            "format is {:?}, not {EXPORT_FORMAT:?}",
            export.format
        ));
    }
    if export.version > EXPORT_VERSION {
        return Err(format!(
            "export version {} is newer than this ticklist reads ({EXPORT_VERSION})",
            export.version
        ));
    }
    Ok(export)
}

/// A manager's view of many exports.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Stage titles in first-seen order (stages are matched by id across versions).
    pub stages: Vec<(String, String)>,
    pub mentors: Vec<MentorRow>,
    /// Steps still open, most often first: id, title, how many mentors have it open.
    pub most_open: Vec<(String, String, usize)>,
}

#[derive(Debug, Serialize)]
pub struct MentorRow {
    pub mentor: String,
    /// For a pack done once per student: whose run this row is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    pub pack_version: String,
    pub done: u32,
    pub total: u32,
    /// Percent done per stage id; absent when this mentor's pack version lacks the stage.
    pub stages: BTreeMap<String, u32>,
    pub last_tick: Option<Timestamp>,
    /// No tick since the `--stale-days` limit.
    pub stale: bool,
}

/// Builds the table; a mentor is stale when their last tick is older than `stale_days`
/// before `now` (or they have none).
pub fn summarize(exports: &[Export], now: Timestamp, stale_days: Option<i64>) -> Summary {
    let mut stages: Vec<(String, String)> = Vec::new();
    let mut open: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let limit = stale_days.and_then(|d| now.checked_sub(Span::new().hours(24 * d)).ok());
    let mentors = exports
        .iter()
        .map(|e| {
            let mut per_stage = BTreeMap::new();
            for g in e.groups.iter().filter(|g| g.depth == 0) {
                if !stages.iter().any(|(id, _)| *id == g.id) {
                    stages.push((g.id.clone(), g.title.clone()));
                }
                per_stage.insert(g.id.clone(), percent(g.done, g.total));
            }
            let open_steps = e
                .items
                .iter()
                .filter(|i| i.step && !matches!(i.state.as_str(), "done" | "skipped"));
            for item in open_steps {
                let entry = open
                    .entry(item.id.clone())
                    .or_insert((item.title.clone(), 0));
                entry.1 += 1;
            }
            let last_tick = e.items.iter().filter_map(|i| i.ticked_at).max();
            MentorRow {
                mentor: e.mentor.clone(),
                run: e.run.clone(),
                pack_version: e.pack.version.clone(),
                done: e.done,
                total: e.total,
                stages: per_stage,
                last_tick,
                stale: limit.is_some_and(|limit| last_tick.is_none_or(|t| t < limit)),
            }
        })
        .collect();
    let mut most_open: Vec<(String, String, usize)> = open
        .into_iter()
        .map(|(id, (title, count))| (id, title, count))
        .collect();
    most_open.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    most_open.truncate(10);
    Summary {
        stages,
        mentors,
        most_open,
    }
}

/// The mentor, and the student for a run: "alice · Bob".
fn row_label(row: &MentorRow) -> String {
    match &row.run {
        Some(run) => format!("{} · {run}", row.mentor),
        None => row.mentor.clone(),
    }
}

fn stage_cell(row: &MentorRow, stage: &str) -> String {
    row.stages
        .get(stage)
        .map_or_else(|| "–".to_string(), |p| format!("{p} %"))
}

fn last_tick_cell(row: &MentorRow, t: &Text) -> String {
    let day = row.last_tick.map_or_else(
        || t.md_never.to_string(),
        |at| at.strftime("%Y-%m-%d").to_string(),
    );
    if row.stale {
        fill(t.md_stale, &[("day", &day)])
    } else {
        day
    }
}

pub fn write_summary_markdown(out: &mut impl Write, s: &Summary, t: &Text) -> io::Result<()> {
    let titles: Vec<String> = s.stages.iter().map(|(_, title)| md(title)).collect();
    let stages = titles.join(" | ");
    writeln!(out, "{}", fill(t.md_report_header, &[("stages", &stages)]))?;
    writeln!(out, "|---|---|---:|{}---|", "---:|".repeat(titles.len()))?;
    for row in &s.mentors {
        let cells: Vec<String> = s.stages.iter().map(|(id, _)| stage_cell(row, id)).collect();
        writeln!(
            out,
            "| {} | {} | {}/{} ({} %) | {} | {} |",
            md(&row_label(row)),
            md(&row.pack_version),
            row.done,
            row.total,
            percent(row.done, row.total),
            cells.join(" | "),
            last_tick_cell(row, t)
        )?;
    }
    if !s.most_open.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t.md_most_open)?;
        writeln!(out)?;
        for (id, title, count) in &s.most_open {
            writeln!(out, "- {count} × {} (`{}`)", md(title), md(id))?;
        }
    }
    Ok(())
}

/// CSV with a header; fields quoted and their quotes doubled.
pub fn write_summary_csv(out: &mut impl Write, s: &Summary) -> io::Result<()> {
    let field = |text: &str| format!("\"{}\"", printable(text, false).replace('"', "\"\""));
    let mut header = vec!["mentor", "pack_version", "done", "total"]
        .into_iter()
        .map(field)
        .collect::<Vec<_>>();
    header.extend(s.stages.iter().map(|(_, t)| field(t)));
    header.push(field("last_tick"));
    header.push(field("stale"));
    writeln!(out, "{}", header.join(","))?;
    for row in &s.mentors {
        let mut cells = vec![
            field(&row_label(row)),
            field(&row.pack_version),
            row.done.to_string(),
            row.total.to_string(),
        ];
        cells.extend(
            s.stages
                .iter()
                .map(|(id, _)| row.stages.get(id).map_or(String::new(), u32::to_string)),
        );
        cells.push(row.last_tick.map_or(String::new(), |t| t.to_string()));
        cells.push(row.stale.to_string());
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::State;
    use crate::text::EN;

    #[test]
    fn a_run_is_named_in_the_report_and_skipped_steps_are_not_open() {
        let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
        let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
        let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
        tracker.skip(&pack, pack.find("slack").unwrap(), "already there", now);
        let mut report = export(&pack, &tracker, "alice", now);
        report.run = Some("Bob".into());
        let slack = report.items.iter().find(|i| i.id == "slack").unwrap();
        assert_eq!(
            (slack.state.as_str(), slack.skipped.as_deref()),
            ("skipped", Some("already there"))
        );

        let summary = summarize(&[report], now, None);
        assert!(summary.most_open.iter().all(|(id, _, _)| id != "slack"));
        let mut out = Vec::new();
        write_summary_markdown(&mut out, &summary, &EN).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(
            table.contains("| alice · Bob | 2026.11 | 1/24 (4 %) |"),
            "{table}"
        );
    }
}
