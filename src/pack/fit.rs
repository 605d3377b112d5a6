//! A pack fitted to one mentor: the nodes their answers rule out are marked hidden
//! (every walk of the pack passes over them: the tree, counts, exports, the report),
//! and `{answer:<id>}` / `{student}` are filled in its texts. Done when the checklist is
//! opened and when an answer changes, never per frame: nodes keep their indices, so
//! what points at a node (the cursor, undo) stays right.

use super::answers::answer_words;
use super::model::{Node, Pack};
use crate::safe_text::printable;
use crate::text::{Lang, Text, fill};
use std::collections::BTreeMap;
use std::sync::Arc;

/// `pack` fitted to `answers` (question id → value kept) and the student's checklist
/// `student`; `None` when it asks nothing and fills nothing (or is fitted already):
/// the pack itself is the mentor's, uncopied.
pub fn fit(
    pack: &Arc<Pack>,
    answers: &BTreeMap<String, String>,
    student: Option<&str>,
) -> Option<Pack> {
    // Always fitted from the pack as written, never from another mentor's fit of it.
    let pack = pack.fitted_from.as_ref().unwrap_or(pack);
    if pack.questions.is_empty() && !pack.placeholders {
        return None;
    }
    // An answer the question no longer takes (a choice a new version dropped) is none.
    let answers: BTreeMap<String, String> = answers
        .iter()
        .filter(|(id, value)| {
            pack.questions
                .iter()
                .any(|q| &q.id == *id && super::answers::accepts(q, value))
        })
        .map(|(id, value)| (id.clone(), value.clone()))
        .collect();
    let answers = &answers;
    let mut fitted = Pack::clone(pack);
    fitted.fitted_from = Some(Arc::clone(pack));
    let t = Lang::from_code(&pack.lang).unwrap_or(Lang::En).text();
    for i in 0..fitted.nodes.len() {
        let parent_hidden = fitted.nodes[i]
            .parent
            .is_some_and(|p| fitted.nodes[p].hidden);
        let ruled_out = fitted.nodes[i].when.iter().any(|condition| {
            let id = &pack.questions[condition.question].id;
            answers
                .get(id)
                .is_some_and(|answer| !condition.accepted.contains(answer))
        });
        fitted.nodes[i].hidden = parent_hidden || ruled_out;
    }
    // A stage or part whose every child is hidden goes too: deepest first.
    for i in (0..fitted.nodes.len()).rev() {
        if !fitted.is_leaf(i)
            && !fitted.nodes[i].hidden
            && fitted.children(Some(i)).next().is_none()
        {
            fitted.nodes[i].hidden = true;
        }
    }
    fitted.groups.retain(|&i| !fitted.nodes[i].hidden);
    let fill_in = |text: &str| fill_placeholders(text, pack, answers, student, t);
    for node in &mut fitted.nodes {
        fill_node(node, &fill_in);
    }
    Some(fitted)
}

fn fill_node(node: &mut Node, fill_in: &impl Fn(&str) -> Option<String>) {
    let texts = [
        Some(&mut node.title),
        node.details.as_mut(),
        node.warning.as_mut(),
        node.note.as_mut(),
    ];
    for text in texts.into_iter().flatten() {
        if let Some(filled) = fill_in(text) {
            *text = filled;
        }
    }
}

/// `text` with its placeholders filled, made safe like any pack text; `None` when it
/// has none. An unanswered question is named instead of its answer.
fn fill_placeholders(
    text: &str,
    pack: &Pack,
    answers: &BTreeMap<String, String>,
    student: Option<&str>,
    t: &Text,
) -> Option<String> {
    let mut names = super::validate::placeholder_names(text).peekable();
    names.peek()?;
    let mut filled = text.to_string();
    for name in names {
        let value = match name.split_once(':') {
            None if name != "student" => continue,
            None => student.map_or_else(
                || t.placeholder_student.to_string(),
                |s| printable(s, false).into_owned(),
            ),
            Some(("answer", id)) => {
                let Some(question) = pack.questions.iter().find(|q| q.id == id) else {
                    continue;
                };
                match answers.get(id) {
                    Some(value) => answer_words(question, value, t),
                    None => fill(t.placeholder_unanswered, &[("question", &question.text)]),
                }
            }
            Some(_) => continue,
        };
        filled = filled.replace(&format!("{{{name}}}"), &value);
    }
    Some(filled)
}

/// A pack that asks three questions (a choice, yes or no, a date), with conditions on a
/// part and on items, a waiting step and a step due before the answered date: for the
/// tests of fitting and of the core.
#[cfg(test)]
pub(crate) const QUESTIONS_PACK: &str = r#"
id: fitting
version: "1"
lang: en
title: T
questions:
  - id: billing
    text: How do you invoice?
    choices:
      - { id: sole-trader, text: As a sole trader }
      - { id: company, text: Through my company }
  - id: employee
    text: Are you an employee?
    kind: yes-no
  - id: date
    text: Date of the first session
    kind: date
stages:
  - id: register
    title: Register
    parts:
      - id: sole
        title: As a sole trader
        when: { billing: sole-trader }
        items:
          - { id: urssaf, title: "Declare yourself before {answer:date}" }
          - { id: tell, title: Tell your employer, when: { employee: "yes" } }
      - id: firm
        title: Through a company
        items:
          - { id: kbis, title: Send your company's papers, when: { billing: [company] } }
  - id: contract
    title: Contract
    items:
      - { id: sign, title: Sign the contract }
      - { id: welcome, title: Read the welcome mail, waits_for: [sign] }
      - id: prepare
        title: Prepare the first session
        due: { days: 2, before: "answer:date" }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_str;

    fn pack() -> Arc<Pack> {
        Arc::new(load_str(QUESTIONS_PACK, "fitting.yaml").unwrap())
    }

    #[test]
    fn an_answer_hides_what_it_rules_out_and_a_part_left_empty_with_it() {
        let pack = pack();
        let answers = BTreeMap::from([("billing".to_string(), "sole-trader".to_string())]);
        let fitted = fit(&pack, &answers, None).unwrap();
        let shown = |id: &str| !fitted.nodes[fitted.find(id).unwrap()].hidden;
        assert!(shown("urssaf") && shown("sole") && shown("sign"));
        assert!(
            !shown("kbis") && !shown("firm"),
            "the part's only step is ruled out"
        );
        assert_eq!(fitted.groups.len(), 3);
        assert_eq!(
            fitted.digest(),
            pack.digest(),
            "the manager's pack, not this view of it"
        );
        assert_eq!(
            fitted.nodes[fitted.find("urssaf").unwrap()].title,
            "Declare yourself before [your answer to “Date of the first session”]"
        );
    }

    #[test]
    fn unanswered_questions_hide_nothing_and_answers_fill_their_placeholders() {
        let pack = pack();
        let fitted = fit(&pack, &BTreeMap::new(), None).unwrap();
        assert!(fitted.nodes.iter().all(|n| !n.hidden));
        let answers = BTreeMap::from([("date".to_string(), "2026-12-10".to_string())]);
        let fitted = fit(&pack, &answers, None).unwrap();
        assert_eq!(
            fitted.nodes[fitted.find("urssaf").unwrap()].title,
            "Declare yourself before 10 December 2026"
        );
        let refitted = fit(&Arc::new(fitted), &BTreeMap::new(), None).unwrap();
        assert!(
            refitted.nodes[refitted.find("urssaf").unwrap()]
                .title
                .contains("[your answer"),
            "fitted again from the pack as written"
        );
    }
}
