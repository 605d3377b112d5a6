//! A validated pack, flattened into a pre-order arena so that a subtree is a range.
//! Serializable so that a big pack can be kept validated in the cache (`cache.rs`).

use serde::{Deserialize, Serialize};

/// What a node is, which decides where it sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Stage,
    Part,
    Item,
    SubItem,
}

/// A step to tick, or a reference card to read (a question and its answer): cards are
/// never ticked and count in no progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    #[default]
    Step,
    Info,
}

impl Kind {
    fn is_step(&self) -> bool {
        *self == Kind::Step
    }
}

/// When a step is due, counted in days from a starting point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub days: u32,
    pub after: DueAfter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueAfter {
    /// The day the run (or the checklist) started.
    Start,
    /// The day this stage (a node index) was completed.
    Stage(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub level: Level,
    /// Left out of the JSON when a step, so that packs without cards keep their digest.
    #[serde(default, skip_serializing_if = "Kind::is_step")]
    pub kind: Kind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// Distance from the root: 0 for stages.
    pub depth: usize,
    /// One past the last node of this node's subtree in [`Pack::nodes`].
    pub end: usize,
}

/// A pack that loaded: every id is unique, every title and URL is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub id: String,
    pub version: String,
    pub lang: String,
    pub title: String,
    pub source: Option<String>,
    pub completion_message: Option<String>,
    /// Done once per run (per student, say) rather than once per mentor. Left out of the
    /// JSON when false, so that other packs keep their digest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repeatable: bool,
    /// All nodes in pre-order: a node's descendants are `index + 1 .. node.end`.
    pub nodes: Vec<Node>,
    /// Stages and parts in display order: the nodes that get a progress bar. Kept here
    /// so that drawing a frame never walks the whole pack to find them.
    pub groups: Vec<usize>,
    /// Ids renamed since earlier versions, old → new: progress under an old id moves to
    /// the new one when the pack is opened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<(String, String)>,
    /// Whom a mentor asks about a step. Left out of the JSON when absent, so that other
    /// packs keep their digest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// The pack's contact: a name, and an email address or a contact page (at least one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Pack {
    /// SHA-256 of the validated pack as compact JSON, in hex: two files that load to the
    /// same checklist share it, whatever their comments or layout, so a manager can tell
    /// exactly which content a mentor used.
    pub fn digest(&self) -> String {
        use sha2::Digest as _;
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        sha2::Sha256::digest(&canonical)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    pub fn is_leaf(&self, index: usize) -> bool {
        self.nodes[index].end == index + 1
    }

    /// Direct children of `index`, or the stages when `index` is `None`.
    pub fn children(&self, index: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let (mut next, end) = match index {
            Some(i) => (i + 1, self.nodes[i].end),
            None => (0, self.nodes.len()),
        };
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let current = next;
                next = self.nodes[current].end;
                current
            })
        })
    }

    /// Whether any step has a due date.
    pub fn has_due_dates(&self) -> bool {
        self.nodes.iter().any(|n| n.due.is_some())
    }

    /// Whether the node is something to tick: a leaf that is not a reference card.
    pub fn is_step(&self, index: usize) -> bool {
        self.is_leaf(index) && self.nodes[index].kind == Kind::Step
    }

    pub fn is_info(&self, index: usize) -> bool {
        self.nodes[index].kind == Kind::Info
    }

    /// Steps to tick in the subtree of `index`, itself included.
    pub fn leaves(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        (index..self.nodes[index].end).filter(|&i| self.is_step(i))
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }
}
