//! The real binary in a pseudo-terminal: tick three steps, open a link through a fake
//! browser, quit, start again and find the ticks.
#![cfg(target_os = "linux")]

use crate::support::{BUILTIN_ID, Session, fake_browser, opened, ticked_ids};

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
            .any(|l| l.contains("› ") && l.contains("Le fonctionnement des"))
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
        at.as_str().unwrap().parse::<jiff::Timestamp>().unwrap();
    }

    // Back again: it opens on the first step still to do, and says what is left.
    let mut again = Session::start(home.path());
    again.wait_for_text("3/24");
    again.wait_for("the first step to do selected", |s| {
        s.lines()
            .any(|l| l.contains("› ") && l.contains("L’article Candidats"))
    });
    again.wait_for_text("Étape 1 : Pendant votre processus de recrutement : 3 étape(s)");
    // `n` jumps to the next step to do, a tick, then `u` takes it back (and saves that).
    again.keys("n");
    again.wait_for("the next step to do selected", |s| {
        s.lines()
            .any(|l| l.contains("› ") && l.contains("L’article Comment sont"))
    });
    again.keys(" ");
    again.wait_for_text("4/24");
    again.keys("u");
    again.wait_for_text("Annulé : L’article Comment sont rémunérés les mentors ?");
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
