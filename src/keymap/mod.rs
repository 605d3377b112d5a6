//! Keys become actions here, and nowhere else. The footer hints and the help overlay
//! are generated from the [`Keymap`] in use, so they cannot drift from what the keys do,
//! even after a user rebinds keys in a keymap file ([`file`]).

mod file;
mod lists;
mod modes;
mod words;

pub use file::{KEYMAP_FILE, KeymapError};
pub use lists::{CHOOSER_BINDINGS, PICKER_BINDINGS, PickerAction};
pub use modes::{Input, KeyMode, unseen_quit_keys};

use ratatui::crossterm::event::KeyCode;

/// Something the user asked for, independent of how they asked. Its one name (serde's,
/// in kebab case) is what `keys.yaml` binds and what picks its words from the catalogue
/// (`act_<name>`, `act_<name>_help`): a new action is a variant, a row of [`DEFAULTS`]
/// and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Up,
    Down,
    /// Collapse the selected node, or go to its parent.
    Collapse,
    /// Expand the selected node, or go to its first child.
    Expand,
    First,
    Last,
    PageUp,
    PageDown,
    Toggle,
    /// Jump to the next step not yet ticked.
    NextTodo,
    /// Take back the last tick or untick.
    Undo,
    /// Mark the selected steps not applicable (asks why), or take the mark back.
    Skip,
    /// Write or change the mentor's own note on the selected node.
    #[serde(rename = "note")]
    EditNote,
    /// Start typing a search (or change the current one).
    Search,
    /// The previous search match (`n`, [`Action::NextTodo`], goes to the next one).
    #[serde(rename = "previous-match")]
    PrevMatch,
    Open,
    /// Open link number N (1-based) of the selected node (the digits: not rebound).
    #[serde(skip)]
    OpenLink(u8),
    Copy,
    /// Back to the list of runs (a pack done once per student).
    Runs,
    /// Every checklist within reach (the guides too), to open another.
    Packs,
    /// Write to the pack's contact (the mentorship manager) about the selected step.
    Ask,
    /// Answer the pack's questions (those the selected step depends on first).
    Answer,
    Help,
    Quit,
    /// A left click at a screen cell.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel, at a screen cell: it scrolls what is under it.
    #[serde(skip)]
    ScrollUp {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    ScrollDown {
        column: u16,
        row: u16,
    },
    /// Scroll the details pane (a long step, a long link).
    DetailsDown,
    DetailsUp,
}

impl Action {
    /// Its name, for the actions a keymap file can bind (not the digits or the mouse).
    pub fn name(self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => Some(name),
            _ => None,
        }
    }

    /// The action a keymap file names.
    pub fn from_name(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer as _;
        let name: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        serde::Deserialize::deserialize(name).ok()
    }

    /// Every action a keymap file can bind, in the order the help lists them.
    pub fn named() -> impl Iterator<Item = (String, Action)> {
        DEFAULTS
            .iter()
            .filter_map(|&(_, action, _)| Some((action.name()?, action)))
    }
}

/// A key typed into a search, a reason or a note: text, not commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Backspace: takes off the grapheme before the cursor.
    Delete,
    /// Delete: takes off the grapheme under the cursor.
    DeleteForward,
    Left,
    Right,
    Home,
    End,
    /// Keeps what was typed.
    Confirm,
    /// Drops what was typed.
    Cancel,
    /// In a search: the previous match.
    Previous,
    /// In a search: the next match.
    Next,
}

/// The keys of typing, in the order the footer shows them while something is typed
/// (fixed: they are the keys of every text field).
pub const EDIT_BINDINGS: &[(Key, Edit)] = &[(Key::Enter, Edit::Confirm), (Key::Esc, Edit::Cancel)];

/// A key as the user presses it, and as the help shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Any of 1 to 9.
    Digit,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Enter,
    Esc,
}

/// One line of the keymap: the keys, what they do, and whether the footer shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub in_footer: bool,
}

impl Binding {
    /// Whether the help overlay gives this binding a line of its own: `N` is described
    /// on the search line, `K` on `J`'s, page down on page up's, the digits on `o`'s, so
    /// that the help still fits 80×24.
    pub fn in_help(&self) -> bool {
        !matches!(
            self.action,
            Action::PrevMatch | Action::DetailsUp | Action::PageDown | Action::OpenLink(_)
        )
    }
}

type DefaultBinding = (&'static [Key], Action, bool);

const fn bind(keys: &'static [Key], action: Action, in_footer: bool) -> DefaultBinding {
    (keys, action, in_footer)
}

/// The default key bindings, in the order the help lists them. Every key is typed
/// without AltGr on QWERTY and AZERTY layouts alike, and without Ctrl or Alt.
const DEFAULTS: &[DefaultBinding] = &[
    bind(&[Key::Up, Key::Char('k')], Action::Up, false),
    bind(&[Key::Down, Key::Char('j')], Action::Down, false),
    bind(&[Key::Left, Key::Char('h')], Action::Collapse, false),
    bind(&[Key::Right, Key::Char('l')], Action::Expand, false),
    bind(&[Key::Home, Key::Char('g')], Action::First, false),
    bind(&[Key::End, Key::Char('G')], Action::Last, false),
    bind(&[Key::PageUp], Action::PageUp, false),
    bind(&[Key::PageDown], Action::PageDown, false),
    bind(&[Key::Char('J')], Action::DetailsDown, false),
    bind(&[Key::Char('K')], Action::DetailsUp, false),
    bind(&[Key::Char(' '), Key::Enter], Action::Toggle, true),
    bind(&[Key::Char('n')], Action::NextTodo, true),
    bind(&[Key::Char('u')], Action::Undo, true),
    bind(&[Key::Char('s'), Key::Char('-')], Action::Skip, true),
    bind(&[Key::Char('e')], Action::EditNote, true),
    bind(&[Key::Char('/')], Action::Search, true),
    bind(&[Key::Char('N')], Action::PrevMatch, false),
    bind(&[Key::Char('o')], Action::Open, true),
    bind(&[Key::Digit], Action::OpenLink(1), false),
    bind(&[Key::Char('y')], Action::Copy, true),
    bind(&[Key::Char('r')], Action::Runs, true),
    bind(&[Key::Char('c')], Action::Packs, true),
    bind(&[Key::Char('m')], Action::Ask, true),
    bind(&[Key::Char('a')], Action::Answer, false),
    bind(&[Key::Char('?')], Action::Help, true),
    bind(&[Key::Char('q'), Key::Esc], Action::Quit, true),
];

fn key_of(code: KeyCode) -> Option<Key> {
    Some(match code {
        KeyCode::Char(c @ '1'..='9') => return Some(Key::Char(c)),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        _ => return None,
    })
}

/// The keys in use: the defaults, or the defaults with a user's keymap file applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|&(keys, action, in_footer)| Binding {
                    keys: keys.to_vec(),
                    action,
                    in_footer,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Every binding, in the order the help lists them.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys bound to `action`, as the footer writes them ("y", "Space/Enter").
    pub fn keys_for(&self, action: Action, t: &crate::text::Text) -> Option<String> {
        let binding = self.bindings.iter().find(|b| b.action == action)?;
        let names: Vec<String> = binding.keys.iter().map(|&k| k.name(t)).collect();
        Some(names.join("/"))
    }

    /// The bindings shown in the footer.
    pub fn footer(&self) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(|b| b.in_footer)
    }
}

/// Pasted text as it may be typed into a prompt: line breaks and tabs become spaces
/// (a paste never submits anything), other control characters are dropped, and no more
/// than `max` characters (what the field can hold) are taken.
pub fn pasted(text: &str, max: usize) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests;
