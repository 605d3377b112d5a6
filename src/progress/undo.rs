//! The changes `u` can take back: one policy for the full-screen UI and plain mode.

use std::collections::VecDeque;

/// How many changes can be taken back, in every front end.
pub const UNDO_LEVELS: usize = 100;

/// The changes that can still be taken back, newest last. Past [`UNDO_LEVELS`] the
/// oldest is forgotten.
#[derive(Debug, Clone)]
pub struct UndoStack<T>(VecDeque<T>);

impl<T> Default for UndoStack<T> {
    fn default() -> Self {
        UndoStack(VecDeque::new())
    }
}

impl<T> UndoStack<T> {
    pub fn push(&mut self, change: T) {
        if self.0.len() == UNDO_LEVELS {
            self.0.pop_front();
        }
        self.0.push_back(change);
    }

    pub fn pop(&mut self) -> Option<T> {
        self.0.pop_back()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The changes kept, oldest first, to be amended when what they undo to changed.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_hundred_changes() {
        let mut stack = UndoStack::default();
        for change in 0..=UNDO_LEVELS {
            stack.push(change);
        }
        let kept: Vec<usize> = std::iter::from_fn(|| stack.pop()).collect();
        assert_eq!(kept.len(), UNDO_LEVELS);
        assert_eq!((kept[0], kept[UNDO_LEVELS - 1]), (UNDO_LEVELS, 1));
    }
}
