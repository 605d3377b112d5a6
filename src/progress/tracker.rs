//! Tick state of every node of a pack, with done/total counts kept up to date
//! incrementally: a tick touches only the ticked leaves and their ancestors.

use jiff::Timestamp;

use super::{Changes, Skip, State};
use crate::pack::Pack;

/// Where a step stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeafState {
    Todo,
    Ticked(Timestamp),
    /// Not applicable, with the mentor's reason: settled, but not done.
    Skipped(Skip),
}

/// Where a node stands, decided here once for the tree, the details pane, plain mode,
/// `list`, the exports and the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeState {
    /// A reference card, or a stage or part holding only cards: read, never ticked.
    Card,
    /// A step marked not applicable.
    Skipped(Skip),
    /// Every step below settled; when the last tick was, if any was ticked (a stage whose
    /// steps are all not applicable has none).
    Done(Option<Timestamp>),
    Partial,
    Todo,
}

impl NodeState {
    /// The box the tree and `list` show, its state in the glyph and not only in colour.
    pub fn glyph(&self) -> &'static str {
        match self {
            NodeState::Card => "(i)",
            // A stage or part none of whose steps applies is not applicable, not ticked.
            NodeState::Skipped(_) | NodeState::Done(None) => "[-]",
            NodeState::Done(Some(_)) => "[x]",
            NodeState::Partial => "[~]",
            NodeState::Todo => "[ ]",
        }
    }

    /// Its name in the JSON export.
    pub fn name(&self) -> &'static str {
        match self {
            NodeState::Card => "info",
            NodeState::Skipped(_) => "skipped",
            NodeState::Done(_) => "done",
            NodeState::Partial => "partial",
            NodeState::Todo => "todo",
        }
    }
}

impl LeafState {
    fn settled(&self) -> bool {
        !matches!(self, LeafState::Todo)
    }
}

/// Leaves (by index) as they were before an edit, for undo.
pub type Before = Vec<(usize, LeafState)>;

/// The box a node shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Empty,
    Partial,
    Done,
}

/// A pack's progress: leaves are ticked, parents are derived from their leaves.
#[derive(Debug, Clone)]
pub struct Tracker {
    state: State,
    /// Edits not yet handed to the saver.
    changes: Changes,
    /// Leaves changed since the last [`Tracker::take_undo`], with their values before.
    undo: Before,
    /// Settled leaves in each node's subtree (a leaf counts itself).
    done: Vec<u32>,
    /// Leaves in each node's subtree.
    total: Vec<u32>,
}

impl Tracker {
    /// Builds the counts from saved ticks. The state's pack version is updated to the
    /// pack's; ticks for unknown ids are kept as they are.
    pub fn new(pack: &Pack, mut state: State) -> Self {
        state.pack_version.clone_from(&pack.version);
        let changes = follow_renames(pack, &mut state);
        let mut tracker = Tracker {
            state,
            changes,
            undo: Vec::new(),
            done: Vec::new(),
            total: Vec::new(),
        };
        tracker.recount(pack);
        tracker
    }

    /// Counts every node's settled and total steps again, for `pack` as it now is
    /// (fitted to changed answers, say).
    pub fn recount(&mut self, pack: &Pack) {
        let n = pack.nodes.len();
        let mut done = vec![0; n];
        let mut total = vec![0; n];
        // Children come after their parent in pre-order: fold from the end upwards.
        for i in (0..n).rev() {
            if pack.is_step(i) {
                let id = &pack.nodes[i].id;
                total[i] += 1;
                done[i] += u32::from(
                    self.state.ticks.contains_key(id) || self.state.skipped.contains_key(id),
                );
            }
            if let Some(p) = pack.nodes[i].parent {
                total[p] += total[i];
                done[p] += done[i];
            }
        }
        self.done = done;
        self.total = total;
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// Whether the step is marked as added by a new pack version and not yet viewed.
    pub fn is_new(&self, pack: &Pack, index: usize) -> bool {
        !self.state.new.is_empty() && self.state.new.contains(&pack.nodes[index].id)
    }

    /// Marks the ids a new pack version added (those still unticked) as new.
    pub fn mark_new(&mut self, pack: &Pack, ids: &[String]) {
        for id in ids {
            let Some(index) = pack.find(id) else { continue };
            if self.check(index) == Check::Empty && self.state.new.insert(id.clone()) {
                self.changes.new.insert(id.clone(), true);
            }
        }
    }

    /// Clears the "new" mark of a viewed step. Returns whether there was one.
    pub fn seen(&mut self, pack: &Pack, index: usize) -> bool {
        let id = &pack.nodes[index].id;
        if !self.state.new.is_empty() && self.state.new.remove(id) {
            self.changes.new.insert(id.clone(), false);
            return true;
        }
        false
    }

    /// The edits made since the last call, for the saver to apply on disk.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    pub fn check(&self, index: usize) -> Check {
        match (self.done[index], self.total[index]) {
            (0, _) => Check::Empty,
            (d, t) if d == t => Check::Done,
            _ => Check::Partial,
        }
    }

    /// Ticked and total leaves under `index`.
    pub fn counts(&self, index: usize) -> (u32, u32) {
        (self.done[index], self.total[index])
    }

    /// Ticked and total leaves in the whole pack.
    pub fn overall(&self, pack: &Pack) -> (u32, u32) {
        pack.children(None)
            .fold((0, 0), |(d, t), i| (d + self.done[i], t + self.total[i]))
    }

    pub fn is_complete(&self, pack: &Pack) -> bool {
        let (d, t) = self.overall(pack);
        d == t
    }

    /// When a node was ticked: a leaf's own time, or for a done parent the last of its leaves'.
    pub fn ticked_at(&self, pack: &Pack, index: usize) -> Option<Timestamp> {
        if self.check(index) != Check::Done {
            return None;
        }
        pack.leaves(index)
            .filter_map(|i| self.state.ticks.get(&pack.nodes[i].id).copied())
            .max()
    }

    /// The first step at or after node `from`, in pack order, still to do and not
    /// waiting for another: where every front end opens, and what "next step to do"
    /// goes to.
    pub fn next_todo(&self, pack: &Pack, from: usize) -> Option<usize> {
        (from..pack.nodes.len())
            .find(|&i| pack.is_step(i) && self.check(i) != Check::Done && !self.waits(pack, i))
    }

    /// Where node `index` stands (see [`NodeState`]).
    pub fn node_state(&self, pack: &Pack, index: usize) -> NodeState {
        if self.counts(index).1 == 0 {
            return NodeState::Card;
        }
        if let Some(skip) = self.skip_of(pack, index) {
            return NodeState::Skipped(skip.clone());
        }
        match self.check(index) {
            Check::Done => NodeState::Done(self.ticked_at(pack, index)),
            Check::Partial => NodeState::Partial,
            Check::Empty => NodeState::Todo,
        }
    }

    /// Where the step `leaf` stands.
    pub fn leaf_state(&self, pack: &Pack, leaf: usize) -> LeafState {
        let id = &pack.nodes[leaf].id;
        if let Some(at) = self.state.ticks.get(id) {
            LeafState::Ticked(*at)
        } else if let Some(skip) = self.state.skipped.get(id) {
            LeafState::Skipped(skip.clone())
        } else {
            LeafState::Todo
        }
    }

    /// The skip of a step marked not applicable.
    pub fn skip_of(&self, pack: &Pack, index: usize) -> Option<&Skip> {
        if !pack.is_step(index) {
            return None;
        }
        self.state.skipped.get(&pack.nodes[index].id)
    }

    /// Space/Enter on a node: an unfinished node becomes done (its steps to do ticked;
    /// a skipped step alone is ticked after all), a done one has its ticks cleared
    /// (skips stay). Returns whether anything changed.
    pub fn toggle(&mut self, pack: &Pack, index: usize, now: Timestamp) -> bool {
        if self.skip_of(pack, index).is_some() {
            return self.set_leaf(pack, index, LeafState::Ticked(whole_seconds(now)));
        }
        let on = self.check(index) != Check::Done;
        self.set(pack, index, on, now)
    }

    /// Ticks every step to do under `index`, or unticks every ticked one. Returns
    /// whether anything changed.
    pub fn set(&mut self, pack: &Pack, index: usize, on: bool, now: Timestamp) -> bool {
        let now = whole_seconds(now);
        let mut changed = false;
        for leaf in pack.leaves(index) {
            let state = self.leaf_state(pack, leaf);
            changed |= match (on, state) {
                (true, LeafState::Todo) => self.set_leaf(pack, leaf, LeafState::Ticked(now)),
                (false, LeafState::Ticked(_)) => self.set_leaf(pack, leaf, LeafState::Todo),
                _ => false,
            };
        }
        changed
    }

    /// The leaves the last edits changed, with where they stood before, for
    /// [`Tracker::restore`] to undo them. Cleared by the call.
    pub fn take_undo(&mut self) -> Before {
        std::mem::take(&mut self.undo)
    }

    /// Puts leaves back as they were (from [`Tracker::take_undo`]), tick times and skip
    /// reasons included. The edits are recorded like any other, so they are saved.
    pub fn restore(&mut self, pack: &Pack, before: &[(usize, LeafState)]) {
        for (leaf, state) in before {
            self.set_leaf(pack, *leaf, state.clone());
        }
        self.undo.clear();
    }

    /// Puts one step in `new`. Returns whether it changed.
    fn set_leaf(&mut self, pack: &Pack, leaf: usize, new: LeafState) -> bool {
        let old = self.leaf_state(pack, leaf);
        if old == new {
            return false;
        }
        let id = pack.nodes[leaf].id.clone();
        if matches!(old, LeafState::Ticked(_)) && !matches!(new, LeafState::Ticked(_)) {
            self.state.ticks.remove(&id);
            self.changes.ticks.insert(id.clone(), None);
        }
        if matches!(old, LeafState::Skipped(_)) && !matches!(new, LeafState::Skipped(_)) {
            self.state.skipped.remove(&id);
            self.changes.skipped.insert(id.clone(), None);
        }
        match &new {
            LeafState::Ticked(at) => {
                self.state.ticks.insert(id.clone(), *at);
                self.changes.ticks.insert(id.clone(), Some(*at));
            }
            LeafState::Skipped(skip) => {
                self.state.skipped.insert(id.clone(), skip.clone());
                self.changes.skipped.insert(id.clone(), Some(skip.clone()));
            }
            LeafState::Todo => {}
        }
        if new.settled() && self.state.new.remove(&id) {
            self.changes.new.insert(id, false);
        }
        let was = old.settled();
        self.undo.push((leaf, old));
        // A step the answers rule out (its tick restored by undo, say) counts nowhere.
        if was != new.settled() && pack.is_step(leaf) {
            let mut node = Some(leaf);
            while let Some(i) = node {
                if new.settled() {
                    self.done[i] += 1;
                } else {
                    self.done[i] -= 1;
                }
                node = pack.nodes[i].parent;
            }
        }
        true
    }
}

/// Whole seconds: the file stays readable and nothing shows finer times.
fn whole_seconds(at: Timestamp) -> Timestamp {
    at.round(jiff::Unit::Second).unwrap_or(at)
}

/// Moves progress (ticks, skips, notes) saved under ids the pack renamed to their new ids (unless the new id
/// has its own already). The moves are returned as changes, so the next save keeps them.
fn follow_renames(pack: &Pack, state: &mut State) -> Changes {
    let mut changes = Changes::new();
    for (old, new) in &pack.renamed {
        if let Some(at) = state.ticks.remove(old) {
            changes.ticks.insert(old.clone(), None);
            if !state.ticks.contains_key(new) {
                state.ticks.insert(new.clone(), at);
                changes.ticks.insert(new.clone(), Some(at));
            }
        }
        if let Some(skip) = state.skipped.remove(old) {
            changes.skipped.insert(old.clone(), None);
            if !state.skipped.contains_key(new) {
                changes.skipped.insert(new.clone(), Some(skip.clone()));
                state.skipped.insert(new.clone(), skip);
            }
        }
        if let Some(note) = state.notes.remove(old) {
            changes.notes.insert(old.clone(), None);
            if !state.notes.contains_key(new) {
                changes.notes.insert(new.clone(), Some(note.clone()));
                state.notes.insert(new.clone(), note);
            }
        }
    }
    changes
}

/// How many saved ticks name no step of `pack`: kept in the file, but worth a word
/// when a new pack version dropped steps.
pub fn orphan_ticks(pack: &Pack, state: &State) -> usize {
    let ids: std::collections::HashSet<&str> = pack.nodes.iter().map(|n| n.id.as_str()).collect();
    state
        .ticks
        .keys()
        .filter(|id| !ids.contains(id.as_str()))
        .count()
}

/// Whole percent done; an empty group counts as done.
pub fn percent(done: u32, total: u32) -> u32 {
    (done * 100).checked_div(total).unwrap_or(100)
}

mod answers;
mod records;
mod skips;

pub use skips::SkipPlan;

#[cfg(test)]
mod tests;
