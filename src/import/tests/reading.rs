//! How each kind of Markdown is read: boxes and lists, headings, quotes, links,
//! languages, limits, hostile input.

use super::*;

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
- [ ] Quote the charter
  > It says:
  > > Be kind.
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
    assert_eq!(
        node(&pack, "quote-the-charter").note.as_deref(),
        Some("It says:\nBe kind.")
    );
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
    assert!(lost.iter().any(|(_, m)| m.contains("“nobody”")));
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
fn front_matter_past_the_packs_parser_limits_is_not_read() {
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let aliases = vec!["*a"; 1_001].join(", ");
    for hostile in [
        format!("extra: {deep}"),
        format!("x: &a [1]\ny: [{aliases}]"),
    ] {
        let markdown = format!("---\ntitle: Read\n{hostile}\n---\n- [ ] Sign\n");
        let imported = import_en(&markdown);
        assert_eq!(imported.pack.title, "onboarding", "{hostile:.40}");
        assert_eq!(imported.lost, [Lost::FrontMatter { line: 1 }]);
    }
    // Within them, the same front matter titles the pack.
    let fine = "---\ntitle: Read\nextra: [[1]]\nx: &a [1]\ny: [*a, *a]\n---\n- [ ] Sign\n";
    assert_eq!(import_en(fine).pack.title, "Read");
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

#[test]
fn an_empty_box_gives_its_place_to_what_it_holds() {
    let markdown = "\
- [ ]
  - [ ] Install Zoom
  - [ ] Test it
- [ ] <!-- fill in --> 
  Book a call with your manager
- [ ]
";
    let imported = import_en(markdown);
    assert_eq!(
        tree(&imported.pack),
        [
            r#"stage onboarding "onboarding""#,
            r#"  item install-zoom "Install Zoom""#,
            r#"  item test-it "Test it""#,
            r#"  item book-a-call-with-your-manager "Book a call with your manager""#,
        ]
    );
    let empty: Vec<usize> = imported
        .lost
        .iter()
        .filter(|l| matches!(l, Lost::EmptyBox { .. }))
        .map(Lost::line)
        .collect();
    assert_eq!(empty, [1, 4, 6]);
}

#[test]
fn a_reference_without_its_address_keeps_its_words_and_is_said_on_its_line() {
    let markdown = "# Tools\n\n- [ ] Join Slack\n- [ ] Add to  ![logo](x.png) [Salesforce] now\n";
    let imported = import_en(markdown);
    let titles: Vec<&str> = imported
        .pack
        .nodes
        .iter()
        .map(|n| n.title.as_str())
        .collect();
    assert_eq!(titles, ["Tools", "Join Slack", "Add to Salesforce now"]);
    let lost = lost_lines(&imported);
    assert!(
        lost.iter()
            .any(|(line, m)| *line == 4 && m.contains("“Salesforce” leads nowhere")),
        "{lost:#?}"
    );
}
