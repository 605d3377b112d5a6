//! Crash safety of the state file, with real processes: one killed with SIGKILL at
//! every step of a save (points drawn from a printed seed), and two saving different
//! ticks at once. The test binary runs itself as the child (the ignored `child_*`
//! entry points).
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use jiff::Timestamp;
use ticklist::progress::{Changes, LoadOutcome, State, StateStore};

const PACK: &str = "p";
const DIR_ENV: &str = "TICKLIST_CRASH_DIR";
const PREFIX_ENV: &str = "TICKLIST_CRASH_PREFIX";

fn at_time() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn spawn_child(entry: &str, dir: &Path, prefix: &str, kill_at: Option<String>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    if let Some(point) = kill_at {
        cmd.env("TICKLIST_TEST_KILL_AT", point);
    }
    cmd.args([
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
    let mut state = store.load(PACK, "1", at_time()).into_state();
    loop {
        let changes = Changes::from([(format!("t{}", state.ticks.len()), Some(at_time()))]);
        state.apply(&changes);
        state = store.save(&state, &changes, at_time()).unwrap().state;
        println!("saved {}", state.ticks.len());
    }
}

/// Steps of a save the store can be killed at (see `TICKLIST_TEST_KILL_AT`): before
/// the temp file, half written, written, synced, renamed.
const SAVE_STEPS: u64 = 5;

#[test]
fn saves_survive_sigkill_at_any_point() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    // Kill points come from this seed: the same ones on every run unless another is
    // given, and a failure can be replayed with the seed printed here.
    let seed: u64 = std::env::var("TICKLIST_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    println!("kill points from TICKLIST_CRASH_SEED={seed}");
    let mut state = seed | 1;
    let mut random = move |bound: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % bound
    };
    let mut on_disk = 0;
    let mut reached = std::collections::BTreeSet::new();
    for round in 0..300 {
        // Let the child finish 0 to 3 saves, then kill it at one step of the next.
        let (save, step) = (random(4), random(SAVE_STEPS));
        reached.insert(step);
        let point = format!("{save}:{step}");
        let mut child = spawn_child("crash::child_save_forever", dir.path(), "", Some(point));
        let confirmed = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map(Result::unwrap)
            // The test harness prints too, even on the same line: look for ours.
            .filter_map(|l| l.rsplit("saved ").next().and_then(|n| n.parse().ok()))
            .last()
            .unwrap_or(on_disk);
        let status = child.wait().unwrap();
        let at = format!("round {round}, save {save}, step {step} (seed {seed})");
        assert_eq!(status.signal(), Some(9), "not killed at {at}");
        assert_eq!(confirmed, on_disk + save as usize, "saves before {at}");

        let LoadOutcome::Loaded(state) = store.load(PACK, "1", at_time()) else {
            panic!("the state file is missing or unreadable after a kill at {at}");
        };
        let n = prefix_len(&state);
        // Until the rename the old file stands whole; after it, the new one.
        let expected = confirmed + usize::from(step == SAVE_STEPS - 1);
        assert_eq!(n, expected, "after a kill at {at}");
        on_disk = n;
    }
    assert_eq!(reached.len() as u64, SAVE_STEPS, "every step was reached");
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
    let mut state = store.load(PACK, "1", at_time()).into_state();
    for i in 0..100 {
        let changes = Changes::from([(format!("{prefix}{i}"), Some(at_time()))]);
        state.apply(&changes);
        state = store.save(&state, &changes, at_time()).unwrap().state;
    }
    println!("all-ticks-saved");
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut children: Vec<Child> = ["a", "b"]
        .into_iter()
        .map(|prefix| spawn_child("crash::child_tick_hundred", dir.path(), prefix, None))
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
        .load(PACK, "1", at_time())
        .into_state();
    assert_eq!(state.ticks.len(), 200, "{:?}", state.ticks.keys());
}
