//! `ticklist answer QUESTION ANSWER` and `ticklist answers`: the checklist's questions
//! answered by the core, as in the UI and plain mode.

use std::io::Write;

use super::progress::{Opened, tell};
use super::{Failure, ProgressCommand};
use crate::pack::answer_words;
use crate::session::Notice;
use crate::text::fill;

/// Runs `answer` or `answers`.
pub(super) fn answer(
    command: &ProgressCommand,
    c: &mut Opened<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Failure> {
    let t = c.t;
    let ProgressCommand::Answer { id, value, clear } = command else {
        return list(c, out);
    };
    let pack = &c.session.pack;
    let Some(question) = pack.question(id.trim()) else {
        let ids: Vec<&str> = pack.questions.iter().map(|q| q.id.as_str()).collect();
        let message = if ids.is_empty() {
            t.answers_none.to_string()
        } else {
            let id = crate::safe_text::printable(id, false);
            fill(
                t.answer_no_question,
                &[("id", &id), ("ids", &ids.join(", "))],
            )
        };
        return Err(Failure::BadAnswer(message));
    };
    let typed = value.as_deref().filter(|_| !clear);
    let outcome = c.session.answer(question, typed, c.now);
    if let Some(refused) = outcome
        .notices
        .iter()
        .find(|n| matches!(n, Notice::AnswerRefused { .. }))
    {
        return Err(Failure::BadAnswer(refused.words(&c.session.pack, t)));
    }
    let said = c.to.save(&mut c.session, outcome)?;
    tell(out, err, &said, &c.session.pack, t).map_err(Failure::Output)
}

/// Every question, with its id (what `answer` takes) and the answer given.
fn list(c: &Opened<'_>, out: &mut impl Write) -> Result<(), Failure> {
    let (pack, t) = (&c.session.pack, c.t);
    if pack.questions.is_empty() {
        return writeln!(out, "{}", t.answers_none).map_err(Failure::Output);
    }
    for (i, question) in pack.questions.iter().enumerate() {
        let answer = c.session.answer_of(i).map_or_else(
            || t.answer_not_given.to_string(),
            |v| answer_words(question, v, t),
        );
        let values = [
            ("id", question.id.as_str()),
            ("question", &question.text),
            ("answer", &answer),
        ];
        writeln!(out, "{}", fill(t.answers_line, &values)).map_err(Failure::Output)?;
    }
    Ok(())
}
