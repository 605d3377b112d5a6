//! A line typed on the status line for the selected node: why it does not apply (`s`),
//! or the mentor's own note (`e`). Enter keeps it, Esc drops it.

use jiff::Timestamp;
use unicode_segmentation::UnicodeSegmentation;

use super::{App, Effect, Severity, UndoStep};
use crate::keymap::Action;
use crate::pack::MAX_TEXT_CHARS;
use crate::progress::LeafState;
use crate::safe_text::printable;

/// Backspace: takes off the last grapheme, a letter with its accents or a whole emoji.
pub(super) fn pop_grapheme(text: &mut String) {
    if let Some((at, _)) = text.grapheme_indices(true).next_back() {
        text.truncate(at);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Skip,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub node: usize,
    pub text: String,
}

impl App {
    /// Pasted text is text, never commands: typed into the prompt or search being
    /// written, and otherwise refused with a word on the status line.
    pub fn paste(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        if !self.typing() || self.overlay.is_some() {
            self.notify(Severity::Info, self.text.paste_ignored.into());
            return Vec::new();
        }
        let mut effects = Vec::new();
        for c in crate::keymap::pasted(text).chars() {
            effects.extend(self.update(Action::Type(c), now));
        }
        effects
    }

    /// `s`: asks why the selected steps do not apply; on steps already skipped (and no
    /// step to do), takes the skip back at once.
    pub(super) fn skip_selected(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(node) = self.tree.selected() else {
            return Vec::new();
        };
        if self.tracker.counts(node).1 == 0 {
            self.notify(Severity::Info, self.text.not_tickable.into());
            return Vec::new();
        }
        let any_todo = self
            .pack
            .leaves(node)
            .any(|l| self.tracker.leaf_state(&self.pack, l) == LeafState::Todo);
        if any_todo {
            self.ask(PromptKind::Skip, node, String::new());
            return Vec::new();
        }
        self.apply_skip(node, "", now)
    }

    /// `e`: the mentor's note on the selected node, to write or change.
    pub(super) fn edit_note(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        let note = self.tracker.state().notes.get(&self.pack.nodes[node].id);
        // One line to edit: line breaks (from `ticklist note`) become spaces.
        let text = note.map(|n| n.replace('\n', " ")).unwrap_or_default();
        self.ask(PromptKind::Note, node, text);
    }

    fn ask(&mut self, kind: PromptKind, node: usize, text: String) {
        self.prompt = Some(Prompt { kind, node, text });
        self.status = None;
    }

    pub(super) fn update_prompt(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        let Some(prompt) = &mut self.prompt else {
            return Vec::new();
        };
        match action {
            Action::Type(c) if prompt.text.chars().count() < MAX_TEXT_CHARS => prompt.text.push(c),
            Action::Backspace => {
                pop_grapheme(&mut prompt.text);
            }
            Action::Toggle => {
                let Prompt { kind, node, text } = prompt.clone();
                self.prompt = None;
                return match kind {
                    PromptKind::Skip => self.apply_skip(node, &text, now),
                    PromptKind::Note => self.apply_note(node, &text),
                };
            }
            Action::Quit => self.prompt = None,
            _ => {}
        }
        Vec::new()
    }

    fn apply_skip(&mut self, node: usize, reason: &str, now: Timestamp) -> Vec<Effect> {
        let was_complete = self.tracker.is_complete(&self.pack);
        if !self.tracker.skip(&self.pack, node, reason, now) {
            return Vec::new();
        }
        let before = self.tracker.take_undo();
        self.push_undo(node, UndoStep::Leaves(before));
        if !was_complete && self.tracker.is_complete(&self.pack) {
            self.overlay = Some(super::Overlay::Completion);
        }
        vec![self.save()]
    }

    fn apply_note(&mut self, node: usize, text: &str) -> Vec<Effect> {
        let text = printable(text.trim(), false).into_owned();
        let note = (!text.is_empty()).then_some(text);
        let current = self.tracker.state().notes.get(&self.pack.nodes[node].id);
        if current == note.as_ref() {
            return Vec::new();
        }
        let before = self.tracker.set_note(&self.pack, node, note);
        self.push_undo(node, UndoStep::Note(before));
        vec![self.save()]
    }
}

#[cfg(test)]
mod tests {
    use super::pop_grapheme;

    #[test]
    fn backspace_takes_a_whole_grapheme() {
        let mut text = String::from("Re\u{301}sume\u{301} 👩‍💻🇫🇷");
        for left in [
            "Re\u{301}sume\u{301} 👩‍💻",
            "Re\u{301}sume\u{301} ",
            "Re\u{301}sume\u{301}",
            "Re\u{301}sum",
        ] {
            pop_grapheme(&mut text);
            assert_eq!(text, left);
        }
        let mut empty = String::new();
        pop_grapheme(&mut empty);
        assert_eq!(empty, "");
    }
}
