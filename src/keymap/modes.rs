//! What a terminal event means, decided once, by the mode the screen is in: the front
//! end says which mode it is in ([`KeyMode`]) and gets back what to do ([`Input`]).
//! A key that asks for text puts the screen in [`KeyMode::Typing`], where every key is
//! text: typed words are never taken for commands.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::{Action, Edit, Key, Keymap, PickerAction, key_of};

/// The modes keys are read in, one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    /// Keys are commands, from the keymap in use. `after_closing`: the last key closed
    /// something (a search, a prompt, a window), so Escape goes back no further and
    /// does not quit (`q` does): it is taken, and the next one goes back again.
    Commands { after_closing: bool },
    /// Keys are text for a search, a reason, a note or a name.
    Typing,
    /// A window read rather than worked in (the help, the completion message): the
    /// keys that scroll scroll, every other closes it and does nothing else.
    Reading,
    /// A list shown between checklists, with its own keys (not rebindable).
    List(&'static [(&'static [Key], PickerAction)]),
    /// The screen is too small to show anything but a word to enlarge it: no key acts
    /// unseen (nor does a paste or the mouse); only quitting and Ctrl-Z do. `typing`:
    /// something was being typed, whose letters stay text ([`unseen_quit_keys`]).
    Hidden { typing: bool },
}

/// What an event asks for in the mode it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Action(Action),
    /// A key typed into a search or a prompt.
    Edit(Edit),
    /// A key in a list between checklists.
    List(PickerAction),
    /// Text pasted in one piece: it is typed, never run as keys.
    Paste(String),
    /// A key with no use in the window being read: it closes it. Escape right after
    /// something closed: it ends that, and does nothing else.
    Dismiss,
    /// Ctrl-Z: the terminal handed back to the shell until `fg`, in every mode.
    Suspend,
}

impl Keymap {
    /// What `event` asks for in `mode`; `mouse` when the mouse is captured.
    pub fn resolve(&self, event: Event, mode: KeyMode, mouse: bool) -> Option<Input> {
        let key = match event {
            Event::Paste(_) if matches!(mode, KeyMode::Hidden { .. }) => return None,
            Event::Paste(text) => return Some(Input::Paste(text)),
            Event::Key(key) if key.kind == KeyEventKind::Release => return None,
            Event::Key(key) => key,
            // A click or the wheel acts where it points; the window open decides what
            // that does (a click closes the help, the wheel scrolls it).
            Event::Mouse(m)
                if mouse && !matches!(mode, KeyMode::List(_) | KeyMode::Hidden { .. }) =>
            {
                return action_for_mouse(m).map(Input::Action);
            }
            _ => return None,
        };
        if is_suspend(&key) {
            return Some(Input::Suspend);
        }
        match mode {
            KeyMode::Typing => edit_for_key(key).map(Input::Edit),
            KeyMode::Reading => Some(match self.action_for_key(key) {
                Some(action) if scrolls(action) => Input::Action(action),
                _ => Input::Dismiss,
            }),
            KeyMode::Commands {
                after_closing: true,
            } if key.code == KeyCode::Esc => Some(Input::Dismiss),
            KeyMode::Commands { .. } => self.action_for_key(key).map(Input::Action),
            KeyMode::List(bindings) => list_action(key, bindings).map(Input::List),
            KeyMode::Hidden { typing } => {
                let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL);
                let quits = |k| self.unseen_quit_keys(typing).contains(&k);
                self.action_for_key(key)
                    .filter(|&action| action == Action::Quit)
                    .filter(|_| ctrl_c || key_of(key.code).is_some_and(quits))
                    .map(Input::Action)
            }
        }
    }

    /// The action a key press asks for among the commands, if any. Ctrl/Alt chords are
    /// ignored, except Ctrl+C which quits like everywhere else.
    pub fn action_for_key(&self, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if event.modifiers.contains(KeyModifiers::CONTROL) {
            return (event.code == KeyCode::Char('c')).then_some(Action::Quit);
        }
        if event.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        let key = key_of(event.code)?;
        if let Key::Char(c @ '1'..='9') = key {
            let n = c.to_digit(10).and_then(|d| u8::try_from(d).ok())?;
            return Some(Action::OpenLink(n));
        }
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
    }
}

impl Keymap {
    /// The keys that quit a screen too small to be seen.
    pub fn unseen_quit_keys(&self, typing: bool) -> Vec<Key> {
        let quit = self.bindings.iter().find(|b| b.action == Action::Quit);
        unseen_quit_keys(quit.map_or(&[], |b| &b.keys), typing)
    }
}

/// Of the keys that quit, those that do on a screen too small to be seen: while
/// something is typed, a letter is text and never quits unseen (losing what was
/// typed), so only the others (Escape), unless there are none.
pub fn unseen_quit_keys(quit: &[Key], typing: bool) -> Vec<Key> {
    let not_text: Vec<Key> = quit
        .iter()
        .copied()
        .filter(|k| !matches!(k, Key::Char(_) | Key::Digit))
        .collect();
    if typing && !not_text.is_empty() {
        not_text
    } else {
        quit.to_vec()
    }
}

/// The action a key press asks for in a list with these `bindings` (Ctrl+C quits).
fn list_action(event: KeyEvent, bindings: &[(&[Key], PickerAction)]) -> Option<PickerAction> {
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        return (event.code == KeyCode::Char('c')).then_some(PickerAction::Quit);
    }
    let key = key_of(event.code)?;
    bindings
        .iter()
        .find(|(keys, _)| keys.contains(&key))
        .map(|(_, action)| *action)
}

/// While something is typed, keys are text: characters go in at the cursor, which
/// Left/Right/Home/End move, Backspace and Delete remove a grapheme, Enter keeps it, Esc
/// (or Ctrl+C) drops it, Up/Down go from match to match.
pub(super) fn edit_for_key(event: KeyEvent) -> Option<Edit> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        return (event.code == KeyCode::Char('c')).then_some(Edit::Cancel);
    }
    match event.code {
        KeyCode::Char(c) if !c.is_control() => Some(Edit::Insert(c)),
        KeyCode::Backspace => Some(Edit::Delete),
        KeyCode::Delete => Some(Edit::DeleteForward),
        KeyCode::Left => Some(Edit::Left),
        KeyCode::Right => Some(Edit::Right),
        KeyCode::Home => Some(Edit::Home),
        KeyCode::End => Some(Edit::End),
        KeyCode::Enter => Some(Edit::Confirm),
        KeyCode::Esc => Some(Edit::Cancel),
        KeyCode::Up => Some(Edit::Previous),
        KeyCode::Down => Some(Edit::Next),
        _ => None,
    }
}

/// Whether `action` moves through what a window shows (the help scrolls with these).
fn scrolls(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. }
    )
}

/// Ctrl-Z: hand the terminal back to the shell until `fg`, as every terminal program does.
fn is_suspend(event: &KeyEvent) -> bool {
    event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char('z')
}

/// The action a mouse event asks for, if any.
fn action_for_mouse(event: MouseEvent) -> Option<Action> {
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: event.column,
            row: event.row,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp {
            column: event.column,
            row: event.row,
        }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown {
            column: event.column,
            row: event.row,
        }),
        _ => None,
    }
}
