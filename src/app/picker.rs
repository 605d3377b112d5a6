//! The run picker: a repeatable pack (the first-session guide) is done once per student,
//! so before the checklist the mentor picks a student's run, starts one, renames or
//! archives one. Pure like the app: keys in, a [`PickerRequest`] out for `tui` to carry out.

use crate::keymap::{Edit, KeyMode, PickerAction};
use crate::progress::RunSummary;

/// What the mentor asked the picker for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerRequest {
    Open(String),
    Start(String),
    Rename {
        key: String,
        name: String,
    },
    Archive {
        key: String,
        archived: bool,
    },
    /// Take back the last archiving (or bringing back).
    Undo,
    Quit,
}

/// A name being typed: for a new run, or a new name for the run with this key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    New,
    Rename(String),
}

#[derive(Debug, Clone)]
pub struct RunPicker {
    pub title: String,
    runs: Vec<RunSummary>,
    pub show_archived: bool,
    selected: usize,
    /// While a name is typed: for what, and the text so far.
    pub naming: Option<(Naming, super::Line)>,
    /// Whether `u` has an archiving to take back (the core keeps them).
    pub can_undo: bool,
    /// What the last archiving did, said on the prompt line.
    pub said: Option<String>,
}

impl RunPicker {
    pub fn new(title: &str, runs: Vec<RunSummary>) -> Self {
        RunPicker {
            title: title.into(),
            runs,
            show_archived: false,
            selected: 0,
            naming: None,
            can_undo: false,
            said: None,
        }
    }

    /// The runs after a change on disk; the selection stays on the same run if it can.
    pub fn set_runs(&mut self, runs: Vec<RunSummary>) {
        let key = self.selected().map(|r| r.key.clone());
        self.runs = runs;
        self.selected = key
            .and_then(|k| self.visible().iter().position(|r| r.key == k))
            .unwrap_or(0);
    }

    /// The runs listed: archived ones only when asked for.
    pub fn visible(&self) -> Vec<&RunSummary> {
        self.runs
            .iter()
            .filter(|r| self.show_archived || !r.run.archived)
            .collect()
    }

    pub fn selected_row(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&RunSummary> {
        self.visible().get(self.selected).copied()
    }

    pub fn typing(&self) -> bool {
        self.naming.is_some()
    }

    /// What keys mean now: a name's letters while one is typed, else the list's keys.
    pub fn key_mode(&self) -> KeyMode {
        if self.typing() {
            KeyMode::Typing
        } else {
            KeyMode::List(crate::keymap::PICKER_BINDINGS)
        }
    }

    /// Whether `action` does something now: the footer offers only these.
    pub fn applies(&self, action: PickerAction) -> bool {
        match action {
            PickerAction::Rename
            | PickerAction::Archive
            | PickerAction::Up
            | PickerAction::Down => self.selected().is_some(),
            PickerAction::Undo => self.can_undo,
            PickerAction::ShowArchived => self.runs.iter().any(|r| r.run.archived),
            PickerAction::Open | PickerAction::New | PickerAction::Quit => true,
            PickerAction::Back => false,
        }
    }

    /// A key outside of name typing.
    pub fn key(&mut self, action: PickerAction) -> Option<PickerRequest> {
        self.said = None;
        let count = self.visible().len();
        match action {
            PickerAction::Up => self.selected = self.selected.saturating_sub(1),
            PickerAction::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            PickerAction::Open => match self.selected() {
                Some(run) => return Some(PickerRequest::Open(run.key.clone())),
                None => self.naming = Some((Naming::New, super::Line::default())),
            },
            PickerAction::New => self.naming = Some((Naming::New, super::Line::default())),
            PickerAction::Rename => {
                if let Some(run) = self.selected() {
                    self.naming = Some((
                        Naming::Rename(run.key.clone()),
                        super::Line::new(run.run.name.clone()),
                    ));
                }
            }
            PickerAction::Archive => {
                if let Some(run) = self.selected() {
                    let (key, archived) = (run.key.clone(), !run.run.archived);
                    return Some(PickerRequest::Archive { key, archived });
                }
            }
            PickerAction::Undo if self.can_undo => return Some(PickerRequest::Undo),
            PickerAction::Undo => {}
            PickerAction::ShowArchived => {
                self.show_archived = !self.show_archived;
                self.selected = self.selected.min(self.visible().len().saturating_sub(1));
            }
            PickerAction::Quit | PickerAction::Back => return Some(PickerRequest::Quit),
        }
        None
    }

    /// A key while a name is typed: Enter confirms (an empty name does nothing), Esc
    /// gives up.
    pub fn text(&mut self, edit: Edit) -> Option<PickerRequest> {
        let (naming, name) = self.naming.as_mut()?;
        match edit {
            Edit::Confirm => {
                let name = name.text.trim().to_string();
                let naming = naming.clone();
                self.naming = None;
                if name.is_empty() {
                    return None;
                }
                return Some(match naming {
                    Naming::New => PickerRequest::Start(name),
                    Naming::Rename(key) => PickerRequest::Rename { key, name },
                });
            }
            Edit::Cancel => self.naming = None,
            Edit::Previous | Edit::Next => {}
            edit => {
                name.apply(edit, crate::progress::MAX_RUN_NAME);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Run;

    fn run(key: &str, archived: bool) -> RunSummary {
        RunSummary {
            key: key.into(),
            run: Run {
                name: key.to_uppercase(),
                created: jiff::Timestamp::UNIX_EPOCH,
                archived,
            },
            start: None,
            done: 0,
            total: 51,
        }
    }

    fn type_name(picker: &mut RunPicker, name: &str) -> Option<PickerRequest> {
        for c in name.chars() {
            picker.text(Edit::Insert(c));
        }
        picker.text(Edit::Confirm)
    }

    #[test]
    fn an_empty_picker_asks_for_a_name_and_starts_a_run() {
        let mut picker = RunPicker::new("First session", Vec::new());
        assert_eq!(picker.key(PickerAction::Open), None);
        assert!(picker.typing());
        assert_eq!(
            type_name(&mut picker, "  Alice "),
            Some(PickerRequest::Start("Alice".into()))
        );
        assert!(!picker.typing());
    }

    #[test]
    fn runs_are_opened_renamed_and_archived_and_archived_ones_hidden() {
        let mut picker = RunPicker::new(
            "t",
            vec![run("alice", false), run("bob", false), run("old", true)],
        );
        assert_eq!(picker.visible().len(), 2);
        picker.key(PickerAction::Down);
        picker.key(PickerAction::Down);
        assert_eq!(
            picker.key(PickerAction::Open),
            Some(PickerRequest::Open("bob".into()))
        );
        picker.key(PickerAction::Rename);
        assert_eq!(
            picker.naming.as_ref().unwrap().1.text,
            "BOB",
            "the old name to edit"
        );
        for _ in 0..3 {
            picker.text(Edit::Delete);
        }
        assert_eq!(
            type_name(&mut picker, "Robert"),
            Some(PickerRequest::Rename {
                key: "bob".into(),
                name: "Robert".into()
            })
        );
        assert_eq!(
            picker.key(PickerAction::Archive),
            Some(PickerRequest::Archive {
                key: "bob".into(),
                archived: true
            })
        );
        picker.key(PickerAction::ShowArchived);
        assert_eq!(picker.visible().len(), 3);
        picker.key(PickerAction::New);
        picker.text(Edit::Insert('x'));
        assert_eq!(picker.text(Edit::Cancel), None);
        assert!(!picker.typing(), "Esc gives up the name");
        assert_eq!(picker.key(PickerAction::Quit), Some(PickerRequest::Quit));
    }
}
