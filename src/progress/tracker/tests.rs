//! Tests of `tracker`.

use super::*;
use crate::pack;

fn pack() -> Pack {
    pack::load_str(
        "id: t\nversion: \"2\"\nlang: en\ntitle: T\nstages:\n  - id: s\n    title: S\n    items:\n      - {id: a, title: A}\n      - id: b\n        title: B\n        items: [{id: b1, title: B1}, {id: b2, title: B2}]\n",
        "t.yaml",
    )
    .unwrap()
}

#[test]
fn counts_come_from_saved_ticks_and_unknown_ids_are_kept() {
    let pack = pack();
    let mut state = State::new("t", "1");
    let at: Timestamp = "2026-11-02T10:00:00Z".parse().unwrap();
    state.ticks.insert("b1".into(), at);
    state.ticks.insert("gone".into(), at);
    // A tick saved for a parent id means nothing: parents are derived.
    state.ticks.insert("b".into(), at);
    let tracker = Tracker::new(&pack, state);
    assert_eq!(tracker.overall(&pack), (1, 3));
    assert_eq!(tracker.check(pack.find("b").unwrap()), Check::Partial);
    assert_eq!(tracker.state().pack_version, "2");
    assert!(tracker.state().ticks.contains_key("gone"));
}

#[test]
fn a_done_parent_reports_its_last_tick() {
    let pack = pack();
    let mut tracker = Tracker::new(&pack, State::new("t", "2"));
    let b = pack.find("b").unwrap();
    let first: Timestamp = "2026-11-02T10:00:00Z".parse().unwrap();
    let second: Timestamp = "2026-11-03T10:00:00.7Z".parse().unwrap();
    tracker.set(&pack, b + 1, true, first);
    assert_eq!(tracker.ticked_at(&pack, b), None);
    tracker.set(&pack, b + 2, true, second);
    assert_eq!(
        tracker.ticked_at(&pack, b),
        Some("2026-11-03T10:00:01Z".parse().unwrap())
    );
    assert!(!tracker.set(&pack, b, true, second), "nothing left to tick");
}

#[test]
fn progress_follows_renamed_ids_and_the_move_is_saved() {
    let yaml = "id: t\nversion: \"2\"\nlang: en\ntitle: T\nstages:\n  - id: s\n    title: S\n    items:\n      - {id: a2, title: A}\n      - {id: b2, title: B}\n      - {id: c2, title: C}\nrenamed: {a: a2, b: b2, c: c2}\n";
    let pack = pack::load_str(yaml, "t.yaml").unwrap();
    let at: Timestamp = "2026-11-02T10:00:00Z".parse().unwrap();
    let later: Timestamp = "2026-11-05T10:00:00Z".parse().unwrap();
    let mut state = State::new("t", "1");
    state.ticks.insert("a".into(), at);
    state.notes.insert("a".into(), "mine".into());
    // b2 was ticked under its new id already: that tick wins over the old one.
    state.ticks.insert("b".into(), at);
    state.ticks.insert("b2".into(), later);
    let skip = Skip {
        reason: "not mine".into(),
        at,
    };
    state.skipped.insert("c".into(), skip.clone());
    let mut tracker = Tracker::new(&pack, state);
    assert_eq!(tracker.overall(&pack), (3, 3), "a skip settles its step");
    assert_eq!(tracker.state().skipped["c2"], skip);
    assert_eq!(tracker.state().ticks["a2"], at);
    assert_eq!(tracker.state().ticks["b2"], later);
    assert_eq!(tracker.state().notes["a2"], "mine");
    let changes = tracker.take_changes();
    assert_eq!(changes.ticks["a"], None);
    assert_eq!(changes.ticks["a2"], Some(at));
    assert_eq!(changes.ticks["b"], None);
    assert!(!changes.ticks.contains_key("b2"));
    assert_eq!(changes.notes["a2"].as_deref(), Some("mine"));
    assert_eq!(changes.skipped["c"], None);
    assert_eq!(changes.skipped["c2"], Some(skip), "the moved skip is saved");
    assert_eq!(orphan_ticks(&pack, tracker.state()), 0);
}

#[test]
fn new_marks_go_on_unticked_steps_and_come_off_when_viewed_or_ticked() {
    let pack = pack();
    let at: Timestamp = "2026-11-02T10:00:00Z".parse().unwrap();
    let mut state = State::new("t", "1");
    state.ticks.insert("b1".into(), at);
    let mut tracker = Tracker::new(&pack, state);
    let ids = ["a", "b1", "b2", "gone"].map(String::from);
    tracker.mark_new(&pack, &ids);
    let marked: Vec<&str> = tracker.state().new.iter().map(String::as_str).collect();
    assert_eq!(marked, ["a", "b2"], "not the ticked one, not unknown ids");
    assert_eq!(tracker.take_changes().new.len(), 2);

    let a = pack.find("a").unwrap();
    assert!(tracker.is_new(&pack, a));
    assert!(tracker.seen(&pack, a));
    assert!(!tracker.is_new(&pack, a) && !tracker.seen(&pack, a));
    let b2 = pack.find("b2").unwrap();
    tracker.set(&pack, b2, true, at);
    assert!(!tracker.is_new(&pack, b2), "ticking clears the mark");
    let changes = tracker.take_changes();
    assert_eq!(changes.new.get("a"), Some(&false));
    assert_eq!(changes.new.get("b2"), Some(&false));
}

#[test]
fn a_start_the_mentor_chose_is_published_one_recorded_on_opening_is_not() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.record_start(jiff::civil::date(2026, 11, 2));
    let recorded = tracker.take_changes();
    assert_eq!(recorded.start, Some(jiff::civil::date(2026, 11, 2)));
    assert!(!recorded.touches_progress(), "bookkeeping");
    tracker.set_start(jiff::civil::date(2026, 11, 1));
    assert!(
        tracker.take_changes().touches_progress(),
        "the mentor's choice"
    );
}
