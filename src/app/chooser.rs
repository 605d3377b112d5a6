//! The chooser: every checklist within reach (the guides too) with how far the mentor
//! is in each, to open another without quitting. Pure like the app: keys in, a
//! [`Chosen`] out for `tui` to carry out.

use crate::keymap::PickerAction;
use crate::session::Shelved;

/// What the mentor chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// The checklist with this id.
    Open(String),
    /// Back to the checklist the chooser was opened from.
    Back,
    Quit,
}

#[derive(Debug, Clone)]
pub struct Chooser {
    pub shelf: Vec<Shelved>,
    /// The id of the checklist open now.
    pub current: String,
    selected: usize,
    /// Why the list is short (it could not be read), said under it.
    pub problem: Option<String>,
}

impl Chooser {
    /// Opens on the checklist open now.
    pub fn new(shelf: Vec<Shelved>, current: &str) -> Self {
        let selected = shelf.iter().position(|s| s.id == current).unwrap_or(0);
        Chooser {
            shelf,
            current: current.into(),
            selected,
            problem: None,
        }
    }

    pub fn selected_row(&self) -> usize {
        self.selected
    }

    pub fn key(&mut self, action: PickerAction) -> Option<Chosen> {
        let last = self.shelf.len().saturating_sub(1);
        match action {
            PickerAction::Up => self.selected = self.selected.saturating_sub(1),
            PickerAction::Down => self.selected = (self.selected + 1).min(last),
            PickerAction::Open => {
                return Some(match self.shelf.get(self.selected) {
                    Some(chosen) if chosen.id != self.current => Chosen::Open(chosen.id.clone()),
                    _ => Chosen::Back,
                });
            }
            PickerAction::Back => return Some(Chosen::Back),
            PickerAction::Quit => return Some(Chosen::Quit),
            PickerAction::New
            | PickerAction::Rename
            | PickerAction::Archive
            | PickerAction::Undo
            | PickerAction::ShowArchived => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::HowFar;

    fn shelved(id: &str) -> Shelved {
        Shelved {
            id: id.into(),
            title: id.to_uppercase(),
            written_in: None,
            how_far: HowFar::Cards(3),
        }
    }

    #[test]
    fn opens_on_the_current_checklist_and_opens_another_or_goes_back() {
        let shelf = vec![shelved("a"), shelved("b"), shelved("c")];
        let mut chooser = Chooser::new(shelf, "b");
        assert_eq!(chooser.selected_row(), 1, "on the checklist open now");
        assert_eq!(chooser.key(PickerAction::Open), Some(Chosen::Back));
        chooser.key(PickerAction::Down);
        chooser.key(PickerAction::Down);
        assert_eq!(chooser.selected_row(), 2, "stays on the last");
        assert_eq!(
            chooser.key(PickerAction::Open),
            Some(Chosen::Open("c".into()))
        );
        chooser.key(PickerAction::Up);
        chooser.key(PickerAction::Up);
        chooser.key(PickerAction::Up);
        assert_eq!(
            chooser.key(PickerAction::Open),
            Some(Chosen::Open("a".into()))
        );
        assert_eq!(chooser.key(PickerAction::Back), Some(Chosen::Back));
        assert_eq!(chooser.key(PickerAction::Quit), Some(Chosen::Quit));
        assert_eq!(chooser.key(PickerAction::New), None, "not a key here");
    }
}
