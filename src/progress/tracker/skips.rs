//! Marking steps not applicable ("sans objet"), and taking it back: what it would do,
//! decided once for every front end, and doing it.

use jiff::Timestamp;

use super::{LeafState, Tracker, whole_seconds};
use crate::pack::Pack;
use crate::progress::Skip;

/// What marking a node not applicable does, decided once for every front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipPlan {
    /// Its steps to do are skipped; with none, its ticked steps, whose `replaces` ticks
    /// go (the prompt says so, and undo brings them back).
    Skip { replaces: usize },
    /// Every step is skipped already: a new reason replaces theirs, none takes the skip back.
    Reason,
    /// A reference card: there is nothing to skip.
    Nothing,
}

impl Tracker {
    /// What marking `index` not applicable would do: see [`SkipPlan`].
    pub fn skip_plan(&self, pack: &Pack, index: usize) -> SkipPlan {
        let (mut todo, mut ticked, mut skipped) = (0, 0, 0);
        for leaf in pack.leaves(index) {
            match self.leaf_state(pack, leaf) {
                LeafState::Todo => todo += 1,
                LeafState::Ticked(_) => ticked += 1,
                LeafState::Skipped(_) => skipped += 1,
            }
        }
        match (todo, ticked, skipped) {
            (0, 0, 0) => SkipPlan::Nothing,
            (0, 0, _) => SkipPlan::Reason,
            (0, ticked, _) => SkipPlan::Skip { replaces: ticked },
            _ => SkipPlan::Skip { replaces: 0 },
        }
    }

    /// Marks steps under `index` not applicable, for `reason`, as [`SkipPlan`] says: the
    /// steps to do; with none, the ticked ones (the mentor is believed: the tick is
    /// replaced); with every step skipped already, their reason becomes `reason`.
    /// Returns whether anything changed.
    pub fn skip(&mut self, pack: &Pack, index: usize, reason: &str, now: Timestamp) -> bool {
        let plan = self.skip_plan(pack, index);
        let skip = Skip {
            reason: reason.trim().to_string(),
            at: whole_seconds(now),
        };
        let targets: Vec<usize> = pack
            .leaves(index)
            .filter(|&leaf| match (plan, self.leaf_state(pack, leaf)) {
                (SkipPlan::Skip { replaces: 0 }, state) => state == LeafState::Todo,
                (SkipPlan::Skip { .. }, state) => matches!(state, LeafState::Ticked(_)),
                (_, LeafState::Skipped(old)) => old.reason != skip.reason,
                _ => false,
            })
            .collect();
        let mut changed = false;
        for leaf in targets {
            changed |= self.set_leaf(pack, leaf, LeafState::Skipped(skip.clone()));
        }
        changed
    }

    /// Makes every skipped step under `index` to do again. Returns whether any was.
    pub fn unskip(&mut self, pack: &Pack, index: usize) -> bool {
        let mut changed = false;
        for leaf in pack.leaves(index) {
            if matches!(self.leaf_state(pack, leaf), LeafState::Skipped(_)) {
                changed |= self.set_leaf(pack, leaf, LeafState::Todo);
            }
        }
        changed
    }
}
