//! Tests of `store`.

use super::*;
use crate::progress::Skip;

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn ticked(ids: &[&str]) -> Changes {
    ids.iter().map(|id| (id.to_string(), Some(now()))).collect()
}

fn save(store: &StateStore, mine: &mut State, changes: &Changes) -> Saved {
    mine.apply(changes);
    store.save(mine, changes, now()).unwrap()
}

#[test]
fn a_format_1_file_is_read_and_written_back_as_format_2_with_everything_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let v1 = r#"{
  "format": 1,
  "pack_id": "p",
  "pack_version": "1",
  "ticks": { "a": "2026-11-02T08:15:00Z" },
  "notes": { "a": "done with Alice" },
  "new": ["b"]
}"#;
    fs::write(store.path("p"), v1).unwrap();
    let LoadOutcome::Loaded(mut mine) = store.load("p", "1", now()) else {
        panic!("a format 1 file must load")
    };
    assert_eq!(mine.format, 1);
    let mut changes = Changes::new();
    changes.skipped.insert(
        "c".into(),
        Some(Skip {
            reason: "not my path".into(),
            at: now(),
        }),
    );
    changes.opened.insert("a".into(), now());
    save(&store, &mut mine, &changes);
    let written: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(store.path("p")).unwrap()).unwrap();
    assert_eq!(written["format"], 2);
    assert_eq!(written["ticks"]["a"], "2026-11-02T08:15:00Z");
    assert_eq!(written["notes"]["a"], "done with Alice");
    assert_eq!(written["new"][0], "b");
    assert_eq!(written["skipped"]["c"]["reason"], "not my path");
    assert_eq!(written["opened"]["a"], "2026-11-22T09:30:00Z");
}

#[test]
fn a_missing_file_is_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path().join("not-yet"));
    assert!(matches!(store.load("p", "1", now()), LoadOutcome::Fresh(_)));
}

#[test]
fn save_writes_readable_json_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path().join("nested"));
    let mut state = State::new("p", "1");
    let saved = save(&store, &mut state, &ticked(&["a"]));
    assert!(!saved.merged_foreign);
    let text = fs::read_to_string(store.path("p")).unwrap();
    assert!(text.contains("\"a\": \"2026-11-22T09:30:00Z\""), "{text}");
    let mut files: Vec<_> = fs::read_dir(dir.path().join("nested"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, [".p.json.lock", "p.json"]);
    assert!(matches!(store.load("p", "1", now()), LoadOutcome::Loaded(s) if s == state));
}

#[test]
fn saving_merges_what_another_session_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut first = State::new("p", "1");
    let mut second = State::new("p", "1");
    save(&store, &mut first, &ticked(&["a", "gone"]));
    let saved = save(&store, &mut second, &ticked(&["b"]));
    assert!(saved.merged_foreign);
    assert_eq!(
        saved.state.ticks.keys().collect::<Vec<_>>(),
        ["a", "b", "gone"]
    );
    // An untick from the first session wins over the second's stale view of it.
    let saved = save(&store, &mut first, &Changes::from([("gone".into(), None)]));
    assert_eq!(saved.state.ticks.keys().collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn answers_are_merged_between_windows_like_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut first = State::new("p", "1");
    let mut second = State::new("p", "1");
    let answer = |value: &str| {
        let mut changes = Changes::new();
        let answer = crate::progress::Answer {
            value: Some(value.into()),
            at: now(),
        };
        changes.answers.insert("billing".into(), Some(answer));
        changes
    };
    save(&store, &mut first, &answer("company"));
    let saved = save(&store, &mut second, &ticked(&["b"]));
    assert_eq!(
        saved.state.answered().get("billing").map(String::as_str),
        Some("company")
    );
    assert!(saved.state.ticks.contains_key("b"));
    // The later answer wins, as a later tick does.
    let saved = save(&store, &mut second, &answer("sole-trader"));
    assert_eq!(
        saved.state.answered().get("billing").map(String::as_str),
        Some("sole-trader")
    );
}

fn unusable_cases() -> [(&'static str, Unusable); 5] {
    [
        ("{ not json", Unusable::Invalid { line: 1, column: 3 }),
        ("", Unusable::Invalid { line: 1, column: 0 }),
        (
            r#"{"format": 99, "pack_id": "p", "pack_version": "1", "ticks": {}}"#,
            Unusable::Newer(99),
        ),
        (
            r#"{"format": 1, "pack_id": "other", "pack_version": "1", "ticks": {}}"#,
            Unusable::OtherPack("other".into()),
        ),
        ("\u{0}\u{0}\u{0}", Unusable::Invalid { line: 1, column: 1 }),
    ]
}

#[test]
fn unusable_files_are_moved_aside_never_overwritten() {
    for (content, expected) in unusable_cases() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        fs::write(store.path("p"), content).unwrap();
        let LoadOutcome::MovedAside {
            reason, moved_to, ..
        } = store.load("p", "1", now())
        else {
            panic!("{content:?} should be moved aside");
        };
        assert_eq!(reason, expected, "{content:?}");
        assert_eq!(fs::read_to_string(&moved_to).unwrap(), content);
        assert!(
            moved_to
                .to_string_lossy()
                .ends_with("p.json.corrupt-20261122T093000Z")
        );
        assert!(!store.path("p").exists());
    }
}

#[test]
fn a_file_spoilt_during_the_session_is_moved_aside_when_saving() {
    for (content, _) in unusable_cases() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let mut mine = State::new("p", "1");
        save(&store, &mut mine, &ticked(&["a"]));
        fs::write(store.path("p"), content).unwrap();
        let saved = save(&store, &mut mine, &ticked(&["b"]));
        assert_eq!(saved.state.ticks.keys().collect::<Vec<_>>(), ["a", "b"]);
        let aside = store
            .path("p")
            .with_extension("json.corrupt-20261122T093000Z");
        assert_eq!(fs::read_to_string(aside).unwrap(), content);
    }
}

#[test]
fn a_directory_in_place_of_the_file_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    fs::create_dir(store.path("p")).unwrap();
    let LoadOutcome::MovedAside {
        reason, moved_to, ..
    } = store.load("p", "1", now())
    else {
        panic!("a directory should be moved aside");
    };
    assert_eq!(reason, Unusable::Directory);
    assert_eq!(
        reason.words(&crate::text::FR),
        "c'est un dossier, pas un fichier"
    );
    assert!(moved_to.is_dir());
    let mut mine = State::new("p", "1");
    save(&store, &mut mine, &ticked(&["a"]));
    assert!(store.path("p").is_file());
}

#[test]
fn an_unreadable_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the state directory should be: every read fails with
    // "not a directory", even for root, who ignores permission bits.
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, "keep me").unwrap();
    let store = StateStore::new(&blocker);
    assert!(matches!(
        store.load("p", "1", now()),
        LoadOutcome::ReadOnly { .. }
    ));
    let mine = State::new("p", "1");
    assert!(store.save(&mine, &ticked(&["a"]), now()).is_err());
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "keep me");
}

#[test]
fn backups_and_set_aside_files_of_one_second_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut backups = Vec::new();
    for n in 0..3 {
        fs::write(store.path("p"), format!("backup {n}")).unwrap();
        backups.push(store.reset("p", now()).unwrap().unwrap());
    }
    let mut set_aside = Vec::new();
    for n in 0..2 {
        fs::write(store.path("p"), format!("{{ damaged {n}")).unwrap();
        let LoadOutcome::MovedAside { moved_to, .. } = store.load("p", "1", now()) else {
            panic!("a damaged file is set aside");
        };
        set_aside.push(moved_to);
    }
    for (n, path) in backups.iter().enumerate() {
        assert_eq!(fs::read_to_string(path).unwrap(), format!("backup {n}"));
    }
    for (n, path) in set_aside.iter().enumerate() {
        assert_eq!(fs::read_to_string(path).unwrap(), format!("{{ damaged {n}"));
    }
    let names: Vec<String> = backups
        .iter()
        .chain(&set_aside)
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "p.json.bak-20261122T093000Z",
            "p.json.bak-20261122T093000Z-2",
            "p.json.bak-20261122T093000Z-3",
            "p.json.corrupt-20261122T093000Z",
            "p.json.corrupt-20261122T093000Z-2",
        ]
    );
}

/// Counts the syncs a save asks for.
#[derive(Debug, Default)]
struct Counted {
    files: std::sync::atomic::AtomicUsize,
    dirs: std::sync::atomic::AtomicUsize,
}

impl Syncs for Counted {
    fn file(&self, file: &File) -> io::Result<()> {
        assert!(file.metadata()?.len() > 0, "synced once written");
        self.files.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    fn dir(&self, dir: &Path) {
        let temps = fs::read_dir(dir).unwrap().flatten();
        let temps = temps.filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
        assert_eq!(temps.count(), 0, "synced once renamed");
        self.dirs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn every_save_is_synced_and_replaces_the_file() {
    use std::os::unix::fs::MetadataExt;
    use std::sync::atomic::Ordering::SeqCst;
    let counted: &'static Counted = Box::leak(Box::default());
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path()).syncing_through(counted);
    let mut state = State::new("p", "1");
    save(&store, &mut state, &ticked(&["a"]));
    let before = fs::metadata(store.path("p")).unwrap().ino();
    save(&store, &mut state, &ticked(&["b"]));
    assert_ne!(fs::metadata(store.path("p")).unwrap().ino(), before);
    assert_eq!(
        (counted.files.load(SeqCst), counted.dirs.load(SeqCst)),
        (2, 2)
    );
    // A run's store saves the same way.
    let run = store.for_run("alice");
    run.save(&State::new("p", "1"), &ticked(&["a"]), now())
        .unwrap();
    assert_eq!(counted.files.load(SeqCst), 3);
}

#[test]
fn peeking_reads_what_it_can_and_moves_nothing() {
    for (content, _) in unusable_cases() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        fs::write(store.path("p"), content).unwrap();
        assert!(store.peek("p", "1").ticks.is_empty());
        assert_eq!(fs::read_to_string(store.path("p")).unwrap(), content);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing set aside"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut mine = State::new("p", "1");
    save(&store, &mut mine, &ticked(&["a", "b"]));
    let keys: Vec<String> = store.peek("p", "1").ticks.into_keys().collect();
    assert_eq!(keys, ["a", "b"]);
    let damaged = r#"{"format":2,"pack_id":"p","pack_version":"1",
        "ticks":{"a":"2026-11-02T08:15:00Z","b":"hier"}}"#;
    fs::write(store.path("p"), damaged).unwrap();
    let keys: Vec<String> = store.peek("p", "1").ticks.into_keys().collect();
    assert_eq!(keys, ["a"], "a damaged file: what can be read");
    assert_eq!(fs::read_to_string(store.path("p")).unwrap(), damaged);
}
