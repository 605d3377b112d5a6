//! The full-screen lists shown between checklists: the students of a pack done once per
//! student, and the chooser of checklists. Each holds the terminal while it is shown.

use ratatui::crossterm::event::{self, Event};

use super::{Error, TerminalGuard};
use crate::app::{Chooser, Chosen, PickerRequest, RunPicker};
use crate::keymap;
use crate::pack::Pack;
use crate::progress::{StateStore, list_runs, open_or_start_run, rename_run, set_archived};
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
    loop {
        guard
            .terminal
            .draw(|frame| ui::picker::render(frame, picker, text, theme))?;
        let request = match event::read()? {
            Event::Paste(text) if picker.typing() => {
                for c in keymap::pasted(&text, crate::progress::MAX_RUN_NAME).chars() {
                    picker.text(keymap::Edit::Insert(c));
                }
                None
            }
            Event::Key(key) if keymap::is_suspend(&key) => {
                guard.suspend()?;
                None
            }
            Event::Key(key) if picker.typing() => {
                keymap::edit_for_key(key).and_then(|edit| picker.text(edit))
            }
            Event::Key(key) => keymap::list_action(key, keymap::PICKER_BINDINGS)
                .and_then(|action| picker.key(action)),
            _ => None,
        };
        let now = crate::clock::now();
        let done = match request {
            None => continue,
            Some(PickerRequest::Quit) => return Ok(None),
            Some(PickerRequest::Open(key)) => return Ok(Some(key)),
            Some(PickerRequest::Start(name)) => {
                // A name that exists opens that student's checklist, never a second one.
                let student = open_or_start_run(store, pack, &name, None, now)
                    .map_err(|e| Error::Unsaved(e.to_string()))?;
                return Ok(Some(student.key().to_string()));
            }
            Some(PickerRequest::Rename { key, name }) => list_runs(store, pack)
                .into_iter()
                .find(|r| r.key == key)
                .map(|run| rename_run(store, pack, &run, &name, now)),
            Some(PickerRequest::Archive { key, archived }) => {
                let run = list_runs(store, pack).into_iter().find(|r| r.key == key);
                if let Some(run) = &run {
                    let template = if archived {
                        text.picker_archived
                    } else {
                        text.picker_unarchived
                    };
                    picker.said = Some(fill(template, &[("name", &run.run.name)]));
                }
                run.map(|run| set_archived(store, pack, &run, archived, now))
            }
        };
        if let Some(Err(e)) = done {
            return Err(Error::Unsaved(e.to_string()));
        }
        picker.set_runs(list_runs(store, pack));
    }
}

/// The chooser, full screen, until the mentor picks a checklist, goes back or quits.
pub fn choose_checklist(
    chooser: &mut Chooser,
    text: &Text,
    theme: &Theme,
) -> Result<Chosen, Error> {
    let mut guard = TerminalGuard::start(false)?;
    loop {
        guard
            .terminal
            .draw(|frame| ui::chooser::render(frame, chooser, text, theme))?;
        match event::read()? {
            Event::Key(key) if keymap::is_suspend(&key) => guard.suspend()?,
            Event::Key(key) => {
                let action = keymap::list_action(key, keymap::CHOOSER_BINDINGS);
                if let Some(chosen) = action.and_then(|action| chooser.key(action)) {
                    return Ok(chosen);
                }
            }
            _ => {}
        }
    }
}
