//! Tests of `export`.

use super::*;
use crate::progress::State;
use crate::text::EN;

/// `mentor`'s export, due dates in UTC.
fn by(mentor: &str, pack: &Pack, tracker: &Tracker, now: Timestamp) -> Export {
    export(pack, tracker, &Author::named(mentor), now, &TimeZone::UTC)
}

#[test]
fn a_skipped_step_is_exported_with_its_reason() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.skip(&pack, pack.find("slack").unwrap(), "already there", now);
    let report = by("alice", &pack, &tracker, now);
    let slack = report.items.iter().find(|i| i.id == "slack").unwrap();
    assert_eq!(
        (slack.state.as_str(), slack.skipped.as_deref()),
        ("skipped", Some("already there"))
    );
}

/// Every task item of `markdown` as GitHub reads it (`pulldown-cmark` with task lists):
/// whether it is checked, and its text up to the first nested list.
fn task_items(markdown: &str) -> Vec<(bool, String)> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut items: Vec<(bool, String)> = Vec::new();
    let mut open: Vec<Option<usize>> = Vec::new();
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Item) => open.push(None),
            Event::End(TagEnd::Item) => {
                open.pop();
            }
            Event::TaskListMarker(checked) => {
                items.push((checked, String::new()));
                if let Some(last) = open.last_mut() {
                    *last = Some(items.len() - 1);
                }
            }
            // A nested list ends the item's own text.
            Event::Start(Tag::List(_)) => {
                if let Some(last) = open.last_mut() {
                    *last = last.map(|_| usize::MAX).or(Some(usize::MAX));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(Some(at)) = open.last().filter(|at| at.is_some_and(|a| a != usize::MAX))
                {
                    items[*at].1.push_str(&text);
                }
            }
            _ => {}
        }
    }
    items
}

#[test]
fn the_markdown_export_is_a_task_list_github_and_gitlab_read() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.toggle(&pack, pack.find("video-candidats").unwrap(), now);
    tracker.skip(&pack, pack.find("slack").unwrap(), "already | there", now);
    tracker.toggle(&pack, pack.find("section-debuter-mentorat").unwrap(), now);
    let report = by("alice", &pack, &tracker, now);
    let mut markdown = Vec::new();
    write_markdown(&mut markdown, &report, &crate::text::EN).unwrap();
    let markdown = String::from_utf8(markdown).unwrap();
    assert!(
        !markdown.contains("[~]") && !markdown.contains("[-]"),
        "{markdown}"
    );
    let items = task_items(&markdown);
    // Every node of the checklist is a task item, in order, with its state.
    let nodes: Vec<&ItemProgress> = report.items.iter().filter(|i| i.state != "info").collect();
    assert_eq!(items.len(), nodes.len(), "{markdown}");
    for ((checked, text), node) in items.iter().zip(&nodes) {
        let settled = matches!(node.state.as_str(), "done" | "skipped");
        assert_eq!(*checked, settled, "{}: {text}", node.id);
        assert!(text.starts_with(&node.title), "{}: {text}", node.id);
    }
    // A skipped step: checked, struck through, with its reason; a part partly done: its count.
    assert!(markdown.contains("- [x] ~~Join Slack"), "{markdown}");
    assert!(
        markdown.contains("— not applicable: already \\| there"),
        "{markdown}"
    );
    let part = report
        .items
        .iter()
        .position(|i| i.id == "centre-aide-recrutement")
        .unwrap();
    assert_eq!(items[part].1, format!("{} (1/3)", report.items[part].title));
    // Links stay, as Markdown links under their step.
    assert!(
        markdown.contains("  - [Mentors' Help Center (in French)](<https://"),
        "{markdown}"
    );
}

#[test]
fn an_exported_checklist_imports_back_to_the_same_tree() {
    for lang in [crate::text::Lang::En, crate::text::Lang::Fr] {
        let pack = crate::pack::builtin(lang).unwrap();
        let now: jiff::Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
        let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
        // Ticked, skipped, noted and partly done nodes: the export decorates each.
        for i in (0..pack.nodes.len()).step_by(3) {
            if pack.is_step(i) {
                tracker.set(&pack, i, true, now);
            }
        }
        let slack = pack.find("slack").unwrap();
        tracker.set(&pack, slack, false, now);
        tracker.skip(&pack, slack, "already there", now);
        tracker.set_note(&pack, 1, Some("asked — fine".into()));
        let report = by("alice", &pack, &tracker, now);
        let mut markdown = Vec::new();
        write_markdown(&mut markdown, &report, lang.text()).unwrap();
        let markdown = String::from_utf8(markdown).unwrap();
        // Without the pack: the same tree, titles and links.
        let options = import_options();
        let alone = crate::import::import(&markdown, &options, &EN).unwrap();
        let shape = |pack: &crate::pack::Pack| -> Vec<(crate::pack::Level, String, Vec<crate::pack::Link>)> {
            pack.nodes
                .iter()
                .map(|n| (n.level, n.title.clone(), n.links.clone()))
                .collect()
        };
        assert_eq!(shape(&alone.pack), shape(&pack));
        assert_eq!(alone.pack.id, pack.id);
        assert_eq!(alone.pack.title, pack.title);
        assert_eq!(
            alone
                .lost
                .iter()
                .filter(|l| matches!(l, crate::import::Lost::Progress { .. }))
                .count(),
            1,
            "{:?}",
            alone.lost
        );
        // With it: every node exactly as it was, ids, texts and all.
        let options = crate::import::Options {
            previous: Some(&pack),
            ..options
        };
        let back = crate::import::import(&markdown, &options, &EN).unwrap();
        assert_eq!(back.pack.nodes, pack.nodes);
        assert_eq!(back.pack.version, pack.version);
    }
}

#[test]
fn titles_markdown_would_read_otherwise_come_back_from_an_export_as_written() {
    let yaml = r#"
id: tricky
version: "1"
lang: en
title: "Tricky *titles* & <tags>"
stages:
  - id: s
    title: "Stage #1 | the [first] one"
    items:
      - {id: a, title: "Use `ticklist check` then *tick* _it_"}
      - {id: b, title: "Read ~~this~~ \\ that <b>now</b> [x] — not applicable: no"}
      - {id: c, title: "1. Not a list! ![img](x) https://example.org/page"}
"#;
    let pack = crate::pack::load_str(yaml, "tricky.yaml").unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.skip(&pack, pack.find("b").unwrap(), "asked — not needed", now);
    tracker.set(&pack, pack.find("a").unwrap(), true, now);
    let report = by("alice", &pack, &tracker, now);
    let mut markdown = Vec::new();
    write_markdown(&mut markdown, &report, &EN).unwrap();
    let markdown = String::from_utf8(markdown).unwrap();
    let options = import_options();
    let back = crate::import::import(&markdown, &options, &EN)
        .unwrap()
        .pack;
    let titles = |pack: &crate::pack::Pack| -> Vec<String> {
        pack.nodes.iter().map(|n| n.title.clone()).collect()
    };
    assert_eq!(titles(&back), titles(&pack), "{markdown}");
    assert_eq!(back.title, pack.title);
    assert!(back.nodes.iter().all(|n| n.links.is_empty()), "{markdown}");
}

/// How the export tests import a Markdown export back: as `alice.md`.
fn import_options() -> crate::import::Options<'static> {
    crate::import::Options {
        file_name: "alice.md",
        output_name: "alice.yaml",
        fallback_title: "alice",
        id: None,
        lang: None,
        manager_lang: "en",
        previous: None,
        base_url: None,
    }
}

#[test]
fn no_text_in_the_markdown_export_can_drive_a_terminal() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.skip(&pack, pack.find("slack").unwrap(), "no\u{202e}evil", now);
    let mut report = by("al\u{1b}]0;pwned\u{7}ice", &pack, &tracker, now);
    report.pack.id = "id\u{1b}[2J".into();
    report.pack.version = "1\u{9b}31m".into();
    report.pack.title = "Pack\u{1b}[31m".into();
    report.items[1].title = "Step\u{7}\u{1b}c".into();
    report.items[1].note = Some("note\u{1b}[8m".into());
    report.groups[0].title = "Stage\u{202d}".into();
    let mut out = Vec::new();
    write_markdown(&mut out, &report, &EN).unwrap();
    let out = String::from_utf8(out).unwrap();
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{bad:?} in\n{out}");
    for shown in [
        "id␛[2J",
        "Pack␛\\[31m",
        "Step␇␛c",
        "note␛\\[8m",
        "al␛\\]0;pwned␇ice",
    ] {
        assert!(out.contains(shown), "{shown} in\n{out}");
    }
}

#[test]
fn a_group_of_reference_cards_is_a_card_in_the_export_as_on_screen() {
    let pack = crate::pack::load_str(
        "id: t\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - id: cards\n    title: Cards\n    items:\n      - {id: c1, title: C1, kind: info, details: D1}\n      - {id: c2, title: C2, kind: info, details: D2}\n  - id: s\n    title: S\n    items:\n      - {id: a, title: A}\n",
        "t.yaml",
    )
    .unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let report = by("alice", &pack, &tracker, now);
    let states: Vec<(&str, &str)> = report
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.state.as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("cards", "info"),
            ("c1", "info"),
            ("c2", "info"),
            ("s", "todo"),
            ("a", "todo")
        ]
    );
    for (i, item) in report.items.iter().enumerate() {
        assert_eq!(item.state, tracker.node_state(&pack, i).name());
    }
    let mut markdown = Vec::new();
    write_markdown(&mut markdown, &report, &EN).unwrap();
    let markdown = String::from_utf8(markdown).unwrap();
    assert!(markdown.contains("\n- Cards\n"), "{markdown}");
    assert!(!markdown.contains("(0/0)"), "{markdown}");
}

#[test]
fn the_markdown_export_gives_the_answers_and_names_the_steps_they_leave_out() {
    let pack = crate::pack::load_str(crate::pack::QUESTIONS_PACK, "q.yaml").unwrap();
    let now: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    let answer = crate::progress::Answer {
        value: Some("company".into()),
        at: now,
    };
    state.answers.insert("billing".into(), answer);
    let fitted = crate::pack::fit(&std::sync::Arc::new(pack), &state.answered(), None).unwrap();
    let tracker = Tracker::new(&fitted, state);
    let report = by("alice", &fitted, &tracker, now);
    assert_eq!(report.total, 4);
    assert!(report.items.iter().all(|item| item.id != "urssaf"));
    let mut md = Vec::new();
    write_markdown(&mut md, &report, &EN).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("- How do you invoice? — Through my company"),
        "{md}"
    );
    assert!(
        md.contains("2 steps do not apply to you, given your answers, and are left out: “Declare yourself before \\[your answer to “Date of the first session”\\]”, “Tell your employer”."),
        "{md}"
    );
}
