//! Progress reports: a mentor's export (JSON, versioned, or Markdown to send), and the
//! manager's table built from many JSON exports, possibly of different pack versions.

use std::io::{self, Write};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::pack::Pack;
use crate::progress::{Tracker, percent};
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

/// Steps settled and in all below item `i` (a stage, a part, an item with sub-items).
fn settled_below(items: &[ItemProgress], i: usize) -> (usize, usize) {
    let depth = items[i].depth;
    let below = items[i + 1..].iter().take_while(|item| item.depth > depth);
    below
        .filter(|item| item.step)
        .fold((0, 0), |(done, total), item| {
            let settled = matches!(item.state.as_str(), "done" | "skipped");
            (done + usize::from(settled), total + 1)
        })
}

/// Text inside a code span (`` `id` ``), where Markdown reads no escapes: only its
/// delimiter must go.
pub(crate) fn md_code(text: &str) -> String {
    printable(text, false).replace('`', "'")
}

/// What the Markdown export's first line says of its pack: which stages have parts
/// cannot be told from the nested task items alone.
fn marker(export: &Export) -> crate::import::Marker {
    let mut parts: Vec<bool> = Vec::new();
    for group in &export.groups {
        match (group.depth, parts.last_mut()) {
            (0, _) => parts.push(false),
            (_, Some(has_parts)) => *has_parts = true,
            (_, None) => {}
        }
    }
    crate::import::Marker {
        id: export.pack.id.clone(),
        version: export.pack.version.clone(),
        title: export.pack.title.clone(),
        parts,
        ids: export.items.iter().map(|item| item.id.clone()).collect(),
    }
}

/// Markdown text, escaped so that titles cannot break the table or the list, and read
/// back as written: every character Markdown gives a meaning to is backslashed.
pub(crate) fn md(text: &str) -> String {
    let text = printable(text, false);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The export as a Markdown document a mentor can paste into a message. Its first line,
/// an HTML comment no one sees once pasted, lets `ticklist pack import` read the
/// checklist back.
pub fn write_markdown(out: &mut impl Write, export: &Export, t: &Text) -> io::Result<()> {
    writeln!(out, "{}", crate::import::marker_comment(&marker(export)))?;
    match &export.run {
        Some(run) => {
            let title = fill(t.run_title, &[("title", &export.pack.title), ("run", run)]);
            writeln!(out, "# {} — {}", md(&title), md(&export.mentor))?;
        }
        None => writeln!(out, "# {} — {}", md(&export.pack.title), md(&export.mentor))?,
    }
    writeln!(out)?;
    // Written out in the reader's language; the exact time and the pack's digest are in
    // the JSON export, for the report.
    let day = |at: jiff::Timestamp| t.date(at.to_zoned(jiff::tz::TimeZone::UTC).date());
    let values = [
        ("id", md_code(&export.pack.id)),
        ("version", md(&export.pack.version)),
        ("at", day(export.generated_at)),
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
    if !export.answers.is_empty() {
        writeln!(out, "**{}**", md(t.answers_title))?;
        writeln!(out)?;
        for answer in &export.answers {
            writeln!(out, "- {} — {}", md(&answer.question), md(&answer.words))?;
        }
        writeln!(out)?;
    }
    if !export.not_applying.is_empty() {
        let titles: Vec<String> = export
            .not_applying
            .iter()
            .map(|step| fill(t.quoted_title, &[("title", &md(&step.title))]))
            .collect();
        let count = export.not_applying.len().to_string();
        let values = [("count", count.as_str()), ("titles", &titles.join(", "))];
        writeln!(out, "{}", fill(t.md_not_applying, &values))?;
        writeln!(out)?;
    }
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
    // GitHub and GitLab task lists: `- [ ]` and `- [x]` only, nested as the pack is.
    for (i, item) in export.items.iter().enumerate() {
        let indent = "  ".repeat(item.depth);
        let title = md(&item.title);
        let when = item
            .ticked_at
            .map(|at| format!(" — {}", fill(t.md_ticked, &[("date", &day(at))])))
            .unwrap_or_default();
        let line = match item.state.as_str() {
            // A reference card is read, not ticked: a plain item.
            "info" => format!("- {title}"),
            "skipped" => {
                let reason = fill(
                    t.skip_reason,
                    &[("reason", &md(item.skipped.as_deref().unwrap_or_default()))],
                );
                format!("- [x] ~~{title}~~ — {reason}")
            }
            "done" => format!("- [x] {title}{when}"),
            _ if !item.step => {
                let (done, total) = settled_below(&export.items, i);
                format!("- [ ] {title} ({done}/{total})")
            }
            _ => format!("- [ ] {title}"),
        };
        writeln!(out, "{indent}{line}")?;
        for link in &item.links {
            writeln!(
                out,
                "{indent}  - [{}](<{}>)",
                md(&link.label),
                link.url.replace('>', "%3E")
            )?;
        }
        if let Some(at) = item.opened_at {
            let date = day(at);
            writeln!(out, "{indent}  - {}", fill(t.opened_on, &[("date", &date)]))?;
        }
        if let Some(note) = &item.note {
            let note = fill(t.cli_note, &[("text", &md(note))]);
            writeln!(out, "{indent}  - {note}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
