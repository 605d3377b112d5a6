//! The manager's table, built from many mentors' JSON exports, possibly of different
//! pack versions: one row per mentor, one column per stage, the steps most left open.

use std::collections::BTreeMap;
use std::io::{self, Write};

use jiff::{Span, Timestamp};
use serde::Serialize;

use super::{Export, md};
use crate::progress::percent;
use crate::safe_text::printable;
use crate::text::{Text, fill};

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
