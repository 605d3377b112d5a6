//! The changes a key asks for by the action's one name. The full-screen UI and plain
//! mode hand such an action here whatever its key, so a new change is a variant and a
//! row of the keymap, and an arm here: no front end learns of it.

use jiff::Timestamp;

use super::{Outcome, Session};
use crate::keymap::Action;
use crate::text::Text;

/// The actions the core carries out on a node without asking for words (a reason or
/// a note are asked for first, each front end its own way). Plain mode lists them.
pub const ACTIONS: &[Action] = &[Action::Toggle, Action::Undo, Action::Ask];

impl Session {
    /// What `action` does on `node`, for the actions in [`ACTIONS`]; `None` for moving,
    /// typing and windows, which each front end does its own way.
    pub fn act(
        &mut self,
        action: Action,
        node: usize,
        t: &Text,
        now: Timestamp,
    ) -> Option<Outcome> {
        Some(match action {
            Action::Toggle => self.toggle(node, now),
            Action::Undo => self.undo(),
            Action::Ask => self.ask(node, t),
            _ => return None,
        })
    }
}
