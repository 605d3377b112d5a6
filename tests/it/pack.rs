//! Pack loading: the built-in pack, and one fixture per validation rule, each error
//! located at the line and column of the offending value.

use std::path::{Path, PathBuf};

use ticklist::pack::{self, Level, PackError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name)
}

/// Loads a fixture that must fail, returning the problems and the full message.
fn problems(name: &str) -> (Vec<(u64, u64)>, String) {
    let err = pack::load_file(&fixture(name)).expect_err(name);
    let message = err.to_string();
    let at = err.problems().iter().map(|p| (p.line, p.column)).collect();
    (at, message)
}

#[test]
fn the_builtin_pack_loads() {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    assert_eq!(pack.id, "openclassrooms-mentor");
    assert_eq!(pack.id, pack::BUILTIN_ID);
    assert_eq!(pack.lang, "fr");
    let stages: Vec<&str> = pack
        .children(None)
        .map(|i| pack.nodes[i].title.as_str())
        .collect();
    assert_eq!(
        stages,
        [
            "Étape 1 : Pendant votre processus de recrutement",
            "Étape 2 : Une fois votre contrat signé"
        ]
    );
}

#[test]
fn a_valid_file_loads() {
    let pack = pack::load_file(&fixture("valid-minimal.yaml")).unwrap();
    assert_eq!(pack.nodes.len(), 3);
    assert_eq!(pack.nodes[0].level, Level::Stage);
    assert_eq!(pack.nodes[2].links[0].url, "https://example.org/b");
}

#[test]
fn unknown_fields_are_rejected_where_they_are() {
    let (at, message) = problems("unknown-field.yaml");
    assert_eq!(at, [(11, 9)]);
    assert!(message.contains("unknown field `colour`"), "{message}");
    assert!(message.contains("unknown-field.yaml:11:9"), "{message}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let (at, message) = problems("duplicate-id.yaml");
    assert_eq!(at, [(11, 13)]);
    assert!(message.contains("duplicate-id.yaml:11:13"), "{message}");
    assert!(
        message.contains("first used at line 9, column 13"),
        "{message}"
    );
}

#[test]
fn empty_ids_are_rejected() {
    let (at, message) = problems("empty-id.yaml");
    assert_eq!(at, [(9, 13)]);
    assert!(message.contains("the id is empty"), "{message}");
}

#[test]
fn empty_titles_are_rejected() {
    let (at, message) = problems("empty-title.yaml");
    assert_eq!(at, [(10, 16)]);
    assert!(message.contains("`title` is empty"), "{message}");
}

#[test]
fn non_web_urls_are_rejected() {
    for name in ["bad-url.yaml", "relative-url.yaml"] {
        let (at, message) = problems(name);
        assert_eq!(at, [(13, 18)], "{name}");
        assert!(
            message.contains("only absolute http://, https:// and mailto:"),
            "{message}"
        );
    }
}

#[test]
fn syntax_errors_come_located_from_the_parser() {
    let err = pack::load_file(&fixture("syntax-error.yaml")).unwrap_err();
    assert!(
        matches!(
            err,
            PackError::Syntax {
                line: 7,
                column: 12,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("syntax-error.yaml:7:12"), "{err}");
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let (at, message) = problems("several-problems.yaml");
    assert_eq!(at, [(1, 5), (10, 16), (11, 13), (14, 20), (15, 18)]);
    assert_eq!(message.lines().count(), 5, "{message}");
    assert!(
        message
            .lines()
            .all(|l| l.starts_with(&format!("{}:", fixture("several-problems.yaml").display())))
    );
}

#[test]
fn a_missing_file_says_which() {
    let err = pack::load_file(Path::new("/nonexistent/team.yaml")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/team.yaml"), "{err}");
}

#[test]
fn levels_may_only_hold_their_children() {
    let cases = [
        // A stage with neither items nor parts.
        ("stages:\n  - id: s\n    title: S\n", "has no steps"),
        // A stage with both.
        (
            "stages:\n  - id: s\n    title: S\n    parts: [{id: p, title: P, items: [{id: a, title: A}]}]\n    items: [{id: b, title: B}]\n",
            "both `parts` and `items`",
        ),
        // Parts inside a part.
        (
            "stages:\n  - id: s\n    title: S\n    parts: [{id: p, title: P, parts: [{id: q, title: Q}]}]\n",
            "has no steps",
        ),
        // Items below sub-items.
        (
            "stages:\n  - id: s\n    title: S\n    items: [{id: a, title: A, items: [{id: b, title: B, items: [{id: c, title: C}]}]}]\n",
            "cannot hold `items`",
        ),
    ];
    for (stages, expected) in cases {
        let text = format!("id: x\nversion: \"1\"\nlang: en\ntitle: T\n{stages}");
        let err = pack::load_str(&text, "case.yaml").unwrap_err();
        assert!(
            err.to_string().contains(expected),
            "{err}\n--- for:\n{text}"
        );
        assert!(err.problems().iter().all(|p| p.line > 0));
    }
}

const RENAMED_HEAD: &str = "id: r\nversion: \"2\"\nlang: en\ntitle: R\nstages:\n  - id: s\n    title: S\n    items:\n      - {id: new-step, title: New}\n      - {id: kept, title: Kept}\n";

#[test]
fn renamed_ids_must_point_into_the_pack_and_be_gone_from_it() {
    let pack = pack::load_str(
        &format!("{RENAMED_HEAD}renamed:\n  old-step: new-step\n"),
        "r.yaml",
    )
    .unwrap();
    assert_eq!(
        pack.renamed,
        [("old-step".to_string(), "new-step".to_string())]
    );

    let err = pack::load_str(
        &format!("{RENAMED_HEAD}renamed:\n  old-step: missing\n  kept: new-step\n"),
        "r.yaml",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("r.yaml:12:3: `renamed: old-step: missing`: no step has the id “missing”"),
        "{err}"
    );
    assert!(
        err.contains("`renamed: kept: new-step`: “kept” is still an id here (line 10)"),
        "{err}"
    );
}

#[test]
fn allowed_but_doubtful_things_are_warnings_with_their_place() {
    let checked = pack::check_file(&fixture("warnings.yaml")).unwrap();
    assert!(pack::load_file(&fixture("warnings.yaml")).is_ok());
    let warnings: Vec<(u64, u64, &str)> = checked
        .warnings
        .iter()
        .map(|w| (w.line, w.column, w.message.as_str()))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert_eq!((warnings[0].0, warnings[0].1), (12, 20));
    assert!(warnings[0].2.contains("bare URL"));
    assert_eq!((warnings[1].0, warnings[1].1), (18, 18));
    assert!(warnings[1].2.contains("already linked at line 13"));
    assert_eq!((warnings[2].0, warnings[2].1), (20, 16));
    assert!(warnings[2].2.contains("only a title"));

    let home = tempfile::tempdir().unwrap();
    let out = crate::support::command(home.path(), "C")
        .arg("validate")
        .arg(fixture("warnings.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "warnings do not fail validation");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warnings.yaml:20:16: warning: this step has only a title"),
        "{err}"
    );
}

#[test]
fn pack_schema_prints_the_committed_schema() {
    let home = tempfile::tempdir().unwrap();
    let out = crate::support::command(home.path(), "C")
        .args(["pack", "schema"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/pack.schema.json");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(committed).unwrap()
    );
}

#[test]
fn the_committed_json_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/pack.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == pack::schema_json(),
        "content/pack.schema.json is out of date: run `cargo run -- pack schema > content/pack.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are refused"
    );
    let node = &schema["$defs"]["RawNode"]["properties"];
    for field in [
        "id", "title", "details", "links", "warning", "note", "parts", "items",
    ] {
        assert!(node.get(field).is_some(), "{field} missing from the schema");
    }
}

#[test]
fn the_digest_names_the_content_not_the_layout() {
    let a = pack::load_str("id: d\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - {id: s, title: S, items: [{id: a, title: A}]}\n", "a.yaml").unwrap();
    let b = pack::load_str("# same content, other layout\nid: d\nversion: \"1\"\nlang: en\ntitle: 'T'\nstages:\n  - id: s\n    title: S\n    items:\n      - id: a\n        title: A\n", "b.yaml").unwrap();
    let c = pack::load_str("id: d\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - {id: s, title: S, items: [{id: a, title: A!}]}\n", "c.yaml").unwrap();
    assert_eq!(a.digest(), b.digest());
    assert_ne!(a.digest(), c.digest());
    assert_eq!(a.digest().len(), 64);
    assert!(a.digest().chars().all(|ch| ch.is_ascii_hexdigit()));
}

#[test]
fn text_is_loaded_in_one_unicode_form_and_found_either_way() {
    let yaml = "id: t\nversion: \"1\"\nlang: fr\ntitle: T\nstages:\n  - id: s\n    title: \"E\\u0301valuation\"\n    items:\n      - {id: a, title: \"Re\\u0301sume\\u0301\", details: \"de\\u0301tails\"}\n";
    let pack = pack::load_str(yaml, "nfd.yaml").unwrap();
    assert_eq!(
        pack.nodes[0].title,
        "\u{e9}valuation".replacen('\u{e9}', "\u{c9}", 1)
    );
    assert_eq!(pack.nodes[1].title, "R\u{e9}sum\u{e9}");
    assert_eq!(pack.nodes[1].details.as_deref(), Some("d\u{e9}tails"));
    let query = ticklist::search::Query::new("evaluation").unwrap();
    assert!(
        query.matches("E\u{301}valuations"),
        "decomposed text is found too"
    );
    assert_eq!(ticklist::search::find(&pack, None, &query), [0]);
}

/// The built-in French pack with line `n` replaced, as a manager's slip would leave it.
fn builtin_with(home: &std::path::Path, n: usize, line: &str) -> std::path::PathBuf {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/openclassrooms-mentor.fr.yaml"),
    )
    .unwrap();
    let mut lines: Vec<&str> = source.lines().collect();
    lines[n - 1] = line;
    let path = home.join("equipe.yaml");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn layout_slips_are_told_in_the_managers_words_and_language() {
    let home = tempfile::tempdir().unwrap();
    let validate = |path: &std::path::Path, lang: &str| {
        let out = crate::support::command(home.path(), lang)
            .args(["validate", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    // Where the slips go: the title of the step `section-debuter-mentorat`, the line of
    // its `id` just above, its `links` just below.
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/openclassrooms-mentor.fr.yaml"),
    )
    .unwrap();
    let title = source
        .lines()
        .position(|l| l == "            title: La section Débuter le mentorat")
        .unwrap()
        + 1;
    let (id, links) = (title - 1, title + 1);
    // `title` one space short of its sibling `id` (the parser would say "missing field
    // `title`" on the id's line).
    let path = builtin_with(
        home.path(),
        title,
        "           title: La section Débuter le mentorat",
    );
    let said = validate(&path, crate::support::FRENCH);
    let expected = format!(
        "equipe.yaml:{title}:12: `title` est indenté de 11 espaces alors que `id` à la ligne {id} l'est de 12 : alignez-le sur `id`"
    );
    assert!(said.contains(&expected), "{said}");
    assert!(
        said.contains(&format!("{title} |            title: La section")),
        "the line is shown: {said}"
    );
    assert!(
        said.contains("   |            ^"),
        "with a caret under the column: {said}"
    );
    // `links` one space too deep, in English.
    let path = builtin_with(home.path(), links, "             links:");
    let said = validate(&path, "C");
    let expected = format!(
        "equipe.yaml:{links}:14: `links` is indented by 13 spaces where `title` on line {title} has 12: align it with `title`"
    );
    assert!(said.contains(&expected), "{said}");
    // A colon in a plain title.
    let path = builtin_with(
        home.path(),
        title,
        "            title: La section : Débuter: le mentorat",
    );
    let said = validate(&path, "C");
    assert!(said.contains(&format!("equipe.yaml:{title}:")), "{said}");
    assert!(said.contains("put the whole value in quotes"), "{said}");
}

#[test]
fn the_parsers_own_messages_speak_the_managers_language() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("typo.yaml");
    std::fs::write(
        &path,
        "id: t\nversion: \"1\"\nlang: fr\ntitle: T\nstages:\n  - id: s\n    titel: S\n    items: [{id: a, title: A}]\n",
    )
    .unwrap();
    let out = crate::support::command(home.path(), crate::support::FRENCH)
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("typo.yaml:7:5: "), "{said}");
    assert!(
        said.contains("champ inconnu `titel` : vouliez-vous dire `title` ? (les champs possibles ici sont id, title"),
        "{said}"
    );
    assert!(said.contains("typo.yaml:7:5"), "{said}");
}
