//! What one operation of the core did: the words to show and the save to run.

use super::{Effect, Notice};

/// What an operation did: what to tell, and the save to run, if anything changed.
#[derive(Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct Outcome {
    pub notices: Vec<Notice>,
    pub save: Option<Effect>,
}

impl Outcome {
    /// Only words: nothing changed.
    pub fn say(notice: Notice) -> Self {
        Outcome {
            notices: vec![notice],
            save: None,
        }
    }

    /// Two outcomes as one: both sets of notices (one completion at most), one save.
    pub fn then(mut self, second: Outcome) -> Outcome {
        for notice in second.notices {
            if !(notice == Notice::Complete && self.notices.contains(&notice)) {
                self.notices.push(notice);
            }
        }
        self.save = match (self.save, second.save) {
            (
                Some(Effect::Save { mut changes, .. }),
                Some(Effect::Save {
                    seq,
                    changes: later,
                }),
            ) => {
                changes.extend(later);
                Some(Effect::Save { seq, changes })
            }
            (first, second) => second.or(first),
        };
        self
    }

    /// The node an undo went back to, for the front end to show it.
    pub fn undone(&self) -> Option<usize> {
        self.notices.iter().find_map(|n| match n {
            Notice::Undone(node) => Some(*node),
            _ => None,
        })
    }
}
