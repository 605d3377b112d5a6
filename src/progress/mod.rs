//! Ticks and what they add up to: the pure half of progress, plus its file storage.

mod state;
mod store;
mod tracker;

pub use state::{Changes, FORMAT_VERSION, State};
pub use store::{LoadOutcome, Saved, StateError, StateStore};
pub use tracker::{Before, Check, Tracker, orphan_ticks};
