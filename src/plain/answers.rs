//! Plain mode's questions: `a` alone lists them with the answers given, `a N ANSWER`
//! answers one through the core, as the full-screen UI and `ticklist answer` do.

use jiff::Timestamp;

use super::commands::{Verb, letters};
use super::{Plain, Reply};
use crate::pack::{Pack, answer_words, takes};
use crate::text::fill;

impl Plain {
    /// Each question, numbered, with the answer given and what it takes; then how to
    /// answer.
    pub(super) fn questions(&self) -> Vec<String> {
        let (pack, t) = (&self.session.pack, self.text);
        if pack.questions.is_empty() {
            return vec![t.answers_none.into()];
        }
        let mut lines = vec![format!("{}:", t.answers_title)];
        for (i, question) in pack.questions.iter().enumerate() {
            let answer = self.session.answer_of(i).map_or_else(
                || t.answer_not_given.to_string(),
                |v| answer_words(question, v, t),
            );
            let takes = takes(question, t);
            let n = (i + 1).to_string();
            let values = [
                ("n", n.as_str()),
                ("question", &question.text),
                ("answer", &answer),
                ("takes", &takes),
            ];
            lines.push(fill(t.answers_item, &values));
        }
        let keys = letters(Verb::Answer, &self.keymap)
            .into_iter()
            .next()
            .unwrap_or_default();
        lines.push(fill(t.plain_answers_hint, &[("keys", &keys)]));
        lines
    }

    /// `a N ANSWER`: question N (or its id) answered; `a N` alone takes the answer back.
    pub(super) fn answer(&mut self, rest: &str, now: Timestamp) -> Reply {
        if rest.is_empty() {
            return Reply::say(self.questions());
        }
        let (which, typed) = rest.split_once(' ').unwrap_or((rest, ""));
        let pack = &self.session.pack;
        let question = match which.parse::<usize>() {
            Ok(n) => n.checked_sub(1).filter(|&q| q < pack.questions.len()),
            Err(_) => pack.question(which),
        };
        let Some(question) = question else {
            return Reply::say(self.questions());
        };
        let typed = typed.trim();
        let outcome = self
            .session
            .answer(question, (!typed.is_empty()).then_some(typed), now);
        self.changed(outcome)
    }

    /// After answers changed which steps apply (an answer, its undo, another window's):
    /// the lists `g N` counts in, the search (its matches may be gone), and the current
    /// line if it no longer applies: the next step or card that does, never a heading
    /// (where a tick would tick it all). Returns whether the current line moved.
    pub(super) fn follow_fits(&mut self) -> bool {
        if self.session.fits() == self.fits_seen {
            return false;
        }
        self.fits_seen = self.session.fits();
        self.index = None;
        self.search = None;
        let pack = &self.session.pack;
        (self.steps, self.cards) = steps_and_cards(pack);
        if !pack.nodes[self.current].hidden {
            return false;
        }
        let leaf = |i: &usize| pack.is_leaf(*i) && !pack.nodes[*i].hidden;
        self.current = (self.current..pack.nodes.len())
            .find(leaf)
            .or_else(|| (0..pack.nodes.len()).find(leaf))
            .unwrap_or(0);
        true
    }
}

/// The steps to tick and the reference cards that apply, in order: what `g N` counts.
pub(super) fn steps_and_cards(pack: &Pack) -> (Vec<usize>, Vec<usize>) {
    let steps = (0..pack.nodes.len()).filter(|&i| pack.is_step(i)).collect();
    let cards = (0..pack.nodes.len())
        .filter(|&i| pack.is_leaf(i) && pack.is_info(i) && !pack.nodes[i].hidden)
        .collect();
    (steps, cards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{State, Tracker};
    use crate::session::Session;
    use crate::text::EN;

    #[test]
    fn an_answer_that_hides_the_current_line_moves_to_a_step_never_a_heading() {
        let pack = crate::pack::load_str(crate::pack::QUESTIONS_PACK, "q.yaml").unwrap();
        let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
        let session = Session::new(pack, tracker);
        let mut p = Plain::new(session, &EN, jiff::tz::TimeZone::UTC);
        let now: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
        let kbis = p.session.pack.find("kbis").unwrap();
        let line = p.steps.iter().position(|&s| s == kbis).unwrap() + 1;
        let _ = p.command(&format!("g {line}"), now);
        assert_eq!(p.current(), kbis);
        let reply = p.command("a 1 1", now);
        let pack = &p.session.pack;
        assert!(pack.is_leaf(p.current()) && !pack.nodes[p.current()].hidden);
        assert_eq!(
            pack.nodes[p.current()].id,
            "sign",
            "the next step that applies"
        );
        assert!(
            reply.lines.iter().any(|l| l == "Sign the contract"),
            "{:?}",
            reply.lines
        );
    }
}
