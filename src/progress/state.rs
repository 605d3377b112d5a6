//! The persisted progress of one mentor on one pack.

use std::collections::{BTreeMap, BTreeSet};

use super::problems::Unusable;
use crate::safe_text::printable;
use crate::text::{Text, fill};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the state file format; a file with a higher one is never overwritten.
/// 2 added skipped steps and the times links were opened; a format 1 file reads as a
/// format 2 one without them, and is written back as format 2.
pub const FORMAT_VERSION: u32 = 2;

/// A step marked "not applicable": settled without being done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skip {
    pub reason: String,
    pub at: Timestamp,
}

/// A mentor's answer to one of the pack's questions: the value kept (`None` when the
/// question was passed over, so that it is not asked again), and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub at: Timestamp,
}

/// Edits made by one session since its last save: an id ticked at a time or unticked
/// (`None`), a note written or cleared. Saving applies them onto whatever is on disk,
/// so two windows on the same pack never undo each other's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub ticks: BTreeMap<String, Option<Timestamp>>,
    pub notes: BTreeMap<String, Option<String>>,
    /// Each note changed, as it was before this session first changed it: a note on disk
    /// that is neither is another window's, and is kept beside this one.
    pub note_bases: BTreeMap<String, Option<String>>,
    /// Marks on steps a new pack version added: set (`true`) or cleared once viewed.
    pub new: BTreeMap<String, bool>,
    /// Steps skipped (with why) or unskipped (`None`).
    pub skipped: BTreeMap<String, Option<Skip>>,
    /// When a step's link was last opened.
    pub opened: BTreeMap<String, Timestamp>,
    /// A run's name or archive mark, changed.
    pub run: Option<Run>,
    /// The start date, set (due dates count from it).
    pub start: Option<Date>,
    /// Whether the mentor chose that start (`ticklist start`), rather than it being
    /// recorded on the first opening: only a choice is published.
    pub start_chosen: bool,
    /// Answers given, changed or passed over, by question id; `None` when undo took
    /// the question back to never asked.
    pub answers: BTreeMap<String, Option<Answer>>,
}

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    /// Whether these are the mentor's own doings (a tick, a note, a skip, a link opened,
    /// a run's name), not bookkeeping (a start recorded on opening, marks of new steps):
    /// only those are published, so that looking at a pack never puts a mentor in the
    /// manager's report.
    pub fn touches_progress(&self) -> bool {
        !(self.ticks.is_empty()
            && self.notes.is_empty()
            && self.skipped.is_empty()
            && self.opened.is_empty()
            && self.run.is_none()
            && self.answers.is_empty()
            && !self.start_chosen)
    }

    pub fn is_empty(&self) -> bool {
        self.ticks.is_empty()
            && self.notes.is_empty()
            && self.new.is_empty()
            && self.skipped.is_empty()
            && self.opened.is_empty()
            && self.run.is_none()
            && self.start.is_none()
            && self.answers.is_empty()
    }

    /// Adds later edits; for the same id, the later one wins.
    pub fn extend(&mut self, later: Changes) {
        self.ticks.extend(later.ticks);
        self.notes.extend(later.notes);
        for (id, base) in later.note_bases {
            self.note_bases.entry(id).or_insert(base);
        }
        self.new.extend(later.new);
        self.skipped.extend(later.skipped);
        self.opened.extend(later.opened);
        self.answers.extend(later.answers);
        if later.run.is_some() {
            self.run = later.run;
        }
        if later.start.is_some() {
            self.start = later.start;
        }
        self.start_chosen |= later.start_chosen;
    }
}

impl FromIterator<(String, Option<Timestamp>)> for Changes {
    fn from_iter<I: IntoIterator<Item = (String, Option<Timestamp>)>>(ticks: I) -> Self {
        Changes {
            ticks: ticks.into_iter().collect(),
            ..Changes::default()
        }
    }
}

impl<const N: usize> From<[(String, Option<Timestamp>); N]> for Changes {
    fn from(ticks: [(String, Option<Timestamp>); N]) -> Self {
        ticks.into_iter().collect()
    }
}

/// What is saved: ticked ids with when they were ticked. Ticks whose id the pack no
/// longer has stay here untouched, so a pack update never loses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub format: u32,
    pub pack_id: String,
    /// The pack version this state was last used with.
    pub pack_version: String,
    #[serde(default)]
    pub ticks: BTreeMap<String, Timestamp>,
    /// The mentor's own notes, by id (`ticklist note`), shown in the details pane.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Steps a new pack version added, shown as new until viewed or ticked.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub new: BTreeSet<String>,
    /// Steps marked "not applicable", with the mentor's reason: settled, not done.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub skipped: BTreeMap<String, Skip>,
    /// When each step's link was last opened, apart from whether it is ticked.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub opened: BTreeMap<String, Timestamp>,
    /// For one run of a repeatable pack (one student's first session, say): its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    /// The day the checklist (or run) started, as the mentor set it: steps with a `due`
    /// offset `after: start` are due that many days later. A run without one counts from
    /// the day it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Answers to the pack's questions, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, Answer>,
}

/// One run of a repeatable pack: a name (the student's, say), when it was started, and
/// whether the mentor put it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub name: String,
    pub created: Timestamp,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

impl State {
    pub fn new(pack_id: &str, pack_version: &str) -> Self {
        State {
            format: FORMAT_VERSION,
            pack_id: pack_id.into(),
            pack_version: pack_version.into(),
            ticks: BTreeMap::new(),
            notes: BTreeMap::new(),
            new: BTreeSet::new(),
            skipped: BTreeMap::new(),
            opened: BTreeMap::new(),
            run: None,
            start: None,
            answers: BTreeMap::new(),
        }
    }

    /// Reads a state file's bytes. `Err` says, for the user, why this file cannot be
    /// `pack_id`'s progress (not JSON, a newer format, another pack).
    pub fn parse(bytes: &[u8], pack_id: &str) -> Result<State, Unusable> {
        match serde_json::from_slice::<State>(bytes) {
            Ok(state) if state.format > FORMAT_VERSION => Err(Unusable::Newer(state.format)),
            Ok(state) if state.pack_id != pack_id => Err(Unusable::OtherPack(state.pack_id)),
            Ok(state) => Ok(state),
            Err(e) => Err(Unusable::Invalid {
                line: e.line(),
                column: e.column(),
            }),
        }
    }

    /// Whether both hold the same ticks, notes, marks, skips and opening times.
    pub fn same_progress(&self, other: &State) -> bool {
        self.ticks == other.ticks
            && self.notes == other.notes
            && self.new == other.new
            && self.skipped == other.skipped
            && self.opened == other.opened
            && self.run == other.run
            && self.start == other.start
            && self.answers == other.answers
    }

    /// The answers given (passed-over questions left out): what fits the pack.
    pub fn answered(&self) -> BTreeMap<String, String> {
        self.answers
            .iter()
            .filter_map(|(id, a)| Some((id.clone(), a.value.clone()?)))
            .collect()
    }

    /// Replays `changes` on these ticks.
    pub fn apply(&mut self, changes: &Changes) {
        for (id, at) in &changes.ticks {
            match at {
                Some(at) => self.ticks.insert(id.clone(), *at),
                None => self.ticks.remove(id),
            };
        }
        for (id, &mark) in &changes.new {
            if mark {
                self.new.insert(id.clone());
            } else {
                self.new.remove(id);
            }
        }
        for (id, note) in &changes.notes {
            match note {
                Some(note) => self.notes.insert(id.clone(), note.clone()),
                None => self.notes.remove(id),
            };
        }
        for (id, skip) in &changes.skipped {
            match skip {
                Some(skip) => self.skipped.insert(id.clone(), skip.clone()),
                None => self.skipped.remove(id),
            };
        }
        for (id, at) in &changes.opened {
            self.opened.insert(id.clone(), *at);
        }
        if let Some(run) = &changes.run {
            self.run = Some(run.clone());
        }
        if let Some(start) = changes.start {
            self.start = Some(start);
        }
        for (id, answer) in &changes.answers {
            match answer {
                Some(answer) => self.answers.insert(id.clone(), answer.clone()),
                None => self.answers.remove(id),
            };
        }
    }
}

impl Skip {
    /// "Not applicable since 22 November 2026 at 09:00: reason", the reason made
    /// printable (a state file edited by hand may hold anything); with no reason given,
    /// the date alone, never a colon before nothing.
    pub fn describe(&self, t: &Text, tz: &jiff::tz::TimeZone) -> String {
        let date = t.date_time(self.at.to_zoned(tz.clone()).datetime());
        let reason = printable(self.reason.trim(), false);
        if reason.is_empty() {
            return fill(t.skipped_on_no_reason, &[("date", &date)]);
        }
        fill(t.skipped_on, &[("date", &date), ("reason", &reason)])
    }
}
