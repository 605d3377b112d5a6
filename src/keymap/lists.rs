//! The keys of the full-screen lists shown before a checklist: the students of a pack
//! done once per student, and the chooser of checklists. Not rebindable: each list is a
//! short stop, and its footer shows every key.

use super::Key;

/// What a key does in the run picker (the list of a repeatable pack's runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerAction {
    Up,
    Down,
    Open,
    New,
    Rename,
    Archive,
    /// Takes back the last archiving (or bringing back).
    Undo,
    ShowArchived,
    /// Back where the list was opened from (the chooser's Escape).
    Back,
    Quit,
}

/// The run picker's keys, in the order its footer lists them (not rebindable: the
/// picker is a short stop before the checklist, and its footer lists every key).
pub const PICKER_BINDINGS: &[(&[Key], PickerAction)] = &[
    (&[Key::Up, Key::Char('k')], PickerAction::Up),
    (&[Key::Down, Key::Char('j')], PickerAction::Down),
    (&[Key::Enter, Key::Char(' ')], PickerAction::Open),
    (&[Key::Char('n')], PickerAction::New),
    (&[Key::Char('r')], PickerAction::Rename),
    (&[Key::Char('a')], PickerAction::Archive),
    (&[Key::Char('u')], PickerAction::Undo),
    (&[Key::Char('A')], PickerAction::ShowArchived),
    (&[Key::Char('q'), Key::Esc], PickerAction::Quit),
];

/// The chooser's keys (the list of checklists): Escape goes back to the checklist it
/// was opened from, `q` quits.
pub const CHOOSER_BINDINGS: &[(&[Key], PickerAction)] = &[
    (&[Key::Up, Key::Char('k')], PickerAction::Up),
    (&[Key::Down, Key::Char('j')], PickerAction::Down),
    (&[Key::Enter, Key::Char(' ')], PickerAction::Open),
    (&[Key::Esc], PickerAction::Back),
    (&[Key::Char('q')], PickerAction::Quit),
];
