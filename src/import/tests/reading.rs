//! Markdown as managers write it, read into a pack's tree.

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
fn a_document_without_boxes_makes_its_list_items_steps() {
    let markdown = "\
# New mentor

1. Create your account
   on the mentor space.
2. Read the charter
   - the short version
   - the long one
3. Book a call with your manager
";
    let imported = import_en(markdown);
    assert_eq!(
        tree(&imported.pack),
        [
            r#"stage new-mentor "New mentor""#,
            r#"  item create-your-account "Create your account""#,
            r#"  item read-the-charter "Read the charter""#,
            r#"    sub the-short-version "the short version""#,
            r#"    sub the-long-one "the long one""#,
            r#"  item book-a-call-with-your-manager "Book a call with your manager""#,
        ]
    );
    assert_eq!(
        node(&imported.pack, "create-your-account")
            .details
            .as_deref(),
        Some("on the mentor space.")
    );
    assert!(imported.lost.is_empty(), "{:?}", imported.lost);
}

#[test]
fn the_heading_levels_that_occur_are_stages_and_parts_and_deeper_ones_more_parts() {
    let markdown = "\
### Week one
#### Admin
- [ ] Contract
##### Forms
- [ ] Tax form
### Week two
- [ ] First session
";
    let imported = import_en(markdown);
    assert_eq!(imported.pack.title, "onboarding");
    assert_eq!(
        tree(&imported.pack),
        [
            r#"stage week-one "Week one""#,
            r#"  part admin "Admin""#,
            r#"    item contract "Contract""#,
            r#"  part forms "Forms""#,
            r#"    item tax-form "Tax form""#,
            r#"stage week-two "Week two""#,
            r#"  item first-session "First session""#,
        ]
    );
    assert_eq!(
        imported.lost,
        [Lost::DeepHeading { line: 4 }],
        "{:?}",
        imported.lost
    );
}

#[test]
fn a_heading_with_only_text_is_a_reference_card_and_an_empty_one_is_said() {
    let markdown = "\
# Onboarding
## Steps
- [ ] Sign the contract
## Who to ask
Your manager: write in the mentors' channel.
## Later
";
    let imported = import_en(markdown);
    assert_eq!(
        tree(&imported.pack),
        [
            r#"stage steps "Steps""#,
            r#"  item sign-the-contract "Sign the contract""#,
            r#"stage who-to-ask "Who to ask""#,
            r#"  item who-to-ask-2 "Who to ask" (card)"#,
        ]
    );
    assert_eq!(
        node(&imported.pack, "who-to-ask-2").details.as_deref(),
        Some("Your manager: write in the mentors' channel.")
    );
    assert_eq!(imported.lost, [Lost::EmptyHeading { line: 6 }]);
}

#[test]
fn quotes_are_notes_and_marked_ones_warnings() {
    let markdown = "\
- [ ] Prepare the session
  > Students like a short agenda.
- [ ] Keep the recording
  > [!WARNING]
  > Ask the student first.
- [ ] Share your screen
  > Attention : fermez vos messages.
- [ ] Check the link
  ⚠️ It expires after a week.
";
    let pack = import_en(markdown).pack;
    assert_eq!(
        node(&pack, "prepare-the-session").note.as_deref(),
        Some("Students like a short agenda.")
    );
    assert_eq!(
        node(&pack, "keep-the-recording").warning.as_deref(),
        Some("Ask the student first.")
    );
    assert_eq!(
        node(&pack, "share-your-screen").warning.as_deref(),
        Some("fermez vos messages.")
    );
    let link = node(&pack, "check-the-link");
    assert_eq!(link.warning.as_deref(), Some("It expires after a week."));
    assert_eq!(link.details, None);
}

#[test]
fn relative_links_resolve_against_the_base_url_and_refused_ones_are_said() {
    let markdown = "\
- [ ] Read [the guide](../guides/first-session.md) and [the FAQ](faq.md#booking)
- [ ] Never [click](javascript:alert(1)) or [mail](<mailto:>)
- [ ] Ask [nobody][missing] or [nothing]()
";
    let base = Url::parse("https://github.com/oc/mentors/blob/main/docs/index.md").unwrap();
    let options = Options {
        base_url: Some(&base),
        ..options()
    };
    let imported = import(markdown, &options, &EN).unwrap();
    let guide = &imported.pack.nodes[1];
    let urls: Vec<&str> = guide.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://github.com/oc/mentors/blob/main/guides/first-session.md",
            "https://github.com/oc/mentors/blob/main/docs/faq.md#booking",
        ]
    );
    assert!(imported.pack.nodes[2].links.is_empty());
    let lost = lost_lines(&imported);
    assert_eq!(lost.len(), 4, "{lost:#?}");
    assert!(lost.iter().all(|(line, _)| *line == 2 || *line == 3));
    assert!(lost.iter().any(|(_, m)| m.contains("javascript:alert(1)")));
    assert!(lost.iter().any(|(_, m)| m.contains("“[nobody][missing]”")));
    assert!(lost.iter().any(|(_, m)| m.contains("“nothing”")));
}

#[test]
fn hostile_markdown_is_made_safe_and_never_overflows() {
    let markdown = "- [ ] Click \u{1b}[31mhere\u{1b}[0m\u{7}\n";
    let pack = import_en(markdown).pack;
    assert!(!pack.nodes[1].title.contains('\u{1b}'));
    let deep = format!("{}- [ ] deep\n", "> ".repeat(5_000));
    assert!(matches!(
        import(&deep, &options(), &EN),
        Err(ImportError::NoSteps)
    ));
    let nested: String = (0..3_000)
        .map(|depth| format!("{}- [ ] level {depth}\n", "  ".repeat(depth)))
        .collect();
    let imported = import(&nested, &options(), &EN).unwrap();
    assert!(
        imported
            .lost
            .iter()
            .any(|l| matches!(l, Lost::TooDeep { .. }))
    );
}

#[test]
fn nothing_to_make_a_step_of_is_an_error_saying_what_to_write() {
    let error = import("# Title\n\nJust words.\n", &options(), &EN)
        .err()
        .unwrap();
    assert!(matches!(error, ImportError::NoSteps));
    assert!(error.message(&EN).contains("`- [ ] Step`"));
}

#[test]
fn the_packs_language_is_the_one_its_checklist_is_written_in() {
    let french = "- [ ] Créez votre compte sur la plateforme\n- [ ] Lisez la charte des mentors\n";
    let manager_en = Options {
        manager_lang: "en",
        ..options()
    };
    assert_eq!(import(french, &manager_en, &EN).unwrap().pack.lang, "fr");
    let english = "- [ ] Create your account on the platform\n- [ ] Read the charter\n";
    let manager_fr = Options {
        manager_lang: "fr",
        ..options()
    };
    assert_eq!(import(english, &manager_fr, &EN).unwrap().pack.lang, "en");
    // Too short to tell: the manager's.
    assert_eq!(
        import("- [ ] Zoom\n", &manager_fr, &EN).unwrap().pack.lang,
        "fr"
    );
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

#[test]
fn plain_items_under_a_box_are_its_details() {
    let markdown = "\
- [ ] Prepare your desk
  - a headset
  - a quiet room
    - or a library
  - [ ] Test the headset
";
    let pack = import_en(markdown).pack;
    assert_eq!(
        tree(&pack),
        [
            r#"stage onboarding "onboarding""#,
            r#"  item prepare-your-desk "Prepare your desk""#,
            r#"    sub test-the-headset "Test the headset""#,
        ]
    );
    assert_eq!(
        node(&pack, "prepare-your-desk").details.as_deref(),
        Some("• a headset\n• a quiet room\n  • or a library")
    );
}

#[test]
fn unreadable_front_matter_is_said_and_the_heading_titles_the_pack() {
    let markdown = "---\ntitle: [never closed\n---\n# Onboarding\n- [ ] Sign the contract\n";
    let imported = import_en(markdown);
    assert_eq!(imported.pack.title, "Onboarding");
    assert_eq!(imported.lost, [Lost::FrontMatter { line: 1 }]);
}

#[test]
fn more_steps_than_a_pack_holds_is_an_error_and_long_texts_are_cut() {
    let boxes = "- [ ] Read it\n".repeat(crate::pack::MAX_NODES);
    let error = import(&boxes, &options(), &EN).err().unwrap();
    assert!(matches!(error, ImportError::TooMany { .. }), "{error}");
    let long = "word ".repeat(300);
    let imported = import_en(&format!("- [ ] {long}\n"));
    let step = &imported.pack.nodes[1];
    assert_eq!(step.title.chars().count(), crate::pack::MAX_TITLE_CHARS);
    assert!(step.title.ends_with('…'));
    assert_eq!(step.details.as_deref(), Some(long.trim()));
    assert_eq!(
        imported.lost,
        [Lost::Cut {
            line: 1,
            max: crate::pack::MAX_TITLE_CHARS
        }]
    );
}

#[test]
fn a_heading_after_the_first_steps_is_a_stage_not_the_title() {
    let pack = import_en("- [ ] Sign the contract\n# Week 1\n- [ ] Read the charter\n").pack;
    assert_eq!(pack.title, "onboarding");
    assert_eq!(
        tree(&pack),
        [
            r#"stage onboarding "onboarding""#,
            r#"  item sign-the-contract "Sign the contract""#,
            r#"stage week-1 "Week 1""#,
            r#"  item read-the-charter "Read the charter""#,
        ]
    );
}
