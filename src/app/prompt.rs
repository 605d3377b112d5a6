//! A line typed on the status line for the selected node: why it does not apply (`s`),
//! or the mentor's own note (`e`), edited with a cursor ([`Line`]). Enter keeps it, Esc
//! drops it.

use jiff::Timestamp;

use super::line::Line;
use super::{App, Mode};
use crate::keymap::Edit;
use crate::pack::MAX_TEXT_CHARS;
use crate::session::{Effect, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Why the node does not apply: `replaces` ticks go if it is kept; `again` when it
    /// is skipped already (a new reason, or none to take the skip back).
    Skip {
        replaces: usize,
        again: bool,
    },
    Note,
    /// `s` on a reference card: nothing to skip, but the prompt opens all the same so
    /// that the words typed next stay text; it keeps nothing.
    NothingToSkip,
    /// One of the pack's questions (an index): Enter keeps the answer (none: passed
    /// over), Escape asks no more for now.
    Answer(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub node: usize,
    pub line: Line,
}

impl App {
    /// Pasted text is text, never commands: typed into the prompt or search being
    /// written, and otherwise refused with a word on the status line.
    pub fn paste(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        if !self.typing() {
            self.notify(Severity::Info, self.text.paste_ignored.into());
            return Vec::new();
        }
        let mut effects = Vec::new();
        for c in crate::keymap::pasted(text, MAX_TEXT_CHARS).chars() {
            effects.extend(self.edit(Edit::Insert(c), now));
        }
        effects
    }

    /// `e`: the mentor's note on the selected node, to write or change.
    pub(super) fn edit_note(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        let pack = &self.session.pack;
        let note = self
            .session
            .tracker()
            .state()
            .notes
            .get(&pack.nodes[node].id);
        // One line to edit: line breaks (from `ticklist note`) become spaces.
        let text = note.map(|n| n.replace('\n', " ")).unwrap_or_default();
        self.ask(PromptKind::Note, node, text);
    }

    /// Asks `questions` one after another, each with its answer so far to keep or
    /// change.
    pub fn ask_questions(&mut self, mut questions: Vec<usize>) {
        if questions.is_empty() || self.session.read_only_reason().is_some() {
            return;
        }
        let question = questions.remove(0);
        self.questions = questions;
        let answer = self
            .session
            .answer_of(question)
            .unwrap_or_default()
            .to_string();
        let node = self.tree.selected().unwrap_or(0);
        self.ask(PromptKind::Answer(question), node, answer);
    }

    /// `a`: the questions the selected step depends on first, then the others.
    pub(super) fn answer_questions(&mut self) {
        if let Some(reason) = self.session.read_only_reason() {
            let said = crate::session::Notice::ReadOnly(reason.clone());
            let words = said.words(&self.session.pack, self.text);
            self.notify(said.severity(), words);
            return;
        }
        let pack = &self.session.pack;
        let first = self
            .tree
            .selected()
            .map(|node| pack.questions_of(node))
            .unwrap_or_default();
        let mut questions: Vec<usize> = Vec::new();
        for q in first.into_iter().chain(0..pack.questions.len()) {
            if !questions.contains(&q) {
                questions.push(q);
            }
        }
        self.ask_questions(questions);
    }

    /// The answer typed to `question`: kept, or, when it is none, asked again with
    /// what was typed; then the next question.
    fn answered(
        &mut self,
        question: usize,
        node: usize,
        text: String,
        now: Timestamp,
    ) -> Vec<Effect> {
        let typed = (!text.trim().is_empty()).then_some(text.as_str());
        let outcome = self.session.answer(question, typed, now);
        let refused = outcome
            .notices
            .iter()
            .any(|n| matches!(n, crate::session::Notice::AnswerRefused { .. }));
        let effects = self.show(outcome);
        if refused {
            let said = self.status.take().map(|status| status.text);
            self.ask(PromptKind::Answer(question), node, text);
            self.refused = said;
        } else {
            let rest = std::mem::take(&mut self.questions);
            self.ask_questions(rest);
        }
        effects
    }

    pub(super) fn ask(&mut self, kind: PromptKind, node: usize, text: String) {
        self.refused = None;
        let line = Line::new(text);
        self.mode = Mode::Typing(Prompt { kind, node, line });
        self.status = None;
    }

    pub(super) fn edit_prompt(&mut self, edit: Edit, now: Timestamp) -> Vec<Effect> {
        let Mode::Typing(prompt) = &mut self.mode else {
            return Vec::new();
        };
        match edit {
            Edit::Confirm => {
                let (kind, node, text) = (prompt.kind, prompt.node, prompt.line.text.clone());
                self.mode = Mode::Browsing;
                let outcome = match kind {
                    PromptKind::Skip { .. } => self.session.skip(node, &text, now),
                    PromptKind::Note => self.session.note(node, &text, false),
                    PromptKind::NothingToSkip => return Vec::new(),
                    PromptKind::Answer(question) => {
                        return self.answered(question, node, text, now);
                    }
                };
                return self.show(outcome);
            }
            Edit::Cancel => {
                self.mode = Mode::Browsing;
                self.questions.clear();
            }
            edit => {
                prompt.line.apply(edit, MAX_TEXT_CHARS);
            }
        }
        Vec::new()
    }
}
