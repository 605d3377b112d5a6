//! What installing another version of a pack changes for a mentor: the steps it adds,
//! removes and renames, and what becomes of the ticks already made. Told before (or
//! as) the new version replaces the old, so nobody learns it from a missing tick.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use crate::fold::fold;
use crate::pack::Pack;
use crate::progress::State;
use crate::text::Text;

/// The difference between an installed pack and the one offered in its place.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Titles of the steps (or stages, parts) the new version adds; a new part's own
    /// steps are not listed again.
    pub added: Vec<String>,
    /// Titles of what it no longer has.
    pub removed: Vec<String>,
    /// Old title → new title, under the same id or one the pack renamed (`renamed:`);
    /// a step whose id alone changed reads the same to a mentor and is not listed.
    pub renamed: Vec<(String, String)>,
    /// Ticks (and "not applicable" marks) on steps both versions have.
    pub kept: usize,
    /// Those that follow a renamed id to its new step.
    pub moved: usize,
    /// Those on steps the new version no longer has: they stay saved, in case a later
    /// version brings the step back, but no longer count.
    pub lost: usize,
    /// The titles of those steps.
    pub orphaned: Vec<String>,
    /// A removed step and an added one of the same title (old id, new id): most likely
    /// one step whose id changed, which a `renamed:` line would keep counting.
    pub same_titles: Vec<(String, String)>,
}

impl Change {
    /// From `old` to `new`, for a mentor whose progress on the pack is `states` (their
    /// own and one per run of a repeatable pack).
    pub fn between(old: &Pack, new: &Pack, states: &[State]) -> Change {
        let old_ids: HashMap<&str, usize> = ids(old);
        let new_ids: HashMap<&str, usize> = ids(new);
        let renames: HashMap<&str, &str> = new
            .renamed
            .iter()
            .filter(|(from, to)| {
                old_ids.contains_key(from.as_str()) && new_ids.contains_key(to.as_str())
            })
            .map(|(from, to)| (from.as_str(), to.as_str()))
            .collect();
        let targets: HashSet<&str> = renames.values().copied().collect();
        let mut change = Change::default();

        let added: HashSet<usize> = new
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                !old_ids.contains_key(n.id.as_str()) && !targets.contains(n.id.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        change.added = topmost(new, &added);
        let removed: HashSet<usize> = old
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                !new_ids.contains_key(n.id.as_str()) && !renames.contains_key(n.id.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        change.removed = topmost(old, &removed);
        // Only a title found once among the removed and once among the added: two steps
        // called "Introduction" on each side cannot be told apart.
        let once = |nodes: &HashSet<usize>, pack: &Pack| {
            let mut by_title: HashMap<String, Option<usize>> = HashMap::new();
            for &i in nodes {
                by_title
                    .entry(fold(&pack.nodes[i].title))
                    .and_modify(|seen| *seen = None)
                    .or_insert(Some(i));
            }
            by_title
        };
        let added_once = once(&added, new);
        let mut same_titles: Vec<(usize, String, String)> = once(&removed, old)
            .into_iter()
            .filter_map(|(title, from)| {
                let (from, to) = (from?, (*added_once.get(&title)?)?);
                Some((from, old.nodes[from].id.clone(), new.nodes[to].id.clone()))
            })
            .collect();
        same_titles.sort_unstable();
        change.same_titles = same_titles
            .into_iter()
            .map(|(_, from, to)| (from, to))
            .collect();
        for node in &old.nodes {
            let id = node.id.as_str();
            let now = renames
                .get(id)
                .copied()
                .or(new_ids.contains_key(id).then_some(id));
            if let Some(&i) = now.and_then(|now| new_ids.get(now)) {
                let title = &new.nodes[i].title;
                if *title != node.title {
                    change.renamed.push((node.title.clone(), title.clone()));
                }
            }
        }

        // Progress not opened since the old version came may still be under the ids it
        // renamed: it is where the old version's own renames take it.
        let old_renames: HashMap<&str, &str> = old
            .renamed
            .iter()
            .map(|(from, to)| (from.as_str(), to.as_str()))
            .collect();
        let mut orphaned = std::collections::BTreeSet::new();
        for state in states {
            let settled = state.ticks.keys().chain(state.skipped.keys());
            let settled = settled.map(|id| old_renames.get(id.as_str()).copied().unwrap_or(id));
            for id in settled.filter(|id| old_ids.contains_key(id)) {
                if new_ids.contains_key(id) {
                    change.kept += 1;
                } else if renames.contains_key(id) {
                    change.moved += 1;
                } else if let Some(&i) = old_ids.get(id) {
                    change.lost += 1;
                    orphaned.insert(i);
                }
            }
        }
        change.orphaned = orphaned
            .into_iter()
            .map(|i| old.nodes[i].title.clone())
            .collect();
        change
    }

    /// Whether the new version would stop counting most of the mentor's ticks: more
    /// than half of those on the old version's steps.
    pub fn loses_most(&self) -> bool {
        self.lost > 0 && self.lost * 2 > self.kept + self.moved + self.lost
    }

    /// The `renamed:` lines that would keep counting the ticks of steps whose id alone
    /// changed, ready to paste into the pack.
    /// `same_titles` as [`Change::same_titles`] holds them (old id, new id).
    pub fn renamed_lines(same_titles: &[(String, String)], t: &Text) -> Vec<String> {
        if same_titles.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![t.change_same_titles.to_string(), "renamed:".to_string()];
        for (from, to) in same_titles {
            lines.push(format!("  {from}: {to}"));
        }
        lines
    }

    /// Whether the two versions hold the same steps under the same titles.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }
}

fn ids(pack: &Pack) -> HashMap<&str, usize> {
    pack.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect()
}

/// Titles of the nodes in `set` whose parent is not in it too, in pack order.
fn topmost(pack: &Pack, set: &HashSet<usize>) -> Vec<String> {
    let mut indices: Vec<usize> = set
        .iter()
        .copied()
        .filter(|&i| !pack.nodes[i].parent.is_some_and(|p| set.contains(&p)))
        .collect();
    indices.sort_unstable();
    indices
        .into_iter()
        .map(|i| pack.nodes[i].title.clone())
        .collect()
}

/// Orders pack versions as people write them: `2026.11` < `2026.12` < `2027.1`,
/// `1.9` < `1.10`, `2` < `2.1`, `v2` < `v10`: runs of digits compare as numbers, other
/// text as text, separators (`.`, `-`, `_`, `+`) only separate.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let (a, b) = (version_parts(a), version_parts(b));
    for (x, y) in a.iter().zip(&b) {
        let order = match (x.parse::<u128>(), y.parse::<u128>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

fn version_parts(version: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut last: Option<bool> = None;
    for (i, c) in version.char_indices() {
        let digit = c.is_ascii_digit();
        if matches!(c, '.' | '-' | '_' | '+') {
            if start < i {
                parts.push(&version[start..i]);
            }
            start = i + c.len_utf8();
            last = None;
        } else if last.is_some_and(|was| was != digit) {
            parts.push(&version[start..i]);
            start = i;
            last = Some(digit);
        } else {
            last = Some(digit);
        }
    }
    if start < version.len() {
        parts.push(&version[start..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_str;

    fn pack(version: &str, steps: &str, renamed: &str) -> Pack {
        pack_with(version, steps, "", renamed)
    }

    fn pack_with(version: &str, steps: &str, more_parts: &str, renamed: &str) -> Pack {
        let yaml = format!(
            "id: team\nversion: \"{version}\"\nlang: en\ntitle: Team\n{renamed}stages:\n  - id: s\n    title: Stage\n    parts:\n      - id: p\n        title: Part\n        items:\n{steps}{more_parts}"
        );
        load_str(&yaml, "test").unwrap()
    }

    fn step(id: &str, title: &str) -> String {
        format!("          - {{id: {id}, title: {title}}}\n")
    }

    #[test]
    fn a_new_version_names_what_it_adds_removes_and_renames_and_where_ticks_go() {
        let old = pack(
            "1",
            &(step("a", "Alpha") + &step("b", "Bravo") + &step("c", "Charlie")),
            "",
        );
        let new = pack(
            "2",
            &(step("a", "Alpha reworded") + &step("b2", "Bravo") + &step("d", "Delta")),
            "renamed:\n  b: b2\n",
        );
        let mut state = State::new("team", "1");
        let at = jiff::Timestamp::UNIX_EPOCH;
        for id in ["a", "b", "c", "gone-long-ago"] {
            state.ticks.insert(id.into(), at);
        }
        let change = Change::between(&old, &new, &[state]);
        assert_eq!(change.added, ["Delta"]);
        assert_eq!(change.removed, ["Charlie"]);
        assert_eq!(
            change.renamed,
            [("Alpha".to_string(), "Alpha reworded".to_string())]
        );
        assert_eq!((change.kept, change.moved, change.lost), (1, 1, 1));
        assert_eq!(change.orphaned, ["Charlie"]);
        assert!(!change.is_empty());
        assert!(Change::between(&old, &old, &[]).is_empty());
    }

    #[test]
    fn an_added_part_is_named_once_not_with_each_of_its_steps() {
        let old = pack("1", &step("a", "Alpha"), "");
        let part = format!(
            "      - id: q\n        title: New part\n        items:\n{}{}",
            step("x", "Inside"),
            step("y", "Also inside")
        );
        let new = pack_with("2", &step("a", "Alpha"), &part, "");
        let change = Change::between(&old, &new, &[]);
        assert_eq!(change.added, ["New part"]);
        assert!(change.removed.is_empty() && change.renamed.is_empty());
    }

    #[test]
    fn versions_compare_as_people_write_them() {
        use Ordering::*;
        assert_eq!(compare_versions("2026.11", "2026.12"), Less);
        assert_eq!(compare_versions("1.10", "1.9"), Greater);
        assert_eq!(compare_versions("2", "2.1"), Less);
        assert_eq!(compare_versions("3", "3"), Equal);
        assert_eq!(compare_versions("1.0-beta", "1.0-alpha"), Greater);
        assert_eq!(compare_versions("v2", "v10"), Less);
        assert_eq!(compare_versions("2026.11", "2026.11.1"), Less);
    }

    #[test]
    fn only_a_title_found_once_on_each_side_is_offered_as_renamed() {
        let old = pack(
            "1",
            &(step("a", "Join the chat") + &step("b", "Intro") + &step("c", "Intro")),
            "",
        );
        let new = pack(
            "2",
            &(step("chat", "Join the chat") + &step("i1", "Intro") + &step("i2", "Intro")),
            "",
        );
        let state = State::new("team", "1");
        let change = Change::between(&old, &new, &[state]);
        assert_eq!(change.same_titles, [("a".to_string(), "chat".to_string())]);
    }
}
