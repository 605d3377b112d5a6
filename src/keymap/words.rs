//! How keys and actions are written in the footer and the help overlay, from the
//! catalogue: the hints come from the keymap in force, worded in the user's language.

use super::{Action, Edit, Key};
use crate::text::Text;

impl Key {
    /// How a key is written in the footer and the help overlay.
    pub fn name(self, t: &Text) -> String {
        match self {
            Key::Char(' ') => t.key_space.into(),
            Key::Char(c) => c.to_string(),
            Key::Digit => t.key_digits.into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Home => t.key_home.into(),
            Key::End => t.key_end.into(),
            Key::PageUp => t.key_page_up.into(),
            Key::PageDown => t.key_page_down.into(),
            Key::Enter => t.key_enter.into(),
            Key::Esc => t.key_esc.into(),
        }
    }
}

impl Action {
    /// (short label for the footer, sentence for the help overlay): the catalogue's
    /// `act_<name>` and `act_<name>_help`, by the action's one name.
    pub fn words(self, t: &Text) -> (&'static str, &'static str) {
        let name = match (self, self.name()) {
            (_, Some(name)) => name.replace('-', "_"),
            (Action::OpenLink(_), None) => "open_link".into(),
            // The mouse has no words: it is where it points.
            _ => return ("", ""),
        };
        let label = format!("act_{name}");
        let help = format!("act_{name}_help");
        (
            t.message(&label).unwrap_or_default(),
            t.message(&help).unwrap_or_default(),
        )
    }
}

impl Edit {
    /// The footer's label while something is typed.
    pub fn label(self, t: &Text) -> &'static str {
        match self {
            Edit::Confirm => t.act_confirm,
            Edit::Cancel => t.act_cancel,
            Edit::Insert(_)
            | Edit::Delete
            | Edit::DeleteForward
            | Edit::Left
            | Edit::Right
            | Edit::Home
            | Edit::End
            | Edit::Previous
            | Edit::Next => "",
        }
    }
}
