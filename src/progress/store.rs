//! Where progress lives on disk, and writing it so that a crash never leaves half a file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{FORMAT_VERSION, State};

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// What loading found. A file that cannot be used is moved aside, never overwritten.
#[derive(Debug)]
pub enum LoadOutcome {
    /// No progress saved yet for this pack.
    Fresh(State),
    Loaded(State),
    /// The file was unusable (`reason`); it now lives at `moved_to` and a fresh state starts.
    MovedAside {
        state: State,
        reason: String,
        moved_to: PathBuf,
    },
}

impl LoadOutcome {
    pub fn into_state(self) -> State {
        match self {
            LoadOutcome::Fresh(s) | LoadOutcome::Loaded(s) => s,
            LoadOutcome::MovedAside { state, .. } => state,
        }
    }
}

/// The directory holding one state file per pack id.
#[derive(Debug, Clone)]
pub struct StateStore {
    dir: PathBuf,
}

impl StateStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StateStore { dir: dir.into() }
    }

    pub fn path(&self, pack_id: &str) -> PathBuf {
        self.dir.join(format!("{pack_id}.json"))
    }

    /// Reads the state of `pack_id`. `now` names the moved-aside copy of a bad file.
    pub fn load(
        &self,
        pack_id: &str,
        pack_version: &str,
        now: Timestamp,
    ) -> Result<LoadOutcome, StateError> {
        let path = self.path(pack_id);
        let fresh = || State::new(pack_id, pack_version);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(LoadOutcome::Fresh(fresh()));
            }
            Err(source) => {
                return Err(StateError::Io {
                    action: "read",
                    path,
                    source,
                });
            }
        };
        let reason = match serde_json::from_str::<State>(&text) {
            Ok(state) if state.format > FORMAT_VERSION => format!(
                "it was written by a newer ticklist (format {}), this one reads format {FORMAT_VERSION}",
                state.format
            ),
            Ok(state) if state.pack_id != pack_id => {
                format!("it belongs to pack {:?}", state.pack_id)
            }
            Ok(state) => return Ok(LoadOutcome::Loaded(state)),
            Err(e) => format!("it is not a valid state file ({e})"),
        };
        let stamp = now.strftime("%Y%m%dT%H%M%SZ");
        let moved_to = path.with_extension(format!("json.corrupt-{stamp}"));
        fs::rename(&path, &moved_to).map_err(|source| StateError::Io {
            action: "move aside",
            path: path.clone(),
            source,
        })?;
        Ok(LoadOutcome::MovedAside {
            state: fresh(),
            reason,
            moved_to,
        })
    }

    /// Writes the state atomically: temp file in the same directory, fsync, rename, fsync dir.
    pub fn save(&self, state: &State) -> Result<(), StateError> {
        let path = self.path(&state.pack_id);
        let io_err = |action: &'static str, path: &Path| {
            let path = path.to_path_buf();
            move |source| StateError::Io {
                action,
                path,
                source,
            }
        };
        fs::create_dir_all(&self.dir).map_err(io_err("create", &self.dir))?;
        let mut json = serde_json::to_vec_pretty(state)
            .map_err(io::Error::other)
            .map_err(io_err("encode", &path))?;
        json.push(b'\n');
        let tmp = self.dir.join(format!(
            ".{}.json.tmp-{}",
            state.pack_id,
            std::process::id()
        ));
        let written = File::create(&tmp)
            .and_then(|mut f| f.write_all(&json).and_then(|()| f.sync_all()))
            .and_then(|()| fs::rename(&tmp, &path));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(io_err("save", &path)(e));
        }
        // Make the rename itself durable; not every platform can open a directory.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T09:30:00Z".parse().unwrap()
    }

    #[test]
    fn a_missing_file_is_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path().join("not-yet"));
        assert!(matches!(
            store.load("p", "1", now()).unwrap(),
            LoadOutcome::Fresh(_)
        ));
    }

    #[test]
    fn save_writes_readable_json_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path().join("nested"));
        let mut state = State::new("p", "1");
        state.ticks.insert("a".into(), now());
        store.save(&state).unwrap();
        let text = fs::read_to_string(store.path("p")).unwrap();
        assert!(text.contains("\"a\": \"2026-11-22T09:30:00Z\""), "{text}");
        let files: Vec<_> = fs::read_dir(dir.path().join("nested")).unwrap().collect();
        assert_eq!(files.len(), 1);
        assert!(
            matches!(store.load("p", "1", now()).unwrap(), LoadOutcome::Loaded(s) if s == state)
        );
    }

    #[test]
    fn unusable_files_are_moved_aside_never_overwritten() {
        let cases = [
            ("{ not json", "not a valid state file"),
            ("", "not a valid state file"),
            (
                r#"{"format": 99, "pack_id": "p", "pack_version": "1", "ticks": {}}"#,
                "newer ticklist",
            ),
            (
                r#"{"format": 1, "pack_id": "other", "pack_version": "1", "ticks": {}}"#,
                "belongs to pack \"other\"",
            ),
        ];
        for (content, expected) in cases {
            let dir = tempfile::tempdir().unwrap();
            let store = StateStore::new(dir.path());
            fs::write(store.path("p"), content).unwrap();
            let LoadOutcome::MovedAside {
                reason, moved_to, ..
            } = store.load("p", "1", now()).unwrap()
            else {
                panic!("{content:?} should be moved aside");
            };
            assert!(reason.contains(expected), "{reason}");
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
    fn an_unreadable_file_is_an_error_not_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        fs::create_dir(store.path("p")).unwrap();
        assert!(store.load("p", "1", now()).is_err());
    }
}
