//! Located errors for questions, conditions, waits and placeholders; the example packs.
use crate::pack::{PackError, load_str_in};
use crate::text::{EN, FR};

const BAD: &str = r#"id: bad
version: "1"
lang: en
title: T
questions:
  - id: billing
    text: How do you invoice?
    choices:
      - { id: sole-trader, text: Alone }
      - { id: company, text: Company }
  - id: date
    text: When?
    kind: date
stages:
  - id: s
    title: S
    items:
      - { id: a, title: "A {answer:nope}", when: { billing: freelance } }
      - { id: b, title: B, when: { date: "2026-01-01" } }
      - { id: c, title: C, waits_for: [d] }
      - { id: d, title: D, waits_for: [c, ghost] }
      - { id: e, title: E, due: { days: 2, before: "answer:billing" } }
      - { id: f, title: F, due: { days: 2, after: "step:ghost" }, when: { nobody: x } }
      - { id: g, title: "G {who} {answer:ghost}" }
"#;

fn problems(t: &'static crate::text::Text) -> Vec<(u64, String)> {
    match load_str_in(BAD, "bad.yaml", t) {
        Err(PackError::Invalid { problems, .. }) => {
            problems.into_iter().map(|p| (p.line, p.message)).collect()
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_wrong_question_condition_wait_and_placeholder_is_said_where_it_is_written() {
    let found = problems(&EN);
    let said = |line: u64, words: &str| {
        assert!(
            found.iter().any(|(l, m)| *l == line && m.contains(words)),
            "line {line}: {words:?} not in {found:#?}"
        );
    };
    said(18, "`{answer:nope}` names no question of this pack");
    said(
        18,
        "`freelance` is not one of its answers (sole-trader, company)",
    );
    said(19, "whose answer is a date or a text");
    said(21, "names `ghost`");
    said(21, "goes round in a circle");
    said(22, "is not an answered date");
    said(23, "no step has the id `ghost`");
    said(23, "`nobody`, which is not one of the pack's `questions`");
    said(24, "`{answer:ghost}` names no question of this pack");
    assert!(
        !found.iter().any(|(_, m)| m.contains("{who}")),
        "other braces are text: {found:#?}"
    );
    let french = problems(&FR);
    assert!(
        french
            .iter()
            .any(|(l, m)| *l == 21 && m.contains("tourne en rond")),
        "{french:#?}"
    );
}

#[test]
fn the_example_packs_validate_in_both_languages_with_the_same_questions() {
    let load = |lang: &str| {
        let path = format!(
            "{}/content/examples/new-mentor.{lang}.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::pack::load_file(std::path::Path::new(&path)).unwrap()
    };
    let (fr, en) = (load("fr"), load("en"));
    let ids = |p: &crate::pack::Pack| p.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&fr), ids(&en));
    let questions =
        |p: &crate::pack::Pack| p.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(questions(&fr), questions(&en));
    assert!(
        fr.nodes.iter().any(|n| !n.when.is_empty())
            && fr.nodes.iter().any(|n| !n.waits_for.is_empty())
    );
    assert!(fr.nodes.iter().any(|n| matches!(
        n.due,
        Some(crate::pack::Due {
            after: crate::pack::DueAfter::Before(_),
            ..
        })
    )));
}

#[test]
fn braces_that_are_no_placeholder_stay_text_and_validate_warns_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("braces.yaml");
    let pack = "id: braces\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - id: s\n    title: S\n    items:\n      - { id: a, title: \"Hello {studnet}\", details: d }\n";
    std::fs::write(&path, pack).unwrap();
    let checked = crate::pack::check_file(&path).unwrap();
    let warned: Vec<&str> = checked
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        warned
            .iter()
            .any(|w| w.contains("`{studnet}` is not a placeholder")),
        "{warned:?}"
    );
    let shown = std::sync::Arc::new(checked.pack);
    let fitted = crate::pack::fit(&shown, &Default::default(), Some("Léa")).unwrap();
    assert_eq!(fitted.nodes[1].title, "Hello {studnet}", "left as written");
}
