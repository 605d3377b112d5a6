//! The core's rules, each once, without any front end.

use super::*;
use crate::pack::Kind;
use crate::progress::{Check, State};
use crate::text::{EN, Lang};

/// A moment of 22 November 2026 (UTC), at `hour`: the core's tests' clock.
pub(super) fn at(hour: i8) -> Timestamp {
    jiff::civil::date(2026, 11, 22)
        .at(hour, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

fn session() -> Session {
    let pack = crate::pack::builtin(Lang::En).unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    Session::new(pack, tracker)
}

fn node(session: &Session, id: &str) -> usize {
    session.pack.find(id).unwrap()
}

fn saved_ticks(outcome: &Outcome) -> usize {
    match outcome.save() {
        Some(Effect::Save { changes, .. }) => changes.ticks.len(),
        _ => panic!("no save in {outcome:?}"),
    }
}

#[test]
fn a_tick_says_so_is_saved_numbered_and_can_be_undone() {
    let mut s = session();
    let stage = node(&s, "etape-1");
    let ticked = s.toggle(stage, at(9));
    assert_eq!(ticked.notices, [Notice::Ticked(stage)]);
    assert_eq!(saved_ticks(&ticked), 6);
    assert!(matches!(ticked.save(), Some(Effect::Save { seq: 1, .. })));
    assert!(s.saving(), "a save handed out is in flight until reported");
    let _ = s.report(EffectResult::Saved {
        upto: 1,
        merged: None,
    });
    assert!(!s.saving());
    let undone = s.undo();
    assert_eq!(
        undone.notices,
        [Notice::Undone(Box::new(Notice::Ticked(stage)))]
    );
    assert_eq!(undone.undone(), Some(stage));
    assert!(matches!(undone.save(), Some(Effect::Save { seq: 2, .. })));
    assert_eq!(s.tracker().overall(&s.pack), (0, 24));
    assert_eq!(s.undo().notices, [Notice::NothingToUndo]);
}

#[test]
fn the_change_that_settles_the_last_step_completes_the_checklist_once() {
    let mut s = session();
    let (one, two) = (node(&s, "etape-1"), node(&s, "etape-2"));
    assert_eq!(s.toggle(one, at(9)).notices, [Notice::Ticked(one)]);
    assert_eq!(
        s.skip(two, "done elsewhere", at(9)).notices,
        [Notice::Skipped(two), Notice::Complete],
        "a skip that settles the last step completes it too"
    );
    let unskipped = s.unskip(two);
    assert_eq!(unskipped.notices, [Notice::Unskipped(two)]);
    let both = s.set(&[one, two], true, at(10));
    assert_eq!(
        both.notices,
        [Notice::Ticked(two), Notice::Complete],
        "one is done already: only two changes"
    );
}

#[test]
fn reference_cards_cannot_be_ticked_skipped_or_undone() {
    let handbook = crate::pack::find_builtin("mentor-handbook").unwrap();
    let pack = handbook.load(Lang::En).unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let mut s = Session::new(pack, tracker);
    let card = s
        .pack
        .nodes
        .iter()
        .position(|n| n.kind == Kind::Info)
        .unwrap();
    assert_eq!(s.toggle(card, at(9)), Outcome::say(Notice::NotTickable));
    assert_eq!(s.skip(card, "x", at(9)), Outcome::say(Notice::NotTickable));
    assert_eq!(s.undo().notices, [Notice::NothingToUndo]);
}

#[test]
fn a_named_skipped_step_is_ticked_but_a_parent_keeps_its_skips() {
    let mut s = session();
    let (stage, step) = (node(&s, "etape-1"), node(&s, "video-candidats"));
    let _ = s.skip(step, "seen", at(9));
    let _ = s.set(&[stage], true, at(9));
    assert!(s.tracker().skip_of(&s.pack, step).is_some());
    let _ = s.set(&[step], true, at(9));
    assert_eq!(s.tracker().check(step), Check::Done);
    assert!(s.tracker().skip_of(&s.pack, step).is_none());
}

#[test]
fn notes_are_cleaned_bounded_and_undone_like_ticks() {
    let mut s = session();
    let step = node(&s, "video-candidats");
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        s.note(step, &long, false),
        Outcome::say(Notice::TooLong(MAX_TEXT_CHARS + 1))
    );
    let saved = s.note(step, "  call\u{1b}[2J Ana \n", false);
    assert_eq!(saved.notices, [Notice::NoteSaved(step)]);
    let id = &s.pack.nodes[step].id;
    assert_eq!(s.tracker().state().notes[id], "call␛[2J Ana");
    let same = s.note(step, "call␛[2J Ana", false);
    assert_eq!(same.save(), None, "the same note writes nothing");
    assert_eq!(s.note(step, "", false).notices, [Notice::NoteCleared(step)]);
    // No note left to clear: nothing is said, nothing saved.
    assert_eq!(s.note(step, "", false), Outcome::default());
    let _ = s.undo();
    let id = &s.pack.nodes[step].id;
    assert_eq!(s.tracker().state().notes[id], "call␛[2J Ana");
    let _ = s.note(step, "two\nlines", true);
    let id = &s.pack.nodes[step].id;
    assert_eq!(s.tracker().state().notes[id], "two\nlines");
}

#[test]
fn undo_keeps_a_hundred_changes() {
    let mut s = session();
    let step = node(&s, "video-candidats");
    for _ in 0..=crate::progress::UNDO_LEVELS {
        let _ = s.toggle(step, at(9));
    }
    for _ in 0..crate::progress::UNDO_LEVELS {
        assert_ne!(s.undo().notices, [Notice::NothingToUndo]);
    }
    assert_eq!(s.undo().notices, [Notice::NothingToUndo]);
}

#[test]
fn an_opened_link_is_recorded_only_once_the_browser_took_it() {
    let mut s = session();
    let step = node(&s, "video-candidats");
    assert_eq!(
        s.open(step, 2, at(9)),
        Outcome::say(Notice::NoSuchLink { n: 2, count: 1 })
    );
    assert_eq!(s.open(0, 1, at(9)), Outcome::say(Notice::NoLink));
    let [Effect::OpenUrl(url)] = &s.open(step, 1, at(9)).effects[..] else {
        panic!("the step has a link")
    };
    let url = url.clone();
    let refused = s.report(EffectResult::NoBrowser(url.clone()));
    assert_eq!(refused.save(), None);
    let late = s.report(EffectResult::Opened(url.clone()));
    assert_eq!(late.save(), None, "the failed opening was forgotten");
    let _ = s.open(step, 1, at(10));
    let opened = s.report(EffectResult::Opened(url.clone()));
    assert_eq!(opened.notices, [Notice::Opened(url)]);
    assert!(opened.save().is_some());
    assert_eq!(s.tracker().opened_at(&s.pack, step), Some(at(10)));
}

#[test]
fn ticks_from_another_window_are_taken_in_with_this_ones_still_in_flight() {
    let mut s = session();
    let (mine, theirs) = (node(&s, "video-candidats"), node(&s, "etape-2"));
    let _ = s.toggle(mine, at(9));
    let mut other = session();
    let _ = other.toggle(theirs, at(9));
    let merged = other.tracker().state().clone();
    // Written before this window's save: it must not lose this window's tick.
    let outcome = s.report(EffectResult::Saved {
        upto: 0,
        merged: Some(merged),
    });
    assert_eq!(outcome.notices, [Notice::Merged]);
    assert_eq!(s.tracker().overall(&s.pack), (19, 24));
    let nothing_new = s.report(EffectResult::Saved {
        upto: 1,
        merged: Some(s.tracker().state().clone()),
    });
    assert_eq!(nothing_new, Outcome::default());
}

#[test]
fn a_read_only_session_has_no_startup_save_and_says_why() {
    let locked = crate::progress::ReadOnlyWhy::Failed(crate::progress::StateError::Io {
        action: crate::progress::FileAction::Lock,
        path: "p.json".into(),
        os: "locked".into(),
    });
    let mut s = session().read_only(Some(locked.clone()));
    assert_eq!(s.startup(true), Outcome::default());
    assert_eq!(s.read_only_reason(), Some(&locked));
    // Every change is refused with the reason, and nothing changes or is saved.
    let refused = Outcome::say(Notice::ReadOnly(locked));
    let step = s.first_todo().unwrap();
    assert_eq!(s.toggle(step, at(1)), refused);
    assert_eq!(s.set(&[step], true, at(1)), refused);
    assert_eq!(s.skip(step, "why", at(1)), refused);
    assert_eq!(s.skip_all(&[step], "why", at(1)), refused);
    assert_eq!(s.note(step, "mine", false), refused);
    assert_eq!(s.undo(), refused);
    assert_eq!(s.start(jiff::civil::date(2026, 11, 2)), refused);
    assert_eq!(s.seen(step), Outcome::default());
    assert_eq!(s.tracker().overall(&s.pack).0, 0);
    assert!(s.tracker().state().notes.is_empty() && !s.saving());
    let mut writable = session();
    assert!(writable.startup(true).save().is_some());
    assert_eq!(
        session().startup(false),
        Outcome::default(),
        "nothing changed, nothing to write"
    );
}

#[test]
fn next_todo_goes_round_and_says_when_all_is_ticked() {
    let mut s = session();
    let first = s.first_todo().unwrap();
    assert_eq!(s.next_todo(s.pack.nodes.len()), Ok(first));
    for stage in s.pack.children(None).collect::<Vec<_>>() {
        let _ = s.toggle(stage, at(9));
    }
    assert_eq!(s.next_todo(0), Err(Notice::AllTicked));
    assert_eq!(
        Notice::Complete.words(&s.pack, &EN),
        format!("Checklist complete. {}", completion_message(&s.pack, &EN))
    );
}

#[test]
fn asking_the_manager_writes_a_mail_about_the_step_or_opens_the_contact_page() {
    let yaml = "id: t\nversion: \"1\"\nlang: en\ntitle: Team & co\ncontact: {name: Ana, email: ana@openclassrooms.com}\nstages:\n  - id: s\n    title: S\n    items:\n      - {id: a, title: \"Join Slack, now?\", links: [{label: L, url: \"https://openclassrooms.com/x\"}]}\n      - {id: b, title: B}\n";
    let pack = crate::pack::load_str(yaml, "t.yaml").unwrap();
    let mut state = crate::progress::State::new(&pack.id, &pack.version);
    state.notes.insert("a".into(), "which channel?".into());
    let tracker = Tracker::new(&pack, state);
    let session = Session::new(pack.clone(), tracker);
    let a = pack.find("a").unwrap();
    let [Effect::OpenUrl(url)] = &session.ask(a, &crate::text::EN).effects[..] else {
        panic!("no mail")
    };
    let url = url.clone();
    assert!(
        url.starts_with("mailto:ana@openclassrooms.com?subject=Question%20about%20"),
        "{url}"
    );
    let decoded = percent_encoding::percent_decode_str(&url)
        .decode_utf8()
        .unwrap();
    assert!(
        decoded.contains("subject=Question about “Join Slack, now?” (Team & co)"),
        "{decoded}"
    );
    assert!(decoded.contains("Hello Ana,"), "{decoded}");
    assert!(
        decoded.contains("https://openclassrooms.com/x"),
        "the step's link: {decoded}"
    );
    assert!(
        decoded.contains("note: which channel?"),
        "the mentor's note: {decoded}"
    );
    assert!(decoded.contains("(0/2 done so far)"), "{decoded}");
    assert_eq!(session.ask_words(&crate::text::EN).0, "write to Ana");
    // The subject's & and ? are encoded: the mail program reads one subject, one body.
    assert_eq!(url.matches('&').count(), 1, "{url}");
    assert!(crate::pack::url::check(&url).is_ok());

    let page = yaml.replace(
        "email: ana@openclassrooms.com",
        "url: \"https://openclassrooms.com/contact\"",
    );
    let pack = crate::pack::load_str(&page, "t.yaml").unwrap();
    let session = Session::new(
        pack.clone(),
        Tracker::new(&pack, crate::progress::State::new("t", "1")),
    );
    assert_eq!(
        session.ask(a, &crate::text::EN),
        Outcome::run(Effect::OpenUrl("https://openclassrooms.com/contact".into()))
    );
    // `m` says whom it reaches, in the footer and the help.
    assert_eq!(
        session.ask_words(&crate::text::FR),
        (
            "contacter Ana".to_string(),
            "Contacter Ana (sa page de contact)".to_string()
        )
    );
    let none = yaml.replace("contact: {name: Ana, email: ana@openclassrooms.com}\n", "");
    let pack = crate::pack::load_str(&none, "t.yaml").unwrap();
    let session = Session::new(
        pack.clone(),
        Tracker::new(&pack, crate::progress::State::new("t", "1")),
    );
    assert_eq!(
        session.ask(a, &crate::text::EN),
        Outcome::say(Notice::NoContact)
    );
    assert!(!session.can_ask(), "no one: the footer leaves `m` out");
    assert_eq!(
        session.ask_words(&crate::text::EN).1,
        "This pack names no one to ask"
    );
}

#[test]
fn a_contact_is_a_name_and_a_plain_address_or_page() {
    let head = "id: t\nversion: \"1\"\nlang: en\ntitle: T\n";
    let tail = "stages:\n  - id: s\n    title: S\n    items: [{id: a, title: A}]\n";
    for bad in [
        "contact: {name: Ana}\n",
        "contact: {name: \"\", email: a@b.fr}\n",
        "contact: {name: Ana, email: \"a@b.fr?subject=x\"}\n",
        "contact: {name: Ana, email: not-an-address}\n",
        "contact: {name: Ana, url: \"mailto:a@b.fr\"}\n",
    ] {
        assert!(
            crate::pack::load_str(&format!("{head}{bad}{tail}"), "t.yaml").is_err(),
            "{bad}"
        );
    }
}
