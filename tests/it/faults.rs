//! Faults around the real binary in a pseudo-terminal: signals, a crash inside the UI,
//! two windows on the same progress, progress files that cannot be used, and a pack
//! that tries to talk to the terminal. Each proves no tick is lost and the terminal is
//! given back.
#![cfg(target_os = "linux")]

use std::path::Path;

use crate::support::{BUILTIN_ID, Session, TIMEOUT, cli, ticked_ids, wait_for_saved};

/// Takes the progress file's save lock, as another window in the middle of its own
/// save would: no save of the app under test can reach the disk until it is dropped.
fn hold_save_lock(home: &Path) -> std::fs::File {
    let dir = home.join("config/ticklist");
    std::fs::create_dir_all(&dir).unwrap();
    let lock = std::fs::File::create(dir.join(format!(".{BUILTIN_ID}.json.lock"))).unwrap();
    lock.lock().unwrap();
    lock
}

#[test]
fn sigterm_sighup_and_sigint_wait_for_the_last_save_and_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let home = tempfile::tempdir().unwrap();
        let mut app = Session::start(home.path());
        app.wait_for_text("0/24");
        let lock = hold_save_lock(home.path());
        app.keys(" ");
        app.wait_for_text("1/24");
        // The tick is still waiting for the lock when the signal comes: only a signal
        // path that waits for the save keeps it (one that does not is gone by now).
        app.signal(signal);
        assert!(ticked_ids(home.path(), BUILTIN_ID).is_empty());
        drop(lock);
        let (status, app) = app.wait_for_exit();
        assert!(
            !status.success(),
            "SIG{signal} should not look like a clean quit"
        );
        app.assert_restored();
        assert_eq!(
            ticked_ids(home.path(), BUILTIN_ID),
            ["video-candidats"],
            "SIG{signal}"
        );
    }
}

#[test]
fn quitting_and_a_crash_in_the_ui_wait_for_the_last_save() {
    for (key, code) in [("q", 0), ("\x1b[24~", 101)] {
        let home = tempfile::tempdir().unwrap();
        let env = [("TICKLIST_TEST_PANIC", "1")];
        let mut app = Session::start_with(home.path(), &[], &env);
        app.wait_for_text("0/24");
        let lock = hold_save_lock(home.path());
        app.keys(" ");
        app.wait_for_text("1/24");
        // q, or F12 (the test-only panic): the terminal is given back first, then the
        // process waits for the tick still stuck behind the lock.
        app.keys(key);
        while app.screen.screen().alternate_screen() {
            app.wait_for_more();
        }
        assert!(ticked_ids(home.path(), BUILTIN_ID).is_empty());
        drop(lock);
        let (status, app) = app.wait_for_exit();
        assert_eq!(status.exit_code(), code, "{key:?}");
        app.assert_restored();
        if code == 101 {
            let printed = String::from_utf8_lossy(&app.raw);
            assert!(printed.contains("test-only panic"), "{printed}");
        }
        assert_eq!(
            ticked_ids(home.path(), BUILTIN_ID),
            ["video-candidats"],
            "{key:?}"
        );
    }
}

#[test]
fn plain_mode_saves_each_change_before_reading_the_next_command() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    let mut child = crate::support::command(home.path(), "C")
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // It opens on the first step to do; `t` ticks it.
    stdin.write_all(b"t\nwhat\n").unwrap();
    stdin.flush().unwrap();
    // The answer to `what` means `t` was done with; then the process dies at once,
    // with no chance to save at exit.
    let answered = lines
        .by_ref()
        .map(Result::unwrap)
        .find(|l| l.starts_with("Unknown command"));
    assert!(answered.is_some());
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
}

#[test]
fn two_windows_on_the_same_progress_keep_each_others_ticks() {
    let home = tempfile::tempdir().unwrap();
    let mut first = Session::start(home.path());
    first.wait_for_text("0/24");
    // The first opening records the start date: once that is on disk, the second
    // window opens on it with nothing of its own to save, so the only save that can
    // meet the other window's tick is the one its key makes (on a slow machine its
    // own start-up save could otherwise meet it, and the next key rightly clears
    // the notice).
    let state = home
        .path()
        .join(format!("config/ticklist/{BUILTIN_ID}.json"));
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !state.exists() {
        assert!(std::time::Instant::now() < deadline, "no start-up save");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut second = Session::start(home.path());
    second.wait_for_text("0/24");
    first.keys(" ");
    wait_for_saved(home.path(), BUILTIN_ID, &["video-candidats"]);
    // The second window never saw that tick, yet saving its own merges it in.
    second.keys("j ");
    second.wait_for_text("2/24");
    second.wait_for_text("autre fenêtre");
    first.quit();
    second.quit();
    assert_eq!(
        ticked_ids(home.path(), BUILTIN_ID),
        ["cours-explorez-role", "video-candidats"]
    );
}

#[test]
fn a_directory_in_place_of_the_progress_file_is_moved_aside() {
    let home = tempfile::tempdir().unwrap();
    let state = home
        .path()
        .join(format!("config/ticklist/{BUILTIN_ID}.json"));
    std::fs::create_dir_all(&state).unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("Fichier de progression illisible (c'est un dossier, pas un fichier)");
    app.keys(" ");
    app.wait_for_text("1/24");
    app.quit();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
    let aside: Vec<_> = std::fs::read_dir(home.path().join("config/ticklist"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains(".json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
}

#[test]
fn progress_that_cannot_be_saved_refuses_every_change_and_says_why() {
    let home = tempfile::tempdir().unwrap();
    // A file where the config directory should be: nothing under it can be read or
    // written, whoever runs the test (root ignores read-only permissions).
    std::fs::write(home.path().join("config"), "not a directory").unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("non enregistrable");
    // A tick is refused, never shown as made; so are a skip and a note.
    app.keys(" ");
    app.keys("s");
    app.wait_for_text("Sans objet, parce que");
    app.keys("x\r");
    app.keys("e");
    app.wait_for_text("Votre note");
    app.keys("y\r");
    app.wait_for("the refusal said", |s| {
        !s.contains("Votre note") && s.contains("--state-dir")
    });
    let screen = app.contents();
    assert!(screen.contains("0/24"), "{screen}");
    assert!(
        !screen.contains("[x]") && !screen.contains("[-]"),
        "{screen}"
    );
    let app = app.quit();
    // Nothing was made, so nothing was lost: a clean exit.
    let printed = String::from_utf8_lossy(&app.raw);
    assert!(
        !printed.contains("n'ont pas pu être enregistrés"),
        "{printed}"
    );
    assert_eq!(
        std::fs::read_to_string(home.path().join("config")).unwrap(),
        "not a directory"
    );
}

#[test]
fn a_folder_that_can_be_read_but_not_written_is_said_at_opening_in_every_front_end() {
    // /proc: a folder anyone (root too) can read, where no one can make a file.
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let out = crate::support::english(home, &["--state-dir", "/proc", "check", "slack"]);
    let said = crate::support::failed_with(&out, 1);
    assert!(said.contains("Progress cannot be saved here"), "{said}");
    assert!(said.contains("--state-dir FOLDER"), "{said}");
    // Refused by the core, not tried and failed.
    assert!(!said.contains("could not be saved"), "{said}");

    // A link opens all the same; that progress cannot be saved is said once.
    let log = crate::support::fake_browser(home);
    let out = crate::support::english(home, &["--state-dir", "/proc", "open", "slack"]);
    let printed = crate::support::succeeded(&out);
    assert!(printed.contains("Opening in the browser"), "{printed}");
    assert!(crate::support::opened(&log).starts_with("https://"));
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        said.matches("Progress cannot be saved here").count(),
        1,
        "{said}"
    );

    // Plain mode says it before the first step, and refuses a tick.
    let out = crate::support::piped(home, "C", &["--state-dir", "/proc", "--plain"], "t\nq\n");
    let printed = String::from_utf8(out.stdout).unwrap();
    let (opening, rest) = printed.split_once("Type ? and Enter").unwrap();
    assert!(
        opening.contains("Progress cannot be saved here"),
        "{printed}"
    );
    assert!(!rest.contains("Ticked: "), "{printed}");
    assert_eq!(out.status.code(), Some(0), "nothing made, nothing lost");

    // The students' list says it as it opens, before a name is typed.
    let out = crate::support::piped(
        home,
        "C",
        &["--state-dir", "/proc", "--pack", "first-session", "--plain"],
        "q\n",
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let (opening, _) = printed.split_once("q pour quitter").unwrap();
    assert!(opening.contains("--state-dir DOSSIER"), "{printed}");

    // The full screen says it at opening, and shows no tick made.
    let mut app = Session::start_with(home, &["--state-dir", "/proc"], &[]);
    app.wait_for_text("non enregistrable");
    app.keys(" ");
    app.wait_for_text("--state-dir");
    assert!(app.contents().contains("0/24"), "{}", app.contents());
    let app = app.quit();
    let printed = String::from_utf8_lossy(&app.raw);
    assert!(!printed.contains("n'ont pas pu"), "{printed}");
}

#[test]
fn escape_sequences_in_a_pack_never_reach_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("hostile.yaml");
    std::fs::write(
        &pack,
        "id: hostile\nversion: \"1\"\nlang: en\ntitle: \"Pack\\e]0;pwned\\a\"\nstages:\n  - id: s\n    title: \"Stage\\e[2J\"\n    items:\n      - id: a\n        title: \"Clip\\e]52;c;ZXZpbA==\\a board\"\n        details: \"x\\e[31mred\"\n",
    )
    .unwrap();
    let pack = pack.to_str().unwrap();
    let mut app = Session::start_with(home.path(), &["--pack", pack], &[]);
    app.wait_for_text("Clip␛]52;c;ZXZpbA==␇ board");
    app.keys("j");
    app.wait_for_text("x␛[31mred");
    let app = app.quit();
    for payload in ["\x1b]0;pwned", "\x1b]52;c;ZXZpbA==", "\x1b[31mred"] {
        let found = app
            .raw
            .windows(payload.len())
            .any(|w| w == payload.as_bytes());
        assert!(!found, "{payload:?} reached the terminal");
    }
}

#[test]
fn a_new_pack_version_keeps_renamed_ticks_and_tells_of_dropped_ones_once() {
    let home = tempfile::tempdir().unwrap();
    let v1 = home.path().join("v1.yaml");
    let v2 = home.path().join("v2.yaml");
    let head =
        "id: team\nlang: en\ntitle: Team\nstages:\n  - id: s\n    title: Stage\n    items:\n";
    std::fs::write(
        &v1,
        format!("version: \"1\"\n{head}      - {{id: old-name, title: Renamed later}}\n      - {{id: dropped, title: Dropped later}}\n      - {{id: kept, title: Kept}}\n"),
    )
    .unwrap();
    std::fs::write(
        &v2,
        format!("version: \"2\"\n{head}      - {{id: new-name, title: Renamed}}\n      - {{id: kept, title: Kept}}\nrenamed: {{old-name: new-name}}\n"),
    )
    .unwrap();
    let state_dir = home.path().join("state");
    let state_dir = state_dir.to_str().unwrap();
    let v1_arg = v1.to_str().unwrap();
    cli(
        home.path(),
        &[
            "--state-dir",
            state_dir,
            "--pack",
            v1_arg,
            "check",
            "old-name",
            "dropped",
        ],
    );

    let v2_arg = v2.to_str().unwrap();
    let args = ["--state-dir", state_dir, "--pack", v2_arg];
    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for_text("1/2");
    // The mentor is French: so is the interface, whatever the pack's language.
    app.wait_for_text("La version 2 de cette checklist n'a plus une tâche que vous aviez cochée");
    app.quit();
    let state = std::fs::read_to_string(home.path().join("state/team.json")).unwrap();
    assert!(
        state.contains("\"new-name\"") && !state.contains("\"old-name\""),
        "{state}"
    );
    assert!(
        state.contains("\"dropped\""),
        "a dropped step's tick is kept: {state}"
    );
    assert!(state.contains("\"pack_version\": \"2\""), "{state}");

    let mut again = Session::start_with(home.path(), &args, &[]);
    again.wait_for_text("1/2");
    // The footer is drawn after the status line: once it is there, so would the notice be.
    again.wait_for_text("q/Échap quitter");
    // The very words shown at the first start: told once only.
    assert!(
        !again.contents().contains("n'a plus"),
        "told once only: {}",
        again.contents()
    );
    again.quit();

    // The commands open the checklist the same way: told once, at the first `status`.
    let home = tempfile::tempdir().unwrap();
    let state_dir = home.path().join("state");
    let state_dir = state_dir.to_str().unwrap();
    let on = |pack: &str, more: &[&str]| {
        let mut args = vec!["--state-dir", state_dir, "--pack", pack];
        args.extend(more);
        crate::support::cli_output(home.path(), &args)
    };
    on(v1_arg, &["check", "old-name", "dropped"]);
    let told = |out: std::process::Output| {
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap().contains("n'a plus")
    };
    assert!(told(on(v2_arg, &["status"])), "told at the first status");
    assert!(!told(on(v2_arg, &["status"])), "and only then");
}

#[test]
fn steps_a_new_installed_version_adds_are_new_until_viewed() {
    let home = tempfile::tempdir().unwrap();
    let head = "id: team\nlang: en\ntitle: Team\nstages:\n  - id: s\n    title: Stage\n    items:\n      - {id: first, title: First step}\n";
    let v1 = home.path().join("v1.yaml");
    let v2 = home.path().join("v2.yaml");
    std::fs::write(&v1, format!("version: \"1\"\n{head}")).unwrap();
    std::fs::write(
        &v2,
        format!("version: \"2\"\n{head}      - {{id: added, title: Added step}}\n"),
    )
    .unwrap();
    let cli = |args: &[&str]| cli(home.path(), args);
    cli(&["pack", "install", v1.to_str().unwrap()]);
    cli(&["--pack", "team", "check", "first"]);
    cli(&["pack", "install", v2.to_str().unwrap()]);
    let list = cli(&["--pack", "team", "list"]);
    // A French mentor: the interface is French, whatever the pack's language.
    assert!(list.contains("[ ] added  Added step (nouveau)"), "{list}");
    assert!(!list.contains("First step (nouveau)"), "{list}");

    let mut app = Session::start_with(home.path(), &["--pack", "team"], &[]);
    app.wait_for("the new mark", |s| {
        s.lines()
            .any(|l| l.contains("Added step") && l.contains(" nouveau"))
    });
    assert!(
        !app.contents()
            .lines()
            .any(|l| l.contains("First step") && l.contains(" nouveau"))
    );
    app.keys("jj"); // stage → first → added: viewed
    app.wait_for("the mark gone", |s| {
        s.lines()
            .any(|l| l.contains("→ ") && l.contains("Added step"))
            && !s.contains(" nouveau")
    });
    app.quit();
    let list = cli(&["--pack", "team", "list"]);
    assert!(
        !list.contains("(nouveau)"),
        "viewed in the UI, so no longer new: {list}"
    );
}

#[test]
fn progress_that_cannot_be_read_is_never_written_over() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("config/ticklist");
    std::fs::create_dir_all(&dir).unwrap();
    // A link to itself: it cannot be read, though a rename could replace it.
    let file = dir.join(format!("{BUILTIN_ID}.json"));
    std::os::unix::fs::symlink(&file, &file).unwrap();
    let untouched = |after: &str| {
        let meta = std::fs::symlink_metadata(&file).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "{after}: the file was replaced"
        );
    };

    let out = crate::support::english(home, &["check", "slack"]);
    let said = crate::support::failed_with(&out, 1);
    assert!(said.contains("Progress cannot be saved here"), "{said}");
    // Refused by the core before any write is tried.
    assert!(
        said.contains("ticklist: progress cannot be saved: cannot read"),
        "{said}"
    );
    untouched("check");

    // Plain mode opens read-only; the file becomes readable meanwhile, and still the
    // tick is not written over it: what could not be read at the start is never replaced.
    use std::io::{BufRead, Write};
    let mut child = crate::support::command(home, "C")
        .arg("--plain")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut said = String::new();
    while !said.contains("Type ? and Enter") {
        said.push_str(&lines.next().unwrap().unwrap());
    }
    assert!(said.contains("Progress cannot be saved here"), "{said}");
    std::fs::remove_file(&file).unwrap();
    let theirs = r#"{"format":2,"pack_id":"openclassrooms-mentor","pack_version":"2026.11","ticks":{"slack":"2026-11-02T08:15:00Z"}}"#;
    std::fs::write(&file, theirs).unwrap();
    child.stdin.take().unwrap().write_all(b"t\nq\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    let rest = rest.join("\n");
    assert!(
        !rest.contains("Ticked: "),
        "refused, never shown as made: {rest}"
    );
    assert!(rest.contains("Progress cannot be saved here"), "{rest}");
    assert!(!rest.contains("Progress saved"), "{rest}");
    assert_eq!(out.status.code(), Some(0), "nothing made, nothing lost");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        theirs,
        "plain mode"
    );
}

#[test]
fn a_damaged_progress_file_keeps_every_entry_it_can_read() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let pack = ticklist::pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let steps: Vec<&str> = (0..pack.nodes.len())
        .filter(|&i| pack.is_step(i))
        .map(|i| pack.nodes[i].id.as_str())
        .collect();
    assert_eq!(steps.len(), 24);
    // Every step ticked, one of them on a day written "hier" by a hand that edited it.
    let ticks: Vec<String> = steps
        .iter()
        .map(|id| match *id {
            "slack" => format!("\"{id}\":\"hier\""),
            _ => format!("\"{id}\":\"2026-11-02T08:15:00Z\""),
        })
        .collect();
    let file = home.join(format!("config/ticklist/{BUILTIN_ID}.json"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let damaged = format!(
        "{{\"format\":2,\"pack_id\":\"{BUILTIN_ID}\",\"pack_version\":\"2026.11\",\"ticks\":{{{}}}}}",
        ticks.join(",")
    );
    std::fs::write(&file, &damaged).unwrap();
    let out = crate::support::cli_output(home, &["status"]);
    assert!(out.status.success());
    let status = String::from_utf8(out.stdout).unwrap();
    assert!(status.contains("total 23/24"), "{status}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("laissée de côté : la coche sur « Inscrivez-vous sur Slack"),
        "in the mentor's words, naming the step: {said}"
    );
    assert!(
        !said.contains("parse") && !said.contains("integer"),
        "{said}"
    );
    // The file as it was is kept whole beside the one now written.
    let aside: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), damaged);
    assert_eq!(
        ticked_ids(home, BUILTIN_ID).len(),
        23,
        "what was read is on disk"
    );
}

/// Window A opens on no note; window B too, then writes "demander à Ana" and quits;
/// then A, which never saw B's note, writes "lundi 10 h" and types `then`. What A
/// said, and the note on disk at the end.
fn one_note_in_two_windows(then: &str) -> (String, String) {
    use std::io::Write as _;
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let pack = ticklist::pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let go = crate::support::plain_go(&pack, "slack");
    let window = || {
        crate::support::command(home, crate::support::FRENCH)
            .arg("--plain")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut a = window();
    let mut a_in = a.stdin.take().unwrap();
    let mut a_out = std::io::BufReader::new(a.stdout.take().unwrap());
    // A has read its progress once it speaks.
    let mut first = String::new();
    while !first.contains("Checklist") {
        first.clear();
        assert!(std::io::BufRead::read_line(&mut a_out, &mut first).unwrap() > 0);
    }
    a_in.write_all(go.as_bytes()).unwrap();
    a_in.flush().unwrap();
    let mut b = window();
    let mut b_in = b.stdin.take().unwrap();
    b_in.write_all(format!("{go}note demander à Ana\nq\n").as_bytes())
        .unwrap();
    drop(b_in);
    assert!(b.wait().unwrap().success());
    a_in.write_all(format!("note lundi 10 h\n{then}q\n").as_bytes())
        .unwrap();
    drop(a_in);
    let mut said = String::new();
    std::io::Read::read_to_string(&mut a_out, &mut said).unwrap();
    assert!(a.wait().unwrap().success());
    let file = home.join(format!("config/ticklist/{BUILTIN_ID}.json"));
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let note = state["notes"]["slack"].as_str().unwrap().to_string();
    (said, note)
}

#[test]
fn one_note_written_in_two_windows_keeps_both_texts() {
    let (said, note) = one_note_in_two_windows("");
    assert!(said.contains("les deux textes sont gardés"), "{said}");
    assert!(
        note.starts_with("lundi 10 h\n\n[") && note.ends_with("] demander à Ana"),
        "{note:?}"
    );
}

#[test]
fn undoing_a_note_kept_beside_another_windows_leaves_the_other_windows_text() {
    let (said, note) = one_note_in_two_windows("u\n");
    assert!(said.contains("les deux textes sont gardés"), "{said}");
    assert_eq!(note, "demander à Ana", "{said}");
}

#[test]
fn an_export_without_a_person_id_says_so_in_the_mentors_words() {
    let home = tempfile::tempdir().unwrap();
    // A file where the config folder goes: no person id can be kept, nor progress read.
    std::fs::write(home.path().join("config"), "not a directory").unwrap();
    let out = crate::support::cli_output(
        home.path(),
        &["export", "--name", "Zoé", "--format", "json"],
    );
    assert!(out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("cet export ne porte pas d'identifiant de personne"),
        "{said}"
    );
    assert!(said.contains("(impossible de lire "), "{said}");
    assert!(!said.contains("cannot"), "{said}");
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(export.get("person").is_none(), "{export}");
}
