//! A pack done once per student: three students, three runs, each with its own progress,
//! from the command line and through the run picker in a pseudo-terminal.
#![cfg(target_os = "linux")]

use crate::support::{Session, cli as ok, cli_output};
use std::path::Path;

fn fails(home: &Path, args: &[&str]) -> String {
    let out = cli_output(home, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn three_students_keep_three_separate_runs() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    for name in ["Alice", "Bob", "Chloé"] {
        let out = ok(home, &[fs[0], fs[1], "runs", "start", name]);
        assert_eq!(out, format!("checklist commencée pour « {name} »\n"));
    }
    ok(
        home,
        &[
            fs[0],
            fs[1],
            "--run",
            "Alice",
            "check",
            "faites-connaissance",
            "interlocuteurs",
        ],
    );
    ok(
        home,
        &[fs[0], fs[1], "--run", "bob", "check", "presentation-mentor"],
    );
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "{list}");
    assert!(
        lines[0].starts_with("Alice  10/38 (26 %)  commencé le "),
        "{list}"
    );
    assert!(lines[1].starts_with("Bob  1/38 (2 %)"), "{list}");
    assert!(lines[2].starts_with("Chloé  0/38 (0 %)"), "{list}");

    let status = ok(home, &[fs[0], fs[1], "--run", "Chloé", "status"]);
    assert!(status.ends_with("total 0/38 (0 %) Première session avec un nouvel étudiant\n"));
    let export = ok(
        home,
        &[
            fs[0], fs[1], "--run", "Alice", "export", "--format", "json", "--name", "Zoé",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&export).unwrap();
    assert_eq!(json["run"], "Alice");
    assert_eq!(json["done"], 10);

    // Which student must be said; a name that is no run's is refused; others packs
    // have no runs.
    let err = fails(home, &[fs[0], fs[1], "status"]);
    assert!(err.contains("se fait une fois par étudiant"), "{err}");
    assert!(err.contains("Alice, Bob, Chloé"), "{err}");
    let err = fails(home, &[fs[0], fs[1], "--run", "Zoé", "status"]);
    assert!(err.contains("aucun étudiant nommé « Zoé »"), "{err}");
    let err = fails(home, &["--run", "Alice", "status"]);
    assert!(err.contains("--run ne s'y applique pas"), "{err}");

    // Notes are per run, and search finds them with the run's name.
    ok(
        home,
        &[
            fs[0],
            fs[1],
            "--run",
            "Bob",
            "note",
            "jury",
            "soutenance prévue en mars",
        ],
    );
    let found = ok(home, &["search", "soutenance prevue"]);
    assert!(
        found.starts_with(
            "first-session/jury  Expliquez le jury\n    Bob: soutenance prévue en mars\n"
        ),
        "{found}"
    );

    // Rename and archive keep the progress.
    ok(home, &[fs[0], fs[1], "runs", "rename", "Bob", "Robert"]);
    ok(home, &[fs[0], fs[1], "runs", "archive", "Chloé"]);
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("Robert  1/38"), "{list}");
    let all = ok(home, &[fs[0], fs[1], "runs", "list", "--all"]);
    assert!(
        all.contains("Chloé  0/38 (0 %)") && all.contains("(archivé)"),
        "{all}"
    );
    // --undo brings an archived run back, progress and all.
    ok(home, &[fs[0], fs[1], "runs", "archive", "Robert"]);
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert!(!list.contains("Robert"), "{list}");
    ok(home, &[fs[0], fs[1], "runs", "archive", "--undo", "Robert"]);
    ok(home, &[fs[0], fs[1], "runs", "archive", "--undo", "Chloé"]);
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(list.contains("Robert  1/38"), "{list}");
    assert!(
        list.contains("Chloé  0/38") && !list.contains("archivé"),
        "{list}"
    );
}

#[test]
fn the_picker_starts_renames_and_opens_runs() {
    let home = tempfile::tempdir().unwrap();
    let args = ["--pack", "first-session"];
    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for_text("Première session avec un nouvel étudiant : quel étudiant ?");
    app.wait_for_text("Aucun étudiant");
    app.keys("n");
    // While the name is typed, the footer gives the keys of typing, not the list's.
    app.wait_for("the keys of typing", |s| {
        s.contains("Nom de l'étudiant :") && s.contains("Entrée enregistrer")
    });
    assert!(!app.contents().contains("n nouveau"), "{}", app.contents());
    app.keys("Alice\r");
    app.wait_for_text("Première session avec un nouvel étudiant · Alice");
    app.wait_for_text("0/38");
    app.keys(" ");
    app.wait_for_text("1/38");
    app.quit();

    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for("Alice's run listed", |s| s.contains("→ Alice  1/38 (2 %)"));
    app.keys("r");
    app.wait_for_text("Nouveau nom : Alice");
    app.keys(" M.\r");
    app.wait_for_text("→ Alice M.  1/38");
    app.keys("n");
    app.keys("Bob\r");
    app.wait_for_text("· Bob");
    app.wait_for_text("0/38");
    app.quit();

    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for_text("Bob  0/38");
    app.keys("a"); // archive Alice M. (first, selected)
    app.wait_for("Alice archived", |s| {
        !s.contains("Alice M.  1/38") && s.contains("→ Bob")
    });
    // Said, and undone with u.
    app.wait_for_text("« Alice M. » archivé : A montre les étudiants archivés, u annule");
    app.keys("u");
    app.wait_for_text("« Alice M. » est de retour dans la liste");
    app.wait_for_text("Alice M.  1/38 (2 %)");
    app.keys("k");
    app.wait_for_text("→ Alice M.");
    app.keys("a");
    app.wait_for_text("« Alice M. » archivé");
    app.keys("A");
    app.wait_for_text("Alice M.  1/38 (2 %)");
    // On an archived run, a brings it back.
    app.wait_for_text("a ramener");
    app.keys("q");
    let (status, _) = app.wait_for_exit();
    assert!(status.success());

    // --run opens a run directly, starting it when new.
    let mut app = Session::start_with(
        home.path(),
        &["--pack", "first-session", "--run", "Dora"],
        &[],
    );
    app.wait_for_text("Première session avec un nouvel étudiant · Dora");
    app.wait_for_text("Nouvel étudiant, « Dora » : sa checklist est commencée.");
    app.quit();
    // A new name a letter or two from a student's is said to be new, with that name.
    let mut app = Session::start_with(
        home.path(),
        &["--pack", "first-session", "--run", "Bbo"],
        &[],
    );
    app.wait_for_text("Vouliez-vous dire « Bob");
    app.quit();
    let list = ok(
        home.path(),
        &["--pack", "first-session", "runs", "list", "--all"],
    );
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(names, ["Alice M.", "Bbo", "Bob", "Dora"], "{list}");
}

#[test]
fn a_paste_into_the_picker_is_a_name_never_keys() {
    let home = tempfile::tempdir().unwrap();
    let args = ["--pack", "first-session"];
    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for_text("Aucun étudiant");
    // On the list, a paste is no command: nothing is started, renamed or archived.
    app.keys("\x1b[200~n\rq a\x1b[201~");
    app.keys("n");
    app.wait_for_text("Nom de l'étudiant :");
    app.keys("\x1b[200~Eve\nq a\x1b[201~");
    app.wait_for_text("Eve q a");
    app.keys("\r");
    app.wait_for_text("Première session avec un nouvel étudiant · Eve q a");
    app.quit();
    let list = ok(home.path(), &["--pack", "first-session", "runs", "list"]);
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(names, ["Eve q a"], "{list}");
}

#[test]
fn due_dates_count_from_the_start_and_status_lists_what_is_late() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/due-dates.yaml");
    let pack = pack.to_str().unwrap();
    // In English, on the fixture pack.
    let en = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "--pack", pack];
        all.extend_from_slice(args);
        ok(home, &all)
    };
    en(&["runs", "start", "Alice"]);
    // A start long ago: both first-week steps are late, whatever today is.
    let out = en(&["--run", "Alice", "start", "2020-01-06"]);
    assert_eq!(
        out,
        "started on 6 January 2020: steps with a due date count from it\n"
    );
    let status = en(&["--run", "Alice", "status"]);
    assert!(
        status.contains("overdue: Meet your student (due 8 January 2020)\n"),
        "{status}"
    );
    assert!(
        status.contains("overdue: Plan the next session (due 13 January 2020)\n"),
        "{status}"
    );
    assert!(
        !status.contains("Review"),
        "its stage is not done: {status}"
    );
    // A run can be started with its date.
    ok(
        home,
        &[
            "--pack",
            pack,
            "runs",
            "start",
            "Bob",
            "--start",
            "2020-01-06",
        ],
    );
    let bob = en(&["--run", "Bob", "status"]);
    assert!(
        bob.contains("overdue: Meet your student (due 8 January 2020)"),
        "{bob}"
    );
    // Ticked steps are never late; the review counts from when the week was done (now).
    en(&["--run", "Alice", "check", "first-week"]);
    let status = en(&["--run", "Alice", "status"]);
    assert!(
        status.contains("due soon: Review the first week"),
        "{status}"
    );
    assert!(!status.contains("overdue"), "{status}");
    // A start far ahead: nothing pressing.
    en(&["--run", "Alice", "uncheck", "first-week"]);
    en(&["--run", "Alice", "start", "2999-01-01"]);
    let status = en(&["--run", "Alice", "status"]);
    assert!(
        !status.contains("overdue") && !status.contains("due soon"),
        "{status}"
    );
}

#[test]
fn r_goes_back_from_a_run_to_the_picker_and_opens_another() {
    let home = tempfile::tempdir().unwrap();
    let args = ["--pack", "first-session", "--run", "Alice"];
    let mut app = Session::start_with(home.path(), &args, &[]);
    app.wait_for_text("· Alice");
    app.wait_for_text("r étudiants");
    app.keys(" ");
    app.wait_for_text("1/38");
    app.keys("r");
    app.wait_for("the picker", |s| s.contains("→ Alice  1/38 (2 %)"));
    app.keys("n");
    app.wait_for_text("Nom de l'étudiant :");
    app.keys("Bob\r");
    app.wait_for_text("· Bob");
    app.wait_for_text("0/38");
    app.quit();
    let list = ok(home.path(), &["--pack", "first-session", "runs", "list"]);
    assert!(
        list.contains("Alice  1/38") && list.contains("Bob  0/38"),
        "{list}"
    );
}

#[test]
fn a_run_started_with_the_old_guide_keeps_its_ticks_on_steps_now_explained() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    ok(home, &[fs[0], fs[1], "runs", "start", "Alice"]);
    // As version 2026.11 left it: ticks on two of the routine steps it had, and on one
    // step both versions have.
    let path = home.join("config/ticklist/first-session@alice.json");
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    state["pack_version"] = "2026.11".into();
    for id in ["bilan-depot", "pendant-questions", "presentation-mentor"] {
        state["ticks"][id] = "2026-11-20T10:00:00Z".into();
    }
    std::fs::write(&path, state.to_string()).unwrap();

    let args = [fs[0], fs[1], "--run", "Alice", "--plain"];
    let out = crate::support::piped(home, crate::support::FRENCH, &args, "q\n");
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript.contains(
            "La version 2026.12.1 de cette checklist n'a plus certaines tâches que vous aviez cochées (2) : ces coches restent enregistrées."
        ),
        "{transcript}"
    );
    assert!(transcript.contains("1 tâche faite sur 38"), "{transcript}");
    let saved = std::fs::read_to_string(&path).unwrap();
    for id in ["bilan-depot", "pendant-questions", "presentation-mentor"] {
        assert!(saved.contains(id), "the tick on {id} stays saved: {saved}");
    }
}

/// The events of an iCalendar text, read by the `ical` crate: (UID, property → value).
fn events(ics: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendars: Vec<_> = parser
        .map(|c| c.expect("a calendar the parser reads"))
        .collect();
    assert_eq!(calendars.len(), 1);
    calendars[0]
        .events
        .iter()
        .map(|event| {
            event
                .properties
                .iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect()
        })
        .collect()
}

#[test]
fn due_steps_export_as_a_calendar_whose_events_update_rather_than_double() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let long = "Rencontrez l'étudiant, faites le bilan; préparez \\ la suite — une très longue étape qui dépasse soixante-quinze octets";
    let yaml = format!(
        "id: due-cal\nversion: \"1\"\nlang: fr\ntitle: Agenda\nrepeatable: true\nstages:\n  - id: s\n    title: Semaine\n    items:\n      - id: meet\n        title: \"{}\"\n        details: \"Dans les deux jours, avec le lien.\"\n        links: [{{label: Page, url: \"https://openclassrooms.com/fr/page\"}}]\n        due: {{ days: 2 }}\n      - id: plan\n        title: Planifier\n        due: {{ days: 7 }}\n      - id: free\n        title: Sans date\n",
        long.replace('\\', "\\\\")
    );
    let pack = home.join("due.yaml");
    std::fs::write(&pack, yaml).unwrap();
    let pack = pack.to_str().unwrap();
    ok(
        home,
        &[
            "--pack",
            pack,
            "runs",
            "start",
            "Élodie N'Diaye",
            "--start",
            "2026-11-20",
        ],
    );
    let run = ["--pack", pack, "--run", "Élodie N'Diaye"];
    let ics = ok(
        home,
        &[run[0], run[1], run[2], run[3], "export", "--format", "ics"],
    );
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "folded at 75 octets (plus CR):\n{ics}"
    );
    let first = events(&ics);
    assert_eq!(first.len(), 2, "one event per due step to do: {ics}");
    let meet = &first[0];
    assert_eq!(meet["UID"], "due-cal-meet-elodie-n-diaye@ticklist");
    assert_eq!(meet["DTSTART"], "20261122");
    assert_eq!(meet["DTEND"], "20261123");
    assert_eq!(meet["URL"], "https://openclassrooms.com/fr/page");
    // The parser unfolds the lines; the text keeps its commas, semicolons and backslash.
    assert_eq!(
        meet["SUMMARY"]
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\"),
        long
    );
    assert!(
        ics.contains("BEGIN:VALARM") && ics.contains("TRIGGER:-P1D"),
        "{ics}"
    );
    // Ticked, a step leaves the calendar; the other keeps its UID, so a new import updates it.
    ok(home, &[run[0], run[1], run[2], run[3], "check", "meet"]);
    let ics = ok(
        home,
        &[run[0], run[1], run[2], run[3], "export", "--format", "ics"],
    );
    let second = events(&ics);
    assert_eq!(second.len(), 1);
    assert_eq!(second[0]["UID"], first[1]["UID"]);
    // To a file, without asking who the mentor is.
    let file = home.join("agenda.ics");
    let out = crate::support::cli_output(
        home,
        &[
            run[0],
            run[1],
            run[2],
            run[3],
            "export",
            "--format",
            "ics",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("calendrier des tâches à échéance écrit dans")
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR\r\n")
    );
}

#[test]
fn a_students_name_that_exists_opens_their_checklist_in_every_front_end() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    ok(home, &[fs[0], fs[1], "runs", "start", "Alice"]);
    ok(
        home,
        &[
            fs[0],
            fs[1],
            "--run",
            "Alice",
            "check",
            "presentation-mentor",
        ],
    );
    let names = |home: &Path| -> Vec<String> {
        ok(home, &[fs[0], fs[1], "runs", "list", "--all"])
            .lines()
            .map(|l| l.split("  ").next().unwrap().to_string())
            .collect()
    };

    // The full-screen picker: a new name that is Alice's opens Alice's checklist.
    let mut app = Session::start_with(home, &fs, &[]);
    app.wait_for_text("→ Alice  1/38");
    app.keys("n");
    app.wait_for_text("Nom de l'étudiant :");
    app.keys("ALICE \r");
    app.wait_for_text("Première session avec un nouvel étudiant · Alice");
    app.wait_for_text("1/38");
    app.quit();
    assert_eq!(names(home), ["Alice"]);

    // Plain mode: the name opens it, no question asked.
    let out = crate::support::piped(
        home,
        "fr_FR.UTF-8",
        &[fs[0], fs[1], "--plain"],
        "alice\np\nq\n",
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript
            .contains("Première session avec un nouvel étudiant · Alice. 1 tâche faite sur 38."),
        "{transcript}"
    );
    assert!(
        !transcript.contains("Commencer la checklist"),
        "{transcript}"
    );
    assert_eq!(names(home), ["Alice"]);

    // Archived, her name is hers still: plain mode opens her checklist, asking nothing.
    ok(home, &[fs[0], fs[1], "runs", "archive", "Alice"]);
    let out = crate::support::piped(
        home,
        "fr_FR.UTF-8",
        &[fs[0], fs[1], "--plain"],
        "alice\nq\n",
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(transcript.contains("1 tâche faite sur 38."), "{transcript}");
    assert!(!transcript.contains("nouvel étudiant pour"), "{transcript}");
    ok(home, &[fs[0], fs[1], "runs", "archive", "--undo", "Alice"]);
    assert_eq!(names(home), ["Alice"]);

    // The command says so, and starts nothing.
    let said = ok(home, &[fs[0], fs[1], "runs", "start", "alice"]);
    assert_eq!(said, "un étudiant nommé « Alice » existe déjà\n");
    assert_eq!(names(home), ["Alice"]);

    // A start date given is the one listed.
    ok(
        home,
        &[
            fs[0],
            fs[1],
            "runs",
            "start",
            "Bob",
            "--start",
            "2026-11-02",
        ],
    );
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert!(
        list.contains("Bob  0/38 (0 %)  commencé le 2 novembre 2026"),
        "{list}"
    );
}

/// How many threads the process `pid` runs.
fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

#[test]
fn students_checklists_opened_ten_times_leave_one_signal_watcher_and_a_signal_in_the_picker_restores()
 {
    let home = tempfile::tempdir().unwrap();
    ok(
        home.path(),
        &["--pack", "first-session", "runs", "start", "Alice"],
    );
    let mut app = Session::start_with(home.path(), &["--pack", "first-session"], &[]);
    app.wait_for_text("→ Alice  0/38");
    app.keys("\r");
    app.wait_for_text("· Alice");
    let after_one = threads(app.pid());
    for n in 1..=10 {
        app.keys("r");
        app.wait_for("the picker", |s| s.contains("→ Alice"));
        app.keys("\r");
        app.wait_for("the checklist", |s| {
            s.contains("· Alice") && s.contains("0/38")
        });
        let _ = n;
    }
    // No watcher, hook or saver piles up (a thread ending just now is given a moment).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while threads(app.pid()) > after_one && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        threads(app.pid()) <= after_one,
        "{} threads after ten round trips, {after_one} after one",
        threads(app.pid())
    );
    // A tick, then back to the picker, where SIGTERM ends it all cleanly: the tick is
    // saved and the terminal given back.
    app.keys(" ");
    app.wait_for_text("1/38");
    app.keys("r");
    app.wait_for("the picker", |s| s.contains("→ Alice  1/38"));
    app.signal("TERM");
    let (status, app) = app.wait_for_exit();
    assert!(!status.success(), "ended by the signal");
    app.assert_restored();
    let list = ok(home.path(), &["--pack", "first-session", "runs", "list"]);
    assert!(list.contains("Alice  1/38"), "{list}");

    // The first picker, before any checklist was open, gives the terminal back too.
    for signal in ["TERM", "HUP"] {
        let mut app = Session::start_with(home.path(), &["--pack", "first-session"], &[]);
        app.wait_for_text("→ Alice  1/38");
        app.signal(signal);
        let (status, app) = app.wait_for_exit();
        assert!(!status.success(), "SIG{signal}");
        app.assert_restored();
    }
}

#[test]
fn the_command_a_mentor_is_told_to_type_works_as_printed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // `runs` on the default checklist, which is done once: the whole command is given.
    let said = fails(home, &["runs", "start", "Bob Li", "--start", "2026-11-02"]);
    let typed = said
        .split(" : ")
        .last()
        .and_then(|command| command.trim().strip_prefix("ticklist "))
        .unwrap_or_else(|| panic!("no command in: {said}"));
    assert_eq!(
        typed,
        "--pack first-session runs start --start 2026-11-02 'Bob Li'"
    );
    // Typed as printed, in a shell.
    let out = std::process::Command::new("/bin/sh")
        .env_clear()
        .envs(crate::support::clean_env(home, crate::support::FRENCH))
        .current_dir(home)
        .arg("-c")
        .arg(format!("'{}' {typed}", crate::support::BIN))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The start given is the start listed.
    let list = ok(home, &["--pack", "first-session", "runs", "list"]);
    assert!(
        list.contains("Bob Li") && list.contains("2 novembre 2026"),
        "{list}"
    );
}

#[test]
fn a_name_taken_or_empty_and_a_folder_that_cannot_be_written_are_said_in_every_front_end() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    let names = |home: &Path| -> Vec<String> {
        ok(home, &[fs[0], fs[1], "runs", "list", "--all"])
            .lines()
            .map(|l| l.split("  ").next().unwrap().to_string())
            .collect()
    };
    ok(home, &[fs[0], fs[1], "runs", "start", "Alice"]);
    ok(home, &[fs[0], fs[1], "runs", "start", "Bob"]);

    // The command: two students are never given one name; a name has a letter.
    let err = fails(home, &[fs[0], fs[1], "runs", "rename", "Bob", "alice"]);
    assert!(
        err.contains("Un étudiant s'appelle déjà « Alice »"),
        "{err}"
    );
    for blank in ["  ", ""] {
        let err = fails(home, &[fs[0], fs[1], "runs", "start", blank]);
        assert!(err.contains("Il faut le nom de l'étudiant"), "{err}");
        let err = fails(home, &[fs[0], fs[1], "--run", blank, "status"]);
        assert!(err.contains("Il faut le nom de l'étudiant"), "{err}");
    }
    assert_eq!(names(home), ["Alice", "Bob"]);

    // The full-screen list: the same refusal, said; Bob stays Bob.
    let mut app = Session::start_with(home, &fs, &[]);
    app.wait_for_text("→ Alice");
    app.keys("j");
    app.wait_for_text("→ Bob");
    app.keys("r");
    app.wait_for_text("Nouveau nom : Bob");
    app.keys("\x7f\x7f\x7fALICE\r");
    app.wait_for_text("Un étudiant s'appelle déjà « Alice »");
    assert!(app.contents().contains("→ Bob  0/38"), "{}", app.contents());
    app.quit();
    assert_eq!(names(home), ["Alice", "Bob"]);

    // Every student archived: the list says where they went.
    ok(home, &[fs[0], fs[1], "runs", "archive", "Alice"]);
    ok(home, &[fs[0], fs[1], "runs", "archive", "Bob"]);
    let list = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert!(
        list.starts_with("Aucun étudiant dans la liste : 2 étudiants archivés"),
        "{list}"
    );

    // A folder that cannot be written (a file in its place, whoever runs the test):
    // starting a student is said to be impossible, and the list stays, in both modes.
    let unwritable = tempfile::tempdir().unwrap();
    let unwritable = unwritable.path();
    std::fs::write(unwritable.join("config"), "not a directory").unwrap();
    let mut app = Session::start_with(unwritable, &fs, &[]);
    app.wait_for_text("Aucun étudiant");
    app.keys("n");
    app.wait_for_text("Nom de l'étudiant :");
    app.keys("Alice\r");
    app.wait_for_text("Impossible d'enregistrer ici les checklists des étudiants");
    // Whole, the way out included, however long the folder's name.
    app.wait_for_text("--state-dir");
    assert!(
        app.contents().contains("quel étudiant ?"),
        "{}",
        app.contents()
    );
    app.quit();
    let out = crate::support::piped(
        unwritable,
        "fr_FR.UTF-8",
        &[fs[0], fs[1], "--plain"],
        "Alice\no\nq\n",
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{transcript}");
    assert!(
        transcript.contains("Impossible d'enregistrer ici les checklists des étudiants"),
        "{transcript}"
    );
}

#[test]
fn a_list_too_small_to_be_seen_takes_no_key_but_quitting() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    ok(home, &[fs[0], fs[1], "runs", "start", "Alice"]);
    ok(home, &[fs[0], fs[1], "runs", "start", "Bob"]);
    let mut app = Session::start_with(home, &fs, &[]);
    app.wait_for_text("→ Alice");
    app.resize(5, 30);
    app.wait_for_text("Terminal trop petit");
    // A move and Enter, unseen: neither acts.
    app.keys_alone("j");
    app.keys_alone("\r");
    app.resize(24, 80);
    app.wait_for("the list shown again", |s| {
        s.contains("→ Alice") && s.contains("quel étudiant ?")
    });
    app.resize(5, 30);
    app.wait_for_text("Terminal trop petit");
    app.keys("q");
    let (status, app) = app.wait_for_exit();
    assert!(status.success(), "{status:?}");
    app.assert_restored();
}

#[test]
fn the_commands_a_message_suggests_reach_the_same_pack_when_pasted() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fs = ["--pack", "first-session"];
    let said = ok(home, &[fs[0], fs[1], "runs", "list"]);
    assert!(
        said.contains("`ticklist --pack first-session runs start NOM`"),
        "{said}"
    );
    ok(home, &[fs[0], fs[1], "runs", "start", "Alice Martin"]);
    let said = fails(home, &[fs[0], fs[1], "--run", "Alcie", "status"]);
    assert!(
        said.contains("(`ticklist --pack first-session runs list --all`)"),
        "{said}"
    );
    let said = ok(home, &[fs[0], fs[1], "runs", "archive", "Alice Martin"]);
    let back = "ticklist --pack first-session runs archive --undo 'Alice Martin'";
    assert!(said.contains(&format!("(`{back}`")), "{said}");
    // Pasted as said, it works.
    let said = ok(
        home,
        &[fs[0], fs[1], "runs", "archive", "Alice Martin", "--undo"],
    );
    assert!(said.contains("Alice Martin"), "{said}");
}

#[test]
fn a_suggested_command_keeps_the_state_folder_and_any_name_as_typed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("elsewhere");
    let dir = dir.to_str().unwrap();
    let name = "-Li \"Bob\" $HOME `x` O'Neil!";
    let at = ["--state-dir", dir, "--pack", "first-session", "runs"];
    ok(home, &[&at[..], &["start", "--", name]].concat());
    let said = ok(home, &[&at[..], &["archive", "--", name]].concat());
    let typed = said
        .split_once("(`ticklist ")
        .and_then(|(_, rest)| rest.rsplit_once("` le fait revenir)"))
        .map(|(command, _)| command)
        .unwrap_or_else(|| panic!("no command in: {said}"));
    // Pasted into a shell: nothing expanded, the name not read as an option.
    let out = std::process::Command::new("/bin/sh")
        .env_clear()
        .envs(crate::support::clean_env(home, crate::support::FRENCH))
        .current_dir(home)
        .arg("-c")
        .arg(format!("'{}' {typed}", crate::support::BIN))
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{typed}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(printed.contains("O'Neil!"), "{printed}");
    let list = ok(
        home,
        &at.iter().copied().chain(["list"]).collect::<Vec<_>>(),
    );
    assert!(list.contains(name), "{list}");
}
