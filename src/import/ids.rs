//! Ids for an imported pack: ASCII slugs of the titles, unique in the pack, and — when
//! the previous version is given — the ids its steps had, so that no tick is lost when
//! a manager edits the Markdown and imports it again.

use std::collections::{HashMap, HashSet};

use super::matching::{Flat, Match, match_nodes};
use super::shape::Draft;
use crate::pack::{DueAfter, Level, Pack};

/// Longest slug made from a title: short enough to type, long enough to tell apart.
const MAX_SLUG: usize = 32;

/// An ASCII id from a title: "Créer son compte Zoom" → `creer-son-compte-zoom`.
pub fn slug(title: &str) -> String {
    let mut slug = crate::fold::slug(title, usize::MAX);
    if slug.len() > MAX_SLUG {
        // At a word's end when there is one.
        let end = slug[..MAX_SLUG]
            .rfind('-')
            .filter(|&i| i > 8)
            .unwrap_or(MAX_SLUG);
        slug.truncate(end);
    }
    slug
}

/// What `assign` decided: the `renamed:` entries and how many steps (items and
/// sub-items) went each way.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    pub renamed: Vec<(String, String)>,
    pub kept: usize,
    pub moved: usize,
    pub new: usize,
    /// Steps of the previous version found nowhere in the new one.
    pub removed: Vec<String>,
}

/// Gives every draft an id: its previous id when it matches a node of `previous`, else
/// a slug of its title unique in the pack and never one the previous version used (a
/// removed step's ticks must not come back on a new one).
pub fn assign(stages: &mut [Draft], previous: Option<&Pack>) -> Assigned {
    let mut nodes: Vec<Flat> = Vec::new();
    for stage in stages.iter() {
        flatten(stage, None, &mut nodes);
    }
    let matches = match previous {
        Some(previous) => match_nodes(&nodes, previous),
        None => vec![None; nodes.len()],
    };
    let mut taken: HashSet<String> = HashSet::new();
    if let Some(previous) = previous {
        taken.extend(previous.nodes.iter().map(|n| n.id.clone()));
        taken.extend(previous.renamed.iter().map(|(old, _)| old.clone()));
    }
    let mut assigned = Assigned::default();
    let mut new_ids: HashMap<usize, String> = HashMap::new();
    // Kept ids first, so that a new slug never takes one.
    for (i, found) in matches.iter().enumerate() {
        if let (Some((index, Match::Kept)), Some(previous)) = (found, previous) {
            let id = previous.nodes[*index].id.clone();
            taken.insert(id.clone());
            new_ids.insert(i, id);
            assigned.kept += usize::from(is_step_level(nodes[i].level));
        }
    }
    // The next number to try after each slug, so that many alike titles stay linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if new_ids.contains_key(&i) {
            continue;
        }
        let base = match slug(&node.title) {
            s if s.is_empty() => fallback(node.level).to_string(),
            s => s,
        };
        let mut id = base.clone();
        let n = next.entry(base.clone()).or_insert(2);
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        match (matches[i], previous) {
            (Some((index, Match::Renamed)), Some(previous)) => {
                let old = previous.nodes[index].id.clone();
                // The slug of its new title may be its old id: nothing to rename then.
                if base == old {
                    id = old.clone();
                } else {
                    assigned.renamed.push((old, id.clone()));
                }
                assigned.moved += usize::from(is_step_level(node.level));
            }
            _ => assigned.new += usize::from(is_step_level(node.level)),
        }
        taken.insert(id.clone());
        new_ids.insert(i, id);
    }
    if let Some(previous) = previous {
        let matched: HashSet<usize> = matches.iter().flatten().map(|(i, _)| *i).collect();
        assigned.removed = (0..previous.nodes.len())
            .filter(|&i| !matched.contains(&i) && is_step_level(previous.nodes[i].level))
            .map(|i| previous.nodes[i].title.clone())
            .collect();
        carry(&mut assigned, previous, &matches, &new_ids);
    }
    let dues = match previous {
        Some(previous) => dues(previous, &matches, &new_ids),
        None => vec![None; nodes.len()],
    };
    let mut at = 0;
    for stage in stages.iter_mut() {
        apply(stage, &mut at, &mut new_ids, &dues);
    }
    assigned
}

fn flatten(draft: &Draft, parent: Option<usize>, out: &mut Vec<Flat>) {
    let index = out.len();
    out.push(Flat {
        level: draft.level,
        title: draft.title.clone(),
        link: draft.links.first().map(|l| l.url.clone()),
        parent,
    });
    for child in &draft.children {
        flatten(child, Some(index), out);
    }
}

/// Gives the drafts of an export read back the ids its marker lists, in pre-order:
/// the pack keeps its ids, so every mentor's ticks still count. Only when the export
/// still holds exactly its nodes and the ids are distinct; otherwise the slugs stay and
/// `false` says so.
pub fn keep(stages: &mut [Draft], ids: &[String]) -> bool {
    let count: usize = stages.iter().map(Draft::count).sum();
    let distinct: HashSet<&String> = ids.iter().collect();
    if count != ids.len() || distinct.len() != ids.len() {
        return false;
    }
    let mut given: HashMap<usize, String> = ids.iter().cloned().enumerate().collect();
    let mut at = 0;
    for stage in stages.iter_mut() {
        apply(stage, &mut at, &mut given, &[]);
    }
    true
}

/// Writes the chosen ids (and kept due dates) back in the same pre-order.
fn apply(
    draft: &mut Draft,
    at: &mut usize,
    ids: &mut HashMap<usize, String>,
    dues: &[Option<(u32, Option<String>)>],
) {
    if let Some(id) = ids.remove(at) {
        draft.id = id;
    }
    if let Some(Some(due)) = dues.get(*at) {
        draft.due = Some(due.clone());
    }
    *at += 1;
    for child in &mut draft.children {
        apply(child, at, ids, dues);
    }
}

/// Items and sub-items: what the counts a manager reads call steps.
fn is_step_level(level: Level) -> bool {
    matches!(level, Level::Item | Level::SubItem)
}

fn fallback(level: Level) -> &'static str {
    match level {
        Level::Stage => "stage",
        Level::Part => "part",
        Level::Item | Level::SubItem => "step",
    }
}

/// The previous version's own `renamed:` entries, followed to where their steps are now,
/// so that a mentor who skipped a version keeps their ticks too.
fn carry(
    assigned: &mut Assigned,
    previous: &Pack,
    matches: &[Option<(usize, Match)>],
    new_ids: &HashMap<usize, String>,
) {
    let now: HashMap<&str, &str> = matches
        .iter()
        .enumerate()
        .filter_map(|(i, found)| {
            let (c, _) = (*found)?;
            Some((previous.nodes[c].id.as_str(), new_ids.get(&i)?.as_str()))
        })
        .collect();
    for (old, mid) in &previous.renamed {
        if let Some(&new) = now.get(mid.as_str())
            && new != old
            && !assigned.renamed.iter().any(|(o, _)| o == old)
        {
            assigned.renamed.push((old.clone(), new.to_string()));
        }
    }
    assigned.renamed.sort();
}

/// Due dates a manager added to the previous version's YAML stay on the same steps
/// (one after a stage that is gone goes with it).
fn dues(
    previous: &Pack,
    matches: &[Option<(usize, Match)>],
    new_ids: &HashMap<usize, String>,
) -> Vec<Option<(u32, Option<String>)>> {
    let mut dues = vec![None; matches.len()];
    let node_now: HashMap<usize, &String> = matches
        .iter()
        .enumerate()
        .filter_map(|(i, found)| Some(((*found)?.0, new_ids.get(&i)?)))
        .collect();
    for (i, found) in matches.iter().enumerate() {
        let Some((c, _)) = found else { continue };
        let Some(due) = previous.nodes[*c].due else {
            continue;
        };
        let after = match due.after {
            DueAfter::Start => None,
            DueAfter::Stage(stage) => match node_now.get(&stage) {
                Some(id) => Some(format!("stage:{id}")),
                None => continue,
            },
            DueAfter::Step(step) => match node_now.get(&step) {
                Some(id) => Some(format!("step:{id}")),
                None => continue,
            },
            // A Markdown checklist has no questions to count from.
            DueAfter::Before(_) => continue,
        };
        dues[i] = Some((due.days, after));
    }
    dues
}
