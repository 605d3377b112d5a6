//! What the pack's questions and waits ask of progress: the answers kept (saved like
//! ticks, undone exactly) and what a step still waits for.

use jiff::Timestamp;

use super::{Check, Tracker, whole_seconds};
use crate::pack::Pack;
use crate::progress::Answer;

impl Tracker {
    /// Records the answer to question `id` (`None`: passed over). Returns the one it
    /// replaced, for undo.
    pub fn set_answer(
        &mut self,
        id: &str,
        value: Option<String>,
        now: Timestamp,
    ) -> Option<Answer> {
        let answer = Answer {
            value,
            at: whole_seconds(now),
        };
        self.changes
            .answers
            .insert(id.to_string(), Some(answer.clone()));
        self.state.answers.insert(id.to_string(), answer)
    }

    /// Puts an answer back as it was before (none: the question never asked).
    pub fn restore_answer(&mut self, id: &str, before: Option<Answer>) {
        self.changes.answers.insert(id.to_string(), before.clone());
        match before {
            Some(answer) => self.state.answers.insert(id.to_string(), answer),
            None => self.state.answers.remove(id),
        };
    }

    /// What `index` still waits for (its own `waits_for:` and its parents'): the nodes
    /// named there that apply and are not settled yet.
    pub fn waiting_for(&self, pack: &Pack, index: usize) -> Vec<usize> {
        let mut waits = Vec::new();
        let mut node = Some(index);
        while let Some(i) = node {
            waits.extend(pack.nodes[i].waits_for.iter().copied().filter(|&w| {
                !pack.nodes[w].hidden && self.total[w] > 0 && self.check(w) != Check::Done
            }));
            node = pack.nodes[i].parent;
        }
        waits
    }

    /// Whether `index` waits for anything (cheap when nothing above it waits).
    pub fn waits(&self, pack: &Pack, index: usize) -> bool {
        let mut node = Some(index);
        while let Some(i) = node {
            if !pack.nodes[i].waits_for.is_empty() {
                return !self.waiting_for(pack, index).is_empty();
            }
            node = pack.nodes[i].parent;
        }
        false
    }

    /// The first step still to do, waiting or not: where to go when every step left
    /// waits.
    pub fn first_waiting(&self, pack: &Pack) -> Option<usize> {
        (0..pack.nodes.len()).find(|&i| pack.is_step(i) && self.check(i) != Check::Done)
    }
}
