//! Which node of the previous version each node of an imported pack continues: by its
//! title, else its first link, else its place under the same heading.

use std::collections::{HashMap, HashSet};

use crate::fold::fold;
use crate::pack::{Level, Pack};

/// How many places either side of its own a retitled step is looked for.
const NEAR: usize = 25;

/// How a node of the new pack relates to the previous version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Same title: the same id.
    Kept,
    /// Another title, found by its link or its place: a new id and a `renamed:` entry.
    Renamed,
}

/// What matching needs of a node, in pre-order with its parent's index.
pub struct Flat {
    pub level: Level,
    pub title: String,
    pub link: Option<String>,
    pub parent: Option<usize>,
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

/// A title as matching compares it: case, accents and punctuation aside.
fn normal(title: &str) -> String {
    fold(title)
}

/// Words shared over words in all: how alike two titles read.
fn likeness(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> HashSet<String> { fold(s).split(' ').map(str::to_string).collect() };
    let (a, b) = (words(a), words(b));
    let all = a.union(&b).count();
    if all == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / all as f64
}

/// For each new node, the node of `previous` it continues, and how it was found: by its
/// title, then by its first link, then by its place under the same parent.
pub fn match_nodes(nodes: &[Flat], previous: &Pack) -> Vec<Option<(usize, Match)>> {
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
