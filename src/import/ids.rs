//! Ids for an imported pack: ASCII slugs of the titles, unique in the pack, and — when
//! the previous version is given — the ids its steps had, so that no tick is lost when
//! a manager edits the Markdown and imports it again.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::shape::Draft;
use crate::pack::{DueAfter, Level, Pack};

/// How many places either side of its own a retitled step is looked for.
const NEAR: usize = 25;

/// Longest slug made from a title: short enough to type, long enough to tell apart.
const MAX_SLUG: usize = 32;

/// An ASCII id from a title: "Créer son compte Zoom" → `creer-son-compte-zoom`.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.nfd() {
        let ascii = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            // Accents (combining marks after NFD) fall away; their letter stays.
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            _ => "-",
        };
        if ascii == "-" {
            if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        } else {
            slug.push_str(ascii);
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
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

/// How a node of the new pack relates to the previous version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Same title: the same id.
    Kept,
    /// Another title, found by its link or its place: a new id and a `renamed:` entry.
    Renamed,
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

/// What matching needs of a node, in pre-order with its parent's index.
struct Flat {
    level: Level,
    title: String,
    link: Option<String>,
    parent: Option<usize>,
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

/// Nodes of the previous version in order, and how far they have been taken.
#[derive(Default)]
struct Queue(Vec<usize>, usize);

impl Queue {
    /// The first one not taken yet.
    fn next(&mut self, used: &[bool]) -> Option<usize> {
        while let Some(&c) = self.0.get(self.1) {
            if !used[c] {
                return Some(c);
            }
            self.1 += 1;
        }
        None
    }
}

/// Groups (stages, parts) match groups, steps match steps.
fn same_kind(a: Level, b: Level) -> bool {
    matches!(a, Level::Stage | Level::Part) == matches!(b, Level::Stage | Level::Part)
}

fn normal(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words shared over words in all: how alike two titles read.
fn likeness(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> HashSet<String> { s.split_whitespace().map(slug).collect() };
    let (a, b) = (words(a), words(b));
    let all = a.union(&b).count();
    if all == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / all as f64
}

/// For each new node, the node of `previous` it continues, and how it was found: by its
/// title, then by its first link, then by its place under the same parent.
fn match_nodes(nodes: &[Flat], previous: &Pack) -> Vec<Option<(usize, Match)>> {
    let mut found: Vec<Option<(usize, Match)>> = vec![None; nodes.len()];
    let mut used = vec![false; previous.nodes.len()];
    // Candidates by title and kind, and by title, kind and parent: each list is read
    // from a cursor past the ones taken, so many alike titles stay linear.
    let group = |level: Level| matches!(level, Level::Stage | Level::Part);
    let mut by_title: HashMap<(String, bool), Queue> = HashMap::new();
    let mut by_place: HashMap<(String, bool, Option<usize>), Queue> = HashMap::new();
    for (c, node) in previous.nodes.iter().enumerate() {
        let key = (normal(&node.title), group(node.level));
        by_place
            .entry((key.0.clone(), key.1, node.parent))
            .or_default()
            .0
            .push(c);
        by_title.entry(key).or_default().0.push(c);
    }
    let prev_of = |found: &[Option<(usize, Match)>], i: usize| -> Option<usize> {
        nodes[i]
            .parent
            .and_then(|parent| found[parent].map(|(p, _)| p))
    };
    for (i, node) in nodes.iter().enumerate() {
        let key = (normal(&node.title), group(node.level));
        let parent = prev_of(&found, i);
        let under_parent = by_place
            .get_mut(&(key.0.clone(), key.1, parent))
            .and_then(|queue| queue.next(&used));
        let best = under_parent.or_else(|| by_title.get_mut(&key)?.next(&used));
        if let Some(c) = best {
            used[c] = true;
            found[i] = Some((c, Match::Kept));
        }
    }
    let mut by_link: HashMap<&str, Vec<usize>> = HashMap::new();
    for (c, node) in previous.nodes.iter().enumerate() {
        if let Some(link) = node.links.first() {
            by_link.entry(link.url.as_str()).or_default().push(c);
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        let Some(link) = &node.link else {
            continue;
        };
        if found[i].is_some() {
            continue;
        }
        let hit = by_link.get(link.as_str()).and_then(|candidates| {
            candidates
                .iter()
                .copied()
                .find(|&c| !used[c] && same_kind(previous.nodes[c].level, node.level))
        });
        if let Some(c) = hit {
            used[c] = true;
            found[i] = Some((c, Match::Renamed));
        }
    }
    // Children by parent and kind, in order, in both versions; each new node's place.
    let group = |level: Level| matches!(level, Level::Stage | Level::Part);
    let mut prev_children: HashMap<(Option<usize>, bool), Vec<usize>> = HashMap::new();
    for (c, node) in previous.nodes.iter().enumerate() {
        let key = (node.parent, group(node.level));
        prev_children.entry(key).or_default().push(c);
    }
    let mut new_children: HashMap<(Option<usize>, bool), Vec<usize>> = HashMap::new();
    let mut place = vec![0; nodes.len()];
    for (j, node) in nodes.iter().enumerate() {
        let siblings = new_children
            .entry((node.parent, group(node.level)))
            .or_default();
        place[j] = siblings.len();
        siblings.push(j);
    }
    for i in 0..nodes.len() {
        if found[i].is_some() {
            continue;
        }
        let node = &nodes[i];
        let parent = prev_of(&found, i);
        let kind = group(node.level);
        let Some(siblings) = prev_children.get(&(parent, kind)) else {
            continue;
        };
        let count = new_children.get(&(node.parent, kind)).map_or(0, Vec::len);
        let at = place[i];
        // A retitled step is near where it was: look a few places either side.
        let near = &siblings
            [at.saturating_sub(NEAR).min(siblings.len())..(at + NEAR + 1).min(siblings.len())];
        let scored = near
            .iter()
            .filter(|&&c| !used[c])
            .map(|&c| (c, likeness(&previous.nodes[c].title, &node.title)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let same_place = siblings
            .get(at)
            .copied()
            .filter(|&c| !used[c] && siblings.len() == count);
        let hit = match scored {
            Some((c, score)) if score >= 0.34 => Some(c),
            _ => same_place,
        };
        if let Some(c) = hit {
            used[c] = true;
            found[i] = Some((c, Match::Renamed));
        }
    }
    found
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
    let stage_now: HashMap<usize, &String> = matches
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
            DueAfter::Stage(stage) => match stage_now.get(&stage) {
                Some(id) => Some(format!("stage:{id}")),
                None => continue,
            },
        };
        dues[i] = Some((due.days, after));
    }
    dues
}
