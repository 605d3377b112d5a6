//! One checklist core under every front end: the same actions through the full-screen
//! UI's core, plain mode and the commands leave the same progress file and say the same
//! things.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ticklist::app::{App, Mode, Overlay};
use ticklist::effects::{Opener, Runner, Saver, Saving};
use ticklist::keymap::{Action, Edit};
use ticklist::pack::{self, Pack};
use ticklist::plain::Plain;
use ticklist::progress::{State, StateStore, Tracker};
use ticklist::session::{Effect, Notice, Outcome, Session};
use ticklist::text::{FR, Lang};

use crate::support::{BUILTIN_ID, FRENCH, NOW, cli, command};

/// One mentor's morning: a tick, a skip with its reason, a note taken back, a parent
/// ticked then unticked, and the whole checklist finished.
enum Step {
    Tick(&'static str),
    Skip(&'static str, &'static str),
    Note(&'static str, &'static str),
    /// Takes back the note just written.
    UndoNote(&'static str),
    Untick(&'static str),
}

const SCRIPT: &[Step] = &[
    Step::Tick("video-candidats"),
    Step::Skip("slack", "déjà inscrit"),
    Step::Note("slack", "demander #mentors"),
    Step::UndoNote("slack"),
    Step::Tick("etape-1"),
    Step::Untick("etape-1"),
    Step::Tick("etape-1"),
    Step::Tick("etape-2"),
];

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

fn builtin() -> Pack {
    pack::builtin(Lang::Fr).unwrap()
}

/// The progress file as data, to compare whole.
fn state_at(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The script through the full-screen UI's core, keys and all, saved by the UI's own
/// runner and background worker, each step's save waited for before the file is read.
/// Progress as opening it leaves it: started the day it is first opened.
fn opened(pack: &Pack) -> Tracker {
    let mut state = State::new(&pack.id, &pack.version);
    state.start = Some(now().to_zoned(TimeZone::UTC).date());
    Tracker::new(pack, state)
}

fn through_the_ui(dir: &Path) -> (Vec<serde_json::Value>, App) {
    let pack = builtin();
    let store = StateStore::new(dir);
    let tracker = opened(&pack);
    let state = tracker.state().clone();
    let mut app = App::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    let saver = Saver::spawn(StateStore::new(dir), state, None, &ticklist::text::FR);
    let mut runner = Runner::background(saver, Opener::Headless, Box::new(std::io::sink()));
    let mut states = Vec::new();
    for step in SCRIPT {
        let (id, effects) = match step {
            Step::Tick(id) | Step::Untick(id) => {
                select(&mut app, id);
                (id, app.update(Action::Toggle, now()))
            }
            Step::Skip(id, text) | Step::Note(id, text) => {
                select(&mut app, id);
                let asks = match step {
                    Step::Skip(..) => Action::Skip,
                    _ => Action::EditNote,
                };
                let mut effects = app.update(asks, now());
                for c in text.chars() {
                    effects.extend(app.edit(Edit::Insert(c), now()));
                }
                effects.extend(app.edit(Edit::Confirm, now()));
                (id, effects)
            }
            Step::UndoNote(id) => (id, app.update(Action::Undo, now())),
        };
        assert!(
            effects.iter().all(|e| matches!(e, Effect::Save { .. })) && !effects.is_empty(),
            "{id}: {effects:?}"
        );
        runner.run(&mut app, effects);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while app.saving() {
            assert!(std::time::Instant::now() < deadline, "{id}: never saved");
            std::thread::sleep(std::time::Duration::from_millis(2));
            runner.run(&mut app, []);
        }
        states.push(state_at(&store.path(BUILTIN_ID)));
    }
    (states, app)
}

/// Plain mode's commands, in process, the progress read after each step.
fn through_plain_commands(dir: &Path) -> Vec<serde_json::Value> {
    let pack = builtin();
    let store = StateStore::new(dir);
    let tracker = opened(&pack);
    let mut plain = Plain::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    let mut runner = Runner::inline(
        Saving::new(&store, None, &ticklist::text::FR),
        Opener::Headless,
    );
    let mut states = Vec::new();
    for lines in plain_lines(&plain.session.pack) {
        for line in lines.lines() {
            let effects = plain.command(line, now()).effects;
            let work = Outcome {
                notices: Vec::new(),
                effects,
            };
            let said = runner.settle(&mut plain.session, work);
            assert!(said.is_empty(), "{line}: {said:?}");
        }
        states.push(state_at(&store.path(BUILTIN_ID)));
    }
    states
}

/// What a plain-mode user types for each step of the script.
fn plain_lines(pack: &Pack) -> Vec<String> {
    let go = |id: &str| crate::support::plain_go(pack, id);
    SCRIPT
        .iter()
        .map(|step| match step {
            Step::Tick(id) | Step::Untick(id) => format!("{}t\n", go(id)),
            Step::Skip(id, reason) => format!("{}skip {reason}\n", go(id)),
            Step::Note(id, text) => format!("{}note {text}\n", go(id)),
            Step::UndoNote(_) => "u\n".into(),
        })
        .collect()
}

fn select(app: &mut App, id: &str) {
    let node = app.session.pack.find(id).unwrap();
    app.tree.reveal(&app.session.pack, node);
}

/// The script typed into plain mode, through a pipe, as a screen reader user would.
fn through_plain_mode(home: &Path) -> (serde_json::Value, String) {
    let typed = plain_lines(&builtin()).concat();
    let out = command(home, FRENCH)
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(typed.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success());
    let path = home.join(format!("config/ticklist/{BUILTIN_ID}.json"));
    (state_at(&path), String::from_utf8(out.stdout).unwrap())
}

/// The script as commands, one run of `ticklist` each: the progress after each, and
/// the last output.
fn through_the_commands(home: &Path) -> (Vec<serde_json::Value>, String) {
    let path = home.join(format!("config/ticklist/{BUILTIN_ID}.json"));
    let mut states = Vec::new();
    let mut last = String::new();
    for step in SCRIPT {
        last = match step {
            Step::Tick(id) => cli(home, &["check", id]),
            Step::Untick(id) => cli(home, &["uncheck", id]),
            Step::Skip(id, reason) => cli(home, &["skip", id, "--reason", reason]),
            Step::Note(id, text) => cli(home, &["note", id, text]),
            // The commands have no undo: taking a note back is clearing it.
            Step::UndoNote(id) => cli(home, &["note", id, "--clear"]),
        };
        states.push(state_at(&path));
    }
    (states, last)
}

#[test]
fn the_same_actions_through_every_front_end_leave_the_same_progress() {
    let (ui_dir, plain_dir, plain_home, cli_home) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (by_ui, app) = through_the_ui(ui_dir.path());
    let by_plain = through_plain_commands(plain_dir.path());
    let (by_commands, last) = through_the_commands(cli_home.path());
    for (n, ((ui, plain), commands)) in by_ui.iter().zip(&by_plain).zip(&by_commands).enumerate() {
        assert_eq!(ui, plain, "step {n}: UI and plain mode");
        assert_eq!(ui, commands, "step {n}: UI and the commands");
    }
    assert_eq!(
        (by_plain.len(), by_commands.len()),
        (SCRIPT.len(), SCRIPT.len())
    );
    // The real binary in plain mode ends where its core did.
    let (by_plain_binary, transcript) = through_plain_mode(plain_home.path());
    let end = by_ui.last().unwrap();
    assert_eq!(end, &by_plain_binary, "UI and plain mode through a pipe");
    // And it is the progress the script means: all settled, slack skipped with its
    // reason, no note left; half-way, the parent unticked kept the skip.
    assert_eq!(end["ticks"].as_object().unwrap().len(), 23);
    assert_eq!(end["skipped"]["slack"]["reason"], "déjà inscrit");
    assert!(end.get("notes").is_none(), "{end}");
    let unticked = &by_ui[5];
    assert!(
        unticked["ticks"].as_object().unwrap().is_empty(),
        "{unticked}"
    );
    assert_eq!(unticked["skipped"]["slack"]["reason"], "déjà inscrit");

    // The same words for the same notices.
    let pack = builtin();
    let complete = Notice::Complete.words(&pack, &FR);
    assert_eq!(app.mode, Mode::Overlay(Overlay::Completion));
    assert!(transcript.contains(&complete), "{transcript}");
    assert!(last.contains(&complete), "{last}");
    let slack = pack.find("slack").unwrap();
    let skipped = Notice::Skipped(slack).words(&pack, &FR);
    assert!(transcript.contains(&skipped), "{transcript}");
    let undone = Notice::Undone(Box::new(Notice::NoteSaved(slack))).words(&pack, &FR);
    assert!(transcript.contains(&undone), "{transcript}");
    let saved = Notice::NoteSaved(slack).words(&pack, &FR);
    assert!(transcript.contains(&saved), "{transcript}");
}

#[test]
fn a_ui_undo_and_a_plain_undo_say_the_same() {
    let pack = builtin();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let mut app = App::new(
        Session::new(pack.clone(), tracker.clone()),
        &FR,
        TimeZone::UTC,
    );
    let mut plain = Plain::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    select(&mut app, "slack");
    let _ = app.update(Action::Toggle, now());
    let _ = app.update(Action::Undo, now());
    for line in crate::support::plain_go(&plain.session.pack, "slack").lines() {
        plain.command(line, now());
    }
    plain.command("t", now());
    let said = plain.command("u", now()).lines;
    assert_eq!(Some(&app.status.unwrap().text), said.first());
}

/// The progress file of `home` as data, its save times left out.
fn progress_of(home: &Path) -> serde_json::Value {
    let mut state = state_at(&home.join(format!("config/ticklist/{BUILTIN_ID}.json")));
    if let Some(object) = state.as_object_mut() {
        object.remove("saved_at");
    }
    state
}

#[test]
fn a_ticked_step_said_not_to_apply_is_skipped_with_the_words_typed_in_every_front_end() {
    let reason = "déjà fait en mai";
    // The full-screen UI, in a terminal: the first step is selected at opening.
    let ui = tempfile::tempdir().unwrap();
    let mut app = crate::support::Session::start(ui.path());
    app.wait_for_text("0/24");
    app.keys(" ");
    app.wait_for_text("1/24");
    app.keys("s");
    app.wait_for_text("Sans objet (remplace 1 coche ; u la rétablit), parce que :");
    // Every letter is text: none of them ticks, moves, opens or quits.
    app.keys(reason);
    app.wait_for_text(reason);
    app.keys("\r");
    app.wait_for("the skip shown", |s| {
        s.contains("[-]") && s.contains("1/24")
    });
    // u brings the tick back; the same words again skip it for good.
    app.keys("u");
    app.wait_for("the tick back", |s| {
        s.contains("Annulé") && !s.contains("[-]")
    });
    app.keys("s");
    app.wait_for_text("Sans objet (remplace 1 coche ; u la rétablit), parce que :");
    app.keys(&format!("{reason}\r"));
    app.wait_for("the skip shown", |s| {
        s.contains("[-]") && s.contains("1/24")
    });
    let app = app.quit();
    let screen = app.contents();
    assert!(!screen.contains("Note enregistrée"), "{screen}");

    // Plain mode, through a pipe.
    let plain = tempfile::tempdir().unwrap();
    let out = crate::support::piped(
        plain.path(),
        FRENCH,
        &["--plain"],
        &format!("t\nskip {reason}\nq\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The commands.
    let commands = tempfile::tempdir().unwrap();
    cli(commands.path(), &["check", "video-candidats"]);
    let said = cli(
        commands.path(),
        &["skip", "video-candidats", "--reason", reason],
    );
    assert!(said.starts_with("1 tâche marquée sans objet"), "{said}");

    let by_ui = progress_of(ui.path());
    assert_eq!(by_ui, progress_of(plain.path()), "UI and plain mode");
    assert_eq!(by_ui, progress_of(commands.path()), "UI and the commands");
    // The tick replaced by the skip, and nothing else.
    assert_eq!(by_ui["ticks"], serde_json::json!({}), "{by_ui}");
    assert_eq!(by_ui["skipped"]["video-candidats"]["reason"], reason);
    assert_eq!(by_ui["skipped"].as_object().unwrap().len(), 1, "{by_ui}");
    assert!(by_ui.get("notes").is_none(), "{by_ui}");
}

#[test]
fn words_typed_after_every_typing_key_are_text_never_commands() {
    let home = tempfile::tempdir().unwrap();
    let mut app = crate::support::Session::start(home.path());
    app.wait_for_text("0/24");
    // A tick first, so that `s` is on a ticked step as well as on a step to do.
    for (key, prompt) in [
        ("s", "Sans objet, parce que :"),
        (" s", "Sans objet (remplace 1 coche"),
        ("e", "Votre note :"),
        ("/", "Recherche :"),
    ] {
        app.keys(key);
        app.wait_for_text(prompt);
        // Letters that are commands elsewhere: tick, move, undo, open, quit, help.
        app.keys("t j u o q ?");
        app.wait_for_text("t j u o q ?");
        app.keys("\x1b");
        app.wait_for("the prompt closed", |s| !s.contains(prompt));
    }
    // Only the one tick made on purpose: nothing else ticked, skipped or noted.
    assert!(app.contents().contains("1/24"), "{}", app.contents());
    let _ = app.quit();
    let state = progress_of(home.path());
    assert_eq!(
        state["ticks"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["video-candidats"]
    );
    assert!(
        state.get("skipped").is_none() && state.get("notes").is_none(),
        "{state}"
    );
}
