//! What one operation of the core did: the words to show and the effects to run.

use super::{Effect, Notice};

/// What every operation of the core returns: what to tell, and the work for the outside
/// world (a save, a link to open or copy), run by `effects` and reported back.
#[derive(Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct Outcome {
    pub notices: Vec<Notice>,
    pub effects: Vec<Effect>,
}

impl Outcome {
    /// Only words: nothing changed.
    pub fn say(notice: Notice) -> Self {
        Outcome {
            notices: vec![notice],
            effects: Vec::new(),
        }
    }

    /// Only work: nothing to say yet (its result will be).
    pub fn run(effect: Effect) -> Self {
        Outcome {
            notices: Vec::new(),
            effects: vec![effect],
        }
    }

    /// Two outcomes as one: both sets of notices (one completion at most), and one save
    /// holding both saves' edits under the later number.
    pub fn then(mut self, second: Outcome) -> Outcome {
        for notice in second.notices {
            if !(notice == Notice::Complete && self.notices.contains(&notice)) {
                self.notices.push(notice);
            }
        }
        for effect in second.effects {
            match (
                self.effects
                    .iter_mut()
                    .find(|e| matches!(e, Effect::Save { .. })),
                effect,
            ) {
                (
                    Some(Effect::Save { seq, changes }),
                    Effect::Save {
                        seq: later,
                        changes: more,
                    },
                ) => {
                    changes.extend(more);
                    *seq = later;
                }
                (_, effect) => self.effects.push(effect),
            }
        }
        self
    }

    /// The save this outcome asks for, if any.
    pub fn save(&self) -> Option<&Effect> {
        self.effects
            .iter()
            .find(|e| matches!(e, Effect::Save { .. }))
    }

    /// The node an undo went back to, for the front end to show it.
    pub fn undone(&self) -> Option<usize> {
        self.notices.iter().find_map(|n| match n {
            Notice::Undone(change) => change.node(),
            _ => None,
        })
    }
}
