//! Ticks and what they add up to: the pure half of progress, plus its file storage.

mod due;
mod problems;
mod runs;
mod salvage;
mod state;
mod store;
mod tracker;
mod undo;

pub use due::{DueDate, SOON_DAYS, Urgency, due_date, pressing, start_date};
pub use problems::{FileAction, ReadOnlyWhy, StateError, Unusable};
pub use runs::{
    MAX_RUN_NAME, RunSummary, Student, clean_name, find_run, list_runs, open_or_start_run,
    rename_run, run_key, set_archived,
};
pub use salvage::{Field, Unreadable};
pub use state::{Answer, Changes, FORMAT_VERSION, Run, Skip, State};
pub use store::{KeptNote, LoadOutcome, Saved, StateStore};
pub use tracker::{Before, Check, LeafState, NodeState, SkipPlan, Tracker, orphan_ticks, percent};
pub use undo::{UNDO_LEVELS, UndoStack};
