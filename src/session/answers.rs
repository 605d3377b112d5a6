//! The answers to a pack's questions, owned by the core like ticks: given, changed or
//! passed over, saved and undone; each change fits the pack again (which steps apply),
//! so that every front end shows the same steps. Never per frame or per key.

use jiff::Timestamp;

use super::{Notice, Outcome, Session, UndoStep};
use crate::pack::{Kind, fit, parse_answer};
use crate::text::EN;

impl Session {
    /// Fits the pack to the answers as they now are, and counts progress on it again.
    /// Returns how many steps came to apply and how many stopped applying.
    pub(super) fn refit(&mut self) -> (usize, usize) {
        let answered = self.tracker.state().answered();
        let fitted = fit(&self.whole, &answered, self.student.as_deref());
        if std::sync::Arc::ptr_eq(&fitted, &self.pack) {
            return (0, 0);
        }
        let (mut shown, mut hidden) = (0, 0);
        for i in 0..fitted.nodes.len() {
            let (was, is) = (self.pack.nodes[i].hidden, fitted.nodes[i].hidden);
            if was != is && fitted.is_leaf(i) && fitted.nodes[i].kind == Kind::Step {
                if is {
                    hidden += 1;
                } else {
                    shown += 1;
                }
            }
        }
        self.pack = fitted;
        self.tracker.recount(&self.pack);
        self.fits += 1;
        (shown, hidden)
    }

    /// The questions never asked on this checklist (neither answered nor passed over),
    /// in the pack's order: what opening it asks.
    pub fn unasked(&self) -> Vec<usize> {
        let answers = &self.tracker.state().answers;
        (0..self.pack.questions.len())
            .filter(|&q| !answers.contains_key(&self.pack.questions[q].id))
            .collect()
    }

    /// The answer given to question `question`, if any.
    pub fn answer_of(&self, question: usize) -> Option<&str> {
        let id = &self.pack.questions[question].id;
        self.tracker.state().answers.get(id)?.value.as_deref()
    }

    /// Answers question `question` with what was typed (`None`: passed over, or the
    /// answer cleared). Steps it rules out are hidden, their ticks kept; steps it rules
    /// in show again. Saved, and taken back by undo.
    pub fn answer(&mut self, question: usize, typed: Option<&str>, now: Timestamp) -> Outcome {
        if let Some(refused) = self.refused() {
            return refused;
        }
        let Some(asked) = self.pack.questions.get(question) else {
            return Outcome::default();
        };
        let value = match typed.map(|typed| parse_answer(asked, typed, &EN)) {
            None => None,
            Some(Ok(value)) => Some(value),
            Some(Err(_)) => {
                return Outcome::say(Notice::AnswerRefused {
                    question,
                    typed: typed.unwrap_or_default().to_string(),
                });
            }
        };
        let id = asked.id.clone();
        let current = self.tracker.state().answers.get(&id);
        if current.is_some_and(|a| a.value == value) {
            return Outcome::default();
        }
        let before = self.tracker.set_answer(&id, value.clone(), now);
        let (shown, hidden) = self.refit();
        let said = match value {
            Some(value) => Notice::Answered {
                question,
                value,
                shown,
                hidden,
            },
            None => Notice::Unanswered { question, shown },
        };
        self.undo.push((0, UndoStep::Answer(id, before, said.clone())));
        self.saved(vec![said])
    }
}
