//! Packs written to hurt: alias bombs, deep nesting, huge files and counts, bad
//! encodings, and escape sequences meant for the terminal. Each must end quickly with
//! a located error, or load with its text made harmless.

use std::io::Write;

use ticklist::pack::{self, MAX_NODES, MAX_PACK_BYTES, PackError};

const HEAD: &str = "id: t\nversion: \"1\"\nlang: en\ntitle: T\n";

fn one_item(title_yaml: &str) -> String {
    format!(
        "{HEAD}stages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: {title_yaml}\n"
    )
}

/// The error's message, asserting it is located (line ≥ 1).
fn located_error(text: &str) -> String {
    let err = pack::load_str(text, "hostile.yaml").expect_err("should be refused");
    let problems = err.problems();
    assert!(
        problems.iter().all(|p| p.line >= 1 && p.column >= 1) && !problems.is_empty(),
        "not located: {err}"
    );
    err.to_string()
}

/// `n` steps whose titles are all an alias of the pack's title: a valid pack, whatever
/// `n`, so only the parser's budget can refuse it.
fn aliased_titles(n: usize) -> String {
    let items: String = (0..n)
        .map(|i| format!("      - {{id: i{i}, title: *t}}\n"))
        .collect();
    format!(
        "id: t\nversion: \"1\"\nlang: en\ntitle: &t T\nstages:\n  - id: s\n    title: S\n    items:\n{items}"
    )
}

#[test]
fn an_alias_bomb_is_stopped_by_the_parsers_budget() {
    // A few aliases are fine YAML and a fine pack…
    let pack = pack::load_str(&aliased_titles(3), "aliases.yaml").unwrap();
    assert_eq!(pack.nodes[1].title, "T");
    // …but past the budget (1,000) the parser stops, where it is, in its own words.
    let message = located_error(&aliased_titles(1_001));
    assert!(message.contains("hostile.yaml:1009:"), "{message}");
    assert!(message.contains("too many aliases"), "{message}");
    assert!(!message.contains("budget"), "no parser words: {message}");
}

#[test]
fn deep_nesting_is_refused_by_the_parser_before_any_stack_runs_out() {
    let depth = 10_000;
    let yaml = format!("{HEAD}stages: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let message = located_error(&yaml);
    assert!(message.contains("recursion limit exceeded"), "{message}");
    // Steps inside steps, 23 levels: the parser's limit (32 levels of YAML) stops it
    // where the 33rd opens, before the pack's own rules would.
    let mut nested = String::new();
    for level in 0..23 {
        let pad = "    ".repeat(level);
        nested.push_str(&format!("{pad}  - id: n{level}\n{pad}    title: N\n"));
        if level < 22 {
            nested.push_str(&format!("{pad}    items:\n"));
        }
    }
    let message = located_error(&format!("{HEAD}stages:\n{nested}"));
    assert!(message.contains("hostile.yaml:51:"), "{message}");
    assert!(message.contains("nested too deeply"), "{message}");
    assert!(!message.contains("Depth"), "no parser words: {message}");
    // In block style the format's own shape refuses it at the first level too deep.
    let block: String = (0..200)
        .map(|d| format!("{}- \n", "  ".repeat(d)))
        .collect();
    let message = located_error(&format!("{HEAD}stages:\n{block}"));
    assert!(message.contains("hostile.yaml:7:3: "), "{message}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_parsing_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(HEAD.as_bytes()).unwrap();
    let comment = format!("# {}\n", "x".repeat(1022));
    for _ in 0..(50 * 1024) {
        file.write_all(comment.as_bytes()).unwrap();
    }
    drop(file);
    let err = pack::load_file(&path).unwrap_err();
    assert!(err.to_string().contains("larger than"), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("{}:1:1:", path.display()))
    );
    assert!(std::fs::metadata(&path).unwrap().len() > 3 * MAX_PACK_BYTES as u64);
}

/// Large packs load (the 100,000-item figure is `cargo bench`'s; 20,000 keeps the
/// unoptimised test build quick while still catching anything quadratic).
#[test]
fn twenty_thousand_items_load() {
    let pack = pack::load_str(&pack::generate(20_000, false), "big.yaml").unwrap();
    assert_eq!(
        pack.nodes
            .iter()
            .filter(|n| n.level == pack::Level::Item)
            .count(),
        20_000
    );
}

#[test]
fn more_steps_than_the_limit_are_refused_once() {
    let items: String = (0..=MAX_NODES)
        .map(|i| format!("      - {{id: i{i}, title: x}}\n"))
        .collect();
    let yaml = format!("{HEAD}stages:\n  - id: s\n    title: S\n    items:\n{items}");
    let err = pack::load_str(&yaml, "many.yaml").unwrap_err();
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{err}");
    assert!(problems[0].message.contains("more than 200000 steps"));
}

#[test]
fn overlong_texts_are_refused_where_they_are() {
    let message = located_error(&one_item(&"x".repeat(pack::MAX_TITLE_CHARS + 1)));
    assert!(message.contains("hostile.yaml:10:16:"), "{message}");
    assert!(message.contains("1001 characters long"), "{message}");
    let details = format!(
        "{HEAD}stages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n        details: {}\n",
        "y".repeat(pack::MAX_TEXT_CHARS + 1)
    );
    assert!(located_error(&details).contains("`details` is 20001 characters"));
    let url = format!("https://example.org/{}", "z".repeat(3000));
    let link = format!(
        "{HEAD}stages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n        links: [{{label: L, url: \"{url}\"}}]\n"
    );
    assert!(located_error(&link).contains("longer than 2048"));
    // The limit is exact: 2,048 bytes load, 2,049 do not.
    let with_url = |len: usize| {
        let url = format!("https://example.org/{}", "z".repeat(len - 20));
        assert_eq!(url.len(), len);
        format!(
            "{HEAD}stages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n        links: [{{label: L, url: \"{url}\"}}]\n"
        )
    };
    assert!(pack::load_str(&with_url(2048), "at-limit.yaml").is_ok());
    assert!(located_error(&with_url(2049)).contains("longer than 2048"));
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.yaml");
    let mut bytes = one_item("Caf").into_bytes();
    bytes.truncate(bytes.len() - 1);
    bytes.extend_from_slice(b"\xe9\n");
    std::fs::write(&path, bytes).unwrap();
    let err = pack::load_file(&path).unwrap_err();
    assert!(
        err.to_string().contains(&format!(
            "{}:10:19: the file is not valid UTF-8",
            path.display()
        )),
        "{err}"
    );
}

#[test]
fn nul_bytes_and_tab_indentation_are_located_syntax_errors() {
    let err = pack::load_str(&one_item("a\0b"), "nul.yaml").unwrap_err();
    assert!(
        matches!(
            err,
            PackError::Syntax {
                line: 10,
                column: 17,
                ..
            }
        ),
        "{err}"
    );
    // Written as an escape in a quoted string, it loads and shows as a symbol.
    let pack = pack::load_str(&one_item("\"a\\0b\""), "nul.yaml").unwrap();
    assert_eq!(pack.nodes[1].title, "a␀b");
    let tabbed = one_item("A").replace("      - id: a", "\t- id: a");
    let err = pack::load_str(&tabbed, "tabs.yaml").unwrap_err();
    assert!(
        matches!(
            err,
            PackError::Syntax {
                line: 9,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("indented with a tab: YAML needs spaces"),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_and_tabs_inside_text_are_fine() {
    let pack = pack::load_str(&format!("\u{feff}{}", one_item("\"A\\tB\"")), "bom.yaml").unwrap();
    assert_eq!(pack.nodes[1].title, "A B");
}

#[test]
fn escape_sequences_in_any_text_are_made_visible_and_inert() {
    let yaml = format!(
        "{HEAD}completion_message: \"done\\e]52;c;aGk=\\a\"\nstages:\n  - id: s\n    title: \"S\\e[2J\"\n    warning: \"w\\x9b31m\"\n    items:\n      - id: a\n        title: \"A\\e]0;pwned\\a\"\n        details: \"line 1\\nline 2\\e[31m\"\n        note: \"\\u202Egnp.exe\"\n        links: [{{label: \"L\\e[5m\", url: \"https://example.org\"}}]\n"
    );
    let pack = pack::load_str(&yaml, "inject.yaml").unwrap();
    let texts = [
        pack.completion_message.clone().unwrap(),
        pack.nodes[0].title.clone(),
        pack.nodes[0].warning.clone().unwrap(),
        pack.nodes[1].title.clone(),
        pack.nodes[1].details.clone().unwrap(),
        pack.nodes[1].note.clone().unwrap(),
        pack.nodes[1].links[0].label.clone(),
    ];
    assert_eq!(
        texts,
        [
            "done␛]52;c;aGk=␇",
            "S␛[2J",
            "w�31m",
            "A␛]0;pwned␇",
            "line 1\nline 2␛[31m",
            "�gnp.exe",
            "L␛[5m"
        ]
    );
}

#[test]
fn escape_sequences_in_error_messages_are_shown_not_sent() {
    // A problem that quotes the pack's own text shows the escape as a symbol.
    let yaml = format!(
        "{HEAD}stages:\n  - id: \"s\\e]0;pwned\\a\"\n    title: S\n    items: [{{id: a, title: A}}]\n"
    );
    let message = located_error(&yaml);
    assert!(message.contains("s␛]0;pwned␇"), "{message:?}");
    assert!(!message.contains('\u{1b}'), "{message:?}");
    // A syntax error's snippet of the source never carries the raw bytes either.
    let yaml = format!("{HEAD}stages: [\n  oops: \u{1b}]52;c;aGk=\u{7} ]: :\n");
    let message = located_error(&yaml);
    assert!(!message.contains('\u{1b}'), "{message:?}");
}

/// Inputs the fuzzers found, kept so they stay fixed (`tests/fixtures/fuzz/`).
#[test]
fn fuzzer_findings_fail_with_a_location() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let err = pack::load_str(&text, "fuzz.yaml").expect_err(&path.display().to_string());
        for p in err.problems() {
            assert!(
                p.line >= 1 && p.column >= 1,
                "{}: unlocated: {err}",
                path.display()
            );
        }
    }
}

#[test]
fn a_repeated_key_is_reported_where_it_is() {
    let message = located_error(&format!("{HEAD}id: again\nstages: []\n"));
    assert!(message.contains("hostile.yaml:5:1"), "{message}");
}

#[test]
fn fifty_links_on_a_step_are_fine_and_fifty_one_are_refused_at_the_51st() {
    let links = |n: usize| {
        let links: Vec<String> = (0..n)
            .map(|i| format!("{{label: L{i}, url: \"https://example.org/{i}\"}}"))
            .collect();
        format!(
            "{HEAD}stages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n        links:\n          - {}\n",
            links.join("\n          - ")
        )
    };
    let pack = pack::load_str(&links(pack::MAX_LINKS), "links.yaml").unwrap();
    assert_eq!(pack.nodes[1].links.len(), 50);
    let message = located_error(&links(pack::MAX_LINKS + 1));
    assert!(message.contains("hostile.yaml:62:"), "{message}");
    assert!(message.contains("more than 50 links"), "{message}");
}
