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
    /// (short label for the footer, sentence for the help overlay).
    pub fn words(self, t: &Text) -> (&'static str, &'static str) {
        match self {
            Action::Up => (t.act_up, t.act_up_help),
            Action::Down => (t.act_down, t.act_down_help),
            Action::Collapse => (t.act_collapse, t.act_collapse_help),
            Action::Expand => (t.act_expand, t.act_expand_help),
            Action::First => (t.act_first, t.act_first_help),
            Action::Last => (t.act_last, t.act_last_help),
            Action::PageUp => (t.act_page_up, t.act_page_up_help),
            Action::PageDown => (t.act_page_down, t.act_page_down_help),
            Action::Toggle => (t.act_toggle, t.act_toggle_help),
            Action::NextTodo => (t.act_next_todo, t.act_next_todo_help),
            Action::Undo => (t.act_undo, t.act_undo_help),
            Action::Skip => (t.act_skip, t.act_skip_help),
            Action::EditNote => (t.act_note, t.act_note_help),
            Action::Search => (t.act_search, t.act_search_help),
            Action::PrevMatch => (t.act_prev_match, t.act_prev_match_help),
            Action::Open => (t.act_open, t.act_open_help),
            Action::OpenLink(_) => (t.act_open_link, t.act_open_link_help),
            Action::Copy => (t.act_copy, t.act_copy_help),
            Action::Runs => (t.act_runs, t.act_runs_help),
            Action::Ask => (t.act_ask, t.act_ask_help),
            Action::Help => (t.act_help, t.act_help_help),
            Action::Quit => (t.act_quit, t.act_quit_help),
            Action::DetailsDown => (t.act_details_down, t.act_details_down_help),
            Action::DetailsUp => (t.act_details_up, t.act_details_up_help),
            Action::Click { .. } | Action::ScrollUp { .. } | Action::ScrollDown { .. } => ("", ""),
        }
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
