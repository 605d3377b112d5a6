//! Property tests: whatever bytes or near-YAML reach the loaders, they answer with a
//! value or a located error, never a panic. (The fuzz targets in `fuzz/` push further.)

use jiff::Timestamp;
use proptest::prelude::*;
use proptest::sample::select;
use ticklist::pack;
use ticklist::progress::{FORMAT_VERSION, LoadOutcome, State, StateStore};

fn assert_ok_or_located(text: &str) {
    if let Err(err) = pack::load_str(text, "prop.yaml") {
        let problems = err.problems();
        assert!(!problems.is_empty(), "no problem listed: {err}");
        for p in &problems {
            assert!(p.line >= 1 && p.column >= 1, "unlocated: {err}");
        }
        assert!(!err.to_string().contains('\u{1b}'), "raw escape in {err:?}");
    }
}

/// One line of something that looks like a pack: a key the format knows (or not), a
/// value that is plain, quoted, hostile or structural, at a random indentation.
fn pack_line() -> impl Strategy<Value = String> {
    let keys = select(vec![
        "id", "title", "version", "lang", "stages", "parts", "items", "links", "label", "url",
        "details", "warning", "note", "renamed", "- id", "- label", "-", "? x",
    ]);
    let values = select(vec![
        "",
        "a",
        "\"1\"",
        "s1",
        "https://example.org",
        "javascript:alert(1)",
        "[]",
        "{}",
        "[a, b",
        "&anchor x",
        "*anchor",
        "\"\\e]52;c;aGk=\\a\"",
        "|",
        "'unterminated",
        "!!binary aGk=",
        "- x",
        "{id: y, title: z}",
        "\t",
        "\u{feff}",
    ]);
    (0usize..10, keys, values)
        .prop_map(|(indent, key, value)| format!("{}{key}: {value}", " ".repeat(indent)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever escape a pack hides in an id, the problem that quotes it shows the
    /// escape as a symbol and never sends it.
    #[test]
    fn an_escape_in_an_id_is_quoted_visibly(id in "[a-z]{0,4}\x1b[\\[\\]0-9;a-z]{0,6}\x07?") {
        let quoted = serde_json::to_string(&id).unwrap();
        let yaml = format!("id: t\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - id: {quoted}\n    title: S\n    items: [{{id: a, title: A}}]\n");
        let message = pack::load_str(&yaml, "prop.yaml").unwrap_err().to_string();
        prop_assert!(!message.contains('\u{1b}'), "{:?}", message);
        prop_assert!(message.contains('␛'), "{:?}", message);
    }

    #[test]
    fn random_bytes_never_panic_the_pack_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        assert_ok_or_located(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn near_yaml_never_panics_the_pack_loader(lines in proptest::collection::vec(pack_line(), 0..40)) {
        let head = "id: p\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n";
        assert_ok_or_located(&format!("{head}{}", lines.join("\n")));
        assert_ok_or_located(&lines.join("\n"));
    }

    #[test]
    fn any_state_file_loads_or_is_moved_aside_intact(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        std::fs::write(store.path("p"), &bytes).unwrap();
        let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
        match store.load("p", "1", now) {
            LoadOutcome::Loaded(state) => prop_assert_eq!(State::parse(&bytes, "p"), Ok(state)),
            LoadOutcome::MovedAside { moved_to, .. } => {
                prop_assert_eq!(std::fs::read(moved_to).unwrap(), bytes);
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn near_json_states_never_panic(
        format in select(vec!["1", "2", "3", "0", "-1", "\"1\"", "1e9"]),
        id in select(vec!["\"p\"", "\"q\"", "1", "null"]),
        ticks in select(vec!["{}", "{\"a\": \"2026-11-22T09:30:00Z\"}", "{\"a\": \"yesterday\"}", "[]", "{\"a\": null}"]),
    ) {
        let json = format!("{{\"format\": {format}, \"pack_id\": {id}, \"pack_version\": \"1\", \"ticks\": {ticks}}}");
        if let Ok(state) = State::parse(json.as_bytes(), "p") {
            prop_assert!(state.format <= FORMAT_VERSION && state.pack_id == "p");
        }
    }
}
