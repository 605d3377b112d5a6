//! The example pack with questions, tried as a new French mentor would: asked once at
//! opening in the full-screen UI, answered again in plain mode and by the commands, with
//! the same steps and figures everywhere, and steps "due 2 days before" the answered date.

use std::path::{Path, PathBuf};

use crate::support::{FRENCH, Session, cli, cli_output, failed_with, piped};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content/examples/new-mentor.fr.yaml")
}

/// `ticklist --pack <example> ARGS` in French, which must succeed: its output.
fn on_example(home: &Path, args: &[&str]) -> String {
    let pack = example();
    let mut all = vec!["--pack", pack.to_str().unwrap()];
    all.extend_from_slice(args);
    cli(home, &all)
}

/// The total of `status`: "total 0/28 (0 %) …".
fn total(home: &Path) -> String {
    let status = on_example(home, &["status"]);
    let line = status.lines().find(|l| l.starts_with("total")).unwrap();
    line.split_whitespace().nth(1).unwrap().to_string()
}

#[test]
fn the_example_pack_asks_its_questions_once_and_every_front_end_counts_the_same_steps() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let pack = example();
    let pack = pack.to_str().unwrap();
    // The full-screen UI asks every question at opening, one after another.
    let mut ui = Session::start_with(home, &["--pack", pack], &[]);
    ui.wait_for_text("Comment facturerez-vous");
    ui.keys("7\r");
    ui.wait_for_text("n'est pas une réponse");
    ui.keys("\x7f1\r");
    ui.wait_for_text("Êtes-vous salarié");
    ui.keys("non\r");
    ui.wait_for_text("Date de votre première session");
    ui.keys("26/11/2026\r");
    ui.wait_for_text("Prénom de votre premier étudiant");
    ui.keys("Léa\r");
    ui.wait_for_text("0/27");
    let screen = ui.contents();
    assert!(screen.contains("Déclarez-vous indépendant"), "{screen}");
    assert!(
        !screen.contains("Prévenez votre employeur"),
        "ruled out by “non”: {screen}"
    );
    ui.quit().assert_restored();
    // Asked once: the second opening goes straight to the checklist.
    let mut ui = Session::start_with(home, &["--pack", pack], &[]);
    ui.wait_for_text("0/27");
    assert!(
        !ui.contents().contains("Votre réponse à"),
        "{}",
        ui.contents()
    );
    ui.quit();
    // The commands see the same answers and the same steps.
    let answers = on_example(home, &["answers"]);
    assert!(
        answers.contains(
            "session-date  Date de votre première session avec votre premier étudiant : 26 novembre 2026"
        ),
        "{answers}"
    );
    assert_eq!(total(home), "0/27");
    let due = on_example(home, &["status", "--due"]);
    assert!(
        due.contains("Parcourez le guide de la première session"),
        "{due}"
    );
    // Plain mode: the same list, and a changed answer says what it changed.
    let out = piped(
        home,
        FRENCH,
        &["--plain", "--pack", pack],
        "a\na 2 oui\nq\n",
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("1. Comment facturerez-vous OpenClassrooms ? — En indépendant"),
        "{said}"
    );
    assert!(said.contains("1 tâche vous concerne désormais"), "{said}");
    assert_eq!(total(home), "0/28");
    // A wrong answer by the commands is refused with what the question takes.
    let pack_arg = ["--pack", pack, "answer", "billing", "peut-être"];
    let refused = failed_with(&cli_output(home, &pack_arg), 2);
    assert!(refused.contains("1 En indépendant"), "{refused}");
}

/// The details of a step (plain mode's, the same words as the details pane's): due 2
/// days before the answered date, what it depends on, what it waits for.
#[test]
fn the_details_say_a_step_is_due_two_days_before_the_answered_date() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    on_example(home, &["answer", "session-date", "2026-11-26"]);
    let pack = example();
    let go = "/ Parcourez le guide\n/ Signez le contrat en ligne\n";
    let out = piped(
        home,
        FRENCH,
        &["--plain", "--pack", pack.to_str().unwrap()],
        &format!("{go}q\n"),
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("À faire pour le 24 novembre 2026, 2 jours avant « Date de votre première session avec votre premier étudiant » (bientôt due)."),
        "{said}"
    );
    assert!(
        said.contains(
            "Attend « Réalisez le cours Explorez le rôle du mentor », « Lisez le contrat reçu"
        ),
        "{said}"
    );
    assert!(
        said.contains("Dépend de votre réponse à « Comment facturerez-vous OpenClassrooms ? », pas encore donnée."),
        "{said}"
    );
}
