//! The answers to a pack's questions, owned by the core like ticks: given, changed or
//! passed over, saved and undone; each change fits the pack again (which steps apply),
//! so that every front end shows the same steps. Never per frame or per key.

use jiff::Timestamp;

use super::{Notice, Outcome, Session, UndoStep};
use crate::pack::{accepts, fit, parse_answer};
use crate::text::EN;

impl Session {
    /// Fits the pack to the answers as they now are, and counts progress on it again.
    /// Returns how many steps came to apply and how many stopped applying.
    pub(super) fn refit(&mut self) -> (usize, usize) {
        let answered = self.tracker.state().answered();
        let Some(fitted) = fit(&self.whole, &answered, self.student.as_deref()) else {
            return (0, 0);
        };
        let (mut shown, mut hidden) = (0, 0);
        for i in 0..fitted.nodes.len() {
            let (was, is) = (self.pack.is_ruled_out(i), fitted.is_ruled_out(i));
            if was != is {
                if is {
                    hidden += 1;
                } else {
                    shown += 1;
                }
            }
        }
        self.pack = std::sync::Arc::new(fitted);
        self.tracker.recount(&self.pack);
        self.fits += 1;
        (shown, hidden)
    }

    /// The questions never asked on this checklist (neither answered nor passed over),
    /// in the pack's order: what opening it asks.
    /// An answer the question no longer takes counts as never given.
    pub fn unasked(&self) -> Vec<usize> {
        let answers = &self.tracker.state().answers;
        (0..self.pack.questions.len())
            .filter(|&q| {
                let question = &self.pack.questions[q];
                match answers.get(&question.id) {
                    None => true,
                    Some(answer) => answer
                        .value
                        .as_deref()
                        .is_some_and(|value| !accepts(question, value)),
                }
            })
            .collect()
    }

    /// The answer given to question `question`, if any.
    pub fn answer_of(&self, question: usize) -> Option<&str> {
        let asked = &self.pack.questions[question];
        let value = self
            .tracker
            .state()
            .answers
            .get(&asked.id)?
            .value
            .as_deref()?;
        accepts(asked, value).then_some(value)
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
        let was_complete = self.tracker.is_complete(&self.pack);
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
        self.undo
            .push((0, UndoStep::Answer(id, before, said.clone())));
        let mut notices = vec![said];
        // Hiding the last steps still to do completes the checklist, as a tick would.
        if !was_complete && self.tracker.is_complete(&self.pack) {
            notices.push(Notice::Complete);
        }
        self.saved(notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_str;
    use crate::progress::{State, Tracker};
    use proptest::prelude::*;

    use crate::session::tests::at;

    fn session() -> Session {
        let pack = load_str(crate::pack::QUESTIONS_PACK, "fitting.yaml").unwrap();
        let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
        Session::new(pack, tracker)
    }

    fn shown(s: &Session) -> Vec<&str> {
        (0..s.pack.nodes.len())
            .filter(|&i| s.pack.is_step(i))
            .map(|i| s.pack.nodes[i].id.as_str())
            .collect()
    }

    #[test]
    fn an_answer_hides_and_shows_steps_keeps_their_ticks_and_is_undone() {
        let mut s = session();
        assert_eq!(s.unasked(), [0, 1, 2], "every question asked at first");
        assert_eq!(
            shown(&s),
            ["urssaf", "tell", "kbis", "sign", "welcome", "prepare"]
        );
        let kbis = s.pack.find("kbis").unwrap();
        let _ = s.toggle(kbis, at(9));
        let said = s.answer(0, Some("1"), at(10));
        assert_eq!(
            said.notices,
            [Notice::Answered {
                question: 0,
                value: "sole-trader".into(),
                shown: 0,
                hidden: 1
            }]
        );
        assert!(said.save().is_some(), "an answer is saved");
        assert_eq!(shown(&s), ["urssaf", "tell", "sign", "welcome", "prepare"]);
        assert_eq!(
            s.tracker().overall(&s.pack),
            (0, 5),
            "a hidden tick counts nowhere"
        );
        assert!(
            s.tracker().state().ticks.contains_key("kbis"),
            "and is kept"
        );
        assert_eq!(s.toggle(kbis, at(11)).notices, [Notice::DoesNotApply(kbis)]);
        let _ = s.answer(0, Some("company"), at(12));
        assert_eq!(
            s.tracker().overall(&s.pack),
            (1, 4),
            "the tick counts again"
        );
        let _ = s.undo();
        assert_eq!(s.answer_of(0), Some("sole-trader"));
        let _ = s.undo();
        assert_eq!(s.answer_of(0), None);
        assert_eq!(s.unasked(), [0, 1, 2], "taken back to never asked");
        let refused = s.answer(1, Some("perhaps"), at(13));
        assert!(matches!(
            refused.notices[..],
            [Notice::AnswerRefused { question: 1, .. }]
        ));
        assert!(refused.save().is_none());
        let _ = s.answer(1, None, at(13));
        assert_eq!(s.unasked(), [0, 2], "passed over: not asked again");
    }

    #[test]
    fn a_waiting_step_is_passed_over_and_ticking_it_early_is_said() {
        let mut s = session();
        let (sign, welcome) = (
            s.pack.find("sign").unwrap(),
            s.pack.find("welcome").unwrap(),
        );
        for id in ["urssaf", "tell", "kbis"] {
            let _ = s.toggle(s.pack.find(id).unwrap(), at(9));
        }
        assert_eq!(s.next_todo(0), Ok(sign));
        assert_eq!(
            s.next_todo(sign + 1),
            Ok(s.pack.find("prepare").unwrap()),
            "welcome waits"
        );
        let early = s.toggle(welcome, at(10));
        assert_eq!(
            early.notices,
            [Notice::Ticked(welcome), Notice::TickedEarly(vec![sign])]
        );
        let _ = s.undo();
        let _ = s.toggle(sign, at(11));
        assert_eq!(s.toggle(welcome, at(12)).notices, [Notice::Ticked(welcome)]);
    }

    #[test]
    fn a_step_is_due_days_before_the_date_answered() {
        let mut s = session();
        let prepare = s.pack.find("prepare").unwrap();
        let tz = jiff::tz::TimeZone::UTC;
        let today = jiff::civil::date(2026, 12, 7);
        let due =
            |s: &Session| crate::progress::due_date(&s.pack, s.tracker(), prepare, today, &tz);
        assert_eq!(due(&s), None, "no date answered yet");
        let _ = s.answer(2, Some("12/12/2026"), at(9));
        let due = due(&s).unwrap();
        assert_eq!(due.date, jiff::civil::date(2026, 12, 10));
        assert_eq!(
            due.describe(&crate::text::EN, &s.pack),
            "Due 10 December 2026, 2 days before “Date of the first session”"
        );
    }

    #[test]
    fn a_new_version_asks_only_its_new_question_and_keeps_ticks_on_hidden_steps() {
        let mut s = session();
        let _ = s.toggle(s.pack.find("kbis").unwrap(), at(9));
        let _ = s.answer(0, Some("sole-trader"), at(9));
        let _ = s.answer(1, Some("no"), at(9));
        let _ = s.answer(2, None, at(9));
        assert!(s.unasked().is_empty());
        let v2 = crate::pack::QUESTIONS_PACK
            .replace("version: \"1\"", "version: \"2\"")
            .replace(
                "stages:",
                "  - { id: country, text: Country?, kind: text }\nstages:",
            );
        let v2 = load_str(&v2, "v2.yaml").unwrap();
        let tracker = Tracker::new(&v2, s.tracker().state().clone());
        let upgraded = Session::new(v2, tracker);
        assert_eq!(upgraded.unasked(), [3], "only the new question");
        assert!(upgraded.tracker().state().ticks.contains_key("kbis"));
        assert_eq!(
            upgraded.tracker().overall(&upgraded.pack),
            (0, 4),
            "urssaf, sign, welcome, prepare"
        );
    }

    #[test]
    fn a_session_on_a_fitted_pack_fits_the_pack_as_written() {
        let mut s = session();
        let _ = s.answer(0, Some("sole-trader"), at(9));
        // Back from the chooser or another student: opened again on what was shown.
        let tracker = Tracker::new(&s.pack, State::new(&s.pack.id, &s.pack.version));
        let mut again = Session::new(std::sync::Arc::clone(&s.pack), tracker);
        assert!(again.whole().fitted_from.is_none());
        let _ = again.answer(0, Some("company"), at(10));
        assert!(shown(&again).contains(&"kbis"), "{:?}", shown(&again));
        assert!(!shown(&again).contains(&"urssaf"));
    }

    #[test]
    fn another_windows_answer_is_followed_and_undo_keeps_the_counts_whole() {
        let mut s = session();
        let kbis = s.pack.find("kbis").unwrap();
        let ticked = s.toggle(kbis, at(9));
        // Another window answered "sole-trader": the merged state comes back with a save.
        let mut merged = s.tracker().state().clone();
        let answer = crate::progress::Answer {
            value: Some("sole-trader".into()),
            at: at(10),
        };
        merged.answers.insert("billing".into(), answer);
        let seq = match ticked.save() {
            Some(crate::session::Effect::Save { seq, .. }) => *seq,
            _ => panic!("no save"),
        };
        let _ = s.report(crate::session::EffectResult::Saved {
            upto: seq,
            merged: Some(merged),
        });
        assert!(!shown(&s).contains(&"kbis"), "the merged answer hides it");
        assert_eq!(s.tracker().overall(&s.pack), (0, 5));
        // Taking back the tick of a step now hidden changes no count (and does not panic).
        let _ = s.undo();
        assert_eq!(s.tracker().overall(&s.pack), (0, 5));
        assert!(!s.tracker().state().ticks.contains_key("kbis"));
    }

    #[test]
    fn an_answer_the_pack_no_longer_takes_is_asked_again_and_hides_nothing() {
        let mut s = session();
        let _ = s.answer(0, Some("company"), at(9));
        let v2 = crate::pack::QUESTIONS_PACK
            .replace("version: \"1\"", "version: \"2\"")
            .replace(
                "{ id: company, text: Through my company }",
                "{ id: firm, text: Through my firm }",
            )
            .replace("when: { billing: [company] }", "when: { billing: [firm] }");
        let v2 = load_str(&v2, "v2.yaml").unwrap();
        let tracker = Tracker::new(&v2, s.tracker().state().clone());
        let upgraded = Session::new(v2, tracker);
        assert_eq!(upgraded.unasked(), [0, 1, 2], "“company” is no answer now");
        assert_eq!(upgraded.answer_of(0), None);
        assert!(shown(&upgraded).contains(&"urssaf") && shown(&upgraded).contains(&"kbis"));
    }

    #[test]
    fn hiding_the_last_steps_to_do_completes_the_checklist_and_they_are_never_due() {
        let mut s = session();
        for id in ["urssaf", "tell", "sign", "welcome", "prepare"] {
            let _ = s.toggle(s.pack.find(id).unwrap(), at(9));
        }
        let said = s.answer(0, Some("sole-trader"), at(10));
        assert!(
            said.notices.contains(&Notice::Complete),
            "{:?}",
            said.notices
        );
        let today = jiff::civil::date(2026, 12, 31);
        let tz = jiff::tz::TimeZone::UTC;
        let pressing = crate::progress::pressing(&s.pack, s.tracker(), today, &tz);
        assert!(
            pressing.is_empty(),
            "nothing left, nothing hidden: {pressing:?}"
        );
    }

    proptest! {
        /// Whatever the answers and ticks, the figures are a plain recount of the steps
        /// that apply: a step applies when no `when:` on it or above it names an answer
        /// it does not accept.
        #[test]
        fn figures_are_a_recount_of_the_steps_that_apply(
            billing in 0..3usize, employee in 0..3usize, ticks in proptest::collection::vec(any::<bool>(), 6)
        ) {
            let mut s = session();
            let ids = ["urssaf", "tell", "kbis", "sign", "welcome", "prepare"];
            for (id, tick) in ids.iter().zip(&ticks) {
                if *tick {
                    let _ = s.toggle(s.pack.find(id).unwrap(), at(9));
                }
            }
            let billing = ["sole-trader", "company", ""][billing];
            let employee = ["yes", "no", ""][employee];
            let _ = s.answer(0, (!billing.is_empty()).then_some(billing), at(10));
            let _ = s.answer(1, (!employee.is_empty()).then_some(employee), at(10));
            let applies = |id: &str| match id {
                "urssaf" => billing != "company",
                "tell" => billing != "company" && employee != "no",
                "kbis" => billing != "sole-trader",
                _ => true,
            };
            let total = ids.iter().filter(|id| applies(id)).count();
            let done = ids.iter().zip(&ticks).filter(|(id, tick)| **tick && applies(id)).count();
            let (d, t) = s.tracker().overall(&s.pack);
            prop_assert_eq!((d as usize, t as usize), (done, total));
        }
    }
}
