//! Checklists as managers keep them — GitHub and GitLab issue templates, a Notion
//! export — read into a pack's tree.

use super::*;

#[test]
fn a_github_issue_template_becomes_stages_parts_steps_and_sub_steps() {
    let imported = import_en(github());
    let pack = &imported.pack;
    assert_eq!(pack.title, "Mentor onboarding");
    assert_eq!(pack.id, "mentor-onboarding");
    assert_eq!(pack.version, "1");
    assert_eq!(pack.lang, "en");
    assert_eq!(
        tree(pack),
        [
            r#"stage before-the-first-session "Before the first session""#,
            r#"  part general "General""#,
            r#"    item sign-your-freelance-contract-in "Sign your freelance contract in the mentor space""#,
            r#"    item set-up-your-calendar "Set up your calendar""#,
            r#"      sub add-your-availability-for-the "Add your availability for the next two weeks""#,
            r#"      sub check-the-time-zone "Check the time zone""#,
            r#"    item read-the-mentor-handbook "Read the mentor handbook""#,
            r#"    item watch-the-welcome-video "Watch the welcome video""#,
            r#"  part tools "Tools""#,
            r#"    item install-zoom "Install Zoom""#,
            r#"      sub test-your-microphone "Test your microphone""#,
            r#"      sub test-your-camera "Test your camera""#,
            r#"    item join-the-slack-workspace-https "Join the Slack workspace: https://openclassrooms.slack.com""#,
            r#"stage first-session "First session""#,
            r#"  item read-the-student-s-project "Read the student's project brief (see the guide)""#,
            r#"  item prepare-three-questions "Prepare three questions""#,
            r#"  item fill-in-the-session-report "Fill in the session report""#,
        ]
    );
    // Inline, reference and bare links, each with its label.
    let contract = node(pack, "sign-your-freelance-contract-in");
    assert_eq!(contract.links[0].label, "mentor space");
    assert_eq!(
        contract.links[0].url,
        "https://openclassrooms.com/fr/mentor-space"
    );
    let handbook = node(pack, "read-the-mentor-handbook");
    assert_eq!(
        handbook.links[0].url,
        "https://openclassrooms.com/fr/courses/mentor-handbook"
    );
    let slack = node(pack, "join-the-slack-workspace-https");
    assert_eq!(slack.links[0].url, "https://openclassrooms.slack.com");
    // Continuation lines (indented, lazy, after `<br>`) are the step's details.
    assert_eq!(
        node(pack, "set-up-your-calendar").details.as_deref(),
        Some("Connect it to the scheduling tool so students can book you.")
    );
    assert_eq!(
        node(pack, "check-the-time-zone").details.as_deref(),
        Some("It must match where you live.")
    );
    assert_eq!(
        node(pack, "prepare-three-questions").details.as_deref(),
        Some("lazy continuation line of this step")
    );
    assert_eq!(
        node(pack, "join-the-slack-workspace-https")
            .details
            .as_deref(),
        Some("Use the same email as your mentor account.")
    );
    // The words under the title introduce the first stage; a warning quote is a warning;
    // a plain list beside boxes is text.
    let first = node(pack, "before-the-first-session");
    assert!(
        first
            .details
            .as_deref()
            .unwrap()
            .starts_with("Welcome aboard!")
    );
    assert_eq!(
        first.warning.as_deref(),
        Some("never give a student your personal phone number.")
    );
    assert_eq!(
        node(pack, "tools").details.as_deref(),
        Some("Plain notes about tools:\n\n• Zoom account is free\n• Slack is optional")
    );
    let session = node(pack, "first-session").details.as_deref().unwrap();
    assert!(session.contains("Monday · Kick-off"), "{session}");
    assert!(
        session.contains("Keep the first session short."),
        "{session}"
    );
    // What could not be carried, each at its line.
    let lost = lost_lines(&imported);
    let lines: Vec<usize> = lost.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [9, 23, 24, 43, 48, 52, 57], "{lost:#?}");
    assert!(lost[0].1.contains("HTML comment"));
    assert!(lost[1].1.contains("1 box is ticked"));
    assert!(lost[2].1.contains("“video”"));
    assert!(lost[3].1.contains("../guides/first-session.md"));
    assert!(lost[4].1.contains("table"));
    assert!(lost[5].1.contains("HTML"));
}

#[test]
fn the_yaml_is_commented_in_the_managers_language_and_says_where_each_node_comes_from() {
    let imported = import(github(), &options(), &FR).unwrap();
    let yaml = &imported.yaml;
    assert!(yaml.starts_with("# Fait par `ticklist pack import` à partir de onboarding.md."));
    assert!(yaml.contains("# À propos : The checklist every new mentor goes through"));
    assert!(
        yaml.contains("  - id: first-session  # ligne 41\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "        details: |-\n          Plain notes about tools:\n\n          • Zoom"
        ),
        "{yaml}"
    );
    // It loads as it is written; the validator's hints are for the manager refining it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("onboarding.yaml");
    std::fs::write(&path, yaml).unwrap();
    let checked = crate::pack::check_file(&path).unwrap();
    assert_eq!(checked.pack, imported.pack);
    let hints: Vec<&str> = checked
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(hints, [EN.pv_only_title; 3]);
}

#[test]
fn a_gitlab_issue_template_with_quick_actions_and_a_list_of_resources() {
    let imported = import_en(include_str!(
        "../../../tests/fixtures/import/gitlab-onboarding.md"
    ));
    let pack = &imported.pack;
    assert_eq!(pack.title, "Mentor onboarding");
    assert_eq!(
        tree(pack),
        [
            r#"stage day-1-accounts "Day 1 – Accounts""#,
            r#"  item create-your-mentor-account-on "Create your mentor account on https://openclassrooms.com/fr/mentor""#,
            r#"  item turn-on-two-factor "Turn on two-factor authentication""#,
            r#"    sub install-an-authenticator-app "Install an authenticator app""#,
            r#"    sub save-your-recovery-codes "Save your recovery codes""#,
            r#"  item join-the-mentors-channel "Join the #mentors channel""#,
            r#"stage day-2-your-first-student "Day 2 – Your first student""#,
            r#"  item read-the-project-s-brief "Read the project's brief""#,
            r#"  item book-the-first-session-in-the "Book the first session in the calendar""#,
            r#"stage resources "Resources""#,
            r#"  item resources-2 "Resources" (card)"#,
        ]
    );
    let account = node(pack, "create-your-mentor-account-on");
    assert_eq!(account.links[0].url, "https://openclassrooms.com/fr/mentor");
    assert_eq!(
        node(pack, "day-2-your-first-student").warning.as_deref(),
        Some("la première session dure 45 minutes au maximum.")
    );
    let card = node(pack, "resources-2");
    let labels: Vec<&str> = card.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Mentor handbook", "Getting paid"]);
    assert_eq!(
        card.details.as_deref(),
        Some("• Mentor handbook\n• Getting paid")
    );
    assert_eq!(
        imported.lost,
        [Lost::Comment { line: 1 }, Lost::QuickAction { line: 26 }]
    );
}

#[test]
fn a_notion_export_with_boxes_nested_three_deep_and_a_hard_break() {
    let imported = import_en(include_str!(
        "../../../tests/fixtures/import/notion-export.md"
    ));
    let pack = &imported.pack;
    assert_eq!(
        tree(pack),
        [
            r#"stage new-mentor-checklist "New mentor checklist""#,
            r#"  item sign-the-contract "Sign the contract""#,
            r#"  item watch-the-welcome-webinar "Watch the welcome webinar""#,
            r#"  item set-up-payments "Set up payments""#,
            r#"    sub add-your-bank-details "Add your bank details""#,
            r#"    sub iban "IBAN""#,
            r#"    sub bic "BIC""#,
            r#"  item meet-your-manager "Meet your manager""#,
        ]
    );
    assert_eq!(
        node(pack, "new-mentor-checklist").details.as_deref(),
        Some("Owner: Mentorship team Status: Ready")
    );
    assert_eq!(
        node(pack, "meet-your-manager").details.as_deref(),
        Some("Thirty minutes on video.")
    );
    assert_eq!(
        imported.lost,
        [
            Lost::Ticked { line: 7, count: 1 },
            Lost::DeepBox { line: 10 },
            Lost::DeepBox { line: 11 },
        ]
    );
}
