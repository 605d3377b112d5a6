//! Answers to a pack's questions: what a mentor types, read as the value kept
//! (a choice's id, `yes`/`no`, a `YYYY-MM-DD` date, a line of text), and a kept value
//! said in words again. One reading for the UI, plain mode and `ticklist answer`.

use jiff::civil::Date;

use super::model::{Question, QuestionKind};
use super::validate::{MAX_TITLE_CHARS, NO, YES};
use crate::fold::fold;
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Reads what was typed as an answer to `question`; `Err` says, in `t`'s words, what
/// the question takes.
pub fn parse_answer(question: &Question, typed: &str, t: &Text) -> Result<String, String> {
    let typed = typed.trim();
    let folded = fold(typed);
    let refused = || {
        Err(fill(
            t.answer_refused,
            &[
                ("answer", &printable(typed, false)),
                ("takes", &takes(question, t)),
            ],
        ))
    };
    match &question.kind {
        QuestionKind::Choice(choices) => {
            let by_id = choices.iter().find(|c| c.id == typed);
            let by_number = typed
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| choices.get(i));
            let by_words = choices
                .iter()
                .find(|c| fold(&c.id) == folded || fold(&c.text) == folded);
            match by_id.or(by_number).or(by_words) {
                Some(choice) => Ok(choice.id.clone()),
                None => refused(),
            }
        }
        QuestionKind::YesNo => {
            if ["yes", "y", "oui", "o", &fold(t.answer_yes)].contains(&folded.as_str()) {
                Ok(YES.into())
            } else if ["no", "n", "non", &fold(t.answer_no)].contains(&folded.as_str()) {
                Ok(NO.into())
            } else {
                refused()
            }
        }
        QuestionKind::Date => match read_date(typed) {
            Some(date) => Ok(date.to_string()),
            None => refused(),
        },
        QuestionKind::Text => {
            let text = printable(typed, false).into_owned();
            if text.is_empty() || text.chars().count() > MAX_TITLE_CHARS {
                return refused();
            }
            Ok(text)
        }
    }
}

/// Whether `value`, kept earlier, is an answer `question` takes as it now is: a new
/// version of the pack may have dropped a choice or changed the question's kind, and
/// an answer it no longer takes is no answer (the question is asked again).
pub fn accepts(question: &Question, value: &str) -> bool {
    match &question.kind {
        QuestionKind::Choice(choices) => choices.iter().any(|c| c.id == value),
        QuestionKind::YesNo => value == YES || value == NO,
        QuestionKind::Date => value.parse::<Date>().is_ok(),
        QuestionKind::Text => true,
    }
}

/// A date as people write it: `2026-12-10`, or day first, `10/12/2026`.
pub fn read_date(typed: &str) -> Option<Date> {
    if let Ok(date) = typed.parse::<Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = typed.split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    // "10/12/26" is not year 26: the year is written whole.
    if year.len() != 4 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// What `question` takes, in words: its choices, "yes or no", a date's form.
pub fn takes(question: &Question, t: &Text) -> String {
    match &question.kind {
        QuestionKind::Choice(choices) => choices
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} {}", i + 1, c.text))
            .collect::<Vec<_>>()
            .join(" · "),
        QuestionKind::YesNo => fill(
            t.answer_takes_yes_no,
            &[("yes", t.answer_yes), ("no", t.answer_no)],
        ),
        QuestionKind::Date => t.answer_takes_date.into(),
        QuestionKind::Text => t.answer_takes_text.into(),
    }
}

/// A kept answer in words: the choice's text, "yes", a date as the language writes it.
pub fn answer_words(question: &Question, value: &str, t: &Text) -> String {
    match &question.kind {
        QuestionKind::Choice(choices) => choices
            .iter()
            .find(|c| c.id == value)
            .map_or_else(|| printable(value, false).into_owned(), |c| c.text.clone()),
        QuestionKind::YesNo if value == YES => t.answer_yes.into(),
        QuestionKind::YesNo if value == NO => t.answer_no.into(),
        QuestionKind::Date => value
            .parse::<Date>()
            .map_or_else(|_| printable(value, false).into_owned(), |d| t.date(d)),
        QuestionKind::YesNo | QuestionKind::Text => printable(value, false).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Choice;
    use crate::text::{EN, FR};

    fn billing() -> Question {
        let choice = |id: &str, text: &str| Choice {
            id: id.into(),
            text: text.into(),
        };
        Question {
            id: "billing".into(),
            text: "How do you invoice?".into(),
            kind: QuestionKind::Choice(vec![
                choice("sole-trader", "As a sole trader"),
                choice("company", "Through my company"),
            ]),
        }
    }

    #[test]
    fn a_choice_is_read_by_number_id_or_words_and_anything_else_says_the_choices() {
        let q = billing();
        assert_eq!(parse_answer(&q, "2", &EN).as_deref(), Ok("company"));
        assert_eq!(
            parse_answer(&q, " sole-trader ", &EN).as_deref(),
            Ok("sole-trader")
        );
        assert_eq!(
            parse_answer(&q, "as a SOLE trader", &EN).as_deref(),
            Ok("sole-trader")
        );
        let refused = parse_answer(&q, "3", &EN).unwrap_err();
        assert!(
            refused.contains("1 As a sole trader · 2 Through my company"),
            "{refused}"
        );
        assert_eq!(answer_words(&q, "company", &EN), "Through my company");
    }

    #[test]
    fn yes_no_and_dates_are_read_in_either_language() {
        let yes_no = Question {
            id: "q".into(),
            text: "Q".into(),
            kind: QuestionKind::YesNo,
        };
        assert_eq!(parse_answer(&yes_no, "Oui", &FR).as_deref(), Ok(YES));
        assert_eq!(parse_answer(&yes_no, "n", &EN).as_deref(), Ok(NO));
        assert!(parse_answer(&yes_no, "maybe", &EN).is_err());
        assert_eq!(answer_words(&yes_no, YES, &FR), FR.answer_yes);
        let date = Question {
            id: "d".into(),
            text: "D".into(),
            kind: QuestionKind::Date,
        };
        assert_eq!(
            parse_answer(&date, "2026-12-10", &EN).as_deref(),
            Ok("2026-12-10")
        );
        assert_eq!(
            parse_answer(&date, "10/12/2026", &FR).as_deref(),
            Ok("2026-12-10")
        );
        assert!(parse_answer(&date, "31/02/2026", &FR).is_err());
        assert_eq!(answer_words(&date, "2026-12-10", &EN), "10 December 2026");
    }

    #[test]
    fn a_year_is_written_whole_and_a_choice_id_wins_over_a_number() {
        let date = Question {
            id: "d".into(),
            text: "D".into(),
            kind: QuestionKind::Date,
        };
        assert!(parse_answer(&date, "10/12/26", &EN).is_err(), "not year 26");
        let choice = |id: &str| Choice {
            id: id.into(),
            text: format!("Choice {id}"),
        };
        let digits = Question {
            id: "q".into(),
            text: "Q".into(),
            kind: QuestionKind::Choice(vec![choice("2"), choice("1")]),
        };
        assert_eq!(
            parse_answer(&digits, "2", &EN).as_deref(),
            Ok("2"),
            "the id kept, not choice 2"
        );
        assert!(accepts(&digits, "1") && !accepts(&digits, "3"));
    }
}
