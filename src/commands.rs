//! Commands that read or change progress without the full-screen UI, for scripts,
//! prompt lines and screen readers. Output is plain lines (or JSON), never escapes.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use crate::export::{GroupProgress, groups};
use crate::pack::Pack;
use crate::progress::percent;
use crate::progress::{Changes, Check, LeafState, Tracker};
use crate::safe_text::printable;
use crate::text::{EN, Text, fill};

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
    writeln!(out, "{said}")
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
    t: &Text,
) -> io::Result<()> {
    for (i, node) in pack.nodes.iter().enumerate() {
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
            if steps == 0 {
                "(i)"
            } else if tracker.skip_of(pack, i).is_some() {
                "[-]"
            } else {
                check_box(check)
            },
            node.id,
            node.title
        )?;
        for (n, link) in node.links.iter().enumerate() {
            writeln!(out, "{indent}    {}. {} <{}>", n + 1, link.label, link.url)?;
        }
        if let Some(skip) = tracker.skip_of(pack, i) {
            let reason = printable(&skip.reason, false);
            let said = fill(t.skip_reason, &[("reason", &reason)]);
            writeln!(out, "{indent}    {said}")?;
        }
        if let Some(note) = tracker.state().notes.get(&node.id) {
            let note = fill(t.cli_note, &[("text", &printable(note, false))]);
            writeln!(out, "{indent}    {note}")?;
        }
    }
    Ok(())
}

/// Why `check`/`uncheck` refused: ids the pack does not have, with close matches.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(&EN))]
pub struct UnknownIds(pub Vec<(String, Vec<String>)>);

impl UnknownIds {
    /// One line per unknown id, in the language of `t`.
    pub fn message(&self, t: &Text) -> String {
        self.0
            .iter()
            .map(|(id, close)| {
                let id = printable(id, false);
                if close.is_empty() {
                    fill(t.cli_unknown_id, &[("id", &id)])
                } else {
                    let close = close.join(", ");
                    fill(t.cli_unknown_id_close, &[("id", &id), ("close", &close)])
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
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
    for i in find_all(pack, ids)? {
        if on && tracker.skip_of(pack, i).is_some() {
            // A step named on its own is ticked even if skipped; a parent keeps its skips.
            tracker.toggle(pack, i, now);
        } else {
            tracker.set(pack, i, on, now);
        }
    }
    Ok(tracker.take_changes())
}

/// `ticklist skip`: marks the steps to do under each id not applicable with `reason`;
/// with `reason` `None` (`unskip`), takes their skips back. Unknown ids change nothing.
pub fn skip(
    pack: &Pack,
    tracker: &mut Tracker,
    ids: &[String],
    reason: Option<&str>,
    now: Timestamp,
) -> Result<Changes, UnknownIds> {
    for i in find_all(pack, ids)? {
        let leaves: Vec<usize> = pack.leaves(i).collect();
        match reason {
            Some(reason) => {
                if leaves
                    .iter()
                    .any(|&l| tracker.leaf_state(pack, l) == LeafState::Todo)
                {
                    tracker.skip(pack, i, reason, now);
                }
            }
            None => {
                for leaf in leaves {
                    // On a skipped step alone, `Tracker::skip` takes the skip back.
                    if matches!(tracker.leaf_state(pack, leaf), LeafState::Skipped(_)) {
                        tracker.skip(pack, leaf, "", now);
                    }
                }
            }
        }
    }
    Ok(tracker.take_changes())
}

/// The nodes of `ids`, or every unknown one with its close matches.
fn find_all(pack: &Pack, ids: &[String]) -> Result<Vec<usize>, UnknownIds> {
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
    Ok(found)
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
        write_status(&mut out, &status(&pack, &tracker), &crate::text::FR).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("6/6 (100 %) Étape 1"), "{text}");
        assert!(
            text.ends_with("total 6/24 (25 %) Checklist pour démarrer votre mission de mentor\n")
        );
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("slack", "slack"), 0);
        assert_eq!(edit_distance("slack", "slak"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
