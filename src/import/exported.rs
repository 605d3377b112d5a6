//! A mentor's Markdown export read back as the checklist it was made from. The export
//! starts with an HTML comment (invisible once pasted) naming the pack and which stages
//! have parts: nested task items alone cannot tell a part from an item with sub-items.
//! Ticks, dates and notes are the mentor's, not the checklist's: they are left out.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::lost::Lost;
use super::markdown::{Found, Inline, ListItem, Piece};
use super::shape::{Draft, Shaper};
use crate::pack::{Kind, Level};
use crate::safe_text;
use crate::text::{EN, FR, Text};

const TAG: &str = "ticklist-export";

/// What the export's first line says of its pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub id: String,
    pub version: String,
    pub title: String,
    /// For each stage in order, whether its children are parts.
    pub parts: Vec<bool>,
    /// Every node's id in order, so that the pack read back keeps them: a new id on
    /// every step would stop counting every mentor's ticks. Absent from older exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
}

/// The comment a Markdown export starts with.
pub fn marker_comment(marker: &Marker) -> String {
    let json = serde_json::to_string(marker).unwrap_or_default();
    // `--` may not appear inside an HTML comment; `\u002d` is the same JSON. JSON
    // escapes only C0 controls: C1 controls and direction overrides, which a terminal
    // or an editor would act on, are escaped here the same way.
    let mut out = String::with_capacity(json.len() + 20);
    for c in json.replace("--", "-\\u002d").chars() {
        if safe_text::needs_replacing(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    format!("<!-- {TAG} {out} -->")
}

/// The marker among a document's HTML comments, if it is an export.
pub fn find(comments: &[(String, usize)]) -> Option<Marker> {
    comments
        .iter()
        .find_map(|(comment, _)| read_marker(comment))
}

/// Whether `comment` is an export's marker (not a comment left out of the pack).
pub fn is_marker(comment: &str) -> bool {
    read_marker(comment).is_some()
}

fn read_marker(comment: &str) -> Option<Marker> {
    let inner = comment.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    serde_json::from_str(inner.strip_prefix(TAG)?.trim()).ok()
}

/// The stages of an exported checklist: its last list, nested as the pack was.
pub fn stages(pieces: Vec<Piece>, marker: &Marker, shaper: &mut Shaper<'_>) -> Vec<Draft> {
    let Some(items) = pieces.into_iter().rev().find_map(|piece| match piece {
        Piece::List(items) => Some(items),
        _ => None,
    }) else {
        return Vec::new();
    };
    let mut progress = None;
    let stages = items
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let parts = marker.parts.get(k).copied().unwrap_or(false);
            let levels: &[Level] = if parts {
                &[Level::Stage, Level::Part, Level::Item, Level::SubItem]
            } else {
                &[Level::Stage, Level::Item, Level::SubItem]
            };
            node(item, levels, shaper, &mut progress)
        })
        .collect();
    if let Some(line) = progress {
        shaper.lost.push(Lost::Progress { line });
    }
    stages
}

/// One exported node at `levels[0]`, its children at the levels below.
fn node(
    item: ListItem,
    levels: &[Level],
    shaper: &mut Shaper<'_>,
    progress: &mut Option<usize>,
) -> Draft {
    let level = levels.first().copied().unwrap_or(Level::SubItem);
    let mut pieces = item.pieces.into_iter();
    let first = match pieces.next() {
        Some(Piece::Para(text)) => text,
        _ => Inline::default(),
    };
    let title = undecorated(
        &first.first,
        first.struck.as_deref(),
        item.task,
        progress,
        item.line,
    );
    let mut draft = Draft::new(level, title, item.line);
    if item.task.is_none() {
        draft.kind = Kind::Info;
    }
    let mut found: Vec<Found> = Vec::new();
    for piece in pieces {
        let Piece::List(children) = piece else {
            continue;
        };
        for child in children {
            if child.task.is_some() {
                draft
                    .children
                    .push(node(child, &levels[1..], shaper, progress));
                continue;
            }
            match child.pieces.first() {
                Some(Piece::Para(text)) if only_link(text) => found.extend(text.links.clone()),
                Some(Piece::Para(text)) if is_progress(&text.first) => {
                    progress.get_or_insert(child.line);
                }
                // A reference card: a plain item where a step could be.
                _ => draft
                    .children
                    .push(node(child, &levels[1..], shaper, progress)),
            }
        }
    }
    draft.links = shaper.links(found, item.line);
    draft
}

/// Whether a line is a link and nothing else.
fn only_link(text: &Inline) -> bool {
    text.links.len() == 1 && text.rest.is_empty() && text.first == text.links[0].label
}

fn catalogues() -> [&'static Text; 2] {
    [&EN, &FR]
}

/// The start of a message before its first value ("ticked on {date}" → "ticked on ").
fn lead(message: &str) -> &str {
    message.split('{').next().unwrap_or(message)
}

/// Whether a plain line under a step is the mentor's ("Opened on …", "Note: …").
fn is_progress(line: &str) -> bool {
    catalogues().iter().any(|t| {
        [t.opened_on, t.cli_note]
            .iter()
            .any(|message| !lead(message).is_empty() && line.starts_with(lead(message)))
    })
}

/// A title without what the export added: " — ticked on …", " — not applicable: …",
/// " (2/5)".
fn undecorated(
    line: &str,
    struck: Option<&str>,
    task: Option<bool>,
    progress: &mut Option<usize>,
    at: usize,
) -> String {
    let mut title = line.trim();
    if task == Some(true) {
        progress.get_or_insert(at);
        // A skipped step: its title is what is struck through, exactly.
        if let Some(struck) = struck {
            return struck.trim().to_string();
        }
        // A ticked one: " — ticked on <date>" ends it, and a date holds no " — ".
        if let Some((before, tail)) = title.rsplit_once(" — ")
            && catalogues()
                .iter()
                .any(|t| tail.starts_with(lead(t.md_ticked)))
        {
            title = before;
        }
    } else if let Some(open) = title
        .strip_suffix(')')
        .and_then(|t| t.rfind(" (").map(|i| (t, i)))
    {
        let (body, i) = open;
        let count = &body[i + 2..];
        let is_count = count.split_once('/').is_some_and(|(d, t)| {
            !d.is_empty() && !t.is_empty() && (d.to_owned() + t).chars().all(|c| c.is_ascii_digit())
        });
        if is_count {
            title = &body[..i];
        }
    }
    title.to_string()
}
