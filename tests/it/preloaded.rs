//! Packs an organisation preloads for every user (`$XDG_DATA_DIRS/ticklist/packs`, a
//! default in `$XDG_CONFIG_DIRS/ticklist/default-pack`): opened by a plain `ticklist`
//! for a user who never installed anything, overridden by the user's own choices, and
//! skipped with a word when broken. The clean environment roots both at `home/system`.
#![cfg(unix)]

use std::path::{Path, PathBuf};

use crate::support::command;

use crate::support::{english as run, succeeded as ok};

fn org(version: &str) -> String {
    format!(
        "id: org\nversion: \"{version}\"\nlang: en\ntitle: Our onboarding\nstages:\n  - id: s\n    title: Start\n    items:\n      - {{id: badge, title: Get your badge}}\n      - {{id: laptop, title: Collect your laptop}}\n"
    )
}

/// Writes what a package would: the pack under `share`, and the default under `etc`.
fn preload(home: &Path, share: &str, file: &str, yaml: &str) -> PathBuf {
    let dir = home.join(share).join("ticklist/packs");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(file), yaml).unwrap();
    dir
}

fn system_default(home: &Path, id: &str) {
    let dir = home.join("system/etc/ticklist");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("default-pack"), format!("{id}\n")).unwrap();
}

#[test]
fn a_preloaded_pack_and_default_open_for_a_user_who_installed_nothing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = preload(home, "system/share", "org.yaml", &org("1"));
    system_default(home, "org");

    assert!(ok(&run(home, &["status"])).ends_with("total 0/2 (0%) Our onboarding\n"));
    let list = ok(&run(home, &["pack", "list"]));
    assert!(
        list.ends_with(&format!(
            "* org  v1  0/2  Our onboarding\n    preloaded in {}\n",
            dir.display()
        )),
        "{list}"
    );
    let out = run(home, &["pack", "remove", "org", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("org is preloaded on this computer"), "{said}");
    assert!(dir.join("org.yaml").is_file());

    // The user's own choices win: their default, then their own copy of the same id.
    ok(&run(home, &["pack", "use", "first-session"]));
    assert!(ok(&run(home, &["pack", "list"])).starts_with("  openclassrooms-mentor"));
    let mine = home.join("org-v2.yaml");
    std::fs::write(&mine, org("2")).unwrap();
    ok(&run(home, &["pack", "install", mine.to_str().unwrap()]));
    ok(&run(home, &["pack", "use", "org"]));
    let list = ok(&run(home, &["pack", "list"]));
    assert!(
        list.ends_with("* org  v2  0/2  Our onboarding\n    installed from a file\n"),
        "one org, the user's: {list}"
    );
}

#[test]
fn the_first_system_directory_wins_and_a_broken_pack_is_skipped() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let first = preload(home, "local/share", "org.yaml", &org("3"));
    preload(home, "system/share", "org.yaml", &org("1"));
    preload(home, "system/share", "broken.yaml", "id: broken\nstages: [");
    let dirs = std::env::join_paths([home.join("local/share"), home.join("system/share")]).unwrap();
    let out = command(home, "C")
        .env("XDG_DATA_DIRS", dirs)
        .args(["pack", "list"])
        .output()
        .unwrap();
    let list = ok(&out);
    assert!(
        list.ends_with(&format!(
            "  org  v3  0/2  Our onboarding\n    preloaded in {}\n",
            first.display()
        )),
        "{list}"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("a pack was skipped because it does not load: ")
            && said.contains("broken.yaml"),
        "{said}"
    );
    // The chooser lists the readable one and says why the other is missing.
    let out = crate::support::piped(home, "C", &["--plain"], "c\n\nq\n");
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript.contains("Your checklists and guides\na pack was skipped")
            && transcript.contains("broken.yaml")
            && transcript.contains(". Our onboarding: 0 of 2 steps ticked"),
        "{transcript}"
    );
}

#[test]
fn a_broken_system_default_is_told_and_the_built_in_checklist_opens() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    preload(home, "system/share", "org.yaml", "id: org\nversion: [");
    system_default(home, "org");
    let out = crate::support::piped(
        home,
        "C",
        &["--plain"],
        "q
",
    );
    assert!(out.status.success());
    let transcript = String::from_utf8(out.stdout).unwrap();
    assert!(
        transcript.contains("The default pack of this computer cannot be opened (")
            && transcript.contains("default-pack: ")
            && transcript.contains("the built-in checklist is open instead."),
        "{transcript}"
    );
    assert!(
        transcript.contains("Getting started as an OpenClassrooms mentor"),
        "{transcript}"
    );
}

#[test]
fn a_broken_default_stops_every_command_on_progress_and_the_ui_says_it_too() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    preload(home, "system/share", "org.yaml", "id: org\nversion: [");
    system_default(home, "org");
    let shared = home.join("shared");
    std::fs::create_dir(&shared).unwrap();
    let shared = shared.to_str().unwrap();
    let commands: [&[&str]; 12] = [
        &["status"],
        &["list"],
        &["check", "slack"],
        &["uncheck", "slack"],
        &["skip", "slack", "--reason", "x"],
        &["note", "slack", "x"],
        &["export", "--name", "Alice"],
        &["publish", shared, "--name", "Alice"],
        &["start", "2026-11-02"],
        &["open", "slack"],
        &["reset", "--yes"],
        &["runs", "list"],
    ];
    for args in commands {
        let out = run(home, args);
        let said = crate::support::failed_with(&out, 2);
        assert!(
            said.contains("the default pack of this computer cannot be opened (")
                && said.contains("nothing was done; fix it, or name the pack with --pack"),
            "{args:?}: {said}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(
        !home.join("config/ticklist").exists()
            || std::fs::read_dir(home.join("config/ticklist"))
                .unwrap()
                .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".json")),
        "no progress written"
    );
    assert_eq!(
        std::fs::read_dir(shared).unwrap().count(),
        0,
        "nothing published"
    );
    // In French, the whole of it in French, the parser's place and hint included.
    let out = crate::support::command(home, "fr_FR.UTF-8")
        .arg("status")
        .output()
        .unwrap();
    let said = crate::support::failed_with(&out, 2);
    assert!(
        said.contains("le pack par défaut de cet ordinateur ne peut pas être ouvert (")
            && said.contains("(Seul ce premier problème peut être montré"),
        "{said}"
    );
    // Naming the pack is the way on.
    ok(&run(home, &["--pack", "openclassrooms-mentor", "status"]));

    // The full-screen UI says the same, and opens the built-in checklist.
    let mut app = crate::support::Session::start_with(home, &[], &[("LANG", "C")]);
    app.wait_for_text("The default pack of this computer cannot be");
    // Whole: the line quoted from the pack no longer pushes the end off the screen.
    app.wait_for_text("instead.");
    let _ = app.quit();
}

#[test]
fn a_broken_installed_pack_is_skipped_by_the_list_which_still_shows_the_others() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // Installed, then broken by hand: the list is the way to choose another pack.
    preload(home, "data", "org.yaml", "id: org\nversion: [");
    let out = run(home, &["pack", "list"]);
    let listed = ok(&out);
    assert!(listed.contains("openclassrooms-mentor"), "{listed}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("a pack was skipped because it does not load: ") && said.contains("org.yaml"),
        "{said}"
    );
}
