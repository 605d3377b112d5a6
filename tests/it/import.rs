//! `ticklist pack import`, as a manager runs it: a Markdown issue template becomes a pack
//! that validates and opens, its warnings name lines, and importing it again after an
//! edit keeps every mentor's tick.

use std::path::Path;

use crate::support::{
    Session, cli_output, english, failed_with, fake_browser, opened, pty_command, succeeded,
};

const TEMPLATE: &str = include_str!("../fixtures/import/github-onboarding.md");

fn with_template(home: &Path) {
    std::fs::write(home.join("onboarding.md"), TEMPLATE).unwrap();
}

#[test]
fn an_issue_template_imports_into_a_pack_that_validates_and_opens_with_its_stages_and_links() {
    let home = tempfile::tempdir().unwrap();
    with_template(home.path());
    let out = english(home.path(), &["pack", "import", "onboarding.md"]);
    let said = succeeded(&out);
    assert!(
        said.starts_with("wrote onboarding.yaml: 2 stages, 11 steps, 3 links"),
        "{said}"
    );
    // Each thing it could not carry, at its line of the Markdown.
    let warnings = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = warnings
        .lines()
        .map(|line| line.split(": warning: ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "onboarding.md:9",
            "onboarding.md:23",
            "onboarding.md:24",
            "onboarding.md:43",
            "onboarding.md:48",
            "onboarding.md:52",
            "onboarding.md:57"
        ],
        "{warnings}"
    );
    let valid = succeeded(&english(home.path(), &["validate", "onboarding.yaml"]));
    assert!(valid.contains("ok (mentor-onboarding “Mentor onboarding” v1, 11 steps"));
    // The mentor's view: its stages, and the first step's link opens.
    let log = fake_browser(home.path());
    let mut cmd = pty_command(home.path(), "C");
    cmd.args(["--pack", "onboarding.yaml"]);
    let mut app = Session::spawn(cmd);
    app.wait_for_text("Before the first session");
    app.wait_for_text("First session");
    // The first step to do is selected: its details name its link.
    app.wait_for_text("mentor space");
    app.keys("o");
    assert_eq!(opened(&log), "https://openclassrooms.com/fr/mentor-space\n");
    app.quit();
}

#[test]
fn importing_again_after_editing_two_titles_keeps_every_tick() {
    let home = tempfile::tempdir().unwrap();
    with_template(home.path());
    succeeded(&english(home.path(), &["pack", "import", "onboarding.md"]));
    succeeded(&english(
        home.path(),
        &["pack", "install", "onboarding.yaml"],
    ));
    let ticked = english(
        home.path(),
        &[
            "--pack",
            "mentor-onboarding",
            "check",
            "before-the-first-session",
            "first-session",
        ],
    );
    assert!(succeeded(&ticked).contains("11/11"));
    let edited = TEMPLATE
        .replace(
            "Sign your freelance contract",
            "Sign and return your contract",
        )
        .replace("Set up your calendar", "Set up your diary");
    std::fs::write(home.path().join("onboarding.md"), edited).unwrap();
    let again = english(
        home.path(),
        &[
            "pack",
            "import",
            "onboarding.md",
            "--previous",
            "onboarding.yaml",
        ],
    );
    let said = succeeded(&again);
    assert!(said.contains("version 2"), "{said}");
    assert!(
        said.contains("11 steps keep their id, 2 renamed (ticks follow), 0 new, 0 removed"),
        "{said}"
    );
    let installed = succeeded(&english(
        home.path(),
        &["pack", "install", "onboarding.yaml"],
    ));
    assert!(installed.contains("Set up your diary"), "{installed}");
    let status = succeeded(&english(
        home.path(),
        &["--pack", "mentor-onboarding", "status"],
    ));
    assert!(status.contains("total 11/11 (100%)"), "{status}");
}

#[test]
fn the_pack_goes_to_standard_output_and_an_existing_file_is_never_replaced_unasked() {
    let home = tempfile::tempdir().unwrap();
    with_template(home.path());
    let out = english(home.path(), &["pack", "import", "onboarding.md", "-o", "-"]);
    let yaml = succeeded(&out);
    assert!(yaml.contains("\nid: mentor-onboarding\n"), "{yaml}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("wrote onboarding.yaml: 2 stages"),
        "{stderr}"
    );
    assert!(!home.path().join("onboarding.yaml").exists());
    std::fs::write(home.path().join("onboarding.yaml"), "mine").unwrap();
    let refused = english(home.path(), &["pack", "import", "onboarding.md"]);
    let said = failed_with(&refused, 2);
    assert!(
        said.contains("onboarding.yaml exists already: give `--output` another file"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(home.path().join("onboarding.yaml")).unwrap(),
        "mine"
    );
    let before = crate::support::inode(&home.path().join("onboarding.yaml"));
    succeeded(&english(
        home.path(),
        &["pack", "import", "onboarding.md", "--force"],
    ));
    let yaml = std::fs::read_to_string(home.path().join("onboarding.yaml")).unwrap();
    assert!(yaml.contains("id: mentor-onboarding"));
    assert_ne!(
        crate::support::inode(&home.path().join("onboarding.yaml")),
        before,
        "replaced whole, never written in place"
    );
}

#[test]
fn bad_input_is_said_with_what_to_change_and_exit_code_2() {
    let home = tempfile::tempdir().unwrap();
    with_template(home.path());
    let cases: &[(&[&str], &str)] = &[
        (
            &["pack", "import", "missing.md"],
            "missing.md: cannot read the Markdown checklist:",
        ),
        (
            &["pack", "import", "onboarding.md", "--id", "My Pack"],
            "`--id My Pack`: a pack id is lowercase letters",
        ),
        (
            &[
                "pack",
                "import",
                "onboarding.md",
                "--base-url",
                "ftp://x.org/",
            ],
            "`--base-url ftp://x.org/`:",
        ),
        (
            &["pack", "import", "words.md"],
            "nothing to make a step of: write each step as a box",
        ),
        (
            &["pack", "import", "latin1.md"],
            "latin1.md:2: the file is not valid UTF-8",
        ),
        (
            &["pack", "import", "onboarding.md", "--previous", "words.md"],
            "words.md",
        ),
    ];
    std::fs::write(home.path().join("words.md"), "# Title\n\nJust words.\n").unwrap();
    std::fs::write(home.path().join("latin1.md"), b"- [ ] ok\n- [ ] caf\xe9\n").unwrap();
    for (args, message) in cases {
        let said = failed_with(&english(home.path(), args), 2);
        assert!(said.contains(message), "{args:?}: {said}");
    }
    assert!(!home.path().join("onboarding.yaml").exists());
    // A French manager reads it in French.
    let said = failed_with(&cli_output(home.path(), &["pack", "import", "words.md"]), 2);
    assert!(said.contains("rien dont faire une tâche"), "{said}");
}

#[test]
fn a_mentors_markdown_export_imports_back_as_its_checklist() {
    let home = tempfile::tempdir().unwrap();
    succeeded(&english(home.path(), &["check", "slack"]));
    let export = english(
        home.path(),
        &["export", "--format", "markdown", "--name", "Alice"],
    );
    std::fs::write(home.path().join("alice.md"), succeeded(&export)).unwrap();
    let out = english(
        home.path(),
        &["pack", "import", "alice.md", "--id", "onboarding-copy"],
    );
    let said = succeeded(&out);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("read as a ticklist export"), "{stderr}");
    let builtin = ticklist::pack::builtin(ticklist::text::Lang::En).unwrap();
    let steps = (0..builtin.nodes.len())
        .filter(|&i| builtin.is_step(i))
        .count();
    assert!(said.contains(&format!(" {steps} steps")), "{said}");
    let pack = ticklist::pack::load_file(&home.path().join("alice.yaml")).unwrap();
    let titles = |pack: &ticklist::pack::Pack| -> Vec<String> {
        pack.nodes.iter().map(|n| n.title.clone()).collect()
    };
    assert_eq!(titles(&pack), titles(&builtin));
    // Every node keeps its id: the pack read back counts every mentor's ticks.
    let ids = |pack: &ticklist::pack::Pack| -> Vec<String> {
        pack.nodes.iter().map(|n| n.id.clone()).collect()
    };
    assert_eq!(ids(&pack), ids(&builtin));
    // An export whose steps were edited by hand cannot keep them, and says so.
    let edited = std::fs::read_to_string(home.path().join("alice.md"))
        .unwrap()
        .replacen(
            "  - [ ] Watch",
            "  - [ ] A step added by hand\n  - [ ] Watch",
            1,
        );
    std::fs::write(home.path().join("edited.md"), edited).unwrap();
    let out = english(home.path(), &["pack", "import", "edited.md"]);
    succeeded(&out);
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("edited.md:1: warning: this export's steps were edited"),
        "{said}"
    );
}
