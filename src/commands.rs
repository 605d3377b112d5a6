//! Commands that read or change progress without the full-screen UI, for scripts,
//! prompt lines and screen readers. Output is plain lines (or JSON), never escapes.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use crate::export::{GroupProgress, groups, percent};
use crate::pack::Pack;
use crate::progress::{Changes, Check, Tracker};
use crate::safe_text::printable;

/// What `ticklist status --json` prints.
#[derive(Debug, Serialize)]
pub struct Status {
    pub pack_id: String,
    pub pack_version: String,
    pub title: String,
    pub done: u32,
    pub total: u32,
    pub groups: Vec<GroupProgress>,
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
    }
}

/// `ticklist status`: a line per stage and part, then the total.
pub fn write_status(out: &mut impl Write, status: &Status) -> io::Result<()> {
    for group in &status.groups {
        let indent = "  ".repeat(group.depth);
        writeln!(
            out,
            "{indent}{}/{} ({}%) {}",
            group.done,
            group.total,
            percent(group.done, group.total),
            group.title
        )?;
    }
    writeln!(
        out,
        "total {}/{} ({}%) {}",
        status.done,
        status.total,
        percent(status.done, status.total),
        status.title
    )
}

fn check_box(check: Check) -> &'static str {
    match check {
        Check::Empty => "[ ]",
        Check::Partial => "[~]",
        Check::Done => "[x]",
    }
}

/// `ticklist list`: the tree with boxes, ids and links; with `todo`, only what is left.
pub fn write_list(
    out: &mut impl Write,
    pack: &Pack,
    tracker: &Tracker,
    todo: bool,
) -> io::Result<()> {
    for (i, node) in pack.nodes.iter().enumerate() {
        let check = tracker.check(i);
        if todo && check == Check::Done {
            continue;
        }
        let indent = "  ".repeat(node.depth);
        let counts = if pack.is_leaf(i) {
            String::new()
        } else {
            let (done, total) = tracker.counts(i);
            format!(" ({done}/{total})")
        };
        let new = if tracker.is_new(pack, i) {
            " (new)"
        } else {
            ""
        };
        writeln!(
            out,
            "{indent}{} {}  {}{counts}{new}",
            check_box(check),
            node.id,
            node.title
        )?;
        for (n, link) in node.links.iter().enumerate() {
            writeln!(out, "{indent}    {}. {} <{}>", n + 1, link.label, link.url)?;
        }
        if let Some(note) = tracker.state().notes.get(&node.id) {
            writeln!(out, "{indent}    note: {}", printable(note, false))?;
        }
    }
    Ok(())
}

/// Why `check`/`uncheck` refused: ids the pack does not have, with close matches.
#[derive(Debug, thiserror::Error)]
#[error("{}", unknown_message(.0))]
pub struct UnknownIds(pub Vec<(String, Vec<String>)>);

fn unknown_message(unknown: &[(String, Vec<String>)]) -> String {
    unknown
        .iter()
        .map(|(id, close)| {
            if close.is_empty() {
                format!("no step has the id {id:?} (see `ticklist list`)")
            } else {
                format!(
                    "no step has the id {id:?}; did you mean {}?",
                    close.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The node with this id, or an error naming the closest ids.
pub fn find(pack: &Pack, id: &str) -> Result<usize, UnknownIds> {
    pack.find(id)
        .ok_or_else(|| UnknownIds(vec![(id.to_string(), close_matches(pack, id))]))
}

/// Ids of `pack` close to `id`: containing it, or within a few edits of it.
fn close_matches(pack: &Pack, id: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = pack
        .nodes
        .iter()
        .filter_map(|n| {
            let distance = edit_distance(&n.id, id);
            let near = distance <= 3.max(id.chars().count() / 4) || n.id.contains(id);
            near.then_some((distance, n.id.as_str()))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(5)
        .map(|(_, id)| id.to_string())
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `ticklist check`/`uncheck`: ticks or unticks every step under each id, with the
/// UI's rules (a parent id covers all its steps). Nothing changes if any id is unknown.
pub fn set(
    pack: &Pack,
    tracker: &mut Tracker,
    ids: &[String],
    on: bool,
    now: Timestamp,
) -> Result<Changes, UnknownIds> {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for id in ids {
        match find(pack, id) {
            Ok(i) => found.push(i),
            Err(UnknownIds(mut missing)) => unknown.append(&mut missing),
        }
    }
    if !unknown.is_empty() {
        return Err(UnknownIds(unknown));
    }
    for i in found {
        tracker.set(pack, i, on, now);
    }
    Ok(tracker.take_changes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack;
    use crate::progress::State;

    fn tracker(pack: &Pack, state: State) -> Tracker {
        Tracker::new(pack, state)
    }

    fn now() -> Timestamp {
        "2026-11-22T09:30:00Z".parse().unwrap()
    }

    #[test]
    fn unknown_ids_change_nothing_and_suggest_close_ones() {
        let pack = pack::builtin(crate::text::Lang::Fr).unwrap();
        let mut tracker = tracker(&pack, State::new(&pack.id, &pack.version));
        let ids = ["slack".to_string(), "video-candidat".to_string()];
        let err = set(&pack, &mut tracker, &ids, true, now()).unwrap_err();
        assert!(
            err.to_string().contains("did you mean video-candidats"),
            "{err}"
        );
        assert_eq!(tracker.overall(&pack), (0, 24));
        let err = set(&pack, &mut tracker, &["zzz".into()], true, now()).unwrap_err();
        assert!(err.to_string().contains("see `ticklist list`"), "{err}");
    }

    #[test]
    fn a_parent_id_ticks_its_steps() {
        let pack = pack::builtin(crate::text::Lang::Fr).unwrap();
        let mut tracker = tracker(&pack, State::new(&pack.id, &pack.version));
        let changes = set(&pack, &mut tracker, &["etape-1".into()], true, now()).unwrap();
        assert_eq!(changes.ticks.len(), 6);
        assert_eq!(tracker.overall(&pack), (6, 24));
        let mut out = Vec::new();
        write_status(&mut out, &status(&pack, &tracker)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("6/6 (100%) Étape 1"), "{text}");
        assert!(
            text.ends_with("total 6/24 (25%) Checklist pour démarrer votre mission de mentor\n")
        );
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("slack", "slack"), 0);
        assert_eq!(edit_distance("slack", "slak"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
