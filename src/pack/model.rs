//! A validated pack, flattened into a pre-order arena so that a subtree is a range.
//! Serializable as JSON for its digest and as `bitcode` for the cache of validated packs
//! (`cache.rs`), whose binary form reads back several times faster than JSON.

use bitcode::{Decode, Encode};
use serde::{Deserialize, Serialize};

/// What a node is, which decides where it sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub enum Level {
    Stage,
    Part,
    Item,
    SubItem,
}

/// A step to tick, or a reference card to read (a question and its answer): cards are
/// never ticked and count in no progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub struct Due {
    pub days: u32,
    pub after: DueAfter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub enum DueAfter {
    /// The day the run (or the checklist) started.
    Start,
    /// The day this stage (a node index) was completed.
    Stage(usize),
    /// The day this step (a node index) was ticked.
    Step(usize),
    /// `days` before the date answered to this question (an index in [`Pack::questions`]).
    Before(usize),
}

/// A question a pack asks once per checklist, whose answer decides which steps apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub kind: QuestionKind,
}

/// What a question takes for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub enum QuestionKind {
    /// One of these, by id.
    Choice(Vec<Choice>),
    /// `yes` or `no`.
    YesNo,
    /// A day, kept as `YYYY-MM-DD`.
    Date,
    /// Free text, one line.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub struct Choice {
    pub id: String,
    pub text: String,
}

/// `when:` on a node: the question (an index in [`Pack::questions`]) and the answers
/// under which the node applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub struct Condition {
    pub question: usize,
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
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
    /// The answers under which this node applies, all of them (`when:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// Nodes (indices) to settle before this one (`waits_for:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waits_for: Vec<usize>,
    /// Left out for this mentor by their answers (see `fit.rs`): skipped by every walk
    /// of the pack, its ticks kept. Never part of the pack's content.
    #[serde(skip)]
    #[bitcode(skip)]
    pub hidden: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// Distance from the root: 0 for stages.
    pub depth: usize,
    /// One past the last node of this node's subtree in [`Pack::nodes`].
    pub end: usize,
}

/// A pack that loaded: every id is unique, every title and URL is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
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
    /// Asked once per checklist; their answers decide which steps apply and when some
    /// are due. Left out of the JSON when none, so that other packs keep their digest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Whether a text holds a placeholder (`{student}`, `{answer:…}`), found once when
    /// validated: opening a big pack that has none never looks through its texts. Not
    /// content, so not in the JSON and its digest.
    #[serde(skip)]
    pub placeholders: bool,
    /// Set on a pack fitted to one mentor's answers (`fit.rs`): the pack it was fitted
    /// from, shared, whose digest is the one a manager knows (computed only when an
    /// export asks for it: hashing a big pack at every answer would cost milliseconds).
    #[serde(skip)]
    #[bitcode(skip)]
    pub fitted_from: Option<std::sync::Arc<Pack>>,
}

/// The pack's contact: a name, and an email address or a contact page (at least one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Encode, Decode)]
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
        if let Some(whole) = &self.fitted_from {
            return whole.digest();
        }
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        sha2::Sha256::digest(&canonical)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    pub fn is_leaf(&self, index: usize) -> bool {
        self.nodes[index].end == index + 1
    }

    /// Direct children of `index`, or the stages when `index` is `None`; those the
    /// mentor's answers hide are left out.
    pub fn children(&self, index: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let (mut next, end) = match index {
            Some(i) => (i + 1, self.nodes[i].end),
            None => (0, self.nodes.len()),
        };
        std::iter::from_fn(move || {
            while next < end && self.nodes[next].hidden {
                next = self.nodes[next].end;
            }
            (next < end).then(|| {
                let current = next;
                next = self.nodes[current].end;
                current
            })
        })
    }

    /// Whether any step has a due date.
    pub fn has_due_dates(&self) -> bool {
        self.nodes.iter().any(|n| n.due.is_some() && !n.hidden)
    }

    /// Whether the node is something to tick: a leaf that is not a reference card, and
    /// that applies to this mentor.
    pub fn is_step(&self, index: usize) -> bool {
        let node = &self.nodes[index];
        self.is_leaf(index) && node.kind == Kind::Step && !node.hidden
    }

    pub fn is_info(&self, index: usize) -> bool {
        self.nodes[index].kind == Kind::Info
    }

    /// Steps to tick in the subtree of `index`, itself included.
    pub fn leaves(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        (index..self.nodes[index].end).filter(|&i| self.is_step(i))
    }

    /// The node with this id, shown or hidden.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// A step the mentor's answers rule out: neither shown nor counted, its ticks kept.
    pub fn is_ruled_out(&self, index: usize) -> bool {
        let node = &self.nodes[index];
        node.hidden && node.kind == Kind::Step && self.is_leaf(index)
    }

    /// The questions (indices) that `when:` on `index` or on a part or stage holding it
    /// names, the outermost first.
    pub fn questions_of(&self, index: usize) -> Vec<usize> {
        let mut questions: Vec<usize> = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            for condition in self.nodes[i].when.iter().rev() {
                if !questions.contains(&condition.question) {
                    questions.push(condition.question);
                }
            }
            at = self.nodes[i].parent;
        }
        questions.reverse();
        questions
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}
