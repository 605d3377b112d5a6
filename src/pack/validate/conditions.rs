//! The checks on what fits a checklist to each mentor: its questions, `when:` on a
//! node, `waits_for:` (never round in a circle), due dates counted from a step's tick
//! or before an answered date, and the `{answer:<id>}` / `{student}` placeholders.

use std::collections::{BTreeMap, HashMap};

use serde_saphyr::Spanned;

use super::super::model::{Choice, Condition, Due, DueAfter, Kind, Question, QuestionKind};
use super::super::raw::{RawAccepted, RawDue, RawQuestion, RawQuestionKind};
use super::{MAX_DUE_DAYS, MAX_TITLE_CHARS, Validator};
use crate::safe_text::printable;
use crate::text::fill;

/// A reference to a node by id, resolved once every node is known.
pub(super) enum Pending {
    /// `due: after: stage:<id>`.
    DueStage(usize, String),
    /// `due: after: step:<id>`.
    DueStep(usize, String),
    /// `waits_for:`.
    Waits(usize, Vec<String>),
}

/// The words `yes` and `no` answers are kept as.
pub const YES: &str = "yes";
pub const NO: &str = "no";

impl Validator {
    /// The pack's questions, checked before the nodes that name them.
    pub(super) fn questions(&mut self, raw: Vec<RawQuestion>) {
        let mut seen: HashMap<String, u64> = HashMap::new();
        for question in raw {
            let id = printable(&question.id.value, false).into_owned();
            self.id_word(&question.id);
            if let Some(line) =
                seen.insert(question.id.value.clone(), question.id.referenced.line())
            {
                let line = line.to_string();
                self.problem(
                    &question.id,
                    fill(self.t.pv_question_twice, &[("id", &id), ("line", &line)]),
                );
            }
            let kind = question.kind.as_ref().map(|k| k.value);
            let kind = match (kind, question.choices) {
                (None | Some(RawQuestionKind::Choice), Some(choices)) => {
                    QuestionKind::Choice(self.choices(&id, choices))
                }
                (None | Some(RawQuestionKind::Choice), None) => {
                    self.problem(
                        &question.id,
                        fill(self.t.pv_question_choices, &[("id", &id)]),
                    );
                    QuestionKind::Text
                }
                (Some(kind), choices) => {
                    if let Some(choices) = choices {
                        self.problem(
                            &choices,
                            fill(self.t.pv_question_no_choices, &[("id", &id)]),
                        );
                    }
                    match kind {
                        RawQuestionKind::YesNo => QuestionKind::YesNo,
                        RawQuestionKind::Date => QuestionKind::Date,
                        RawQuestionKind::Text | RawQuestionKind::Choice => QuestionKind::Text,
                    }
                }
            };
            self.non_empty(&question.text, self.t.pv_title_step_empty);
            let text = self.line(question.text, "text", MAX_TITLE_CHARS);
            self.questions.push(Question {
                id: question.id.value,
                text,
                kind,
            });
        }
    }

    fn choices(
        &mut self,
        question: &str,
        raw: Spanned<Vec<super::super::raw::RawChoice>>,
    ) -> Vec<Choice> {
        if raw.value.len() < 2 {
            self.problem(&raw, fill(self.t.pv_question_choices, &[("id", question)]));
        }
        let mut choices: Vec<Choice> = Vec::new();
        for choice in raw.value {
            self.id_word(&choice.id);
            if choices.iter().any(|c| c.id == choice.id.value) {
                let answer = printable(&choice.id.value, false).into_owned();
                self.problem(
                    &choice.id,
                    fill(
                        self.t.pv_choice_twice,
                        &[("id", question), ("answer", &answer)],
                    ),
                );
            }
            self.non_empty(&choice.text, self.t.pv_title_step_empty);
            let text = self.line(choice.text, "text", MAX_TITLE_CHARS);
            choices.push(Choice {
                id: choice.id.value,
                text,
            });
        }
        choices
    }

    /// `when:`: each key a choice or yes-no question, each value one of its answers.
    pub(super) fn when(
        &mut self,
        raw: Option<Spanned<BTreeMap<String, RawAccepted>>>,
    ) -> Vec<Condition> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let mut conditions = Vec::new();
        for (name, accepted) in &raw.value {
            let shown = printable(name, false).into_owned();
            let Some(question) = self.questions.iter().position(|q| &q.id == name) else {
                self.problem(&raw, fill(self.t.pv_when_question, &[("question", &shown)]));
                continue;
            };
            let accepted = match accepted {
                RawAccepted::One(one) => vec![one.trim().to_string()],
                RawAccepted::Many(many) => many.iter().map(|a| a.trim().to_string()).collect(),
                RawAccepted::YesNo(yes) => vec![if *yes { YES } else { NO }.to_string()],
            };
            let answers: Vec<String> = match &self.questions[question].kind {
                QuestionKind::Choice(choices) => choices.iter().map(|c| c.id.clone()).collect(),
                QuestionKind::YesNo => vec![YES.into(), NO.into()],
                QuestionKind::Date | QuestionKind::Text => {
                    self.problem(&raw, fill(self.t.pv_when_kind, &[("question", &shown)]));
                    continue;
                }
            };
            for answer in accepted.iter().filter(|a| !answers.contains(a)) {
                let values = [
                    ("question", shown.as_str()),
                    ("answer", &printable(answer, false)),
                    ("answers", &answers.join(", ")),
                ];
                self.problem(&raw, fill(self.t.pv_when_answer, &values));
            }
            conditions.push(Condition { question, accepted });
        }
        conditions
    }

    /// `due:` of node `index`: `days` after the start, a stage or a step, or before an
    /// answered date.
    pub(super) fn due(
        &mut self,
        raw: Option<&Spanned<RawDue>>,
        index: usize,
        id: &str,
        kind: Kind,
    ) -> Option<Due> {
        let due = raw?;
        if kind == Kind::Info {
            self.problem(due, fill(self.t.pv_info_due, &[("id", id)]));
            return None;
        }
        let days = due.value.days;
        if days > MAX_DUE_DAYS {
            let (days, max) = (days.to_string(), MAX_DUE_DAYS.to_string());
            self.problem(
                due,
                fill(self.t.pv_due_days, &[("days", &days), ("max", &max)]),
            );
        }
        let after = due.value.after.as_deref().map(str::trim);
        let before = due.value.before.as_deref().map(str::trim);
        let after = match (after, before) {
            (Some(_), Some(_)) => {
                self.problem(due, self.t.pv_due_both.into());
                DueAfter::Start
            }
            (None, Some(before)) => self.due_before(due, before),
            (None | Some("start"), None) => DueAfter::Start,
            (Some(after), None) => {
                if let Some(stage) = after.strip_prefix("stage:") {
                    self.pending
                        .push((Pending::DueStage(index, stage.trim().into()), place(due)));
                } else if let Some(step) = after.strip_prefix("step:") {
                    self.pending
                        .push((Pending::DueStep(index, step.trim().into()), place(due)));
                } else {
                    let after = printable(after, false);
                    self.problem(due, fill(self.t.pv_due_after, &[("after", &after)]));
                }
                DueAfter::Start
            }
        };
        Some(Due { days, after })
    }

    /// `before: answer:<id>`: the question must take a date.
    fn due_before(&mut self, due: &Spanned<RawDue>, before: &str) -> DueAfter {
        let question = before
            .strip_prefix("answer:")
            .and_then(|id| self.questions.iter().position(|q| q.id == id.trim()))
            .filter(|&q| self.questions[q].kind == QuestionKind::Date);
        match question {
            Some(question) => DueAfter::Before(question),
            None => {
                let before = printable(before, false);
                self.problem(due, fill(self.t.pv_due_before, &[("before", &before)]));
                DueAfter::Start
            }
        }
    }

    /// `{answer:<id>}` and `{student}` in a text: an answer to a question the pack does
    /// not ask is an error; other names in braces stay text as written, and `validate`
    /// warns of them (a typo of a placeholder, say).
    pub(super) fn placeholders(&mut self, text: &str, at: (u64, u64)) {
        for name in placeholder_names(text) {
            self.placeholders = true;
            let (line, column) = at;
            let braces = format!("{{{}}}", printable(name, false));
            let problem = |message| super::Problem {
                line,
                column,
                message,
            };
            match name.split_once(':') {
                None if name == "student" => {}
                Some(("answer", id)) if self.questions.iter().any(|q| q.id == id) => {}
                Some(("answer", _)) => {
                    let message = fill(self.t.pv_placeholder_answer, &[("braces", &braces)]);
                    self.problems.push(problem(message));
                }
                _ if self.with_warnings => {
                    let message = fill(self.t.pv_placeholder_name, &[("braces", &braces)]);
                    self.warnings.push(problem(message));
                }
                _ => {}
            }
        }
    }

    /// Points `due: after:` and `waits_for:` at their nodes, now that all are known, and
    /// refuses waits that go round in a circle.
    pub(super) fn resolve_pending(&mut self) {
        let ids: HashMap<&str, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for (pending, (line, column)) in std::mem::take(&mut self.pending) {
            let mut missing = |message: String| {
                problems.push(super::Problem {
                    line,
                    column,
                    message,
                });
            };
            match pending {
                Pending::DueStage(node, stage) => {
                    match ids
                        .get(stage.as_str())
                        .filter(|&&i| self.nodes[i].depth == 0)
                    {
                        Some(&i) => found.push((node, Some(DueAfter::Stage(i)), Vec::new())),
                        None => missing(fill(
                            self.t.pv_due_stage,
                            &[("stage", &printable(&stage, false))],
                        )),
                    }
                }
                Pending::DueStep(node, step) => match ids.get(step.as_str()) {
                    Some(&i) => found.push((node, Some(DueAfter::Step(i)), Vec::new())),
                    None => missing(fill(
                        self.t.pv_due_step,
                        &[("step", &printable(&step, false))],
                    )),
                },
                Pending::Waits(node, names) => {
                    let mut waits = Vec::new();
                    for name in names {
                        match ids.get(name.as_str()) {
                            Some(&i) => waits.push(i),
                            None => missing(fill(
                                self.t.pv_waits_unknown,
                                &[("id", &printable(&name, false))],
                            )),
                        }
                    }
                    found.push((node, None, waits));
                }
            }
        }
        drop(ids);
        self.problems.extend(problems);
        for (node, after, waits) in found {
            if let (Some(after), Some(due)) = (after, &mut self.nodes[node].due) {
                due.after = after;
            }
            self.nodes[node].waits_for = waits;
        }
        if let Some(circle) = super::circle::waiting_circle(&self.nodes) {
            let first = circle[0];
            let ids: Vec<String> = circle
                .iter()
                .chain([&first])
                .map(|&i| format!("`{}`", printable(&self.nodes[i].id, false)))
                .collect();
            let line = self.waits_lines.get(&first).copied().unwrap_or((1, 1));
            let message = fill(self.t.pv_waits_circle, &[("ids", &ids.join(" → "))]);
            self.problems.push(super::Problem {
                line: line.0,
                column: line.1,
                message,
            });
        }
    }
}

fn place<T>(at: &Spanned<T>) -> (u64, u64) {
    (at.referenced.line(), at.referenced.column())
}

/// The names written in braces that look like placeholders: `{student}`,
/// `{answer:billing}`; other braces are text.
pub fn placeholder_names(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find('{')?;
            let after = &rest[start + 1..];
            let end = after.find('}')?;
            let inner = &after[..end];
            rest = &after[end + 1..];
            let (name, id) = inner.split_once(':').unwrap_or((inner, ""));
            let word = |s: &str| {
                s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            };
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                && word(id)
            {
                return Some(inner);
            }
        }
    })
}

#[cfg(test)]
mod tests;
