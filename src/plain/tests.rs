//! Plain mode's commands and sentences, without a terminal.

use super::*;
use crate::progress::{State, Tracker};
use crate::session::EffectResult;
use crate::text::{EN, FR};

fn plain(text: &'static Text) -> Plain {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let state = State::new(&pack.id, &pack.version);
    let tracker = Tracker::new(&pack, state);
    Plain::new(Session::new(pack, tracker), text, TimeZone::UTC)
}

fn at(hour: i8) -> Timestamp {
    jiff::civil::date(2026, 11, 22)
        .at(hour, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// The plain-mode line number (`g N`) of node `id`'s first step.
fn step_of(p: &Plain, id: &str) -> usize {
    let node = p.session.pack.find(id).unwrap();
    let first = p.session.pack.leaves(node).next().unwrap();
    p.steps.iter().position(|&s| s == first).unwrap() + 1
}

#[test]
fn the_reader_moves_and_hears_where_they_are() {
    let mut p = plain(&EN);
    let intro = p.intro();
    assert_eq!(
        intro[0],
        "Getting started as an OpenClassrooms mentor. 0 of 24 steps done."
    );
    assert!(intro[1].starts_with("Type ? and Enter for the commands"));
    // It opens where the full-screen UI does: on the first step to do, numbered as
    // progress counts steps.
    assert_eq!(
        intro[2],
        "Step 1 of 24, in Stage 1: During your recruitment process"
    );
    // Up from the first step: its stage, a heading, not numbered.
    let stage = p.command("k", at(9));
    assert_eq!(stage.lines[0], "Heading");
    assert_eq!(stage.lines[1], "Stage 1: During your recruitment process");
    assert_eq!(stage.lines[2], "To do. 0 of 6 steps below are done.");
    assert_eq!(p.command("k", at(9)).lines, ["This is the first line."]);
    let reply = p.command("j", at(9));
    assert_eq!(
        reply.lines[0],
        "Step 1 of 24, in Stage 1: During your recruitment process"
    );
    assert_eq!(reply.lines[2], "To do.");
    assert!(
        reply.lines[3].starts_with("Link 1: Candidates, discover"),
        "{reply:?}"
    );
    assert_eq!(
        p.command("g 24", at(9)).lines[0].split(',').next(),
        Some("Step 24 of 24")
    );
    assert_eq!(p.command("j", at(9)).lines, ["This is the last line."]);
    assert_eq!(
        p.command("", at(9)).lines[0].split(',').next(),
        Some("Step 24 of 24")
    );
    assert_eq!(
        p.command("g 25", at(9)).lines,
        ["There is no such step: the numbers go from 1 to 24."]
    );
    assert_eq!(
        p.command("g", at(9)).lines[0],
        "Heading",
        "g alone: the first line"
    );
    assert_eq!(
        p.command("G", at(9)).lines[0].split(',').next(),
        Some("Step 24 of 24")
    );
}

#[test]
fn n_goes_to_the_next_step_to_do_and_w_says_what_is_left() {
    let mut p = plain(&EN);
    p.command("t", at(9));
    p.command("j", at(9));
    p.command("t", at(9));
    p.command("g 1", at(9));
    let next = p.command("n", at(9));
    assert_eq!(
        next.lines[0].split(',').next(),
        Some("Step 3 of 24"),
        "{next:?}"
    );
    let left = p.command("w", at(9)).lines;
    assert_eq!(left.len(), 1);
    assert!(
        left[0].starts_with("Still to do in Stage 1: During your recruitment process (4): “"),
        "{left:?}"
    );
    for _ in 0..4 {
        p.command("t", at(9));
        p.command("n", at(9));
    }
    assert_eq!(
        p.command("g 1", at(9)).lines[0].split(',').next(),
        Some("Step 1 of 24")
    );
    assert_eq!(
        p.command("w", at(9)).lines,
        ["Nothing left to do in Stage 1: During your recruitment process."]
    );
}

#[test]
fn search_goes_from_match_to_match_by_words() {
    let mut p = plain(&EN);
    let first = p.command("/ session", at(9));
    assert!(first.lines[0].starts_with("Match 1 of "), "{first:?}");
    assert!(first.lines[0].ends_with(" for “session”."), "{first:?}");
    let at_first = p.current();
    let second = p.command("n", at(9));
    assert!(second.lines[0].starts_with("Match 2 of "), "{second:?}");
    assert_ne!(p.current(), at_first);
    assert!(p.command("N", at(9)).lines[0].starts_with("Match 1 of "));
    assert_eq!(p.current(), at_first);
    assert_eq!(p.command("/", at(9)).lines, ["Search cleared."]);
    assert_eq!(
        p.command("N", at(9)).lines,
        ["No search yet: type / and words."]
    );
    assert_eq!(
        p.command("/zebra crossing", at(9)).lines,
        ["Nothing matches “zebra crossing”."]
    );
    // With no search, n is the next step to do again.
    assert!(p.command("n", at(9)).lines[0].starts_with("Step "));
}

#[test]
fn help_lists_the_commands_and_runs_only_for_a_pack_done_per_student() {
    let mut p = plain(&EN);
    let help = p.command("?", at(9)).lines;
    assert_eq!(help[0], "Commands (type one, then Enter):");
    assert!(
        help.iter()
            .any(|l| l.starts_with("n: go to the next step not yet done"))
    );
    assert!(!help.iter().any(|l| l.starts_with("r: ")), "{help:?}");
    assert_eq!(
        p.command("r", at(9)).lines,
        ["This checklist is done once, not once per student: it has no list of students."]
    );
    let first = crate::pack::find_builtin("first-session").unwrap();
    let pack = first.load(crate::text::Lang::En).unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let mut p = Plain::new(Session::new(pack, tracker), &EN, TimeZone::UTC);
    assert!(
        p.command("?", at(9))
            .lines
            .iter()
            .any(|l| l.starts_with("r: back to the list of students"))
    );
    let back = p.command("r", at(9));
    assert!(back.runs && back.lines.is_empty(), "{back:?}");
}

#[test]
fn a_pack_of_cards_is_greeted_by_its_cards_not_by_steps() {
    let handbook = crate::pack::find_builtin("mentor-handbook").unwrap();
    let pack = handbook.load(crate::text::Lang::En).unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let p = Plain::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    let intro = p.intro();
    assert!(intro[0].ends_with(". 25 fiches de référence."), "{intro:?}");
    assert!(intro[2].starts_with("Fiche 1 sur 25"), "{intro:?}");
}

#[test]
fn a_step_a_new_version_added_is_said_to_be_new_once() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.mark_new(&pack, &["slack".to_string()]);
    let mut p = Plain::new(Session::new(pack, tracker), &EN, TimeZone::UTC);
    let slack = step_of(&p, "slack");
    let first = p.command(&format!("g {slack}"), at(9));
    assert!(
        first
            .lines
            .contains(&"New in this version of the checklist.".to_string()),
        "{first:?}"
    );
    assert!(
        matches!(first.effects.first(), Some(Effect::Save { .. })),
        "seen: saved"
    );
    assert!(
        !p.command("", at(9))
            .lines
            .iter()
            .any(|l| l.starts_with("New in"))
    );
}

#[test]
fn ticking_says_what_changed_and_asks_for_a_save() {
    let mut p = plain(&EN);
    p.command("g", at(9));
    let reply = p.command("t", at(9));
    assert_eq!(
        reply.lines,
        [
            "Ticked: Stage 1: During your recruitment process.",
            "6 of 24 steps done, 25%."
        ]
    );
    let Some(Effect::Save { seq: 1, changes }) = reply.effects.first() else {
        panic!("{reply:?}")
    };
    assert_eq!(changes.ticks.len(), 6);
    assert_eq!(
        p.describe()[2],
        "Ticked on 22 November 2026 at 09:00. 6 of 6 steps below are done."
    );
    let again = p.command("tick", at(10));
    assert_eq!(
        again.lines[0],
        "Unticked: Stage 1: During your recruitment process, 6 steps. Undo ticks them again."
    );
    p.command("n", at(10));
    let undone = p.command("u", at(11));
    assert_eq!(
        undone.lines,
        [
            "Undone: the untick of “Stage 1: During your recruitment process”, ticked again",
            "6 of 24 steps done, 25%."
        ]
    );
    assert_eq!(p.current(), 0, "back on the node the undo changed");
    assert!(matches!(undone.effects.first(), Some(Effect::Save { .. })));
    p.command("u", at(11));
    assert_eq!(p.command("u", at(11)).lines, ["Nothing to undo."]);
}

#[test]
fn the_last_tick_brings_the_completion_message() {
    let mut p = plain(&EN);
    p.command("g", at(9));
    p.command("t", at(9));
    // The stage heading is the line just before its first part's heading.
    let stage_2 = step_of(&p, "etape-2");
    p.command(&format!("g {stage_2}"), at(9));
    p.command("k", at(9));
    p.command("k", at(9));
    assert_eq!(p.current(), p.session.pack.find("etape-2").unwrap());
    let reply = p.command("t", at(9));
    assert_eq!(reply.lines[1], "24 of 24 steps done, 100%.");
    assert!(reply.lines[2].starts_with("Checklist complete. If you have ticked"));
    assert_eq!(reply.lines.len(), 3, "{reply:?}");
}

#[test]
fn links_open_by_number_and_missing_ones_are_said() {
    let mut p = plain(&EN);
    let reply = p.command("o", at(9));
    assert!(
        matches!(reply.effects.first(), Some(Effect::OpenUrl(url)) if url.contains("360001457117"))
    );
    assert_eq!(
        p.command("o 2", at(9)).lines,
        ["No link 2: this step has 1."]
    );
    assert_eq!(
        p.command("o two", at(9)).lines,
        ["Unknown command: “o two”. Type ? for help."]
    );
}

#[test]
fn skip_marks_the_item_not_applicable_with_its_reason() {
    let mut p = plain(&EN);
    p.command("n", at(9));
    let reply = p.command("s already seen it", at(9));
    assert!(
        reply.lines[0].starts_with("Not applicable: Take the course"),
        "{reply:?}"
    );
    assert_eq!(reply.lines[1], "1 of 24 steps done, 4%.");
    assert_eq!(
        p.describe()[2],
        "Not applicable since 22 November 2026 at 09:00: already seen it."
    );
    assert!(matches!(reply.effects.first(), Some(Effect::Save { .. })));
    let again = p.command("-", at(9));
    assert!(again.lines[0].starts_with("To do again: Take the course"));
    assert_eq!(p.describe()[2], "To do.", "skip again takes it back");
    p.command("s", at(9));
    let no_reason = "Not applicable since 22 November 2026 at 09:00.";
    assert_eq!(p.describe()[2], no_reason, "no colon before nothing");
    p.command("-", at(9));
    let Some(Effect::OpenUrl(url)) = p.command("o", at(10)).effects.pop() else {
        panic!("no link to open")
    };
    let opened = p.session.report(EffectResult::Opened(url));
    let Some(Effect::Save { changes, .. }) = opened.save() else {
        panic!("{opened:?}")
    };
    assert_eq!(changes.opened.len(), 1);
    assert!(
        p.describe()
            .contains(&"Link opened on 22 November 2026 at 10:00.".to_string())
    );
}

#[test]
fn a_hand_edited_skip_reason_cannot_reach_the_terminal() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    let skip = crate::progress::Skip {
        reason: "x\u{1b}]0;pwned\u{7}".into(),
        at: at(9),
    };
    state.skipped.insert("video-candidats".into(), skip);
    let tracker = Tracker::new(&pack, state);
    let mut p = Plain::new(Session::new(pack, tracker), &EN, TimeZone::UTC);
    let line = &p.command("g 1", at(9)).lines[2];
    assert!(line.contains("x␛]0;pwned"), "{line}");
    assert!(!line.contains('\u{1b}'));
}

#[test]
fn status_lists_each_stage_and_quit_ends() {
    let mut p = plain(&FR);
    let lines = p.command("p", at(9)).lines;
    assert_eq!(lines[0], "0 tâche faite sur 24, soit 0 %.");
    assert_eq!(lines.len(), 3);
    assert!(p.command("q", at(9)).quit);
    assert!(p.command("x\u{1b}[31m", at(9)).lines[0].contains('␛'));
}

#[test]
fn a_returning_mentor_starts_on_the_first_step_not_done() {
    let mut p = plain(&EN);
    p.command("g", at(9));
    p.command("t", at(9));
    let state = p.session.tracker().state().clone();
    let pack = p.session.pack.clone();
    let session = Session::new(pack.clone(), Tracker::new(&pack, state));
    let back = Plain::new(session, &EN, TimeZone::UTC);
    assert_eq!(
        back.current(),
        pack.find("video-introduction-role").unwrap()
    );
}

#[test]
fn undo_goes_back_at_most_a_hundred_changes_as_in_the_ui() {
    let mut p = plain(&EN);
    for _ in 0..101 {
        p.command("t", at(9));
    }
    for _ in 0..100 {
        assert_ne!(p.command("u", at(9)).lines, ["Nothing to undo."]);
    }
    assert_eq!(p.command("u", at(9)).lines, ["Nothing to undo."]);
    assert_eq!(
        p.session.tracker().overall(&p.session.pack),
        (1, 24),
        "the first change stays"
    );
}

#[test]
fn note_writes_the_mentors_own_note_and_undo_takes_it_back() {
    let mut p = plain(&EN);
    let reply = p.command("note ask Ana   on Monday ", at(9));
    assert_eq!(reply.lines.len(), 1, "a note changes no count: {reply:?}");
    assert!(
        reply.lines[0].starts_with("Note saved: Watch the video"),
        "{reply:?}"
    );
    assert!(matches!(reply.effects.first(), Some(Effect::Save { .. })));
    let mine = fill(EN.plain_my_note, &[("text", "ask Ana   on Monday")]);
    assert!(p.describe().contains(&mine), "{:?}", p.describe());
    assert!(
        p.command("u", at(9)).lines[0].starts_with("Undone: the note on “Watch the video"),
        "undo says what it took back"
    );
    assert!(!p.describe().contains(&mine));
    p.command("e first", at(9));
    let cleared = p.command("note", at(9));
    assert!(
        cleared.lines[0].starts_with("Note cleared: Watch"),
        "{cleared:?}"
    );
}
