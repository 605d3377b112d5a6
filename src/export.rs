//! Progress reports: a mentor's export (JSON, versioned, or Markdown to send), and the
//! manager's table built from many JSON exports, possibly of different pack versions.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::pack::Pack;
use crate::progress::Tracker;

/// Tag and version of the export format; readers refuse other tags and newer versions.
pub const EXPORT_FORMAT: &str = "ticklist-export";
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub generated_at: Timestamp,
    pub mentor: String,
    /// Who the mentor is apart from their name: a random id their ticklist made once
    /// (`ticklist paths` shows it), so that namesakes stay two people and a new spelling
    /// of a name stays one. Older exports have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The mentor's address, when they gave one (`--email`): tells namesakes apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The day the checklist (or run) started: due dates and quiet days count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// For a pack done once per student: the run (the student) this is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    pub pack: PackInfo,
    pub done: u32,
    pub total: u32,
    /// Stages and parts, in order.
    pub groups: Vec<GroupProgress>,
    /// Every node that applies to this mentor, in order, with its state.
    pub items: Vec<ItemProgress>,
    /// The mentor's answers to the pack's questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<ExportedAnswer>,
    /// Steps the mentor's answers rule out: left out of `items` and of every figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applying: Vec<RuledOut>,
}

/// A step the mentor's answers rule out: its id, and its title for a report that does
/// not know the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuledOut {
    pub id: String,
    pub title: String,
}

/// One answer, as kept and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedAnswer {
    pub id: String,
    pub question: String,
    pub value: String,
    pub words: String,
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
    /// The node's links, so that a pasted export still leads to each page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<crate::pack::Link>,
    /// The day the step is due, when the pack gives it a due date and its start is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Due before the export's day and not settled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub late: bool,
}

/// Who an export is by: the name the mentor gave, and what tells them apart from a
/// namesake.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub person: Option<String>,
    pub email: Option<String>,
}

impl Author {
    /// A name alone, as exports had before person ids.
    pub fn named(name: &str) -> Self {
        Author {
            name: name.into(),
            ..Author::default()
        }
    }
}

/// The answers given to `pack`'s questions, in the pack's order and language.
fn answers(pack: &Pack, state: &crate::progress::State) -> Vec<ExportedAnswer> {
    let t = crate::text::Lang::from_code(&pack.lang)
        .unwrap_or(crate::text::Lang::En)
        .text();
    pack.questions
        .iter()
        .filter_map(|question| {
            let value = state.answers.get(&question.id)?.value.clone()?;
            if !crate::pack::accepts(question, &value) {
                return None;
            }
            Some(ExportedAnswer {
                id: question.id.clone(),
                question: question.text.clone(),
                words: crate::pack::answer_words(question, &value, t),
                value,
            })
        })
        .collect()
}

/// The export of one mentor's progress on `pack` (fitted to their answers), due dates
/// counted in `tz`.
pub fn export(
    pack: &Pack,
    tracker: &Tracker,
    author: &Author,
    now: Timestamp,
    tz: &TimeZone,
) -> Export {
    let (done, total) = tracker.overall(pack);
    let state = tracker.state();
    let today = now.to_zoned(tz.clone()).date();
    Export {
        format: EXPORT_FORMAT.into(),
        version: EXPORT_VERSION,
        generated_at: now.round(jiff::Unit::Second).unwrap_or(now),
        mentor: author.name.clone(),
        person: author.person.clone(),
        email: author.email.clone(),
        start: crate::progress::start_date(state, tz),
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
        answers: answers(pack, state),
        not_applying: (0..pack.nodes.len())
            .filter(|&i| pack.is_ruled_out(i))
            .map(|i| RuledOut {
                id: pack.nodes[i].id.clone(),
                title: pack.nodes[i].title.clone(),
            })
            .collect(),
        items: pack
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| !node.hidden)
            .map(|(i, node)| {
                let due = crate::progress::due_date(pack, tracker, i, today, tz);
                ItemProgress {
                    id: node.id.clone(),
                    title: node.title.clone(),
                    depth: node.depth,
                    step: pack.is_step(i),
                    state: tracker.node_state(pack, i).name().into(),
                    ticked_at: tracker.ticked_at(pack, i),
                    note: state.notes.get(&node.id).cloned(),
                    skipped: tracker.skip_of(pack, i).map(|s| s.reason.clone()),
                    opened_at: tracker.opened_at(pack, i),
                    links: node.links.clone(),
                    due: due.map(|d| d.date),
                    late: due.is_some_and(|d| d.urgency == crate::progress::Urgency::Overdue),
                }
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

mod markdown;

pub use markdown::write_markdown;
pub(crate) use markdown::{md, md_code};

#[cfg(test)]
mod tests;
