//! Every mentor can use it: the interface in the mentor's language, plain mode through a
//! pipe for screen readers, rebound keys. The real binary, in a pseudo-terminal or a pipe.
#![cfg(target_os = "linux")]

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use portable_pty::CommandBuilder;

use crate::support::{BIN, BUILTIN_ID, FRENCH, Session, clean_env, cli, ticked_ids};
use ticklist::text::Lang;

#[test]
fn an_english_locale_gets_the_english_interface_and_pack_and_ticks_carry_over() {
    let home = tempfile::tempdir().unwrap();
    let english = [("LANG", "en_US.UTF-8")];
    let mut app = Session::start_with(home.path(), &[], &english);
    app.wait_for_text("Getting started as an OpenClassrooms mentor");
    app.wait_for_text("Space/Enter tick");
    app.keys(" ");
    app.wait_for_text("Ticked on");
    app.quit();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);

    // Same ids in French: the tick is there when the mentor switches language.
    let mut app = Session::start(home.path());
    app.wait_for_text("Checklist pour démarrer votre mission de mentor");
    app.wait_for_text("1/24");
    app.wait_for_text("Espace/Entrée cocher");
    app.quit();
}

#[test]
fn the_lang_flag_beats_the_locale() {
    let home = tempfile::tempdir().unwrap();
    let list = cli(home.path(), &["--lang", "en", "list"]);
    assert!(
        list.contains("Stage 1: During your recruitment process"),
        "{list}"
    );
    let list = cli(home.path(), &["list"]);
    assert!(list.contains("Étape 1 : Pendant votre processus"), "{list}");
}

fn keymap(home: &Path, text: &str) {
    let dir = home.join("config/ticklist");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keys.yaml"), text).unwrap();
}

#[test]
fn a_keymap_file_rebinds_keys_and_the_help_shows_them() {
    let home = tempfile::tempdir().unwrap();
    keymap(
        home.path(),
        "# AZERTY-friendly\ndown: [s, Down]\nup: [z, Up]\n",
    );
    let mut app = Session::start(home.path());
    app.wait_for_text("0/24");
    app.keys("s");
    app.wait_for("s to move down", |s| {
        s.lines()
            .any(|l| l.contains("→ ") && l.contains("Réalisez le cours"))
    });
    app.keys("j"); // no longer bound: nothing moves
    app.keys("?");
    // The help's rows come top first: wait for the last one looked at.
    app.wait_for("the help", |s| {
        s.contains("Aller à la ligne suivante") && s.contains(" z ↑ ")
    });
    let help = app.contents();
    let down = help
        .lines()
        .find(|l| l.contains("Aller à la ligne suivante"))
        .unwrap();
    assert!(down.contains(" s ↓ "), "{down}");
    assert!(help.lines().any(|l| l.contains(" z ↑ ")), "{help}");
    app.keys("q"); // closes the help
    app.keys("z");
    app.wait_for("z to move up", |s| {
        !s.contains("Aide : touches")
            && s.lines()
                .any(|l| l.contains("→ ") && l.contains("Regardez la vidéo"))
    });
    app.quit();
}

#[test]
fn a_keymap_mistake_stops_with_its_place_and_touches_nothing() {
    let home = tempfile::tempdir().unwrap();
    keymap(home.path(), "down: s\nup: [z, Upp]\n");
    let app = Session::start(home.path());
    let (status, app) = app.wait_for_exit();
    assert_eq!(status.exit_code(), 2);
    let screen = app.contents();
    assert!(
        screen.contains("keys.yaml:2:5: touche inconnue `Upp`"),
        "{screen}"
    );
    assert!(ticked_ids(home.path(), BUILTIN_ID).is_empty());
}

#[test]
fn commands_piped_in_on_a_terminal_are_read_in_plain_mode() {
    let home = tempfile::tempdir().unwrap();
    // Standard output the terminal, standard input a pipe: the README's example.
    let mut shell = CommandBuilder::new("/bin/sh");
    shell.args(["-c", &format!("printf 't\\nq\\n' | '{BIN}'")]);
    shell.env_clear();
    for (name, value) in clean_env(home.path(), FRENCH) {
        shell.env(name, value);
    }
    shell.env("TERM", "xterm-256color");
    shell.cwd(home.path());
    let (status, app) = Session::spawn(shell).wait_for_exit();
    assert!(status.success(), "{status:?}");
    assert!(!app.screen.screen().alternate_screen());
    let screen = app.contents();
    assert!(screen.contains("Coché : Regardez la vidéo"), "{screen}");
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
}

/// Runs `ticklist` with `commands` on standard input and standard output a pipe.
fn through_a_pipe(home: &Path, args: &[&str], lang: &str, commands: &str) -> Output {
    let mut child = crate::support::command(home, lang)
        .args(args)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(commands.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn plain_mode_ticks_the_whole_checklist_through_a_pipe() {
    let home = tempfile::tempdir().unwrap();
    let pack = ticklist::pack::builtin(Lang::Fr).unwrap();
    // `g N` counts steps as progress does; stage 2's heading is two lines above its
    // first step (its first part's heading between them).
    let first_of_stage_2 = pack.leaves(pack.find("etape-2").unwrap()).next().unwrap();
    let stage_2 = (0..first_of_stage_2).filter(|&i| pack.is_step(i)).count() + 1;
    // It opens on the first step to do (step 1), as the full-screen UI does.
    let commands = format!("t\nt\nk\nt\ng {stage_2}\nk\nk\nt\np\nq\n");
    let out = through_a_pipe(home.path(), &[], "fr_FR.UTF-8", &commands);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "an escape sequence in a plain transcript"
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    // A first opening: a word about the two guides, then the checklist.
    let lines: Vec<&str> = transcript.lines().skip(1).collect();
    assert!(transcript.starts_with("Nouveau ?"), "{transcript}");
    assert_eq!(
        lines[0],
        "Checklist pour démarrer votre mission de mentor. 0 tâche faite sur 24."
    );
    assert!(lines[1].starts_with("Tapez ? et Entrée pour les commandes"));
    for said in [
        "Tâche 1 sur 24, dans Étape 1 : Pendant votre processus de recrutement",
        "Titre\nÉtape 1 : Pendant votre processus de recrutement\nÀ faire. 0 tâche faite sur 6 en dessous.",
        "Lien 1 : Candidats, découvrez la mission et comment devenir mentor chez OpenClassrooms, https://",
        "Coché : Regardez la vidéo “Candidats, découvrez la mission de mentor chez OpenClassrooms”.",
        "Décoché : Regardez la vidéo",
        "Attention : Dès que vous êtes notifié",
        "Coché : Étape 2 : Une fois votre contrat signé.",
        "6 tâches faites sur 24, soit 25 %.",
        "24 tâches faites sur 24, soit 100 %.",
        "Étape 1 : Pendant votre processus de recrutement : 6 sur 6.",
        "Progression enregistrée. Au revoir.",
    ] {
        assert!(
            transcript.contains(said),
            "{said:?} missing from:\n{transcript}"
        );
    }
    assert!(transcript.contains("Checklist terminée. Si vous avez coché"));
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID).len(), 24);
}

#[test]
fn plain_mode_in_english_reads_links_and_ends_at_end_of_input() {
    let home = tempfile::tempdir().unwrap();
    let log = crate::support::fake_browser(home.path());
    let out = crate::support::command(home.path(), "en_GB.UTF-8")
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(b"o\no 3\nwhat\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success());
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript.contains("Opening in the browser: https://"),
        "{transcript}"
    );
    assert!(
        transcript.contains("No link 3: this step has 1."),
        "{transcript}"
    );
    assert!(transcript.contains("Unknown command: “what”. Type ? for help."));
    assert!(
        transcript.ends_with("Progress saved. Goodbye.\n"),
        "{transcript}"
    );
    assert!(crate::support::opened(&log).contains("360001457117"));
}

#[test]
fn accessible_set_gets_plain_mode_and_accessible_0_does_not() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start_with(home.path(), &[], &[("ACCESSIBLE", "1")]);
    app.wait_for_text("Tâche 1 sur 24");
    app.keys("q\n");
    let (status, app) = app.wait_for_exit();
    assert!(status.success());
    assert!(!app.raw.contains(&0x1b), "plain sentences, no screen drawn");
    let mut app = Session::start_with(home.path(), &[], &[("ACCESSIBLE", "0")]);
    app.wait_for_text("Étape 1");
    assert!(app.raw.contains(&0x1b), "the full-screen interface");
    app.quit();
}

#[test]
fn a_dumb_terminal_gets_plain_mode() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start_with(home.path(), &[], &[("TERM", "dumb")]);
    app.wait_for_text("Tâche 1 sur 24");
    app.keys("k\nt\n");
    app.wait_for_text("Coché : Étape 1");
    app.keys("q\n");
    let (status, app) = app.wait_for_exit();
    assert!(status.success());
    assert!(
        !app.raw.contains(&0x1b),
        "escape sequences on a dumb terminal"
    );
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID).len(), 6);
}

/// Whether the raw terminal output sets any foreground or background colour.
fn sets_colour(raw: &[u8]) -> bool {
    let raw = String::from_utf8_lossy(raw);
    ["\u{1b}[38;", "\u{1b}[48;"]
        .iter()
        .any(|sgr| raw.contains(sgr))
        || (30..=47).any(|code| raw.contains(&format!("\u{1b}[{code}m")))
}

#[test]
fn no_color_draws_without_colour_and_a_chosen_theme_still_wins() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start_with(home.path(), &[], &[("NO_COLOR", "1")]);
    app.wait_for_text("0/24");
    app.keys(" ");
    app.wait_for_text("1/24");
    let app = app.quit();
    assert!(!sets_colour(&app.raw), "colour sent despite NO_COLOR");

    let args = ["--theme", "high-contrast"];
    let mut app = Session::start_with(home.path(), &args, &[("NO_COLOR", "1")]);
    app.wait_for_text("1/24");
    let app = app.quit();
    assert!(
        sets_colour(&app.raw),
        "--theme high-contrast drew no colour: {:?}",
        String::from_utf8_lossy(&app.raw).get(..3000)
    );
}

#[test]
fn plain_mode_picks_a_students_run_by_name_or_number() {
    let home = tempfile::tempdir().unwrap();
    let args = ["--pack", "first-session"];
    // `?` and a command letter are never taken for a name; a new name is asked about.
    let out = through_a_pipe(
        home.path(),
        &args,
        "fr_FR.UTF-8",
        "?\nt\nAlice\no\nk\nt\nq\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(transcript.starts_with(
        "Première session avec un nouvel étudiant : quel étudiant ?\nAucun étudiant pour l'instant.\n"
    ), "{transcript}");
    for said in [
        "« ? » n'est pas le nom d'un étudiant",
        "« t » n'est pas le nom d'un étudiant",
        "Commencer la checklist d'un nouvel étudiant pour « Alice » ? o pour oui",
    ] {
        assert!(transcript.contains(said), "{said}: {transcript}");
    }
    assert!(
        transcript
            .contains("Première session avec un nouvel étudiant · Alice. 0 tâche faite sur 38."),
        "{transcript}"
    );
    assert!(
        transcript.contains("Coché : 01. Faites connaissance."),
        "{transcript}"
    );
    // Next time Alice is listed with her progress and opens by number.
    let out = through_a_pipe(home.path(), &args, "fr_FR.UTF-8", "1\np\nq\n");
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript.contains("1. Alice  3/38 (7 %)  commencé le "),
        "{transcript}"
    );
    assert!(
        transcript.contains("3 tâches faites sur 38, soit 7 %."),
        "{transcript}"
    );
    assert!(!transcript.contains('\u{1b}'));
}

#[test]
fn a_screen_reader_user_does_everything_in_plain_mode_and_hears_every_state() {
    let home = tempfile::tempdir().unwrap();
    // Search by words, open the match, skip it with a reason, write a note, undo the
    // note, go to the next step to do, hear what is left and the progress, get help.
    let commands =
        "/ utiliser slack\ns déjà inscrit ailleurs\ne demander le canal\nu\n\nn\nw\np\n?\nq\n";
    let out = through_a_pipe(home.path(), &[], "fr_FR.UTF-8", commands);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "an escape sequence in a plain transcript"
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    for said in [
        "Résultat 1 sur 1 pour « utiliser slack ».\nTâche ",
        "Inscrivez-vous sur Slack et découvrez comment l'utiliser et pourquoi ?\nÀ faire.",
        "Sans objet : Inscrivez-vous sur Slack",
        "Note enregistrée : Inscrivez-vous sur Slack",
        "Annulé : la note sur « Inscrivez-vous sur Slack",
        "déjà inscrit ailleurs.",
        "Reste à faire dans Étape 2 : Une fois votre contrat signé (17) : ",
        "1 tâche faite sur 24, soit 4 %.",
        "Commandes (tapez-en une, puis Entrée) :",
        "s / - : suivi d'une raison : sans objet",
        "Progression enregistrée. Au revoir.",
    ] {
        assert!(
            transcript.contains(said),
            "{said:?} missing from:\n{transcript}"
        );
    }
    let state = std::fs::read_to_string(
        home.path()
            .join(format!("config/ticklist/{BUILTIN_ID}.json")),
    )
    .unwrap();
    assert!(state.contains("déjà inscrit ailleurs"), "{state}");
    assert!(
        !state.contains("demander le canal"),
        "the note was undone: {state}"
    );
}

#[test]
fn plain_mode_goes_back_to_the_runs_and_starts_another_student() {
    let home = tempfile::tempdir().unwrap();
    let args = ["--pack", "first-session"];
    let out = through_a_pipe(
        home.path(),
        &args,
        "fr_FR.UTF-8",
        "Alice\no\nt\nr\nBob\no\np\nr\n1\np\nq\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    let bob =
        transcript.find("Première session avec un nouvel étudiant · Bob. 0 tâche faite sur 38.");
    let alice_again =
        transcript.rfind("Première session avec un nouvel étudiant · Alice. 1 tâche faite sur 38.");
    assert!(bob.is_some() && alice_again > bob, "{transcript}");
    assert!(
        transcript.contains("1. Alice  1/38"),
        "Alice listed with her tick: {transcript}"
    );
    assert!(transcript.contains("2. Bob  0/38"), "{transcript}");
    assert!(
        transcript.ends_with("Progression enregistrée. Au revoir.\n"),
        "{transcript}"
    );
}

#[test]
fn plain_mode_takes_the_mentors_own_keys_as_its_letters() {
    let home = tempfile::tempdir().unwrap();
    keymap(home.path(), "skip: x\ndown: [d, Down]\n");
    let out = through_a_pipe(home.path(), &[], "C", "?\nd\nx not for me\nq\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(transcript.contains("x: "), "the help names x: {transcript}");
    assert!(
        transcript.contains("Not applicable: Take the course"),
        "x skipped the second step: {transcript}"
    );
    let state = std::fs::read_to_string(
        home.path()
            .join("config/ticklist/openclassrooms-mentor.json"),
    )
    .unwrap();
    assert!(
        state.contains("\"cours-explorez-role\"") && state.contains("not for me"),
        "{state}"
    );
}

/// Where the terminal's cursor is, (row, column), and whether it is shown.
fn cursor(app: &Session) -> ((u16, u16), bool) {
    let screen = app.screen.screen();
    (screen.cursor_position(), !screen.hide_cursor())
}

/// Takes in output until the cursor is shown at `at` (the cursor moves after a frame's
/// text, so the text alone is not enough to wait for).
fn wait_for_cursor(app: &mut Session, at: (usize, usize)) {
    let at = (u16::try_from(at.0).unwrap(), u16::try_from(at.1).unwrap());
    let deadline = std::time::Instant::now() + crate::support::TIMEOUT;
    while cursor(app) != (at, true) {
        let now = std::time::Instant::now();
        assert!(
            now < deadline,
            "cursor at {:?}, not {at:?}:\n{}",
            cursor(app),
            app.contents()
        );
        app.wait_for_more();
    }
}

/// The row and the column of the selected row's box: the row marked `→`, at its `[`.
fn selected_box(screen: &str) -> (usize, usize) {
    let row = screen.lines().position(|l| l.contains('→')).unwrap();
    let line = screen.lines().nth(row).unwrap();
    (row, line.chars().position(|c| c == '[').unwrap())
}

#[test]
fn the_terminal_cursor_follows_the_selection_and_the_typing_point() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_frame_with("Étape 1");
    let first = selected_box(&app.contents());
    wait_for_cursor(&mut app, first);
    // Up to the stage: one row higher, two columns further out.
    app.keys("k");
    wait_for_cursor(&mut app, (first.0 - 1, first.1 - 2));
    assert_eq!(selected_box(&app.contents()), (first.0 - 1, first.1 - 2));
    // Typing a search: the cursor where the next letter goes.
    app.keys("/sla");
    app.wait_for_text("Recherche : sla");
    let screen = app.contents();
    let row = screen
        .lines()
        .position(|l| l.contains("Recherche : sla"))
        .unwrap();
    let line = screen.lines().nth(row).unwrap();
    let column = line[..line.find("sla").unwrap() + "sla".len()]
        .chars()
        .count();
    wait_for_cursor(&mut app, (row, column));
    app.keys("\u{1b}");
    app.wait_for("the search closed", |screen| {
        !screen.contains("Recherche : sla")
    });
    app.quit();
}

#[test]
fn a_new_mentor_hears_once_of_the_two_guides_that_come_with_the_checklist() {
    let home = tempfile::tempdir().unwrap();
    let first = crate::support::piped(home.path(), crate::support::FRENCH, &["--plain"], "q\n");
    let first = String::from_utf8(first.stdout).unwrap();
    let told = "deux guides : votre première session avec un étudiant et le manuel du mentor. \
                Tapez c pour les voir";
    assert!(first.contains(told), "{first}");
    let again = crate::support::piped(home.path(), crate::support::FRENCH, &["--plain"], "q\n");
    let again = String::from_utf8(again.stdout).unwrap();
    assert!(!again.contains("deux guides"), "said once: {again}");
}

/// The row and the column of the selected row's marker in a list (the chooser, the
/// students).
fn selected_marker(screen: &str) -> (usize, usize) {
    let row = screen.lines().position(|l| l.contains('→')).unwrap();
    let line = screen.lines().nth(row).unwrap();
    (row, line.chars().position(|c| c == '→').unwrap())
}

#[test]
fn the_chooser_opens_the_first_session_guide_without_quitting_and_goes_back() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(home.path());
    app.wait_for_text("Tapez c pour les voir");
    app.keys(" ");
    app.wait_for_text("Coché le");
    app.keys("c");
    app.wait_for_text("Vos checklists et guides");
    app.wait_for_text("Le manuel du mentor");
    let screen = app.contents();
    assert!(
        screen.contains("(ouvert)  1 sur 24 tâches cochées"),
        "the tick counted, the open one marked: {screen}"
    );
    assert!(screen.contains("0 étudiant"), "{screen}");
    let on_checklist = selected_marker(&screen);
    wait_for_cursor(&mut app, on_checklist);
    app.keys("j");
    wait_for_cursor(&mut app, (on_checklist.0 + 1, on_checklist.1));
    app.keys("\r");
    app.wait_for_text("quel étudiant ?");
    // No student yet: a name, with the cursor where it is typed.
    app.keys("nAlice");
    app.wait_for_text("Nom de l'étudiant : Alice");
    let screen = app.contents();
    let row = screen.lines().position(|l| l.contains(": Alice")).unwrap();
    let line = screen.lines().nth(row).unwrap();
    let column = line[..line.find("Alice").unwrap() + "Alice".len()]
        .chars()
        .count();
    wait_for_cursor(&mut app, (row, column));
    app.keys("\r");
    app.wait_for_text("01. Faites connaissance");
    app.keys("c");
    app.wait_for("her checklist open, counted", |screen| {
        screen.contains("Première session avec un nouvel étudiant (ouvert)")
            && screen.contains(" 1 étudiant│")
    });
    // Escape goes back to where the mentor was: Alice's checklist.
    app.keys("\u{1b}");
    app.wait_for_text("01. Faites connaissance");
    app.keys("c");
    app.wait_for_text("Vos checklists et guides");
    app.keys("gk\r");
    app.wait_for("the checklist again", |s| s.contains("1/24"));
    app.quit();
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
}

#[test]
fn plain_mode_lists_the_checklists_and_opens_the_handbook() {
    let home = tempfile::tempdir().unwrap();
    let out = through_a_pipe(
        home.path(),
        &[],
        "en_US.UTF-8",
        "t\nc\nfour\n3\nc\n\np\nq\n",
    );
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{transcript}");
    assert!(
        transcript.contains(
            "Your checklists and guides\n\
             1. Getting started as an OpenClassrooms mentor: 1 of 24 steps ticked (open now)\n\
             2. Première session avec un nouvel étudiant (in French): 0 students\n\
             3. The mentor's handbook: 25 reference cards\n"
        ),
        "{transcript}"
    );
    assert!(
        transcript.contains("“four” is not in the list: type a number from 1 to 3"),
        "{transcript}"
    );
    assert!(
        transcript.contains("3. The mentor's handbook: 25 reference cards (open now)"),
        "{transcript}"
    );
    // The first-session guide: through its list of students, typed at the same input.
    let out = through_a_pipe(
        home.path(),
        &[],
        "fr_FR.UTF-8",
        "c\n2\nAlice\no\nt\nc\n\np\nq\n",
    );
    let second = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{second}");
    assert!(
        second.contains("1. Checklist pour démarrer votre mission de mentor : 1 sur 24"),
        "{second}"
    );
    assert!(
        second.contains("Première session avec un nouvel étudiant · Alice. 0 tâche faite sur 38."),
        "{second}"
    );
    assert!(
        second.contains("1 tâche faite sur 38, soit 2 %."),
        "{second}"
    );
    // Enter stayed on the handbook, whose progress is its cards.
    assert!(
        transcript
            .ends_with("\nThe mentor's handbook. 25 reference cards.\nProgress saved. Goodbye.\n"),
        "{transcript}"
    );
    assert_eq!(ticked_ids(home.path(), BUILTIN_ID), ["video-candidats"]);
}
