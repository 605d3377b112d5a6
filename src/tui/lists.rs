//! The full-screen lists shown between checklists: the students of a pack done once per
//! student, and the chooser of checklists. Each holds the terminal while it is shown.

use super::{Error, TerminalGuard};
use crate::app::{Chooser, Chosen, PickerRequest, RunPicker};
use crate::keymap::{self, Action, Input, KeyMode, Keymap, PickerAction};
use crate::pack::Pack;
use crate::progress::StateStore;
use crate::session::{StudentError, Students};
use crate::text::{Text, fill};
use crate::ui::{self, Theme};

/// The run picker, full screen, until the mentor opens or starts a run (its key is
/// returned) or quits (`None`). Renaming and archiving are written at once.
pub fn pick_run(
    picker: &mut RunPicker,
    store: &StateStore,
    pack: &Pack,
    text: &Text,
    theme: &Theme,
) -> Result<Option<String>, Error> {
    let mut guard = TerminalGuard::start(false)?;
    // The lists' keys are fixed; the keymap resolves them in their mode.
    let keys = Keymap::default();
    let mut students = Students::new(store, pack);
    if let Err(e) = students.writable() {
        picker.said = Some(e.words(text));
    }
    loop {
        let drawn = guard.draw(|frame| ui::picker::render(frame, picker, text, theme))?;
        if guard.listen_for_resizes(drawn)? {
            continue;
        }
        super::watch_signals();
        // Nothing acts unseen on a screen too small to show the list.
        let mode = if ui::picker::list_fits(drawn) {
            picker.key_mode()
        } else {
            KeyMode::Hidden {
                typing: picker.typing(),
            }
        };
        let request = match keys.resolve(guard.read()?, mode, false) {
            Some(Input::Paste(text)) => {
                for c in keymap::pasted(&text, crate::progress::MAX_RUN_NAME).chars() {
                    picker.text(keymap::Edit::Insert(c));
                }
                None
            }
            Some(Input::Suspend) => {
                guard.suspend()?;
                None
            }
            Some(Input::Edit(edit)) => picker.text(edit),
            Some(Input::List(action)) => picker.key(action),
            Some(Input::Action(Action::Quit)) => Some(PickerRequest::Quit),
            Some(Input::Action(_) | Input::Dismiss) | None => None,
        };
        let now = crate::clock::now();
        // What was done, to say; a name refused or a folder that cannot be written is
        // said too, and the list stays.
        let done: Result<Option<(String, bool)>, StudentError> = match request {
            None => continue,
            Some(PickerRequest::Quit) => return Ok(None),
            Some(PickerRequest::Open(key)) => return Ok(Some(key)),
            // A name that exists opens that student's checklist, never a second one.
            Some(PickerRequest::Start(name)) => match students.open_or_start(&name, None, now) {
                Ok(student) => return Ok(Some(student.key().to_string())),
                Err(e) => Err(e),
            },
            Some(PickerRequest::Rename { key, name }) => {
                students.rename(&key, &name, now).map(|_| None)
            }
            Some(PickerRequest::Archive { key, archived }) => students
                .archive(&key, archived, now)
                .map(|name| name.map(|name| (name, archived)))
                .map_err(StudentError::from),
            Some(PickerRequest::Undo) => students.undo(now).map_err(StudentError::from),
        };
        match done {
            Ok(Some((name, archived))) => {
                let template = if archived {
                    text.picker_archived
                } else {
                    text.picker_unarchived
                };
                picker.said = Some(fill(template, &[("name", &name)]));
            }
            Ok(None) => {}
            Err(e) => picker.said = Some(e.words(text)),
        }
        picker.set_runs(students.list());
        picker.can_undo = students.can_undo();
    }
}

/// The chooser, full screen, until the mentor picks a checklist, goes back or quits.
pub fn choose_checklist(
    chooser: &mut Chooser,
    text: &Text,
    theme: &Theme,
) -> Result<Chosen, Error> {
    let mut guard = TerminalGuard::start(false)?;
    // The lists' keys are fixed; the keymap resolves them in their mode.
    let keys = Keymap::default();
    loop {
        let drawn = guard.draw(|frame| ui::chooser::render(frame, chooser, text, theme))?;
        if guard.listen_for_resizes(drawn)? {
            continue;
        }
        super::watch_signals();
        let mode = if ui::picker::list_fits(drawn) {
            KeyMode::List(keymap::CHOOSER_BINDINGS)
        } else {
            KeyMode::Hidden { typing: false }
        };
        match keys.resolve(guard.read()?, mode, false) {
            Some(Input::Suspend) => guard.suspend()?,
            Some(Input::Action(Action::Quit)) => {
                if let Some(chosen) = chooser.key(PickerAction::Quit) {
                    return Ok(chosen);
                }
            }
            Some(Input::List(action)) => {
                if let Some(chosen) = chooser.key(action) {
                    return Ok(chosen);
                }
            }
            _ => {}
        }
    }
}
