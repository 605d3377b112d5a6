//! The YAML written: any text a Markdown file can hold reads back as the pack's text.

use proptest::prelude::*;

use super::*;
use crate::import::shape::Draft;
use crate::safe_text::printable;
use unicode_normalization::UnicodeNormalization;

fn written(title: &str, details: &str) -> Pack {
    let mut stage = Draft::new(Level::Stage, "Stage".into(), 1);
    stage.id = "stage".into();
    let mut item = Draft::new(Level::Item, title.into(), 2);
    item.id = "item".into();
    item.details = Some(details.into());
    stage.children.push(item);
    let head = yaml::Head {
        id: "p",
        version: "1",
        lang: "en",
        title: "Pack",
        source: None,
        completion_message: None,
        repeatable: false,
        contact: None,
    };
    let notes = yaml::Notes {
        header: &[],
        line: "line {line}",
        renamed: "",
    };
    let text = yaml::write(&head, &[stage], &[], &notes);
    crate::pack::load_str(&text, "written.yaml").unwrap_or_else(|e| panic!("{e}\n{text}"))
}

proptest! {
    #[test]
    fn any_title_and_details_read_back(
        title in "[^\n\r]{1,40}",
        details in "(.|\n){1,120}",
    ) {
        prop_assume!(!title.trim().is_empty());
        let pack = written(&title, &details);
        let nfc = |s: &str| s.nfc().collect::<String>();
        prop_assert_eq!(&pack.nodes[1].title, &printable(&nfc(&title), false).into_owned());
        let expected = printable(&nfc(&details), true).into_owned();
        prop_assert_eq!(pack.nodes[1].details.as_deref(), Some(expected.as_str()));
    }
}

#[test]
fn texts_yaml_would_misread_are_written_so_they_read_back() {
    for text in [
        "yes",
        "  starts with spaces\nthen a line",
        "ends with a space \nand more",
        "- looks like a list\n- twice",
        "# looks like a comment\nsecond",
        "key: value\nother: one",
        "tab\there\nand there",
        "\"quoted\"\n'single'",
        // Indented lines after empty ones: YAML would take them for the block's indent.
        "\n\n   x\nB",
        "\n a",
        "\n\tb\nc",
    ] {
        let pack = written("Title", text);
        // As any pack text is shown: a tab as spaces.
        let shown = printable(text, true);
        assert_eq!(pack.nodes[1].details.as_deref(), Some(&*shown), "{text:?}");
    }
}

/// Lines of the kinds Markdown checklists are made of, in any order and nesting.
fn markdown_lines() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("#".to_string()),
        Just("## ".to_string()),
        "#{1,6} [a-zé ]{0,12}",
        " {0,6}[-*+] \\[[ xX]\\] ?[a-z <>\\[\\]()*_`~|:!#]{0,16}",
        " {0,6}[0-9]\\. \\[ \\] [a-z]{0,8}",
        " {0,6}[-*] [a-z]{0,8}",
        " {0,4}> ?(\\[!WARNING\\]|Attention :|⚠)? ?[a-z]{0,8}",
        "[a-z ]{0,12}(<br>|  )?",
        Just("---".to_string()),
        Just("title: x".to_string()),
        Just("| a | b |".to_string()),
        Just("|---|---|".to_string()),
        Just("<details>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("```".to_string()),
        "\\[[a-z]{0,4}\\]\\(([a-z./:#]{0,12})?\\)",
        "/label ~[a-z]{1,5}",
        Just(String::new()),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    /// Whatever the Markdown, the import either makes a pack that validates or says there
    /// is nothing to make a step of: never a pack that does not load, never a panic.
    #[test]
    fn any_markdown_makes_a_pack_that_validates_or_says_why_not(markdown in markdown_lines()) {
        match import(&markdown, &options(), &EN) {
            Ok(imported) => {
                let again = crate::pack::load_str(&imported.yaml, "again.yaml");
                prop_assert!(again.is_ok(), "{:?}", again.err());
            }
            Err(ImportError::NoSteps) => {}
            Err(e) => prop_assert!(false, "{markdown:?}: {e}"),
        }
    }
}
