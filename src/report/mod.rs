//! The manager's report, built from many mentors' JSON exports: one section per pack,
//! one row per mentor (and run), a column per stage, the steps most often left open and
//! who has them open, every mentor's notes and skip reasons, and which files were not
//! read and why. Written as Markdown, CSV, JSON or a self-contained HTML page.

mod csv;
mod html;
mod markdown;
mod read;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jiff::{Span, Timestamp};
use serde::Serialize;

use crate::export::Export;
use crate::progress::percent;

pub use csv::{CsvOptions, write_csv};
pub use html::write_html;
pub use markdown::write_markdown;
pub use read::{Unread, Why, read_exports};

/// Days without a tick after which a mentor is flagged as quiet, unless told otherwise.
pub const STALE_DAYS: i64 = 14;

/// Steps listed under "most often still open".
const MOST_OPEN: usize = 10;

/// Everything the manager sees.
#[derive(Debug, Serialize)]
pub struct Report {
    pub generated_at: Timestamp,
    /// Exports read and counted (duplicates not included).
    pub files_read: usize,
    /// The quiet limit in days (0: nobody is flagged).
    pub stale_days: i64,
    pub packs: Vec<PackSection>,
    /// Files that are not readable exports, with why.
    pub unread: Vec<Unread>,
    /// Older copies of an export (same mentor, pack and run) left out.
    pub duplicates: Vec<Duplicate>,
}

/// An export left out because a newer one of the same mentor, pack and run was read.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    pub ignored: PathBuf,
    pub kept: PathBuf,
}

/// One pack: exports of different packs are never mixed in one table.
#[derive(Debug, Serialize)]
pub struct PackSection {
    pub id: String,
    pub title: String,
    /// Pack versions in use, newest first, with how many rows use each.
    pub versions: Vec<(String, usize)>,
    /// Stages in first-seen order (matched by id across versions): id and title.
    pub stages: Vec<(String, String)>,
    /// Every step in first-seen order: id and title, for the mentor × step grid.
    pub steps: Vec<(String, String)>,
    pub mentors: Vec<MentorRow>,
    /// Steps still open, most often first, with whose rows they are open in.
    pub most_open: Vec<OpenStep>,
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
    /// Steps settled and in all, per stage id; absent when this version lacks the stage.
    pub stages: BTreeMap<String, (u32, u32)>,
    pub last_tick: Option<Timestamp>,
    /// No tick within the quiet limit.
    pub stale: bool,
    /// Each step's state ("done", "todo", "skipped", …) by id.
    pub states: BTreeMap<String, String>,
    /// The mentor's notes and skip reasons, in step order.
    pub remarks: Vec<Remark>,
}

/// A mentor's note on a step, or why a step does not apply.
#[derive(Debug, Clone, Serialize)]
pub struct Remark {
    pub step: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct OpenStep {
    pub id: String,
    pub title: String,
    /// The rows ("alice", "alice · Bob") that have it open.
    pub who: Vec<String>,
}

impl MentorRow {
    /// The mentor, and the student for a run: "alice · Bob".
    pub fn label(&self) -> String {
        match &self.run {
            Some(run) => format!("{} · {run}", self.mentor),
            None => self.mentor.clone(),
        }
    }

    pub fn percent(&self) -> u32 {
        percent(self.done, self.total)
    }
}

/// Builds the report from what was read. Exports of the same mentor, pack and run count
/// once, the newest `generated_at` winning; `stale_days` 0 flags nobody.
pub fn build(
    exports: Vec<(PathBuf, Export)>,
    unread: Vec<Unread>,
    now: Timestamp,
    stale_days: i64,
) -> Report {
    let (exports, duplicates) = newest_only(exports);
    let files_read = exports.len();
    let limit = (stale_days > 0)
        .then(|| now.checked_sub(Span::new().hours(24 * stale_days)).ok())
        .flatten();
    let mut by_pack: BTreeMap<String, Vec<Export>> = BTreeMap::new();
    for (_, export) in exports {
        by_pack
            .entry(export.pack.id.clone())
            .or_default()
            .push(export);
    }
    let packs = by_pack
        .into_values()
        .map(|exports| section(exports, limit))
        .collect();
    Report {
        generated_at: now.round(jiff::Unit::Second).unwrap_or(now),
        files_read,
        stale_days,
        packs,
        unread,
        duplicates,
    }
}

/// Keeps the newest export of each mentor, pack and run (a sync client's conflict copy,
/// an old file beside a new one), in the order they were read.
fn newest_only(exports: Vec<(PathBuf, Export)>) -> (Vec<(PathBuf, Export)>, Vec<Duplicate>) {
    let key = |e: &Export| (e.mentor.clone(), e.pack.id.clone(), e.run.clone());
    let mut newest: BTreeMap<_, usize> = BTreeMap::new();
    for (i, (_, export)) in exports.iter().enumerate() {
        let slot = newest.entry(key(export)).or_insert(i);
        if exports[*slot].1.generated_at < export.generated_at {
            *slot = i;
        }
    }
    let kept: BTreeSet<usize> = newest.values().copied().collect();
    let mut duplicates = Vec::new();
    for (i, (path, export)) in exports.iter().enumerate() {
        if !kept.contains(&i) {
            let winner = newest[&key(export)];
            duplicates.push(Duplicate {
                ignored: path.clone(),
                kept: exports[winner].0.clone(),
            });
        }
    }
    let exports = exports
        .into_iter()
        .enumerate()
        .filter(|(i, _)| kept.contains(i))
        .map(|(_, found)| found)
        .collect();
    (exports, duplicates)
}

fn section(exports: Vec<Export>, limit: Option<Timestamp>) -> PackSection {
    let mut stages: Vec<(String, String)> = Vec::new();
    let mut steps: Vec<(String, String)> = Vec::new();
    let mut seen_steps = BTreeSet::new();
    let mut versions: BTreeMap<String, usize> = BTreeMap::new();
    let mut mentors: Vec<MentorRow> = exports
        .iter()
        .map(|e| {
            *versions.entry(e.pack.version.clone()).or_default() += 1;
            let mut per_stage = BTreeMap::new();
            for g in e.groups.iter().filter(|g| g.depth == 0) {
                if !stages.iter().any(|(id, _)| *id == g.id) {
                    stages.push((g.id.clone(), g.title.clone()));
                }
                per_stage.insert(g.id.clone(), (g.done, g.total));
            }
            let mut states = BTreeMap::new();
            let mut remarks = Vec::new();
            // A step listed twice in one export counts once.
            for item in e.items.iter().filter(|i| i.step) {
                if states.contains_key(&item.id) {
                    continue;
                }
                states.insert(item.id.clone(), item.state.clone());
                if seen_steps.insert(item.id.clone()) {
                    steps.push((item.id.clone(), item.title.clone()));
                }
                if item.note.is_some() || item.skipped.is_some() {
                    remarks.push(Remark {
                        step: item.id.clone(),
                        title: item.title.clone(),
                        note: item.note.clone(),
                        skipped: item.skipped.clone(),
                    });
                }
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
                states,
                remarks,
            }
        })
        .collect();
    mentors.sort_by(|a, b| a.mentor.cmp(&b.mentor).then_with(|| a.run.cmp(&b.run)));
    let mut most_open: Vec<OpenStep> = steps
        .iter()
        .map(|(id, title)| OpenStep {
            id: id.clone(),
            title: title.clone(),
            who: mentors
                .iter()
                .filter(|m| m.states.get(id).is_some_and(|s| is_open(s)))
                .map(MentorRow::label)
                .collect(),
        })
        .filter(|step| !step.who.is_empty())
        .collect();
    // Most often open first; among equals, in the pack's order (a stable sort).
    most_open.sort_by_key(|step| std::cmp::Reverse(step.who.len()));
    most_open.truncate(MOST_OPEN);
    let mut versions: Vec<(String, usize)> = versions.into_iter().collect();
    versions.reverse();
    let (id, title) = exports
        .first()
        .map(|e| (e.pack.id.clone(), e.pack.title.clone()))
        .unwrap_or_default();
    PackSection {
        id,
        title,
        versions,
        stages,
        steps,
        mentors,
        most_open,
    }
}

/// Whether a step in this state is still to be done.
fn is_open(state: &str) -> bool {
    !matches!(state, "done" | "skipped" | "info")
}

#[cfg(test)]
mod tests;
