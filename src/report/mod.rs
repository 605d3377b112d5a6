//! The manager's report, built from many mentors' JSON exports: one section per pack,
//! one row per mentor (and run), a column per stage, the steps most often left open and
//! who has them open, every mentor's notes and skip reasons, and which files were not
//! read and why. Written as Markdown, CSV, JSON or a self-contained HTML page.

mod build;
mod csv;
mod html;
mod json;
mod markdown;
mod people;
mod read;
mod row;
mod section;
mod stalls;

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::progress::percent;

pub use build::{Builder, build};
pub use csv::{CsvOptions, write_csv};
pub use html::write_html;
pub use json::write_json;
pub use markdown::write_markdown;
pub use people::{Person, clean_name};
pub use read::{Unread, Why, parse, read_each, read_one, walk};
pub use stalls::{Pace, StageTime, StepWait, longest};

/// Days without a tick after which a mentor is flagged as quiet, unless told otherwise.
pub const STALE_DAYS: i64 = 14;

/// Steps listed under "most often still open".
const MOST_OPEN: usize = 10;

/// Everything the manager sees.
#[derive(Debug, Serialize)]
pub struct Report {
    pub generated_at: Timestamp,
    /// Exports read, every copy of one person's progress included.
    pub files_read: usize,
    /// The quiet limit in days (0: nobody is flagged).
    pub stale_days: i64,
    pub packs: Vec<PackSection>,
    /// Files that are not readable exports, with why.
    pub unread: Vec<Unread>,
    /// Older copies of an export (same person, pack and run) left out.
    pub duplicates: Vec<Duplicate>,
    /// Exports dated after the report was made: counted, never preferred to a copy dated
    /// before it, and named, since a wrong clock wrote them.
    pub future: Vec<Dated>,
    /// People whose name is not the same in all their exports: the row shows the newest.
    pub renamed: Vec<NameChange>,
    /// Rows grouped by name because their exports carry no person id (older ticklists).
    pub without_id: usize,
    /// Only mentors who started on or after this day are in the report (`--since`).
    pub since: Option<Date>,
}

/// An export and the date it says it was made.
#[derive(Debug, Clone, Serialize)]
pub struct Dated {
    pub path: PathBuf,
    pub generated_at: Timestamp,
    /// Counted, there being no copy dated before the report; else left out for one.
    pub counted: bool,
}

/// One person under several names.
#[derive(Debug, Clone, Serialize)]
pub struct NameChange {
    pub person: String,
    /// The name of their newest export, which their rows show.
    pub name: String,
    pub earlier: Vec<String>,
}

/// An export left out because a newer one of the same mentor, pack and run was read.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    pub ignored: PathBuf,
    pub kept: PathBuf,
}

/// One pack: exports of different packs are never mixed in one table.
#[derive(Debug)]
pub struct PackSection {
    pub id: String,
    pub title: String,
    /// Pack versions in use, newest first, with how many rows use each.
    pub versions: Vec<(String, usize)>,
    /// The version whose steps and renames the rows were matched by (a built-in,
    /// installed, preloaded or given pack), or `None`: matched by step id alone.
    pub matched_with: Option<String>,
    /// Stages in first-seen order (matched by id across versions): id and title.
    pub stages: Vec<(String, String)>,
    /// Every step in first-seen order: id and title, for the mentor × step grid.
    pub steps: Vec<(String, String)>,
    pub mentors: Vec<MentorRow>,
    /// Steps still open, most often first, with whose rows they are open in.
    pub most_open: Vec<OpenStep>,
    /// Steps past their due date, most often first, with whose rows they are late in.
    pub most_late: Vec<OpenStep>,
    /// Whether the pack gives due dates: without, "late" means nothing.
    pub has_due_dates: bool,
    /// Where mentors stall: each step's wait before its tick, in the pack's order.
    pub waits: Vec<StepWait>,
    /// How long each stage took mentors to finish, from their start.
    pub stage_times: Vec<StageTime>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MentorRow {
    /// The name of the person's newest export, cleaned.
    pub mentor: String,
    /// Who this is, by id or (older exports) by name.
    pub person: Person,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// What tells this row from a namesake's (their address, else the start of their
    /// id), only when another row has the same name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namesake: Option<String>,
    /// For a pack done once per student: whose run this row is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    pub pack_version: String,
    /// Steps settled and in all, counted from the exported steps (never the figures an
    /// export states).
    pub done: u32,
    pub total: u32,
    /// Steps settled and in all, per stage id; absent when this version lacks the stage.
    pub stages: BTreeMap<String, (u32, u32)>,
    /// The day the checklist started, when the export says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// The mentor's answers to the pack's questions: the question, the answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<(String, String)>,
    pub last_tick: Option<Timestamp>,
    /// Not finished, and no tick within the quiet limit since the last tick or the start.
    pub stale: bool,
    /// Steps past their due date and not settled, by id.
    pub late: Vec<String>,
    /// Each step's state, in the order of the section's steps (written out as a map by
    /// step id); a step their version lacks is `not_in_version`. A byte a step: ten
    /// thousand rows take little memory.
    #[serde(skip)]
    pub states: Vec<StepState>,
    /// How long each tick waited, for where mentors stall.
    #[serde(skip)]
    pub pace: Pace,
    /// The mentor's notes and skip reasons, in step order.
    pub remarks: Vec<Remark>,
}

impl Serialize for PackSection {
    /// Each row with its states as a map by step id, made as it is written.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        let mut s = serializer.serialize_struct("PackSection", 14)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("versions", &self.versions)?;
        s.serialize_field("matched_with", &self.matched_with)?;
        s.serialize_field("stages", &self.stages)?;
        s.serialize_field("steps", &self.steps)?;
        s.serialize_field("mentors", &Rows(self))?;
        s.serialize_field("most_open", &self.most_open)?;
        s.serialize_field("most_late", &self.most_late)?;
        s.serialize_field("has_due_dates", &self.has_due_dates)?;
        s.serialize_field("waits", &self.waits)?;
        s.serialize_field("stage_times", &self.stage_times)?;
        let longest: Vec<&str> = longest(&self.waits).iter().map(|w| w.id.as_str()).collect();
        s.serialize_field("longest_waits", &longest)?;
        s.end()
    }
}

/// A section's rows, each written with its states by step id.
struct Rows<'a>(&'a PackSection);

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row<'a> {
            #[serde(flatten)]
            row: &'a MentorRow,
            states: BTreeMap<&'a str, StepState>,
        }
        let steps = &self.0.steps;
        serializer.collect_seq(self.0.mentors.iter().map(|row| {
            Row {
                row,
                states: steps
                    .iter()
                    .map(|(id, _)| id.as_str())
                    .zip(row.states.iter().copied())
                    .collect(),
            }
        }))
    }
}

/// Where one mentor stands on one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Done,
    Partial,
    Todo,
    Skipped,
    /// The step is not in the pack version this mentor has: neither open nor done.
    NotInVersion,
    /// The mentor's answers rule the step out: neither open nor done.
    DoesNotApply,
}

impl StepState {
    /// An exported state word; what is not known reads as still to do.
    fn from_export(state: &str) -> StepState {
        match state {
            "done" => StepState::Done,
            "partial" => StepState::Partial,
            "skipped" => StepState::Skipped,
            _ => StepState::Todo,
        }
    }

    /// Settled: done, or marked as not applying.
    pub fn settled(self) -> bool {
        matches!(self, StepState::Done | StepState::Skipped)
    }

    /// Still to be done by this mentor.
    pub fn open(self) -> bool {
        matches!(self, StepState::Todo | StepState::Partial)
    }
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
    /// The mentor, what tells them from a namesake, and the student for a run:
    /// "Marie Dupont (marie@example.org) · Bob".
    pub fn label(&self) -> String {
        let label = self.label_without_run();
        match &self.run {
            Some(run) => format!("{label} · {run}"),
            None => label,
        }
    }

    /// The mentor and what tells them from a namesake, without the student: for a
    /// table with a column of its own for the student.
    fn label_without_run(&self) -> String {
        match &self.namesake {
            Some(namesake) => format!("{} ({namesake})", self.mentor),
            None => self.mentor.clone(),
        }
    }

    /// Late steps as a table cell: how many, or `–` for a pack without due dates.
    pub fn late_cell(&self, has_due_dates: bool) -> String {
        if has_due_dates {
            self.late.len().to_string()
        } else {
            "–".into()
        }
    }

    pub fn percent(&self) -> u32 {
        percent(self.done, self.total)
    }
}

#[cfg(test)]
mod tests;
