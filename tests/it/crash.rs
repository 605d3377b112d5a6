//! Crash safety of the state file, with real processes: one killed with SIGKILL at
//! random points while it saves in a loop, and two saving different ticks at once.
//! The test binary runs itself as the child (the ignored `child_*` entry points).
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use jiff::Timestamp;
use ticklist::progress::{Changes, LoadOutcome, State, StateStore};

const PACK: &str = "p";
const DIR_ENV: &str = "TICKLIST_CRASH_DIR";
const PREFIX_ENV: &str = "TICKLIST_CRASH_PREFIX";

fn at() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn spawn_child(entry: &str, dir: &Path, prefix: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            entry,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DIR_ENV, dir)
        .env(PREFIX_ENV, prefix)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The ids a state holds, which must be `t0..tN` for some N: every version the child
/// writes adds the next one, so anything else would be a torn or mixed file.
fn prefix_len(state: &State) -> usize {
    let n = state.ticks.len();
    for i in 0..n {
        assert!(
            state.ticks.contains_key(&format!("t{i}")),
            "torn state: {state:?}"
        );
    }
    n
}

/// Child: from whatever is saved, keeps adding the next tick and saving, printing
/// each count once it is on disk, until killed.
#[test]
#[ignore = "child process of saves_survive_sigkill_at_any_point"]
fn child_save_forever() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    let store = StateStore::new(dir);
    let mut state = store.load(PACK, "1", at()).into_state();
    loop {
        let changes = Changes::from([(format!("t{}", state.ticks.len()), Some(at()))]);
        state.apply(&changes);
        state = store.save(&state, &changes, at()).unwrap().state;
        println!("saved {}", state.ticks.len());
    }
}

#[test]
fn saves_survive_sigkill_at_any_point() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    // A fixed-seed generator: random kill points, the same ones on every run.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut random = move |bound: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % bound
    };
    let mut last_seen = 0;
    for _ in 0..300 {
        let mut child = spawn_child("crash::child_save_forever", dir.path(), "");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let it finish 1 to 3 saves, then kill it somewhere in the next ones.
        let mut confirmed = 0;
        for _ in 0..=random(3) {
            // The test harness prints too, even on the same line: look for ours.
            let line = lines
                .by_ref()
                .map(Result::unwrap)
                .find(|l| l.contains("saved "))
                .expect("the child stopped saving");
            confirmed = line.rsplit("saved ").next().unwrap().parse().unwrap();
        }
        std::thread::sleep(Duration::from_micros(random(3_000)));
        child.kill().unwrap();
        child.wait().unwrap();

        let LoadOutcome::Loaded(state) = store.load(PACK, "1", at()) else {
            panic!("the state file is missing or unreadable after a kill");
        };
        let n = prefix_len(&state);
        assert!(
            n >= confirmed,
            "a confirmed save was lost: {n} < {confirmed}"
        );
        assert!(n >= last_seen);
        last_seen = n;
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// Child: ticks `<prefix>0..<prefix>99`, one save each, as a second window would.
#[test]
#[ignore = "child process of two_processes_saving_at_once_lose_nothing"]
fn child_tick_hundred() {
    let (Some(dir), Some(prefix)) = (std::env::var_os(DIR_ENV), std::env::var(PREFIX_ENV).ok())
    else {
        return;
    };
    let store = StateStore::new(dir);
    let mut state = store.load(PACK, "1", at()).into_state();
    for i in 0..100 {
        let changes = Changes::from([(format!("{prefix}{i}"), Some(at()))]);
        state.apply(&changes);
        state = store.save(&state, &changes, at()).unwrap().state;
    }
    println!("all-ticks-saved");
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut children: Vec<Child> = ["a", "b"]
        .into_iter()
        .map(|prefix| spawn_child("crash::child_tick_hundred", dir.path(), prefix))
        .collect();
    for child in &mut children {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).unwrap();
        assert!(child.wait().unwrap().success(), "a child failed: {out}");
        assert!(
            out.contains("all-ticks-saved"),
            "a child did not finish: {out}"
        );
    }
    let state = StateStore::new(dir.path())
        .load(PACK, "1", at())
        .into_state();
    assert_eq!(state.ticks.len(), 200, "{:?}", state.ticks.keys());
}
