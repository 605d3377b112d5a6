//! Ticks and what they add up to: the pure half of progress, plus its file storage.

mod state;
mod store;
mod tracker;

pub use state::{Changes, FORMAT_VERSION, Skip, State};
pub use store::{LoadOutcome, Saved, StateError, StateStore};
pub use tracker::{Before, Check, LeafState, Tracker, orphan_ticks};
