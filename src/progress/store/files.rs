//! One progress file on disk: moved aside or backed up under a name of its own, and
//! replaced durably, with a test-only switch to crash at any step of that.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::super::State;
use super::super::problems::{FileAction, StateError, io_error};
use crate::atomic_file::{self, Step, Syncs};

/// Renames a bad state file to `<name>.corrupt-<time>`, keeping it for the user to inspect.
pub(super) fn move_aside(path: &Path, now: Timestamp) -> Result<PathBuf, StateError> {
    rename_with_stamp(path, "corrupt", now)
}

/// Renames `path` to `<name>.json.<kind>-<time>`, or `…-<time>-2`, `-3`… when a file
/// of that second is already there: a backup or a set-aside file is never overwritten.
/// Called under the store's lock, so no other ticklist takes the name meanwhile.
pub(super) fn rename_with_stamp(
    path: &Path,
    kind: &str,
    now: Timestamp,
) -> Result<PathBuf, StateError> {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut moved_to = path.with_extension(format!("json.{kind}-{stamp}"));
    let mut n = 1;
    while matches!(moved_to.try_exists(), Ok(true)) {
        n += 1;
        moved_to = path.with_extension(format!("json.{kind}-{stamp}-{n}"));
    }
    fs::rename(path, &moved_to).map_err(io_error(FileAction::MoveAside, path))?;
    Ok(moved_to)
}

/// Replaces `path` with `state` so that a crash at any point leaves the old file or
/// the new one, never a mix.
pub(super) fn write_state(path: &Path, state: &State, syncs: &dyn Syncs) -> Result<(), StateError> {
    let mut json = serde_json::to_vec_pretty(state)
        .map_err(io::Error::other)
        .map_err(io_error(FileAction::Write, path))?;
    json.push(b'\n');
    atomic_file::replace(path, &json, syncs, crash_point).map_err(io_error(FileAction::Write, path))
}

/// Test-only crash switch, absent from release builds: with `TICKLIST_TEST_KILL_AT=N:S`
/// this process kills itself with SIGKILL at step S of its save number N (from 0):
/// 0 before the temp file, 1 with it half written, 2 written, 3 synced, 4 renamed.
/// The crash test uses it to reach every point of a save on purpose, not by luck.
#[cfg(all(debug_assertions, unix))]
fn crash_point(step: Step) {
    let step = step as u32;
    use std::sync::atomic::{AtomicU32, Ordering};
    static SAVES: AtomicU32 = AtomicU32::new(0);
    let Some((save, at)) = std::env::var("TICKLIST_TEST_KILL_AT")
        .ok()
        .and_then(|v| {
            v.split_once(':')
                .map(|(a, b)| (a.parse().ok(), b.parse().ok()))
        })
        .and_then(|(a, b)| a.zip(b))
    else {
        return;
    };
    let this = if step == 0 {
        SAVES.fetch_add(1, Ordering::SeqCst)
    } else {
        SAVES.load(Ordering::SeqCst).saturating_sub(1)
    };
    if (this, step) == (save, at) {
        let pid = std::process::id().to_string();
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status();
        // SIGKILL is on its way; nothing more of this save may happen first.
        loop {
            std::thread::park();
        }
    }
}

#[cfg(not(all(debug_assertions, unix)))]
fn crash_point(_step: Step) {}
