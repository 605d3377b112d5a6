//! The real binary in a pseudo-terminal: tick three steps, open a link through a fake
//! browser, quit, start again and find the ticks.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};

use crate::support::{BUILTIN_ID, FRENCH, Session, fake_browser, opened, pty_command, ticked_ids};

const EVALUATIONS_URL: &str = "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586857-Le-fonctionnement-des-%C3%A9valuations";

#[test]
fn tick_open_quit_and_find_the_ticks_again() {
    let home = tempfile::tempdir().unwrap();
    let log = fake_browser(home.path());

    let mut app = Session::start(home.path());
    app.wait_for_text("Checklist pour démarrer votre mission de mentor");
    app.wait_for_text("0/24");
    // video-candidats, cours-explorez-role, then section-debuter-mentorat.
    // A fresh start opens on the first step: tick it and the next.
    app.keys(" j ");
    app.keys("jj ");
    app.wait_for_text("3/24");
    // Down to "Le fonctionnement des évaluations" and open its article.
    app.keys(&"j".repeat(13));
    app.wait_for("the evaluations step selected", |s| {
        s.lines()
            .any(|l| l.contains("→ ") && l.contains("Le fonctionnement des"))
    });
    app.keys("o");
    assert_eq!(opened(&log), format!("{EVALUATIONS_URL}\n"));
    app.wait_for_text("Ouverture dans le navigateur");
    app.quit();

    // Quitting waits for the saves: the file is complete as soon as the process is gone.
    assert_eq!(
        ticked_ids(home.path(), BUILTIN_ID),
        [
            "cours-explorez-role",
            "section-debuter-mentorat",
            "video-candidats"
        ]
    );
    let state_file = home
        .path()
        .join(format!("config/ticklist/{BUILTIN_ID}.json"));
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state_file).unwrap()).unwrap();
    for at in state["ticks"].as_object().unwrap().values() {
        assert_eq!(
            at,
            crate::support::NOW,
            "stamped with the clock it was given"
        );
    }

    // Back again: it opens on the first step still to do, and says what is left.
    let mut again = Session::start(home.path());
    again.wait_for_text("3/24");
    again.wait_for("the first step to do selected", |s| {
        s.lines()
            .any(|l| l.contains("→ ") && l.contains("L’article Candidats"))
    });
    again.wait_for_text("Étape 1 : Pendant votre processus de recrutement : 3 tâches");
    // `n` jumps to the next step to do, a tick, then `u` takes it back (and saves that).
    again.keys("n");
    again.wait_for("the next step to do selected", |s| {
        s.lines()
            .any(|l| l.contains("→ ") && l.contains("L’article Comment sont"))
    });
    again.keys(" ");
    again.wait_for_text("4/24");
    again.keys("u");
    again.wait_for_text("Annulé : la coche de « L’article Comment sont rémunérés");
    again.wait_for_text("3/24");
    again.keys("u");
    again.wait_for_text("Rien à annuler.");
    again.keys("g");
    again.wait_for("the ticks drawn", |s| s.matches("[x]").count() == 3);
    again.quit();
    assert_eq!(
        ticked_ids(home.path(), BUILTIN_ID).len(),
        3,
        "the undo was saved"
    );
}

#[test]
fn a_broken_pack_is_refused_with_its_location() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("team.yaml");
    std::fs::write(
        &pack,
        "id: team\nversion: \"1\"\nlang: en\ntitle: T\nstages: []\n",
    )
    .unwrap();
    let out = crate::support::command(home.path(), "C")
        .arg("validate")
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{}:5:9:", pack.display())), "{err}");

    let out = crate::support::command(home.path(), "C")
        .arg("--pack")
        .arg(&pack)
        .env("TICKLIST_STATE_DIR", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("no stages"));
}

/// The first step's only link, where the app opens.
const FIRST_URL: &str = "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001457117-Candidats-d%C3%A9couvrez-la-mission-et-comment-devenir-mentor-chez-OpenClassrooms";

/// A directory of stand-ins for every program the system opener could launch, each
/// logging its argument to `launched.txt`.
fn fake_launchers(home: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.join("bin");
    let log = home.join("launched.txt");
    std::fs::create_dir_all(&bin).unwrap();
    let names = [
        "xdg-open",
        "gio",
        "gnome-open",
        "kde-open",
        "wslview",
        "x-www-browser",
        "www-browser",
        "sensible-browser",
        "firefox",
        "chromium",
        "google-chrome",
    ];
    for name in names {
        let script = bin.join(name);
        let body = format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display());
        std::fs::write(&script, body).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (bin, log)
}

#[test]
fn without_a_display_nothing_is_launched_and_the_url_is_shown() {
    let home = tempfile::tempdir().unwrap();
    let (bin, log) = fake_launchers(home.path());
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let start = |display: Option<&str>| {
        let mut cmd = pty_command(home.path(), FRENCH);
        cmd.env_remove("TICKLIST_OPENER");
        cmd.env("PATH", &path);
        if let Some(display) = display {
            cmd.env("DISPLAY", display);
        }
        Session::spawn(cmd)
    };
    let mut app = start(None);
    app.wait_for_text("0/24");
    app.keys("o");
    app.wait_for_text("Pas de navigateur graphique ici.");
    app.quit();
    assert!(!log.exists(), "something was launched");

    // With a display the same key does launch (so the stand-ins would have seen it).
    let mut app = start(Some(":0"));
    app.wait_for_text("0/24");
    app.keys("o");
    app.wait_for_text("Ouverture dans le navigateur");
    assert!(opened(&log).contains("360001457117"));
    app.quit();
}

#[test]
fn y_asks_the_terminal_to_copy_the_exact_url() {
    use base64::Engine;
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    app.keys("y");
    app.wait_for_text("Lien envoyé au presse-papiers de votre terminal");
    let session = app.quit();
    let encoded = base64::engine::general_purpose::STANDARD.encode(FIRST_URL);
    let expected = format!("\x1b]52;c;{encoded}\x07");
    let raw = String::from_utf8_lossy(&session.raw);
    assert_eq!(raw.matches(&expected).count(), 1, "no OSC 52 for the URL");
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    const MOUSE_ON: &str = "\x1b[?1000h";
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    let with_mouse = app.quit();
    assert!(String::from_utf8_lossy(&with_mouse.raw).contains(MOUSE_ON));

    let mut app = Session::start_with(home.path(), &["--no-mouse"], &[]);
    app.wait_for_text("0/24");
    let without = app.quit();
    assert!(!String::from_utf8_lossy(&without.raw).contains(MOUSE_ON));
}

#[test]
fn old_terminals_and_non_utf8_locales_get_ascii_chrome() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_frame_with("0/24");
    assert!(app.contents().contains("┌Tâches"), "{}", app.contents());
    app.quit();
    for (env, stages) in [
        ([("TERM", "vt100"), ("LANG", FRENCH)], "+Tâches---"),
        (
            [("TERM", "xterm-256color"), ("LANG", "fr_FR.ISO-8859-1")],
            "+Tâches---",
        ),
        ([("TERM", "xterm-256color"), ("LANG", "C")], "+Steps---"),
    ] {
        let mut app = Session::start_with(home.path(), &[], &env);
        app.wait_for_frame_with("0/24");
        let screen = app.contents();
        assert!(screen.contains(stages), "{env:?}: {screen}");
        assert!(
            !screen.contains('┌') && !screen.contains('█'),
            "{env:?}: {screen}"
        );
        app.quit();
    }
}

/// Text as a terminal sends it when bracketed paste is on.
fn bracketed(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

#[test]
fn pasted_text_is_text_never_commands() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    assert!(
        app.screen.screen().bracketed_paste(),
        "bracketed paste asked for"
    );
    // On the tree: two lines full of key letters change nothing, and it is said.
    app.keys(&bracketed("t j t\n  q\nj s x\r\n"));
    app.wait_for_text("Texte collé ignoré");
    // Into the note prompt: one line of text; Enter, typed, writes it.
    app.keys("e");
    app.wait_for_text("Votre note :");
    app.keys(&bracketed("appeler Léa\nt j t q\r\n"));
    app.wait_for_text("appeler Léa t j t q");
    app.keys("\r");
    app.wait_for_text("0/24");
    app.quit();
    assert!(
        ticked_ids(home.path(), BUILTIN_ID).is_empty(),
        "no tick from a paste"
    );
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            home.path()
                .join(format!("config/ticklist/{BUILTIN_ID}.json")),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        state["notes"]["video-candidats"], "appeler Léa t j t q",
        "{state}"
    );
}

/// The process state letter from `/proc` ('T' when stopped).
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The state follows the command name, which is in parentheses.
    stat.rsplit(')')
        .next()
        .unwrap()
        .trim()
        .chars()
        .next()
        .unwrap()
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_comes_back_to_a_redrawn_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    app.keys("\x1a");
    // The terminal is the shell's again while ticklist is stopped.
    while app.screen.screen().alternate_screen() {
        app.wait_for_more();
    }
    app.assert_restored();
    let deadline = std::time::Instant::now() + crate::support::TIMEOUT;
    while process_state(app.pid()) != 'T' {
        assert!(std::time::Instant::now() < deadline, "never stopped");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // `fg` sends SIGCONT: the whole screen comes back, and keys work again.
    app.signal("CONT");
    app.wait_for("the screen redrawn", |s| {
        s.contains("0/24") && s.contains("┌Tâches")
    });
    assert!(app.screen.screen().alternate_screen());
    assert!(
        app.screen.screen().bracketed_paste(),
        "bracketed paste asked for again"
    );
    // So a paste after `fg` is still text: into the note prompt, never run as keys.
    app.keys("e");
    app.wait_for_text("Votre note :");
    app.keys(&bracketed("t j t"));
    app.wait_for_text("t j t");
    app.keys("\x1b");
    app.wait_for("the prompt closed", |s| !s.contains("Votre note :"));
    app.keys(" ");
    app.wait_for_text("1/24");
    app.quit();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
}

#[test]
fn on_a_screen_too_small_to_show_the_checklist_no_key_acts_unseen() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    app.resize(6, 20);
    app.wait_for_text("Terminal trop");
    // A tick, a move, a note typed, a paste and a click: all unseen, none taken.
    app.keys_alone(" j");
    app.keys_alone("eà voir\r");
    app.keys_alone(&bracketed("t j t"));
    app.keys_alone("\x1b[<0;5;5M\x1b[<0;5;5m");
    app.resize(24, 80);
    app.wait_for("the checklist shown again", |s| {
        s.contains("0/24") && s.contains("→     [ ] Regardez")
    });
    assert!(!app.contents().contains("Votre note"), "{}", app.contents());
    // A note's prompt open when the window shrinks: words typed on are text, never a
    // command (the q of "quoi" quit, dropping the note); Escape is the key said, and
    // quits, the line dropped.
    app.keys("e");
    app.wait_for_text("Votre note :");
    app.keys("ma note");
    app.wait_for_text("ma note");
    app.resize(6, 20);
    app.wait_for_text("Terminal trop");
    app.keys_alone("quoi");
    assert!(!app.contents().contains("q/"), "{}", app.contents());
    app.resize(24, 80);
    app.wait_for_text("Votre note : ma note");
    app.resize(6, 20);
    app.wait_for_text("Terminal trop");
    app.keys("\x1b");
    let (status, app) = app.wait_for_exit();
    assert!(status.success(), "{status:?}");
    app.assert_restored();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), Vec::<String>::new());
    let state = home
        .path()
        .join(format!("config/ticklist/{BUILTIN_ID}.json"));
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state).unwrap()).unwrap();
    assert!(state.get("notes").is_none(), "{state}");
}

#[test]
fn a_window_shrunk_and_grown_back_at_once_is_drawn_whole_again() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    // A key read: the app listens for resizes from now on.
    app.keys_alone("j");
    // Both while the app is stopped: it wakes to one resize, to the size it had, on a
    // screen that lost what the small one could not hold.
    app.signal("STOP");
    app.resize(6, 20);
    app.resize(24, 80);
    app.signal("CONT");
    app.wait_for("the whole screen again", |s| {
        s.contains("0/24") && s.contains("? aide")
    });
    app.quit();
}

#[test]
fn any_key_closes_the_help_and_is_not_acted_on() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    app.keys("?");
    app.wait_for_text("Aide : touches");
    // A letter bound to nothing closes it too.
    app.keys("x");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    // Space closes the help; it does not also tick.
    app.keys("?");
    app.wait_for_text("Aide : touches");
    app.keys(" ");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    app.keys("?");
    app.wait_for_text("Aide : touches");
    app.keys("q");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    assert!(app.contents().contains("0/24"), "{}", app.contents());
    app.keys(" ");
    app.wait_for_text("1/24");
    app.quit();
}

#[test]
fn m_writes_to_the_packs_contact_or_says_there_is_none() {
    let home = tempfile::tempdir().unwrap();
    let log = fake_browser(home.path());
    let pack = home.path().join("team.yaml");
    std::fs::write(
        &pack,
        "id: team\nversion: \"1\"\nlang: fr\ntitle: Équipe\ncontact: {name: Ana, email: ana@openclassrooms.com}\nstages:\n  - id: s\n    title: S\n    items:\n      - {id: a, title: Rejoindre Slack}\n",
    )
    .unwrap();
    let mut app = Session::start_with(home.path(), &["--pack", pack.to_str().unwrap()], &[]);
    app.wait_for_text("0/1");
    app.keys("m");
    app.wait_for_text("Ouverture dans le navigateur");
    let opened = opened(&log);
    assert!(
        opened.starts_with("mailto:ana@openclassrooms.com?subject=Question%20sur%20"),
        "{opened}"
    );
    app.quit();
    // The first-session guide names no one: the key says so.
    let mut app = Session::start_with(
        home.path(),
        &["--pack", "first-session", "--run", "Alice"],
        &[],
    );
    app.wait_for_text("· Alice");
    app.keys("m");
    app.wait_for_text("Cette checklist ne nomme personne à qui poser vos questions");
    app.quit();
}

#[test]
fn escape_goes_back_and_never_quits_right_after_it_closed_something() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("Étape 1");
    app.keys("/sla");
    app.wait_for_text("Recherche : sla");
    // The first Escape closes the search, the second goes back no further.
    app.keys("\u{1b}");
    app.wait_for("the search closed", |s| !s.contains("Recherche : sla"));
    // A lone Escape, then a key: read together they would be Alt and that key.
    app.keys_alone("\u{1b}");
    // Still there: the help opens, and an Escape closes it, then one more does nothing.
    app.keys("?");
    app.wait_for_text("Aide : touches");
    app.keys("\u{1b}");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    app.keys_alone("\u{1b}");
    app.keys("?");
    app.wait_for_text("Aide : touches");
    app.keys("q");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    // Enter that saved a note closed its prompt too: the Escape after it stays.
    app.keys("eà voir");
    app.wait_for_text("Votre note : à voir");
    app.keys("\r");
    app.wait_for("the note saved, its prompt closed", |s| {
        !s.contains("Votre note : à voir") && s.contains("à voir")
    });
    app.keys_alone("\u{1b}");
    app.keys("?");
    app.wait_for_text("Aide : touches");
    app.keys("q");
    app.wait_for("the help closed", |s| !s.contains("Aide : touches"));
    // A search kept with Enter is still open, as its line says: Escape clears it (every
    // Escape was taken and dropped), the next goes back no further, the one after quits.
    app.keys("/slack\r");
    app.wait_for_text("pour « slack » · n/N suivant/précédent · Échap efface");
    app.keys("\u{1b}");
    app.wait_for("the search cleared", |s| !s.contains("Échap efface"));
    app.keys_alone("\u{1b}");
    app.keys("\u{1b}");
    let (status, app) = app.wait_for_exit();
    assert!(status.success(), "{status:?}");
    app.assert_restored();
}
