//! Where progress lives on disk, and writing it so that a crash never leaves half a file.

use super::salvage::{Unreadable, salvage};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::problems::{FileAction, ReadOnlyWhy, StateError, Unusable, io_error};
use super::{Changes, FORMAT_VERSION, State};
use crate::atomic_file::{Disk, Syncs};
use files::{move_aside, rename_with_stamp, write_state};

/// What loading found. A file that cannot be used is moved aside, never overwritten.
#[derive(Debug)]
pub enum LoadOutcome {
    /// No progress saved yet for this pack.
    Fresh(State),
    Loaded(State),
    /// The file was unusable (`reason`); it now lives at `moved_to` and a fresh state starts.
    MovedAside {
        state: State,
        reason: Unusable,
        moved_to: PathBuf,
    },
    /// Some entries could not be read (`lost`): the rest was kept and written back, the
    /// file as it was kept whole at `moved_to`.
    Salvaged {
        state: State,
        lost: Vec<Unreadable>,
        moved_to: PathBuf,
    },
    /// The file could not be read, or was unusable and could not be moved aside. Writing
    /// would risk destroying it, so this session keeps its ticks in memory only.
    ReadOnly {
        state: State,
        reason: ReadOnlyWhy,
    },
}

impl LoadOutcome {
    pub fn into_state(self) -> State {
        match self {
            LoadOutcome::Fresh(s) | LoadOutcome::Loaded(s) => s,
            LoadOutcome::MovedAside { state, .. }
            | LoadOutcome::Salvaged { state, .. }
            | LoadOutcome::ReadOnly { state, .. } => state,
        }
    }
}

/// What a save wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Saved {
    /// The state now on disk: what was there, with this session's changes applied.
    pub state: State,
    /// Whether another session's ticks were merged in, so the caller's view is stale.
    pub merged_foreign: bool,
    /// Notes another window changed too: both texts were kept.
    pub notes_kept: Vec<KeptNote>,
}

/// A note changed here and in another window since this one last saw it: both texts
/// were kept, one under the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptNote {
    pub id: String,
    /// The note this window changed from.
    pub base: Option<String>,
    /// The other window's text: what the note is once this window's change is taken
    /// back (`u` must not take the other window's words with it).
    pub theirs: String,
}

/// What reading the state file found.
enum Found {
    Missing,
    Usable(Box<State>),
    /// Present but not this pack's readable state; the reason says why.
    Unusable(Unusable),
    /// Readable but for some entries.
    Damaged(Box<State>, Vec<Unreadable>),
}

/// The directory holding one state file per pack id, and for a repeatable pack one per
/// run (`<pack-id>@<run>.json`).
#[derive(Debug, Clone)]
pub struct StateStore {
    dir: PathBuf,
    /// The run this store reads and writes, by its file key.
    run: Option<String>,
    /// How its saves reach the disk: [`Disk`] but in the test that counts the syncs.
    syncs: &'static dyn Syncs,
}

impl StateStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StateStore {
            dir: dir.into(),
            run: None,
            syncs: &Disk,
        }
    }

    /// The same directory, reading and writing the run whose key is `run`.
    pub fn for_run(&self, run: &str) -> Self {
        StateStore {
            dir: self.dir.clone(),
            run: Some(run.to_string()),
            syncs: self.syncs,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The same store, its saves synced through `syncs` (the test that counts them).
    #[cfg(test)]
    fn syncing_through(mut self, syncs: &'static dyn Syncs) -> Self {
        self.syncs = syncs;
        self
    }

    /// The name of this store's file for `pack_id`, without `.json`.
    fn stem(&self, pack_id: &str) -> String {
        match &self.run {
            Some(run) => format!("{pack_id}@{run}"),
            None => pack_id.to_string(),
        }
    }

    pub fn path(&self, pack_id: &str) -> PathBuf {
        self.dir.join(format!("{}.json", self.stem(pack_id)))
    }

    /// What `pack_id`'s progress holds, for a list of checklists: read, never repaired
    /// or moved aside (opening the checklist does that, and says so); empty if unreadable.
    pub fn peek(&self, pack_id: &str, pack_version: &str) -> State {
        match read(&self.path(pack_id), pack_id) {
            Ok(Found::Usable(state) | Found::Damaged(state, _)) => *state,
            _ => State::new(pack_id, pack_version),
        }
    }

    /// Reads the state of `pack_id`. `now` names the moved-aside copy of a bad file.
    pub fn load(&self, pack_id: &str, pack_version: &str, now: Timestamp) -> LoadOutcome {
        let path = self.path(pack_id);
        match read(&path, pack_id) {
            // A file to move aside is read again under the lock: two windows opening it
            // at once must not move each other's files, nor lose the original.
            Ok(Found::Damaged(..) | Found::Unusable(_)) => match self.lock(pack_id) {
                Ok(lock) => {
                    let outcome =
                        self.settle(&path, pack_id, pack_version, now, read(&path, pack_id));
                    drop(lock);
                    outcome
                }
                Err(e) => LoadOutcome::ReadOnly {
                    state: State::new(pack_id, pack_version),
                    reason: ReadOnlyWhy::Failed(e),
                },
            },
            found => {
                let outcome = self.settle(&path, pack_id, pack_version, now, found);
                if !matches!(outcome, LoadOutcome::Fresh(_) | LoadOutcome::Loaded(_)) {
                    return outcome;
                }
                match self.writable(pack_id) {
                    Ok(()) => outcome,
                    Err(e) => LoadOutcome::ReadOnly {
                        state: outcome.into_state(),
                        reason: ReadOnlyWhy::Failed(e),
                    },
                }
            }
        }
    }

    /// Whether `pack_id`'s progress can be written: a file can be made in its folder (or,
    /// before the folder is made, in the nearest one there is). A folder that can be read
    /// but not written (its rights, a read-only disk) is found at opening, not at the
    /// first tick.
    pub fn writable(&self, pack_id: &str) -> Result<(), StateError> {
        let mut dir = self.dir.as_path();
        while !dir.is_dir() {
            match dir.parent() {
                Some(parent) => dir = parent,
                None => return Ok(()),
            }
        }
        let probe = dir.join(format!(
            ".{}.json.probe-{}",
            self.stem(pack_id),
            std::process::id()
        ));
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .map_err(io_error(FileAction::Write, &self.path(pack_id)))?;
        // Only a probe: if it stays, it is an empty hidden file.
        let _ = fs::remove_file(&probe);
        Ok(())
    }

    /// What loading comes to, given what reading `path` found.
    fn settle(
        &self,
        path: &Path,
        pack_id: &str,
        pack_version: &str,
        now: Timestamp,
        found: Result<Found, StateError>,
    ) -> LoadOutcome {
        let state = State::new(pack_id, pack_version);
        match found {
            Ok(Found::Missing) => LoadOutcome::Fresh(state),
            Ok(Found::Usable(loaded)) => LoadOutcome::Loaded(*loaded),
            Ok(Found::Damaged(kept, lost)) => {
                // The file as it was is kept whole; what could be read replaces it, so
                // that another window reads the same.
                let written = move_aside(path, now)
                    .and_then(|moved_to| write_state(path, &kept, self.syncs).map(|()| moved_to));
                match written {
                    Ok(moved_to) => LoadOutcome::Salvaged {
                        state: *kept,
                        lost,
                        moved_to,
                    },
                    Err(e) => LoadOutcome::ReadOnly {
                        state: *kept,
                        reason: ReadOnlyWhy::Failed(e),
                    },
                }
            }
            Ok(Found::Unusable(reason)) => match move_aside(path, now) {
                Ok(moved_to) => LoadOutcome::MovedAside {
                    state,
                    reason,
                    moved_to,
                },
                Err(e) => LoadOutcome::ReadOnly {
                    state,
                    reason: ReadOnlyWhy::Stuck(reason, e),
                },
            },
            Err(e) => LoadOutcome::ReadOnly {
                state,
                reason: ReadOnlyWhy::Failed(e),
            },
        }
    }

    /// Applies `changes` to the state on disk and writes the result atomically (temp file
    /// in the same directory, fsync, rename, fsync dir), under a lock so that two sessions
    /// never interleave. `mine` is this session's whole state, written when the disk has
    /// none; an unusable file found now is moved aside first, named after `now`.
    pub fn save(
        &self,
        mine: &State,
        changes: &Changes,
        now: Timestamp,
    ) -> Result<Saved, StateError> {
        let path = self.path(&mine.pack_id);
        fs::create_dir_all(&self.dir).map_err(io_error(FileAction::Create, &self.dir))?;
        let _lock = self.lock(&mine.pack_id)?;
        let mut state = match read(&path, &mine.pack_id)? {
            Found::Usable(on_disk) => *on_disk,
            Found::Missing => mine.clone(),
            Found::Unusable(_) => {
                move_aside(&path, now)?;
                mine.clone()
            }
            Found::Damaged(kept, _) => {
                move_aside(&path, now)?;
                *kept
            }
        };
        let notes_kept = keep_both_notes(&state, changes, now);
        state.apply(changes);
        for (kept, both) in &notes_kept {
            state.notes.insert(kept.id.clone(), both.clone());
        }
        state.format = FORMAT_VERSION;
        state.pack_version.clone_from(&mine.pack_version);
        write_state(&path, &state, self.syncs)?;
        let merged_foreign = !state.same_progress(mine);
        Ok(Saved {
            state,
            merged_foreign,
            notes_kept: notes_kept.into_iter().map(|(kept, _)| kept).collect(),
        })
    }

    /// Holds `pack_id`'s lock file until dropped: one writer at a time, across processes.
    fn lock(&self, pack_id: &str) -> Result<File, StateError> {
        let path = self.dir.join(format!(".{}.json.lock", self.stem(pack_id)));
        let file = File::create(&path).map_err(io_error(FileAction::Create, &path))?;
        file.lock().map_err(io_error(FileAction::Lock, &path))?;
        Ok(file)
    }

    /// Starts `pack_id`'s progress afresh, keeping the old file as `<id>.json.bak-<time>`
    /// (returned; `None` when there was nothing to reset). Taken under the save lock.
    pub fn reset(&self, pack_id: &str, now: Timestamp) -> Result<Option<PathBuf>, StateError> {
        let path = self.path(pack_id);
        if !path.exists() {
            return Ok(None);
        }
        let _lock = self.lock(pack_id)?;
        rename_with_stamp(&path, "bak", now).map(Some)
    }
}

/// The notes another window changed since this session last read them (on disk, they
/// are neither what this session started from nor what it writes), each with both
/// texts: this session's, then the other window's under the time it was found.
fn keep_both_notes(on_disk: &State, changes: &Changes, now: Timestamp) -> Vec<(KeptNote, String)> {
    let mut kept = Vec::new();
    for (id, mine) in &changes.notes {
        let theirs = on_disk.notes.get(id);
        let Some(base) = changes.note_bases.get(id) else {
            continue;
        };
        let Some(theirs) = theirs.filter(|theirs| Some(*theirs) != base.as_ref()) else {
            continue;
        };
        let both = match mine {
            Some(mine) if mine == theirs => continue,
            Some(mine) => format!("{mine}\n\n[{}] {theirs}", now.strftime("%Y-%m-%d %H:%M")),
            // Cleared here, written there: theirs stays.
            None => theirs.clone(),
        };
        let note = KeptNote {
            id: id.clone(),
            base: base.clone(),
            theirs: theirs.clone(),
        };
        kept.push((note, both));
    }
    kept
}

/// Reads the state file of `pack_id`. An error means it could not be read at all, so
/// nothing is known about it and it must not be replaced.
fn read(path: &Path, pack_id: &str) -> Result<Found, StateError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) if e.kind() == io::ErrorKind::IsADirectory || path.is_dir() => {
            return Ok(Found::Unusable(Unusable::Directory));
        }
        Err(e) => return Err(io_error(FileAction::Read, path)(e)),
    };
    Ok(match State::parse(&bytes, pack_id) {
        Ok(state) => Found::Usable(Box::new(state)),
        Err(reason) => match salvage(&bytes, pack_id) {
            Some((state, lost)) => Found::Damaged(Box::new(state), lost),
            _ => Found::Unusable(reason),
        },
    })
}

mod files;
#[cfg(test)]
mod tests;
