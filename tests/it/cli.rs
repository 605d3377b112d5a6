//! The commands that work without the full-screen UI, through the real binary: status
//! (text and JSON), list, check and uncheck with the UI's rules, unknown ids.
#![cfg(unix)]

use std::path::Path;
use std::process::Output;

use crate::support::{FRENCH, command};

/// Runs a French mentor's command with its progress kept in `state`.
fn ticklist(state: &Path, args: &[&str]) -> Output {
    std::fs::create_dir_all(state).unwrap();
    command(state, FRENCH)
        .args(args)
        .env("TICKLIST_STATE_DIR", state)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn check_a_stage_then_read_status_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&ticklist(dir.path(), &["check", "etape-1", "slack"]));
    assert_eq!(out, "7 tâches cochées ; 7/24 faites\n");

    let status = stdout(&ticklist(dir.path(), &["status"]));
    let lines: Vec<&str> = status.lines().collect();
    assert_eq!(
        lines[0],
        "6/6 (100 %) Étape 1 : Pendant votre processus de recrutement"
    );
    assert_eq!(
        lines[1],
        "1/18 (5 %) Étape 2 : Une fois votre contrat signé"
    );
    assert_eq!(lines[3], "  1/9 (11 %) Partie 2 : Pour aller plus loin");
    assert_eq!(
        lines.last().unwrap(),
        &"total 7/24 (29 %) Checklist pour démarrer votre mission de mentor"
    );

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&ticklist(dir.path(), &["status", "--json"]))).unwrap();
    assert_eq!(json["pack_id"], "openclassrooms-mentor");
    assert_eq!(
        (json["done"].as_u64(), json["total"].as_u64()),
        (Some(7), Some(24))
    );
    assert_eq!(json["groups"][0]["id"], "etape-1");
    assert_eq!(json["groups"][0]["done"], 6);

    let todo = stdout(&ticklist(dir.path(), &["list", "--todo"]));
    assert!(!todo.contains("video-candidats"), "{todo}");
    assert!(!todo.contains("[x]"), "{todo}");
    assert!(todo.contains("[~] etape-2  Étape 2 : Une fois votre contrat signé (1/18)"));
    assert!(todo.contains("    [ ] companion  "), "{todo}");
    let all = stdout(&ticklist(dir.path(), &["list"]));
    assert!(all.contains("  [x] video-candidats  "), "{all}");
    assert!(all.contains("1. "), "links are listed: {all}");
}

#[test]
fn uncheck_one_step_of_a_done_part() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&ticklist(dir.path(), &["check", "partie-1"]));
    let out = stdout(&ticklist(dir.path(), &["uncheck", "profil-mentor"]));
    assert_eq!(out, "1 tâche décochée ; 8/24 faites\n");
    let list = stdout(&ticklist(dir.path(), &["list"]));
    assert!(list.contains("[~] partie-1"), "{list}");
}

#[test]
fn unknown_ids_exit_2_with_close_matches_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = ticklist(dir.path(), &["check", "slack", "slak", "nothing-like-it"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("« slak » ; vouliez-vous dire slack ?"),
        "{err}"
    );
    assert!(
        err.contains("« nothing-like-it » (voir `ticklist list`)"),
        "{err}"
    );
    assert!(stdout(&ticklist(dir.path(), &["status"])).contains("total 0/24"));
}

#[test]
fn commands_merge_with_what_is_on_disk() {
    use ticklist::progress::{Changes, StateStore};
    let dir = tempfile::tempdir().unwrap();
    let now: jiff::Timestamp = crate::support::NOW.parse().unwrap();
    // A window opens the progress, then a command ticks a step behind its back…
    let store = StateStore::new(dir.path());
    let mut window = store
        .load("openclassrooms-mentor", "2026.12", now)
        .into_state();
    stdout(&ticklist(dir.path(), &["check", "companion"]));
    // …and the window, which never saw that tick, saves one of its own.
    let mine = Changes::from([("slack".to_string(), Some(now))]);
    window.apply(&mine);
    let saved = store.save(&window, &mine, now).unwrap();
    assert!(saved.merged_foreign, "the command's tick was merged in");
    // A later command also starts from what is on disk, not from nothing.
    stdout(&ticklist(dir.path(), &["check", "video-candidats"]));
    let list = stdout(&ticklist(dir.path(), &["list"]));
    for id in ["companion", "slack", "video-candidats"] {
        let line = list
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap();
        assert!(line.contains("[x]"), "{id} lost: {list}");
    }
}

#[test]
fn reset_keeps_a_backup_and_asks_unless_told_yes() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&ticklist(dir.path(), &["check", "slack"]));
    // No terminal to ask on (stdin is not one here): refuse rather than guess.
    let out = ticklist(dir.path(), &["reset"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ajoutez --yes"));
    assert!(stdout(&ticklist(dir.path(), &["status"])).contains("total 1/24"));

    let out = stdout(&ticklist(dir.path(), &["reset", "--yes"]));
    assert!(
        out.starts_with("progression remise à zéro ; l'ancien fichier est gardé sous "),
        "{out}"
    );
    let backup = out.trim().rsplit(' ').next().unwrap();
    assert!(
        std::fs::read_to_string(backup)
            .unwrap()
            .contains("\"slack\"")
    );
    assert!(stdout(&ticklist(dir.path(), &["status"])).contains("total 0/24"));
}

#[test]
fn reset_asks_on_a_terminal_and_a_no_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&ticklist(dir.path(), &["check", "slack"]));
    let state = dir.path().to_str().unwrap();
    for (answer, expected, left) in [("n", "nothing changed", 1), ("oui", "progress reset", 0)] {
        let args = ["--lang", "en", "--state-dir", state, "reset"];
        let mut asked = crate::support::Session::start_with(dir.path(), &args, &[]);
        asked.wait_for_text("[y/N]");
        let question = asked.contents();
        assert!(
            question.starts_with("Reset the progress of “Getting started"),
            "{question}"
        );
        assert!(
            question.contains("(1 tick)? A backup is kept."),
            "{question}"
        );
        asked.keys(&format!("{answer}\r"));
        let (status, asked) = asked.wait_for_exit();
        assert!(status.success(), "{}", asked.contents());
        assert!(asked.contents().contains(expected), "{}", asked.contents());
        let total = format!("total {left}/24");
        assert!(stdout(&ticklist(dir.path(), &["status"])).contains(&total));
    }
}

#[test]
fn open_hands_link_n_to_the_opener() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let script = dir.path().join("opener");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = |args: &[&str]| {
        command(dir.path(), "C")
            .args(args)
            .env("TICKLIST_STATE_DIR", dir.path())
            .env("TICKLIST_OPENER", &script)
            .output()
            .unwrap()
    };
    let out = stdout(&run(&["open", "mentorship-manager", "2"]));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !log.exists() {
        assert!(std::time::Instant::now() < deadline, "the opener never ran");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let url = out.trim().rsplit_once(' ').unwrap().1;
    assert!(url.starts_with("https://"), "{out}");
    // The script may still be writing: wait for the whole URL.
    while std::fs::read_to_string(&log).unwrap() != url {
        assert!(
            std::time::Instant::now() < deadline,
            "the opener got something else"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }

    let out = run(&["open", "mentorship-manager", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has 2 links, so there is no link 3"));
    let out = run(&["open", "slak"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean slack?"));
}

#[test]
fn a_note_is_saved_listed_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&ticklist(dir.path(), &["check", "slack"]));
    let out = stdout(&ticklist(
        dir.path(),
        &["note", "slack", "Ask for the #mentors channel\u{1b}[2J"],
    ));
    assert_eq!(
        out,
        "Note enregistrée : Inscrivez-vous sur Slack et découvrez comment l'utiliser et pourquoi ?\n"
    );
    let list = stdout(&ticklist(dir.path(), &["list"]));
    assert!(
        list.contains("      note : Ask for the #mentors channel␛[2J\n"),
        "{list}"
    );
    assert!(
        stdout(&ticklist(dir.path(), &["status"])).contains("total 1/24"),
        "ticks kept"
    );
    assert_eq!(
        stdout(&ticklist(dir.path(), &["note", "slack", "--clear"])),
        "Note effacée : Inscrivez-vous sur Slack et découvrez comment l'utiliser et pourquoi ?\n"
    );
    assert!(!stdout(&ticklist(dir.path(), &["list"])).contains("note :"));
    let out = ticklist(dir.path(), &["note", "slak", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ticklist(dir.path(), &["note", "slack"]);
    assert_eq!(out.status.code(), Some(2), "text or --clear is required");
}

#[test]
fn export_json_and_markdown_say_who_what_and_when() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&ticklist(dir.path(), &["check", "etape-1"]));
    stdout(&ticklist(dir.path(), &["note", "slack", "next week"]));
    let json: serde_json::Value = serde_json::from_str(&stdout(&ticklist(
        dir.path(),
        &["export", "--format", "json", "--name", "alice"],
    )))
    .unwrap();
    assert_eq!(json["format"], "ticklist-export");
    assert_eq!(json["version"], 1);
    assert_eq!(json["mentor"], "alice");
    assert_eq!(json["pack"]["id"], "openclassrooms-mentor");
    let builtin_digest = ticklist::pack::builtin(ticklist::text::Lang::Fr)
        .unwrap()
        .digest();
    assert_eq!(json["pack"]["digest"], builtin_digest.as_str());
    assert_eq!(
        (json["done"].as_u64(), json["total"].as_u64()),
        (Some(6), Some(24))
    );
    json["generated_at"]
        .as_str()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap();
    let items = json["items"].as_array().unwrap();
    let video = items.iter().find(|i| i["id"] == "video-candidats").unwrap();
    assert_eq!(video["state"], "done");
    video["ticked_at"]
        .as_str()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap();
    let slack = items.iter().find(|i| i["id"] == "slack").unwrap();
    assert_eq!(
        (slack["state"].as_str(), slack["note"].as_str()),
        (Some("todo"), Some("next week"))
    );

    let md = stdout(&ticklist(dir.path(), &["export", "--name", "alice"]));
    // An HTML comment no one sees once pasted, for `pack import` to read it back.
    let (marker, md) = md.split_once('\n').unwrap();
    assert!(marker.starts_with("<!-- ticklist-export {"), "{marker}");
    assert!(
        md.starts_with("# Checklist pour démarrer votre mission de mentor — alice\n"),
        "{md}"
    );
    assert!(md.contains("**6/24 tâches faites (25 %)**"), "{md}");
    // Dates in words, no digest: the exact time and the digest are in the JSON export.
    assert!(
        md.contains("version 2026.12, écrit le 23 novembre 2026.\n"),
        "{md}"
    );
    assert!(
        !md.contains(&builtin_digest) && !md.contains("T09:00"),
        "{md}"
    );
    assert!(md.contains("— cochée le 23 novembre 2026"), "{md}");
    assert!(
        md.contains("| Étape 1 : Pendant votre processus de recrutement | 6/6 | 100 |"),
        "{md}"
    );
    assert!(md.contains("  - [x] Regardez la vidéo"), "{md}");
    assert!(md.contains("  - [ ] Inscrivez-vous sur Slack"), "{md}");
    assert!(md.contains("    - note : next week"), "{md}");

    let file = dir.path().join("alice.json");
    let out = ticklist(
        dir.path(),
        &[
            "export",
            "--format",
            "json",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("\"ticklist-export\"")
    );
}

#[test]
fn report_tables_many_exports_of_different_versions() {
    let dir = tempfile::tempdir().unwrap();
    let alice_dir = dir.path().join("alice");
    let bob_dir = dir.path().join("bob");
    stdout(&ticklist(&alice_dir, &["check", "etape-1", "slack"]));
    stdout(&ticklist(&bob_dir, &["check", "slack"]));
    let export = |state: &Path, name: &str| {
        stdout(&ticklist(
            state,
            &["export", "--format", "json", "--name", name],
        ))
    };
    std::fs::write(dir.path().join("alice.json"), export(&alice_dir, "alice")).unwrap();
    // Bob used an older pack version without stage 1, and last ticked long ago.
    let mut bob: serde_json::Value = serde_json::from_str(&export(&bob_dir, "bob")).unwrap();
    bob["pack"]["version"] = "2025.01".into();
    bob["groups"]
        .as_array_mut()
        .unwrap()
        .retain(|g| g["id"] != "etape-1");
    let items = bob["items"].as_array_mut().unwrap();
    let stage_2 = items.iter().position(|i| i["id"] == "etape-2").unwrap();
    items.drain(..stage_2);
    for item in bob["items"].as_array_mut().unwrap() {
        if !item["ticked_at"].is_null() {
            item["ticked_at"] = "2026-01-05T10:00:00Z".into();
        }
    }
    // Every export says when its checklist started: Bob's, before his last tick.
    assert_eq!(bob["start"], "2026-11-23");
    bob["start"] = "2025-12-01".into();
    std::fs::write(dir.path().join("bob.json"), bob.to_string()).unwrap();
    let carol_dir = dir.path().join("carol");
    stdout(&ticklist(&carol_dir, &["check", "etape-2"]));
    std::fs::write(dir.path().join("carol.json"), export(&carol_dir, "carol")).unwrap();
    let files = [
        dir.path().join("alice.json"),
        dir.path().join("bob.json"),
        dir.path().join("carol.json"),
    ];
    let files: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();

    let mut args = vec!["report", "--stale-days", "30"];
    args.extend(&files);
    let table = stdout(&ticklist(dir.path(), &args));
    let lines: Vec<&str> = table.lines().skip_while(|l| !l.starts_with('|')).collect();
    assert!(
        table
            .contains("Versions du pack utilisées : 2026.12 (mentors : 2), 2025.01 (mentors : 1)."),
        "{table}"
    );
    assert_eq!(
        lines[0],
        "| Nom du mentor | Version du pack | Tâches faites | Étape 1 : Pendant votre processus de recrutement | Étape 2 : Une fois votre contrat signé | Début | Tâches en retard | Dernière coche |"
    );
    // Alice ticked "today" (the clock every test run is given): not inactive.
    assert!(
        lines[2].starts_with(
            "| alice | 2026.12 | 7/24 (29 %) | 100 % | 5 % | 2026-11-23 | – | 2026-11-23 |"
        ),
        "{table}"
    );
    assert!(
        lines[3].starts_with(
            "| bob | 2025.01 | 1/18 (5 %) | – | 5 % | 2025-12-01 | – | 2026-01-05 (inactif) |"
        ),
        "{table}"
    );
    assert!(
        lines[4].starts_with(
            "| carol | 2026.12 | 18/24 (75 %) | 0 % | 100 % | 2026-11-23 | – | 2026-11-23 |"
        ),
        "{table}"
    );
    // The same files read half a year later: everyone has gone quiet.
    let later = command(dir.path(), FRENCH)
        .args(&args)
        .env("TICKLIST_NOW", "2027-06-01T09:00:00Z")
        .output()
        .unwrap();
    let later = stdout(&later);
    for mentor in ["alice", "bob", "carol"] {
        let row = later
            .lines()
            .find(|l| l.starts_with(&format!("| {mentor} |")));
        assert!(row.unwrap().ends_with("(inactif) |"), "{later}");
    }
    assert!(
        table.contains("- 2 × "),
        "steps two mentors left open: {table}"
    );
    assert!(
        !table.contains("- 3 × "),
        "no step is open for all three: {table}"
    );

    let mut args = vec!["report", "--format", "csv"];
    args.extend(&files);
    let csv = stdout(&ticklist(dir.path(), &args));
    // For a French spreadsheet: `;` between cells, French words, dates and percentages
    // it reads as such.
    assert!(
        csv.starts_with("\"Identifiant du pack\";\"Nom du mentor\";\"Identifiant de la personne\";\"E-mail\";\"Étudiant\";"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("\n\"openclassrooms-mentor\";\"bob\";\"{}\";\"\";\"\";\"2025.01\";1;18;5%;;5%;2025-12-01;;2026-01-05 10:00:00;\"oui\"\n", bob["person"].as_str().unwrap())),
        "{csv}"
    );

    let mut args = vec!["report", "--format", "json", "--quiet-days", "30"];
    args.extend(&files);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&ticklist(dir.path(), &args))).unwrap();
    assert_eq!(json["files_read"], 3);
    let mentors = json["packs"][0]["mentors"].as_array().unwrap();
    let read: Vec<(&str, &str, u64, u64, bool)> = mentors
        .iter()
        .map(|m| {
            (
                m["mentor"].as_str().unwrap(),
                m["pack_version"].as_str().unwrap(),
                m["done"].as_u64().unwrap(),
                m["total"].as_u64().unwrap(),
                m["stale"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("alice", "2026.12", 7, 24, false),
            ("bob", "2025.01", 1, 18, true),
            ("carol", "2026.12", 18, 24, false),
        ]
    );
    assert_eq!(mentors[0]["stages"]["etape-1"], serde_json::json!([6, 6]));
    assert_eq!(mentors[0]["last_tick"], crate::support::NOW);
    assert!(mentors[1]["stages"]["etape-1"].is_null(), "{json}");
    let twice_open = json["packs"][0]["most_open"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["who"].as_array().unwrap().len() == 2)
        .count();
    assert!(twice_open > 0, "{json}");

    std::fs::write(dir.path().join("junk.json"), "{}").unwrap();
    let junk = dir.path().join("junk.json");
    let mut args = vec!["report", junk.to_str().unwrap()];
    args.extend(&files);
    let out = ticklist(dir.path(), &args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a file that is not an export: exit 1"
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("| carol |"),
        "the others are still reported: {table}"
    );
    assert!(
        table.contains("junk.json : pas un export ticklist"),
        "and the file is named: {table}"
    );
    assert!(out.stderr.is_empty(), "the report says it all");
}

/// Runs in English with a whole temporary home: installed packs, default choice,
/// progress, cache.
fn in_home(home: &Path, args: &[&str]) -> Output {
    command(home, "C").args(args).output().unwrap()
}

fn failure(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A team pack whose two steps have the ids `first` and `second`.
fn team_pack(version: &str, first: &str, second: &str) -> String {
    format!(
        "id: team\nversion: \"{version}\"\nlang: en\ntitle: Team\nstages:\n  - id: s\n    title: Stage\n    items:\n      - {{id: {first}, title: Join the chat}}\n      - {{id: {second}, title: Read the guide}}\n"
    )
}

/// The team pack's first version installed in `home`, both its steps ticked.
fn team_installed_and_ticked(home: &Path) {
    let v1 = home.join("team-v1.yaml");
    std::fs::write(&v1, team_pack("1", "chat", "guide")).unwrap();
    stdout(&in_home(home, &["pack", "install", v1.to_str().unwrap()]));
    stdout(&in_home(
        home,
        &["--pack", "team", "check", "chat", "guide"],
    ));
}

#[test]
fn an_install_that_would_stop_counting_most_ticks_is_refused_in_a_script_unless_forced() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    team_installed_and_ticked(home);
    // A new step that takes an old step's id would show that step's ticks.
    let reused = home.join("team-reused.yaml");
    std::fs::write(
        &reused,
        team_pack("2", "chat", "guide").replace("Join the chat", "Fill in the expense form"),
    )
    .unwrap();
    let out = in_home(home, &["validate", reused.to_str().unwrap()]);
    assert!(out.status.success(), "a warning, not a failure");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("team-reused.yaml:9:14: warning: the id `chat` was the step “Join the chat” in the installed version 1: ticks saved on the old step will show on this one"),
        "{said}"
    );
    assert!(!said.contains("`guide`"), "the same step: {said}");
    // The same steps under new ids, as a Markdown import without --previous makes them.
    let v2 = home.join("team-v2.yaml");
    std::fs::write(&v2, team_pack("2", "join-the-chat", "read-the-guide")).unwrap();
    let refused = failure(&in_home(home, &["pack", "install", v2.to_str().unwrap()]));
    assert!(
        refused.contains(
            "would stop counting 2 of your 2 ticks, on: “Join the chat”, “Read the guide”"
        ),
        "{refused}"
    );
    assert!(
        refused.contains("renamed:\n  chat: join-the-chat\n  guide: read-the-guide\n"),
        "the lines to paste: {refused}"
    );
    assert!(refused.contains("--force"), "{refused}");
    assert!(
        stdout(&in_home(home, &["pack", "list"])).contains("team  v1  2/2"),
        "nothing installed"
    );
    // With the lines pasted, the ticks follow; with --force, the manager chose.
    let renamed = team_pack("2", "join-the-chat", "read-the-guide").replace(
        "stages:",
        "renamed:\n  chat: join-the-chat\n  guide: read-the-guide\nstages:",
    );
    std::fs::write(&v2, renamed).unwrap();
    let out = stdout(&in_home(home, &["pack", "install", v2.to_str().unwrap()]));
    assert!(out.contains("moved with a renamed step 2"), "{out}");
    let v3 = home.join("team-v3.yaml");
    std::fs::write(&v3, team_pack("3", "other", "another")).unwrap();
    failure(&in_home(home, &["pack", "install", v3.to_str().unwrap()]));
    let forced = in_home(home, &["pack", "install", "--force", v3.to_str().unwrap()]);
    assert!(stdout(&forced).contains("updated team from v2 to v3"));
}

#[test]
fn at_a_terminal_the_mentor_is_asked_before_ticks_stop_counting() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    team_installed_and_ticked(home);
    let v2 = home.join("team-v2.yaml");
    std::fs::write(&v2, team_pack("2", "join-the-chat", "read-the-guide")).unwrap();
    let ask = |answer: &str| {
        let mut session = crate::support::Session::start_with(
            home,
            &["pack", "install", v2.to_str().unwrap()],
            &[],
        );
        session.wait_for_text("[o/N]");
        let screen = session.contents();
        assert!(
            screen.contains("chat: join-the-chat"),
            "the lines to paste: {screen}"
        );
        session.keys(&format!("{answer}\r"));
        session.wait_for_exit()
    };
    // No: nothing installed, and the refusal says why.
    let (status, _) = ask("n");
    assert!(!status.success());
    assert!(stdout(&in_home(home, &["pack", "list"])).contains("team  v1  2/2"));
    // Yes: installed, the ticks no longer counting.
    let (status, _) = ask("o");
    assert!(status.success());
    assert!(stdout(&in_home(home, &["pack", "list"])).contains("team  v2  0/2"));
}

#[test]
fn installed_packs_are_listed_chosen_upgraded_and_removed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-minimal.yaml");
    let out = stdout(&in_home(
        home,
        &["pack", "install", fixture.to_str().unwrap()],
    ));
    assert_eq!(out, "installed minimal v1: Minimal pack\n");
    stdout(&in_home(home, &["--pack", "minimal", "check", "a"]));

    let list = stdout(&in_home(home, &["pack", "list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines,
        [
            "* openclassrooms-mentor  v2026.12  0/24  Getting started as an OpenClassrooms mentor",
            "    built in",
            "  first-session  v2026.12.1  0 students  Première session avec un nouvel étudiant",
            "    built in",
            "  mentor-handbook  v2026.12.1  25 reference cards  The mentor's handbook",
            "    built in",
            "  minimal  v1  1/2  Minimal pack",
            "    installed from a file",
        ],
        "the three built-in packs, then the installed one, each with where it comes from"
    );
    let digest = ticklist::pack::load_file(&fixture).unwrap().digest();
    let verbose = stdout(&in_home(home, &["pack", "list", "--verbose"]));
    assert!(
        verbose.ends_with(&format!("    installed from a file\n    sha256:{digest}\n")),
        "{verbose}"
    );

    assert_eq!(
        stdout(&in_home(home, &["pack", "use", "minimal"])),
        "plain `ticklist` now opens minimal: Minimal pack\n"
    );
    assert!(stdout(&in_home(home, &["status"])).ends_with("total 1/2 (50%) Minimal pack\n"));

    // A manager's new version: same id, ticks carry over.
    let v2 = home.join("minimal-v2.yaml");
    std::fs::write(
        &v2,
        std::fs::read_to_string(&fixture)
            .unwrap()
            .replace("version: \"1\"", "version: \"2\""),
    )
    .unwrap();
    let out = stdout(&in_home(home, &["pack", "install", v2.to_str().unwrap()]));
    assert_eq!(
        out,
        "updated minimal from v1 to v2: Minimal pack\n  the same steps as before\n  your ticks: kept 1\n"
    );
    assert!(stdout(&in_home(home, &["pack", "list"])).contains("* minimal  v2  1/2  Minimal pack"));

    assert!(failure(&in_home(home, &["pack", "remove", "minimal"])).contains("pass --yes"));
    assert_eq!(
        stdout(&in_home(home, &["pack", "remove", "minimal", "--yes"])),
        "removed minimal; progress kept\n"
    );
    assert!(
        stdout(&in_home(home, &["status"])).contains("total 0/24"),
        "back to the built-in pack"
    );
    assert!(
        home.join("config/ticklist/minimal.json").is_file(),
        "progress kept"
    );

    assert!(
        failure(&in_home(
            home,
            &["pack", "remove", "openclassrooms-mentor", "--yes"]
        ))
        .contains("cannot be removed")
    );
    assert!(
        failure(&in_home(home, &["--pack", "nope", "status"]))
            .contains("no pack file or installed pack named “nope”")
    );
    assert!(
        failure(&in_home(home, &["pack", "use", "../etc"]))
            .contains("no pack file or installed pack")
    );
}

#[test]
fn pack_new_writes_a_template_that_validates_and_points_at_what_to_replace() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("team.yaml");
    let path_arg = path.to_str().unwrap();
    let out = stdout(&in_home(home.path(), &["pack", "new", path_arg]));
    assert!(
        out.starts_with(&format!("wrote {path_arg} (pack id team)")),
        "{out}"
    );
    // English for an English-speaking manager; the guidance is in comments, which
    // mentors never see: no callout of the pack says how to write a pack.
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("lang: en") && written.contains("# These comments are for you"));
    let pack = ticklist::pack::load_file(&path).unwrap();
    assert!(
        pack.nodes
            .iter()
            .all(|n| n.warning.is_none() && n.note.is_none())
    );
    let check = in_home(home.path(), &["validate", path_arg]);
    assert!(check.status.success(), "warnings do not fail validation");
    let warnings = String::from_utf8_lossy(&check.stderr);
    for left in [
        "“Read the mentor's guide” is the starter pack's example text: write your own",
        "https://example.org/guide is an example address",
        "mailto:manager@example.org is an example address",
    ] {
        assert!(warnings.contains(left), "{left}: {warnings}");
    }
    assert!(String::from_utf8_lossy(&check.stdout).contains("ok (team "));
    // In French for a French manager.
    let fr = home.path().join("equipe.yaml");
    command(home.path(), FRENCH)
        .args(["pack", "new", fr.to_str().unwrap()])
        .output()
        .unwrap();
    let written = std::fs::read_to_string(&fr).unwrap();
    assert!(written.contains("lang: fr") && written.contains("# Ces commentaires sont pour vous"));
    let again = failure(&in_home(home.path(), &["pack", "new", path_arg]));
    assert!(again.contains("cannot create"), "{again}");
    let bad = home.path().join("Not An Id.yaml");
    failure(&in_home(
        home.path(),
        &["pack", "new", bad.to_str().unwrap()],
    ));
    assert!(!bad.exists());
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&ticklist(dir.path(), &["completions", shell]));
        for command in ["status", "check", "export", "report", "install"] {
            assert!(
                script.contains(command),
                "{shell} completion lacks {command}"
            );
        }
    }
    // The mentor here is French: so is the page, headings and all.
    let man = stdout(&ticklist(dir.path(), &["man"]));
    assert!(
        man.contains(".TH \"TICKLIST\" 1 \"\" \"ticklist ")
            && man.contains("\"manuel de ticklist\""),
        "{man}"
    );
    assert!(
        man.contains(".SH NOM") && !man.contains(".SH NAME"),
        "{man}"
    );
    assert!(man.contains("Installer, mettre à jour, lister"), "{man}");
    let english = stdout(&ticklist(dir.path(), &["--lang", "en", "man"]));
    assert!(
        english.contains(".SH NAME") && english.contains("Install, update, list"),
        "{english}"
    );
    for command in [
        "validate",
        "status",
        "export",
        "report",
        "pack",
        "completions",
    ] {
        assert!(man.contains(command), "man page lacks {command}");
    }
    assert!(
        !man.contains("generate-pack"),
        "hidden commands stay hidden"
    );
    let out = ticklist(dir.path(), &["completions", "tcsh-or-so"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let out = ticklist(dir.path(), &["completions"]);
    assert_eq!(out.status.code(), Some(2), "a shell or --dir");
}

#[test]
fn man_pages_and_completions_are_written_as_files_for_packages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("assets");
    let fr = root.join("man/fr/man1");
    let listed = stdout(&ticklist(
        dir.path(),
        &["man", "--dir", fr.to_str().unwrap()],
    ));
    let pages: Vec<&str> = listed.lines().collect();
    assert!(pages.len() > 20, "a page per command: {listed}");
    let install = std::fs::read_to_string(fr.join("ticklist-pack-install.1")).unwrap();
    assert!(
        install.contains("TICKLIST-PACK-INSTALL") && install.contains("Valider un pack"),
        "{install}"
    );
    assert!(
        !fr.join("ticklist-generate-pack.1").exists(),
        "hidden commands have no page"
    );
    // Whatever reads the list, and however early it stops, every page is written.
    let piped = root.join("man/piped");
    let out = std::process::Command::new("/bin/bash")
        .env_clear()
        .envs(crate::support::clean_env(dir.path(), FRENCH))
        .arg("-c")
        .arg(format!(
            "'{}' man --dir '{}' | head -1",
            crate::support::BIN,
            piped.display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_dir(&piped).unwrap().count(),
        pages.len(),
        "every page written though the reader left after one line"
    );
    let en = root.join("man/man1");
    stdout(&ticklist(
        dir.path(),
        &["--lang", "en", "man", "--dir", en.to_str().unwrap()],
    ));
    let update = std::fs::read_to_string(en.join("ticklist-pack-update.1")).unwrap();
    assert!(
        update.contains("Download again the packs installed from an address"),
        "{update}"
    );

    let completions = root.join("completions");
    let listed = stdout(&ticklist(
        dir.path(),
        &["completions", "--dir", completions.to_str().unwrap()],
    ));
    let mut names: Vec<String> = listed
        .lines()
        .map(|line| {
            Path::new(line)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "_ticklist",
            "_ticklist.ps1",
            "ticklist.bash",
            "ticklist.elv",
            "ticklist.fish"
        ]
    );
    let bash = std::fs::read_to_string(completions.join("ticklist.bash")).unwrap();
    assert!(
        bash.contains("complete -F _ticklist") && bash.contains("update"),
        "{bash}"
    );
}

#[test]
fn search_looks_through_every_shipped_pack_and_says_when_nothing_matches() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let out = stdout(&in_home(home, &["search", "no", "show"]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("mentor-handbook/no-show  What happens if my student doesn't show up (a no-show)?")
    );
    assert!(
        lines.next().unwrap().contains("more than 15 minutes late"),
        "{out}"
    );

    let out = stdout(&in_home(home, &["--lang", "fr", "search", "EVALUATION"]));
    assert!(
        out.starts_with(
            "openclassrooms-mentor/fonctionnement-evaluations  Le fonctionnement des évaluations\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("first-session/jury  Expliquez le jury"),
        "{out}"
    );

    // Words, not a phrase: the no-show card has "student" in its title and "late" in
    // its details.
    let out = stdout(&in_home(home, &["search", "student", "late"]));
    assert!(out.contains("mentor-handbook/no-show  "), "{out}");

    let none = in_home(home, &["search", "zebra crossing"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("nothing matches “zebra crossing”"));
}

#[test]
fn skip_marks_steps_not_applicable_and_they_show_in_list_status_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&ticklist(
        dir.path(),
        &["skip", "partie-2", "--reason", "déjà mentor ailleurs"],
    ));
    assert_eq!(
        out,
        "9 tâches marquées sans objet ; 9/24 faites ou sans objet\n"
    );
    // Skipping settled steps again changes nothing: it never takes the skips back.
    let again = stdout(&ticklist(
        dir.path(),
        &["skip", "partie-2", "--reason", "autre raison"],
    ));
    assert_eq!(
        again,
        "0 tâche marquée sans objet ; 9/24 faites ou sans objet\n"
    );
    // A part with its steps skipped counts as settled.
    let status = stdout(&ticklist(dir.path(), &["status"]));
    assert!(
        status.contains("  9/9 (100 %) Partie 2 : Pour aller plus loin"),
        "{status}"
    );
    let list = stdout(&ticklist(dir.path(), &["list"]));
    assert!(
        list.contains("[-] slack  Inscrivez-vous sur Slack"),
        "{list}"
    );
    assert!(
        list.contains("        sans objet : déjà mentor ailleurs\n"),
        "{list}"
    );
    // Without --name, and no name known or to ask for: refused, never a made-up name.
    let nameless = ticklist(dir.path(), &["export", "--format", "json"]);
    assert_eq!(nameless.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&nameless.stderr).contains("--name NOM"));
    stdout(&ticklist(dir.path(), &["export", "--name", "Zoé Martin"]));
    // The name given is remembered for the next exports.
    let json: serde_json::Value = serde_json::from_str(&stdout(&ticklist(
        dir.path(),
        &["export", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json["mentor"], "Zoé Martin");
    let slack = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "slack")
        .unwrap();
    assert_eq!(slack["state"], "skipped");
    assert_eq!(slack["skipped"], "déjà mentor ailleurs");
    assert!(slack["ticked_at"].is_null());
    // Ticking one skipped step ticks it; unskip puts the others back to do.
    stdout(&ticklist(dir.path(), &["check", "slack"]));
    let out = stdout(&ticklist(dir.path(), &["unskip", "partie-2"]));
    assert_eq!(
        out,
        "8 tâches de nouveau à faire ; 1/24 faite ou sans objet\n"
    );
}

#[test]
fn validate_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/several-problems.yaml");
    let out = ticklist(dir.path(), &["validate", fixture.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "several-problems.yaml:11:13: id « a » en double, déjà utilisé ligne 9, colonne 13"
        ),
        "{err}"
    );
    assert!(
        err.contains("URL incorrecte « javascript:alert(1) » : seuls les liens absolus"),
        "{err}"
    );
    assert!(err.ends_with("1 pack sur 1 a des problèmes\n"), "{err}");
    let out = ticklist(
        dir.path(),
        &["--lang", "en", "validate", fixture.to_str().unwrap()],
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("duplicate id “a”, first used at line 9, column 13"),
        "{err}"
    );
    // A pack given with --pack is reported in the same language.
    let out = ticklist(dir.path(), &["--pack", fixture.to_str().unwrap(), "status"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("le titre (`title`) est vide"), "{err}");
}

/// `--help` of every command in French, and clap's mistakes, say nothing in English:
/// no heading, default, possible value or error of clap's own.
#[test]
fn french_help_and_argument_mistakes_have_no_english_words_of_clap() {
    fn paths(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_string());
            out.push(sub_path.clone());
            paths(sub, &sub_path, out);
        }
    }
    let mut all = vec![Vec::new()];
    paths(
        &ticklist::cli::command(ticklist::text::Lang::Fr),
        &[],
        &mut all,
    );
    assert!(all.len() > 20, "{all:?}");
    let home = tempfile::tempdir().unwrap();
    let english = [
        "Usage:",
        "Commands:",
        "[default:",
        "[env:",
        "Possible values",
        "Print help",
        "error:",
    ];
    for path in &all {
        let mut args: Vec<&str> = vec!["--lang", "fr"];
        args.extend(path.iter().map(String::as_str));
        args.push("--help");
        let help = crate::support::succeeded(&crate::support::cli_output(home.path(), &args));
        for word in english {
            assert!(!help.contains(word), "{path:?}: “{word}” in:\n{help}");
        }
    }
    for mistake in [
        &["stauts"][..],
        &["--bogus"],
        &["report", "--format", "pdf", "x"],
        &["check"],
        &[
            "validate",
            "--check-links",
            "--link-timeout",
            "abc",
            "x.yaml",
        ],
    ] {
        let mut args = vec!["--lang", "fr"];
        args.extend(mistake);
        let said = crate::support::failed_with(&crate::support::cli_output(home.path(), &args), 2);
        for word in english {
            assert!(!said.contains(word), "{mistake:?}: “{word}” in:\n{said}");
        }
        assert!(said.contains("Pour en savoir plus"), "{said}");
    }
    // A value not allowed is said with those that are: a CSV separator that would break
    // the file (a quote, a letter) is one.
    let out = crate::support::cli_output(
        home.path(),
        &[
            "--lang",
            "fr",
            "report",
            ".",
            "--format",
            "csv",
            "--delimiter",
            "\"",
        ],
    );
    let said = crate::support::failed_with(&out, 2);
    assert!(
        said.contains("(valeurs possibles : `,`, `;`, `tab`, `|`)"),
        "{said}"
    );
    // A family of commands without its subcommand shows its help, in French.
    let out = crate::support::cli_output(home.path(), &["--lang", "fr", "pack"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Utilisation : ticklist pack"), "{said}");
}
